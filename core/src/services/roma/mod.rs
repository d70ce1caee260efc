//! ROMA Connect (seed 001): `GET /v2/{project_id}/instances` with offset/limit paging, a
//! `status` filter, and `total`/`size` in the answer, described once.

pub mod columns;
pub mod details;
pub mod info;
pub mod list;
pub mod wire;

pub use info::INFO;
pub use list::Roma;

#[cfg(test)]
mod tests;

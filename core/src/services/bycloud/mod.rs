//! ByCloud compute (seed 002): `GET /v1/instances` with a Bearer token, marker paging
//! driven by `meta.has_more` and `links.next`/`links.previous`, and filters for name
//! (exact, or a prefix ending in `*`), status, tags (all must match), flavor and image,
//! described once.

pub mod columns;
pub mod details;
pub mod info;
pub mod list;
pub mod status;
pub mod wire;

pub use info::INFO;
pub use list::ByCloud;

#[cfg(test)]
mod tests;

//! CloudDC (iMetal bare-metal servers): the instance list (seed 000) and the instance
//! status (seed 004), described once: facts ([`info`]), wire types ([`wire`]), markers,
//! columns, details, the [`ListService`](crate::service::ListService) ([`list`]), and the
//! documented state diagram ([`lifecycle`]) its status view draws.

pub mod columns;
pub mod details;
pub mod info;
pub mod lifecycle;
pub mod list;
pub mod markers;
pub mod status;
pub mod user_data;
pub mod wire;

pub use info::INFO;
pub use list::Clouddc;

#[cfg(test)]
mod tests;

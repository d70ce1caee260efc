//! ByCloud compute: `GET /v1/instances` (marker paging, filters, absolute
//! links), with `Authorization: Bearer`.
//!
//! - `service`: [`ByCloud`], the checks in order and the fault hooks;
//! - `query`, `list`: the list's filters, links and paging;
//! - `render`: the instance JSON;
//! - `errors`: the documented error bodies;
//! - `fleet`, `lifecycle`, `profile`: the lazily derived fleet and its
//!   timelines, the phase vocabulary, and the attributes per instance.

mod errors;
mod fleet;
mod lifecycle;
mod list;
mod profile;
mod query;
mod render;
mod service;

pub use service::ByCloud;

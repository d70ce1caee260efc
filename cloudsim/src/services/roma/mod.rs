//! ROMA Connect: `GET /v2/{project_id}/instances` (offset paging, status
//! filter), with `X-Auth-Token`.
//!
//! - `service`: [`Roma`] and its checks in order;
//! - `query`, `render`: the list's query and body;
//! - `errors`: the documented error bodies;
//! - `fleet`, `lifecycle`, `profile`: the lazily derived fleet and its
//!   timelines, the status vocabulary, and the attributes per instance.

mod errors;
mod fleet;
mod lifecycle;
mod profile;
mod query;
mod render;
mod service;

pub use service::Roma;

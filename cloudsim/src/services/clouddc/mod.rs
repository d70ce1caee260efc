//! CloudDC / iMetal bare-metal servers: `GET /v1/{project_id}/instances`
//! (marker paging, filters) and `GET /v1/{project_id}/instances/{id}/status`,
//! with `X-Auth-Token`.
//!
//! - `service`: [`Clouddc`], the checks in order and the fault hooks;
//! - `list`, `query`: the list's filters, paging and markers;
//! - `render`: the instance and status JSON;
//! - `errors`: the documented error bodies;
//! - `fleet`, `timeline`, `lifecycle`, `profile`: the fleet, generated up
//!   front, its timelines along the documented state diagram, the state
//!   vocabulary, and the attributes derived per instance.

mod errors;
mod fleet;
mod lifecycle;
mod list;
mod profile;
mod query;
mod render;
mod service;
mod timeline;

pub use service::Clouddc;

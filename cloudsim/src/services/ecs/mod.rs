//! Huawei Cloud ECS: `GET /v1/{project_id}/cloudservers/detail` ("Querying
//! Details About ECSs", `ListServersDetails`), with `X-Auth-Token`: marker
//! (or deprecated page-number `offset`) paging, `count` the total, filters,
//! `server_id` look-ups.
//!
//! - `service`: [`Ecs`], the checks in order and the fault hooks;
//! - `query`, `list`: the parameters (and the choices where the vendor's
//!   documentation is silent), filters and paging;
//! - `render`: the server JSON;
//! - `errors`: the ECS and API-gateway error bodies;
//! - `fleet`, `lifecycle`, `profile`: the lazily derived fleet and its
//!   timelines, the status / vm / task / power vocabulary, and the
//!   attributes per server.

mod errors;
mod fleet;
mod lifecycle;
mod list;
mod profile;
mod query;
mod render;
mod service;

pub use service::Ecs;

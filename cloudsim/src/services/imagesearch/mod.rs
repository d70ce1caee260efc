//! ImageSearch: `GET /v1/{project_id}/service/{instance_name}`, with
//! `X-Auth-Token` (instance names: [`imagesearch_names`]).
//!
//! - `service`: [`ImageSearch`], the checks in order and the hostile hook;
//! - `render`: the instance JSON;
//! - `errors`: the documented error bodies;
//! - `fleet`, `lifecycle`, `names`: the fleet derived per instance, its
//!   status vocabulary, and the names the API finds instances by.

mod errors;
mod fleet;
mod lifecycle;
mod names;
mod render;
mod service;

pub use names::imagesearch_names;
pub use service::ImageSearch;

//! ImageSearch (seed 003): `GET /v1/{project_id}/service/{instance_name}`, one instance by
//! name, described once.

pub mod info;
pub mod lookup;
pub mod wire;

pub use info::INFO;

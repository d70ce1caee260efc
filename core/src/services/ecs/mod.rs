//! Huawei Cloud ECS ("Querying Details About ECSs", ListServersDetails):
//! `GET /v1/{project_id}/cloudservers/detail` with marker paging, `count`, filters for
//! status, name, flavor, IP and tags, described once.

pub mod columns;
pub mod details;
pub mod info;
pub mod list;
pub mod status;
pub mod wire;

pub use info::INFO;
pub use list::Ecs;

#[cfg(test)]
mod tests;

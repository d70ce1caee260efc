//! [`ImageSearch`]: the ImageSearch service, its checks in order and its
//! hook for hostile data.

use super::errors::{bad_token, error, fault};
use super::fleet::Fleet;
use super::render::details;
use crate::config::Config;
use crate::ctx::Ctx;
use crate::hostile::{blanks, payloads};
use crate::http::Response;
use crate::jsontree::Node;
use crate::route::Route;
use crate::service::SimService;

/// `GET /v1/{project_id}/service/{instance_name}`: one instance by name.
const DETAILS: &str = "/v1/{project_id}/service/{instance_name}";

/// ImageSearch: its fleet of at most 60 named instances.
pub struct ImageSearch {
    fleet: Fleet,
}

impl ImageSearch {
    /// The service with the fleet of `config`.
    pub fn new(config: &Config) -> ImageSearch {
        ImageSearch {
            fleet: Fleet::new(config),
        }
    }
}

impl SimService for ImageSearch {
    fn name(&self) -> &'static str {
        "ImageSearch"
    }

    fn apis(&self) -> &'static [&'static str] {
        &[DETAILS]
    }

    /// Method (405) → `X-Cloudsim-Fault` → credentials (`X-Auth-Token`: 400
    /// `IS.0004`; AK/SK: the gateway's 401)
    /// → project (400 `IS.0002`) → instance name (400 `IS.0010`, compared
    /// percent-decoded) → result.
    fn handle(&self, ctx: &Ctx, route: &Route) -> Response {
        if !ctx.is_get() {
            let msg = format!("Method {} is not allowed for this API; use GET", ctx.req.method);
            return error(405, "APIGW.0405", &msg);
        }
        if let Some(status) = ctx.forced_status() {
            return fault(status);
        }
        if let Err(denied) = ctx.credentials() {
            return denied.answer(bad_token);
        }
        if route.param("project_id") != ctx.config.project_id {
            return error(400, "IS.0002", "Invalid project id");
        }
        match self.fleet.find(route.param("instance_name")) {
            Some(i) => Response::json(200, details(&self.fleet.instance(i), ctx.now_ms)),
            None => error(400, "IS.0010", "The instance does not exist."),
        }
    }

    /// `tags` lists every payload.
    fn hostile_prepare(&self, _route: &Route, root: &mut Node) {
        root.set("tags", Node::Arr(blanks(payloads().len())), "registerDate");
    }
}

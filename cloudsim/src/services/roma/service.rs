//! [`Roma`]: the ROMA Connect service and its checks in order.

use super::errors::{fault, RomaError};
use super::fleet::Fleet;
use super::render::list;
use crate::config::Config;
use crate::ctx::Ctx;
use crate::http::Response;
use crate::huge::Growth;
use crate::route::Route;
use crate::service::SimService;

/// `GET /v2/{project_id}/instances`: offset paging, status filter.
const LIST: &str = "/v2/{project_id}/instances";

/// ROMA Connect: its lazily derived fleet.
pub struct Roma {
    fleet: Fleet,
}

impl Roma {
    /// The service with the fleet of `config`.
    pub fn new(config: &Config) -> Roma {
        Roma {
            fleet: Fleet::new(config),
        }
    }
}

impl SimService for Roma {
    fn name(&self) -> &'static str {
        "ROMA Connect"
    }

    fn apis(&self) -> &'static [&'static str] {
        &[LIST]
    }

    /// Method (405) → `X-Cloudsim-Fault` → credentials (401: `X-Auth-Token`
    /// or AK/SK) → project
    /// (403) → query (400) → result.
    fn handle(&self, ctx: &Ctx, route: &Route) -> Response {
        let project = route.param("project_id");
        let result = if !ctx.is_get() {
            let msg = format!("Method {} is not allowed for this API; use GET", ctx.req.method);
            Err(RomaError::new(405, "APIGW.0405", &msg, ""))
        } else if let Some(status) = ctx.forced_status() {
            Err(fault(status, ctx.fault_detail()))
        } else if let Err(denied) = ctx.credentials() {
            let details = "The X-Auth-Token header is missing or not a valid token";
            return denied.answer(|| RomaError::unauthorized(details).into_response(ctx));
        } else if project != ctx.config.project_id {
            Err(RomaError::forbidden(&format!(
                "The token has no access to project {project}"
            )))
        } else {
            list(ctx, &self.fleet)
        };
        match result {
            Ok(body) => Response::json(200, body),
            Err(err) => err.into_response(ctx),
        }
    }

    /// A list API: the 100 KiB name only.
    fn huge(&self, _route: &Route) -> Option<Growth> {
        Some(Growth::name_only("instances"))
    }
}

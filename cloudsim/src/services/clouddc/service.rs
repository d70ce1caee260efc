//! [`Clouddc`]: the CloudDC (iMetal) service, its checks in order and its
//! hooks for hostile and huge data.

use super::errors::{fault, ClouddcError};
use super::fleet::{Fleet, FleetSpec};
use super::list::list;
use super::render;
use crate::config::Config;
use crate::ctx::Ctx;
use crate::frame::Frame;
use crate::hostile::{entries, pairs};
use crate::http::Response;
use crate::huge::{pair_tag, Growth, BODY_BYTES};
use crate::jsontree::Node;
use crate::route::Route;
use crate::service::SimService;

/// `GET /v1/{project_id}/instances`: marker paging, filters.
const LIST: &str = "/v1/{project_id}/instances";
/// `GET /v1/{project_id}/instances/{id}/status`.
const STATUS: &str = "/v1/{project_id}/instances/{id}/status";

/// CloudDC: its fleet, generated up front.
pub struct Clouddc {
    fleet: Fleet,
    seed: u64,
}

impl Clouddc {
    /// The service with the fleet of `config`.
    pub fn new(config: &Config) -> Clouddc {
        let fleet = Fleet::generate(FleetSpec {
            instances: config.instances,
            seed: config.seed,
            frame: Frame::of(config),
        });
        Clouddc {
            fleet,
            seed: config.seed,
        }
    }
}

impl SimService for Clouddc {
    fn name(&self) -> &'static str {
        "CloudDC"
    }

    fn apis(&self) -> &'static [&'static str] {
        &[LIST, STATUS]
    }

    /// Method (405) → `X-Cloudsim-Fault` → credentials (401: `X-Auth-Token`
    /// or AK/SK) → project (400) → query (400) → result.
    fn handle(&self, ctx: &Ctx, route: &Route) -> Response {
        let is_status = route.template == STATUS;
        if !ctx.is_get() {
            return ClouddcError::method_not_allowed(&ctx.req.method).into_response();
        }
        if let Some(status) = ctx.forced_status() {
            return fault(status, ctx.fault_detail(), is_status.then(|| route.param("id")));
        }
        if let Err(denied) = ctx.credentials() {
            return denied.answer(|| ClouddcError::unauthorized().into_response());
        }
        let project = route.param("project_id");
        let result = if project != ctx.config.project_id {
            Err(ClouddcError::bad_project(project))
        } else if is_status {
            render::status(&self.fleet, route.param("id"), ctx.now_ms)
        } else {
            list(ctx, &self.fleet)
        };
        match result {
            Ok(body) => Response::json(200, body),
            Err(err) => err.into_response(),
        }
    }

    /// Every listed instance gets four tags and four metadata entries.
    fn hostile_prepare(&self, route: &Route, root: &mut Node) {
        if route.template != LIST {
            return;
        }
        for inst in root.get_mut("instances").map_or(&mut [][..], Node::items_mut) {
            inst.set("tags", Node::Arr(pairs(4)), "network_interfaces");
            // Metadata's documented place: after the state (and the
            // operation state, when there is one).
            let has_op = inst.get_mut("operation_state").is_some();
            let after = if has_op { "operation_state" } else { "state" };
            inst.set("metadata", entries(4), after);
        }
    }

    /// The list: 10,000 `{key, value}` tags, and at least 10 MiB.
    fn huge(&self, route: &Route) -> Option<Growth> {
        (route.template == LIST).then_some(Growth {
            list: "instances",
            tags: Some((pair_tag, "network_interfaces")),
            pad_to: Some((BODY_BYTES, "image")),
        })
    }

    fn prerender(&self) {
        render::prerender(&self.fleet, self.seed);
    }
}

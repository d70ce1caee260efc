//! [`Ecs`]: Huawei Cloud ECS, its checks in order and its hooks for hostile
//! and huge data.

use super::errors::{fault, EcsError};
use super::fleet::Fleet;
use super::list::list;
use super::query::parse_query;
use super::render;
use crate::config::Config;
use crate::ctx::Ctx;
use crate::hostile::{blanks, entries};
use crate::http::Response;
use crate::huge::{text_tag, Growth};
use crate::jsontree::Node;
use crate::route::Route;
use crate::service::SimService;

/// `GET /v1/{project_id}/cloudservers/detail` ("Querying Details About
/// ECSs", `ListServersDetails`).
const LIST: &str = "/v1/{project_id}/cloudservers/detail";

/// Huawei Cloud ECS: its lazily derived fleet (and rendered-JSON cache).
pub struct Ecs {
    fleet: Fleet,
}

impl Ecs {
    /// The service with the fleet of `config`.
    pub fn new(config: &Config) -> Ecs {
        Ecs {
            fleet: Fleet::new(config),
        }
    }
}

impl SimService for Ecs {
    fn name(&self) -> &'static str {
        "ECS"
    }

    fn apis(&self) -> &'static [&'static str] {
        &[LIST]
    }

    /// Method (405, the gateway's body) → `X-Cloudsim-Fault` → credentials
    /// (`X-Auth-Token` or AK/SK: 401 `APIGW.0301`, the gateway's body) →
    /// project (400
    /// `Ecs.0023`) → query (400 `Ecs.0005`) → result.
    fn handle(&self, ctx: &Ctx, route: &Route) -> Response {
        let result = if !ctx.is_get() {
            Err(EcsError::method_not_allowed(&ctx.req.method))
        } else if let Some(status) = ctx.forced_status() {
            Err(fault(status, ctx.fault_detail()))
        } else if let Err(denied) = ctx.credentials() {
            return denied.answer(|| EcsError::unauthorized().into_response(ctx));
        } else if route.param("project_id") != ctx.config.project_id {
            Err(EcsError::project_mismatch())
        } else {
            parse_query(ctx.query).and_then(|q| list(ctx, &self.fleet, &q))
        };
        match result {
            Ok(body) => Response::json(200, body),
            Err(err) => err.into_response(ctx),
        }
    }

    /// Every server gets four blank tags and four blank metadata entries.
    fn hostile_prepare(&self, _route: &Route, root: &mut Node) {
        for server in root.get_mut("servers").map_or(&mut [][..], Node::items_mut) {
            server.set("tags", Node::Arr(blanks(4)), "metadata");
            server.set("metadata", entries(4), "created");
        }
    }

    /// 10,000 string tags (`tag-00000` …: key-only tags).
    fn huge(&self, _route: &Route) -> Option<Growth> {
        Some(Growth {
            list: "servers",
            tags: Some((text_tag, "metadata")),
            pad_to: None,
        })
    }

    fn prerender(&self) {
        render::prerender(&self.fleet);
    }
}

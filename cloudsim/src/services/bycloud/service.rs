//! [`ByCloud`]: the ByCloud compute service, its checks in order and its
//! hooks for hostile and huge data.

use super::errors::{fault, ByCloudError};
use super::fleet::Fleet;
use super::list::list;
use super::render;
use crate::config::Config;
use crate::ctx::Ctx;
use crate::hostile::{blanks, entries};
use crate::http::Response;
use crate::huge::{text_tag, Growth};
use crate::jsontree::Node;
use crate::route::Route;
use crate::service::SimService;

/// `GET /v1/instances`: marker paging, filters, absolute links.
const LIST: &str = "/v1/instances";

/// ByCloud: its lazily derived fleet (and rendered-JSON cache).
pub struct ByCloud {
    fleet: Fleet,
}

impl ByCloud {
    /// The service with the fleet of `config`.
    pub fn new(config: &Config) -> ByCloud {
        ByCloud {
            fleet: Fleet::new(config),
        }
    }
}

/// Checks `Authorization: Bearer <token>`.
fn authorize(ctx: &Ctx) -> Result<(), ByCloudError> {
    let Some(value) = ctx.header("Authorization").filter(|v| !v.is_empty()) else {
        return Err(ByCloudError::unauthorized("The Authorization header is missing"));
    };
    let (scheme, token) = value.split_once(char::is_whitespace).unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("Bearer") {
        return Err(ByCloudError::unauthorized(
            "The Authorization header is not a Bearer token",
        ));
    }
    if token.trim() != ctx.config.token {
        return Err(ByCloudError::unauthorized("The bearer token is invalid or has expired"));
    }
    Ok(())
}

impl SimService for ByCloud {
    fn name(&self) -> &'static str {
        "ByCloud"
    }

    fn credential(&self) -> &'static str {
        "Authorization: Bearer"
    }

    fn apis(&self) -> &'static [&'static str] {
        &[LIST]
    }

    /// Method (405) → `X-Cloudsim-Fault` → `Authorization: Bearer <token>`
    /// (401; the scheme is case-insensitive) → result (the query never
    /// fails).
    fn handle(&self, ctx: &Ctx, _route: &Route) -> Response {
        let result = if !ctx.is_get() {
            let details = format!("Method {} is not allowed; use GET", ctx.req.method);
            Err(ByCloudError::new(405, "Method not allowed", &details))
        } else if let Some(status) = ctx.forced_status() {
            Err(fault(status, ctx.fault_detail()))
        } else {
            authorize(ctx).map(|()| list(ctx, &self.fleet))
        };
        match result {
            Ok(body) => Response::json(200, body),
            Err(err) => err.into_response(ctx),
        }
    }

    /// Every instance gets four tags and four metadata entries.
    fn hostile_prepare(&self, _route: &Route, root: &mut Node) {
        for inst in root.get_mut("instances").map_or(&mut [][..], Node::items_mut) {
            inst.set("tags", Node::Arr(blanks(4)), "metadata");
            inst.set("metadata", entries(4), "key_names");
        }
    }

    /// 10,000 string tags.
    fn huge(&self, _route: &Route) -> Option<Growth> {
        Some(Growth {
            list: "instances",
            tags: Some((text_tag, "metadata")),
            pad_to: None,
        })
    }

    fn prerender(&self) {
        render::prerender(&self.fleet);
    }
}

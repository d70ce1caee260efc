//! ROMA Connect rendering: `GET /v2/{project_id}/instances` (offset paging).
//!
//! Order of checks: method (405) → `X-Cloudsim-Fault` → `X-Auth-Token`
//! (401) → project (403) → query (400) → result.
//!
//! Query: `status` (one of the eight documented values, exact), `offset`
//! (decimal digits, ≥ 0; past the end gives an empty page), `limit`
//! (decimal digits, 0–100; absent, empty or 0 means 10). Anything else in
//! those three answers 400 `ROMA.00013000` naming the parameter; unknown
//! parameters are ignored. Instances are listed oldest first: by creation
//! time, which is `create_time` then `id` (ids are UUIDv7-like).
//!
//! Every error body is `{"error_code","error_msg","error_details",
//! "request_id"}` with a 32-hex request id.
//!
//! With `Faults::marker_cycle`, `total` grows by 7 per request: it is the
//! real total plus 7 × the request's sequence number (`X-Cloudsim-Seq`, set
//! by the server; else the seconds since the start), so it changes while
//! the user pages.

use crate::ctx::{parse_digits, with_status_headers, Ctx};
use crate::encode::{json_array, json_strs, utc_z, Obj};
use crate::query::Params;
use crate::roma_fleet::{Fleet, Status};
use crate::Response;

/// Default and maximum of `limit`.
const DEFAULT_LIMIT: usize = 10;
const MAX_LIMIT: u64 = 100;

/// A ROMA Connect error response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RomaError {
    status: u16,
    code: &'static str,
    msg: String,
    details: String,
}

impl RomaError {
    fn new(status: u16, code: &'static str, msg: &str, details: &str) -> RomaError {
        RomaError {
            status,
            code,
            msg: msg.to_string(),
            details: details.to_string(),
        }
    }

    /// 400 `ROMA.00013000` for query parameter `name`.
    fn bad_param(name: &str, details: &str) -> RomaError {
        let msg = format!("Invalid parameter value,parameterName:{name}. Please refer to the support documentation");
        RomaError::new(400, "ROMA.00013000", &msg, details)
    }

    /// 401 `ROMA.00012000`: missing or wrong `X-Auth-Token`.
    fn unauthorized(details: &str) -> RomaError {
        RomaError::new(
            401,
            "ROMA.00012000",
            "Incorrect token or token resolution failed",
            details,
        )
    }

    /// 403 `ROMA.00012000`: the path's project is not the token's.
    fn forbidden(details: &str) -> RomaError {
        RomaError::new(403, "ROMA.00012000", "No permissions to request this method", details)
    }

    /// 500 `ROMA.00011000`.
    fn internal(details: &str) -> RomaError {
        RomaError::new(500, "ROMA.00011000", "System error", details)
    }

    /// The error as an HTTP response (with a request id for `ctx`).
    fn into_response(self, ctx: &Ctx) -> Response {
        let mut body = String::new();
        let mut obj = Obj::new(&mut body);
        obj.str("error_code", self.code)
            .str("error_msg", &self.msg)
            .str("error_details", &self.details)
            .str("request_id", &ctx.request_id());
        obj.end();
        with_status_headers(Response::json(self.status, body))
    }
}

/// The documented response for a forced `status` (`why` in its details).
fn fault(status: u16, why: &str) -> RomaError {
    match status {
        400 => RomaError::bad_param("X-Cloudsim-Fault", why),
        401 => RomaError::unauthorized(why),
        403 => RomaError::forbidden(why),
        429 => RomaError::new(429, "APIG.0308", "The throttling threshold has been reached", why),
        500 => RomaError::internal(why),
        other => RomaError::new(other, "CLOUDSIM.0001", &format!("Forced fault status {other}"), why),
    }
}

/// `GET /v2/{project_id}/instances`.
pub fn handle(ctx: &Ctx, fleet: &Fleet, project: &str) -> Response {
    let result = if !ctx.is_get() {
        let msg = format!("Method {} is not allowed for this API; use GET", ctx.req.method);
        Err(RomaError::new(405, "APIGW.0405", &msg, ""))
    } else if let Some(status) = ctx.forced_status() {
        Err(fault(status, ctx.fault_detail()))
    } else if !ctx.has_auth_token() {
        Err(RomaError::unauthorized(
            "The X-Auth-Token header is missing or not a valid token",
        ))
    } else if project != ctx.config.project_id {
        Err(RomaError::forbidden(&format!(
            "The token has no access to project {project}"
        )))
    } else {
        list(ctx, fleet)
    };
    match result {
        Ok(body) => Response::json(200, body),
        Err(err) => err.into_response(ctx),
    }
}

/// The parsed query.
struct Query {
    status: Option<Status>,
    offset: usize,
    limit: usize,
}

fn parse_query(params: &Params) -> Result<Query, RomaError> {
    let status = match params.get("status") {
        None => None,
        Some(v) => Some(Status::parse_filter(v).ok_or_else(|| {
            RomaError::bad_param(
                "status",
                "status must be one of CREATING, RUNNING, DELETING, DELETED, ERROR, \
                 CREATE_FAILED, DELETE_FAILED, SOFT_DELETED",
            )
        })?),
    };
    let offset = match params.get("offset") {
        None => 0,
        Some(v) => parse_digits(v)
            .ok_or_else(|| RomaError::bad_param("offset", "offset must be an integer greater than or equal to 0"))?,
    };
    let limit = match params.get("limit").map(parse_digits) {
        None | Some(Some(0)) => DEFAULT_LIMIT,
        Some(Some(n)) if n <= MAX_LIMIT => n as usize,
        Some(_) => return Err(RomaError::bad_param("limit", "limit must be an integer from 0 to 100")),
    };
    Ok(Query {
        status,
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
        limit,
    })
}

/// The response body of a valid request.
fn list(ctx: &Ctx, fleet: &Fleet) -> Result<String, RomaError> {
    let q = parse_query(&ctx.params())?;
    let n = fleet.roster().len();
    let (total, page): (usize, Vec<usize>) = match q.status {
        None => {
            let from = q.offset.min(n);
            (n, (from..q.offset.saturating_add(q.limit).min(n)).collect())
        }
        Some(wanted) => {
            let mut total = 0;
            let mut page = Vec::new();
            for i in 0..n {
                if fleet.timeline(i).at(ctx.now_ms) == wanted {
                    if total >= q.offset && page.len() < q.limit {
                        page.push(i);
                    }
                    total += 1;
                }
            }
            (total, page)
        }
    };
    let total = if ctx.cycle() {
        ctx.mark_cycled();
        total.saturating_add(ctx.sequence().saturating_mul(7).try_into().unwrap_or(usize::MAX))
    } else {
        total
    };
    let mut body = String::with_capacity(page.len() * 1_100 + 64);
    let mut obj = Obj::new(&mut body);
    obj.num("total", total as u64)
        .num("size", page.len() as u64)
        .raw("instances", |out| {
            json_array(out, &page, |out, &i| write_instance(out, ctx, fleet, i))
        });
    obj.end();
    Ok(body)
}

/// One instance, keys in the vendor example's order.
fn write_instance(out: &mut String, ctx: &Ctx, fleet: &Fleet, i: usize) {
    let roster = fleet.roster();
    let timeline = fleet.timeline(i);
    let status = timeline.at(ctx.now_ms);
    let p = fleet.profile(i);
    let (error_code, error_msg) = status.failure().unwrap_or(("", ""));
    let (publicip_id, publicip_address) = p
        .public_ip
        .as_ref()
        .map_or(("", ""), |(id, addr)| (id.as_str(), addr.as_str()));
    let user = |out: &mut String, (id, name): &(String, &str)| {
        let mut o = Obj::new(out);
        o.str("user_id", id).str("user_name", name);
        o.end();
    };
    let mut obj = Obj::new(out);
    obj.str("id", &roster.id(i))
        .str("name", &p.name)
        .str("description", p.description)
        .str("flavor_id", p.flavor_id)
        .str("flavor_type", p.flavor_type)
        .str("cpu_arch", p.cpu_arch)
        .str("vpc_id", &p.vpc_id)
        .str("subnet_id", &p.subnet_id)
        .str("security_group_id", &p.security_group_id)
        .bool("publicip_enable", p.public_ip.is_some())
        .str("publicip_id", publicip_id)
        .str("publicip_address", publicip_address)
        .str("status", status.as_str())
        .str("error_code", error_code)
        .str("error_msg", error_msg)
        .str("charge_type", p.charge_type)
        .str("project_id", &ctx.config.project_id)
        .str("create_time", &utc_z(roster.created_ms(i)))
        .str("update_time", &utc_z(timeline.updated_at(ctx.now_ms)))
        .str("maintain_begin", p.maintain.0)
        .str("maintain_end", p.maintain.1)
        .raw("available_zone_ids", |out| json_strs(out, &p.available_zone_ids))
        .str("enterprise_project_id", &p.enterprise_project_id)
        .raw("created_user", |out| user(out, &p.created_user))
        .raw("last_updated_user", |out| user(out, &p.last_updated_user));
    obj.end();
}

//! ByCloud rendering: `GET /v1/instances` (marker paging, filters, links).
//!
//! Order of checks: method (405) → `X-Cloudsim-Fault` → `Authorization:
//! Bearer <token>` (401; the scheme is case-insensitive) → result. The page
//! documents no 400, so the query never fails: `limit` is clamped to
//! 1–1000 (default 20; a non-integer means the default), `marker` is the id
//! after which the page starts (any string works: items sorting after it),
//! `name` matches exactly or, ending with `*`, as a prefix, `status`,
//! `flavor_id`, `image_id` match exactly and `tags` (comma-separated) must
//! all be present. Instances are sorted by id (ids are UUIDv7-like, so this
//! is creation order).
//!
//! Links are absolute: `http://{Host header}/v1/instances?limit=L` then
//! `&marker=M` and the request's filters (`name`, `status`, `tags`,
//! `flavor_id`, `image_id`, URL-encoded); without a `Host` header the base is
//! `https://api.spo1.mycloud.com`. `previous` is null on the first page,
//! has no marker on the second, and otherwise the marker is the id just
//! before the previous page.
//!
//! Errors are `{"error": {"code", "message", "details", "request_id"}}`.
//!
//! With `Faults::marker_cycle`, page 3's `meta.marker` and `links.next`
//! repeat page 1's marker, the last page says `has_more` with a marker past
//! the end, and a page past the end is empty with `has_more: true` (and the
//! marker it was asked for).

use crate::bycloud_fleet::{Fleet, Phase, Rendered};
use crate::ctx::{parse_digits, with_status_headers, Ctx};
use crate::encode::{json_array, json_strs, percent_encode, utc_z, Obj};
use crate::query::Params;
use crate::Response;

const DEFAULT_LIMIT: usize = 20;
const MAX_LIMIT: usize = 1000;
/// The base of links when the request has no `Host` header.
const DEFAULT_BASE: &str = "https://api.spo1.mycloud.com";

/// A ByCloud error response.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ByError {
    status: u16,
    message: String,
    details: String,
}

impl ByError {
    fn new(status: u16, message: &str, details: &str) -> ByError {
        ByError {
            status,
            message: message.to_string(),
            details: details.to_string(),
        }
    }

    fn unauthorized(details: &str) -> ByError {
        ByError::new(401, "Authentication required or token invalid", details)
    }

    fn into_response(self, ctx: &Ctx) -> Response {
        let mut body = String::new();
        let mut obj = Obj::new(&mut body);
        obj.raw("error", |out| {
            let mut err = Obj::new(out);
            err.num("code", u64::from(self.status))
                .str("message", &self.message)
                .str("details", &self.details)
                .str("request_id", &ctx.request_id());
            err.end();
        });
        obj.end();
        with_status_headers(Response::json(self.status, body))
    }
}

/// The documented response for a forced `status` (`why` in its details).
fn fault(status: u16, why: &str) -> ByError {
    match status {
        401 => ByError::unauthorized(why),
        429 => ByError::new(429, "Too many requests", why),
        500 => ByError::new(500, "Internal server error", why),
        other => ByError::new(other, &format!("Forced fault status {other}"), why),
    }
}

/// Checks `Authorization: Bearer <token>`.
fn authorize(ctx: &Ctx) -> Result<(), ByError> {
    let Some(value) = ctx.header("Authorization").filter(|v| !v.is_empty()) else {
        return Err(ByError::unauthorized("The Authorization header is missing"));
    };
    let (scheme, token) = value.split_once(char::is_whitespace).unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("Bearer") {
        return Err(ByError::unauthorized("The Authorization header is not a Bearer token"));
    }
    if token.trim() != ctx.config.token {
        return Err(ByError::unauthorized("The bearer token is invalid or has expired"));
    }
    Ok(())
}

/// `GET /v1/instances`.
pub fn handle(ctx: &Ctx, fleet: &Fleet) -> Response {
    let result = if !ctx.is_get() {
        let details = format!("Method {} is not allowed; use GET", ctx.req.method);
        Err(ByError::new(405, "Method not allowed", &details))
    } else if let Some(status) = ctx.forced_status() {
        Err(fault(status, ctx.fault_detail()))
    } else {
        authorize(ctx).map(|()| list(ctx, fleet))
    };
    match result {
        Ok(body) => Response::json(200, body),
        Err(err) => err.into_response(ctx),
    }
}

/// The parsed query; filters keep their decoded text for the links.
struct Query {
    limit: usize,
    marker: Option<String>,
    /// `(parameter, value)` in link order.
    filters: Vec<(&'static str, String)>,
}

const FILTERS: [&str; 5] = ["name", "status", "tags", "flavor_id", "image_id"];

fn parse_query(params: &Params) -> Query {
    let limit = match params.get("limit") {
        Some(v) => {
            let (negative, digits) = match v.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, v.strip_prefix('+').unwrap_or(v)),
            };
            match parse_digits(digits) {
                Some(_) if negative => 1,
                Some(n) => n.clamp(1, MAX_LIMIT as u64) as usize,
                None => DEFAULT_LIMIT,
            }
        }
        None => DEFAULT_LIMIT,
    };
    Query {
        limit,
        marker: params.get("marker").map(String::from),
        filters: FILTERS
            .into_iter()
            .filter_map(|name| params.get(name).map(|v| (name, v.to_string())))
            .collect(),
    }
}

impl Query {
    /// Whether instance `i` passes every filter at `now_ms`.
    fn keeps(&self, fleet: &Fleet, i: usize, now_ms: i64) -> bool {
        if self.filters.is_empty() {
            return true;
        }
        let traits = fleet.traits(i);
        self.filters.iter().all(|(param, wanted)| {
            let wanted = wanted.as_str();
            match *param {
                "name" => {
                    let name = traits.name(i);
                    match wanted.strip_suffix('*') {
                        Some(prefix) => name.starts_with(prefix),
                        None => name == wanted,
                    }
                }
                "status" => fleet.timeline(i).at(now_ms).status() == wanted,
                "tags" => wanted
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .all(|t| traits.tags.contains(&t)),
                "flavor_id" => traits.flavor.0 == wanted,
                _ => traits.image.0 == wanted,
            }
        })
    }

    /// An absolute link to the page after `marker` (None: the first page).
    fn link(&self, ctx: &Ctx, marker: Option<&str>) -> String {
        let mut url = match ctx.header("Host").filter(|h| !h.is_empty()) {
            Some(host) => format!("http://{host}"),
            None => DEFAULT_BASE.to_string(),
        };
        url.push_str(&format!("/v1/instances?limit={}", self.limit));
        if let Some(m) = marker {
            url.push_str(&format!("&marker={}", percent_encode(m)));
        }
        for (param, value) in &self.filters {
            url.push_str(&format!("&{param}={}", percent_encode(value)));
        }
        url
    }
}

/// The response body of an authorized request.
fn list(ctx: &Ctx, fleet: &Fleet) -> String {
    let q = parse_query(&ctx.params());
    let roster = fleet.roster();
    // Without filters the matching list is the whole fleet: nothing is
    // derived but the page (and O(log n) ids to find the marker).
    let filtered: Option<Vec<usize>> =
        (!q.filters.is_empty()).then(|| (0..roster.len()).filter(|&i| q.keeps(fleet, i, ctx.now_ms)).collect());
    let total = filtered.as_ref().map_or(roster.len(), Vec::len);
    let at = |k: usize| filtered.as_ref().map_or(k, |f| f[k]);
    // Ids increase with the index, so the matching list is sorted by id.
    let start = match &q.marker {
        Some(m) => partition_point(total, |k| roster.id(at(k)).as_str() <= m.as_str()),
        None => 0,
    };
    let end = start.saturating_add(q.limit).min(total);
    let page: Vec<usize> = (start..end).map(at).collect();
    let mut has_more = end < total;
    let mut next_marker = has_more.then(|| roster.id(at(end - 1)));
    if ctx.cycle() {
        let cycled = if start == 2 * q.limit && end > start {
            Some(roster.id(at(q.limit - 1)))
        } else if end == total && end > start {
            Some(roster.id(at(end - 1)))
        } else if start >= total {
            q.marker.clone()
        } else {
            None
        };
        if cycled.is_some() {
            (has_more, next_marker) = (true, cycled);
            ctx.mark_cycled();
        }
    }
    let previous = match start {
        0 => None,
        s if s <= q.limit => Some(q.link(ctx, None)),
        s => Some(q.link(ctx, Some(&roster.id(at(s - q.limit - 1))))),
    };

    let mut body = String::with_capacity(page.len() * 1_400 + 512);
    let mut obj = Obj::new(&mut body);
    obj.raw("instances", |out| {
        json_array(out, &page, |out, &i| write_instance(out, ctx, fleet, i))
    });
    obj.raw("meta", |out| {
        let mut meta = Obj::new(out);
        meta.num("total", total as u64)
            .num("limit", q.limit as u64)
            .opt_str("marker", next_marker.as_deref())
            .bool("has_more", has_more);
        meta.end();
    });
    obj.raw("links", |out| {
        let mut links = Obj::new(out);
        let next = next_marker.as_deref().map(|m| q.link(ctx, Some(m)));
        links
            .str("self", &q.link(ctx, q.marker.as_deref()))
            .opt_str("next", next.as_deref())
            .opt_str("previous", previous.as_deref());
        links.end();
    });
    obj.end();
    body
}

/// The first `k` in `0..len` for which `before(k)` is false (`before` must
/// be true then false along `0..len`).
fn partition_point(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// One instance, keys in the vendor example's order.
fn write_instance(out: &mut String, ctx: &Ctx, fleet: &Fleet, i: usize) {
    let roster = fleet.roster();
    let timeline = fleet.timeline(i);
    let phase = timeline.at(ctx.now_ms);
    let updated = utc_z(timeline.updated_at(ctx.now_ms));
    let fixed = fleet.rendered(i, || static_members(fleet, i));
    let launched = fixed
        .launched_ms
        .or_else(|| timeline.first_reached(ctx.now_ms, |p| p == Phase::Active))
        .map(utc_z);
    let mut obj = Obj::new(out);
    obj.members(&fixed.head)
        .str("status", phase.status())
        .str("power_state", phase.power_state())
        .opt_str("task_state", phase.task_state())
        .str("vm_state", phase.vm_state())
        .members(&fixed.middle);
    if phase == Phase::Error {
        obj.raw("fault", |out| {
            let mut o = Obj::new(out);
            o.num("code", 500)
                .str(
                    "message",
                    "No valid host was found. There are not enough hosts available.",
                )
                .str(
                    "details",
                    &format!(
                        "Exceeded maximum number of retries. Exhausted all hosts available \
                         for retrying build failures for instance {}.",
                        roster.id(i)
                    ),
                )
                .str("created", &updated);
            o.end();
        });
    } else {
        obj.opt_str("fault", None);
    }
    let terminated = (phase == Phase::Deleted).then_some(updated.as_str());
    obj.str("created_at", &utc_z(roster.created_ms(i)))
        .str("updated_at", &updated)
        .opt_str("launched_at", launched.as_deref())
        .opt_str("terminated_at", terminated);
    obj.end();
}

/// Renders every instance's unchanging JSON now rather than on first use.
pub(crate) fn prerender(fleet: &Fleet) {
    for i in 0..fleet.roster().len() {
        fleet.rendered(i, || static_members(fleet, i));
    }
}

/// What never changes about instance `i`: the members before `status`, those from `flavor`
/// to `tags`, and the launch time its details fix (if any).
fn static_members(fleet: &Fleet, i: usize) -> Rendered {
    let id = fleet.roster().id(i);
    let timeline = fleet.timeline(i);
    let traits = fleet.traits(i);
    let d = fleet.details(i, &traits, timeline.at(i64::MIN));
    let (flavor_id, flavor_name, vcpus, ram, disk) = *traits.flavor;
    let head = Obj::rendered(|obj| {
        obj.str("id", &id)
            .str("crn", &format!("crn:spo1:compute:instance:{id}"))
            .str("name", &traits.name(i))
            .str("description", d.description);
    });
    let middle = Obj::rendered(|obj| {
        obj.raw("flavor", |out| {
            let mut o = Obj::new(out);
            o.str("id", flavor_id)
                .str("name", flavor_name)
                .num("vcpus", vcpus)
                .num("ram", ram)
                .num("disk", disk);
            o.end();
        });
        obj.raw("image", |out| {
            let mut o = Obj::new(out);
            o.str("id", traits.image.0).str("name", traits.image.1);
            o.end();
        });
        obj.raw("addresses", |out| {
            let mut networks = Obj::new(out);
            for (network, addresses) in &d.addresses {
                networks.raw(network, |out| {
                    json_array(out, addresses, |out, (addr, version, kind, mac)| {
                        let mut o = Obj::new(out);
                        o.str("addr", addr)
                            .num("version", *version)
                            .str("type", kind)
                            .str("mac_addr", mac);
                        o.end();
                    })
                });
            }
            networks.end();
        });
        obj.raw("security_groups", |out| {
            json_array(out, &d.security_groups, |out, name| {
                let mut o = Obj::new(out);
                o.str("name", name);
                o.end();
            })
        });
        obj.raw("volumes_attached", |out| {
            json_array(out, &d.volumes, |out, (vid, device, delete)| {
                let mut o = Obj::new(out);
                o.str("id", vid)
                    .str("device", device)
                    .bool("delete_on_termination", *delete);
                o.end();
            })
        });
        obj.raw("key_names", |out| json_strs(out, d.key_names));
        obj.raw("metadata", |out| {
            let mut o = Obj::new(out);
            for (k, v) in &d.metadata {
                o.str(k, v);
            }
            o.end();
        });
        obj.raw("tags", |out| json_strs(out, &traits.tags));
    });
    Rendered {
        head,
        middle,
        launched_ms: d.launched_ms,
    }
}

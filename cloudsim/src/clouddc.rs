//! CloudDC (iMetal) rendering: `GET /v1/{project_id}/instances` (marker
//! paging) and `GET /v1/{project_id}/instances/{id}/status`.
//!
//! With `Faults::marker_cycle` the list misbehaves: page 3's `next_marker`
//! is page 1's (so pages 2 and 3 alternate for ever), the last page's
//! points past the end, and a page past the end is empty with a non-empty
//! `next_marker` (the marker it was asked for).

use crate::ctx::Ctx;
use crate::encode::{json_array, percent_encode, rfc3339, Obj};
use crate::errors::ApiError;
use crate::fleet::{Failure, Fleet, Instance, State, Status};
use crate::profile::Profile;
use crate::query::Params;
use crate::{Config, MarkerStyle};

/// Default and bounds of `limit`.
const DEFAULT_LIMIT: usize = 10;
const MIN_LIMIT: usize = 10;
const MAX_LIMIT: usize = 1000;
/// At most this many ids in `instance_id`.
const MAX_IDS: usize = 100;

/// The parsed query of a list request.
struct ListQuery {
    limit: usize,
    marker: Option<String>,
    state: Option<State>,
    instance_ids: Option<Vec<String>>,
    server_id: Option<String>,
}

/// Parses `limit`: an optionally signed integer, clamped to 10–1000.
fn parse_limit(value: &str) -> Option<usize> {
    let (negative, digits) = match value.as_bytes().first() {
        Some(b'-') => (true, &value[1..]),
        Some(b'+') => (false, &value[1..]),
        _ => (false, value),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if negative {
        return Some(MIN_LIMIT);
    }
    let n = digits.parse::<u64>().unwrap_or(u64::MAX);
    Some(n.clamp(MIN_LIMIT as u64, MAX_LIMIT as u64) as usize)
}

fn parse_list_query(params: &Params) -> Result<ListQuery, ApiError> {
    let limit = match params.get("limit") {
        None => DEFAULT_LIMIT,
        Some(v) => parse_limit(v).ok_or_else(|| ApiError::bad_param("limit must be an integer (10-1000)"))?,
    };
    let state = match params.get("instance_state") {
        None => None,
        Some(v) => {
            Some(State::parse(v).ok_or_else(|| ApiError::bad_param("instance_state is not a known instance state"))?)
        }
    };
    let instance_ids = match params.get("instance_id") {
        None => None,
        Some(v) => {
            let ids: Vec<String> = v
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            if ids.len() > MAX_IDS {
                return Err(ApiError::bad_param("instance_id accepts at most 100 ids"));
            }
            Some(ids)
        }
    };
    Ok(ListQuery {
        limit,
        marker: params.get("marker").map(String::from),
        state,
        instance_ids,
        server_id: params.get("server_id").map(String::from),
    })
}

/// Fleet indices matching the filters, in id order.
fn matching(fleet: &Fleet, q: &ListQuery, now_ms: i64) -> Vec<usize> {
    let keep = |inst: &Instance| {
        q.state.is_none_or(|s| inst.status_at(now_ms).state == s)
            && q.server_id
                .as_ref()
                .is_none_or(|sid| Profile::server_id_of(inst) == *sid)
    };
    match &q.instance_ids {
        Some(ids) => {
            let mut found: Vec<usize> = ids
                .iter()
                .filter_map(|id| fleet.find(id))
                .filter(|inst| keep(inst))
                .map(|inst| inst.index)
                .collect();
            found.sort_unstable();
            found.dedup();
            found
        }
        None => fleet
            .instances
            .iter()
            .filter(|inst| keep(inst))
            .map(|inst| inst.index)
            .collect(),
    }
}

/// A marker as the configured style renders it ("" stays "").
fn render_marker(config: &Config, q: &ListQuery, marker: &str) -> String {
    if marker.is_empty() {
        return String::new();
    }
    match config.marker_style {
        MarkerStyle::Bare => marker.to_string(),
        MarkerStyle::QueryAddress => {
            let mut address = format!(
                "/v1/{}/instances?limit={}&marker={}",
                percent_encode(&config.project_id),
                q.limit,
                percent_encode(marker)
            );
            if let Some(state) = q.state {
                address.push_str("&instance_state=");
                address.push_str(state.as_str());
            }
            if let Some(ids) = &q.instance_ids {
                address.push_str("&instance_id=");
                address.push_str(&percent_encode(&ids.join(",")));
            }
            if let Some(sid) = &q.server_id {
                address.push_str("&server_id=");
                address.push_str(&percent_encode(sid));
            }
            address
        }
    }
}

/// `GET /v1/{project_id}/instances`: the response body.
pub fn list(ctx: &Ctx, fleet: &Fleet) -> Result<String, ApiError> {
    let (config, now_ms) = (ctx.config, ctx.now_ms);
    let q = parse_list_query(&ctx.params())?;
    let filtered = matching(fleet, &q, now_ms);
    let start = match &q.marker {
        Some(m) => filtered.partition_point(|&i| fleet.instances[i].id.as_str() <= m.as_str()),
        None => 0,
    };
    let end = (start + q.limit).min(filtered.len());
    let page = &filtered[start..end];
    let id_at = |pos: usize| fleet.instances[filtered[pos]].id.as_str();
    let mut next = if end < filtered.len() && end > start {
        id_at(end - 1)
    } else {
        ""
    };
    if ctx.cycle() {
        let cycled = if start == 2 * q.limit && end > start {
            Some(id_at(q.limit - 1))
        } else if end == filtered.len() && end > start {
            Some(id_at(end - 1))
        } else if start >= filtered.len() {
            q.marker.as_deref()
        } else {
            None
        };
        if let Some(marker) = cycled {
            next = marker;
            ctx.mark_cycled();
        }
    }
    let previous = if start == 0 || start <= q.limit {
        ""
    } else {
        id_at(start - q.limit - 1)
    };

    let mut body = String::with_capacity(page.len() * 900 + 128);
    let mut obj = Obj::new(&mut body);
    obj.raw("instances", |out| {
        json_array(out, page, |out, &i| {
            write_instance(out, &fleet.instances[i], config.seed, now_ms)
        })
    });
    obj.raw("page_info", |out| {
        let mut info = Obj::new(out);
        info.str("next_marker", &render_marker(config, &q, next))
            .str("previous_marker", &render_marker(config, &q, previous))
            .num("current_count", page.len() as u64);
        info.end();
    });
    obj.num("count", filtered.len() as u64);
    obj.end();
    Ok(body)
}

/// `GET /v1/{project_id}/instances/{id}/status`: the response body.
pub fn status(fleet: &Fleet, id: &str, now_ms: i64) -> Result<String, ApiError> {
    let inst = fleet.find(id).ok_or_else(|| ApiError::instance_not_found(id))?;
    let mut body = String::new();
    let mut obj = Obj::new(&mut body);
    write_status(&mut obj, inst.status_at(now_ms), false);
    obj.end();
    Ok(body)
}

/// `state`, `operation_state` (when any) and, unless `skip_error`, `error`.
fn write_status(obj: &mut Obj, status: Status, skip_error: bool) {
    obj.str("state", status.state.as_str());
    if let Some(op) = status.op {
        obj.str("operation_state", op.as_str());
    }
    if let (Some(failure), false) = (status.error, skip_error) {
        obj.raw("error", |out| write_error(out, failure));
    }
}

fn write_error(out: &mut String, failure: Failure) {
    let (code, msg, kind) = failure.fields();
    let mut err = Obj::new(out);
    err.str("error_code", code)
        .str("error_msg", msg)
        .str("error_type", kind);
    err.end();
}

/// One instance, keys in the vendor example's order.
fn write_instance(out: &mut String, inst: &Instance, seed: u64, now_ms: i64) {
    let (head, middle) = inst.rendered.get_or_init(|| static_members(inst, seed));
    let status = inst.status_at(now_ms);
    let launched = inst.launched_at(now_ms).map(rfc3339).unwrap_or_default();
    let mut obj = Obj::new(out);
    obj.members(head);
    write_status(&mut obj, status, true);
    obj.members(middle)
        .str("updated_at", &rfc3339(inst.updated_at(now_ms)))
        .str("launched_at", &launched);
    if let Some(failure) = status.error {
        obj.raw("error", |out| write_error(out, failure));
    }
    obj.end();
}

/// Renders every instance's unchanging members now rather than on first use.
pub(crate) fn prerender(fleet: &Fleet, seed: u64) {
    for inst in &fleet.instances {
        inst.rendered.get_or_init(|| static_members(inst, seed));
    }
}

/// The members of an instance that do not change over time, in the vendor's key order:
/// those before `state` and those between the status and `updated_at`.
fn static_members(inst: &Instance, seed: u64) -> (String, String) {
    let p = Profile::of(inst, seed);
    let head = Obj::rendered(|obj| {
        obj.str("id", &inst.id).str("name", &p.name).str("vpc_id", &p.vpc_id);
        obj.raw("network_interfaces", |out| {
            json_array(out, &p.network_interfaces, |out, nic| {
                let mut o = Obj::new(out);
                o.str("subnet_id", &nic.subnet_id)
                    .str("ipv4_address", &nic.ipv4_address);
                o.end();
            })
        });
        if !p.tags.is_empty() {
            obj.raw("tags", |out| {
                json_array(out, &p.tags, |out, (k, v)| {
                    let mut o = Obj::new(out);
                    o.str("key", k).str("value", v);
                    o.end();
                })
            });
        }
        obj.raw("image", |out| {
            let mut o = Obj::new(out);
            o.str("id", p.image.id)
                .str("name", p.image.name)
                .str("os_type", p.image.os_type);
            o.end();
        });
        obj.str("description", p.description);
    });
    let middle = Obj::rendered(|obj| {
        if !p.metadata.is_empty() {
            obj.raw("metadata", |out| {
                let mut o = Obj::new(out);
                for (k, v) in &p.metadata {
                    o.str(k, v);
                }
                o.end();
            });
        }
        let created = if inst.created_blank {
            String::new()
        } else {
            rfc3339(inst.created_ms)
        };
        obj.str("user_data", &p.user_data)
            .str("server_id", &p.server_id)
            .str("created_at", &created);
    });
    (head, middle)
}

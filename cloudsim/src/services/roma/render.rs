//! ROMA Connect's list body, `GET /v2/{project_id}/instances`: offset
//! paging over the fleet, oldest first (by creation time, which is
//! `create_time` then `id`; ids are UUIDv7-like), keys in the vendor
//! example's order.
//!
//! With `Faults::marker_cycle`, `total` grows by 7 per request: it is the
//! real total plus 7 × the request's sequence number (`X-Cloudsim-Seq`, set
//! by the server; else the seconds since the start), so it changes while
//! the user pages.

use super::errors::RomaError;
use super::fleet::Fleet;
use super::query::parse_query;
use crate::ctx::Ctx;
use crate::encode::{json_array, json_strs, utc_z, Obj};

/// The response body of a valid request.
pub fn list(ctx: &Ctx, fleet: &Fleet) -> Result<String, RomaError> {
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

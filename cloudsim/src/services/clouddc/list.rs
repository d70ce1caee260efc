//! CloudDC's list, `GET /v1/{project_id}/instances`: filters, marker paging
//! and the rendered markers.
//!
//! With `Faults::marker_cycle` the list misbehaves: page 3's `next_marker`
//! is page 1's (so pages 2 and 3 alternate for ever), the last page's
//! points past the end, and a page past the end is empty with a non-empty
//! `next_marker` (the marker it was asked for).

use super::errors::ClouddcError;
use super::fleet::{Fleet, Instance};
use super::profile::Profile;
use super::query::{parse_list_query, ListQuery};
use super::render::write_instance;
use crate::config::{Config, MarkerStyle};
use crate::ctx::Ctx;
use crate::encode::{json_array, percent_encode, Obj};

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
pub fn list(ctx: &Ctx, fleet: &Fleet) -> Result<String, ClouddcError> {
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

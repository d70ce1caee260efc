//! ByCloud's list body, `GET /v1/instances`: marker paging over the fleet
//! sorted by id (ids are UUIDv7-like, so this is creation order), `meta`
//! and `links`. `previous` is null on the first page, has no marker on the
//! second, and otherwise the marker is the id just before the previous
//! page.
//!
//! With `Faults::marker_cycle`, page 3's `meta.marker` and `links.next`
//! repeat page 1's marker, the last page says `has_more` with a marker past
//! the end, and a page past the end is empty with `has_more: true` (and the
//! marker it was asked for).

use super::fleet::Fleet;
use super::query::parse_query;
use super::render::write_instance;
use crate::ctx::Ctx;
use crate::encode::{json_array, Obj};

/// The response body of an authorized request.
pub fn list(ctx: &Ctx, fleet: &Fleet) -> String {
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

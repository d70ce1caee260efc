//! ECS's list body, `{"count": N, "servers": [...]}`: the servers matching
//! the filters in creation order (ids sort like creation), `count` their
//! total (not the page's), a page of `limit` after `marker` or, without
//! one, the deprecated page number `offset`. There is no next link: a
//! client pages by the last server's id until it has `count`.
//!
//! With `Faults::marker_cycle`, the third page (the one starting at
//! 2 × `limit`) repeats the first page's servers, so that a client
//! following the last id loops.
//!
//! With `server_id`, one entry per id asked, in that order: the server, or
//! an entry with only its `id` for an id no server has.

use super::errors::EcsError;
use super::fleet::Fleet;
use super::query::Query;
use super::render::{write_server, write_stub};
use crate::ctx::Ctx;
use crate::encode::{json_array, Obj};

/// What one entry of the answer is.
enum Entry<'a> {
    Server(usize),
    Unknown(&'a str),
}

/// The response body of an authorized request with a well-formed query.
pub fn list(ctx: &Ctx, fleet: &Fleet, q: &Query) -> Result<String, EcsError> {
    let (count, entries): (usize, Vec<Entry>) = match &q.server_ids {
        Some(ids) => {
            let entries: Vec<Entry> = ids
                .iter()
                .map(|id| fleet.find(id).map_or(Entry::Unknown(id), Entry::Server))
                .collect();
            (entries.len(), entries)
        }
        None => {
            let (count, page) = page(ctx, fleet, q)?;
            (count, page.into_iter().map(Entry::Server).collect())
        }
    };
    let mut body = String::with_capacity(entries.len() * 2_600 + 64);
    let mut obj = Obj::new(&mut body);
    obj.num("count", count as u64);
    obj.raw("servers", |out| {
        json_array(out, &entries, |out, entry| match entry {
            Entry::Server(i) => write_server(out, ctx, fleet, *i),
            Entry::Unknown(id) => write_stub(out, id),
        })
    });
    obj.end();
    Ok(body)
}

/// The number of servers matching the filters, and (when there are
/// filters) their indices.
fn total(ctx: &Ctx, fleet: &Fleet, q: &Query) -> (usize, Option<Vec<usize>>) {
    let n = fleet.roster().len();
    if q.filters.is_empty() {
        return (n, None);
    }
    let matching: Vec<usize> = (0..n).filter(|&i| q.keeps(fleet, i, ctx.now_ms)).collect();
    (matching.len(), Some(matching))
}

/// The number of servers matching the filters, and the indices of the
/// page's.
fn page(ctx: &Ctx, fleet: &Fleet, q: &Query) -> Result<(usize, Vec<usize>), EcsError> {
    // Without filters the matching list is the whole fleet: nothing is
    // derived but the page (and O(log n) ids to find the marker).
    let (total, matching) = total(ctx, fleet, q);
    let at = |k: usize| matching.as_ref().map_or(k, |m| m[k]);
    let start = match &q.marker {
        Some(marker) => {
            let after = fleet
                .find(marker)
                .ok_or_else(|| EcsError::bad_param(&format!("marker {marker:?} is not the id of a server")))?;
            match &matching {
                Some(m) => m.partition_point(|&i| i <= after),
                None => after + 1,
            }
        }
        None => {
            let skipped = (q.page - 1).saturating_mul(q.limit as u64);
            usize::try_from(skipped).unwrap_or(usize::MAX).min(total)
        }
    };
    let mut range = start..start.saturating_add(q.limit).min(total);
    if ctx.cycle() && start == 2 * q.limit && start < total {
        range = 0..q.limit.min(total);
        ctx.mark_cycled();
    }
    Ok((total, range.map(at).collect()))
}

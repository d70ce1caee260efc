//! "Load all pages": sans-IO planners that say which requests to make next and fold the
//! answers in, the same for every service. They do no I/O, read no clock and start no task,
//! so a browser driver (fetch + the per-connection limiter) and a native test driver
//! (cloudsim as a library) run the same code.
//!
//! - **Marker paging** ([`MarkerWalk`]: CloudDC, ByCloud, ECS): a sequential walk with the
//!   service's load-all page size, following the generic rule ([`crate::paging::next`]).
//! - **Offset paging** ([`OffsetWalk`]: ROMA Connect): once page 1 gives the total, every
//!   other offset is known, so up to the in-flight cap run in parallel; answers may arrive
//!   in any order and rows still come out in offset order.
//!
//! [`plan`] picks the walk a service's paging needs. A driver loop, whatever its transport:
//!
//! ```text
//! while !walk.is_done() {
//!     for (id, query) in walk.next_requests(MAX_PARALLEL) { send(id, api.request(&query, project)) }
//!     for id in walk.take_abandoned() { abort(id) }
//!     let (id, result) = wait_for_any_answer();
//!     on_response(&mut *walk, &*api, id, result);   // or on_page / on_error
//! }
//! ```
//!
//! A marker walk need not wait for a page to be decoded before asking for the next: the
//! driver calls [`on_head`] with the raw answer first, which reads the marker from it with
//! the instances skimmed, and sends the next request while it decodes this page (the
//! decoded page still has the last word: should it point elsewhere, the early request is
//! abandoned and the right one asked).
//!
//! Every walk is watched by [`PagingWatch`]: a marker that comes back or an empty page that
//! claims more ends the walk with [`WalkOutcome::Stopped`] (never a loop); a changed total or
//! a foreign link is only noted ([`LoadAll::anomalies`]). An error ends the walk with
//! [`WalkOutcome::Failed`] and cancelling with [`WalkOutcome::Cancelled`]; either way the rows
//! loaded so far stay ([`LoadAll::rows`]). A driver may retry a request (same id, same
//! query, e.g. after a 429's `Retry-After`) before reporting it: the walk only hears final
//! answers.

use crate::http::{ApiError, ApiResponse, MAX_IN_FLIGHT};
use crate::service::{ListApi, ListInfo, ListQuery, Paging};

mod loaded_rows;
mod marker_walk;
mod offset_walk;
mod walk;

pub use loaded_rows::LoadedRows;
pub use marker_walk::MarkerWalk;
pub use offset_walk::OffsetWalk;
pub use walk::*;

/// Requests a parallel walk keeps under way at once: the per-connection in-flight cap.
pub const MAX_PARALLEL: usize = MAX_IN_FLIGHT;

/// The raw answer for `id`: a success body decoded as a page by `api`, an error status or
/// a transport failure as an error. Returns whether `id` was under way.
pub fn on_response(
    walk: &mut dyn LoadAll,
    api: &dyn ListApi,
    id: RequestId,
    response: Result<ApiResponse, ApiError>,
) -> bool {
    match response.and_then(|r| api.decode(&r)) {
        Ok(page) => walk.on_page(id, page),
        Err(e) => walk.on_error(id, e),
    }
}

/// `id`'s raw answer has arrived: lets `walk` read where paging goes next from it without
/// decoding it (`api`'s [`ListApi::head`]) and plan the next request ahead. The driver
/// then sends what [`LoadAll::next_requests`] hands out *before* it decodes this answer
/// and reports it ([`on_response`]). Returns whether the walk planned ahead.
pub fn on_head(walk: &mut dyn LoadAll, api: &dyn ListApi, id: RequestId, response: &ApiResponse) -> bool {
    walk.on_head(id, &|query: &ListQuery| api.head(query, response))
}

/// The walk that loads every page of the list `base` filters (its filters kept, the
/// service's load-all page size, from the first page). `own_origin` is the origin the
/// connection calls (`None` for a same-origin proxy path): next links elsewhere are noted.
pub fn plan(info: &'static ListInfo, base: &ListQuery, own_origin: Option<String>) -> Box<dyn LoadAll> {
    plan_with_page_size(info, base, info.load_all_page_size, own_origin)
}

/// Like [`plan`], with another page size (clamped to what the service takes).
pub fn plan_with_page_size(
    info: &'static ListInfo,
    base: &ListQuery,
    page_size: u32,
    own_origin: Option<String>,
) -> Box<dyn LoadAll> {
    let first = base.with_limit(page_size.clamp(info.min_limit.max(1), info.max_limit));
    match info.paging {
        Paging::Marker => Box::new(marker_walk::MarkerWalk::new(info, first, own_origin)),
        Paging::Offset => Box::new(offset_walk::OffsetWalk::new(info, first)),
    }
}

/// Round trips a walk of `total_rows` needs at best with `paging`, when each round trip
/// costs one latency and `parallel` requests may be under way at once: the floor for a
/// latency-bound benchmark. Marker paging: one page after another. Offset paging: page 1
/// alone (it brings the total), then the other pages `parallel` at a time.
pub fn min_round_trips(paging: Paging, total_rows: u64, page_size: u32, parallel: usize) -> u64 {
    let pages = walk::pages_for(total_rows, page_size);
    match paging {
        Paging::Marker => pages,
        Paging::Offset => 1 + (pages - 1).div_ceil(parallel.max(1) as u64),
    }
}

#[cfg(test)]
mod tests;

//! "Load all pages": sans-IO planners that say which requests to make next and fold the
//! answers in, one per service. They do no I/O, read no clock and start no task, so a
//! browser driver (fetch + the per-connection limiter) and a native test driver (cloudsim
//! as a library) run the same code.
//!
//! - **CloudDC** ([`ClouddcLoadAll`]): a sequential marker walk with the largest page size
//!   (1000), following [`clouddc::ListQuery::next`].
//! - **ByCloud** ([`BycloudLoadAll`]): a sequential marker walk following
//!   [`bycloud::MarkerQuery::next`] (`links.next` / `meta.has_more`), 500 a page.
//! - **ROMA Connect** ([`RomaLoadAll`]): offset paging; once page 1 gives the total, every
//!   other offset is known, so up to the in-flight cap run in parallel, answers may arrive
//!   in any order and rows still come out in offset order.
//!
//! A driver loop, whatever its transport:
//!
//! ```text
//! while !planner.is_done() {
//!     for (id, query) in planner.next_requests(MAX_PARALLEL) { send(id, query) }
//!     for id in planner.take_abandoned() { abort(id) }
//!     let (id, result) = wait_for_any_answer();
//!     planner.on_response(id, result);    // or on_page / on_error
//! }
//! ```
//!
//! Every walk is watched by [`PagingWatch`]: a marker that comes back or an empty page that
//! claims more ends the walk with [`Outcome::Stopped`] (never a loop); a changed total or a
//! foreign link is only noted ([`LoadAll::anomalies`]). An error ends the walk with
//! [`Outcome::Failed`] and cancelling with [`Outcome::Cancelled`]; either way the rows loaded
//! so far stay ([`LoadAll::rows`]). A driver may retry a request (same id, same query, e.g.
//! after a 429's `Retry-After`) before reporting it: the planner only hears final answers.

use super::http::{ApiError, ApiResponse};
use super::paging::{Anomaly, PageSeen, PagingWatch};
use super::{bycloud, clouddc, roma};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// CloudDC's page size when loading everything: the most the API takes.
pub const CLOUDDC_PAGE_SIZE: u32 = clouddc::MAX_LIMIT;
/// ROMA Connect's page size when loading everything: the most the API takes (0–100).
pub const ROMA_PAGE_SIZE: u32 = roma::MAX_LIMIT;
/// ByCloud's page size when loading everything: the largest size the module offers.
pub const BYCLOUD_PAGE_SIZE: u32 = bycloud::PAGE_SIZES[bycloud::PAGE_SIZES.len() - 1];
/// Requests a parallel walk keeps under way at once: the per-connection in-flight cap.
pub const MAX_PARALLEL: usize = super::http::MAX_IN_FLIGHT;

/// Names one request a planner handed out; answers are matched to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RequestId(pub u64);

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// How a walk ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every page the service announced was loaded.
    Complete,
    /// [`LoadAll::cancel`] was called.
    Cancelled,
    /// A request failed; the rows before it stay.
    Failed(ApiError),
    /// The service misbehaved (a cycle, an empty page claiming more) and paging stopped.
    Stopped(Anomaly),
}

impl Outcome {
    pub fn is_complete(&self) -> bool {
        matches!(self, Outcome::Complete)
    }

    /// Why the walk ended early, in words (`None` when it completed).
    pub fn describe(&self) -> Option<String> {
        match self {
            Outcome::Complete => None,
            Outcome::Cancelled => Some("Cancelled".into()),
            Outcome::Failed(e) => Some(e.to_string()),
            Outcome::Stopped(a) => Some(a.describe()),
        }
    }
}

/// Where a walk stands, for a progress bar and a status line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Pages answered (including pages waiting for an earlier one, see `rows_waiting`).
    pub pages_done: u64,
    /// Pages the walk will load, once the service has said (exact for offset paging, an
    /// estimate from the total for marker paging; exact once complete).
    pub pages_total: Option<u64>,
    /// Rows in [`LoadAll::rows`].
    pub rows: u64,
    /// Rows answered out of order, waiting for an earlier page before they show.
    pub rows_waiting: u64,
    /// The total the service announced (its latest word for marker paging, its first for
    /// offset paging, whose plan it decides).
    pub rows_total: Option<u64>,
    /// Requests handed out and not answered yet.
    pub in_flight: usize,
    /// Requests handed out so far (round trips made).
    pub requests: u64,
    /// Nothing more will be asked and nothing is under way.
    pub done: bool,
    /// Why the walk ended early, in words: the error, the anomaly that stopped paging, or
    /// "Cancelled". `None` while loading and when complete.
    pub error: Option<String>,
}

impl Progress {
    /// Loaded fraction in 0..=1, when the total is known.
    pub fn fraction(&self) -> Option<f64> {
        if self.done && self.error.is_none() {
            return Some(1.0);
        }
        let total = self.rows_total?;
        Some(if total == 0 {
            1.0
        } else {
            (self.rows as f64 / total as f64).min(1.0)
        })
    }
}

/// The common shape of the planners. A driver asks [`LoadAll::next_requests`] what to
/// send, sends it, and reports each answer with [`LoadAll::on_page`] /
/// [`LoadAll::on_error`] (or [`LoadAll::on_response`] with the raw response) until
/// [`LoadAll::is_done`].
pub trait LoadAll {
    /// What one request asks for (the service's page query; the driver builds the
    /// [`super::http::ApiRequest`] from it with the connection's project and auth).
    type Query: Clone;
    /// A decoded page.
    type Page;
    /// One row (an instance).
    type Row;

    /// The requests to send now, so that at most `max_in_flight` are under way. Sequential
    /// walks hand out one at a time; an ended walk hands out nothing.
    fn next_requests(&mut self, max_in_flight: usize) -> Vec<(RequestId, Self::Query)>;
    /// A decoded page for `id`. Returns whether it was used (an answer to a request that
    /// is not under way, e.g. abandoned or answered already, is ignored).
    fn on_page(&mut self, id: RequestId, page: Self::Page) -> bool;
    /// `id` failed for good: the walk ends with [`Outcome::Failed`] (the first error wins),
    /// keeping its rows. Returns whether `id` was under way.
    fn on_error(&mut self, id: RequestId, error: ApiError) -> bool;
    /// Ends the walk now with [`Outcome::Cancelled`] (no-op when it has ended); requests
    /// under way become abandoned ([`LoadAll::take_abandoned`]) and their answers ignored.
    fn cancel(&mut self);
    fn progress(&self) -> Progress;
    /// The rows loaded so far, in the service's order; usable while loading continues
    /// (it only grows at the end).
    fn rows(&self) -> &[Self::Row];
    /// The rows, taking them.
    fn into_rows(self) -> Vec<Self::Row>
    where
        Self: Sized;
    /// Paging anomalies seen so far (a changed total keeps one entry, first to latest).
    fn anomalies(&self) -> &[Anomaly];
    /// How the walk ended (`Some` as soon as it is decided; answers still under way may
    /// then add rows before [`LoadAll::is_done`]).
    fn outcome(&self) -> Option<&Outcome>;
    /// Requests handed out and not answered yet.
    fn in_flight(&self) -> Vec<RequestId>;
    /// Requests whose answers are no longer wanted (after a cancel, an error or a stop);
    /// the driver should abort them. Each is returned once.
    fn take_abandoned(&mut self) -> Vec<RequestId>;
    /// Round trips a walk of `total_rows` needs at best with this paging, when each round
    /// trip costs one latency and `parallel` requests may be under way at once: the floor
    /// for a latency-bound benchmark.
    fn min_round_trips(total_rows: u64, page_size: u32, parallel: usize) -> u64
    where
        Self: Sized;

    /// Nothing more will be asked and nothing is under way.
    fn is_done(&self) -> bool {
        self.outcome().is_some() && self.in_flight().is_empty()
    }

    /// Decodes a success body as a page (the service's own, non-generic decoder: it is
    /// compiled in this crate, which is optimized for speed).
    fn decode_page(response: &ApiResponse) -> Result<Self::Page, ApiError>
    where
        Self: Sized;

    /// The raw answer for `id`: a success body decoded as a page, an error status or a
    /// transport failure as an error. Returns whether `id` was under way.
    fn on_response(&mut self, id: RequestId, response: Result<ApiResponse, ApiError>) -> bool
    where
        Self: Sized,
    {
        match response.and_then(|r| Self::decode_page(&r)) {
            Ok(page) => self.on_page(id, page),
            Err(e) => self.on_error(id, e),
        }
    }
}

/// The most rows a walk makes room for at once when the service announces its total.
pub const RESERVE_CAP: u64 = 200_000;

/// Makes room in `rows` for `incoming` more. With a total announced (capped at
/// [`RESERVE_CAP`], a server may claim anything), room for all of it is made at once: one
/// allocation of the right size rather than doubling, whose old and new buffers would both
/// count in WebAssembly's memory (it never shrinks). An allocation that fails is left to
/// the ordinary growth.
fn make_room<T>(rows: &mut Vec<T>, total: Option<u64>, incoming: usize) {
    let need = rows.len().saturating_add(incoming);
    if need <= rows.capacity() {
        return;
    }
    let announced = total.map_or(0, |t| usize::try_from(t.min(RESERVE_CAP)).unwrap_or(0));
    let _ = rows.try_reserve_exact(announced.max(need) - rows.len());
}

/// Pages `total_rows` fill (at least one: an empty list is one round trip).
fn pages_for(total_rows: u64, page_size: u32) -> u64 {
    total_rows.div_ceil(u64::from(page_size.max(1))).max(1)
}

/// Adds `a` to `list`: a repeat is dropped, and a changed total merges with the earlier
/// change (first value to latest; dropped when the total is back where it started).
fn note(list: &mut Vec<Anomaly>, a: Anomaly) {
    if let Anomaly::TotalChanged { to, .. } = a {
        if let Some(pos) = list.iter().position(|x| matches!(x, Anomaly::TotalChanged { .. })) {
            if let Anomaly::TotalChanged { from, to: was } = &mut list[pos] {
                *was = to;
                if *from == to {
                    list.remove(pos);
                }
            }
            return;
        }
    }
    if !list.contains(&a) {
        list.push(a);
    }
}

mod marker;
mod roma_walk;
pub use marker::*;
pub use roma_walk::*;

#[cfg(test)]
mod tests;

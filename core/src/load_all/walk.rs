//! What every walk shares: request ids, how a walk ended, its progress, and the trait
//! a driver runs it through.

use super::loaded_rows::LoadedRows;
use crate::http::ApiError;
use crate::paging::Anomaly;
use crate::service::{ListPage, ListQuery, PageFacts};
use std::fmt;

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
pub enum WalkOutcome {
    /// Every page the service announced was loaded.
    Complete,
    /// [`LoadAll::cancel`] was called.
    Cancelled,
    /// A request failed; the rows before it stay.
    Failed(ApiError),
    /// The service misbehaved (a cycle, an empty page claiming more) and paging stopped.
    Stopped(Anomaly),
}

impl WalkOutcome {
    pub fn is_complete(&self) -> bool {
        matches!(self, WalkOutcome::Complete)
    }

    /// Why the walk ended early, in words (`None` when it completed).
    pub fn describe(&self) -> Option<String> {
        match self {
            WalkOutcome::Complete => None,
            WalkOutcome::Cancelled => Some("Cancelled".into()),
            WalkOutcome::Failed(e) => Some(e.to_string()),
            WalkOutcome::Stopped(a) => Some(a.describe()),
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

/// The common shape of the walks. A driver asks [`LoadAll::next_requests`] what to send,
/// sends it, and reports each answer with [`LoadAll::on_page`] / [`LoadAll::on_error`] (or
/// [`on_response`] with the raw response) until [`LoadAll::is_done`].
pub trait LoadAll {
    /// The requests to send now, so that at most `max_in_flight` are under way. Sequential
    /// walks hand out one at a time; an ended walk hands out nothing.
    fn next_requests(&mut self, max_in_flight: usize) -> Vec<(RequestId, ListQuery)>;
    /// A decoded page for `id`. Returns whether it was used (an answer to a request that
    /// is not under way, e.g. abandoned or answered already, is ignored).
    fn on_page(&mut self, id: RequestId, page: ListPage) -> bool;
    /// `id`'s answer has arrived and `head` reads its paging facts for a query without
    /// decoding it ([`crate::service::ListService::head`]): a walk that can, hands out
    /// the next request at once (the next [`LoadAll::next_requests`]), before the page
    /// is decoded and reported with [`LoadAll::on_page`] / [`LoadAll::on_error`], which
    /// must follow. Returns whether the walk planned ahead (the default: it does not).
    fn on_head(&mut self, id: RequestId, head: &dyn Fn(&ListQuery) -> Option<PageFacts>) -> bool {
        let _ = (id, head);
        false
    }
    /// `id` failed for good: the walk ends with [`WalkOutcome::Failed`] (the first error
    /// wins), keeping its rows. Returns whether `id` was under way.
    fn on_error(&mut self, id: RequestId, error: ApiError) -> bool;
    /// Ends the walk now with [`WalkOutcome::Cancelled`] (no-op when it has ended);
    /// requests under way become abandoned ([`LoadAll::take_abandoned`]) and their answers
    /// ignored.
    fn cancel(&mut self);
    fn progress(&self) -> Progress;
    /// The rows loaded so far, in the service's order; usable while loading continues
    /// (it only grows at the end).
    fn rows(&self) -> &LoadedRows;
    /// Paging anomalies seen so far (a changed total keeps one entry, first to latest).
    fn anomalies(&self) -> &[Anomaly];
    /// How the walk ended (`Some` as soon as it is decided; answers still under way may
    /// then add rows before [`LoadAll::is_done`]).
    fn outcome(&self) -> Option<&WalkOutcome>;
    /// Requests handed out and not answered yet.
    fn in_flight(&self) -> Vec<RequestId>;
    /// Requests whose answers are no longer wanted (after a cancel, an error or a stop);
    /// the driver should abort them. Each is returned once.
    fn take_abandoned(&mut self) -> Vec<RequestId>;
    /// The page size the walk asks for.
    fn page_size(&self) -> u32;

    /// Nothing more will be asked and nothing is under way.
    fn is_done(&self) -> bool {
        self.outcome().is_some() && self.in_flight().is_empty()
    }
}

/// Pages `total_rows` fill (at least one: an empty list is one round trip).
pub(crate) fn pages_for(total_rows: u64, page_size: u32) -> u64 {
    total_rows.div_ceil(u64::from(page_size.max(1))).max(1)
}

/// Adds `a` to `list`: a repeat is dropped, and a changed total merges with the earlier
/// change (first value to latest; dropped when the total is back where it started).
pub(crate) fn note(list: &mut Vec<Anomaly>, a: Anomaly) {
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

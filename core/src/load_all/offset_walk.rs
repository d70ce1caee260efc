//! Offset paging (ROMA Connect): pages planned from the first total, several in flight.

use super::loaded_rows::LoadedRows;
use super::walk::{note, LoadAll, Progress, RequestId, WalkOutcome};
use crate::http::ApiError;
use crate::paging::{self, Anomaly, PagingWatch};
use crate::service::{ListInfo, ListPage, ListQuery, Position};
use crate::table::Rows;
use std::collections::BTreeMap;

/// What the walk knows about the offsets still to ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Plan {
    /// Page 1 is not answered yet.
    First,
    /// No total: one page at a time while pages come back full (`next`: the offset to
    /// ask next, `None` while a page is under way or after the last).
    Sequential { next: Option<u64> },
    /// The total is known: every `stride` up to `total`; `next` is the next to hand out.
    Parallel { stride: u64, total: u64, next: u64 },
}

/// An offset walk, parallel once the total is
/// known (after page 1, every remaining offset is planned at once and handed out up to the
/// in-flight cap). Answers may arrive in any order; [`LoadAll::rows`] holds the rows of the
/// pages answered without a gap before them, in offset order.
///
/// The plan follows the first total: a total that changes later is reported
/// ([`Anomaly::TotalChanged`]), not chased. A first page shorter than asked (a service that
/// caps `limit` lower) sets the stride, so no offset is skipped.
pub struct OffsetWalk {
    info: &'static ListInfo,
    base: ListQuery,
    plan: Plan,
    next_id: u64,
    /// Request → offset.
    in_flight: BTreeMap<RequestId, u64>,
    /// Pages answered ahead of a gap, by offset.
    waiting: BTreeMap<u64, ListPage>,
    rows: LoadedRows,
    /// The offset of the page that extends `rows` next.
    merged_to: u64,
    /// Pages at or past this offset are no longer wanted (an error or a stop there).
    stop_at: Option<u64>,
    pages_done: u64,
    first_total: Option<u64>,
    requests: u64,
    watch: PagingWatch,
    anomalies: Vec<Anomaly>,
    outcome: Option<WalkOutcome>,
    abandoned: Vec<RequestId>,
}

impl OffsetWalk {
    /// Every page from `first` on (its page size and filters), from offset 0.
    pub fn new(info: &'static ListInfo, first: ListQuery) -> Self {
        OffsetWalk {
            info,
            base: first,
            plan: Plan::First,
            next_id: 1,
            in_flight: BTreeMap::new(),
            waiting: BTreeMap::new(),
            rows: LoadedRows::default(),
            merged_to: 0,
            stop_at: None,
            pages_done: 0,
            first_total: None,
            requests: 0,
            watch: PagingWatch::default(),
            anomalies: Vec::new(),
            outcome: None,
            abandoned: Vec::new(),
        }
    }

    /// Offsets planned and not handed out yet, in order (none before page 1 is answered).
    /// Lazy: a hostile total may plan more than fits in memory.
    pub fn planned_offsets(&self) -> impl Iterator<Item = u64> {
        let (start, stride, end) = match self.plan {
            Plan::Parallel { stride, total, next } if self.outcome.is_none() => (Some(next), stride.max(1), total),
            Plan::Sequential { next: Some(o) } if self.outcome.is_none() => (Some(o), 1, o.saturating_add(1)),
            _ => (None, 1, 0),
        };
        std::iter::successors(start, move |o| o.checked_add(stride)).take_while(move |o| *o < end)
    }

    /// The offset a request asked for, while it is under way.
    pub fn offset_of(&self, id: RequestId) -> Option<u64> {
        self.in_flight.get(&id).copied()
    }

    fn query(&self, offset: u64) -> ListQuery {
        ListQuery {
            position: if offset == 0 {
                Position::First
            } else {
                Position::Offset(offset)
            },
            ..self.base.clone()
        }
    }

    /// The offset after the page at `offset` holding `len` rows.
    fn successor(&self, offset: u64, len: usize) -> u64 {
        match self.plan {
            Plan::Parallel { stride, .. } => offset.saturating_add(stride),
            _ => offset.saturating_add(len as u64),
        }
    }

    /// Moves waiting pages into `rows` while there is no gap.
    fn merge(&mut self) {
        while self.stop_at.is_none_or(|s| self.merged_to < s) {
            let Some(page) = self.waiting.remove(&self.merged_to) else {
                break;
            };
            let next = self.successor(self.merged_to, page.len() + page.unreadable().len());
            self.rows.push(page);
            if next == self.merged_to {
                break;
            }
            self.merged_to = next;
        }
    }

    /// No more pages are wanted at or past `offset`: what is under way there is
    /// abandoned, what waits there dropped.
    fn stop_from(&mut self, offset: u64) {
        let at = self.stop_at.map_or(offset, |s| s.min(offset));
        self.stop_at = Some(at);
        let gone: Vec<RequestId> = self
            .in_flight
            .iter()
            .filter(|(_, o)| **o >= at)
            .map(|(id, _)| *id)
            .collect();
        for id in gone {
            self.in_flight.remove(&id);
            self.abandoned.push(id);
        }
        self.waiting.retain(|o, _| *o < at);
    }

    fn end(&mut self, outcome: WalkOutcome) {
        if self.outcome.is_none() {
            self.outcome = Some(outcome);
        }
    }

    /// Ends the walk as complete once nothing is left to ask or wait for.
    fn check_complete(&mut self) {
        if self.outcome.is_some() || !self.in_flight.is_empty() {
            return;
        }
        let exhausted = match self.plan {
            Plan::First => false,
            Plan::Sequential { next } => next.is_none(),
            Plan::Parallel { total, next, .. } => next >= total,
        };
        if exhausted {
            self.end(WalkOutcome::Complete);
        }
    }
}

impl LoadAll for OffsetWalk {
    fn next_requests(&mut self, max_in_flight: usize) -> Vec<(RequestId, ListQuery)> {
        let mut out = Vec::new();
        if self.outcome.is_some() {
            return out;
        }
        while self.in_flight.len() < max_in_flight {
            let offset = match &mut self.plan {
                Plan::First if self.requests == 0 => 0,
                Plan::Sequential { next } => match next.take() {
                    Some(o) => o,
                    None => break,
                },
                Plan::Parallel { stride, total, next } if *next < *total => {
                    let o = *next;
                    *next = next.saturating_add(*stride);
                    o
                }
                _ => break,
            };
            let id = RequestId(self.next_id);
            self.next_id += 1;
            self.requests += 1;
            self.in_flight.insert(id, offset);
            out.push((id, self.query(offset)));
        }
        out
    }

    fn on_page(&mut self, id: RequestId, page: ListPage) -> bool {
        let Some(offset) = self.in_flight.remove(&id) else {
            return false;
        };
        self.pages_done += 1;
        let query = self.query(offset);
        let facts = page.facts(&query);
        let got = facts.items as u64;
        let limit = u64::from(self.base.limit.max(1));
        if self.plan == Plan::First {
            self.first_total = facts.total;
            self.plan = match facts.total {
                Some(total) if got > 0 && got < total => Plan::Parallel {
                    stride: got,
                    total,
                    next: got,
                },
                Some(total) => Plan::Parallel {
                    stride: limit,
                    total,
                    next: total,
                },
                None if got >= limit => Plan::Sequential { next: Some(got) },
                None => Plan::Sequential { next: None },
            };
        } else if let Plan::Sequential { next } = &mut self.plan {
            *next = (got >= limit).then(|| offset.saturating_add(got));
        }
        let stride = match self.plan {
            Plan::Parallel { stride, .. } => stride,
            _ => limit,
        };
        let mut seen = paging::seen(self.info, &query, &facts, None);
        seen.page = offset / stride.max(1) + 1;
        seen.has_more = match facts.total {
            Some(t) => offset.saturating_add(got) < t,
            None => got >= limit,
        };
        let odd = self.watch.record(seen);
        let stop = odd.iter().find(|a| a.stops_paging()).cloned();
        for a in odd {
            note(&mut self.anomalies, a);
        }
        if self.stop_at.is_none_or(|s| offset < s) {
            self.waiting.insert(offset, page);
        }
        self.merge();
        if let Some(a) = stop {
            self.stop_from(offset.saturating_add(1));
            self.end(WalkOutcome::Stopped(a));
        }
        self.check_complete();
        true
    }

    fn on_error(&mut self, id: RequestId, error: ApiError) -> bool {
        let Some(offset) = self.in_flight.remove(&id) else {
            return false;
        };
        self.stop_from(offset);
        self.end(WalkOutcome::Failed(error));
        true
    }

    fn cancel(&mut self) {
        if self.outcome.is_some() {
            return;
        }
        self.abandoned.extend(std::mem::take(&mut self.in_flight).into_keys());
        self.end(WalkOutcome::Cancelled);
    }

    fn progress(&self) -> Progress {
        let pages_total = match self.plan {
            Plan::Parallel { stride, total, .. } => Some(total.div_ceil(stride.max(1)).max(1)),
            _ if self.outcome.as_ref().is_some_and(WalkOutcome::is_complete) => Some(self.pages_done),
            _ => None,
        };
        Progress {
            pages_done: self.pages_done,
            pages_total,
            rows: self.rows.len() as u64,
            rows_waiting: self.waiting.values().map(|p| p.len() as u64).sum(),
            rows_total: self.first_total,
            in_flight: self.in_flight.len(),
            requests: self.requests,
            done: self.is_done(),
            error: self.outcome.as_ref().and_then(WalkOutcome::describe),
        }
    }

    fn rows(&self) -> &LoadedRows {
        &self.rows
    }

    fn anomalies(&self) -> &[Anomaly] {
        &self.anomalies
    }

    fn outcome(&self) -> Option<&WalkOutcome> {
        self.outcome.as_ref()
    }

    fn in_flight(&self) -> Vec<RequestId> {
        self.in_flight.keys().copied().collect()
    }

    fn take_abandoned(&mut self) -> Vec<RequestId> {
        std::mem::take(&mut self.abandoned)
    }

    fn page_size(&self) -> u32 {
        self.base.limit
    }

    fn is_done(&self) -> bool {
        self.outcome.is_some() && self.in_flight.is_empty()
    }
}

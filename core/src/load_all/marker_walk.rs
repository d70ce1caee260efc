//! Marker paging (CloudDC, ByCloud, ECS): one page at a time, each following the last
//! answer by the generic rule, cycle-safe.

use super::loaded_rows::LoadedRows;
use super::walk::{note, pages_for, LoadAll, Progress, RequestId, WalkOutcome};
use crate::http::ApiError;
use crate::paging::{self, Anomaly, PagingWatch};
use crate::service::{ListInfo, ListPage, ListQuery};
use crate::table::Rows;

/// A sequential marker walk: one request at a time, each following the last answer.
pub struct MarkerWalk {
    info: &'static ListInfo,
    /// The query to send next (`None`: nothing more to ask).
    next: Option<ListQuery>,
    in_flight: Option<(RequestId, ListQuery)>,
    limit: u32,
    next_id: u64,
    rows: LoadedRows,
    pages_done: u64,
    total: Option<u64>,
    requests: u64,
    watch: PagingWatch,
    anomalies: Vec<Anomaly>,
    outcome: Option<WalkOutcome>,
    abandoned: Vec<RequestId>,
    own_origin: Option<String>,
}

impl MarkerWalk {
    /// Every page from `first` on (its page size and filters).
    pub fn new(info: &'static ListInfo, first: ListQuery, own_origin: Option<String>) -> Self {
        MarkerWalk {
            info,
            limit: first.limit,
            next: Some(first),
            in_flight: None,
            next_id: 1,
            rows: LoadedRows::default(),
            pages_done: 0,
            total: None,
            requests: 0,
            watch: PagingWatch::default(),
            anomalies: Vec::new(),
            outcome: None,
            abandoned: Vec::new(),
            own_origin,
        }
    }

    fn end(&mut self, outcome: WalkOutcome) {
        self.next = None;
        if self.outcome.is_none() {
            self.outcome = Some(outcome);
        }
    }
}

impl LoadAll for MarkerWalk {
    fn next_requests(&mut self, max_in_flight: usize) -> Vec<(RequestId, ListQuery)> {
        if max_in_flight == 0 || self.in_flight.is_some() || self.outcome.is_some() {
            return Vec::new();
        }
        let Some(q) = self.next.take() else {
            return Vec::new();
        };
        let id = RequestId(self.next_id);
        self.next_id += 1;
        self.requests += 1;
        self.in_flight = Some((id, q.clone()));
        vec![(id, q)]
    }

    fn on_page(&mut self, id: RequestId, page: ListPage) -> bool {
        let Some(query) = self.in_flight.take_if(|(f, _)| *f == id).map(|(_, q)| q) else {
            return false;
        };
        self.pages_done += 1;
        let facts = page.facts(&query);
        self.total = facts.total.or(self.total);
        let odd = self
            .watch
            .record(paging::seen(self.info, &query, &facts, self.own_origin.as_deref()));
        let stop = odd.iter().find(|a| a.stops_paging()).cloned();
        for a in odd {
            note(&mut self.anomalies, a);
        }
        let next = paging::next(self.info, &query, &facts);
        self.rows.push(page);
        match (stop, next) {
            (Some(a), _) => self.end(WalkOutcome::Stopped(a)),
            (None, Some(n)) => self.next = Some(n),
            (None, None) => self.end(WalkOutcome::Complete),
        }
        true
    }

    fn on_error(&mut self, id: RequestId, error: ApiError) -> bool {
        if self.in_flight.take_if(|(f, _)| *f == id).is_none() {
            return false;
        }
        self.end(WalkOutcome::Failed(error));
        true
    }

    fn cancel(&mut self) {
        if self.outcome.is_some() {
            return;
        }
        if let Some((id, _)) = self.in_flight.take() {
            self.abandoned.push(id);
        }
        self.end(WalkOutcome::Cancelled);
    }

    fn progress(&self) -> Progress {
        let complete = self.outcome.as_ref().is_some_and(WalkOutcome::is_complete);
        Progress {
            pages_done: self.pages_done,
            pages_total: if complete {
                Some(self.pages_done)
            } else {
                self.total.map(|t| pages_for(t, self.limit))
            },
            rows: self.rows.len() as u64,
            rows_waiting: 0,
            rows_total: self.total,
            in_flight: usize::from(self.in_flight.is_some()),
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
        self.in_flight.iter().map(|(id, _)| *id).collect()
    }

    fn take_abandoned(&mut self) -> Vec<RequestId> {
        std::mem::take(&mut self.abandoned)
    }

    fn page_size(&self) -> u32 {
        self.limit
    }

    fn is_done(&self) -> bool {
        self.outcome.is_some() && self.in_flight.is_none()
    }
}

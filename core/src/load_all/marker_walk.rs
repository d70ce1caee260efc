//! Marker paging (CloudDC, ByCloud, ECS): one page at a time, each following the last
//! answer by the generic rule, cycle-safe; the next request may go out as soon as the last
//! answer's marker is read ([`LoadAll::on_head`]), before that page is decoded.

use super::loaded_rows::LoadedRows;
use super::walk::{note, pages_for, LoadAll, Progress, RequestId, WalkOutcome};
use crate::http::ApiError;
use crate::paging::{self, Anomaly, PagingWatch};
use crate::service::{ListInfo, ListPage, ListQuery, PageFacts};
use crate::table::Rows;

/// A sequential marker walk: one request at a time, each following the last answer.
pub struct MarkerWalk {
    info: &'static ListInfo,
    /// The query to send next (`None`: nothing more to ask).
    next: Option<ListQuery>,
    /// The request whose page comes next.
    in_flight: Option<(RequestId, ListQuery)>,
    /// The request sent ahead, for the marker read from `in_flight`'s answer before its
    /// page was decoded.
    ahead: Option<(RequestId, ListQuery)>,
    /// The answer to `ahead`, when it came before `in_flight`'s page was decoded.
    early: Option<(RequestId, Result<ListPage, ApiError>)>,
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
            ahead: None,
            early: None,
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
        if let Some((id, _)) = self.ahead.take() {
            self.abandoned.push(id);
        }
        self.early = None;
        if self.outcome.is_none() {
            self.outcome = Some(outcome);
        }
    }

    fn hand_out(&mut self, q: ListQuery) -> (RequestId, ListQuery) {
        let id = RequestId(self.next_id);
        self.next_id += 1;
        self.requests += 1;
        (id, q)
    }

    /// The page of `in_flight` (taken): its rows, and where paging goes next. A request
    /// sent ahead for the same query becomes the one awaited; one for another query (the
    /// decoded page disagrees with what was read ahead) is abandoned.
    fn take_page(&mut self, query: ListQuery, page: ListPage) {
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
            (None, Some(n)) => match self.ahead.take() {
                Some((id, q)) if q == n => {
                    self.in_flight = Some((id, q));
                    if let Some((id, answer)) = self.early.take() {
                        match answer {
                            Ok(page) => self.on_page(id, page),
                            Err(e) => self.on_error(id, e),
                        };
                    }
                }
                other => {
                    if let Some((id, _)) = other {
                        self.abandoned.push(id);
                    }
                    self.early = None;
                    self.next = Some(n);
                }
            },
            (None, None) => self.end(WalkOutcome::Complete),
        }
    }
}

impl LoadAll for MarkerWalk {
    fn next_requests(&mut self, max_in_flight: usize) -> Vec<(RequestId, ListQuery)> {
        if max_in_flight == 0 || self.outcome.is_some() {
            return Vec::new();
        }
        match (&self.in_flight, &self.ahead) {
            (None, _) => {
                let Some(q) = self.next.take() else {
                    return Vec::new();
                };
                let (id, q) = self.hand_out(q);
                self.in_flight = Some((id, q.clone()));
                vec![(id, q)]
            }
            // Read ahead (`next` is set while a page is under way only by `on_head`): the
            // next page is asked while this one is decoded.
            (Some(_), None) if max_in_flight >= 2 => {
                let Some(q) = self.next.take() else {
                    return Vec::new();
                };
                let (id, q) = self.hand_out(q);
                self.ahead = Some((id, q.clone()));
                vec![(id, q)]
            }
            _ => Vec::new(),
        }
    }

    fn on_head(&mut self, id: RequestId, head: &dyn Fn(&ListQuery) -> Option<PageFacts>) -> bool {
        let Some((_, query)) = self.in_flight.as_ref().filter(|(f, _)| *f == id) else {
            return false;
        };
        if self.next.is_some() || self.ahead.is_some() || self.outcome.is_some() {
            return false;
        }
        let Some(facts) = head(query) else {
            return false;
        };
        let Some(next) = paging::next(self.info, query, &facts) else {
            return false;
        };
        // Nothing is asked ahead of a page that will stop paging (a marker cycle, an empty
        // page claiming more): the decoded page ends the walk instead.
        let seen = paging::seen(self.info, query, &facts, self.own_origin.as_deref());
        if self.watch.clone().record(seen).iter().any(Anomaly::stops_paging) {
            return false;
        }
        self.next = Some(next);
        true
    }

    fn on_page(&mut self, id: RequestId, page: ListPage) -> bool {
        if self.ahead.as_ref().is_some_and(|(a, _)| *a == id) {
            // The answer sent ahead came before the page it follows was decoded.
            self.early = Some((id, Ok(page)));
            return true;
        }
        let Some(query) = self.in_flight.take_if(|(f, _)| *f == id).map(|(_, q)| q) else {
            return false;
        };
        self.take_page(query, page);
        true
    }

    fn on_error(&mut self, id: RequestId, error: ApiError) -> bool {
        if self.ahead.as_ref().is_some_and(|(a, _)| *a == id) {
            self.early = Some((id, Err(error)));
            return true;
        }
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
            in_flight: self.in_flight().len(),
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
        // An answer that came early is no longer under way.
        let ahead = self.ahead.as_ref().filter(|_| self.early.is_none());
        self.in_flight.iter().chain(ahead).map(|(id, _)| *id).collect()
    }

    fn take_abandoned(&mut self) -> Vec<RequestId> {
        std::mem::take(&mut self.abandoned)
    }

    fn page_size(&self) -> u32 {
        self.limit
    }

    fn is_done(&self) -> bool {
        self.outcome.is_some() && self.in_flight.is_none() && self.ahead.is_none()
    }
}

//! Marker walks (CloudDC, ByCloud): one page at a time, cycle-safe.

use super::*;

/// What a sequential marker walk needs to know about one service's paging.
pub trait MarkerService {
    type Query: Clone;
    type Page;
    type Row;
    /// The first query with the load-all page size, keeping the filters of `base`.
    fn first(base: &Self::Query, limit: u32) -> Self::Query;
    fn limit(query: &Self::Query) -> u32;
    /// The total the page announces, if any.
    fn total(page: &Self::Page) -> Option<u64>;
    /// Instances on the page.
    fn items(page: &Self::Page) -> usize;
    /// The marker the page points to (what the walk would follow), if any.
    fn next_marker(query: &Self::Query, page: &Self::Page) -> Option<String>;
    /// Whether the page says more follow.
    fn has_more(page: &Self::Page) -> bool;
    /// The page's next link, for the foreign-origin check.
    fn next_link(page: &Self::Page) -> Option<&str>;
    /// The query of the next page, if the page says there is one.
    fn next(query: &Self::Query, page: &Self::Page) -> Option<Self::Query>;
    fn into_rows(page: Self::Page) -> Vec<Self::Row>;
    /// Decodes a success body as a page.
    fn decode(response: &ApiResponse) -> Result<Self::Page, ApiError>;
}

/// CloudDC's marker paging.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clouddc;

impl MarkerService for Clouddc {
    type Query = clouddc::ListQuery;
    type Page = clouddc::InstanceList;
    type Row = clouddc::Instance;

    fn first(base: &Self::Query, limit: u32) -> Self::Query {
        base.restart(limit.clamp(clouddc::MIN_LIMIT, clouddc::MAX_LIMIT), base.state.clone())
    }
    fn limit(query: &Self::Query) -> u32 {
        query.limit
    }
    fn total(page: &Self::Page) -> Option<u64> {
        page.count
    }
    fn items(page: &Self::Page) -> usize {
        page.instances.len()
    }
    fn next_marker(_: &Self::Query, page: &Self::Page) -> Option<String> {
        clouddc::extract_marker(&page.page_info.as_ref()?.next_marker)
    }
    fn has_more(_: &Self::Page) -> bool {
        false
    }
    fn next_link(_: &Self::Page) -> Option<&str> {
        None
    }
    fn next(query: &Self::Query, page: &Self::Page) -> Option<Self::Query> {
        query.next(page)
    }
    fn into_rows(page: Self::Page) -> Vec<Self::Row> {
        page.instances
    }
    fn decode(response: &ApiResponse) -> Result<Self::Page, ApiError> {
        clouddc::decode_list(response)
    }
}

/// ByCloud's link-driven marker paging.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bycloud;

impl MarkerService for Bycloud {
    type Query = bycloud::MarkerQuery;
    type Page = bycloud::InstanceList;
    type Row = bycloud::Instance;

    fn first(base: &Self::Query, limit: u32) -> Self::Query {
        base.with_filters(limit.clamp(1, 1000), &base.filters())
    }
    fn limit(query: &Self::Query) -> u32 {
        query.limit
    }
    fn total(page: &Self::Page) -> Option<u64> {
        page.meta.as_ref()?.total
    }
    fn items(page: &Self::Page) -> usize {
        page.instances.len()
    }
    fn next_marker(query: &Self::Query, page: &Self::Page) -> Option<String> {
        query.next(page).and_then(|n| n.marker)
    }
    fn has_more(page: &Self::Page) -> bool {
        page.meta.as_ref().and_then(|m| m.has_more).unwrap_or(false)
    }
    fn next_link(page: &Self::Page) -> Option<&str> {
        page.links
            .as_ref()
            .map(|l| l.next.as_str())
            .filter(|l| !l.trim().is_empty())
    }
    fn next(query: &Self::Query, page: &Self::Page) -> Option<Self::Query> {
        query.next(page)
    }
    fn into_rows(page: Self::Page) -> Vec<Self::Row> {
        page.instances
    }
    fn decode(response: &ApiResponse) -> Result<Self::Page, ApiError> {
        bycloud::decode_list(response)
    }
}

/// A sequential marker walk: one request at a time, each following the last answer.
pub struct MarkerWalk<S: MarkerService> {
    /// The query to send next (`None`: nothing more to ask).
    next: Option<S::Query>,
    in_flight: Option<(RequestId, S::Query)>,
    limit: u32,
    next_id: u64,
    rows: Vec<S::Row>,
    pages_done: u64,
    total: Option<u64>,
    requests: u64,
    watch: PagingWatch,
    anomalies: Vec<Anomaly>,
    outcome: Option<Outcome>,
    abandoned: Vec<RequestId>,
    own_origin: Option<String>,
    service: PhantomData<S>,
}

/// CloudDC's "load all pages" planner.
pub type ClouddcLoadAll = MarkerWalk<Clouddc>;
/// ByCloud's "load all pages" planner.
pub type BycloudLoadAll = MarkerWalk<Bycloud>;

impl ClouddcLoadAll {
    /// Every page of the list `base` filters (its `state`), 1000 a page from the start.
    pub fn new(base: &clouddc::ListQuery) -> Self {
        Self::with_page_size(base, CLOUDDC_PAGE_SIZE)
    }
}

impl BycloudLoadAll {
    /// Every page of the list `base` filters (name, status, tags, flavor, image), 500 a
    /// page from the start. `own_origin` is the origin the connection calls (`None` for a
    /// same-origin proxy path): next links elsewhere are noted.
    pub fn new(base: &bycloud::MarkerQuery, own_origin: Option<String>) -> Self {
        let mut walk = Self::with_page_size(base, BYCLOUD_PAGE_SIZE);
        walk.own_origin = own_origin;
        walk
    }
}

impl<S: MarkerService> MarkerWalk<S> {
    /// Like `new`, with another page size (clamped to what the service takes).
    pub fn with_page_size(base: &S::Query, limit: u32) -> Self {
        let first = S::first(base, limit);
        MarkerWalk {
            limit: S::limit(&first),
            next: Some(first),
            in_flight: None,
            next_id: 1,
            rows: Vec::new(),
            pages_done: 0,
            total: None,
            requests: 0,
            watch: PagingWatch::default(),
            anomalies: Vec::new(),
            outcome: None,
            abandoned: Vec::new(),
            own_origin: None,
            service: PhantomData,
        }
    }

    /// The page size the walk asks for.
    pub fn page_size(&self) -> u32 {
        self.limit
    }

    fn end(&mut self, outcome: Outcome) {
        self.next = None;
        if self.outcome.is_none() {
            self.outcome = Some(outcome);
        }
    }
}

impl<S: MarkerService> LoadAll for MarkerWalk<S> {
    type Query = S::Query;
    type Page = S::Page;
    type Row = S::Row;

    fn decode_page(response: &ApiResponse) -> Result<S::Page, ApiError> {
        S::decode(response)
    }

    fn next_requests(&mut self, max_in_flight: usize) -> Vec<(RequestId, S::Query)> {
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

    fn on_page(&mut self, id: RequestId, page: S::Page) -> bool {
        let Some(query) = self.in_flight.take_if(|(f, _)| *f == id).map(|(_, q)| q) else {
            return false;
        };
        self.pages_done += 1;
        let total = S::total(&page);
        self.total = total.or(self.total);
        let next_marker = S::next_marker(&query, &page);
        let odd = self.watch.record(PageSeen {
            page: self.pages_done,
            items: S::items(&page),
            total,
            next_marker: next_marker.as_deref(),
            has_more: S::has_more(&page),
            link: S::next_link(&page),
            own_origin: self.own_origin.as_deref(),
        });
        let stop = odd.iter().find(|a| a.stops_paging()).cloned();
        for a in odd {
            note(&mut self.anomalies, a);
        }
        let next = S::next(&query, &page);
        let page_rows = S::into_rows(page);
        make_room(&mut self.rows, self.total, page_rows.len());
        self.rows.extend(page_rows);
        match (stop, next) {
            (Some(a), _) => self.end(Outcome::Stopped(a)),
            (None, Some(n)) => self.next = Some(n),
            (None, None) => self.end(Outcome::Complete),
        }
        true
    }

    fn on_error(&mut self, id: RequestId, error: ApiError) -> bool {
        if self.in_flight.take_if(|(f, _)| *f == id).is_none() {
            return false;
        }
        self.end(Outcome::Failed(error));
        true
    }

    fn cancel(&mut self) {
        if self.outcome.is_some() {
            return;
        }
        if let Some((id, _)) = self.in_flight.take() {
            self.abandoned.push(id);
        }
        self.end(Outcome::Cancelled);
    }

    fn progress(&self) -> Progress {
        let complete = self.outcome.as_ref().is_some_and(Outcome::is_complete);
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
            error: self.outcome.as_ref().and_then(Outcome::describe),
        }
    }

    fn rows(&self) -> &[S::Row] {
        &self.rows
    }

    fn into_rows(self) -> Vec<S::Row> {
        self.rows
    }

    fn anomalies(&self) -> &[Anomaly] {
        &self.anomalies
    }

    fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    fn in_flight(&self) -> Vec<RequestId> {
        self.in_flight.iter().map(|(id, _)| *id).collect()
    }

    fn take_abandoned(&mut self) -> Vec<RequestId> {
        std::mem::take(&mut self.abandoned)
    }

    /// One page after another: a round trip per page.
    fn min_round_trips(total_rows: u64, page_size: u32, _parallel: usize) -> u64 {
        pages_for(total_rows, page_size)
    }

    fn is_done(&self) -> bool {
        self.outcome.is_some() && self.in_flight.is_none()
    }
}

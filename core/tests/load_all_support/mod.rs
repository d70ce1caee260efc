//! The driver the load-all tests run the walks with, against cloudsim as a library, the
//! way a browser driver runs them: requests handed out, answered (in order, in reverse, or
//! shuffled with up to six under way), with faults forced on chosen requests. It checks,
//! after every step, that the rows are a prefix of every instance in order and that the
//! progress agrees with what was delivered.
#![allow(dead_code)]

use skyglass_core::http::{ApiRequest, Auth};
use skyglass_core::load_all::{on_head, LoadAll, Progress, RequestId, MAX_PARALLEL};
use skyglass_core::paging::next;
use skyglass_core::service::{list_api, ListApi, ListInfo, ListQuery, ListService};
use skyglass_core::services::bycloud::ByCloud;
use skyglass_core::services::clouddc::Clouddc;
use skyglass_core::services::roma::Roma;
use skyglass_core::services::{bycloud, clouddc, roma};
pub use skyglass_core::table::Rows;
pub use std::collections::HashSet;

pub const START_MS: i64 = 1_767_225_600_000;
pub const NOW: i64 = START_MS + 30_000;
pub const N: usize = 2_500;
pub const HOST: &str = "127.0.0.1:9";
pub const DC: &ListInfo = &clouddc::info::LIST;
pub const RO: &ListInfo = &roma::info::LIST;
pub const BY: &ListInfo = &bycloud::info::LIST;

pub fn cloud_with(faults: cloudsim::Faults) -> cloudsim::Cloud {
    cloudsim::Cloud::new(cloudsim::Config {
        instances: N,
        seed: 11,
        token: "tok".into(),
        project_id: "proj".into(),
        start_ms: START_MS,
        faults,
        ..cloudsim::Config::default()
    })
}

pub fn cloud() -> cloudsim::Cloud {
    cloud_with(cloudsim::Faults::default())
}

#[path = "../common/mod.rs"]
mod common;

pub fn call(cloud: &cloudsim::Cloud, req: &ApiRequest) -> skyglass_core::http::ApiResponse {
    let mut req = req.clone();
    req.headers.push(("Host".into(), HOST.into()));
    common::call(cloud, &req, NOW)
}

pub fn dc_auth() -> Auth {
    Auth::AuthToken("tok".into())
}

pub fn by_auth() -> Auth {
    Auth::Bearer("tok".into())
}

pub fn ids(rows: &dyn Rows) -> Vec<String> {
    (0..rows.len()).map(|r| rows.id(r).to_owned()).collect()
}

/// Every id in order, walked page by page with the generic paging rule and small pages.
pub fn reference<S: ListService>(c: &cloudsim::Cloud, limit: u32, auth: &Auth) -> Vec<String> {
    let info = S::list();
    let mut q = ListQuery::first(info).with_limit(limit);
    let mut out = Vec::new();
    loop {
        let page = S::decode(&call(c, &S::request(&q, "proj").authorize(auth, 0))).unwrap();
        out.extend(S::rows(&page).iter().map(|r| S::row_id(r).to_owned()));
        match next(info, &q, &S::facts(&q, &page)) {
            Some(n) => q = n,
            None => return out,
        }
    }
}

pub fn clouddc_reference(c: &cloudsim::Cloud) -> Vec<String> {
    reference::<Clouddc>(c, 100, &dc_auth())
}

pub fn roma_reference(c: &cloudsim::Cloud) -> Vec<String> {
    reference::<Roma>(c, 50, &dc_auth())
}

pub fn bycloud_reference(c: &cloudsim::Cloud) -> Vec<String> {
    reference::<ByCloud>(c, 100, &by_auth())
}

/// Which of the requests under way the driver answers next.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    Oldest,
    Newest,
    Shuffled(u64),
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Opts {
    pub order: Order,
    /// This request (1-based, in the order handed out) carries `X-Cloudsim-Fault: status=500`.
    pub fail_request: Option<u64>,
    /// Cancel once this many pages are answered (with requests under way).
    pub cancel_after_pages: Option<u64>,
    /// Number requests with `X-Cloudsim-Seq` (ROMA's growing total under `marker_cycle`).
    pub seq_header: bool,
    /// Read each answer ahead (`on_head`) and send what the walk then hands out before
    /// the answer is decoded, as the browser driver does.
    pub read_ahead: bool,
}

/// What a drive saw.
#[derive(Debug, Default)]
pub struct Trace {
    /// Progress after each answer.
    pub steps: Vec<Progress>,
    /// Latency rounds: a request sent after answers of depth d has depth d + 1.
    pub depth: u64,
    pub max_in_flight: usize,
    /// Some answer had to wait for an earlier page before showing.
    pub saw_waiting: bool,
    /// Error answers delivered.
    pub errors: u64,
    /// Answers the walk read ahead of their decode (and asked the next page from).
    pub read_ahead: u64,
}

/// Runs `walk` to the end against `cloud`, checking after every step that the rows are
/// a prefix of `reference` (every instance once, in the service's order) and that the
/// progress agrees with what was delivered.
pub fn drive(
    walk: &mut dyn LoadAll,
    api: &dyn ListApi,
    auth: &Auth,
    cloud: &cloudsim::Cloud,
    opts: Opts,
    reference: &[String],
) -> Trace {
    let mut trace = Trace::default();
    let mut pending: Vec<(RequestId, ApiRequest, u64)> = Vec::new();
    let mut sent = 0u64;
    let mut known_depth = 0u64;
    let mut delivered_rows = 0u64;
    let mut pages_ok = 0u64;
    let mut rng = match opts.order {
        Order::Shuffled(seed) => seed | 1,
        _ => 1,
    };
    let mut cancelled = false;
    let mut hand_out = |walk: &mut dyn LoadAll, pending: &mut Vec<(RequestId, ApiRequest, u64)>, depth: u64| {
        for (id, q) in walk.next_requests(MAX_PARALLEL) {
            sent += 1;
            let mut req = api.request(&q, "proj").authorize(auth, 0);
            if opts.fail_request == Some(sent) {
                req.headers.push(("X-Cloudsim-Fault".into(), "status=500".into()));
            }
            if opts.seq_header {
                req.headers.push(("X-Cloudsim-Seq".into(), sent.to_string()));
            }
            pending.push((id, req, depth + 1));
        }
        sent
    };
    for _ in 0..10_000 {
        let sent = hand_out(walk, &mut pending, known_depth);
        if !cancelled && opts.cancel_after_pages.is_some_and(|n| pages_ok >= n) {
            assert!(!pending.is_empty(), "cancel with requests under way");
            walk.cancel();
            cancelled = true;
        }
        let abandoned = walk.take_abandoned();
        pending.retain(|(id, _, _)| !abandoned.contains(id));
        trace.max_in_flight = trace.max_in_flight.max(pending.len());
        assert!(pending.len() <= MAX_PARALLEL, "{} under way", pending.len());
        let mut under_way: Vec<RequestId> = pending.iter().map(|(id, _, _)| *id).collect();
        under_way.sort();
        assert_eq!(walk.in_flight(), under_way);
        let p = walk.progress();
        assert_eq!((p.in_flight, p.requests), (pending.len(), sent));
        if walk.is_done() {
            assert!(p.done && pending.is_empty());
            assert!(walk.next_requests(MAX_PARALLEL).is_empty());
            return trace;
        }
        assert!(!pending.is_empty(), "not done, yet nothing under way");
        let at = match opts.order {
            Order::Oldest => 0,
            Order::Newest => pending.len() - 1,
            Order::Shuffled(_) => {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                (rng % pending.len() as u64) as usize
            }
        };
        let (id, req, depth) = pending.remove(at);
        known_depth = known_depth.max(depth);
        trace.depth = trace.depth.max(depth);
        let rows_before = walk.rows().len();
        let response = call(cloud, &req);
        if opts.read_ahead && on_head(walk, api, id, &response) {
            hand_out(walk, &mut pending, depth);
            trace.read_ahead += 1;
            trace.max_in_flight = trace.max_in_flight.max(pending.len() + 1);
        }
        match api.decode(&response) {
            Ok(page) => {
                delivered_rows += page.len() as u64;
                pages_ok += 1;
                assert!(walk.on_page(id, page));
            }
            Err(e) => {
                trace.errors += 1;
                assert!(walk.on_error(id, e));
            }
        }
        let rows = walk.rows();
        assert!(rows.len() >= rows_before, "rows never shrink");
        assert!(rows.len() <= reference.len());
        assert!(
            ids(rows) == reference[..rows.len()],
            "the rows are the first {} instances, in order",
            rows.len()
        );
        let p = walk.progress();
        assert_eq!(p.rows, rows.len() as u64);
        assert_eq!(p.pages_done, pages_ok);
        if walk.outcome().is_none() {
            assert_eq!(p.rows + p.rows_waiting, delivered_rows);
            assert_eq!(p.error, None);
        }
        trace.saw_waiting |= p.rows_waiting > 0;
        trace.steps.push(p);
    }
    panic!("the walk never ended");
}

pub fn drive_clouddc(c: &cloudsim::Cloud, w: &mut dyn LoadAll, opts: Opts, reference: &[String]) -> Trace {
    drive(w, &*list_api::<Clouddc>(), &dc_auth(), c, opts, reference)
}

pub fn drive_roma(c: &cloudsim::Cloud, w: &mut dyn LoadAll, opts: Opts, reference: &[String]) -> Trace {
    drive(w, &*list_api::<Roma>(), &dc_auth(), c, opts, reference)
}

pub fn drive_bycloud(c: &cloudsim::Cloud, w: &mut dyn LoadAll, opts: Opts, reference: &[String]) -> Trace {
    drive(w, &*list_api::<ByCloud>(), &by_auth(), c, opts, reference)
}

pub fn unique(rows: &dyn Rows) -> usize {
    ids(rows).into_iter().collect::<HashSet<_>>().len()
}

/// The ids of the rows in `state` (a state or status value).
pub fn ids_in_state(rows: &dyn Rows, state: &str) -> Vec<String> {
    (0..rows.len())
        .filter(|&r| rows.state(r).is_some_and(|s| s.value == state))
        .map(|r| rows.id(r).to_owned())
        .collect()
}

pub fn own_origin() -> Option<String> {
    Some(format!("http://{HOST}"))
}

//! "Load all pages" planners (`api::load_all`) driven against cloudsim as a library, the
//! way a browser driver will run them: requests handed out, answered (in order, in reverse,
//! or shuffled with up to six under way), cancelled, failed, and walked through the
//! misbehaving paging of `Faults::marker_cycle`. 2,500 instances per service.
#![cfg(not(target_arch = "wasm32"))]

use serde::de::DeserializeOwned;
use skyglass::api::http::{decode_json, ApiError, ApiRequest, ApiResponse, Auth};
use skyglass::api::load_all::{
    BycloudLoadAll, ClouddcLoadAll, LoadAll, Outcome, Progress, RequestId, RomaLoadAll, BYCLOUD_PAGE_SIZE,
    CLOUDDC_PAGE_SIZE, MAX_PARALLEL, ROMA_PAGE_SIZE,
};
use skyglass::api::paging::Anomaly;
use skyglass::api::{bycloud, clouddc, roma};
use std::collections::HashSet;

const START_MS: i64 = 1_767_225_600_000;
const NOW: i64 = START_MS + 30_000;
const N: usize = 2_500;
const HOST: &str = "127.0.0.1:9";

fn cloud_with(faults: cloudsim::Faults) -> cloudsim::Cloud {
    cloudsim::Cloud::new(cloudsim::Config {
        instances: N,
        seed: 11,
        token: "tok".into(),
        project_id: "proj".into(),
        start_ms: START_MS,
        marker_style: cloudsim::MarkerStyle::Bare,
        faults,
    })
}

fn cloud() -> cloudsim::Cloud {
    cloud_with(cloudsim::Faults::default())
}

fn call(cloud: &cloudsim::Cloud, req: &ApiRequest) -> ApiResponse {
    let mut headers = req.headers.clone();
    headers.push(("Host".into(), HOST.into()));
    let resp = cloud.handle(
        &cloudsim::Request {
            method: req.method.into(),
            path: req.path.clone(),
            query: req.query_string(),
            headers,
        },
        NOW,
    );
    let retry_after = resp
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Retry-After"))
        .map(|(_, v)| v.clone());
    ApiResponse {
        status: resp.status,
        retry_after,
        body: resp.body,
    }
}

fn dc_auth() -> Auth {
    Auth::AuthToken("tok".into())
}

fn by_auth() -> Auth {
    Auth::Bearer("tok".into())
}

/// Every id in order, walked with the views' own cursors and small pages.
fn clouddc_reference(c: &cloudsim::Cloud) -> Vec<String> {
    let mut q = clouddc::ListQuery {
        limit: 100,
        ..clouddc::ListQuery::default()
    };
    let mut ids = Vec::new();
    loop {
        let page: clouddc::InstanceList = decode_json(&call(c, &q.request("proj", &dc_auth()))).unwrap();
        ids.extend(page.instances.iter().map(|i| i.id.clone()));
        match q.next(&page) {
            Some(n) => q = n,
            None => return ids,
        }
    }
}

fn roma_reference(c: &cloudsim::Cloud) -> Vec<String> {
    let mut q = roma::OffsetQuery {
        limit: 50,
        ..roma::OffsetQuery::default()
    };
    let mut ids = Vec::new();
    loop {
        let page: roma::InstanceList = decode_json(&call(c, &q.request("proj", &dc_auth()))).unwrap();
        ids.extend(page.instances.iter().map(|i| i.id.clone()));
        match q.next(&page) {
            Some(n) => q = n,
            None => return ids,
        }
    }
}

fn bycloud_reference(c: &cloudsim::Cloud) -> Vec<String> {
    let mut q = bycloud::MarkerQuery::first(100);
    let mut ids = Vec::new();
    loop {
        let page: bycloud::InstanceList = decode_json(&call(c, &q.request(&by_auth()))).unwrap();
        ids.extend(page.instances.iter().map(|i| i.id.clone()));
        match q.next(&page) {
            Some(n) => q = n,
            None => return ids,
        }
    }
}

/// Which of the requests under way the driver answers next.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Order {
    #[default]
    Oldest,
    Newest,
    Shuffled(u64),
}

#[derive(Clone, Copy, Debug, Default)]
struct Opts {
    order: Order,
    /// This request (1-based, in the order handed out) carries `X-Cloudsim-Fault: status=500`.
    fail_request: Option<u64>,
    /// Cancel once this many pages are answered (with requests under way).
    cancel_after_pages: Option<u64>,
    /// Number requests with `X-Cloudsim-Seq` (ROMA's growing total under `marker_cycle`).
    seq_header: bool,
}

/// What a drive saw.
#[derive(Debug, Default)]
struct Trace {
    /// Progress after each answer.
    steps: Vec<Progress>,
    /// Latency rounds: a request sent after answers of depth d has depth d + 1.
    depth: u64,
    max_in_flight: usize,
    /// Some answer had to wait for an earlier page before showing.
    saw_waiting: bool,
    /// Error answers delivered.
    errors: u64,
}

/// Runs `planner` to the end against `cloud`, checking after every step that the rows are
/// a prefix of `reference` (every instance once, in the service's order) and that the
/// progress agrees with what was delivered.
fn drive<P>(
    planner: &mut P,
    cloud: &cloudsim::Cloud,
    opts: Opts,
    reference: &[String],
    build: impl Fn(&P::Query) -> ApiRequest,
    items: impl Fn(&P::Page) -> usize,
    id_of: impl Fn(&P::Row) -> &str,
) -> Trace
where
    P: LoadAll,
    P::Page: DeserializeOwned,
{
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
    for _ in 0..10_000 {
        for (id, q) in planner.next_requests(MAX_PARALLEL) {
            sent += 1;
            let mut req = build(&q);
            if opts.fail_request == Some(sent) {
                req.headers.push(("X-Cloudsim-Fault".into(), "status=500".into()));
            }
            if opts.seq_header {
                req.headers.push(("X-Cloudsim-Seq".into(), sent.to_string()));
            }
            pending.push((id, req, known_depth + 1));
        }
        if !cancelled && opts.cancel_after_pages.is_some_and(|n| pages_ok >= n) {
            assert!(!pending.is_empty(), "cancel with requests under way");
            planner.cancel();
            cancelled = true;
        }
        let abandoned = planner.take_abandoned();
        pending.retain(|(id, _, _)| !abandoned.contains(id));
        trace.max_in_flight = trace.max_in_flight.max(pending.len());
        assert!(pending.len() <= MAX_PARALLEL, "{} under way", pending.len());
        let mut under_way: Vec<RequestId> = pending.iter().map(|(id, _, _)| *id).collect();
        under_way.sort();
        assert_eq!(planner.in_flight(), under_way);
        let p = planner.progress();
        assert_eq!((p.in_flight, p.requests), (pending.len(), sent));
        if planner.is_done() {
            assert!(p.done && pending.is_empty());
            assert!(planner.next_requests(MAX_PARALLEL).is_empty());
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
        let rows_before = planner.rows().len();
        match decode_json::<P::Page>(&call(cloud, &req)) {
            Ok(page) => {
                delivered_rows += items(&page) as u64;
                pages_ok += 1;
                assert!(planner.on_page(id, page));
            }
            Err(e) => {
                trace.errors += 1;
                assert!(planner.on_error(id, e));
            }
        }
        let rows = planner.rows();
        assert!(rows.len() >= rows_before, "rows never shrink");
        assert!(rows.len() <= reference.len());
        assert!(
            rows.iter()
                .map(&id_of)
                .eq(reference[..rows.len()].iter().map(String::as_str)),
            "the rows are the first {} instances, in order",
            rows.len()
        );
        let p = planner.progress();
        assert_eq!(p.rows, rows.len() as u64);
        assert_eq!(p.pages_done, pages_ok);
        if planner.outcome().is_none() {
            assert_eq!(p.rows + p.rows_waiting, delivered_rows);
            assert_eq!(p.error, None);
        }
        trace.saw_waiting |= p.rows_waiting > 0;
        trace.steps.push(p);
    }
    panic!("the walk never ended");
}

fn drive_clouddc(c: &cloudsim::Cloud, w: &mut ClouddcLoadAll, opts: Opts, reference: &[String]) -> Trace {
    drive(
        w,
        c,
        opts,
        reference,
        |q| q.request("proj", &dc_auth()),
        |p| p.instances.len(),
        |i| &i.id,
    )
}

fn drive_roma(c: &cloudsim::Cloud, w: &mut RomaLoadAll, opts: Opts, reference: &[String]) -> Trace {
    drive(
        w,
        c,
        opts,
        reference,
        |q| q.request("proj", &dc_auth()),
        |p| p.instances.len(),
        |i| &i.id,
    )
}

fn drive_bycloud(c: &cloudsim::Cloud, w: &mut BycloudLoadAll, opts: Opts, reference: &[String]) -> Trace {
    drive(
        w,
        c,
        opts,
        reference,
        |q| q.request(&by_auth()),
        |p| p.instances.len(),
        |i| &i.id,
    )
}

fn unique<T>(rows: &[T], id: impl Fn(&T) -> &str) -> usize {
    rows.iter().map(id).collect::<HashSet<_>>().len()
}

fn own_origin() -> Option<String> {
    Some(format!("http://{HOST}"))
}

#[test]
fn references_hold_every_instance_once() {
    let c = cloud();
    for ids in [clouddc_reference(&c), roma_reference(&c), bycloud_reference(&c)] {
        assert_eq!(ids.len(), N);
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), N);
    }
}

#[test]
fn clouddc_loads_every_instance_once_in_order() {
    let c = cloud();
    let reference = clouddc_reference(&c);
    let mut w = ClouddcLoadAll::new(&clouddc::ListQuery::default());
    let p = w.progress();
    assert_eq!(
        (p.pages_done, p.pages_total, p.rows, p.rows_total, p.done),
        (0, None, 0, None, false)
    );
    let trace = drive_clouddc(&c, &mut w, Opts::default(), &reference);
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    assert!(w.anomalies().is_empty());
    assert_eq!(w.rows().len(), N);
    assert_eq!(unique(w.rows(), |i| &i.id), N);
    assert_eq!(trace.max_in_flight, 1, "sequential");
    let shape: Vec<_> = trace
        .steps
        .iter()
        .map(|p| (p.pages_done, p.pages_total, p.rows, p.rows_total, p.requests, p.done))
        .collect();
    assert_eq!(
        shape,
        [
            (1, Some(3), 1000, Some(2500), 1, false),
            (2, Some(3), 2000, Some(2500), 2, false),
            (3, Some(3), 2500, Some(2500), 3, true),
        ]
    );
    assert_eq!(trace.steps.last().unwrap().fraction(), Some(1.0));
    assert_eq!(
        trace.depth,
        ClouddcLoadAll::min_round_trips(N as u64, CLOUDDC_PAGE_SIZE, MAX_PARALLEL)
    );
}

#[test]
fn clouddc_keeps_the_state_filter() {
    let c = cloud();
    let base = clouddc::ListQuery {
        state: Some("running".into()),
        ..clouddc::ListQuery::default()
    };
    let mut w = ClouddcLoadAll::with_page_size(&base, 10);
    assert_eq!(w.page_size(), 10);
    let expected: Vec<String> = {
        let mut w = ClouddcLoadAll::new(&clouddc::ListQuery::default());
        drive_clouddc(&c, &mut w, Opts::default(), &clouddc_reference(&c));
        w.rows()
            .iter()
            .filter(|i| i.state == "running")
            .map(|i| i.id.clone())
            .collect()
    };
    assert!(!expected.is_empty());
    let trace = drive_clouddc(&c, &mut w, Opts::default(), &expected);
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    assert_eq!(w.rows().len(), expected.len());
    assert_eq!(trace.depth, expected.len().div_ceil(10) as u64);
}

#[test]
fn bycloud_loads_every_instance_once_in_order() {
    let c = cloud();
    let reference = bycloud_reference(&c);
    let mut w = BycloudLoadAll::new(&bycloud::MarkerQuery::first(20), own_origin());
    assert_eq!(w.page_size(), BYCLOUD_PAGE_SIZE);
    let trace = drive_bycloud(&c, &mut w, Opts::default(), &reference);
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    assert!(w.anomalies().is_empty(), "{:?}", w.anomalies());
    assert_eq!(unique(w.rows(), |i| &i.id), N);
    let shape: Vec<_> = trace.steps.iter().map(|p| (p.pages_done, p.rows, p.done)).collect();
    assert_eq!(
        shape,
        [
            (1, 500, false),
            (2, 1000, false),
            (3, 1500, false),
            (4, 2000, false),
            (5, 2500, true)
        ]
    );
    assert!(trace
        .steps
        .iter()
        .all(|p| p.pages_total == Some(5) && p.rows_total == Some(2500)));
    assert_eq!(
        trace.depth,
        BycloudLoadAll::min_round_trips(N as u64, BYCLOUD_PAGE_SIZE, MAX_PARALLEL)
    );

    // Links to another origin are noted once; only their marker is followed.
    let mut w = BycloudLoadAll::new(&bycloud::MarkerQuery::first(20), Some("https://console.example".into()));
    drive_bycloud(&c, &mut w, Opts::default(), &reference);
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    assert_eq!(
        w.anomalies(),
        [Anomaly::ForeignLink {
            origin: format!("http://{HOST}")
        }]
    );
}

#[test]
fn roma_loads_out_of_order_six_at_a_time_into_offset_order() {
    let c = cloud();
    let reference = roma_reference(&c);
    for order in [Order::Oldest, Order::Newest, Order::Shuffled(7), Order::Shuffled(99)] {
        let mut w = RomaLoadAll::new(&roma::OffsetQuery::default());
        let trace = drive_roma(
            &c,
            &mut w,
            Opts {
                order,
                ..Opts::default()
            },
            &reference,
        );
        assert_eq!(w.outcome(), Some(&Outcome::Complete), "{order:?}");
        assert_eq!(w.rows().len(), N);
        assert_eq!(unique(w.rows(), |i| &i.id), N);
        assert_eq!(trace.max_in_flight, MAX_PARALLEL);
        assert_eq!(trace.steps.len(), 25);
        let first = &trace.steps[0];
        assert_eq!(
            (first.pages_total, first.rows, first.rows_total),
            (Some(25), 100, Some(2500))
        );
        assert!(trace.steps.iter().all(|p| p.pages_total == Some(25)));
        let last = trace.steps.last().unwrap();
        assert_eq!(
            (last.pages_done, last.rows, last.rows_waiting, last.requests, last.done),
            (25, 2500, 0, 25, true)
        );
        let floor = RomaLoadAll::min_round_trips(N as u64, ROMA_PAGE_SIZE, MAX_PARALLEL);
        assert_eq!(floor, 5);
        if order == Order::Oldest {
            assert_eq!(trace.depth, floor, "answered as sent, the walk meets the floor");
            assert!(!trace.saw_waiting);
        } else {
            assert!(trace.depth >= floor);
            assert!(trace.saw_waiting, "{order:?}: some page waited for an earlier one");
        }
    }
}

#[test]
fn roma_keeps_the_status_filter() {
    let c = cloud();
    let mut all = RomaLoadAll::new(&roma::OffsetQuery::default());
    drive_roma(&c, &mut all, Opts::default(), &roma_reference(&c));
    let expected: Vec<String> = all
        .rows()
        .iter()
        .filter(|i| i.status == "RUNNING")
        .map(|i| i.id.clone())
        .collect();
    assert!(expected.len() > 100, "more than a page runs");
    let base = roma::OffsetQuery {
        status: Some("RUNNING".into()),
        ..roma::OffsetQuery::default()
    };
    let mut w = RomaLoadAll::new(&base);
    let trace = drive_roma(
        &c,
        &mut w,
        Opts {
            order: Order::Shuffled(3),
            ..Opts::default()
        },
        &expected,
    );
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    assert_eq!(w.rows().len(), expected.len());
    assert_eq!(trace.steps[0].pages_total, Some(expected.len().div_ceil(100) as u64));
}

#[test]
fn cancelling_mid_way_keeps_the_rows_so_far() {
    let c = cloud();
    let opts = Opts {
        cancel_after_pages: Some(2),
        ..Opts::default()
    };
    let mut w = ClouddcLoadAll::new(&clouddc::ListQuery::default());
    drive_clouddc(&c, &mut w, opts, &clouddc_reference(&c));
    assert_eq!(w.outcome(), Some(&Outcome::Cancelled));
    assert_eq!(w.rows().len(), 2000);
    let p = w.progress();
    assert_eq!((p.done, p.error.as_deref(), p.requests), (true, Some("Cancelled"), 3));

    let mut w = BycloudLoadAll::new(&bycloud::MarkerQuery::first(20), own_origin());
    drive_bycloud(&c, &mut w, opts, &bycloud_reference(&c));
    assert_eq!(w.outcome(), Some(&Outcome::Cancelled));
    assert_eq!(w.rows().len(), 1000);

    for order in [Order::Oldest, Order::Shuffled(5)] {
        let mut w = RomaLoadAll::new(&roma::OffsetQuery::default());
        let trace = drive_roma(
            &c,
            &mut w,
            Opts {
                order,
                cancel_after_pages: Some(10),
                ..Opts::default()
            },
            &roma_reference(&c),
        );
        assert_eq!(w.outcome(), Some(&Outcome::Cancelled));
        let p = w.progress();
        assert!(p.done && p.in_flight == 0);
        assert_eq!(p.pages_done, 10);
        assert!(p.requests > 10, "requests were under way when cancelled");
        assert!(w.rows().len() <= 1000 && w.rows().len().is_multiple_of(100));
        if order == Order::Oldest {
            assert_eq!(w.rows().len(), 1000);
        }
        assert_eq!(trace.steps.len(), 10);
        // A late answer to an abandoned request changes nothing.
        let rows = w.rows().len();
        assert!(!w.on_page(RequestId(p.requests), roma::InstanceList::default()));
        assert_eq!(w.rows().len(), rows);
    }
}

fn assert_failed_500(outcome: Option<&Outcome>) {
    match outcome {
        Some(Outcome::Failed(e @ ApiError::Status { status: 500, .. })) => assert!(!e.is_auth()),
        other => panic!("a 500, not {other:?}"),
    }
}

#[test]
fn an_error_stops_the_walk_with_the_rows_so_far() {
    let c = cloud();
    let mut w = ClouddcLoadAll::new(&clouddc::ListQuery::default());
    let trace = drive_clouddc(
        &c,
        &mut w,
        Opts {
            fail_request: Some(2),
            ..Opts::default()
        },
        &clouddc_reference(&c),
    );
    assert_failed_500(w.outcome());
    assert_eq!((w.rows().len(), trace.errors), (1000, 1));
    let p = w.progress();
    assert!(p.done);
    assert!(p.error.as_deref().unwrap().contains("HTTP 500"), "{:?}", p.error);
    assert_eq!(p.requests, 2, "nothing is asked after the error");

    let mut w = BycloudLoadAll::new(&bycloud::MarkerQuery::first(20), own_origin());
    drive_bycloud(
        &c,
        &mut w,
        Opts {
            fail_request: Some(3),
            ..Opts::default()
        },
        &bycloud_reference(&c),
    );
    assert_failed_500(w.outcome());
    assert_eq!(w.rows().len(), 1000);

    // ROMA: request 8 asks offset 700. Pages before it still arrive and fill the rows;
    // pages after it are abandoned.
    for order in [Order::Oldest, Order::Newest, Order::Shuffled(17)] {
        let mut w = RomaLoadAll::new(&roma::OffsetQuery::default());
        let trace = drive_roma(
            &c,
            &mut w,
            Opts {
                order,
                fail_request: Some(8),
                ..Opts::default()
            },
            &roma_reference(&c),
        );
        assert_failed_500(w.outcome());
        assert_eq!(w.rows().len(), 700, "{order:?}");
        assert_eq!(trace.errors, 1);
        let p = w.progress();
        assert!(p.done && p.in_flight == 0);
        assert!(p.error.unwrap().contains("HTTP 500"));
        assert!(p.requests < 25);
    }
}

#[test]
fn marker_cycles_stop_the_walk_instead_of_looping() {
    let faults = cloudsim::Faults {
        marker_cycle: true,
        ..cloudsim::Faults::default()
    };
    let c = cloud_with(faults);
    let reference = clouddc_reference(&cloud());

    // CloudDC's page 3 points back to page 1's marker.
    let mut w = ClouddcLoadAll::new(&clouddc::ListQuery::default());
    drive_clouddc(&c, &mut w, Opts::default(), &reference);
    assert!(
        matches!(w.outcome(), Some(Outcome::Stopped(Anomaly::Cycle { .. }))),
        "{:?}",
        w.outcome()
    );
    assert_eq!(w.rows().len(), N);
    assert_eq!(unique(w.rows(), |i| &i.id), N);
    let p = w.progress();
    assert_eq!((p.requests, p.done), (3, true));
    assert!(p.error.unwrap().contains("cycle"));

    // With smaller pages the cycle comes before the end: pages 1–3 only, each row once.
    let mut w = ClouddcLoadAll::with_page_size(&clouddc::ListQuery::default(), 100);
    drive_clouddc(&c, &mut w, Opts::default(), &reference);
    assert!(matches!(w.outcome(), Some(Outcome::Stopped(Anomaly::Cycle { .. }))));
    assert_eq!((w.rows().len(), w.progress().requests), (300, 3));

    // ByCloud's page 3 repeats page 1's marker.
    let mut w = BycloudLoadAll::new(&bycloud::MarkerQuery::first(20), own_origin());
    drive_bycloud(&c, &mut w, Opts::default(), &bycloud_reference(&cloud()));
    assert!(
        matches!(w.outcome(), Some(Outcome::Stopped(Anomaly::Cycle { .. }))),
        "{:?}",
        w.outcome()
    );
    assert_eq!(w.rows().len(), 1500);
    assert_eq!(unique(w.rows(), |i| &i.id), 1500);
    assert_eq!(w.progress().requests, 3);
}

#[test]
fn roma_notes_a_changing_total_and_stops_at_an_empty_page() {
    let faults = cloudsim::Faults {
        marker_cycle: true,
        ..cloudsim::Faults::default()
    };
    let c = cloud_with(faults);
    let reference = roma_reference(&cloud());
    let mut w = RomaLoadAll::new(&roma::OffsetQuery::default());
    let trace = drive_roma(
        &c,
        &mut w,
        Opts {
            order: Order::Shuffled(23),
            seq_header: true,
            ..Opts::default()
        },
        &reference,
    );
    // The first answer said 2,500 + 7: the plan has 26 pages and the last is empty.
    assert_eq!(trace.steps[0].rows_total, Some(2507));
    assert_eq!(trace.steps[0].pages_total, Some(26));
    assert!(
        w.anomalies()
            .iter()
            .any(|a| matches!(a, Anomaly::TotalChanged { from: 2507, to } if *to > 2507)),
        "{:?}",
        w.anomalies()
    );
    assert_eq!(
        w.anomalies()
            .iter()
            .filter(|a| matches!(a, Anomaly::TotalChanged { .. }))
            .count(),
        1
    );
    assert!(
        matches!(
            w.outcome(),
            Some(Outcome::Stopped(Anomaly::EmptyPageWithMore { page: 26 }))
        ),
        "{:?}",
        w.outcome()
    );
    assert_eq!(w.rows().len(), N, "every real row arrived, each once");
    assert_eq!(unique(w.rows(), |i| &i.id), N);
}

#[test]
fn round_trip_floors_for_a_benchmark() {
    let parallel = MAX_PARALLEL;
    for (rows, dc, roma, by) in [
        (0u64, 1, 1, 1),
        (1, 1, 1, 1),
        (2_500, 3, 5, 5),
        (100_000, 100, 1 + 999u64.div_ceil(6), 200),
    ] {
        assert_eq!(ClouddcLoadAll::min_round_trips(rows, CLOUDDC_PAGE_SIZE, parallel), dc);
        assert_eq!(RomaLoadAll::min_round_trips(rows, ROMA_PAGE_SIZE, parallel), roma);
        assert_eq!(BycloudLoadAll::min_round_trips(rows, BYCLOUD_PAGE_SIZE, parallel), by);
    }
    // Depth measured by the driver, for other sizes: the ROMA walk meets its floor.
    let c = cloud();
    let reference = roma_reference(&c);
    for limit in [7, 50] {
        let mut w = RomaLoadAll::with_page_size(&roma::OffsetQuery::default(), limit);
        let trace = drive_roma(&c, &mut w, Opts::default(), &reference);
        assert_eq!(w.outcome(), Some(&Outcome::Complete));
        assert_eq!(trace.depth, RomaLoadAll::min_round_trips(N as u64, limit, parallel));
    }
}

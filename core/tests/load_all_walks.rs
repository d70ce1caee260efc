//! "Load all pages" walks driven against cloudsim as a library: every instance once, in
//! the service's order, for each service's paging (a marker walk, parallel offsets answered
//! in any order), filters kept, and the latency-bound floors. 2,500 instances per service.

mod load_all_support;
use load_all_support::*;
use skyglass_core::load_all::{min_round_trips, plan, plan_with_page_size, WalkOutcome, MAX_PARALLEL};
use skyglass_core::paging::Anomaly;
use skyglass_core::service::{ListQuery, Paging};

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
    let mut w = plan(DC, &ListQuery::first(DC), None);
    let p = w.progress();
    assert_eq!(
        (p.pages_done, p.pages_total, p.rows, p.rows_total, p.done),
        (0, None, 0, None, false)
    );
    let trace = drive_clouddc(&c, &mut *w, Opts::default(), &reference);
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    assert!(w.anomalies().is_empty());
    assert_eq!(w.rows().len(), N);
    assert_eq!(unique(w.rows()), N);
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
        min_round_trips(Paging::Marker, N as u64, DC.load_all_page_size, MAX_PARALLEL)
    );
}

#[test]
fn clouddc_keeps_the_state_filter() {
    let c = cloud();
    let base = ListQuery::first(DC).restart(DC, 20, [("state", "running".to_string())]);
    let mut w = plan_with_page_size(DC, &base, 10, None);
    assert_eq!(w.page_size(), 10);
    let expected: Vec<String> = {
        let mut w = plan(DC, &ListQuery::first(DC), None);
        drive_clouddc(&c, &mut *w, Opts::default(), &clouddc_reference(&c));
        ids_in_state(w.rows(), "running")
    };
    assert!(!expected.is_empty());
    let trace = drive_clouddc(&c, &mut *w, Opts::default(), &expected);
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    assert_eq!(w.rows().len(), expected.len());
    assert_eq!(trace.depth, expected.len().div_ceil(10) as u64);
}

#[test]
fn bycloud_loads_every_instance_once_in_order() {
    let c = cloud();
    let reference = bycloud_reference(&c);
    let mut w = plan(BY, &ListQuery::first(BY), own_origin());
    assert_eq!(w.page_size(), BY.load_all_page_size);
    let trace = drive_bycloud(&c, &mut *w, Opts::default(), &reference);
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    assert!(w.anomalies().is_empty(), "{:?}", w.anomalies());
    assert_eq!(unique(w.rows()), N);
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
        min_round_trips(Paging::Marker, N as u64, BY.load_all_page_size, MAX_PARALLEL)
    );

    // Links to another origin are noted once; only their marker is followed.
    let mut w = plan(BY, &ListQuery::first(BY), Some("https://console.example".into()));
    drive_bycloud(&c, &mut *w, Opts::default(), &reference);
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
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
        let mut w = plan(RO, &ListQuery::first(RO), None);
        let trace = drive_roma(
            &c,
            &mut *w,
            Opts {
                order,
                ..Opts::default()
            },
            &reference,
        );
        assert_eq!(w.outcome(), Some(&WalkOutcome::Complete), "{order:?}");
        assert_eq!(w.rows().len(), N);
        assert_eq!(unique(w.rows()), N);
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
        let floor = min_round_trips(Paging::Offset, N as u64, RO.load_all_page_size, MAX_PARALLEL);
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
    let mut all = plan(RO, &ListQuery::first(RO), None);
    drive_roma(&c, &mut *all, Opts::default(), &roma_reference(&c));
    let expected: Vec<String> = ids_in_state(all.rows(), "RUNNING");
    assert!(expected.len() > 100, "more than a page runs");
    let base = ListQuery::first(RO).restart(RO, 10, [("status", "RUNNING".to_string())]);
    let mut w = plan(RO, &base, None);
    let trace = drive_roma(
        &c,
        &mut *w,
        Opts {
            order: Order::Shuffled(3),
            ..Opts::default()
        },
        &expected,
    );
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    assert_eq!(w.rows().len(), expected.len());
    assert_eq!(trace.steps[0].pages_total, Some(expected.len().div_ceil(100) as u64));
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
        assert_eq!(
            min_round_trips(Paging::Marker, rows, DC.load_all_page_size, parallel),
            dc
        );
        assert_eq!(
            min_round_trips(Paging::Offset, rows, RO.load_all_page_size, parallel),
            roma
        );
        assert_eq!(
            min_round_trips(Paging::Marker, rows, BY.load_all_page_size, parallel),
            by
        );
    }
    // Depth measured by the driver, for other sizes: the ROMA walk meets its floor.
    let c = cloud();
    let reference = roma_reference(&c);
    for limit in [7, 50] {
        let mut w = plan_with_page_size(RO, &ListQuery::first(RO), limit, None);
        let trace = drive_roma(&c, &mut *w, Opts::default(), &reference);
        assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
        assert_eq!(trace.depth, min_round_trips(Paging::Offset, N as u64, limit, parallel));
    }
}

/// Reading each answer ahead (as the browser does): the next page is asked while this one
/// is decoded, so two requests overlap, and the rows, their order and the round trips are
/// exactly those of the plain walk; an error, a cancel and a marker cycle end it the same.
#[test]
fn marker_walks_read_ahead_without_changing_what_they_load() {
    let c = cloud();
    let ahead = Opts {
        read_ahead: true,
        ..Opts::default()
    };
    type Drive = fn(&cloudsim::Cloud, &mut dyn skyglass_core::load_all::LoadAll, Opts, &[String]) -> Trace;
    let walks: [(_, _, _, Drive); 2] = [
        (DC, clouddc_reference(&c), None, drive_clouddc),
        (BY, bycloud_reference(&c), own_origin(), drive_bycloud),
    ];
    for (info, reference, own, drive) in walks {
        let mut w = plan(info, &ListQuery::first(info), own.clone());
        let trace = drive(&c, &mut *w, ahead, &reference);
        assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
        assert!(w.anomalies().is_empty(), "{:?}", w.anomalies());
        assert_eq!(unique(w.rows()), N);
        let pages = min_round_trips(Paging::Marker, N as u64, info.load_all_page_size, MAX_PARALLEL);
        assert_eq!(trace.depth, pages, "the same round trips");
        assert_eq!(trace.read_ahead, pages - 1, "every page but the last was read ahead");
        assert_eq!(trace.max_in_flight, 2, "the next page overlaps the decode");
        assert_eq!(w.progress().requests, pages, "nothing asked twice");

        // An error on the page asked ahead ends the walk with the rows before it.
        let mut w = plan(info, &ListQuery::first(info), own.clone());
        drive(
            &c,
            &mut *w,
            Opts {
                fail_request: Some(2),
                ..ahead
            },
            &reference,
        );
        assert!(matches!(w.outcome(), Some(WalkOutcome::Failed(_))));
        assert_eq!(w.rows().len() as u32, info.load_all_page_size);

        let mut w = plan(info, &ListQuery::first(info), own);
        drive(
            &c,
            &mut *w,
            Opts {
                cancel_after_pages: Some(1),
                ..ahead
            },
            &reference,
        );
        assert_eq!(w.outcome(), Some(&WalkOutcome::Cancelled));
        assert_eq!(w.rows().len() as u32, info.load_all_page_size);
        assert!(w.progress().done);
    }
}

/// What a service reads ahead of the decode is what the decoded page says (CloudDC and
/// ByCloud skim their instances; ROMA Connect, planned from its total, reads nothing).
#[test]
fn heads_agree_with_the_decoded_pages() {
    use skyglass_core::service::list_api;
    use skyglass_core::services::{bycloud::ByCloud, clouddc::Clouddc, roma::Roma};
    let c = cloud();
    for (api, auth) in [
        (list_api::<Clouddc>(), dc_auth()),
        (list_api::<ByCloud>(), by_auth()),
        (list_api::<Roma>(), dc_auth()),
    ] {
        let info = api.list();
        let mut q = ListQuery::first(info).with_limit(info.load_all_page_size);
        for _ in 0..4 {
            let resp = call(&c, &api.request(&q, "proj").authorize(&auth, 0));
            let facts = api.decode(&resp).unwrap().facts(&q);
            match api.head(&q, &resp) {
                Some(head) => assert_eq!(head, facts, "{}", api.info().key),
                None => assert_eq!(info.paging, Paging::Offset, "{} reads nothing ahead", api.info().key),
            }
            let error = skyglass_core::http::ApiResponse {
                status: 500,
                ..resp.clone()
            };
            assert_eq!(api.head(&q, &error), None, "only a success is read ahead");
            match skyglass_core::paging::next(info, &q, &facts) {
                Some(n) => q = n,
                None => break,
            }
        }
    }
}

//! "Load all pages" walks driven against cloudsim as a library when things go wrong:
//! cancelled mid-way, a 500 mid-walk, marker cycles and totals that change
//! (`Faults::marker_cycle`). The rows loaded so far always stay.

mod load_all_support;
use load_all_support::*;
use skyglass_core::http::ApiError;
use skyglass_core::load_all::{plan, plan_with_page_size, RequestId, WalkOutcome};
use skyglass_core::paging::Anomaly;
use skyglass_core::service::{ListPage, ListQuery};
use skyglass_core::services::roma::{self, Roma};

#[test]
fn cancelling_mid_way_keeps_the_rows_so_far() {
    let c = cloud();
    let opts = Opts {
        cancel_after_pages: Some(2),
        ..Opts::default()
    };
    let mut w = plan(DC, &ListQuery::first(DC), None);
    drive_clouddc(&c, &mut *w, opts, &clouddc_reference(&c));
    assert_eq!(w.outcome(), Some(&WalkOutcome::Cancelled));
    assert_eq!(w.rows().len(), 2000);
    let p = w.progress();
    assert_eq!((p.done, p.error.as_deref(), p.requests), (true, Some("Cancelled"), 3));

    let mut w = plan(BY, &ListQuery::first(BY), own_origin());
    drive_bycloud(&c, &mut *w, opts, &bycloud_reference(&c));
    assert_eq!(w.outcome(), Some(&WalkOutcome::Cancelled));
    assert_eq!(w.rows().len(), 1000);

    for order in [Order::Oldest, Order::Shuffled(5)] {
        let mut w = plan(RO, &ListQuery::first(RO), None);
        let trace = drive_roma(
            &c,
            &mut *w,
            Opts {
                order,
                cancel_after_pages: Some(10),
                ..Opts::default()
            },
            &roma_reference(&c),
        );
        assert_eq!(w.outcome(), Some(&WalkOutcome::Cancelled));
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
        assert!(!w.on_page(
            RequestId(p.requests),
            ListPage::of::<Roma>(roma::wire::InstanceList::default())
        ));
        assert_eq!(w.rows().len(), rows);
    }
}

fn assert_failed_500(outcome: Option<&WalkOutcome>) {
    match outcome {
        Some(WalkOutcome::Failed(e @ ApiError::Status { status: 500, .. })) => assert!(!e.is_auth()),
        other => panic!("a 500, not {other:?}"),
    }
}

#[test]
fn an_error_stops_the_walk_with_the_rows_so_far() {
    let c = cloud();
    let mut w = plan(DC, &ListQuery::first(DC), None);
    let trace = drive_clouddc(
        &c,
        &mut *w,
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

    let mut w = plan(BY, &ListQuery::first(BY), own_origin());
    drive_bycloud(
        &c,
        &mut *w,
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
        let mut w = plan(RO, &ListQuery::first(RO), None);
        let trace = drive_roma(
            &c,
            &mut *w,
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
    let mut w = plan(DC, &ListQuery::first(DC), None);
    drive_clouddc(&c, &mut *w, Opts::default(), &reference);
    assert!(
        matches!(w.outcome(), Some(WalkOutcome::Stopped(Anomaly::Cycle { .. }))),
        "{:?}",
        w.outcome()
    );
    assert_eq!(w.rows().len(), N);
    assert_eq!(unique(w.rows()), N);
    let p = w.progress();
    assert_eq!((p.requests, p.done), (3, true));
    assert!(p.error.unwrap().contains("cycle"));

    // With smaller pages the cycle comes before the end: pages 1–3 only, each row once.
    let mut w = plan_with_page_size(DC, &ListQuery::first(DC), 100, None);
    drive_clouddc(&c, &mut *w, Opts::default(), &reference);
    assert!(matches!(w.outcome(), Some(WalkOutcome::Stopped(Anomaly::Cycle { .. }))));
    assert_eq!((w.rows().len(), w.progress().requests), (300, 3));

    // ByCloud's page 3 repeats page 1's marker.
    let mut w = plan(BY, &ListQuery::first(BY), own_origin());
    drive_bycloud(&c, &mut *w, Opts::default(), &bycloud_reference(&cloud()));
    assert!(
        matches!(w.outcome(), Some(WalkOutcome::Stopped(Anomaly::Cycle { .. }))),
        "{:?}",
        w.outcome()
    );
    assert_eq!(w.rows().len(), 1500);
    assert_eq!(unique(w.rows()), 1500);
    assert_eq!(w.progress().requests, 3);

    // Read ahead (as the browser does), the cycle is seen in what is read ahead: nothing
    // is asked past it.
    let ahead = Opts {
        read_ahead: true,
        ..Opts::default()
    };
    let mut w = plan_with_page_size(DC, &ListQuery::first(DC), 100, None);
    let trace = drive_clouddc(&c, &mut *w, ahead, &reference);
    assert!(matches!(w.outcome(), Some(WalkOutcome::Stopped(Anomaly::Cycle { .. }))));
    assert_eq!((w.rows().len(), w.progress().requests, trace.read_ahead), (300, 3, 2));
    let mut w = plan(BY, &ListQuery::first(BY), own_origin());
    drive_bycloud(&c, &mut *w, ahead, &bycloud_reference(&cloud()));
    assert!(matches!(w.outcome(), Some(WalkOutcome::Stopped(Anomaly::Cycle { .. }))));
    assert_eq!((w.rows().len(), w.progress().requests), (1500, 3));
}

#[test]
fn roma_notes_a_changing_total_and_stops_at_an_empty_page() {
    let faults = cloudsim::Faults {
        marker_cycle: true,
        ..cloudsim::Faults::default()
    };
    let c = cloud_with(faults);
    let reference = roma_reference(&cloud());
    let mut w = plan(RO, &ListQuery::first(RO), None);
    let trace = drive_roma(
        &c,
        &mut *w,
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
            Some(WalkOutcome::Stopped(Anomaly::EmptyPageWithMore { page: 26 }))
        ),
        "{:?}",
        w.outcome()
    );
    assert_eq!(w.rows().len(), N, "every real row arrived, each once");
    assert_eq!(unique(w.rows()), N);
}

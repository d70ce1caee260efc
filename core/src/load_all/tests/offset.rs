//! The offset walk (ROMA Connect): page 1 alone, then the planned offsets in parallel.

use super::*;

#[test]
fn roma_plans_every_offset_after_page_one_and_orders_answers() {
    let mut w = roma_walk(10);
    assert_eq!(w.planned_offsets().next(), None);
    let first = w.next_requests(6);
    assert_eq!(first.len(), 1, "page 1 alone: it brings the total");
    assert!(w.next_requests(6).is_empty());
    w.on_page(first[0].0, roma_page(0, 10, Some(95)));
    assert_eq!(
        w.planned_offsets().collect::<Vec<_>>(),
        [10, 20, 30, 40, 50, 60, 70, 80, 90]
    );
    let p = w.progress();
    assert_eq!((p.pages_total, p.rows, p.rows_total), (Some(10), 10, Some(95)));
    let batch = w.next_requests(6);
    assert_eq!(
        batch.iter().map(|(_, q)| q.offset()).collect::<Vec<_>>(),
        [10, 20, 30, 40, 50, 60]
    );
    assert!(w.next_requests(6).is_empty(), "six under way");
    // Answers in reverse order: rows wait until the gap closes.
    for (id, q) in batch.iter().rev().take(5) {
        w.on_page(*id, roma_page(q.offset() as usize, 10, Some(95)));
        assert_eq!(w.rows().len(), 10);
    }
    assert_eq!(w.progress().rows_waiting, 50);
    w.on_page(batch[0].0, roma_page(10, 10, Some(95)));
    assert_eq!(w.rows().len(), 70);
    assert_eq!(w.progress().rows_waiting, 0);
    let rest = w.next_requests(6);
    assert_eq!(rest.iter().map(|(_, q)| q.offset()).collect::<Vec<_>>(), [70, 80, 90]);
    for (id, q) in rest {
        let n = if q.offset() == 90 { 5 } else { 10 };
        w.on_page(id, roma_page(q.offset() as usize, n, Some(95)));
    }
    assert!(w.is_done());
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    let want: Vec<String> = (0..95).map(|i| format!("r{i:05}")).collect();
    assert_eq!(ids(w.rows()), want);
    let p = w.progress();
    assert_eq!(
        (p.pages_done, p.pages_total, p.requests, p.done),
        (10, Some(10), 10, true)
    );
}

#[test]
fn roma_error_keeps_the_rows_before_it_and_waits_for_earlier_pages() {
    let mut w = roma_walk(10);
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, roma_page(0, 10, Some(100)));
    let batch = w.next_requests(3); // offsets 10, 20, 30
    w.on_page(batch[2].0, roma_page(30, 10, Some(100)));
    assert!(w.on_error(batch[1].0, ApiError::Network("reset".into())));
    // 30 is past the failure: dropped. 10 is before it: still wanted.
    assert!(!w.is_done());
    assert_eq!(w.in_flight(), [batch[0].0]);
    assert!(w.next_requests(6).is_empty());
    assert!(w.on_page(batch[0].0, roma_page(10, 10, Some(100))));
    assert!(w.is_done());
    assert_eq!(w.rows().len(), 20);
    assert_eq!(w.progress().rows_waiting, 0);
    assert!(matches!(w.outcome(), Some(WalkOutcome::Failed(ApiError::Network(_)))));
}

#[test]
fn roma_cancel_abandons_everything_under_way() {
    let mut w = roma_walk(10);
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, roma_page(0, 10, Some(100)));
    let batch = w.next_requests(6);
    w.cancel();
    let mut gone = w.take_abandoned();
    gone.sort();
    assert_eq!(gone, batch.iter().map(|(id, _)| *id).collect::<Vec<_>>());
    assert!(w.is_done());
    assert_eq!(w.rows().len(), 10);
    w.cancel();
    assert_eq!(w.outcome(), Some(&WalkOutcome::Cancelled));
}

#[test]
fn roma_changed_totals_are_noted_and_empty_pages_stop() {
    let mut w = roma_walk(10);
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, roma_page(0, 10, Some(40)));
    let batch = w.next_requests(6);
    assert_eq!(batch.len(), 3);
    w.on_page(batch[0].0, roma_page(10, 10, Some(47)));
    w.on_page(batch[1].0, roma_page(20, 10, Some(54)));
    assert_eq!(w.anomalies(), [Anomaly::TotalChanged { from: 40, to: 54 }]);
    w.on_page(batch[2].0, roma_page(30, 0, Some(54)));
    assert!(w.is_done());
    assert!(matches!(
        w.outcome(),
        Some(WalkOutcome::Stopped(Anomaly::EmptyPageWithMore { page: 4 }))
    ));
    assert_eq!(w.rows().len(), 30);
    assert_eq!(w.progress().rows_total, Some(40), "the plan follows the first total");
}

#[test]
fn roma_without_a_total_goes_one_page_at_a_time() {
    let mut w = roma_walk(10);
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, roma_page(0, 10, None));
    assert_eq!(w.progress().pages_total, None);
    let next = w.next_requests(6);
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].1.offset(), 10);
    w.on_page(next[0].0, roma_page(10, 4, None));
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    assert_eq!(w.rows().len(), 14);
    assert_eq!(w.progress().pages_total, Some(2));
}

#[test]
fn roma_follows_a_service_that_caps_the_page_size() {
    let mut w = roma_walk(100);
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, roma_page(0, 30, Some(70)));
    let batch = w.next_requests(6);
    assert_eq!(batch.iter().map(|(_, q)| q.offset()).collect::<Vec<_>>(), [30, 60]);
    w.on_page(batch[1].0, roma_page(60, 10, Some(70)));
    w.on_page(batch[0].0, roma_page(30, 30, Some(70)));
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    let want: Vec<String> = (0..70).map(|i| format!("r{i:05}")).collect();
    assert_eq!(ids(w.rows()), want);
}

#[test]
fn roma_survives_a_hostile_total() {
    let mut w = roma_walk(10);
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, roma_page(0, 10, Some(u64::MAX)));
    assert_eq!(w.planned_offsets().take(2).collect::<Vec<_>>(), [10, 20]);
    assert_eq!(w.progress().pages_total, Some(u64::MAX.div_ceil(10)));
    let batch = w.next_requests(6);
    assert_eq!(batch.len(), 6);
    w.on_page(batch[0].0, roma_page(10, 0, Some(u64::MAX)));
    assert!(matches!(w.outcome(), Some(WalkOutcome::Stopped(_))));
    assert_eq!(w.take_abandoned().len(), 5);
    assert!(w.is_done());
    assert_eq!(w.planned_offsets().next(), None);
    assert_eq!(w.rows().len(), 10);
}

#[test]
fn roma_small_and_empty_lists() {
    let mut w = plan(&roma::info::LIST, &ListQuery::first(&roma::info::LIST), None);
    let (id, q) = w.next_requests(6).remove(0);
    assert_eq!((q.offset(), q.limit), (0, 100));
    w.on_page(id, roma_page(0, 0, Some(0)));
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    assert_eq!(w.progress().pages_total, Some(1));
    let mut w = plan(&roma::info::LIST, &ListQuery::first(&roma::info::LIST), None);
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, roma_page(0, 0, Some(5)));
    assert!(matches!(w.outcome(), Some(WalkOutcome::Stopped(_))));
}

#[test]
fn on_response_decodes_or_reports() {
    let api = crate::service::list_api::<Roma>();
    let mut w = plan(&roma::info::LIST, &ListQuery::first(&roma::info::LIST), None);
    let (id, _) = w.next_requests(6).remove(0);
    let resp = ApiResponse {
        status: 500,
        retry_after: None,
        body: r#"{"error_code":"ROMA.1","error_msg":"boom"}"#.into(),
    };
    assert!(on_response(&mut *w, &*api, id, Ok(resp)));
    assert_eq!(
        w.progress().error.as_deref(),
        Some("Server error (HTTP 500): ROMA.1 boom")
    );
    let mut w = plan(&roma::info::LIST, &ListQuery::first(&roma::info::LIST), None);
    let (id, _) = w.next_requests(6).remove(0);
    let resp = ApiResponse::ok(r#"{"total":1,"size":1,"instances":[{"id":"x"}]}"#);
    assert!(on_response(&mut *w, &*api, id, Ok(resp)));
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    assert_eq!(w.rows().id(0), "x");
}

#[test]
fn unreadable_instances_count_toward_the_offsets() {
    let api = crate::service::list_api::<Roma>();
    let mut w = roma_walk(3);
    let (id, _) = w.next_requests(6).remove(0);
    let resp = ApiResponse::ok(r#"{"total":5,"instances":[{"id":"a"},null,{"id":"c"}]}"#);
    assert!(on_response(&mut w, &*api, id, Ok(resp)));
    let batch = w.next_requests(6);
    assert_eq!(batch.iter().map(|(_, q)| q.offset()).collect::<Vec<_>>(), [3]);
    assert_eq!(w.rows().unreadable().count(), 1);
    assert_eq!(ids(w.rows()), ["a", "c"]);
}

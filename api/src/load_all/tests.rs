//! Unit tests of `api::load_all`.

use super::*;

fn dc_page(ids: &[&str], next: &str, count: u64) -> clouddc::InstanceList {
    clouddc::InstanceList {
        instances: ids
            .iter()
            .map(|id| clouddc::Instance {
                id: (*id).into(),
                ..clouddc::Instance::default()
            })
            .collect(),
        page_info: Some(clouddc::PageInfo {
            next_marker: next.into(),
            ..clouddc::PageInfo::default()
        }),
        count: Some(count),
    }
}

fn roma_page(from: usize, n: usize, total: Option<u64>) -> roma::InstanceList {
    roma::InstanceList {
        total,
        size: Some(n as u64),
        instances: (from..from + n)
            .map(|i| roma::Instance {
                id: format!("r{i:05}"),
                ..roma::Instance::default()
            })
            .collect(),
    }
}

fn ids<T>(rows: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    rows.iter().map(|r| id(r).to_owned()).collect()
}

#[test]
fn page_sizes_and_round_trip_floors() {
    assert_eq!(CLOUDDC_PAGE_SIZE, 1000);
    assert_eq!(ROMA_PAGE_SIZE, 100);
    assert_eq!(BYCLOUD_PAGE_SIZE, 500);
    assert_eq!(MAX_PARALLEL, 6);
    assert_eq!(ClouddcLoadAll::min_round_trips(2500, 1000, 6), 3);
    assert_eq!(ClouddcLoadAll::min_round_trips(2000, 1000, 6), 2);
    assert_eq!(ClouddcLoadAll::min_round_trips(0, 1000, 6), 1);
    assert_eq!(BycloudLoadAll::min_round_trips(2500, 500, 6), 5);
    assert_eq!(RomaLoadAll::min_round_trips(2500, 100, 6), 1 + 4);
    assert_eq!(RomaLoadAll::min_round_trips(2500, 100, 1), 25);
    assert_eq!(RomaLoadAll::min_round_trips(100, 100, 6), 1);
    assert_eq!(RomaLoadAll::min_round_trips(101, 100, 6), 2);
    assert_eq!(RomaLoadAll::min_round_trips(0, 0, 0), 1);
    assert_eq!(RomaLoadAll::min_round_trips(100_000, 100, 6), 1 + 167);
}

#[test]
fn clouddc_walks_markers_and_stops_on_a_cycle() {
    let mut w = ClouddcLoadAll::new(&clouddc::ListQuery {
        limit: 20,
        marker: Some("old".into()),
        state: Some("running".into()),
        page: 4,
    });
    assert_eq!(w.page_size(), 1000);
    let first = w.next_requests(6);
    assert_eq!(first.len(), 1);
    let (id, q) = first[0].clone();
    assert_eq!(
        (q.limit, q.marker.as_deref(), q.state.as_deref()),
        (1000, None, Some("running"))
    );
    assert!(w.next_requests(6).is_empty(), "sequential: one at a time");
    assert!(w.on_page(id, dc_page(&["a", "b"], "b", 6)));
    assert!(!w.on_page(id, dc_page(&["x"], "", 6)), "a second answer is ignored");
    let p = w.progress();
    assert_eq!(
        (p.pages_done, p.pages_total, p.rows, p.rows_total),
        (1, Some(1), 2, Some(6))
    );
    let (id, q) = w.next_requests(1).remove(0);
    assert_eq!(q.marker.as_deref(), Some("b"));
    w.on_page(id, dc_page(&["c", "d"], "d", 6));
    let (id, _) = w.next_requests(1).remove(0);
    // Page 3 points back to page 2's marker.
    w.on_page(id, dc_page(&["e", "f"], "b", 6));
    assert!(w.is_done());
    assert!(matches!(w.outcome(), Some(Outcome::Stopped(Anomaly::Cycle { .. }))));
    assert_eq!(ids(w.rows(), |r| &r.id), ["a", "b", "c", "d", "e", "f"]);
    assert!(w.progress().error.unwrap().contains("cycle"));
    assert!(w.next_requests(6).is_empty());
}

#[test]
fn clouddc_errors_and_cancels_keep_the_rows() {
    let mut w = ClouddcLoadAll::new(&clouddc::ListQuery::default());
    let (id, _) = w.next_requests(1).remove(0);
    w.on_page(id, dc_page(&["a"], "a", 3));
    let (id, _) = w.next_requests(1).remove(0);
    assert!(!w.on_error(RequestId(99), ApiError::Aborted));
    assert!(w.on_error(id, ApiError::Network("refused".into())));
    assert!(w.is_done());
    let p = w.progress();
    assert_eq!(p.rows, 1);
    assert!(p.error.unwrap().contains("refused"));

    let mut w = ClouddcLoadAll::new(&clouddc::ListQuery::default());
    assert!(w.next_requests(0).is_empty());
    let (id, _) = w.next_requests(1).remove(0);
    w.on_page(id, dc_page(&["a"], "a", 3));
    let (id, _) = w.next_requests(1).remove(0);
    w.cancel();
    assert_eq!(w.take_abandoned(), [id]);
    assert!(w.take_abandoned().is_empty());
    assert!(!w.on_page(id, dc_page(&["b"], "", 3)));
    assert_eq!(w.outcome(), Some(&Outcome::Cancelled));
    assert_eq!(w.into_rows().len(), 1);
}

#[test]
fn clouddc_empty_list_is_one_complete_page() {
    let mut w = ClouddcLoadAll::new(&clouddc::ListQuery::default());
    let (id, _) = w.next_requests(1).remove(0);
    w.on_page(id, dc_page(&[], "", 0));
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    let p = w.progress();
    assert_eq!(
        (p.pages_done, p.pages_total, p.rows, p.done, p.error.clone()),
        (1, Some(1), 0, true, None)
    );
    assert_eq!(p.fraction(), Some(1.0));
}

#[test]
fn bycloud_walk_notes_foreign_links_once() {
    let page = |ids: &[&str], more: bool, next: &str| bycloud::InstanceList {
        instances: ids
            .iter()
            .map(|id| bycloud::Instance {
                id: (*id).into(),
                ..bycloud::Instance::default()
            })
            .collect(),
        meta: Some(bycloud::Meta {
            total: Some(4),
            has_more: Some(more),
            ..bycloud::Meta::default()
        }),
        links: Some(bycloud::Links {
            next: next.into(),
            ..bycloud::Links::default()
        }),
    };
    let base = bycloud::MarkerQuery::first(20).with_filters(20, &[("status", "ACTIVE".into())]);
    let mut w = BycloudLoadAll::new(&base, Some("https://api.example".into()));
    let (id, q) = w.next_requests(6).remove(0);
    assert_eq!((q.limit, q.status.as_deref()), (500, Some("ACTIVE")));
    w.on_page(
        id,
        page(&["a", "b"], true, "https://evil.example/v1/instances?marker=b"),
    );
    let (id, q) = w.next_requests(6).remove(0);
    assert_eq!(q.marker.as_deref(), Some("b"));
    w.on_page(
        id,
        page(&["c", "d"], true, "https://evil.example/v1/instances?marker=d"),
    );
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, page(&["e"], false, ""));
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    assert_eq!(
        w.anomalies(),
        [Anomaly::ForeignLink {
            origin: "https://evil.example".into()
        }]
    );
    assert_eq!(w.progress().pages_total, Some(3));
}

#[test]
fn roma_plans_every_offset_after_page_one_and_orders_answers() {
    let mut w = RomaLoadAll::with_page_size(&roma::OffsetQuery::default(), 10);
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
        batch.iter().map(|(_, q)| q.offset).collect::<Vec<_>>(),
        [10, 20, 30, 40, 50, 60]
    );
    assert!(w.next_requests(6).is_empty(), "six under way");
    // Answers in reverse order: rows wait until the gap closes.
    for (id, q) in batch.iter().rev().take(5) {
        w.on_page(*id, roma_page(q.offset as usize, 10, Some(95)));
        assert_eq!(w.rows().len(), 10);
    }
    assert_eq!(w.progress().rows_waiting, 50);
    w.on_page(batch[0].0, roma_page(10, 10, Some(95)));
    assert_eq!(w.rows().len(), 70);
    assert_eq!(w.progress().rows_waiting, 0);
    let rest = w.next_requests(6);
    assert_eq!(rest.iter().map(|(_, q)| q.offset).collect::<Vec<_>>(), [70, 80, 90]);
    for (id, q) in rest {
        let n = if q.offset == 90 { 5 } else { 10 };
        w.on_page(id, roma_page(q.offset as usize, n, Some(95)));
    }
    assert!(w.is_done());
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    let want: Vec<String> = (0..95).map(|i| format!("r{i:05}")).collect();
    assert_eq!(ids(w.rows(), |r| &r.id), want);
    let p = w.progress();
    assert_eq!(
        (p.pages_done, p.pages_total, p.requests, p.done),
        (10, Some(10), 10, true)
    );
}

#[test]
fn roma_error_keeps_the_rows_before_it_and_waits_for_earlier_pages() {
    let mut w = RomaLoadAll::with_page_size(&roma::OffsetQuery::default(), 10);
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
    assert!(matches!(w.outcome(), Some(Outcome::Failed(ApiError::Network(_)))));
}

#[test]
fn roma_cancel_abandons_everything_under_way() {
    let mut w = RomaLoadAll::with_page_size(&roma::OffsetQuery::default(), 10);
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
    assert_eq!(w.outcome(), Some(&Outcome::Cancelled));
}

#[test]
fn roma_changed_totals_are_noted_and_empty_pages_stop() {
    let mut w = RomaLoadAll::with_page_size(&roma::OffsetQuery::default(), 10);
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
        Some(Outcome::Stopped(Anomaly::EmptyPageWithMore { page: 4 }))
    ));
    assert_eq!(w.rows().len(), 30);
    assert_eq!(w.progress().rows_total, Some(40), "the plan follows the first total");
}

#[test]
fn roma_without_a_total_goes_one_page_at_a_time() {
    let mut w = RomaLoadAll::with_page_size(&roma::OffsetQuery::default(), 10);
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, roma_page(0, 10, None));
    assert_eq!(w.progress().pages_total, None);
    let next = w.next_requests(6);
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].1.offset, 10);
    w.on_page(next[0].0, roma_page(10, 4, None));
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    assert_eq!(w.rows().len(), 14);
    assert_eq!(w.progress().pages_total, Some(2));
}

#[test]
fn roma_follows_a_service_that_caps_the_page_size() {
    let mut w = RomaLoadAll::with_page_size(&roma::OffsetQuery::default(), 100);
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, roma_page(0, 30, Some(70)));
    let batch = w.next_requests(6);
    assert_eq!(batch.iter().map(|(_, q)| q.offset).collect::<Vec<_>>(), [30, 60]);
    w.on_page(batch[1].0, roma_page(60, 10, Some(70)));
    w.on_page(batch[0].0, roma_page(30, 30, Some(70)));
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    let want: Vec<String> = (0..70).map(|i| format!("r{i:05}")).collect();
    assert_eq!(ids(w.rows(), |r| &r.id), want);
}

#[test]
fn roma_survives_a_hostile_total() {
    let mut w = RomaLoadAll::with_page_size(&roma::OffsetQuery::default(), 10);
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, roma_page(0, 10, Some(u64::MAX)));
    assert_eq!(w.planned_offsets().take(2).collect::<Vec<_>>(), [10, 20]);
    assert_eq!(w.progress().pages_total, Some(u64::MAX.div_ceil(10)));
    let batch = w.next_requests(6);
    assert_eq!(batch.len(), 6);
    w.on_page(batch[0].0, roma_page(10, 0, Some(u64::MAX)));
    assert!(matches!(w.outcome(), Some(Outcome::Stopped(_))));
    assert_eq!(w.take_abandoned().len(), 5);
    assert!(w.is_done());
    assert_eq!(w.planned_offsets().next(), None);
    assert_eq!(w.rows().len(), 10);
}

#[test]
fn roma_small_and_empty_lists() {
    let mut w = RomaLoadAll::new(&roma::OffsetQuery::default());
    let (id, q) = w.next_requests(6).remove(0);
    assert_eq!((q.offset, q.limit), (0, 100));
    w.on_page(id, roma_page(0, 0, Some(0)));
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    assert_eq!(w.progress().pages_total, Some(1));
    let mut w = RomaLoadAll::new(&roma::OffsetQuery::default());
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, roma_page(0, 0, Some(5)));
    assert!(matches!(w.outcome(), Some(Outcome::Stopped(_))));
}

#[test]
fn on_response_decodes_or_reports() {
    let mut w = RomaLoadAll::new(&roma::OffsetQuery::default());
    let (id, _) = w.next_requests(6).remove(0);
    let resp = ApiResponse {
        status: 500,
        retry_after: None,
        body: r#"{"error_code":"ROMA.1","error_msg":"boom"}"#.into(),
    };
    assert!(w.on_response(id, Ok(resp)));
    assert_eq!(
        w.progress().error.as_deref(),
        Some("Server error (HTTP 500): ROMA.1 boom")
    );
    let mut w = RomaLoadAll::new(&roma::OffsetQuery::default());
    let (id, _) = w.next_requests(6).remove(0);
    let resp = ApiResponse {
        status: 200,
        retry_after: None,
        body: r#"{"total":1,"size":1,"instances":[{"id":"x"}]}"#.into(),
    };
    assert!(w.on_response(id, Ok(resp)));
    assert_eq!(w.outcome(), Some(&Outcome::Complete));
    assert_eq!(w.rows()[0].id, "x");
}

#[test]
fn changed_totals_merge_into_one_note() {
    let mut list = Vec::new();
    note(&mut list, Anomaly::TotalChanged { from: 1, to: 2 });
    note(&mut list, Anomaly::TotalChanged { from: 2, to: 3 });
    note(&mut list, Anomaly::EmptyPageWithMore { page: 2 });
    note(&mut list, Anomaly::EmptyPageWithMore { page: 2 });
    assert_eq!(
        list,
        [
            Anomaly::TotalChanged { from: 1, to: 3 },
            Anomaly::EmptyPageWithMore { page: 2 }
        ]
    );
    note(&mut list, Anomaly::TotalChanged { from: 3, to: 1 });
    assert_eq!(list, [Anomaly::EmptyPageWithMore { page: 2 }]);
}

#[test]
fn room_for_the_announced_total_is_made_once_and_capped() {
    let mut walk = ClouddcLoadAll::new(&clouddc::ListQuery::default());
    let (id, _) = walk.next_requests(1)[0].clone();
    walk.on_page(id, dc_page(&["a", "b"], "b", 5_000));
    assert_eq!(
        walk.into_rows().capacity(),
        5_000,
        "room for every announced row at once"
    );
    // A hostile total makes room for at most RESERVE_CAP rows.
    let mut walk = ClouddcLoadAll::new(&clouddc::ListQuery::default());
    let (id, _) = walk.next_requests(1)[0].clone();
    walk.on_page(id, dc_page(&["a"], "a", u64::MAX));
    assert_eq!(walk.into_rows().capacity(), RESERVE_CAP as usize);
    let mut rows = vec![1, 2, 3];
    make_room(&mut rows, Some(2), 4);
    assert!(rows.capacity() >= 7, "never less than needed");
    let mut roma = RomaLoadAll::with_page_size(&roma::OffsetQuery::default(), 10);
    let (id, _) = roma.next_requests(1)[0].clone();
    roma.on_page(id, roma_page(0, 10, Some(1_234)));
    assert_eq!(roma.into_rows().capacity(), 1_234);
}

//! The marker walk (CloudDC, ByCloud).

use super::*;
use crate::load_all::walk::note;

#[test]
fn page_sizes_and_round_trip_floors() {
    assert_eq!(clouddc::info::LIST.load_all_page_size, 1000);
    assert_eq!(roma::info::LIST.load_all_page_size, 100);
    assert_eq!(bycloud::info::LIST.load_all_page_size, 500);
    assert_eq!(MAX_PARALLEL, 6);
    assert_eq!(min_round_trips(Paging::Marker, 2500, 1000, 6), 3);
    assert_eq!(min_round_trips(Paging::Marker, 2000, 1000, 6), 2);
    assert_eq!(min_round_trips(Paging::Marker, 0, 1000, 6), 1);
    assert_eq!(min_round_trips(Paging::Marker, 2500, 500, 6), 5);
    assert_eq!(min_round_trips(Paging::Offset, 2500, 100, 6), 1 + 4);
    assert_eq!(min_round_trips(Paging::Offset, 2500, 100, 1), 25);
    assert_eq!(min_round_trips(Paging::Offset, 100, 100, 6), 1);
    assert_eq!(min_round_trips(Paging::Offset, 101, 100, 6), 2);
    assert_eq!(min_round_trips(Paging::Offset, 0, 0, 0), 1);
    assert_eq!(min_round_trips(Paging::Offset, 100_000, 100, 6), 1 + 167);
}

#[test]
fn clouddc_walks_markers_and_stops_on_a_cycle() {
    let base = ListQuery {
        limit: 20,
        position: Position::Marker {
            marker: "old".into(),
            page: 4,
        },
        filters: vec![("state", "running".into())],
    };
    let mut w = plan(&clouddc::info::LIST, &base, None);
    assert_eq!(w.page_size(), 1000);
    let first = w.next_requests(6);
    assert_eq!(first.len(), 1);
    let (id, q) = first[0].clone();
    assert_eq!((q.limit, q.marker(), q.filter("state")), (1000, None, Some("running")));
    assert!(w.next_requests(6).is_empty(), "sequential: one at a time");
    assert!(w.on_page(id, dc_page(&["a", "b"], "b", 6)));
    assert!(!w.on_page(id, dc_page(&["x"], "", 6)), "a second answer is ignored");
    let p = w.progress();
    assert_eq!(
        (p.pages_done, p.pages_total, p.rows, p.rows_total),
        (1, Some(1), 2, Some(6))
    );
    let (id, q) = w.next_requests(1).remove(0);
    assert_eq!(q.marker(), Some("b"));
    w.on_page(id, dc_page(&["c", "d"], "d", 6));
    let (id, _) = w.next_requests(1).remove(0);
    // Page 3 points back to page 2's marker.
    w.on_page(id, dc_page(&["e", "f"], "b", 6));
    assert!(w.is_done());
    assert!(matches!(w.outcome(), Some(WalkOutcome::Stopped(Anomaly::Cycle { .. }))));
    assert_eq!(ids(w.rows()), ["a", "b", "c", "d", "e", "f"]);
    assert!(w.progress().error.unwrap().contains("cycle"));
    assert!(w.next_requests(6).is_empty());
}

#[test]
fn clouddc_errors_and_cancels_keep_the_rows() {
    let mut w = clouddc_walk();
    let (id, _) = w.next_requests(1).remove(0);
    w.on_page(id, dc_page(&["a"], "a", 3));
    let (id, _) = w.next_requests(1).remove(0);
    assert!(!w.on_error(RequestId(99), ApiError::Aborted));
    assert!(w.on_error(id, ApiError::Network("refused".into())));
    assert!(w.is_done());
    let p = w.progress();
    assert_eq!(p.rows, 1);
    assert!(p.error.unwrap().contains("refused"));

    let mut w = clouddc_walk();
    assert!(w.next_requests(0).is_empty());
    let (id, _) = w.next_requests(1).remove(0);
    w.on_page(id, dc_page(&["a"], "a", 3));
    let (id, _) = w.next_requests(1).remove(0);
    w.cancel();
    assert_eq!(w.take_abandoned(), [id]);
    assert!(w.take_abandoned().is_empty());
    assert!(!w.on_page(id, dc_page(&["b"], "", 3)));
    assert_eq!(w.outcome(), Some(&WalkOutcome::Cancelled));
    assert_eq!(w.rows().len(), 1);
}

#[test]
fn clouddc_empty_list_is_one_complete_page() {
    let mut w = clouddc_walk();
    let (id, _) = w.next_requests(1).remove(0);
    w.on_page(id, dc_page(&[], "", 0));
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    let p = w.progress();
    assert_eq!(
        (p.pages_done, p.pages_total, p.rows, p.done, p.error.clone()),
        (1, Some(1), 0, true, None)
    );
    assert_eq!(p.fraction(), Some(1.0));
}

#[test]
fn bycloud_walk_notes_foreign_links_once() {
    let page = |ids: &[&str], more: bool, next: &str| {
        let instances: Vec<bycloud::wire::Instance> = ids
            .iter()
            .map(|id| bycloud::wire::Instance {
                id: (*id).into(),
                ..bycloud::wire::Instance::default()
            })
            .collect();
        ListPage::of::<ByCloud>(bycloud::wire::InstanceList {
            instances: instances.into(),
            meta: Some(bycloud::wire::Meta {
                total: Some(4),
                has_more: Some(more),
                ..bycloud::wire::Meta::default()
            }),
            links: Some(bycloud::wire::Links {
                next: next.into(),
                ..bycloud::wire::Links::default()
            }),
        })
    };
    let info = &bycloud::info::LIST;
    let base = ListQuery::first(info).restart(info, 20, [("status", "ACTIVE".to_string())]);
    let mut w = plan(info, &base, Some("https://api.example".into()));
    let (id, q) = w.next_requests(6).remove(0);
    assert_eq!((q.limit, q.filter("status")), (500, Some("ACTIVE")));
    w.on_page(
        id,
        page(&["a", "b"], true, "https://evil.example/v1/instances?marker=b"),
    );
    let (id, q) = w.next_requests(6).remove(0);
    assert_eq!(q.marker(), Some("b"));
    w.on_page(
        id,
        page(&["c", "d"], true, "https://evil.example/v1/instances?marker=d"),
    );
    let (id, _) = w.next_requests(6).remove(0);
    w.on_page(id, page(&["e"], false, ""));
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    assert_eq!(
        w.anomalies(),
        [Anomaly::ForeignLink {
            origin: "https://evil.example".into()
        }]
    );
    assert_eq!(w.progress().pages_total, Some(3));
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
fn pages_are_kept_as_decoded_not_copied() {
    let mut w = clouddc_walk();
    let (id, _) = w.next_requests(1).remove(0);
    w.on_page(id, dc_page(&["a", "b"], "b", 5_000));
    let (id, _) = w.next_requests(1).remove(0);
    w.on_page(id, dc_page(&["c"], "", 5_000));
    assert_eq!(w.rows().pages().len(), 2, "one entry per page, rows stay in their page");
    assert_eq!(ids(w.rows()), ["a", "b", "c"]);
    assert_eq!(w.rows().id(3), "", "past the end");
}

/// The facts read ahead of page 1 (as `ListService::head` gives them).
fn head_pointing_to(marker: &'static str) -> impl Fn(&ListQuery) -> Option<PageFacts> {
    move |_| {
        Some(PageFacts {
            items: 2,
            total: Some(6),
            next_marker: Some(marker.into()),
            ..PageFacts::default()
        })
    }
}

#[test]
fn reading_ahead_asks_the_next_page_before_the_decode_and_the_decode_has_the_last_word() {
    let mut w = clouddc_walk();
    let (id1, _) = w.next_requests(6).remove(0);
    assert!(!w.on_head(RequestId(99), &head_pointing_to("b")), "not under way");
    assert!(w.on_head(id1, &head_pointing_to("b")));
    assert!(!w.on_head(id1, &head_pointing_to("b")), "once");
    assert!(
        w.next_requests(1).is_empty(),
        "one at a time unless two may be under way"
    );
    let (id2, q2) = w.next_requests(6).remove(0);
    assert_eq!(q2.marker(), Some("b"));
    assert_eq!(w.in_flight(), [id1, id2]);
    assert_eq!(w.progress().in_flight, 2);
    assert!(w.next_requests(6).is_empty(), "never more than one ahead");
    // The decoded page agrees: the request sent ahead is the one awaited now.
    assert!(w.on_page(id1, dc_page(&["a", "b"], "b", 6)));
    assert_eq!(w.in_flight(), [id2]);
    assert!(w.take_abandoned().is_empty());

    // The decoded page disagrees with what was read ahead: the early request is
    // abandoned, its late answer ignored, and the decoded page's marker is followed.
    assert!(w.on_head(id2, &head_pointing_to("zz")));
    let (id3, q3) = w.next_requests(6).remove(0);
    assert_eq!(q3.marker(), Some("zz"));
    assert!(w.on_page(id2, dc_page(&["c", "d"], "d", 6)));
    assert_eq!(w.take_abandoned(), [id3]);
    assert!(!w.on_page(id3, dc_page(&["x"], "", 6)));
    let (id4, q4) = w.next_requests(6).remove(0);
    assert_eq!(q4.marker(), Some("d"));

    // The answer sent ahead arrives before the page it follows is decoded: it waits.
    assert!(w.on_head(id4, &head_pointing_to("f")));
    let (id5, _) = w.next_requests(6).remove(0);
    assert!(w.on_page(id5, dc_page(&["g"], "", 6)));
    assert_eq!(w.in_flight(), [id4], "the early answer is no longer under way");
    assert_eq!(ids(w.rows()), ["a", "b", "c", "d"]);
    assert!(w.on_page(id4, dc_page(&["e", "f"], "f", 6)));
    assert_eq!(ids(w.rows()), ["a", "b", "c", "d", "e", "f", "g"]);
    assert_eq!(w.outcome(), Some(&WalkOutcome::Complete));
    assert!(w.is_done());
}

#[test]
fn nothing_is_read_ahead_of_the_last_page_or_after_the_end() {
    let mut w = clouddc_walk();
    let (id, _) = w.next_requests(6).remove(0);
    let last = |_: &ListQuery| {
        Some(PageFacts {
            items: 1,
            ..PageFacts::default()
        })
    };
    assert!(!w.on_head(id, &last), "no marker: nothing to ask");
    assert!(!w.on_head(id, &|_| None), "a body that does not skim");
    assert!(w.on_head(id, &head_pointing_to("b")));
    assert_eq!(w.next_requests(6).len(), 1);
    w.cancel();
    assert_eq!(w.take_abandoned().len(), 2, "the page and the one asked ahead");
    assert!(w.is_done());
    assert!(w.next_requests(6).is_empty());
}

//! Unit tests of ROMA Connect's description.
use super::info::{LIST, VOCABULARY};
use super::list::Roma;
use super::wire::{Instance, InstanceList, User};
use crate::paging::{next, page_window, previous, Trail};
use crate::service::{ListQuery, ListService, Position};
use crate::state::Tone;

fn query(offset: u64, limit: u32, status: Option<&str>) -> ListQuery {
    ListQuery {
        limit,
        position: if offset == 0 {
            Position::First
        } else {
            Position::Offset(offset)
        },
        filters: status.map(|s| ("status", s.to_string())).into_iter().collect(),
    }
}

#[test]
fn offset_query_round_trip_and_fallbacks() {
    let q = query(40, 20, Some("RUNNING"));
    let pairs = q.to_pairs();
    assert_eq!(
        ListQuery::from_pairs(&LIST, pairs.iter().map(|(k, v)| (*k, v.as_str()))),
        q
    );
    assert_eq!(q.to_url_query(), "limit=20&status=RUNNING&offset=40");
    assert_eq!(
        ListQuery::from_pairs(&LIST, [("limit", "500"), ("offset", "-1")]),
        ListQuery::first(&LIST)
    );
    assert_eq!(
        Roma::request(&q, "p").url(""),
        "/v2/p/instances?offset=40&limit=20&status=RUNNING"
    );
}

fn list(total: u64, n: usize) -> InstanceList {
    InstanceList {
        total: Some(total),
        size: Some(n as u64),
        instances: vec![Instance::default(); n].into(),
    }
}

#[test]
fn pages() {
    let q = query(40, 20, None);
    let go_next = |p: &InstanceList| next(&LIST, &q, &Roma::facts(&q, p));
    assert_eq!(q.page_number(), 3);
    assert_eq!(q.page_count(41), 3);
    assert_eq!(q.page_count(0), 1);
    assert_eq!(q.page(1).offset(), 0);
    assert_eq!(previous(&LIST, &q, None, &Trail::default()).unwrap().offset(), 20);
    assert_eq!(previous(&LIST, &ListQuery::first(&LIST), None, &Trail::default()), None);
    assert_eq!(go_next(&list(61, 20)).unwrap().offset(), 60);
    assert_eq!(go_next(&list(60, 20)), None);
    assert_eq!(
        go_next(&list(1000, 0)),
        None,
        "an empty page ends paging even if total says more"
    );
    assert_eq!(
        page_window(5, 10),
        [Some(1), None, Some(4), Some(5), Some(6), None, Some(10)]
    );
    assert_eq!(page_window(1, 2), [Some(1), Some(2)]);
    assert_eq!(page_window(2, 3), [Some(1), Some(2), Some(3)]);
}

#[test]
fn statuses_and_errors() {
    assert_eq!(VOCABULARY.classify("RUNNING").tone(), Tone::Ok);
    assert_eq!(VOCABULARY.classify("CREATING").tone(), Tone::Busy);
    assert_eq!(VOCABULARY.classify("DELETE_FALIED").tone(), Tone::Bad);
    assert_eq!(VOCABULARY.classify("FROZEN").tone(), Tone::Neutral);
    assert!(VOCABULARY.classify("SOFT_DELETED").documented && !VOCABULARY.classify("FROZEN").documented);
    let mut i = Instance {
        error_code: " ".into(),
        ..Instance::default()
    };
    assert_eq!(i.shown_error(), None);
    i.error_code = "ROMA.1".into();
    assert!(i.shown_error().is_some());
    i.maintain_begin = "22:00:00".into();
    i.maintain_end = "02:00:00".into();
    assert_eq!(i.maintenance_window(), "22:00:00–02:00:00");
    assert_eq!(
        User {
            user_id: "u1".into(),
            user_name: "".into()
        }
        .shown(),
        "u1"
    );
}

#[test]
fn details_name_every_field() {
    let d = Roma::details(&Instance::default());
    for label in [
        "Flavor type",
        "CPU architecture",
        "Security group",
        "Maintenance window",
        "Availability zones",
        "Created by",
    ] {
        assert!(d.field(label).is_some(), "{label}");
    }
}

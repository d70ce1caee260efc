//! Unit tests of ByCloud's description.
use super::info::LIST;
use super::list::{state, ByCloud};
use super::wire::{Flavor, Instance, InstanceList, Links, Meta};
use crate::paging::{next, previous, Trail};
use crate::service::{ListQuery, ListService, Position};
use crate::state::Tone;

fn page(n: usize, has_more: Option<bool>, next: &str, prev: &str) -> InstanceList {
    let instances: Vec<Instance> = (0..n)
        .map(|i| Instance {
            id: format!("id{i}"),
            ..Instance::default()
        })
        .collect();
    InstanceList {
        instances: instances.into(),
        meta: Some(Meta {
            has_more,
            ..Meta::default()
        }),
        links: Some(Links {
            next: next.into(),
            previous: prev.into(),
            ..Links::default()
        }),
    }
}

fn at(marker: &str, page: u32) -> ListQuery {
    ListQuery {
        position: Position::Marker {
            marker: marker.into(),
            page,
        },
        ..ListQuery::first(&LIST)
    }
}

fn go_next(q: &ListQuery, p: &InstanceList) -> Option<ListQuery> {
    next(&LIST, q, &ByCloud::facts(q, p))
}

#[test]
fn url_round_trip_and_request() {
    let q = ListQuery {
        limit: 50,
        position: Position::Marker {
            marker: "m".into(),
            page: 4,
        },
        filters: vec![("name", "web-*".into()), ("tags", "web,production".into())],
    };
    let pairs = q.to_pairs();
    assert_eq!(
        ListQuery::from_pairs(&LIST, pairs.iter().map(|(k, v)| (*k, v.as_str()))),
        q
    );
    let r = ByCloud::request(&q, "");
    assert_eq!(
        r.url("/p"),
        "/p/v1/instances?limit=50&marker=m&name=web-%2A&tags=web%2Cproduction"
    );
    let f = q.restart(&LIST, 20, [("status", "ACTIVE".to_string()), ("name", " ".into())]);
    assert_eq!(f.filters, [("status", "ACTIVE".to_string())]);
    assert_eq!((f.marker(), f.page_number()), (None, 1));
}

#[test]
fn next_follows_links_and_has_more_only() {
    let first = ListQuery::first(&LIST);
    let n = go_next(
        &first,
        &page(
            20,
            Some(true),
            "https://other.example/v1/instances?limit=20&marker=abc",
            "",
        ),
    )
    .unwrap();
    assert_eq!((n.marker(), n.page_number()), (Some("abc"), 2));
    assert_eq!(
        go_next(&first, &page(20, Some(false), "https://x/?marker=abc", "")),
        None,
        "has_more false wins"
    );
    assert_eq!(
        go_next(&first, &page(0, Some(true), "https://x/?marker=abc", "")),
        None,
        "an empty page ends paging"
    );
    let by_last = go_next(&first, &page(3, Some(true), "", "")).unwrap();
    assert_eq!(by_last.marker(), Some("id2"), "falls back to the last id");
    assert_eq!(
        go_next(&n, &page(20, Some(true), "https://x/?marker=abc", "")),
        None,
        "a repeating marker ends paging"
    );
    let bare = InstanceList {
        instances: vec![Instance::default()].into(),
        ..InstanceList::default()
    };
    assert_eq!(go_next(&first, &bare), None);
}

#[test]
fn previous_uses_the_previous_link() {
    let third = at("b", 3);
    let back = |p: &InstanceList| previous(&LIST, &third, Some(&ByCloud::facts(&third, p)), &Trail::default());
    let p = back(&page(20, Some(true), "", "https://x/v1/instances?limit=20&marker=a")).unwrap();
    assert_eq!((p.marker(), p.page_number()), (Some("a"), 2));
    let p = back(&page(20, Some(true), "", "https://x/v1/instances?limit=20")).unwrap();
    assert_eq!((p.marker(), p.page_number()), (None, 1));
    assert_eq!(previous(&LIST, &ListQuery::first(&LIST), None, &Trail::default()), None);
}

#[test]
fn flavors_tones_addresses() {
    let f = Flavor {
        name: "m1.medium".into(),
        vcpus: Some(2),
        ram: Some(4096),
        disk: Some(40),
        ..Flavor::default()
    };
    assert_eq!(f.summary(), "m1.medium · 2 vCPU · 4 GiB RAM · 40 GiB disk");
    let tone = |status: &str, task: &str| {
        state(&Instance {
            status: status.into(),
            task_state: task.into(),
            ..Instance::default()
        })
        .tone()
    };
    assert_eq!(tone("ACTIVE", ""), Tone::Ok);
    assert_eq!(tone("ACTIVE", "powering-off"), Tone::Busy);
    assert_eq!(tone("BUILD", ""), Tone::Busy);
    assert_eq!(tone("ERROR", "deleting"), Tone::Bad);
    assert_eq!(tone("SHUTOFF", ""), Tone::Neutral);
    let i: Instance =
        serde_json::from_str(r#"{"addresses":{"net":[{"addr":"10.0.0.1"}],"empty":null},"fault":null}"#).unwrap();
    assert_eq!(i.address_list(), ["10.0.0.1 (net)"]);
    assert!(i.shown_fault().is_none());
}

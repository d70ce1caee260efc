//! Unit tests of `api::bycloud`.
use super::*;

fn page(n: usize, has_more: Option<bool>, next: &str, prev: &str) -> InstanceList {
    let instances = (0..n)
        .map(|i| Instance {
            id: format!("id{i}"),
            ..Instance::default()
        })
        .collect();
    InstanceList {
        instances,
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

#[test]
fn url_round_trip_and_request() {
    let q = MarkerQuery {
        limit: 50,
        marker: Some("m".into()),
        name: Some("web-*".into()),
        tags: Some("web,production".into()),
        page: 4,
        ..MarkerQuery::default()
    };
    let pairs = q.to_pairs();
    assert_eq!(MarkerQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))), q);
    let r = q.request(&Auth::Bearer("t".into()));
    assert_eq!(
        r.url("/p"),
        "/p/v1/instances?limit=50&marker=m&name=web-%2A&tags=web%2Cproduction"
    );
    assert!(r.headers.contains(&("Authorization".into(), "Bearer t".into())));
    let f = q.with_filters(20, &[("status", "ACTIVE".into()), ("name", " ".into())]);
    assert_eq!(f.filters(), [("status", "ACTIVE".to_string())]);
    assert_eq!((f.marker, f.page), (None, 1));
}

#[test]
fn next_follows_links_and_has_more_only() {
    let first = MarkerQuery::first(20);
    let n = first
        .next(&page(
            20,
            Some(true),
            "https://other.example/v1/instances?limit=20&marker=abc",
            "",
        ))
        .unwrap();
    assert_eq!((n.marker.as_deref(), n.page), (Some("abc"), 2));
    assert_eq!(
        first.next(&page(20, Some(false), "https://x/?marker=abc", "")),
        None,
        "has_more false wins"
    );
    assert_eq!(
        first.next(&page(0, Some(true), "https://x/?marker=abc", "")),
        None,
        "an empty page ends paging"
    );
    let by_last = first.next(&page(3, Some(true), "", "")).unwrap();
    assert_eq!(by_last.marker.as_deref(), Some("id2"), "falls back to the last id");
    assert_eq!(
        n.next(&page(20, Some(true), "https://x/?marker=abc", "")),
        None,
        "a repeating marker ends paging"
    );
    assert_eq!(
        first.next(&InstanceList {
            instances: vec![Instance::default()],
            ..InstanceList::default()
        }),
        None
    );
}

#[test]
fn previous_uses_the_previous_link() {
    let third = MarkerQuery {
        marker: Some("b".into()),
        page: 3,
        ..MarkerQuery::first(20)
    };
    let p = third
        .previous(Some(&page(
            20,
            Some(true),
            "",
            "https://x/v1/instances?limit=20&marker=a",
        )))
        .unwrap();
    assert_eq!((p.marker.as_deref(), p.page), (Some("a"), 2));
    let p = third
        .previous(Some(&page(20, Some(true), "", "https://x/v1/instances?limit=20")))
        .unwrap();
    assert_eq!((p.marker, p.page), (None, 1));
    assert_eq!(MarkerQuery::first(20).previous(None), None);
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

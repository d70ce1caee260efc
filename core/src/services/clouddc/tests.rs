//! Unit tests of CloudDC's description.
use super::info::LIST;
use super::list::Clouddc;
use super::markers::extract_marker;
use super::status::status_request;
use super::user_data::{decode_user_data, UserData};
use super::wire::{Instance, InstanceList, PageInfo};
use crate::paging::{next, previous, Trail};
use crate::service::{ListQuery, ListService, Position};

#[test]
fn extracts_markers_in_both_forms() {
    assert_eq!(extract_marker("01981672-2e82-7d8a"), Some("01981672-2e82-7d8a".into()));
    assert_eq!(extract_marker("  abc  "), Some("abc".into()));
    assert_eq!(extract_marker(""), None);
    assert_eq!(extract_marker("   "), None);
    assert_eq!(
        extract_marker(
            "https://clouddc.cn-east-3.example.com/v1/p/instances?limit=50&marker=abc-1&instance_state=running"
        ),
        Some("abc-1".into())
    );
    assert_eq!(extract_marker("/v1/p/instances?marker=a%20b"), Some("a b".into()));
    assert_eq!(extract_marker("?limit=10&marker=xyz"), Some("xyz".into()));
    assert_eq!(extract_marker("limit=10&marker=xyz#frag"), Some("xyz".into()));
    assert_eq!(extract_marker("previous_marker=zzz&limit=10"), None);
    assert_eq!(extract_marker("/v1/p/instances?limit=10&marker="), None);
}

fn query(limit: u32, marker: Option<&str>, state: Option<&str>, page: u32) -> ListQuery {
    ListQuery {
        limit,
        position: match marker {
            Some(m) => Position::Marker { marker: m.into(), page },
            None => Position::First,
        },
        filters: state.map(|s| ("state", s.to_string())).into_iter().collect(),
    }
}

fn from(pairs: &[(&str, &str)]) -> ListQuery {
    ListQuery::from_pairs(&LIST, pairs.iter().copied())
}

#[test]
fn url_query_round_trips_and_falls_back() {
    let q = query(50, Some("m 1"), Some("running"), 3);
    let s = q.to_url_query();
    assert_eq!(s, "limit=50&state=running&marker=m%201&page=3");
    let pairs = q.to_pairs();
    let back = ListQuery::from_pairs(&LIST, pairs.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(back, q);
    let odd = from(&[("limit", "abc"), ("page", "-4"), ("marker", "")]);
    assert_eq!(odd, ListQuery::first(&LIST));
    assert_eq!(from(&[("limit", "5")]).limit, 10);
    assert_eq!(from(&[("limit", "99999")]).limit, 1000);
    assert_eq!(from(&[("marker", "x"), ("page", "1")]).page_number(), 2);
    // A marker is kept exactly as the service gave it, so a reload asks for the same page.
    let spaced = query(10, Some(" m "), None, 2);
    let pairs = spaced.to_pairs();
    assert_eq!(
        ListQuery::from_pairs(&LIST, pairs.iter().map(|(k, v)| (*k, v.as_str()))),
        spaced
    );
    assert_eq!(from(&[("marker", "  ")]).marker(), None);
}

#[test]
fn builds_requests() {
    let q = query(10, Some("m"), Some("running"), 2);
    let r = Clouddc::request(&q, "proj");
    assert_eq!(
        r.url("/proxy"),
        "/proxy/v1/proj/instances?limit=10&marker=m&instance_state=running"
    );
    assert_eq!(status_request("p", "i/d").path, "/v1/p/instances/i%2Fd/status");
    assert!(Clouddc::one_request("id1", "p")
        .unwrap()
        .url("")
        .contains("instance_id=id1"));
}

fn page(next: &str, prev: &str, n: usize) -> InstanceList {
    InstanceList {
        instances: vec![Instance::default(); n].into(),
        page_info: Some(PageInfo {
            next_marker: next.into(),
            previous_marker: prev.into(),
            current_count: None,
        }),
        count: None,
    }
}

fn go_next(q: &ListQuery, p: &InstanceList) -> Option<ListQuery> {
    next(&LIST, q, &Clouddc::facts(q, p))
}

fn go_previous(q: &ListQuery, p: Option<&InstanceList>) -> Option<ListQuery> {
    let facts = p.map(|p| Clouddc::facts(q, p));
    previous(&LIST, q, facts.as_ref(), &Trail::default())
}

#[test]
fn cursor_moves() {
    let first = ListQuery::first(&LIST);
    let second = go_next(&first, &page("m1", "", 20)).unwrap();
    assert_eq!((second.marker(), second.page_number()), (Some("m1"), 2));
    assert_eq!(go_previous(&first, None), None);
    assert_eq!(
        go_previous(&second, Some(&page("m2", "", 20))),
        Some(ListQuery::first(&LIST))
    );
    let third = go_next(&second, &page("/v1/p/instances?marker=m2", "", 20)).unwrap();
    assert_eq!((third.marker(), third.page_number()), (Some("m2"), 3));
    let back = go_previous(&third, Some(&page("", "?marker=m1", 20))).unwrap();
    assert_eq!(back, second);
    assert_eq!(
        go_next(&third, &page("", "m1", 20)),
        None,
        "empty next_marker ends paging"
    );
    assert_eq!(
        go_next(&third, &page("m2", "m1", 20)),
        None,
        "a repeating marker ends paging"
    );
    assert_eq!(go_next(&third, &page("m9", "m1", 0)), None, "an empty page ends paging");
    assert_eq!(
        go_next(&first, &InstanceList::default()),
        None,
        "no page_info ends paging"
    );
}

#[test]
fn user_data_preview() {
    assert_eq!(decode_user_data(""), UserData::Empty);
    assert_eq!(
        decode_user_data("IyFjbG91ZC1jb25maWc="),
        UserData::Text("#!cloud-config".into())
    );
    assert_eq!(
        decode_user_data("IyFj\nbG91ZC1jb25maWc="),
        UserData::Text("#!cloud-config".into())
    );
    assert_eq!(decode_user_data("//79"), UserData::Binary(3));
    assert_eq!(
        decode_user_data("not base64!"),
        UserData::NotBase64("not base64!".into())
    );
}

#[test]
fn details_name_every_documented_field() {
    let d = Clouddc::details(&Instance::default());
    for label in [
        "ID",
        "Server ID",
        "VPC",
        "Image",
        "Image ID",
        "OS type",
        "Created",
        "Launched",
        "Updated",
    ] {
        assert!(d.field(label).is_some(), "{label}");
    }
    for title in ["Network interfaces", "Tags", "Metadata", "User data"] {
        assert!(d.labels().contains(&title), "{title}");
    }
}

//! Unit tests of `api::clouddc`.
use super::*;

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

#[test]
fn url_query_round_trips_and_falls_back() {
    let q = ListQuery {
        limit: 50,
        marker: Some("m 1".into()),
        state: Some("running".into()),
        page: 3,
    };
    let s = q.to_url_query();
    assert_eq!(s, "limit=50&state=running&marker=m%201&page=3");
    let pairs = q.to_pairs();
    let back = ListQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(back, q);
    let odd = ListQuery::from_pairs([("limit", "abc"), ("page", "-4"), ("marker", "")]);
    assert_eq!(odd, ListQuery::default());
    assert_eq!(ListQuery::from_pairs([("limit", "5")]).limit, 10);
    assert_eq!(ListQuery::from_pairs([("limit", "99999")]).limit, 1000);
    assert_eq!(ListQuery::from_pairs([("marker", "x"), ("page", "1")]).page, 2);
}

#[test]
fn builds_requests() {
    let auth = Auth::AuthToken("tok".into());
    let q = ListQuery {
        limit: 10,
        marker: Some("m".into()),
        state: Some("running".into()),
        page: 2,
    };
    let r = q.request("proj", &auth);
    assert_eq!(
        r.url("/proxy"),
        "/proxy/v1/proj/instances?limit=10&marker=m&instance_state=running"
    );
    assert!(r.headers.contains(&("X-Auth-Token".into(), "tok".into())));
    assert_eq!(status_request("p", "i/d", &auth).path, "/v1/p/instances/i%2Fd/status");
    assert!(instance_request("p", "id1", &auth).url("").contains("instance_id=id1"));
}

fn page(next: &str, prev: &str, n: usize) -> InstanceList {
    InstanceList {
        instances: vec![Instance::default(); n],
        page_info: Some(PageInfo {
            next_marker: next.into(),
            previous_marker: prev.into(),
            current_count: None,
        }),
        count: None,
    }
}

#[test]
fn cursor_moves() {
    let first = ListQuery::default();
    let second = first.next(&page("m1", "", 20)).unwrap();
    assert_eq!((second.marker.as_deref(), second.page), (Some("m1"), 2));
    assert_eq!(first.previous(None), None);
    assert_eq!(second.previous(Some(&page("m2", "", 20))), Some(ListQuery::default()));
    let third = second.next(&page("/v1/p/instances?marker=m2", "", 20)).unwrap();
    assert_eq!((third.marker.as_deref(), third.page), (Some("m2"), 3));
    let back = third.previous(Some(&page("", "?marker=m1", 20))).unwrap();
    assert_eq!(back, second);
    assert_eq!(third.next(&page("", "m1", 20)), None, "empty next_marker ends paging");
    assert_eq!(
        third.next(&page("m2", "m1", 20)),
        None,
        "a repeating marker ends paging"
    );
    assert_eq!(third.next(&page("m9", "m1", 0)), None, "an empty page ends paging");
    assert_eq!(first.next(&InstanceList::default()), None, "no page_info ends paging");
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

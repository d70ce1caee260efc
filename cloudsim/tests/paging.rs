//! Marker paging of `GET /v1/{project_id}/instances`.

mod common;

use cloudsim::{Cloud, MarkerStyle};
use common::*;
use serde_json::Value;

const FLEET: usize = 2_500;
const NOW: i64 = START_MS + 30_000;

/// One page request; returns the body after checking its invariants.
fn page(cloud: &Cloud, limit: usize, filter: Option<&str>, marker: Option<&str>) -> Value {
    let mut query = format!("limit={limit}");
    if let Some(state) = filter {
        query.push_str(&format!("&instance_state={state}"));
    }
    if let Some(m) = marker {
        query.push_str(&format!("&marker={m}"));
    }
    let (status, body) = get(cloud, LIST, &query, NOW);
    assert_eq!(status, 200, "{query}: {body}");
    let count = body["page_info"]["current_count"].as_u64().unwrap();
    assert_eq!(count as usize, ids(&body).len());
    assert!(count as usize <= limit);
    body
}

/// Checks a rendered marker's style and returns the marker inside it.
fn check_marker(style: &MarkerStyle, value: &str, limit: usize, filter: Option<&str>) -> String {
    if value.is_empty() {
        return String::new();
    }
    match style {
        MarkerStyle::Bare => assert!(!value.contains('?'), "{value}"),
        MarkerStyle::QueryAddress => {
            assert!(value.starts_with(&format!("{LIST}?")), "{value}");
            assert!(value.contains(&format!("limit={limit}")), "{value}");
            if let Some(state) = filter {
                assert!(value.contains(&format!("instance_state={state}")), "{value}");
            }
        }
    }
    marker_of(value)
}

fn walk(cloud: &Cloud, style: &MarkerStyle, limit: usize, filter: Option<&str>, expected: &[String]) {
    // Forward.
    let mut pages: Vec<(Vec<String>, String)> = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let body = page(cloud, limit, filter, marker.as_deref());
        assert_eq!(body["count"].as_u64().unwrap() as usize, expected.len());
        let info = &body["page_info"];
        let next = check_marker(style, info["next_marker"].as_str().unwrap(), limit, filter);
        let prev = check_marker(style, info["previous_marker"].as_str().unwrap(), limit, filter);
        let page_ids = ids(&body);
        if !next.is_empty() {
            assert_eq!(page_ids.len(), limit, "only the last page is short");
            assert_eq!(Some(&next), page_ids.last(), "next_marker is the last id");
        }
        pages.push((page_ids, prev));
        if next.is_empty() {
            break;
        }
        marker = Some(next);
        assert!(pages.len() <= FLEET, "paging does not end");
    }
    let seen: Vec<String> = pages.iter().flat_map(|(p, _)| p.clone()).collect();
    assert_eq!(
        seen, expected,
        "limit {limit}, filter {filter:?}: every item once, in order"
    );
    assert_eq!(pages.len(), expected.len().div_ceil(limit).max(1));

    // Backward, from the last page.
    let mut k = pages.len() - 1;
    let mut prev = pages[k].1.clone();
    while !prev.is_empty() {
        let body = page(cloud, limit, filter, Some(&prev));
        k -= 1;
        assert_eq!(ids(&body), pages[k].0, "previous_marker leads to page {k}");
        prev = check_marker(
            style,
            body["page_info"]["previous_marker"].as_str().unwrap(),
            limit,
            filter,
        );
    }
    assert!(k <= 1, "previous_marker is empty only on the first two pages");
    if k == 1 {
        assert_eq!(ids(&page(cloud, limit, filter, None)), pages[0].0);
    }
}

#[test]
fn walks_see_every_instance_once_both_ways() {
    for style in [MarkerStyle::Bare, MarkerStyle::QueryAddress] {
        let cloud = cloud(FLEET, style.clone());
        let all = all_instances(&cloud, NOW);
        assert_eq!(all.len(), FLEET);
        let all_ids: Vec<String> = all.iter().map(|i| i["id"].as_str().unwrap().to_string()).collect();
        let mut sorted = all_ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, all_ids, "ids are unique and sorted");
        for filter in [None, Some("running"), Some("stopped"), Some("terminated")] {
            let expected: Vec<String> = all
                .iter()
                .filter(|i| filter.is_none_or(|f| i["state"] == f))
                .map(|i| i["id"].as_str().unwrap().to_string())
                .collect();
            assert!(!expected.is_empty());
            for limit in [10, 37, 100, 1000] {
                walk(&cloud, &style, limit, filter, &expected);
            }
        }
    }
}

#[test]
fn limit_is_clamped_and_validated() {
    let cloud = cloud(FLEET, MarkerStyle::Bare);
    let count = |query: &str| {
        let (status, body) = get(&cloud, LIST, query, NOW);
        assert_eq!(status, 200, "{query}");
        body["page_info"]["current_count"].as_u64().unwrap()
    };
    assert_eq!(count(""), 10, "default limit");
    assert_eq!(count("limit=5"), 10);
    assert_eq!(count("limit=-3"), 10);
    assert_eq!(count("limit=37"), 37);
    assert_eq!(count("limit=5000"), 1000);
    assert_eq!(count("limit=99999999999999999999999"), 1000);
    assert_eq!(count("unknown=1&limit=12"), 12, "unknown params are ignored");
    for bad in ["limit=abc", "limit=1.5", "limit=10x", "limit=%20"] {
        let (status, body) = get(&cloud, LIST, bad, NOW);
        assert_eq!(status, 400, "{bad}");
        let msg = assert_error(&body, "iMetal.0001");
        assert!(msg.starts_with("Invalid request parameter: limit"), "{msg}");
    }
}

#[test]
fn markers_filters_and_odd_values() {
    let cloud = cloud(300, MarkerStyle::Bare);
    let all = all_instances(&cloud, NOW);
    let id = |i: usize| all[i]["id"].as_str().unwrap().to_string();

    // A marker that is not an id still works: items sorting after it.
    let (_, body) = get(&cloud, LIST, &format!("marker={}0", id(4)), NOW);
    assert_eq!(ids(&body)[0], id(5));
    let (_, body) = get(&cloud, LIST, "marker=zzzz", NOW);
    assert_eq!(body["page_info"]["current_count"], 0);
    assert_eq!(body["page_info"]["next_marker"], "");
    assert_eq!(body["count"], 300);
    let (_, body) = get(&cloud, LIST, "marker=", NOW);
    assert_eq!(ids(&body)[0], id(0), "an empty marker is the first page");

    // instance_id: a comma list, at most 100.
    let wanted = format!("{},{}%2C{}", id(7), id(3), id(250));
    let (status, body) = get(&cloud, LIST, &format!("instance_id={wanted}"), NOW);
    assert_eq!(status, 200);
    assert_eq!(ids(&body), vec![id(3), id(7), id(250)]);
    assert_eq!(body["count"], 3);
    let many: Vec<String> = (0..101).map(id).collect();
    let (status, body) = get(&cloud, LIST, &format!("instance_id={}", many.join(",")), NOW);
    assert_eq!(status, 400);
    assert_error(&body, "iMetal.0001");
    let (status, body) = get(&cloud, LIST, &format!("instance_id={}", many[..100].join(",")), NOW);
    assert_eq!((status, body["count"].as_u64()), (200, Some(100)));

    // server_id.
    let server_id = all[42]["server_id"].as_str().unwrap();
    let (_, body) = get(&cloud, LIST, &format!("server_id={server_id}"), NOW);
    assert_eq!(ids(&body), vec![id(42)]);

    // instance_state: documented and SDK-only values; others are rejected.
    let (status, body) = get(&cloud, LIST, "instance_state=stopping", NOW);
    assert_eq!(status, 200);
    assert!(body["count"].as_u64().unwrap() >= 3);
    for state in ["pending", "shutting-down", "error", "reinstalling", "modifyIping"] {
        let (status, _) = get(&cloud, LIST, &format!("instance_state={state}"), NOW);
        assert_eq!(status, 200, "{state}");
    }
    let (status, body) = get(&cloud, LIST, "instance_state=RUNNING", NOW);
    assert_eq!(status, 400);
    let msg = assert_error(&body, "iMetal.0001");
    assert!(msg.contains("instance_state"));
}

//! A 100,000-instance fleet builds and pages correctly.

mod common;

use cloudsim::MarkerStyle;
use common::*;

#[test]
fn hundred_thousand_instances() {
    let cloud = cloud(100_000, MarkerStyle::QueryAddress);
    let now = START_MS + 45_000;

    let (status, first) = get(&cloud, LIST, "limit=1000", now);
    assert_eq!(status, 200);
    assert_eq!(first["count"], 100_000);
    assert_eq!(first["page_info"]["current_count"], 1000);
    let next = marker_of(first["page_info"]["next_marker"].as_str().unwrap());
    assert_eq!(Some(&next), ids(&first).last());

    let (_, second) = get(&cloud, LIST, &format!("limit=1000&marker={next}"), now);
    let second_ids = ids(&second);
    assert_eq!(second_ids.len(), 1000);
    assert!(second_ids[0] > next, "the second page follows the first");
    let prev = second["page_info"]["previous_marker"].as_str().unwrap();
    assert_eq!(prev, "", "the previous page of page 2 is the first page");

    let (_, third) = get(&cloud, LIST, &format!("limit=1000&marker={}", second_ids[999]), now);
    let prev = marker_of(third["page_info"]["previous_marker"].as_str().unwrap());
    let (_, again) = get(&cloud, LIST, &format!("limit=1000&marker={prev}"), now);
    assert_eq!(ids(&again), second_ids);

    // Past the last id: an empty page, the count unchanged.
    let total = {
        let (_, body) = get(&cloud, LIST, "limit=1000&marker=ffffffff", now);
        assert_eq!(body["page_info"]["current_count"], 0);
        body["count"].as_u64().unwrap()
    };
    assert_eq!(total, 100_000);

    // A filtered request.
    let (status, pending) = get(&cloud, LIST, "instance_state=pending&limit=100", now);
    assert_eq!(status, 200);
    let count = pending["count"].as_u64().unwrap();
    assert!((5_000..=10_000).contains(&count), "{count} pending");
    assert_eq!(pending["page_info"]["current_count"], 100);
    assert!(pending["instances"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["state"] == "pending"));
    let next = pending["page_info"]["next_marker"].as_str().unwrap();
    assert!(next.contains("instance_state=pending"), "{next}");

    let id = &ids(&pending)[0];
    let (status, body) = get(&cloud, &format!("{LIST}/{id}/status"), "", now);
    assert_eq!((status, &body["state"]), (200, &serde_json::json!("pending")));
}

/// The unchanging part of each instance's JSON is rendered once and kept (or all at once by
/// `prerender`): the answers are byte for byte those of a cloud rendering from scratch, and
/// the changing parts (state, times) still change.
#[test]
fn prerendered_answers_are_the_same_as_fresh_ones() {
    let fresh = || cloud(2_000, MarkerStyle::QueryAddress);
    let warm = fresh();
    warm.prerender();
    let bycloud_req = request_with(
        "GET",
        "/v1/instances",
        "limit=500",
        &[("Authorization", "Bearer demo-token")],
    );
    for minutes in [0, 7, 90, 60 * 24 * 3] {
        let now = START_MS + minutes * 60_000;
        for query in ["limit=1000", "limit=7&marker=ffffffff", "limit=50&state=running"] {
            let req = get_req(LIST, query);
            assert_eq!(
                warm.handle(&req, now).body,
                fresh().handle(&req, now).body,
                "{query} at +{minutes} min"
            );
        }
        assert_eq!(
            warm.handle(&bycloud_req, now).body,
            fresh().handle(&bycloud_req, now).body
        );
    }
    let early = warm.handle(&get_req(LIST, "limit=1000"), START_MS).body;
    let later = warm
        .handle(&get_req(LIST, "limit=1000"), START_MS + 3 * 86_400_000)
        .body;
    assert_ne!(early, later, "states and update times move on");
}

//! Stable identities (`Config::epoch_ms`): clouds with the same seed and
//! epoch list the same instances — ids, creation times, names, markers, in
//! the same order — whenever they start; only their timelines (states,
//! update times) follow the start.

mod common;

use cloudsim::{imagesearch_names, Cloud, Config};
use common::*;
use serde_json::Value;

const EPOCH: i64 = START_MS;
const DAY: i64 = 86_400_000;
/// Both clouds are asked at one moment: 30 s after the later start.
const NOW: i64 = EPOCH + DAY + 30_000;

/// A cloud of 300 instances (seed 7) started at `start_ms`, identities from `epoch_ms`.
fn cloud(start_ms: i64, epoch_ms: Option<i64>) -> Cloud {
    Cloud::new(Config {
        instances: 300,
        seed: 7,
        start_ms,
        epoch_ms,
        ..Config::default()
    })
}

/// The clouds started a day apart, with the same epoch.
fn day_apart() -> (Cloud, Cloud) {
    (cloud(EPOCH, Some(EPOCH)), cloud(EPOCH + DAY, Some(EPOCH)))
}

fn call(cloud: &Cloud, path: &str, query: &str, headers: &[(&str, &str)]) -> Value {
    let (status, body) = send(cloud, &request_with("GET", path, query, headers), NOW);
    assert_eq!(status, 200, "{path}?{query}: {body}");
    body
}

/// `field` of every instance of `page`.
fn fields(page: &Value, field: &str) -> Vec<Value> {
    page["instances"]
        .as_array()
        .expect("instances")
        .iter()
        .map(|i| i[field].clone())
        .collect()
}

/// The first three pages of CloudDC's list (by `next_marker`).
fn clouddc_pages(cloud: &Cloud) -> Vec<Value> {
    let mut pages = Vec::new();
    let mut marker = String::new();
    for _ in 0..3 {
        let page = call(
            cloud,
            LIST,
            &format!("limit=10&marker={marker}"),
            &[("X-Auth-Token", TOKEN)],
        );
        marker = marker_of(page["page_info"]["next_marker"].as_str().unwrap());
        pages.push(page);
    }
    pages
}

/// The first three pages of ROMA Connect's list (by offset).
fn roma_pages(cloud: &Cloud) -> Vec<Value> {
    (0..3)
        .map(|k| {
            let query = format!("offset={}&limit=10", 10 * k);
            call(cloud, "/v2/demo-project/instances", &query, &[("X-Auth-Token", TOKEN)])
        })
        .collect()
}

/// The first three pages of ByCloud's list (by `meta.marker`).
fn bycloud_pages(cloud: &Cloud) -> Vec<Value> {
    let auth = format!("Bearer {TOKEN}");
    let mut pages = Vec::new();
    let mut marker = String::new();
    for _ in 0..3 {
        let page = call(
            cloud,
            "/v1/instances",
            &format!("limit=10&marker={marker}"),
            &[("Authorization", &auth), ("Host", "sim.test")],
        );
        marker = page["meta"]["marker"].as_str().unwrap().to_string();
        pages.push(page);
    }
    pages
}

/// Asserts that `a` and `b` list the same identities page by page (ids and
/// every `identity` field), that the pages are full, and that their
/// timelines differ: at least one of the `timeline` fields (state, update
/// time) of some instance.
fn same_identities(a: &[Value], b: &[Value], identity: &[&str], timeline: &[&str]) {
    let mut timelines_differ = false;
    for (k, (pa, pb)) in a.iter().zip(b).enumerate() {
        assert_eq!(ids(pa).len(), 10, "page {k} is full");
        assert_eq!(ids(pa), ids(pb), "page {k}: the same ids in the same order");
        for field in identity {
            assert_eq!(fields(pa, field), fields(pb, field), "page {k}: {field}");
        }
        timelines_differ |= timeline.iter().any(|field| fields(pa, field) != fields(pb, field));
    }
    let all: Vec<String> = a.iter().flat_map(ids).collect();
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 30, "three pages, thirty instances");
    assert!(
        timelines_differ,
        "a day's difference in the start shows in some of {timeline:?}"
    );
}

#[test]
fn clouddc_ids_stay_when_the_start_moves() {
    let (a, b) = day_apart();
    let (pa, pb) = (clouddc_pages(&a), clouddc_pages(&b));
    same_identities(&pa, &pb, &["name", "created_at", "image"], &["state", "updated_at"]);
    let markers = |pages: &[Value]| -> Vec<Value> { pages.iter().map(|p| p["page_info"].clone()).collect() };
    assert_eq!(markers(&pa), markers(&pb), "the same markers");
    let status = format!("{LIST}/{}/status", ids(&pa[0])[0]);
    call(&b, &status, "", &[("X-Auth-Token", TOKEN)]);
}

#[test]
fn roma_ids_stay_when_the_start_moves() {
    let (a, b) = day_apart();
    same_identities(
        &roma_pages(&a),
        &roma_pages(&b),
        &["name", "create_time", "flavor_id"],
        &["status", "update_time"],
    );
}

#[test]
fn bycloud_ids_stay_when_the_start_moves() {
    let (a, b) = day_apart();
    let (pa, pb) = (bycloud_pages(&a), bycloud_pages(&b));
    same_identities(&pa, &pb, &["name", "crn", "created_at"], &["status", "updated_at"]);
    let paging = |pages: &[Value]| -> Vec<Value> { pages.iter().map(|p| p["meta"]["marker"].clone()).collect() };
    assert_eq!(paging(&pa), paging(&pb), "the same markers");
}

#[test]
fn imagesearch_names_stay_when_the_start_moves() {
    let (a, b) = day_apart();
    let names = imagesearch_names(a.config());
    assert_eq!(names, imagesearch_names(b.config()));
    assert_eq!(names.len(), 60);
    let mut statuses_differ = false;
    for name in &names {
        let path = format!("/v1/demo-project/service/{}", percent_encode(name));
        let (da, db) = (
            call(&a, &path, "", &[("X-Auth-Token", TOKEN)]),
            call(&b, &path, "", &[("X-Auth-Token", TOKEN)]),
        );
        assert_eq!(da["instanceName"], name.as_str());
        assert_eq!(da["instanceName"], db["instanceName"]);
        assert_eq!(
            da["registerDate"], db["registerDate"],
            "{name}: the register date is an identity"
        );
        assert!(da["registerDate"].as_i64().unwrap() < EPOCH);
        statuses_differ |= da["status"] != db["status"];
    }
    assert!(statuses_differ, "a day's difference in the start shows in some status");
}

#[test]
fn without_an_epoch_identities_follow_the_start() {
    let (a, b) = (cloud(EPOCH, None), cloud(EPOCH + DAY, None));
    assert_ne!(ids(&clouddc_pages(&a)[0]), ids(&clouddc_pages(&b)[0]));
}

/// Every answer of `a` and `b` to a walk over all services at a few moments.
fn answers(cloud: &Cloud) -> Vec<String> {
    let mut out = Vec::new();
    for now in [EPOCH - 5_000, EPOCH + 60_000, EPOCH + 3 * DAY] {
        for (path, query, headers) in [
            (LIST, "limit=1000", vec![("X-Auth-Token", TOKEN)]),
            ("/v2/demo-project/instances", "limit=100", vec![("X-Auth-Token", TOKEN)]),
            (
                "/v1/instances",
                "limit=1000",
                vec![("Authorization", "Bearer demo-token")],
            ),
            (
                "/v1/demo-project/service/imagesearch-01",
                "",
                vec![("X-Auth-Token", TOKEN)],
            ),
        ] {
            out.push(cloud.handle(&request_with("GET", path, query, &headers), now).body);
        }
    }
    out
}

#[test]
fn an_epoch_at_or_after_the_start_is_the_start() {
    let default = answers(&cloud(EPOCH, None));
    assert_eq!(answers(&cloud(EPOCH, Some(EPOCH))), default);
    // An epoch after the start would create instances after it: the start is used.
    assert_eq!(answers(&cloud(EPOCH, Some(EPOCH + DAY))), default);
    // Far outside the supported range: clamped, and nothing panics.
    for (start, epoch) in [(i64::MIN, Some(i64::MAX)), (i64::MAX, Some(i64::MIN)), (0, Some(0))] {
        let c = cloud(start, epoch);
        let (status, _) = send(&c, &get_req(LIST, "limit=1000"), start.saturating_add(1_000));
        assert_eq!(status, 200);
    }
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

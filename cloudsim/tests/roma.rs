//! ROMA Connect `GET /v2/{project_id}/instances`: the seed page's shapes,
//! offset paging, query validation, errors and authentication.

mod common;

use cloudsim::{Cloud, MarkerStyle};
use common::seeds;
use common::shapes::*;
use common::*;
use serde_json::Value;

const ROMA: &str = "/v2/demo-project/instances";
const NOW: i64 = START_MS + 30_000;
const FAILED: [&str; 4] = ["ERROR", "CREATE_FAILED", "DELETE_FAILED", "DELETE_FALIED"];
const FILTERS: [&str; 8] = [
    "CREATING",
    "RUNNING",
    "DELETING",
    "DELETED",
    "ERROR",
    "CREATE_FAILED",
    "DELETE_FAILED",
    "SOFT_DELETED",
];

/// The page's examples: 200, 400, 401, 403, 500.
fn examples() -> Vec<Value> {
    let ex: Vec<Value> = seeds::examples(seeds::ROMA)
        .into_iter()
        .map(|e| serde_json::from_str(e).unwrap())
        .collect();
    assert_eq!(ex.len(), 5);
    ex
}

fn roma(instances: usize) -> Cloud {
    cloud(instances, MarkerStyle::Bare)
}

/// Walks `offset` from 0 by `limit`, checking each page; returns the items.
fn walk(cloud: &Cloud, limit: usize, status: Option<&str>, now: i64) -> Vec<Value> {
    let (mut out, mut offset, mut total) = (Vec::new(), 0, None);
    loop {
        let mut query = format!("offset={offset}&limit={limit}");
        if let Some(s) = status {
            query.push_str(&format!("&status={s}"));
        }
        let (code, body) = get(cloud, ROMA, &query, now);
        assert_eq!(code, 200, "{query}: {body}");
        let t = body["total"].as_u64().unwrap() as usize;
        assert_eq!(*total.get_or_insert(t), t, "total is stable while paging");
        let items = body["instances"].as_array().unwrap();
        assert_eq!(body["size"].as_u64().unwrap() as usize, items.len());
        assert_eq!(items.len(), limit.min(t.saturating_sub(offset)), "{query}");
        out.extend(items.iter().cloned());
        offset += limit;
        if offset >= t {
            break;
        }
    }
    assert_eq!(Some(out.len()), total, "count == total");
    out
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} is a string: {v}"))
}

fn is_utc(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 20 && b[4] == b'-' && b[10] == b'T' && b[19] == b'Z'
}

/// The documented value sets and the field relations of one instance.
fn check_instance(inst: &Value) {
    assert!(["basic", "professional", "enterprise", "platinum"].contains(&s(inst, "flavor_type")));
    assert!(["x86_64", "aarch64"].contains(&s(inst, "cpu_arch")));
    assert!(["prePaid", "postPaid"].contains(&s(inst, "charge_type")));
    assert_eq!(s(inst, "project_id"), "demo-project");
    assert!(is_utc(s(inst, "create_time")) && is_utc(s(inst, "update_time")));
    assert!(s(inst, "create_time") <= s(inst, "update_time"), "{inst}");
    for key in ["maintain_begin", "maintain_end"] {
        let t = s(inst, key).as_bytes();
        assert!(t.len() == 8 && t[2] == b':' && t[5] == b':', "{inst}");
    }
    let public = inst["publicip_enable"].as_bool().unwrap();
    for key in ["publicip_id", "publicip_address"] {
        assert_eq!(s(inst, key).is_empty(), !public, "{inst}");
    }
    let failed = FAILED.contains(&s(inst, "status"));
    for key in ["error_code", "error_msg"] {
        assert_eq!(s(inst, key).is_empty(), !failed, "{inst}");
    }
    let azs = inst["available_zone_ids"].as_array().unwrap();
    assert!(!azs.is_empty() && azs.iter().all(|a| is_hex32(a.as_str().unwrap())));
}

#[test]
fn matches_the_seed_examples() {
    let ex = examples();
    let cloud = roma(400);
    let all = walk(&cloud, 100, None, NOW);
    let (_, page) = get(&cloud, ROMA, "limit=100", NOW);
    has_example_keys(&ex[0], &page, "");
    only_known_keys(Some(&ex[0]), &page, "", &[], &[]);
    for inst in &all {
        has_example_keys(&ex[0]["instances"][0], inst, "instance");
        only_known_keys(Some(&ex[0]["instances"][0]), inst, "instance", &[], &[]);
        check_instance(inst);
    }
    for status in ["RUNNING", "CREATING", "FROZEN", "DELETE_FALIED", "ERROR"] {
        assert!(all.iter().any(|i| i["status"] == status), "{status}");
    }
    assert!(all.iter().any(|i| i["publicip_enable"] == false));
    assert!(all.iter().any(|i| i["cpu_arch"] == "aarch64"));

    // The documented error bodies: same keys, same codes and messages.
    let cases = [
        (request_with("GET", ROMA, "limit=500", &[("X-Auth-Token", TOKEN)]), 1),
        (request_with("GET", ROMA, "", &[]), 2),
        (
            request_with("GET", "/v2/someone-else/instances", "", &[("X-Auth-Token", TOKEN)]),
            3,
        ),
        (request_with("GET", ROMA, "", &[("X-Cloudsim-Fault", "status=500")]), 4),
    ];
    for (req, k) in cases {
        let (status, body) = send(&cloud, &req, NOW);
        let expected_status = [200, 400, 401, 403, 500][k];
        assert_eq!(status, expected_status, "{body}");
        has_example_keys(&ex[k], &body, "");
        only_known_keys(Some(&ex[k]), &body, "", &[], &[]);
        assert_eq!(body["error_code"], ex[k]["error_code"]);
        assert!(is_hex32(s(&body, "request_id")), "{body}");
        assert!(!s(&body, "error_details").is_empty());
        if k == 1 {
            assert_eq!(
                body["error_msg"],
                "Invalid parameter value,parameterName:limit. Please refer to the support documentation"
            );
        } else {
            assert_eq!(body["error_msg"], ex[k]["error_msg"]);
        }
    }
}

#[test]
fn offset_paging_sees_every_instance_once() {
    let cloud = roma(500);
    let all = walk(&cloud, 100, None, NOW);
    assert_eq!(all.len(), 500);
    // Oldest first: create_time, then id.
    let keys: Vec<(&str, &str)> = all.iter().map(|i| (s(i, "create_time"), s(i, "id"))).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "sorted by create_time then id");
    let mut filtered_total = 0;
    for filter in [None, Some("RUNNING"), Some("CREATING"), Some("DELETED")] {
        let expected: Vec<&Value> = all.iter().filter(|i| filter.is_none_or(|f| i["status"] == f)).collect();
        assert!(!expected.is_empty(), "{filter:?}");
        for limit in [1, 7, 10, 100] {
            let seen = walk(&cloud, limit, filter, NOW);
            let seen: Vec<&Value> = seen.iter().collect();
            assert_eq!(seen, expected, "limit {limit}, status {filter:?}");
        }
    }
    for filter in FILTERS {
        let (status, body) = get(&cloud, ROMA, &format!("status={filter}&limit=100"), NOW);
        assert_eq!(status, 200);
        let count = all.iter().filter(|i| i["status"] == filter).count();
        assert_eq!(body["total"], count, "{filter}");
        filtered_total += count;
    }
    // Only the SDK-only values match no documented filter.
    let sdk_only = all
        .iter()
        .filter(|i| i["status"] == "FROZEN" || i["status"] == "DELETE_FALIED")
        .count();
    assert_eq!(filtered_total + sdk_only, 500);
    // Past the end: an empty page, the total unchanged.
    let (_, body) = get(&cloud, ROMA, "offset=500", NOW);
    assert_eq!((body["total"].as_u64(), body["size"].as_u64()), (Some(500), Some(0)));
    let (_, body) = get(&cloud, ROMA, "offset=99999999999999999999999", NOW);
    assert_eq!(body["size"], 0);
}

#[test]
fn query_validation() {
    let cloud = roma(300);
    let size = |query: &str| {
        let (status, body) = get(&cloud, ROMA, query, NOW);
        assert_eq!(status, 200, "{query}: {body}");
        body["size"].as_u64().unwrap()
    };
    assert_eq!(size(""), 10, "default limit");
    assert_eq!(size("limit=0"), 10, "limit=0 means the default");
    assert_eq!(size("limit="), 10);
    assert_eq!(size("limit=1"), 1);
    assert_eq!(size("limit=100"), 100);
    assert_eq!(size("offset=295&limit=100"), 5);
    assert_eq!(size("unknown=1&limit=12"), 12, "unknown parameters are ignored");
    for (query, name) in [
        ("limit=101", "limit"),
        ("limit=-1", "limit"),
        ("limit=abc", "limit"),
        ("limit=1.5", "limit"),
        ("limit=99999999999999999999999", "limit"),
        ("offset=-1", "offset"),
        ("offset=x", "offset"),
        ("offset=1e3", "offset"),
        ("status=running", "status"),
        ("status=FROZEN", "status"),
        ("status=DELETE_FALIED", "status"),
    ] {
        let (status, body) = get(&cloud, ROMA, query, NOW);
        assert_eq!(status, 400, "{query}");
        assert_eq!(body["error_code"], "ROMA.00013000");
        let msg = s(&body, "error_msg");
        assert!(msg.contains(&format!("parameterName:{name}.")), "{msg}");
        assert_eq!(body.as_object().unwrap().len(), 4);
    }
}

#[test]
fn errors_and_authentication() {
    let cloud = roma(50);
    for headers in [
        vec![],
        vec![("X-Auth-Token", "wrong")],
        vec![("Authorization", "Bearer demo-token")],
    ] {
        let (status, body) = send(&cloud, &request_with("GET", ROMA, "", &headers), NOW);
        assert_eq!(status, 401, "{headers:?}");
        assert_eq!(body["error_code"], "ROMA.00012000");
        assert_eq!(body["error_msg"], "Incorrect token or token resolution failed");
    }
    let lower = request_with("GET", ROMA, "", &[("x-auth-token", TOKEN)]);
    assert_eq!(send(&cloud, &lower, NOW).0, 200);
    // Authentication comes before the project, the project before the query.
    let other = "/v2/other/instances";
    assert_eq!(send(&cloud, &request_with("GET", other, "", &[]), NOW).0, 401);
    let (status, body) = get(&cloud, other, "limit=abc", NOW);
    assert_eq!(
        (status, &body["error_msg"]),
        (403, &"No permissions to request this method".into())
    );

    // Forced faults, before authentication, in ROMA's error shape.
    for (code, error_code) in [
        (400, "ROMA.00013000"),
        (401, "ROMA.00012000"),
        (403, "ROMA.00012000"),
        (429, "APIG.0308"),
        (500, "ROMA.00011000"),
        (503, "CLOUDSIM.0001"),
    ] {
        let fault = format!("status={code}");
        let resp = cloud.handle(&request_with("GET", ROMA, "", &[("X-Cloudsim-Fault", &fault)]), NOW);
        assert_eq!(resp.status, code);
        let body: Value = serde_json::from_str(&resp.body).unwrap();
        assert_eq!(body["error_code"], error_code, "{body}");
        assert!(is_hex32(s(&body, "request_id")));
        assert_eq!(body.as_object().unwrap().len(), 4);
        assert_eq!(header(&resp, "retry-after").is_some(), code == 429);
        if code == 429 {
            assert_eq!(header(&resp, "retry-after"), Some("2"));
        }
    }
    let resp = cloud.handle(&request_with("POST", ROMA, "", &[("X-Auth-Token", TOKEN)]), NOW);
    assert_eq!(resp.status, 405);
    assert!(resp.body.contains("\"request_id\""));

    // Request ids are deterministic and differ between requests.
    let (_, a) = send(&cloud, &request_with("GET", ROMA, "", &[]), NOW);
    let (_, b) = send(&cloud, &request_with("GET", ROMA, "", &[]), NOW);
    let (_, c) = send(&cloud, &request_with("GET", ROMA, "", &[]), NOW + 1);
    assert_eq!(a["request_id"], b["request_id"]);
    assert_ne!(a["request_id"], c["request_id"]);
    // A trailing slash and a query left on the path are tolerated.
    let (_, body) = get(&cloud, &format!("{ROMA}/?limit=3"), "", NOW);
    assert_eq!(body["size"], 3);
}

#[test]
fn hundred_thousand_instances() {
    let cloud = roma(100_000);
    let now = START_MS + 45_000;
    let (status, first) = get(&cloud, ROMA, "limit=100", now);
    assert_eq!((status, first["total"].as_u64()), (200, Some(100_000)));
    let (_, last) = get(&cloud, ROMA, "offset=99990&limit=100", now);
    assert_eq!(last["size"], 10);
    // Adjacent pages join up in order.
    let (_, a) = get(&cloud, ROMA, "offset=50000&limit=100", now);
    let (_, b) = get(&cloud, ROMA, "offset=50100&limit=100", now);
    let a_last = &a["instances"][99];
    let b_first = &b["instances"][0];
    assert!((s(a_last, "create_time"), s(a_last, "id")) < (s(b_first, "create_time"), s(b_first, "id")));
    let (_, creating) = get(&cloud, ROMA, "status=CREATING&limit=100", now);
    let total = creating["total"].as_u64().unwrap();
    assert!((5_000..=10_000).contains(&total), "{total} creating");
    let items = creating["instances"].as_array().unwrap();
    assert_eq!(items.len(), 100);
    assert!(items.iter().all(|i| i["status"] == "CREATING"));
    let (_, tail) = get(
        &cloud,
        ROMA,
        &format!("status=CREATING&limit=100&offset={}", total - 3),
        now,
    );
    assert_eq!(tail["size"], 3);
}

/// The only status changes the timelines make.
const EDGES: [(&str, &str); 4] = [
    ("CREATING", "RUNNING"),
    ("CREATING", "CREATE_FAILED"),
    ("DELETING", "DELETED"),
    ("DELETING", "DELETE_FAILED"),
];

#[test]
fn evolves_legally_and_deterministically() {
    let cloud = roma(600);
    let twin = roma(600);
    let mut previous = walk(&cloud, 100, None, START_MS);
    let mut seen = std::collections::BTreeSet::new();
    let count = |items: &[Value], status: &str| items.iter().filter(|i| i["status"] == status).count();
    assert!((40..=80).contains(&count(&previous, "CREATING")), "about 10% CREATING");
    assert!(count(&previous, "DELETING") > 0);
    for step in 1..=30 {
        let now = START_MS + step * 5_000;
        let current = walk(&cloud, 100, None, now);
        assert_eq!(current, walk(&twin, 100, None, now), "deterministic");
        for (i, (before, after)) in previous.iter().zip(&current).enumerate() {
            assert_eq!(before["id"], after["id"], "the order is stable");
            check_instance(after);
            let (from, to) = (s(before, "status"), s(after, "status"));
            match i % 97 {
                42 => assert_eq!(to, "FROZEN", "index {i}"),
                43 => assert_eq!(to, "DELETE_FALIED", "index {i}"),
                _ => assert!(to != "FROZEN" && to != "DELETE_FALIED", "index {i}"),
            }
            if from != to {
                assert!(EDGES.contains(&(from, to)), "index {i}: {from} -> {to}");
                assert!(s(after, "update_time") > s(before, "update_time"));
                seen.insert((from.to_string(), to.to_string()));
            } else {
                assert_eq!(before, after, "nothing else changes");
            }
        }
        previous = current;
    }
    for (from, to) in [
        ("CREATING", "RUNNING"),
        ("CREATING", "CREATE_FAILED"),
        ("DELETING", "DELETED"),
    ] {
        assert!(seen.contains(&(from.into(), to.into())), "{from} -> {to}; saw {seen:?}");
    }
    // After 150 s everything has settled.
    assert_eq!((count(&previous, "CREATING"), count(&previous, "DELETING")), (0, 0));

    let other = cloudsim::Cloud::new(cloudsim::Config {
        instances: 600,
        seed: 2,
        ..cloudsim::Config::default()
    });
    assert_ne!(walk(&other, 100, None, NOW), walk(&cloud, 100, None, NOW));
}

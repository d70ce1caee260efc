//! ECS's fleet: stable identities across starts, states that evolve only
//! along the vendor's status model, determinism, the prerendered cache,
//! and paging at 100,000 servers.

mod common;

use std::collections::BTreeSet;

use cloudsim::{Cloud, Config, MarkerStyle};
use common::*;
use serde_json::Value;

const LIST: &str = "/v1/demo-project/cloudservers/detail";
const DAY: i64 = 86_400_000;

fn list(cloud: &Cloud, query: &str, now: i64) -> Value {
    let (status, body) = get(cloud, LIST, query, now);
    assert_eq!(status, 200, "{query}: {body}");
    body
}

fn servers(body: &Value) -> Vec<Value> {
    body["servers"].as_array().expect("servers").clone()
}

/// Every server, by marker (pages of 1000).
fn all(cloud: &Cloud, now: i64) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let mut query = "limit=1000".to_string();
    loop {
        let body = list(cloud, &query, now);
        let page = servers(&body);
        out.extend(page.iter().cloned());
        if page.is_empty() || out.len() as u64 >= body["count"].as_u64().unwrap() {
            return out;
        }
        query = format!("limit=1000&marker={}", out.last().unwrap()["id"].as_str().unwrap());
    }
}

fn with(instances: usize, seed: u64, start_ms: i64, epoch_ms: Option<i64>) -> Cloud {
    Cloud::new(Config {
        instances,
        seed,
        start_ms,
        epoch_ms,
        ..Config::default()
    })
}

/// What identifies a server: unchanged by the start.
fn identity(s: &Value) -> Value {
    let keys = [
        "id",
        "name",
        "created",
        "flavor",
        "image",
        "addresses",
        "tags",
        "metadata",
        "hostId",
        "OS-EXT-SRV-ATTR:instance_name",
        "OS-EXT-SRV-ATTR:reservation_id",
        "os-extended-volumes:volumes_attached",
    ];
    keys.iter().map(|k| s[*k].clone()).collect()
}

#[test]
fn identities_come_from_the_epoch() {
    let (a, b) = (
        with(300, 7, START_MS, Some(START_MS)),
        with(300, 7, START_MS + DAY, Some(START_MS)),
    );
    let now = START_MS + DAY + 30_000;
    let (xs, ys) = (all(&a, now), all(&b, now));
    assert_eq!(xs.len(), 300);
    let ids = |v: &[Value]| v.iter().map(identity).collect::<Vec<_>>();
    assert_eq!(ids(&xs), ids(&ys), "the same servers, whenever the cloud started");
    assert_ne!(xs, ys, "but their timelines follow the start");
    // Without an epoch, identities follow the start.
    let c = with(300, 7, START_MS + DAY, None);
    assert_ne!(all(&c, now)[0]["id"], xs[0]["id"]);
    // Other services' salts: ECS's ids are its own.
    let (_, clouddc) = get(&a, "/v1/demo-project/instances", "limit=1", now);
    assert_ne!(clouddc["instances"][0]["id"], xs[0]["id"]);
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

/// Status changes, with the task before and after: the documented model.
const EDGES: [(&str, &str, &str, &str); 8] = [
    ("BUILD", "*", "ACTIVE", ""),
    ("BUILD", "*", "ERROR", ""),
    ("ACTIVE", "powering-off", "SHUTOFF", ""),
    ("SHUTOFF", "powering-on", "ACTIVE", ""),
    ("ACTIVE", "", "REBOOT", "rebooting"),
    ("REBOOT", "rebooting", "ACTIVE", ""),
    ("ACTIVE", "deleting", "DELETED", ""),
    ("SHUTOFF", "deleting", "DELETED", ""),
];

/// Task changes within one status: BUILD's only move forward (a 5 s sample
/// may skip one); an idle ACTIVE starts powering off or deleting, an idle
/// SHUTOFF powering on or deleting.
fn legal_task_change(status: &str, from: &str, to: &str) -> bool {
    const BUILD: [&str; 4] = ["scheduling", "networking", "block_device_mapping", "spawning"];
    let at = |t: &str| BUILD.iter().position(|b| *b == t);
    match status {
        "BUILD" => matches!((at(from), at(to)), (Some(a), Some(b)) if a < b),
        "ACTIVE" => from.is_empty() && (to == "powering-off" || to == "deleting"),
        "SHUTOFF" => from.is_empty() && (to == "powering-on" || to == "deleting"),
        _ => false,
    }
}

#[test]
fn states_evolve_along_the_documented_model() {
    let twin = cloud(600, MarkerStyle::QueryAddress);
    let cloud = cloud(600, MarkerStyle::Bare);
    let mut previous = all(&cloud, START_MS);
    let count = |items: &[Value], status: &str| items.iter().filter(|i| i["status"] == status).count();
    assert!((40..=80).contains(&count(&previous, "BUILD")), "about 10% BUILD");
    let mut seen = BTreeSet::new();
    for step in 1..=92 {
        let now = START_MS + step * 5_000;
        let current = all(&cloud, now);
        if step % 23 == 0 {
            assert_eq!(current, all(&twin, now), "deterministic");
        }
        for (i, (before, after)) in previous.iter().zip(&current).enumerate() {
            assert_eq!(before["id"], after["id"]);
            assert_eq!(after["status"] == "VERIFY_RESIZE", i % 97 == 42, "index {i}");
            assert_eq!(after["status"] == "SUSPENDED", i % 97 == 43, "index {i}");
            if before == after {
                continue;
            }
            let (from, to) = (s(before, "status"), s(after, "status"));
            let (task_from, task_to) = (s(before, "OS-EXT-STS:task_state"), s(after, "OS-EXT-STS:task_state"));
            assert!(s(after, "updated") > s(before, "updated"), "{before} -> {after}");
            assert_eq!(identity(before), identity(after));
            if from == to {
                assert!(
                    legal_task_change(from, task_from, task_to),
                    "index {i}: {from} {task_from:?} -> {task_to:?}"
                );
                continue;
            }
            let edge = EDGES
                .iter()
                .find(|e| (e.0, e.2) == (from, to))
                .unwrap_or_else(|| panic!("index {i}: {from} -> {to}"));
            assert!(
                edge.1 == "*" || edge.1 == task_from,
                "index {i}: {from}/{task_from} -> {to}"
            );
            assert_eq!(edge.3, task_to, "index {i}: {from} -> {to}/{task_to}");
            seen.insert((from.to_string(), to.to_string()));
            let time = |v: &Value, k: &str| s(v, k)[..19].to_string();
            match (from, to) {
                ("BUILD", "ACTIVE") => {
                    assert_eq!(time(after, "OS-SRV-USG:launched_at"), time(after, "updated"));
                    assert_eq!(s(before, "OS-SRV-USG:launched_at"), "");
                }
                ("BUILD", "ERROR") => {
                    assert_eq!(after["fault"]["created"], after["updated"]);
                    assert_eq!(after["fault"]["code"], 500);
                    assert_eq!(s(after, "OS-SRV-USG:launched_at"), "");
                }
                (_, "DELETED") => {
                    assert_eq!(time(after, "OS-SRV-USG:terminated_at"), time(after, "updated"));
                    assert_eq!(after["OS-EXT-STS:power_state"], 0);
                }
                _ => assert_eq!(after["OS-SRV-USG:launched_at"], before["OS-SRV-USG:launched_at"]),
            }
            let power = after["OS-EXT-STS:power_state"].as_u64().unwrap();
            match to {
                "SHUTOFF" => assert_eq!((s(after, "OS-EXT-STS:vm_state"), power), ("stopped", 4)),
                "ACTIVE" | "REBOOT" => assert_eq!((s(after, "OS-EXT-STS:vm_state"), power), ("active", 1)),
                _ => {}
            }
            if before["progress"] != after["progress"] {
                assert_eq!(from, "BUILD");
            }
        }
        previous = current;
    }
    for edge in EDGES {
        assert!(
            seen.contains(&(edge.0.to_string(), edge.2.to_string())),
            "{edge:?}; saw {seen:?}"
        );
    }
    assert_eq!(count(&previous, "BUILD") + count(&previous, "REBOOT"), 0);
    let busy = previous
        .iter()
        .filter(|i| i["OS-EXT-STS:task_state"].is_string())
        .count();
    assert_eq!(busy, 0, "every task ends within 7.5 minutes");
    // Later, nothing moves any more.
    let later = START_MS + DAY;
    assert_eq!(all(&cloud, later), all(&cloud, later + DAY));
    assert_ne!(all(&with(600, 2, START_MS, None), START_MS), all(&cloud, START_MS));
}

/// Rendering from the cache (or prerendered) is byte for byte rendering
/// from scratch, and the changing parts still change.
#[test]
fn prerendered_answers_are_the_same_as_fresh_ones() {
    let fresh = || cloud(1_500, MarkerStyle::Bare);
    let warm = fresh();
    warm.prerender();
    for minutes in [0, 1, 3, 90] {
        let now = START_MS + minutes * 60_000;
        for query in ["limit=1000", "limit=50&status=SHUTOFF", "limit=5&offset=300"] {
            let req = get_req(LIST, query);
            assert_eq!(warm.handle(&req, now).body, fresh().handle(&req, now).body, "{query}");
        }
    }
    let early = warm.handle(&get_req(LIST, "limit=1000&offset=2"), START_MS).body;
    let later = warm
        .handle(&get_req(LIST, "limit=1000&offset=2"), START_MS + 10 * 60_000)
        .body;
    assert_ne!(early, later, "states and update times move on");
}

#[test]
fn hundred_thousand_servers() {
    let cloud = cloud(100_000, MarkerStyle::Bare);
    let now = START_MS + 45_000;
    let ids = |body: &Value| -> Vec<String> {
        servers(body)
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect()
    };
    let first = list(&cloud, "limit=1000", now);
    assert_eq!(first["count"], 100_000);
    let first_ids = ids(&first);
    let second = list(&cloud, &format!("limit=1000&marker={}", first_ids[999]), now);
    let second_ids = ids(&second);
    assert_eq!(second_ids.len(), 1000);
    assert!(second_ids[0] > first_ids[999]);
    assert_eq!(ids(&list(&cloud, "limit=1000&offset=2", now)), second_ids);
    let last = list(&cloud, "limit=1000&offset=100", now);
    assert_eq!(ids(&last).len(), 1000);
    let past = list(&cloud, &format!("limit=1000&marker={}", ids(&last)[999]), now);
    assert_eq!((servers(&past).len(), past["count"].as_u64()), (0, Some(100_000)));
    let building = list(&cloud, "status=BUILD&limit=10", now)["count"].as_u64().unwrap();
    assert!((5_000..=10_000).contains(&building), "{building} building");
    let web = list(&cloud, "name=ecs-web-&tags=env%3Dprod&limit=5", now);
    let total = web["count"].as_u64().unwrap();
    assert!((10_000..=30_000).contains(&total), "{total}");
    assert!(servers(&web)
        .iter()
        .all(|s| s["name"].as_str().unwrap().contains("ecs-web-")));
    let one = list(&cloud, &format!("server_id={}", second_ids[500]), now);
    assert_eq!(servers(&one)[0], servers(&second)[500]);
}

//! ByCloud's fleet evolves along OpenStack-like transitions, is
//! deterministic, and pages correctly at 100,000 instances.

mod common;

use std::collections::BTreeSet;

use cloudsim::{Cloud, Config, MarkerStyle};
use common::*;
use serde_json::Value;

const LIST: &str = "/v1/instances";

/// GET with the bearer token (no `Host`: links use the vendor's origin).
fn list(cloud: &Cloud, query: &str, now: i64) -> Value {
    let req = request_with("GET", LIST, query, &[("Authorization", "Bearer demo-token")]);
    let (status, body) = send(cloud, &req, now);
    assert_eq!(status, 200, "{query}: {body}");
    body
}

/// Every instance, following `meta.marker` (pages of 1000).
fn all(cloud: &Cloud, now: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut query = "limit=1000".to_string();
    loop {
        let body = list(cloud, &query, now);
        out.extend(body["instances"].as_array().unwrap().iter().cloned());
        match body["meta"]["marker"].as_str() {
            Some(marker) => query = format!("limit=1000&marker={marker}"),
            None => return out,
        }
    }
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

/// Status changes the timelines make.
const EDGES: [(&str, &str); 4] = [
    ("BUILD", "ACTIVE"),
    ("BUILD", "ERROR"),
    ("ACTIVE", "SHUTOFF"),
    ("SHUTOFF", "ACTIVE"),
];
/// Task-state changes within one status: BUILD's tasks only move forward
/// (a 5 s sample may skip one); ACTIVE and SHUTOFF start powering off / on.
fn legal_task_change(from: &str, to: &str) -> bool {
    const BUILD: [&str; 3] = ["networking", "block_device_mapping", "spawning"];
    let at = |t: &str| BUILD.iter().position(|b| *b == t);
    match (at(from), at(to)) {
        (Some(a), Some(b)) => a < b,
        _ => from.is_empty() && (to == "powering-off" || to == "powering-on"),
    }
}

#[test]
fn evolves_legally_and_deterministically() {
    let cloud = cloud(600, MarkerStyle::Bare);
    let twin = cloud_twin();
    let mut previous = all(&cloud, START_MS);
    let count = |items: &[Value], status: &str| items.iter().filter(|i| i["status"] == status).count();
    assert!((40..=80).contains(&count(&previous, "BUILD")), "about 10% BUILD");
    let mut seen = BTreeSet::new();
    for step in 1..=90 {
        let now = START_MS + step * 5_000;
        let current = all(&cloud, now);
        if step % 30 == 0 {
            assert_eq!(current, all(&twin, now), "deterministic");
        }
        for (i, (before, after)) in previous.iter().zip(&current).enumerate() {
            assert_eq!(before["id"], after["id"]);
            assert_eq!(after["status"] == "MIGRATING", i % 97 == 42, "index {i}");
            let (from, to) = (s(before, "status"), s(after, "status"));
            let (task_from, task_to) = (s(before, "task_state"), s(after, "task_state"));
            if before == after {
                continue;
            }
            assert!(s(after, "updated_at") > s(before, "updated_at"), "{before} -> {after}");
            if from != to {
                assert!(EDGES.contains(&(from, to)), "index {i}: {from} -> {to}");
                seen.insert((from.to_string(), to.to_string()));
            } else {
                assert!(
                    legal_task_change(task_from, task_to),
                    "index {i}: {task_from:?} -> {task_to:?}"
                );
            }
            if from == "BUILD" && to == "ACTIVE" {
                assert_eq!(after["launched_at"], after["updated_at"], "launched on becoming ACTIVE");
            }
            if to == "ERROR" {
                assert_eq!(after["fault"]["created"], after["updated_at"]);
                assert_eq!(after["fault"]["code"], 500);
            }
            if from == "ACTIVE" && to == "SHUTOFF" {
                assert_eq!((task_from, task_to), ("powering-off", ""));
            }
            if from == "SHUTOFF" && to == "ACTIVE" {
                assert_eq!((task_from, task_to), ("powering-on", ""));
                assert_eq!(after["launched_at"], before["launched_at"]);
            }
        }
        previous = current;
    }
    for edge in EDGES {
        assert!(seen.contains(&(edge.0.into(), edge.1.into())), "{edge:?}; saw {seen:?}");
    }
    assert_eq!(count(&previous, "BUILD"), 0, "builds end within two minutes");
    let busy = previous
        .iter()
        .filter(|i| i["task_state"].is_string() && i["status"] != "MIGRATING")
        .count();
    assert_eq!(busy, 0, "power cycles end within 7.5 minutes");

    let other = Cloud::new(Config {
        instances: 600,
        seed: 2,
        ..Config::default()
    });
    assert_ne!(all(&other, START_MS), all(&cloud, START_MS));
}

fn cloud_twin() -> Cloud {
    cloud(600, MarkerStyle::QueryAddress)
}

#[test]
fn hundred_thousand_instances() {
    let cloud = cloud(100_000, MarkerStyle::Bare);
    let now = START_MS + 45_000;
    let first = list(&cloud, "limit=1000", now);
    assert_eq!(first["meta"]["total"], 100_000);
    let ids = |body: &Value| -> Vec<String> {
        body["instances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    let marker = first["meta"]["marker"].as_str().unwrap();
    assert_eq!(Some(marker), ids(&first).last().map(String::as_str));
    let second = list(&cloud, &format!("limit=1000&marker={marker}"), now);
    let second_ids = ids(&second);
    assert!(second_ids[0].as_str() > marker && second_ids.len() == 1000);
    assert_eq!(
        second["links"]["previous"],
        "https://api.spo1.mycloud.com/v1/instances?limit=1000"
    );
    let third = list(&cloud, &format!("limit=1000&marker={}", second_ids[999]), now);
    let previous = third["links"]["previous"].as_str().unwrap();
    let back = list(&cloud, previous.split_once('?').unwrap().1, now);
    assert_eq!(ids(&back), second_ids);
    let last = list(&cloud, "limit=1000&marker=ffffffff", now);
    assert_eq!(
        (
            last["instances"].as_array().unwrap().len(),
            last["meta"]["total"].as_u64()
        ),
        (0, Some(100_000))
    );

    let web = list(&cloud, "limit=50&name=web-*&tags=production", now);
    let total = web["meta"]["total"].as_u64().unwrap();
    assert!((20_000..=40_000).contains(&total), "{total}");
    let items = web["instances"].as_array().unwrap();
    assert_eq!(items.len(), 50);
    assert!(items.iter().all(|i| i["name"].as_str().unwrap().starts_with("web-")));
    let building = list(&cloud, "status=BUILD&limit=10", now);
    let total = building["meta"]["total"].as_u64().unwrap();
    assert!((5_000..=10_000).contains(&total), "{total} building");
    let exact = list(&cloud, "name=db-99999", now);
    assert!(exact["meta"]["total"].as_u64().unwrap() <= 1);
}

//! The fleet is deterministic and evolves along the documented diagram.

mod common;

use std::collections::BTreeSet;

use cloudsim::{Cloud, Config, MarkerStyle};
use common::*;
use serde_json::Value;

/// The CloudDC status page's state diagram, edge by edge.
const DIAGRAM: [(&str, &str); 12] = [
    ("pending", "running"),
    ("pending", "shutting-down"),
    ("running", "stopped"),
    ("stopped", "running"),
    ("stopped", "stopped"),
    ("pending", "error"),
    ("stopped", "error"),
    ("error", "running"),
    ("stopped", "shutting-down"),
    ("error", "shutting-down"),
    ("shutting-down", "error"),
    ("shutting-down", "terminated"),
];

const OPERATIONS: [&str; 5] = ["install", "reinstall", "switch-install", "modify-ip", "uninstall"];
const OUTCOMES: [&str; 3] = ["processing", "succeed", "failed"];

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

#[test]
fn deterministic_per_seed() {
    let a = cloud(300, MarkerStyle::Bare);
    let b = cloud(300, MarkerStyle::Bare);
    for now in [START_MS, START_MS + 61_000, START_MS + 3_600_000] {
        for query in ["", "limit=1000", "instance_state=pending&limit=50"] {
            let req = get_req(LIST, query);
            assert_eq!(a.handle(&req, now), b.handle(&req, now));
        }
    }
    let other = Cloud::new(Config {
        instances: 300,
        seed: 2,
        ..Config::default()
    });
    let req = get_req(LIST, "");
    assert_ne!(a.handle(&req, START_MS).body, other.handle(&req, START_MS).body);
    assert_eq!(a.config().seed, 1);
}

#[test]
fn changes_follow_the_documented_diagram() {
    let cloud = cloud(600, MarkerStyle::Bare);
    let first = all_instances(&cloud, START_MS);
    let n = first.len();
    let stopping: BTreeSet<usize> = (0..n).filter(|i| i % 97 == 42).collect();
    assert!(!stopping.is_empty());
    let mut previous: Vec<Value> = first.clone();
    let mut seen_edges: BTreeSet<(String, String)> = BTreeSet::new();
    let mut updates = 0;

    for step in 0..=120 {
        let now = START_MS + step * 5_000;
        let current = all_instances(&cloud, now);
        assert_eq!(current.len(), n, "the fleet size is stable");
        for (i, (before, after)) in previous.iter().zip(&current).enumerate() {
            assert_eq!(before["id"], after["id"]);
            let (from, to) = (str_of(before, "state"), str_of(after, "state"));
            if let Some(op) = after.get("operation_state") {
                let op = op.as_str().unwrap();
                assert!(
                    OPERATIONS
                        .iter()
                        .any(|o| OUTCOMES.iter().any(|r| op == format!("{o}-{r}"))),
                    "operation_state {op}"
                );
            }
            if stopping.contains(&i) {
                assert_eq!(to, "stopping", "instance {i} always reports stopping");
                continue;
            }
            assert_ne!(to, "stopping", "instance {i}");
            if before != after {
                updates += 1;
                assert!(
                    str_of(after, "updated_at") > str_of(before, "updated_at"),
                    "updated_at moves forward on a change: {before} -> {after}"
                );
                assert!(str_of(after, "updated_at") <= local_rfc3339(now).as_str());
            }
            if from != to {
                assert!(
                    DIAGRAM.contains(&(from, to)),
                    "instance {i}: {from} -> {to} is not in the diagram"
                );
                seen_edges.insert((from.to_string(), to.to_string()));
            }
            if to == "running" && from == "pending" {
                assert!(!str_of(after, "launched_at").is_empty(), "launched on running");
            }
            if to == "pending" {
                assert_eq!(str_of(after, "launched_at"), "", "pending: never launched");
            }
            if to == "error" {
                assert!(after["error"].is_object(), "an error instance has an error object");
            }
        }
        if step % 24 == 0 {
            status_agrees_with_list(&cloud, &current, now);
        }
        previous = current;
    }
    assert!(updates > 0);
    for edge in [
        ("pending", "running"),
        ("shutting-down", "terminated"),
        ("stopped", "shutting-down"),
        ("running", "stopped"),
        ("stopped", "running"),
        ("pending", "error"),
    ] {
        let edge = (edge.0.to_string(), edge.1.to_string());
        assert!(seen_edges.contains(&edge), "{edge:?} happens; saw {seen_edges:?}");
    }
    // After ten minutes everything has settled.
    let pending_left = previous.iter().filter(|i| i["state"] == "pending").count();
    let deleting_left = previous.iter().filter(|i| i["state"] == "shutting-down").count();
    assert_eq!((pending_left, deleting_left), (0, 0));
}

/// `now` as the API writes times (`2025-07-11T17:07:05+08:00`): such
/// strings share one offset, so they compare like the times they show.
fn local_rfc3339(now: i64) -> String {
    let secs = now.div_euclid(1000) + 8 * 3600;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+08:00",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn status_agrees_with_list(cloud: &Cloud, list: &[Value], now: i64) {
    for inst in list {
        let id = str_of(inst, "id");
        let (status, body) = get(cloud, &format!("{LIST}/{id}/status"), "", now);
        assert_eq!(status, 200);
        assert_eq!(body["state"], inst["state"]);
        assert_eq!(body.get("operation_state"), inst.get("operation_state"));
        assert_eq!(body.get("error"), inst.get("error"));
    }
}

#[test]
fn start_of_simulation_mix() {
    let cloud = cloud(1000, MarkerStyle::Bare);
    let all = all_instances(&cloud, START_MS);
    let count = |state: &str| all.iter().filter(|i| i["state"] == state).count();
    assert!((60..=140).contains(&count("pending")), "about 10% pending");
    for state in ["running", "stopped", "terminated", "error", "stopping"] {
        assert!(count(state) > 0, "{state}");
    }
    for inst in all.iter().filter(|i| i["state"] == "pending") {
        assert_eq!(inst["operation_state"], "install-processing");
    }
    // Creation order: ids sort like creation times (UUIDv7-like).
    let created: Vec<&str> = all
        .iter()
        .map(|i| str_of(i, "created_at"))
        .filter(|c| !c.is_empty())
        .collect();
    assert!(created.windows(2).all(|w| w[0] <= w[1]));
    assert!(all.iter().any(|i| i["created_at"] == ""), "some created_at are empty");
}

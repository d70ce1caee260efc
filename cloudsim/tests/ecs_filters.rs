//! Huawei Cloud ECS: every filter of the server list returns exactly its
//! servers.

mod common;
mod ecs_support;

use common::*;
use ecs_support::*;
use serde_json::Value;
use std::collections::BTreeSet;

/// The documented intermediate matching of `status`.
fn status_matches(wanted: &str, status: &str) -> bool {
    let also: &[&str] = match wanted {
        "ACTIVE" => &["REBOOT", "HARD_REBOOT", "REBUILD", "MIGRATING", "RESIZE"],
        "SHUTOFF" => &["RESIZE", "REBUILD"],
        "ERROR" => &["REBUILD"],
        "VERIFY_RESIZE" => &["REVERT_RESIZE"],
        _ => &[],
    };
    status == wanted || also.contains(&status)
}

/// `pattern` anywhere in `name`, `.` being any character but a line break.
fn fuzzy(name: &str, pattern: &str) -> bool {
    let (n, p): (Vec<char>, Vec<char>) = (name.chars().collect(), pattern.chars().collect());
    n.len() >= p.len()
        && (0..=n.len() - p.len()).any(|at| {
            p.iter()
                .zip(&n[at..])
                .all(|(p, c)| if *p == '.' { !matches!(c, '\n' | '\r') } else { p == c })
        })
}

fn fixed_ip(s: &Value) -> String {
    let entries = s["addresses"].as_object().unwrap().values().next().unwrap();
    entries[0]["addr"].as_str().unwrap().to_string()
}

fn has_tag(s: &Value, wanted: &str) -> bool {
    s["tags"].as_array().unwrap().iter().any(|t| {
        let t = t.as_str().unwrap();
        t == wanted || t.split_once('=').is_some_and(|(k, _)| k == wanted)
    })
}

/// Percent-encodes a query value.
fn enc(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn every_filter_returns_exactly_its_servers() {
    let cloud = ecs(400);
    // A moment when some server is rebooting (ACTIVE also matches REBOOT).
    let (now, full) = (1..=60)
        .map(|k| START_MS + k * 5_000)
        .map(|now| (now, all(&cloud, now)))
        .find(|(_, f)| f.iter().any(|s| s["status"] == "REBOOT"))
        .expect("a reboot within five minutes");
    let check = |query: &str, pred: &dyn Fn(&Value) -> bool| -> usize {
        let body = list(&cloud, &format!("limit=1000&{query}"), now);
        let want: Vec<String> = server_ids(&full.iter().filter(|s| pred(s)).cloned().collect::<Vec<_>>());
        let got = server_ids(servers(&body));
        let extra: Vec<&String> = got.iter().filter(|id| !want.contains(id)).collect();
        let missing: Vec<&String> = want.iter().filter(|id| !got.contains(id)).collect();
        assert!(
            got == want,
            "{query}: {} extra {extra:?}, {} missing {missing:?}",
            extra.len(),
            missing.len()
        );
        assert_eq!(body["count"].as_u64(), Some(want.len() as u64), "{query}");
        want.len()
    };
    let documented = [
        "ACTIVE",
        "BUILD",
        "ERROR",
        "HARD_REBOOT",
        "MIGRATING",
        "REBOOT",
        "REBUILD",
        "RESIZE",
        "REVERT_RESIZE",
        "SHUTOFF",
        "VERIFY_RESIZE",
        "DELETED",
        "SHELVED",
        "SHELVED_OFFLOADED",
        "UNKNOWN",
        "SUSPENDED",
        "PAUSED",
        "SOFT_DELETED",
    ];
    for wanted in documented {
        check(&format!("status={wanted}"), &|s| {
            status_matches(wanted, s["status"].as_str().unwrap())
        });
    }
    let active = check("status=ACTIVE", &|s| s["status"] == "ACTIVE" || s["status"] == "REBOOT");
    assert!(
        active > full.iter().filter(|s| s["status"] == "ACTIVE").count(),
        "REBOOT is ACTIVE too"
    );
    for pattern in [
        "web",
        "ecs-.b-",
        "ecs-d",
        ".",
        "02\n(",
        "02.(",
        "<b>x</b>",
        "ECS",
        "e*s",
        "-0.$",
        "very-long",
    ] {
        let n = check(&format!("name={}", enc(pattern)), &|s| {
            fuzzy(s["name"].as_str().unwrap(), pattern)
        });
        match pattern {
            "02.(" | "ECS" | "e*s" => assert_eq!(n, 0, "{pattern}"),
            "web" | "ecs-.b-" | "." | "02\n(" | "<b>x</b>" | "very-long" => assert!(n > 0, "{pattern}"),
            _ => {}
        }
    }
    let flavors: BTreeSet<String> = full
        .iter()
        .map(|s| s["flavor"]["id"].as_str().unwrap().into())
        .collect();
    assert!(flavors.len() >= 6, "{flavors:?}");
    for flavor in flavors.iter().map(String::as_str).chain(["c6", "C6.LARGE.2"]) {
        check(&format!("flavor={flavor}"), &|s| s["flavor"]["id"] == flavor);
    }
    let some_ip = fixed_ip(&full[10]);
    for part in ["192.168.1.", ".10.", "172.16", &some_ip] {
        assert!(
            check(&format!("ip={part}"), &|s| fixed_ip(s).contains(part)) > 0,
            "{part}"
        );
    }
    assert!(check(&format!("ip_eq={some_ip}"), &|s| fixed_ip(s) == some_ip) >= 1);
    check("ip_eq=192.168.1", &|s| fixed_ip(s) == "192.168.1");
    let eip = full
        .iter()
        .find_map(|s| s["addresses"].as_object().unwrap().values().next().unwrap()[1]["addr"].as_str())
        .unwrap();
    assert_eq!(
        check(&format!("ip_eq={eip}"), &|_| false),
        0,
        "EIPs are not private addresses"
    );
    for tag in ["env=prod", "env", "team=web", "backup", "owner=ops", "prod", "env=nope"] {
        let n = check(&format!("tags={}", enc(tag)), &|s| has_tag(s, tag));
        assert_eq!(n == 0, ["prod", "env=nope"].contains(&tag), "{tag}: {n}");
        check(&format!("not-tags={}", enc(tag)), &|s| !has_tag(s, tag));
    }
    check("tags=env=staging&status=SHUTOFF&name=ecs", &|s| {
        has_tag(s, "env=staging") && s["status"] == "SHUTOFF" && fuzzy(s["name"].as_str().unwrap(), "ecs")
    });
    check("tags=env&not-tags=env%3Dprod&flavor=s6.large.2", &|s| {
        has_tag(s, "env") && !has_tag(s, "env=prod") && s["flavor"]["id"] == "s6.large.2"
    });
    for project in ["0", "all_granted_eps"] {
        assert_eq!(check(&format!("enterprise_project_id={project}"), &|_| true), 400);
    }
    assert_eq!(check("enterprise_project_id=other", &|_| false), 0);
    let reservation = full[3]["OS-EXT-SRV-ATTR:reservation_id"].as_str().unwrap();
    check(&format!("reservation_id={reservation}"), &|s| {
        s["OS-EXT-SRV-ATTR:reservation_id"] == reservation
    });
    check("status=&name=&limit=1000", &|_| true);
}

//! Huawei Cloud ECS `GET /v1/{project_id}/cloudservers/detail`: the vendor
//! example's shape, marker and page-number paging, `server_id`. Filters are
//! in `ecs_filters.rs`; errors, faults, hostile and huge data in `ecs_faults.rs`.

mod common;
mod ecs_support;

use std::collections::BTreeSet;

use common::shapes::*;
use ecs_support::NOW;
use ecs_support::*;
use serde_json::Value;

/// A server with its one network renamed to the example's and its
/// metadata left out (a free-form map): comparable with the example.
fn comparable(server: &Value, network: &str) -> Value {
    let mut s = server.clone();
    let nets = s["addresses"].as_object().unwrap().clone();
    assert_eq!(nets.len(), 1, "one VPC: {server}");
    let (_, entries) = nets.into_iter().next().unwrap();
    s["addresses"] = serde_json::json!({ network: entries });
    s.as_object_mut().unwrap().remove("metadata");
    s
}

fn is_utc_z(t: &str) -> bool {
    t.len() == 20 && t.ends_with('Z') && t.as_bytes()[10] == b'T'
}

/// `2018-08-13T13:46:46.000000`, or "".
fn is_usg_time(t: &str) -> bool {
    t.is_empty() || (t.len() == 26 && &t[19..20] == "." && t[20..].bytes().all(|b| b.is_ascii_digit()))
}

/// The vendor's mapping of vm_state + task_state to status, as far as the
/// fleet uses it, with power states.
fn legal_combo(status: &str, vm: &str, task: Option<&str>, power: u64) -> bool {
    match (status, vm, task, power) {
        ("BUILD", "building", Some(t), 0) => {
            ["scheduling", "networking", "block_device_mapping", "spawning"].contains(&t)
        }
        ("ACTIVE", "active", None | Some("powering-off" | "deleting"), 1) => true,
        ("SHUTOFF", "stopped", None | Some("powering-on" | "deleting"), 4) => true,
        ("REBOOT", "active", Some("rebooting"), 1) => true,
        ("ERROR", "error", None, 0) | ("DELETED", "deleted", None, 0) => true,
        ("SHELVED", "shelved", None, 4) | ("VERIFY_RESIZE", "resized", None, 1) => true,
        ("SUSPENDED", "suspended", None, 7) => true,
        _ => false,
    }
}

/// The relations within one server.
fn check_server(s: &Value) {
    let text = |k: &str| s[k].as_str().unwrap_or_else(|| panic!("{k} is a string: {s}"));
    let status = text("status");
    let power = s["OS-EXT-STS:power_state"].as_u64().unwrap();
    let task = s["OS-EXT-STS:task_state"].as_str();
    assert!(
        legal_combo(status, text("OS-EXT-STS:vm_state"), task, power),
        "{status} {task:?} {power}"
    );
    assert_eq!(s["fault"].is_object(), status == "ERROR", "{s}");
    if status == "ERROR" {
        assert_eq!(s["fault"]["created"], s["updated"]);
        assert!(s["fault"]["code"].is_u64());
    }
    assert!(is_utc_z(text("created")) && is_utc_z(text("updated")), "{s}");
    assert!(text("created") <= text("updated"));
    let (launched, terminated) = (text("OS-SRV-USG:launched_at"), text("OS-SRV-USG:terminated_at"));
    assert!(
        is_usg_time(launched) && is_usg_time(terminated),
        "{launched} {terminated}"
    );
    assert_eq!(status == "BUILD", launched.is_empty() && status != "ERROR", "{s}");
    assert_eq!(status == "DELETED", !terminated.is_empty(), "{s}");
    let flavor = &s["flavor"];
    for k in ["vcpus", "ram", "disk"] {
        assert!(flavor[k].as_str().unwrap().parse::<u64>().is_ok(), "{flavor}");
    }
    assert_eq!(flavor["id"], flavor["name"]);
    let (vpc, entries) = s["addresses"].as_object().unwrap().iter().next().unwrap();
    let entries = entries.as_array().unwrap();
    assert!((1..=2).contains(&entries.len()));
    assert_eq!(entries[0]["OS-EXT-IPS:type"], "fixed");
    for a in entries {
        assert_eq!(a["version"], "4");
        assert!(a["OS-EXT-IPS-MAC:mac_addr"].as_str().unwrap().starts_with("fa:16:3e:"));
        assert!(["fixed", "floating"].contains(&a["OS-EXT-IPS:type"].as_str().unwrap()));
    }
    let metadata = s["metadata"].as_object().unwrap();
    assert!(metadata.values().all(Value::is_string), "{s}");
    assert_eq!(metadata["vpc_id"], vpc.as_str());
    assert_eq!(metadata["metering.image_id"], s["image"]["id"]);
    for key in ["charging_mode", "os_type", "image_name", "os_bit"] {
        assert!(metadata.contains_key(key), "{key}");
    }
    let volumes = s["os-extended-volumes:volumes_attached"].as_array().unwrap();
    assert_eq!(volumes[0]["bootIndex"], "0");
    for v in volumes {
        assert!(["true", "false"].contains(&v["delete_on_termination"].as_str().unwrap()));
    }
    assert!(s["tags"].as_array().unwrap().iter().all(Value::is_string));
    assert_eq!(
        (text("tenant_id"), text("enterprise_project_id")),
        ("demo-project", "0")
    );
    assert!(text("OS-EXT-AZ:availability_zone").starts_with("cn-north-4"));
    assert_eq!((text("host_status"), text("accessIPv4")), ("UP", ""));
    assert!(s["locked"].is_boolean() && s["progress"].is_u64());
    assert!(s.get("key_name").is_none_or(Value::is_string));
}

#[test]
fn matches_the_vendor_example() {
    let example: Value = serde_json::from_str(EXAMPLE).unwrap();
    let ex_server = &example["servers"][0];
    let network = ex_server["addresses"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    let ex = comparable(ex_server, &network);
    let cloud = ecs(400);
    let body = list(&cloud, "limit=1000", NOW);
    assert_eq!(body.as_object().unwrap().len(), 2, "count and servers only");
    assert_eq!(body["count"], 400);
    let documented = [
        "servers[].key_name",
        "servers[].progress",
        "servers[].OS-SRV-USG:terminated_at",
        "servers[].fault.code",
        "servers[].fault.created",
        "servers[].fault.message",
        "servers[].fault.details",
    ];
    let mut normalized = body.clone();
    for s in normalized["servers"].as_array_mut().unwrap() {
        let metadata = s["metadata"].clone();
        *s = comparable(s, &network);
        s["metadata"] = metadata;
    }
    let mut ex_page = example.clone();
    ex_page["servers"][0]["addresses"] = ex["addresses"].clone();
    only_known_keys(Some(&ex_page), &normalized, "", &documented, &["servers[].metadata"]);
    let mut statuses = BTreeSet::new();
    for s in servers(&body) {
        has_example_keys(&ex, &comparable(s, &network), "server");
        check_server(s);
        statuses.insert(s["status"].as_str().unwrap().to_string());
    }
    for status in [
        "BUILD",
        "ACTIVE",
        "SHUTOFF",
        "ERROR",
        "SHELVED",
        "VERIFY_RESIZE",
        "SUSPENDED",
    ] {
        assert!(statuses.contains(status), "{status} in {statuses:?}");
    }
    let count = |pred: &dyn Fn(&Value) -> bool| servers(&body).iter().filter(|s| pred(s)).count();
    assert!(count(&|s| s["locked"] == true) > 0);
    assert!(count(&|s| s.get("key_name").is_none()) > 0 && count(&|s| s["key_name"] == "") > 0);
    assert!(count(&|s| s["addresses"].as_object().unwrap().values().next().unwrap()[1].is_object()) > 0);
    assert!(count(&|s| s["os-extended-volumes:volumes_attached"].as_array().unwrap().len() > 1) > 0);
    assert!(count(&|s| s["tags"].as_array().unwrap().contains(&Value::from("env=prod"))) > 0);
    // The first page shows the awkward names; the others are ecs-{role}-NN.
    let first = list(&cloud, "", NOW);
    let names: Vec<&str> = servers(&first).iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 25, "the default limit");
    assert!(names.iter().any(|n| n.contains('\n')));
    assert!(names.iter().any(|n| n.contains("<b>x</b>")));
    assert!(names.iter().any(|n| n.len() == 200));
    assert!(
        names.iter().all(|n| n.starts_with("ecs-") || n.starts_with("<b>")),
        "{names:?}"
    );
}

#[test]
fn marker_and_offset_paging() {
    let cloud = ecs(250);
    let everything = list(&cloud, "limit=1000", NOW);
    let reference = server_ids(servers(&everything));
    assert_eq!(reference.len(), 250);
    let created: Vec<&str> = servers(&everything)
        .iter()
        .map(|s| s["created"].as_str().unwrap())
        .collect();
    assert!(reference.windows(2).all(|w| w[0] < w[1]), "ids sort like creation");
    assert!(created.windows(2).all(|w| w[0] <= w[1]), "creation order");
    assert_eq!(
        servers(&list(&cloud, "", NOW))[..],
        servers(&everything)[..25],
        "the default limit is 25"
    );
    for limit in [1, 7, 25, 100, 249, 250, 1000] {
        let mut pages: Vec<Vec<String>> = Vec::new();
        let mut query = format!("limit={limit}");
        loop {
            let body = list(&cloud, &query, NOW);
            assert_eq!(body["count"], 250, "count is the total, not the page's");
            let ids = server_ids(servers(&body));
            let seen: usize = pages.iter().map(Vec::len).sum();
            assert_eq!(ids.len(), limit.min(250 - seen), "limit {limit}");
            pages.push(ids);
            if seen + pages.last().unwrap().len() >= 250 {
                break;
            }
            query = format!("limit={limit}&marker={}", pages.last().unwrap().last().unwrap());
        }
        assert_eq!(pages.concat(), reference, "limit {limit}: every server once, in order");
        let past = list(&cloud, &format!("limit={limit}&marker={}", reference[249]), NOW);
        assert_eq!((servers(&past).len(), &past["count"]), (0, &Value::from(250)));
        if [7, 25, 100].contains(&limit) {
            for (n, page) in pages.iter().enumerate() {
                let by_offset = list(&cloud, &format!("limit={limit}&offset={}", n + 1), NOW);
                assert_eq!(&server_ids(servers(&by_offset)), page, "limit {limit} page {}", n + 1);
            }
            let beyond = list(&cloud, &format!("limit={limit}&offset={}", pages.len() + 1), NOW);
            assert!(servers(&beyond).is_empty());
            let zero = list(&cloud, &format!("limit={limit}&offset=0"), NOW);
            assert_eq!(&server_ids(servers(&zero)), &pages[0], "offset 0 is page 1");
            // A marker wins over offset.
            let both = list(
                &cloud,
                &format!("limit={limit}&offset=3&marker={}", pages[0][limit - 1]),
                NOW,
            );
            assert_eq!(&server_ids(servers(&both)), &pages[1]);
        }
    }
    // Filtered paging by marker covers the filtered list.
    let shutoff: Vec<String> = server_ids(servers(&list(&cloud, "limit=1000&status=SHUTOFF", NOW)));
    assert!(shutoff.len() > 7);
    let mut walked = Vec::new();
    let mut query = "limit=7&status=SHUTOFF".to_string();
    while walked.len() < shutoff.len() {
        let body = list(&cloud, &query, NOW);
        assert_eq!(body["count"].as_u64(), Some(shutoff.len() as u64));
        walked.extend(server_ids(servers(&body)));
        query = format!("limit=7&status=SHUTOFF&marker={}", walked.last().unwrap());
    }
    assert_eq!(walked, shutoff);
    // A marker that is not a SHUTOFF server still places the page.
    let active = servers(&list(&cloud, "limit=1&status=ACTIVE", NOW))[0]["id"].clone();
    let after = list(
        &cloud,
        &format!("limit=1000&status=SHUTOFF&marker={}", active.as_str().unwrap()),
        NOW,
    );
    let expected: Vec<&String> = shutoff
        .iter()
        .filter(|id| id.as_str() > active.as_str().unwrap())
        .collect();
    assert_eq!(server_ids(servers(&after)).iter().collect::<Vec<_>>(), expected);
}

#[test]
fn server_id_lists_the_servers_asked_for() {
    let cloud = ecs(120);
    let full = all(&cloud, NOW);
    let id = |k: usize| full[k]["id"].as_str().unwrap();
    let body = list(&cloud, &format!("server_id={}", id(5)), NOW);
    assert_eq!((&body["count"], &servers(&body)[..]), (&Value::from(1), &full[5..6]));
    let unknown = "11111111-2222-4333-8444-555555555555";
    let body = list(&cloud, &format!("server_id={unknown}"), NOW);
    assert_eq!(body["count"], 1);
    let stub = servers(&body)[0].as_object().unwrap();
    let keys = |o: &serde_json::Map<String, Value>| o.keys().cloned().collect::<BTreeSet<_>>();
    assert_eq!(
        keys(stub),
        keys(full[0].as_object().unwrap()),
        "a stub has every member"
    );
    for (k, v) in stub {
        assert_eq!(v.is_null(), k != "id", "{k}: {v}");
    }
    assert_eq!(stub["id"], unknown);
    // Comma lists and repeated parameters, in the order asked, each once;
    // every other parameter is ignored.
    let query = format!(
        "server_id={},{unknown}&status=ERROR&name=zzz&limit=1&marker=nope&offset=9&server_id={}&server_id={}",
        id(7),
        id(2),
        id(7)
    );
    let body = list(&cloud, &query, NOW);
    assert_eq!(body["count"], 3);
    let got = server_ids(servers(&body));
    assert_eq!(got, [id(7), unknown, id(2)]);
    assert_eq!(servers(&body)[0], full[7]);
    assert_eq!(servers(&body)[2], full[2]);
    assert!(servers(&body)[1]["status"].is_null());
}

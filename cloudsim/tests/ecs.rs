//! Huawei Cloud ECS `GET /v1/{project_id}/cloudservers/detail`: the vendor
//! example's shape, marker and page-number paging, every filter, `server_id`,
//! errors and authentication, hostile and huge data.

mod common;

use std::collections::BTreeSet;

use cloudsim::{path_template, Cloud, Config, Faults, MarkerStyle};
use common::shapes::*;
use common::*;
use serde_json::Value;

const LIST: &str = "/v1/demo-project/cloudservers/detail";
const NOW: i64 = START_MS + 30_000;
const EXAMPLE: &str = include_str!("../../tests/fixtures/ecs_list_example.json");
const CORPUS: &str = include_str!("../../tests/fixtures/xss_payloads.txt");

fn ecs(instances: usize) -> Cloud {
    cloud(instances, MarkerStyle::Bare)
}

fn list(cloud: &Cloud, query: &str, now: i64) -> Value {
    let (status, body) = get(cloud, LIST, query, now);
    assert_eq!(status, 200, "{query}: {body}");
    body
}

fn servers(body: &Value) -> &Vec<Value> {
    body["servers"].as_array().expect("servers")
}

fn server_ids(items: &[Value]) -> Vec<String> {
    items.iter().map(|s| s["id"].as_str().unwrap().to_string()).collect()
}

/// Every server, by marker (pages of 1000) until `count` is reached.
fn all(cloud: &Cloud, now: i64) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let mut query = "limit=1000".to_string();
    loop {
        let body = list(cloud, &query, now);
        let page = servers(&body);
        out.extend(page.iter().cloned());
        let count = body["count"].as_u64().unwrap() as usize;
        if page.is_empty() || out.len() >= count {
            return out;
        }
        query = format!("limit=1000&marker={}", out.last().unwrap()["id"].as_str().unwrap());
    }
}

/// `{"error": {"code", "message"}}` with `code`; the message.
fn nested_error(body: &Value, code: &str) -> String {
    assert_eq!(body.as_object().unwrap().len(), 1, "{body}");
    let err = body["error"].as_object().unwrap_or_else(|| panic!("{body}"));
    assert_eq!(err.len(), 2, "{body}");
    assert_eq!(err["code"], code, "{body}");
    err["message"].as_str().unwrap().to_string()
}

/// The gateway's `{"error_msg", "error_code", "request_id"}` with `code`.
fn gateway_error(body: &Value, code: &str) -> String {
    assert_eq!(body.as_object().unwrap().len(), 3, "{body}");
    assert_eq!(body["error_code"], code, "{body}");
    assert!(is_hex32(body["request_id"].as_str().unwrap()), "{body}");
    body["error_msg"].as_str().unwrap().to_string()
}

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

#[test]
fn errors_and_checks_in_order() {
    let cloud = ecs(50);
    let (status, body) = send(&cloud, &request_with("GET", LIST, "", &[]), NOW);
    assert_eq!(status, 401);
    let msg = gateway_error(&body, "APIGW.0301");
    assert_eq!(msg, "Incorrect IAM authentication information: decrypt token fail");
    let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 3);
    let (status, _) = send(&cloud, &request_with("GET", LIST, "", &[("X-Auth-Token", "nope")]), NOW);
    assert_eq!(status, 401);
    let (status, body) = get(&cloud, "/v1/other-project/cloudservers/detail", "", NOW);
    assert_eq!(status, 400);
    let msg = nested_error(&body, "Ecs.0023");
    assert_eq!(msg, "project_id in token mismatches with project_id in url.");
    for (query, param) in [
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("limit=abc", "limit"),
        ("limit=-5", "limit"),
        ("offset=-1", "offset"),
        ("offset=x", "offset"),
        ("status=running", "status"),
        ("status=FOO", "status"),
        ("marker=nope", "marker"),
        ("marker=0190b684-1876-7153-84d3-08ce0a7fb357", "marker"),
    ] {
        let (status, body) = get(&cloud, LIST, query, NOW);
        assert_eq!(status, 400, "{query}");
        let msg = nested_error(&body, "Ecs.0005");
        assert!(
            msg.starts_with("Invalid parameter values") && msg.contains(param),
            "{query}: {msg}"
        );
    }
    let forced = |status: u16, headers: &[(&str, &str)]| {
        let fault = format!("status={status}");
        let mut headers = headers.to_vec();
        headers.push(("X-Cloudsim-Fault", &fault));
        let resp = cloud.handle(&request_with("GET", LIST, "", &headers), NOW);
        let body: Value = serde_json::from_str(&resp.body).unwrap();
        (resp, body)
    };
    let token = [("X-Auth-Token", TOKEN)];
    for (status, code, nested) in [
        (400, "Ecs.0005", true),
        (401, "APIGW.0301", false),
        (403, "Ecs.0003", true),
        (404, "Ecs.0114", true),
        (429, "APIGW.0308", false),
        (500, "Common.0001", true),
        (503, "CLOUDSIM.0001", true),
    ] {
        // The forced status comes before the token check.
        for headers in [&token[..], &[]] {
            let (resp, body) = forced(status, headers);
            assert_eq!(resp.status, status);
            if nested {
                nested_error(&body, code);
            } else {
                gateway_error(&body, code);
            }
            assert_eq!(header(&resp, "Retry-After").is_some(), status == 429, "{status}");
        }
    }
    assert_eq!(header(&forced(429, &token).0, "Retry-After"), Some("2"));
    assert!(nested_error(&forced(400, &token).1, "Ecs.0005").contains("X-Cloudsim-Fault"));
    // The method first, then the fault, the token, the project, the query.
    let resp = cloud.handle(
        &request_with("POST", LIST, "limit=0", &[("X-Cloudsim-Fault", "status=500")]),
        NOW,
    );
    assert_eq!(resp.status, 405);
    assert!(header(&resp, "Allow").unwrap().contains("GET"));
    gateway_error(&serde_json::from_str(&resp.body).unwrap(), "APIGW.0405");
    let wrong_project = "/v1/other/cloudservers/detail";
    let (status, body) = send(&cloud, &request_with("GET", wrong_project, "limit=0", &[]), NOW);
    assert_eq!(status, 401, "{body}");
    let (status, body) = get(&cloud, wrong_project, "limit=0", NOW);
    assert_eq!((status, nested_error(&body, "Ecs.0023").is_empty()), (400, false));
    assert_eq!(path_template(LIST), "/v1/{project_id}/cloudservers/detail");
    assert_eq!(
        path_template(&format!("{LIST}?limit=5")),
        "/v1/{project_id}/cloudservers/detail"
    );
    let failing = Cloud::new(Config {
        instances: 10,
        faults: Faults {
            error_rates: vec![(500, 1.0)],
            ..Faults::default()
        },
        ..Config::default()
    });
    let (resp, injected) = failing.handle_with_faults(&get_req(LIST, ""), NOW);
    assert_eq!((resp.status, injected.kind), (500, Some("status-500")));
}

#[test]
fn marker_cycle_repeats_the_first_page() {
    let cloud = ecs(100);
    let first = server_ids(servers(&list(&cloud, "limit=10", NOW)));
    let req = |marker: &str| {
        request_with(
            "GET",
            LIST,
            &format!("limit=10&marker={marker}"),
            &[("X-Auth-Token", TOKEN), ("X-Cloudsim-Fault", "cycle")],
        )
    };
    let (second, _) = cloud.handle_with_faults(&req(&first[9]), NOW);
    let second: Value = serde_json::from_str(&second.body).unwrap();
    let (third, injected) = cloud.handle_with_faults(&req(servers(&second)[9]["id"].as_str().unwrap()), NOW);
    let third: Value = serde_json::from_str(&third.body).unwrap();
    assert_eq!(server_ids(servers(&third)), first);
    assert_eq!(injected.kind, Some("marker-cycle"));
}

fn payloads() -> Vec<&'static str> {
    CORPUS.split('\n').filter(|l| !l.is_empty()).collect()
}

/// Every string in `v`: values and object keys.
fn strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                strings(v, out);
            }
        }
        _ => {}
    }
}

/// What hostile data must leave alone in one server.
fn kept(s: &Value) -> Value {
    let mut keep = serde_json::Map::new();
    for key in [
        "id",
        "status",
        "OS-EXT-STS:task_state",
        "OS-EXT-STS:power_state",
        "OS-EXT-STS:vm_state",
        "created",
        "updated",
        "OS-SRV-USG:launched_at",
        "OS-SRV-USG:terminated_at",
        "tenant_id",
        "user_id",
        "hostId",
        "enterprise_project_id",
        "OS-EXT-SRV-ATTR:reservation_id",
        "progress",
        "locked",
    ] {
        keep.insert(key.into(), s[key].clone());
    }
    let inner =
        |list: &str, field: &str| -> Value { s[list].as_array().unwrap().iter().map(|i| i[field].clone()).collect() };
    keep.insert("image".into(), s["image"]["id"].clone());
    keep.insert("flavor".into(), s["flavor"]["id"].clone());
    keep.insert("groups".into(), inner("security_groups", "id"));
    keep.insert("volumes".into(), inner("os-extended-volumes:volumes_attached", "id"));
    let addresses: Vec<Value> = s["addresses"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|e| e.as_array().unwrap().iter())
        .map(|a| serde_json::json!([a["OS-EXT-IPS:type"], a["OS-EXT-IPS:port_id"]]))
        .collect();
    keep.insert("addresses".into(), addresses.into());
    keep.insert(
        "fault".into(),
        serde_json::json!([s["fault"]["code"], s["fault"]["created"]]),
    );
    Value::Object(keep)
}

#[test]
fn hostile_data_keeps_ids_states_and_dates() {
    let hostile = Cloud::new(Config {
        instances: 300,
        faults: Faults {
            hostile: true,
            ..Faults::default()
        },
        ..Config::default()
    });
    let plain = ecs(300);
    let corpus = payloads();
    for query in ["", "limit=50&status=ERROR", "limit=40&offset=7"] {
        let (h, p) = (list(&hostile, query, NOW), list(&plain, query, NOW));
        assert_eq!(h["count"], p["count"]);
        let (hs, ps) = (servers(&h), servers(&p));
        assert_eq!(hs.len(), ps.len());
        assert!(!hs.is_empty());
        for (hs, ps) in hs.iter().zip(ps) {
            assert_eq!(kept(hs), kept(ps), "{query}");
            assert!(corpus.contains(&hs["name"].as_str().unwrap()), "{}", hs["name"]);
            let tags = hs["tags"].as_array().unwrap();
            assert_eq!(tags.len(), 4);
            assert!(tags.iter().all(|t| corpus.contains(&t.as_str().unwrap())));
            let metadata = hs["metadata"].as_object().unwrap();
            assert_eq!(metadata.len(), 4);
            assert!(metadata
                .iter()
                .all(|(k, v)| corpus.contains(&k.as_str()) && corpus.contains(&v.as_str().unwrap())));
        }
    }
    let first = list(&hostile, "", NOW);
    let mut seen = BTreeSet::new();
    strings(&first, &mut seen);
    let missing: Vec<_> = corpus.iter().filter(|p| !seen.contains(**p)).collect();
    assert!(
        missing.is_empty(),
        "{} payloads missing from the first page",
        missing.len()
    );
    let directed = send(
        &plain,
        &request_with(
            "GET",
            LIST,
            "",
            &[("X-Auth-Token", TOKEN), ("X-Cloudsim-Fault", "hostile")],
        ),
        NOW,
    );
    assert_eq!(directed, (200, first.clone()), "the directive is the same");
    // Paging by the last id still works.
    let last = servers(&first)[24]["id"].as_str().unwrap();
    let next = list(&hostile, &format!("marker={last}"), NOW);
    assert_eq!(
        server_ids(servers(&next)),
        server_ids(servers(&list(&plain, &format!("marker={last}"), NOW)))
    );
}

#[test]
fn huge_pages_have_a_huge_name_and_ten_thousand_tags() {
    let cloud = ecs(100);
    let huge = |query: &str| {
        let req = request_with(
            "GET",
            LIST,
            query,
            &[("X-Auth-Token", TOKEN), ("X-Cloudsim-Fault", "huge")],
        );
        let (resp, injected) = cloud.handle_with_faults(&req, NOW);
        assert_eq!((resp.status, injected.kind), (200, Some("huge")));
        serde_json::from_str::<Value>(&resp.body).unwrap()
    };
    let body = huge("");
    let plain = list(&cloud, "", NOW);
    assert_eq!(server_ids(servers(&body)), server_ids(servers(&plain)));
    assert_eq!(body["count"], plain["count"]);
    assert_eq!(servers(&body)[0]["name"].as_str().unwrap().len(), 100 * 1024);
    let tags = servers(&body)[1]["tags"].as_array().unwrap();
    assert_eq!(tags.len(), 10_000);
    assert!(tags.iter().all(Value::is_string));
    assert_eq!(servers(&body)[2]["tags"], servers(&plain)[2]["tags"]);
    let one = huge("limit=1");
    let only = &servers(&one)[0];
    assert_eq!(
        (
            only["name"].as_str().unwrap().len(),
            only["tags"].as_array().unwrap().len()
        ),
        (102_400, 10_000)
    );
    let empty = huge(&format!("marker={}", all(&cloud, NOW)[99]["id"].as_str().unwrap()));
    assert!(servers(&empty).is_empty());
}

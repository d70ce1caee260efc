//! ByCloud `GET /v1/instances`: the seed page's shapes, marker paging by
//! `links`, filters, errors and authentication.

mod common;

use cloudsim::{Cloud, MarkerStyle, Request};
use common::seeds;
use common::shapes::*;
use common::*;
use serde_json::Value;

const LIST: &str = "/v1/instances";
const NOW: i64 = START_MS + 30_000;
const HOST: &str = "cloudsim.test:8787";
const BASE: &str = "http://cloudsim.test:8787/v1/instances?";

fn bycloud(instances: usize) -> Cloud {
    cloud(instances, MarkerStyle::Bare)
}

/// A request with the bearer token and, when given, a `Host` header.
fn by_req(query: &str, host: Option<&str>) -> Request {
    let mut headers = vec![("Authorization", "Bearer demo-token")];
    if let Some(h) = host {
        headers.push(("Host", h));
    }
    request_with("GET", LIST, query, &headers)
}

fn list(cloud: &Cloud, query: &str, now: i64) -> Value {
    let (status, body) = send(cloud, &by_req(query, Some(HOST)), now);
    assert_eq!(status, 200, "{query}: {body}");
    body
}

/// Requests an absolute link exactly as written.
fn follow(cloud: &Cloud, url: &str, now: i64) -> Value {
    let rest = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} starts with {BASE}"));
    list(cloud, rest, now)
}

fn items(body: &Value) -> &Vec<Value> {
    body["instances"].as_array().expect("instances")
}

fn page_ids(body: &Value) -> Vec<String> {
    items(body)
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// Every instance (pages of 1000).
fn all(cloud: &Cloud, now: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut body = list(cloud, "limit=1000", now);
    loop {
        out.extend(items(&body).iter().cloned());
        match body["links"]["next"].as_str() {
            Some(next) => body = follow(cloud, next, now),
            None => return out,
        }
    }
}

/// `example` with the keys listed in `nullable` set to null where `actual`
/// has null there (the page documents those as null at times).
fn nulled(example: &Value, actual: &Value, nullable: &[&str]) -> Value {
    let mut ex = example.clone();
    for key in nullable {
        if actual[key].is_null() {
            ex[key] = Value::Null;
        }
    }
    ex
}

/// Extra keys the page's prose documents beyond its example.
const DOCUMENTED: [&str; 5] = [
    "instances[].addresses.storage-network",
    "instances[].addresses.storage-network[].addr",
    "instances[].addresses.storage-network[].version",
    "instances[].addresses.storage-network[].type",
    "instances[].addresses.storage-network[].mac_addr",
];
const MAPS: [&str; 1] = ["instances[].metadata"];
const INSTANCE_NULLABLE: [&str; 4] = ["task_state", "fault", "launched_at", "terminated_at"];

/// The relations between one instance's fields.
fn check_instance(inst: &Value) {
    let id = inst["id"].as_str().unwrap();
    assert_eq!(inst["crn"], format!("crn:spo1:compute:instance:{id}"));
    let status = inst["status"].as_str().unwrap();
    let combo = (
        status,
        inst["power_state"].as_str().unwrap(),
        inst["task_state"].as_str(),
        inst["vm_state"].as_str().unwrap(),
    );
    let legal = match combo {
        ("BUILD", "NOSTATE", Some(t), "BUILDING") => ["networking", "block_device_mapping", "spawning"].contains(&t),
        ("ACTIVE", "RUNNING", None | Some("powering-off"), "ACTIVE") => true,
        ("SHUTOFF", "SHUTDOWN", None | Some("powering-on"), "STOPPED") => true,
        ("ERROR", "NOSTATE", None, "ERROR") | ("DELETED", "NOSTATE", None, "DELETED") => true,
        ("MIGRATING", "RUNNING", Some("migrating"), "ACTIVE") => true,
        _ => false,
    };
    assert!(legal, "{combo:?}");
    assert_eq!(inst["fault"].is_object(), status == "ERROR", "{inst}");
    assert_eq!(inst["terminated_at"].is_string(), status == "DELETED", "{inst}");
    if status == "BUILD" {
        assert!(inst["launched_at"].is_null());
    }
    if status == "ACTIVE" || status == "SHUTOFF" {
        assert!(inst["launched_at"].is_string());
    }
    let name = inst["name"].as_str().unwrap();
    assert!(["web-", "db-", "batch-"].iter().any(|p| name.starts_with(p)), "{name}");
    assert!(inst["addresses"]["private-network"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
    let times = ["created_at", "updated_at"];
    assert!(times
        .iter()
        .all(|k| inst[k].as_str().is_some_and(|t| t.len() == 20 && t.ends_with('Z'))));
}

#[test]
fn matches_the_seed_example() {
    let examples = seeds::examples(seeds::BYCLOUD);
    assert_eq!(examples.len(), 1);
    let ex: Value = serde_json::from_str(examples[0]).unwrap();
    let cloud = bycloud(400);
    let everything = all(&cloud, NOW);
    assert_eq!(everything.len(), 400);
    let ex_instance = &ex["instances"][0];
    for inst in &everything {
        has_example_keys(&nulled(ex_instance, inst, &INSTANCE_NULLABLE), inst, "instance");
        check_instance(inst);
    }
    for status in ["BUILD", "ACTIVE", "ERROR", "SHUTOFF", "DELETED", "MIGRATING"] {
        assert!(everything.iter().any(|i| i["status"] == status), "{status}");
    }
    // Pages: first, middle and last (meta.marker, links.next/previous null).
    let first = list(&cloud, "limit=150", NOW);
    let middle = follow(&cloud, first["links"]["next"].as_str().unwrap(), NOW);
    let last = follow(&cloud, middle["links"]["next"].as_str().unwrap(), NOW);
    for body in [&first, &middle, &last] {
        let mut page_ex = ex.clone();
        page_ex["instances"] = Value::Array(vec![]);
        for (obj, key) in [("meta", "marker"), ("links", "next"), ("links", "previous")] {
            if body[obj][key].is_null() {
                page_ex[obj][key] = Value::Null;
            }
        }
        has_example_keys(&page_ex, body, "");
        only_known_keys(Some(&ex), body, "", &DOCUMENTED, &MAPS);
    }
    assert!(first["links"]["previous"].is_null() && last["links"]["next"].is_null());
    assert!(last["meta"]["marker"].is_null() && middle["links"]["previous"].is_string());

    // Errors: {"error": {code, message, details, request_id}}.
    let cases = [
        (
            request_with("GET", LIST, "", &[]),
            401,
            "Authentication required or token invalid",
        ),
        (
            request_with("GET", LIST, "", &[("X-Cloudsim-Fault", "status=500")]),
            500,
            "Internal server error",
        ),
    ];
    for (req, code, message) in cases {
        let (status, body) = send(&cloud, &req, NOW);
        assert_eq!(status, code);
        assert_eq!(body.as_object().unwrap().len(), 1, "{body}");
        let err = &body["error"];
        assert_eq!(
            (err["code"].as_u64(), err["message"].as_str()),
            (Some(u64::from(code)), Some(message))
        );
        assert!(err["details"].as_str().is_some_and(|d| !d.is_empty()));
        assert!(is_hex32(err["request_id"].as_str().unwrap()));
        assert_eq!(err.as_object().unwrap().len(), 4, "{err}");
    }
}

/// Walks forward by `links.next` and back by `links.previous`.
fn walk(cloud: &Cloud, limit: usize, filter: &str, expected: &[String]) {
    let query = format!("limit={limit}{filter}");
    let mut body = list(cloud, &query, NOW);
    assert_eq!(body["links"]["self"], format!("{BASE}{query}"));
    let mut pages: Vec<Vec<String>> = Vec::new();
    loop {
        let ids = page_ids(&body);
        let meta = &body["meta"];
        assert_eq!(meta["total"].as_u64().unwrap() as usize, expected.len(), "{query}");
        assert_eq!(meta["limit"].as_u64(), Some(limit as u64));
        let next = body["links"]["next"].as_str().map(String::from);
        assert_eq!(meta["has_more"].as_bool(), Some(next.is_some()));
        if let Some(next) = &next {
            assert_eq!(ids.len(), limit, "only the last page is short");
            assert_eq!(marker_of(next), *ids.last().unwrap(), "the marker is the last id");
            assert_eq!(meta["marker"].as_str(), ids.last().map(String::as_str));
            assert!(next.starts_with(&format!("{BASE}limit={limit}&marker=")), "{next}");
            assert!(next.ends_with(filter), "{next} keeps {filter}");
        } else {
            assert!(meta["marker"].is_null());
        }
        pages.push(ids);
        match next {
            Some(next) => body = follow(cloud, &next, NOW),
            None => break,
        }
        assert!(pages.len() <= expected.len() + 1, "paging ends");
    }
    let seen: Vec<String> = pages.concat();
    assert_eq!(seen, expected, "limit {limit}{filter}: every instance once, in order");
    assert_eq!(pages.len(), expected.len().div_ceil(limit).max(1));

    // Backward from the last page.
    let mut k = pages.len() - 1;
    while let Some(previous) = body["links"]["previous"].as_str().map(String::from) {
        assert_eq!(previous.contains("marker="), k >= 2, "{previous}");
        body = follow(cloud, &previous, NOW);
        k -= 1;
        assert_eq!(page_ids(&body), pages[k], "previous leads to page {k}");
    }
    assert_eq!(k, 0, "previous is null only on the first page");
}

#[test]
fn links_walk_every_instance_once_both_ways() {
    let cloud = bycloud(600);
    let everything = all(&cloud, NOW);
    let ids_where = |keep: &dyn Fn(&Value) -> bool| -> Vec<String> {
        everything
            .iter()
            .filter(|i| keep(i))
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    let mut sorted = ids_where(&|_| true);
    sorted.sort();
    assert_eq!(sorted, ids_where(&|_| true), "sorted by id");
    let has_tags = |i: &Value, tags: &[&str]| {
        tags.iter()
            .all(|t| i["tags"].as_array().unwrap().contains(&(*t).into()))
    };
    let flavor = everything[3]["flavor"]["id"].as_str().unwrap().to_string();
    let image = everything[5]["image"]["id"].as_str().unwrap().to_string();
    let name = everything[7]["name"].as_str().unwrap().to_string();
    let filters: Vec<(String, Vec<String>)> = vec![
        (String::new(), ids_where(&|_| true)),
        (
            "&name=web-%2A".into(),
            ids_where(&|i| i["name"].as_str().unwrap().starts_with("web-")),
        ),
        (format!("&name={name}"), ids_where(&|i| i["name"] == name.as_str())),
        ("&status=ACTIVE".into(), ids_where(&|i| i["status"] == "ACTIVE")),
        (
            "&tags=web%2Cproduction".into(),
            ids_where(&|i| has_tags(i, &["web", "production"])),
        ),
        ("&tags=db".into(), ids_where(&|i| has_tags(i, &["db"]))),
        (
            format!("&flavor_id={flavor}"),
            ids_where(&|i| i["flavor"]["id"] == flavor.as_str()),
        ),
        (
            format!("&image_id={image}"),
            ids_where(&|i| i["image"]["id"] == image.as_str()),
        ),
        ("&name=web-%2A&status=ACTIVE&tags=frontend".into(), {
            ids_where(&|i| {
                i["name"].as_str().unwrap().starts_with("web-") && has_tags(i, &["frontend"]) && i["status"] == "ACTIVE"
            })
        }),
    ];
    for (filter, expected) in &filters {
        assert!(!expected.is_empty(), "{filter}");
        for limit in [5, 20, 1000] {
            walk(&cloud, limit, filter, expected);
        }
    }
    // Nothing matches: one empty page.
    let body = list(&cloud, "name=nobody&tags=web", NOW);
    assert_eq!((items(&body).len(), body["meta"]["total"].as_u64()), (0, Some(0)));
    assert!(body["links"]["next"].is_null() && body["links"]["previous"].is_null());
}

#[test]
fn limits_markers_and_links() {
    let cloud = bycloud(300);
    let count = |query: &str| {
        let body = list(&cloud, query, NOW);
        (items(&body).len(), body["meta"]["limit"].as_u64().unwrap())
    };
    assert_eq!(count(""), (20, 20), "default limit");
    assert_eq!(count("limit=0"), (1, 1));
    assert_eq!(count("limit=-5"), (1, 1));
    assert_eq!(count("limit=7"), (7, 7));
    assert_eq!(count("limit=5000"), (300, 1000));
    assert_eq!(count("limit=abc"), (20, 20), "a non-integer means the default");
    assert_eq!(count("limit=1.5"), (20, 20));

    let everything = all(&cloud, NOW);
    let id = |k: usize| everything[k]["id"].as_str().unwrap().to_string();
    // Any marker works: the page starts after it.
    let body = list(&cloud, &format!("limit=3&marker={}0", id(9)), NOW);
    assert_eq!(page_ids(&body), [id(10), id(11), id(12)]);
    assert_eq!(body["links"]["previous"], format!("{BASE}limit=3&marker={}", id(6)));
    let body = list(&cloud, &format!("limit=20&marker={}", id(9)), NOW);
    assert_eq!(
        body["links"]["previous"],
        format!("{BASE}limit=20"),
        "fewer than a page before"
    );
    let body = list(&cloud, "marker=zzzz", NOW);
    assert_eq!(
        (items(&body).len(), body["meta"]["has_more"].as_bool()),
        (0, Some(false))
    );
    assert_eq!(body["meta"]["total"], 300);

    // Links: the Host header's origin, or the vendor's when there is none.
    let (_, body) = send(&cloud, &by_req("limit=2&name=web-*&tags=web,production", None), NOW);
    let next = body["links"]["next"].as_str().unwrap();
    let prefix = "https://api.spo1.mycloud.com/v1/instances?limit=2&marker=";
    assert!(next.starts_with(prefix), "{next}");
    assert!(next.ends_with("&name=web-%2A&tags=web%2Cproduction"), "{next}");
    assert_eq!(
        body["links"]["self"],
        "https://api.spo1.mycloud.com/v1/instances?limit=2&name=web-%2A&tags=web%2Cproduction"
    );
    let (_, body) = send(&cloud, &by_req("", Some("localhost:9")), NOW);
    assert_eq!(body["links"]["self"], "http://localhost:9/v1/instances?limit=20");
}

#[test]
fn authentication_and_faults() {
    let cloud = bycloud(30);
    for auth in ["Bearer demo-token", "bearer demo-token", "BEARER   demo-token"] {
        let (status, _) = send(&cloud, &request_with("GET", LIST, "", &[("authorization", auth)]), NOW);
        assert_eq!(status, 200, "{auth}");
    }
    for headers in [
        vec![],
        vec![("Authorization", "")],
        vec![("Authorization", "Bearer")],
        vec![("Authorization", "Bearer wrong")],
        vec![("Authorization", "Basic demo-token")],
        vec![("Authorization", "demo-token")],
        vec![("X-Auth-Token", "demo-token")],
    ] {
        let (status, body) = send(&cloud, &request_with("GET", LIST, "", &headers), NOW);
        assert_eq!((status, &body["error"]["code"]), (401, &401.into()), "{headers:?}");
    }
    for (code, message) in [
        (401, "Authentication required or token invalid"),
        (429, "Too many requests"),
        (500, "Internal server error"),
    ] {
        let fault = format!("status={code}");
        let resp = cloud.handle(&request_with("GET", LIST, "", &[("X-Cloudsim-Fault", &fault)]), NOW);
        assert_eq!(resp.status, code);
        let body: Value = serde_json::from_str(&resp.body).unwrap();
        assert_eq!(
            (body["error"]["code"].as_u64(), body["error"]["message"].as_str()),
            (Some(code.into()), Some(message))
        );
        assert_eq!(header(&resp, "retry-after"), (code == 429).then_some("2"));
    }
    let resp = cloud.handle(
        &request_with("DELETE", LIST, "", &[("Authorization", "Bearer demo-token")]),
        NOW,
    );
    assert_eq!(resp.status, 405);
    assert!(serde_json::from_str::<Value>(&resp.body).unwrap()["error"]["code"] == 405);
}

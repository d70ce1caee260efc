//! Huawei Cloud ECS: errors and authentication in the documented order,
//! looping markers, hostile and huge data.

mod common;
mod ecs_support;

use std::collections::BTreeSet;

use cloudsim::{path_template, Cloud, Config, Faults};
use common::*;
use ecs_support::*;
use ecs_support::{LIST, NOW};
use serde_json::Value;

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

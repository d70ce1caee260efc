//! ImageSearch `GET /v1/{project_id}/service/{instance_name}`: the seed
//! page's shapes, the names list, errors and evolution.

mod common;

use std::collections::BTreeSet;

use cloudsim::{imagesearch_names, Cloud, Config, MarkerStyle};
use common::seeds;
use common::shapes::*;
use common::*;
use serde_json::{json, Value};

const SERVICE: &str = "/v1/demo-project/service";
const NOW: i64 = START_MS + 30_000;
const STATUSES: [&str; 7] = [
    "NORMAL",
    "ARREARAGE",
    "CREATION",
    "CREATION_FAILD",
    "DELETING",
    "DELETING_FAILED",
    "ABNORMAL",
];

/// Percent-encodes everything but the URL-unreserved characters.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn details(cloud: &Cloud, name: &str, now: i64) -> (u16, Value) {
    get(cloud, &format!("{SERVICE}/{}", encode(name)), "", now)
}

/// Every instance's details, in name order.
fn everything(cloud: &Cloud, now: i64) -> Vec<Value> {
    imagesearch_names(cloud.config())
        .iter()
        .map(|name| {
            let (status, body) = details(cloud, name, now);
            assert_eq!(status, 200, "{name}: {body}");
            assert_eq!(body["instanceName"], name.as_str());
            body
        })
        .collect()
}

#[test]
fn matches_the_seed_examples() {
    let ex: Vec<Value> = seeds::examples(seeds::IMAGESEARCH)
        .into_iter()
        .map(|e| serde_json::from_str(e).unwrap())
        .collect();
    assert_eq!(ex.len(), 2, "200 and 400");
    let cloud = cloud(300, MarkerStyle::Bare);
    let all = everything(&cloud, NOW);
    for body in &all {
        has_example_keys(&ex[0], body, "");
        only_known_keys(Some(&ex[0]), body, "", &[], &[]);
        assert!(STATUSES.contains(&body["status"].as_str().unwrap()), "{body}");
        let register = body["registerDate"].as_i64().unwrap();
        let expired = body["expiredDate"].as_i64().unwrap();
        assert!(register > 1_600_000_000_000 && register < NOW, "{body}");
        assert!(expired == -1 || expired > register, "{body}");
        assert!(body["level"].as_i64().unwrap() > 0);
        assert!(body["tags"].as_array().unwrap().iter().all(Value::is_string));
    }
    let never = all.iter().filter(|b| b["expiredDate"] == -1).count();
    assert!((10..=30).contains(&never), "about a third never expire: {never}");
    assert!(
        all.iter().filter(|b| b["level"] == 30_000_000).count() > 30,
        "mostly the default level"
    );
    assert!(all.iter().any(|b| b["level"] != 30_000_000));

    // The documented 400, verbatim.
    let (status, body) = send(
        &cloud,
        &request_with("GET", &format!("{SERVICE}/imagesearch-00"), "", &[]),
        NOW,
    );
    assert_eq!((status, &body), (400, &ex[1]));
}

#[test]
fn the_names_list() {
    let names = imagesearch_names(&Config::default());
    assert_eq!(names.len(), 60, "min(instances, 60)");
    assert_eq!(names[0], "imagesearch-00");
    assert_eq!(names[59], "imagesearch-59");
    assert_eq!(names[3], "imagesearch-03 copy");
    assert_eq!(names[5], "imagesearch-05-图片搜索");
    assert_eq!(names[7], "imagesearch-07-<b>markup</b>");
    assert_eq!(names.iter().collect::<BTreeSet<_>>().len(), 60, "unique");
    for (i, name) in names.iter().enumerate() {
        assert!(name.starts_with(&format!("imagesearch-{i:02}")), "{name}");
    }
    let few = Config {
        instances: 5,
        ..Config::default()
    };
    assert_eq!(imagesearch_names(&few).len(), 5);
    let none = Config {
        instances: 0,
        ..Config::default()
    };
    assert!(imagesearch_names(&none).is_empty());

    let small = Cloud::new(few);
    assert_eq!(details(&small, "imagesearch-04", NOW).0, 200);
    let (status, body) = details(&small, "imagesearch-05", NOW);
    assert_eq!(
        (status, &body["error_code"]),
        (400, &json!("IS.0010")),
        "not in a fleet of 5"
    );

    // Names are percent-decoded; `+` is not a space; a raw `/` splits the path.
    let cloud = cloud(60, MarkerStyle::Bare);
    assert_eq!(get(&cloud, &format!("{SERVICE}/imagesearch-03 copy"), "", NOW).0, 200);
    let (status, body) = get(&cloud, &format!("{SERVICE}/imagesearch-03+copy"), "", NOW);
    assert_eq!((status, &body["error_code"]), (400, &json!("IS.0010")));
    let (status, body) = get(&cloud, &format!("{SERVICE}/imagesearch-07-<b>markup</b>"), "", NOW);
    assert_eq!((status, &body["error_code"]), (404, &json!("APIGW.0101")));
}

#[test]
fn errors_and_authentication() {
    let cloud = cloud(60, MarkerStyle::Bare);
    let path = format!("{SERVICE}/imagesearch-00");
    let bad_token = json!({"error_code": "IS.0004", "error_msg": "The authentication token is abnormal."});
    for headers in [
        vec![],
        vec![("X-Auth-Token", "nope")],
        vec![("Authorization", "Bearer demo-token")],
    ] {
        let (status, body) = send(&cloud, &request_with("GET", &path, "", &headers), NOW);
        assert_eq!((status, &body), (400, &bad_token), "{headers:?}");
    }
    let (status, body) = get(&cloud, "/v1/other/service/imagesearch-00", "", NOW);
    assert_eq!(
        (status, body),
        (400, json!({"error_code": "IS.0002", "error_msg": "Invalid project id"}))
    );
    let (status, body) = get(&cloud, &format!("{SERVICE}/imagesearch-60"), "", NOW);
    assert_eq!(
        (status, body),
        (
            400,
            json!({"error_code": "IS.0010", "error_msg": "The instance does not exist."})
        )
    );
    // The token is checked before the project.
    let req = request_with("GET", "/v1/other/service/x", "", &[]);
    assert_eq!(send(&cloud, &req, NOW).1, bad_token);

    for (code, error_code) in [
        (400, "IS.0004"),
        (429, "APIG.0308"),
        (500, "IS.0500"),
        (503, "CLOUDSIM.0001"),
    ] {
        let fault = format!("status={code}");
        let resp = cloud.handle(&request_with("GET", &path, "", &[("X-Cloudsim-Fault", &fault)]), NOW);
        assert_eq!(resp.status, code);
        let body: Value = serde_json::from_str(&resp.body).unwrap();
        assert_error(&body, error_code);
        assert_eq!(header(&resp, "retry-after"), (code == 429).then_some("2"));
    }
    let resp = cloud.handle(
        &request_with("GET", &path, "", &[("X-Cloudsim-Fault", "status=500")]),
        NOW,
    );
    assert_eq!(
        resp.body,
        r#"{"error_code":"IS.0500","error_msg":"Internal server error"}"#
    );
    let resp = cloud.handle(&request_with("PUT", &path, "", &[("X-Auth-Token", TOKEN)]), NOW);
    assert_eq!(resp.status, 405);
}

#[test]
fn evolves_legally_and_deterministically() {
    let cloud = cloud(300, MarkerStyle::Bare);
    let twin = common::cloud(300, MarkerStyle::QueryAddress);
    let mut previous = everything(&cloud, START_MS);
    let count = |all: &[Value], status: &str| all.iter().filter(|b| b["status"] == status).count();
    assert_eq!(count(&previous, "CREATION"), 9, "15% of 60");
    for status in ["DELETING", "ARREARAGE", "ABNORMAL"] {
        assert_eq!(count(&previous, status), 3, "{status}");
    }
    for body in previous.iter().filter(|b| b["status"] == "ARREARAGE") {
        let expired = body["expiredDate"].as_i64().unwrap();
        assert!(expired != -1 && expired < START_MS, "arrears: expired {body}");
    }
    let edges = [
        ("CREATION", "NORMAL"),
        ("CREATION", "CREATION_FAILD"),
        ("DELETING", "DELETING_FAILED"),
    ];
    let mut seen = BTreeSet::new();
    for step in 1..=30 {
        let now = START_MS + step * 5_000;
        let current = everything(&cloud, now);
        assert_eq!(current, everything(&twin, now), "deterministic");
        for (before, after) in previous.iter().zip(&current) {
            let (from, to) = (before["status"].as_str().unwrap(), after["status"].as_str().unwrap());
            if from != to {
                assert!(edges.contains(&(from, to)), "{from} -> {to}");
                seen.insert((from.to_string(), to.to_string()));
            }
            let mut unchanged = after.clone();
            unchanged["status"] = before["status"].clone();
            assert_eq!(&unchanged, before, "only the status changes");
        }
        previous = current;
    }
    for (from, to) in [("CREATION", "NORMAL"), ("DELETING", "DELETING_FAILED")] {
        assert!(seen.contains(&(from.into(), to.into())), "{from} -> {to}; saw {seen:?}");
    }
    assert_eq!((count(&previous, "CREATION"), count(&previous, "DELETING")), (0, 0));

    let other = Cloud::new(Config {
        seed: 2,
        ..Config::default()
    });
    assert_ne!(everything(&other, NOW), everything(&cloud, NOW));
}

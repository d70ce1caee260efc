//! IAM's tokens at the X-Auth-Token services until they expire, and IAM's method and
//! faults.

mod common;
mod iam_support;

use cloudsim::{served, Cloud, Config, Faults, Request};
use common::*;
use iam_support::*;
use serde_json::{json, Value};

#[test]
fn only_post_and_the_faults() {
    let cloud = iam_cloud();
    for method in ["GET", "PUT", "DELETE"] {
        let resp = cloud.handle(&request_with(method, TOKENS, "", &[]), START_MS);
        let b: Value = serde_json::from_str(&resp.body).unwrap();
        let msg = format!("Method {method} is not allowed for this API; use POST");
        assert_iam_error(&resp, &b, 405, &msg, "Method Not Allowed");
        assert_eq!(header(&resp, "Allow"), Some("POST, OPTIONS"));
    }
    let good = request_body("acme", "alice", "s3cret!", by_name()).to_string();
    let mut forced = post(&good);
    forced.headers.push(("X-Cloudsim-Fault".into(), "status=429".into()));
    let resp = cloud.handle(&forced, START_MS);
    let b: Value = serde_json::from_str(&resp.body).unwrap();
    assert_iam_error(
        &resp,
        &b,
        429,
        "The throttling threshold has been reached.",
        "Too Many Requests",
    );
    assert_eq!(header(&resp, "Retry-After"), Some("2"));
    let failing = Cloud::new(Config {
        users: users(),
        faults: Faults {
            error_rates: vec![(503, 1.0)],
            ..Faults::default()
        },
        ..Config::default()
    });
    let (resp, injected) = failing.handle_with_faults(&post(&good), START_MS);
    assert_eq!((resp.status, injected.kind), (503, Some("status-503")));
    let iam = served().into_iter().find(|s| s.name == "IAM").expect("IAM is served");
    assert_eq!((iam.method, iam.apis), ("POST", &[TOKENS][..]));
}

/// Each X-Auth-Token service's list (or look-up), and its answer to a bad
/// token: the status and a JSON pointer with its value.
fn services() -> [(&'static str, u16, &'static str, &'static str); 4] {
    [
        (LIST, 401, "/error_code", "APIGW.0301"),
        ("/v2/demo-project/instances", 401, "/error_code", "ROMA.00012000"),
        ("/v1/demo-project/service/imagesearch-00", 400, "/error_code", "IS.0004"),
        ("/v1/demo-project/cloudservers/detail", 401, "/error_code", "APIGW.0301"),
    ]
}

fn with_token(path: &str, token: &str) -> Request {
    request_with("GET", path, "", &[("X-Auth-Token", token)])
}

#[test]
fn issued_tokens_work_everywhere_until_they_expire() {
    let cloud = iam_cloud();
    let alice = token(&cloud, &request_body("acme", "alice", "s3cret!", by_name()), START_MS);
    let brief = token(&cloud, &request_body("acme", "brief", "pw", by_name()), START_MS);
    // Another clone, or a cloud built again from the same settings, takes them too.
    let again = iam_cloud();
    for (path, status, pointer, code) in services() {
        for c in [&cloud, &again] {
            let (s, b) = send(c, &with_token(path, &alice), START_MS + 23 * HOUR);
            assert_eq!(s, 200, "{path}: {b}");
        }
        assert_eq!(
            send(&cloud, &with_token(path, &brief), START_MS + 59_999).0,
            200,
            "{path}"
        );
        assert_eq!(
            send(&cloud, &with_token(path, TOKEN), START_MS).0,
            200,
            "the configured token still works"
        );
        let refused = [
            (alice.clone(), START_MS + 24 * HOUR),
            (brief.clone(), START_MS + 60_000),
            (alice.replacen("MIIsim", "MIIsiM", 1), START_MS),
            (format!("{alice}x"), START_MS),
            (alice[..alice.len() - 1].to_string(), START_MS),
        ];
        for (token, now) in refused {
            let (s, b) = send(&cloud, &with_token(path, &token), now);
            assert_eq!((s, b.pointer(pointer)), (status, Some(&json!(code))), "{path}: {b}");
        }
    }
    // Tokens are bound to the seed and the project.
    for other in [
        Config {
            seed: 9,
            ..Config::default()
        },
        Config {
            project_id: "p2".into(),
            ..Config::default()
        },
    ] {
        let project = other.project_id.clone();
        let other = Cloud::new(other);
        let path = format!("/v1/{project}/instances");
        assert_eq!(send(&other, &with_token(&path, &alice), START_MS).0, 401, "{project}");
    }
    // ByCloud takes its Bearer token only.
    let bearer = format!("Bearer {alice}");
    let req = request_with("GET", "/v1/instances", "", &[("Authorization", bearer.as_str())]);
    assert_eq!(send(&cloud, &req, START_MS).0, 401);
}

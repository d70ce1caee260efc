//! Authentication, routing and the documented error statuses.

mod common;

use cloudsim::{MarkerStyle, Request};
use common::*;
use serde_json::json;

fn request(method: &str, path: &str, headers: &[(&str, &str)]) -> Request {
    Request {
        method: method.into(),
        path: path.into(),
        query: String::new(),
        headers: headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
        body: String::new(),
    }
}

fn first_id(cloud: &cloudsim::Cloud) -> String {
    let (_, body) = get(cloud, LIST, "", START_MS);
    ids(&body)[0].clone()
}

#[test]
fn authentication() {
    let cloud = cloud(50, MarkerStyle::Bare);
    let id = first_id(&cloud);
    let status_path = format!("{LIST}/{id}/status");
    let unauthorized = json!({
        "error_code": "APIGW.0301",
        "error_msg": "Incorrect IAM authentication information: decrypt token fail"
    });
    for path in [LIST, status_path.as_str()] {
        for headers in [
            vec![],
            vec![("X-Auth-Token", "wrong")],
            vec![("X-Auth-Token", "")],
            vec![("Authorization", "Bearer demo-token")],
        ] {
            let (status, body) = send(&cloud, &request("GET", path, &headers), START_MS);
            assert_eq!((status, &body), (401, &unauthorized), "{path} {headers:?}");
        }
        // Header names are case-insensitive.
        let (status, _) = send(&cloud, &request("GET", path, &[("x-auth-token", TOKEN)]), START_MS);
        assert_eq!(status, 200);
    }
    // Auth is checked before the project.
    let (status, _) = send(&cloud, &request("GET", "/v1/other/instances", &[]), START_MS);
    assert_eq!(status, 401);
}

#[test]
fn project_ids_and_unknown_things() {
    let cloud = cloud(50, MarkerStyle::Bare);
    let (status, body) = get(&cloud, "/v1/other-project/instances", "", START_MS);
    assert_eq!(status, 400);
    let msg = assert_error(&body, "iMetal.0002");
    assert!(msg.starts_with("Invalid request parameter: project_id"), "{msg}");

    let missing = "0195f996-79c5-7d34-a98e-3a96f7926d96";
    let (status, body) = get(&cloud, &format!("{LIST}/{missing}/status"), "", START_MS);
    assert_eq!(status, 404);
    assert_eq!(
        body,
        json!({"error_code": "iMetal.0004", "error_msg": format!("Instance {missing} not found")})
    );

    let no_api = json!({
        "error_code": "APIGW.0101",
        "error_msg": "The API does not exist or has not been published in the environment"
    });
    let id = first_id(&cloud);
    for path in [
        "/",
        "/v3/demo-project/instances",
        "/v1/demo-project/instancesX",
        "/v1//instances",
        "/v1/demo-project/instances/abc",
        "/v1/demo-project/instances//status",
        &format!("{LIST}/{id}/status/extra"),
    ] {
        let (status, body) = get(&cloud, path, "", START_MS);
        assert_eq!((status, &body), (404, &no_api), "{path}");
    }
    // A trailing slash and a query left on the path are tolerated.
    assert_eq!(get(&cloud, &format!("{LIST}/"), "", START_MS).0, 200);
    let (_, body) = get(&cloud, &format!("{LIST}?limit=12"), "", START_MS);
    assert_eq!(body["page_info"]["current_count"], 12);

    for method in ["POST", "DELETE", "PUT", "OPTIONS"] {
        let req = request(method, LIST, &[("X-Auth-Token", TOKEN)]);
        let resp = cloud.handle(&req, START_MS);
        assert_eq!(resp.status, 405, "{method}");
        let body: serde_json::Value = serde_json::from_str(&resp.body).unwrap();
        assert!(body["error_code"].is_string());
    }
}

#[test]
fn forced_faults() {
    let cloud = cloud(50, MarkerStyle::Bare);
    let id = first_id(&cloud);
    let status_path = format!("{LIST}/{id}/status");
    let expected = [
        (LIST, 400, Some("iMetal.0001")),
        (LIST, 401, Some("APIGW.0301")),
        (LIST, 429, None),
        (LIST, 500, Some("iMetal.0500")),
        (status_path.as_str(), 401, Some("APIGW.0301")),
        (status_path.as_str(), 404, Some("iMetal.0004")),
        (status_path.as_str(), 429, None),
        (status_path.as_str(), 500, Some("iMetal.0500")),
    ];
    for (path, code, error_code) in expected {
        // No token: the fault applies before authentication.
        let fault = format!("status={code}");
        let req = request("GET", path, &[("X-Cloudsim-Fault", &fault)]);
        let resp = cloud.handle(&req, START_MS);
        assert_eq!(resp.status, code, "{path} {fault}");
        assert_eq!(header(&resp, "content-type"), Some("application/json"));
        let body: serde_json::Value = serde_json::from_str(&resp.body).unwrap();
        match error_code {
            Some(c) => {
                assert_error(&body, c);
            }
            None => {
                assert_eq!(body, json!("APIG.0308: The throttling threshold has been reached"));
                assert_eq!(header(&resp, "retry-after"), Some("2"));
            }
        }
    }
    let (status, body) = send(
        &cloud,
        &request("GET", LIST, &[("x-cloudsim-fault", "status=500")]),
        START_MS,
    );
    assert_eq!(status, 500);
    assert_eq!(
        body,
        json!({"error_code": "iMetal.0500", "error_msg": "Internal server error"})
    );
    // Unknown paths stay 404 whatever the fault header says.
    let req = request("GET", "/nope", &[("X-Cloudsim-Fault", "status=500")]);
    assert_eq!(cloud.handle(&req, START_MS).status, 404);
    // A malformed fault header is ignored.
    let req = request(
        "GET",
        LIST,
        &[("X-Cloudsim-Fault", "status=abc"), ("X-Auth-Token", TOKEN)],
    );
    assert_eq!(cloud.handle(&req, START_MS).status, 200);
}

//! Dispatch through the registry: a request for each service's API reaches
//! that service (its own body shapes, its own checks and error bodies, its
//! statistics template), and a path no service claims answers the gateway's
//! 404 `APIGW.0101` with no faults.

mod common;

use cloudsim::{path_template, Cloud, Config, Faults, Injected, MarkerStyle};
use common::*;
use serde_json::Value;

/// Every request answers 500 unless it is not routed at all.
fn failing() -> Cloud {
    Cloud::new(Config {
        instances: 30,
        faults: Faults {
            error_rates: vec![(500, 1.0)],
            ..Faults::default()
        },
        ..Config::default()
    })
}

/// One API as a test sees it.
struct Api {
    path: String,
    auth: (&'static str, &'static str),
    template: &'static str,
    /// A member only this service's 200 body has.
    member: &'static str,
    /// Without credentials: the status, and the service's own error code or
    /// message (a JSON pointer and its value).
    unauthorized: (u16, &'static str, &'static str),
}

/// Every API of every service, for a fleet of 30 instances.
fn apis() -> Vec<Api> {
    let (_, list) = get(&cloud(30, MarkerStyle::Bare), LIST, "", START_MS);
    let id = ids(&list)[0].clone();
    let token = ("X-Auth-Token", TOKEN);
    vec![
        Api {
            path: LIST.to_string(),
            auth: token,
            template: "/v1/{project_id}/instances",
            member: "page_info",
            unauthorized: (401, "/error_code", "APIGW.0301"),
        },
        Api {
            path: format!("{LIST}/{id}/status"),
            auth: token,
            template: "/v1/{project_id}/instances/{id}/status",
            member: "state",
            unauthorized: (401, "/error_code", "APIGW.0301"),
        },
        Api {
            path: "/v2/demo-project/instances".to_string(),
            auth: token,
            template: "/v2/{project_id}/instances",
            member: "size",
            unauthorized: (401, "/error_code", "ROMA.00012000"),
        },
        Api {
            path: "/v1/instances".to_string(),
            auth: ("Authorization", "Bearer demo-token"),
            template: "/v1/instances",
            member: "links",
            unauthorized: (401, "/error/message", "Authentication required or token invalid"),
        },
        Api {
            path: "/v1/demo-project/service/imagesearch-00".to_string(),
            auth: token,
            template: "/v1/{project_id}/service/{instance_name}",
            member: "instanceName",
            unauthorized: (400, "/error_code", "IS.0004"),
        },
    ]
}

#[test]
fn each_service_answers_its_own_apis() {
    let cloud = cloud(30, MarkerStyle::Bare);
    for api in apis() {
        let path = api.path.as_str();
        assert_eq!(path_template(path), api.template, "{path}");
        assert_eq!(path_template(&format!("{path}?limit=10")), api.template, "{path}");
        let (status, body) = send(&cloud, &request_with("GET", path, "", &[api.auth]), START_MS);
        assert_eq!(status, 200, "{path}: {body}");
        assert!(body.get(api.member).is_some(), "{path}: {} in {body}", api.member);
        // Without credentials each service answers with its own check and body.
        let (status, body) = send(&cloud, &request_with("GET", path, "", &[]), START_MS);
        let (want_status, pointer, want) = api.unauthorized;
        assert_eq!(
            (status, body.pointer(pointer)),
            (want_status, Some(&Value::from(want))),
            "{path}: {body}"
        );
    }
}

#[test]
fn each_service_meets_the_faults() {
    let cloud = failing();
    for api in apis() {
        let req = request_with("GET", &api.path, "", &[api.auth]);
        let (resp, injected) = cloud.handle_with_faults(&req, START_MS);
        assert_eq!(resp.status, 500, "{}: {}", api.template, resp.body);
        assert_eq!(injected.kind, Some("status-500"), "{}", api.template);
    }
}

#[test]
fn unknown_paths_answer_the_gateways_404_without_faults() {
    let cloud = failing();
    for path in [
        "/",
        "",
        "/v1",
        "/v1/demo-project",
        "/v1//instances",
        "/v3/demo-project/instances",
        "/v1/demo-project/instances/x/y",
        "/v1/demo-project/service/a/b",
        "/v1/instancesX",
        "/__cloudsim/stats",
    ] {
        let req = request_with(
            "GET",
            path,
            "",
            &[
                ("X-Auth-Token", TOKEN),
                ("X-Cloudsim-Fault", "status=503; latency=50; disconnect"),
            ],
        );
        let (resp, injected) = cloud.handle_with_faults(&req, START_MS);
        assert_eq!(injected, Injected::default(), "{path}");
        assert_eq!(resp.status, 404, "{path}");
        let body: Value = serde_json::from_str(&resp.body).unwrap();
        assert_error(&body, "APIGW.0101");
        assert_eq!(path_template(path), "other", "{path}");
    }
}

#[test]
fn every_service_says_its_method_and_credential() {
    let served = cloudsim::served();
    let names: Vec<&str> = served.iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        ["CloudDC", "ROMA Connect", "ByCloud", "ImageSearch", "ECS", "IAM"]
    );
    for service in &served {
        let (method, credential) = match service.name {
            "IAM" => ("POST", "password [+ virtual MFA code] in the body"),
            "ByCloud" => ("GET", "Authorization: Bearer"),
            _ => ("GET", "X-Auth-Token or AK/SK signature"),
        };
        assert_eq!(
            (service.method, service.credential),
            (method, credential),
            "{}",
            service.name
        );
    }
    assert_eq!(path_template("/v3/auth/tokens?nocatalog=true"), "/v3/auth/tokens");
    assert!(cloudsim::api_templates().contains(&"/v3/auth/tokens"));
    // IAM meets the faults too, with its own body.
    let req = common::request_with_body("POST", "/v3/auth/tokens", "", &[], "{}");
    let (resp, injected) = failing().handle_with_faults(&req, START_MS);
    assert_eq!((resp.status, injected.kind), (500, Some("status-500")));
    let body: Value = serde_json::from_str(&resp.body).unwrap();
    assert_eq!(body["error"]["code"], 500, "{body}");
}

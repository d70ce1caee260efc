//! The `cloudsim` binary over real HTTP.
#![cfg(feature = "server")]

mod common;

use std::process::Command;

use common::server::{Reply, Server};

fn start(args: &[&str]) -> Server {
    common::server::start(env!("CARGO_BIN_EXE_cloudsim"), args)
}

fn call(port: u16, method: &str, target: &str, headers: &[(&str, &str)]) -> Reply {
    common::server::call_with_body(port, method, target, headers, b"")
}

fn assert_cors(reply: &Reply) {
    assert_eq!(reply.header("Access-Control-Allow-Origin"), Some("*"));
    let allowed = reply.header("Access-Control-Allow-Headers").unwrap();
    for h in ["X-Auth-Token", "Authorization", "Content-Type", "X-Cloudsim-Fault"] {
        assert!(allowed.contains(h), "{allowed}");
    }
    assert_eq!(reply.header("Access-Control-Allow-Methods"), Some("GET, OPTIONS"));
    assert_eq!(
        reply.header("Access-Control-Expose-Headers"),
        Some("Retry-After, X-Subject-Token")
    );
}

#[test]
fn serves_http_with_cors() {
    let server = start(&["--port", "0", "--instances", "50", "--token", "t0k", "--seed", "3"]);
    let port = server.port;
    let list = "/v1/demo-project/instances";

    let reply = call(port, "GET", &format!("{list}?limit=20"), &[("X-Auth-Token", "t0k")]);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.header("Content-Type"), Some("application/json"));
    // Every answer ends its connection (a kept-alive proxy connection can starve tiny_http).
    assert_eq!(reply.header("Connection"), Some("close"));
    assert_cors(&reply);
    let body = reply.json();
    assert_eq!(body["count"], 50);
    assert_eq!(body["instances"].as_array().unwrap().len(), 20);
    let id = body["instances"][0]["id"].as_str().unwrap().to_string();

    let reply = call(port, "GET", &format!("{list}/{id}/status"), &[("x-auth-token", "t0k")]);
    assert_eq!(reply.status, 200);
    assert!(reply.json()["state"].is_string());

    let reply = call(port, "OPTIONS", list, &[("Access-Control-Request-Method", "GET")]);
    assert_eq!(reply.status, 204);
    assert_cors(&reply);

    let reply = call(port, "GET", list, &[]);
    assert_eq!(reply.status, 401);
    assert_cors(&reply);
    assert_eq!(reply.json()["error_code"], "APIGW.0301");

    let reply = call(port, "GET", list, &[("X-Cloudsim-Fault", "status=429")]);
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("Retry-After"), Some("2"));
    assert_eq!(reply.json(), "APIG.0308: The throttling threshold has been reached");

    let reply = call(port, "GET", "/%ff%00/../x?%%%", &[("X-Auth-Token", "t0k")]);
    assert_eq!(reply.status, 404);
    assert_eq!(reply.json()["error_code"], "APIGW.0101");
}

#[test]
fn help_and_bad_arguments() {
    let out = Command::new(env!("CARGO_BIN_EXE_cloudsim"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--marker-style"));
    // Every service of the registry, with its method and its credential.
    for service in cloudsim::served() {
        let api = format!(
            "{} {}",
            service.method,
            service.apis[0].replace("{project_id}", "{project}")
        );
        assert!(help.contains(&api), "{api} in {help}");
        assert!(
            help.contains(&format!("{} ({})", service.name, service.credential)),
            "{}",
            service.name
        );
    }
    let out = Command::new(env!("CARGO_BIN_EXE_cloudsim"))
        .args(["--instances", "many"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn serves_roma_bycloud_and_imagesearch() {
    let server = start(&["--port", "0", "--instances", "40", "--token", "t0k"]);
    let port = server.port;

    let reply = call(
        port,
        "GET",
        "/v2/demo-project/instances?limit=3",
        &[("X-Auth-Token", "t0k")],
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_cors(&reply);
    let body = reply.json();
    assert_eq!((body["total"].as_u64(), body["size"].as_u64()), (Some(40), Some(3)));

    let reply = call(
        port,
        "GET",
        "/v1/instances?limit=2&name=web-*",
        &[("Authorization", "Bearer t0k")],
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_cors(&reply);
    let body = reply.json();
    let links = &body["links"];
    assert_eq!(
        links["self"],
        format!("http://127.0.0.1:{port}/v1/instances?limit=2&name=web-%2A")
    );
    assert!(body["instances"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["name"].as_str().unwrap().starts_with("web-")));

    let reply = call(port, "GET", "/v1/instances", &[("Authorization", "Bearer wrong")]);
    assert_eq!(reply.status, 401);
    assert_cors(&reply);
    let error = &reply.json()["error"];
    assert_eq!(error["code"], 401);
    assert_eq!(error["message"], "Authentication required or token invalid");

    let reply = call(
        port,
        "GET",
        "/v1/demo-project/service/imagesearch-03%20copy",
        &[("X-Auth-Token", "t0k")],
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_cors(&reply);
    assert_eq!(reply.json()["instanceName"], "imagesearch-03 copy");
}

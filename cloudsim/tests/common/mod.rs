//! Helpers shared by the integration tests. Responses are read as
//! `serde_json::Value`; no wire types are shared with anything.
#![allow(dead_code)]

pub mod seeds;
pub mod server;
pub mod shapes;

use cloudsim::{Cloud, Config, MarkerStyle, Request, Response};
use serde_json::Value;

pub const START_MS: i64 = 1_767_225_600_000;
pub const TOKEN: &str = "demo-token";
pub const LIST: &str = "/v1/demo-project/instances";

/// A cloud with `instances` instances and the default settings otherwise.
pub fn cloud(instances: usize, marker_style: MarkerStyle) -> Cloud {
    Cloud::new(Config {
        instances,
        marker_style,
        ..Config::default()
    })
}

/// A GET request with the right token.
pub fn get_req(path: &str, query: &str) -> Request {
    Request {
        method: "GET".into(),
        path: path.into(),
        query: query.into(),
        headers: vec![("X-Auth-Token".into(), TOKEN.into())],
        body: String::new(),
    }
}

/// A request with any method, path, query and headers.
pub fn request_with(method: &str, path: &str, query: &str, headers: &[(&str, &str)]) -> Request {
    Request {
        method: method.into(),
        path: path.into(),
        query: query.into(),
        headers: headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
        body: String::new(),
    }
}

/// A request with any method, path, query, headers and body.
pub fn request_with_body(method: &str, path: &str, query: &str, headers: &[(&str, &str)], body: &str) -> Request {
    Request {
        body: body.into(),
        ..request_with(method, path, query, headers)
    }
}

/// Whether `s` is 32 lowercase hex digits (a request id).
pub fn is_hex32(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The value of header `name` (case-insensitive).
pub fn header<'a>(resp: &'a Response, name: &str) -> Option<&'a str> {
    resp.header(name)
}

/// Sends `req` at `now_ms`; returns the status and the parsed body.
pub fn send(cloud: &Cloud, req: &Request, now_ms: i64) -> (u16, Value) {
    let resp = cloud.handle(req, now_ms);
    assert_eq!(
        header(&resp, "content-type"),
        Some("application/json"),
        "every response is JSON"
    );
    let body: Value =
        serde_json::from_str(&resp.body).unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", resp.body));
    (resp.status, body)
}

/// GET with the right token at `now_ms`.
pub fn get(cloud: &Cloud, path: &str, query: &str, now_ms: i64) -> (u16, Value) {
    send(cloud, &get_req(path, query), now_ms)
}

/// Asserts an error body `{"error_code": code, "error_msg": ...}` and
/// returns the message.
pub fn assert_error(body: &Value, code: &str) -> String {
    assert_eq!(body["error_code"], code, "{body}");
    let msg = body["error_msg"].as_str().expect("error_msg is a string");
    assert!(!msg.is_empty());
    assert_eq!(body.as_object().unwrap().len(), 2, "{body}");
    msg.to_string()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The marker inside a `next_marker` / `previous_marker`: either the value
/// itself or the `marker=` parameter of a query address.
pub fn marker_of(value: &str) -> String {
    match value.split_once('?') {
        Some((_, query)) => query
            .split('&')
            .find_map(|kv| kv.strip_prefix("marker="))
            .map(percent_decode)
            .unwrap_or_else(|| panic!("no marker= in {value}")),
        None => value.to_string(),
    }
}

/// The ids of a list response's instances.
pub fn ids(body: &Value) -> Vec<String> {
    body["instances"]
        .as_array()
        .expect("instances array")
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_string())
        .collect()
}

/// Every instance of the fleet at `now_ms`, in id order (pages of 1000).
pub fn all_instances(cloud: &Cloud, now_ms: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut marker = String::new();
    loop {
        let query = format!("limit=1000&marker={marker}");
        let (status, body) = get(cloud, LIST, &query, now_ms);
        assert_eq!(status, 200, "{body}");
        out.extend(body["instances"].as_array().unwrap().iter().cloned());
        let next = body["page_info"]["next_marker"].as_str().unwrap();
        if next.is_empty() {
            return out;
        }
        marker = marker_of(next);
    }
}

//! What the ECS test files share: the cloud, its list and the error bodies.
#![allow(dead_code)]

use cloudsim::{Cloud, MarkerStyle};
use serde_json::Value;

use crate::common::*;

pub const LIST: &str = "/v1/demo-project/cloudservers/detail";
pub const NOW: i64 = START_MS + 30_000;
pub const EXAMPLE: &str = include_str!("../../../tests/fixtures/ecs_list_example.json");
pub const CORPUS: &str = include_str!("../../../tests/fixtures/xss_payloads.txt");

pub fn ecs(instances: usize) -> Cloud {
    cloud(instances, MarkerStyle::Bare)
}

pub fn list(cloud: &Cloud, query: &str, now: i64) -> Value {
    let (status, body) = get(cloud, LIST, query, now);
    assert_eq!(status, 200, "{query}: {body}");
    body
}

pub fn servers(body: &Value) -> &Vec<Value> {
    body["servers"].as_array().expect("servers")
}

pub fn server_ids(items: &[Value]) -> Vec<String> {
    items.iter().map(|s| s["id"].as_str().unwrap().to_string()).collect()
}

/// Every server, by marker (pages of 1000) until `count` is reached.
pub fn all(cloud: &Cloud, now: i64) -> Vec<Value> {
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
pub fn nested_error(body: &Value, code: &str) -> String {
    assert_eq!(body.as_object().unwrap().len(), 1, "{body}");
    let err = body["error"].as_object().unwrap_or_else(|| panic!("{body}"));
    assert_eq!(err.len(), 2, "{body}");
    assert_eq!(err["code"], code, "{body}");
    err["message"].as_str().unwrap().to_string()
}

/// The gateway's `{"error_msg", "error_code", "request_id"}` with `code`.
pub fn gateway_error(body: &Value, code: &str) -> String {
    assert_eq!(body.as_object().unwrap().len(), 3, "{body}");
    assert_eq!(body["error_code"], code, "{body}");
    assert!(is_hex32(body["request_id"].as_str().unwrap()), "{body}");
    body["error_msg"].as_str().unwrap().to_string()
}

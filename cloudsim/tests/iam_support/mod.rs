//! What the IAM test files share: the users, token request bodies, and IAM's error body.
#![allow(dead_code)]

use cloudsim::{Cloud, Config, IamUser, Request, Response};
use serde_json::{json, Value};

use crate::common::*;

pub const TOKENS: &str = "/v3/auth/tokens";
pub const HOUR: i64 = 3_600_000;
pub const WRONG_PASSWORD: &str = "The username or password is wrong.";
pub const MFA_REQUIRED: &str = "The verification code is required: login protection (virtual MFA) is on for this user.";
pub const MFA_WRONG: &str = "The verification code is wrong.";

pub fn users() -> Vec<IamUser> {
    vec![
        IamUser {
            domain: "acme".into(),
            name: "alice".into(),
            password: "s3cret!".into(),
            id: "alice-id".into(),
            ..IamUser::default()
        },
        IamUser {
            domain: "acme".into(),
            name: "bob".into(),
            password: "hunter2".into(),
            id: "bob-id".into(),
            mfa_passcode: Some("123456".into()),
            ..IamUser::default()
        },
        IamUser {
            domain: "acme".into(),
            name: "brief".into(),
            password: "pw".into(),
            token_ttl_ms: Some(60_000),
            ..IamUser::default()
        },
    ]
}

pub fn iam_cloud() -> Cloud {
    Cloud::new(Config {
        instances: 30,
        users: users(),
        ..Config::default()
    })
}

/// The body of a password token request, scoped by `scope`.
pub fn request_body(domain: &str, name: &str, password: &str, scope: Value) -> Value {
    json!({"auth": {
        "identity": {
            "methods": ["password"],
            "password": {"user": {"name": name, "password": password, "domain": {"name": domain}}}
        },
        "scope": {"project": scope}
    }})
}

pub fn by_name() -> Value {
    json!({"name": "cn-north-4"})
}

/// `body` with the MFA method and its `totp` member.
pub fn with_totp(mut body: Value, totp_user: Value) -> Value {
    let identity = &mut body["auth"]["identity"];
    identity["methods"] = json!(["password", "totp"]);
    identity["totp"] = json!({ "user": totp_user });
    body
}

pub fn post(body: &str) -> Request {
    request_with_body("POST", TOKENS, "", &[("Content-Type", "application/json")], body)
}

/// POSTs `body` at `now`: the raw response and its parsed body.
pub fn ask(cloud: &Cloud, body: &str, now: i64) -> (Response, Value) {
    let resp = cloud.handle(&post(body), now);
    assert_eq!(header(&resp, "content-type"), Some("application/json"));
    let parsed = serde_json::from_str(&resp.body).unwrap_or_else(|e| panic!("{e}: {}", resp.body));
    (resp, parsed)
}

/// The token issued for `body`.
pub fn token(cloud: &Cloud, body: &Value, now: i64) -> String {
    let (resp, parsed) = ask(cloud, &body.to_string(), now);
    assert_eq!(resp.status, 201, "{parsed}");
    header(&resp, "X-Subject-Token").expect("X-Subject-Token").to_string()
}

/// Asserts IAM's error body `{"error": {"code": status, "message": msg, "title": title}}`.
pub fn assert_iam_error(resp: &Response, body: &Value, status: u16, msg: &str, title: &str) {
    assert_eq!(resp.status, status, "{body}");
    assert_eq!(
        body,
        &json!({"error": {"code": status, "message": msg, "title": title}})
    );
    assert!(header(resp, "X-Subject-Token").is_none());
}

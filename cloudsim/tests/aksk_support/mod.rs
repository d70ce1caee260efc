//! What the AK/SK test files share: the key pairs, a signer of canonical requests the
//! tests write out by hand, and the gateway's 401 body.
#![allow(dead_code)]

use cloudsim::{Cloud, Config, KeyPair, Request};
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::common::*;

pub const AK: &str = "AccessKey";
pub const SK: &str = "SecretKey";
/// `START_MS` (2026-01-01T00:00:00Z) as `X-Sdk-Date`.
pub const DATE: &str = "20260101T000000Z";
pub const MINUTE: i64 = 60_000;
/// sha256 of the empty body.
pub const EMPTY: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
pub const PREFIX: &str = "Incorrect IAM authentication information: ";

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// The signature of `canonical` (a canonical request written out by the test).
pub fn sign(sk: &str, date: &str, canonical: &str) -> String {
    let to_sign = format!("SDK-HMAC-SHA256\n{date}\n{}", sha256_hex(canonical.as_bytes()));
    let mut mac = Hmac::<Sha256>::new_from_slice(sk.as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    hex(&mac.finalize().into_bytes())
}

pub fn authorization(ak: &str, signed: &str, signature: &str) -> String {
    format!("SDK-HMAC-SHA256 Access={ak}, SignedHeaders={signed}, Signature={signature}")
}

pub fn keys() -> Vec<KeyPair> {
    vec![
        KeyPair {
            access_key: AK.into(),
            secret_key: SK.into(),
            security_token: None,
        },
        KeyPair {
            access_key: "TempKey".into(),
            secret_key: "TempSecret".into(),
            security_token: Some("sec-token-1".into()),
        },
    ]
}

/// A GET of `path?query` signed with `x-sdk-date` only, at `DATE`:
/// `uri` and `canonical_q` are the canonical forms the test expects.
pub fn signed_get(path: &str, query: &str, uri: &str, canonical_q: &str) -> Request {
    let canonical = format!("GET\n{uri}\n{canonical_q}\nx-sdk-date:{DATE}\n\nx-sdk-date\n{EMPTY}");
    let auth = authorization(AK, "x-sdk-date", &sign(SK, DATE, &canonical));
    request_with("GET", path, query, &[("X-Sdk-Date", DATE), ("Authorization", &auth)])
}

pub fn message(result: Result<&KeyPair, String>) -> String {
    let err = result.expect_err("rejected");
    err.strip_prefix(PREFIX).unwrap_or_else(|| panic!("{err}")).to_string()
}

/// A cloud that knows the test's key pairs.
pub fn signed_cloud() -> Cloud {
    Cloud::new(Config {
        instances: 30,
        access_keys: keys(),
        ..Config::default()
    })
}

/// `{"error_msg": PREFIX + msg, "error_code": "APIGW.0301", "request_id": 32 hex}`.
pub fn assert_gateway_401(body: &Value, msg: &str) {
    assert_eq!(body["error_msg"], format!("{PREFIX}{msg}"), "{body}");
    assert_eq!(body["error_code"], "APIGW.0301", "{body}");
    assert!(is_hex32(body["request_id"].as_str().unwrap()), "{body}");
    assert_eq!(body.as_object().unwrap().len(), 3, "{body}");
}

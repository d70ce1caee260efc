//! The `echo_credentials` fault: a list call that would have succeeded answers 500 with an
//! error body repeating the request's credentials headers, raw, JSON-escaped (once and
//! twice) and percent-encoded; nothing else changes. And the server's
//! `--echo-credentials` flag.

mod aksk_support;
mod common;

use aksk_support::*;
use cloudsim::{Cloud, Config, Faults, Request};
use common::*;
use serde_json::Value;

const BYCLOUD: &str = "/v1/instances";
const IMAGESEARCH: &str = "/v1/demo-project/service/imagesearch-00";
/// A token with the characters that encode differently in every form.
const ODD_TOKEN: &str = "MIIt0k+en/with=odd chars";

fn echoing(token: &str) -> Cloud {
    Cloud::new(Config {
        instances: 20,
        token: token.into(),
        access_keys: keys(),
        faults: Faults {
            echo_credentials: true,
            ..Faults::default()
        },
        ..Config::default()
    })
}

/// `s` percent-encoded but for ASCII letters and digits, written out here as the test
/// reads it (upper- or lower-case hex).
fn percent_all(s: &str, upper: bool) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
            continue;
        }
        for b in c.to_string().bytes() {
            let hex = format!("{b:02X}");
            out.push('%');
            out.push_str(&if upper { hex.clone() } else { hex.to_lowercase() });
        }
    }
    out
}

/// The forms of `secret` the body (as text) and its decoded fields must hold.
fn assert_echoed(body_text: &str, secret: &str) {
    let body: Value = serde_json::from_str(body_text).unwrap_or_else(|e| panic!("{e}: {body_text}"));
    let msg = body["error_msg"].as_str().unwrap();
    let details = body["error_details"].as_str().unwrap();
    assert!(msg.contains(secret), "raw in the message: {msg}");
    assert!(details.contains(secret), "JSON-escaped once: raw once read: {details}");
    assert!(details.contains(&percent_all(secret, true)), "{details}");
    assert!(details.contains(&percent_all(secret, false)), "{details}");
    let escaped: String = secret
        .chars()
        .map(|c| match c {
            c if c.is_ascii_alphanumeric() => c.to_string(),
            '/' => "\\/".into(),
            c => format!("\\u{:04x}", u32::from(c)),
        })
        .collect();
    assert!(
        details.contains(&escaped),
        "JSON-escaped twice: escaped once read: {details}"
    );
    assert!(body_text.contains(&escaped), "the text holds the JSON-escaped form");
    assert_eq!(body["error_code"], "APIGW.0500");
}

#[test]
fn a_token_list_call_echoes_the_token() {
    let cloud = echoing(ODD_TOKEN);
    let req = request_with("GET", LIST, "", &[("X-Auth-Token", ODD_TOKEN)]);
    let (resp, injected) = cloud.handle_with_faults(&req, START_MS);
    assert_eq!((resp.status, injected.kind), (500, Some("echo-credentials")));
    assert_echoed(&resp.body, ODD_TOKEN);
    // ByCloud's Bearer token: the whole Authorization header is repeated.
    let req = request_with("GET", BYCLOUD, "", &[("Authorization", &format!("Bearer {ODD_TOKEN}"))]);
    let resp = cloud.handle(&req, START_MS);
    assert_eq!(resp.status, 500);
    assert_echoed(&resp.body, &format!("Bearer {ODD_TOKEN}"));
}

#[test]
fn a_signed_list_call_echoes_the_signature_and_the_date() {
    let req: Request = signed_get(LIST, "", "/v1/demo-project/instances/", "");
    let authorization = req
        .headers
        .iter()
        .find(|(n, _)| n == "Authorization")
        .map(|(_, v)| v.clone())
        .unwrap();
    let resp = echoing(TOKEN).handle(&req, START_MS);
    assert_eq!(resp.status, 500, "{}", resp.body);
    assert_echoed(&resp.body, &authorization);
    assert_echoed(&resp.body, DATE);
}

#[test]
fn only_accepted_list_calls_echo() {
    let cloud = echoing(TOKEN);
    // Wrong credentials: the service's own 401, nothing repeated.
    let req = request_with("GET", LIST, "", &[("X-Auth-Token", "not-the-token")]);
    let resp = cloud.handle(&req, START_MS);
    assert_eq!(resp.status, 401);
    assert!(!resp.body.contains("not-the-token"), "{}", resp.body);
    // Not a list: ImageSearch's lookup answers as always.
    let req = request_with("GET", IMAGESEARCH, "", &[("X-Auth-Token", TOKEN)]);
    assert_eq!(cloud.handle(&req, START_MS).status, 200);
    // Without the fault, the list answers; with the per-request directive, it echoes.
    let plain = Cloud::new(Config {
        instances: 20,
        ..Config::default()
    });
    let req = request_with("GET", LIST, "", &[("X-Auth-Token", TOKEN)]);
    assert_eq!(plain.handle(&req, START_MS).status, 200);
    let req = request_with(
        "GET",
        LIST,
        "",
        &[("X-Auth-Token", TOKEN), ("X-Cloudsim-Fault", "echo-credentials")],
    );
    let resp = plain.handle(&req, START_MS);
    assert_eq!(resp.status, 500);
    assert_echoed(&resp.body, TOKEN);
}

#[test]
fn the_server_flag_turns_it_on() {
    let server = common::server::start(
        env!("CARGO_BIN_EXE_cloudsim"),
        &[
            "--port",
            "0",
            "--instances",
            "10",
            "--token",
            ODD_TOKEN,
            "--echo-credentials",
        ],
    );
    let reply = common::server::call_with_body(server.port, "GET", LIST, &[("X-Auth-Token", ODD_TOKEN)], b"");
    assert_eq!(reply.status, 500, "{}", reply.body);
    assert_echoed(&reply.body, ODD_TOKEN);
    let stats = common::server::call_with_body(server.port, "GET", "/__cloudsim/stats", &[], b"");
    assert!(stats.body.contains("echo-credentials"), "{}", stats.body);
}

//! IAM's `POST /v3/auth/tokens`: issuing tokens for a password (and a
//! virtual MFA code), and every refusal with its body.

mod common;
mod iam_support;

use cloudsim::{path_template, Cloud, Config};
use common::*;
use iam_support::*;
use serde_json::{json, Value};

#[test]
fn a_password_gets_a_token() {
    let cloud = iam_cloud();
    let (resp, body) = ask(
        &cloud,
        &request_body("acme", "alice", "s3cret!", by_name()).to_string(),
        START_MS,
    );
    assert_eq!(resp.status, 201, "{body}");
    let subject = header(&resp, "X-Subject-Token").unwrap();
    assert!(subject.starts_with("MIIsim"), "{subject}");
    let t = &body["token"];
    assert_eq!(t["expires_at"], "2026-01-02T00:00:00.000000Z", "24 h");
    assert_eq!(t["issued_at"], "2026-01-01T00:00:00.000000Z");
    assert_eq!(t["methods"], json!(["password"]));
    assert_eq!(t["project"]["id"], "demo-project");
    assert_eq!(t["project"]["name"], "cn-north-4");
    assert_eq!(t["project"]["domain"]["name"], "acme");
    let domain_id = t["project"]["domain"]["id"].as_str().unwrap();
    assert!(is_hex32(domain_id), "{domain_id}");
    assert_eq!(
        t["user"],
        json!({"id": "alice-id", "name": "alice", "domain": {"id": domain_id, "name": "acme"}, "password_expires_at": ""})
    );
    assert_eq!((t["catalog"].clone(), t["roles"].clone()), (json!([]), json!([])));
    // The members in IAM's order.
    let at: Vec<usize> = [
        "expires_at",
        "issued_at",
        "methods",
        "project",
        "user",
        "catalog",
        "roles",
    ]
    .iter()
    .map(|k| resp.body.find(&format!("\"{k}\":")).unwrap())
    .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{}", resp.body);
    assert_eq!(t.as_object().unwrap().len(), 7);

    // A user without an id of its own gets one derived from the seed, and its own lifetime.
    let (_, brief) = ask(
        &cloud,
        &request_body("acme", "brief", "pw", by_name()).to_string(),
        START_MS + 500,
    );
    assert!(is_hex32(brief["token"]["user"]["id"].as_str().unwrap()), "{brief}");
    assert_eq!(brief["token"]["expires_at"], "2026-01-01T00:01:00.500000Z");
    assert_eq!(path_template(TOKENS), TOKENS);
}

#[test]
fn scope_by_id_or_by_name_and_unknown_projects() {
    let cloud = iam_cloud();
    for scope in [
        json!({"id": "demo-project"}),
        by_name(),
        json!({"id": "demo-project", "name": "x"}),
    ] {
        let (resp, body) = ask(
            &cloud,
            &request_body("acme", "alice", "s3cret!", scope.clone()).to_string(),
            START_MS,
        );
        assert_eq!(resp.status, 201, "{scope}: {body}");
        assert_eq!(body["token"]["project"]["id"], "demo-project");
    }
    for (scope, msg) in [
        (
            json!({"name": "cn-south-\"1\"\\"}),
            "The project name \"cn-south-\"1\"\\\" does not exist.",
        ),
        (
            json!({"id": "other</b>"}),
            "The project id \"other</b>\" does not exist.",
        ),
    ] {
        let (resp, body) = ask(
            &cloud,
            &request_body("acme", "alice", "s3cret!", scope).to_string(),
            START_MS,
        );
        assert_iam_error(&resp, &body, 400, msg, "Bad Request");
    }
    let named = Cloud::new(Config {
        project_name: "ap-southeast-3".into(),
        users: users(),
        ..Config::default()
    });
    let (resp, _) = ask(
        &named,
        &request_body("acme", "alice", "s3cret!", json!({"name": "ap-southeast-3"})).to_string(),
        START_MS,
    );
    assert_eq!(resp.status, 201);
}

#[test]
fn wrong_passwords_and_unknown_users_get_one_answer() {
    let cloud = iam_cloud();
    for (domain, name, password) in [
        ("acme", "alice", "wrong"),
        ("acme", "alice", "S3CRET!"),
        ("acme", "alice", ""),
        ("acme", "nobody", "s3cret!"),
        ("other", "alice", "s3cret!"),
        ("acme", "bob", "s3cret!"),
    ] {
        let (resp, body) = ask(
            &cloud,
            &request_body(domain, name, password, by_name()).to_string(),
            START_MS,
        );
        assert_iam_error(&resp, &body, 401, WRONG_PASSWORD, "Unauthorized");
    }
    // With no users configured, nobody gets a token.
    let (resp, body) = ask(
        &Cloud::new(Config::default()),
        &request_body("acme", "alice", "s3cret!", by_name()).to_string(),
        START_MS,
    );
    assert_iam_error(&resp, &body, 401, WRONG_PASSWORD, "Unauthorized");
}

#[test]
fn login_protection_asks_for_the_mfa_code() {
    let cloud = iam_cloud();
    let password = request_body("acme", "bob", "hunter2", by_name());
    let (resp, b) = ask(&cloud, &password.to_string(), START_MS);
    assert_iam_error(&resp, &b, 401, MFA_REQUIRED, "Unauthorized");
    for totp in [
        json!({"id": "bob-id", "passcode": "654321"}),
        json!({"id": "alice-id", "passcode": "123456"}),
        json!({"id": "bob-id"}),
        json!({"passcode": "123456"}),
        json!({"id": "bob-id", "passcode": 123456}),
        json!({}),
    ] {
        let (resp, b) = ask(&cloud, &with_totp(password.clone(), totp.clone()).to_string(), START_MS);
        assert_iam_error(&resp, &b, 401, MFA_WRONG, "Unauthorized");
    }
    // The password is checked first.
    let wrong = with_totp(
        request_body("acme", "bob", "nope", by_name()),
        json!({"id": "bob-id", "passcode": "123456"}),
    );
    let (resp, b) = ask(&cloud, &wrong.to_string(), START_MS);
    assert_iam_error(&resp, &b, 401, WRONG_PASSWORD, "Unauthorized");
    let right = with_totp(password, json!({"id": "bob-id", "passcode": "123456"}));
    let (resp, b) = ask(&cloud, &right.to_string(), START_MS);
    assert_eq!(resp.status, 201, "{b}");
    assert_eq!(b["token"]["methods"], json!(["password", "totp"]));
    assert_eq!(b["token"]["user"]["id"], "bob-id");
    // A user without login protection may send a code; it is not needed.
    let alice = with_totp(
        request_body("acme", "alice", "s3cret!", by_name()),
        json!({"id": "x", "passcode": "1"}),
    );
    let (resp, b) = ask(&cloud, &alice.to_string(), START_MS);
    assert_eq!((resp.status, &b["token"]["methods"]), (201, &json!(["password"])));
}

#[test]
fn malformed_bodies_are_400_and_never_panic() {
    let cloud = iam_cloud();
    let good = request_body("acme", "alice", "s3cret!", by_name()).to_string();
    let mut bad: Vec<String> = [
        "",
        " ",
        "{",
        "null",
        "[]",
        "\"auth\"",
        "{\"auth\":{}}",
        "{\"auth\":null}",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (pointer, value) in [
        ("/auth/identity/methods", json!([])),
        ("/auth/identity/methods", json!(["token"])),
        ("/auth/identity/methods", json!(["password", "token"])),
        ("/auth/identity/methods", json!("password")),
        ("/auth/identity/methods", json!(["totp"])),
        ("/auth/identity/methods", json!(["password", "totp"])),
        ("/auth/identity/password/user/name", json!(7)),
        ("/auth/identity/password/user/password", Value::Null),
        ("/auth/identity/password/user/domain", json!("acme")),
        ("/auth/identity/password", json!({})),
        ("/auth/scope", json!({"domain": {"name": "acme"}})),
        ("/auth/scope/project", json!({})),
        ("/auth/scope/project", json!({"name": 4})),
    ] {
        let mut v: Value = serde_json::from_str(&good).unwrap();
        *v.pointer_mut(pointer).unwrap() = value;
        bad.push(v.to_string());
    }
    bad.extend((1..good.len()).map(|n| good[..n].to_string()));
    for body in &bad {
        let (resp, b) = ask(&cloud, body, START_MS);
        assert_iam_error(&resp, &b, 400, "Request body is invalid.", "Bad Request");
    }
    // Random edits of a good body: whatever the answer, it is IAM's and never a panic.
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let alphabet = b"{}[]\":,\\ atruefalsn0123456789-.eE\x00\xff";
    for _ in 0..3_000 {
        let mut bytes = good.clone().into_bytes();
        for _ in 0..1 + next() % 4 {
            let at = (next() % bytes.len() as u64) as usize;
            match next() % 3 {
                0 => bytes[at] = alphabet[(next() % alphabet.len() as u64) as usize],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, alphabet[(next() % alphabet.len() as u64) as usize]),
            }
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let (resp, b) = ask(&cloud, &text, START_MS);
        assert!([201, 400, 401].contains(&resp.status), "{text}: {b}");
        if resp.status != 201 {
            assert_eq!(b["error"]["code"], resp.status, "{text}: {b}");
        }
    }
    // Deep nesting is refused, not a stack overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let (resp, _) = ask(&cloud, &deep, START_MS);
    assert_eq!(resp.status, 400);
}

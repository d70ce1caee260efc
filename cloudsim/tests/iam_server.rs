//! The `cloudsim` binary's credentials over real HTTP: `--user` and IAM's
//! token (exposed to pages by CORS), `--access-key` and signed requests,
//! bodies (64 KiB at most), the help, and that no secret is ever printed.
#![cfg(feature = "server")]

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

use common::server::{call_with_body, start, Reply};
use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::{Digest, Sha256};

const EXE: &str = env!("CARGO_BIN_EXE_cloudsim");
const TOKENS: &str = "/v3/auth/tokens";
const LIST: &str = "/v1/demo-project/instances";
/// Every secret the servers below are given: none may appear in their output.
const SECRETS: [&str; 5] = ["s3cret-pw", "mfa-246810", "SK-s3cret", "sec-t0ken", "hunter2-pw"];

fn args() -> Vec<&'static str> {
    vec![
        "--port",
        "0",
        "--instances",
        "20",
        "--user",
        "acme/alice:s3cret-pw,id=alice-id",
        "--user=acme/bob:hunter2-pw,mfa=mfa-246810,ttl=90",
        "--access-key",
        "AK1:SK-s3cret",
        "--access-key",
        "AK2:SK-s3cret:sec-t0ken",
        "--project-name",
        "ap-southeast-3",
    ]
}

fn login(name: &str, password: &str, mfa: Option<&str>) -> String {
    let mut body = json!({"auth": {
        "identity": {
            "methods": ["password"],
            "password": {"user": {"name": name, "password": password, "domain": {"name": "acme"}}}
        },
        "scope": {"project": {"name": "ap-southeast-3"}}
    }});
    if let Some(code) = mfa {
        body["auth"]["identity"]["methods"] = json!(["password", "totp"]);
        body["auth"]["identity"]["totp"] = json!({"user": {"id": "bob-id?", "passcode": code}});
    }
    body.to_string()
}

fn post(port: u16, target: &str, body: &str) -> Reply {
    call_with_body(
        port,
        "POST",
        target,
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    )
}

fn get(port: u16, target: &str, headers: &[(&str, &str)]) -> Reply {
    call_with_body(port, "GET", target, headers, b"")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `Authorization` and `X-Sdk-Date` for a GET of `LIST?limit=2` signed now by `ak`/`sk`
/// (with the security token among the signed headers when there is one).
fn signed(ak: &str, sk: &str, token: Option<&str>) -> (String, String) {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
    let format = time::macros::format_description!("[year][month][day]T[hour][minute][second]Z");
    let date = time::OffsetDateTime::from_unix_timestamp(now)
        .unwrap()
        .format(format)
        .unwrap();
    let (headers, names) = match token {
        Some(t) => (
            format!("x-sdk-date:{date}\nx-security-token:{t}\n"),
            "x-sdk-date;x-security-token",
        ),
        None => (format!("x-sdk-date:{date}\n"), "x-sdk-date"),
    };
    let canonical = format!(
        "GET\n{LIST}/\nlimit=2\n{headers}\n{names}\n{}",
        hex(&Sha256::digest(b""))
    );
    let to_sign = format!(
        "SDK-HMAC-SHA256\n{date}\n{}",
        hex(&Sha256::digest(canonical.as_bytes()))
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(sk.as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    let signature = hex(&mac.finalize().into_bytes());
    (
        format!("SDK-HMAC-SHA256 Access={ak}, SignedHeaders={names}, Signature={signature}"),
        date,
    )
}

#[test]
fn tokens_and_signatures_over_http() {
    let server = start(EXE, &args());
    let port = server.port;

    // A browser's preflight for the token request, and the token exposed to it.
    let preflight = call_with_body(
        port,
        "OPTIONS",
        TOKENS,
        &[("Access-Control-Request-Method", "POST")],
        b"",
    );
    assert_eq!(preflight.status, 204);
    assert_eq!(preflight.header("Access-Control-Allow-Methods"), Some("POST, OPTIONS"));
    let reply = post(port, TOKENS, &login("alice", "s3cret-pw", None));
    assert_eq!(reply.status, 201, "{}", reply.body);
    let exposed = reply.header("Access-Control-Expose-Headers").unwrap();
    assert!(exposed.contains("X-Subject-Token"), "{exposed}");
    assert_eq!(reply.header("Access-Control-Allow-Origin"), Some("*"));
    let token = reply.header("X-Subject-Token").expect("X-Subject-Token").to_string();
    let body = reply.json();
    assert_eq!(body["token"]["user"]["id"], "alice-id");
    assert_eq!(body["token"]["project"]["name"], "ap-southeast-3");
    let list = get(port, &format!("{LIST}?limit=2"), &[("X-Auth-Token", &token)]);
    assert_eq!(list.status, 200, "{}", list.body);
    assert_eq!(
        list.json()["instances"].as_array().unwrap().len(),
        10,
        "CloudDC clamps limit to 10-1000"
    );

    // Bob's login protection, and his 90 s tokens.
    let reply = post(port, TOKENS, &login("bob", "hunter2-pw", None));
    assert_eq!((reply.status, reply.json()["error"]["code"].as_u64()), (401, Some(401)));
    let reply = post(port, TOKENS, &login("bob", "hunter2-pw", Some("mfa-246810")));
    assert_eq!(reply.status, 401, "the totp user id is not bob's");
    let reply = post(
        port,
        TOKENS,
        &login("bob", "hunter2-pw", Some("mfa-246810")).replace("bob-id?", &bob_id()),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let t = &reply.json()["token"];
    let (issued, expires) = (seconds(&t["issued_at"]), seconds(&t["expires_at"]));
    assert_eq!(expires - issued, 90, "{t}");
    let reply = post(port, TOKENS, &login("alice", "wrong", None));
    assert_eq!(reply.status, 401);
    assert_eq!(reply.json()["error"]["message"], "The username or password is wrong.");

    // AK/SK: a permanent key pair, and temporary credentials with their token.
    let (auth, date) = signed("AK1", "SK-s3cret", None);
    let reply = get(
        port,
        &format!("{LIST}?limit=2"),
        &[("X-Sdk-Date", &date), ("Authorization", &auth)],
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let (auth, date) = signed("AK2", "SK-s3cret", Some("sec-t0ken"));
    let headers = [
        ("X-Sdk-Date", date.as_str()),
        ("Authorization", &auth),
        ("X-Security-Token", "sec-t0ken"),
    ];
    assert_eq!(get(port, &format!("{LIST}?limit=2"), &headers).status, 200);
    let reply = get(port, &format!("{LIST}?limit=2"), &headers[..2]);
    assert_eq!(reply.status, 401);
    assert_eq!(reply.json()["error_code"], "APIGW.0301");
    let reply = get(port, &format!("{LIST}?limit=3"), &headers);
    assert_eq!(reply.status, 401);
    assert_eq!(
        reply.json()["error_msg"],
        "Incorrect IAM authentication information: verify aksk signature fail"
    );
}

/// `2026-01-02T00:00:00.000000Z` as Unix seconds.
fn seconds(time: &serde_json::Value) -> i64 {
    let text = time.as_str().unwrap();
    assert!(text.ends_with(".000000Z") || text.len() == 27, "{text}");
    let n = |from: usize, to: usize| text[from..to].parse::<u8>().unwrap();
    let year: i32 = text[0..4].parse().unwrap();
    let month = time::Month::try_from(n(5, 7)).unwrap();
    let day = time::Date::from_calendar_date(year, month, n(8, 10)).unwrap();
    let at = time::Time::from_hms(n(11, 13), n(14, 16), n(17, 19)).unwrap();
    time::PrimitiveDateTime::new(day, at).assume_utc().unix_timestamp()
}

/// Bob's user id: derived from the seed, the account and the name (he has no `id=`), and
/// told by a server where he has no login protection.
fn bob_id() -> String {
    let server = start(EXE, &["--port", "0", "--instances", "1", "--user", "acme/bob:x"]);
    let reply = post(
        server.port,
        TOKENS,
        &login("bob", "x", None).replace("ap-southeast-3", "cn-north-4"),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()["token"]["user"]["id"].as_str().unwrap().to_string()
}

#[test]
fn bodies_are_read_up_to_64_kib() {
    let server = start(EXE, &args());
    let padded = |len: usize| {
        let body = login("alice", "s3cret-pw", None);
        format!("{body}{}", " ".repeat(len - body.len()))
    };
    assert_eq!(
        post(server.port, TOKENS, &padded(64 * 1024)).status,
        201,
        "64 KiB is read"
    );
    for len in [64 * 1024 + 1, 300 * 1024, 2 * 1024 * 1024] {
        let reply = post(server.port, TOKENS, &padded(len));
        assert_eq!(reply.status, 413, "{len}");
        assert_eq!(reply.json()["error_msg"], "The request body is larger than 65536 bytes");
        assert_eq!(reply.header("Content-Type"), Some("application/json"));
    }
    let reply = post(server.port, TOKENS, "{\"auth\":");
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["error"]["message"], "Request body is invalid.");
    let reply = get(server.port, TOKENS, &[]);
    assert_eq!((reply.status, reply.header("Allow")), (405, Some("POST, OPTIONS")));
    assert_eq!(reply.header("Access-Control-Allow-Methods"), Some("POST, OPTIONS"));
}

#[test]
fn no_secret_is_ever_printed() {
    let mut child = Command::new(EXE)
        .args(args())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut banner = String::new();
    stdout.read_line(&mut banner).unwrap();
    let port: u16 = banner
        .trim()
        .strip_prefix("cloudsim listening on http://127.0.0.1:")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("{banner:?}"));
    post(port, TOKENS, &login("alice", "s3cret-pw", None));
    post(port, TOKENS, &login("bob", "hunter2-pw", Some("mfa-246810")));
    let (auth, date) = signed("AK2", "SK-s3cret", Some("sec-t0ken"));
    get(port, LIST, &[("X-Sdk-Date", &date), ("Authorization", &auth)]);
    child.kill().unwrap();
    child.wait().unwrap();
    let mut out = banner.clone();
    stdout.read_to_string(&mut out).unwrap();
    child.stderr.take().unwrap().read_to_string(&mut out).unwrap();
    for secret in SECRETS {
        assert!(!out.contains(secret), "{secret} printed: {out}");
    }

    // Bad credentials flags: exit 2, and the message does not repeat them.
    for bad in [
        &["--user", "acme/alice"][..],
        &["--user", "acme/alice:s3cret-pw,ttl=never"],
        &["--user", "acme/alice:s3cret-pw,mfa=mfa-246810,hunter2-pw"],
        &["--user", "acme/alice:s3cret-pw", "--user", "acme/alice:hunter2-pw"],
        &["--access-key", "AK1:"],
        &[
            "--access-key",
            "AK1:SK-s3cret",
            "--access-key",
            "AK1:SK-s3cret:sec-t0ken",
        ],
        &["--usr=acme/alice:s3cret-pw"],
    ] {
        let out = Command::new(EXE).args(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        for secret in SECRETS {
            assert!(!text.contains(secret), "{bad:?}: {text}");
        }
    }
}

#[test]
fn help_lists_iam_and_the_credentials() {
    let out = Command::new(EXE).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for text in [
        "POST /v3/auth/tokens",
        "IAM (password [+ virtual MFA code] in the body)",
        "CloudDC (X-Auth-Token or AK/SK signature)",
        "ECS (X-Auth-Token or AK/SK signature)",
        "ByCloud (Authorization: Bearer)",
        "--user DOMAIN/NAME:PASSWORD[,id=ID][,mfa=CODE][,ttl=SECONDS]",
        "--access-key AK:SK[:SECURITY_TOKEN]",
        "--project-name NAME",
        "SDK-HMAC-SHA256",
    ] {
        assert!(help.contains(text), "{text} in {help}");
    }
}

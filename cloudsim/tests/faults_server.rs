//! The `cloudsim` binary's fault flags over real HTTP: the stats endpoint,
//! latency, slow bodies, disconnects and the flags' parsing.
#![cfg(feature = "server")]

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

use cloudsim::{Injected, MarkerStyle};

use common::server::{Reply, Server};
use serde_json::Value;

const LIST: &str = "/v1/demo-project/instances";
const ROMA: &str = "/v2/demo-project/instances";
const AUTH: (&str, &str) = ("X-Auth-Token", "demo-token");

fn start(args: &[&str]) -> Server {
    let mut all = vec!["--port", "0", "--instances", "40"];
    all.extend_from_slice(args);
    common::server::start(env!("CARGO_BIN_EXE_cloudsim"), &all)
}

/// Sends one request with `Connection: close`; returns what came back
/// before the server closed the connection.
fn raw(port: u16, method: &str, target: &str, headers: &[(&str, &str)]) -> Vec<u8> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut request =
        format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        // Ended by the server closing the connection: a read that times out means it was
        // left waiting.
        match stream.read(&mut buf) {
            Ok(0) => return raw,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            Err(err) => panic!("{target}: the server neither answered nor closed: {err}"),
        }
    }
}

fn call(port: u16, method: &str, target: &str, headers: &[(&str, &str)]) -> Reply {
    let raw = String::from_utf8(raw(port, method, target, headers)).expect("UTF-8 reply");
    let (head, body) = raw
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no header block: {raw:?}"));
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut reply = Reply {
        status,
        headers,
        body: body.to_string(),
    };
    if reply.header("Transfer-Encoding") == Some("chunked") {
        reply.body = dechunk(body);
    }
    if let Some(len) = reply.header("Content-Length") {
        assert_eq!(len.parse::<usize>().unwrap(), reply.body.len(), "{target}");
    }
    reply
}

/// The body of a `Transfer-Encoding: chunked` answer.
fn dechunk(mut raw: &str) -> String {
    let mut body = String::new();
    loop {
        let (size, rest) = raw.split_once("\r\n").expect("a chunk size");
        let size = usize::from_str_radix(size.trim(), 16).expect("hex");
        if size == 0 {
            return body;
        }
        body.push_str(&rest[..size]);
        raw = &rest[size + 2..];
    }
}

fn stats(port: u16) -> Value {
    let reply = call(port, "GET", "/__cloudsim/stats", &[]);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("Access-Control-Allow-Origin"), Some("*"));
    reply.json()
}

#[test]
fn stats_count_requests_and_faults() {
    let server = start(&["--error-rate", "500=0.5"]);
    let port = server.port;
    let empty = serde_json::json!({"requests": 0, "faults": {}, "faults_total": 0, "by_path": {}});
    assert_eq!(stats(port), empty);
    assert_eq!(stats(port), empty, "reading the stats is not counted");

    let mut errors = 0;
    for i in 0..40 {
        let nonce = format!("n{i}");
        let path = if i % 2 == 0 { LIST } else { ROMA };
        let reply = call(port, "GET", path, &[AUTH, ("X-Request-Nonce", &nonce)]);
        assert!(matches!(reply.status, 200 | 500), "{}", reply.status);
        errors += usize::from(reply.status == 500);
    }
    assert!((8..=32).contains(&errors), "{errors} of 40");
    let reply = call(port, "GET", LIST, &[AUTH, ("X-Cloudsim-Fault", "status=503")]);
    assert_eq!(reply.status, 503);
    assert_eq!(call(port, "GET", "/nowhere", &[]).status, 404);

    let s = stats(port);
    assert_eq!(s["requests"], 42);
    assert_eq!(s["faults"]["status-500"], errors);
    assert_eq!(s["faults"]["status-503"], 1);
    assert_eq!(s["faults_total"], errors + 1);
    assert_eq!(s["by_path"]["/v1/{project_id}/instances"], 21);
    assert_eq!(s["by_path"]["/v2/{project_id}/instances"], 20);
    assert_eq!(s["by_path"]["other"], 1);

    assert_eq!(call(port, "GET", "/__cloudsim/stats/reset", &[]).status, 405);
    let reset = call(port, "POST", "/__cloudsim/stats/reset", &[]);
    assert_eq!((reset.status, reset.json()), (200, empty.clone()));
    assert_eq!(stats(port), empty);
}

/// What the library decides for a fault directive: the server sleeps what it says
/// (`Injected::latency_ms`, `slow_body_ms`), which no test times.
fn injected(directive: &str) -> Injected {
    let req = common::request_with("GET", LIST, "", &[AUTH, ("X-Cloudsim-Fault", directive)]);
    common::cloud(40, MarkerStyle::Bare)
        .handle_with_faults(&req, common::START_MS)
        .1
}

#[test]
fn latency_slow_bodies_and_disconnects() {
    assert_eq!(injected("latency=300").latency_ms, 300);
    assert_eq!(injected("latency=300").kind, Some("latency"));
    assert_eq!(injected("slow=150").slow_body_ms, 150);
    assert_eq!(injected("slow=150").kind, Some("slow-body"));
    assert_eq!((injected("").latency_ms, injected("").slow_body_ms), (0, 0));

    let server = start(&[]);
    let port = server.port;

    let reply = call(port, "GET", LIST, &[AUTH, ("X-Cloudsim-Fault", "latency=300")]);
    assert_eq!(reply.status, 200);
    assert_eq!(stats(port)["faults"]["latency"], 1, "the latency was injected");

    let reply = call(port, "GET", LIST, &[AUTH, ("X-Cloudsim-Fault", "slow=150")]);
    assert_eq!(stats(port)["faults"]["slow-body"], 1, "the slow body was injected");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["instances"].as_array().unwrap().len(), 10);
    assert_eq!(reply.header("Access-Control-Allow-Origin"), Some("*"));
    assert_eq!(reply.header("Content-Type"), Some("application/json"));
    let reply = call(port, "GET", LIST, &[("X-Cloudsim-Fault", "slow=20;status=429")]);
    assert_eq!((reply.status, reply.header("Retry-After")), (429, Some("2")));

    // Connection: close: the server just closes (`raw` fails if it leaves the client waiting).
    let got = raw(port, "GET", LIST, &[AUTH, ("X-Cloudsim-Fault", "disconnect")]);
    assert!(got.is_empty(), "{}", String::from_utf8_lossy(&got));
    // Kept alive: no HTTP answer either, and the client is not left waiting (a read that
    // times out is an error).
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let request = format!("GET {LIST} HTTP/1.1\r\nHost: x\r\nX-Cloudsim-Fault: disconnect\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut buf = [0u8; 256];
    let n = stream
        .read(&mut buf)
        .expect("some bytes, without waiting for the read timeout");
    assert!(
        n > 0 && !buf.starts_with(b"HTTP/"),
        "{}",
        String::from_utf8_lossy(&buf[..n])
    );
    drop(stream);

    assert_eq!(call(port, "GET", LIST, &[AUTH]).status, 200, "still serving");
    let s = stats(port);
    assert_eq!(s["requests"], 6);
    assert_eq!(s["faults"]["latency"], 1);
    assert_eq!(s["faults"]["slow-body"], 1);
    assert_eq!(s["faults"]["status-429"], 1);
    assert_eq!(s["faults"]["disconnect"], 2);
}

#[test]
fn fault_flags() {
    // A burst covering the whole period: every request is a 429.
    let server = start(&["--burst-429", "5/5", "--retry-after", "none"]);
    for path in [LIST, ROMA, "/v1/instances", "/v1/demo-project/service/imagesearch-00"] {
        let reply = call(server.port, "GET", path, &[AUTH]);
        assert_eq!((reply.status, reply.header("Retry-After")), (429, None), "{path}");
    }
    assert_eq!(stats(server.port)["faults"]["burst-429"], 4);
    drop(server);

    let every = [
        "--latency-ms=1",
        "--jitter-ms",
        "2",
        "--error-rate",
        "500=0,503=0,429=0",
        "--retry-after",
        "4",
        "--truncate-rate",
        "0",
        "--slow-body-ms",
        "0",
        "--marker-cycle",
        "--disconnect-rate",
        "0",
        "--hostile",
        "--huge",
        "--marker-style",
        "url",
    ];
    let server = start(&every);
    let reply = call(server.port, "GET", ROMA, &[AUTH]);
    assert_eq!(reply.status, 200);
    let body = reply.json();
    assert!(body["total"].as_u64().unwrap() > 40, "ROMA's total grows");
    assert!(body["instances"][0]["name"].as_str().unwrap().len() >= 100 * 1024);
    let name = body["instances"][1]["name"].as_str().unwrap();
    assert!(cloudsim::xss_payloads().contains(&name), "{name}");
    let reply = call(server.port, "GET", LIST, &[("X-Cloudsim-Fault", "status=429")]);
    assert_eq!(reply.header("Retry-After"), Some("4"));
    drop(server);

    let out = Command::new(env!("CARGO_BIN_EXE_cloudsim"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in [
        "--latency-ms",
        "--jitter-ms",
        "--error-rate",
        "--burst-429",
        "--retry-after",
        "--truncate-rate",
        "--slow-body-ms",
        "--marker-cycle",
        "--disconnect-rate",
        "--hostile",
        "--huge",
        "/__cloudsim/stats",
    ] {
        assert!(help.contains(flag), "--help names {flag}");
    }
    for bad in [
        &["--error-rate", "500=2"][..],
        &["--error-rate", "500=0.6,503=0.6"],
        &["--error-rate", "42=0.1"],
        &["--burst-429", "5/0"],
        &["--burst-429", "6/5"],
        &["--retry-after", "soon"],
        &["--truncate-rate", "-0.1"],
        &["--disconnect-rate", "NaN"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_cloudsim")).args(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}

//! `cloudsim` HTTP server: serves the simulated cloud on 127.0.0.1 with CORS
//! headers so a browser page on another origin can call it (IAM's
//! `X-Subject-Token` exposed to it).
//!
//! Request bodies are read up to 64 KiB (more answers 413). Nothing of a
//! request's credentials or of the configured ones is ever printed.
//!
//! The library decides every fault; the server carries out the timing
//! (latency, slow bodies: every sleep capped at 30 s) and disconnects, and
//! counts requests and faults for `GET /__cloudsim/stats`.

mod args;
mod credentials;
mod stats;

use std::io::{Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use cloudsim::{path_template, served, Cloud, Injected, Request, Response};
use stats::Stats;
use tiny_http::{HTTPVersion, Server, StatusCode};

/// Worker threads serving requests (many, since faults make them sleep).
const WORKERS: usize = 32;

/// The longest single sleep.
const MAX_SLEEP_MS: u64 = 30_000;

/// A slow body is written in this many chunks.
const SLOW_CHUNKS: usize = 4;

/// The largest request body read (64 KiB); a longer one answers 413.
const MAX_BODY: usize = 64 * 1024;

/// How much of a too long body is read and dropped before the 413 (a
/// `Content-Length` beyond it answers at once).
const MAX_DRAIN: usize = 1024 * 1024;

const CORS: [(&str, &str); 4] = [
    ("Access-Control-Allow-Origin", "*"),
    (
        "Access-Control-Allow-Headers",
        "X-Auth-Token, Authorization, Content-Type, X-Sdk-Date, X-Security-Token, X-Project-Id, \
         X-Cloudsim-Fault, X-Request-Nonce",
    ),
    ("Access-Control-Allow-Methods", "GET, OPTIONS"),
    ("Access-Control-Expose-Headers", "Retry-After, X-Subject-Token"),
];

/// The `Access-Control-Allow-Methods` of an API path: its method (from the
/// registry: GET, IAM's POST) and OPTIONS.
fn api_methods(path: &str) -> &'static str {
    let template = path_template(path);
    let post = served()
        .iter()
        .any(|s| s.method == "POST" && s.apis.contains(&template));
    if post {
        "POST, OPTIONS"
    } else {
        CORS[2].1
    }
}

/// The shared state of the workers.
struct App {
    cloud: Cloud,
    stats: Stats,
    /// The sequence number handed to the library as `X-Cloudsim-Seq` (never
    /// reset, unlike the stats).
    seq: AtomicU64,
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn sleep_ms(ms: u64) {
    if ms > 0 {
        thread::sleep(Duration::from_millis(ms.min(MAX_SLEEP_MS)));
    }
}

/// 204 with no body and no headers of its own (CORS preflights).
fn no_content() -> Response {
    Response {
        status: 204,
        headers: Vec::new(),
        body: String::new(),
    }
}

fn json_response(status: u16, body: String) -> Response {
    Response {
        status,
        headers: vec![("Content-Type".into(), "application/json".into())],
        body,
    }
}

/// Whether the connection closes after this request (`Connection: close`,
/// or HTTP/1.0 without keep-alive).
fn closes_after(rq: &tiny_http::Request) -> bool {
    let connection = rq
        .headers()
        .iter()
        .find(|h| h.field.equiv("Connection"))
        .map(|h| h.value.as_str().to_ascii_lowercase());
    match connection {
        Some(v) if v.contains("close") => true,
        Some(v) => *rq.http_version() == HTTPVersion(1, 0) && !v.contains("keep-alive"),
        None => *rq.http_version() == HTTPVersion(1, 0),
    }
}

/// Answers `/__cloudsim/...` (not counted), or `None` for any other path.
fn control(app: &App, method: &str, path: &str) -> Option<(Response, &'static str)> {
    const METHODS: &str = "GET, POST, OPTIONS";
    let response = match (path, method) {
        ("/__cloudsim/stats" | "/__cloudsim/stats/reset", "OPTIONS") => no_content(),
        ("/__cloudsim/stats", "GET") => json_response(200, app.stats.to_json()),
        ("/__cloudsim/stats/reset", "POST") => {
            app.stats.reset();
            json_response(200, app.stats.to_json())
        }
        ("/__cloudsim/stats" | "/__cloudsim/stats/reset", _) => {
            let mut r = json_response(405, r#"{"error":"method not allowed"}"#.into());
            r.headers.push(("Allow".into(), METHODS.into()));
            r
        }
        _ => return None,
    };
    Some((response, METHODS))
}

/// The request body, at most `MAX_BODY` bytes (bytes that are not UTF-8
/// replaced), or the error to answer: 413 when it is longer, 400 when it
/// cannot be read.
fn read_body(rq: &mut tiny_http::Request) -> Result<String, Response> {
    let error = |status: u16, msg: &str| {
        let body = format!(r#"{{"error_code":"CLOUDSIM.{status:04}","error_msg":"{msg}"}}"#);
        json_response(status, body)
    };
    let too_large = || error(413, "The request body is larger than 65536 bytes");
    if rq.body_length().is_some_and(|n| n > MAX_DRAIN) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    let reader = rq.as_reader();
    if reader.take(MAX_BODY as u64 + 1).read_to_end(&mut bytes).is_err() {
        return Err(error(400, "The request body could not be read"));
    }
    if bytes.len() > MAX_BODY {
        // Read (and drop) what remains, so that the client sees the answer instead of a
        // connection reset by unread data.
        let _ = std::io::copy(&mut reader.take(MAX_DRAIN as u64), &mut std::io::sink());
        return Err(too_large());
    }
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Answers one API request with the cloud, counting it.
fn answer(app: &App, rq: &mut tiny_http::Request, method: String) -> (Response, Injected) {
    let url = rq.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if method.eq_ignore_ascii_case("OPTIONS") {
        app.stats.record(path_template(path), None);
        return (no_content(), Injected::default());
    }
    let body = match read_body(rq) {
        Ok(body) => body,
        Err(response) => {
            app.stats.record(path_template(path), None);
            return (response, Injected::default());
        }
    };
    let seq = app.seq.fetch_add(1, Ordering::Relaxed) + 1;
    let headers = rq
        .headers()
        .iter()
        .map(|h| (h.field.as_str().to_string(), h.value.as_str().to_string()))
        .filter(|(n, _)| !n.eq_ignore_ascii_case("X-Cloudsim-Seq"))
        .chain([("X-Cloudsim-Seq".to_string(), seq.to_string())])
        .collect();
    let req = Request {
        method,
        path: path.to_string(),
        query: query.to_string(),
        headers,
        body,
    };
    let (response, injected) = catch_unwind(AssertUnwindSafe(|| app.cloud.handle_with_faults(&req, now_ms())))
        .unwrap_or_else(|_| {
            let body = r#"{"error_code":"iMetal.0500","error_msg":"Internal server error"}"#;
            (json_response(500, body.into()), Injected::default())
        });
    app.stats.record(path_template(path), injected.kind);
    (response, injected)
}

/// Answers one HTTP request.
fn serve(app: &App, mut rq: tiny_http::Request) {
    let method = rq.method().as_str().to_string();
    let path = rq.url().split_once('?').map_or(rq.url(), |(p, _)| p).to_string();
    let (response, injected, methods) = match control(app, &method, &path) {
        Some((response, methods)) => (response, Injected::default(), methods),
        None => {
            let (response, injected) = answer(app, &mut rq, method);
            (response, injected, api_methods(&path))
        }
    };
    sleep_ms(injected.latency_ms);
    if injected.disconnect {
        return disconnect(rq);
    }
    let Response { status, headers, body } = response;
    let cors = CORS.map(|(n, v)| (n, if n == CORS[2].0 { methods } else { v }));
    let all: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .chain(cors)
        .collect();
    respond(rq, status, &all, body.as_bytes(), injected.slow_body_ms);
}

/// Drops the request without an answer. When the connection closes after
/// it, the client just sees it close; on a kept-alive connection (which
/// tiny_http cannot close from here) a line that is not HTTP makes the
/// client give up on it at once instead of waiting.
fn disconnect(rq: tiny_http::Request) {
    let closes = closes_after(&rq);
    let mut writer = rq.into_writer();
    if !closes {
        let _ = writer.write_all(b"CLOUDSIM-DISCONNECT\r\n\r\n");
        let _ = writer.flush();
    }
}

/// Writes the answer by hand, always with `Connection: close`: the head and the first chunk
/// of the body at once, then (for a slow body) the other chunks `delay_ms` apart, each
/// flushed.
///
/// Closing every connection keeps tiny_http 0.12's connection pool from starving: a
/// connection a proxy keeps alive holds one of its threads while idle, and a new
/// connection that races another can then wait in its queue until an idle one is dropped
/// (seen as 20 s stalls behind a keep-alive proxy). Reconnecting costs ~0.1 ms on loopback.
fn respond(rq: tiny_http::Request, status: u16, headers: &[(&str, &str)], body: &[u8], delay_ms: u64) {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", StatusCode(status).default_reason_phrase());
    // A header line break would split the answer: such a header is dropped.
    let fits = |text: &str| !text.contains(['\r', '\n']);
    for (name, value) in headers.iter().filter(|(n, v)| fits(n) && fits(v)) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n", body.len()));
    if delay_ms == 0 {
        let mut writer = rq.into_writer();
        let mut all = head.into_bytes();
        all.extend_from_slice(body);
        // The client may have gone away; nothing to do about it.
        let _ = writer.write_all(&all).and_then(|()| writer.flush());
        return;
    }
    let mut writer = rq.into_writer();
    let chunk = body.len().div_ceil(SLOW_CHUNKS).max(1);
    let write = |w: &mut dyn Write, bytes: &[u8]| w.write_all(bytes).and_then(|()| w.flush());
    if write(&mut writer, head.as_bytes()).is_err() {
        return;
    }
    for (i, part) in body.chunks(chunk).enumerate() {
        if i > 0 {
            sleep_ms(delay_ms);
        }
        if write(&mut writer, part).is_err() {
            return;
        }
    }
}

fn main() -> ExitCode {
    let args = match args::parse_args(std::env::args().skip(1), now_ms()) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{}", args::usage());
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("cloudsim: {msg}\n\n{}", args::usage());
            return ExitCode::from(2);
        }
    };
    let server = match Server::http(("127.0.0.1", args.port)) {
        Ok(server) => Arc::new(server),
        Err(err) => {
            eprintln!("cloudsim: cannot listen on 127.0.0.1:{}: {err}", args.port);
            return ExitCode::FAILURE;
        }
    };
    let port = server.server_addr().to_ip().map_or(args.port, |addr| addr.port());
    let cloud = Cloud::new(args.config);
    // Before saying it listens: so that no answer waits for the simulator's rendering.
    cloud.prerender();
    let app = Arc::new(App {
        cloud,
        stats: Stats::new(),
        seq: AtomicU64::new(0),
    });
    println!("cloudsim listening on http://127.0.0.1:{port}");
    let _ = std::io::stdout().flush();
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let server = Arc::clone(&server);
            let app = Arc::clone(&app);
            thread::spawn(move || loop {
                match server.recv() {
                    Ok(rq) => serve(&app, rq),
                    Err(_) => thread::sleep(Duration::from_millis(10)),
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
    ExitCode::SUCCESS
}

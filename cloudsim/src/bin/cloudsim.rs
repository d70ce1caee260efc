//! `cloudsim` HTTP server: serves the simulated cloud on 127.0.0.1 with CORS
//! headers so a browser page on another origin can call it.

use std::io::{Cursor, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use cloudsim::{Cloud, Config, MarkerStyle, Request, Response};
use tiny_http::{Header, Server, StatusCode};

const USAGE: &str = "\
cloudsim: a simulated cloud serving the Skyglass vendor instance APIs

    GET /v1/{project}/instances, /v1/{project}/instances/{id}/status   CloudDC (X-Auth-Token)
    GET /v2/{project}/instances                                         ROMA Connect (X-Auth-Token)
    GET /v1/instances                                                   ByCloud (Authorization: Bearer)
    GET /v1/{project}/service/{instance_name}                           ImageSearch (X-Auth-Token)

USAGE:
    cloudsim [OPTIONS]

OPTIONS:
    --port N                 port on 127.0.0.1 (default 8787; 0 picks a free port)
    --instances N            fleet size (default 300; ImageSearch: at most 60)
    --seed N                 fleet seed (default 1)
    --token T                the accepted token, every service (default demo-token)
    --project P              the accepted project_id (default demo-project)
    --marker-style bare|url  page markers as ids or as query addresses (default bare)
    --start-ms N             simulation start, Unix ms (default: now)
    --help                   print this help

Prints `cloudsim listening on http://127.0.0.1:<port>` once bound.";

/// Worker threads serving requests.
const WORKERS: usize = 8;

const CORS: [(&str, &str); 4] = [
    ("Access-Control-Allow-Origin", "*"),
    (
        "Access-Control-Allow-Headers",
        "X-Auth-Token, Authorization, Content-Type, X-Cloudsim-Fault",
    ),
    ("Access-Control-Allow-Methods", "GET, OPTIONS"),
    ("Access-Control-Expose-Headers", "Retry-After"),
];

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Parsed command line: the port and the cloud's settings.
struct Args {
    port: u16,
    config: Config,
}

/// `Ok(None)` means `--help` was asked for.
fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut port = 8787u16;
    let mut config = Config {
        start_ms: now_ms(),
        ..Config::default()
    };
    while let Some(arg) = argv.next() {
        if arg == "--help" || arg == "-h" {
            return Ok(None);
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| argv.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        fn num<T: std::str::FromStr>(flag: &str, v: String) -> Result<T, String> {
            v.parse().map_err(|_| format!("{flag}: `{v}` is not a valid number"))
        }
        match flag.as_str() {
            "--port" => port = num(&flag, value()?)?,
            "--instances" => config.instances = num(&flag, value()?)?,
            "--seed" => config.seed = num(&flag, value()?)?,
            "--start-ms" => config.start_ms = num(&flag, value()?)?,
            "--token" => config.token = value()?,
            "--project" => config.project_id = value()?,
            "--marker-style" => {
                config.marker_style = match value()?.as_str() {
                    "bare" => MarkerStyle::Bare,
                    "url" | "query" | "address" => MarkerStyle::QueryAddress,
                    other => return Err(format!("--marker-style: `{other}` is not bare or url")),
                }
            }
            _ => return Err(format!("unknown argument `{arg}`")),
        }
    }
    Ok(Some(Args { port, config }))
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// Answers one HTTP request.
fn serve(cloud: &Cloud, rq: tiny_http::Request) {
    let method = rq.method().as_str().to_string();
    let (status, headers, body) = if method.eq_ignore_ascii_case("OPTIONS") {
        (204, Vec::new(), String::new())
    } else {
        let (path, query) = rq.url().split_once('?').unwrap_or((rq.url(), ""));
        let req = Request {
            method,
            path: path.to_string(),
            query: query.to_string(),
            headers: rq
                .headers()
                .iter()
                .map(|h| (h.field.as_str().to_string(), h.value.as_str().to_string()))
                .collect(),
        };
        let Response { status, headers, body } = catch_unwind(AssertUnwindSafe(|| cloud.handle(&req, now_ms())))
            .unwrap_or_else(|_| Response {
                status: 500,
                headers: vec![("Content-Type".into(), "application/json".into())],
                body: r#"{"error_code":"iMetal.0500","error_msg":"Internal server error"}"#.into(),
            });
        (status, headers, body)
    };
    let all = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .chain(CORS)
        .filter_map(|(n, v)| header(n, v))
        .collect();
    let len = body.len();
    let response = tiny_http::Response::new(StatusCode(status), all, Cursor::new(body.into_bytes()), Some(len), None);
    // The client may have gone away; nothing to do about it.
    let _ = rq.respond(response);
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("cloudsim: {msg}\n\n{USAGE}");
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
    let cloud = Arc::new(Cloud::new(args.config));
    println!("cloudsim listening on http://127.0.0.1:{port}");
    let _ = std::io::stdout().flush();
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let server = Arc::clone(&server);
            let cloud = Arc::clone(&cloud);
            thread::spawn(move || loop {
                match server.recv() {
                    Ok(rq) => serve(&cloud, rq),
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

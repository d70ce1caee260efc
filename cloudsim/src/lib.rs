//! `cloudsim`: a simulated cloud speaking the vendor instance APIs that
//! Skyglass reads.
//!
//! The library is pure: a [`Request`] and the current time go in, a
//! [`Response`] comes out, and the same inputs always give the same output.
//! It uses no clocks, threads or files, so it runs inside a WebAssembly page
//! as well as behind the `cloudsim` HTTP server binary.
//!
//! Served today (CloudDC / iMetal):
//! - `GET /v1/{project_id}/instances` (marker paging, filters)
//! - `GET /v1/{project_id}/instances/{id}/status`
//!
//! The fleet (ids, creation times, lifecycle timelines) lives in `fleet`
//! and is vendor-neutral; CloudDC's rendering lives in `clouddc`. More
//! services can be added as further rendering modules over the same fleet.

#![warn(missing_docs)]

mod clouddc;
mod encode;
mod errors;
mod fleet;
mod profile;
mod query;
mod rng;
mod timeline;

use errors::{throttled, ApiError};
use fleet::{Fleet, FleetSpec};
use query::Params;

/// An HTTP request as the simulation sees it.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path, e.g. `/v1/demo-project/instances` (a `?query` left on it is
    /// split off when `query` is empty).
    pub path: String,
    /// The raw query without `?`; may be "".
    pub query: String,
    /// Header names are matched case-insensitively.
    pub headers: Vec<(String, String)>,
}

/// An HTTP response. Every response carries `Content-Type: application/json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// HTTP status code.
    pub status: u16,
    /// Response headers (`Content-Type`, and `Retry-After` on 429, `Allow`
    /// on 405).
    pub headers: Vec<(String, String)>,
    /// JSON text.
    pub body: String,
}

impl Response {
    pub(crate) fn json(status: u16, body: String) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".to_string(), "application/json".to_string())],
            body,
        }
    }
}

/// How `page_info.next_marker` / `previous_marker` are written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkerStyle {
    /// The id of the boundary item.
    Bare,
    /// A query address: `/v1/{project_id}/instances?limit=L&marker=M`
    /// (plus the request's filters), URL-encoded.
    QueryAddress,
}

/// The simulated cloud's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Fleet size.
    pub instances: usize,
    /// Same seed, same fleet.
    pub seed: u64,
    /// The only accepted `X-Auth-Token`.
    pub token: String,
    /// The only accepted `{project_id}`.
    pub project_id: String,
    /// The simulation's start (Unix ms): timelines are relative to it. Values
    /// outside 541 days after the epoch … year 10000 are moved into that range.
    pub start_ms: i64,
    /// How paging markers are rendered.
    pub marker_style: MarkerStyle,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            instances: 300,
            seed: 1,
            token: "demo-token".to_string(),
            project_id: "demo-project".to_string(),
            start_ms: 1_767_225_600_000,
            marker_style: MarkerStyle::Bare,
        }
    }
}

/// The simulated cloud: a fleet plus the API surface over it.
#[derive(Clone, Debug)]
pub struct Cloud {
    config: Config,
    fleet: Fleet,
}

/// A recognised API path.
enum Route {
    List { project: String },
    Status { project: String, id: String },
}

impl Route {
    fn parse(path: &str) -> Option<Route> {
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        let segs: Vec<String> = path
            .split('/')
            .map(|s| encode::percent_decode(s, false))
            .collect();
        let seg = |i: usize| segs.get(i).map(String::as_str);
        if seg(0) != Some("v1") || seg(2) != Some("instances") || segs[1].is_empty() {
            return None;
        }
        let project = segs[1].clone();
        match segs.len() {
            3 => Some(Route::List { project }),
            5 if seg(4) == Some("status") && !segs[3].is_empty() => Some(Route::Status {
                project,
                id: segs[3].clone(),
            }),
            _ => None,
        }
    }

    fn project(&self) -> &str {
        match self {
            Route::List { project } | Route::Status { project, .. } => project,
        }
    }
}

/// The first value of header `name` (case-insensitive), trimmed.
fn header<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim())
}

/// The status forced by `X-Cloudsim-Fault: status=<code>`, if any.
fn forced_status(req: &Request) -> Option<u16> {
    header(req, "X-Cloudsim-Fault")?
        .split([';', ','])
        .filter_map(|part| part.trim().strip_prefix("status="))
        .filter_map(|code| code.trim().parse::<u16>().ok())
        .find(|code| (100..=599).contains(code))
}

/// The documented response for a forced `status` on `route`.
fn fault(route: &Route, status: u16) -> Response {
    let err = match (status, route) {
        (429, _) => return throttled(),
        (400, _) => ApiError::bad_param("forced by X-Cloudsim-Fault"),
        (401, _) => ApiError::unauthorized(),
        (404, Route::Status { id, .. }) => ApiError::instance_not_found(id),
        (404, Route::List { .. }) => ApiError::no_such_api(),
        (500, _) => ApiError::internal(),
        (other, _) => ApiError::forced(other),
    };
    err.into_response()
}

impl Cloud {
    /// Builds the fleet for `config` (deterministic for its seed and start).
    pub fn new(config: Config) -> Cloud {
        let fleet = Fleet::generate(FleetSpec {
            instances: config.instances,
            seed: config.seed,
            start_ms: config.start_ms,
        });
        Cloud { config, fleet }
    }

    /// The settings this cloud was built with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Answers one request as the cloud looks at `now_ms` (Unix ms). Pure:
    /// the same inputs always give the same output.
    ///
    /// Order of checks: path (404) → method (405) → `X-Cloudsim-Fault` →
    /// `X-Auth-Token` (401) → project (400) → query (400) → result.
    pub fn handle(&self, req: &Request, now_ms: i64) -> Response {
        let (path, query) = match req.path.split_once('?') {
            Some((p, q)) if req.query.is_empty() => (p, q),
            Some((p, _)) => (p, req.query.as_str()),
            None => (req.path.as_str(), req.query.as_str()),
        };
        let Some(route) = Route::parse(path) else {
            return ApiError::no_such_api().into_response();
        };
        if !req.method.eq_ignore_ascii_case("GET") {
            return ApiError::method_not_allowed(&req.method).into_response();
        }
        if let Some(status) = forced_status(req) {
            return fault(&route, status);
        }
        if header(req, "X-Auth-Token") != Some(self.config.token.as_str()) {
            return ApiError::unauthorized().into_response();
        }
        if route.project() != self.config.project_id {
            return ApiError::bad_project(route.project()).into_response();
        }
        let result = match &route {
            Route::List { .. } => {
                clouddc::list(&self.config, &self.fleet, &Params::parse(query), now_ms)
            }
            Route::Status { id, .. } => clouddc::status(&self.fleet, id, now_ms),
        };
        match result {
            Ok(body) => Response::json(200, body),
            Err(err) => err.into_response(),
        }
    }
}

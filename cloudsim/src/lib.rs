//! `cloudsim`: a simulated cloud speaking the vendor instance APIs that
//! Skyglass reads.
//!
//! The library is pure: a [`Request`] and the current time go in, a
//! [`Response`] comes out, and the same inputs always give the same output.
//! It uses no clocks, threads or files, so it runs inside a WebAssembly page
//! as well as behind the `cloudsim` HTTP server binary.
//!
//! Served:
//! - CloudDC / iMetal: `GET /v1/{project_id}/instances` (marker paging,
//!   filters) and `GET /v1/{project_id}/instances/{id}/status`, with
//!   `X-Auth-Token`;
//! - ROMA Connect: `GET /v2/{project_id}/instances` (offset paging, status
//!   filter), with `X-Auth-Token`;
//! - ByCloud: `GET /v1/instances` (marker paging, filters, absolute links),
//!   with `Authorization: Bearer`;
//! - ImageSearch: `GET /v1/{project_id}/service/{instance_name}`, with
//!   `X-Auth-Token` (instance names: [`imagesearch_names`]).
//!
//! All share `Config::token` and `Config::project_id`. The test-only header
//! `X-Cloudsim-Fault: status=N` makes any of them answer N with that
//! service's error body (429 adds `Retry-After: 2`).
//!
//! Fault injection (`faults`): `Config::faults` ([`Faults`]) and more
//! `X-Cloudsim-Fault` directives (`status=N; latency=MS; retry-after=S|none;
//! truncate; slow=MS; cycle; disconnect; hostile; huge`) add error rates,
//! 429 bursts, truncated bodies, looping markers, hostile (`hostile`, the
//! corpus of [`xss_payloads`]) and huge (`huge`) data, and decide latency,
//! slow bodies and disconnects for the server to carry out
//! ([`Cloud::handle_with_faults`], [`Injected`]). Random choices hash the
//! seed, method, path, query, time and an optional `X-Request-Nonce`
//! header; ROMA's growing total reads the server's `X-Cloudsim-Seq`.
//! `hostile` and `huge` rewrite the rendered body through `jsontree`.
//!
//! CloudDC's fleet is generated up front (`fleet`, `timeline`, `profile`,
//! rendered by `clouddc`). The other services each have their own fleet,
//! salted from the same seed and derived lazily per instance (`roster`):
//! `roma_fleet`/`roma`, `bycloud_fleet`/`bycloud`, `imagesearch`. Each
//! evolves from `Config::start_ms` in its own vocabulary.

#![warn(missing_docs)]

mod bycloud;
mod bycloud_fleet;
mod clouddc;
mod ctx;
mod encode;
mod errors;
mod faults;
mod fleet;
mod hostile;
mod huge;
mod imagesearch;
mod jsontree;
mod profile;
mod query;
mod rng;
mod roma;
mod roma_fleet;
mod roster;
mod route;
mod timeline;

use std::cell::Cell;

use ctx::Ctx;
use errors::{throttled, ApiError};
use faults::Api;
use fleet::{Fleet, FleetSpec};
use route::Route;

pub use faults::{Faults, Injected, FAULT_KINDS};
pub use hostile::payloads as xss_payloads;

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
    /// Fleet size of CloudDC, ROMA Connect and ByCloud (each its own
    /// fleet); ImageSearch serves at most 60.
    pub instances: usize,
    /// Same seed, same fleet.
    pub seed: u64,
    /// The only accepted token: `X-Auth-Token`, or ByCloud's
    /// `Authorization: Bearer <token>`.
    pub token: String,
    /// The only accepted `{project_id}` (ByCloud's path has none).
    pub project_id: String,
    /// The simulation's start (Unix ms): timelines are relative to it. Values
    /// outside 541 days after the epoch … year 10000 are moved into that range.
    pub start_ms: i64,
    /// How CloudDC's paging markers are rendered.
    pub marker_style: MarkerStyle,
    /// Fault injection; `Faults::default()` injects nothing.
    pub faults: Faults,
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
            faults: Faults::default(),
        }
    }
}

/// The simulated cloud: the services' fleets plus the API surface over them.
#[derive(Clone, Debug)]
pub struct Cloud {
    config: Config,
    fleet: Fleet,
    roma: roma_fleet::Fleet,
    bycloud: bycloud_fleet::Fleet,
}

/// The documented CloudDC response for a forced `status` on `route`
/// (`detail`: why, in a 400's message).
fn clouddc_fault(route: &Route, status: u16, detail: &str) -> Response {
    let err = match (status, route) {
        (429, _) => return throttled(),
        (400, _) => ApiError::bad_param(detail),
        (401, _) => ApiError::unauthorized(),
        (404, Route::Status { id, .. }) => ApiError::instance_not_found(id),
        (404, _) => ApiError::no_such_api(),
        (500, _) => ApiError::internal(),
        (other, _) => ApiError::forced(other),
    };
    err.into_response()
}

/// The names of the ImageSearch instances `config` serves, in index order:
/// `min(config.instances, 60)` names `imagesearch-00`, `imagesearch-01`, …
/// (two-digit index), except three awkward ones where the fleet is large
/// enough:
/// - index 3: `imagesearch-03 copy` (a space),
/// - index 5: `imagesearch-05-图片搜索` (non-ASCII),
/// - index 7: `imagesearch-07-<b>markup</b>` (markup; its `/` must be sent
///   as `%2F` in the path, like any reserved character).
///
/// The path segment is percent-decoded before it is compared.
pub fn imagesearch_names(config: &Config) -> Vec<String> {
    (0..imagesearch::count(config)).map(imagesearch::name).collect()
}

/// The API template a request path belongs to, for per-API statistics:
/// `/v1/{project_id}/instances`, `/v1/{project_id}/instances/{id}/status`,
/// `/v2/{project_id}/instances`, `/v1/instances`,
/// `/v1/{project_id}/service/{instance_name}`, or `other`.
pub fn path_template(path: &str) -> &'static str {
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    match Route::parse(path) {
        Some(Route::List { .. }) => "/v1/{project_id}/instances",
        Some(Route::Status { .. }) => "/v1/{project_id}/instances/{id}/status",
        Some(Route::RomaList { .. }) => "/v2/{project_id}/instances",
        Some(Route::ByCloudList) => "/v1/instances",
        Some(Route::ImageSearch { .. }) => "/v1/{project_id}/service/{instance_name}",
        None => "other",
    }
}

impl Cloud {
    /// Builds the fleets for `config` (deterministic for its seed and start;
    /// only CloudDC's is generated up front, the others on demand).
    pub fn new(config: Config) -> Cloud {
        let fleet = Fleet::generate(FleetSpec {
            instances: config.instances,
            seed: config.seed,
            start_ms: config.start_ms,
        });
        Cloud {
            roma: roma_fleet::Fleet::new(&config),
            bycloud: bycloud_fleet::Fleet::new(&config),
            config,
            fleet,
        }
    }

    /// Renders the unchanging part of every CloudDC and ByCloud instance's JSON now (it is
    /// otherwise rendered on first use and kept): a server does this before it listens, so
    /// that even the first walk through a large fleet answers at once and a latency
    /// benchmark measures the injected latency, not the simulator.
    pub fn prerender(&self) {
        clouddc::prerender(&self.fleet, self.config.seed);
        bycloud::prerender(&self.bycloud);
    }

    /// The settings this cloud was built with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Answers one request as the cloud looks at `now_ms` (Unix ms). Pure:
    /// the same inputs always give the same output.
    ///
    /// An unknown path answers 404 `APIGW.0101`. Then, per service:
    /// - CloudDC: method (405) → `X-Cloudsim-Fault` → `X-Auth-Token` (401)
    ///   → project (400) → query (400) → result;
    /// - ROMA Connect: method → fault → `X-Auth-Token` (401) → project (403)
    ///   → query (400) → result;
    /// - ByCloud: method → fault → `Authorization: Bearer` (401) → result;
    /// - ImageSearch: method → fault → `X-Auth-Token` (400 `IS.0004`) →
    ///   project (400 `IS.0002`) → instance name (400 `IS.0010`) → result.
    ///
    /// The faults of `Config::faults` and of the request's
    /// `X-Cloudsim-Fault` directives apply too (statuses, `Retry-After`,
    /// truncation, marker cycles, hostile and huge data); timing and
    /// disconnects are ignored (see [`Cloud::handle_with_faults`]).
    pub fn handle(&self, req: &Request, now_ms: i64) -> Response {
        self.handle_with_faults(req, now_ms).0
    }

    /// [`Cloud::handle`], plus what was injected: the latency, slow body
    /// and disconnect for a server to carry out, and the fault's kind for
    /// its statistics. Unknown paths (404) get no faults.
    ///
    /// Each request's random choices come from the seed, method, path,
    /// query, `now_ms` and the optional `X-Request-Nonce` header.
    pub fn handle_with_faults(&self, req: &Request, now_ms: i64) -> (Response, Injected) {
        let (path, query) = match req.path.split_once('?') {
            Some((p, q)) if req.query.is_empty() => (p, q),
            Some((p, _)) => (p, req.query.as_str()),
            None => (req.path.as_str(), req.query.as_str()),
        };
        let Some(route) = Route::parse(path) else {
            return (ApiError::no_such_api().into_response(), Injected::default());
        };
        let decision = faults::decide(&self.config, req, path, query, now_ms);
        let ctx = Ctx {
            config: &self.config,
            req,
            path,
            query,
            now_ms,
            fx: &decision,
            cycled: Cell::new(false),
        };
        let (response, api) = match &route {
            Route::List { .. } => (self.clouddc(&ctx, &route), Api::ClouddcList),
            Route::Status { .. } => (self.clouddc(&ctx, &route), Api::ClouddcStatus),
            Route::RomaList { project } => (roma::handle(&ctx, &self.roma, project), Api::Roma),
            Route::ByCloudList => (bycloud::handle(&ctx, &self.bycloud), Api::ByCloud),
            Route::ImageSearch { project, name } => (imagesearch::handle(&ctx, project, name), Api::ImageSearch),
        };
        faults::finish(response, &decision, api, ctx.cycled.get())
    }

    /// CloudDC's checks and result.
    fn clouddc(&self, ctx: &Ctx, route: &Route) -> Response {
        if !ctx.is_get() {
            return ApiError::method_not_allowed(&ctx.req.method).into_response();
        }
        if let Some(status) = ctx.forced_status() {
            return clouddc_fault(route, status, ctx.fault_detail());
        }
        if !ctx.has_auth_token() {
            return ApiError::unauthorized().into_response();
        }
        let result = match route {
            Route::List { project } | Route::Status { project, .. } if *project != self.config.project_id => {
                Err(ApiError::bad_project(project))
            }
            Route::Status { id, .. } => clouddc::status(&self.fleet, id, ctx.now_ms),
            _ => clouddc::list(ctx, &self.fleet),
        };
        match result {
            Ok(body) => Response::json(200, body),
            Err(err) => err.into_response(),
        }
    }
}

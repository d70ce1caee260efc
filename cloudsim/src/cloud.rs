//! [`Cloud`]: the services of the registry behind one request handler, with
//! the fault layer around them.

use std::cell::Cell;
use std::fmt;
use std::sync::Arc;

use crate::config::Config;
use crate::ctx::Ctx;
use crate::faults::apply::finish;
use crate::faults::decide::decide;
use crate::faults::injected::Injected;
use crate::gateway::no_such_api;
use crate::http::{Request, Response};
use crate::registry;
use crate::service::{find, SimService};

/// The simulated cloud: the services' fleets plus the API surface over them.
///
/// Cloning is cheap: clones share the (immutable) fleets.
#[derive(Clone)]
pub struct Cloud {
    config: Config,
    services: Arc<[Box<dyn SimService>]>,
}

impl fmt::Debug for Cloud {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.services.iter().map(|s| s.name()).collect();
        f.debug_struct("Cloud")
            .field("config", &self.config)
            .field("services", &names)
            .finish()
    }
}

/// The API template a request path belongs to, for per-API statistics: one
/// of [`api_templates`] (`/v1/{project_id}/instances`, …), or `other`.
pub fn path_template(path: &str) -> &'static str {
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    find(registry::routers(), path).map_or("other", |(_, route)| route.template)
}

/// Every API template [`path_template`] can answer besides `other`, in
/// registry order (the server's statistics count by them).
pub fn api_templates() -> Vec<&'static str> {
    registry::routers()
        .iter()
        .flat_map(|service| service.apis().iter().copied())
        .collect()
}

/// One simulated service as the server's help describes it.
#[derive(Clone, Copy, Debug)]
pub struct Served {
    /// The service's name ("CloudDC", "ROMA Connect", …).
    pub name: &'static str,
    /// Its API templates.
    pub apis: &'static [&'static str],
    /// Their HTTP method (`GET`; IAM's `POST`).
    pub method: &'static str,
    /// The credential they take (`X-Auth-Token or AK/SK signature`,
    /// `Authorization: Bearer`, IAM's password).
    pub credential: &'static str,
}

/// Every simulated service, in registry order.
pub fn served() -> Vec<Served> {
    registry::routers()
        .iter()
        .map(|service| Served {
            name: service.name(),
            apis: service.apis(),
            method: service.method(),
            credential: service.credential(),
        })
        .collect()
}

impl Cloud {
    /// Builds the fleets for `config` (deterministic for its seed, epoch and
    /// start; only CloudDC's is generated up front, the others on demand).
    pub fn new(config: Config) -> Cloud {
        Cloud {
            services: registry::services(&config).into(),
            config,
        }
    }

    /// Renders the unchanging part of every instance's JSON now, in the services that keep
    /// it (`SimService::prerender`; it is otherwise rendered on first use and kept): a
    /// server does this before it listens, so
    /// that even the first walk through a large fleet answers at once and a latency
    /// benchmark measures the injected latency, not the simulator.
    pub fn prerender(&self) {
        for service in self.services.iter() {
            service.prerender();
        }
    }

    /// The settings this cloud was built with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Answers one request as the cloud looks at `now_ms` (Unix ms). Pure:
    /// the same inputs always give the same output.
    ///
    /// An unknown path answers 404 `APIGW.0101`. Otherwise the service
    /// that claims the path checks the request in its documented order
    /// (`SimService::handle`) — CloudDC's, for one: method (405) →
    /// `X-Cloudsim-Fault` → `X-Auth-Token` (401) → project (400) → query
    /// (400) → result.
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
        let (path, query) = req.target();
        let Some((service, route)) = find(&self.services, path) else {
            return (no_such_api(), Injected::default());
        };
        let decision = decide(&self.config, req, path, query, now_ms);
        let ctx = Ctx {
            config: &self.config,
            req,
            path,
            query,
            now_ms,
            fx: &decision,
            cycled: Cell::new(false),
        };
        let response = service.handle(&ctx, &route);
        finish(response, &decision, service, &route, ctx.cycled.get())
    }
}

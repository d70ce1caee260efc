//! The interface every simulated service implements ([`SimService`]), and
//! finding the service a path belongs to.
//!
//! A service owns its fleet (built from the `Config`), names its APIs by
//! template, answers the requests routed to it, and tells the fault layer
//! how its answers take hostile and huge data. The list of services is
//! `registry`.

use crate::ctx::Ctx;
use crate::http::Response;
use crate::huge::Growth;
use crate::jsontree::Node;
use crate::route::{Path, Route};

/// One simulated service.
pub trait SimService: Send + Sync {
    /// The service's name as prose writes it ("CloudDC", "ROMA Connect", …).
    fn name(&self) -> &'static str;

    /// The API templates this service answers, e.g.
    /// `/v1/{project_id}/instances`: what `path_template` reports for
    /// statistics. Paths are matched against them in this order.
    fn apis(&self) -> &'static [&'static str];

    /// The HTTP method of this service's APIs (`GET` unless it says
    /// otherwise): the server's help and its CORS answers.
    fn method(&self) -> &'static str {
        "GET"
    }

    /// The credential this service's APIs take, as its documentation names
    /// it: the server's help. The default is what `Ctx::credentials` checks:
    /// the configured or an IAM-issued `X-Auth-Token`, or an AK/SK
    /// signature.
    fn credential(&self) -> &'static str {
        "X-Auth-Token or AK/SK signature"
    }

    /// Whether `path` is one of this service's APIs, and with which
    /// parameters. The default matches [`SimService::apis`]. Must not
    /// depend on the configuration: `path_template` routes with services
    /// built for no instances.
    fn route(&self, path: &Path) -> Option<Route> {
        path.route(self.apis())
    }

    /// Answers a request `route`d here: the service's checks in its
    /// documented order (method, forced fault status, credentials
    /// (`Ctx::credentials`), project, query), then the result. Faults are
    /// applied to the answer afterwards.
    fn handle(&self, ctx: &Ctx, route: &Route) -> Response;

    /// Hostile mode (`Faults::hostile`), on `route`'s parsed 200 body before
    /// every free-text string becomes a payload: adds the blank members
    /// (tags, metadata) the payloads fill. Default: nothing to add.
    fn hostile_prepare(&self, _route: &Route, _root: &mut Node) {}

    /// Huge mode (`Faults::huge`): how `route`'s 200 pages grow. `None` (the
    /// default): not a list API; huge mode leaves its answers alone.
    fn huge(&self, _route: &Route) -> Option<Growth> {
        None
    }

    /// Renders the unchanging JSON of every instance now instead of on first
    /// use (see `Cloud::prerender`). Default: nothing is cached.
    fn prerender(&self) {}
}

/// The first of `services` that `path` (without its query) belongs to, and
/// its route.
pub fn find<'a>(services: &'a [Box<dyn SimService>], path: &str) -> Option<(&'a dyn SimService, Route)> {
    let path = Path::parse(path)?;
    services
        .iter()
        .find_map(|service| service.route(&path).map(|route| (service.as_ref(), route)))
}

//! What every service handler reads from a request (headers, the query, the
//! time, the faults decided for it) and the pieces their error bodies share
//! (request ids, the forced fault status).

use std::cell::Cell;

use crate::config::Config;
use crate::encode::hex32;
use crate::faults::decide::Decision;
use crate::http::{header, Request};
use crate::query::{parse_digits, Params};
use crate::rng::{fnv1a, Rng};

/// One request being answered.
pub struct Ctx<'a> {
    pub config: &'a Config,
    pub req: &'a Request,
    /// The path without its query.
    pub path: &'a str,
    /// The raw query without `?`.
    pub query: &'a str,
    pub now_ms: i64,
    /// The faults decided for this request (`faults::decide`).
    pub fx: &'a Decision,
    /// Set by a list handler when `fx.cycle` changed its answer.
    pub cycled: Cell<bool>,
}

impl Ctx<'_> {
    /// The first value of header `name` (case-insensitive), trimmed.
    pub fn header(&self, name: &str) -> Option<&str> {
        header(self.req, name)
    }

    /// Whether the method is GET (any case).
    pub fn is_get(&self) -> bool {
        self.req.method.eq_ignore_ascii_case("GET")
    }

    /// The status forced for this request (`X-Cloudsim-Fault: status=N`,
    /// or injected by the run's error rates or 429 bursts), if any.
    pub fn forced_status(&self) -> Option<u16> {
        self.fx.status
    }

    /// The `details` text of a forced status's error body.
    pub fn fault_detail(&self) -> &'static str {
        self.fx.detail
    }

    /// Whether paging should misbehave (`Faults::marker_cycle`).
    pub fn cycle(&self) -> bool {
        self.fx.cycle
    }

    /// Records that `cycle` changed this answer.
    pub fn mark_cycled(&self) {
        self.cycled.set(true);
    }

    /// This request's sequence number: the `X-Cloudsim-Seq` header the
    /// server sets (its request counter), or else the whole seconds since
    /// `Config::start_ms` (never negative).
    pub fn sequence(&self) -> u64 {
        match self.header("X-Cloudsim-Seq").and_then(parse_digits) {
            Some(seq) => seq,
            None => (self.now_ms.saturating_sub(self.config.start_ms) / 1_000).max(0) as u64,
        }
    }

    /// Whether `X-Auth-Token` is the configured token.
    pub fn has_auth_token(&self) -> bool {
        self.header("X-Auth-Token") == Some(self.config.token.as_str())
    }

    /// The decoded query parameters.
    pub fn params(&self) -> Params {
        Params::parse(self.query)
    }

    /// A request id (32 hex digits), deterministic for the request, the
    /// time and the seed, as the services' error bodies carry.
    pub fn request_id(&self) -> String {
        let hash = fnv1a(&[
            self.req.method.as_bytes(),
            self.path.as_bytes(),
            self.query.as_bytes(),
            &self.now_ms.to_le_bytes(),
        ]);
        hex32(Rng::new(self.config.seed ^ hash, 0x5245_5149).next_u128())
    }
}

//! What every service handler reads from a request (headers, the query, the
//! time, the faults decided for it, whether its credentials hold) and the
//! pieces their error bodies share (request ids, the forced fault status).

use std::cell::Cell;

use crate::aksk;
use crate::config::Config;
use crate::encode::hex32;
use crate::faults::decide::Decision;
use crate::gateway;
use crate::http::{header, Request, Response};
use crate::query::{parse_digits, Params};
use crate::rng::{fnv1a, Rng};
use crate::tokens::accepts;

/// Why [`Ctx::credentials`] refused a request.
#[derive(Debug)]
pub enum Denied {
    /// No credential, or a token that is not (or no longer) valid: the
    /// service answers with its own 401 (ImageSearch: its 400).
    Token,
    /// An AK/SK signature that does not verify: the API gateway's answer.
    Gateway(Response),
}

impl Denied {
    /// The answer to a refused request: the service's own (`own`) for
    /// [`Denied::Token`], the gateway's for [`Denied::Gateway`].
    pub fn answer(self, own: impl FnOnce() -> Response) -> Response {
        match self {
            Denied::Token => own(),
            Denied::Gateway(response) => response,
        }
    }
}

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

    /// Checks the request's credentials, for the services that take an
    /// `X-Auth-Token` or an AK/SK signature:
    ///
    /// - an `X-Auth-Token` (when there is one, it decides): the configured
    ///   `Config::token`, or a token IAM issued that has not expired;
    /// - otherwise an `Authorization: SDK-HMAC-SHA256 …` signature by one of
    ///   `Config::access_keys` (`aksk::verify`); its failures are the API
    ///   gateway's 401 `APIGW.0301`, whatever the service.
    pub fn credentials(&self) -> Result<(), Denied> {
        let config = self.config;
        match self.header("X-Auth-Token") {
            Some(token) if token == config.token => return Ok(()),
            Some(token) if accepts(config, token, self.now_ms) => return Ok(()),
            Some(token) if !token.is_empty() => return Err(Denied::Token),
            _ => {}
        }
        if !aksk::is_signed(self.req) {
            return Err(Denied::Token);
        }
        aksk::verify(self.req, &config.access_keys, self.now_ms)
            .map(|_| ())
            .map_err(|msg| Denied::Gateway(gateway::unauthorized(&self.request_id(), &msg)))
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

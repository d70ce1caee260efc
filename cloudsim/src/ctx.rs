//! What every service handler reads from a request (headers, the query, the
//! time) and the pieces their error bodies share (request ids, the forced
//! fault status, `Retry-After`).

use crate::encode::hex32;
use crate::query::Params;
use crate::rng::Rng;
use crate::{Config, Request, Response};

/// One request being answered.
pub struct Ctx<'a> {
    pub config: &'a Config,
    pub req: &'a Request,
    /// The path without its query.
    pub path: &'a str,
    /// The raw query without `?`.
    pub query: &'a str,
    pub now_ms: i64,
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

    /// The status forced by `X-Cloudsim-Fault: status=<code>`, if any.
    pub fn forced_status(&self) -> Option<u16> {
        forced_status(self.req)
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
        // FNV-1a over everything that identifies the request.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let parts = [
            self.req.method.as_bytes(),
            self.path.as_bytes(),
            self.query.as_bytes(),
            &self.now_ms.to_le_bytes(),
        ];
        for part in parts {
            for &b in part.iter().chain(&[0xff]) {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        hex32(Rng::new(self.config.seed ^ hash, 0x5245_5149).next_u128())
    }
}

/// The first value of header `name` (case-insensitive), trimmed.
pub fn header<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim())
}

/// The status forced by `X-Cloudsim-Fault: status=<code>`, if any.
pub fn forced_status(req: &Request) -> Option<u16> {
    header(req, "X-Cloudsim-Fault")?
        .split([';', ','])
        .filter_map(|part| part.trim().strip_prefix("status="))
        .filter_map(|code| code.trim().parse::<u16>().ok())
        .find(|code| (100..=599).contains(code))
}

/// `response` with the headers its status calls for: `Retry-After: 2` on
/// 429, `Allow` on 405.
pub fn with_status_headers(mut response: Response) -> Response {
    match response.status {
        429 => response.headers.push(("Retry-After".to_string(), "2".to_string())),
        405 => response.headers.push(("Allow".to_string(), "GET, OPTIONS".to_string())),
        _ => {}
    }
    response
}

/// Parses a plain unsigned decimal (ASCII digits only; no sign, no spaces).
/// `Some(u64::MAX)` when it has too many digits.
pub fn parse_digits(value: &str) -> Option<u64> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(value.parse::<u64>().unwrap_or(u64::MAX))
}

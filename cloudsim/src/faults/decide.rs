//! Deciding the faults of one request from the run's settings and the
//! request's `X-Cloudsim-Fault` directives.

use crate::config::Config;
use crate::faults::echo;
use crate::faults::injected::status_kind;
use crate::http::{header, Request};
use crate::query::parse_digits;
use crate::rng::{fnv1a, Rng};

const FORCED: &str = "forced by X-Cloudsim-Fault";
const INJECTED: &str = "injected by cloudsim --error-rate";
const BURST: &str = "injected by cloudsim --burst-429";

/// The faults decided for one request.
#[derive(Clone, Debug)]
pub struct Decision {
    /// The status to answer with the service's error body.
    pub status: Option<u16>,
    /// The fault kind naming that status.
    pub status_kind: &'static str,
    /// The `details` of that error body, where the service has one.
    pub detail: &'static str,
    /// `Retry-After` seconds on a 429 (`None`: no header).
    pub retry_after: Option<u64>,
    /// Cut a 200 body short.
    pub truncate: bool,
    /// Random bits choosing where a truncated body is cut.
    pub cut: u64,
    /// Paging misbehaves (`Faults::marker_cycle`).
    pub cycle: bool,
    /// Free text becomes XSS payloads.
    pub hostile: bool,
    /// List pages become huge.
    pub huge: bool,
    /// The server closes the connection instead.
    pub disconnect: bool,
    /// The server waits this long before answering.
    pub latency_ms: u64,
    /// The server writes the body in chunks this far apart.
    pub slow_body_ms: u64,
    /// A list call answers 500 repeating these credentials headers (name, value).
    pub echo: Option<Vec<(String, String)>>,
}

/// The `X-Cloudsim-Fault` directives of a request.
#[derive(Default)]
struct Directives {
    status: Option<u16>,
    latency: Option<u64>,
    retry_after: Option<Option<u64>>,
    slow: Option<u64>,
    truncate: bool,
    cycle: bool,
    disconnect: bool,
    hostile: bool,
    huge: bool,
    echo: bool,
}

fn directives(req: &Request) -> Directives {
    let mut d = Directives::default();
    let Some(value) = header(req, "X-Cloudsim-Fault") else {
        return d;
    };
    for part in value.split([';', ',']) {
        let (name, arg) = match part.split_once('=') {
            Some((name, arg)) => (name.trim(), arg.trim()),
            None => (part.trim(), ""),
        };
        match name.to_ascii_lowercase().as_str() {
            "status" if d.status.is_none() => {
                d.status = arg.parse::<u16>().ok().filter(|c| (100..=599).contains(c));
            }
            "latency" => d.latency = parse_digits(arg),
            "slow" => d.slow = parse_digits(arg),
            "retry-after" if arg.eq_ignore_ascii_case("none") => d.retry_after = Some(None),
            "retry-after" => d.retry_after = parse_digits(arg).map(Some),
            "truncate" => d.truncate = true,
            "cycle" => d.cycle = true,
            "disconnect" => d.disconnect = true,
            "hostile" => d.hostile = true,
            "huge" => d.huge = true,
            "echo-credentials" => d.echo = true,
            _ => {}
        }
    }
    d
}

/// Whether `now_ms` falls in a 429 burst.
fn in_burst(burst: Option<(u64, u64)>, start_ms: i64, now_ms: i64) -> bool {
    match burst {
        Some((burst, period)) if burst > 0 && period > 0 => {
            let elapsed = i128::from(now_ms) - i128::from(start_ms);
            elapsed.rem_euclid(i128::from(period) * 1_000) < i128::from(burst) * 1_000
        }
        _ => false,
    }
}

/// The status the draw `u` (in `[0, 1)`) falls on, if any.
fn pick_status(rates: &[(u16, f64)], u: f64) -> Option<u16> {
    let mut acc = 0.0;
    for &(status, p) in rates {
        if (100..=599).contains(&status) && p.is_finite() && p > 0.0 {
            acc += p;
            if u < acc {
                return Some(status);
            }
        }
    }
    None
}

/// True with probability `p`.
fn chance(mut rng: Rng, p: f64) -> bool {
    p > 0.0 && rng.unit() < p
}

/// Decides the faults of one request (`path` and `query` already split).
pub fn decide(config: &Config, req: &Request, path: &str, query: &str, now_ms: i64) -> Decision {
    let f = &config.faults;
    let d = directives(req);
    let nonce = header(req, "X-Request-Nonce").unwrap_or("");
    let hash = fnv1a(&[
        req.method.as_bytes(),
        path.as_bytes(),
        query.as_bytes(),
        &now_ms.to_le_bytes(),
        nonce.as_bytes(),
    ]);
    // One independent stream per choice, so turning one fault on does not
    // change the others' decisions.
    let draw = |stream: u64| Rng::new(config.seed ^ hash, 0x4641_554c_5400 + stream);
    let (status, status_kind, detail) = match d.status {
        Some(s) => (Some(s), status_kind(s), FORCED),
        None if in_burst(f.burst_429, config.start_ms, now_ms) => (Some(429), "burst-429", BURST),
        None => match pick_status(&f.error_rates, draw(1).unit()) {
            Some(s) => (Some(s), status_kind(s), INJECTED),
            None => (None, "", FORCED),
        },
    };
    let latency_ms = match d.latency {
        Some(ms) => ms,
        None => f
            .latency_ms
            .saturating_add(draw(2).below(f.jitter_ms.saturating_add(1))),
    };
    Decision {
        status,
        status_kind,
        detail,
        retry_after: d.retry_after.unwrap_or(f.retry_after),
        truncate: d.truncate || chance(draw(3), f.truncate_rate),
        cut: draw(4).next_u64(),
        cycle: d.cycle || f.marker_cycle,
        hostile: d.hostile || f.hostile,
        huge: d.huge || f.huge,
        disconnect: d.disconnect || chance(draw(5), f.disconnect_rate),
        latency_ms,
        slow_body_ms: d.slow.unwrap_or(f.slow_body_ms),
        echo: (d.echo || f.echo_credentials).then(|| echo::credentials(req)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_and_rates() {
        assert!(in_burst(Some((2, 10)), 0, 1_999));
        assert!(!in_burst(Some((2, 10)), 0, 2_000));
        assert!(in_burst(Some((2, 10)), 0, 10_000));
        assert!(in_burst(Some((2, 10)), 5_000, -4_000), "before the start too");
        assert!(!in_burst(Some((0, 10)), 0, 0));
        assert_eq!(pick_status(&[(500, 0.1), (503, 0.1)], 0.15), Some(503));
        assert_eq!(pick_status(&[(500, f64::NAN), (42, 1.0)], 0.0), None);
    }
}

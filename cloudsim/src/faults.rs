//! Fault injection: what the run's [`Faults`] and a request's
//! `X-Cloudsim-Fault` directives decide for one request, and how that
//! decision is applied to the service's answer.
//!
//! Every random choice comes from a hash of the seed, the method, path,
//! query, `now_ms` and the optional `X-Request-Nonce` header, so the same
//! request at the same time always meets the same faults. The library
//! applies statuses (with the service's own error body), `Retry-After`,
//! marker cycles, hostile and huge data and truncation; latency, slow bodies
//! and disconnects are only reported in [`Injected`], for the server to
//! carry out.
//!
//! Directives (`X-Cloudsim-Fault`, separated by `;` or `,`; unknown ones
//! are ignored) override the run's settings for that request: `status=N`,
//! `latency=MS`, `retry-after=S|none`, `truncate`, `slow=MS`, `cycle`,
//! `disconnect`, `hostile`, `huge`.

use crate::ctx::{header, parse_digits};
use crate::rng::{fnv1a, Rng};
use crate::{hostile, huge, Config, Request, Response};

/// The fault settings of a run. The default injects nothing and keeps the
/// `Retry-After: 2` that forced 429s have always carried.
#[derive(Clone, Debug, PartialEq)]
pub struct Faults {
    /// Server only: milliseconds to wait before every answer.
    pub latency_ms: u64,
    /// Server only: up to this many more milliseconds (uniform per request).
    pub jitter_ms: u64,
    /// `(status, probability)` per request, e.g. `[(500, 0.1), (503, 0.05)]`.
    /// One draw per request: the probabilities add up (at most one status).
    pub error_rates: Vec<(u16, f64)>,
    /// `(burst, period)` in seconds: during the first `burst` seconds of
    /// every `period`, counted from `Config::start_ms`, every request
    /// answers 429.
    pub burst_429: Option<(u64, u64)>,
    /// `Retry-After` seconds on every 429; `None` sends no `Retry-After`.
    /// Default `Some(2)`.
    pub retry_after: Option<u64>,
    /// Probability that a 200 body is cut short at a random point (malformed
    /// JSON, status still 200).
    pub truncate_rate: f64,
    /// Server only: the body is written in 4 chunks, this many milliseconds
    /// apart.
    pub slow_body_ms: u64,
    /// Paging that loops and overruns: CloudDC's page 3 points back to page
    /// 1's marker, ByCloud's page 3 repeats page 1's marker, the last page
    /// of both points past the end and a page past the end is empty yet
    /// says there is more; ROMA's `total` grows by 7 per request (see
    /// `X-Cloudsim-Seq`).
    pub marker_cycle: bool,
    /// Server only: probability of closing the connection without an answer.
    pub disconnect_rate: f64,
    /// Every free-text string of 200 bodies becomes an XSS payload
    /// ([`crate::xss_payloads`]).
    pub hostile: bool,
    /// Huge list pages: CloudDC ≥ 10 MiB with a 100 KiB name and 10,000
    /// tags; ByCloud a 100 KiB name and 10,000 tags; ROMA a 100 KiB name.
    pub huge: bool,
}

impl Default for Faults {
    fn default() -> Faults {
        Faults {
            latency_ms: 0,
            jitter_ms: 0,
            error_rates: Vec::new(),
            burst_429: None,
            retry_after: Some(2),
            truncate_rate: 0.0,
            slow_body_ms: 0,
            marker_cycle: false,
            disconnect_rate: 0.0,
            hostile: false,
            huge: false,
        }
    }
}

/// What the library decided for one request, for the server to carry out
/// and count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Injected {
    /// Milliseconds to wait before answering (latency plus jitter).
    pub latency_ms: u64,
    /// Milliseconds between the body's chunks (0: write it at once).
    pub slow_body_ms: u64,
    /// Close the connection instead of answering.
    pub disconnect: bool,
    /// The most notable fault injected, one of [`FAULT_KINDS`]: in this
    /// order `disconnect`, a status (`burst-429`, `status-500`, …),
    /// `truncated`, `slow-body`, `marker-cycle`, `huge`, `hostile`, `latency`.
    pub kind: Option<&'static str>,
}

/// Every value [`Injected::kind`] can take.
pub const FAULT_KINDS: [&str; 22] = [
    "disconnect",
    "burst-429",
    "status-400",
    "status-401",
    "status-403",
    "status-404",
    "status-408",
    "status-409",
    "status-418",
    "status-422",
    "status-429",
    "status-500",
    "status-502",
    "status-503",
    "status-504",
    "status-other",
    "truncated",
    "slow-body",
    "marker-cycle",
    "huge",
    "hostile",
    "latency",
];

/// The kind naming a forced `status`.
fn status_kind(status: u16) -> &'static str {
    let name = format!("status-{status}");
    FAULT_KINDS[2..16]
        .iter()
        .find(|k| **k == name)
        .copied()
        .unwrap_or("status-other")
}

/// The service a route belongs to, as far as faults care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Api {
    ClouddcList,
    ClouddcStatus,
    Roma,
    ByCloud,
    ImageSearch,
}

const FORCED: &str = "forced by X-Cloudsim-Fault";
const INJECTED: &str = "injected by cloudsim --error-rate";
const BURST: &str = "injected by cloudsim --burst-429";

/// The faults decided for one request.
#[derive(Clone, Debug)]
pub struct Decision {
    /// The status to answer with the service's error body.
    pub status: Option<u16>,
    status_kind: &'static str,
    /// The `details` of that error body, where the service has one.
    pub detail: &'static str,
    retry_after: Option<u64>,
    truncate: bool,
    /// Random bits choosing where a truncated body is cut.
    cut: u64,
    pub cycle: bool,
    hostile: bool,
    huge: bool,
    disconnect: bool,
    latency_ms: u64,
    slow_body_ms: u64,
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
    }
}

/// `body` cut at a point chosen by `cut`, strictly inside it (a JSON object
/// cut short is never valid JSON).
fn truncate(body: &str, cut: u64) -> String {
    let mut at = 1 + (cut % (body.len() as u64 - 1)) as usize;
    while !body.is_char_boundary(at) {
        at -= 1;
    }
    body[..at.max(1)].to_string()
}

/// Applies `d` to the service's `response` and reports what was injected.
/// `cycled`: the list handler changed its answer for `d.cycle`.
pub fn finish(mut response: Response, d: &Decision, api: Api, cycled: bool) -> (Response, Injected) {
    let status_applied = d.status == Some(response.status);
    let (mut hostile, mut huge, mut truncated) = (false, false, false);
    if response.status == 200 && !status_applied {
        if d.hostile {
            response.body = hostile::apply(&response.body, api);
            hostile = true;
        }
        if d.huge && matches!(api, Api::ClouddcList | Api::Roma | Api::ByCloud) {
            response.body = huge::apply(&response.body, api);
            huge = true;
        }
        if d.truncate && response.body.len() > 1 {
            response.body = truncate(&response.body, d.cut);
            truncated = true;
        }
    }
    if response.status == 429 {
        response.headers.retain(|(n, _)| !n.eq_ignore_ascii_case("Retry-After"));
        if let Some(seconds) = d.retry_after {
            response.headers.push(("Retry-After".to_string(), seconds.to_string()));
        }
    }
    let kind = [
        (d.disconnect, "disconnect"),
        (status_applied, d.status_kind),
        (truncated, "truncated"),
        (d.slow_body_ms > 0, "slow-body"),
        (cycled, "marker-cycle"),
        (huge, "huge"),
        (hostile, "hostile"),
        (d.latency_ms > 0, "latency"),
    ]
    .into_iter()
    .find_map(|(on, kind)| on.then_some(kind));
    let injected = Injected {
        latency_ms: d.latency_ms,
        slow_body_ms: d.slow_body_ms,
        disconnect: d.disconnect,
        kind,
    };
    (response, injected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_windows() {
        assert_eq!(status_kind(500), "status-500");
        assert_eq!(status_kind(599), "status-other");
        assert!(in_burst(Some((2, 10)), 0, 1_999));
        assert!(!in_burst(Some((2, 10)), 0, 2_000));
        assert!(in_burst(Some((2, 10)), 0, 10_000));
        assert!(in_burst(Some((2, 10)), 5_000, -4_000), "before the start too");
        assert!(!in_burst(Some((0, 10)), 0, 0));
        assert_eq!(pick_status(&[(500, 0.1), (503, 0.1)], 0.15), Some(503));
        assert_eq!(pick_status(&[(500, f64::NAN), (42, 1.0)], 0.0), None);
        assert_eq!(truncate("{\"a\":\"é\"}", 6), "{\"a\":\"");
        for cut in 0..20 {
            let t = truncate("{\"a\":1}", cut);
            assert!(!t.is_empty() && t.len() < 7, "{t}");
        }
    }
}

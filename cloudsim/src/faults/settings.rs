//! A run's fault settings.

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
    /// Paging that loops and overruns, each list service in its own paging
    /// (its `list.rs` says how): CloudDC's page 3, for one, points back to
    /// page 1's marker, its last page points past the end and a page past
    /// the end is empty yet says there is more; ROMA's `total` grows by 7
    /// per request (see `X-Cloudsim-Seq`).
    pub marker_cycle: bool,
    /// Server only: probability of closing the connection without an answer.
    pub disconnect_rate: f64,
    /// Every free-text string of 200 bodies becomes an XSS payload
    /// ([`crate::xss_payloads`]).
    pub hostile: bool,
    /// Huge list pages: every list page's first instance gets a 100 KiB
    /// name, and each service grows more its own way (`SimService::huge`):
    /// CloudDC's pages reach 10 MiB with 10,000 tags on one instance.
    pub huge: bool,
    /// Every list call (with valid credentials) answers 500 with an error body that
    /// repeats the request's `X-Auth-Token`, `Authorization`, `X-Security-Token` and
    /// `X-Sdk-Date`, raw, JSON-escaped and percent-encoded (a gateway that echoes what it
    /// could not handle): a client must show none of them.
    pub echo_credentials: bool,
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
            echo_credentials: false,
        }
    }
}

//! What a request met, as reported to the server: [`Injected`] and the
//! names of the fault kinds.

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
    /// `echo-credentials`, `truncated`, `slow-body`, `marker-cycle`, `huge`, `hostile`,
    /// `latency`.
    pub kind: Option<&'static str>,
}

/// Every value [`Injected::kind`] can take.
pub const FAULT_KINDS: [&str; 23] = [
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
    "echo-credentials",
    "truncated",
    "slow-body",
    "marker-cycle",
    "huge",
    "hostile",
    "latency",
];

/// The kind naming a forced `status`.
pub fn status_kind(status: u16) -> &'static str {
    let name = format!("status-{status}");
    FAULT_KINDS[2..16]
        .iter()
        .find(|k| **k == name)
        .copied()
        .unwrap_or("status-other")
}

#[cfg(test)]
mod tests {
    use super::status_kind;

    #[test]
    fn kinds() {
        assert_eq!(status_kind(500), "status-500");
        assert_eq!(status_kind(599), "status-other");
    }
}

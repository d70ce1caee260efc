//! When to ask again: the polling and retry policy, free of any timer so it is tested
//! natively. Rows in a transitional state are polled fast, backing off while nothing
//! changes and resetting on change; stable data slowly; 429s honour `Retry-After` or back
//! off with jitter; failures back off; a rejected token stops everything.

use time::format_description::well_known::Rfc2822;
use time::OffsetDateTime;

/// The interval a user picked for a view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub enum Interval {
    /// Fast while something is in progress, slow otherwise.
    #[default]
    Auto,
    /// A fixed number of seconds.
    Every(u32),
    /// No automatic requests at all.
    Off,
}

impl Interval {
    /// The choices a view offers.
    pub const CHOICES: [Interval; 5] = [
        Interval::Auto,
        Interval::Every(5),
        Interval::Every(15),
        Interval::Every(60),
        Interval::Off,
    ];

    pub fn label(self) -> String {
        match self {
            Interval::Auto => "Auto".into(),
            Interval::Every(s) => format!("Every {s} s"),
            Interval::Off => "Off".into(),
        }
    }

    /// A stable key for forms and storage.
    pub fn key(self) -> String {
        match self {
            Interval::Auto => "auto".into(),
            Interval::Every(s) => s.to_string(),
            Interval::Off => "off".into(),
        }
    }

    pub fn from_key(key: &str) -> Interval {
        match key {
            "off" => Interval::Off,
            k => k
                .parse::<u32>()
                .ok()
                .filter(|s| *s > 0)
                .map_or(Interval::Auto, Interval::Every),
        }
    }
}

/// The numbers of the policy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Policy {
    /// First delay while something is in progress.
    pub fast_ms: u64,
    /// Cap of the fast delay as it backs off while nothing changes.
    pub fast_cap_ms: u64,
    /// Delay while everything is stable.
    pub slow_ms: u64,
    /// First delay after a failure or a 429 without Retry-After.
    pub retry_ms: u64,
    /// Cap of the failure backoff.
    pub retry_cap_ms: u64,
    /// Longest Retry-After honoured as given.
    pub retry_after_cap_ms: u64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            fast_ms: 2_000,
            fast_cap_ms: 30_000,
            slow_ms: 30_000,
            retry_ms: 2_000,
            retry_cap_ms: 60_000,
            retry_after_cap_ms: 300_000,
        }
    }
}

/// What the last call came to.
#[derive(Clone, Debug, PartialEq)]
pub enum CallOutcome {
    /// Good data; whether it differs from the previous data, and whether something in it
    /// is in progress.
    Fresh { changed: bool, transitional: bool },
    /// HTTP 429; the delay `Retry-After` asked for, if any.
    RateLimited { retry_after_ms: Option<u64> },
    /// 5xx, timeout, network, malformed body: retry with backoff.
    Failed,
    /// The credentials were rejected: never retry with them.
    AuthRejected,
}

/// What the policy remembers between calls.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Backoff {
    /// Fresh answers in a row that changed nothing.
    pub unchanged: u32,
    /// Failures (429s included) in a row.
    pub failures: u32,
}

/// The delay before the next automatic call, or `None` for no automatic call.
/// `jitter` is a number in [0, 1) (random in the app, fixed in tests).
pub fn next_delay(
    policy: &Policy,
    interval: Interval,
    state: &mut Backoff,
    outcome: &CallOutcome,
    jitter: f64,
) -> Option<u64> {
    if interval == Interval::Off {
        if matches!(outcome, CallOutcome::Fresh { .. }) {
            *state = Backoff::default();
        }
        return None;
    }
    let retry = |failures: u32| {
        let base = policy
            .retry_ms
            .saturating_mul(1u64 << failures.min(20))
            .min(policy.retry_cap_ms);
        // Full jitter in the upper half: between base/2 and base.
        (base / 2) + ((base as f64 / 2.0) * jitter.clamp(0.0, 1.0)) as u64
    };
    match outcome {
        CallOutcome::AuthRejected => None,
        CallOutcome::Failed => {
            let d = retry(state.failures);
            state.failures = state.failures.saturating_add(1);
            Some(d)
        }
        CallOutcome::RateLimited { retry_after_ms } => {
            let d = match retry_after_ms {
                Some(ms) => (*ms).clamp(500, policy.retry_after_cap_ms),
                None => retry(state.failures),
            };
            state.failures = state.failures.saturating_add(1);
            Some(d)
        }
        CallOutcome::Fresh { changed, transitional } => {
            state.failures = 0;
            state.unchanged = if *changed { 0 } else { state.unchanged.saturating_add(1) };
            Some(match interval {
                Interval::Every(s) => u64::from(s) * 1000,
                _ if *transitional => policy
                    .fast_ms
                    .saturating_mul(u64::from(state.unchanged) + 1)
                    .min(policy.fast_cap_ms),
                _ => policy.slow_ms,
            })
        }
    }
}

/// `Retry-After` as milliseconds from `now_ms`: delay-seconds or an HTTP date.
pub fn parse_retry_after(value: &str, now_ms: i64) -> Option<u64> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(secs.saturating_mul(1000));
    }
    let when = OffsetDateTime::parse(&v.replace("GMT", "+0000"), &Rfc2822).ok()?;
    let ms = (when.unix_timestamp_nanos() / 1_000_000) as i64;
    Some(ms.saturating_sub(now_ms).max(0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh(changed: bool, transitional: bool) -> CallOutcome {
        CallOutcome::Fresh { changed, transitional }
    }

    #[test]
    fn fast_polling_backs_off_while_nothing_changes_and_resets_on_change() {
        let p = Policy::default();
        let mut s = Backoff::default();
        let delays: Vec<u64> = (0..20)
            .map(|_| next_delay(&p, Interval::Auto, &mut s, &fresh(false, true), 0.0).unwrap())
            .collect();
        assert_eq!(&delays[..4], &[4_000, 6_000, 8_000, 10_000]);
        assert_eq!(*delays.last().unwrap(), 30_000, "capped");
        assert_eq!(
            next_delay(&p, Interval::Auto, &mut s, &fresh(true, true), 0.0),
            Some(2_000),
            "reset on change"
        );
        assert_eq!(
            next_delay(&p, Interval::Auto, &mut s, &fresh(true, false), 0.0),
            Some(30_000),
            "stable: slow"
        );
    }

    #[test]
    fn fixed_and_off_intervals() {
        let p = Policy::default();
        let mut s = Backoff::default();
        assert_eq!(
            next_delay(&p, Interval::Every(15), &mut s, &fresh(false, true), 0.5),
            Some(15_000)
        );
        for o in [
            fresh(true, true),
            CallOutcome::Failed,
            CallOutcome::RateLimited {
                retry_after_ms: Some(1000),
            },
        ] {
            assert_eq!(
                next_delay(&p, Interval::Off, &mut s, &o, 0.5),
                None,
                "off means off: {o:?}"
            );
        }
    }

    #[test]
    fn failures_back_off_with_jitter_and_a_cap() {
        let p = Policy::default();
        let mut s = Backoff::default();
        let lo: Vec<u64> = (0..8)
            .map(|_| next_delay(&p, Interval::Auto, &mut s, &CallOutcome::Failed, 0.0).unwrap())
            .collect();
        assert_eq!(lo, [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
        let mut s = Backoff::default();
        let hi: Vec<u64> = (0..8)
            .map(|_| next_delay(&p, Interval::Auto, &mut s, &CallOutcome::Failed, 0.999_999).unwrap())
            .collect();
        assert!(hi.iter().zip(&lo).all(|(h, l)| h >= l && *h <= 60_000));
        assert_eq!(hi[7], 59_999);
        next_delay(&p, Interval::Auto, &mut s, &fresh(false, false), 0.0);
        assert_eq!(s.failures, 0, "a success resets the failure backoff");
    }

    #[test]
    fn rate_limits_honour_retry_after_or_back_off() {
        let p = Policy::default();
        let mut s = Backoff::default();
        let o = CallOutcome::RateLimited {
            retry_after_ms: Some(7_000),
        };
        assert_eq!(next_delay(&p, Interval::Auto, &mut s, &o, 0.9), Some(7_000));
        let o = CallOutcome::RateLimited {
            retry_after_ms: Some(86_400_000),
        };
        assert_eq!(
            next_delay(&p, Interval::Auto, &mut s, &o, 0.9),
            Some(300_000),
            "a huge Retry-After is capped"
        );
        let mut s = Backoff::default();
        let o = CallOutcome::RateLimited { retry_after_ms: None };
        let d = next_delay(&p, Interval::Auto, &mut s, &o, 0.5).unwrap();
        assert!((1_000..=2_000).contains(&d), "starts near 2 s: {d}");
        assert_eq!(
            next_delay(&p, Interval::Auto, &mut s, &CallOutcome::AuthRejected, 0.5),
            None
        );
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("2", 0), Some(2_000));
        assert_eq!(parse_retry_after(" 120 ", 0), Some(120_000));
        let now = 1_445_412_475_000; // 2015-10-21T07:27:55Z
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), Some(5_000));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now + 60_000),
            Some(0)
        );
        assert_eq!(parse_retry_after("soon", 0), None);
        assert_eq!(parse_retry_after("-3", 0), None);
    }

    #[test]
    fn interval_keys_round_trip() {
        for i in Interval::CHOICES {
            assert_eq!(Interval::from_key(&i.key()), i);
        }
        assert_eq!(Interval::from_key("garbage"), Interval::Auto);
        assert_eq!(Interval::from_key("0"), Interval::Auto);
    }
}

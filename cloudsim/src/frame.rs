//! The simulated time frame: when identities are derived from (the epoch)
//! and when timelines start, both moved into the range every service can
//! render, and the spans over which fleets were created.
//!
//! Every fleet follows the same layout: the first 90% of its instances
//! were created over the 540 days before the epoch, the last 10% in the ten
//! minutes before it. Timelines (state changes, update times) count from
//! the start.

use crate::config::Config;

/// A day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;
/// Old instances were created in this window before the epoch.
pub const OLD_SPAN_MS: i64 = 540 * DAY_MS;
/// Recently created (still installing) instances: the last ten minutes.
pub const RECENT_SPAN_MS: i64 = 600_000;
/// Times outside this range are moved into it, so every creation time is
/// after the Unix epoch and renders as a four-digit year.
const MIN_START_MS: i64 = OLD_SPAN_MS + DAY_MS;
const MAX_START_MS: i64 = 253_402_300_799_000;

/// `ms` moved into the supported range (see `Config::start_ms`).
pub fn clamp_start(ms: i64) -> i64 {
    ms.clamp(MIN_START_MS, MAX_START_MS)
}

/// The two moments a cloud's fleets count from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    /// Identities (ids, creation times, names, register dates) are derived
    /// from this moment; never after `start_ms`.
    pub epoch_ms: i64,
    /// Timelines start here.
    pub start_ms: i64,
}

impl Frame {
    /// The frame of `config`: both moments clamped, and the epoch the
    /// earlier of `epoch_ms` (default: the start) and the start.
    pub fn of(config: &Config) -> Frame {
        let start_ms = clamp_start(config.start_ms);
        let epoch_ms = config.epoch_ms.map_or(start_ms, clamp_start).min(start_ms);
        Frame { epoch_ms, start_ms }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_epoch_defaults_to_the_start_and_never_follows_it() {
        let at = |start_ms, epoch_ms| {
            Frame::of(&Config {
                start_ms,
                epoch_ms,
                ..Config::default()
            })
        };
        let day = 1_767_225_600_000;
        assert_eq!(
            at(day, None),
            Frame {
                epoch_ms: day,
                start_ms: day
            }
        );
        assert_eq!(at(day + DAY_MS, Some(day)).epoch_ms, day);
        assert_eq!(at(day, Some(day + DAY_MS)).epoch_ms, day, "an epoch after the start");
        assert_eq!(at(0, None), at(MIN_START_MS, None));
        assert_eq!(at(i64::MAX, Some(i64::MIN)).epoch_ms, MIN_START_MS);
    }
}

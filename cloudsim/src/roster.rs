//! Lazily derived fleets for the services added after CloudDC.
//!
//! Nothing is stored per instance: instance `i`'s creation time, id,
//! timeline and attributes are recomputed from `(seed, salt, i)` whenever a
//! request needs them, so a 100,000-instance fleet costs nothing to build
//! and a page costs only its own instances (a filter costs one cheap pass).
//!
//! Creation times follow CloudDC's layout (see `frame`): the first 90% of
//! the indices were created over the 540 days before the epoch, the last
//! 10% in the ten minutes before it (still being created when the
//! simulation starts). Creation times strictly increase with the index, and
//! ids are UUIDv7-like (they start with the creation time), so index order,
//! creation order and id order are the same. Identities come from the
//! epoch and their own streams, timelines from the start: clouds with the
//! same epoch list the same instances whenever they start.

use crate::encode::uuid_v7;
use crate::frame::{Frame, DAY_MS, OLD_SPAN_MS, RECENT_SPAN_MS};
use crate::rng::Rng;

/// Independent random streams of one instance.
#[derive(Clone, Copy, Debug)]
pub enum Stream {
    /// Creation time.
    Slot = 1,
    /// The id's random bits.
    Id = 2,
    /// The lifecycle timeline.
    Timeline = 3,
    /// Attributes that filters read (cheap to derive).
    Traits = 4,
    /// Everything else that is only rendered.
    Details = 5,
}

/// The identities and creation times of a lazily derived fleet.
#[derive(Clone, Debug)]
pub struct Roster {
    len: usize,
    seed: u64,
    frame: Frame,
    old: usize,
    old_step: i64,
    recent_step: i64,
}

impl Roster {
    /// `len` instances for `seed` (already salted per service) in `frame`.
    pub fn new(len: usize, seed: u64, frame: Frame) -> Roster {
        let recent = len / 10;
        let old = len - recent;
        Roster {
            len,
            seed,
            frame,
            old,
            old_step: ((OLD_SPAN_MS - 2 * DAY_MS) / (old.max(1) as i64)).max(1),
            recent_step: ((RECENT_SPAN_MS - 1_000) / (recent.max(1) as i64)).max(1),
        }
    }

    /// The number of instances.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The simulation's start, where timelines count from (clamped like
    /// CloudDC's).
    pub fn start_ms(&self) -> i64 {
        self.frame.start_ms
    }

    /// Whether instance `i` was created just before the start.
    pub fn is_recent(&self, i: usize) -> bool {
        i >= self.old
    }

    /// Instance `i`'s random stream `stream`.
    pub fn rng(&self, i: usize, stream: Stream) -> Rng {
        let salt = (stream as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        Rng::new(self.seed ^ salt, i as u64)
    }

    /// Instance `i`'s creation time: strictly increasing with `i` (a jitter
    /// smaller than the step is added to an evenly spaced slot before the
    /// epoch).
    pub fn created_ms(&self, i: usize) -> i64 {
        let epoch = self.frame.epoch_ms;
        let (base, step, k) = if self.is_recent(i) {
            (epoch - RECENT_SPAN_MS, self.recent_step, i - self.old)
        } else {
            (epoch - OLD_SPAN_MS, self.old_step, i)
        };
        let jitter = self.rng(i, Stream::Slot).below(step as u64) as i64;
        base + (k as i64) * step + jitter
    }

    /// Instance `i`'s id (UUIDv7-like, so ids sort like indices).
    pub fn id(&self, i: usize) -> String {
        uuid_v7(self.created_ms(i), self.rng(i, Stream::Id).next_u128())
    }
}

/// A lifecycle in some service's vocabulary: the state before the start,
/// then timed changes.
#[derive(Clone, Debug)]
pub struct Timeline<S> {
    initial: S,
    /// The update time before the first event.
    updated_ms: i64,
    /// `(at_ms, state)` in time order.
    events: Vec<(i64, S)>,
    /// Where the next `then` counts from.
    cursor_ms: i64,
}

impl<S: Copy> Timeline<S> {
    /// `initial` since `updated_ms`; events will count from `start_ms`.
    pub fn new(initial: S, updated_ms: i64, start_ms: i64) -> Timeline<S> {
        Timeline {
            initial,
            updated_ms,
            events: Vec::new(),
            cursor_ms: start_ms,
        }
    }

    /// Appends `state`, `lo_s`–`hi_s` seconds after the previous event (or
    /// the start).
    pub fn then(&mut self, rng: &mut Rng, lo_s: i64, hi_s: i64, state: S) -> &mut Self {
        self.cursor_ms += rng.range(lo_s * 1_000, hi_s * 1_000);
        self.events.push((self.cursor_ms, state));
        self
    }

    fn last(&self, now_ms: i64) -> Option<&(i64, S)> {
        let n = self.events.partition_point(|e| e.0 <= now_ms);
        n.checked_sub(1).map(|i| &self.events[i])
    }

    /// The state at `now_ms`.
    pub fn at(&self, now_ms: i64) -> S {
        self.last(now_ms).map_or(self.initial, |e| e.1)
    }

    /// The latest change at or before `now_ms`.
    pub fn updated_at(&self, now_ms: i64) -> i64 {
        self.last(now_ms).map_or(self.updated_ms, |e| e.0)
    }

    /// When the first event at or before `now_ms` whose state satisfies
    /// `pred` happened.
    pub fn first_reached(&self, now_ms: i64, pred: impl Fn(S) -> bool) -> Option<i64> {
        self.events
            .iter()
            .take_while(|e| e.0 <= now_ms)
            .find(|e| pred(e.1))
            .map(|e| e.0)
    }
}

/// A time between `from_ms` and an hour before `start_ms` (or `from_ms`
/// when that window is empty): when a settled instance last changed.
pub fn settled_update(rng: &mut Rng, from_ms: i64, start_ms: i64) -> i64 {
    rng.range(from_ms, (start_ms - 3_600_000).max(from_ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_and_ids_increase_with_the_index() {
        for len in [0, 1, 9, 10, 11, 1_000, 100_000] {
            let start_ms = 1_767_225_600_000;
            let r = Roster::new(
                len,
                7,
                Frame {
                    epoch_ms: start_ms,
                    start_ms,
                },
            );
            let check = |i: usize| {
                assert!(r.created_ms(i) < r.created_ms(i + 1), "{len} {i}");
                assert!(r.id(i) < r.id(i + 1), "{len} {i}");
            };
            for i in (0..len.saturating_sub(1)).step_by(97) {
                check(i);
            }
            if len > 10 {
                check(len - len / 10 - 1);
            }
            if len > 0 {
                assert!(r.created_ms(len - 1) < r.start_ms());
            }
        }
    }

    #[test]
    fn timelines() {
        let mut rng = Rng::new(1, 2);
        let mut t = Timeline::new('a', 5, 100);
        t.then(&mut rng, 1, 1, 'b').then(&mut rng, 2, 2, 'c');
        assert_eq!((t.at(0), t.updated_at(0)), ('a', 5));
        assert_eq!((t.at(1_100), t.updated_at(1_999)), ('b', 1_100));
        assert_eq!((t.at(3_100), t.updated_at(9_999)), ('c', 3_100));
        assert_eq!(t.first_reached(9_999, |s| s == 'c'), Some(3_100));
        assert_eq!(t.first_reached(3_000, |s| s == 'c'), None);
    }
}

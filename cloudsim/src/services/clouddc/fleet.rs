//! CloudDC's simulated fleet: instance identities, creation times and
//! lifecycle timelines, generated up front for the whole fleet.
//!
//! Identities (ids, creation times, the attribute seed, whether
//! `created_at` is blank) come from the epoch; timelines from the start
//! (see `frame`).

use std::sync::OnceLock;

use super::lifecycle::{Event, State, Status};
use super::timeline;
use crate::encode::uuid_v7;
use crate::frame::{Frame, DAY_MS, OLD_SPAN_MS, RECENT_SPAN_MS};
use crate::rng::Rng;

/// One simulated instance.
#[derive(Clone, Debug)]
pub struct Instance {
    /// Position in the fleet (the fleet is sorted by id).
    pub index: usize,
    /// UUIDv7-like id; sorts by creation.
    pub id: String,
    pub created_ms: i64,
    /// The API reports `created_at` as "" (as in the vendor's example).
    pub created_blank: bool,
    /// Seeds the vendor-specific attributes (names, images, ...).
    pub attr_seed: u64,
    /// The status before the first event.
    pub initial: Status,
    /// Launch time before the simulation starts (None: never launched).
    pub launched_ms: Option<i64>,
    /// Update time before the first event.
    pub updated_ms: i64,
    /// Events in time order.
    pub events: Vec<Event>,
    /// The members of this instance's JSON that never change, rendered on first use
    /// (see `render::write_instance`): most of a list page's work otherwise.
    pub rendered: OnceLock<(String, String)>,
}

impl Instance {
    fn last_event(&self, now_ms: i64) -> Option<&Event> {
        let n = self.events.partition_point(|e| e.at_ms <= now_ms);
        n.checked_sub(1).map(|i| &self.events[i])
    }

    /// The status at `now_ms`.
    pub fn status_at(&self, now_ms: i64) -> Status {
        self.last_event(now_ms).map_or(self.initial, |e| e.status)
    }

    /// The update time at `now_ms` (the latest event at or before it).
    pub fn updated_at(&self, now_ms: i64) -> i64 {
        self.last_event(now_ms).map_or(self.updated_ms, |e| e.at_ms)
    }

    /// The latest launch (entry into `running`) at or before `now_ms`.
    pub fn launched_at(&self, now_ms: i64) -> Option<i64> {
        let mut launched = self.launched_ms;
        let mut previous = self.initial.state;
        for e in self.events.iter().take_while(|e| e.at_ms <= now_ms) {
            if e.status.state == State::Running && previous != State::Running {
                launched = Some(e.at_ms);
            }
            previous = e.status.state;
        }
        launched
    }
}

/// Fleet-wide settings.
#[derive(Clone, Copy, Debug)]
pub struct FleetSpec {
    pub instances: usize,
    pub seed: u64,
    /// When identities and timelines count from.
    pub frame: Frame,
}

/// All instances, sorted by id (and creation time).
#[derive(Clone, Debug)]
pub struct Fleet {
    pub instances: Vec<Instance>,
}

impl Fleet {
    /// Generates the fleet for `spec`: deterministic for a seed, epoch and
    /// start.
    pub fn generate(spec: FleetSpec) -> Fleet {
        let n = spec.instances;
        let Frame {
            epoch_ms: epoch,
            start_ms: start,
        } = spec.frame;
        let recent = n / 10;
        let old = n - recent;
        let old_step = (OLD_SPAN_MS - 2 * DAY_MS) / (old.max(1) as i64);
        let recent_step = (RECENT_SPAN_MS - 1_000) / (recent.max(1) as i64);
        let mut instances = Vec::with_capacity(n);
        let mut previous_ms = i64::MIN;
        for index in 0..n {
            let mut rng = Rng::new(spec.seed, index as u64);
            let is_recent = index >= old;
            let (base, step, k) = if is_recent {
                (epoch - RECENT_SPAN_MS, recent_step.max(1), index - old)
            } else {
                (epoch - OLD_SPAN_MS, old_step.max(1), index)
            };
            let candidate = base + (k as i64) * step + rng.below(step as u64) as i64;
            // Strictly increasing, so the fleet is sorted by id.
            let created_ms = candidate.max(previous_ms.saturating_add(1));
            previous_ms = created_ms;
            let id = uuid_v7(created_ms, rng.next_u128());
            let attr_seed = rng.next_u64();
            let mut timeline_rng = rng.clone();
            let plan = timeline::plan(&mut timeline_rng, index, is_recent, created_ms, start);
            // How many draws a timeline takes depends on when it starts; the
            // blank `created_at` (an identity) is drawn where the stream stands
            // after a timeline starting at the epoch, whatever the start.
            let mut identity_rng = if start == epoch {
                timeline_rng
            } else {
                timeline::plan(&mut rng, index, is_recent, created_ms, epoch);
                rng
            };
            instances.push(Instance {
                index,
                id,
                created_ms,
                created_blank: !is_recent && identity_rng.chance(1, 40),
                attr_seed,
                initial: plan.initial,
                launched_ms: plan.launched_ms,
                rendered: OnceLock::new(),
                updated_ms: plan.updated_ms,
                events: plan.events,
            });
        }
        Fleet { instances }
    }

    /// The instance with exactly this id.
    pub fn find(&self, id: &str) -> Option<&Instance> {
        self.instances
            .binary_search_by(|inst| inst.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.instances[i])
    }
}

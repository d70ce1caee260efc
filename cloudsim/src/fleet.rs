//! The simulated fleet: instance identities, creation times and lifecycle
//! timelines, independent of how any one vendor API renders them.
//!
//! The lifecycle vocabulary is CloudDC's (its documented state diagram is
//! the richest of the served APIs); other services map these states onto
//! their own names when they are added.

use crate::encode::uuid_v7;
use crate::rng::Rng;
use crate::timeline;
use std::sync::OnceLock;

/// An instance state: the six documented ones plus the extra states the
/// vendor SDK enumerates (which a real service may send).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Pending,
    Running,
    Stopped,
    ShuttingDown,
    Terminated,
    Error,
    /// SDK-only states, outside the documented diagram.
    Stopping,
    Reinstalling,
    Failed,
    ModifyIping,
    SwitchInstalling,
}

impl State {
    /// Every state, documented ones first.
    pub const ALL: [State; 11] = [
        State::Pending,
        State::Running,
        State::Stopped,
        State::ShuttingDown,
        State::Terminated,
        State::Error,
        State::Stopping,
        State::Reinstalling,
        State::Failed,
        State::ModifyIping,
        State::SwitchInstalling,
    ];

    /// The wire name (`shutting-down`, `modifyIping`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Running => "running",
            State::Stopped => "stopped",
            State::ShuttingDown => "shutting-down",
            State::Terminated => "terminated",
            State::Error => "error",
            State::Stopping => "stopping",
            State::Reinstalling => "reinstalling",
            State::Failed => "failed",
            State::ModifyIping => "modifyIping",
            State::SwitchInstalling => "switch-installing",
        }
    }

    /// Parses a wire name (exact match).
    pub fn parse(s: &str) -> Option<State> {
        State::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// The operation an `operation_state` refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    Install,
    Reinstall,
    SwitchInstall,
    ModifyIp,
    Uninstall,
}

/// How far an operation got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Processing,
    Succeed,
    Failed,
}

/// An `operation_state` value such as `install-processing`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpState(pub Operation, pub Outcome);

impl OpState {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        use Operation::*;
        use Outcome::*;
        match (self.0, self.1) {
            (Install, Processing) => "install-processing",
            (Install, Succeed) => "install-succeed",
            (Install, Failed) => "install-failed",
            (Reinstall, Processing) => "reinstall-processing",
            (Reinstall, Succeed) => "reinstall-succeed",
            (Reinstall, Failed) => "reinstall-failed",
            (SwitchInstall, Processing) => "switch-install-processing",
            (SwitchInstall, Succeed) => "switch-install-succeed",
            (SwitchInstall, Failed) => "switch-install-failed",
            (ModifyIp, Processing) => "modify-ip-processing",
            (ModifyIp, Succeed) => "modify-ip-succeed",
            (ModifyIp, Failed) => "modify-ip-failed",
            (Uninstall, Processing) => "uninstall-processing",
            (Uninstall, Succeed) => "uninstall-succeed",
            (Uninstall, Failed) => "uninstall-failed",
        }
    }
}

/// A failure an instance went through; rendered as the `error` object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    Install,
    Reinstall,
    Uninstall,
    ModifyIp,
    PowerOff,
    PowerOn,
    Reboot,
}

impl Failure {
    /// `(error_code, error_msg, error_type)`.
    pub fn fields(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Failure::Install => (
                "iMetal.0098",
                "failed to install os, provision job on Jarvis timed out",
                "install_error",
            ),
            Failure::Reinstall => (
                "iMetal.0099",
                "failed to reinstall os, create reinstall job on Jarvis failed",
                "reinstall_error",
            ),
            Failure::Uninstall => (
                "iMetal.0097",
                "failed to uninstall os, release bare-metal node failed",
                "uninstall_error",
            ),
            Failure::ModifyIp => (
                "iMetal.0096",
                "failed to modify ip, port update on VPC failed",
                "modify_ip_error",
            ),
            Failure::PowerOff => (
                "iMetal.0101",
                "failed to power off, BMC did not respond",
                "power_off_error",
            ),
            Failure::PowerOn => (
                "iMetal.0102",
                "failed to power on, BMC did not respond",
                "power_on_error",
            ),
            Failure::Reboot => (
                "iMetal.0103",
                "failed to reboot, node did not come back in time",
                "reboot_failed_error",
            ),
        }
    }
}

/// What an instance reports at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status {
    pub state: State,
    pub op: Option<OpState>,
    pub error: Option<Failure>,
}

/// From `at_ms` on (until the next event) the instance reports `status`.
#[derive(Clone, Copy, Debug)]
pub struct Event {
    pub at_ms: i64,
    pub status: Status,
}

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
    /// The members of this instance's CloudDC JSON that never change, rendered on first
    /// use (see `clouddc::write_instance`): most of a list page's work otherwise.
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

/// Fleet-wide settings the timelines need.
#[derive(Clone, Copy, Debug)]
pub struct FleetSpec {
    pub instances: usize,
    pub seed: u64,
    pub start_ms: i64,
}

/// All instances, sorted by id (and creation time).
#[derive(Clone, Debug)]
pub struct Fleet {
    pub instances: Vec<Instance>,
}

pub(crate) const DAY_MS: i64 = 86_400_000;
/// Old instances were created in this window before the start.
pub(crate) const OLD_SPAN_MS: i64 = 540 * DAY_MS;
/// Recently created (still installing) instances: the last ten minutes.
pub(crate) const RECENT_SPAN_MS: i64 = 600_000;
/// Starts outside this range are moved into it, so every creation time is
/// after the epoch and renders as a four-digit year.
const MIN_START_MS: i64 = OLD_SPAN_MS + DAY_MS;
const MAX_START_MS: i64 = 253_402_300_799_000;

/// `start_ms` moved into the supported range (see [`crate::Config::start_ms`]).
pub(crate) fn clamp_start(start_ms: i64) -> i64 {
    start_ms.clamp(MIN_START_MS, MAX_START_MS)
}

impl Fleet {
    /// Generates the fleet for `spec`: deterministic for a seed and start.
    pub fn generate(spec: FleetSpec) -> Fleet {
        let n = spec.instances;
        let start = clamp_start(spec.start_ms);
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
                (start - RECENT_SPAN_MS, recent_step.max(1), index - old)
            } else {
                (start - OLD_SPAN_MS, old_step.max(1), index)
            };
            let candidate = base + (k as i64) * step + rng.below(step as u64) as i64;
            // Strictly increasing, so the fleet is sorted by id.
            let created_ms = candidate.max(previous_ms.saturating_add(1));
            previous_ms = created_ms;
            let id = uuid_v7(created_ms, rng.next_u128());
            let attr_seed = rng.next_u64();
            let plan = timeline::plan(&mut rng, index, is_recent, created_ms, start);
            instances.push(Instance {
                index,
                id,
                created_ms,
                created_blank: !is_recent && rng.chance(1, 40),
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

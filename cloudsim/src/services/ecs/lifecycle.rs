//! ECS's lifecycle vocabulary: where a server is, rendered as `status`,
//! `OS-EXT-STS:vm_state`, `OS-EXT-STS:task_state` (`null` when idle) and
//! `OS-EXT-STS:power_state` (Nova's integers), following the vendor's
//! "ECS Statuses" mapping table; and the `status` filter's values with the
//! documented intermediate-state matching.

/// Where a server is in its lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Being created; the task (`scheduling`, `networking`,
    /// `block_device_mapping`, `spawning`).
    Build(&'static str),
    Active,
    /// Stopping: the status stays `ACTIVE`.
    PoweringOff,
    Shutoff,
    /// Starting: the status stays `SHUTOFF`.
    PoweringOn,
    /// Restarting (task `rebooting`).
    Reboot,
    /// Being deleted: the status stays `ACTIVE` (`false`) or `SHUTOFF`
    /// (`true`, stopped).
    Deleting {
        stopped: bool,
    },
    Deleted,
    Error,
    Shelved,
    /// Waiting for a resize to be confirmed (vm_state `resized`).
    VerifyResize,
    /// Only older pages (and the SDK's enum) list it.
    Suspended,
}

impl Phase {
    /// `status`.
    pub fn status(self) -> &'static str {
        match self {
            Phase::Build(_) => "BUILD",
            Phase::Active | Phase::PoweringOff | Phase::Deleting { stopped: false } => "ACTIVE",
            Phase::Shutoff | Phase::PoweringOn | Phase::Deleting { stopped: true } => "SHUTOFF",
            Phase::Reboot => "REBOOT",
            Phase::Deleted => "DELETED",
            Phase::Error => "ERROR",
            Phase::Shelved => "SHELVED",
            Phase::VerifyResize => "VERIFY_RESIZE",
            Phase::Suspended => "SUSPENDED",
        }
    }

    /// `OS-EXT-STS:vm_state`.
    pub fn vm_state(self) -> &'static str {
        match self {
            Phase::Build(_) => "building",
            Phase::Active | Phase::PoweringOff | Phase::Reboot | Phase::Deleting { stopped: false } => "active",
            Phase::Shutoff | Phase::PoweringOn | Phase::Deleting { stopped: true } => "stopped",
            Phase::Deleted => "deleted",
            Phase::Error => "error",
            Phase::Shelved => "shelved",
            Phase::VerifyResize => "resized",
            Phase::Suspended => "suspended",
        }
    }

    /// `OS-EXT-STS:task_state` (`None`: `null`, nothing under way).
    pub fn task_state(self) -> Option<&'static str> {
        match self {
            Phase::Build(task) => Some(task),
            Phase::PoweringOff => Some("powering-off"),
            Phase::PoweringOn => Some("powering-on"),
            Phase::Reboot => Some("rebooting"),
            Phase::Deleting { .. } => Some("deleting"),
            _ => None,
        }
    }

    /// `OS-EXT-STS:power_state`: 0 NOSTATE, 1 RUNNING, 4 SHUTDOWN,
    /// 7 SUSPENDED.
    pub fn power_state(self) -> u64 {
        match self {
            Phase::Build(_) | Phase::Deleted | Phase::Error => 0,
            Phase::Active | Phase::PoweringOff | Phase::Reboot | Phase::VerifyResize => 1,
            Phase::Deleting { stopped } => {
                if stopped {
                    4
                } else {
                    1
                }
            }
            Phase::Shutoff | Phase::PoweringOn | Phase::Shelved => 4,
            Phase::Suspended => 7,
        }
    }

    /// `progress`: how far a build has come (0 otherwise, as in the
    /// vendor's example).
    pub fn progress(self) -> u64 {
        match self {
            Phase::Build("scheduling") => 0,
            Phase::Build("networking") => 25,
            Phase::Build("block_device_mapping") => 50,
            Phase::Build(_) => 75,
            _ => 0,
        }
    }
}

/// The values `status` accepts: the documented ones, then the older ones
/// the SDK's enum still lists.
pub const STATUSES: [&str; 18] = [
    "ACTIVE",
    "BUILD",
    "ERROR",
    "HARD_REBOOT",
    "MIGRATING",
    "REBOOT",
    "REBUILD",
    "RESIZE",
    "REVERT_RESIZE",
    "SHUTOFF",
    "VERIFY_RESIZE",
    "DELETED",
    "SHELVED",
    "SHELVED_OFFLOADED",
    "UNKNOWN",
    "PAUSED",
    "SOFT_DELETED",
    "SUSPENDED",
];

/// Whether a server in `status` answers the filter `status=wanted`: the
/// value itself, plus the documented intermediate states (`ACTIVE` also
/// REBOOT, HARD_REBOOT, REBUILD, MIGRATING, RESIZE; `SHUTOFF` also RESIZE,
/// REBUILD; `ERROR` also REBUILD; `VERIFY_RESIZE` also REVERT_RESIZE).
pub fn status_matches(wanted: &str, status: &str) -> bool {
    let also: &[&str] = match wanted {
        "ACTIVE" => &["REBOOT", "HARD_REBOOT", "REBUILD", "MIGRATING", "RESIZE"],
        "SHUTOFF" => &["RESIZE", "REBUILD"],
        "ERROR" => &["REBUILD"],
        "VERIFY_RESIZE" => &["REVERT_RESIZE"],
        _ => &[],
    };
    status == wanted || also.contains(&status)
}

//! ByCloud's lifecycle vocabulary: OpenStack-like phases, each rendered as
//! `status`, `power_state`, `task_state` and `vm_state`.

/// Where an instance is in its lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Being built; the task state.
    Build(&'static str),
    Active,
    PoweringOff,
    Shutoff,
    PoweringOn,
    Error,
    Deleted,
    Migrating,
}

impl Phase {
    /// `status`.
    pub fn status(self) -> &'static str {
        match self {
            Phase::Build(_) => "BUILD",
            Phase::Active | Phase::PoweringOff => "ACTIVE",
            Phase::Shutoff | Phase::PoweringOn => "SHUTOFF",
            Phase::Error => "ERROR",
            Phase::Deleted => "DELETED",
            Phase::Migrating => "MIGRATING",
        }
    }

    /// `power_state`.
    pub fn power_state(self) -> &'static str {
        match self {
            Phase::Active | Phase::PoweringOff | Phase::Migrating => "RUNNING",
            Phase::Shutoff | Phase::PoweringOn => "SHUTDOWN",
            Phase::Build(_) | Phase::Error | Phase::Deleted => "NOSTATE",
        }
    }

    /// `task_state` (`null` when none).
    pub fn task_state(self) -> Option<&'static str> {
        match self {
            Phase::Build(task) => Some(task),
            Phase::PoweringOff => Some("powering-off"),
            Phase::PoweringOn => Some("powering-on"),
            Phase::Migrating => Some("migrating"),
            _ => None,
        }
    }

    /// `vm_state`.
    pub fn vm_state(self) -> &'static str {
        match self {
            Phase::Build(_) => "BUILDING",
            Phase::Active | Phase::PoweringOff | Phase::Migrating => "ACTIVE",
            Phase::Shutoff | Phase::PoweringOn => "STOPPED",
            Phase::Error => "ERROR",
            Phase::Deleted => "DELETED",
        }
    }
}

//! CloudDC's lifecycle vocabulary: instance states (the documented diagram
//! plus the SDK's extra states), operation states, failures, and the
//! status an instance reports at one moment.
//!
//! The richest of the served APIs' vocabularies; the other services have
//! their own.

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

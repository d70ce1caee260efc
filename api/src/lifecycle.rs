//! The CloudDC instance lifecycle as the vendor documents it (seed 004's state diagram):
//! six states, thirteen labelled transitions, and what a console needs from them
//! (is a state in the diagram, is it transitional, which transitions leave it, is an
//! observed change legal).

/// An instance state as it arrived. States the diagram does not know (the vendor SDK
/// also has `stopping`, `reinstalling`, `failed`, ...) are kept as `Other`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum State {
    Pending,
    Running,
    Stopped,
    ShuttingDown,
    Terminated,
    Error,
    Other(String),
}

/// The six documented states, in the order the diagram lists them.
pub const DIAGRAM_STATES: [State; 6] = [
    State::Pending,
    State::Running,
    State::Stopped,
    State::ShuttingDown,
    State::Terminated,
    State::Error,
];

/// States the vendor's SDK enumerates beyond the diagram: offered as filters, shown plainly.
pub const SDK_EXTRA_STATES: [&str; 5] = ["stopping", "reinstalling", "failed", "modifyIping", "switch-installing"];

impl State {
    /// Parses a wire value; never fails.
    pub fn parse(s: &str) -> State {
        match s {
            "pending" => State::Pending,
            "running" => State::Running,
            "stopped" => State::Stopped,
            "shutting-down" => State::ShuttingDown,
            "terminated" => State::Terminated,
            "error" => State::Error,
            other => State::Other(other.to_owned()),
        }
    }

    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            State::Pending => "pending",
            State::Running => "running",
            State::Stopped => "stopped",
            State::ShuttingDown => "shutting-down",
            State::Terminated => "terminated",
            State::Error => "error",
            State::Other(s) => s,
        }
    }

    /// Whether the documented diagram has this state.
    pub fn in_diagram(&self) -> bool {
        !matches!(self, State::Other(_))
    }

    /// Whether the instance is mid-change (worth refreshing soon).
    pub fn is_transitional(&self) -> bool {
        match self {
            State::Pending | State::ShuttingDown => true,
            // SDK-only states that name an action in progress.
            State::Other(s) => matches!(
                s.as_str(),
                "stopping" | "reinstalling" | "modifyIping" | "switch-installing"
            ),
            _ => false,
        }
    }

    /// The colour family a badge uses: green for running, blue for in progress,
    /// red for failures, grey for the rest.
    pub fn tone(&self) -> Tone {
        match self {
            State::Running => Tone::Ok,
            State::Error => Tone::Bad,
            State::Other(s) if s == "failed" => Tone::Bad,
            s if s.is_transitional() => Tone::Busy,
            _ => Tone::Neutral,
        }
    }
}

/// A badge's colour family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Busy,
    Bad,
    Neutral,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Ok => "tone-ok",
            Tone::Busy => "tone-busy",
            Tone::Bad => "tone-bad",
            Tone::Neutral => "tone-neutral",
        }
    }
}

/// Whether an `operation_state` says an operation is still running (`*-processing`).
pub fn operation_in_progress(operation_state: &str) -> bool {
    operation_state.ends_with("-processing")
}

/// The tone of an `operation_state` value.
pub fn operation_tone(operation_state: &str) -> Tone {
    if operation_in_progress(operation_state) {
        Tone::Busy
    } else if operation_state.ends_with("-failed") {
        Tone::Bad
    } else if operation_state.ends_with("-succeed") {
        Tone::Ok
    } else {
        Tone::Neutral
    }
}

/// One arrow of the diagram. `from: None` is the diagram's start point `[*]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    pub from: Option<State>,
    pub to: State,
    pub label: &'static str,
}

const fn t(from: Option<State>, to: State, label: &'static str) -> Transition {
    Transition { from, to, label }
}

/// Every documented transition, in the order seed 004 lists them.
pub static TRANSITIONS: [Transition; 13] = [
    t(None, State::Pending, "CreateInstance"),
    t(Some(State::Pending), State::Running, "CreateInstance Succeed"),
    t(Some(State::Pending), State::ShuttingDown, "DeleteInstance"),
    t(Some(State::Running), State::Stopped, "PowerOff/PowerReboot"),
    t(Some(State::Stopped), State::Running, "PowerOn/Provision Succeed"),
    t(Some(State::Stopped), State::Stopped, "ChangePassword"),
    t(Some(State::Pending), State::Error, "CreateInstance Failed"),
    t(Some(State::Stopped), State::Error, "Provision Failed"),
    t(Some(State::Error), State::Running, "Retry Provision Succeed"),
    t(Some(State::Stopped), State::ShuttingDown, "DeleteInstance"),
    t(Some(State::Error), State::ShuttingDown, "Retry DeleteInstance"),
    t(Some(State::ShuttingDown), State::Error, "DeleteInstance Failed"),
    t(Some(State::ShuttingDown), State::Terminated, "DeleteInstance Succeed"),
];

/// The transitions that leave `state` (none for a state outside the diagram).
pub fn transitions_from(state: &State) -> impl Iterator<Item = &'static Transition> + '_ {
    TRANSITIONS.iter().filter(move |t| t.from.as_ref() == Some(state))
}

/// Whether observing `from` and then `to` is allowed by the diagram. Staying in a state
/// is always allowed (nothing happened); anything involving an unknown state is not.
pub fn is_legal(from: &State, to: &State) -> bool {
    from == to && from.in_diagram() || transitions_from(from).any(|t| &t.to == to)
}

/// One step of a status timeline: given the last observation (state, operation) and a
/// new one, `None` when nothing changed (no new entry), else whether the change is one
/// the documented diagram allows (an operation changing within a state always is).
pub fn observe(last: Option<(&str, &str)>, state: &str, operation: &str) -> Option<bool> {
    match last {
        None => Some(true),
        Some((s, o)) if s == state && o == operation => None,
        Some((s, _)) if s == state => Some(true),
        Some((s, _)) => Some(is_legal(&State::parse(s), &State::parse(state))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_documented_state_and_keeps_unknown_ones() {
        for s in DIAGRAM_STATES.iter() {
            assert_eq!(&State::parse(s.as_str()), s);
            assert!(s.in_diagram());
        }
        for extra in SDK_EXTRA_STATES {
            let s = State::parse(extra);
            assert_eq!(s, State::Other(extra.into()));
            assert!(!s.in_diagram());
            assert_eq!(s.as_str(), extra);
        }
        assert_eq!(State::parse("").as_str(), "");
    }

    #[test]
    fn diagram_has_thirteen_labelled_transitions_from_the_seed() {
        assert_eq!(TRANSITIONS.len(), 13);
        assert_eq!(TRANSITIONS.iter().filter(|t| t.from.is_none()).count(), 1);
        assert!(TRANSITIONS.iter().all(|t| !t.label.is_empty() && t.to.in_diagram()));
        let from_stopped: Vec<_> = transitions_from(&State::Stopped).map(|t| t.to.as_str()).collect();
        assert_eq!(from_stopped, ["running", "stopped", "error", "shutting-down"]);
        assert_eq!(transitions_from(&State::Terminated).count(), 0);
        assert_eq!(transitions_from(&State::Other("stopping".into())).count(), 0);
    }

    #[test]
    fn timeline_steps() {
        assert_eq!(observe(None, "pending", "install-processing"), Some(true));
        assert_eq!(
            observe(Some(("pending", "install-processing")), "pending", "install-processing"),
            None
        );
        assert_eq!(
            observe(Some(("pending", "install-processing")), "running", "install-succeed"),
            Some(true)
        );
        assert_eq!(
            observe(Some(("stopped", "")), "stopped", "reinstall-processing"),
            Some(true)
        );
        assert_eq!(
            observe(Some(("terminated", "")), "running", ""),
            Some(false),
            "not in the diagram"
        );
        assert_eq!(
            observe(Some(("running", "")), "stopping", ""),
            Some(false),
            "outside the diagram"
        );
    }

    #[test]
    fn legality() {
        assert!(is_legal(&State::Pending, &State::Running));
        assert!(is_legal(&State::ShuttingDown, &State::Terminated));
        assert!(is_legal(&State::Error, &State::Running));
        assert!(is_legal(&State::Running, &State::Running));
        assert!(!is_legal(&State::Running, &State::Pending));
        assert!(!is_legal(&State::Terminated, &State::Running));
        assert!(!is_legal(&State::Running, &State::ShuttingDown));
        assert!(!is_legal(&State::Other("x".into()), &State::Other("x".into())));
        assert!(!is_legal(&State::Running, &State::Other("stopping".into())));
    }

    #[test]
    fn transitional_states_and_tones() {
        assert!(State::Pending.is_transitional());
        assert!(State::ShuttingDown.is_transitional());
        assert!(!State::Running.is_transitional());
        assert_eq!(State::Running.tone(), Tone::Ok);
        assert_eq!(State::Pending.tone(), Tone::Busy);
        assert_eq!(State::Error.tone(), Tone::Bad);
        assert_eq!(State::Stopped.tone(), Tone::Neutral);
        assert_eq!(State::Other("failed".into()).tone(), Tone::Bad);
        assert!(operation_in_progress("reinstall-processing"));
        assert!(!operation_in_progress("reinstall-succeed"));
        assert_eq!(operation_tone("install-failed"), Tone::Bad);
    }
}

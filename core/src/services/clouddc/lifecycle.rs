//! The CloudDC instance lifecycle as the vendor documents it (seed 004's state diagram):
//! six states, thirteen labelled transitions, and what the live status view needs from
//! them (which transitions leave a state, is an observed change legal). Whether a state is
//! in the diagram and what it means come from the vocabulary ([`super::info::VOCABULARY`]).

use super::info::VOCABULARY;
use crate::state::{StateInfo, Tone};

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

    /// The state classified by the vocabulary.
    pub fn info(&self) -> StateInfo {
        VOCABULARY.classify(self.as_str())
    }

    /// Whether the documented diagram has this state.
    pub fn in_diagram(&self) -> bool {
        !matches!(self, State::Other(_))
    }

    /// Whether the instance is mid-change (worth refreshing soon).
    pub fn is_transitional(&self) -> bool {
        self.info().transitional
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
        for extra in VOCABULARY.undocumented_values() {
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
        assert_eq!(State::Running.info().tone(), Tone::Ok);
        assert_eq!(State::Pending.info().tone(), Tone::Busy);
        assert_eq!(State::Error.info().tone(), Tone::Bad);
        assert_eq!(State::Stopped.info().tone(), Tone::Neutral);
        assert_eq!(State::Other("failed".into()).info().tone(), Tone::Bad);
        assert!(State::Other("stopping".into()).is_transitional());
        assert!(!State::Other("failed".into()).info().documented);
        assert!(operation_in_progress("reinstall-processing"));
        assert!(!operation_in_progress("reinstall-succeed"));
        assert_eq!(operation_tone("install-failed"), Tone::Bad);
    }
}

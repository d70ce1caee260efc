//! Per-instance lifecycle timelines.
//!
//! Every change follows an edge of CloudDC's documented state diagram:
//! pending→running, pending→shutting-down, pending→error, running→stopped,
//! stopped→running, stopped→stopped, stopped→error, error→running,
//! stopped→shutting-down, error→shutting-down, shutting-down→error,
//! shutting-down→terminated. The one exception is deliberate: every instance
//! whose index % 97 == 42 reports the SDK-only state `stopping` forever.

use super::lifecycle::{Event, Failure, OpState, Operation, Outcome, State, Status};
use crate::rng::Rng;

/// A timeline: the status before the simulation starts and what follows.
pub struct Plan {
    pub initial: Status,
    pub launched_ms: Option<i64>,
    pub updated_ms: i64,
    pub events: Vec<Event>,
}

const SEC: i64 = 1_000;

fn status(state: State, op: Option<OpState>, error: Option<Failure>) -> Status {
    Status { state, op, error }
}

fn op(operation: Operation, outcome: Outcome) -> Option<OpState> {
    Some(OpState(operation, outcome))
}

/// Builds the timeline of instance `index`. `is_recent` instances were just
/// created and are still installing at `start_ms`. The number of draws from
/// `rng` depends on `start_ms`.
pub fn plan(rng: &mut Rng, index: usize, is_recent: bool, created_ms: i64, start_ms: i64) -> Plan {
    if index % 97 == 42 {
        let launched = created_ms + rng.range(180, 1_200) * SEC;
        let initial = status(State::Stopping, op(Operation::Install, Outcome::Succeed), None);
        return stable(initial, Some(launched), created_ms, rng, start_ms);
    }
    if is_recent {
        return installing(rng, created_ms, start_ms);
    }
    let launched = created_ms + rng.range(180, 1_200) * SEC;
    let roll = rng.below(100);
    match roll {
        0..=4 => deleting(rng, launched, start_ms),
        5..=9 => reinstalling(rng, launched, start_ms),
        10..=17 => power_cycling(rng, launched, start_ms),
        _ => settled(rng, created_ms, launched, start_ms),
    }
}

/// A plan with no events.
/// `since_ms` is the earliest possible update time.
fn stable(initial: Status, launched: Option<i64>, since_ms: i64, rng: &mut Rng, start_ms: i64) -> Plan {
    let from = launched.unwrap_or(since_ms);
    let to = (start_ms - 3_600 * SEC).max(from);
    Plan {
        initial,
        launched_ms: launched,
        updated_ms: rng.range(from, to),
        events: Vec::new(),
    }
}

/// The usual operation state of a healthy instance.
fn settled_op(rng: &mut Rng) -> Option<OpState> {
    match rng.below(100) {
        0..=69 => op(Operation::Install, Outcome::Succeed),
        70..=81 => op(Operation::Reinstall, Outcome::Succeed),
        82..=87 => op(Operation::SwitchInstall, Outcome::Succeed),
        88..=93 => op(Operation::ModifyIp, Outcome::Succeed),
        _ => None,
    }
}

/// An earlier failure that still shows in the `error` object (the vendor's
/// example shows a terminated instance carrying a reinstall error).
fn past_failure(rng: &mut Rng) -> Option<Failure> {
    if rng.chance(1, 20) {
        Some(*rng.pick(&[Failure::Reinstall, Failure::PowerOff, Failure::PowerOn, Failure::Reboot]))
    } else {
        None
    }
}

/// Created long ago, nothing happens during the simulation.
fn settled(rng: &mut Rng, created_ms: i64, launched: i64, start_ms: i64) -> Plan {
    let roll = rng.below(100);
    let initial = match roll {
        0..=54 => status(State::Running, settled_op(rng), past_failure(rng)),
        55..=76 => status(State::Stopped, settled_op(rng), past_failure(rng)),
        77..=91 => status(
            State::Terminated,
            op(Operation::Uninstall, Outcome::Succeed),
            past_failure(rng),
        ),
        _ => {
            let (operation, failure) = *rng.pick(&[
                (Some(Operation::Install), Failure::Install),
                (Some(Operation::Reinstall), Failure::Reinstall),
                (Some(Operation::Uninstall), Failure::Uninstall),
                (Some(Operation::ModifyIp), Failure::ModifyIp),
                (None, Failure::PowerOn),
                (None, Failure::Reboot),
            ]);
            let op = operation.map(|o| OpState(o, Outcome::Failed));
            let never_launched = failure == Failure::Install;
            let launched = if never_launched { None } else { Some(launched) };
            let initial = status(State::Error, op, Some(failure));
            return stable(initial, launched, created_ms, rng, start_ms);
        }
    };
    stable(initial, Some(launched), created_ms, rng, start_ms)
}

/// Appends an event `delay_s` seconds after the previous one (or the start).
struct Builder {
    at_ms: i64,
    events: Vec<Event>,
}

impl Builder {
    fn after(&mut self, rng: &mut Rng, lo_s: i64, hi_s: i64, s: Status) -> &mut Self {
        self.at_ms += rng.range(lo_s * SEC, hi_s * SEC);
        self.events.push(Event {
            at_ms: self.at_ms,
            status: s,
        });
        self
    }
}

fn builder(start_ms: i64) -> Builder {
    Builder {
        at_ms: start_ms,
        events: Vec::new(),
    }
}

/// Deletion: shutting-down (uninstall-processing), then terminated, or an
/// error and a retried deletion. Starts from `from`.
fn delete_from(b: &mut Builder, rng: &mut Rng, from: Status, lo_s: i64, hi_s: i64) {
    let deleting = status(
        State::ShuttingDown,
        op(Operation::Uninstall, Outcome::Processing),
        from.error,
    );
    let done = |error| status(State::Terminated, op(Operation::Uninstall, Outcome::Succeed), error);
    b.after(rng, lo_s, hi_s, deleting);
    if rng.chance(1, 6) {
        let failed = Some(Failure::Uninstall);
        b.after(
            rng,
            15,
            60,
            status(State::Error, op(Operation::Uninstall, Outcome::Failed), failed),
        );
        b.after(rng, 60, 180, status(deleting.state, deleting.op, failed));
        b.after(rng, 15, 60, done(failed));
    } else {
        b.after(rng, 15, 60, done(from.error));
    }
}

/// Just created: pending (install-processing), then running or an error.
fn installing(rng: &mut Rng, created_ms: i64, start_ms: i64) -> Plan {
    let initial = status(State::Pending, op(Operation::Install, Outcome::Processing), None);
    let mut b = builder(start_ms);
    if rng.chance(1, 20) {
        // Deleted while still installing.
        delete_from(&mut b, rng, initial, 5, 14);
    } else if rng.chance(1, 8) {
        let failed = status(
            State::Error,
            op(Operation::Install, Outcome::Failed),
            Some(Failure::Install),
        );
        b.after(rng, 15, 120, failed);
        if rng.chance(1, 2) {
            delete_from(&mut b, rng, failed, 60, 180);
        }
    } else {
        let ok = status(State::Running, op(Operation::Install, Outcome::Succeed), None);
        b.after(rng, 15, 120, ok);
    }
    Plan {
        initial,
        launched_ms: None,
        updated_ms: created_ms,
        events: b.events,
    }
}

/// Stopped, then deleted during the simulation.
fn deleting(rng: &mut Rng, launched: i64, start_ms: i64) -> Plan {
    let initial = status(State::Stopped, settled_op(rng), past_failure(rng));
    let mut plan = stable(initial, Some(launched), launched, rng, start_ms);
    let mut b = builder(start_ms);
    delete_from(&mut b, rng, initial, 10, 60);
    plan.events = b.events;
    plan
}

/// Stopped, the OS is reinstalled; ends running or stopped, or fails (and
/// sometimes a retried provisioning then succeeds).
fn reinstalling(rng: &mut Rng, launched: i64, start_ms: i64) -> Plan {
    let initial = status(State::Stopped, settled_op(rng), past_failure(rng));
    let mut plan = stable(initial, Some(launched), launched, rng, start_ms);
    let mut b = builder(start_ms);
    let processing = op(Operation::Reinstall, Outcome::Processing);
    let succeed = op(Operation::Reinstall, Outcome::Succeed);
    b.after(rng, 5, 90, status(State::Stopped, processing, initial.error));
    if rng.chance(1, 6) {
        let failure = Some(Failure::Reinstall);
        let failed = op(Operation::Reinstall, Outcome::Failed);
        b.after(rng, 30, 120, status(State::Error, failed, failure));
        if rng.chance(1, 2) {
            b.after(rng, 60, 180, status(State::Running, succeed, failure));
        }
    } else {
        let end = *rng.pick(&[State::Running, State::Stopped]);
        b.after(rng, 30, 120, status(end, succeed, initial.error));
    }
    plan.events = b.events;
    plan
}

/// Running, powered off and on again within the first minutes.
fn power_cycling(rng: &mut Rng, launched: i64, start_ms: i64) -> Plan {
    let initial = status(State::Running, settled_op(rng), past_failure(rng));
    let mut plan = stable(initial, Some(launched), launched, rng, start_ms);
    let mut b = builder(start_ms);
    b.after(rng, 20, 240, status(State::Stopped, initial.op, initial.error));
    b.after(rng, 20, 120, initial);
    plan.events = b.events;
    plan
}

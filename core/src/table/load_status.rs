//! What a list says about a "load all pages" walk: its state (for `data-load-state`), the
//! status line and the count of rows shown, in words.

use crate::load_all::{Progress, WalkOutcome};

/// Where a walk stands, as the all-loaded view shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadState {
    /// Pages are still being asked for or awaited.
    Loading,
    /// Every page was loaded.
    Done,
    /// The user cancelled; the rows loaded stay.
    Cancelled,
    /// A request failed; the rows before it stay.
    Failed,
    /// The service's paging misbehaved (a cycle, an empty page claiming more) and the walk
    /// stopped; the rows loaded stay.
    Stopped,
}

impl LoadState {
    /// The state of a walk that has ended with `outcome` (`None`: not decided yet) and
    /// whether requests are still under way (`done`: none are).
    pub fn of(outcome: Option<&WalkOutcome>, done: bool) -> LoadState {
        match outcome {
            Some(o) if done => match o {
                WalkOutcome::Complete => LoadState::Done,
                WalkOutcome::Cancelled => LoadState::Cancelled,
                WalkOutcome::Failed(_) => LoadState::Failed,
                WalkOutcome::Stopped(_) => LoadState::Stopped,
            },
            _ => LoadState::Loading,
        }
    }

    /// The value of `data-load-state`.
    pub fn as_str(self) -> &'static str {
        match self {
            LoadState::Loading => "loading",
            LoadState::Done => "done",
            LoadState::Cancelled => "cancelled",
            LoadState::Failed => "failed",
            LoadState::Stopped => "stopped",
        }
    }
}

/// `n` with thousands separated by commas: `12,345`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

/// "12 pages, 12,000 of 100,000 instances" (or "12,000 instances" without a total).
fn so_far(p: &Progress) -> String {
    let pages = plural(p.pages_done, "page", "pages");
    match p.rows_total {
        Some(total) => format!(
            "{pages}, {} of {}",
            grouped(p.rows),
            plural(total, "instance", "instances")
        ),
        None => format!("{pages}, {}", plural(p.rows, "instance", "instances")),
    }
}

/// The status line of a walk in `state` at `progress`.
pub fn load_status(state: LoadState, p: &Progress) -> String {
    let why = p.error.clone().unwrap_or_default();
    match state {
        LoadState::Loading => format!("Loading… {}", so_far(p)),
        LoadState::Done => format!(
            "Loaded {} in {}",
            plural(p.rows, "instance", "instances"),
            plural(p.pages_done, "page", "pages")
        ),
        LoadState::Cancelled => format!("Cancelled after {}", so_far(p)),
        LoadState::Failed => format!(
            "Stopped by an error after {} ({} kept): {why}",
            plural(p.pages_done, "page", "pages"),
            plural(p.rows, "instance", "instances")
        ),
        LoadState::Stopped => format!(
            "Paging stopped after {} ({} kept): {why}",
            plural(p.pages_done, "page", "pages"),
            plural(p.rows, "instance", "instances")
        ),
    }
}

/// "Showing 1,234 of 100,000".
pub fn showing(shown: usize, loaded: usize) -> String {
    format!("Showing {} of {}", grouped(shown as u64), grouped(loaded as u64))
}

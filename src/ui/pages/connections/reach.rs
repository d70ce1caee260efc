//! A connection's last call in this tab, as its card shows it: when it was, whether it
//! failed and why, and how many of this tab's calls failed.

use crate::ui::components::time_cell::clock_label;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn ConnectionReach(id: String) -> impl IntoView {
    let state = AppState::expect();
    let reach = Memo::new(move |_| state.reach(&id));
    let reach_state = move || match reach.get() {
        None => "unknown",
        Some(r) if r.failure.is_none() => "ok",
        Some(_) => "failed",
    };
    let reach_text = move || match reach.get() {
        None => "Not called yet in this tab".to_string(),
        Some(r) => match r.failure {
            None => format!("Last call OK at {}", clock_label(r.at)),
            Some(f) => format!("Last call failed at {}: {f}", clock_label(r.at)),
        },
    };
    let tally = move || {
        reach.get().map(|r| {
            format!(
                "{} of {} call{} failed in this tab",
                r.failures,
                r.calls,
                if r.calls == 1 { "" } else { "s" }
            )
        })
    };
    view! {
        <div class="small reach" data-reach=reach_state>{reach_text}</div>
        <div class="small muted tally">{tally}</div>
    }
}

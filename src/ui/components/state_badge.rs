//! A state badge: green running, blue in progress (with a spinner), red failed, grey rest.
//! The text is the state exactly as it arrived; a state the documented diagram does not
//! know is marked as such.

use crate::api::lifecycle::{operation_tone, State};
use leptos::prelude::*;

#[component]
pub fn StateBadge(#[prop(into)] state: String) -> impl IntoView {
    let parsed = State::parse(&state);
    let tone = parsed.tone();
    let busy = parsed.is_transitional();
    let unknown = !parsed.in_diagram();
    let shown = if state.is_empty() {
        "(none)".to_string()
    } else {
        state
    };
    let data_state = shown.clone();
    let title = if unknown {
        "Not in the documented state diagram"
    } else {
        ""
    };
    view! {
        <span class=format!("badge {}", tone.class()) class:unknown=unknown title=title data-state=data_state>
            {busy.then(|| view! { <span class="spinner" aria-hidden="true"></span> })}
            {shown}
            {unknown.then(|| view! { <span class="badge-note">" (undocumented)"</span> })}
        </span>
    }
}

/// A badge for an `operation_state` (`*-processing`, `*-succeed`, `*-failed`).
#[component]
pub fn OperationBadge(#[prop(into)] operation: String) -> impl IntoView {
    let tone = operation_tone(&operation);
    let busy = crate::api::lifecycle::operation_in_progress(&operation);
    view! {
        <span class=format!("badge {}", tone.class())>
            {busy.then(|| view! { <span class="spinner" aria-hidden="true"></span> })}
            {operation}
        </span>
    }
}

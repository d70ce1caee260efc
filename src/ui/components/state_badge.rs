//! Status badges: green running/active, blue in progress (with a spinner), red failed,
//! grey for the rest. The text is the value exactly as it arrived; a value the service's
//! documentation does not list is marked as such.

use crate::api::lifecycle::{operation_in_progress, operation_tone, State, Tone};
use leptos::prelude::*;

/// A badge for any service's status value.
#[component]
pub fn Badge(
    #[prop(into)] text: String,
    tone: Tone,
    #[prop(optional)] busy: bool,
    /// Not a value the documentation lists.
    #[prop(optional)]
    undocumented: bool,
    /// Why it is undocumented (hover text).
    #[prop(optional, into)]
    note: Option<String>,
) -> impl IntoView {
    let shown = if text.is_empty() { "(none)".to_string() } else { text };
    let data_state = shown.clone();
    let title = undocumented.then(|| note.unwrap_or_else(|| "Not a value the service documents".into()));
    view! {
        <span class=format!("badge {}", tone.class()) class:unknown=undocumented title=title data-state=data_state>
            {busy.then(|| view! { <span class="spinner" aria-hidden="true"></span> })}
            {shown}
            {undocumented.then(|| view! { <span class="badge-note">" (undocumented)"</span> })}
        </span>
    }
}

/// A CloudDC state, checked against the documented state diagram.
#[component]
pub fn StateBadge(#[prop(into)] state: String) -> impl IntoView {
    let parsed = State::parse(&state);
    view! {
        <Badge
            text=state
            tone=parsed.tone()
            busy=parsed.is_transitional()
            undocumented=!parsed.in_diagram()
            note="Not in the documented state diagram"
        />
    }
}

/// A badge for a CloudDC `operation_state` (`*-processing`, `*-succeed`, `*-failed`).
#[component]
pub fn OperationBadge(#[prop(into)] operation: String) -> impl IntoView {
    let tone = operation_tone(&operation);
    let busy = operation_in_progress(&operation);
    view! { <Badge text=operation tone busy/> }
}

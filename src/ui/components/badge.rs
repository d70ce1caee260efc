//! Status badges: green running/active, blue in progress (with a spinner), red failed,
//! grey for the rest — colour plus the text as it arrived, so colour is never the only
//! signal. A value the service's documentation does not list is marked as such.

use leptos::prelude::*;
use skyglass_core::state::{StateInfo, Tone};

/// The CSS class of a tone.
pub fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Ok => "tone-ok",
        Tone::Busy => "tone-busy",
        Tone::Bad => "tone-bad",
        Tone::Neutral => "tone-neutral",
    }
}

/// A badge for a plain value (an operation state).
#[component]
pub fn Badge(#[prop(into)] text: String, tone: Tone, #[prop(optional)] busy: bool) -> impl IntoView {
    let shown = if text.is_empty() { "(none)".to_string() } else { text };
    let data_state = shown.clone();
    view! {
        <span class=format!("badge {}", tone_class(tone)) data-state=data_state>
            {busy.then(|| view! { <span class="spinner" aria-hidden="true"></span> })}
            {shown}
        </span>
    }
}

/// A badge for any service's state, classified.
#[component]
pub fn StateBadge(state: StateInfo) -> impl IntoView {
    let shown = if state.value.is_empty() {
        "(none)".to_string()
    } else {
        crate::ui::components::clamped_text::short(&state.value, 60)
    };
    let undocumented = !state.documented;
    let title = undocumented.then_some(state.note);
    let data_state = shown.clone();
    view! {
        <span class=format!("badge {}", tone_class(state.tone())) class:unknown=undocumented title=title data-state=data_state
            data-category=state.category.key()>
            {state.transitional.then(|| view! { <span class="spinner" aria-hidden="true"></span> })}
            {shown}
            {undocumented.then(|| view! { <span class="badge-note">" (undocumented)"</span> })}
        </span>
    }
}

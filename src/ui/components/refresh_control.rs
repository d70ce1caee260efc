//! "Updated hh:mm:ss" beside a Refresh button; "Loading…" while a call is under way.

use crate::ui::components::time_cell::clock_label;
use leptos::prelude::*;

#[component]
pub fn RefreshControl(
    #[prop(into)] updated_at: Signal<Option<f64>>,
    #[prop(into)] loading: Signal<bool>,
    #[prop(into)] on_refresh: Callback<()>,
) -> impl IntoView {
    view! {
        <span class="updated" aria-live="polite">
            {move || if loading.get() {
                "Loading…".to_string()
            } else {
                updated_at.get().map(|t| format!("Updated {}", clock_label(t))).unwrap_or_default()
            }}
        </span>
        <button type="button" on:click=move |_| on_refresh.run(())>"Refresh"</button>
    }
}

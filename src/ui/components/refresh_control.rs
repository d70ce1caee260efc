//! The refresh controls of a live view: "Updated hh:mm:ss", the interval the user picked
//! for this view (remembered on this device), a Refresh button, and a notice while an
//! automatic retry is scheduled ("Rate limited: retrying in 7 s").

use crate::ui::components::time_cell::clock_label;
use crate::ui::hooks::use_api::RetryNotice;
use leptos::prelude::*;
use leptos_use_interval_fn::use_interval_fn;
use skyglass_core::poll::Interval;

#[component]
pub fn RefreshControl(
    #[prop(into)] updated_at: Signal<Option<f64>>,
    #[prop(into)] loading: Signal<bool>,
    #[prop(into)] on_refresh: Callback<()>,
    /// The view's interval and its setter; without it, no interval choice is shown.
    #[prop(optional)]
    interval: Option<(Signal<Interval>, Callback<Interval>)>,
) -> impl IntoView {
    let choice = interval.map(|(value, set)| {
        let change = move |ev: leptos::ev::Event| set.run(Interval::from_key(&event_target_value(&ev)));
        view! {
            <label class="interval">
                "Auto-refresh "
                <select name="interval" on:change=change prop:value=move || value.get().key()>
                    {Interval::CHOICES.iter().map(|i| view! { <option value=i.key()>{i.label()}</option> }).collect_view()}
                </select>
            </label>
        }
    });
    view! {
        {choice}
        <span class="updated" aria-live="polite">
            {move || if loading.get() {
                "Loading…".to_string()
            } else {
                updated_at.get().map(|t| format!("Updated {}", clock_label(t))).unwrap_or_default()
            }}
        </span>
        <button type="button" data-shortcut="refresh" aria-keyshortcuts="r" on:click=move |_| on_refresh.run(())>"Refresh"</button>
    }
}

/// "Rate limited: retrying in 7 s" while a retry is scheduled; counts down each second.
#[component]
pub fn RetryBanner(#[prop(into)] retry: Signal<Option<RetryNotice>>) -> impl IntoView {
    let now = RwSignal::new(js_sys::Date::now());
    // The countdown ticks only while a retry is scheduled.
    let tick = use_interval_fn(move || now.set(js_sys::Date::now()), 1000);
    Effect::new(move |_| {
        if retry.with(Option::is_some) {
            now.set(js_sys::Date::now());
            (tick.resume)();
        } else {
            (tick.pause)();
        }
    });
    move || {
        retry.get().map(|r| {
            let secs = move || ((r.at - now.get()) / 1000.0).ceil().max(0.0) as u64;
            let what = r.what.clone();
            view! {
                <p class="retry-notice" role="status">
                    {move || format!("{what}: retrying in {} s. The data below is the last known.", secs())}
                </p>
            }
        })
    }
}

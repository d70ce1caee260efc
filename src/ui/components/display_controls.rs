//! The header's display controls: the theme (system → light → dark) and the time zone
//! times are shown in (`use_display_settings`).

use crate::ui::hooks::use_display_settings::use_display_settings;
use leptos::prelude::*;
use skyglass_core::prefs::TimeZone;

#[component]
pub fn DisplayControls() -> impl IntoView {
    let display = use_display_settings();
    let zone = move |ev: leptos::ev::Event| display.set_zone.run(TimeZone::from_key(&event_target_value(&ev)));
    view! {
        <button
            type="button"
            class="header-button theme-toggle"
            aria-label=move || format!("{} (change)", display.theme.get().label())
            on:click=move |_| display.set_theme.run(display.theme.get_untracked().next())
        >
            {move || display.theme.get().label()}
        </button>
        <label class="header-select">
            <span class="visually-hidden">"Show times in"</span>
            <select name="time-zone" aria-label="Show times in" on:change=zone prop:value=move || display.zone.get().key()>
                {TimeZone::ALL.iter().map(|z| view! { <option value=z.key()>{z.label()}</option> }).collect_view()}
            </select>
        </label>
    }
}

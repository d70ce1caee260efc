//! `use_display_settings`: the app-wide display settings of this device — the colour
//! theme (system, light or dark; set on `<html data-theme>`) and the time zone times are
//! shown in (local or UTC) — remembered with leptos-use's localStorage. The app provides
//! them once ([`provide_display_settings`]); a component mounted alone (a browser test)
//! gets the defaults.
//!
//! ```ignore
//! let display = use_display_settings();
//! display.set_theme.run(display.theme.get_untracked().next());
//! let offset = move || display.zone.get().offset_minutes(browser_offset_minutes());
//! ```

use crate::ui::components::time_cell::set_shown_zone;
use codee::string::JsonSerdeCodec;
use leptos::prelude::*;
use leptos_use_storage::use_local_storage;
use skyglass_core::prefs::{Theme, TimeZone};

/// The display settings and their setters.
#[derive(Clone, Copy)]
pub struct DisplaySettings {
    pub theme: Signal<Theme>,
    pub zone: Signal<TimeZone>,
    pub set_theme: Callback<Theme>,
    pub set_zone: Callback<TimeZone>,
}

/// Reads the stored settings, applies them to the page, and provides them to every view.
pub fn provide_display_settings() -> DisplaySettings {
    let (theme, set_theme, _) = use_local_storage::<Theme, JsonSerdeCodec>("skyglass.theme");
    let (zone, set_zone, _) = use_local_storage::<TimeZone, JsonSerdeCodec>("skyglass.time-zone");
    Effect::new(move |_| {
        let Some(root) = document().document_element() else {
            return;
        };
        let _ = match theme.get().attribute() {
            Some(t) => root.set_attribute("data-theme", t),
            None => root.remove_attribute("data-theme"),
        };
    });
    Effect::new(move |_| set_shown_zone(zone.get()));
    set_shown_zone(zone.get_untracked());
    let settings = DisplaySettings {
        theme,
        zone,
        set_theme: Callback::new(move |t| set_theme.set(t)),
        set_zone: Callback::new(move |z| set_zone.set(z)),
    };
    provide_context(settings);
    settings
}

pub fn use_display_settings() -> DisplaySettings {
    use_context::<DisplaySettings>().unwrap_or_else(|| DisplaySettings {
        theme: Signal::stored(Theme::System),
        zone: Signal::stored(TimeZone::Local),
        set_theme: Callback::new(|_| {}),
        set_zone: Callback::new(|_| {}),
    })
}

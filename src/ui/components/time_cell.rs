//! A time shown relative ("5 min ago"), with the absolute time and its offset on hover,
//! in the time zone the user chose (local or UTC; `use_display_settings`).

use leptos::prelude::*;
use skyglass_core::prefs::TimeZone;
use skyglass_core::timefmt;
use std::cell::Cell;

thread_local! {
    static SHOWN_ZONE: Cell<TimeZone> = const { Cell::new(TimeZone::Local) };
}

/// Sets the time zone times are shown in (the display settings do).
pub fn set_shown_zone(zone: TimeZone) {
    SHOWN_ZONE.with(|z| z.set(zone));
}

/// The offset from UTC times are shown at, in minutes (east positive): the viewer's, or
/// 0 when the user chose UTC.
pub fn shown_offset_minutes() -> i32 {
    let browser = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    SHOWN_ZONE.with(Cell::get).offset_minutes(browser)
}

/// An epoch-ms time as the app shows dates and times ("2026-12-07 18:52:34 UTC+01:00").
pub fn shown_absolute(ms: i64) -> String {
    timefmt::absolute(ms, shown_offset_minutes())
}

/// "Updated hh:mm:ss" text for an epoch-ms time.
pub fn clock_label(ms: f64) -> String {
    timefmt::clock(ms as i64, shown_offset_minutes())
}

/// A wire time: relative, with the absolute time on hover, or (with `full`) both spelled out.
#[component]
pub fn TimeCell(#[prop(into)] raw: String, #[prop(optional)] full: bool) -> impl IntoView {
    let (text, title) = timefmt::cell(&raw, js_sys::Date::now() as i64, shown_offset_minutes());
    let text = match timefmt::parse_rfc3339_ms(&raw) {
        Some(ms) if full => format!("{} ({text})", shown_absolute(ms)),
        _ => text,
    };
    view! { <time title=title datetime=raw>{text}</time> }
}

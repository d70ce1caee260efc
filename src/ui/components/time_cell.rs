//! A time shown relative ("5 min ago"), with the absolute time on hover.

use leptos::prelude::*;
use skyglass_core::timefmt;

/// The viewer's offset from UTC in minutes (east positive).
pub fn local_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// "Updated hh:mm:ss" text for an epoch-ms time.
pub fn clock_label(ms: f64) -> String {
    timefmt::clock(ms as i64, local_offset_minutes())
}

/// A wire time: relative, with the absolute time on hover, or (with `full`) both spelled out.
#[component]
pub fn TimeCell(#[prop(into)] raw: String, #[prop(optional)] full: bool) -> impl IntoView {
    let (text, title) = timefmt::cell(&raw, js_sys::Date::now() as i64, local_offset_minutes());
    let text = match timefmt::parse_rfc3339_ms(&raw) {
        Some(ms) if full => format!("{} ({text})", timefmt::absolute(ms, local_offset_minutes())),
        _ => text,
    };
    view! { <time title=title datetime=raw>{text}</time> }
}

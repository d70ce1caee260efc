//! Long values cut to a readable length, with the full value on demand: a 100 KB name
//! or 10,000 tags must not freeze the page or push everything else off screen.

use leptos::prelude::*;

/// `text` cut after `max` characters, with a button that shows the rest.
#[component]
pub fn ClampedText(#[prop(into)] text: String, #[prop(default = 160)] max: usize) -> impl IntoView {
    let total = text.chars().count();
    if total <= max {
        return view! { <span>{text}</span> }.into_any();
    }
    let open = RwSignal::new(false);
    let head: String = text.chars().take(max).collect();
    let full = StoredValue::new(text);
    view! {
        <span class="clamped">
            {move || if open.get() { full.get_value() } else { format!("{head}…") }}
            " "
            <button type="button" class="link small" on:click=move |ev| {
                ev.stop_propagation();
                open.update(|o| *o = !*o);
            }>
                {move || if open.get() { "show less".to_string() } else { format!("show all {total} characters") }}
            </button>
        </span>
    }
    .into_any()
}

/// The first `max` items, and how many more there are.
pub fn first_items(items: &[String], max: usize) -> (String, usize) {
    let shown = items.iter().take(max).cloned().collect::<Vec<_>>().join(", ");
    (shown, items.len().saturating_sub(max))
}

/// A list cut after `max` items, with a button for the rest.
#[component]
pub fn ClampedList(items: Vec<String>, #[prop(default = 12)] max: usize) -> impl IntoView {
    if items.is_empty() {
        return view! { <span>"—"</span> }.into_any();
    }
    let (shown, more) = first_items(&items, max);
    if more == 0 {
        return view! { <span>{shown}</span> }.into_any();
    }
    let open = RwSignal::new(false);
    let all = StoredValue::new(items);
    view! {
        <span class="clamped">
            {move || if open.get() { all.with_value(|a| a.join(", ")) } else { shown.clone() }}
            " "
            <button type="button" class="link small" on:click=move |ev| {
                ev.stop_propagation();
                open.update(|o| *o = !*o);
            }>
                {move || if open.get() { "show less".to_string() } else { format!("+{more} more") }}
            </button>
        </span>
    }
    .into_any()
}

/// `s` cut after `max` characters (with "…"), for table cells and hover text.
pub fn short(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// A list as "a, b, c (+N more)" after `max` items.
pub fn short_list(items: &[String], max: usize) -> String {
    match first_items(items, max) {
        (shown, 0) => shown,
        (shown, more) => format!("{shown} (+{more} more)"),
    }
}

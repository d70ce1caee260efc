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

/// A list shown as chips (one `.tag` each, as text), cut after `max` with a button for
/// the rest: 10,000 tags must not freeze the page.
#[component]
pub fn ClampedChips(
    items: Vec<String>,
    #[prop(default = 100)] max: usize,
    #[prop(optional)] mono: bool,
) -> impl IntoView {
    let items: Vec<String> = items.into_iter().filter(|i| !i.trim().is_empty()).collect();
    if items.is_empty() {
        return view! { <span>"—"</span> }.into_any();
    }
    let total = items.len();
    let open = RwSignal::new(total <= max);
    let all = StoredValue::new(items);
    let class = if mono { "tag mono" } else { "tag" };
    let chips = move || {
        let n = if open.get() { total } else { max };
        all.with_value(|a| {
            a.iter()
                .take(n)
                .map(|t| view! { <span class=class>{short(t, 1_000)}</span> })
                .collect_view()
        })
    };
    view! {
        <span class="chips">
            {chips}
            {(total > max).then(|| view! {
                <button type="button" class="link small" on:click=move |ev| {
                    ev.stop_propagation();
                    open.update(|o| *o = !*o);
                }>
                    {move || if open.get() { "show fewer".to_string() } else { format!("+{} more", total - max) }}
                </button>
            })}
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

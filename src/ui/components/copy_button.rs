//! A button that copies a value (an id, an address, a whole instance as JSON) to the
//! clipboard (leptos-use's `use_clipboard`) and says "Copied" for a moment where it was
//! clicked (a polite status, so a screen reader hears it too).

use leptos::prelude::*;
use leptos_use_clipboard::use_clipboard;

#[component]
pub fn CopyButton(
    /// What is copied.
    #[prop(into)]
    text: String,
    /// What it is, for its label ("Copy ID").
    #[prop(into)]
    what: String,
    /// The button's own text (a small "Copy" by default).
    #[prop(optional, into)]
    caption: Option<String>,
) -> impl IntoView {
    let clipboard = use_clipboard();
    let copied = clipboard.copied;
    let copy = clipboard.copy;
    // The accessible name starts with the visible text (a small "Copy": "Copy id").
    let (label, caption) = match caption {
        Some(c) => (c.clone(), c),
        None => (format!("Copy {what}"), "Copy".into()),
    };
    view! {
        <span class="copy">
            <button type="button" class="copy-button" aria-label=label title=format!("Copy {what}") on:click=move |_| copy(&text)>
                {caption}
            </button>
            <span class="copied" role="status">{move || copied.get().then_some("Copied")}</span>
        </span>
    }
}

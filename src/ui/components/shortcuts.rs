//! The keyboard shortcuts of every page (`skyglass_core::keys`): `/` focuses the view's
//! filter, `r` refreshes, `g o` / `g a` / `g c` go to the overview, all instances or the
//! connections, `?` lists them. Keys typed into a field, or with Ctrl, Alt or Meta, are
//! left alone. A view marks what a shortcut acts on with `data-shortcut="filter"` or
//! `"refresh"`.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use skyglass_core::keys::{Keys, Shortcut};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// Whether a key press is meant for a field (typing) rather than for the page.
fn typing(ev: &KeyboardEvent) -> bool {
    if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
        return true;
    }
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    let text_input = tag == "input"
        && !matches!(
            el.get_attribute("type").unwrap_or_default().as_str(),
            "checkbox" | "radio" | "button" | "submit"
        );
    text_input
        || matches!(tag.as_str(), "textarea" | "select")
        || el.closest("[contenteditable]").ok().flatten().is_some()
}

/// The first element of the page for `what` (`data-shortcut`), else the first of `fallback`.
fn target(what: &str, fallback: &str) -> Option<HtmlElement> {
    let doc = document();
    doc.query_selector(&format!("main [data-shortcut=\"{what}\"]"))
        .ok()
        .flatten()
        .or_else(|| doc.query_selector(fallback).ok().flatten())?
        .dyn_into()
        .ok()
}

#[component]
pub fn Shortcuts() -> impl IntoView {
    let open = RwSignal::new(false);
    let keys = StoredValue::new(Keys::default());
    let navigate = use_navigate();
    let listener = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if typing(&ev) {
            return;
        }
        let Some(shortcut) = keys.try_update_value(|k| k.press(&ev.key())).flatten() else {
            return;
        };
        ev.prevent_default();
        match shortcut {
            Shortcut::Filter => {
                if let Some(el) = target(
                    "filter",
                    "main .filters input, main .filters select, main input[type=search]",
                ) {
                    let _ = el.focus();
                }
            }
            Shortcut::Refresh => {
                if let Some(el) = target("refresh", "main button[data-shortcut=refresh]") {
                    el.click();
                }
            }
            Shortcut::GoOverview => navigate("/", Default::default()),
            Shortcut::GoAll => navigate("/all", Default::default()),
            Shortcut::GoConnections => navigate("/connections", Default::default()),
            Shortcut::Help => open.update(|o| *o = !*o),
            Shortcut::Close => open.set(false),
        }
    });
    on_cleanup(move || listener.remove());
    let close = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if open.get() {
            if let Some(b) = close.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <button type="button" class="header-button" aria-keyshortcuts="?" on:click=move |_| open.update(|o| *o = !*o)>
            "Shortcuts"
        </button>
        {move || open.get().then(|| view! {
            <div class="shortcuts" role="dialog" aria-modal="false" aria-labelledby="shortcuts-title">
                <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
                <table class="kv">
                    <thead><tr><th scope="col">"Keys"</th><th scope="col">"Does"</th></tr></thead>
                    <tbody>
                        {Shortcut::ALL.iter().map(|(_, keys, what)| view! {
                            <tr><td><kbd>{*keys}</kbd></td><td>{*what}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="small muted">"Every action is also reachable with Tab and Enter: the tables' rows with the arrow keys."</p>
                <button type="button" node_ref=close on:click=move |_| open.set(false)>"Close"</button>
            </div>
        })}
    }
}

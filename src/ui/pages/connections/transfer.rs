//! "Export connections" and "Import connections": the saved connections as a JSON file
//! without secrets, and back (`crate::connections_file`), with what an import added,
//! skipped and ignored, and why.

use crate::connections_file::{export, import, ImportReport};
use crate::ui::components::export_menu::download;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

#[component]
pub fn ConnectionsTransfer() -> impl IntoView {
    let state = AppState::expect();
    let report = RwSignal::new(None::<Result<ImportReport, String>>);
    let export_all = move |_| {
        let text = export(&state.connections());
        let name = format!(
            "skyglass-connections-{}.json",
            skyglass_core::timefmt::compact_utc(js_sys::Date::now() as i64)
        );
        if let Err(e) = download(&name, "application/json", &text) {
            report.set(Some(Err(e)));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > crate::connections_file::MAX_BYTES as f64 {
            report.set(Some(Err(
                "The file is larger than 1 MiB: not a connections file.".into()
            )));
            return;
        }
        spawn_local(async move {
            let text = match JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => {
                    report.set(Some(Err("The file could not be read.".into())));
                    return;
                }
            };
            let result = import(&text, &state.connections());
            if let Ok(r) = &result {
                for conn in &r.added {
                    state.save(conn.clone());
                }
            }
            report.set(Some(result));
        });
    };
    let outcome = move || {
        report.get().map(|r| match r {
            Err(e) => view! { <div class="notice import-report" role="alert"><p class="form-problem">{e}</p></div> }.into_any(),
            Ok(r) => {
                let added = r.added.len();
                view! {
                    <div class="notice import-report" role="status">
                        <p>{format!("Imported {added} connection{}.", if added == 1 { "" } else { "s" })}</p>
                        {(!r.skipped.is_empty()).then(|| view! {
                            <p>"Skipped:"</p>
                            <ul>{r.skipped.into_iter().map(|(w, why)| view! { <li>{w} ": " {why}</li> }).collect_view()}</ul>
                        })}
                        {(!r.ignored.is_empty()).then(|| view! {
                            <p>"Secrets in the file were ignored (they are never imported):"</p>
                            <ul>{r.ignored.into_iter().map(|(w, field)| view! { <li>{w} ": " <code>{field}</code></li> }).collect_view()}</ul>
                        })}
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <button type="button" on:click=export_all>"Export connections"</button>
        <label class="button file-button">
            "Import connections"
            <input type="file" class="visually-hidden" accept="application/json,.json" on:change=on_file/>
        </label>
        {outcome}
    }
}

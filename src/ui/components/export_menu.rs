//! "Export": CSV (optionally with a byte order mark for spreadsheets) or JSON of a table's
//! rows — the choices a view offers (this page, the rows shown, everything loaded) — with
//! the visible columns in their order (`skyglass_core::export`). The file is made in the
//! page (a Blob) and downloaded; its name says the connection, the service and the time.
//! What is written is what the table shows: no credential is within reach of an export.
//! The writers (CSV and JSON) are a part of their own ([`crate::ui::lazy`]), fetched when
//! the menu is first opened.

use crate::ui::lazy::maybe_lazy;
use leptos::prelude::*;
use leptos::task::spawn_local;
use skyglass_core::export::{file_name, Columns, Format};
use skyglass_core::table::Rows;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Writes the rows at some positions with some columns in a format
/// (`skyglass_core::export::write`, handed to a choice once its part is here).
pub type Writer = fn(Format, &dyn Rows, &Columns, &[usize]) -> String;

maybe_lazy! {
    /// Export's writers.
    [export] fn writer() -> Writer { skyglass_core::export::write }
}

/// One thing to export: its button's label, the word for the file name ("page-2",
/// "loaded"), and how to write it with a writer in a format (`None` when there is nothing
/// yet).
#[derive(Clone)]
pub struct ExportChoice {
    pub label: Signal<String>,
    pub what: Signal<String>,
    pub write: Rc<dyn Fn(Writer, Format) -> Option<String>>,
}

/// An export button's label: "This page (25 rows)".
pub fn rows_label(what: &str, n: usize) -> String {
    format!("{what} ({n} row{})", if n == 1 { "" } else { "s" })
}

/// Downloads `text` as `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "no Blob")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "no object URL")?;
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|_| "no anchor")?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

#[component]
pub fn ExportMenu(
    /// The connection's name and the service's key, for the file name.
    #[prop(into)]
    connection: String,
    service: &'static str,
    choices: Vec<ExportChoice>,
) -> impl IntoView {
    let format = RwSignal::new(Format::Csv { bom: false });
    let problem = RwSignal::new(None::<String>);
    let connection = StoredValue::new(connection);
    let buttons = choices
        .into_iter()
        .map(|choice| {
            let ExportChoice { label, what, write } = choice;
            let run = move |_| {
                let (f, what) = (format.get_untracked(), what.get_untracked());
                let name = file_name(&connection.get_value(), service, &what, js_sys::Date::now() as i64, f);
                let write = write.clone();
                spawn_local(async move {
                    let outcome = match writer().await {
                        Err(e) => Some(e.to_string()),
                        Ok(writer) => match write(writer, f) {
                            None => Some("Nothing to export yet.".into()),
                            Some(text) => download(&name, f.mime(), &text).err(),
                        },
                    };
                    problem.try_set(outcome);
                });
            };
            view! { <button type="button" on:click=run>{move || label.get()}</button> }
        })
        .collect_view();
    let choose = move |ev: leptos::ev::Event| {
        format.set(match event_target_value(&ev).as_str() {
            "csv-bom" => Format::Csv { bom: true },
            "json" => Format::Json,
            _ => Format::Csv { bom: false },
        })
    };
    // Opening the menu fetches the writers' part, so that a click finds it here.
    let fetch_writers = |_| {
        spawn_local(async {
            let _ = writer().await;
        })
    };
    view! {
        <details class="export-menu menu" on:toggle=fetch_writers>
            <summary>"Export"</summary>
            <div class="menu-body">
                <label>"Format "
                    <select name="export-format" on:change=choose>
                        <option value="csv">"CSV"</option>
                        <option value="csv-bom">"CSV for spreadsheets (UTF-8 BOM)"</option>
                        <option value="json">"JSON"</option>
                    </select>
                </label>
                {buttons}
                <small class="muted">"The visible columns, in their order. A cell that starts like a formula is written with a leading ' so spreadsheets keep it as text."</small>
                {move || problem.get().map(|p| view! { <p class="form-problem" role="alert">{p}</p> })}
            </div>
        </details>
    }
}

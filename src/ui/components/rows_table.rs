//! The paged table: one page's rows in a semantic `<table>`, the service's columns in
//! order, every cell built from its [`Cell`](skyglass_core::service::Cell) (see
//! [`super::cell_dom`]). A refresh re-renders only the rows whose key changed (their
//! update time or state), so selection and scroll position stay. A click on a row (not on
//! its link) opens it.

use super::cell_dom::{batch, element, fill_cell, CellContext};
use super::virtual_table::HrefFn;
use leptos::html;
use leptos::prelude::*;
use skyglass_core::service::{Cell, ColumnSpec, ListPage};
use skyglass_core::table::Rows;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// A rendered row: its key and its element.
type Rendered = (u64, Element);

/// The class a cell of this kind gets.
fn cell_class(cell: &Cell) -> Option<&'static str> {
    match cell {
        Cell::Name(_) => Some("cell-name"),
        Cell::State(_) => Some("cell-state"),
        Cell::Error { .. } => Some("cell-error"),
        _ => None,
    }
}

fn build_row(
    ctx_rows: &dyn Rows,
    row: usize,
    columns: &[(usize, ColumnSpec)],
    href: &HrefFn,
    selected: Option<&str>,
) -> Option<Element> {
    let (doc, clock) = batch();
    let tr = element(&doc, "tr")?;
    tr.set_class_name("instance-row");
    let id = ctx_rows.id(row);
    let _ = tr.set_attribute("data-id", id);
    if selected == Some(id) {
        let _ = tr.class_list().add_1("selected");
        let _ = tr.set_attribute("aria-selected", "true");
    }
    let href = href(id);
    let ctx = CellContext {
        doc: &doc,
        clock: &clock,
        href: &href,
    };
    for (column, spec) in columns {
        let td = element(&doc, "td")?;
        let cell = ctx_rows.cell(row, *column);
        if let Some(class) = cell_class(&cell) {
            td.set_class_name(class);
        }
        let _ = td.set_attribute("data-label", spec.title);
        fill_cell(&ctx, &td, &cell);
        let _ = tr.append_child(&td);
    }
    Some(tr)
}

#[component]
pub fn RowsTable(
    /// The columns shown: their index in the service's columns, and what they are.
    columns: Vec<(usize, ColumnSpec)>,
    /// The page shown.
    #[prop(into)]
    page: Signal<Option<ListPage>>,
    /// A row's own view, by id (its name links there).
    href: StoredValue<HrefFn, LocalStorage>,
    /// What the links depend on (the view's URL): when it changes, every row is rebuilt.
    #[prop(into)]
    context: Signal<String>,
    /// The selected row's id (highlighted).
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// A click on a row, not on its link: its id.
    #[prop(into)]
    on_open: Callback<String>,
    /// The data is from the last good call (an error since).
    #[prop(into)]
    stale: Signal<bool>,
    #[prop(into)] label: String,
) -> impl IntoView {
    let body = NodeRef::<html::Tbody>::new();
    let rendered = StoredValue::new_local(Vec::<Rendered>::new());
    let columns = StoredValue::new(columns);
    Effect::new(move |previous_context: Option<String>| {
        let context = context.get();
        let Some(body) = body.get() else { return context };
        let selected = selected.get_untracked();
        page.with(|page| {
            rendered.update_value(|done| {
                if previous_context.as_ref() != Some(&context) {
                    for (_, el) in done.drain(..) {
                        el.remove();
                    }
                }
                let mut old: HashMap<u64, Element> = done.drain(..).collect();
                let rows: &dyn Rows = match page {
                    Some(p) => &**p,
                    None => {
                        for el in old.values() {
                            el.remove();
                        }
                        return;
                    }
                };
                let mut next: Vec<Rendered> = Vec::with_capacity(rows.len());
                for row in 0..rows.len() {
                    let key = rows.key(row);
                    let el = match old.remove(&key) {
                        Some(el) => el,
                        None => match columns
                            .with_value(|c| href.with_value(|h| build_row(rows, row, c, h, selected.as_deref())))
                        {
                            Some(el) => el,
                            None => continue,
                        },
                    };
                    // In display order: append moves an element already in the body.
                    let _ = body.append_child(&el);
                    next.push((key, el));
                }
                for el in old.values() {
                    el.remove();
                }
                *done = next;
            })
        });
        context
    });
    // The selected row, highlighted.
    Effect::new(move |_| {
        let selected = selected.get();
        rendered.with_value(|done| {
            for (_, el) in done {
                let on = selected.is_some() && el.get_attribute("data-id") == selected;
                let _ = el.class_list().toggle_with_force("selected", on);
                if on {
                    let _ = el.set_attribute("aria-selected", "true");
                } else {
                    let _ = el.remove_attribute("aria-selected");
                }
            }
        });
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if target.closest("a").ok().flatten().is_some() {
            return; // the link navigates
        }
        if let Some(id) = target
            .closest("tr.instance-row")
            .ok()
            .flatten()
            .and_then(|tr| tr.get_attribute("data-id"))
        {
            on_open.run(id);
        }
    };
    let headers = columns.with_value(|c| {
        c.iter()
            .map(|(_, spec)| view! { <th scope="col" data-key=spec.key>{spec.title}</th> })
            .collect_view()
    });
    view! {
        <div class="table-scroll" class:stale=move || stale.get()>
            <table class="instances" aria-label=label>
                <thead><tr>{headers}</tr></thead>
                <tbody node_ref=body on:click=on_click></tbody>
            </table>
        </div>
    }
}

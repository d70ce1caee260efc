//! The paged table: one page's rows in a semantic `<table>`, the service's columns in
//! order, every cell built from its [`Cell`](skyglass_core::service::Cell) (see
//! [`super::cell_dom`]). A refresh re-renders only the rows whose key changed (their
//! update time or state), so selection and scroll position stay. A click on a row (not on
//! its link or its box) opens it. With a [`Selection`], each row has a box to tick (a
//! shift-click ticks the range) and the header one for the whole page; with `only`, the
//! rows of other state categories are left out.

use super::cell_dom::{batch, element, fill_cell, CellContext};
use super::ticks::{sync_ticks, tick_box, with_ticks};
use super::virtual_table::HrefFn;
use crate::ui::hooks::use_display_settings::use_display_settings;
use leptos::html;
use leptos::prelude::*;
use skyglass_core::service::{Cell, ColumnSpec, ListPage};
use skyglass_core::state::Category;
use skyglass_core::table::{in_category, Rows, Selection};
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

struct RowMaking<'a> {
    columns: &'a [(usize, ColumnSpec)],
    href: &'a HrefFn,
    selected: Option<&'a str>,
    /// With boxes to tick: the selection.
    ticked: Option<&'a Selection>,
}

fn build_row(ctx_rows: &dyn Rows, row: usize, m: &RowMaking) -> Option<Element> {
    let RowMaking {
        columns,
        href,
        selected,
        ticked,
    } = *m;
    let (doc, clock) = batch();
    let tr = element(&doc, "tr")?;
    tr.set_class_name("instance-row");
    let id = ctx_rows.id(row);
    let _ = tr.set_attribute("data-id", id);
    if let Some(ticked) = ticked {
        let td = element(&doc, "td")?;
        td.set_class_name("cell-tick");
        let name_column = columns
            .iter()
            .find(|(_, s)| s.meaning == skyglass_core::service::Meaning::Name);
        let tick = tick_box(&doc, ctx_rows, row, name_column.map(|(i, _)| *i), ticked.contains(id))?;
        let _ = td.append_child(&tick);
        let _ = tr.append_child(&td);
        let _ = tr.class_list().toggle_with_force("ticked", ticked.contains(id));
    }
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
    /// Rows can be ticked: the selection (by id; it outlives pages and refreshes).
    #[prop(optional)]
    ticked: Option<RwSignal<Selection>>,
    /// Only the rows in this state category.
    #[prop(optional, into)]
    only: Signal<Option<Category>>,
) -> impl IntoView {
    let body = NodeRef::<html::Tbody>::new();
    let rendered = StoredValue::new_local(Vec::<Rendered>::new());
    let fresh = StoredValue::new(true);
    let columns = StoredValue::new(columns);
    let zone = use_display_settings().zone;
    Effect::new(move |previous_context: Option<String>| {
        // Times are shown in the zone chosen: another zone rebuilds every row too.
        let context = format!("{}|{}", context.get(), zone.get().key());
        let Some(body) = body.get() else { return context };
        let selected = selected.get_untracked();
        let only = only.get();
        with_ticks(ticked, |ticks| {
            page.with(|page| {
                rendered.update_value(|done| {
                    if previous_context.as_ref() != Some(&context) {
                        for (_, el) in done.drain(..) {
                            el.remove();
                        }
                    }
                    if fresh.try_update_value(|f| std::mem::replace(f, false)) == Some(true) {
                        // A table drawn again (other columns) may get the body element of the
                        // one before it, rows and all: they are not this table's.
                        body.set_inner_html("");
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
                    for row in in_category(rows, only) {
                        let key = rows.key(row);
                        let el = match old.remove(&key) {
                            Some(el) => el,
                            None => match columns.with_value(|columns| {
                                href.with_value(|href| {
                                    let making = RowMaking {
                                        columns,
                                        href,
                                        selected: selected.as_deref(),
                                        ticked: ticks,
                                    };
                                    build_row(rows, row, &making)
                                })
                            }) {
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
    // The boxes follow the selection (a tick elsewhere: select all, another view).
    let all_box = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        let Some(ticked) = ticked else { return };
        ticked.with(|t| {
            rendered.with_value(|done| {
                let rows: Vec<Element> = done.iter().map(|(_, el)| el.clone()).collect();
                sync_ticks(&rows, t);
                if let Some(all) = all_box.get() {
                    let ids: Vec<String> = rows.iter().filter_map(|r| r.get_attribute("data-id")).collect();
                    let every = t.all_of(ids.iter().map(String::as_str));
                    all.set_checked(every);
                    all.set_indeterminate(!every && ids.iter().any(|id| t.contains(id)));
                }
            })
        });
    });
    let ids_shown = move || -> Vec<String> {
        rendered.with_value(|done| done.iter().filter_map(|(_, el)| el.get_attribute("data-id")).collect())
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if target.class_list().contains("tick") {
            let (Some(ticked), Some(id)) = (
                ticked,
                target
                    .closest("tr.instance-row")
                    .ok()
                    .flatten()
                    .and_then(|tr| tr.get_attribute("data-id")),
            ) else {
                return;
            };
            let order = ids_shown();
            let order: Vec<&str> = order.iter().map(String::as_str).collect();
            ticked.update(|t| t.click(&order, &id, ev.shift_key()));
            return;
        }
        if target.closest("a, input, label").ok().flatten().is_some() {
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
            .map(|(_, spec)| view! { <th scope="col" data-key=spec.key class:cell-name=spec.meaning == skyglass_core::service::Meaning::Name>{spec.title}</th> })
            .collect_view()
    });
    let all_on_page = move |_| {
        let Some(ticked) = ticked else { return };
        let ids = ids_shown();
        ticked.update(|t| {
            let on = !t.all_of(ids.iter().map(String::as_str));
            t.set_all(ids.iter().map(String::as_str), on);
        });
    };
    let tick_header = ticked.map(|_| {
        view! {
            <th scope="col" class="cell-tick">
                <input type="checkbox" node_ref=all_box aria-label="Select all on this page" on:change=all_on_page/>
            </th>
        }
    });
    view! {
        <div class="table-scroll" class:stale=move || stale.get()>
            <table class="instances" aria-label=label>
                <thead><tr>{tick_header}{headers}</tr></thead>
                <tbody node_ref=body on:click=on_click></tbody>
            </table>
        </div>
    }
}

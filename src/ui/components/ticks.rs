//! The boxes to tick a row by, built in the DOM for the paged table and the loaded grid,
//! and kept in step with the [`Selection`].

use super::cell_dom::element;
use leptos::prelude::*;
use skyglass_core::table::{Rows, Selection};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// A row's box: ticked or not, labelled with the row's name (or id).
pub fn tick_box(
    doc: &web_sys::Document,
    rows: &dyn Rows,
    row: usize,
    name_column: Option<usize>,
    on: bool,
) -> Option<Element> {
    let input: HtmlInputElement = element(doc, "input")?.dyn_into().ok()?;
    input.set_type("checkbox");
    input.set_class_name("tick");
    set_tick(&input, rows, row, name_column, on);
    Some(input.into())
}

/// Points a row's box at row `row` (a box reused for another row while scrolling):
/// ticked or not, and labelled with the row's name (its id when it has none).
pub fn set_tick(input: &HtmlInputElement, rows: &dyn Rows, row: usize, name_column: Option<usize>, on: bool) {
    input.set_checked(on);
    let name = name_column.map(|c| rows.cell(row, c).plain()).unwrap_or_default();
    let name = if name.trim().is_empty() {
        rows.id(row).to_owned()
    } else {
        name
    };
    let _ = input.set_attribute(
        "aria-label",
        &format!("Select {}", super::clamped_text::short(&name, 80)),
    );
}

/// The row boxes of `body`'s rows: ticked as `ticked` says.
pub fn sync_ticks(rows: &[Element], ticked: &Selection) {
    for tr in rows {
        let id = tr.get_attribute("data-id").unwrap_or_default();
        if let Ok(Some(input)) = tr.query_selector("input.tick") {
            if let Ok(input) = input.dyn_into::<HtmlInputElement>() {
                input.set_checked(ticked.contains(&id));
            }
        }
        let _ = tr.class_list().toggle_with_force("ticked", ticked.contains(&id));
    }
}

/// Runs `f` with the selection borrowed (not cloned: it may hold 100,000 ids), if any.
pub fn with_ticks<R>(ticked: Option<RwSignal<Selection>>, f: impl FnOnce(Option<&Selection>) -> R) -> R {
    match ticked {
        Some(t) => t.with_untracked(|s| f(Some(s))),
        None => f(None),
    }
}

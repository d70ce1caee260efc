//! The rows of the [`VirtualTable`](super::virtual_table::VirtualTable), built directly in
//! the DOM from [`Rows`] (see [`super::cell_dom`]).

use super::cell_dom::{element, fill_cell, CellContext, Clock};
use super::ticks::tick_box;
use skyglass_core::table::{Rows, Selection};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// A rendered row: its key (position shown, row index) and its element.
pub type RenderedRow = ((usize, usize), Element);

/// How rows are laid out: every row's height, grid columns and width.
pub struct RowLayout {
    pub height: String,
    pub columns: String,
    pub width: String,
}

/// Marks a row element selected or not.
pub fn mark_selected(el: &Element, selected: bool) {
    if selected {
        let _ = el.set_attribute("aria-selected", "true");
        let _ = el.class_list().add_1("selected");
    } else {
        let _ = el.remove_attribute("aria-selected");
        let _ = el.class_list().remove_1("selected");
    }
}

/// What every row of a batch shares.
pub struct Batch<'a> {
    pub doc: &'a Document,
    pub clock: &'a Clock,
    pub rows: &'a dyn Rows,
    /// The columns shown (indices into the service's columns).
    pub columns: &'a [usize],
    pub layout: &'a RowLayout,
    /// A row's own view, by its id.
    pub href: &'a dyn Fn(&str) -> String,
    /// With boxes to tick: the selection, and the column whose text labels a box.
    pub ticked: Option<(&'a Selection, Option<usize>)>,
}

/// A new row element for row `row` shown at `position` (0-based), `top` px from the top.
fn build_row(b: &Batch, (position, row): (usize, usize), top: f64, selected: bool) -> Option<Element> {
    let el = element(b.doc, "div")?;
    el.set_class_name("vtable-row");
    let _ = el.set_attribute("role", "row");
    let _ = el.set_attribute("aria-rowindex", &(position + 1).to_string());
    let id = b.rows.id(row);
    let _ = el.set_attribute("data-id", id);
    let _ = el.set_attribute("data-row", &row.to_string());
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        // One CSSOM write for the whole layout (allowed by the Content-Security-Policy).
        el.style().set_css_text(&format!(
            "position:absolute;left:0;top:{top}px;height:{};display:grid;grid-template-columns:{};width:{}",
            b.layout.height, b.layout.columns, b.layout.width
        ));
    }
    mark_selected(&el, selected);
    if let Some((ticked, name_column)) = b.ticked {
        let cell = element(b.doc, "div")?;
        cell.set_class_name("vtable-cell cell-tick");
        let _ = cell.set_attribute("role", "gridcell");
        let tick = tick_box(b.doc, b.rows, row, name_column, ticked.contains(id))?;
        let _ = cell.append_child(&tick);
        let _ = el.append_child(&cell);
        let _ = el.class_list().toggle_with_force("ticked", ticked.contains(id));
    }
    let href = (b.href)(id);
    let ctx = CellContext {
        doc: b.doc,
        clock: b.clock,
        href: &href,
    };
    for &column in b.columns {
        let cell = element(b.doc, "div")?;
        cell.set_class_name("vtable-cell");
        let _ = cell.set_attribute("role", "gridcell");
        fill_cell(&ctx, &cell, &b.rows.cell(row, column));
        let _ = el.append_child(&cell);
    }
    Some(el)
}

/// Brings the rows in `body` to `wanted` (keys in display order): rows no longer wanted go,
/// rows already there stay untouched, new ones are built and put in order.
pub fn reconcile(
    body: &Element,
    rendered: &mut Vec<RenderedRow>,
    wanted: &[(usize, usize)],
    b: &Batch,
    row_height: f64,
    selected: Option<usize>,
) {
    rendered.retain(|(key, el)| {
        let keep = wanted.binary_search(key).is_ok();
        if !keep {
            el.remove();
        }
        keep
    });
    let mut next: Vec<RenderedRow> = Vec::with_capacity(wanted.len());
    let mut old = std::mem::take(rendered).into_iter().peekable();
    for &key in wanted {
        if old.peek().is_some_and(|(k, _)| *k == key) {
            next.extend(old.next());
            continue;
        }
        let top = key.0 as f64 * row_height;
        let Some(el) = build_row(b, key, top, selected == Some(key.1)) else {
            continue;
        };
        // Before the first row kept after it, so the DOM stays in display order.
        match old.peek() {
            Some((_, before)) => {
                let _ = body.insert_before(&el, Some(before));
            }
            None => {
                let _ = body.append_child(&el);
            }
        }
        next.push((key, el));
    }
    *rendered = next;
}

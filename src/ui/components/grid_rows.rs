//! The rows of the [`VirtualTable`](super::virtual_table::VirtualTable), built directly in
//! the DOM from [`Rows`] (see [`super::cell_dom`]).

use super::cell_dom::{element, fill_cell, CellContext, Clock};
use super::ticks::{set_tick, tick_box};
use skyglass_core::table::{Rows, Selection};
use std::collections::VecDeque;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

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
fn build_row(b: &Batch, key: (usize, usize), top: f64, selected: bool) -> Option<Element> {
    let el = element(b.doc, "div")?;
    el.set_class_name("vtable-row");
    let _ = el.set_attribute("role", "row");
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        // One CSSOM write for the whole layout (allowed by the Content-Security-Policy).
        el.style().set_css_text(&format!(
            "position:absolute;left:0;top:{top}px;height:{};display:grid;grid-template-columns:{};width:{}",
            b.layout.height, b.layout.columns, b.layout.width
        ));
    }
    if b.ticked.is_some() {
        let cell = element(b.doc, "div")?;
        cell.set_class_name("vtable-cell cell-tick");
        let _ = cell.set_attribute("role", "gridcell");
        let _ = el.append_child(&cell);
    }
    for _ in b.columns {
        let cell = element(b.doc, "div")?;
        let _ = cell.set_attribute("role", "gridcell");
        let _ = el.append_child(&cell);
    }
    fill_row(b, &el, key, None, selected)?;
    Some(el)
}

/// The cells a row element of this batch has.
fn cells_per_row(b: &Batch) -> u32 {
    (b.columns.len() + usize::from(b.ticked.is_some())) as u32
}

/// Shows row `row` at `position` in `el`, a row element of this batch's shape (built here,
/// or one that scrolled out of view, reused): its attributes, `top` (when it moves) and
/// every cell's content are set in place.
fn fill_row(b: &Batch, el: &Element, (position, row): (usize, usize), top: Option<f64>, selected: bool) -> Option<()> {
    let _ = el.set_attribute("aria-rowindex", &(position + 1).to_string());
    let id = b.rows.id(row);
    let _ = el.set_attribute("data-id", id);
    let _ = el.set_attribute("data-row", &row.to_string());
    if let (Some(top), Some(el)) = (top, el.dyn_ref::<HtmlElement>()) {
        let _ = el.style().set_property("top", &format!("{top}px"));
    }
    mark_selected(el, selected);
    let mut cell = el.first_element_child();
    if let Some((ticked, name_column)) = b.ticked {
        let on = ticked.contains(id);
        let tick_cell = cell?;
        match tick_cell
            .first_element_child()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            Some(input) => set_tick(&input, b.rows, row, name_column, on),
            None => {
                let input = tick_box(b.doc, b.rows, row, name_column, on)?;
                let _ = tick_cell.append_child(&input);
            }
        }
        let _ = el.class_list().toggle_with_force("ticked", on);
        cell = tick_cell.next_element_sibling();
    }
    let href = (b.href)(id);
    let ctx = CellContext {
        doc: b.doc,
        clock: b.clock,
        href: &href,
    };
    for &column in b.columns {
        let c = cell?;
        // What the cell showed before: its text or elements, class and hover text.
        c.set_class_name("vtable-cell");
        let _ = c.remove_attribute("title");
        c.set_text_content(None);
        fill_cell(&ctx, &c, &b.rows.cell(row, column));
        cell = c.next_element_sibling();
    }
    Some(())
}

/// Brings the rows in `body` to `wanted` (keys in display order): rows still wanted stay
/// untouched; the elements of rows that left the view are reused for the rows that came
/// into it (their text and attributes set in place, no element built), and only what is
/// still missing is built. The DOM stays in display order, moving as few rows as it can.
pub fn reconcile(
    body: &Element,
    rendered: &mut Vec<RenderedRow>,
    wanted: &[(usize, usize)],
    b: &Batch,
    row_height: f64,
    selected: Option<usize>,
) {
    let shape = cells_per_row(b);
    let mut spare: VecDeque<Element> = VecDeque::new();
    rendered.retain(|(key, el)| {
        let keep = wanted.binary_search(key).is_ok();
        if !keep {
            if el.child_element_count() == shape {
                spare.push_back(el.clone());
            } else {
                el.remove();
            }
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
        let is_selected = selected == Some(key.1);
        let reused = spare.pop_front().and_then(|el| {
            if fill_row(b, &el, key, Some(top), is_selected).is_some() {
                Some(el)
            } else {
                el.remove();
                None
            }
        });
        let Some(el) = reused.or_else(|| build_row(b, key, top, is_selected)) else {
            continue;
        };
        // Before the first row kept after it, so the DOM stays in display order; a reused
        // row already there (only spare rows, about to go, between it and that row) stays.
        let before = old.peek().map(|(_, before)| before);
        let mut after = el.next_element_sibling();
        while let Some(s) = after.as_ref().filter(|s| spare.contains(s)) {
            after = s.next_element_sibling();
        }
        if el.parent_node().is_none() || after.as_ref() != before {
            let _ = body.insert_before(&el, before.map(|b| b.unchecked_ref::<web_sys::Node>()));
        }
        next.push((key, el));
    }
    for el in spare {
        el.remove();
    }
    *rendered = next;
}

//! The rows of the [`VirtualTable`](super::virtual_table::VirtualTable), built directly in
//! the DOM: a window of a few dozen rows changes on every scroll step, and plain elements
//! made from [`Cell`]s cost less (in time per frame and in code size) than a reactive view
//! per row. Every value is set as text or as an attribute, never parsed as HTML; layout is
//! set through the CSSOM, which the Content-Security-Policy allows.

use super::clamped_text::short;
use super::time_cell::local_offset_minutes;
use super::virtual_table::{Cell, LoadedRows};
use crate::api::timefmt;
use leptos::prelude::document;
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

fn element(doc: &Document, tag: &str) -> Option<Element> {
    doc.create_element(tag).ok()
}

/// Sets CSS properties of `el` (through the CSSOM).
pub fn set_styles(el: &Element, properties: &[(&str, &str)]) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let style = el.style();
        for (property, value) in properties {
            let _ = style.set_property(property, value);
        }
    }
}

/// The clock for a batch of rows (read once, not per cell).
struct Clock {
    now_ms: i64,
    offset_minutes: i32,
}

/// Fills a cell element with `cell`: plain text (and its hover text) goes on the cell
/// itself, so a text cell is one element; badges and links get one inside.
fn fill_cell(doc: &Document, el: &Element, cell: Cell, clock: &Clock) -> Option<()> {
    let put_text = |el: &Element, text: &str, title: &str| {
        let _ = el.set_attribute("title", &short(title, 500));
        el.set_text_content(Some(&if text.trim().is_empty() {
            "—".to_string()
        } else {
            short(text, 200)
        }));
    };
    match cell {
        Cell::Text(s) => put_text(el, &s, &s),
        Cell::Mono(s) => {
            el.set_class_name("vtable-cell mono");
            put_text(el, &s, &s);
        }
        Cell::Time(raw) => {
            let (shown, title) = timefmt::cell(&raw, clock.now_ms, clock.offset_minutes);
            put_text(el, &shown, &title);
        }
        Cell::Link { text: name, href } => {
            let a = element(doc, "a")?;
            let _ = a.set_attribute("href", &href);
            put_text(&a, &name, &name);
            let _ = el.append_child(&a);
        }
        Cell::Badge {
            text,
            tone,
            busy,
            undocumented,
        } => {
            let badge = element(doc, "span")?;
            let unknown = if undocumented { " unknown" } else { "" };
            badge.set_class_name(&format!("badge {}{unknown}", tone.class()));
            let shown = if text.is_empty() {
                "(none)".to_string()
            } else {
                short(&text, 60)
            };
            let _ = badge.set_attribute("data-state", &shown);
            if busy {
                let spinner = element(doc, "span")?;
                spinner.set_class_name("spinner");
                let _ = spinner.set_attribute("aria-hidden", "true");
                let _ = badge.append_child(&spinner);
            }
            let _ = badge.append_child(&doc.create_text_node(&shown));
            if undocumented {
                let _ = badge.set_attribute("title", "Not a value the service documents");
                let note = element(doc, "span")?;
                note.set_class_name("badge-note");
                note.set_text_content(Some(" (undocumented)"));
                let _ = badge.append_child(&note);
            }
            let _ = el.append_child(&badge);
        }
    }
    Some(())
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

/// A new row element for row `row` shown at `position` (0-based), `top` px from the top.
#[allow(clippy::too_many_arguments)]
fn build_row(
    doc: &Document,
    rows: &dyn LoadedRows,
    keys: &[&'static str],
    layout: &RowLayout,
    clock: &Clock,
    (position, row): (usize, usize),
    top: f64,
    selected: bool,
) -> Option<Element> {
    let el = element(doc, "div")?;
    el.set_class_name("vtable-row");
    let _ = el.set_attribute("role", "row");
    let _ = el.set_attribute("aria-rowindex", &(position + 1).to_string());
    let _ = el.set_attribute("data-id", &rows.row_id(row));
    let _ = el.set_attribute("data-row", &row.to_string());
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        // One CSSOM write for the whole layout (allowed by the Content-Security-Policy).
        el.style().set_css_text(&format!(
            "position:absolute;left:0;top:{top}px;height:{};display:grid;grid-template-columns:{};width:{}",
            layout.height, layout.columns, layout.width
        ));
    }
    mark_selected(&el, selected);
    for &key in keys {
        let cell = element(doc, "div")?;
        cell.set_class_name("vtable-cell");
        let _ = cell.set_attribute("role", "gridcell");
        fill_cell(doc, &cell, rows.cell(row, key), clock);
        let _ = el.append_child(&cell);
    }
    Some(el)
}

/// Brings the rows in `body` to `wanted` (keys in display order): rows no longer wanted go,
/// rows already there stay untouched, new ones are built and put in order.
#[allow(clippy::too_many_arguments)]
pub fn reconcile(
    body: &Element,
    rendered: &mut Vec<RenderedRow>,
    wanted: &[(usize, usize)],
    rows: &dyn LoadedRows,
    keys: &[&'static str],
    layout: &RowLayout,
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
    let doc = document();
    let clock = Clock {
        now_ms: js_sys::Date::now() as i64,
        offset_minutes: local_offset_minutes(),
    };
    let mut next: Vec<RenderedRow> = Vec::with_capacity(wanted.len());
    let mut old = std::mem::take(rendered).into_iter().peekable();
    for &key in wanted {
        if old.peek().is_some_and(|(k, _)| *k == key) {
            next.extend(old.next());
            continue;
        }
        let top = key.0 as f64 * row_height;
        let Some(el) = build_row(&doc, rows, keys, layout, &clock, key, top, selected == Some(key.1)) else {
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

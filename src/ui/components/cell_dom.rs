//! Cells ([`Cell`]) built directly in the DOM, for the paged table and the virtual grid:
//! a window of rows changes on every scroll step or refresh, and plain elements cost less
//! (in time per frame and in code size) than a reactive view per row. Every value is set
//! as text or as an attribute, never parsed as HTML; layout is set through the CSSOM,
//! which the Content-Security-Policy allows.

use super::badge::tone_class;
use super::clamped_text::short;
use super::time_cell::shown_offset_minutes;
use leptos::prelude::document;
use skyglass_core::service::Cell;
use skyglass_core::state::StateInfo;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The most characters a cell shows (the hover text has more).
const SHOWN_CHARS: usize = 200;
/// The most characters of a name a cell shows.
const NAME_CHARS: usize = 120;
/// The most characters of a hover text.
const TITLE_CHARS: usize = 500;
/// Text longer than this gets itself as its hover text (a one-line cell may cut it).
const HOVER_FROM_CHARS: usize = 16;

pub fn element(doc: &Document, tag: &str) -> Option<Element> {
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

/// The clock for a batch of cells (read once, not per cell).
pub struct Clock {
    pub now_ms: i64,
    pub offset_minutes: i32,
}

impl Clock {
    pub fn now() -> Clock {
        Clock {
            now_ms: js_sys::Date::now() as i64,
            offset_minutes: shown_offset_minutes(),
        }
    }
}

/// What a cell needs besides its value: where a name links to.
pub struct CellContext<'a> {
    pub doc: &'a Document,
    pub clock: &'a Clock,
    /// The row's own view (for [`Cell::Name`]).
    pub href: &'a str,
}

/// `text` on `el` ("—" when blank, cut after `max` characters) with `title` as its hover
/// text.
fn put_text_max(el: &Element, text: &str, title: &str, max: usize) {
    // A value a narrow cell may cut is on hover in full.
    let title = if title.is_empty() && text.chars().count() > HOVER_FROM_CHARS {
        text
    } else {
        title
    };
    if !title.is_empty() {
        let _ = el.set_attribute("title", &short(title, TITLE_CHARS));
    }
    el.set_text_content(Some(&if text.trim().is_empty() {
        "—".to_string()
    } else {
        short(text, max)
    }));
}

fn put_text(el: &Element, text: &str, title: &str) {
    put_text_max(el, text, title, SHOWN_CHARS);
}

/// A state badge element.
pub fn badge(doc: &Document, state: &StateInfo) -> Option<Element> {
    let badge = element(doc, "span")?;
    let unknown = if state.documented { "" } else { " unknown" };
    badge.set_class_name(&format!("badge {}{unknown}", tone_class(state.tone())));
    let shown = if state.value.is_empty() {
        "(none)".to_string()
    } else {
        short(&state.value, 60)
    };
    let _ = badge.set_attribute("data-state", &shown);
    let _ = badge.set_attribute("data-category", state.category.key());
    if state.transitional {
        let spinner = element(doc, "span")?;
        spinner.set_class_name("spinner");
        let _ = spinner.set_attribute("aria-hidden", "true");
        let _ = badge.append_child(&spinner);
    }
    let _ = badge.append_child(&doc.create_text_node(&shown));
    if !state.documented {
        let _ = badge.set_attribute("title", state.note);
        let note = element(doc, "span")?;
        note.set_class_name("badge-note");
        note.set_text_content(Some(" (undocumented)"));
        let _ = badge.append_child(&note);
    }
    Some(badge)
}

/// Fills `el` with `cell`: plain text (and its hover text) goes on the cell itself, so a
/// text cell is one element; badges, names, errors and preformatted text get one inside.
pub fn fill_cell(ctx: &CellContext, el: &Element, cell: &Cell) -> Option<()> {
    match cell {
        Cell::Name(name) => {
            let a = element(ctx.doc, "a")?;
            let _ = a.set_attribute("href", ctx.href);
            let shown = if name.trim().is_empty() { "(no name)" } else { name };
            put_text_max(&a, shown, name, NAME_CHARS);
            let _ = el.append_child(&a);
        }
        Cell::State(state) => {
            let b = badge(ctx.doc, state)?;
            let _ = el.append_child(&b);
        }
        Cell::Error { code, message } => {
            if !code.is_empty() {
                let c = element(ctx.doc, "code")?;
                c.set_class_name("error-code");
                c.set_text_content(Some(&short(code, 60)));
                let _ = el.append_child(&c);
                let _ = el.append_child(&ctx.doc.create_text_node(" "));
            }
            let m = element(ctx.doc, "span")?;
            m.set_text_content(Some(&short(message, SHOWN_CHARS)));
            let _ = el.append_child(&m);
            let _ = el.set_attribute("title", &short(&cell.plain(), TITLE_CHARS));
        }
        Cell::Pre(text) => {
            let pre = element(ctx.doc, "pre")?;
            pre.set_text_content(Some(text));
            let _ = el.append_child(&pre);
        }
        Cell::Mono(_) | Cell::MonoList(_) => {
            let _ = el.class_list().add_1("mono");
            let (text, title) = cell.shown(ctx.clock.now_ms, ctx.clock.offset_minutes);
            put_text(el, &text, &title);
        }
        _ => {
            let (text, title) = cell.shown(ctx.clock.now_ms, ctx.clock.offset_minutes);
            put_text(el, &text, &title);
        }
    }
    Some(())
}

/// A fresh document handle and clock for a batch of cells.
pub fn batch() -> (Document, Clock) {
    (document(), Clock::now())
}

//! Helpers for the "load all pages" browser tests: holding a connection's request slots to
//! let a walk through one request at a time, typing, keys and scrolling, and reading the
//! all-loaded view.

use super::*;
use skyglass::limiter::{self, Slot};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// Holds every request slot of a connection, so that its requests wait until let through.
pub struct Gate {
    conn: String,
    held: Vec<Slot>,
}

impl Gate {
    /// Takes every slot of `conn` (none may be in use).
    pub async fn close(conn: &str) -> Gate {
        let mut held = Vec::new();
        for _ in 0..limiter::MAX_IN_FLIGHT {
            held.push(limiter::acquire(conn).await);
        }
        Gate {
            conn: conn.to_owned(),
            held,
        }
    }

    /// Requests waiting at the gate.
    pub fn waiting(&self) -> usize {
        limiter::load(&self.conn).1
    }

    /// Lets exactly the first waiting request through and closes behind it: returns once
    /// it has been answered.
    pub async fn let_one_through(&mut self) {
        until("a request waiting at the gate", || self.waiting() > 0).await;
        let mut again: Pin<Box<dyn Future<Output = Slot>>> = Box::pin(limiter::acquire(&self.conn));
        drop(self.held.pop()); // the first waiter takes this slot
                               // Queue behind it at once: its slot comes back here when it is done.
        if let Poll::Ready(slot) = again.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            self.held.push(slot);
            panic!("nothing was waiting");
        }
        self.held.push(again.await);
    }

    /// Lets everything through.
    pub fn open(self) {}
}

/// Sends a request of `S` for `query` on `client`'s connection, through its request slots
/// as a view's requests go; the flag is set once it is answered. Sent while others wait at
/// a [`Gate`], it queues behind them and is let through after them: once it is answered,
/// any of them still alive has been sent.
pub fn send_behind<S: ListService>(client: Client, query: ListQuery) -> std::rc::Rc<std::cell::Cell<bool>> {
    let answered = std::rc::Rc::new(std::cell::Cell::new(false));
    let done = answered.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = client.send(S::request(&query, DEMO_PROJECT), None).await;
        done.set(true);
    });
    answered
}

/// Types `text` into the input as a user would (its value, then an `input` event).
pub fn type_into(input: &Element, text: &str) {
    let input: web_sys::HtmlInputElement = input.clone().unchecked_into();
    input.set_value(text);
    dispatch(&input, "Event", "input", &[]);
}

/// Presses `key` on `target` (a `keydown` that bubbles).
pub fn press(target: &Element, key: &str) {
    dispatch(target, "KeyboardEvent", "keydown", &[("key", key)]);
}

/// Dispatches a bubbling event of class `class` (e.g. "KeyboardEvent") with string fields.
pub fn dispatch(target: &Element, class: &str, kind: &str, fields: &[(&str, &str)]) {
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&init, &"cancelable".into(), &true.into()).unwrap();
    for (k, v) in fields {
        js_sys::Reflect::set(&init, &(*k).into(), &(*v).into()).unwrap();
    }
    let ctor: js_sys::Function = js_sys::Reflect::get(&window(), &class.into()).unwrap().unchecked_into();
    let args = js_sys::Array::of2(&kind.into(), &init);
    let event: web_sys::Event = js_sys::Reflect::construct(&ctor, &args).unwrap().unchecked_into();
    target.dispatch_event(&event).unwrap();
}

/// The all-loaded view in `root`.
pub fn load_all(root: &Element) -> Element {
    root.query_selector(".load-all").unwrap().expect("the all-loaded view")
}

/// `data-load-state` of the all-loaded view.
pub fn load_state(root: &Element) -> String {
    root.query_selector(".load-all")
        .unwrap()
        .and_then(|e| e.get_attribute("data-load-state"))
        .unwrap_or_default()
}

pub fn status(root: &Element) -> String {
    all(root, ".load-all [role=status]")
        .first()
        .map(text)
        .unwrap_or_default()
}

pub fn count_text(root: &Element) -> String {
    all(root, ".vtable-count").first().map(text).unwrap_or_default()
}

pub fn grid(root: &Element) -> Element {
    root.query_selector("[role=grid].vtable-viewport")
        .unwrap()
        .expect("the grid")
}

/// `aria-rowcount` of the grid: rows matching the filter.
pub fn row_count(root: &Element) -> usize {
    grid(root)
        .get_attribute("aria-rowcount")
        .unwrap_or_default()
        .parse()
        .unwrap_or(usize::MAX)
}

/// The grid rows in the DOM, in display order: (aria-rowindex, data-id).
pub fn grid_rows(root: &Element) -> Vec<(usize, String)> {
    let mut rows: Vec<(usize, String)> = all(root, ".vtable-row[role=row]")
        .iter()
        .map(|r| {
            (
                r.get_attribute("aria-rowindex")
                    .unwrap_or_default()
                    .parse()
                    .unwrap_or(0),
                r.get_attribute("data-id").unwrap_or_default(),
            )
        })
        .collect();
    rows.sort();
    rows
}

/// The id of the selected grid row.
pub fn selected_id(root: &Element) -> Option<String> {
    let rows = all(root, ".vtable-row[aria-selected=true]");
    assert!(rows.len() <= 1, "one selected row at most");
    rows.first().and_then(|r| r.get_attribute("data-id"))
}

/// The column header for `title` (its `aria-sort` and button).
pub fn column_header(root: &Element, title: &str) -> Element {
    all(root, "[role=columnheader]")
        .into_iter()
        .find(|h| text(h) == title)
        .unwrap_or_else(|| panic!("no column {title}"))
}

/// Clicks a column header's button.
pub fn click_header(root: &Element, title: &str) {
    let button: HtmlElement = column_header(root, title)
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
}

/// Scrolls the grid to `top` px.
pub fn scroll_grid(root: &Element, top: i32) {
    let g = grid(root);
    g.set_scroll_top(top);
    dispatch(&g, "Event", "scroll", &[]);
}

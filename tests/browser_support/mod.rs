//! Helpers shared by the browser tests: a fresh element to mount into, waiting for the
//! page to show something, and reading what it shows.
#![allow(dead_code)]

pub mod load_all;

use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A fresh element to mount into.
pub fn container() -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits (up to 5 s) until `check` holds.
pub async fn until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..250 {
        if check() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for: {what}");
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

pub fn row_ids(root: &Element) -> Vec<String> {
    all(root, "tr.instance-row")
        .iter()
        .filter_map(|r| r.get_attribute("data-id"))
        .collect()
}

pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// The button whose text contains `label`.
pub fn button(root: &Element, label: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| text(b).contains(label))
        .unwrap_or_else(|| panic!("no button {label}"))
        .unchecked_into()
}

/// Clicks the button whose text is exactly `label`.
pub fn click_button(root: &Element, label: &str) {
    let b: HtmlElement = all(root, "button")
        .into_iter()
        .find(|b| text(b).trim() == label)
        .unwrap_or_else(|| panic!("no button {label}"))
        .unchecked_into();
    b.click();
}

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
    until_within(what, 5_000, check).await;
}

/// Waits (up to `ms`) until `check` holds.
pub async fn until_within(what: &str, ms: i32, check: impl Fn() -> bool) {
    for _ in 0..ms / 20 {
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

use leptos::prelude::*;
use skyglass::connection::{Connection, DEMO_PROJECT, DEMO_TOKEN};
use skyglass::ui::pages::list::ListView;
use skyglass::ui::transport::{demo, Client};
use skyglass_core::service::{list_api, ListQuery, ListService};

/// A client for the Demo connection `id` (`demo`, `demo-roma`, ...).
pub fn demo_client(id: &str) -> Client {
    Client::new(Connection::demo(id).expect("a demo connection"), DEMO_TOKEN.into())
}

/// A Demo connection of its own: its request slots are not shared with other tests' views.
pub fn own_client(demo_id: &str, id: &str, token: &str) -> Client {
    Client::new(
        Connection {
            id: id.into(),
            ..Connection::demo(demo_id).expect("a demo connection")
        },
        token.into(),
    )
}

/// Asks the Demo cloud directly for the page `q` names, for what a view should show.
pub fn demo_page<S: ListService>(q: &ListQuery) -> S::Page {
    let conn = Connection::demos()
        .into_iter()
        .find(|c| c.service == S::info().key)
        .expect("a demo connection");
    let req = S::request(q, DEMO_PROJECT).authorize(&conn.auth(DEMO_TOKEN.into()), 0);
    S::decode(&demo::answer(&req).unwrap().0).unwrap()
}

/// The ids of a page's rows.
pub fn page_ids<S: ListService>(page: &S::Page) -> Vec<String> {
    S::rows(page).iter().map(|r| S::row_id(r).to_owned()).collect()
}

/// Mounts `S`'s list on the Demo connection `demo_id`, its query and selection in signals
/// (as the URL would hold them); `opened` gets the rows opened.
pub fn mount_list<S: ListService>(
    el: &HtmlElement,
    demo_id: &str,
    query: RwSignal<ListQuery>,
    selected: RwSignal<Option<String>>,
    opened: RwSignal<Option<String>>,
) -> leptos::mount::UnmountHandle<impl leptos::prelude::Mountable> {
    let client = demo_client(demo_id);
    leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ListView client api={list_api::<S>()} query selected
                on_query=move |(q, s)| { query.set(q); selected.set(s) }
                on_open=move |id| opened.set(Some(id))/>
        }
    })
}

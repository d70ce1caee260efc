//! Browser tests (wasm-bindgen-test in headless Chromium): components mounted against the
//! in-page cloudsim (the Demo cloud) and asserted on what a user sees.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use skyglass::connection::{DEMO_PROJECT, DEMO_TOKEN};
use skyglass::ui::components::error_banner::ErrorBanner;
use skyglass::ui::services::clouddc::status_page::InstanceStatusView;
use skyglass::ui::transport::{demo, Client};
use skyglass_core::http::{decode_json, ApiError, Auth};
use skyglass_core::service::ListQuery;
use skyglass_core::services::clouddc::info::LIST;
use skyglass_core::services::clouddc::status::{status_request, InstanceStatus};
use skyglass_core::services::clouddc::wire::InstanceList;
use skyglass_core::services::clouddc::Clouddc;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser_support;
use browser_support::*;
#[path = "browser_support/clouddc_load_all_tests.rs"]
mod clouddc_load_all_tests;

wasm_bindgen_test_configure!(run_in_browser);

fn dc_client() -> Client {
    demo_client("demo")
}

/// Asks the Demo cloud directly, for what the page should show.
fn dc_page(q: &ListQuery) -> InstanceList {
    demo_page::<Clouddc>(q)
}

/// The CloudDC list with `limit` and an optional state filter, from the first page.
fn dc_query(limit: u32, state: Option<&str>) -> ListQuery {
    ListQuery::first(&LIST).restart(&LIST, limit, state.map(|s| ("state", s.to_string())))
}

fn demo_status(id: &str) -> InstanceStatus {
    let req = status_request(DEMO_PROJECT, id).authorize(&Auth::AuthToken(DEMO_TOKEN.into()), 0);
    decode_json(&demo::answer(&req).unwrap().0).unwrap()
}

fn mount_dc_list(el: &HtmlElement, query: RwSignal<ListQuery>) {
    mount_list::<Clouddc>(el, "demo", query, RwSignal::new(None), RwSignal::new(None)).forget();
}

#[wasm_bindgen_test]
async fn list_shows_rows_and_pages_forward_and_back() {
    let el = container();
    let query = RwSignal::new(dc_query(10, None));
    mount_dc_list(&el, query);
    let first = dc_page(&query.get_untracked());
    let first_ids: Vec<String> = first.instances.iter().map(|i| i.id.clone()).collect();
    until("the first page's rows", || row_ids(&el) == first_ids).await;
    assert!(el.text_content().unwrap().contains("Page 1"));
    assert!(el
        .text_content()
        .unwrap()
        .contains(&format!("{} instances in all", first.count.unwrap())));
    let first_name = all(&el, "tr.instance-row .cell-name a")[0].text_content().unwrap();
    assert_eq!(first_name, first.instances[0].name);
    assert!(
        button(&el, "Previous").has_attribute("disabled"),
        "no previous on page 1"
    );

    button(&el, "Next").click();
    let q1 = dc_query(10, None);
    let second_q = skyglass_core::paging::next(
        &LIST,
        &q1,
        &<Clouddc as skyglass_core::service::ListService>::facts(&q1, &first),
    )
    .unwrap();
    let second_ids: Vec<String> = dc_page(&second_q).instances.iter().map(|i| i.id.clone()).collect();
    until("the second page's rows", || row_ids(&el) == second_ids).await;
    assert!(el.text_content().unwrap().contains("Page 2"));
    assert_eq!(query.get_untracked().page_number(), 2);

    until("Previous enabled", || {
        !button(&el, "Previous").has_attribute("disabled")
    })
    .await;
    button(&el, "Previous").click();
    until("the first page again", || row_ids(&el) == first_ids).await;
    assert!(el.text_content().unwrap().contains("Page 1"));
}

#[wasm_bindgen_test]
async fn state_filter_shows_only_that_state() {
    let el = container();
    let query = RwSignal::new(dc_query(50, Some("running")));
    mount_dc_list(&el, query);
    let expected = dc_page(&query.get_untracked()).instances.len();
    until("running rows", || {
        all(&el, "tr.instance-row").len() == expected && expected > 0
    })
    .await;
    for badge in all(&el, "tr.instance-row .badge") {
        assert_eq!(badge.get_attribute("data-state").as_deref(), Some("running"));
        assert!(badge.class_list().contains("tone-ok"));
    }
}

#[wasm_bindgen_test]
async fn status_view_highlights_the_current_state_on_the_diagram() {
    let list = dc_page(&dc_query(1000, Some("stopped")));
    let id = list.instances[0].id.clone();
    let el = container();
    let view_id = id.clone();
    leptos::mount::mount_to(
        el.clone(),
        move || view! { <InstanceStatusView client=dc_client() id=view_id.clone()/> },
    )
    .forget();
    until("a highlighted node", || !all(&el, ".diagram-node.current").is_empty()).await;
    let current = &all(&el, ".diagram-node.current")[0];
    let shown = current.get_attribute("data-state").unwrap();
    assert_eq!(shown, demo_status(&id).state);
    assert_eq!(
        all(&el, ".diagram-node").len(),
        6,
        "all six documented states are drawn"
    );
    assert_eq!(
        all(&el, ".diagram-edge").len(),
        13,
        "every documented transition is drawn"
    );
    let possible: Vec<String> = all(&el, ".diagram-edge.possible")
        .iter()
        .filter_map(|e| e.get_attribute("data-from"))
        .collect();
    assert!(!possible.is_empty() && possible.iter().all(|f| *f == shown));
    let badge = all(&el, ".status-fields .badge")[0].text_content().unwrap();
    assert!(badge.contains(&shown));
    assert!(el.text_content().unwrap().contains("Updated "));
}

#[wasm_bindgen_test]
async fn a_state_outside_the_diagram_is_shown_plainly() {
    let list = dc_page(&dc_query(1000, Some("stopping")));
    let id = list
        .instances
        .first()
        .expect("the demo fleet has a `stopping` instance")
        .id
        .clone();
    let el = container();
    leptos::mount::mount_to(
        el.clone(),
        move || view! { <InstanceStatusView client=dc_client() id=id.clone()/> },
    )
    .forget();
    until("the outside-diagram note", || !all(&el, ".outside-diagram").is_empty()).await;
    assert!(
        all(&el, ".diagram-node.current").is_empty(),
        "no diagram node is highlighted"
    );
    assert!(el.text_content().unwrap().contains("stopping"));
    assert!(el.text_content().unwrap().contains("(undocumented)"));
}

#[wasm_bindgen_test]
fn error_banner_shows_code_message_and_the_connection_link_for_401() {
    let el = container();
    let err = ApiError::Status {
        status: 401,
        code: Some("APIGW.0301".into()),
        message: "Incorrect IAM authentication information".into(),
        details: None,
        request_id: Some("req-1".into()),
        retry_after: None,
        token_rejected: true,
    };
    leptos::mount::mount_to(
        el.clone(),
        move || view! { <ErrorBanner error=err.clone() connection_id="prod"/> },
    )
    .forget();
    let text = el.text_content().unwrap();
    assert!(text.contains("The credentials were rejected (HTTP 401)"));
    assert!(text.contains("APIGW.0301"));
    assert!(text.contains("Incorrect IAM authentication information"));
    assert!(text.contains("req-1"));
    assert_eq!(
        all(&el, "a")[0].get_attribute("href").as_deref(),
        Some("/connections/prod")
    );
}

#[wasm_bindgen_test]
fn markup_in_names_is_text_not_html() {
    let el = container();
    let err = ApiError::Status {
        status: 500,
        code: Some("<img src=x onerror=alert(1)>".into()),
        message: "<script>window.__pwned = 1</script>".into(),
        details: None,
        request_id: None,
        retry_after: None,
        token_rejected: false,
    };
    leptos::mount::mount_to(
        el.clone(),
        move || view! { <ErrorBanner error=err.clone() connection_id="x"/> },
    )
    .forget();
    assert!(all(&el, "img").is_empty() && all(&el, "script").is_empty());
    assert!(el
        .text_content()
        .unwrap()
        .contains("<script>window.__pwned = 1</script>"));
}

#[wasm_bindgen_test]
async fn status_view_refreshes_by_itself_only_while_in_progress() {
    // The Demo fleet's newest instances are still being created (pending, install-processing).
    let pending = dc_page(&dc_query(1000, Some("pending")));
    let id = pending
        .instances
        .first()
        .expect("the demo fleet has a pending instance")
        .id
        .clone();
    let el = container();
    let view_id = id.clone();
    leptos::mount::mount_to(
        el.clone(),
        move || view! { <InstanceStatusView client=dc_client() id=view_id.clone()/> },
    )
    .forget();
    until("the status", || {
        el.text_content().unwrap_or_default().contains("Updated ")
    })
    .await;
    assert!(el
        .text_content()
        .unwrap()
        .contains("Refreshing by itself while in progress"));
    let stamp = |el: &HtmlElement| all(el, ".updated")[0].text_content().unwrap_or_default();
    let first = stamp(&el);
    // The view asks again by itself: the "Updated" time moves without any click.
    until_within("the view refreshed by itself", 10_000, || stamp(&el) != first).await;

    let stable = dc_page(&dc_query(1000, Some("terminated")));
    let id = stable.instances[0].id.clone();
    let el = container();
    leptos::mount::mount_to(
        el.clone(),
        move || view! { <InstanceStatusView client=dc_client() id=id.clone()/> },
    )
    .forget();
    until("the stable status", || {
        el.text_content()
            .unwrap_or_default()
            .contains("Stable: not refreshing by itself")
    })
    .await;
}

#[wasm_bindgen_test]
fn a_crash_shows_a_panel_with_a_reload_button_not_a_dead_page() {
    skyglass::ui::crash::show("panicked at <script>alert(1)</script>");
    let panel = document()
        .get_element_by_id("skyglass-crashed")
        .expect("the crash panel");
    assert!(text(&panel).contains("Skyglass crashed"));
    assert!(
        text(&panel).contains("<script>alert(1)</script>"),
        "the message is text"
    );
    assert!(all(&panel, "script").is_empty());
    assert_eq!(all(&panel, "button").len(), 1);
    assert_eq!(text(&all(&panel, "button")[0]), "Reload");
    skyglass::ui::crash::show("a second panic");
    assert_eq!(
        document().query_selector_all("#skyglass-crashed").unwrap().length(),
        1,
        "one panel"
    );
    panel.remove();
}

#[wasm_bindgen_test]
async fn a_view_polls_by_itself_and_leaves_no_timer_when_it_is_gone() {
    // This kind of view refreshes every second (as a user could pick on this device).
    let storage = window().local_storage().unwrap().unwrap();
    storage
        .set_item("skyglass.prefs.demo.list", r#"{"interval":{"Every":1}}"#)
        .unwrap();
    let el = container();
    // A page size no other test uses, to count this view's calls only.
    let query = RwSignal::new(dc_query(37, None));
    let mine = || demo::calls_with("limit=37");
    let handle = mount_list::<Clouddc>(&el, "demo", query, RwSignal::new(None), RwSignal::new(None));
    until("rows", || !row_ids(&el).is_empty()).await;
    let before = mine();
    until("it refreshed by itself, twice", || mine() >= before + 2).await;
    assert!(text(&el).contains("Updated "));
    drop(handle); // the view goes away
    let gone = mine();
    // The control: the same kind of view, polling at the same interval, mounted now. While
    // it asks twice by itself, a timer of the view that went would have fired too.
    let control = container();
    let theirs = || demo::calls_with("limit=38");
    let _control = mount_list::<Clouddc>(
        &control,
        "demo",
        RwSignal::new(dc_query(38, None)),
        RwSignal::new(None),
        RwSignal::new(None),
    );
    until("the control's rows", || !row_ids(&control).is_empty()).await;
    let first = theirs();
    until("the control polled twice", || theirs() >= first + 2).await;
    assert_eq!(mine(), gone, "no timer outlives the view");
    storage.remove_item("skyglass.prefs.demo.list").unwrap();
}

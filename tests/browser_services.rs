//! Browser tests for the ROMA Connect, ByCloud and ImageSearch views, mounted against the
//! in-page cloudsim (the Demo connections) and asserted on what a user sees.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use skyglass::api::http::{decode_json, ApiRequest, Auth};
use skyglass::api::{bycloud, imagesearch, roma};
use skyglass::connection::{Connection, DEMO_TOKEN};
use skyglass::ui::pages::bycloud_list::ByCloudListView;
use skyglass::ui::pages::imagesearch_lookup::ImageSearchView;
use skyglass::ui::pages::roma_list::RomaListView;
use skyglass::ui::transport::{demo, Client};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser_support;
use browser_support::*;
#[path = "browser_support/services_load_all_tests.rs"]
mod services_load_all_tests;

wasm_bindgen_test_configure!(run_in_browser);

fn demo_conn(id: &str) -> Connection {
    Connection::demos()
        .into_iter()
        .find(|c| c.id == id)
        .expect("a demo connection")
}

fn client(id: &str) -> Client {
    Client::new(demo_conn(id), DEMO_TOKEN.into())
}

fn ask<T: DeserializeOwned>(req: ApiRequest) -> T {
    decode_json(&demo::send(&req).unwrap()).unwrap()
}

#[wasm_bindgen_test]
async fn roma_list_pages_by_number_and_filters_by_status() {
    let el = container();
    let query = RwSignal::new(roma::OffsetQuery::default());
    let selected = RwSignal::new(None::<String>);
    leptos::mount::mount_to(el.clone(), move || {
        view! { <RomaListView client=client("demo-roma") query selected on_query=move |(q, s)| { query.set(q); selected.set(s) }/> }
    })
    .forget();
    let auth = Auth::AuthToken(DEMO_TOKEN.into());
    let first: roma::InstanceList = ask(roma::OffsetQuery::default().request("demo-project", &auth));
    let ids = |l: &roma::InstanceList| l.instances.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    until("page 1", || row_ids(&el) == ids(&first)).await;
    let pages = roma::OffsetQuery::default().page_count(first.total.unwrap());
    assert!(text(&el).contains(&format!("Page 1 of {pages}")));

    click_button(&el, "2");
    until("page 2", || text(&el).contains(&format!("Page 2 of {pages}"))).await;
    click_button(&el, "3");
    let third: roma::InstanceList = ask(roma::OffsetQuery::default().page(3).request("demo-project", &auth));
    until("page 3", || row_ids(&el) == ids(&third)).await;
    assert!(text(&el).contains(&format!("Page 3 of {pages}")));

    // Selecting a row shows its details.
    let row: HtmlElement = all(&el, "tr.instance-row")[1].clone().unchecked_into();
    row.click();
    until("details", || !all(&el, ".details-panel").is_empty()).await;
    assert!(text(&all(&el, ".details-panel")[0]).contains(&third.instances[1].id));

    query.set(roma::OffsetQuery {
        status: Some("RUNNING".into()),
        ..roma::OffsetQuery::default()
    });
    until("only RUNNING", || {
        let badges = all(&el, "tr.instance-row .badge");
        !badges.is_empty()
            && badges
                .iter()
                .all(|b| b.get_attribute("data-state").as_deref() == Some("RUNNING"))
    })
    .await;
}

#[wasm_bindgen_test]
async fn bycloud_list_follows_links_and_filters_by_name_prefix() {
    let el = container();
    let query = RwSignal::new(bycloud::MarkerQuery::first(20));
    let selected = RwSignal::new(None::<String>);
    leptos::mount::mount_to(el.clone(), move || {
        view! { <ByCloudListView client=client("demo-bycloud") query selected on_query=move |(q, s)| { query.set(q); selected.set(s) }/> }
    })
    .forget();
    let auth = Auth::Bearer(DEMO_TOKEN.into());
    let first: bycloud::InstanceList = ask(bycloud::MarkerQuery::first(20).request(&auth));
    let ids = |l: &bycloud::InstanceList| l.instances.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    until("page 1", || row_ids(&el) == ids(&first)).await;
    assert!(text(&el).contains("Page 1"));

    click_button(&el, "Next →");
    let second_q = bycloud::MarkerQuery::first(20).next(&first).unwrap();
    let second: bycloud::InstanceList = ask(second_q.request(&auth));
    until("page 2", || row_ids(&el) == ids(&second)).await;
    assert!(text(&el).contains("Page 2"));
    until("Previous enabled", || {
        all(&el, "button")
            .iter()
            .any(|b| text(b).contains("Previous") && !b.has_attribute("disabled"))
    })
    .await;
    click_button(&el, "← Previous");
    until("page 1 again", || row_ids(&el) == ids(&first)).await;

    query.set(bycloud::MarkerQuery {
        name: Some("web-*".into()),
        ..bycloud::MarkerQuery::first(50)
    });
    until("web-* rows", || {
        let names: Vec<String> = all(&el, "tr.instance-row .row-link").iter().map(text).collect();
        !names.is_empty() && names.iter().all(|n| n.starts_with("web-"))
    })
    .await;
}

#[wasm_bindgen_test]
async fn imagesearch_looks_up_a_name_and_reports_an_unknown_one() {
    let names = demo::imagesearch_names();
    let el = container();
    let name = RwSignal::new(Some(names[0].clone()));
    leptos::mount::mount_to(el.clone(), move || {
        view! { <ImageSearchView client=client("demo-imagesearch") name on_lookup=move |n: String| name.set(Some(n))/> }
    })
    .forget();
    let expected: imagesearch::Details = ask(imagesearch::request(
        "demo-project",
        &names[0],
        &Auth::AuthToken(DEMO_TOKEN.into()),
    ));
    until("details", || !all(&el, ".details-panel").is_empty()).await;
    let details = text(&all(&el, ".details-panel")[0]);
    assert!(details.contains(&expected.instance_name));
    assert!(details.contains(&expected.status));
    assert!(details.contains(&imagesearch::level_text(expected.level)));
    if expected.expired_date == Some(-1) {
        assert!(details.contains("never expires"));
    }

    name.set(Some("no-such-instance".into()));
    until("an error", || !all(&el, ".error-banner").is_empty()).await;
    assert!(
        all(&el, ".details-panel").is_empty(),
        "the old instance is not shown under the new name"
    );
    assert!(text(&el).contains("IS.0010"));
}

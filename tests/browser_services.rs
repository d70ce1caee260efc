//! Browser tests for the ROMA Connect, ByCloud, ImageSearch and ECS views, mounted against the
//! in-page cloudsim (the Demo connections) and asserted on what a user sees.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use skyglass::connection::{DEMO_PROJECT, DEMO_TOKEN};
use skyglass::ui::services::imagesearch::lookup_page::ImageSearchView;
use skyglass::ui::transport::demo;
use skyglass_core::http::Auth;
use skyglass_core::paging::next;
use skyglass_core::service::{ListQuery, ListService};
use skyglass_core::services::bycloud::{self, ByCloud};
use skyglass_core::services::ecs::{self, Ecs};
use skyglass_core::services::imagesearch::lookup;
use skyglass_core::services::roma::{self, Roma};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser_support;
use browser_support::*;
#[path = "browser_support/services_load_all_tests.rs"]
mod services_load_all_tests;

wasm_bindgen_test_configure!(run_in_browser);

const ROMA: &skyglass_core::service::ListInfo = &roma::info::LIST;
const BY: &skyglass_core::service::ListInfo = &bycloud::info::LIST;
const ECS: &skyglass_core::service::ListInfo = &ecs::info::LIST;

#[wasm_bindgen_test]
async fn ecs_list_pages_by_the_last_id_goes_back_and_filters_by_status() {
    let el = container();
    let query = RwSignal::new(ListQuery::first(ECS));
    let selected = RwSignal::new(None::<String>);
    mount_list::<Ecs>(&el, "demo-ecs", query, selected, selected).forget();
    let first = demo_page::<Ecs>(&ListQuery::first(ECS));
    let ids = |l: &ecs::wire::ServerList| page_ids::<Ecs>(l);
    until("page 1", || row_ids(&el) == ids(&first)).await;
    let count = first.count.expect("the demo answers a count");
    assert!(
        text(&el).contains(&format!("{count} instances in all")),
        "{}",
        text(&el)
    );

    click_button(&el, "Next →");
    let q1 = ListQuery::first(ECS);
    let second_q = next(ECS, &q1, &Ecs::facts(&q1, &first)).unwrap();
    assert_eq!(
        second_q.marker(),
        first.servers.last().map(|s| s.id.as_str()),
        "the last id"
    );
    let second = demo_page::<Ecs>(&second_q);
    until("page 2", || row_ids(&el) == ids(&second)).await;
    // ECS names no previous marker: back along the pages visited.
    click_button(&el, "← Previous");
    until("page 1 again", || row_ids(&el) == ids(&first)).await;

    query.set(ListQuery::first(ECS).restart(ECS, 50, [("status", "SHUTOFF".to_string())]));
    until("only SHUTOFF", || {
        let badges = all(&el, "tr.instance-row td.cell-state .badge");
        !badges.is_empty()
            && badges
                .iter()
                .all(|b| b.get_attribute("data-state").as_deref() == Some("SHUTOFF"))
    })
    .await;
}

#[wasm_bindgen_test]
async fn roma_list_pages_by_number_and_filters_by_status() {
    let el = container();
    let query = RwSignal::new(ListQuery::first(ROMA));
    let selected = RwSignal::new(None::<String>);
    mount_list::<Roma>(&el, "demo-roma", query, selected, selected).forget();
    let first = demo_page::<Roma>(&ListQuery::first(ROMA));
    let ids = |l: &roma::wire::InstanceList| page_ids::<Roma>(l);
    until("page 1", || row_ids(&el) == ids(&first)).await;
    let pages = ListQuery::first(ROMA).page_count(first.total.unwrap());
    assert!(text(&el).contains(&format!("Page 1 of {pages}")));

    click_button(&el, "2");
    until("page 2", || text(&el).contains(&format!("Page 2 of {pages}"))).await;
    click_button(&el, "3");
    let third = demo_page::<Roma>(&ListQuery::first(ROMA).page(3));
    until("page 3", || row_ids(&el) == ids(&third)).await;
    assert!(text(&el).contains(&format!("Page 3 of {pages}")));

    // Selecting a row shows its details.
    let row: HtmlElement = all(&el, "tr.instance-row")[1].clone().unchecked_into();
    row.click();
    until("details", || !all(&el, ".details-panel").is_empty()).await;
    assert!(text(&all(&el, ".details-panel")[0]).contains(&third.instances[1].id));

    query.set(ListQuery::first(ROMA).restart(ROMA, 10, [("status", "RUNNING".to_string())]));
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
    let query = RwSignal::new(ListQuery::first(BY));
    let selected = RwSignal::new(None::<String>);
    mount_list::<ByCloud>(&el, "demo-bycloud", query, selected, selected).forget();
    let first = demo_page::<ByCloud>(&ListQuery::first(BY));
    let ids = |l: &bycloud::wire::InstanceList| page_ids::<ByCloud>(l);
    until("page 1", || row_ids(&el) == ids(&first)).await;
    assert!(text(&el).contains("Page 1"));

    click_button(&el, "Next →");
    let q1 = ListQuery::first(BY);
    let second_q = next(BY, &q1, &ByCloud::facts(&q1, &first)).unwrap();
    let second = demo_page::<ByCloud>(&second_q);
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

    query.set(ListQuery::first(BY).restart(BY, 50, [("name", "web-*".to_string())]));
    until("web-* rows", || {
        let names: Vec<String> = all(&el, "tr.instance-row .cell-name a").iter().map(text).collect();
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
        view! { <ImageSearchView client=demo_client("demo-imagesearch") name on_lookup=move |n: String| name.set(Some(n))/> }
    })
    .forget();
    let req = lookup::request(DEMO_PROJECT, &names[0]).authorize(&Auth::AuthToken(DEMO_TOKEN.into()), 0);
    let expected = lookup::decode_details(&demo::answer(&req).unwrap().0).unwrap();
    until("details", || !all(&el, ".details-panel").is_empty()).await;
    let details = text(&all(&el, ".details-panel")[0]);
    assert!(details.contains(&expected.instance_name));
    assert!(details.contains(&expected.status));
    assert!(details.contains(&lookup::level_text(expected.level)));
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

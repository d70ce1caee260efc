//! Browser tests of "Load all pages" on the ROMA Connect and ByCloud lists, against the
//! in-page Demo cloud (included by `browser_services.rs`).

use super::browser_support::load_all::*;
use super::browser_support::*;
use leptos::prelude::*;
use skyglass::connection::DEMO_TOKEN;
use skyglass::ui::pages::list::LoadedList;
use skyglass_core::load_all::plan_with_page_size;
use skyglass_core::paging::next;
use skyglass_core::service::{list_api, ListQuery, ListService, TypedRows};
use skyglass_core::services::bycloud::{self, ByCloud};
use skyglass_core::services::roma::{self, Roma};
use skyglass_core::table::{sort, SearchIndex, SearchQuery};
use wasm_bindgen_test::*;

fn roma_fleet() -> Vec<roma::wire::Instance> {
    let mut q = ListQuery::first(&roma::info::LIST).with_limit(100);
    let mut all = Vec::new();
    loop {
        let page = demo_page::<Roma>(&q);
        all.extend(page.instances.iter().cloned());
        match next(&roma::info::LIST, &q, &Roma::facts(&q, &page)) {
            Some(n) => q = n,
            None => return all,
        }
    }
}

fn bycloud_fleet() -> Vec<bycloud::wire::Instance> {
    demo_page::<ByCloud>(&ListQuery::first(&bycloud::info::LIST).with_limit(1000))
        .instances
        .items
}

#[wasm_bindgen_test]
async fn roma_load_all_asks_up_to_six_pages_at_once() {
    let client = own_client("demo-roma", "demo-roma-gated", DEMO_TOKEN);
    let mut gate = Gate::close(&client.conn.id).await;
    let el = container();
    let selected = RwSignal::new(None::<String>);
    let walk = plan_with_page_size(&roma::info::LIST, &ListQuery::first(&roma::info::LIST), 10, None);
    leptos::mount::mount_to(el.clone(), move || {
        view! {
            <LoadedList client api={list_api::<Roma>()} walk query={ListQuery::first(&roma::info::LIST)} selected
                on_open=move |id| selected.set(Some(id)) on_back=|_| {}/>
        }
    })
    .forget();
    let fleet = roma_fleet();
    let n = fleet.len();
    gate.let_one_through().await;
    until("page 1", || {
        status(&el) == format!("Loading… 1 page, 10 of {n} instances")
    })
    .await;
    // Page 1 gave the total: the other pages are asked at once, up to the cap.
    until("six requests under way", || gate.waiting() == 6).await;
    // A request sent now queues behind every one the walk has started: a seventh of the
    // walk's would be there before it.
    let control = send_behind::<Roma>(
        own_client("demo-roma", "demo-roma-gated", DEMO_TOKEN),
        ListQuery::first(&roma::info::LIST).with_limit(77),
    );
    until("the control waiting", || gate.waiting() >= 7).await;
    assert_eq!(gate.waiting(), 7, "never more than six of the walk's");
    gate.open();
    until("done", || load_state(&el) == "done").await;
    until("the control answered", || control.get()).await;
    assert_eq!(status(&el), format!("Loaded {n} instances in {} pages", n.div_ceil(10)));
    assert_eq!(grid_rows(&el)[0].1, fleet[0].id, "rows in offset order");

    let g = grid(&el);
    press(&g, "ArrowDown");
    press(&g, "ArrowDown");
    until("the second row selected", || {
        selected_id(&el).as_deref() == Some(&fleet[1].id)
    })
    .await;
    press(&g, "Enter");
    until("its details", || {
        all(&el, ".details-panel")
            .first()
            .is_some_and(|p| text(p).contains(fleet[1].id.as_str()))
    })
    .await;
    assert_eq!(selected.get_untracked().as_deref(), Some(fleet[1].id.as_str()));
}

#[wasm_bindgen_test]
async fn roma_list_loads_all_sorts_and_shows_details() {
    let el = container();
    let query = RwSignal::new(ListQuery::first(&roma::info::LIST));
    let selected = RwSignal::new(None::<String>);
    mount_list::<Roma>(&el, "demo-roma", query, selected, selected).forget();
    until("page 1", || !row_ids(&el).is_empty()).await;
    button(&el, "Load all pages").click();
    until("done", || load_state(&el) == "done").await;
    let fleet = roma_fleet();
    let n = fleet.len();
    assert_eq!(
        status(&el),
        format!("Loaded {n} instances in {} pages", n.div_ceil(100))
    );
    assert_eq!(row_count(&el), n);
    assert!(grid_rows(&el).len() < n);

    click_header(&el, "Name");
    let rows = TypedRows::<Roma>(&fleet);
    let mut order = SearchIndex::new(&rows).filter(&SearchQuery::parse(""));
    let name = Roma::columns().iter().position(|c| c.spec.key == "name").unwrap();
    sort(&rows, &mut order, name, false);
    until("sorted by name", || grid_rows(&el)[0].1 == fleet[order[0]].id).await;
    let g = grid(&el);
    press(&g, "Home");
    press(&g, "Enter");
    until("the details panel", || !all(&el, ".details-panel").is_empty()).await;
    assert_eq!(selected.get_untracked().as_deref(), Some(fleet[order[0]].id.as_str()));
    assert!(text(&all(&el, ".details-panel")[0]).contains(&fleet[order[0]].id));
    assert_eq!(load_state(&el), "done", "the selection keeps the loaded view");
}

#[wasm_bindgen_test]
async fn bycloud_list_loads_all_filters_and_shows_details() {
    let el = container();
    let query = RwSignal::new(ListQuery::first(&bycloud::info::LIST));
    let selected = RwSignal::new(None::<String>);
    mount_list::<ByCloud>(&el, "demo-bycloud", query, selected, selected).forget();
    until("page 1", || !row_ids(&el).is_empty()).await;
    button(&el, "Load all pages").click();
    until("done", || load_state(&el) == "done").await;
    let fleet = bycloud_fleet();
    let n = fleet.len();
    assert_eq!(status(&el), format!("Loaded {n} instances in 1 page"));
    assert_eq!(row_count(&el), n);

    let input = el
        .query_selector("input[type=search][aria-label='Filter loaded instances']")
        .unwrap()
        .unwrap();
    let wanted = &fleet[n / 2];
    type_into(&input, &wanted.id);
    until("one match", || row_count(&el) == 1).await;
    assert_eq!(grid_rows(&el), vec![(1, wanted.id.clone())]);
    let g = grid(&el);
    press(&g, "ArrowDown");
    press(&g, "Enter");
    until("the details panel", || !all(&el, ".details-panel").is_empty()).await;
    assert!(text(&all(&el, ".details-panel")[0]).contains(&wanted.id));

    click_button(&el, "Back to pages");
    until("the paged list", || {
        !row_ids(&el).is_empty() && all(&el, ".load-all").is_empty()
    })
    .await;
}

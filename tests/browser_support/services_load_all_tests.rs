//! Browser tests of "Load all pages" on the ROMA Connect and ByCloud lists, against the
//! in-page Demo cloud (included by `browser_services.rs`).

use super::browser_support::load_all::*;
use super::browser_support::*;
use leptos::prelude::*;
use skyglass::api::http::Auth;
use skyglass::api::load_all::RomaLoadAll;
use skyglass::api::table_model::{view, SearchIndex};
use skyglass::api::{bycloud, roma};
use skyglass::connection::{Connection, DEMO_TOKEN};
use skyglass::ui::components::loaded_lists::RomaAllLoaded;
use skyglass::ui::pages::bycloud_list::ByCloudListView;
use skyglass::ui::pages::roma_list::RomaListView;
use skyglass::ui::transport::Client;
use wasm_bindgen_test::*;

fn roma_fleet() -> Vec<roma::Instance> {
    let auth = Auth::AuthToken(DEMO_TOKEN.into());
    let mut q = roma::OffsetQuery {
        limit: 100,
        ..roma::OffsetQuery::default()
    };
    let mut all = Vec::new();
    loop {
        let page: roma::InstanceList = super::ask(q.request("demo-project", &auth));
        all.extend(page.instances.iter().cloned());
        match q.next(&page) {
            Some(n) => q = n,
            None => return all,
        }
    }
}

fn bycloud_fleet() -> Vec<bycloud::Instance> {
    let page: bycloud::InstanceList =
        super::ask(bycloud::MarkerQuery::first(1000).request(&Auth::Bearer(DEMO_TOKEN.into())));
    page.instances
}

#[wasm_bindgen_test]
async fn roma_load_all_asks_up_to_six_pages_at_once() {
    let conn = Connection {
        id: "demo-roma-gated".into(),
        ..super::demo_conn("demo-roma")
    };
    let mut gate = Gate::close(&conn.id).await;
    let el = container();
    let selected = RwSignal::new(None::<String>);
    let planner = RomaLoadAll::with_page_size(&roma::OffsetQuery::default(), 10);
    let client = Client::new(conn, DEMO_TOKEN.into());
    leptos::mount::mount_to(el.clone(), move || {
        view! {
            <RomaAllLoaded client planner selected
                details=|i: roma::Instance| view! { <p class="details-panel">{i.id}</p> }.into_any()
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
    sleep(50).await;
    assert_eq!(gate.waiting(), 6, "never more than six");
    gate.open();
    until("done", || load_state(&el) == "done").await;
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
        all(&el, ".details-panel").first().map(text).as_deref() == Some(fleet[1].id.as_str())
    })
    .await;
}

#[wasm_bindgen_test]
async fn roma_list_loads_all_sorts_and_shows_details() {
    let el = container();
    let query = RwSignal::new(roma::OffsetQuery::default());
    let selected = RwSignal::new(None::<String>);
    leptos::mount::mount_to(el.clone(), move || {
        view! { <RomaListView client=super::client("demo-roma") query selected on_query=move |(q, s)| { query.set(q); selected.set(s) }/> }
    })
    .forget();
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
    let order = view(&fleet, &SearchIndex::new(&fleet), "", Some(("name", false)));
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
    let query = RwSignal::new(bycloud::MarkerQuery::first(20));
    let selected = RwSignal::new(None::<String>);
    leptos::mount::mount_to(el.clone(), move || {
        view! { <ByCloudListView client=super::client("demo-bycloud") query selected on_query=move |(q, s)| { query.set(q); selected.set(s) }/> }
    })
    .forget();
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

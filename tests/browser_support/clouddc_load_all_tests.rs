//! Browser tests of "Load all pages" on the CloudDC list and of the virtualized table,
//! against the in-page Demo cloud (included by `browser.rs`).

use super::browser_support::load_all::*;
use super::browser_support::*;
use leptos::prelude::*;
use skyglass::connection::DEMO_TOKEN;
use skyglass::ui::pages::list::LoadedList;
use skyglass::ui::transport::{demo, Client};
use skyglass_core::load_all::{plan_with_page_size, LoadAll, MarkerWalk};
use skyglass_core::service::{list_api, ListPage, ListQuery, ListService, TypedRows};
use skyglass_core::services::clouddc::info::LIST;
use skyglass_core::services::clouddc::wire::{Instance, InstanceList, PageInfo};
use skyglass_core::services::clouddc::Clouddc;
use skyglass_core::table::{filter, grouped, sort, SearchIndex, SearchQuery};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

/// Every instance of the Demo cloud, in the service's order.
fn demo_fleet() -> Vec<Instance> {
    demo_page::<Clouddc>(&ListQuery::first(&LIST).with_limit(1000))
        .instances
        .items
}

/// The index of CloudDC's column `key`.
fn column(key: &str) -> usize {
    Clouddc::columns().iter().position(|c| c.spec.key == key).unwrap()
}

/// The rows matching `query`, sorted by `key`, as the table shows them.
fn view(fleet: &[Instance], index: &SearchIndex, query: &str, key: &str, descending: bool) -> Vec<usize> {
    let mut shown = index.filter(&SearchQuery::parse(query));
    sort(&TypedRows::<Clouddc>(fleet), &mut shown, column(key), descending);
    shown
}

fn synthetic(i: usize) -> Instance {
    Instance {
        id: format!("i-{i:06}"),
        name: format!("node-{i}"),
        state: ["running", "stopped", "pending"][i % 3].into(),
        ..Instance::default()
    }
}

/// A walk that has already been answered `pages` pages of `per_page` synthetic instances
/// (of `total`); it asks for more when `more`.
fn answered(pages: usize, per_page: usize, total: u64, more: bool) -> Box<dyn LoadAll> {
    let mut walk: Box<dyn LoadAll> = Box::new(MarkerWalk::new(&LIST, ListQuery::first(&LIST).with_limit(1000), None));
    for k in 0..pages {
        let id = walk.next_requests(1)[0].0;
        let next = if k + 1 < pages || more {
            format!("i-{:06}", (k + 1) * per_page - 1)
        } else {
            String::new()
        };
        let instances: Vec<Instance> = (k * per_page..(k + 1) * per_page).map(synthetic).collect();
        walk.on_page(
            id,
            ListPage::of::<Clouddc>(InstanceList {
                instances: instances.into(),
                page_info: Some(PageInfo {
                    next_marker: next,
                    ..PageInfo::default()
                }),
                count: Some(total),
            }),
        );
    }
    walk
}

fn mount_all_loaded(
    el: &Element,
    client: Client,
    walk: Box<dyn LoadAll>,
) -> leptos::mount::UnmountHandle<impl leptos::prelude::Mountable> {
    let el: web_sys::HtmlElement = el.clone().unchecked_into();
    leptos::mount::mount_to(el, move || {
        view! {
            <LoadedList client api={list_api::<Clouddc>()} walk query={ListQuery::first(&LIST)}
                selected={None::<String>} on_open=|_| {} on_back=|_| {}/>
        }
    })
}

/// A walk of the whole CloudDC list with `page_size` instances a page.
fn walk_of(page_size: u32) -> Box<dyn LoadAll> {
    plan_with_page_size(&LIST, &ListQuery::first(&LIST), page_size, None)
}

fn filter_input(root: &Element) -> Element {
    root.query_selector("input[type=search][aria-label='Filter loaded instances']")
        .unwrap()
        .expect("the filter")
}

#[wasm_bindgen_test]
async fn load_all_from_the_list_filters_sorts_moves_and_opens() {
    let el = container();
    let query = RwSignal::new(ListQuery::first(&LIST).with_limit(10));
    let opened = RwSignal::new(None::<String>);
    mount_list::<Clouddc>(&el, "demo", query, RwSignal::new(None), opened).forget();
    until("the first page", || !row_ids(&el).is_empty()).await;
    button(&el, "Load all pages").click();
    until("every page loaded", || load_state(&el) == "done").await;
    let fleet = demo_fleet();
    let n = fleet.len();
    assert_eq!(status(&el), format!("Loaded {} instances in 1 page", grouped(n as u64)));
    assert_eq!(count_text(&el), format!("Showing {n} of {n}"));
    assert_eq!(row_count(&el), n);
    let rows = grid_rows(&el);
    assert!(
        !rows.is_empty() && rows.len() < n,
        "only a window is rendered: {}",
        rows.len()
    );
    assert_eq!(rows[0], (1, fleet[0].id.clone()), "in the service's order");
    assert!(all(&el, "progress").is_empty(), "no progress bar once done");
    assert!(all(&el, "tr.instance-row").is_empty(), "the paged table is gone");
    let shown_columns = Clouddc::columns().iter().filter(|c| c.spec.shown).count();
    assert_eq!(
        all(&el, "[role=gridcell]").len(),
        rows.len() * (shown_columns + 1),
        "a cell per column shown, and the box to tick"
    );

    // Filter as you type, across every loaded row.
    let term = fleet[7].name.split('-').next().unwrap().to_lowercase();
    let expected = filter(&TypedRows::<Clouddc>(&fleet), &term);
    assert!(!expected.is_empty() && expected.len() < n);
    type_into(&filter_input(&el), &term);
    until("the filtered count", || row_count(&el) == expected.len()).await;
    assert_eq!(count_text(&el), format!("Showing {} of {n}", expected.len()));
    let ids = |idx: &[usize]| idx.iter().map(|&i| fleet[i].id.clone()).collect::<Vec<_>>();
    let shown: Vec<String> = grid_rows(&el).into_iter().map(|r| r.1).collect();
    assert!(shown.iter().all(|id| ids(&expected).contains(id)));

    // Sort by name; again reverses.
    let index = SearchIndex::new(&TypedRows::<Clouddc>(&fleet));
    click_header(&el, "Name");
    let ascending = ids(&view(&fleet, &index, &term, "name", false));
    until("sorted by name", || grid_rows(&el)[0].1 == ascending[0]).await;
    assert_eq!(
        column_header(&el, "Name").get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    assert_eq!(
        column_header(&el, "State").get_attribute("aria-sort").as_deref(),
        Some("none")
    );
    click_header(&el, "Name");
    let descending = ids(&view(&fleet, &index, &term, "name", true));
    until("reversed", || grid_rows(&el)[0].1 == descending[0]).await;
    assert_eq!(
        column_header(&el, "Name").get_attribute("aria-sort").as_deref(),
        Some("descending")
    );

    // The keyboard moves the selection and keeps it in view; Enter opens it.
    let g = grid(&el);
    assert_eq!(g.get_attribute("tabindex").as_deref(), Some("0"));
    press(&g, "ArrowDown");
    until("the first row selected", || {
        selected_id(&el).as_deref() == Some(&descending[0])
    })
    .await;
    press(&g, "ArrowDown");
    until("the second row", || selected_id(&el).as_deref() == Some(&descending[1])).await;
    press(&g, "End");
    let last = descending.len();
    until("the last row, scrolled into view", || {
        selected_id(&el).as_deref() == Some(&descending[last - 1])
    })
    .await;
    assert!(grid_rows(&el).contains(&(last, descending[last - 1].clone())));
    press(&g, "Home");
    until("the first row again", || {
        selected_id(&el).as_deref() == Some(&descending[0])
    })
    .await;
    press(&g, "PageDown");
    until("a page down", || selected_id(&el).is_some_and(|s| s != descending[0])).await;
    let paged_to = selected_id(&el).unwrap();
    assert!(descending[2..].contains(&paged_to), "PageDown moves more than a row");
    press(&g, "Enter");
    until("opened", || {
        opened.get_untracked().as_deref() == Some(paged_to.as_str())
    })
    .await;

    click_button(&el, "Back to pages");
    until("the paged list again", || {
        !row_ids(&el).is_empty() && all(&el, ".load-all").is_empty()
    })
    .await;
}

#[wasm_bindgen_test]
async fn load_all_shows_progress_keeps_rows_usable_and_cancels() {
    let mut gate = Gate::close("demo-gated").await;
    let el = container();
    mount_all_loaded(&el, own_client("demo", "demo-gated", DEMO_TOKEN), walk_of(48)).forget();
    until("loading", || load_state(&el) == "loading").await;
    let bar = el
        .query_selector("progress[aria-label='Loading all pages']")
        .unwrap()
        .expect("a progress bar");
    assert!(
        !bar.has_attribute("value") && !bar.has_attribute("max"),
        "indeterminate without a total"
    );
    assert!(status(&el).starts_with("Loading… 0 pages"), "{}", status(&el));
    assert!(!all(&el, "button").iter().all(|b| text(b) != "Cancel"));

    let fleet = demo_fleet();
    let n = fleet.len();
    gate.let_one_through().await;
    let one = format!("Loading… 1 page, 48 of {n} instances");
    until("one page", || status(&el) == one).await;
    assert_eq!(bar.get_attribute("value").as_deref(), Some("48"));
    assert_eq!(bar.get_attribute("max"), Some(n.to_string()));
    // The rows are usable while loading continues.
    assert_eq!(row_count(&el), 48);
    assert_eq!(grid_rows(&el)[0].1, fleet[0].id);
    let term = fleet[3].name.split('-').next().unwrap().to_lowercase();
    type_into(&filter_input(&el), &term);
    let first = filter(&TypedRows::<Clouddc>(&fleet[..48]), &term).len();
    until("filtered while loading", || {
        count_text(&el) == format!("Showing {first} of 48")
    })
    .await;
    gate.let_one_through().await;
    let second = filter(&TypedRows::<Clouddc>(&fleet[..96]), &term).len();
    until("the next page, filtered", || {
        count_text(&el) == format!("Showing {second} of 96")
    })
    .await;

    let calls = demo::calls_with("limit=48");
    until("the third request waiting", || gate.waiting() == 1).await;
    click_button(&el, "Cancel");
    until("cancelled", || load_state(&el) == "cancelled").await;
    assert_eq!(status(&el), format!("Cancelled after 2 pages, 96 of {n} instances"));
    assert_eq!(count_text(&el), format!("Showing {second} of 96"), "the rows stay");
    assert!(all(&el, "progress").is_empty());
    assert!(all(&el, "button").iter().all(|b| text(b) != "Cancel"));
    // A request queued behind the one that waited: answered only after it would have been.
    let control = send_behind::<Clouddc>(
        own_client("demo", "demo-gated", DEMO_TOKEN),
        ListQuery::first(&LIST).with_limit(999),
    );
    until("the control waiting behind it", || gate.waiting() == 2).await;
    gate.open();
    until("the control answered", || control.get()).await;
    assert_eq!(demo::calls_with("limit=999"), 1, "the control was sent");
    assert_eq!(
        demo::calls_with("limit=48"),
        calls,
        "the request that waited was dropped"
    );
}

#[wasm_bindgen_test]
async fn nothing_of_a_walk_outlives_its_view() {
    let gate = Gate::close("demo-unmounted").await;
    let el = container();
    let handle = mount_all_loaded(&el, own_client("demo", "demo-unmounted", DEMO_TOKEN), walk_of(47));
    until("a request waiting", || gate.waiting() == 1).await;
    drop(handle);
    // A request queued behind the view's: answered only after it would have been.
    let control = send_behind::<Clouddc>(
        own_client("demo", "demo-unmounted", DEMO_TOKEN),
        ListQuery::first(&LIST).with_limit(998),
    );
    until("the control waiting behind it", || gate.waiting() == 2).await;
    gate.open();
    until("the control answered", || control.get()).await;
    assert_eq!(demo::calls_with("limit=998"), 1, "the control was sent");
    assert_eq!(
        demo::calls_with("limit=47"),
        0,
        "no request was made after the view went"
    );
    assert_eq!(skyglass::limiter::load("demo-unmounted"), (0, 0));
}

#[wasm_bindgen_test]
async fn an_error_mid_walk_keeps_the_rows_and_says_why() {
    let el = container();
    // Page 1 is in; page 2 is asked with a token the cloud rejects.
    let walk = answered(1, 1000, 3000, true);
    mount_all_loaded(&el, own_client("demo", "demo-bad-token", "not-the-token"), walk).forget();
    until("failed", || load_state(&el) == "failed").await;
    let says = status(&el);
    assert!(
        says.starts_with(
            "Stopped by an error after 1 page (1,000 instances kept): The credentials were rejected (HTTP 401)"
        ),
        "{says}"
    );
    assert!(!says.contains("not-the-token"), "the token is never shown");
    assert_eq!(count_text(&el), "Showing 1,000 of 1,000");
    assert_eq!(grid_rows(&el)[0].1, "i-000000");
}

#[wasm_bindgen_test]
async fn twenty_thousand_rows_render_only_a_window() {
    let el = container();
    mount_all_loaded(
        &el,
        own_client("demo", "demo-20k", DEMO_TOKEN),
        answered(20, 1000, 20_000, false),
    )
    .forget();
    until("done", || load_state(&el) == "done").await;
    assert_eq!(status(&el), "Loaded 20,000 instances in 20 pages");
    until("every row in the table", || row_count(&el) == 20_000).await;
    let rows = grid_rows(&el);
    assert!(rows.len() <= 60, "{} rows in the DOM", rows.len());
    assert_eq!(rows[0], (1, "i-000000".to_string()));

    // Scrolled to the middle, the window follows.
    scroll_grid(&el, 10_000 * 32);
    until("the middle rows", || grid_rows(&el).iter().any(|r| r.0 == 10_001)).await;
    let rows = grid_rows(&el);
    assert!(rows.len() <= 60, "{} rows in the DOM", rows.len());
    assert!(rows
        .iter()
        .all(|(i, id)| (9_980..10_060).contains(i) && *id == format!("i-{:06}", i - 1)));

    // Rows are reused while scrolling: a jump shows other rows in the same elements (none
    // built), a step of a few rows moves only those, and the DOM stays in display order
    // with every cell showing its own row.
    let in_dom = || all(&el, ".vtable-row[role=row]");
    let index_of = |r: &Element| {
        r.get_attribute("aria-rowindex")
            .unwrap_or_default()
            .parse::<usize>()
            .unwrap_or(0)
    };
    for (to, step) in [
        (12_000_usize, "a jump"),
        (12_004, "a step of four rows"),
        (11_998, "a step back"),
    ] {
        let before = in_dom();
        scroll_grid(&el, to as i32 * 32);
        // The window starts three rows (the overscan) above the first row in view.
        until(step, || in_dom().iter().map(index_of).min() == Some(to - 2)).await;
        let after = in_dom();
        let reused = after.iter().filter(|r| before.contains(r)).count();
        assert!(
            reused + 1 >= before.len().min(after.len()),
            "{step}: {reused} of {} rows reused",
            after.len()
        );
        let order: Vec<usize> = after.iter().map(index_of).collect();
        assert!(
            order.windows(2).all(|w| w[0] + 1 == w[1]),
            "{step}: DOM order {order:?}"
        );
        for r in &after {
            let i = index_of(r) - 1;
            let id = format!("i-{i:06}");
            assert_eq!(r.get_attribute("data-id").as_deref(), Some(id.as_str()), "{step}");
            let name = r.query_selector("a").ok().flatten().and_then(|a| a.text_content());
            assert_eq!(name, Some(format!("node-{i}")), "{step}: the name of row {i}");
            let state = r
                .query_selector(".badge")
                .ok()
                .flatten()
                .and_then(|b| b.get_attribute("data-state"));
            assert_eq!(
                state.as_deref(),
                Some(["running", "stopped", "pending"][i % 3]),
                "{step}"
            );
        }
    }

    // End selects the last row and brings it into view.
    press(&grid(&el), "End");
    until("the last row", || selected_id(&el).as_deref() == Some("i-019999")).await;
    assert!(grid_rows(&el).iter().any(|r| r.0 == 20_000));
    assert!(grid_rows(&el).len() <= 60);

    // Filtering narrows as you type.
    let input = filter_input(&el);
    for (typed, matches) in [("n", 20_000), ("node-1", 11_111), ("node-19", 1_111), ("node-1999", 11)] {
        let started = js_sys::Date::now();
        type_into(&input, typed);
        let took = js_sys::Date::now() - started;
        web_sys::console::log_1(&format!("filter {typed:?} over 20,000 rows: {took} ms").into());
        until("the filtered count", || row_count(&el) == matches).await;
    }
    assert_eq!(count_text(&el), "Showing 11 of 20,000");
    type_into(&input, "");
    until("everything again", || row_count(&el) == 20_000).await;
}

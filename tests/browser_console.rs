//! Browser tests of the everyday console features, mounted against the in-page cloudsim:
//! ticking rows (shift-click ranges, across pages and refreshes), the view settings
//! (columns, order, density; remembered per connection), a list narrowed to a state
//! category, the overview's counts against the Demo cloud's own page, the theme and time
//! zone settings, and the keyboard shortcuts.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use skyglass::ui::components::display_controls::DisplayControls;
use skyglass::ui::components::shortcuts::Shortcuts;
use skyglass::ui::hooks::use_display_settings::provide_display_settings;
use skyglass::ui::pages::list::ListView;
use skyglass::ui::pages::overview::OverviewPage;
use skyglass::ui::state::AppState;
use skyglass_core::overview::{overview_query, Summary};
use skyglass_core::paging::next;
use skyglass_core::service::{list_api, ListPage, ListQuery, ListService};
use skyglass_core::services::clouddc::{self, Clouddc};
use skyglass_core::state::Category;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit};

mod browser_support;
use browser_support::load_all::Gate;
use browser_support::*;

wasm_bindgen_test_configure!(run_in_browser);

const DC: &skyglass_core::service::ListInfo = &clouddc::info::LIST;

/// Mounts CloudDC's list on a Demo connection of its own (`id`: its preferences are its
/// own); unmounted when the handle goes.
fn mount_handle(
    el: &HtmlElement,
    id: &str,
    query: RwSignal<ListQuery>,
    only: Option<Category>,
) -> leptos::mount::UnmountHandle<impl leptos::prelude::Mountable> {
    let client = own_client("demo", id, "demo-token");
    let selected = RwSignal::new(None::<String>);
    leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ListView client api={list_api::<Clouddc>()} query selected
                on_query=move |(q, s)| { query.set(q); selected.set(s) }
                on_open=|_| {} only=Signal::stored(only)/>
        }
    })
}

fn mount(el: &HtmlElement, id: &str, query: RwSignal<ListQuery>, only: Option<Category>) {
    mount_handle(el, id, query, only).forget();
}

fn boxes(el: &Element) -> Vec<HtmlInputElement> {
    all(el, "tr.instance-row input.tick")
        .into_iter()
        .map(|e| e.unchecked_into())
        .collect()
}

fn ticked(el: &Element) -> Vec<bool> {
    boxes(el).iter().map(HtmlInputElement::checked).collect()
}

/// A click on `el`, with Shift held or not (bubbles, as a user's does).
fn click(el: &Element, shift: bool) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_shift_key(shift);
    let ev = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn headers(el: &Element) -> Vec<String> {
    all(el, "table.instances thead th:not(.cell-tick)")
        .iter()
        .map(text)
        .collect()
}

#[wasm_bindgen_test]
async fn ticks_take_ranges_and_survive_paging_and_refreshes() {
    let el = container();
    let query = RwSignal::new(ListQuery::first(DC).with_limit(10));
    mount(&el, "tick-test", query, None);
    until("page 1", || boxes(&el).len() == 10).await;
    let first_ids = row_ids(&el);
    click(&boxes(&el)[1], false);
    click(&boxes(&el)[4], true);
    until("a range", || {
        ticked(&el) == [false, true, true, true, true, false, false, false, false, false]
    })
    .await;
    assert!(text(&el).contains("4 selected"), "{}", text(&el));
    // Shift-click upwards on a ticked row unticks the range.
    click(&boxes(&el)[3], true);
    until("unticked 3..=4", || ticked(&el)[3..5] == [false, false]).await;
    click(&boxes(&el)[3], false);
    click(&boxes(&el)[4], false);
    // Another page: its own rows, none ticked; back: the ticks are there.
    let page1 = demo_page::<Clouddc>(&query.get_untracked());
    let q2 = next(
        DC,
        &query.get_untracked(),
        &Clouddc::facts(&query.get_untracked(), &page1),
    )
    .unwrap();
    query.set(q2);
    until("page 2", || row_ids(&el) != first_ids && boxes(&el).len() == 10).await;
    assert!(ticked(&el).iter().all(|t| !t));
    click(&boxes(&el)[0], false);
    until("5 selected", || text(&el).contains("5 selected")).await;
    query.set(ListQuery::first(DC).with_limit(10));
    until("page 1 again", || row_ids(&el) == first_ids).await;
    until("still ticked", || ticked(&el)[1..5] == [true, true, true, true]).await;
    // The Refresh's request held at a gate, then answered: the ticks are there after it.
    let busy = || {
        el.query_selector("section.instance-list")
            .unwrap()
            .and_then(|s| s.get_attribute("aria-busy"))
    };
    let mut gate = Gate::close("tick-test").await;
    click_button(&el, "Refresh");
    until("the refresh asked", || gate.waiting() == 1).await;
    assert_eq!(busy().as_deref(), Some("true"));
    gate.let_one_through().await;
    gate.open();
    until("the refresh answered", || busy().as_deref() == Some("false")).await;
    assert_eq!(&ticked(&el)[1..5], &[true, true, true, true], "a refresh keeps them");
    // The header's box ticks the page; again, unticks it (the other page's tick stays).
    let all_box: HtmlInputElement = el
        .query_selector("thead input[type=checkbox]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    all_box.click();
    until("all on page", || ticked(&el).iter().all(|t| *t)).await;
    assert!(text(&el).contains("11 selected"));
    all_box.click();
    until("none on page", || ticked(&el).iter().all(|t| !t)).await;
    assert!(text(&el).contains("1 selected"));
    click_button(&el, "Clear selection");
    until("cleared", || {
        !text(&el).contains("1 selected") && ticked(&el).iter().all(|t| !t)
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_view_settings_change_the_table_and_are_remembered_per_connection() {
    let el = container();
    let query = RwSignal::new(ListQuery::first(DC).with_limit(10));
    mount(&el, "prefs-test", query, None);
    until("rows", || row_ids(&el).len() == 10).await;
    let defaults = headers(&el);
    assert_eq!(
        defaults,
        [
            "Name",
            "State",
            "Image",
            "Private IPv4",
            "VPC",
            "Created",
            "Tags",
            "Error"
        ]
    );
    let checkbox = |title: &str| -> HtmlInputElement {
        all(&el, ".column-list li")
            .into_iter()
            .find(|li| {
                li.query_selector("label")
                    .ok()
                    .flatten()
                    .is_some_and(|l| text(&l).trim() == title)
            })
            .and_then(|li| li.query_selector("input").ok().flatten())
            .unwrap_or_else(|| panic!("no column {title}"))
            .unchecked_into()
    };
    assert!(checkbox("Name").disabled(), "the name column stays");
    checkbox("ID").click();
    until("ID shown", || headers(&el).last().map(String::as_str) == Some("ID")).await;
    checkbox("VPC").click();
    until("VPC hidden", || !headers(&el).contains(&"VPC".to_string())).await;
    let earlier: HtmlElement = el
        .query_selector("button[aria-label='Move State earlier']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    earlier.click();
    until("State first", || {
        headers(&el).first().map(String::as_str) == Some("State")
    })
    .await;
    let density: web_sys::HtmlSelectElement = el
        .query_selector("select[name=density]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    density.set_value("comfortable");
    density.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("comfortable", || {
        el.query_selector(".density-comfortable").unwrap().is_some()
    })
    .await;
    let stored = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("skyglass.prefs.prefs-test.list")
        .unwrap()
        .unwrap();
    assert!(
        stored.contains("\"comfortable\"") && stored.contains("\"id\""),
        "{stored}"
    );
    // The same connection mounted again: the same view. Another connection: the defaults.
    let shown = headers(&el);
    let again = container();
    let second = mount_handle(
        &again,
        "prefs-test",
        RwSignal::new(ListQuery::first(DC).with_limit(10)),
        None,
    );
    until("remembered", || headers(&again) == shown).await;
    drop(second);
    let other = container();
    mount(
        &other,
        "prefs-other",
        RwSignal::new(ListQuery::first(DC).with_limit(10)),
        None,
    );
    until("defaults", || headers(&other) == defaults).await;
    click_button(&el, "Reset view");
    until("reset", || headers(&el) == defaults).await;
    assert!(el.query_selector(".density-compact").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn a_list_narrowed_to_a_category_shows_only_its_rows() {
    let el = container();
    let q = ListQuery::first(DC).with_limit(100);
    let page = demo_page::<Clouddc>(&q);
    let wanted = Clouddc::rows(&page)
        .iter()
        .filter(|r| Clouddc::state(r).category == Category::Running)
        .count();
    assert!(wanted > 0);
    mount(&el, "only-test", RwSignal::new(q), Some(Category::Running));
    until("running rows", || row_ids(&el).len() == wanted).await;
    let categories: Vec<String> = all(&el, "tr.instance-row .badge")
        .iter()
        .filter_map(|b| b.get_attribute("data-category"))
        .collect();
    assert!(categories.iter().all(|c| c == "running"), "{categories:?}");
    assert!(text(&el).contains(&format!("Only running instances: {wanted} of the 100 on this page.")));
}

#[wasm_bindgen_test]
async fn the_overview_counts_each_demo_connection_as_its_list_does() {
    let el = container();
    leptos::mount::mount_to(el.clone(), || {
        AppState::provide();
        view! { <Router><OverviewPage/></Router> }
    })
    .forget();
    let q = overview_query(DC);
    let expected = Summary::of(&ListPage::of::<Clouddc>(demo_page::<Clouddc>(&q)), &q);
    let card = || el.query_selector(".overview-card[data-connection='demo']").unwrap();
    until("the demo card's counts", || {
        card().is_some_and(|c| c.query_selector(".covers").unwrap().is_some())
    })
    .await;
    let card = card().unwrap();
    for (category, n) in expected.counts.iter().filter(|(_, n)| *n > 0) {
        let li = card
            .query_selector(&format!(".legend li[data-category='{}']", category.key()))
            .unwrap()
            .unwrap_or_else(|| panic!("no {category:?}"));
        assert!(
            text(&li).ends_with(&n.to_string()),
            "{category:?}: {} vs {n}",
            text(&li)
        );
        let href = li.query_selector("a").unwrap().unwrap().get_attribute("href").unwrap();
        assert_eq!(href, format!("/c/demo?limit={}&category={}", q.limit, category.key()));
    }
    assert_eq!(
        text(&card.query_selector(".covers").unwrap().unwrap()),
        expected.covers()
    );
    until("the fleet's total", || text(&el).contains("instances in")).await;
    assert!(
        text(&el).contains("nothing to count"),
        "ImageSearch says what it does not count"
    );
}

fn key(k: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(k);
    init.set_bubbles(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document().body().unwrap().dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn shortcuts_list_themselves_and_the_theme_and_zone_are_set_on_the_page() {
    let el = container();
    leptos::mount::mount_to(el.clone(), || {
        provide_display_settings();
        view! { <Router><DisplayControls/><Shortcuts/></Router> }
    })
    .forget();
    key("?");
    until("the shortcuts", || text(&el).contains("Keyboard shortcuts")).await;
    assert!(text(&el).contains("Go to all instances"));
    key("Escape");
    until("closed", || !text(&el).contains("Keyboard shortcuts")).await;
    let root = document().document_element().unwrap();
    let theme = button(&el, "Theme:");
    assert_eq!(text(&theme), "Theme: system");
    theme.click();
    until("light", || root.get_attribute("data-theme").as_deref() == Some("light")).await;
    theme.click();
    until("dark", || root.get_attribute("data-theme").as_deref() == Some("dark")).await;
    theme.click();
    until("the system's", || root.get_attribute("data-theme").is_none()).await;
    let zone: web_sys::HtmlSelectElement = el
        .query_selector("select[name=time-zone]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    zone.set_value("utc");
    zone.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("stored", || {
        window()
            .local_storage()
            .unwrap()
            .unwrap()
            .get_item("skyglass.time-zone")
            .unwrap()
            .as_deref()
            == Some("\"utc\"")
    })
    .await;
    assert_eq!(skyglass::ui::components::time_cell::shown_offset_minutes(), 0);
    zone.set_value("local");
    zone.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("local again", || {
        window()
            .local_storage()
            .unwrap()
            .unwrap()
            .get_item("skyglass.time-zone")
            .unwrap()
            .as_deref()
            == Some("\"local\"")
    })
    .await;
}

//! Browser tests of memory kept for good: things a view does again and again — a timer set
//! and cleared, a retry notice shown and replaced, a navigation — must give back what they
//! took. Counted, not timed: the bytes the app's allocator has handed out and not had back
//! (`skyglass::heap`), after the JS garbage collector has run (Chromium started with
//! `--expose-gc`, webdriver.json) so that what JS held of ours has been let go.
#![cfg(target_arch = "wasm32")]

use leptos::leptos_dom::helpers::{set_interval_with_handle, set_timeout_with_handle};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use skyglass::heap;
use skyglass::ui::components::refresh_control::RetryBanner;
use skyglass::ui::hooks::use_api::RetryNotice;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser_support;
use browser_support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Repetitions measured (after as many to warm up): a leak of 8 bytes each is 1.6 kB.
const TIMES: usize = 200;
/// Navigations measured, twice, after a warm-up that fills the router's history of 50:
/// fewer than 200 in all, as Chromium ignores history changes past 200 in 10 s.
const NAVIGATIONS: usize = 40;
const NAVIGATIONS_WARM_UP: usize = 60;
/// Bytes one repetition may leave behind, on average: allocator noise, not a leak.
const PER_TIME: usize = 8;

/// Runs the JS garbage collector and lets the finalizers it queues (wasm-bindgen's, which
/// free the Rust side of closures JS no longer holds) run.
async fn collect_garbage() {
    let gc = js_sys::Reflect::get(&window(), &JsValue::from_str("gc")).expect("window.gc");
    let gc: js_sys::Function = gc.dyn_into().expect("Chromium started with --js-flags=--expose-gc");
    for _ in 0..3 {
        gc.call0(&JsValue::NULL).unwrap();
        sleep(30).await;
    }
}

/// What `TIMES` runs of `step` leave allocated, per run, after as many to warm up.
async fn kept_per_time<F, Fut>(step: F) -> usize
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    kept_per_run(TIMES, TIMES, step).await
}

/// What `times` runs of `step` leave allocated, per run, after `warm` to warm up.
async fn kept_per_run<F, Fut>(warm: usize, times: usize, step: F) -> usize
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for i in 0..warm {
        step(i).await;
    }
    collect_garbage().await;
    let before = heap::in_use();
    for i in warm..warm + times {
        step(i).await;
    }
    collect_garbage().await;
    heap::in_use().saturating_sub(before) / times
}

#[wasm_bindgen_test]
async fn a_timeout_cleared_before_it_fires_is_freed() {
    let kept = kept_per_time(|_| async {
        let handle = set_timeout_with_handle(|| {}, Duration::from_secs(60)).unwrap();
        handle.clear();
    })
    .await;
    assert!(kept <= PER_TIME, "a cleared timeout keeps {kept} bytes");
}

#[wasm_bindgen_test]
async fn an_interval_cleared_is_freed() {
    let kept = kept_per_time(|_| async {
        let handle = set_interval_with_handle(|| {}, Duration::from_secs(60)).unwrap();
        handle.clear();
    })
    .await;
    assert!(kept <= PER_TIME, "a cleared interval keeps {kept} bytes");
}

#[wasm_bindgen_test]
async fn a_retry_notice_replaced_again_and_again_is_freed() {
    let el = container();
    let retry = RwSignal::new(None::<RetryNotice>);
    let _mounted = leptos::mount::mount_to(el.clone(), move || view! { <RetryBanner retry/> });
    let kept = kept_per_time(|i| async move {
        retry.set(Some(RetryNotice {
            what: "Failed".into(),
            at: js_sys::Date::now() + 4_000.0,
        }));
        sleep(0).await;
        if i % 2 == 0 {
            retry.set(None);
            sleep(0).await;
        }
    })
    .await;
    assert!(kept <= PER_TIME, "a retry notice keeps {kept} bytes");
}

#[wasm_bindgen_test]
async fn a_view_replaced_again_and_again_is_freed() {
    let el = container();
    let retry = RwSignal::new(None::<f64>);
    let now = RwSignal::new(0.0);
    // A view replaced whole, holding a reactive text that reads a signal which outlives it
    // (the pattern of every banner and badge): each replaced view's effect must go.
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        move || {
            retry
                .get()
                .map(|r| view! { <p>{move || format!("{} {}", r, now.get())}</p> })
        }
    });
    let kept = kept_per_time(|i| async move {
        retry.set(Some(i as f64));
        sleep(0).await;
    })
    .await;
    assert!(kept <= PER_TIME, "the view keeps {kept} bytes");
}

/// Navigations within one route (a query changed) and between routes (a page left for
/// another and opened again), in one test: the tests share one page, and two routers in it
/// would both answer a click.
#[wasm_bindgen_test]
async fn navigations_are_freed() {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
    let el = container();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! {
            <Router>
                <nav>
                    <a id="page-one" href="/?page=1">"1"</a>
                    <a id="page-two" href="/?page=2">"2"</a>
                    <a id="to-first" href="/first">"first"</a>
                    <a id="to-second" href="/second">"second"</a>
                </nav>
                <Routes fallback=|| "none">
                    <Route path=path!("/") view=|| view! { <p id="root">"Root"</p> }/>
                    <Route path=path!("/first") view=|| view! { <p id="first">"First page"</p> }/>
                    <Route path=path!("/second") view=|| view! { <p id="second">"Second page"</p> }/>
                </Routes>
            </Router>
        }
    });
    let location = || {
        let l = window().location();
        format!("{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default())
    };
    let shown = |id: &str| el.query_selector(&format!("#{id}")).ok().flatten().is_some();
    let go = |link: &'static str, want: &'static str, page: &'static str| {
        let el = el.clone();
        async move {
            let a: HtmlElement = el.query_selector(link).unwrap().unwrap().unchecked_into();
            a.click();
            until(&format!("{want} (at {})", location()), || {
                location() == want && shown(page)
            })
            .await;
        }
    };
    let kept = kept_per_run(NAVIGATIONS_WARM_UP, NAVIGATIONS, |i| {
        if i % 2 == 0 {
            go("#page-one", "/?page=1", "root")
        } else {
            go("#page-two", "/?page=2", "root")
        }
    })
    .await;
    assert!(kept <= PER_TIME, "a query changed keeps {kept} bytes");
    let kept = kept_per_run(NAVIGATIONS, NAVIGATIONS, |i| {
        if i % 2 == 0 {
            go("#to-first", "/first", "first")
        } else {
            go("#to-second", "/second", "second")
        }
    })
    .await;
    assert!(kept <= PER_TIME, "a page left and opened again keeps {kept} bytes");
}

#[wasm_bindgen_test]
async fn rows_replaced_again_and_again_are_freed() {
    let el = container();
    let page = RwSignal::new(0_usize);
    // A keyed list whose rows all change (a page turned, a refresh with new instances): each
    // row's owner must go with the row, also from the list's own owner, which stays.
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <For each=move || { let p = page.get(); (p * 5..p * 5 + 5).collect::<Vec<_>>() } key=|n| *n let:n>
                <p>{n}</p>
            </For>
        }
    });
    let kept = kept_per_time(|i| async move {
        page.set(i + 1);
        sleep(0).await;
    })
    .await;
    assert!(kept <= PER_TIME, "rows replaced keep {kept} bytes a time");
}

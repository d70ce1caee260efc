//! The CloudDC instance list (seed 000): marker paging, page size, state filter, all kept
//! in the URL so that a reload or a shared link shows the same page.

use super::{details_href, paged_or_all_loaded, pairs_ref, use_query_navigation, use_url_query, ConnectionHeading};
use crate::api::clouddc::{extract_marker, InstanceList as InstancePage, ListQuery, PAGE_SIZES};
use crate::api::http::UrlQuery;
use crate::api::lifecycle::{State, DIAGRAM_STATES, SDK_EXTRA_STATES};
use crate::api::load_all::ClouddcLoadAll;
use crate::api::paging::PageSeen;
use crate::ui::components::anomalies::{use_paging_anomalies, AnomalyNotes};
use crate::ui::components::error_banner::ErrorBanner;
use crate::ui::components::instance_table::InstanceTable;
use crate::ui::components::loaded_lists::ClouddcAllLoaded;
use crate::ui::components::page_size::PageSizeSelect;
use crate::ui::components::pager::Pager;
use crate::ui::components::refresh_control::{use_interval_setting, RefreshControl, RetryBanner};
use crate::ui::transport::Client;
use crate::ui::use_api::{use_api_with_options, UseApiOptions};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The routed page: reads the page from the URL and writes it back.
#[component]
pub fn InstanceListPage(client: Client) -> impl IntoView {
    let url = use_url_query();
    let query = Memo::new(move |_| url.with(|p| ListQuery::from_pairs(pairs_ref(p))));
    let go = use_query_navigation(client.conn.id.clone());
    let on_query = Callback::new(move |q: ListQuery| go.run(q.to_url_query()));
    let navigate = use_navigate();
    let conn_id = client.conn.id.clone();
    let on_open = Callback::new(move |id: String| navigate(&details_href(&conn_id, &id), Default::default()));
    view! { <InstanceListView client query=query on_query on_open/> }
}

/// The list itself, independent of the router (mounted directly by the browser tests):
/// the page the URL names, or, after "Load all pages", every page at once (not kept in the
/// URL, so that a reload never starts a long walk by itself).
#[component]
pub fn InstanceListView(
    client: Client,
    #[prop(into)] query: Signal<ListQuery>,
    #[prop(into)] on_query: Callback<ListQuery>,
    #[prop(into)] on_open: Callback<String>,
) -> impl IntoView {
    let (paged_client, loaded_client) = (client.clone(), client.clone());
    paged_or_all_loaded(
        client,
        Box::new(move |on_load_all| {
            let client = paged_client.clone();
            view! { <PagedInstances client query on_query on_open on_load_all/> }.into_any()
        }),
        Box::new(move |on_back| {
            let (client, q) = (loaded_client.clone(), query.get_untracked());
            let planner = ClouddcLoadAll::new(&q);
            let state = q.state.unwrap_or_default();
            view! { <ClouddcAllLoaded client planner state on_open on_back/> }.into_any()
        }),
    )
}

/// One page of the list, by marker.
#[component]
fn PagedInstances(
    client: Client,
    query: Signal<ListQuery>,
    on_query: Callback<ListQuery>,
    on_open: Callback<String>,
    on_load_all: Callback<()>,
) -> impl IntoView {
    let conn_id = client.conn.id.clone();
    let heading_client = client.clone();
    let call_client = client.clone();
    let interval = use_interval_setting("clouddc-list");
    let call = use_api_with_options(
        move || {
            let c = call_client.clone();
            let req = query.get().request(&c.conn.project_id, &c.auth);
            Some((c, req))
        },
        crate::api::clouddc::decode_list,
        UseApiOptions {
            interval: interval.0,
            transitional: |p: &InstancePage| p.instances.iter().any(|i| State::parse(&i.state).is_transitional()),
            ..UseApiOptions::default()
        },
    );
    let rows = Signal::derive(move || {
        call.data
            .with(|d| d.as_ref().map(|p| p.instances.clone()).unwrap_or_default())
    });
    let total = Signal::derive(move || call.data.with(|d| d.as_ref().and_then(|p| p.count)));
    let anomalies = use_paging_anomalies(
        call.data,
        move || {
            let q = query.get();
            format!("{}|{:?}", q.limit, q.state)
        },
        move |w, p: &InstancePage| {
            let next = p.page_info.as_ref().and_then(|pi| extract_marker(&pi.next_marker));
            let q = query.get_untracked();
            w.record(PageSeen {
                page: u64::from(q.page),
                items: p.instances.len(),
                total: p.count,
                next_marker: next.as_deref(),
                has_more: false,
                link: None,
                own_origin: None,
            })
        },
    );
    let next = Memo::new(move |_| {
        if anomalies.with(|a| a.iter().any(|a| a.stops_paging())) {
            return None;
        }
        call.data.with(|d| d.as_ref().and_then(|p| query.get().next(p)))
    });
    let previous = Memo::new(move |_| call.data.with(|d| query.get().previous(d.as_ref())));
    let loading = call.loading;
    let set_state = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let q = query.get_untracked();
        on_query.run(q.restart(q.limit, (!v.is_empty()).then_some(v)));
    };
    let set_limit = move |limit: u32| {
        let q = query.get_untracked();
        on_query.run(q.restart(limit, q.state.clone()));
    };
    let error_conn = conn_id.clone();
    view! {
        <section class="instance-list" aria-busy=move || loading.get().to_string()>
            <ConnectionHeading client=heading_client/>
            <h1>"Instances"</h1>
            <div class="toolbar">
                <label>
                    "State "
                    <select name="state" on:change=set_state prop:value=move || query.get().state.unwrap_or_default()>
                        <option value="">"All states"</option>
                        {DIAGRAM_STATES.iter().map(|s| view! { <option value=s.as_str().to_string()>{s.as_str().to_string()}</option> }).collect_view()}
                        <optgroup label="Not in the diagram (vendor SDK)">
                            {SDK_EXTRA_STATES.iter().map(|s| view! { <option value=*s>{*s}</option> }).collect_view()}
                        </optgroup>
                    </select>
                </label>
                <PageSizeSelect sizes=&PAGE_SIZES value=Signal::derive(move || query.get().limit) on_change=set_limit/>
                <button type="button" on:click=move |_| on_load_all.run(())>"Load all pages"</button>
                <span class="spacer"></span>
                <RefreshControl updated_at=call.updated_at loading on_refresh=move |_| call.refresh() interval/>
            </div>
            <RetryBanner retry=call.retry/>
            {move || call.error.get().map(|e| view! {
                <ErrorBanner error=e connection_id=error_conn.clone() stale=call.data.with(Option::is_some)/>
            })}
            <InstanceTable
                rows
                details_href=details_href
                connection_id=conn_id
                on_open
                stale=Signal::derive(move || call.error.with(Option::is_some))
            />
            {move || (call.data.with(|d| d.as_ref().is_some_and(|p| p.instances.is_empty())) && !loading.get())
                .then(|| view! { <p class="empty">"No instances on this page."</p> })}
            <AnomalyNotes anomalies=anomalies/>
            <Pager
                page=Signal::derive(move || query.get().page)
                has_previous=Signal::derive(move || previous.get().is_some() && !loading.get())
                has_next=Signal::derive(move || next.get().is_some() && !loading.get())
                on_previous=move |_| { if let Some(q) = previous.get_untracked() { on_query.run(q) } }
                on_next=move |_| { if let Some(q) = next.get_untracked() { on_query.run(q) } }
                total
            />
        </section>
    }
}

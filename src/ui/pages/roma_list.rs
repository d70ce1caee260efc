//! ROMA Connect instances (seed 001): offset paging with numbered pages (the total is
//! known), page size, status filter; a details panel for the selected row. Page, size,
//! filter and selection live in the URL.

use super::{paged_or_all_loaded, use_list_url, ConnectionHeading, ListUrl};
use crate::api::load_all::RomaLoadAll;
use crate::api::paging::PageSeen;
use crate::api::roma::{self, Instance, InstanceList, OffsetQuery, PAGE_SIZES, STATUSES};
use crate::ui::components::anomalies::{use_paging_anomalies, AnomalyNotes};
use crate::ui::components::clamped_text::{short, ClampedText};
use crate::ui::components::error_banner::ErrorBanner;
use crate::ui::components::loaded_lists::RomaAllLoaded;
use crate::ui::components::page_size::PageSizeSelect;
use crate::ui::components::pager::NumberedPager;
use crate::ui::components::refresh_control::{use_interval_setting, RefreshControl, RetryBanner};
use crate::ui::components::state_badge::Badge;
use crate::ui::components::time_cell::TimeCell;
use crate::ui::transport::Client;
use crate::ui::use_api::{use_api_with_options, UseApiOptions};
use leptos::prelude::*;

/// The routed page: reads the page and the selection from the URL and writes them back.
#[component]
pub fn RomaListPage(client: Client) -> impl IntoView {
    let ListUrl {
        query,
        selected,
        change: on_query,
    } = use_list_url::<OffsetQuery>(client.conn.id.clone());
    view! { <RomaListView client query selected on_query/> }
}

/// The list itself, independent of the router: the page the URL names, or, after "Load
/// all pages", every page at once (not kept in the URL).
#[component]
pub fn RomaListView(
    client: Client,
    #[prop(into)] query: Signal<OffsetQuery>,
    #[prop(into)] selected: Signal<Option<String>>,
    /// A new page/filter and selection.
    #[prop(into)]
    on_query: Callback<(OffsetQuery, Option<String>)>,
) -> impl IntoView {
    let on_open = Callback::new(move |id: String| on_query.run((query.get_untracked(), Some(id))));
    let (paged_client, loaded_client) = (client.clone(), client.clone());
    paged_or_all_loaded(
        client,
        Box::new(move |on_load_all| {
            let client = paged_client.clone();
            view! { <PagedRoma client query selected on_query on_load_all/> }.into_any()
        }),
        Box::new(move |on_back| {
            let (client, q) = (loaded_client.clone(), query.get_untracked());
            let planner = RomaLoadAll::new(&q);
            let details = |inst| view! { <RomaDetails inst/> }.into_any();
            let status = q.status.unwrap_or_default();
            view! { <RomaAllLoaded client planner status selected details on_open on_back/> }.into_any()
        }),
    )
}

/// One page of the list, by offset.
#[component]
fn PagedRoma(
    client: Client,
    query: Signal<OffsetQuery>,
    selected: Signal<Option<String>>,
    on_query: Callback<(OffsetQuery, Option<String>)>,
    on_load_all: Callback<()>,
) -> impl IntoView {
    let conn_id = client.conn.id.clone();
    let c = client.clone();
    let interval = use_interval_setting("roma-list");
    let call = use_api_with_options(
        move || {
            let req = query.get().request(&c.conn.project_id, &c.auth);
            Some((c.clone(), req))
        },
        crate::api::roma::decode_list,
        UseApiOptions {
            interval: interval.0,
            transitional: |p: &InstanceList| p.instances.iter().any(|i| roma::is_transitional(&i.status)),
            ..UseApiOptions::default()
        },
    );
    let loading = call.loading;
    let total = Signal::derive(move || call.data.with(|d| d.as_ref().and_then(|p| p.total)));
    let page_count = Signal::derive(move || query.get().page_count(total.get().unwrap_or(0)));
    let go = move |q: OffsetQuery| on_query.run((q, None));
    let anomalies = use_paging_anomalies(
        call.data,
        move || {
            let q = query.get();
            format!("{}|{:?}", q.limit, q.status)
        },
        move |w, p: &InstanceList| {
            let q = query.get_untracked();
            let has_more = p.total.is_some_and(|t| q.offset + (p.instances.len() as u64) < t);
            w.record(PageSeen {
                page: q.page_number(),
                items: p.instances.len(),
                total: p.total,
                next_marker: None,
                has_more,
                link: None,
                own_origin: None,
            })
        },
    );
    let set_status = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let q = query.get_untracked();
        go(q.restart(q.limit, (!v.is_empty()).then_some(v)));
    };
    let set_limit = move |limit: u32| {
        let q = query.get_untracked();
        go(q.restart(limit, q.status.clone()));
    };
    let rows = Signal::derive(move || {
        call.data
            .with(|d| d.as_ref().map(|p| p.instances.clone()).unwrap_or_default())
    });
    let selected_instance = Memo::new(move |_| {
        let id = selected.get()?;
        rows.with(|r| r.iter().find(|i| i.id == id).cloned())
    });
    let open = Callback::new(move |id: String| on_query.run((query.get_untracked(), Some(id))));
    let err_conn = conn_id.clone();
    view! {
        <section class="instance-list" aria-busy=move || loading.get().to_string()>
            <ConnectionHeading client/>
            <h1>"Instances"</h1>
            <div class="toolbar">
                <label>"Status "
                    <select name="status" on:change=set_status prop:value=move || query.get().status.unwrap_or_default()>
                        <option value="">"All statuses"</option>
                        {STATUSES.iter().map(|s| view! { <option value=*s>{*s}</option> }).collect_view()}
                    </select>
                </label>
                <PageSizeSelect sizes=&PAGE_SIZES value=Signal::derive(move || query.get().limit) on_change=set_limit/>
                <button type="button" on:click=move |_| on_load_all.run(())>"Load all pages"</button>
                <span class="spacer"></span>
                <RefreshControl updated_at=call.updated_at loading on_refresh=move |_| call.refresh() interval/>
            </div>
            <RetryBanner retry=call.retry/>
            {move || call.error.get().map(|e| view! { <ErrorBanner error=e connection_id=err_conn.clone() stale=call.data.with(Option::is_some)/> })}
            <div class="table-scroll" class:stale=move || call.error.with(Option::is_some)>
                <table class="instances">
                    <thead><tr>
                        <th scope="col">"Name"</th><th scope="col">"Status"</th><th scope="col">"Flavor"</th>
                        <th scope="col">"CPU"</th><th scope="col">"VPC / subnet"</th><th scope="col">"Public IP"</th>
                        <th scope="col">"Charging"</th><th scope="col">"Maintenance"</th><th scope="col">"AZs"</th>
                        <th scope="col">"Created"</th><th scope="col">"Updated"</th><th scope="col">"Creator"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|i| format!("{i:?}") let:inst>
                            <RomaRow inst selected on_open=open/>
                        </For>
                    </tbody>
                </table>
            </div>
            {move || (call.data.with(|d| d.as_ref().is_some_and(|p| p.instances.is_empty())) && !loading.get())
                .then(|| view! { <p class="empty">"No instances on this page."</p> })}
            <AnomalyNotes anomalies=anomalies/>
            <NumberedPager
                current=Signal::derive(move || query.get().page_number())
                count=page_count
                busy=loading
                on_page=move |n| go(query.get_untracked().page(n))
                total
            />
            {move || selected.get().map(|id| match selected_instance.get() {
                Some(inst) => view! { <RomaDetails inst/> }.into_any(),
                None => view! { <p class="notice">"Instance " <code>{id}</code> " is not on this page."</p> }.into_any(),
            })}
        </section>
    }
}

fn dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.to_owned()
    }
}

#[component]
fn RomaRow(inst: Instance, #[prop(into)] selected: Signal<Option<String>>, on_open: Callback<String>) -> impl IntoView {
    let id = inst.id.clone();
    let is_selected = {
        let id = id.clone();
        move || selected.get().as_deref() == Some(id.as_str())
    };
    let open_id = id.clone();
    let public_ip = match inst.publicip_enable {
        Some(true) => dash(&inst.publicip_address),
        Some(false) => "disabled".into(),
        None => dash(&inst.publicip_address),
    };
    let name = if inst.name.is_empty() {
        "(no name)".to_string()
    } else {
        short(&inst.name, 120)
    };
    view! {
        <tr class="instance-row" class:selected=is_selected data-id=id on:click=move |_| on_open.run(open_id.clone())>
            <td class="cell-name" data-label="Name"><button type="button" class="row-link" title=short(&inst.name, 500)>{name}</button></td>
            <td class="cell-state" data-label="Status">
                <Badge text=inst.status.clone() tone=roma::tone(&inst.status) busy=roma::is_transitional(&inst.status)
                    undocumented=!roma::is_documented(&inst.status)/>
            </td>
            <td data-label="Flavor">{dash(&inst.flavor_type)}</td>
            <td data-label="CPU">{dash(&inst.cpu_arch)}</td>
            <td class="mono cell-clip" data-label="VPC / subnet" title=format!("{} / {}", inst.vpc_id, inst.subnet_id)>
                {dash(&inst.vpc_id)}<br/>{dash(&inst.subnet_id)}
            </td>
            <td class="mono" data-label="Public IP">{public_ip}</td>
            <td data-label="Charging">{dash(&inst.charge_type)}</td>
            <td data-label="Maintenance">{dash(&inst.maintenance_window())}</td>
            <td class="mono cell-clip" data-label="AZs" title=inst.available_zone_ids.join(", ")>{dash(&inst.available_zone_ids.join(", "))}</td>
            <td data-label="Created"><TimeCell raw=inst.create_time.clone()/></td>
            <td data-label="Updated"><TimeCell raw=inst.update_time.clone()/></td>
            <td data-label="Creator">{dash(&inst.created_user.clone().unwrap_or_default().shown())}</td>
        </tr>
    }
}

/// Every field of one ROMA Connect instance.
#[component]
fn RomaDetails(inst: Instance) -> impl IntoView {
    let field = |label: &'static str, value: String| view! { <dt>{label}</dt><dd class="mono">{dash(&value)}</dd> };
    let user = |u: Option<roma::User>| {
        u.map(|u| format!("{} ({})", dash(&u.user_name), dash(&u.user_id)))
            .unwrap_or_default()
    };
    view! {
        <section id="details" class="details-panel" aria-label="Instance details">
            <h2 class="instance-name"><ClampedText text=inst.name.clone() max=300/></h2>
            {inst.shown_error().map(|(code, msg)| view! {
                <p class="status-error"><code class="error-code">{code}</code>" "{msg}</p>
            })}
            <dl class="fields">
                {field("ID", inst.id.clone())}
                <dt>"Status"</dt>
                <dd><Badge text=inst.status.clone() tone=roma::tone(&inst.status) busy=roma::is_transitional(&inst.status)
                    undocumented=!roma::is_documented(&inst.status)/></dd>
                {field("Description", inst.description.clone())}
                {field("Flavor ID", inst.flavor_id.clone())}
                {field("Flavor type", inst.flavor_type.clone())}
                {field("CPU architecture", inst.cpu_arch.clone())}
                {field("VPC", inst.vpc_id.clone())}
                {field("Subnet", inst.subnet_id.clone())}
                {field("Security group", inst.security_group_id.clone())}
                {field("Public access", inst.publicip_enable.map(|b| if b { "enabled" } else { "disabled" }.to_string()).unwrap_or_default())}
                {field("EIP ID", inst.publicip_id.clone())}
                {field("EIP address", inst.publicip_address.clone())}
                {field("Error code", inst.error_code.clone())}
                {field("Error message", inst.error_msg.clone())}
                {field("Charging", inst.charge_type.clone())}
                {field("Project", inst.project_id.clone())}
                {field("Enterprise project", inst.enterprise_project_id.clone())}
                <dt>"Created"</dt><dd><TimeCell raw=inst.create_time.clone() full=true/></dd>
                <dt>"Updated"</dt><dd><TimeCell raw=inst.update_time.clone() full=true/></dd>
                {field("Maintenance window", inst.maintenance_window())}
                {field("Availability zones", inst.available_zone_ids.join(", "))}
                {field("Created by", user(inst.created_user.clone()))}
                {field("Last updated by", user(inst.last_updated_user.clone()))}
            </dl>
        </section>
    }
}

//! ByCloud instances (seed 002): marker paging driven by `meta.has_more` and
//! `links.next`/`links.previous`; filters for name (exact or `prefix*`), status, tags,
//! flavor and image; a details panel for the selected row. All of it lives in the URL.

use super::{paged_or_all_loaded, use_list_url, ConnectionHeading, ListUrl};
use crate::api::bycloud::{self, Instance, InstanceList, MarkerQuery, PAGE_SIZES, STATUSES};
use crate::api::load_all::BycloudLoadAll;
use crate::api::paging::PageSeen;
use crate::ui::components::anomalies::{use_paging_anomalies, AnomalyNotes};
use crate::ui::components::clamped_text::{short, short_list, ClampedList, ClampedText};
use crate::ui::components::error_banner::ErrorBanner;
use crate::ui::components::loaded_lists::ByCloudAllLoaded;
use crate::ui::components::page_size::PageSizeSelect;
use crate::ui::components::pager::Pager;
use crate::ui::components::refresh_control::{use_interval_setting, RefreshControl, RetryBanner};
use crate::ui::components::state_badge::Badge;
use crate::ui::components::time_cell::TimeCell;
use crate::ui::transport::Client;
use crate::ui::use_api::{use_api_with_options, UseApiOptions};
use leptos::prelude::*;

#[component]
pub fn ByCloudListPage(client: Client) -> impl IntoView {
    let ListUrl {
        query,
        selected,
        change: on_query,
    } = use_list_url::<MarkerQuery>(client.conn.id.clone());
    view! { <ByCloudListView client query selected on_query/> }
}

/// The list itself, independent of the router: the page the URL names, or, after "Load
/// all pages", every page at once (not kept in the URL).
#[component]
pub fn ByCloudListView(
    client: Client,
    #[prop(into)] query: Signal<MarkerQuery>,
    #[prop(into)] selected: Signal<Option<String>>,
    #[prop(into)] on_query: Callback<(MarkerQuery, Option<String>)>,
) -> impl IntoView {
    let on_open = Callback::new(move |id: String| on_query.run((query.get_untracked(), Some(id))));
    let (paged_client, loaded_client) = (client.clone(), client.clone());
    paged_or_all_loaded(
        client,
        Box::new(move |on_load_all| {
            let client = paged_client.clone();
            view! { <PagedByCloud client query selected on_query on_load_all/> }.into_any()
        }),
        Box::new(move |on_back| {
            let (client, q) = (loaded_client.clone(), query.get_untracked());
            let planner = BycloudLoadAll::new(&q, own_origin(&client.conn.base_url));
            let details = |inst| view! { <ByCloudDetails inst/> }.into_any();
            view! { <ByCloudAllLoaded client planner filters=q.filters() selected details on_open on_back/> }.into_any()
        }),
    )
}

/// One page of the list, by marker.
#[component]
fn PagedByCloud(
    client: Client,
    query: Signal<MarkerQuery>,
    selected: Signal<Option<String>>,
    on_query: Callback<(MarkerQuery, Option<String>)>,
    on_load_all: Callback<()>,
) -> impl IntoView {
    let conn_id = client.conn.id.clone();
    let c = client.clone();
    let interval = use_interval_setting("bycloud-list");
    let call = use_api_with_options(
        move || {
            let req = query.get().request(&c.auth);
            Some((c.clone(), req))
        },
        crate::api::bycloud::decode_list,
        UseApiOptions {
            interval: interval.0,
            transitional: |p: &InstanceList| {
                p.instances
                    .iter()
                    .any(|i| bycloud::is_transitional(&i.status, &i.task_state))
            },
            ..UseApiOptions::default()
        },
    );
    let loading = call.loading;
    let go = move |q: MarkerQuery| on_query.run((q, None));
    let own_origin = own_origin(&client.conn.base_url);
    let anomalies = use_paging_anomalies(
        call.data,
        move || {
            let q = query.get();
            format!("{}|{:?}", q.limit, q.filters())
        },
        move |w, p: &InstanceList| {
            let q = query.get_untracked();
            let meta = p.meta.clone().unwrap_or_default();
            let link = p.links.as_ref().map(|l| l.next.clone()).filter(|l| !l.is_empty());
            let next = q.next(p).and_then(|n| n.marker);
            let has_more = meta.has_more.unwrap_or(false);
            w.record(PageSeen {
                page: u64::from(q.page),
                items: p.instances.len(),
                total: meta.total,
                next_marker: next.as_deref(),
                has_more,
                link: link.as_deref(),
                own_origin: own_origin.as_deref(),
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
    let total = Signal::derive(move || call.data.with(|d| d.as_ref().and_then(|p| p.meta.as_ref()?.total)));
    let rows = Signal::derive(move || {
        call.data
            .with(|d| d.as_ref().map(|p| p.instances.clone()).unwrap_or_default())
    });
    let selected_instance = Memo::new(move |_| {
        let id = selected.get()?;
        rows.with(|r| r.iter().find(|i| i.id == id).cloned())
    });
    let open = Callback::new(move |id: String| on_query.run((query.get_untracked(), Some(id))));

    // The filter form edits local copies; Apply puts them in the URL (first page).
    let initial = query.get_untracked();
    let fields: Vec<(&'static str, RwSignal<String>)> = vec![
        ("name", RwSignal::new(initial.name.clone().unwrap_or_default())),
        ("status", RwSignal::new(initial.status.clone().unwrap_or_default())),
        ("tags", RwSignal::new(initial.tags.clone().unwrap_or_default())),
        (
            "flavor_id",
            RwSignal::new(initial.flavor_id.clone().unwrap_or_default()),
        ),
        ("image_id", RwSignal::new(initial.image_id.clone().unwrap_or_default())),
    ];
    let [name, status, tags, flavor_id, image_id] = [fields[0].1, fields[1].1, fields[2].1, fields[3].1, fields[4].1];
    // Keep the form in step with the URL (back/forward, shared links).
    Effect::new(move |_| {
        let q = query.get();
        name.set(q.name.unwrap_or_default());
        status.set(q.status.unwrap_or_default());
        tags.set(q.tags.unwrap_or_default());
        flavor_id.set(q.flavor_id.unwrap_or_default());
        image_id.set(q.image_id.unwrap_or_default());
    });
    let fields = StoredValue::new(fields);
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let values: Vec<(&str, String)> =
            fields.with_value(|f| f.iter().map(|(k, s)| (*k, s.get_untracked())).collect());
        go(query.get_untracked().with_filters(query.get_untracked().limit, &values));
    };
    let clear = move |_| go(MarkerQuery::first(query.get_untracked().limit));
    let set_limit = move |limit: u32| {
        let q = query.get_untracked();
        go(q.with_filters(limit, &q.filters()));
    };
    let err_conn = conn_id.clone();
    view! {
        <section class="instance-list" aria-busy=move || loading.get().to_string()>
            <ConnectionHeading client/>
            <h1>"Instances"</h1>
            <form class="filters" on:submit=apply>
                <div class="field">
                    <label for="filter-name">"Name"</label>
                    <input id="filter-name" name="name" bind:value=name autocomplete="off" aria-describedby="name-hint"/>
                    <small id="name-hint">"Exact name, or a prefix ending in * (web-*)"</small>
                </div>
                <label>"Status"
                    <select name="status" prop:value=move || status.get() on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">"Any"</option>
                        {STATUSES.iter().map(|s| view! { <option value=*s>{*s}</option> }).collect_view()}
                    </select>
                </label>
                <div class="field">
                    <label for="filter-tags">"Tags"</label>
                    <input id="filter-tags" name="tags" bind:value=tags autocomplete="off" aria-describedby="tags-hint"/>
                    <small id="tags-hint">"Comma-separated; all must match"</small>
                </div>
                <label>"Flavor ID"<input name="flavor_id" bind:value=flavor_id autocomplete="off"/></label>
                <label>"Image ID"<input name="image_id" bind:value=image_id autocomplete="off"/></label>
                <button type="submit" class="primary">"Apply filters"</button>
                <button type="button" on:click=clear>"Clear"</button>
            </form>
            <div class="toolbar">
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
                        <th scope="col">"Image"</th><th scope="col">"Addresses"</th><th scope="col">"Security groups"</th>
                        <th scope="col">"Volumes"</th><th scope="col">"Key names"</th><th scope="col">"Tags"</th>
                        <th scope="col">"Metadata"</th><th scope="col">"Fault"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|i| format!("{i:?}") let:inst>
                            <ByCloudRow inst selected on_open=open/>
                        </For>
                    </tbody>
                </table>
            </div>
            {move || (call.data.with(|d| d.as_ref().is_some_and(|p| p.instances.is_empty())) && !loading.get())
                .then(|| view! { <p class="empty">"No instances match."</p> })}
            <AnomalyNotes anomalies=anomalies/>
            <Pager
                page=Signal::derive(move || query.get().page)
                has_previous=Signal::derive(move || previous.get().is_some() && !loading.get())
                has_next=Signal::derive(move || next.get().is_some() && !loading.get())
                on_previous=move |_| { if let Some(q) = previous.get_untracked() { go(q) } }
                on_next=move |_| { if let Some(q) = next.get_untracked() { go(q) } }
                total
            />
            {move || selected.get().map(|id| match selected_instance.get() {
                Some(inst) => view! { <ByCloudDetails inst/> }.into_any(),
                None => view! { <p class="notice">"Instance " <code>{id}</code> " is not on this page."</p> }.into_any(),
            })}
        </section>
    }
}

/// The origin the connection calls: its base URL's, or this page's for a proxy path.
fn own_origin(base_url: &str) -> Option<String> {
    crate::api::paging::origin_of(base_url).or_else(|| web_sys::window()?.location().origin().ok())
}

fn dash(s: String) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s
    }
}

fn status_badge(inst: &Instance) -> impl IntoView {
    let documented = STATUSES.contains(&inst.status.as_str()) && inst.status != "MIGRATING";
    view! {
        <Badge text=inst.status.clone() tone=bycloud::tone(&inst.status, &inst.task_state)
            busy=bycloud::is_transitional(&inst.status, &inst.task_state) undocumented=!documented/>
    }
}

fn power_task(inst: &Instance) -> String {
    let task = if inst.task_state.is_empty() {
        "no task".to_string()
    } else {
        format!("task {}", inst.task_state)
    };
    format!("power {} · {task}", dash(inst.power_state.clone()))
}

fn map_text(m: &std::collections::BTreeMap<String, String>) -> String {
    m.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
}

#[component]
fn ByCloudRow(
    inst: Instance,
    #[prop(into)] selected: Signal<Option<String>>,
    on_open: Callback<String>,
) -> impl IntoView {
    let id = inst.id.clone();
    let is_selected = {
        let id = id.clone();
        move || selected.get().as_deref() == Some(id.as_str())
    };
    let open_id = id.clone();
    let flavor = inst.flavor.clone().unwrap_or_default().summary();
    let name = if inst.name.is_empty() {
        "(no name)".to_string()
    } else {
        short(&inst.name, 120)
    };
    let volumes = inst
        .volumes_attached
        .iter()
        .map(|v| v.device.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let groups = inst
        .security_groups
        .iter()
        .map(|g| g.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let fault = inst.shown_fault().cloned();
    view! {
        <tr class="instance-row" class:selected=is_selected data-id=id on:click=move |_| on_open.run(open_id.clone())>
            <td class="cell-name" data-label="Name"><button type="button" class="row-link" title=short(&inst.name, 500)>{name}</button></td>
            <td class="cell-state" data-label="Status">
                {status_badge(&inst)}
                <div class="small muted">{power_task(&inst)}</div>
            </td>
            <td data-label="Flavor">{dash(flavor)}</td>
            <td class="cell-clip" data-label="Image" title=inst.image.clone().unwrap_or_default().name>{dash(inst.image.clone().unwrap_or_default().name)}</td>
            <td class="mono" data-label="Addresses">{dash(inst.address_list().join(", "))}</td>
            <td data-label="Security groups">{dash(groups)}</td>
            <td class="mono" data-label="Volumes">{dash(volumes)}</td>
            <td data-label="Key names">{dash(inst.key_names.join(", "))}</td>
            <td data-label="Tags">{dash(short_list(&inst.tags, 8))}</td>
            <td class="cell-clip" data-label="Metadata" title=map_text(&inst.metadata)>{dash(map_text(&inst.metadata))}</td>
            <td class="cell-error" data-label="Fault">
                {fault.map(|f| view! { <code class="error-code">{f.code}</code>" "<span>{f.message}</span> })}
            </td>
        </tr>
    }
}

/// Every field of one ByCloud instance.
#[component]
fn ByCloudDetails(inst: Instance) -> impl IntoView {
    let field = |label: &'static str, value: String| view! { <dt>{label}</dt><dd class="mono">{dash(value)}</dd> };
    let time = |label: &'static str, raw: String| view! { <dt>{label}</dt><dd><TimeCell raw full=true/></dd> };
    let flavor = inst.flavor.clone().unwrap_or_default();
    let image = inst.image.clone().unwrap_or_default();
    view! {
        <section id="details" class="details-panel" aria-label="Instance details">
            <h2 class="instance-name"><ClampedText text=inst.name.clone() max=300/></h2>
            <dl class="fields">
                {field("ID", inst.id.clone())}
                {field("CRN", inst.crn.clone())}
                {field("Description", inst.description.clone())}
                <dt>"Status"</dt><dd>{status_badge(&inst)}</dd>
                {field("Power state", inst.power_state.clone())}
                {field("Task state", inst.task_state.clone())}
                {field("VM state", inst.vm_state.clone())}
                {field("Flavor", flavor.summary())}
                {field("Flavor ID", flavor.id.clone())}
                {field("Image", image.name.clone())}
                {field("Image ID", image.id.clone())}
                {field("Key names", inst.key_names.join(", "))}
                <dt>"Tags"</dt><dd><ClampedList items=inst.tags.clone() max=50/></dd>
                {field("Security groups", inst.security_groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>().join(", "))}
                {time("Created", inst.created_at.clone())}
                {time("Updated", inst.updated_at.clone())}
                {time("Launched", inst.launched_at.clone())}
                {time("Terminated", inst.terminated_at.clone())}
            </dl>
            {inst.shown_fault().cloned().map(|f| view! {
                <h3>"Fault"</h3>
                <dl class="fields error-fields">
                    {field("Code", f.code)}
                    {field("Message", f.message)}
                    {field("Details", f.details)}
                </dl>
                <p class="small">"Created " <TimeCell raw=f.created full=true/></p>
            })}
            <h3>"Addresses"</h3>
            <table class="kv"><thead><tr><th>"Network"</th><th>"Address"</th><th>"Version"</th><th>"Type"</th><th>"MAC"</th></tr></thead><tbody>
                {inst.addresses.iter().flat_map(|(net, list)| list.iter().map(move |a| view! {
                    <tr><td>{net.clone()}</td><td class="mono">{a.addr.clone()}</td>
                        <td>{a.version.map(|v| format!("IPv{v}")).unwrap_or_default()}</td>
                        <td>{a.kind.clone()}</td><td class="mono">{a.mac_addr.clone()}</td></tr>
                })).collect_view()}
            </tbody></table>
            <h3>"Volumes"</h3>
            <table class="kv"><thead><tr><th>"ID"</th><th>"Device"</th><th>"Deleted with the instance"</th></tr></thead><tbody>
                {inst.volumes_attached.iter().map(|v| view! {
                    <tr><td class="mono">{v.id.clone()}</td><td class="mono">{v.device.clone()}</td>
                        <td>{v.delete_on_termination.map(|b| if b { "yes" } else { "no" }).unwrap_or("—")}</td></tr>
                }).collect_view()}
            </tbody></table>
            <h3>"Metadata"</h3>
            <table class="kv"><thead><tr><th>"Key"</th><th>"Value"</th></tr></thead><tbody>
                {inst.metadata.iter().map(|(k, v)| view! { <tr><td>{k.clone()}</td><td>{v.clone()}</td></tr> }).collect_view()}
            </tbody></table>
        </section>
    }
}

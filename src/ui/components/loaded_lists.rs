//! Each service's "all loaded" list: its planner wired to the [`LoadAllPanel`], and how
//! its instances show in the [`VirtualTable`](super::virtual_table::VirtualTable)'s
//! columns (the columns are the service's [`TableRow`](crate::api::table_model::TableRow)
//! columns, by key).

use crate::api::lifecycle::State;
use crate::api::load_all::{BycloudLoadAll, ClouddcLoadAll, RomaLoadAll};
use crate::api::{bycloud, clouddc, roma};
use crate::ui::components::clamped_text::short_list;
use crate::ui::components::load_all_panel::{use_loaded_list, LoadAllPanel};
use crate::ui::components::virtual_table::Cell;
use crate::ui::pages::details_href;
use crate::ui::transport::Client;
use leptos::prelude::*;

fn joined(parts: impl IntoIterator<Item = String>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn name_or_placeholder(name: &str) -> String {
    if name.is_empty() {
        "(no name)".into()
    } else {
        name.to_owned()
    }
}

/// A CloudDC instance's cell; its name links to its details.
pub fn clouddc_cell(conn_id: &str, i: &clouddc::Instance, key: &str) -> Cell {
    let image = || i.image.as_ref();
    match key {
        "name" => Cell::Link {
            text: name_or_placeholder(&i.name),
            href: details_href(conn_id, &i.id),
        },
        "state" => {
            let s = State::parse(&i.state);
            Cell::Badge {
                text: i.state.clone(),
                tone: s.tone(),
                busy: s.is_transitional(),
                undocumented: !s.in_diagram(),
            }
        }
        "image" => Cell::Text(image().map(|m| m.name.clone()).unwrap_or_default()),
        "os_type" => Cell::Text(image().map(|m| m.os_type.clone()).unwrap_or_default()),
        "ipv4" => Cell::Mono(i.ipv4s().join(", ")),
        "vpc" => Cell::Mono(i.vpc_id.clone()),
        "launched" => Cell::Time(i.launched_at.clone()),
        "updated" => Cell::Time(i.updated_at.clone()),
        "created" => Cell::Time(i.created_at.clone()),
        "tags" => Cell::Text(short_list(
            &i.tags
                .iter()
                .take(9)
                .map(|t| format!("{}={}", t.key, t.value))
                .collect::<Vec<_>>(),
            8,
        )),
        "error" => Cell::Text(
            i.shown_error()
                .map(|e| format!("{} {}", e.error_code, e.error_msg))
                .unwrap_or_default(),
        ),
        "id" => Cell::Mono(i.id.clone()),
        _ => Cell::Text(String::new()),
    }
}

/// A ROMA Connect instance's cell.
pub fn roma_cell(i: &roma::Instance, key: &str) -> Cell {
    match key {
        "name" => Cell::Text(name_or_placeholder(&i.name)),
        "status" => Cell::Badge {
            text: i.status.clone(),
            tone: roma::tone(&i.status),
            busy: roma::is_transitional(&i.status),
            undocumented: !roma::is_documented(&i.status),
        },
        "flavor" => Cell::Text(i.flavor_type.clone()),
        "cpu_arch" => Cell::Text(i.cpu_arch.clone()),
        "vpc" => Cell::Mono(joined([i.vpc_id.clone(), i.subnet_id.clone()]).replace(", ", " / ")),
        "public_ip" => Cell::Mono(match i.publicip_enable {
            Some(false) => "disabled".into(),
            _ => i.publicip_address.clone(),
        }),
        "charging" => Cell::Text(i.charge_type.clone()),
        "maintenance" => Cell::Text(i.maintenance_window()),
        "azs" => Cell::Mono(i.available_zone_ids.join(", ")),
        "created" => Cell::Time(i.create_time.clone()),
        "updated" => Cell::Time(i.update_time.clone()),
        "creator" => Cell::Text(i.created_user.as_ref().map(roma::User::shown).unwrap_or_default()),
        "id" => Cell::Mono(i.id.clone()),
        _ => Cell::Text(String::new()),
    }
}

/// A ByCloud instance's cell.
pub fn bycloud_cell(i: &bycloud::Instance, key: &str) -> Cell {
    let flavor = || i.flavor.as_ref();
    let number = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    match key {
        "name" => Cell::Text(name_or_placeholder(&i.name)),
        "status" => Cell::Badge {
            text: i.status.clone(),
            tone: bycloud::tone(&i.status, &i.task_state),
            busy: bycloud::is_transitional(&i.status, &i.task_state),
            undocumented: !bycloud::STATUSES.contains(&i.status.as_str()) || i.status == "MIGRATING",
        },
        "power_state" => Cell::Text(i.power_state.clone()),
        "task_state" => Cell::Text(i.task_state.clone()),
        "flavor" => Cell::Text(flavor().map(|f| f.name.clone()).unwrap_or_default()),
        "vcpus" => Cell::Text(number(flavor().and_then(|f| f.vcpus))),
        "ram" => Cell::Text(
            flavor()
                .and_then(|f| f.ram)
                .map(|r| format!("{r} MiB"))
                .unwrap_or_default(),
        ),
        "image" => Cell::Text(i.image.as_ref().map(|m| m.name.clone()).unwrap_or_default()),
        "addresses" => Cell::Mono(joined(i.addresses.values().flatten().take(8).map(|a| a.addr.clone()))),
        "security_groups" => Cell::Text(joined(i.security_groups.iter().take(8).map(|g| g.name.clone()))),
        "tags" => Cell::Text(short_list(&i.tags[..i.tags.len().min(9)], 8)),
        "created" => Cell::Time(i.created_at.clone()),
        "updated" => Cell::Time(i.updated_at.clone()),
        "launched" => Cell::Time(i.launched_at.clone()),
        "id" => Cell::Mono(i.id.clone()),
        _ => Cell::Text(String::new()),
    }
}

/// "(state running)": the list's filter the walk keeps, in words.
fn scope_of(filters: &[(&str, String)]) -> Option<String> {
    let set: Vec<String> = filters
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    (!set.is_empty()).then(|| format!("Filtered by {}", set.join(", ")))
}

/// Every CloudDC instance the list's state filter selects, loaded 1,000 a page.
#[component]
pub fn ClouddcAllLoaded(
    client: Client,
    planner: ClouddcLoadAll,
    /// The filter the walk keeps (`state`), for the heading.
    #[prop(optional)]
    state: Option<String>,
    #[prop(into)] on_open: Callback<String>,
    #[prop(into)] on_back: Callback<()>,
) -> impl IntoView {
    let (conn, project, auth) = (
        client.conn.id.clone(),
        client.conn.project_id.clone(),
        client.auth.clone(),
    );
    let list = use_loaded_list(
        client,
        planner,
        move |q: &clouddc::ListQuery| q.request(&project, &auth),
        Box::new(move |i, key| clouddc_cell(&conn, i, key)),
    );
    let scope = scope_of(&[("state", state.unwrap_or_default())]);
    view! { <LoadAllPanel run=list.run rows=list.rows scope on_open on_back/> }
}

/// Every ROMA Connect instance the list's status filter selects, 100 a page, in parallel;
/// the selected one's details below.
#[component]
pub fn RomaAllLoaded(
    client: Client,
    planner: RomaLoadAll,
    #[prop(optional)] status: Option<String>,
    #[prop(into)] selected: Signal<Option<String>>,
    /// How the list shows an instance's details.
    details: fn(roma::Instance) -> AnyView,
    #[prop(into)] on_open: Callback<String>,
    #[prop(into)] on_back: Callback<()>,
) -> impl IntoView {
    let (project, auth) = (client.conn.project_id.clone(), client.auth.clone());
    let list = use_loaded_list(
        client,
        planner,
        move |q: &roma::OffsetQuery| q.request(&project, &auth),
        Box::new(roma_cell),
    );
    let scope = scope_of(&[("status", status.unwrap_or_default())]);
    let shown = Memo::new(move |_| selected.get().map(|id| (list.find(&id), id)));
    view! {
        <LoadAllPanel run=list.run rows=list.rows scope on_open on_back/>
        {move || shown.get().map(|(inst, id)| match inst {
            Some(inst) => details(inst),
            None => not_loaded(id),
        })}
    }
}

/// Every ByCloud instance the list's filters select, 500 a page; the selected one's
/// details below.
#[component]
pub fn ByCloudAllLoaded(
    client: Client,
    planner: BycloudLoadAll,
    #[prop(optional)] filters: Vec<(&'static str, String)>,
    #[prop(into)] selected: Signal<Option<String>>,
    details: fn(bycloud::Instance) -> AnyView,
    #[prop(into)] on_open: Callback<String>,
    #[prop(into)] on_back: Callback<()>,
) -> impl IntoView {
    let auth = client.auth.clone();
    let list = use_loaded_list(
        client,
        planner,
        move |q: &bycloud::MarkerQuery| q.request(&auth),
        Box::new(bycloud_cell),
    );
    let scope = scope_of(&filters);
    let shown = Memo::new(move |_| selected.get().map(|id| (list.find(&id), id)));
    view! {
        <LoadAllPanel run=list.run rows=list.rows scope on_open on_back/>
        {move || shown.get().map(|(inst, id)| match inst {
            Some(inst) => details(inst),
            None => not_loaded(id),
        })}
    }
}

fn not_loaded(id: String) -> AnyView {
    view! { <p class="notice">"Instance " <code>{id}</code> " is not among the instances loaded."</p> }.into_any()
}

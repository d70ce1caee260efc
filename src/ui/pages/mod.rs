//! One module per view.

pub mod bycloud_list;
pub mod connection_form;
pub mod connections;
pub mod imagesearch_lookup;
pub mod instance_details;
pub mod instance_list;
pub mod instance_status;
pub mod roma_list;

use crate::api::http::{encode_pairs, UrlQuery};
use crate::connection::Service;
use crate::ui::state::{AppState, ClientProblem};
use crate::ui::transport::Client;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// URL of a connection's instance list.
pub fn list_href(conn: &str) -> String {
    format!("/c/{}", crate::api::http::encode(conn))
}

/// URL of an instance's details.
pub fn details_href(conn: &str, id: &str) -> String {
    format!(
        "/c/{}/i/{}",
        crate::api::http::encode(conn),
        crate::api::http::encode(id)
    )
}

/// URL of an instance's live status.
pub fn status_href(conn: &str, id: &str) -> String {
    format!("{}/status", details_href(conn, id))
}

/// The connection's own view, by service: `/c/{connection}`.
#[component]
pub fn ConnectionPage() -> impl IntoView {
    let params = use_params_map();
    let conn_id = Signal::derive(move || params.read().get("conn").unwrap_or_default());
    view! {
        <WithClient conn_id child=move |client: Client| match client.conn.service {
            Service::CloudDc => view! { <instance_list::InstanceListPage client/> }.into_any(),
            Service::RomaConnect => view! { <roma_list::RomaListPage client/> }.into_any(),
            Service::ByCloud => view! { <bycloud_list::ByCloudListPage client/> }.into_any(),
            Service::ImageSearch => view! { <imagesearch_lookup::ImageSearchPage client/> }.into_any(),
        }/>
    }
}

/// The view's URL query as (key, value) pairs, reactive.
pub fn use_url_query() -> Memo<Vec<(String, String)>> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .read()
            .latest_values()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    })
}

/// Navigates to the connection's view with another URL query (a history entry each).
pub fn use_query_navigation(conn_id: String) -> Callback<String> {
    let navigate = use_navigate();
    Callback::new(move |query: String| {
        let sep = if query.is_empty() { "" } else { "?" };
        navigate(&format!("{}{sep}{query}", list_href(&conn_id)), Default::default());
    })
}

/// A list view's URL state: its page and filters (`Q`), the selected row (`selected=`),
/// and a callback that changes both (one history entry each).
pub struct ListUrl<Q: Send + Sync + 'static> {
    pub query: Memo<Q>,
    pub selected: Memo<Option<String>>,
    pub change: Callback<(Q, Option<String>)>,
}

pub fn use_list_url<Q>(conn_id: String) -> ListUrl<Q>
where
    Q: UrlQuery + PartialEq + Clone + Send + Sync + 'static,
{
    let url = use_url_query();
    let query = Memo::new(move |_| url.with(|p| Q::from_pairs(pairs_ref(p))));
    let selected = Memo::new(move |_| url.with(|p| p.iter().find(|(k, _)| k == "selected").map(|(_, v)| v.clone())));
    let go = use_query_navigation(conn_id);
    let change = Callback::new(move |(q, sel): (Q, Option<String>)| {
        let mut pairs = q.to_pairs();
        pairs.extend(sel.map(|id| ("selected", id)));
        go.run(encode_pairs(&pairs));
    });
    ListUrl {
        query,
        selected,
        change,
    }
}

/// Pairs as borrowed (key, value) for the `from_pairs` readers.
pub fn pairs_ref(pairs: &[(String, String)]) -> impl Iterator<Item = (&str, &str)> {
    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
}

/// Renders `child` with a client for the connection, or says why there is none
/// (no such connection, no token in this session, a service not available yet).
#[component]
pub fn WithClient<C, V>(#[prop(into)] conn_id: Signal<String>, child: C) -> impl IntoView
where
    C: Fn(Client) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = AppState::expect();
    let client = Memo::new(move |_| state.client(&conn_id.get()));
    move || {
        match client.get() {
        Ok(c) => child(c).into_any(),
        Err(ClientProblem::NoSuchConnection) => view! {
            <section class="notice" role="alert">
                <h2>"No such connection"</h2>
                <p>"There is no connection “" {conn_id.get()} "” in this browser. " <a href="/">"See your connections"</a> "."</p>
            </section>
        }
        .into_any(),
        Err(ClientProblem::NoToken) => {
            let href = format!("/connections/{}", crate::api::http::encode(&conn_id.get()));
            view! {
                <section class="notice" role="alert">
                    <h2>"Token needed"</h2>
                    <p>"This connection has no token in this browser session. " <a href=href>"Enter a token"</a> "."</p>
                </section>
            }
            .into_any()
        }
    }
    }
}

/// The heading line of a connection's views: its name, service and a Demo marker.
#[component]
pub fn ConnectionHeading(client: Client) -> impl IntoView {
    let service = client.conn.service;
    view! {
        <div class="conn-heading">
            <a class="conn-name" href=list_href(&client.conn.id)>{client.conn.name.clone()}</a>
            <span class="muted">{service_label(service)}</span>
            {client.conn.demo.then(|| view! { <span class="badge tone-busy simulated" title="Answered by a simulated cloud running inside this page">"Simulated"</span> })}
        </div>
    }
}

/// What a list shows, for every service: the page the URL names, or, after "Load all
/// pages", every page at once under the connection's heading. Which one is not kept in the
/// URL, so that a reload never starts a long walk by itself. `paged` is given the callback
/// that loads all pages; `all_loaded` the one that goes back to pages.
pub fn paged_or_all_loaded(
    client: Client,
    paged: Box<dyn Fn(Callback<()>) -> AnyView + Send + Sync>,
    all_loaded: Box<dyn Fn(Callback<()>) -> AnyView + Send + Sync>,
) -> impl IntoView {
    let all = RwSignal::new(false);
    let on_load_all = Callback::new(move |()| all.set(true));
    let on_back = Callback::new(move |()| all.set(false));
    move || {
        if all.get() {
            view! {
                <section class="instance-list">
                    <ConnectionHeading client=client.clone()/>
                    <h1>"Instances"</h1>
                    {all_loaded(on_back)}
                </section>
            }
            .into_any()
        } else {
            paged(on_load_all)
        }
    }
}

fn service_label(s: Service) -> &'static str {
    s.label()
}

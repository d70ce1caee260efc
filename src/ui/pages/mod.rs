//! One module per view.

pub mod connection_form;
pub mod connections;
pub mod instance_details;
pub mod instance_list;
pub mod instance_status;

use crate::connection::Service;
use crate::ui::state::{AppState, ClientProblem};
use crate::ui::transport::Client;
use leptos::prelude::*;

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
        Ok(c) if !c.conn.service.is_available() => view! {
            <section class="notice">
                <h2>{c.conn.name.clone()}</h2>
                <p>{format!("{} views are coming soon; only CloudDC is available in this version.", c.conn.service.label())}</p>
                <p><a href="/">"Back to connections"</a></p>
            </section>
        }
        .into_any(),
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

fn service_label(s: Service) -> &'static str {
    s.label()
}

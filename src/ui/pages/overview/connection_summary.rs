//! One connection on the overview: its instances by state category (one request, its
//! first page at the largest page size, refreshed like the lists), what that counts, its
//! reachability and when it was last updated. The counting (the service's request,
//! decoder and summary) is a part of its own ([`crate::ui::lazy`]), loaded once the
//! overview is up, so that the app's first part carries no decoder.

use crate::connection::Connection;
use crate::ui::components::category_bar::{CategoryBar, CategoryLink};
use crate::ui::components::time_cell::clock_label;
use crate::ui::hooks::use_api::{use_api_with_options, UseApiOptions};
use crate::ui::hooks::use_view_prefs::use_view_prefs;
use crate::ui::lazy::{lazy_view, maybe_lazy};
use crate::ui::links::{list_href, list_href_with};
use crate::ui::state::AppState;
use crate::ui::transport::Client;
use leptos::prelude::*;
use skyglass_core::overview::{overview_query, Summary};
use skyglass_core::service::{ListApi, ListPage};
use skyglass_core::services;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Each connection's latest figures, by connection id (what the overview's totals add up).
pub type Figures = RwSignal<BTreeMap<String, Summary>>;

#[component]
pub fn ConnectionSummary(conn: Connection, figures: Figures) -> impl IntoView {
    let state = AppState::expect();
    let id = conn.id.clone();
    let client = Memo::new({
        let id = id.clone();
        move |_| state.client(&id)
    });
    let forget = id.clone();
    on_cleanup(move || {
        figures.try_update(|f| f.remove(&forget));
    });
    let body = {
        let id = id.clone();
        move || {
            match client.get() {
            Ok(client) => {
                match client.conn.info().and_then(|i| i.list()) {
                    Some(_) => lazy_view(counts(client, figures)).into_any(),
                    None => view! {
                        <p class="muted small">"This service looks up one instance at a time by name: there is nothing to count. "
                            <a href=list_href(&client.conn.id)>"Look one up"</a></p>
                    }
                    .into_any(),
                }
            }
            Err(problem) => {
                let (text, href, action) = problem.remedy(&id, "/");
                view! { <p class="notice small" data-problem="credentials">{text} " " <a href=href>{action}</a></p> }
                    .into_any()
            }
        }
        }
    };
    let reach_id = id.clone();
    let reach = Memo::new(move |_| match state.reach(&reach_id) {
        None => ("unknown", "Not called yet in this tab".to_string()),
        Some(r) => match r.failure {
            None => ("ok", format!("Reachable: last call OK at {}", clock_label(r.at))),
            Some(f) => (
                "failed",
                format!("Unreachable: last call failed at {}: {f}", clock_label(r.at)),
            ),
        },
    });
    let service = conn.info().map_or("unknown service", |i| i.label);
    view! {
        <li class="overview-card" data-connection=id.clone()>
            <h3><a href=list_href(&id)>{conn.name.clone()}</a></h3>
            <p class="muted small">{service}</p>
            {body}
            <p class="small reach" data-reach=move || reach.get().0>{move || reach.get().1}</p>
        </li>
    }
}

maybe_lazy! {
    /// The counts of a list connection (nothing for another).
    [overview_counts] fn counts(client: Client, figures: Figures) -> AnyView {
        let key = client.conn.info().map(|i| i.key).unwrap_or_default();
        match services::list(key) {
            Some(api) => view! { <Counts client api figures/> }.into_any(),
            None => ().into_any(),
        }
    }
}

/// The counts of a list connection, from one request.
#[component]
fn Counts(client: Client, api: Arc<dyn ListApi>, figures: Figures) -> impl IntoView {
    let query = overview_query(api.list());
    let prefs = use_view_prefs(&client.conn.id, "overview");
    let (c, request_api, decode_api, q) = (client.clone(), api.clone(), api.clone(), query.clone());
    let call = use_api_with_options(
        move || Some((c.clone(), request_api.request(&q, &c.conn.project_id))),
        move |r| decode_api.decode(r),
        UseApiOptions {
            interval: prefs.interval().0,
            transitional: |p: &ListPage| p.transitional(),
            ..UseApiOptions::default()
        },
    );
    let conn_id = client.conn.id.clone();
    let limit = query.limit;
    let link: CategoryLink = Arc::new(move |c| {
        list_href_with(
            &conn_id,
            &[("limit", limit.to_string()), ("category", c.key().to_owned())],
        )
    });
    let summary = Memo::new(move |_| call.data.with(|d| d.as_ref().map(|p| Summary::of(p, &query))));
    let id = client.conn.id.clone();
    Effect::new(move |_| {
        if let Some(s) = summary.get() {
            figures.update(|f| {
                f.insert(id.clone(), s);
            });
        }
    });
    let name = client.conn.name.clone();
    move || {
        let error = call
            .error
            .get()
            .map(|e| view! { <p class="error-line small" role="alert">{e.title()}</p> });
        let updated = call.updated_at.get().map(|t| format!("Updated {}", clock_label(t)));
        match summary.get() {
            Some(s) => {
                let covers = s.covers();
                view! {
                    <CategoryBar summary=s label=format!("{name}'s instances") link=link.clone()/>
                    <p class="small covers">{covers}</p>
                    <p class="small muted updated">{updated}</p>
                    {error}
                }
                .into_any()
            }
            None if call.loading.get() => view! { <p class="muted small">"Loading…"</p> }.into_any(),
            None => view! { {error} }.into_any(),
        }
    }
}

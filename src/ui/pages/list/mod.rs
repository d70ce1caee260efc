//! The one list page every list service shares: `/c/{connection}`. Its page and filters
//! live in the URL; after "Load all pages" it shows every page at once (not kept in the
//! URL, so that a reload never starts a long walk by itself). A service without a list
//! (ImageSearch) gets its own view from [`crate::ui::services`].

mod list_view;
mod loaded_list;
mod paged_list;
mod prefetch;

pub use list_view::ListView;
pub use loaded_list::{walk_for, LoadedList};

use crate::ui::components::with_client::WithClient;
use crate::ui::hooks::use_list_url::{use_list_url, UseListUrlReturn};
use crate::ui::hooks::use_view_prefs::use_view_prefs;
use crate::ui::links::details_href;
use crate::ui::transport::Client;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use skyglass_core::service::{ListApi, Opens};
use skyglass_core::services;
use std::sync::Arc;

/// The connection's own view, by service: `/c/{connection}`.
#[component]
pub fn ConnectionPage() -> impl IntoView {
    let params = use_params_map();
    let conn_id = Signal::derive(move || params.read().get("conn").unwrap_or_default());
    view! {
        <WithClient conn_id child=move |client: Client| {
            let key = client.conn.info().map(|i| i.key).unwrap_or_default();
            match services::list(key) {
                Some(api) => view! { <ListPage client api/> }.into_any(),
                None => crate::ui::services::own_view(key, client),
            }
        }/>
    }
}

/// A list service's list, routed: reads the page and selection from the URL and writes
/// them back; opens a row's details (its page, or the panel below the list).
#[component]
fn ListPage(client: Client, api: Arc<dyn ListApi>) -> impl IntoView {
    let prefs = use_view_prefs(&client.conn.id, "list");
    let sizes = api.list().page_sizes;
    let preferred = Signal::derive(move || prefs.prefs.with(|p| p.page_size_in(sizes)));
    let UseListUrlReturn {
        query,
        selected,
        only,
        change,
    } = use_list_url(api.list(), client.conn.id.clone(), preferred);
    let navigate = use_navigate();
    let conn_id = client.conn.id.clone();
    let opens = api.list().opens;
    let on_open = Callback::new(move |id: String| match opens {
        Opens::Page => navigate(&details_href(&conn_id, &id), Default::default()),
        Opens::Panel => change.run((query.get_untracked(), Some(id))),
    });
    view! { <ListView client api query selected on_query=change on_open only prefs/> }
}

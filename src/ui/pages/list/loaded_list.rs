//! Every page of a list at once, for any list service: the load-all walk its paging
//! needs, driven by `use_load_all`, shown by the `LoadAllPanel`, with the details panel
//! below for services whose rows open there.

use super::paged_list::{own_origin, row_href};
use crate::ui::components::details_view::DetailsPanel;
use crate::ui::components::load_all_panel::LoadAllPanel;
use crate::ui::components::row_source::RowSource;
use crate::ui::components::unreadable_note::UnreadableNote;
use crate::ui::hooks::use_load_all::{use_load_all, SharedWalk};
use crate::ui::hooks::use_view_prefs::{use_view_prefs, UseViewPrefsReturn};
use crate::ui::transport::Client;
use leptos::prelude::*;
use skyglass_core::load_all::{plan, LoadAll};
use skyglass_core::service::{ListApi, ListQuery, Opens};
use skyglass_core::table::{Rows, Selection};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// "Filtered by state running": the list's filters the walk keeps, in words.
pub fn scope_of(filters: &[(&str, String)]) -> Option<String> {
    let set: Vec<String> = filters
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    (!set.is_empty()).then(|| format!("Filtered by {}", set.join(", ")))
}

/// The walk that loads every page of the list `base` filters, for `client`'s connection.
pub fn walk_for(api: &dyn ListApi, client: &Client, base: &ListQuery) -> Box<dyn LoadAll> {
    plan(api.list(), base, own_origin(&client.conn.base_url))
}

#[component]
pub fn LoadedList(
    client: Client,
    api: Arc<dyn ListApi>,
    /// The walk (see [`walk_for`]).
    walk: Box<dyn LoadAll>,
    /// What the walk loads, when the list's filters narrow it.
    #[prop(default = None)]
    scope: Option<String>,
    /// The list's URL query (the panel's row links keep it).
    #[prop(into)]
    query: Signal<ListQuery>,
    #[prop(into)] selected: Signal<Option<String>>,
    #[prop(into)] on_open: Callback<String>,
    #[prop(into)] on_back: Callback<()>,
    /// The view's preferences (the list's, for this connection, unless given).
    #[prop(optional)]
    prefs: Option<UseViewPrefsReturn>,
    /// The rows ticked (none yet, unless given).
    #[prop(optional)]
    ticked: Option<RwSignal<Selection>>,
) -> impl IntoView {
    let prefs = prefs.unwrap_or_else(|| use_view_prefs(&client.conn.id, "list"));
    let ticked = ticked.unwrap_or_else(|| RwSignal::new(Selection::new()));
    let list = api.list();
    let walk: SharedWalk = Rc::new(RefCell::new(walk));
    let run = use_load_all(client.clone(), api.clone(), walk.clone());
    let rows_of: Rc<dyn RowSource> = walk.clone();
    let source = StoredValue::new_local(rows_of);
    let specs = api.columns();
    let href = StoredValue::new_local(row_href(&*api, client.conn.id.clone(), query));
    let walk = StoredValue::new_local(walk);
    let reasons = Signal::derive(move || {
        run.progress.with(|p| p.rows);
        walk.with_value(|w| w.borrow().rows().unreadable().map(|u| u.describe()).collect::<Vec<_>>())
    });
    let panel = (list.opens == Opens::Panel).then_some({
        move || {
            run.progress.with(|p| p.rows);
            selected.get().map(|id| {
                let details = walk.with_value(|w| {
                    let w = w.borrow();
                    let rows = w.rows();
                    rows.details(rows.position(&id)?)
                });
                match details {
                    Some(details) => view! { <DetailsPanel details/> }.into_any(),
                    None => view! { <p class="notice">"Instance " <code>{id}</code> " is not among the instances loaded."</p> }.into_any(),
                }
            })
        }
    });
    view! {
        <LoadAllPanel run source specs prefs ticked href scope on_open on_back connection=client.conn.name.clone() service=api.info().key/>
        <UnreadableNote reasons/>
        {panel}
    }
}

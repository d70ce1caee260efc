//! A list, independent of the router (mounted directly by the browser tests): the page
//! its query names, or, after "Load all pages", every page at once. The rows ticked stay
//! ticked across pages, refreshes and the switch between the two. The view of every page
//! (the walk, the virtual table) is a part of its own ([`crate::ui::lazy`]), fetched in the
//! background after the first page is shown ([`super::prefetch`]) or by the first "Load all
//! pages", so that a list's first page does not wait for it.

use super::loaded_list::{scope_of, walk_for, LoadedList};
use super::paged_list::PagedList;
use crate::ui::components::connection_heading::ConnectionHeading;
use crate::ui::hooks::use_view_prefs::{use_view_prefs, UseViewPrefsReturn};
use crate::ui::lazy::{lazy_view, maybe_lazy};
use crate::ui::transport::Client;
use leptos::prelude::*;
use skyglass_core::service::{ListApi, ListQuery};
use skyglass_core::state::Category;
use skyglass_core::table::Selection;
use std::sync::Arc;

#[component]
pub fn ListView(
    client: Client,
    api: Arc<dyn ListApi>,
    #[prop(into)] query: Signal<ListQuery>,
    #[prop(into)] selected: Signal<Option<String>>,
    /// A new page or filters, and a selection.
    #[prop(into)]
    on_query: Callback<(ListQuery, Option<String>)>,
    /// Opens a row's details, by id.
    #[prop(into)]
    on_open: Callback<String>,
    /// Only rows in this state category (the paged view).
    #[prop(optional, into)]
    only: Signal<Option<Category>>,
    /// The view's preferences (its own, for this connection, unless given).
    #[prop(optional)]
    prefs: Option<UseViewPrefsReturn>,
) -> impl IntoView {
    let prefs = prefs.unwrap_or_else(|| use_view_prefs(&client.conn.id, "list"));
    let ticked = RwSignal::new(Selection::new());
    let all = RwSignal::new(false);
    let on_load_all = Callback::new(move |()| all.set(true));
    let on_back = Callback::new(move |()| all.set(false));
    move || {
        let (client, api) = (client.clone(), api.clone());
        if all.get() {
            let loaded = Loaded {
                query,
                selected,
                on_open,
                on_back,
                prefs,
                ticked,
            };
            lazy_view(loaded_list(client, api, loaded)).into_any()
        } else {
            view! { <PagedList client api query selected on_query on_open on_load_all only prefs ticked/> }.into_any()
        }
    }
}

/// What the view of every page is given, besides the connection and its service.
struct Loaded {
    query: Signal<ListQuery>,
    selected: Signal<Option<String>>,
    on_open: Callback<String>,
    on_back: Callback<()>,
    prefs: UseViewPrefsReturn,
    ticked: RwSignal<Selection>,
}

maybe_lazy! {
    /// Every page at once, walked from the list's current query.
    [loaded_list] fn loaded_list(client: Client, api: Arc<dyn ListApi>, loaded: Loaded) -> AnyView {
        let Loaded { query, selected, on_open, on_back, prefs, ticked } = loaded;
        let base = query.get_untracked();
        let walk = walk_for(&*api, &client, &base);
        let scope = scope_of(&base.filters);
        view! {
            <section class="instance-list">
                <ConnectionHeading client=client.clone()/>
                <h1>"Instances"</h1>
                <LoadedList client api walk scope query selected on_open on_back prefs=prefs ticked=ticked/>
            </section>
        }
        .into_any()
    }
}

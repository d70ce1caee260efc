//! All instances (`/all`): one table of every instance of every list connection, with the
//! columns that mean the same everywhere (name, state, connection, service, id,
//! addresses, created, tags; `skyglass_core::service::common_columns`) and a link to each
//! row's own view. Every connection loads all its pages at once, in parallel (each within
//! its own in-flight limit), and fails alone: its error shows in its group above the
//! table. Rows join as they arrive; the filter, sort, ticks, export and the virtual grid
//! are the loaded lists' own ([`LoadedTable`]).

mod connection_walk;

use crate::ui::components::loaded_table::LoadedTable;
use crate::ui::components::row_source::RowSource;
use crate::ui::components::virtual_table::HrefFn;
use crate::ui::hooks::use_view_prefs::use_view_prefs;
use crate::ui::links::{details_href, list_href_with};
use crate::ui::state::AppState;
use connection_walk::ConnectionWalk;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use skyglass_core::service::{common_columns, split_id, CommonRows, Opens};
use skyglass_core::table::Selection;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A row's own view: its details page, or its list with it selected.
fn href_of(opens: &HashMap<String, Opens>, id: &str) -> String {
    let (conn, instance) = split_id(id);
    match opens.get(conn) {
        Some(Opens::Panel) => list_href_with(conn, &[("selected", instance.to_owned())]),
        _ => details_href(conn, instance),
    }
}

#[component]
pub fn AllInstancesPage() -> impl IntoView {
    let state = AppState::expect();
    // The connections as the page opens (a connection added later joins on a reload).
    let connections = state.connections();
    let (listed, looked_up): (Vec<_>, Vec<_>) = connections
        .into_iter()
        .partition(|c| c.info().and_then(|i| i.list()).is_some());
    let opens: HashMap<String, Opens> = listed
        .iter()
        .filter_map(|c| Some((c.id.clone(), c.info()?.list()?.opens)))
        .collect();
    let rows = Rc::new(RefCell::new(CommonRows::new()));
    let arrived = RwSignal::new(0_u64);
    let source: Rc<dyn RowSource> = rows.clone();
    let source = StoredValue::new_local(source);
    let opens = StoredValue::new(opens);
    let href: HrefFn = Rc::new(move |id: &str| opens.with_value(|o| href_of(o, id)));
    let href = StoredValue::new_local(href);
    let navigate = use_navigate();
    let on_open = Callback::new(move |row: usize| {
        let id = source.with_value(|s| s.rows().id(row).to_owned());
        if !id.is_empty() {
            navigate(&opens.with_value(|o| href_of(o, &id)), Default::default());
        }
    });
    let prefs = use_view_prefs("all", "all-instances");
    let ticked = RwSignal::new(Selection::new());
    let groups = listed
        .into_iter()
        .map(|conn| view! { <ConnectionWalk conn rows=rows.clone() arrived/> })
        .collect_view();
    let skipped = (!looked_up.is_empty()).then(|| {
        let names: Vec<String> = looked_up.iter().map(|c| c.name.clone()).collect();
        view! {
            <p class="muted small">"Not included (they look up one instance at a time by name): " {names.join(", ")}</p>
        }
    });
    view! {
        <section class="all-instances">
            <h1>"All instances"</h1>
            <p class="lead">"Every instance of every connection, loaded in parallel. A connection that fails shows its error below; the others go on."</p>
            <ul class="walk-groups" aria-label="Connections">{groups}</ul>
            {skipped}
            <LoadedTable
                source
                specs=common_columns()
                prefs
                ticked
                href
                arrived
                on_open
                connection="all-connections"
                service="instances"
                label="All instances"
            />
        </section>
    }
}

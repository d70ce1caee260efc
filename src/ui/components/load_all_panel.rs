//! The "all loaded" view of a list: every page loaded by [`use_load_all`], with a progress
//! bar, a Cancel button, a filter over all the rows loaded, their count, and a
//! [`VirtualTable`] that sorts by any column. The rows are usable while loading continues.
//!
//! Nothing here is generic over the service except [`use_loaded_list`] and [`WalkRows`],
//! which wire a planner to the view.

use crate::api::http::ApiRequest;
use crate::api::load_all::LoadAll;
use crate::api::table_model::{load_status, showing, LoadState, ShownRows, TableRow};
use crate::ui::components::anomalies::AnomalyNotes;
use crate::ui::components::refresh_control::RetryBanner;
use crate::ui::components::virtual_table::{Cell, LoadedRows, VirtualTable};
use crate::ui::transport::Client;
use crate::ui::use_load_all::{use_load_all, PlannedWalk, UseLoadAllReturn, Walk};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::rc::Rc;

/// How a service shows one of its rows in a column (by key).
pub type CellFn<R> = Box<dyn Fn(&R, &'static str) -> Cell>;

/// A walk's rows as the table sees them.
pub struct WalkRows<P: LoadAll> {
    pub walk: Rc<RefCell<PlannedWalk<P>>>,
    pub cell: CellFn<P::Row>,
}

impl<P: LoadAll> LoadedRows for WalkRows<P>
where
    P::Row: TableRow,
{
    fn columns(&self) -> Vec<(&'static str, &'static str)> {
        P::Row::columns().iter().map(|c| (c.key, c.title)).collect()
    }
    fn take_new(&self, table: &mut ShownRows) -> bool {
        table.extend(self.walk.borrow().planner.rows())
    }
    fn toggle_sort(&self, table: &mut ShownRows, key: &str) {
        table.toggle_sort(self.walk.borrow().planner.rows(), key);
    }
    fn row_id(&self, row: usize) -> String {
        let walk = self.walk.borrow();
        walk.planner
            .rows()
            .get(row)
            .map(|r| r.row_id().to_owned())
            .unwrap_or_default()
    }
    fn cell(&self, row: usize, key: &'static str) -> Cell {
        let walk = self.walk.borrow();
        match walk.planner.rows().get(row) {
            Some(r) => (self.cell)(r, key),
            None => Cell::Text(String::new()),
        }
    }
}

/// A list loading every page: the walk under way, its rows (typed, for a details panel),
/// and the same rows for [`LoadAllPanel`].
pub struct LoadedList<P: LoadAll + 'static> {
    pub run: UseLoadAllReturn,
    pub walk: StoredValue<Rc<RefCell<PlannedWalk<P>>>, LocalStorage>,
    pub rows: StoredValue<Rc<dyn LoadedRows>, LocalStorage>,
}

impl<P: LoadAll + 'static> Clone for LoadedList<P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P: LoadAll + 'static> Copy for LoadedList<P> {}

impl<P: LoadAll + 'static> LoadedList<P> {
    /// The loaded row with this id (re-run when rows arrive).
    pub fn find(&self, id: &str) -> Option<P::Row>
    where
        P::Row: TableRow + Clone,
    {
        self.run.progress.with(|p| p.rows);
        self.walk
            .with_value(|w| w.borrow().planner.rows().iter().find(|r| r.row_id() == id).cloned())
    }
}

/// Starts loading every page `planner` plans, each query sent as `request` makes it; the
/// rows shown with `cell`. Stops when the view goes.
pub fn use_loaded_list<P>(
    client: Client,
    planner: P,
    request: impl Fn(&P::Query) -> ApiRequest + 'static,
    cell: CellFn<P::Row>,
) -> LoadedList<P>
where
    P: LoadAll + 'static,
    P::Page: DeserializeOwned,
    P::Row: TableRow,
{
    let walk = Rc::new(RefCell::new(PlannedWalk::new(planner, request)));
    let erased: Rc<RefCell<dyn Walk>> = walk.clone();
    let run = use_load_all(client, erased);
    let rows: Rc<dyn LoadedRows> = Rc::new(WalkRows {
        walk: walk.clone(),
        cell,
    });
    LoadedList {
        run,
        walk: StoredValue::new_local(walk),
        rows: StoredValue::new_local(rows),
    }
}

#[component]
pub fn LoadAllPanel(
    run: UseLoadAllReturn,
    rows: StoredValue<Rc<dyn LoadedRows>, LocalStorage>,
    /// What is being loaded, when the list's filters narrow it ("state running").
    #[prop(default = None)]
    scope: Option<String>,
    /// Enter or a double click on a row: its instance id.
    #[prop(into)]
    on_open: Callback<String>,
    /// "Back to pages" (the walk is cancelled first).
    #[prop(into)]
    on_back: Callback<()>,
) -> impl IntoView {
    let table = StoredValue::new_local(ShownRows::new());
    let version = RwSignal::new(0_u64);
    let bump = move || version.update(|v| *v += 1);
    let sort = RwSignal::new(None::<(&'static str, bool)>);
    let selected = RwSignal::new(None::<usize>);
    let loaded = RwSignal::new(0_usize);
    // Rows join the table as pages arrive.
    Effect::new(move |_| {
        run.progress.with(|p| p.rows);
        let changed = rows
            .with_value(|r| table.try_update_value(|t| r.take_new(t)))
            .unwrap_or(false);
        if changed {
            loaded.set(table.with_value(ShownRows::len));
            bump();
        }
    });
    let on_filter = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if table.try_update_value(|t| t.set_filter(&text)) == Some(true) {
            bump();
        }
    };
    let on_sort = Callback::new(move |key: &'static str| {
        rows.with_value(|r| table.update_value(|t| r.toggle_sort(t, key)));
        sort.set(table.with_value(ShownRows::sorted_by));
        bump();
    });
    let open = Callback::new(move |row: usize| {
        let id = rows.with_value(|r| r.row_id(row));
        if !id.is_empty() {
            on_open.run(id);
        }
    });
    let state = run.state;
    let loading = move || state.get() == LoadState::Loading;
    let status = move || run.progress.with(|p| load_status(state.get(), p));
    let count = move || {
        version.track();
        showing(table.with_value(|t| t.shown().len()), loaded.get())
    };
    // While loading: the progress bar (indeterminate until a total is known) and Cancel.
    let loading_controls = move || {
        loading().then(|| {
            let value = move || run.progress.with(|p| p.rows_total.map(|_| p.rows.to_string()));
            let max = move || run.progress.with(|p| p.rows_total.map(|t| t.max(1).to_string()));
            view! {
                <progress aria-label="Loading all pages" value=value max=max></progress>
                <button type="button" on:click=move |_| run.cancel.run(())>"Cancel"</button>
            }
        })
    };
    let notes = Signal::derive(move || {
        run.anomalies
            .get()
            .into_iter()
            .filter(|a| !a.stops_paging())
            .collect::<Vec<_>>()
    });
    view! {
        <div class="load-all" data-load-state=move || state.get().as_str()>
            <div class="load-all-bar">
                <p class="load-status" role="status" class:error=move || matches!(state.get(), LoadState::Failed | LoadState::Stopped)>
                    {status}
                </p>
                {loading_controls}
                {scope.map(|s| view! { <span class="muted small">{s}</span> })}
                <span class="spacer"></span>
                <button type="button" on:click=move |_| { run.cancel.run(()); on_back.run(()) }>"Back to pages"</button>
            </div>
            <RetryBanner retry=run.retry/>
            <AnomalyNotes anomalies=notes/>
            <div class="toolbar">
                <input
                    type="search"
                    class="load-all-filter"
                    aria-label="Filter loaded instances"
                    placeholder="Filter: name, id, IP, tag, state"
                    autocomplete="off"
                    on:input=on_filter
                />
                <span class="vtable-count" aria-live="polite">{count}</span>
            </div>
            <VirtualTable
                rows
                table
                version
                sort
                on_sort
                selected
                on_open=open
                label="Loaded instances"
            />
        </div>
    }
}

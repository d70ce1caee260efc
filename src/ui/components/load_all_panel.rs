//! The "all loaded" view of a list: every page loaded by
//! [`use_load_all`](crate::ui::hooks::use_load_all::use_load_all), with a progress bar, a
//! Cancel button, and the rows in a [`LoadedTable`] (filter, count, sort by any column,
//! ticks, export). The rows are usable while loading continues. Nothing here knows the
//! service: the rows come through a [`RowSource`], the columns as specs.

use crate::ui::components::anomalies::AnomalyNotes;
use crate::ui::components::loaded_table::LoadedTable;
use crate::ui::components::refresh_control::RetryBanner;
use crate::ui::components::row_source::RowSource;
use crate::ui::components::virtual_table::HrefFn;
use crate::ui::hooks::use_load_all::UseLoadAllReturn;
use crate::ui::hooks::use_view_prefs::UseViewPrefsReturn;
use leptos::prelude::*;
use skyglass_core::service::ColumnSpec;
use skyglass_core::table::{load_status, LoadState, Selection};
use std::rc::Rc;

#[component]
pub fn LoadAllPanel(
    run: UseLoadAllReturn,
    /// The walk's rows.
    source: StoredValue<Rc<dyn RowSource>, LocalStorage>,
    /// The service's columns, and the view's preferences (which are shown).
    specs: Vec<ColumnSpec>,
    prefs: UseViewPrefsReturn,
    /// The rows ticked.
    ticked: RwSignal<Selection>,
    /// A row's own view, by id.
    href: StoredValue<HrefFn, LocalStorage>,
    /// What is being loaded, when the list's filters narrow it ("state running").
    #[prop(default = None)]
    scope: Option<String>,
    /// Enter or a double click on a row: its instance id.
    #[prop(into)]
    on_open: Callback<String>,
    /// "Back to pages" (the walk is cancelled first).
    #[prop(into)]
    on_back: Callback<()>,
    /// The connection's name and the service's key (export file names).
    #[prop(into)]
    connection: String,
    service: &'static str,
) -> impl IntoView {
    let open = Callback::new(move |row: usize| {
        let id = source.with_value(|s| s.rows().id(row).to_owned());
        if !id.is_empty() {
            on_open.run(id);
        }
    });
    let arrived = Signal::derive(move || run.progress.with(|p| p.rows));
    let state = run.state;
    let loading = move || state.get() == LoadState::Loading;
    let status = move || run.progress.with(|p| load_status(state.get(), p));
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
            <LoadedTable source specs prefs ticked href arrived on_open=open connection service label="Loaded instances"/>
        </div>
    }
}

//! The "all loaded" view of a list: every page loaded by
//! [`use_load_all`](crate::ui::hooks::use_load_all::use_load_all), with a progress bar, a
//! Cancel button, a filter over all the rows loaded, their count, and a [`VirtualTable`]
//! that sorts by any column. The rows are usable while loading continues. Nothing here
//! knows the service: the rows come through a [`RowSource`], the columns as specs.

use crate::ui::components::anomalies::AnomalyNotes;
use crate::ui::components::export_menu::{rows_label, ExportChoice, ExportMenu};
use crate::ui::components::refresh_control::RetryBanner;
use crate::ui::components::row_source::RowSource;
use crate::ui::components::virtual_table::{HrefFn, VirtualTable};
use crate::ui::hooks::use_load_all::UseLoadAllReturn;
use leptos::prelude::*;
use skyglass_core::service::ColumnSpec;
use skyglass_core::table::{load_status, showing, LoadState, ShownRows};
use std::rc::Rc;

#[component]
pub fn LoadAllPanel(
    run: UseLoadAllReturn,
    /// The walk's rows.
    source: StoredValue<Rc<dyn RowSource>, LocalStorage>,
    /// The columns shown (index in the service's columns, spec).
    columns: Vec<(usize, ColumnSpec)>,
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
    let table = StoredValue::new_local(ShownRows::new());
    let version = RwSignal::new(0_u64);
    let bump = move || version.update(|v| *v += 1);
    let sort = RwSignal::new(None::<(usize, bool)>);
    let selected = RwSignal::new(None::<usize>);
    let loaded = RwSignal::new(0_usize);
    // Rows join the table as pages arrive.
    Effect::new(move |_| {
        run.progress.with(|p| p.rows);
        let changed = source
            .with_value(|s| table.try_update_value(|t| t.extend(&*s.rows())))
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
    let on_sort = Callback::new(move |column: usize| {
        source.with_value(|s| {
            let rows = s.rows();
            table.update_value(|t| {
                t.toggle_sort(&*rows, column);
            })
        });
        sort.set(table.with_value(ShownRows::sorted_by));
        bump();
    });
    let open = Callback::new(move |row: usize| {
        let id = source.with_value(|s| s.rows().id(row).to_owned());
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
    let export_columns = StoredValue::new(columns.clone());
    let export = move |all: bool| {
        Rc::new(move |format| {
            let text = export_columns.with_value(|cols| {
                let cols: Vec<_> = cols.iter().map(|(i, c)| (*i, c)).collect();
                source.with_value(|s| {
                    let rows = s.rows();
                    // Everything in the order it was loaded, or what the filter and sort show.
                    let positions: Vec<usize> = if all {
                        (0..rows.len()).collect()
                    } else {
                        table.with_value(|t| t.shown().to_vec())
                    };
                    skyglass_core::export::write(format, &*rows, &cols, &positions)
                })
            });
            Some(text)
        }) as Rc<dyn Fn(skyglass_core::export::Format) -> Option<String>>
    };
    let choices = vec![
        ExportChoice {
            label: Signal::derive(move || {
                version.track();
                rows_label("The rows shown", table.with_value(|t| t.shown().len()))
            }),
            what: Signal::stored("shown".to_string()),
            write: export(false),
        },
        ExportChoice {
            label: Signal::derive(move || rows_label("Everything loaded", loaded.get())),
            what: Signal::stored("loaded".to_string()),
            write: export(true),
        },
    ];
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
                <ExportMenu connection service choices/>
            </div>
            <VirtualTable
                source
                columns
                href
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

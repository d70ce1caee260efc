//! Rows held in the page (a load-all walk's, every connection's), shown in a
//! [`VirtualTable`]: a filter over all of them, their count, the view settings (columns,
//! density), boxes to tick (all shown at once, too) and an export of what is shown,
//! ticked or loaded. Rows join as they arrive (`arrived` changes). Nothing here knows the
//! service: rows come through a [`RowSource`], the columns as specs.

use crate::ui::components::column_chooser::ColumnChooser;
use crate::ui::components::export_menu::{rows_label, ExportChoice, ExportMenu, Writer};
use crate::ui::components::row_source::RowSource;
use crate::ui::components::selection_bar::SelectionBar;
use crate::ui::components::virtual_table::{HrefFn, VirtualTable};
use crate::ui::hooks::use_view_prefs::UseViewPrefsReturn;
use leptos::prelude::*;
use skyglass_core::export::Format;
use skyglass_core::service::ColumnSpec;
use skyglass_core::table::{showing, Selection, ShownRows};
use std::rc::Rc;

/// Which rows an export writes.
#[derive(Clone, Copy)]
enum Which {
    Shown,
    Ticked,
    All,
}

#[component]
pub fn LoadedTable(
    source: StoredValue<Rc<dyn RowSource>, LocalStorage>,
    /// Every column of the rows, in their order.
    specs: Vec<ColumnSpec>,
    prefs: UseViewPrefsReturn,
    ticked: RwSignal<Selection>,
    href: StoredValue<HrefFn, LocalStorage>,
    /// Changes whenever rows arrive.
    #[prop(into)]
    arrived: Signal<u64>,
    /// Enter or a double click on a row: its row index.
    #[prop(into)]
    on_open: Callback<usize>,
    /// The export file names' connection and service.
    #[prop(into)]
    connection: String,
    service: &'static str,
    #[prop(into)] label: String,
) -> impl IntoView {
    let table = StoredValue::new_local(ShownRows::new());
    let version = RwSignal::new(0_u64);
    let bump = move || version.update(|v| *v += 1);
    let sort = RwSignal::new(None::<(usize, bool)>);
    let selected = RwSignal::new(None::<usize>);
    let loaded = RwSignal::new(0_usize);
    Effect::new(move |_| {
        arrived.track();
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
    let count = move || {
        version.track();
        showing(table.with_value(|t| t.shown().len()), loaded.get())
    };
    let chooser_specs = specs.clone();
    let columns = Memo::new(move |_| prefs.prefs.with(|p| p.shown(&specs)));
    let export = move |which: Which| {
        Rc::new(move |write: Writer, format: Format| {
            let cols = columns.get_untracked();
            source.with_value(|s| {
                let rows = s.rows();
                // Everything in the order it was loaded, or what the filter and sort show.
                let positions: Vec<usize> = match which {
                    Which::All => (0..rows.len()).collect(),
                    Which::Shown => table.with_value(|t| t.shown().to_vec()),
                    Which::Ticked => ticked.with_untracked(|t| {
                        table.with_value(|v| v.shown().iter().copied().filter(|&r| t.contains(rows.id(r))).collect())
                    }),
                };
                (!positions.is_empty() || !matches!(which, Which::Ticked))
                    .then(|| write(format, &*rows, &cols, &positions))
            })
        }) as Rc<dyn Fn(Writer, Format) -> Option<String>>
    };
    let choices = vec![
        ExportChoice {
            label: Signal::derive(move || {
                version.track();
                rows_label("The rows shown", table.with_value(|t| t.shown().len()))
            }),
            what: Signal::stored("shown".to_string()),
            write: export(Which::Shown),
        },
        ExportChoice {
            label: Signal::derive(move || rows_label("The selected rows", ticked.with(Selection::len))),
            what: Signal::stored("selected".to_string()),
            write: export(Which::Ticked),
        },
        ExportChoice {
            label: Signal::derive(move || rows_label("Everything loaded", loaded.get())),
            what: Signal::stored("loaded".to_string()),
            write: export(Which::All),
        },
    ];
    let tick_shown = move |on: bool| {
        source.with_value(|s| {
            let rows = s.rows();
            table.with_value(|t| ticked.update(|sel| sel.set_all(t.shown().iter().map(|&r| rows.id(r)), on)));
        })
    };
    let density = move || format!("density-{}", prefs.prefs.with(|p| p.density.key()));
    let grid = move || {
        let columns = columns.get();
        view! { <VirtualTable source columns href table version sort on_sort selected on_open ticked label=label.clone()/> }
    };
    view! {
        <div class="toolbar">
            <input
                type="search"
                class="load-all-filter"
                data-shortcut="filter"
                aria-keyshortcuts="/"
                aria-label="Filter loaded instances"
                placeholder="Filter: name, id, IP, tag, state"
                autocomplete="off"
                on:input=on_filter
            />
            <span class="vtable-count" aria-live="polite">{count}</span>
            <button type="button" on:click=move |_| tick_shown(true)>"Select all shown"</button>
            <ColumnChooser specs=chooser_specs prefs/>
            <ExportMenu connection service choices/>
        </div>
        <SelectionBar ticked/>
        <div class=density>{grid}</div>
    }
}

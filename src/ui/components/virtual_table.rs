//! A virtualized table: only the rows in view (and a few above and below) are in the DOM,
//! each a fixed height, so 100,000 rows scroll as smoothly as 100. Column headers sort
//! (click; again to reverse); the keyboard moves the selection (Up/Down/PageUp/PageDown/
//! Home/End, scrolled into view) and Enter opens the selected row.
//!
//! The component is not generic over the service: it reads [`Rows`](skyglass_core::table::Rows)
//! through a [`RowSource`] and shows the service's columns, so its code exists once.

use super::cell_dom::{set_styles, Clock};
use super::grid_rows::{mark_selected, reconcile, Batch, RenderedRow, RowLayout};
use super::row_source::RowSource;
use super::ticks::{sync_ticks, with_ticks};
use crate::ui::hooks::use_display_settings::use_display_settings;
use leptos::html;
use leptos::prelude::*;
use skyglass_core::prefs::TimeZone;
use skyglass_core::service::{ColumnSpec, Meaning};
use skyglass_core::table::{
    move_selection, page_rows, scroll_to_reveal, total_height, visible_range, Move, Selection, ShownRows,
};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Height of a row, in px (the CSS follows it: `.vtable-row`).
pub const ROW_HEIGHT: f64 = 32.0;
/// Height of the header row, in px.
pub const HEADER_HEIGHT: f64 = 36.0;
/// Rows rendered above and below the viewport.
pub const OVERSCAN: usize = 3;
/// Width of the column of boxes to tick, in px.
pub const TICK_WIDTH: u16 = 36;

/// A row's own view, by its id.
pub type HrefFn = Rc<dyn Fn(&str) -> String>;

#[component]
pub fn VirtualTable(
    /// Where the rows are.
    source: StoredValue<Rc<dyn RowSource>, LocalStorage>,
    /// The columns shown: their index in the service's columns, and what they are.
    columns: Vec<(usize, ColumnSpec)>,
    /// A row's own view (its name links there).
    href: StoredValue<HrefFn, LocalStorage>,
    /// What is shown of them (filtered, sorted).
    table: StoredValue<ShownRows, LocalStorage>,
    /// Changes whenever `table`'s shown rows change.
    #[prop(into)]
    version: Signal<u64>,
    /// The sort in force: a column (index) and whether it is descending.
    #[prop(into)]
    sort: Signal<Option<(usize, bool)>>,
    /// A column header was clicked (its column index).
    #[prop(into)]
    on_sort: Callback<usize>,
    /// The selected row (index into the rows loaded).
    selected: RwSignal<Option<usize>>,
    /// Enter (or a double click) on a row.
    #[prop(into)]
    on_open: Callback<usize>,
    #[prop(into)] label: String,
    /// Rows can be ticked: the selection (by id).
    #[prop(optional)]
    ticked: Option<RwSignal<Selection>>,
) -> impl IntoView {
    let widths: Vec<u16> = ticked
        .map(|_| TICK_WIDTH)
        .into_iter()
        .chain(columns.iter().map(|(_, c)| c.width))
        .collect();
    let template: String = widths.iter().map(|w| format!("{w}px")).collect::<Vec<_>>().join(" ");
    let width: u32 = widths.iter().map(|w| u32::from(*w)).sum();
    let name_column = columns
        .iter()
        .find(|(_, c)| c.meaning == Meaning::Name)
        .map(|(i, _)| *i);
    // The layout virtualization depends on is set on the elements (through the CSSOM, which
    // the Content-Security-Policy allows, unlike style attributes), so that it holds
    // without the stylesheet.
    let layout = StoredValue::new_local(RowLayout {
        height: format!("{ROW_HEIGHT}px"),
        columns: template,
        width: format!("{width}px"),
    });
    let shown_columns = StoredValue::new(columns.iter().map(|(i, _)| *i).collect::<Vec<_>>());
    let viewport = NodeRef::<html::Div>::new();
    let scroll_top = RwSignal::new(0.0_f64);
    let viewport_height = RwSignal::new(480.0_f64);
    let body_height = move || (viewport_height.get() - HEADER_HEIGHT).max(ROW_HEIGHT);
    let count = Memo::new(move |_| {
        version.track();
        table.with_value(|t| t.shown().len())
    });
    let window = Memo::new(move |_| visible_range(scroll_top.get(), body_height(), ROW_HEIGHT, count.get(), OVERSCAN));
    let items = move || {
        version.track();
        let r = window.get();
        table.with_value(|t| {
            let shown = t.shown();
            let end = r.end.min(shown.len());
            let start = r.start.min(end);
            (start..end).map(|pos| (pos, shown[pos])).collect::<Vec<_>>()
        })
    };
    // Measure the viewport once it is in the page, and again when the window resizes.
    let read_scroll = move |el: &web_sys::HtmlDivElement| {
        let top = f64::from(el.scroll_top());
        scroll_top.maybe_update(|t| std::mem::replace(t, top) != top);
    };
    let measure = move || {
        if let Some(el) = viewport.get_untracked() {
            let height = f64::from(el.client_height());
            viewport_height.maybe_update(|h| std::mem::replace(h, height) != height);
            read_scroll(&el);
        }
    };
    // Scrolling reads the scroll position alone (the height only changes on a resize).
    let on_scroll = move |_| {
        if let Some(el) = viewport.get_untracked() {
            read_scroll(&el);
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // The table shrank under the scroll position (a narrower filter): the browser clamps it.
    Effect::new(move |_| {
        count.track();
        measure();
    });

    let reveal = move |pos: usize| {
        let Some(el) = viewport.get_untracked() else { return };
        let top = f64::from(el.scroll_top());
        if let Some(to) = scroll_to_reveal(pos, top, body_height(), ROW_HEIGHT) {
            el.set_scroll_top(to.round() as i32);
            measure();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        let position = move || {
            selected
                .get_untracked()
                .and_then(|r| table.with_value(|t| t.position_of(r)))
        };
        if key == "Enter" {
            if let (Some(row), Some(_)) = (selected.get_untracked(), position()) {
                ev.prevent_default();
                on_open.run(row);
            }
            return;
        }
        let Some(mv) = Move::from_key(&key) else { return };
        ev.prevent_default();
        let page = page_rows(body_height(), ROW_HEIGHT);
        if let Some(pos) = move_selection(position(), mv, count.get_untracked(), page) {
            selected.set(table.with_value(|t| t.row_at(pos)));
            reveal(pos);
        }
    };
    let focus = move || {
        if let Some(el) = viewport.get_untracked() {
            let _ = el.focus();
        }
    };

    let tick_header = ticked.map(|_| {
        view! { <div class="vtable-header-cell cell-tick" role="columnheader"><span class="visually-hidden">"Selected"</span></div> }
    });
    let header = columns
        .iter()
        .map(|&(index, spec)| {
            let aria_sort = move || match sort.get() {
                Some((c, false)) if c == index => "ascending",
                Some((c, true)) if c == index => "descending",
                _ => "none",
            };
            view! {
                <div class="vtable-header-cell" role="columnheader" aria-sort=aria_sort data-key=spec.key>
                    <button type="button" on:click=move |_| on_sort.run(index)>{spec.title}</button>
                </div>
            }
        })
        .collect_view();

    // The rows in view, built directly in the DOM (see `grid_rows`).
    let body = NodeRef::<html::Div>::new();
    let rendered = StoredValue::new_local(Vec::<RenderedRow>::new());
    let fresh = StoredValue::new(true);
    let zone = use_display_settings().zone;
    Effect::new(move |shown_zone: Option<TimeZone>| {
        let wanted = items();
        let zone = zone.get();
        let Some(body) = body.get() else { return zone };
        if shown_zone.is_some_and(|z| z != zone) {
            // Times are shown in another zone now: every row is rebuilt.
            rendered.update_value(|done| done.drain(..).for_each(|(_, el)| el.remove()));
        }
        if fresh.try_update_value(|f| std::mem::replace(f, false)) == Some(true) {
            // A grid drawn again (other columns) may get the body element of the one
            // before it, rows and all: they are not this grid's.
            body.set_inner_html("");
        }
        let selected = selected.get_untracked();
        let doc = document();
        let clock = Clock::now();
        source.with_value(|s| {
            let rows = s.rows();
            shown_columns.with_value(|columns| {
                layout.with_value(|layout| {
                    href.with_value(|href| {
                        with_ticks(ticked, |ticks| {
                            let batch = Batch {
                                doc: &doc,
                                clock: &clock,
                                rows: &*rows,
                                columns,
                                layout,
                                href: &**href,
                                ticked: ticks.map(|t| (t, name_column)),
                            };
                            rendered.update_value(|done| reconcile(&body, done, &wanted, &batch, ROW_HEIGHT, selected))
                        })
                    })
                })
            })
        });
        zone
    });
    Effect::new(move |previous: Option<Option<usize>>| {
        let now = selected.get();
        rendered.with_value(|done| {
            for ((_, row), el) in done {
                if Some(*row) == now || Some(*row) == previous.flatten() {
                    mark_selected(el, Some(*row) == now);
                }
            }
        });
        now
    });
    // Which row a click was on (`data-row` of the row element around its target).
    let row_of = |ev: &leptos::ev::MouseEvent| -> Option<usize> {
        let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
        target
            .closest(".vtable-row")
            .ok()??
            .get_attribute("data-row")?
            .parse()
            .ok()
    };
    // The boxes follow the selection.
    Effect::new(move |_| {
        let Some(ticked) = ticked else { return };
        ticked.with(|t| {
            rendered.with_value(|done| sync_ticks(&done.iter().map(|(_, el)| el.clone()).collect::<Vec<_>>(), t))
        });
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let on_box = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.class_list().contains("tick"));
        if let (true, Some(ticked), Some(row)) = (on_box, ticked, row_of(&ev)) {
            source.with_value(|s| {
                let rows = s.rows();
                let id = rows.id(row).to_owned();
                let order: Vec<&str> = table.with_value(|t| t.shown().iter().map(|&r| rows.id(r)).collect());
                ticked.update(|t| t.click(&order, &id, ev.shift_key()));
            });
            return;
        }
        if let Some(row) = row_of(&ev) {
            selected.set(Some(row));
            focus();
        }
    };
    let on_dblclick = move |ev: leptos::ev::MouseEvent| {
        if let Some(row) = row_of(&ev) {
            on_open.run(row);
        }
    };

    // The layout virtualization depends on, set once the elements exist (and the body's
    // height whenever the row count changes).
    let header_row = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let (Some(v), Some(h), Some(b)) = (viewport.get(), header_row.get(), body.get()) else {
            return;
        };
        layout.with_value(|l| {
            set_styles(
                &v,
                &[
                    ("position", "relative"),
                    ("overflow", "auto"),
                    ("height", "70vh"),
                    ("min-height", "12rem"),
                    ("max-height", "44rem"),
                ],
            );
            let header_height = format!("{HEADER_HEIGHT}px");
            set_styles(
                &h,
                &[
                    ("position", "sticky"),
                    ("top", "0"),
                    ("z-index", "1"),
                    ("height", &header_height),
                    ("display", "grid"),
                    ("grid-template-columns", &l.columns),
                    ("width", &l.width),
                ],
            );
            set_styles(&b, &[("position", "relative"), ("width", &l.width)]);
        });
        measure();
    });
    Effect::new(move |_| {
        let height = format!("{}px", total_height(count.get(), ROW_HEIGHT));
        if let Some(b) = body.get() {
            set_styles(&b, &[("height", &height)]);
        }
    });

    view! {
        <div
            class="vtable-viewport"
            role="grid"
            aria-label=label
            aria-rowcount=move || count.get()
            aria-colcount=shown_columns.with_value(Vec::len) + usize::from(ticked.is_some())
            tabindex="0"
            node_ref=viewport
            on:scroll=on_scroll
            on:keydown=on_key
        >
            <div class="vtable-header" role="row" node_ref=header_row>
                {tick_header}
                {header}
            </div>
            <div class="vtable-body" role="rowgroup" node_ref=body on:click=on_click on:dblclick=on_dblclick></div>
        </div>
    }
}

//! One page of a list, for any list service: toolbar (filters, page size, load all,
//! refresh), banners, the table, notes (unreadable instances, paging anomalies), the
//! marker or numbered pager, and the details panel for services whose rows open below.

use crate::ui::components::anomalies::AnomalyNotes;
use crate::ui::components::call_banners::CallBanners;
use crate::ui::components::column_chooser::ColumnChooser;
use crate::ui::components::connection_heading::ConnectionHeading;
use crate::ui::components::details_view::DetailsPanel;
use crate::ui::components::export_menu::{rows_label, ExportChoice, ExportMenu, Writer};
use crate::ui::components::filter_bar::FilterBar;
use crate::ui::components::page_size::PageSizeSelect;
use crate::ui::components::pager::{NumberedPager, Pager};
use crate::ui::components::refresh_control::RefreshControl;
use crate::ui::components::rows_table::RowsTable;
use crate::ui::components::selection_bar::{kept_rows, SelectionBar};
use crate::ui::components::unreadable_note::UnreadableNote;
use crate::ui::components::virtual_table::HrefFn;
use crate::ui::hooks::use_api::{use_api_with_options, UseApiOptions};
use crate::ui::hooks::use_list_url::with_selected;
use crate::ui::hooks::use_paging_anomalies::use_paging_anomalies;
use crate::ui::hooks::use_view_prefs::UseViewPrefsReturn;
use crate::ui::links::{details_href, list_href_with};
use crate::ui::transport::Client;
use leptos::prelude::*;
use skyglass_core::paging::{self, origin_of, Anomaly, Trail};
use skyglass_core::service::{ListApi, ListPage, ListQuery, Opens, Paging};
use skyglass_core::state::Category;
use skyglass_core::table::{in_category, Rows, Selection};
use std::rc::Rc;
use std::sync::Arc;

/// The origin the connection calls: its base URL's, or this page's for a proxy path.
pub fn own_origin(base_url: &str) -> Option<String> {
    origin_of(base_url).or_else(|| web_sys::window()?.location().origin().ok())
}

/// Where a row's name links to: its details page, or this list with it selected.
pub fn row_href(api: &dyn ListApi, conn_id: String, query: Signal<ListQuery>) -> HrefFn {
    match api.list().opens {
        Opens::Page => Rc::new(move |id: &str| details_href(&conn_id, id)),
        Opens::Panel => Rc::new(move |id: &str| {
            list_href_with(&conn_id, &with_selected(&query.get_untracked(), Some(id.to_owned())))
        }),
    }
}

/// The instances of `page` that could not be read, in words.
pub fn unreadable_reasons(page: &ListPage) -> Vec<String> {
    page.unreadable().iter().map(|u| u.describe()).collect()
}

#[component]
pub fn PagedList(
    client: Client,
    api: Arc<dyn ListApi>,
    query: Signal<ListQuery>,
    selected: Signal<Option<String>>,
    on_query: Callback<(ListQuery, Option<String>)>,
    on_open: Callback<String>,
    on_load_all: Callback<()>,
    only: Signal<Option<Category>>,
    prefs: UseViewPrefsReturn,
    ticked: RwSignal<Selection>,
) -> impl IntoView {
    let (info, list) = (api.info(), api.list());
    let conn_id = client.conn.id.clone();
    let interval = prefs.interval();
    let (call_client, call_api, decode_api) = (client.clone(), api.clone(), api.clone());
    let call = use_api_with_options(
        move || {
            let req = call_api.request(&query.get(), &call_client.conn.project_id);
            Some((call_client.clone(), req))
        },
        move |r| decode_api.decode(r),
        UseApiOptions {
            interval: interval.0,
            transitional: |p: &ListPage| p.transitional(),
            ..UseApiOptions::default()
        },
    );
    let data: Signal<Option<ListPage>> = call.data.into();
    // Once the first page is shown, "Load all pages" is fetched in the background.
    let warmed = StoredValue::new(false);
    Effect::new(move |_| {
        if data.with(Option::is_some) && !warmed.get_value() {
            warmed.set_value(true);
            super::prefetch::load_all_soon();
        }
    });
    let anomalies = use_paging_anomalies(data, query, list, own_origin(&client.conn.base_url));
    let trail = StoredValue::new(Trail::default());
    Effect::new(move |_| query.with(|q| trail.update_value(|t| t.visit(q))));
    let facts = Memo::new(move |_| data.with(|d| d.as_ref().map(|p| p.facts(&query.get()))));
    let next = Memo::new(move |_| {
        if anomalies.with(|a| a.iter().any(Anomaly::stops_paging)) {
            return None;
        }
        facts.with(|f| paging::next(list, &query.get(), f.as_ref()?))
    });
    let previous =
        Memo::new(move |_| facts.with(|f| trail.with_value(|t| paging::previous(list, &query.get(), f.as_ref(), t))));
    let total = Signal::derive(move || facts.with(|f| f.as_ref().and_then(|f| f.total)));
    let loading = call.loading;
    let go = move |q: ListQuery| on_query.run((q, None));
    let set_limit = move |limit: u32| {
        prefs.update.run(Box::new(move |p| p.page_size = Some(limit)));
        go(query.get_untracked().with_limit(limit))
    };
    let on_filters = Callback::new(move |filters: Vec<(&'static str, String)>| {
        let q = query.get_untracked();
        go(q.restart(list, q.limit, filters));
    });
    let specs = api.columns();
    let chooser_specs = specs.clone();
    let columns = Memo::new(move |_| prefs.prefs.with(|p| p.shown(&specs)));
    // The page's rows in view: all of them, or those of the category asked for.
    let in_view = move |page: &ListPage| -> Vec<usize> { in_category(&**page, only.get_untracked()) };
    let this_page = ExportChoice {
        label: Signal::derive(move || {
            only.track();
            rows_label("This page", data.with(|d| d.as_ref().map_or(0, |p| in_view(p).len())))
        }),
        what: Signal::derive(move || format!("page-{}", query.with(ListQuery::page_number))),
        write: Rc::new(move |write: Writer, format| {
            data.with_untracked(|d| {
                let page = d.as_ref()?;
                let cols = columns.get_untracked();
                Some(write(format, &**page, &cols, &in_view(page)))
            })
        }),
    };
    // The ticked rows as last seen, on this page or earlier ones (for their export).
    let kept = kept_rows(data, ticked);
    let selected_rows = ExportChoice {
        label: Signal::derive(move || rows_label("The selected rows", ticked.with(Selection::len))),
        what: Signal::stored("selected".to_string()),
        write: Rc::new(move |write: Writer, format| {
            let rows = kept.with_value(|k| k.picked(&ticked.get_untracked()));
            (!rows.is_empty()).then(|| {
                let cols = columns.get_untracked();
                let positions: Vec<usize> = (0..rows.len()).collect();
                write(format, &rows, &cols, &positions)
            })
        }),
    };
    let note_conn = conn_id.clone();
    let only_note = move || {
        only.get().map(|c| {
            let all = data.with(|d| d.as_ref().map_or(0, |p| p.len()));
            let shown = data.with(|d| d.as_ref().map_or(0, |p| in_view(p).len()));
            let everything = list_href_with(&note_conn, &query.get().to_pairs());
            view! {
                <p class="only-note" role="status">
                    {format!("Only {} instances: {shown} of the {all} on this page. ", c.label())}
                    <a href=everything>"Show every state"</a>
                </p>
            }
        })
    };
    let href = StoredValue::new_local(row_href(&*api, conn_id.clone(), query));
    let context = Signal::derive(move || query.with(ListQuery::to_url_query));
    let stale = Signal::derive(move || call.error.with(Option::is_some));
    let empty = move || {
        (data.with(|d| d.as_ref().is_some_and(|p| p.is_empty() && p.unreadable().is_empty())) && !loading.get()).then(
            || {
                let text = if query.with(|q| q.filters.is_empty()) {
                    "No instances on this page."
                } else {
                    "No instances match."
                };
                view! { <p class="empty">{text}</p> }
            },
        )
    };
    let reasons = Signal::derive(move || data.with(|d| d.as_ref().map(unreadable_reasons).unwrap_or_default()));
    let pager = match list.paging {
        Paging::Marker => view! {
            <Pager
                page=Signal::derive(move || u32::try_from(query.with(ListQuery::page_number)).unwrap_or(u32::MAX))
                has_previous=Signal::derive(move || previous.with(Option::is_some) && !loading.get())
                has_next=Signal::derive(move || next.with(Option::is_some) && !loading.get())
                on_previous=move |_| { if let Some(q) = previous.get_untracked() { go(q) } }
                on_next=move |_| { if let Some(q) = next.get_untracked() { go(q) } }
                total
            />
        }
        .into_any(),
        Paging::Offset => view! {
            <NumberedPager
                current=Signal::derive(move || query.with(ListQuery::page_number))
                count=Signal::derive(move || query.with(|q| q.page_count(total.get().unwrap_or(0))))
                busy=loading
                on_page=move |n| go(query.get_untracked().page(n))
                total
            />
        }
        .into_any(),
    };
    let panel = (list.opens == Opens::Panel).then_some({
        move || {
            selected.get().map(|id| {
                let details = data.with(|d| {
                    let page = d.as_ref()?;
                    page.details(page.position(&id)?)
                });
                match details {
                    Some(details) => view! { <DetailsPanel details/> }.into_any(),
                    None => {
                        view! { <p class="notice">"Instance " <code>{id}</code> " is not on this page."</p> }.into_any()
                    }
                }
            })
        }
    });
    let at_once = list.filters_apply_at_once();
    let density = move || format!("density-{}", prefs.prefs.with(|p| p.density.key()));
    let table = move || {
        let columns = columns.get();
        view! { <RowsTable columns page=data href context selected on_open stale label="Instances" ticked only/> }
    };
    view! {
        <section class="instance-list" aria-busy=move || loading.get().to_string()>
            <ConnectionHeading client=client.clone()/>
            <h1>"Instances"</h1>
            {(!at_once).then(|| view! { <FilterBar info query on_filters/> })}
            <div class="toolbar">
                {at_once.then(|| view! { <FilterBar info query on_filters/> })}
                <PageSizeSelect sizes=list.page_sizes value=Signal::derive(move || query.with(|q| q.limit)) on_change=set_limit/>
                <button type="button" on:click=move |_| on_load_all.run(())>"Load all pages"</button>
                <ColumnChooser specs=chooser_specs prefs/>
                <ExportMenu connection=client.conn.name.clone() service=info.key choices=vec![this_page, selected_rows]/>
                <span class="spacer"></span>
                <RefreshControl updated_at=call.updated_at loading on_refresh=move |_| call.refresh() interval/>
            </div>
            <CallBanners call connection_id=conn_id/>
            {only_note}
            <SelectionBar ticked/>
            <div class=density>{table}</div>
            {empty}
            <UnreadableNote reasons/>
            <AnomalyNotes anomalies/>
            {pager}
            {panel}
        </section>
    }
}

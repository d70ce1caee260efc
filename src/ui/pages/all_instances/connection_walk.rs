//! One connection's part of the all-instances table: every page loaded by its own walk
//! (`use_load_all`: its in-flight limit, retries and timeouts), its rows added to the
//! shared table as they arrive, and its status — loading, done, or its error — in its
//! group above the table.

use crate::connection::Connection;
use crate::ui::hooks::use_load_all::{use_load_all, SharedWalk};
use crate::ui::links::list_href;
use crate::ui::pages::list::walk_for;
use crate::ui::state::AppState;
use leptos::prelude::*;
use skyglass_core::service::{CommonRows, ListQuery, Source};
use skyglass_core::services;
use skyglass_core::table::{load_status, LoadState};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[component]
pub fn ConnectionWalk(conn: Connection, rows: Rc<RefCell<CommonRows>>, arrived: RwSignal<u64>) -> impl IntoView {
    let state = AppState::expect();
    let id = conn.id.clone();
    let name = view! { <a class="walk-name" href=list_href(&id)>{conn.name.clone()}</a> };
    let client = match state.client(&id) {
        Ok(c) => c,
        Err(problem) => {
            let (text, href, action) = problem.remedy(&id, "/all");
            return view! {
                <li class="walk-group" data-connection=id.clone() data-load-state="skipped">
                    {name} ": " {text} " " <a href=href>{action}</a>
                </li>
            }
            .into_any();
        }
    };
    let Some(api) = conn.info().and_then(|i| services::list(i.key)) else {
        return ().into_any();
    };
    let service = api.info().label;
    let specs = api.columns();
    let source = rows.borrow_mut().add_source(Source {
        connection_id: id.clone(),
        connection: conn.name.clone(),
        service,
    });
    let walk: SharedWalk = Rc::new(RefCell::new(walk_for(&*api, &client, &ListQuery::first(api.list()))));
    let run = use_load_all(client, api, walk.clone());
    let taken = Rc::new(Cell::new(0_usize));
    Effect::new(move |_| {
        let n = run.progress.with(|p| p.rows);
        let before = taken.get();
        let after = rows.borrow_mut().extend(source, &specs, walk.borrow().rows(), before);
        taken.set(after);
        if after != before {
            arrived.set(n);
        }
    });
    let state = run.state;
    let status = move || run.progress.with(|p| load_status(state.get(), p));
    view! {
        <li class="walk-group" data-connection=id data-load-state=move || state.get().as_str()>
            {name}
            <span class="muted small">" · " {service} " · "</span>
            <span class="walk-status" class:error=move || matches!(state.get(), LoadState::Failed | LoadState::Stopped) role="status">
                {status}
            </span>
            {move || (state.get() == LoadState::Loading).then(|| view! {
                <button type="button" class="link small" on:click=move |_| run.cancel.run(())>"Cancel"</button>
            })}
        </li>
    }
    .into_any()
}

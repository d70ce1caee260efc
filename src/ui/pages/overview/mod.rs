//! The overview (the landing page, `/`): the whole fleet at a glance — every connection's
//! instances by state category, its reachability and when it was last updated, and the
//! fleet's totals on top. Each connection costs one request (its first page at the
//! largest page size; `skyglass_core::overview`), refreshed like the lists; a click on a
//! category opens that connection's list narrowed to it.

mod connection_summary;

use crate::ui::components::category_bar::CategoryBar;
use crate::ui::state::AppState;
use connection_summary::{ConnectionSummary, Figures};
use leptos::prelude::*;
use skyglass_core::overview::Summary;
use skyglass_core::table::grouped;
use std::collections::BTreeMap;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let state = AppState::expect();
    let figures: Figures = RwSignal::new(BTreeMap::new());
    let totals = move || {
        let ids: Vec<String> = state.connections().into_iter().map(|c| c.id).collect();
        let fleet = figures.with(|f| Summary::sum(f.iter().filter(|(k, _)| ids.contains(k)).map(|(_, s)| s)));
        let reporting = figures.with(|f| f.keys().filter(|k| ids.contains(k)).count());
        let connections = format!("{reporting} connection{}", if reporting == 1 { "" } else { "s" });
        let words = match fleet.total {
            Some(t) if t == fleet.counted => format!("{} instances in {connections}", grouped(t)),
            Some(t) => format!(
                "{} instances in {connections}; the bar counts the {} read (one request each)",
                grouped(t),
                grouped(fleet.counted)
            ),
            None => format!(
                "{} instances counted in {connections} (some have more than their first page)",
                grouped(fleet.counted)
            ),
        };
        view! {
            <section class="fleet" aria-labelledby="fleet-title">
                <h2 id="fleet-title">"Fleet"</h2>
                <p class="fleet-total" data-testid="fleet-total">{words}</p>
                <CategoryBar summary=fleet label="The fleet's instances"/>
            </section>
        }
    };
    view! {
        <section class="overview">
            <h1>"Overview"</h1>
            {totals}
            <h2>"Connections"</h2>
            <ul class="overview-list">
                <For each=move || state.connections() key=|c| c.id.clone() let:conn>
                    <ConnectionSummary conn figures/>
                </For>
            </ul>
            {move || state.connections().is_empty().then(|| view! {
                <p class="empty">"No connections yet. " <a href="/connections/new">"Add a connection"</a></p>
            })}
        </section>
    }
}

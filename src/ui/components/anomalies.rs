//! Paging anomalies (cycles, empty pages that claim more, totals that change, links to
//! another origin), shown as notes above the pager.

use leptos::prelude::*;
use skyglass_core::paging::Anomaly;

#[component]
pub fn AnomalyNotes(#[prop(into)] anomalies: Signal<Vec<Anomaly>>) -> impl IntoView {
    move || {
        anomalies
            .get()
            .into_iter()
            .map(|a| view! { <p class="notice anomaly" role="note">{a.describe()}</p> })
            .collect_view()
    }
}

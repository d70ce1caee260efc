//! Paging anomalies (cycles, empty pages that claim more, totals that change, links to
//! another origin), watched per walk and shown as notes above the pager.

use crate::api::paging::{Anomaly, PagingWatch};
use leptos::prelude::*;

/// Watches the pages `data` shows. `walk` names the walk (filters and page size): when
/// it changes the watch starts again. `record` feeds one page to the watch.
pub fn use_paging_anomalies<T, K, R>(data: RwSignal<Option<T>>, walk: K, record: R) -> RwSignal<Vec<Anomaly>>
where
    T: Send + Sync + 'static,
    K: Fn() -> String + 'static,
    R: Fn(&mut PagingWatch, &T) -> Vec<Anomaly> + 'static,
{
    let found = RwSignal::new(Vec::new());
    let watch = StoredValue::new((String::new(), PagingWatch::default()));
    Effect::new(move |_| {
        let key = walk();
        let odd = data.with(|d| {
            d.as_ref().map(|page| {
                let mut odd = Vec::new();
                watch.update_value(|(k, w)| {
                    if *k != key {
                        *k = key.clone();
                        *w = PagingWatch::default();
                    }
                    odd = record(w, page);
                });
                odd
            })
        });
        if let Some(odd) = odd {
            found.set(odd);
        }
    });
    found
}

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

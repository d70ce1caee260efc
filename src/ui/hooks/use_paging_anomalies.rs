//! `use_paging_anomalies`: watches the pages a list shows for what a service should never
//! do while paging (a marker that comes back, an empty page that claims more, a changing
//! total, links to another origin). Each page is recorded when it arrives (an answer is
//! always for the query in the URL: stale ones are dropped); the watch starts again when
//! the walk (page size, filters) changes.
//!
//! ```ignore
//! let anomalies = use_paging_anomalies(call.data.into(), query, api.list(), own_origin);
//! let stops = move || anomalies.with(|a| a.iter().any(Anomaly::stops_paging));
//! ```

use leptos::prelude::*;
use skyglass_core::paging::{seen, Anomaly, PagingWatch};
use skyglass_core::service::{ListInfo, ListPage, ListQuery};

pub fn use_paging_anomalies(
    data: Signal<Option<ListPage>>,
    query: Signal<ListQuery>,
    info: &'static ListInfo,
    own_origin: Option<String>,
) -> Signal<Vec<Anomaly>> {
    let found = RwSignal::new(Vec::new());
    let watch = StoredValue::new(None::<((u32, Vec<(&'static str, String)>), PagingWatch)>);
    Effect::new(move |_| {
        let odd = data.with(|d| {
            let page = d.as_ref()?;
            let q = query.get_untracked();
            let walk = q.walk_key();
            let facts = page.facts(&q);
            let mut odd = Vec::new();
            watch.update_value(|w| {
                if w.as_ref().is_none_or(|(k, _)| *k != walk) {
                    *w = Some((walk.clone(), PagingWatch::default()));
                }
                if let Some((_, watch)) = w {
                    odd = watch.record(seen(info, &q, &facts, own_origin.as_deref()));
                }
            });
            Some(odd)
        });
        if let Some(odd) = odd {
            found.set(odd);
        }
    });
    found.into()
}

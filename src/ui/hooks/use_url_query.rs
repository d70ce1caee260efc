//! `use_url_query`: the view's URL query as (key, value) pairs, reactive.
//!
//! ```ignore
//! let url = use_url_query();
//! let name = Memo::new(move |_| url.with(|p| p.iter().find(|(k, _)| k == "name").map(|(_, v)| v.clone())));
//! ```

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The URL query's pairs, in order.
pub fn use_url_query() -> Memo<Vec<(String, String)>> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .read()
            .latest_values()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    })
}

/// Pairs as borrowed (key, value), for the readers that take them.
pub fn pairs_ref(pairs: &[(String, String)]) -> impl Iterator<Item = (&str, &str)> {
    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
}

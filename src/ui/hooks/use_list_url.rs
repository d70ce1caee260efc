//! `use_list_url`: a list view's URL state, for any list service: its page and filters
//! ([`ListQuery`], read with the service's [`ListInfo`]), the selected row (`selected=`),
//! and a callback that changes both (one history entry each).
//!
//! ```ignore
//! let UseListUrlReturn { query, selected, change } = use_list_url(api.list(), conn_id);
//! change.run((query.get_untracked().with_limit(50), None));
//! ```

use super::use_query_navigation::use_query_navigation;
use super::use_url_query::{pairs_ref, use_url_query};
use leptos::prelude::*;
use skyglass_core::http::encode_pairs;
use skyglass_core::service::{ListInfo, ListQuery};

/// What [`use_list_url`] returns.
#[derive(Clone, Copy)]
pub struct UseListUrlReturn {
    pub query: Signal<ListQuery>,
    pub selected: Signal<Option<String>>,
    /// A new page or filters, and a selection.
    pub change: Callback<(ListQuery, Option<String>)>,
}

pub fn use_list_url(info: &'static ListInfo, conn_id: String) -> UseListUrlReturn {
    let url = use_url_query();
    let query = Memo::new(move |_| url.with(|p| ListQuery::from_pairs(info, pairs_ref(p))));
    let selected = Memo::new(move |_| url.with(|p| p.iter().find(|(k, _)| k == "selected").map(|(_, v)| v.clone())));
    let go = use_query_navigation(conn_id);
    let change = Callback::new(move |(q, sel): (ListQuery, Option<String>)| {
        go.run(encode_pairs(&with_selected(&q, sel)));
    });
    UseListUrlReturn {
        query: query.into(),
        selected: selected.into(),
        change,
    }
}

/// The URL pairs of `query` with `selected` last.
pub fn with_selected(query: &ListQuery, selected: Option<String>) -> Vec<(&'static str, String)> {
    let mut pairs = query.to_pairs();
    pairs.extend(selected.map(|id| ("selected", id)));
    pairs
}

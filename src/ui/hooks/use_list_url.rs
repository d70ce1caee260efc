//! `use_list_url`: a list view's URL state, for any list service: its page and filters
//! ([`ListQuery`], read with the service's [`ListInfo`]), the selected row (`selected=`),
//! the state category the rows shown are narrowed to (`category=`, kept while paging;
//! the overview links there), and a callback that changes page and selection (one
//! history entry each). A URL without `limit` opens with the page size the user chose
//! for the view (`preferred_limit`), else the service's default.
//!
//! ```ignore
//! let UseListUrlReturn { query, selected, only, change } = use_list_url(api.list(), conn_id, preferred);
//! change.run((query.get_untracked().with_limit(50), None));
//! ```

use super::use_query_navigation::use_query_navigation;
use super::use_url_query::{pairs_ref, use_url_query};
use leptos::prelude::*;
use skyglass_core::http::encode_pairs;
use skyglass_core::service::{ListInfo, ListQuery, Position};
use skyglass_core::state::Category;

/// What [`use_list_url`] returns.
#[derive(Clone, Copy)]
pub struct UseListUrlReturn {
    pub query: Signal<ListQuery>,
    pub selected: Signal<Option<String>>,
    /// Only rows in this state category are shown.
    pub only: Signal<Option<Category>>,
    /// A new page or filters, and a selection.
    pub change: Callback<(ListQuery, Option<String>)>,
}

pub fn use_list_url(
    info: &'static ListInfo,
    conn_id: String,
    preferred_limit: Signal<Option<u32>>,
) -> UseListUrlReturn {
    let url = use_url_query();
    let query = Memo::new(move |_| {
        url.with(|p| {
            let q = ListQuery::from_pairs(info, pairs_ref(p));
            let named = p.iter().any(|(k, _)| k == "limit");
            match preferred_limit.get() {
                Some(limit) if !named && q.position == Position::First => q.with_limit(limit),
                _ => q,
            }
        })
    });
    let value = move |key: &'static str| {
        Memo::new(move |_| url.with(|p| p.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())))
    };
    let selected = value("selected");
    let category = value("category");
    let only = Memo::new(move |_| category.with(|c| c.as_deref().and_then(Category::from_key)));
    let go = use_query_navigation(conn_id);
    let change = Callback::new(move |(q, sel): (ListQuery, Option<String>)| {
        let mut pairs = with_selected(&q, sel);
        pairs.extend(only.get_untracked().map(|c| ("category", c.key().to_owned())));
        go.run(encode_pairs(&pairs));
    });
    UseListUrlReturn {
        query: query.into(),
        selected: selected.into(),
        only: only.into(),
        change,
    }
}

/// The URL pairs of `query` with `selected` last.
pub fn with_selected(query: &ListQuery, selected: Option<String>) -> Vec<(&'static str, String)> {
    let mut pairs = query.to_pairs();
    pairs.extend(selected.map(|id| ("selected", id)));
    pairs
}

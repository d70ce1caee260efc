//! `use_query_navigation`: a callback that shows a connection's view with another URL
//! query (one history entry each).
//!
//! ```ignore
//! let go = use_query_navigation(conn_id);
//! go.run("name=web-1".into());
//! ```

use crate::ui::links::list_href;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Navigates to `/c/{conn_id}?{query}`.
pub fn use_query_navigation(conn_id: String) -> Callback<String> {
    let navigate = use_navigate();
    Callback::new(move |query: String| {
        let sep = if query.is_empty() { "" } else { "?" };
        navigate(&format!("{}{sep}{query}", list_href(&conn_id)), Default::default());
    })
}

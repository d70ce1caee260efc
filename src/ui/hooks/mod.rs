//! The UI's hooks, one per file, in the manner of leptos-use: a `use_x` (and, where it
//! has options, `use_x_with_options` with an options struct that has a `Default`),
//! returning read-only signals.

pub mod use_api;
pub mod use_display_settings;
pub mod use_list_url;
pub mod use_load_all;
pub mod use_paging_anomalies;
pub mod use_query_navigation;
pub mod use_url_query;
pub mod use_view_prefs;

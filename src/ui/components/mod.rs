//! Generic pieces of the UI, used by every service's views (nothing here knows a service).

pub mod anomalies;
pub mod badge;
pub mod call_banners;
pub mod cell_dom;
pub mod clamped_text;
pub mod connection_heading;
pub mod details_view;
pub mod error_banner;
pub mod export_menu;
pub mod filter_bar;
pub mod grid_rows;
pub mod load_all_panel;
pub mod page_size;
pub mod pager;
pub mod refresh_control;
pub mod row_source;
pub mod rows_table;
pub mod session_banner;
pub mod time_cell;
pub mod unreadable_note;
pub mod virtual_table;
pub mod with_client;

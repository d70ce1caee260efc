//! Small reusable pieces of the UI.

pub mod anomalies;
pub mod clamped_text;
pub mod error_banner;
pub mod grid_rows;
pub mod instance_table;
pub mod load_all_panel;
pub mod loaded_lists;
pub mod page_size;
pub mod pager;
pub mod refresh_control;
pub mod state_badge;
pub mod state_diagram;
pub mod time_cell;
pub mod virtual_table;

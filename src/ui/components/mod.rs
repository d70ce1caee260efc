//! Small reusable pieces of the UI.

pub mod anomalies;
pub mod clamped_text;
pub mod error_banner;
pub mod instance_table;
pub mod page_size;
pub mod pager;
pub mod refresh_control;
pub mod state_badge;
pub mod state_diagram;
pub mod time_cell;

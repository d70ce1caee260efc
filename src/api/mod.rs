//! The API layer: plain Rust, no UI. One module per service (wire types exactly as
//! documented, request building, the page cursor), the shared HTTP layer, and the
//! lifecycle / state-diagram model. Everything here is tested natively.

pub mod bycloud;
pub mod clouddc;
pub mod http;
pub mod imagesearch;
pub mod lenient;
pub mod lifecycle;
pub mod load_all;
pub mod paging;
pub mod poll;
pub mod roma;
pub mod table_model;
pub mod timefmt;

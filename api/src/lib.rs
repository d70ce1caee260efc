//! The API layer: plain Rust, no UI. One module per service (wire types exactly as
//! documented, request building, the page cursor), the shared HTTP layer, and the
//! lifecycle / state-diagram model. Everything here is tested natively.
//!
//! It is its own crate (re-exported by the app as `skyglass::api`) so that the release
//! build can optimize it for speed while the UI is optimized for size: decoding a
//! 1,000-instance page and filtering 100,000 rows are hot, and `opt-level = "z"` made
//! them about twice as slow. Hot entry points are non-generic (e.g.
//! [`clouddc::decode_list`]) so that they are compiled here, not in the caller.

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

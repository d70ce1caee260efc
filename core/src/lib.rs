//! Skyglass's core, free of any UI: plain Rust, tested natively.
//!
//! - [`services`]: every service described once, in a folder of its own (its facts, wire
//!   types, request, decoder, paging facts, state vocabulary, columns and details), and
//!   the registry that lists them;
//! - [`service`]: what such a description is ([`service::ServiceInfo`],
//!   [`service::ListService`], columns, cells, details) and its erased form
//!   ([`service::ListApi`]) that the generic code reads;
//! - [`state`]: one classification of every service's states;
//! - [`paging`]: the generic paging rules, the trail of visited markers and the anomaly
//!   watch; [`load_all`]: the load-all walks; [`table`]: sorting, filtering and the virtual
//!   window over loaded rows; [`poll`]: when to ask again;
//! - [`http`], [`lenient`], [`timefmt`]: requests, errors, lenient decoding and times;
//!   [`auth`]: AK/SK request signing.
//!
//! It is its own crate so that the release build can optimize it for speed while the UI
//! is optimized for size: decoding a 1,000-instance page and filtering 100,000 rows are
//! hot. Hot entry points are non-generic (each service's `decode_list`) so that they are
//! compiled here, not in the caller.

pub mod auth;
pub mod export;
pub mod http;
pub mod keys;
pub mod lenient;
pub mod load_all;
pub mod overview;
pub mod paging;
pub mod poll;
pub mod prefs;
pub mod service;
pub mod services;
pub mod state;
pub mod table;
#[cfg(test)]
pub mod test_pages;
pub mod timefmt;

//! Skyglass: a fast, static WebAssembly console for cloud instance APIs.
//!
//! The core (`skyglass_core`: every service's description, requests, paging, the table
//! model) and the connection model ([`connection`]) are plain Rust and tested natively;
//! the UI ([`ui`]: pages, hooks and components) is built for the browser only.

pub mod connection;
pub mod connections_file;
#[cfg(target_arch = "wasm32")]
pub mod heap;
pub mod limiter;
#[cfg(target_arch = "wasm32")]
pub mod ui;

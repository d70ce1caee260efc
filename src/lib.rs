//! Skyglass: a fast, static WebAssembly console for cloud instance APIs.
//!
//! The API layer ([`api`]) and the connection model ([`connection`]) are plain Rust and
//! tested natively; the UI ([`ui`]: pages and components) is built for the browser only.

/// The API layer: its own crate, `skyglass-api` (api/), optimized for speed.
pub use skyglass_api as api;
pub mod connection;
pub mod limiter;
#[cfg(target_arch = "wasm32")]
pub mod ui;

//! The browser UI: the app shell and its routes ([`app`]), pages ([`pages`]: the
//! connections, the one list page every list service shares, the details page), hooks
//! ([`hooks`], one per file), generic components ([`components`]), and the views only some
//! services have ([`services`]: CloudDC's live status, ImageSearch's lookup).

pub mod app;
pub mod components;
pub mod crash;
pub mod hooks;
pub mod lazy;
pub mod links;
pub mod pages;
pub mod services;
pub mod state;
pub mod transport;

/// Mounts the app on `<body>`.
pub fn start() {
    crash::install();
    leptos::mount::mount_to_body(app::App);
}

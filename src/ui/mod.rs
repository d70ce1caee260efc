//! The browser UI: the app shell and its routes, pages (one per view) and components.

pub mod components;
pub mod crash;
pub mod pages;
pub mod state;
pub mod transport;
pub mod use_api;
pub mod use_load_all;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::connection_form::ConnectionFormPage;
use pages::connections::ConnectionsPage;
use pages::instance_details::InstanceDetailsPage;
use pages::instance_status::InstanceStatusPage;
use pages::ConnectionPage;
use state::AppState;

#[component]
pub fn App() -> impl IntoView {
    AppState::provide();
    view! {
        <Router>
            <header class="app-header">
                <a class="brand" href="/">"Skyglass"</a>
                <nav><a href="/">"Connections"</a></nav>
            </header>
            <main>
                <Routes fallback=|| view! { <section class="notice"><h1>"Not found"</h1><p><a href="/">"Go to connections"</a></p></section> }>
                    <Route path=path!("/") view=ConnectionsPage/>
                    <Route path=path!("/connections/new") view=ConnectionFormPage/>
                    <Route path=path!("/connections/:id") view=ConnectionFormPage/>
                    <Route path=path!("/c/:conn") view=ConnectionPage/>
                    <Route path=path!("/c/:conn/i/:id") view=InstanceDetailsPage/>
                    <Route path=path!("/c/:conn/i/:id/status") view=InstanceStatusPage/>
                </Routes>
            </main>
        </Router>
    }
}

/// Mounts the app on `<body>`.
pub fn start() {
    crash::install();
    leptos::mount::mount_to_body(App);
}

//! The app shell: the header and the routes.

use crate::ui::components::session_banner::SessionBanner;
use crate::ui::pages::connection_form::ConnectionFormPage;
use crate::ui::pages::connections::ConnectionsPage;
use crate::ui::pages::details_page::DetailsPage;
use crate::ui::pages::list::ConnectionPage;
use crate::ui::pages::sign_in_page::SignInPage;
use crate::ui::services::clouddc::status_page::InstanceStatusPage;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    AppState::provide();
    view! {
        <Router>
            <header class="app-header">
                <a class="brand" href="/">"Skyglass"</a>
                <nav><a href="/">"Connections"</a></nav>
            </header>
            <SessionBanner/>
            <main>
                <Routes fallback=|| view! { <section class="notice"><h1>"Not found"</h1><p><a href="/">"Go to connections"</a></p></section> }>
                    <Route path=path!("/") view=ConnectionsPage/>
                    <Route path=path!("/connections/new") view=ConnectionFormPage/>
                    <Route path=path!("/connections/:id") view=ConnectionFormPage/>
                    <Route path=path!("/c/:conn") view=ConnectionPage/>
                    <Route path=path!("/c/:conn/sign-in") view=SignInPage/>
                    <Route path=path!("/c/:conn/i/:id") view=DetailsPage/>
                    <Route path=path!("/c/:conn/i/:id/status") view=InstanceStatusPage/>
                </Routes>
            </main>
        </Router>
    }
}

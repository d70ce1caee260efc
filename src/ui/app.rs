//! The app shell: the header and the routes.

use crate::ui::components::display_controls::DisplayControls;
use crate::ui::components::session_banner::SessionBanner;
use crate::ui::components::shortcuts::Shortcuts;
use crate::ui::hooks::use_display_settings::provide_display_settings;
use crate::ui::pages::all_instances::AllInstancesPage;
use crate::ui::pages::connection_form::ConnectionFormPage;
use crate::ui::pages::connections::ConnectionsPage;
use crate::ui::pages::details_page::DetailsPage;
use crate::ui::pages::list::ConnectionPage;
use crate::ui::pages::overview::OverviewPage;
use crate::ui::pages::sign_in_page::SignInPage;
use crate::ui::services::clouddc::status_page::InstanceStatusPage;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    AppState::provide();
    provide_display_settings();
    view! {
        <Router>
            <header class="app-header">
                <a class="brand" href="/">"Skyglass"</a>
                <nav aria-label="Main">
                    <NavLink href="/" label="Overview"/>
                    <NavLink href="/all" label="All instances"/>
                    <NavLink href="/connections" label="Connections"/>
                </nav>
                <span class="spacer"></span>
                <div class="header-tools">
                    <DisplayControls/>
                    <Shortcuts/>
                </div>
            </header>
            <SessionBanner/>
            <main>
                <Routes fallback=|| view! { <section class="notice"><h1>"Not found"</h1><p><a href="/connections">"Go to connections"</a></p></section> }>
                    <Route path=path!("/") view=OverviewPage/>
                    <Route path=path!("/all") view=AllInstancesPage/>
                    <Route path=path!("/connections") view=ConnectionsPage/>
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

/// A header link, marked as the current page where it is.
#[component]
fn NavLink(href: &'static str, label: &'static str) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let current = move || {
        let path = location.pathname.get();
        let here = if href == "/" {
            path == "/"
        } else {
            path.starts_with(href)
        };
        here.then_some("page")
    };
    view! { <a href=href aria-current=current>{label}</a> }
}

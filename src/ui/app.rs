//! The app shell: the header and the routes. Every page but the overview is split off
//! (`maybe_lazy!`, [`crate::ui::lazy`]): the production build loads a page's code when it is
//! first opened, and `boot.js` preloads it for the page a deep link opens.

use crate::ui::components::display_controls::DisplayControls;
use crate::ui::components::session_banner::SessionBanner;
use crate::ui::components::shortcuts::Shortcuts;
use crate::ui::hooks::use_display_settings::provide_display_settings;
use crate::ui::lazy::{lazy_view, maybe_lazy};
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
                    <Route path=path!("/all") view=|| lazy_view(page_all_instances())/>
                    <Route path=path!("/connections") view=|| lazy_view(page_connections())/>
                    <Route path=path!("/connections/new") view=|| lazy_view(page_connection_form())/>
                    <Route path=path!("/connections/:id") view=|| lazy_view(page_connection_form())/>
                    <Route path=path!("/c/:conn") view=|| lazy_view(page_connection())/>
                    <Route path=path!("/c/:conn/sign-in") view=|| lazy_view(page_sign_in())/>
                    <Route path=path!("/c/:conn/i/:id") view=|| lazy_view(page_details())/>
                    <Route path=path!("/c/:conn/i/:id/status") view=|| lazy_view(page_instance_status())/>
                </Routes>
            </main>
        </Router>
    }
}

// The pages, loaded when first opened, in parts: the connections' management (`manage`), a
// connection's list (`list`), an instance's details (`details`), its live status with the
// state diagram (`instance_status`); all instances shares `loaded_list` with the view of
// every page (src/ui/pages/list/list_view.rs). deploy/assemble.py maps each route to its
// page's part (for boot.js to preload) from these lines and the routes above.
maybe_lazy! { [loaded_list] fn page_all_instances() -> AnyView { view! { <AllInstancesPage/> }.into_any() } }
maybe_lazy! { [manage] fn page_connections() -> AnyView { view! { <ConnectionsPage/> }.into_any() } }
maybe_lazy! { [manage] fn page_connection_form() -> AnyView { view! { <ConnectionFormPage/> }.into_any() } }
maybe_lazy! { [list] fn page_connection() -> AnyView { view! { <ConnectionPage/> }.into_any() } }
maybe_lazy! { [manage] fn page_sign_in() -> AnyView { view! { <SignInPage/> }.into_any() } }
maybe_lazy! { [details] fn page_details() -> AnyView { view! { <DetailsPage/> }.into_any() } }
maybe_lazy! { [instance_status] fn page_instance_status() -> AnyView { view! { <InstanceStatusPage/> }.into_any() } }

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

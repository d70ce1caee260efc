//! CloudDC's own views: the live status of an instance drawn on the documented state
//! diagram, reached from its details page.

pub mod state_diagram;
pub mod status_page;

use super::views::ServiceViews;
use crate::ui::links::status_href;
use leptos::prelude::*;

pub const VIEWS: ServiceViews = ServiceViews {
    key: "clouddc",
    own_view: None,
    details_actions: Some(|conn, id| {
        view! { <a class="button" href=status_href(conn, id)>"Live status and state diagram"</a> }.into_any()
    }),
};

//! The views only some services have, beside the generic list and details pages:
//! CloudDC's live status on its state diagram, ImageSearch's lookup by name. One line per
//! service that has any; a service with none needs no line.

pub mod clouddc;
pub mod imagesearch;
pub mod views;

use crate::ui::transport::Client;
use leptos::prelude::*;
use views::ServiceViews;

/// Every service with views of its own.
pub static VIEWS: &[ServiceViews] = &[clouddc::VIEWS, imagesearch::VIEWS];

fn views(key: &str) -> Option<&'static ServiceViews> {
    VIEWS.iter().find(|v| v.key == key)
}

/// The view of a service without a list.
pub fn own_view(key: &str, client: Client) -> AnyView {
    match views(key).and_then(|v| v.own_view) {
        Some(view) => view(client),
        None => view! { <section class="notice" role="alert"><p>"This connection's service is not one Skyglass knows."</p></section> }.into_any(),
    }
}

/// A service's actions on an instance's details page (none for most).
pub fn details_actions(key: &str, conn_id: &str, id: &str) -> AnyView {
    match views(key).and_then(|v| v.details_actions) {
        Some(actions) => actions(conn_id, id),
        None => ().into_any(),
    }
}

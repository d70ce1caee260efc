//! What a service's own views are, for the registry in [`super`].

use crate::ui::transport::Client;
use leptos::prelude::*;

/// A service's own views.
pub struct ServiceViews {
    pub key: &'static str,
    /// The connection's view when the service has no list.
    pub own_view: Option<fn(Client) -> AnyView>,
    /// Actions on the details page (connection id, instance id).
    pub details_actions: Option<fn(&str, &str) -> AnyView>,
}

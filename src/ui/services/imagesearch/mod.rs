//! ImageSearch's own view: an instance looked up by name.

pub mod lookup_page;

use super::views::ServiceViews;
use leptos::prelude::*;
use lookup_page::ImageSearchPage;

pub const VIEWS: ServiceViews = ServiceViews {
    key: "imagesearch",
    own_view: Some(|client| view! { <ImageSearchPage client/> }.into_any()),
    details_actions: None,
};

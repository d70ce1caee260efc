//! The app's pages, one per route: the overview (the landing page), all instances, the
//! connections, the connection
//! form, the password sign-in, the list every list service shares, and the details page.

pub mod all_instances;
pub mod connection_form;
pub mod connections;
pub mod details_page;
pub mod list;
pub mod overview;
pub mod sign_in_page;

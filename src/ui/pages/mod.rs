//! The app's pages, one per route: the connections (the landing page), the connection
//! form, the password sign-in, the list every list service shares, and the details page.

pub mod connection_form;
pub mod connections;
pub mod details_page;
pub mod list;
pub mod sign_in_page;

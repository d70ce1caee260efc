//! The app's own URLs, in one place.

use skyglass_core::http::{encode, encode_pairs};

/// A connection's own view (its list, or its lookup).
pub fn list_href(conn: &str) -> String {
    format!("/c/{}", encode(conn))
}

/// A connection's view with a URL query (`pairs` already in order).
pub fn list_href_with(conn: &str, pairs: &[(&str, String)]) -> String {
    let query = encode_pairs(pairs);
    if query.is_empty() {
        list_href(conn)
    } else {
        format!("{}?{query}", list_href(conn))
    }
}

/// An instance's details page.
pub fn details_href(conn: &str, id: &str) -> String {
    format!("/c/{}/i/{}", encode(conn), encode(id))
}

/// An instance's live status (CloudDC).
pub fn status_href(conn: &str, id: &str) -> String {
    format!("{}/status", details_href(conn, id))
}

/// A connection's settings.
pub fn settings_href(conn: &str) -> String {
    format!("/connections/{}", encode(conn))
}

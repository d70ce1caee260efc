//! The app's own URLs, in one place.

use skyglass_core::auth::next::is_app_path;
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

/// A connection's password sign-in, coming back to `next` (an app path) afterwards.
pub fn sign_in_href(conn: &str, next: &str) -> String {
    format!("/c/{}/sign-in?next={}", encode(conn), encode(next))
}

/// Where a sign-in may send the user back to: a path on this origin
/// ([`skyglass_core::auth::next::is_app_path`]), else the connection's own view.
pub fn safe_next(next: Option<&str>, conn: &str) -> String {
    match next {
        Some(n) if is_app_path(n) => n.to_string(),
        _ => list_href(conn),
    }
}

/// Whether `href` (as the sign-in is about to follow it) stays on this page's origin, as
/// the browser resolves it.
pub fn stays_on_origin(href: &str) -> bool {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return false;
    };
    let (Ok(origin), Ok(base)) = (location.origin(), location.href()) else {
        return false;
    };
    web_sys::Url::new_with_base(href, &base).is_ok_and(|u| u.origin() == origin)
}

/// The current location's path and query, to come back to.
pub fn here() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?))
        })
        .unwrap_or_else(|| "/".into())
}

//! CloudDC's paging markers: `next_marker` / `previous_marker` are described as "query
//! address of the next page", so a marker may arrive bare or inside an address.

use crate::http::query_param;

/// Gets the marker out of `next_marker`/`previous_marker`: either a bare marker, or a
/// "query address" (a URL, path or query string) that contains `marker=...`.
/// Empty, whitespace, or an address without a marker → `None` (paging ends).
pub fn extract_marker(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let looks_like_address = raw.contains("marker=") || raw.contains('?') || raw.contains('/');
    if !looks_like_address {
        return Some(raw.to_owned());
    }
    query_param(raw, "marker").filter(|m| !m.trim().is_empty())
}

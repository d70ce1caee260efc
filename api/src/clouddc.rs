//! CloudDC (iMetal bare-metal servers): the instance list (seed 000) and the instance
//! status (seed 004). Wire types exactly as documented, decoded leniently; request
//! building; and the marker page cursor.

use super::http::{decode_json, encode, query_param, ApiError, ApiRequest, ApiResponse, Auth, UrlQuery};
use super::lenient;
use base64::Engine;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Page sizes offered; the API clamps `limit` to 10–1000.
pub const PAGE_SIZES: [u32; 6] = [10, 20, 50, 100, 500, 1000];
pub const DEFAULT_PAGE_SIZE: u32 = 20;
pub const MIN_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 1000;

/// `GET /v1/{project_id}/instances`, 200.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct InstanceList {
    #[serde(deserialize_with = "lenient::list")]
    pub instances: Vec<Instance>,
    pub page_info: Option<PageInfo>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub count: Option<u64>,
}

/// `PageInfo`: markers may be bare markers or query addresses holding `marker=`.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct PageInfo {
    #[serde(deserialize_with = "lenient::text")]
    pub next_marker: String,
    #[serde(deserialize_with = "lenient::text")]
    pub previous_marker: String,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub current_count: Option<u64>,
}

/// `QueryInstanceResponseBody`.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Instance {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    #[serde(deserialize_with = "lenient::text")]
    pub vpc_id: String,
    #[serde(deserialize_with = "lenient::list")]
    pub network_interfaces: Vec<NetworkInterface>,
    #[serde(deserialize_with = "lenient::list")]
    pub tags: Vec<Tag>,
    pub image: Option<Image>,
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    #[serde(deserialize_with = "lenient::text")]
    pub state: String,
    #[serde(deserialize_with = "lenient::text_map")]
    pub metadata: BTreeMap<String, String>,
    #[serde(deserialize_with = "lenient::text")]
    pub user_data: String,
    #[serde(deserialize_with = "lenient::text")]
    pub server_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    #[serde(deserialize_with = "lenient::text")]
    pub updated_at: String,
    #[serde(deserialize_with = "lenient::text")]
    pub launched_at: String,
    pub error: Option<ErrorStatus>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct NetworkInterface {
    #[serde(deserialize_with = "lenient::text")]
    pub subnet_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub ipv4_address: String,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Tag {
    #[serde(deserialize_with = "lenient::text")]
    pub key: String,
    #[serde(deserialize_with = "lenient::text")]
    pub value: String,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Image {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    #[serde(deserialize_with = "lenient::text")]
    pub os_type: String,
}

/// `ErrorStatus`, on an instance or a status.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct ErrorStatus {
    #[serde(deserialize_with = "lenient::text")]
    pub error_code: String,
    #[serde(deserialize_with = "lenient::text")]
    pub error_msg: String,
    #[serde(deserialize_with = "lenient::text")]
    pub error_type: String,
}

impl ErrorStatus {
    /// Whether there is anything to show (some services send an all-empty object).
    pub fn is_empty(&self) -> bool {
        self.error_code.is_empty() && self.error_msg.is_empty() && self.error_type.is_empty()
    }
}

/// `GET /v1/{project_id}/instances/{id}/status`, 200.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct InstanceStatus {
    #[serde(deserialize_with = "lenient::text")]
    pub state: String,
    #[serde(deserialize_with = "lenient::text")]
    pub operation_state: String,
    pub error: Option<ErrorStatus>,
}

impl Instance {
    /// The private IPv4 addresses of all network interfaces.
    pub fn ipv4s(&self) -> Vec<&str> {
        self.network_interfaces
            .iter()
            .map(|n| n.ipv4_address.as_str())
            .filter(|a| !a.is_empty())
            .collect()
    }

    /// The error worth showing, if any.
    pub fn shown_error(&self) -> Option<&ErrorStatus> {
        self.error.as_ref().filter(|e| !e.is_empty())
    }
}

/// What `user_data` decodes to, for a preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserData {
    Empty,
    Text(String),
    /// Valid base64 whose bytes are not UTF-8 text.
    Binary(usize),
    /// Not base64 at all: shown as it arrived.
    NotBase64(String),
}

/// Decodes `user_data` (base64, up to 32 KB before encoding).
pub fn decode_user_data(raw: &str) -> UserData {
    let raw = raw.trim();
    if raw.is_empty() {
        return UserData::Empty;
    }
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    match base64::engine::general_purpose::STANDARD.decode(compact.as_bytes()) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => UserData::Text(text),
            Err(e) => UserData::Binary(e.into_bytes().len()),
        },
        Err(_) => UserData::NotBase64(raw.to_owned()),
    }
}

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

/// Which page of the instance list a view shows. This is what lives in the URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    pub limit: u32,
    /// The marker sent to the API (`None` = first page).
    pub marker: Option<String>,
    /// `instance_state` filter.
    pub state: Option<String>,
    /// 1-based page number, for display only (the marker decides the content).
    pub page: u32,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            limit: DEFAULT_PAGE_SIZE,
            marker: None,
            state: None,
            page: 1,
        }
    }
}

impl UrlQuery for ListQuery {
    /// Reads a view's URL query (`limit`, `marker`, `state`, `page`); anything odd falls
    /// back to the default.
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut q = ListQuery::default();
        for (k, v) in pairs {
            let v = v.trim();
            match k {
                "limit" => {
                    q.limit = v
                        .parse::<u32>()
                        .map_or(DEFAULT_PAGE_SIZE, |l| l.clamp(MIN_LIMIT, MAX_LIMIT))
                }
                "marker" if !v.is_empty() => q.marker = Some(v.to_owned()),
                "state" if !v.is_empty() => q.state = Some(v.to_owned()),
                "page" => q.page = v.parse::<u32>().unwrap_or(1).max(1),
                _ => {}
            }
        }
        if q.marker.is_none() {
            q.page = 1;
        } else {
            q.page = q.page.max(2);
        }
        q
    }

    /// The view's URL query, the inverse of [`ListQuery::from_pairs`].
    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("limit", self.limit.to_string())];
        if let Some(s) = &self.state {
            out.push(("state", s.clone()));
        }
        if let Some(m) = &self.marker {
            out.push(("marker", m.clone()));
            out.push(("page", self.page.to_string()));
        }
        out
    }
}

impl ListQuery {
    /// The first page with another page size or filter.
    pub fn restart(&self, limit: u32, state: Option<String>) -> Self {
        ListQuery {
            limit,
            marker: None,
            state,
            page: 1,
        }
    }

    /// The API request for this page.
    pub fn request(&self, project_id: &str, auth: &Auth) -> ApiRequest {
        let mut r = ApiRequest::get(format!("/v1/{}/instances", encode(project_id))).with_auth(auth);
        r.query.push(("limit".into(), self.limit.to_string()));
        if let Some(m) = &self.marker {
            r.query.push(("marker".into(), m.clone()));
        }
        if let Some(s) = &self.state {
            r.query.push(("instance_state".into(), s.clone()));
        }
        r
    }

    /// The next page, if the response says there is one.
    pub fn next(&self, page: &InstanceList) -> Option<Self> {
        let marker = extract_marker(&page.page_info.as_ref()?.next_marker)?;
        if page.instances.is_empty() || self.marker.as_deref() == Some(marker.as_str()) {
            return None; // an empty page or a marker that repeats would loop forever
        }
        Some(ListQuery {
            marker: Some(marker),
            page: self.page.saturating_add(1),
            ..self.clone()
        })
    }

    /// The previous page: none on the first page; the page `previous_marker` names; or,
    /// when a later page has no previous marker, the first page.
    pub fn previous(&self, page: Option<&InstanceList>) -> Option<Self> {
        self.marker.as_ref()?;
        let prev = page
            .and_then(|p| p.page_info.as_ref())
            .and_then(|pi| extract_marker(&pi.previous_marker));
        Some(match prev {
            Some(m) => ListQuery {
                marker: Some(m),
                page: self.page.saturating_sub(1).max(2),
                ..self.clone()
            },
            None => ListQuery {
                marker: None,
                page: 1,
                ..self.clone()
            },
        })
    }
}

/// The request for one instance (the list filtered by `instance_id`), for a details view
/// that must work on reload.
pub fn instance_request(project_id: &str, id: &str, auth: &Auth) -> ApiRequest {
    let mut r = ApiRequest::get(format!("/v1/{}/instances", encode(project_id))).with_auth(auth);
    r.query.push(("instance_id".into(), id.to_owned()));
    r.query.push(("limit".into(), MIN_LIMIT.to_string()));
    r
}

/// `GET /v1/{project_id}/instances/{id}/status`.
pub fn status_request(project_id: &str, id: &str, auth: &Auth) -> ApiRequest {
    ApiRequest::get(format!("/v1/{}/instances/{}/status", encode(project_id), encode(id))).with_auth(auth)
}

#[cfg(test)]
#[path = "clouddc_tests.rs"]
mod tests;

/// Decodes the answer to `GET /v1/{project_id}/instances`: the page, or the error body as an [`ApiError`].
/// Non-generic, so that it is compiled (and optimized for speed) in this crate.
pub fn decode_list(response: &ApiResponse) -> Result<InstanceList, ApiError> {
    decode_json(response)
}

/// Decodes the answer to `GET /v1/{project_id}/instances/{id}/status`: the page, or the error body as an [`ApiError`].
/// Non-generic, so that it is compiled (and optimized for speed) in this crate.
pub fn decode_status(response: &ApiResponse) -> Result<InstanceStatus, ApiError> {
    decode_json(response)
}

//! ByCloud compute (seed 002): `GET /v1/instances` with a Bearer token, marker paging
//! driven by `meta.has_more` and `links.next`/`links.previous`, and filters for name
//! (exact, or a prefix ending in `*`), status, tags (all must match), flavor and image.

use super::http::{decode_json, query_param, ApiError, ApiRequest, ApiResponse, Auth, UrlQuery};
use super::lenient;
use super::lifecycle::Tone;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// Status values the example and the SDK use (offered as filters; others still show).
pub const STATUSES: [&str; 7] = ["ACTIVE", "BUILD", "SHUTOFF", "REBOOT", "ERROR", "DELETED", "MIGRATING"];
pub const PAGE_SIZES: [u32; 5] = [10, 20, 50, 100, 500];
pub const DEFAULT_PAGE_SIZE: u32 = 20;

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct InstanceList {
    #[serde(deserialize_with = "lenient::list")]
    pub instances: Vec<Instance>,
    pub meta: Option<Meta>,
    pub links: Option<Links>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Meta {
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub total: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub limit: Option<u64>,
    #[serde(deserialize_with = "lenient::text")]
    pub marker: String,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub has_more: Option<bool>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Links {
    #[serde(rename = "self", deserialize_with = "lenient::text")]
    pub self_: String,
    #[serde(deserialize_with = "lenient::text")]
    pub next: String,
    #[serde(deserialize_with = "lenient::text")]
    pub previous: String,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Instance {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub crn: String,
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    #[serde(deserialize_with = "lenient::text")]
    pub status: String,
    #[serde(deserialize_with = "lenient::text")]
    pub power_state: String,
    /// `null` (nothing in progress) arrives as "".
    #[serde(deserialize_with = "lenient::text")]
    pub task_state: String,
    #[serde(deserialize_with = "lenient::text")]
    pub vm_state: String,
    pub flavor: Option<Flavor>,
    pub image: Option<ImageRef>,
    #[serde(deserialize_with = "addresses")]
    pub addresses: BTreeMap<String, Vec<Address>>,
    #[serde(deserialize_with = "lenient::list")]
    pub security_groups: Vec<NamedRef>,
    #[serde(deserialize_with = "lenient::list")]
    pub volumes_attached: Vec<Volume>,
    #[serde(deserialize_with = "lenient::text_list")]
    pub key_names: Vec<String>,
    #[serde(deserialize_with = "lenient::text_map")]
    pub metadata: BTreeMap<String, String>,
    #[serde(deserialize_with = "lenient::text_list")]
    pub tags: Vec<String>,
    pub fault: Option<Fault>,
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    #[serde(deserialize_with = "lenient::text")]
    pub updated_at: String,
    #[serde(deserialize_with = "lenient::text")]
    pub launched_at: String,
    #[serde(deserialize_with = "lenient::text")]
    pub terminated_at: String,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Flavor {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub vcpus: Option<u64>,
    /// MiB.
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub ram: Option<u64>,
    /// GiB.
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub disk: Option<u64>,
}

impl Flavor {
    /// "m1.medium · 2 vCPU · 4 GiB RAM · 40 GiB disk".
    pub fn summary(&self) -> String {
        let mut parts = vec![self.name.clone()];
        if let Some(v) = self.vcpus {
            parts.push(format!("{v} vCPU"));
        }
        if let Some(r) = self.ram {
            parts.push(if r % 1024 == 0 {
                format!("{} GiB RAM", r / 1024)
            } else {
                format!("{r} MiB RAM")
            });
        }
        if let Some(d) = self.disk {
            parts.push(format!("{d} GiB disk"));
        }
        parts.retain(|p| !p.is_empty());
        parts.join(" · ")
    }
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct ImageRef {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Address {
    #[serde(deserialize_with = "lenient::text")]
    pub addr: String,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub version: Option<u64>,
    #[serde(rename = "type", deserialize_with = "lenient::text")]
    pub kind: String,
    #[serde(deserialize_with = "lenient::text")]
    pub mac_addr: String,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct NamedRef {
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Volume {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub device: String,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub delete_on_termination: Option<bool>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Fault {
    #[serde(deserialize_with = "lenient::text")]
    pub code: String,
    #[serde(deserialize_with = "lenient::text")]
    pub message: String,
    #[serde(deserialize_with = "lenient::text")]
    pub details: String,
    #[serde(deserialize_with = "lenient::text")]
    pub created: String,
}

fn addresses<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Vec<Address>>, D::Error> {
    let raw = Option::<BTreeMap<String, Option<Vec<Address>>>>::deserialize(d)?.unwrap_or_default();
    Ok(raw.into_iter().map(|(k, v)| (k, v.unwrap_or_default())).collect())
}

impl Instance {
    /// Every address as "addr (network)".
    pub fn address_list(&self) -> Vec<String> {
        self.addresses
            .iter()
            .flat_map(|(net, list)| list.iter().map(move |a| format!("{} ({net})", a.addr)))
            .collect()
    }

    pub fn shown_fault(&self) -> Option<&Fault> {
        self.fault
            .as_ref()
            .filter(|f| !(f.code.is_empty() && f.message.is_empty()))
    }
}

/// Whether an instance is mid-change: BUILD, or any task in progress.
pub fn is_transitional(status: &str, task_state: &str) -> bool {
    !task_state.trim().is_empty() || matches!(status, "BUILD" | "REBOOT" | "HARD_REBOOT" | "MIGRATING" | "RESIZE")
}

pub fn tone(status: &str, task_state: &str) -> Tone {
    match status {
        "ERROR" => Tone::Bad,
        s if is_transitional(s, task_state) => Tone::Busy,
        "ACTIVE" => Tone::Ok,
        _ => Tone::Neutral,
    }
}

/// The list's filters and position (what lives in the URL).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkerQuery {
    pub limit: u32,
    pub marker: Option<String>,
    pub name: Option<String>,
    pub status: Option<String>,
    pub tags: Option<String>,
    pub flavor_id: Option<String>,
    pub image_id: Option<String>,
    /// 1-based page label (the marker decides the content).
    pub page: u32,
}

const FILTER_KEYS: [&str; 5] = ["name", "status", "tags", "flavor_id", "image_id"];

impl UrlQuery for MarkerQuery {
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut q = MarkerQuery::first(DEFAULT_PAGE_SIZE);
        for (k, v) in pairs {
            let v = v.trim();
            match k {
                "limit" => {
                    q.limit = v
                        .parse::<u32>()
                        .ok()
                        .filter(|l| (1..=1000).contains(l))
                        .unwrap_or(DEFAULT_PAGE_SIZE)
                }
                "marker" if !v.is_empty() => q.marker = Some(v.to_owned()),
                "page" => q.page = v.parse::<u32>().unwrap_or(1),
                k if !v.is_empty() => {
                    if let Some(slot) = q.filter_mut(k) {
                        *slot = Some(v.to_owned());
                    }
                }
                _ => {}
            }
        }
        q.page = if q.marker.is_none() { 1 } else { q.page.max(2) };
        q
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("limit", self.limit.to_string())];
        out.extend(self.filters());
        if let Some(m) = &self.marker {
            out.push(("marker", m.clone()));
            out.push(("page", self.page.to_string()));
        }
        out
    }
}

impl MarkerQuery {
    pub fn first(limit: u32) -> Self {
        MarkerQuery {
            limit,
            page: 1,
            ..MarkerQuery::default()
        }
    }

    fn filter_mut(&mut self, key: &str) -> Option<&mut Option<String>> {
        Some(match key {
            "name" => &mut self.name,
            "status" => &mut self.status,
            "tags" => &mut self.tags,
            "flavor_id" => &mut self.flavor_id,
            "image_id" => &mut self.image_id,
            _ => return None,
        })
    }

    /// The filters that are set, as (API parameter, value).
    pub fn filters(&self) -> Vec<(&'static str, String)> {
        let values = [&self.name, &self.status, &self.tags, &self.flavor_id, &self.image_id];
        FILTER_KEYS
            .iter()
            .zip(values)
            .filter_map(|(k, v)| v.clone().map(|v| (*k, v)))
            .collect()
    }

    pub fn request(&self, auth: &Auth) -> ApiRequest {
        let mut r = ApiRequest::get("/v1/instances".into()).with_auth(auth);
        r.query.push(("limit".into(), self.limit.to_string()));
        if let Some(m) = &self.marker {
            r.query.push(("marker".into(), m.clone()));
        }
        r.query
            .extend(self.filters().into_iter().map(|(k, v)| (k.to_string(), v)));
        r
    }

    /// The first page with other filters (a map of API parameter → value; empty = unset).
    pub fn with_filters(&self, limit: u32, filters: &[(&str, String)]) -> Self {
        let mut q = MarkerQuery::first(limit);
        for (k, v) in filters {
            if let Some(slot) = q.filter_mut(k) {
                *slot = Some(v.trim().to_owned()).filter(|v| !v.is_empty());
            }
        }
        q
    }

    /// The next page: only when `meta.has_more` is not false; the marker comes from
    /// `links.next` (only its `marker` is used, never its origin), else `meta.marker`,
    /// else the last instance's id. An empty page or a repeating marker ends paging.
    pub fn next(&self, page: &InstanceList) -> Option<Self> {
        let meta = page.meta.clone().unwrap_or_default();
        if meta.has_more == Some(false) || page.instances.is_empty() {
            return None;
        }
        let from_link = page
            .links
            .as_ref()
            .and_then(|l| query_param(&l.next, "marker"))
            .filter(|m| !m.is_empty());
        let has_next_link = page.links.as_ref().is_some_and(|l| !l.next.trim().is_empty());
        if meta.has_more.is_none() && !has_next_link {
            return None;
        }
        let marker = from_link
            .or_else(|| Some(meta.marker.clone()).filter(|m| !m.is_empty()))
            .or_else(|| page.instances.last().map(|i| i.id.clone()).filter(|m| !m.is_empty()))?;
        if self.marker.as_deref() == Some(marker.as_str()) {
            return None;
        }
        Some(MarkerQuery {
            marker: Some(marker),
            page: self.page.saturating_add(1),
            ..self.clone()
        })
    }

    /// The previous page: none on the first page; the marker of `links.previous`, or the
    /// first page when that link has no marker (or there is no link).
    pub fn previous(&self, page: Option<&InstanceList>) -> Option<Self> {
        self.marker.as_ref()?;
        let marker = page
            .and_then(|p| p.links.as_ref())
            .and_then(|l| query_param(&l.previous, "marker"))
            .filter(|m| !m.is_empty());
        Some(match marker {
            Some(m) => MarkerQuery {
                marker: Some(m),
                page: self.page.saturating_sub(1).max(2),
                ..self.clone()
            },
            None => MarkerQuery {
                marker: None,
                page: 1,
                ..self.clone()
            },
        })
    }
}

#[cfg(test)]
#[path = "bycloud_tests.rs"]
mod tests;

/// Decodes the answer to `GET /v1/instances`: the page, or the error body as an [`ApiError`].
/// Non-generic, so that it is compiled (and optimized for speed) in this crate.
pub fn decode_list(response: &ApiResponse) -> Result<InstanceList, ApiError> {
    decode_json(response)
}

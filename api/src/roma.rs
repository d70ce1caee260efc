//! ROMA Connect (seed 001): `GET /v2/{project_id}/instances` with offset/limit paging,
//! a `status` filter, and `total`/`size` in the answer.

use super::http::{decode_json, encode, ApiError, ApiRequest, ApiResponse, Auth, UrlQuery};
use super::lenient;
use super::lifecycle::Tone;
use serde::Deserialize;

/// The eight documented status filter values.
pub const STATUSES: [&str; 8] = [
    "CREATING",
    "RUNNING",
    "DELETING",
    "DELETED",
    "ERROR",
    "CREATE_FAILED",
    "DELETE_FAILED",
    "SOFT_DELETED",
];
/// Page sizes offered (the API takes 0–100).
pub const PAGE_SIZES: [u32; 4] = [10, 20, 50, 100];
pub const DEFAULT_PAGE_SIZE: u32 = 10;
pub const MAX_LIMIT: u32 = 100;

/// `GET /v2/{project_id}/instances`, 200.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct InstanceList {
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub total: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub size: Option<u64>,
    #[serde(deserialize_with = "lenient::list")]
    pub instances: Vec<Instance>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Instance {
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    #[serde(deserialize_with = "lenient::text")]
    pub flavor_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub flavor_type: String,
    #[serde(deserialize_with = "lenient::text")]
    pub cpu_arch: String,
    #[serde(deserialize_with = "lenient::text")]
    pub vpc_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub subnet_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub security_group_id: String,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub publicip_enable: Option<bool>,
    #[serde(deserialize_with = "lenient::text")]
    pub publicip_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub publicip_address: String,
    #[serde(deserialize_with = "lenient::text")]
    pub status: String,
    #[serde(deserialize_with = "lenient::text")]
    pub error_code: String,
    #[serde(deserialize_with = "lenient::text")]
    pub error_msg: String,
    #[serde(deserialize_with = "lenient::text")]
    pub charge_type: String,
    #[serde(deserialize_with = "lenient::text")]
    pub project_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub create_time: String,
    #[serde(deserialize_with = "lenient::text")]
    pub update_time: String,
    #[serde(deserialize_with = "lenient::text")]
    pub maintain_begin: String,
    #[serde(deserialize_with = "lenient::text")]
    pub maintain_end: String,
    #[serde(deserialize_with = "lenient::text_list")]
    pub available_zone_ids: Vec<String>,
    #[serde(deserialize_with = "lenient::text")]
    pub enterprise_project_id: String,
    pub created_user: Option<User>,
    pub last_updated_user: Option<User>,
}

#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct User {
    #[serde(deserialize_with = "lenient::text")]
    pub user_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub user_name: String,
}

impl User {
    /// The name, or the id when the name is empty (the docs say it can be).
    pub fn shown(&self) -> String {
        if self.user_name.trim().is_empty() {
            self.user_id.clone()
        } else {
            self.user_name.clone()
        }
    }
}

impl Instance {
    /// The instance's error, when it carries a real one. (The seed example sends the
    /// placeholder "string" in both fields of a RUNNING instance.)
    pub fn shown_error(&self) -> Option<(String, String)> {
        let real = |s: &str| !s.trim().is_empty();
        (real(&self.error_code) || real(&self.error_msg)).then(|| (self.error_code.clone(), self.error_msg.clone()))
    }

    /// The maintenance window, e.g. "22:00:00–02:00:00".
    pub fn maintenance_window(&self) -> String {
        match (self.maintain_begin.trim(), self.maintain_end.trim()) {
            ("", "") => String::new(),
            (b, e) => format!("{b}–{e}"),
        }
    }
}

/// Whether a status is mid-change (worth refreshing soon).
pub fn is_transitional(status: &str) -> bool {
    matches!(status, "CREATING" | "DELETING" | "FREEZING")
}

/// The badge colour of a status.
pub fn tone(status: &str) -> Tone {
    match status {
        "RUNNING" => Tone::Ok,
        s if is_transitional(s) => Tone::Busy,
        "ERROR" | "CREATE_FAILED" | "DELETE_FAILED" | "DELETE_FALIED" => Tone::Bad,
        _ => Tone::Neutral,
    }
}

/// Whether the documentation lists this status as a filter value.
pub fn is_documented(status: &str) -> bool {
    STATUSES.contains(&status)
}

/// Which page of the list a view shows (what lives in the URL).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OffsetQuery {
    pub offset: u64,
    pub limit: u32,
    pub status: Option<String>,
}

impl Default for OffsetQuery {
    fn default() -> Self {
        OffsetQuery {
            offset: 0,
            limit: DEFAULT_PAGE_SIZE,
            status: None,
        }
    }
}

impl UrlQuery for OffsetQuery {
    /// Reads a view's URL query (`offset`, `limit`, `status`); odd values fall back.
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut q = OffsetQuery::default();
        for (k, v) in pairs {
            let v = v.trim();
            match k {
                "offset" => q.offset = v.parse().unwrap_or(0),
                "limit" => {
                    q.limit = v
                        .parse::<u32>()
                        .ok()
                        .filter(|l| (1..=MAX_LIMIT).contains(l))
                        .unwrap_or(DEFAULT_PAGE_SIZE)
                }
                "status" if !v.is_empty() => q.status = Some(v.to_owned()),
                _ => {}
            }
        }
        q
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("limit", self.limit.to_string())];
        if let Some(s) = &self.status {
            out.push(("status", s.clone()));
        }
        if self.offset > 0 {
            out.push(("offset", self.offset.to_string()));
        }
        out
    }
}

impl OffsetQuery {
    pub fn request(&self, project_id: &str, auth: &Auth) -> ApiRequest {
        let mut r = ApiRequest::get(format!("/v2/{}/instances", encode(project_id))).with_auth(auth);
        r.query.push(("offset".into(), self.offset.to_string()));
        r.query.push(("limit".into(), self.limit.to_string()));
        if let Some(s) = &self.status {
            r.query.push(("status".into(), s.clone()));
        }
        r
    }

    /// 1-based number of the page this offset starts.
    pub fn page_number(&self) -> u64 {
        (self.offset / u64::from(self.limit.max(1))).saturating_add(1)
    }

    /// How many pages `total` items fill.
    pub fn page_count(&self, total: u64) -> u64 {
        total.div_ceil(u64::from(self.limit.max(1))).max(1)
    }

    /// Page `n` (1-based) with the same size and filter.
    pub fn page(&self, n: u64) -> Self {
        OffsetQuery {
            offset: n.saturating_sub(1).saturating_mul(u64::from(self.limit)),
            ..self.clone()
        }
    }

    /// The next page, if `total` says there is one (and the last page was not empty).
    pub fn next(&self, page: &InstanceList) -> Option<Self> {
        let got = page.instances.len() as u64;
        // An offset from the URL may be near u64::MAX: past it there is no next page.
        let end = self.offset.checked_add(got)?;
        match page.total {
            Some(total) if got > 0 && end < total => Some(OffsetQuery {
                offset: end,
                ..self.clone()
            }),
            // Without a total, a full page suggests there may be more.
            None if got >= u64::from(self.limit) && got > 0 => Some(OffsetQuery {
                offset: end,
                ..self.clone()
            }),
            _ => None,
        }
    }

    pub fn previous(&self) -> Option<Self> {
        (self.offset > 0).then(|| OffsetQuery {
            offset: self.offset.saturating_sub(u64::from(self.limit)),
            ..self.clone()
        })
    }

    /// The first page with another size or filter.
    pub fn restart(&self, limit: u32, status: Option<String>) -> Self {
        OffsetQuery {
            offset: 0,
            limit,
            status,
        }
    }
}

/// The page numbers a pager shows around `current` (1-based), with `None` for a gap.
pub fn page_window(current: u64, count: u64) -> Vec<Option<u64>> {
    let mut shown: Vec<u64> = [1, current.saturating_sub(1), current, current.saturating_add(1), count]
        .into_iter()
        .filter(|p| *p >= 1 && *p <= count)
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let mut out = Vec::new();
    for (i, p) in shown.iter().enumerate() {
        if i > 0 && *p > shown[i - 1] + 1 {
            out.push(None);
        }
        out.push(Some(*p));
    }
    out
}

/// Decodes the answer to `GET /v2/{project_id}/instances`: the page, or the error body as an [`ApiError`].
/// Non-generic, so that it is compiled (and optimized for speed) in this crate.
pub fn decode_list(response: &ApiResponse) -> Result<InstanceList, ApiError> {
    decode_json(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_query_round_trip_and_fallbacks() {
        let q = OffsetQuery {
            offset: 40,
            limit: 20,
            status: Some("RUNNING".into()),
        };
        let pairs = q.to_pairs();
        assert_eq!(OffsetQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))), q);
        assert_eq!(q.to_url_query(), "limit=20&status=RUNNING&offset=40");
        assert_eq!(
            OffsetQuery::from_pairs([("limit", "500"), ("offset", "-1")]),
            OffsetQuery::default()
        );
        assert_eq!(
            q.request("p", &Auth::AuthToken("t".into())).url(""),
            "/v2/p/instances?offset=40&limit=20&status=RUNNING"
        );
    }

    #[test]
    fn pages() {
        let q = OffsetQuery {
            offset: 40,
            limit: 20,
            status: None,
        };
        assert_eq!(q.page_number(), 3);
        assert_eq!(q.page_count(41), 3);
        assert_eq!(q.page_count(0), 1);
        assert_eq!(q.page(1).offset, 0);
        assert_eq!(q.previous().unwrap().offset, 20);
        assert_eq!(OffsetQuery::default().previous(), None);
        let full = InstanceList {
            total: Some(61),
            size: Some(20),
            instances: vec![Instance::default(); 20],
        };
        assert_eq!(q.next(&full).unwrap().offset, 60);
        let last = InstanceList {
            total: Some(60),
            size: Some(20),
            instances: vec![Instance::default(); 20],
        };
        assert_eq!(q.next(&last), None);
        let empty = InstanceList {
            total: Some(1000),
            size: Some(0),
            instances: vec![],
        };
        assert_eq!(
            q.next(&empty),
            None,
            "an empty page ends paging even if total says more"
        );
        assert_eq!(
            page_window(5, 10),
            [Some(1), None, Some(4), Some(5), Some(6), None, Some(10)]
        );
        assert_eq!(page_window(1, 2), [Some(1), Some(2)]);
        assert_eq!(page_window(2, 3), [Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn statuses_and_errors() {
        assert_eq!(tone("RUNNING"), Tone::Ok);
        assert_eq!(tone("CREATING"), Tone::Busy);
        assert_eq!(tone("DELETE_FALIED"), Tone::Bad);
        assert_eq!(tone("FROZEN"), Tone::Neutral);
        assert!(is_documented("SOFT_DELETED") && !is_documented("FROZEN"));
        let mut i = Instance {
            error_code: " ".into(),
            ..Instance::default()
        };
        assert_eq!(i.shown_error(), None);
        i.error_code = "ROMA.1".into();
        assert!(i.shown_error().is_some());
        i.maintain_begin = "22:00:00".into();
        i.maintain_end = "02:00:00".into();
        assert_eq!(i.maintenance_window(), "22:00:00–02:00:00");
        assert_eq!(
            User {
                user_id: "u1".into(),
                user_name: "".into()
            }
            .shown(),
            "u1"
        );
    }
}

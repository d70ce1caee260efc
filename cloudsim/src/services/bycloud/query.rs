//! The query of ByCloud's list. The page documents no 400, so the query
//! never fails: `limit` is clamped to 1–1000 (default 20; a non-integer
//! means the default), `marker` is the id after which the page starts (any
//! string works: items sorting after it), `name` matches exactly or, ending
//! with `*`, as a prefix, `status`, `flavor_id`, `image_id` match exactly and
//! `tags` (comma-separated) must all be present.
//!
//! Links are absolute: `http://{Host header}/v1/instances?limit=L` then
//! `&marker=M` and the request's filters (`name`, `status`, `tags`,
//! `flavor_id`, `image_id`, URL-encoded); without a `Host` header the base is
//! `https://api.spo1.mycloud.com`.

use super::fleet::Fleet;
use crate::ctx::Ctx;
use crate::encode::percent_encode;
use crate::query::{parse_digits, Params};

const DEFAULT_LIMIT: usize = 20;
const MAX_LIMIT: usize = 1000;
/// The base of links when the request has no `Host` header.
const DEFAULT_BASE: &str = "https://api.spo1.mycloud.com";

/// The parsed query; filters keep their decoded text for the links.
pub struct Query {
    pub limit: usize,
    pub marker: Option<String>,
    /// `(parameter, value)` in link order.
    pub filters: Vec<(&'static str, String)>,
}

const FILTERS: [&str; 5] = ["name", "status", "tags", "flavor_id", "image_id"];

pub fn parse_query(params: &Params) -> Query {
    let limit = match params.get("limit") {
        Some(v) => {
            let (negative, digits) = match v.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, v.strip_prefix('+').unwrap_or(v)),
            };
            match parse_digits(digits) {
                Some(_) if negative => 1,
                Some(n) => n.clamp(1, MAX_LIMIT as u64) as usize,
                None => DEFAULT_LIMIT,
            }
        }
        None => DEFAULT_LIMIT,
    };
    Query {
        limit,
        marker: params.get("marker").map(String::from),
        filters: FILTERS
            .into_iter()
            .filter_map(|name| params.get(name).map(|v| (name, v.to_string())))
            .collect(),
    }
}

impl Query {
    /// Whether instance `i` passes every filter at `now_ms`.
    pub fn keeps(&self, fleet: &Fleet, i: usize, now_ms: i64) -> bool {
        if self.filters.is_empty() {
            return true;
        }
        let traits = fleet.traits(i);
        self.filters.iter().all(|(param, wanted)| {
            let wanted = wanted.as_str();
            match *param {
                "name" => {
                    let name = traits.name(i);
                    match wanted.strip_suffix('*') {
                        Some(prefix) => name.starts_with(prefix),
                        None => name == wanted,
                    }
                }
                "status" => fleet.timeline(i).at(now_ms).status() == wanted,
                "tags" => wanted
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .all(|t| traits.tags.contains(&t)),
                "flavor_id" => traits.flavor.0 == wanted,
                _ => traits.image.0 == wanted,
            }
        })
    }

    /// An absolute link to the page after `marker` (None: the first page).
    pub fn link(&self, ctx: &Ctx, marker: Option<&str>) -> String {
        let mut url = match ctx.header("Host").filter(|h| !h.is_empty()) {
            Some(host) => format!("http://{host}"),
            None => DEFAULT_BASE.to_string(),
        };
        url.push_str(&format!("/v1/instances?limit={}", self.limit));
        if let Some(m) = marker {
            url.push_str(&format!("&marker={}", percent_encode(m)));
        }
        for (param, value) in &self.filters {
            url.push_str(&format!("&{param}={}", percent_encode(value)));
        }
        url
    }
}

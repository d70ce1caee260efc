//! The query of ECS's list. Where the documentation is silent, cloudsim
//! decides:
//! - `limit`: default 25; a value that is not an integer from 1 to 1000 is
//!   400 `Ecs.0005` naming `limit` (never clamped);
//! - `offset`: the deprecated page number (1-based, 0 is 1), used only
//!   without `marker`; not a non-negative integer → 400;
//! - `marker`: the id of the last server of the previous page; the page
//!   starts after it, whether or not it still matches the filters; an id
//!   no server has → 400 (as OpenStack answers an invalid marker);
//! - `status`: one of the documented values, or an older one the SDK's
//!   enum lists (PAUSED, SOFT_DELETED, SUSPENDED); exact and
//!   case-sensitive, with the documented intermediate matching (see
//!   `lifecycle::status_matches`); anything else → 400;
//! - `name`: fuzzy: the value appears anywhere in the name, `.` matching
//!   any one character but `\n` and `\r`, every other character (`*`, `[`,
//!   …) itself, case-sensitively;
//! - `flavor` (flavor id), `ip_eq` (the private IPv4), `reservation_id`:
//!   exact; `ip`: part of the private IPv4 (EIPs are not matched);
//! - `tags`: servers with a tag that is the value (`key=value`, or a
//!   key-only tag) or whose key is the value; `not-tags`: servers with no
//!   such tag; one tag per parameter (a comma is part of it);
//! - `enterprise_project_id`: every server is in `0` (the default
//!   project), which `all_granted_eps` covers too; any other value matches
//!   none;
//! - `server_id`: comma-separated and/or repeated; while set, every other
//!   parameter (filters and paging) is ignored, and the answer lists one
//!   entry per distinct id in the order asked;
//! - empty values count as absent, unknown parameters are ignored.

use super::errors::EcsError;
use super::fleet::Fleet;
use super::lifecycle::{status_matches, STATUSES};
use crate::encode::percent_decode;
use crate::query::{parse_digits, Params};

const DEFAULT_LIMIT: usize = 25;
const MAX_LIMIT: usize = 1000;

/// One filter of the list.
pub enum Filter {
    Status(&'static str),
    /// The pattern's characters.
    Name(Vec<char>),
    Flavor(String),
    Ip(String),
    IpEq(String),
    Tags(String),
    NotTags(String),
    Reservation(String),
    /// Whether the enterprise project asked for is the servers' (`0`).
    Project(bool),
}

/// Makes a filter of a parameter's value.
type MakeFilter = fn(String) -> Filter;

/// The parsed query.
pub struct Query {
    pub limit: usize,
    /// The page number (`offset`, 1-based).
    pub page: u64,
    pub marker: Option<String>,
    pub filters: Vec<Filter>,
    /// `server_id`'s ids (None: not set).
    pub server_ids: Option<Vec<String>>,
}

/// Every value of `name` in the raw query, decoded, comma lists split,
/// empty ones dropped, duplicates removed.
fn all_values(raw: &str, name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for pair in raw.split('&') {
        let (n, v) = pair.split_once('=').unwrap_or((pair, ""));
        if percent_decode(n, true) != name {
            continue;
        }
        for id in percent_decode(v, true).split(',').map(str::trim) {
            if !id.is_empty() && !out.iter().any(|o| o == id) {
                out.push(id.to_string());
            }
        }
    }
    out
}

/// Parses the raw query (without `?`).
pub fn parse_query(raw: &str) -> Result<Query, EcsError> {
    let ids = all_values(raw, "server_id");
    if !ids.is_empty() {
        return Ok(Query {
            limit: MAX_LIMIT,
            page: 1,
            marker: None,
            filters: Vec::new(),
            server_ids: Some(ids),
        });
    }
    let params = Params::parse(raw);
    let limit = match params.get("limit") {
        None => DEFAULT_LIMIT,
        Some(v) => match parse_digits(v) {
            Some(n) if (1..=MAX_LIMIT as u64).contains(&n) => n as usize,
            _ => {
                return Err(EcsError::bad_param(&format!(
                    "limit must be an integer from 1 to {MAX_LIMIT}, not {v:?}"
                )))
            }
        },
    };
    let page = match params.get("offset") {
        None => 1,
        Some(v) => parse_digits(v)
            .ok_or_else(|| EcsError::bad_param(&format!("offset must be a page number from 1, not {v:?}")))?
            .max(1),
    };
    let mut filters = Vec::new();
    if let Some(v) = params.get("status") {
        let status = STATUSES
            .iter()
            .find(|s| **s == v)
            .ok_or_else(|| EcsError::bad_param(&format!("status {v:?} is not a server status")))?;
        filters.push(Filter::Status(status));
    }
    let text = |name: &str| params.get(name).map(String::from);
    if let Some(v) = text("name") {
        filters.push(Filter::Name(v.chars().collect()));
    }
    let simple: [(&str, MakeFilter); 6] = [
        ("flavor", Filter::Flavor),
        ("ip", Filter::Ip),
        ("ip_eq", Filter::IpEq),
        ("tags", Filter::Tags),
        ("not-tags", Filter::NotTags),
        ("reservation_id", Filter::Reservation),
    ];
    for (name, filter) in simple {
        if let Some(v) = text(name) {
            filters.push(filter(v));
        }
    }
    if let Some(v) = params.get("enterprise_project_id") {
        filters.push(Filter::Project(v == "0" || v == "all_granted_eps"));
    }
    Ok(Query {
        limit,
        page,
        marker: text("marker"),
        filters,
        server_ids: None,
    })
}

/// Whether `pattern` appears in `name`, `.` matching any one character but
/// a line break.
pub fn fuzzy(name: &str, pattern: &[char]) -> bool {
    let name: Vec<char> = name.chars().collect();
    if pattern.len() > name.len() {
        return false;
    }
    (0..=name.len() - pattern.len()).any(|at| {
        pattern.iter().zip(&name[at..]).all(|(p, c)| match p {
            '.' => *c != '\n' && *c != '\r',
            p => p == c,
        })
    })
}

/// Whether `tag` (`key=value` or `key`) is `wanted` or has the key `wanted`.
fn tag_matches(tag: &str, wanted: &str) -> bool {
    tag == wanted || tag.split_once('=').is_some_and(|(key, _)| key == wanted)
}

impl Query {
    /// Whether server `i` passes every filter at `now_ms`.
    pub fn keeps(&self, fleet: &Fleet, i: usize, now_ms: i64) -> bool {
        if self.filters.is_empty() {
            return true;
        }
        let traits = fleet.traits(i);
        self.filters.iter().all(|filter| match filter {
            Filter::Status(wanted) => status_matches(wanted, fleet.timeline(i).at(now_ms).status()),
            Filter::Name(pattern) => fuzzy(&traits.name, pattern),
            Filter::Flavor(id) => traits.flavor.0 == id,
            Filter::Ip(part) => traits.ip.contains(part.as_str()),
            Filter::IpEq(ip) => traits.ip == *ip,
            Filter::Tags(wanted) => traits.tags.iter().any(|t| tag_matches(t, wanted)),
            Filter::NotTags(unwanted) => !traits.tags.iter().any(|t| tag_matches(t, unwanted)),
            Filter::Reservation(id) => traits.reservation_id == *id,
            Filter::Project(ours) => *ours,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_names_and_tags() {
        let p = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(fuzzy("ecs-web-01", &p("web")));
        assert!(fuzzy("ecs-web-01", &p("e.s-")));
        assert!(!fuzzy("ecs-db-02\n(x)", &p("02.(")));
        assert!(fuzzy("ecs-db-02\n(x)", &p("02\n(")));
        assert!(!fuzzy("ecs", &p("ecs-")));
        assert!(!fuzzy("ecs-web", &p("ecs*")));
        assert!(tag_matches("env=prod", "env") && tag_matches("env=prod", "env=prod"));
        assert!(tag_matches("backup", "backup") && !tag_matches("env=prod", "prod"));
        assert_eq!(
            all_values("server_id=a,b&x=1&server_id=c&server_id=%20a%20", "server_id"),
            ["a", "b", "c"]
        );
    }

    #[test]
    fn bad_values() {
        for bad in [
            "limit=0",
            "limit=1001",
            "limit=x",
            "limit=-1",
            "offset=-1",
            "status=running",
            "status=FOO",
        ] {
            assert!(parse_query(bad).is_err(), "{bad}");
        }
        let q = parse_query("limit=1000&offset=0&status=SUSPENDED").ok().unwrap();
        assert_eq!((q.limit, q.page, q.filters.len()), (1000, 1, 1));
        let q = parse_query("limit=0&server_id=x").ok().unwrap();
        assert_eq!(q.server_ids, Some(vec!["x".to_string()]));
    }
}

//! Which page of a list a view shows and with what filters: [`ListQuery`], the same for
//! every service (its limits and filter keys come from the service's [`ListInfo`]). It
//! lives in the view's URL, so a reload or a shared link shows the same page.

use super::info::{ListInfo, Paging};
use crate::http::encode_pairs;

/// Where in the list a page starts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Position {
    /// The first page.
    First,
    /// The page a marker names; `page` (≥ 2) is only its label, the marker decides the
    /// content.
    Marker { marker: String, page: u32 },
    /// The page starting at this offset (> 0).
    Offset(u64),
}

/// A list view's page, page size and filters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ListQuery {
    pub limit: u32,
    pub position: Position,
    /// The filters that are set, as (filter key, value), in the service's filter order.
    pub filters: Vec<(&'static str, String)>,
}

impl ListQuery {
    /// The first page with the default page size and no filter.
    pub fn first(info: &ListInfo) -> ListQuery {
        ListQuery {
            limit: info.default_page_size,
            position: Position::First,
            filters: Vec::new(),
        }
    }

    /// Reads a view's URL query: `limit`, the service's filter keys, `marker` and `page`
    /// (marker paging) or `offset` (offset paging). Anything odd falls back to the default;
    /// unknown keys are ignored.
    pub fn from_pairs<'a>(info: &ListInfo, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ListQuery {
        let mut q = ListQuery::first(info);
        let (mut marker, mut page, mut offset) = (None, 1u32, 0u64);
        let mut filters: Vec<(&'static str, String)> = Vec::new();
        for (k, raw) in pairs {
            let v = raw.trim();
            match k {
                "limit" => q.limit = info.limit_from(v),
                // A marker is the service's: kept exactly (spaces too), so a reload asks for
                // the same page.
                "marker" if !v.is_empty() => marker = Some(raw.to_owned()),
                "page" => page = v.parse::<u32>().unwrap_or(1),
                "offset" => offset = v.parse().unwrap_or(0),
                k if !v.is_empty() => {
                    if let Some(f) = info.filter(k) {
                        filters.retain(|(key, _)| *key != f.key);
                        filters.push((f.key, v.to_owned()));
                    }
                }
                _ => {}
            }
        }
        q.set_filters(info, filters);
        q.position = match (info.paging, marker) {
            (Paging::Marker, Some(marker)) => Position::Marker {
                marker,
                page: page.max(2),
            },
            (Paging::Offset, _) if offset > 0 => Position::Offset(offset),
            _ => Position::First,
        };
        q
    }

    /// The view's URL query pairs, the inverse of [`ListQuery::from_pairs`].
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("limit", self.limit.to_string())];
        out.extend(self.filters.iter().cloned());
        match &self.position {
            Position::First => {}
            Position::Marker { marker, page } => {
                out.push(("marker", marker.clone()));
                out.push(("page", page.to_string()));
            }
            Position::Offset(o) => out.push(("offset", o.to_string())),
        }
        out
    }

    /// The URL query string (no leading `?`).
    pub fn to_url_query(&self) -> String {
        encode_pairs(&self.to_pairs())
    }

    /// The value of filter `key`, if set.
    pub fn filter(&self, key: &str) -> Option<&str> {
        self.filters.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str())
    }

    /// Sets the filters from (key, value) pairs: values trimmed, empty ones and keys the
    /// service has no filter for dropped, kept in the service's filter order.
    fn set_filters<K: AsRef<str>>(&mut self, info: &ListInfo, filters: impl IntoIterator<Item = (K, String)>) {
        let given: Vec<(K, String)> = filters.into_iter().collect();
        self.filters = info
            .filters
            .iter()
            .filter_map(|f| {
                let (_, v) = given.iter().rev().find(|(k, _)| k.as_ref() == f.key)?;
                let v = v.trim();
                (!v.is_empty()).then(|| (f.key, v.to_owned()))
            })
            .collect();
    }

    /// The first page with another page size and filters.
    pub fn restart<K: AsRef<str>>(
        &self,
        info: &ListInfo,
        limit: u32,
        filters: impl IntoIterator<Item = (K, String)>,
    ) -> ListQuery {
        let mut q = ListQuery {
            limit,
            position: Position::First,
            filters: Vec::new(),
        };
        q.set_filters(info, filters);
        q
    }

    /// The first page with another page size, the same filters.
    pub fn with_limit(&self, limit: u32) -> ListQuery {
        ListQuery {
            limit,
            position: Position::First,
            filters: self.filters.clone(),
        }
    }

    /// The 1-based page number (marker paging: the label; offset paging: computed).
    pub fn page_number(&self) -> u64 {
        match &self.position {
            Position::First => 1,
            Position::Marker { page, .. } => u64::from(*page),
            Position::Offset(o) => (o / u64::from(self.limit.max(1))).saturating_add(1),
        }
    }

    /// The marker this page is asked with, if any.
    pub fn marker(&self) -> Option<&str> {
        match &self.position {
            Position::Marker { marker, .. } => Some(marker),
            _ => None,
        }
    }

    /// The offset this page starts at (0 unless offset paging).
    pub fn offset(&self) -> u64 {
        match &self.position {
            Position::Offset(o) => *o,
            _ => 0,
        }
    }

    /// Offset paging: page `n` (1-based) with the same size and filters.
    pub fn page(&self, n: u64) -> ListQuery {
        let offset = n.saturating_sub(1).saturating_mul(u64::from(self.limit));
        ListQuery {
            position: if offset == 0 {
                Position::First
            } else {
                Position::Offset(offset)
            },
            ..self.clone()
        }
    }

    /// Offset paging: how many pages `total` items fill.
    pub fn page_count(&self, total: u64) -> u64 {
        total.div_ceil(u64::from(self.limit.max(1))).max(1)
    }

    /// A key naming the walk this page belongs to (page size and filters, not position):
    /// the anomaly watch starts again when it changes.
    pub fn walk_key(&self) -> (u32, Vec<(&'static str, String)>) {
        (self.limit, self.filters.clone())
    }
}

//! Watching a walk through pages for what a service should never do: a marker that comes
//! back (a cycle), an empty page that claims more follow, a total that changes while
//! paging, a next link that points to another origin. Each is reported in words; paging
//! stops at a cycle or an empty page, so it can never loop.

use std::collections::HashMap;

/// Something odd a service did while paging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anomaly {
    /// The next marker is one the walk already followed (for the page given).
    Cycle { marker: String, first_seen_on_page: u64 },
    /// An empty page that says more pages follow.
    EmptyPageWithMore { page: u64 },
    /// The total changed while paging.
    TotalChanged { from: u64, to: u64 },
    /// A next/previous link to another origin; only its marker is used.
    ForeignLink { origin: String },
}

impl Anomaly {
    pub fn describe(&self) -> String {
        match self {
            Anomaly::Cycle { marker, first_seen_on_page } => format!(
                "The service sent a marker it had already sent for page {first_seen_on_page} ({}): a cycle, so paging stops here.",
                crate::http::clip(marker, 80)
            ),
            Anomaly::EmptyPageWithMore { page } => {
                format!("Page {page} is empty but the service says more follow: paging stops here.")
            }
            Anomaly::TotalChanged { from, to } => {
                format!("The total changed from {from} to {to} while paging: pages may repeat or skip instances.")
            }
            Anomaly::ForeignLink { origin } => format!(
                "The service's page links point to another origin ({}); only their marker is used, nothing is fetched from there.",
                crate::http::clip(origin, 80)
            ),
        }
    }

    /// Whether paging must stop because of it.
    pub fn stops_paging(&self) -> bool {
        matches!(self, Anomaly::Cycle { .. } | Anomaly::EmptyPageWithMore { .. })
    }
}

/// The origin (`scheme://host[:port]`) of an absolute URL; `None` for a relative one.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    (!scheme.is_empty() && !host.is_empty())
        .then(|| format!("{}://{}", scheme.to_ascii_lowercase(), host.to_ascii_lowercase()))
}

/// One page as the watch sees it.
#[derive(Clone, Copy, Debug, Default)]
pub struct PageSeen<'a> {
    /// 1-based page number.
    pub page: u64,
    /// Instances on the page.
    pub items: usize,
    pub total: Option<u64>,
    /// The marker the page points to, if any.
    pub next_marker: Option<&'a str>,
    /// Whether the page says more follow.
    pub has_more: bool,
    /// The page's next link (absolute or not).
    pub link: Option<&'a str>,
    /// The origin the app calls (`None` when it calls a same-origin path).
    pub own_origin: Option<&'a str>,
}

/// What one walk (one filter, one page size) has seen so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PagingWatch {
    /// Marker → the page it was sent for.
    markers: HashMap<String, u64>,
    total: Option<u64>,
}

impl PagingWatch {
    /// Records a page and what it says comes next; returns what is odd.
    pub fn record(&mut self, seen: PageSeen) -> Vec<Anomaly> {
        let PageSeen {
            page,
            items,
            total,
            next_marker,
            has_more,
            link,
            own_origin,
        } = seen;
        let mut out = Vec::new();
        if let (Some(was), Some(now)) = (self.total, total) {
            if was != now {
                out.push(Anomaly::TotalChanged { from: was, to: now });
            }
        }
        if total.is_some() {
            self.total = total;
        }
        if items == 0 && (has_more || next_marker.is_some()) {
            out.push(Anomaly::EmptyPageWithMore { page });
        }
        if let Some(m) = next_marker.filter(|m| !m.is_empty()) {
            match self.markers.get(m) {
                Some(&first) if first != page + 1 => out.push(Anomaly::Cycle {
                    marker: m.to_owned(),
                    first_seen_on_page: first - 1,
                }),
                _ => {
                    self.markers.insert(m.to_owned(), page + 1);
                }
            }
        }
        if let Some(o) = link.and_then(origin_of) {
            if own_origin.is_none_or(|own| !own.eq_ignore_ascii_case(&o)) {
                out.push(Anomaly::ForeignLink { origin: o });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_a_cycle_and_lets_a_revisit_of_the_same_page_pass() {
        let mut w = PagingWatch::default();
        assert!(w
            .record(PageSeen {
                page: 1,
                items: 10,
                total: Some(50),
                next_marker: Some("a"),
                has_more: true,
                link: None,
                own_origin: None
            })
            .is_empty());
        assert!(w
            .record(PageSeen {
                page: 2,
                items: 10,
                total: Some(50),
                next_marker: Some("b"),
                has_more: true,
                link: None,
                own_origin: None
            })
            .is_empty());
        // Going back to page 1 and forward again is not a cycle.
        assert!(w
            .record(PageSeen {
                page: 1,
                items: 10,
                total: Some(50),
                next_marker: Some("a"),
                has_more: true,
                link: None,
                own_origin: None
            })
            .is_empty());
        let odd = w.record(PageSeen {
            page: 3,
            items: 10,
            total: Some(50),
            next_marker: Some("a"),
            has_more: true,
            link: None,
            own_origin: None,
        });
        assert_eq!(
            odd,
            [Anomaly::Cycle {
                marker: "a".into(),
                first_seen_on_page: 1
            }]
        );
        assert!(odd[0].stops_paging());
        assert!(odd[0].describe().contains("page 1"));
    }

    #[test]
    fn empty_pages_totals_and_foreign_links() {
        let mut w = PagingWatch::default();
        assert_eq!(
            w.record(PageSeen {
                page: 4,
                items: 0,
                total: None,
                next_marker: None,
                has_more: true,
                link: None,
                own_origin: None
            }),
            [Anomaly::EmptyPageWithMore { page: 4 }]
        );
        assert!(w
            .record(PageSeen {
                page: 1,
                items: 10,
                total: Some(50),
                next_marker: None,
                has_more: false,
                link: None,
                own_origin: None
            })
            .is_empty());
        assert_eq!(
            w.record(PageSeen {
                page: 2,
                items: 10,
                total: Some(57),
                next_marker: None,
                has_more: false,
                link: None,
                own_origin: None
            }),
            [Anomaly::TotalChanged { from: 50, to: 57 }]
        );
        let link = "https://evil.example:8443/v1/instances?marker=x";
        let odd = w.record(PageSeen {
            page: 2,
            items: 10,
            total: Some(57),
            next_marker: Some("x"),
            has_more: true,
            link: Some(link),
            own_origin: Some("https://api.example"),
        });
        assert_eq!(
            odd,
            [Anomaly::ForeignLink {
                origin: "https://evil.example:8443".into()
            }]
        );
        assert!(!odd[0].stops_paging());
        assert!(w
            .record(PageSeen {
                page: 3,
                items: 10,
                total: Some(57),
                next_marker: Some("y"),
                has_more: true,
                link: Some("https://API.example/v1?marker=y"),
                own_origin: Some("https://api.example")
            })
            .is_empty());
        assert!(w
            .record(PageSeen {
                page: 4,
                items: 10,
                total: Some(57),
                next_marker: Some("z"),
                has_more: true,
                link: Some("/v1/instances?marker=z"),
                own_origin: None
            })
            .is_empty());
    }

    #[test]
    fn origins() {
        assert_eq!(origin_of("HTTP://Host:1/x?y").as_deref(), Some("http://host:1"));
        assert_eq!(origin_of("/relative?marker=x"), None);
        assert_eq!(origin_of("://nohost"), None);
        assert_eq!(origin_of("https://"), None);
    }
}

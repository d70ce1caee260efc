//! The generic paging rules: from what a page says ([`PageFacts`]) to the next page, the
//! previous page, and what the anomaly watch records. Stated once for every service.

use super::trail::Trail;
use super::watch::PageSeen;
use crate::service::{ListInfo, ListQuery, PageFacts, Paging, Position};

/// The page after `query`'s, if `facts` say there is one. Marker paging follows the marker
/// the page points to, unless the page is empty or the marker is the one just followed
/// (either would loop for ever). Offset paging goes on while the total says more follow
/// (without a total, while pages come back full).
pub fn next(info: &ListInfo, query: &ListQuery, facts: &PageFacts) -> Option<ListQuery> {
    match info.paging {
        Paging::Marker => {
            let marker = facts.next_marker.as_deref().filter(|m| !m.is_empty())?;
            if facts.items == 0 || facts.has_more == Some(false) || query.marker() == Some(marker) {
                return None;
            }
            Some(ListQuery {
                position: Position::Marker {
                    marker: marker.to_owned(),
                    page: u32::try_from(query.page_number().saturating_add(1)).unwrap_or(u32::MAX),
                },
                ..query.clone()
            })
        }
        Paging::Offset => {
            let got = facts.items as u64;
            // An offset from the URL may be near u64::MAX: past it there is no next page.
            let end = query.offset().checked_add(got)?;
            let more = match facts.total {
                Some(total) => got > 0 && end < total,
                None => got > 0 && got >= u64::from(query.limit),
            };
            more.then(|| ListQuery {
                position: Position::Offset(end),
                ..query.clone()
            })
        }
    }
}

/// The page before `query`'s: none on the first page. Marker paging takes the previous
/// marker the page names (the service's word, even on page 2: its label stays at least 2),
/// else the marker the [`Trail`] remembers for that page, else the first page. Offset
/// paging steps back one page size.
pub fn previous(info: &ListInfo, query: &ListQuery, facts: Option<&PageFacts>, trail: &Trail) -> Option<ListQuery> {
    match (info.paging, &query.position) {
        (_, Position::First) => None,
        (Paging::Marker, Position::Marker { page, .. }) => {
            let to = page.saturating_sub(1).max(1);
            let named = facts.and_then(|f| f.previous_marker.clone()).filter(|m| !m.is_empty());
            let remembered = || trail.marker_of(to).filter(|_| to >= 2).map(str::to_owned);
            Some(ListQuery {
                position: match named.or_else(remembered) {
                    Some(marker) => Position::Marker {
                        marker,
                        page: to.max(2),
                    },
                    None => Position::First,
                },
                ..query.clone()
            })
        }
        (_, Position::Offset(o)) => {
            let back = o.saturating_sub(u64::from(query.limit));
            Some(ListQuery {
                position: if back == 0 {
                    Position::First
                } else {
                    Position::Offset(back)
                },
                ..query.clone()
            })
        }
        (Paging::Offset, Position::Marker { .. }) => Some(ListQuery {
            position: Position::First,
            ..query.clone()
        }),
    }
}

/// What the anomaly watch records of a page: its number, items, total, the marker it
/// points to (marker paging) and whether it says more follow.
pub fn seen<'a>(info: &ListInfo, query: &ListQuery, facts: &'a PageFacts, own_origin: Option<&'a str>) -> PageSeen<'a> {
    let (next_marker, has_more) = match info.paging {
        Paging::Marker => (facts.next_marker.as_deref(), facts.has_more.unwrap_or(false)),
        Paging::Offset => {
            let end = query.offset().saturating_add(facts.items as u64);
            (None, facts.total.is_some_and(|t| end < t))
        }
    };
    PageSeen {
        page: query.page_number(),
        items: facts.items,
        total: facts.total,
        next_marker,
        has_more,
        link: facts.next_link.as_deref(),
        own_origin,
    }
}

/// The page numbers a numbered pager shows around `current` (1-based), with `None` for a
/// gap.
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

//! The overview's figures: each connection's instances by state category, from one cheap
//! request (the first page at the largest page size the service offers), with what they
//! count in words — every instance, or the first N of a total the service gives, or the
//! first N when it gives none — and the whole fleet's sums.

use crate::service::{count_by_category, ListInfo, ListPage, ListQuery};
use crate::state::Category;
use crate::table::grouped;

/// One connection's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Instances per category, in [`Category::ALL`]'s order.
    pub counts: Vec<(Category, u64)>,
    /// How many instances the counts cover.
    pub counted: u64,
    /// The total the service announces, if it does.
    pub total: Option<u64>,
    /// Whether more instances follow the page counted (a marker or a total says so).
    pub more: bool,
}

/// The request the overview makes for a list service: its first page, as large as the
/// service allows in one call.
pub fn overview_query(info: &ListInfo) -> ListQuery {
    let largest = info.page_sizes.iter().copied().max().unwrap_or(info.default_page_size);
    ListQuery::first(info).with_limit(largest)
}

impl Summary {
    /// The figures of the first page `page` (asked with `query`).
    pub fn of(page: &ListPage, query: &ListQuery) -> Summary {
        let counts = count_by_category(&**page);
        let counted = counts.iter().map(|(_, n)| n).sum();
        let facts = page.facts(query);
        let more = match facts.total {
            Some(t) => t > counted,
            None => facts.has_more.unwrap_or(false) || facts.next_marker.as_deref().is_some_and(|m| !m.is_empty()),
        };
        Summary {
            counts,
            counted,
            total: facts.total,
            more,
        }
    }

    /// How many fall in `category`.
    pub fn count(&self, category: Category) -> u64 {
        self.counts.iter().find(|(c, _)| *c == category).map_or(0, |(_, n)| *n)
    }

    /// What the counts cover, in words.
    pub fn covers(&self) -> String {
        let n = grouped(self.counted);
        let instances = if self.counted == 1 { "instance" } else { "instances" };
        match (self.total, self.more) {
            (_, false) => format!("All {n} {instances}"),
            (Some(t), true) => format!("The first {n} of {} instances (one request)", grouped(t)),
            (None, true) => format!("The first {n} {instances} (one request; the service gives no total)"),
        }
    }

    /// The sums of several connections' figures.
    pub fn sum<'a>(all: impl IntoIterator<Item = &'a Summary>) -> Summary {
        let mut out = Summary {
            counts: Category::ALL.iter().map(|c| (*c, 0)).collect(),
            counted: 0,
            total: Some(0),
            more: false,
        };
        for s in all {
            for (c, n) in &s.counts {
                if let Some(slot) = out.counts.iter_mut().find(|(k, _)| k == c) {
                    slot.1 += n;
                }
            }
            out.counted += s.counted;
            out.more |= s.more;
            out.total = match (out.total, s.total, s.more) {
                (Some(a), Some(b), _) => Some(a + b),
                (Some(a), None, false) => Some(a + s.counted),
                _ => None,
            };
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::clouddc;
    use crate::services::roma::{self, Roma};

    fn dc(states: &[&str], next: &str) -> ListPage {
        let ids: Vec<String> = (0..states.len()).map(|i| format!("i-{i}")).collect();
        let instances: Vec<(&str, &str)> = ids.iter().map(String::as_str).zip(states.iter().copied()).collect();
        crate::test_pages::clouddc_page(&instances, next, None)
    }

    #[test]
    fn counts_by_category_and_says_what_they_cover() {
        let q = overview_query(&clouddc::info::LIST);
        assert_eq!(q.limit, *clouddc::info::LIST.page_sizes.iter().max().unwrap());
        let all = Summary::of(&dc(&["running", "running", "stopped", "error", "bogus"], ""), &q);
        assert_eq!(all.count(Category::Running), 2);
        assert_eq!(all.count(Category::Stopped), 1);
        assert_eq!(all.count(Category::Failed), 1);
        assert_eq!(all.count(Category::Unknown), 1);
        assert_eq!(all.counted, 5);
        assert_eq!(all.covers(), "All 5 instances");
        let first = Summary::of(&dc(&["running"], "next-please"), &q);
        assert!(first.more);
        assert_eq!(
            first.covers(),
            "The first 1 instance (one request; the service gives no total)"
        );
    }

    #[test]
    fn a_total_says_how_many_are_not_counted_and_sums_add_up() {
        let instances: Vec<roma::wire::Instance> = (0..3)
            .map(|i| roma::wire::Instance {
                id: format!("r{i}"),
                status: "RUNNING".into(),
                ..roma::wire::Instance::default()
            })
            .collect();
        let page = ListPage::of::<Roma>(roma::wire::InstanceList {
            total: Some(1200),
            size: Some(3),
            instances: instances.into(),
        });
        let q = overview_query(&roma::info::LIST);
        let s = Summary::of(&page, &q);
        assert_eq!(s.total, Some(1200));
        assert!(s.more);
        assert_eq!(s.covers(), "The first 3 of 1,200 instances (one request)");
        let small = Summary::of(&dc(&["stopped"], ""), &overview_query(&clouddc::info::LIST));
        let fleet = Summary::sum([&s, &small]);
        assert_eq!(fleet.count(Category::Running), 3);
        assert_eq!(fleet.count(Category::Stopped), 1);
        assert_eq!(fleet.counted, 4);
        assert_eq!(fleet.total, Some(1201));
        let unknown = Summary::of(&dc(&["running"], "more"), &overview_query(&clouddc::info::LIST));
        assert_eq!(Summary::sum([&s, &unknown]).total, None, "a part with no total: none");
    }
}

//! Unit tests of `ShownRows` (incremental filter and sort) and the load-all wording.

use super::super::*;
use crate::http::ApiError;
use crate::load_all::{Progress, WalkOutcome};
use crate::paging::Anomaly;
use crate::service::{ListService, TypedRows};
use crate::services::clouddc::{wire as dcw, Clouddc};

fn dcr(rows: &[dcw::Instance]) -> TypedRows<'_, Clouddc> {
    TypedRows(rows)
}

/// The index of CloudDC's column `key`, if it has one.
fn ix(key: &str) -> Option<usize> {
    Clouddc::columns().iter().position(|c| c.spec.key == key)
}

/// A sort by key as a sort by column index (an unknown key: row order).
fn by(sort: Option<(&str, bool)>) -> Option<(usize, bool)> {
    sort.and_then(|(k, d)| Some((ix(k)?, d)))
}

/// The key of a sort by column index.
fn key_of(sort: Option<(usize, bool)>) -> Option<(&'static str, bool)> {
    sort.map(|(c, d)| (Clouddc::columns()[c].spec.key, d))
}

/// Toggles the sort by `key` (an unknown key sorts in row order).
fn toggle(table: &mut ShownRows, rows: &[dcw::Instance], key: &str) -> Option<(&'static str, bool)> {
    match ix(key) {
        Some(c) => key_of(table.toggle_sort(&dcr(rows), c)),
        None => {
            table.sort_by(&dcr(rows), None);
            None
        }
    }
}

fn dc(i: usize) -> dcw::Instance {
    let states = ["running", "stopped", "pending", "error", "", "terminated"];
    dcw::Instance {
        id: format!("id-{:05}", (i * 7919) % 100_003),
        name: format!("{}-{}", ["web", "db", "Web", "cache"][i % 4], i % 37),
        state: states[i % states.len()].into(),
        network_interfaces: vec![dcw::NetworkInterface {
            subnet_id: "s".into(),
            ipv4_address: format!("10.0.{}.{}", i / 256, i % 256),
        }],
        tags: vec![dcw::Tag {
            key: "env".into(),
            value: ["prod", "staging", "dev"][i % 3].into(),
        }],
        launched_at: if i.is_multiple_of(5) {
            String::new()
        } else {
            format!("2025-01-{:02}T00:00:00Z", 1 + i % 28)
        },
        ..dcw::Instance::default()
    }
}

/// A small deterministic generator.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// What the table should show, computed from scratch.
fn expected(rows: &[dcw::Instance], query: &str, sort: Option<(&str, bool)>) -> Vec<usize> {
    let mut shown = SearchIndex::new(&dcr(rows)).filter(&SearchQuery::parse(query));
    if let Some((col, descending)) = by(sort) {
        crate::table::sort(&dcr(rows), &mut shown, col, descending);
    }
    shown
}

#[test]
fn incremental_updates_match_a_fresh_computation() {
    let all: Vec<dcw::Instance> = (0..3_000).map(dc).collect();
    let queries = [
        "",
        "w",
        "we",
        "web",
        "web-1",
        "web run",
        "prod",
        "10.0.1",
        "zzz",
        "db",
        "\"env=dev\"",
        "web-12",
    ];
    let keys = ["name", "state", "launched", "ipv4", "error", "id", "nope"];
    for seed in 1..=12 {
        let mut rng = Lcg(seed);
        let mut table = ShownRows::new();
        let mut loaded = 0;
        let mut query = "";
        let mut sort: Option<(&str, bool)> = None;
        for step in 0..40 {
            match rng.below(4) {
                0 if loaded < all.len() => {
                    loaded = (loaded + 1 + rng.below(400)).min(all.len());
                    assert!(table.extend(&dcr(&all[..loaded])));
                }
                1 => {
                    query = queries[rng.below(queries.len())];
                    table.set_filter(query);
                }
                2 => {
                    sort = (rng.below(5) > 0).then(|| (keys[rng.below(keys.len())], rng.below(2) == 1));
                    table.sort_by(&dcr(&all[..loaded]), by(sort));
                    if sort.is_some_and(|(k, _)| k == "nope") {
                        sort = None;
                    }
                }
                _ => {
                    let key = keys[rng.below(keys.len() - 1)];
                    sort = toggle(&mut table, &all[..loaded], key);
                }
            }
            assert_eq!(table.len(), loaded);
            assert_eq!(
                table.shown(),
                expected(&all[..loaded], query, sort).as_slice(),
                "seed {seed} step {step}: {query:?} sorted by {sort:?} with {loaded} rows"
            );
            assert_eq!(key_of(table.sorted_by()), sort);
        }
    }
}

#[test]
fn toggling_a_column_reverses_it_and_another_column_starts_ascending() {
    let rows: Vec<dcw::Instance> = (0..50).map(dc).collect();
    let mut table = ShownRows::new();
    assert!(table.is_empty());
    table.extend(&dcr(&rows));
    assert!(!table.extend(&dcr(&rows)), "nothing new");
    assert_eq!(toggle(&mut table, &rows, "name"), Some(("name", false)));
    assert_eq!(toggle(&mut table, &rows, "name"), Some(("name", true)));
    assert_eq!(toggle(&mut table, &rows, "name"), Some(("name", false)));
    assert_eq!(toggle(&mut table, &rows, "state"), Some(("state", false)));
    assert_eq!(toggle(&mut table, &rows, "no-such-column"), None, "row order");
    assert_eq!(table.shown(), (0..50).collect::<Vec<_>>().as_slice());
}

#[test]
fn positions_and_rows_at_positions() {
    let rows: Vec<dcw::Instance> = (0..20).map(dc).collect();
    let mut table = ShownRows::new();
    table.extend(&dcr(&rows));
    assert!(table.set_filter("WEB"));
    assert!(!table.set_filter(" web "), "the same query");
    assert_eq!(table.query().terms(), ["web"]);
    let shown = table.shown().to_vec();
    assert!(shown.iter().all(|&r| rows[r].name.to_lowercase().starts_with("web")));
    assert_eq!(table.row_at(1), Some(shown[1]));
    assert_eq!(table.row_at(shown.len()), None);
    assert_eq!(table.position_of(shown[2]), Some(2));
    assert_eq!(table.position_of(1), None, "db-1 is filtered out");
    assert!(table.set_filter(""));
    assert_eq!(table.shown().len(), 20);
}

#[test]
fn a_list_that_shrinks_is_taken_in_afresh() {
    let rows: Vec<dcw::Instance> = (0..30).map(dc).collect();
    let mut table = ShownRows::new();
    table.extend(&dcr(&rows));
    table.set_filter("web");
    table.sort_by(&dcr(&rows), by(Some(("name", true))));
    assert!(table.extend(&dcr(&rows[..10])));
    assert_eq!(table.len(), 10);
    assert_eq!(
        table.shown(),
        expected(&rows[..10], "web", Some(("name", true))).as_slice()
    );
    // Sorting with fewer rows than indexed never reads past the list.
    let mut table = ShownRows::new();
    table.extend(&dcr(&rows));
    table.sort_by(&dcr(&rows[..5]), by(Some(("name", false))));
    assert_eq!(table.shown().len(), 30);
}

#[test]
fn counts_are_grouped_by_thousands() {
    assert_eq!(grouped(0), "0");
    assert_eq!(grouped(999), "999");
    assert_eq!(grouped(1_000), "1,000");
    assert_eq!(grouped(100_000), "100,000");
    assert_eq!(grouped(1_234_567), "1,234,567");
    assert_eq!(grouped(u64::MAX), "18,446,744,073,709,551,615");
    assert_eq!(showing(1_234, 100_000), "Showing 1,234 of 100,000");
}

#[test]
fn states_and_status_lines() {
    assert_eq!(LoadState::of(None, false), LoadState::Loading);
    assert_eq!(
        LoadState::of(Some(&WalkOutcome::Complete), false),
        LoadState::Loading,
        "answers still under way"
    );
    assert_eq!(LoadState::of(Some(&WalkOutcome::Complete), true), LoadState::Done);
    assert_eq!(LoadState::of(Some(&WalkOutcome::Cancelled), true).as_str(), "cancelled");
    let failed = WalkOutcome::Failed(ApiError::Network("refused".into()));
    assert_eq!(LoadState::of(Some(&failed), true).as_str(), "failed");
    let stopped = WalkOutcome::Stopped(Anomaly::EmptyPageWithMore { page: 4 });
    assert_eq!(LoadState::of(Some(&stopped), true).as_str(), "stopped");
    assert_eq!(LoadState::Loading.as_str(), "loading");
    assert_eq!(LoadState::Done.as_str(), "done");

    let p = Progress {
        pages_done: 12,
        rows: 12_000,
        rows_total: Some(100_000),
        ..Progress::default()
    };
    assert_eq!(
        load_status(LoadState::Loading, &p),
        "Loading… 12 pages, 12,000 of 100,000 instances"
    );
    assert_eq!(
        load_status(LoadState::Cancelled, &p),
        "Cancelled after 12 pages, 12,000 of 100,000 instances"
    );
    let unknown = Progress {
        pages_done: 1,
        rows: 1,
        ..Progress::default()
    };
    assert_eq!(load_status(LoadState::Loading, &unknown), "Loading… 1 page, 1 instance");
    let done = Progress {
        pages_done: 100,
        rows: 100_000,
        done: true,
        ..Progress::default()
    };
    assert_eq!(
        load_status(LoadState::Done, &done),
        "Loaded 100,000 instances in 100 pages"
    );
    let err = Progress {
        pages_done: 3,
        rows: 3_000,
        error: Some(failed.describe().unwrap()),
        ..Progress::default()
    };
    assert_eq!(
        load_status(LoadState::Failed, &err),
        "Stopped by an error after 3 pages (3,000 instances kept): Network failure: the endpoint could not be reached: refused"
    );
    let odd = Progress {
        error: stopped.describe(),
        ..err
    };
    assert!(load_status(LoadState::Stopped, &odd)
        .starts_with("Paging stopped after 3 pages (3,000 instances kept): Page 4 is empty"));
}

#[test]
fn filtering_shuffled_candidates_reads_rows_in_order_with_the_same_result() {
    let rows: Vec<dcw::Instance> = (0..5_000).map(dc).collect();
    let index = SearchIndex::new(&dcr(&rows));
    let mut rng = Lcg(7);
    let mut shuffled: Vec<usize> = (0..5_000).collect();
    for i in (1..shuffled.len()).rev() {
        shuffled.swap(i, rng.below(i + 1));
    }
    shuffled.truncate(3_000);
    shuffled.push(99_999); // not indexed: dropped
    for q in ["web", "prod 10.0.1", "zzz", ""] {
        let q = SearchQuery::parse(q);
        assert_eq!(
            index.filter_within_shuffled(&shuffled, &q),
            index.filter_within(&shuffled, &q)
        );
    }
}

#[test]
fn the_word_at_a_time_search_finds_what_str_contains_finds() {
    let mut rng = Lcg(3);
    let alphabet = b"ab=-\x1f1";
    for _ in 0..4_000 {
        let hay: Vec<u8> = (0..rng.below(40))
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let needle: Vec<u8> = (0..1 + rng.below(4))
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let expected = hay.windows(needle.len()).any(|w| w == needle.as_slice());
        for rare in 0..needle.len() + 2 {
            assert_eq!(
                crate::table::contains(&hay, &needle, rare),
                expected,
                "{hay:?} {needle:?} rare at {rare}"
            );
        }
    }
    assert!(crate::table::contains(b"anything", b"", 0));
    assert!(!crate::table::contains(b"ab", b"abc", 1));
    assert!(crate::table::contains("σofia spawn".as_bytes(), "ofia".as_bytes(), 3));
    assert!(
        crate::table::contains(b"0123456789abcdefXYZ", b"XYZ", 0),
        "past the last whole word"
    );
    assert!(
        crate::table::contains(b"XYZ0123456789abcdef", b"XYZ", 2),
        "in the first word"
    );
}

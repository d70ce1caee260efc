//! Unit tests of the table model.

use super::super::*;
use crate::lenient::SortedMap;
use crate::service::{ListService, TypedRows};
use crate::services::bycloud::{wire as by, ByCloud};
use crate::services::clouddc::{self, wire as dcw, Clouddc};
use crate::services::roma::{wire as rw, Roma};
use std::cmp::Ordering;

fn dcr(rows: &[dcw::Instance]) -> TypedRows<'_, Clouddc> {
    TypedRows(rows)
}

/// The index of `S`'s column `key`.
fn col_of<S: ListService>(key: &str) -> usize {
    S::columns().iter().position(|c| c.spec.key == key).expect("a column")
}

/// Filtered by `query` and sorted by column `key` (descending or not); an unknown column
/// leaves row order.
fn view(rows: &dyn Rows, index: &SearchIndex, query: &str, sort_by: Option<(Option<usize>, bool)>) -> Vec<usize> {
    let mut shown = index.filter(&SearchQuery::parse(query));
    if let Some((Some(col), descending)) = sort_by {
        sort(rows, &mut shown, col, descending);
    }
    shown
}

fn dc(i: usize) -> dcw::Instance {
    let states = ["running", "stopped", "pending", "error", "shutting-down", "terminated"];
    dcw::Instance {
        id: format!("0198-{i:06x}"),
        name: format!("{}-{i}", ["Web", "db", "CACHE", "worker"][i % 4]),
        state: states[i % states.len()].into(),
        network_interfaces: vec![dcw::NetworkInterface {
            subnet_id: "s".into(),
            ipv4_address: format!("10.{}.{}.{}", i / 65_536, (i / 256) % 256, i % 256),
        }],
        tags: vec![dcw::Tag {
            key: "env".into(),
            value: ["prod", "staging", "dev"][i % 3].into(),
        }],
        image: Some(dcw::Image {
            name: "Ubuntu".into(),
            ..dcw::Image::default()
        }),
        ..dcw::Instance::default()
    }
}

/// The filter as the documentation states it, without any index.
fn naive(rows: &[dcw::Instance], query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    rows.iter()
        .enumerate()
        .filter(|(_, r)| {
            let mut fields = vec![r.name.to_lowercase(), r.id.to_lowercase(), r.state.to_lowercase()];
            fields.extend(r.ipv4s().iter().map(|a| a.to_lowercase()));
            fields.extend(r.tags.iter().map(|t| format!("{}={}", t.key, t.value).to_lowercase()));
            words.iter().all(|w| fields.iter().any(|f| f.contains(w.as_str())))
        })
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn natural_order() {
    let mut v = vec![
        "web-10",
        "web-2",
        "Web-1",
        "web-02",
        "a",
        "",
        "10.0.0.10",
        "10.0.0.9",
        "b1c",
        "b1b",
    ];
    v.sort_by(|a, b| natural_cmp(a, b));
    assert_eq!(
        v,
        [
            "",
            "10.0.0.9",
            "10.0.0.10",
            "Web-1",
            "a",
            "b1b",
            "b1c",
            "web-02",
            "web-2",
            "web-10"
        ]
    );
    assert_eq!(natural_cmp("x007", "x7"), Ordering::Less, "a tie broken by plain order");
    assert_eq!(natural_cmp("é2", "é10"), Ordering::Less);
    assert_eq!(
        natural_cmp("99999999999999999999999", "100000000000000000000000"),
        Ordering::Less
    );
}

#[test]
fn sort_keys() {
    assert_eq!(SortKey::text("  "), SortKey::Empty);
    assert_eq!(SortKey::text(" AbC "), SortKey::Text("abc".into()));
    assert_eq!(SortKey::time("1970-01-01T00:00:01Z"), SortKey::Num(1000));
    assert_eq!(SortKey::time("yesterday"), SortKey::Text("yesterday".into()));
    assert_eq!(SortKey::num(None::<u64>), SortKey::Empty);
    assert!(SortKey::Num(5) < SortKey::Text("0".into()));
    assert!(SortKey::Text("z".into()) < SortKey::Empty);
}

#[test]
fn sort_is_stable_both_ways_and_keeps_empty_cells_last() {
    let rows: Vec<dcw::Instance> = ["b", "a", "", "b", "c", "a", ""]
        .iter()
        .enumerate()
        .map(|(i, s)| dcw::Instance {
            id: i.to_string(),
            state: (*s).into(),
            ..dcw::Instance::default()
        })
        .collect();
    let col = col_of::<Clouddc>("state");
    let rows = dcr(&rows);
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    sort(&rows, &mut idx, col, false);
    assert_eq!(idx, [1, 5, 0, 3, 4, 2, 6]);
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    sort(&rows, &mut idx, col, true);
    assert_eq!(idx, [4, 0, 3, 1, 5, 2, 6]);
    // A subset sorts among itself.
    let mut idx = vec![6, 3, 1];
    sort(&rows, &mut idx, col, false);
    assert_eq!(idx, [1, 3, 6]);
}

#[test]
fn sorts_times_and_numbers_as_such() {
    let rows: Vec<by::Instance> = [
        (Some(8), "2025-01-02T00:00:00+08:00"),
        (None, ""),
        (Some(16), "2025-01-01T20:00:00Z"),
    ]
    .iter()
    .map(|(vcpus, t)| by::Instance {
        created_at: (*t).into(),
        flavor: Some(by::Flavor {
            vcpus: *vcpus,
            ..by::Flavor::default()
        }),
        ..by::Instance::default()
    })
    .collect();
    let rows = TypedRows::<ByCloud>(&rows);
    let mut idx = vec![0, 1, 2];
    sort(&rows, &mut idx, col_of::<ByCloud>("created"), false);
    assert_eq!(idx, [0, 2, 1], "16:00Z is before 20:00Z; the empty time last");
    sort(&rows, &mut idx, col_of::<ByCloud>("vcpus"), true);
    assert_eq!(idx, [2, 0, 1]);
}

#[test]
fn every_service_has_unique_column_keys_that_sort_a_default_row() {
    fn check<S: ListService>()
    where
        S::Row: Default,
    {
        let cols = S::columns();
        let mut keys: Vec<&str> = cols.iter().map(|c| c.spec.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), cols.len());
        for key in ["name", "id", "created"] {
            assert!(cols.iter().any(|c| c.spec.key == key), "{key}");
        }
        let row = S::Row::default();
        for c in cols {
            let _ = (c.sort)(&row);
            let _ = (c.cell)(&row);
            assert!(!c.spec.title.is_empty() && c.spec.width > 0);
        }
    }
    check::<Clouddc>();
    check::<Roma>();
    check::<ByCloud>();
    assert!(format!("{:?}", clouddc::columns::COLUMNS[0]).contains("name"));
}

#[test]
fn filters_name_id_ips_tags_and_state_case_insensitively() {
    let rows: Vec<dcw::Instance> = (0..8).map(dc).collect();
    let rows = dcr(&rows);
    assert_eq!(filter(&rows, ""), (0..8).collect::<Vec<_>>());
    assert_eq!(filter(&rows, "   "), (0..8).collect::<Vec<_>>());
    assert_eq!(filter(&rows, "WEB"), [0, 4]);
    assert_eq!(filter(&rows, "web running"), [0]);
    assert_eq!(filter(&rows, "10.0.0.5"), [5]);
    assert_eq!(filter(&rows, "ENV=PROD"), [0, 3, 6]);
    assert_eq!(filter(&rows, "staging"), [1, 4, 7]);
    assert_eq!(filter(&rows, "0198-000007"), [7]);
    assert_eq!(
        filter(&rows, "ubuntu"),
        Vec::<usize>::new(),
        "the image is not searched"
    );
    assert_eq!(filter(&rows, "web nothing"), Vec::<usize>::new());
    assert_eq!(filter(&rows, "\"db-1\""), [1]);
    // No term matches across two fields.
    assert_eq!(filter(&rows, "web-0running"), Vec::<usize>::new());
    assert_eq!(filter(&rows, "\"web-0 running\""), Vec::<usize>::new());

    let roma_rows = vec![rw::Instance {
        id: "r1".into(),
        name: "Orders".into(),
        status: "RUNNING".into(),
        publicip_address: "203.0.113.7".into(),
        ..rw::Instance::default()
    }];
    assert_eq!(filter(&TypedRows::<Roma>(&roma_rows), "orders running 113.7"), [0]);
    let by_rows = vec![by::Instance {
        id: "b1".into(),
        name: "ΣOFIA".into(),
        status: "ACTIVE".into(),
        task_state: "spawning".into(),
        tags: vec!["Blue".into()],
        addresses: SortedMap::from([(
            "private".into(),
            vec![by::Address {
                addr: "192.168.1.20".into(),
                ..by::Address::default()
            }],
        )]),
        ..by::Instance::default()
    }];
    let by_rows = TypedRows::<ByCloud>(&by_rows);
    assert_eq!(filter(&by_rows, "σofia spawn blue 168.1.2 active"), [0]);
    assert_eq!(filter(&by_rows, "ΣOFIA"), [0]);
}

#[test]
fn queries_parse_and_narrow() {
    let q = SearchQuery::parse("web  Web-1 \"Env=Prod\" x");
    assert_eq!(q.terms(), ["env=prod", "web-1", "x"]);
    assert!(SearchQuery::parse("web-12").narrows(&SearchQuery::parse("web-1")));
    assert!(SearchQuery::parse("web run").narrows(&SearchQuery::parse("web")));
    assert!(!SearchQuery::parse("web").narrows(&SearchQuery::parse("web run")));
    assert!(!SearchQuery::parse("we").narrows(&SearchQuery::parse("web")));
    assert!(SearchQuery::parse("anything").narrows(&SearchQuery::parse("")));
    assert!(SearchQuery::parse("a\"b").terms().contains(&"b".to_string()));
}

#[test]
fn an_index_grows_with_the_pages() {
    let rows: Vec<dcw::Instance> = (0..50).map(dc).collect();
    let mut index = SearchIndex::new(&dcr(&rows[..20]));
    index.extend(&dcr(&rows));
    assert_eq!(index, SearchIndex::new(&dcr(&rows)));
    assert_eq!(index.len(), 50);
    assert!(!index.is_empty() && SearchIndex::default().is_empty());
    assert!(index
        .haystack(0)
        .starts_with("web-0\u{1f}0198-000000\u{1f}running\u{1f}"));
    assert_eq!(index.filter_within(&[0, 4, 99], &SearchQuery::parse("web")), [0, 4]);
}

#[test]
fn filtering_100_000_rows_matches_the_plain_definition() {
    let rows: Vec<dcw::Instance> = (0..100_000).map(dc).collect();
    let index = SearchIndex::new(&dcr(&rows));
    assert_eq!(index.len(), 100_000);
    let mut previous: Option<(SearchQuery, Vec<usize>)> = None;
    for query in [
        "",
        "w",
        "we",
        "web",
        "web-9",
        "web-99",
        "web-999",
        "WEB-9999 running",
        "10.1.",
        "10.1.134.160",
        "prod error",
        "0198-01",
        "cache staging 10.0",
        "zzz",
    ] {
        let q = SearchQuery::parse(query);
        let got = index.filter(&q);
        assert_eq!(got, naive(&rows, query), "{query:?}");
        if let Some((pq, prev)) = &previous {
            if q.narrows(pq) {
                assert_eq!(index.filter_within(prev, &q), got, "{query:?} within {pq:?}");
            }
        }
        previous = Some((q, got));
    }
    // Sorted and filtered at once.
    let shown = view(
        &dcr(&rows),
        &index,
        "web running",
        Some((Some(col_of::<Clouddc>("name")), true)),
    );
    assert_eq!(shown.len(), 100_000 / 12 + 1);
    assert_eq!(rows[shown[0]].name, "Web-99996");
    assert!(shown
        .windows(2)
        .all(|w| natural_cmp(&rows[w[0]].name.to_lowercase(), &rows[w[1]].name.to_lowercase()) != Ordering::Less));
    let unsorted = view(&dcr(&rows), &index, "web-1 ", Some((None, false)));
    assert_eq!(unsorted, naive(&rows, "web-1"), "an unknown column leaves row order");
}

#[test]
fn visible_window() {
    assert_eq!(visible_range(0.0, 100.0, 20.0, 1000, 0), 0..5);
    assert_eq!(visible_range(0.0, 100.0, 20.0, 1000, 3), 0..8);
    assert_eq!(visible_range(30.0, 100.0, 20.0, 1000, 0), 1..7);
    assert_eq!(visible_range(30.0, 100.0, 20.0, 1000, 2), 0..9);
    assert_eq!(visible_range(19_950.0, 100.0, 20.0, 1000, 5), 992..1000);
    assert_eq!(visible_range(1e12, 100.0, 20.0, 1000, 5), 995..1000);
    assert_eq!(visible_range(0.0, 100.0, 20.0, 3, 5), 0..3);
    assert_eq!(visible_range(0.0, 100.0, 20.0, 0, 5), 0..0);
    assert_eq!(visible_range(-50.0, 100.0, 20.0, 1000, 0), 0..5);
    assert_eq!(visible_range(f64::NAN, f64::INFINITY, 20.0, 1000, 1), 0..1);
    assert_eq!(visible_range(0.0, 100.0, 0.0, 1000, 1), 0..0);
    assert_eq!(visible_range(0.0, 100.0, f64::NAN, 1000, 1), 0..0);
    assert_eq!(visible_range(0.0, 100.0, 20.0, 100_000, usize::MAX), 0..100_000);
    // 100,000 rows of 24 px: a window deep in the table stays small.
    let r = visible_range(1_200_000.0, 720.0, 24.0, 100_000, 10);
    assert_eq!(r, 49_990..50_040);
    assert_eq!(total_height(100_000, 24.0), 2_400_000.0);
    assert_eq!(row_top(r.start, 24.0), 1_199_760.0);
    assert_eq!(page_rows(720.0, 24.0), 30);
    assert_eq!(page_rows(10.0, 24.0), 1);
    assert_eq!(page_rows(720.0, 0.0), 1);
    assert_eq!(scroll_to_reveal(5, 0.0, 100.0, 20.0), Some(20.0));
    assert_eq!(scroll_to_reveal(2, 0.0, 100.0, 20.0), None);
    assert_eq!(scroll_to_reveal(2, 100.0, 100.0, 20.0), Some(40.0));
}

#[test]
fn keyboard_moves() {
    use Move::*;
    assert_eq!(Move::from_key("ArrowDown"), Some(Down));
    assert_eq!(Move::from_key("PageUp"), Some(PageUp));
    assert_eq!(Move::from_key("Enter"), None);
    let m = |c, mv| move_selection(c, mv, 100, 10);
    assert_eq!(m(None, Down), Some(0));
    assert_eq!(m(None, PageDown), Some(0));
    assert_eq!(m(None, Up), Some(99));
    assert_eq!(m(None, End), Some(99));
    assert_eq!(m(Some(5), Up), Some(4));
    assert_eq!(m(Some(0), Up), Some(0));
    assert_eq!(m(Some(5), Down), Some(6));
    assert_eq!(m(Some(99), Down), Some(99));
    assert_eq!(m(Some(5), PageUp), Some(0));
    assert_eq!(m(Some(25), PageUp), Some(15));
    assert_eq!(m(Some(25), PageDown), Some(35));
    assert_eq!(m(Some(95), PageDown), Some(99));
    assert_eq!(m(Some(50), Home), Some(0));
    assert_eq!(m(Some(50), End), Some(99));
    assert_eq!(m(Some(500), Up), Some(98), "past the end counts as the last row");
    assert_eq!(move_selection(Some(3), Down, 0, 10), None);
    assert_eq!(
        move_selection(Some(3), PageDown, 10, 0),
        Some(4),
        "a page is at least a row"
    );
    assert_eq!(
        move_selection(Some(usize::MAX - 1), PageDown, usize::MAX, usize::MAX),
        Some(usize::MAX - 1)
    );
}

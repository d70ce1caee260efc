//! The paging rules on whatever decoded, for every service's `LIST`: the view's URL query
//! read and written back ([`ListQuery::from_pairs`] / [`ListQuery::to_pairs`]), the next
//! and previous pages ([`paging::next`], [`paging::previous`], the [`Trail`]), the
//! numbered pager's window, and the anomaly watch.

use super::checks::Env;
use skyglass_core::http::query_param;
use skyglass_core::paging::{self, origin_of, page_window, PagingWatch, Trail};
use skyglass_core::service::{list_api, ListInfo, ListQuery, ListService, PageFacts, Paging, Position};
use std::hint::black_box;

/// What `from_pairs` reads survives the trip through the view's URL text unchanged.
pub fn url_round_trip(info: &ListInfo, q: &ListQuery) {
    let text = q.to_url_query();
    let pairs = q.to_pairs();
    for (k, v) in &pairs {
        assert_eq!(query_param(&text, k).as_deref(), Some(v.as_str()), "{k} in {text:?}");
        black_box(query_param(&format!("/x?{text}#frag"), k));
    }
    let again = ListQuery::from_pairs(info, pairs.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(&again, q, "from_pairs(to_pairs(q)) != q");
}

/// A query the app built (a next or previous page): its URL text is readable.
pub fn url_text(info: &ListInfo, q: &ListQuery) {
    let text = q.to_url_query();
    black_box(ListQuery::from_pairs(
        info,
        q.to_pairs().iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>(),
    ));
    black_box((query_param(&text, "marker"), query_param(&text, "offset")));
}

/// The queries a view of `info` may be on: the first page, the one its URL names, that one
/// restarted with the URL's pairs as filters (both round-tripped), the URLs `far` (pages
/// and offsets at their maxima) and `literal` queries no URL makes.
pub fn queries(info: &ListInfo, env: &Env, far: &[&[(&str, &str)]], literal: Vec<ListQuery>) -> Vec<ListQuery> {
    let from_url = ListQuery::from_pairs(info, env.pairs());
    url_round_trip(info, &from_url);
    let filters = env.pairs.iter().map(|(k, v)| (k.as_str(), v.clone()));
    let filtered = from_url.restart(info, from_url.limit, filters);
    url_round_trip(info, &filtered);
    let mut out = vec![ListQuery::first(info), from_url, filtered];
    out.extend(
        far.iter()
            .map(|pairs| ListQuery::from_pairs(info, pairs.iter().copied())),
    );
    out.extend(literal);
    out
}

/// What a numbered pager must show: pages increasing within 1..=count, 1 and the last
/// always, the current one when it exists, a gap exactly where pages are skipped.
pub fn window_checks(current: u64, count: u64, window: &[Option<u64>]) {
    let pages: Vec<u64> = window.iter().flatten().copied().collect();
    assert!(pages.windows(2).all(|w| w[0] < w[1]), "{window:?}");
    assert!(pages.iter().all(|p| (1..=count).contains(p)), "{window:?} past {count}");
    let mut expected = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        if i > 0 && *p > pages[i - 1] + 1 {
            expected.push(None);
        }
        expected.push(Some(*p));
    }
    assert_eq!(window, expected, "a gap where pages are skipped, only there");
    assert!(window.len() <= 9, "{window:?}");
    if count >= 1 {
        assert_eq!((pages.first(), pages.last()), (Some(&1), Some(&count)), "{window:?}");
        if current <= count {
            assert!(pages.contains(&current.max(1)), "{current} not in {window:?}");
        }
    }
}

/// What the numbered pager does: page number and count, the window of page links, each link.
pub fn pager(q: &ListQuery, total: Option<u64>) {
    let current = q.page_number();
    let count = q.page_count(total.unwrap_or(0));
    let window = page_window(current, count);
    window_checks(current, count, &window);
    for n in window.into_iter().flatten().chain([0, 1, current, count, u64::MAX]) {
        let p = q.page(n);
        black_box(p.to_url_query());
        assert_eq!(
            (p.limit, &p.filters),
            (q.limit, &q.filters),
            "a page link keeps size and filters"
        );
        let exact = n.saturating_sub(1).checked_mul(u64::from(q.limit)).is_some();
        if q.limit > 0 && exact {
            assert_eq!(p.page_number(), n.max(1), "page({n}) is page {n}");
        }
    }
}

/// The paging rules on `page` from each of `queries`: the next page moves on (never the
/// marker just followed, never back), the previous one goes back (and along the trail, back
/// to exactly where it came from), and whatever the watch reports reads.
pub fn page_checks<S: ListService>(page: &S::Page, queries: &[ListQuery]) {
    let info = S::list();
    let api = list_api::<S>();
    let rows = S::rows(page);
    let mut watch = PagingWatch::default();
    for q in queries {
        let facts = S::facts(q, page);
        assert_eq!(
            facts.items,
            rows.len() + rows.unreadable.len(),
            "items counts the unreadable too"
        );
        let req = S::request(q, "proj");
        assert_eq!(api.request(q, "proj"), req);
        black_box((req.url("/proxy/x"), req.url("https://h.example/")));
        for own in [None, Some("https://api.example")] {
            for a in watch.record(paging::seen(info, q, &facts, own)) {
                black_box((a.describe(), a.stops_paging()));
            }
        }
        if let Some(l) = &facts.next_link {
            black_box(origin_of(l));
        }
        for f in info.filters {
            black_box(q.filter(f.key));
        }
        if info.paging == Paging::Offset {
            pager(q, facts.total);
        }
        if let Some(n) = paging::next(info, q, &facts) {
            next_checks(info, q, &n, &facts);
            black_box(S::request(&n, "proj").url("/proxy/x"));
            let next_facts = S::facts(&n, page);
            black_box(paging::previous(info, &n, Some(&next_facts), &Trail::default()));
            black_box(paging::next(info, &n, &next_facts));
        }
        let previous = paging::previous(info, q, Some(&facts), &Trail::default());
        previous_checks(info, q, previous.as_ref(), facts.total);
        if let Some(p) = &previous {
            black_box(paging::previous(info, p, Some(&S::facts(p, page)), &Trail::default()));
        }
        black_box(paging::previous(info, q, None, &Trail::default()));
        restart_checks(info, q);
    }
}

/// The page after `q`'s, as the rules made it from `facts`.
pub fn next_checks(info: &ListInfo, q: &ListQuery, n: &ListQuery, facts: &PageFacts) {
    assert_eq!(
        (n.limit, &n.filters),
        (q.limit, &q.filters),
        "next() keeps size and filters"
    );
    match info.paging {
        Paging::Marker => {
            let m = n.marker().expect("a marker page follows a marker page");
            assert!(!m.is_empty(), "an empty marker");
            assert_ne!(n.marker(), q.marker(), "next() repeats the marker: paging would loop");
            let label = q.page_number().saturating_add(1).min(u64::from(u32::MAX));
            assert_eq!(n.page_number(), label, "the next page's label");
        }
        Paging::Offset => {
            assert!(
                n.offset() > q.offset(),
                "next() does not move forward: paging would loop"
            );
            pager(n, facts.total);
        }
    }
    url_text(info, n);
    // Back along the trail: the page before the next one is this one.
    let mut trail = Trail::default();
    trail.visit(q);
    trail.visit(n);
    let back = paging::previous(info, n, None, &trail);
    let exact = match info.paging {
        Paging::Marker => q.page_number() < u64::from(u32::MAX),
        Paging::Offset => facts.items as u64 == u64::from(q.limit),
    };
    if exact {
        assert_eq!(back.as_ref(), Some(q), "previous(next(q)) is q");
    }
}

/// The page before `q`'s: none on the first page, else an earlier one (or, on page 2, the
/// page the service names as previous).
pub fn previous_checks(info: &ListInfo, q: &ListQuery, p: Option<&ListQuery>, total: Option<u64>) {
    let Some(p) = p else {
        assert_eq!(q.position, Position::First, "only the first page has no previous page");
        return;
    };
    assert_ne!(q.position, Position::First, "a page before the first");
    assert_eq!(
        (p.limit, &p.filters),
        (q.limit, &q.filters),
        "previous() keeps size and filters"
    );
    match info.paging {
        // Never forward; back one label from page 3 on (a marker the service names for
        // the previous page keeps the label at least 2).
        Paging::Marker => assert!(
            p.page_number() < q.page_number() || (q.page_number() <= 2 && p.page_number() <= q.page_number()),
            "previous() does not go back: {q:?} to {p:?}"
        ),
        Paging::Offset if q.limit > 0 => {
            assert!(p.offset() < q.offset(), "previous() does not go back: {q:?} to {p:?}")
        }
        Paging::Offset => {}
    }
    url_text(info, p);
    if info.paging == Paging::Offset {
        pager(p, total);
    }
}

/// Another page size or the same filters: the first page, the filters as they were.
pub fn restart_checks(info: &ListInfo, q: &ListQuery) {
    let restarted = q.restart(info, q.limit, q.filters.clone());
    assert_eq!(restarted.position, Position::First);
    assert_eq!(restarted.filters, q.filters, "restart keeps valid filters");
    assert_eq!(q.with_limit(q.limit), restarted);
    black_box(q.walk_key());
}

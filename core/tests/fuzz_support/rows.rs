//! A decoded page's rows as the table, the details view and an export read them, typed
//! ([`TypedRows`], every column's `cell` and `sort`) and erased ([`list_api`]'s decode):
//! the two agree, and nothing they do with the rows panics.

use super::checks::{cell_helpers, details_helpers, text_helpers, Env, MAX_UNREADABLE_REASON};
use skyglass_core::http::{ApiError, ApiResponse};
use skyglass_core::lenient::Unreadable;
use skyglass_core::service::{count_by_category, list_api, Cell, ListQuery, ListService, TypedRows};
use skyglass_core::table::{self, Rows, SortKey};
use std::cmp::Ordering;
use std::hint::black_box;

/// The elements of a list of `items` (good and bad) that could not be read: in order, each
/// within the list, each with a clipped reason that says which element it is.
pub fn unreadable_checks(unreadable: &[Unreadable], items: usize) {
    assert!(unreadable.windows(2).all(|w| w[0].index < w[1].index), "{unreadable:?}");
    for u in unreadable {
        assert!(u.index < items, "element {} of {items}", u.index);
        assert!(!u.reason.is_empty(), "a reason for element {}", u.index);
        assert!(
            u.reason.len() <= MAX_UNREADABLE_REASON,
            "a reason of {} bytes is not clipped",
            u.reason.len()
        );
        assert!(
            u.describe().starts_with(&format!("item {}: ", u.index + 1)),
            "{}",
            u.describe()
        );
    }
}

/// Every row's id, key, state, searchable text and details; every column's cell and sort
/// key (directly and through [`TypedRows`]); past the end, nothing; sorting by any column
/// in either direction a permutation; filtering and counting by category.
pub fn rows_checks<S: ListService>(page: &S::Page, env: &Env) {
    let rows = S::rows(page);
    unreadable_checks(&rows.unreadable, rows.len() + rows.unreadable.len());
    let typed = TypedRows::<S>(&rows.items);
    let columns = S::columns();
    assert_eq!(typed.len(), rows.len());
    for (r, row) in rows.iter().enumerate() {
        assert_eq!(typed.id(r), S::row_id(row));
        assert_eq!(typed.position(S::row_id(row)).map(|p| p <= r), Some(true));
        black_box((typed.key(r), S::revision(row)));
        let state = S::state(row);
        assert_eq!(typed.state(r).as_ref(), Some(&state));
        black_box(state.tone());
        typed.search(r, &mut |s| text_helpers(s, env));
        let details = S::details(row);
        details_helpers(&details, env);
        assert_eq!(typed.details(r).as_ref(), Some(&details));
        black_box(S::one_request(S::row_id(row), "proj").map(|q| q.url("/proxy/x")));
        for (c, col) in columns.iter().enumerate() {
            let cell = (col.cell)(row);
            let key = (col.sort)(row);
            assert_eq!(typed.cell(r, c), cell, "column {}", col.spec.key);
            assert_eq!(typed.sort_key(r, c), key, "column {}", col.spec.key);
            assert_eq!(key.cmp(&key), Ordering::Equal, "column {}: {key:?}", col.spec.key);
            cell_helpers(&cell, env);
        }
    }
    let past = rows.len();
    assert_eq!(typed.cell(past, 0), Cell::Text(String::new()));
    assert_eq!(typed.sort_key(0, columns.len()), SortKey::Empty);
    assert_eq!(typed.id(past), "");
    assert!(typed.details(past).is_none() && typed.state(past).is_none());
    for c in 0..columns.len() {
        for descending in [false, true] {
            let mut order: Vec<usize> = (0..past).collect();
            table::sort(&typed, &mut order, c, descending);
            order.sort_unstable();
            assert!(
                order.iter().copied().eq(0..past),
                "sorting by column {c} is a permutation"
            );
        }
    }
    let first_id = rows.first().map(|r| S::row_id(r).to_owned()).unwrap_or_default();
    for query in [env.secret.as_str(), first_id.as_str(), "a b", ""] {
        let found = table::filter(&typed, query);
        assert!(
            found.windows(2).all(|w| w[0] < w[1]) && found.iter().all(|&i| i < past),
            "{found:?}"
        );
    }
    let counts = count_by_category(&typed);
    assert_eq!(counts.iter().map(|(_, n)| n).sum::<u64>(), past as u64);
}

/// How many rows [`erased_checks`] compares cell by cell (the first ones and the last).
const COMPARED_ROWS: usize = 8;

/// The erased decoder ([`list_api`], what the app calls) against the typed one: the same
/// page (rows, unreadable elements, facts, cells) or the same error, with the service's
/// token codes applied.
pub fn erased_checks<S: ListService>(resp: &ApiResponse, typed: &Result<S::Page, ApiError>) {
    let api = list_api::<S>();
    let erased = api.decode(resp);
    let specs: Vec<_> = S::columns().iter().map(|c| c.spec).collect();
    assert_eq!(api.columns(), specs);
    match (typed, &erased) {
        (Ok(page), Ok(lp)) => {
            let rows = S::rows(page);
            assert_eq!(lp.len(), rows.len());
            assert_eq!(lp.unreadable(), &rows.unreadable[..]);
            assert_eq!(lp.transitional(), rows.iter().any(|r| S::state(r).transitional));
            assert!(lp.same_as(&*lp.clone()), "a page is the same as itself");
            let q = ListQuery::first(S::list());
            assert_eq!(lp.facts(&q), S::facts(&q, page));
            let typed_rows = TypedRows::<S>(&rows.items);
            let last = rows.len().saturating_sub(1);
            for r in (0..rows.len().min(COMPARED_ROWS)).chain([last]) {
                assert_eq!(lp.id(r), typed_rows.id(r));
                assert_eq!(lp.key(r), typed_rows.key(r));
                for c in 0..specs.len() {
                    assert_eq!(lp.cell(r, c), typed_rows.cell(r, c));
                    assert_eq!(lp.sort_key(r, c), typed_rows.sort_key(r, c));
                }
            }
        }
        (Err(a), Err(b)) => {
            assert_eq!(b, &a.clone().with_token_codes(S::info().token_error_codes));
        }
        (a, b) => panic!(
            "the typed and the erased decoders disagree: {:?} vs {b:?}",
            a.as_ref().err()
        ),
    }
}

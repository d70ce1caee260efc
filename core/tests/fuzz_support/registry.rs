//! Every list service in the registry, through its erased decoder ([`ListApi`], what the
//! app calls), with no code of its own here: a service added to the registry is fuzzed as
//! soon as it is registered. The per-decoder files (`fuzz_clouddc_list.rs`, …) go deeper
//! for the services the seed pages describe (their documented shapes, their own helpers);
//! this covers every service the same way: arbitrary bytes and text, free-form JSON with
//! the keys of the service's examples, mutations of those examples, and error bodies.
//!
//! A service's examples: every seed page's example responses and
//! `tests/fixtures/<key>_list_example.json` (for a service no seed page describes), those
//! that decode to at least one row. Whatever decodes goes through every row, column, sort,
//! search and category count, the details, and the paging rules from every query a view
//! may be on; an error through what the app shows of it.

use super::cases::{parse_examples, to_json};
use super::checks::{cell_helpers, decoder_error_checks, details_helpers, text_helpers, Env};
use super::decoders::all_examples;
use super::gen::*;
use super::mutate::*;
use super::paging::{next_checks, pager, previous_checks, queries, restart_checks, url_text};
use super::rows::unreadable_checks;
use super::runner::{run_property, save_found};
use super::shaped::shaped;
use super::shapes::{shape_keys, ERROR_BODY};
use super::values::FRAGMENTS;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;
use skyglass_core::http::{body_text, ApiResponse};
use skyglass_core::paging::{self, PagingWatch, Trail};
use skyglass_core::service::{count_by_category, Cell, ListApi, ListPage, ListQuery, Paging};
use skyglass_core::services::REGISTRY;
use skyglass_core::table::{self, SortKey};
use std::cmp::Ordering;
use std::hint::black_box;
use std::sync::Arc;

/// Where a service without a seed page keeps its example answer.
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");

/// Every registered list service's erased list, with its key.
pub fn list_services() -> Vec<(&'static str, Arc<dyn ListApi>)> {
    REGISTRY
        .iter()
        .filter_map(|e| e.list.map(|list| (e.info.key, list())))
        .collect()
}

/// `api`'s examples: the seed pages' and its own fixture's answers that it decodes to at
/// least one row.
pub fn examples_for(key: &str, api: &dyn ListApi) -> Vec<&'static str> {
    let own = std::fs::read_to_string(format!("{FIXTURES}/{key}_list_example.json")).ok();
    let own: Option<&'static str> = own.map(|s| &*Box::leak(s.into_boxed_str()));
    all_examples()
        .into_iter()
        .chain(own)
        .filter(|body| api.decode(&ApiResponse::ok(*body)).is_ok_and(|page| page.len() > 0))
        .collect()
}

/// The object keys in `values`, each once: what free-form JSON and mutations use.
fn keys_in(values: &[Value]) -> Arc<Vec<&'static str>> {
    fn walk(v: &Value, out: &mut Vec<&'static str>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    if !out.iter().any(|o| o == k) {
                        out.push(Box::leak(k.clone().into_boxed_str()));
                    }
                    walk(v, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut keys = Vec::new();
    values.iter().for_each(|v| walk(v, &mut keys));
    Arc::new(keys)
}

/// A decoded page's rows as the table, the details view and an export read them: every
/// row's id, key, state, searchable text, details, cells and sort keys; nothing past the
/// end; sorting by any column a permutation; search and category counts in range.
fn rows_checks(page: &ListPage, columns: usize, env: &Env) {
    let n = page.len();
    unreadable_checks(page.unreadable(), n + page.unreadable().len());
    for r in 0..n {
        black_box((page.id(r), page.key(r)));
        let state = page.state(r).expect("a row has a state");
        black_box(state.tone());
        page.search(r, &mut |s| text_helpers(s, env));
        details_helpers(&page.details(r).expect("a row has details"), env);
        for c in 0..columns {
            cell_helpers(&page.cell(r, c), env);
            let key = page.sort_key(r, c);
            assert_eq!(key.cmp(&key), Ordering::Equal, "column {c}: {key:?}");
        }
    }
    assert_eq!(page.cell(n, 0), Cell::Text(String::new()));
    assert_eq!(page.sort_key(0, columns), SortKey::Empty);
    assert!(page.details(n).is_none() && page.state(n).is_none() && page.id(n).is_empty());
    for c in 0..columns {
        for descending in [false, true] {
            let mut order: Vec<usize> = (0..n).collect();
            table::sort(&**page, &mut order, c, descending);
            order.sort_unstable();
            assert!(order.iter().copied().eq(0..n), "sorting by column {c} is a permutation");
        }
    }
    let first_id = page.id(0).to_owned();
    for query in [env.secret.as_str(), first_id.as_str(), "a b", ""] {
        let found = table::filter(&**page, query);
        assert!(
            found.windows(2).all(|w| w[0] < w[1]) && found.iter().all(|&i| i < n),
            "{found:?}"
        );
    }
    let counts = count_by_category(&**page);
    assert_eq!(counts.iter().map(|(_, n)| n).sum::<u64>(), n as u64);
}

/// The paging rules on `page` from every query a view may be on (see `paging::page_checks`,
/// its typed twin).
fn page_checks(api: &dyn ListApi, page: &ListPage, env: &Env) {
    let info = api.list();
    let far: [&[(&str, &str)]; 2] = [
        &[("marker", "m"), ("page", "4294967295"), ("limit", "1")],
        &[("offset", "18446744073709551615"), ("limit", "1000")],
    ];
    let mut watch = PagingWatch::default();
    for q in queries(info, env, &far, Vec::new()) {
        let facts = page.facts(&q);
        assert_eq!(
            facts.items,
            page.len() + page.unreadable().len(),
            "items counts the unreadable too"
        );
        black_box(api.request(&q, "proj").url("/proxy/x"));
        for a in watch.record(paging::seen(info, &q, &facts, None)) {
            black_box((a.describe(), a.stops_paging()));
        }
        if let Some(n) = paging::next(info, &q, &facts) {
            next_checks(info, &q, &n, &facts);
            black_box(api.request(&n, "proj").url("/proxy/x"));
        }
        let previous = paging::previous(info, &q, Some(&facts), &Trail::default());
        previous_checks(info, &q, previous.as_ref(), facts.total);
        restart_checks(info, &q);
        url_text(info, &q);
        if info.paging == Paging::Offset {
            pager(&q, facts.total);
        }
    }
}

/// Decodes `resp` with `api` and puts the result through what the app does with it.
pub fn check_erased(api: &dyn ListApi, resp: &ApiResponse, env: &Env) {
    match api.decode(resp) {
        Ok(page) => {
            assert!(page.same_as(&*page.clone()), "a page is the same as itself");
            rows_checks(&page, api.columns().len(), env);
            page_checks(api, &page, env);
            for r in [0, page.len().saturating_sub(1)] {
                black_box(api.one_request(page.id(r), "proj").map(|q| q.url("/proxy/x")));
            }
            black_box(ListQuery::first(api.list()));
        }
        Err(e) => decoder_error_checks(e, resp, api.info().token_error_codes, env),
    }
}

/// One input: its kind (for the summary), the answer and the context.
#[derive(Clone, Debug)]
pub struct Case {
    pub kind: usize,
    pub resp: ApiResponse,
    pub env: Env,
}

const KINDS: &[&str] = &["bytes", "text", "json", "example mutations", "error bodies"];

fn case(kind: usize, status: u16, env: Env, body: String) -> Case {
    Case {
        kind,
        resp: ApiResponse {
            status,
            retry_after: None,
            body,
        },
        env,
    }
}

fn status(g: &mut Gen) -> u16 {
    match g.weighted(&[8, 2, 1]) {
        0 => 200,
        1 => g.pick(&[400, 401, 403, 404, 429, 500, 503]),
        _ => 100 + g.below(500) as u16,
    }
}

fn frame() -> BoxedStrategy<(u16, Env)> {
    seeded(|g| (status(g), gen_env(g)))
}

/// The cases for a service whose examples are `examples`.
fn cases(examples: Arc<Vec<Value>>) -> BoxedStrategy<Case> {
    let keys = keys_in(&examples);
    let bytes =
        (frame(), prop::collection::vec(any::<u8>(), 0..512)).prop_map(|((s, env), b)| case(0, s, env, body_text(b)));
    let text = (
        frame(),
        seeded(|g| match g.below(2) {
            0 => (0..g.below(40)).map(|_| g.pick(FRAGMENTS)).collect(),
            _ => gen_string(g),
        }),
    )
        .prop_map(|((s, env), b)| case(1, s, env, b));
    let k = keys.clone();
    let json = (frame(), seeded(move |g| gen_json(g, 4, &k)), any::<bool>())
        .prop_map(|((s, env), v, pretty)| case(2, s, env, to_json(&v, pretty)));
    let mutated = (
        frame(),
        any::<Index>(),
        prop::collection::vec(mutation(&keys), 0..5),
        prop::collection::vec(byte_mutation(), 0..3),
        any::<bool>(),
    )
        .prop_map(move |((s, env), i, muts, byte_muts, pretty)| {
            let text = apply_mutations(i.get(&examples).clone(), &muts, pretty);
            case(3, s, env, apply_byte_mutations(text, &byte_muts))
        });
    let mut error_keys = Vec::new();
    shape_keys(&ERROR_BODY, &mut error_keys);
    let errors = (frame(), shaped(&ERROR_BODY, &Arc::new(error_keys)), any::<bool>())
        .prop_map(|((s, env), v, pretty)| case(4, s, env, to_json(&v, pretty)));
    prop_oneof![1 => bytes, 1 => text, 2 => json, 4 => mutated, 1 => errors].boxed()
}

/// Fuzzes the registered list service `key`: a panic is minimized and its body saved to
/// the corpus as an `any-` file (every decoder replays it).
pub fn fuzz_list_service(key: &'static str, api: Arc<dyn ListApi>) {
    let examples = parse_examples(examples_for(key, &*api));
    assert!(!examples.is_empty(), "{key}: no example decodes to a row");
    run_property(
        &format!("registry_{key}"),
        KINDS,
        cases(examples),
        |c| {
            check_erased(&*api, &c.resp, &c.env);
            c.kind
        },
        |c| save_found(&format!("any-{key}"), &c.resp.body),
    );
}

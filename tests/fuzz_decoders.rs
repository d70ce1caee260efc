#![cfg(not(target_arch = "wasm32"))]
//! Decoder fuzzing. A panic kills the whole WASM app, so no decoder and no helper the app
//! calls on what a decoder returns may panic, whatever a server (or a URL) sends.
//!
//! Every service's decoder (CloudDC list and status, ROMA list, ByCloud list, ImageSearch
//! details) and `decode_error` get: arbitrary bytes and strings with statuses 100–599;
//! arbitrary JSON, shaped like each service's documented response (its real field names,
//! each field sometimes of another type) or free-form with keys biased toward those names;
//! and mutations of the seed pages' example responses (a field replaced by a value of
//! another type, deleted, repeated or given twice, raw JSON text such as `1e400`, `-0` or
//! `"\ud800"` put in its place; the text truncated, bytes flipped, inserted or removed).
//! Whatever decodes is then put through the app's follow-up helpers (cursors, URL queries,
//! time and text formatting, error redaction) with extreme clocks, offsets and URL pairs.
//! The helpers also get their own properties with arbitrary arguments.
//!
//! `SKYGLASS_FUZZ_CASES` sets the cases per property (default 1,000 for `cargo test`;
//! `make fuzz` runs 1,000,000). Each property prints one summary line to stderr.
//!
//! A failing case is minimized by proptest and its body written to `tests/fuzz_corpus/`
//! as `<decoder>-found-<hash>.txt`; `corpus_never_panics` replays every file there with
//! every decoder its name selects (`any-` for all). proptest's own seed persistence is off:
//! a persisted seed only replays while every strategy here stays exactly as it is, whereas a
//! corpus file keeps the minimized input itself and stays meaningful forever.

mod common;

use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRunner};
use serde_json::{Map, Number, Value};
use skyglass::api::clouddc::{self, ListQuery};
use skyglass::api::http::{self, clip, decode_error, decode_json, query_param, ApiError, ApiResponse, Auth, UrlQuery};
use skyglass::api::lifecycle::{self, State};
use skyglass::api::roma::{self, OffsetQuery};
use skyglass::api::{bycloud, imagesearch, timefmt};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

// ---------------------------------------------------------------------------------------
// Configuration and the property runner
// ---------------------------------------------------------------------------------------

const CORPUS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz_corpus");

/// Cases per property: `SKYGLASS_FUZZ_CASES`, default 1,000.
fn fuzz_cases() -> u32 {
    std::env::var("SKYGLASS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .unwrap_or(1_000)
}

fn config() -> Config {
    Config {
        cases: fuzz_cases(),
        // Off on purpose: failures are kept as minimized inputs in tests/fuzz_corpus/.
        failure_persistence: None,
        // Plenty random for fuzzing, and much cheaper than ChaCha for values this big.
        rng_algorithm: RngAlgorithm::XorShift,
        max_shrink_iters: 20_000,
        max_shrink_time: 120_000,
        ..Config::default()
    }
}

/// Counts cases by the kind of input they were.
struct Tally {
    kinds: &'static [&'static str],
    counts: Vec<AtomicU64>,
}

impl Tally {
    fn new(kinds: &'static [&'static str]) -> Self {
        Tally {
            kinds,
            counts: kinds.iter().map(|_| AtomicU64::new(0)).collect(),
        }
    }
    fn add(&self, kind: usize) {
        self.counts[kind].fetch_add(1, Ordering::Relaxed);
    }
    fn total(&self) -> u64 {
        self.counts.iter().map(|c| c.load(Ordering::Relaxed)).sum()
    }
    fn breakdown(&self) -> String {
        if self.kinds.len() < 2 {
            return String::new();
        }
        let parts: Vec<String> = self
            .kinds
            .iter()
            .zip(&self.counts)
            .map(|(k, c)| format!("{k} {}", c.load(Ordering::Relaxed)))
            .collect();
        format!(" ({})", parts.join(", "))
    }
}

/// Runs one property; prints its summary line; on a failure (a panic) saves the minimized
/// input with `save` and fails the test.
fn run_property<S: Strategy>(
    name: &str,
    kinds: &'static [&'static str],
    strategy: S,
    kind_of: impl Fn(&S::Value) -> usize,
    test: impl Fn(&S::Value),
    save: impl Fn(&S::Value) -> Option<PathBuf>,
) {
    let tally = Tally::new(kinds);
    let started = Instant::now();
    let mut runner = TestRunner::new(config());
    let result = runner.run(&strategy, |input| {
        tally.add(kind_of(&input));
        test(&input);
        Ok(())
    });
    let secs = started.elapsed().as_secs_f64();
    match result {
        Ok(()) => eprintln!(
            "fuzz {name}: {} cases{}, 0 panics, {secs:.1} s",
            tally.total(),
            tally.breakdown()
        ),
        Err(TestError::Fail(reason, input)) => {
            let saved =
                save(&input).map_or_else(String::new, |p| format!("; minimized input saved to {}", p.display()));
            eprintln!(
                "fuzz {name}: {} cases (shrinking included), 1 panic, {secs:.1} s{saved}",
                tally.total()
            );
            panic!(
                "fuzz {name}: {reason}\nminimized input: {}{saved}",
                clip(&format!("{input:#?}"), 8000)
            );
        }
        Err(TestError::Abort(reason)) => panic!("fuzz {name}: aborted: {reason}"),
    }
}

// ---------------------------------------------------------------------------------------
// The decoders and what the app does with their results
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decoder {
    ClouddcList,
    ClouddcStatus,
    RomaList,
    BycloudList,
    ImagesearchDetails,
    Error,
}

const DECODERS: [Decoder; 6] = [
    Decoder::ClouddcList,
    Decoder::ClouddcStatus,
    Decoder::RomaList,
    Decoder::BycloudList,
    Decoder::ImagesearchDetails,
    Decoder::Error,
];

impl Decoder {
    fn name(self) -> &'static str {
        match self {
            Decoder::ClouddcList => "clouddc_list",
            Decoder::ClouddcStatus => "clouddc_status",
            Decoder::RomaList => "roma_list",
            Decoder::BycloudList => "bycloud_list",
            Decoder::ImagesearchDetails => "imagesearch_details",
            Decoder::Error => "error",
        }
    }

    fn schema(self) -> &'static Shape {
        match self {
            Decoder::ClouddcList => &CDC_LIST,
            Decoder::ClouddcStatus => &CDC_STATUS,
            Decoder::RomaList => &ROMA_LIST,
            Decoder::BycloudList => &BC_LIST,
            Decoder::ImagesearchDetails => &IS_DETAILS,
            Decoder::Error => &ERROR_BODY,
        }
    }

    /// The seed page examples this decoder reads (every example, for `decode_error`).
    fn seeds(self) -> Vec<&'static str> {
        use common::*;
        match self {
            Decoder::ClouddcList => examples(CLOUDDC_LIST),
            Decoder::ClouddcStatus => examples(CLOUDDC_STATUS),
            Decoder::RomaList => examples(ROMA),
            Decoder::BycloudList => examples(BYCLOUD),
            Decoder::ImagesearchDetails => examples(IMAGESEARCH),
            Decoder::Error => all_examples(),
        }
    }
}

fn all_examples() -> Vec<&'static str> {
    use common::*;
    [CLOUDDC_LIST, CLOUDDC_STATUS, ROMA, BYCLOUD, IMAGESEARCH]
        .into_iter()
        .flat_map(examples)
        .collect()
}

/// The app's context around a response: the clock, the viewer's offset, the token, the
/// URL query the view was opened with, and a size limit for `clip`.
#[derive(Clone, Debug)]
struct Env {
    now_ms: i64,
    offset_minutes: i32,
    secret: String,
    clip_max: usize,
    pairs: Vec<(String, String)>,
}

/// One input to a decoder property.
#[derive(Clone, Debug)]
struct Case {
    kind: usize,
    resp: ApiResponse,
    env: Env,
}

/// Realistic viewer offsets, used besides the fuzzed one.
const REAL_OFFSETS: [i32; 4] = [0, 480, -720, 840];
const REAL_NOW: i64 = 1_767_225_600_000;

/// Decodes `resp` with `d` and puts the result through what the app does with it.
fn check(d: Decoder, resp: &ApiResponse, env: &Env) {
    match d {
        Decoder::ClouddcList => match decode_json::<clouddc::InstanceList>(resp) {
            Ok(list) => clouddc_list_helpers(&list, env),
            Err(e) => error_helpers(e, env),
        },
        Decoder::ClouddcStatus => match decode_json::<clouddc::InstanceStatus>(resp) {
            Ok(s) => {
                state_helpers(&s.state);
                state_helpers(&s.operation_state);
                if let Some(e) = &s.error {
                    black_box(e.is_empty());
                    text_helpers(&e.error_msg, env);
                }
            }
            Err(e) => error_helpers(e, env),
        },
        Decoder::RomaList => match decode_json::<roma::InstanceList>(resp) {
            Ok(list) => roma_list_helpers(&list, env),
            Err(e) => error_helpers(e, env),
        },
        Decoder::BycloudList => match decode_json::<bycloud::InstanceList>(resp) {
            Ok(list) => bycloud_list_helpers(&list, env),
            Err(e) => error_helpers(e, env),
        },
        Decoder::ImagesearchDetails => match decode_json::<imagesearch::Details>(resp) {
            Ok(d) => imagesearch_helpers(&d, env),
            Err(e) => error_helpers(e, env),
        },
        Decoder::Error => {
            let e = decode_error(resp);
            if let ApiError::Status {
                code,
                message,
                details,
                request_id,
                ..
            } = &e
            {
                // Error bodies are clipped: a hostile server may send megabytes.
                for s in [
                    code.as_deref(),
                    Some(message.as_str()),
                    details.as_deref(),
                    request_id.as_deref(),
                ]
                .into_iter()
                .flatten()
                {
                    assert!(s.len() <= 600, "an error field of {} bytes is not clipped", s.len());
                }
            }
            error_helpers(e, env)
        }
    }
}

fn error_helpers(e: ApiError, env: &Env) {
    black_box(e.title());
    black_box(e.to_string());
    black_box(format!("{e:?}"));
    black_box((e.is_auth(), e.status()));
    let shown = e.to_string();
    black_box(clip(&shown, env.clip_max));
    // A secret that the server echoed: part of the shown text, cut anywhere.
    let echoed: String = shown.chars().skip(shown.chars().count() / 2).take(7).collect();
    black_box(e.clone().redact(&echoed).to_string());
    black_box(e.clone().redact("").to_string());
    black_box(e.redact(&env.secret).to_string());
}

fn text_helpers(s: &str, env: &Env) {
    black_box(clip(s, env.clip_max));
    black_box(clip(s, 120));
    black_box(http::encode(s));
}

fn time_helpers(raw: &str, env: &Env) {
    black_box(timefmt::cell(raw, env.now_ms, env.offset_minutes));
    for off in REAL_OFFSETS {
        black_box(timefmt::cell(raw, REAL_NOW, off));
    }
    if let Some(ms) = timefmt::parse_rfc3339_ms(raw) {
        black_box(timefmt::relative(ms, env.now_ms));
        black_box(timefmt::absolute(ms, env.offset_minutes));
        black_box(timefmt::clock(ms, env.offset_minutes));
        for off in REAL_OFFSETS {
            black_box(timefmt::absolute(ms, off));
            black_box(timefmt::clock(ms, off));
        }
    }
}

fn state_helpers(s: &str) {
    let st = State::parse(s);
    black_box((st.as_str(), st.in_diagram(), st.is_transitional(), st.tone().class()));
    black_box(lifecycle::transitions_from(&st).count());
    for d in &lifecycle::DIAGRAM_STATES {
        black_box((lifecycle::is_legal(&st, d), lifecycle::is_legal(d, &st)));
    }
    black_box((lifecycle::operation_in_progress(s), lifecycle::operation_tone(s)));
}

fn pairs(env: &Env) -> impl Iterator<Item = (&str, &str)> {
    env.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
}

/// What `from_pairs` reads survives the trip through the view's URL text unchanged.
fn url_round_trip<Q: UrlQuery + PartialEq + std::fmt::Debug>(q: &Q) {
    let text = q.to_url_query();
    for (k, v) in q.to_pairs() {
        assert_eq!(query_param(&text, k).as_deref(), Some(v.as_str()), "{k} in {text:?}");
        black_box(query_param(&format!("/x?{text}#frag"), k));
    }
    let pairs = q.to_pairs();
    let again = Q::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(&again, q, "from_pairs(to_pairs(q)) != q");
}

/// A query the app built (a cursor's next or previous page): its URL text is readable.
fn url_text<Q: UrlQuery>(q: &Q) {
    let text = q.to_url_query();
    black_box(Q::from_pairs(
        q.to_pairs().iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>(),
    ));
    black_box(query_param(&text, "marker"));
}

fn auth() -> Auth {
    Auth::AuthToken("tok".into())
}

fn clouddc_queries(env: &Env) -> Vec<ListQuery> {
    let from_url = ListQuery::from_pairs(pairs(env));
    url_round_trip(&from_url);
    let far = ListQuery {
        limit: u32::MAX,
        marker: Some("m".into()),
        state: Some("running".into()),
        page: u32::MAX,
    };
    let far_url = ListQuery::from_pairs([("marker", "m"), ("page", "4294967295"), ("limit", "4294967295")]);
    vec![ListQuery::default(), from_url, far, far_url]
}

fn clouddc_list_helpers(list: &clouddc::InstanceList, env: &Env) {
    for i in &list.instances {
        black_box(i.ipv4s());
        if let Some(e) = i.shown_error() {
            text_helpers(&e.error_code, env);
            text_helpers(&e.error_msg, env);
        }
        state_helpers(&i.state);
        black_box(clouddc::decode_user_data(&i.user_data));
        for t in [&i.created_at, &i.updated_at, &i.launched_at] {
            time_helpers(t, env);
        }
        for s in [&i.id, &i.name, &i.description, &i.vpc_id, &i.server_id] {
            text_helpers(s, env);
        }
        for (k, v) in &i.metadata {
            text_helpers(k, env);
            text_helpers(v, env);
        }
        if let Some(img) = &i.image {
            text_helpers(&img.name, env);
        }
        black_box(clouddc::extract_marker(&i.id));
    }
    if let Some(pi) = &list.page_info {
        for m in [&pi.next_marker, &pi.previous_marker] {
            if let Some(x) = clouddc::extract_marker(m) {
                assert!(!x.trim().is_empty(), "an empty marker from {m:?}");
            }
            black_box(query_param(m, "marker"));
        }
    }
    for q in clouddc_queries(env) {
        black_box(q.request("proj", &auth()).url("/proxy/dc"));
        if let Some(n) = q.next(list) {
            assert_ne!(n.marker, q.marker, "next() repeats the marker: paging would loop");
            url_text(&n);
            black_box(n.request("proj", &auth()).url("/proxy/dc"));
            black_box(n.previous(Some(list)));
            black_box(n.next(list));
        }
        if let Some(p) = q.previous(Some(list)) {
            url_text(&p);
            black_box(p.previous(Some(list)));
        }
        black_box(q.previous(None));
        black_box(q.restart(q.limit, q.state.clone()));
    }
}

fn roma_queries(env: &Env) -> Vec<OffsetQuery> {
    let from_url = OffsetQuery::from_pairs(pairs(env));
    url_round_trip(&from_url);
    vec![
        OffsetQuery::default(),
        from_url,
        OffsetQuery {
            offset: u64::MAX,
            limit: 1,
            status: None,
        },
        OffsetQuery {
            offset: u64::MAX - 5,
            limit: roma::MAX_LIMIT,
            status: Some("RUNNING".into()),
        },
        OffsetQuery::from_pairs([("offset", "18446744073709551615"), ("limit", "1")]),
    ]
}

/// What the ROMA pager does: page number and count, the window of page links, each link.
fn roma_pager(q: &OffsetQuery, total: Option<u64>) {
    let current = q.page_number();
    let count = q.page_count(total.unwrap_or(0));
    let window = roma::page_window(current, count);
    for n in window.into_iter().flatten().chain([0, 1, current, count, u64::MAX]) {
        let p = q.page(n);
        black_box(p.to_url_query());
        black_box(p.page_number());
    }
}

fn roma_list_helpers(list: &roma::InstanceList, env: &Env) {
    for i in &list.instances {
        black_box(i.shown_error());
        black_box(i.maintenance_window());
        for u in [&i.created_user, &i.last_updated_user].into_iter().flatten() {
            text_helpers(&u.shown(), env);
        }
        black_box((
            roma::tone(&i.status),
            roma::is_transitional(&i.status),
            roma::is_documented(&i.status),
        ));
        for t in [&i.create_time, &i.update_time] {
            time_helpers(t, env);
        }
        for s in [&i.id, &i.name, &i.description, &i.publicip_address, &i.error_msg] {
            text_helpers(s, env);
        }
        for z in &i.available_zone_ids {
            text_helpers(z, env);
        }
    }
    for q in roma_queries(env) {
        black_box(q.request("proj", &auth()).url("/proxy/roma"));
        roma_pager(&q, list.total);
        if let Some(n) = q.next(list) {
            assert!(n.offset > q.offset, "next() does not move forward: paging would loop");
            url_text(&n);
            roma_pager(&n, list.total);
            black_box(n.next(list));
        }
        if let Some(p) = q.previous() {
            url_text(&p);
            roma_pager(&p, list.total);
        }
        black_box(q.restart(q.limit, q.status.clone()));
    }
}

fn bycloud_queries(env: &Env) -> Vec<bycloud::MarkerQuery> {
    let from_url = bycloud::MarkerQuery::from_pairs(pairs(env));
    url_round_trip(&from_url);
    let filters: Vec<(&str, String)> = env.pairs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let filtered = from_url.with_filters(from_url.limit, &filters);
    url_round_trip(&filtered);
    let far = bycloud::MarkerQuery::from_pairs([("marker", "m"), ("page", "4294967295"), ("limit", "1000")]);
    vec![
        bycloud::MarkerQuery::first(bycloud::DEFAULT_PAGE_SIZE),
        from_url,
        filtered,
        far,
    ]
}

fn bycloud_list_helpers(list: &bycloud::InstanceList, env: &Env) {
    for i in &list.instances {
        if let Some(f) = &i.flavor {
            black_box(f.summary());
        }
        black_box(i.address_list());
        if let Some(f) = i.shown_fault() {
            text_helpers(&f.message, env);
            text_helpers(&f.details, env);
            time_helpers(&f.created, env);
        }
        black_box((
            bycloud::tone(&i.status, &i.task_state),
            bycloud::is_transitional(&i.status, &i.task_state),
        ));
        for t in [&i.created_at, &i.updated_at, &i.launched_at, &i.terminated_at] {
            time_helpers(t, env);
        }
        for s in [&i.id, &i.name, &i.description, &i.power_state, &i.vm_state] {
            text_helpers(s, env);
        }
        for (k, v) in &i.metadata {
            text_helpers(k, env);
            text_helpers(v, env);
        }
    }
    if let Some(l) = &list.links {
        for s in [&l.self_, &l.next, &l.previous] {
            black_box(query_param(s, "marker"));
        }
    }
    for q in bycloud_queries(env) {
        black_box(q.filters());
        black_box(q.request(&Auth::Bearer("tok".into())).url("/proxy/bycloud"));
        if let Some(n) = q.next(list) {
            assert_ne!(n.marker, q.marker, "next() repeats the marker: paging would loop");
            url_text(&n);
            black_box(n.previous(Some(list)));
            black_box(n.next(list));
        }
        if let Some(p) = q.previous(Some(list)) {
            url_text(&p);
        }
        black_box(q.previous(None));
    }
}

fn imagesearch_helpers(d: &imagesearch::Details, env: &Env) {
    black_box(imagesearch::level_text(d.level));
    for off in REAL_OFFSETS.into_iter().chain([env.offset_minutes]) {
        black_box(imagesearch::expiry_text(d.expired_date, off));
        black_box(imagesearch::date_text(d.register_date, off));
        black_box(imagesearch::date_text(d.expired_date, off));
    }
    black_box((imagesearch::tone(&d.status), imagesearch::is_transitional(&d.status)));
    black_box(imagesearch::remember(&d.tags, &d.instance_name, env.clip_max % 12));
    black_box(imagesearch::request("proj", &d.instance_name, &auth()).url("/proxy/is"));
    for s in [&d.instance_name, &d.domain, &d.desc] {
        text_helpers(s, env);
    }
}

// ---------------------------------------------------------------------------------------
// Generators: strings, numbers, JSON values, the services' shapes
// ---------------------------------------------------------------------------------------

/// Strings that have broken parsers before.
const NASTY_STRINGS: &[&str] = &[
    "",
    " ",
    "\t\n\r",
    "null",
    "true",
    "false",
    "0",
    "-0",
    "-1",
    "1e400",
    "-1e400",
    "1e-400",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "9223372036854775807",
    "4294967295",
    "4294967296",
    " 7 ",
    "0x10",
    "1_000",
    "1.5",
    "+5",
    "9999-12-31T23:59:59Z",
    "9999-12-31T23:59:59-23:59",
    "0000-01-01T00:00:00+23:59",
    "2025-07-11T17:07:05+08:00",
    "2025-04-22T12:03:18.50083+08:00",
    "2016-12-31T23:59:60Z",
    "2025-02-30T00:00:00Z",
    "2025-07-11T17:07:05+24:00",
    "2025-07-11t17:07:05z",
    "2025-07-11 17:07:05",
    "2025-07-11T17:07:05.999999999999999999999+08:00",
    "?",
    "?marker=",
    "?marker=%",
    "?marker=%zz",
    "?marker=%FF%FE",
    "marker=%E2%82",
    "/v1/p/instances?limit=20&marker=abc#x",
    "https://evil.example/v1/instances?marker=a&marker=b",
    "&&&==&",
    "marker",
    "#?marker=x",
    "+",
    "%",
    "%%",
    "~",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"quoted\"",
    "\\",
    "\u{0}",
    "a\u{0}b",
    "\u{7f}\u{1b}[31m",
    "\u{feff}",
    "\u{202e}gnp.exe",
    "\u{200b}",
    "\u{fffd}",
    "\u{10ffff}",
    "é",
    "e\u{301}",
    "🦀",
    "👨‍👩‍👧‍👦",
    "日本語",
    "ﷺ",
    "aGVsbG8gd29ybGQ=",
    "aGVsbG8gd29ybGQ",
    "/w==",
    "//79/Q==",
    "IyEvYmluL3NoCmVjaG8gaGk=\n",
    "====",
    "tok",
    "[token]",
    "running",
    "shutting-down",
    "reinstall-processing",
    "-failed",
    "RUNNING",
    "DELETE_FALIED",
    "ACTIVE",
    "NORMAL",
    "IS.0004",
    "22:00:00",
];

/// Numbers as text: what `lenient::opt_u64`/`opt_i64` parse.
const NUMERIC_STRINGS: &[&str] = &[
    "",
    " ",
    "null",
    "true",
    "0",
    "-0",
    "-1",
    "1e400",
    "-1e400",
    "1e-400",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "9223372036854775807",
    "4294967295",
    "4294967296",
    " 7 ",
    "0x10",
    "1_000",
    "1.5",
    "+5",
    "-1.5",
    "1e19",
    "9.3e18",
];

/// Pieces glued together into strings that look almost right.
const FRAGMENTS: &[&str] = &[
    "marker",
    "=",
    "&",
    "?",
    "#",
    "/",
    "%",
    "%2",
    "%25",
    "%E2%82%AC",
    "+",
    " ",
    "2025",
    "-",
    "T",
    ":",
    "Z",
    "+08:00",
    ".",
    "e",
    "1",
    "0",
    "9",
    "\\",
    "\"",
    "\u{0}",
    "é",
    "🦀",
    "\n",
    "limit",
    "page",
    "offset",
];

/// Raw JSON text put where a value was: numbers serde_json cannot hold, escapes, junk.
const RAW_TOKENS: &[&str] = &[
    "1e400",
    "-1e400",
    "1e-400",
    "-0",
    "-0.0",
    "0e0",
    "1E+2",
    "123456789012345678901234567890",
    "-123456789012345678901234567890",
    "18446744073709551616",
    "-9223372036854775809",
    "0.1e999999999999999999",
    "NaN",
    "Infinity",
    "-Infinity",
    "01",
    "1.",
    ".5",
    "-",
    "+1",
    "0x1F",
    r#""\ud800""#,
    r#""\udc00""#,
    r#""\udc00\ud800""#,
    r#""\ud800\u0041""#,
    r#""\u0000""#,
    r#""\x41""#,
    r#""\uZZZZ""#,
    "\"\u{0}\"",
    "\"\u{1f}\"",
    "\"unterminated",
    "tru",
    "nul",
    "True",
    "None",
    "undefined",
    "[]",
    "{}",
    "[null]",
    "[{}]",
    "{\"\":null}",
    "[1,]",
    "{\"a\":1,}",
    "",
    "//",
    "/* */ 1",
];

const EXTREME_I64: &[i64] = &[
    0,
    1,
    -1,
    -2,
    999,
    1000,
    -1000,
    i64::MIN,
    i64::MIN + 1,
    i64::MAX,
    i64::MAX - 1,
    i64::MAX / 1_000_000,
    i64::MIN / 1_000_000,
    1_752_224_825_000,
    1_530_848_365_207,
    4_102_444_800_000,
    253_402_300_799_999,
    253_402_300_800_000,
    -62_135_596_800_000,
    -62_167_219_200_000,
    -377_705_116_800_000,
    -377_705_116_800_001,
    u32::MAX as i64,
    i32::MAX as i64,
    i32::MIN as i64,
];

const EXTREME_F64: &[f64] = &[
    0.0,
    -0.0,
    0.5,
    -0.5,
    1.5,
    -1.0,
    1e300,
    -1e300,
    f64::MAX,
    f64::MIN,
    f64::MIN_POSITIVE,
    5e-324,
    1.8446744073709552e19,
    9.223372036854776e18,
    -9.223372036854776e18,
    253_402_300_799_999.9,
    1e15,
    4294967295.5,
];

const EXTREME_OFFSETS: &[i32] = &[
    0,
    60,
    -60,
    480,
    840,
    -720,
    1439,
    -1439,
    1440,
    -1440,
    35_791_394,
    i32::MAX,
    i32::MIN,
];

/// Query keys the three list views read.
const QUERY_KEYS: &[&str] = &[
    "limit",
    "marker",
    "page",
    "state",
    "offset",
    "status",
    "name",
    "tags",
    "flavor_id",
    "image_id",
];

/// A small deterministic generator (SplitMix64). One `u64` from proptest drives a whole
/// leaf value (a nasty string, a number, a free-form JSON value): nesting proptest unions
/// for every leaf costs a runner clone per alternative and made cases ten times slower.
/// The structure around the leaves (lists, fields present or not) stays proptest's, so
/// it still shrinks.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (i128::from(hi) - i128::from(lo) + 1) as u128;
        (i128::from(lo) + (u128::from(self.next()) % span) as i128) as i64
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    /// An index into `weights`, chosen in proportion.
    fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut n = self.below(weights.iter().sum());
        for (i, w) in weights.iter().enumerate() {
            if n < *w {
                return i;
            }
            n -= w;
        }
        0
    }
}

/// A strategy whose value is made by `f` from one proptest `u64`.
fn seeded<T: std::fmt::Debug + 'static>(f: impl Fn(&mut Gen) -> T + 'static) -> BoxedStrategy<T> {
    any::<u64>().prop_map(move |seed| f(&mut Gen(seed))).boxed()
}

fn base64_std(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn gen_char(g: &mut Gen) -> char {
    match g.below(4) {
        0 => char::from(g.range(0x20, 0x7e) as u8),
        1 => char::from_u32(g.pick(&[0u32, 1, 8, 9, 10, 13, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f])).unwrap_or('\0'),
        2 => loop {
            if let Some(c) = char::from_u32(g.below(0x11_0000) as u32) {
                break c;
            }
        },
        _ => g.pick(&[
            '\u{feff}',
            '\u{202e}',
            '\u{200b}',
            '\u{fffd}',
            '\u{10ffff}',
            '\u{2028}',
            'é',
            '🦀',
            '"',
            '\\',
            '<',
            '>',
            '%',
            '&',
            '=',
            '?',
            '#',
            '+',
            '/',
            '~',
            ' ',
        ]),
    }
}

fn gen_chars(g: &mut Gen, max: usize) -> String {
    let n = g.below(max + 1);
    (0..n).map(|_| gen_char(g)).collect()
}

fn gen_bytes(g: &mut Gen, max: usize) -> Vec<u8> {
    let n = g.below(max + 1);
    (0..n).map(|_| g.next() as u8).collect()
}

fn gen_string(g: &mut Gen) -> String {
    match g.weighted(&[8, 6, 4, 4, 4, 2, 1]) {
        0 => g.pick(NASTY_STRINGS).to_owned(),
        1 => gen_chars(g, 24),
        2 => {
            let n = g.below(10);
            (0..n).map(|_| g.pick(FRAGMENTS)).collect()
        }
        3 => gen_time_text(g),
        4 => gen_marker_text(g),
        5 => base64_std(&gen_bytes(g, 48)),
        _ => g.pick(&["x", "é", "\u{0}", "%", "🦀", " "]).repeat(g.below(2048)),
    }
}

/// RFC 3339 look-alikes with every component possibly out of range.
fn gen_time_text(g: &mut Gen) -> String {
    let year = if g.chance(2) {
        g.range(0, 9999)
    } else {
        g.pick(&[0, 1, 1969, 1970, 2038, 9999, 10000, 99999])
    };
    let (mo, d, h, mi, s) = (
        g.range(0, 13),
        g.range(0, 32),
        g.range(0, 25),
        g.range(0, 61),
        g.range(0, 61),
    );
    let frac = if g.chance(2) {
        String::new()
    } else {
        let digits = g.below(13);
        format!(
            ".{}",
            (0..digits)
                .map(|_| char::from(b'0' + g.below(10) as u8))
                .collect::<String>()
        )
    };
    let off = g.pick(&[
        "Z", "z", "+00:00", "-00:00", "+23:59", "-23:59", "+24:00", "+08:00", "-12:00", "+8", "", " ",
    ]);
    let sep = g.pick(&["T", "t", " "]);
    format!("{year:04}-{mo:02}-{d:02}{sep}{h:02}:{mi:02}:{s:02}{frac}{off}")
}

/// Bare markers and "query addresses" holding (or not) `marker=`.
fn gen_marker_text(g: &mut Gen) -> String {
    let prefix = g.pick(&[
        "",
        "?",
        "/v1/p/instances?",
        "https://h.example/v1/instances?",
        "#",
        "?#",
        "//?",
        "?&",
    ]);
    let n = g.below(4);
    let pairs: Vec<String> = (0..n)
        .map(|_| {
            let key = if g.chance(5) {
                (0..g.below(6))
                    .map(|_| g.pick(&['a', 'z', '=', '&', '?', '#', '%', ' ']))
                    .collect()
            } else {
                g.pick(QUERY_KEYS).to_owned()
            };
            let value: String = match g.weighted(&[3, 1, 1]) {
                0 => (0..g.below(13))
                    .map(|_| g.pick(b"-abcdefXYZ0123456789_.~".as_slice()) as char)
                    .collect(),
                1 => (0..g.below(13))
                    .map(|_| char::from(g.range(0x20, 0x7e) as u8))
                    .collect(),
                _ => g.pick(NASTY_STRINGS).to_owned(),
            };
            format!("{key}{}{value}", g.pick(&["=", "", "=="]))
        })
        .collect();
    format!("{prefix}{}{}", pairs.join("&"), g.pick(&["", "#frag", "&", "?x"]))
}

fn gen_extreme_i64(g: &mut Gen) -> i64 {
    match g.weighted(&[3, 2, 2, 1]) {
        0 => g.pick(EXTREME_I64),
        1 => g.next() as i64,
        2 => g.range(-62_167_219_200_000, 253_402_300_799_999),
        _ => g.range(-2000, 2000),
    }
}

fn gen_offset(g: &mut Gen) -> i32 {
    match g.weighted(&[3, 3, 1]) {
        0 => g.pick(EXTREME_OFFSETS),
        1 => g.range(-1440, 1440) as i32,
        _ => g.next() as i32,
    }
}

fn gen_number(g: &mut Gen) -> Value {
    let float = |f: f64| Number::from_f64(f).map_or(Value::Null, Value::Number);
    match g.weighted(&[3, 2, 1, 2, 2, 1]) {
        0 => Value::from(g.pick(EXTREME_I64)),
        1 => Value::from(g.next() as i64),
        2 => Value::from(g.next()),
        3 => Value::from(g.range(-1000, 1000)),
        4 => float(g.pick(EXTREME_F64)),
        _ => float(f64::from_bits(g.next())),
    }
}

fn gen_numeric_text(g: &mut Gen) -> Value {
    Value::String(match g.below(3) {
        0 => g.pick(NUMERIC_STRINGS).to_owned(),
        1 => (g.next() as i64).to_string(),
        _ => f64::from_bits(g.next()).to_string(),
    })
}

fn gen_leaf(g: &mut Gen) -> Value {
    match g.weighted(&[1, 1, 3, 4]) {
        0 => Value::Null,
        1 => Value::Bool(g.chance(2)),
        2 => gen_number(g),
        _ => Value::String(gen_string(g)),
    }
}

fn gen_key(g: &mut Gen, keys: &[&'static str]) -> String {
    if keys.is_empty() || g.chance(6) {
        gen_string(g)
    } else {
        g.pick(keys).to_owned()
    }
}

/// Free-form JSON: nulls, bools, numbers (huge, negative, floats), nasty strings, arrays
/// and objects whose keys are mostly the service's field names.
fn gen_json(g: &mut Gen, depth: u32, keys: &[&'static str]) -> Value {
    if depth == 0 || g.chance(2) {
        return gen_leaf(g);
    }
    if g.chance(3) {
        let n = g.below(6);
        Value::Array((0..n).map(|_| gen_json(g, depth - 1, keys)).collect())
    } else {
        let n = g.below(8);
        Value::Object(
            (0..n)
                .map(|_| (gen_key(g, keys), gen_json(g, depth - 1, keys)))
                .collect(),
        )
    }
}

/// A leaf of a documented shape: mostly of its type (the lenient forms included),
/// sometimes anything at all.
fn gen_typed(g: &mut Gen, shape: &Shape, keys: &[&'static str]) -> Value {
    if g.chance(15) {
        return gen_json(g, 3, keys);
    }
    let text = |g: &mut Gen| Value::String(gen_string(g));
    match shape {
        Shape::Text => match g.weighted(&[8, 1, 1, 1]) {
            0 => text(g),
            1 => gen_number(g),
            2 => Value::Bool(g.chance(2)),
            _ => Value::Null,
        },
        Shape::Num => match g.weighted(&[5, 3, 1, 1]) {
            0 => gen_number(g),
            1 => gen_numeric_text(g),
            2 => Value::Bool(g.chance(2)),
            _ => Value::Null,
        },
        Shape::EpochMs => match g.weighted(&[5, 2, 2, 1, 1]) {
            0 => Value::from(gen_extreme_i64(g)),
            1 => gen_number(g),
            2 => gen_numeric_text(g),
            3 => Value::String(gen_extreme_i64(g).to_string()),
            _ => Value::Null,
        },
        Shape::Bool => match g.weighted(&[4, 2, 1, 1]) {
            0 => Value::Bool(g.chance(2)),
            1 => Value::String(g.pick(&["true", "false", " true ", "TRUE", "", "yes", "1"]).into()),
            2 => gen_number(g),
            _ => Value::Null,
        },
        Shape::Time => match g.weighted(&[5, 2, 1, 1]) {
            0 => Value::String(gen_time_text(g)),
            1 => text(g),
            2 => Value::from(gen_extreme_i64(g)),
            _ => Value::Null,
        },
        Shape::Marker => match g.weighted(&[4, 2, 2, 1, 1]) {
            0 => Value::String(gen_marker_text(g)),
            1 => Value::String(
                (0..g.below(37))
                    .map(|_| g.pick(b"-0123456789abcdef".as_slice()) as char)
                    .collect(),
            ),
            2 => text(g),
            3 => gen_number(g),
            _ => Value::Null,
        },
        Shape::Base64 => match g.weighted(&[3, 3, 2, 2, 1]) {
            0 => Value::String(base64_std(&gen_bytes(g, 64))),
            1 => Value::String(base64_std(gen_string(g).as_bytes())),
            2 => {
                let mut b = base64_std(gen_string(g).as_bytes());
                let at = g.below(b.len() + 1);
                b.insert_str(at, g.pick(&[" ", "\n", "\r\n", "\t", "\u{3000}"]));
                Value::String(b)
            }
            3 => text(g),
            _ => Value::Null,
        },
        Shape::Enum(values) => match g.weighted(&[4, 1, 1]) {
            0 => Value::String(g.pick(values).into()),
            1 => text(g),
            _ => Value::Null,
        },
        // Containers are built by `shaped`; here they are only "something else".
        Shape::List(_) | Shape::Map(_) | Shape::Obj(_) => gen_json(g, 3, keys),
    }
}

fn gen_env(g: &mut Gen) -> Env {
    let pairs = (0..g.below(6))
        .map(|_| {
            let key = if g.chance(6) {
                gen_string(g)
            } else {
                g.pick(QUERY_KEYS).to_owned()
            };
            let value = match g.weighted(&[2, 2, 1, 1, 1]) {
                0 => g.pick(NASTY_STRINGS).to_owned(),
                1 => g.next().to_string(),
                2 => (g.next() as i64).to_string(),
                3 => g
                    .pick(&["4294967295", "18446744073709551615", "0", "1", "1000", " 20 "])
                    .to_owned(),
                _ => gen_string(g),
            };
            (key, value)
        })
        .collect();
    Env {
        now_ms: gen_extreme_i64(g),
        offset_minutes: gen_offset(g),
        secret: match g.below(3) {
            0 => String::new(),
            1 => "tok".to_owned(),
            _ => gen_string(g),
        },
        clip_max: match g.below(3) {
            0 => g.below(16),
            1 => g.below(1000),
            _ => g.pick(&[usize::MAX, usize::MAX - 1, 500, 120]),
        },
        pairs,
    }
}

fn gen_raw_token(g: &mut Gen) -> String {
    let n = 1 + g.below(400);
    match g.weighted(&[6, 1, 1, 1]) {
        0 => g.pick(RAW_TOKENS).to_owned(),
        1 => format!("{}{}", "[".repeat(n), "]".repeat(n)),
        2 => format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n)),
        _ => "[".repeat(n),
    }
}

/// A documented response shape: each field mostly of its documented type.
enum Shape {
    Text,
    Num,
    EpochMs,
    Bool,
    Time,
    Marker,
    Base64,
    Enum(&'static [&'static str]),
    List(&'static Shape),
    Map(&'static Shape),
    Obj(&'static [(&'static str, Shape)]),
}

const CDC_STATES: &[&str] = &[
    "pending",
    "running",
    "stopped",
    "shutting-down",
    "terminated",
    "error",
    "stopping",
    "reinstalling",
    "failed",
    "modifyIping",
    "switch-installing",
];
const CDC_OPERATIONS: &[&str] = &[
    "",
    "reinstall-processing",
    "reinstall-succeed",
    "install-failed",
    "-processing",
];
const CDC_ERROR: Shape = Shape::Obj(&[
    ("error_code", Shape::Text),
    ("error_msg", Shape::Text),
    ("error_type", Shape::Text),
]);
const CDC_INSTANCE: Shape = Shape::Obj(&[
    ("id", Shape::Marker),
    ("name", Shape::Text),
    ("vpc_id", Shape::Text),
    (
        "network_interfaces",
        Shape::List(&Shape::Obj(&[
            ("subnet_id", Shape::Text),
            ("ipv4_address", Shape::Text),
        ])),
    ),
    (
        "tags",
        Shape::List(&Shape::Obj(&[("key", Shape::Text), ("value", Shape::Text)])),
    ),
    (
        "image",
        Shape::Obj(&[("id", Shape::Text), ("name", Shape::Text), ("os_type", Shape::Text)]),
    ),
    ("description", Shape::Text),
    ("state", Shape::Enum(CDC_STATES)),
    ("metadata", Shape::Map(&Shape::Text)),
    ("user_data", Shape::Base64),
    ("server_id", Shape::Text),
    ("created_at", Shape::Time),
    ("updated_at", Shape::Time),
    ("launched_at", Shape::Time),
    ("error", CDC_ERROR),
]);
const CDC_LIST: Shape = Shape::Obj(&[
    ("instances", Shape::List(&CDC_INSTANCE)),
    (
        "page_info",
        Shape::Obj(&[
            ("next_marker", Shape::Marker),
            ("previous_marker", Shape::Marker),
            ("current_count", Shape::Num),
        ]),
    ),
    ("count", Shape::Num),
]);
const CDC_STATUS: Shape = Shape::Obj(&[
    ("state", Shape::Enum(CDC_STATES)),
    ("operation_state", Shape::Enum(CDC_OPERATIONS)),
    ("error", CDC_ERROR),
]);

const ROMA_STATUSES: &[&str] = &[
    "CREATING",
    "RUNNING",
    "DELETING",
    "DELETED",
    "ERROR",
    "CREATE_FAILED",
    "DELETE_FAILED",
    "SOFT_DELETED",
    "FREEZING",
    "DELETE_FALIED",
];
const ROMA_USER: Shape = Shape::Obj(&[("user_id", Shape::Text), ("user_name", Shape::Text)]);
const ROMA_INSTANCE: Shape = Shape::Obj(&[
    ("id", Shape::Text),
    ("name", Shape::Text),
    ("description", Shape::Text),
    ("flavor_id", Shape::Text),
    ("flavor_type", Shape::Text),
    ("cpu_arch", Shape::Text),
    ("vpc_id", Shape::Text),
    ("subnet_id", Shape::Text),
    ("security_group_id", Shape::Text),
    ("publicip_enable", Shape::Bool),
    ("publicip_id", Shape::Text),
    ("publicip_address", Shape::Text),
    ("status", Shape::Enum(ROMA_STATUSES)),
    ("error_code", Shape::Text),
    ("error_msg", Shape::Text),
    ("charge_type", Shape::Text),
    ("project_id", Shape::Text),
    ("create_time", Shape::Time),
    ("update_time", Shape::Time),
    ("maintain_begin", Shape::Enum(&["22:00:00", "02:00:00", "", " "])),
    ("maintain_end", Shape::Enum(&["22:00:00", "02:00:00", "", " "])),
    ("available_zone_ids", Shape::List(&Shape::Text)),
    ("enterprise_project_id", Shape::Text),
    ("created_user", ROMA_USER),
    ("last_updated_user", ROMA_USER),
]);
const ROMA_LIST: Shape = Shape::Obj(&[
    ("total", Shape::Num),
    ("size", Shape::Num),
    ("instances", Shape::List(&ROMA_INSTANCE)),
]);

const BC_STATUSES: &[&str] = &[
    "ACTIVE",
    "BUILD",
    "SHUTOFF",
    "REBOOT",
    "HARD_REBOOT",
    "ERROR",
    "DELETED",
    "MIGRATING",
    "RESIZE",
];
const BC_INSTANCE: Shape = Shape::Obj(&[
    ("id", Shape::Marker),
    ("crn", Shape::Text),
    ("name", Shape::Text),
    ("description", Shape::Text),
    ("status", Shape::Enum(BC_STATUSES)),
    ("power_state", Shape::Text),
    ("task_state", Shape::Enum(&["", "migrating", "rebooting"])),
    ("vm_state", Shape::Text),
    (
        "flavor",
        Shape::Obj(&[
            ("id", Shape::Text),
            ("name", Shape::Text),
            ("vcpus", Shape::Num),
            ("ram", Shape::Num),
            ("disk", Shape::Num),
        ]),
    ),
    ("image", Shape::Obj(&[("id", Shape::Text), ("name", Shape::Text)])),
    (
        "addresses",
        Shape::Map(&Shape::List(&Shape::Obj(&[
            ("addr", Shape::Text),
            ("version", Shape::Num),
            ("type", Shape::Text),
            ("mac_addr", Shape::Text),
        ]))),
    ),
    ("security_groups", Shape::List(&Shape::Obj(&[("name", Shape::Text)]))),
    (
        "volumes_attached",
        Shape::List(&Shape::Obj(&[
            ("id", Shape::Text),
            ("device", Shape::Text),
            ("delete_on_termination", Shape::Bool),
        ])),
    ),
    ("key_names", Shape::List(&Shape::Text)),
    ("metadata", Shape::Map(&Shape::Text)),
    ("tags", Shape::List(&Shape::Text)),
    (
        "fault",
        Shape::Obj(&[
            ("code", Shape::Text),
            ("message", Shape::Text),
            ("details", Shape::Text),
            ("created", Shape::Time),
        ]),
    ),
    ("created_at", Shape::Time),
    ("updated_at", Shape::Time),
    ("launched_at", Shape::Time),
    ("terminated_at", Shape::Time),
]);
const BC_LIST: Shape = Shape::Obj(&[
    ("instances", Shape::List(&BC_INSTANCE)),
    (
        "meta",
        Shape::Obj(&[
            ("total", Shape::Num),
            ("limit", Shape::Num),
            ("marker", Shape::Marker),
            ("has_more", Shape::Bool),
        ]),
    ),
    (
        "links",
        Shape::Obj(&[
            ("self", Shape::Marker),
            ("next", Shape::Marker),
            ("previous", Shape::Marker),
        ]),
    ),
]);

const IS_STATUSES: &[&str] = &[
    "NORMAL",
    "ARREARAGE",
    "CREATION",
    "CREATION_FAILD",
    "DELETING",
    "DELETING_FAILED",
    "ABNORMAL",
];
const IS_DETAILS: Shape = Shape::Obj(&[
    ("instanceName", Shape::Text),
    ("level", Shape::EpochMs),
    ("expiredDate", Shape::EpochMs),
    ("domain", Shape::Text),
    ("desc", Shape::Text),
    ("registerDate", Shape::EpochMs),
    ("tags", Shape::List(&Shape::Text)),
    ("status", Shape::Enum(IS_STATUSES)),
]);

const ERROR_FIELDS: &[(&str, Shape)] = &[
    ("error_code", Shape::Text),
    ("error_msg", Shape::Text),
    ("error_details", Shape::Text),
    ("request_id", Shape::Text),
    ("code", Shape::Text),
    ("message", Shape::Text),
    ("msg", Shape::Text),
    ("details", Shape::Text),
];
const ERROR_BODY: Shape = Shape::Obj(&[
    ("error_code", Shape::Text),
    ("error_msg", Shape::Text),
    ("error_details", Shape::Text),
    ("request_id", Shape::Text),
    ("code", Shape::Text),
    ("message", Shape::Text),
    ("msg", Shape::Text),
    ("details", Shape::Text),
    ("error", Shape::Obj(ERROR_FIELDS)),
]);

/// Every field name in a shape, for biasing free-form keys.
fn shape_keys(shape: &'static Shape, out: &mut Vec<&'static str>) {
    match shape {
        Shape::List(s) | Shape::Map(s) => shape_keys(s, out),
        Shape::Obj(fields) => {
            for (k, s) in fields.iter() {
                if !out.contains(k) {
                    out.push(k);
                }
                shape_keys(s, out);
            }
        }
        _ => {}
    }
}

/// A value for `shape`: the documented structure (lists; fields present or not) from
/// proptest, so that it shrinks; the leaves from `gen_typed`. A list, map or object is
/// sometimes something else (null, a number, a string, another structure).
fn shaped(shape: &'static Shape, keys: &Arc<Vec<&'static str>>) -> BoxedStrategy<Value> {
    let k = keys.clone();
    let other = seeded(move |g| if g.chance(3) { Value::Null } else { gen_json(g, 3, &k) });
    match shape {
        Shape::List(item) => prop_oneof![
            12 => prop::collection::vec(shaped(item, keys), 0..5).prop_map(Value::Array),
            1 => other,
        ]
        .boxed(),
        Shape::Map(value) => prop_oneof![
            12 => prop::collection::vec((seeded(gen_string), shaped(value, keys)), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            1 => other,
        ]
        .boxed(),
        Shape::Obj(fields) => {
            // A field is present unless its byte is below 38 (about 15 %); shrinking
            // drives the byte to 0, so minimized inputs lose the fields that do not matter.
            let parts: Vec<BoxedStrategy<Option<(String, Value)>>> = fields
                .iter()
                .map(|(name, s)| {
                    (any::<u8>(), shaped(s, keys))
                        .prop_map(move |(b, v)| (b >= 38).then(|| (name.to_string(), v)))
                        .boxed()
                })
                .collect();
            let k = keys.clone();
            let extra = seeded(move |g| {
                let n = if g.chance(3) { 1 + g.below(2) } else { 0 };
                (0..n).map(|_| (gen_key(g, &k), gen_json(g, 2, &k))).collect::<Vec<_>>()
            });
            prop_oneof![
                12 => (parts, extra).prop_map(|(parts, extra)| {
                    let mut m: Map<String, Value> = extra.into_iter().collect();
                    m.extend(parts.into_iter().flatten());
                    Value::Object(m)
                }),
                1 => other,
            ]
            .boxed()
        }
        leaf => {
            let k = keys.clone();
            seeded(move |g| gen_typed(g, leaf, &k))
        }
    }
}

// ---------------------------------------------------------------------------------------
// Mutations of the seed examples
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Mutation {
    /// A random node becomes a random value (usually of another type).
    Replace(Index, Value),
    /// A random object field or array element disappears.
    Delete(Index),
    /// A random array's first element, repeated (big pages).
    Repeat(Index, u16),
    /// A random object gets one of its keys twice (the first time with a random value).
    DuplicateKey(Index, Index, Value),
    /// A random node becomes raw JSON text (numbers out of range, bad escapes, junk).
    Raw(Index, String),
}

#[derive(Clone, Debug)]
enum ByteMutation {
    Truncate(Index),
    Flip(Index, u8),
    Insert(Index, Vec<u8>),
    Remove(Index, u8),
    Prefix(&'static str),
}

fn mutation(keys: &Arc<Vec<&'static str>>) -> BoxedStrategy<Mutation> {
    let (k1, k2) = (keys.clone(), keys.clone());
    prop_oneof![
        4 => (any::<Index>(), seeded(move |g| gen_json(g, 2, &k1))).prop_map(|(i, v)| Mutation::Replace(i, v)),
        2 => any::<Index>().prop_map(Mutation::Delete),
        1 => (any::<Index>(), seeded(|g| if g.chance(4) { 20 + g.below(1180) } else { 1 + g.below(19) } as u16))
            .prop_map(|(i, n)| Mutation::Repeat(i, n)),
        1 => (any::<Index>(), any::<Index>(), seeded(move |g| gen_json(g, 1, &k2)))
            .prop_map(|(i, k, v)| Mutation::DuplicateKey(i, k, v)),
        2 => (any::<Index>(), seeded(gen_raw_token)).prop_map(|(i, t)| Mutation::Raw(i, t)),
    ]
    .boxed()
}

fn byte_mutation() -> BoxedStrategy<ByteMutation> {
    prop_oneof![
        2 => any::<Index>().prop_map(ByteMutation::Truncate),
        3 => (any::<Index>(), 1u8..=255).prop_map(|(i, m)| ByteMutation::Flip(i, m)),
        2 => (
            any::<Index>(),
            seeded(|g| match g.below(3) {
                0 => g.pick(FRAGMENTS).as_bytes().to_vec(),
                1 => g.pick(RAW_TOKENS).as_bytes().to_vec(),
                _ => gen_bytes(g, 8),
            })
        )
            .prop_map(|(i, b)| ByteMutation::Insert(i, b)),
        1 => (any::<Index>(), 1u8..=64).prop_map(|(i, n)| ByteMutation::Remove(i, n)),
        1 => select(&["\u{feff}", " \n", "\u{0}", ")]}'\n", "[", "{"][..]).prop_map(ByteMutation::Prefix),
    ]
    .boxed()
}

fn escape_pointer(k: &str) -> String {
    k.replace('~', "~0").replace('/', "~1")
}

fn unescape_pointer(k: &str) -> String {
    k.replace("~1", "/").replace("~0", "~")
}

/// JSON pointers to every node, root first.
fn pointers(v: &Value) -> Vec<String> {
    fn walk(v: &Value, at: &mut String, out: &mut Vec<String>) {
        out.push(at.clone());
        let len = at.len();
        match v {
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    at.push('/');
                    at.push_str(&i.to_string());
                    walk(x, at, out);
                    at.truncate(len);
                }
            }
            Value::Object(m) => {
                for (k, x) in m {
                    at.push('/');
                    at.push_str(&escape_pointer(k));
                    walk(x, at, out);
                    at.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut String::new(), &mut out);
    out
}

fn pick<'a, T>(i: &Index, items: &'a [T]) -> Option<&'a T> {
    (!items.is_empty()).then(|| i.get(items))
}

/// Applies structural mutations, then writes the JSON text (raw tokens and duplicate keys
/// go in through placeholders that `serde_json::Value` cannot express).
fn apply_mutations(mut v: Value, muts: &[Mutation], pretty: bool) -> String {
    let mut swaps: Vec<(String, String)> = Vec::new();
    for (n, m) in muts.iter().enumerate() {
        let ptrs = pointers(&v);
        match m {
            Mutation::Replace(i, new) => {
                if let Some(node) = pick(i, &ptrs).and_then(|p| v.pointer_mut(p)) {
                    *node = new.clone();
                }
            }
            Mutation::Delete(i) => {
                let Some((parent, last)) = pick(i, &ptrs).and_then(|p| p.rsplit_once('/')) else {
                    continue;
                };
                match v.pointer_mut(parent) {
                    Some(Value::Object(obj)) => {
                        obj.remove(&unescape_pointer(last));
                    }
                    Some(Value::Array(a)) => {
                        if let Ok(ix) = last.parse::<usize>() {
                            if ix < a.len() {
                                a.remove(ix);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Mutation::Repeat(i, times) => {
                let arrays: Vec<&String> = ptrs
                    .iter()
                    .filter(|p| matches!(v.pointer(p), Some(Value::Array(a)) if !a.is_empty()))
                    .collect();
                if let Some(Value::Array(a)) = pick(i, &arrays).and_then(|p| v.pointer_mut(p)) {
                    let first = a[0].clone();
                    a.extend(std::iter::repeat_n(first, usize::from(*times)));
                }
            }
            Mutation::DuplicateKey(i, k, new) => {
                let objects: Vec<&String> = ptrs
                    .iter()
                    .filter(|p| matches!(v.pointer(p), Some(Value::Object(o)) if !o.is_empty()))
                    .collect();
                if let Some(Value::Object(obj)) = pick(i, &objects).and_then(|p| v.pointer_mut(p)) {
                    let names: Vec<String> = obj.keys().cloned().collect();
                    let name = k.get(&names).clone();
                    let placeholder = format!("\u{0}skyglass-dup-{n}\u{0}");
                    swaps.push((json_string(&placeholder), json_string(&name)));
                    obj.insert(placeholder, new.clone());
                }
            }
            Mutation::Raw(i, text) => {
                if let Some(node) = pick(i, &ptrs).and_then(|p| v.pointer_mut(p)) {
                    let placeholder = format!("\u{0}skyglass-raw-{n}\u{0}");
                    swaps.push((json_string(&placeholder), text.clone()));
                    *node = Value::String(placeholder);
                }
            }
        }
    }
    let mut text = if pretty {
        serde_json::to_string_pretty(&v)
    } else {
        serde_json::to_string(&v)
    }
    .expect("a Value always serializes");
    for (from, to) in swaps {
        text = text.replacen(&from, &to, 1);
    }
    text
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serializes")
}

fn apply_byte_mutations(text: String, muts: &[ByteMutation]) -> String {
    let mut b = text.into_bytes();
    for m in muts {
        match m {
            ByteMutation::Truncate(i) => {
                let at = i.index(b.len() + 1);
                b.truncate(at);
            }
            ByteMutation::Flip(i, mask) => {
                if !b.is_empty() {
                    let at = i.index(b.len());
                    b[at] ^= mask;
                }
            }
            ByteMutation::Insert(i, bytes) => {
                let at = i.index(b.len() + 1);
                b.splice(at..at, bytes.iter().copied());
            }
            ByteMutation::Remove(i, n) => {
                if !b.is_empty() {
                    let at = i.index(b.len());
                    let end = (at + usize::from(*n)).min(b.len());
                    b.drain(at..end);
                }
            }
            ByteMutation::Prefix(p) => {
                b.splice(0..0, p.bytes());
            }
        }
    }
    // The browser reads a body with `Response.text()`: invalid UTF-8 becomes U+FFFD.
    String::from_utf8_lossy(&b).into_owned()
}

// ---------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------

const KINDS: &[&str] = &["bytes", "text", "json", "seed mutations"];

fn env_strategy() -> BoxedStrategy<Env> {
    seeded(gen_env)
}

/// 200 half the time, else anything from 100 to 599.
fn any_status(g: &mut Gen) -> u16 {
    if g.chance(2) {
        200
    } else {
        100 + g.below(500) as u16
    }
}

/// Mostly 200, sometimes another 2xx, rarely anything.
fn mostly_ok_status(g: &mut Gen) -> u16 {
    match g.weighted(&[12, 2, 1]) {
        0 => 200,
        1 => 200 + g.below(100) as u16,
        _ => 100 + g.below(500) as u16,
    }
}

fn gen_retry_after(g: &mut Gen) -> Option<String> {
    g.chance(10).then(|| gen_string(g))
}

/// Status, `Retry-After` and the context, from one seed.
fn frame(ok_biased: bool) -> BoxedStrategy<(u16, Option<String>, Env)> {
    seeded(move |g| {
        let status = if ok_biased { mostly_ok_status(g) } else { any_status(g) };
        (status, gen_retry_after(g), gen_env(g))
    })
}

fn make_case(kind: usize, (status, retry_after, env): (u16, Option<String>, Env), body: String) -> Case {
    Case {
        kind,
        resp: ApiResponse {
            status,
            retry_after,
            body,
        },
        env,
    }
}

fn case_strategy(d: Decoder) -> BoxedStrategy<Case> {
    let mut keys = Vec::new();
    shape_keys(d.schema(), &mut keys);
    let keys = Arc::new(keys);
    let parse = |pages: Vec<&'static str>| -> Arc<Vec<Value>> {
        Arc::new(
            pages
                .into_iter()
                .map(|s| serde_json::from_str(s).expect("seed examples are JSON"))
                .collect(),
        )
    };
    let seeds = parse(d.seeds());
    let others = parse(all_examples());
    assert!(!seeds.is_empty(), "{}: no seed examples", d.name());

    let bytes = (frame(false), prop::collection::vec(any::<u8>(), 0..512))
        .prop_map(|(f, b)| make_case(0, f, String::from_utf8_lossy(&b).into_owned()));
    let text = (
        frame(false),
        seeded(|g| match g.below(3) {
            0 => gen_chars(g, 256),
            1 => (0..g.below(40)).map(|_| g.pick(FRAGMENTS)).collect(),
            _ => gen_string(g),
        }),
    )
        .prop_map(|(f, b)| make_case(1, f, b));

    let k = keys.clone();
    let free = seeded(move |g| gen_json(g, 4, &k));
    let mut json_value = prop_oneof![3 => shaped(d.schema(), &keys), 1 => free].boxed();
    if d == Decoder::Error {
        // CloudDC's 429 is a bare JSON string.
        json_value = prop_oneof![4 => json_value, 1 => seeded(|g| Value::String(gen_string(g)))].boxed();
    }
    let json = (frame(true), json_value, any::<bool>()).prop_map(|(f, v, pretty)| {
        let body = if pretty {
            serde_json::to_string_pretty(&v)
        } else {
            serde_json::to_string(&v)
        }
        .expect("a Value always serializes");
        make_case(2, f, body)
    });

    let seed = (
        frame(true),
        any::<Index>(),
        any::<u8>(),
        prop::collection::vec(mutation(&keys), 0..4),
        prop::collection::vec(byte_mutation(), 0..3),
        any::<bool>(),
    )
        .prop_map(move |(f, i, other, muts, byte_muts, pretty)| {
            // One in five mutates another page's example (a ROMA body to the CloudDC decoder).
            let base = if other < 52 { i.get(&others) } else { i.get(&seeds) };
            let text = apply_mutations(base.clone(), &muts, pretty);
            make_case(3, f, apply_byte_mutations(text, &byte_muts))
        });

    prop_oneof![1 => bytes, 1 => text, 3 => json, 3 => seed].boxed()
}

fn save_found(d: Decoder, case: &Case) -> Option<PathBuf> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    case.resp.body.hash(&mut h);
    let path = Path::new(CORPUS_DIR).join(format!("{}-found-{:016x}.txt", d.name(), h.finish()));
    std::fs::create_dir_all(CORPUS_DIR).ok()?;
    std::fs::write(&path, &case.resp.body).ok()?;
    Some(path)
}

fn fuzz_decoder(d: Decoder) {
    run_property(
        d.name(),
        KINDS,
        case_strategy(d),
        |c| c.kind,
        |c| check(d, &c.resp, &c.env),
        |c| save_found(d, c),
    );
}

#[test]
fn fuzz_clouddc_list() {
    fuzz_decoder(Decoder::ClouddcList);
}

#[test]
fn fuzz_clouddc_status() {
    fuzz_decoder(Decoder::ClouddcStatus);
}

#[test]
fn fuzz_roma_list() {
    fuzz_decoder(Decoder::RomaList);
}

#[test]
fn fuzz_bycloud_list() {
    fuzz_decoder(Decoder::BycloudList);
}

#[test]
fn fuzz_imagesearch_details() {
    fuzz_decoder(Decoder::ImagesearchDetails);
}

#[test]
fn fuzz_decode_error() {
    fuzz_decoder(Decoder::Error);
}

// ---------------------------------------------------------------------------------------
// The helpers on their own, with arbitrary arguments
// ---------------------------------------------------------------------------------------

#[test]
fn fuzz_timefmt() {
    let raw = seeded(|g| if g.chance(4) { gen_string(g) } else { gen_time_text(g) });
    run_property(
        "timefmt",
        &["cases"],
        (
            raw,
            seeded(gen_extreme_i64),
            seeded(gen_extreme_i64),
            seeded(gen_offset),
        ),
        |_| 0,
        |(raw, ms, now, off)| {
            let (ms, now, off) = (*ms, *now, *off);
            black_box(timefmt::parse_rfc3339_ms(raw));
            black_box(timefmt::cell(raw, now, off));
            let rel = timefmt::relative(ms, now);
            assert!(!rel.is_empty());
            black_box(timefmt::absolute(ms, off));
            black_box(timefmt::clock(ms, off));
            black_box(imagesearch::expiry_text(Some(ms), off));
            black_box(imagesearch::date_text(Some(ms), off));
            black_box(imagesearch::level_text(Some(ms)));
            black_box(imagesearch::level_text(Some(now)));
            for off in REAL_OFFSETS {
                black_box(timefmt::absolute(ms, off));
                black_box(timefmt::clock(ms, off));
            }
        },
        |_| None,
    );
}

#[test]
fn fuzz_urls_and_cursors() {
    let address = seeded(|g| if g.chance(4) { gen_string(g) } else { gen_marker_text(g) });
    let key = seeded(|g| {
        if g.chance(4) {
            gen_string(g)
        } else {
            g.pick(QUERY_KEYS).to_owned()
        }
    });
    run_property(
        "urls_and_cursors",
        &["cases"],
        (address, key, env_strategy()),
        |_| 0,
        |(address, key, env)| {
            black_box(query_param(address, key));
            black_box(query_param(address, "marker"));
            if let Some(m) = clouddc::extract_marker(address) {
                assert!(!m.trim().is_empty(), "an empty marker from {address:?}");
            }
            black_box(clouddc::decode_user_data(address));
            black_box(http::encode(address));
            black_box(http::encode_pairs(&env.pairs));
            // One-instance pages whose markers and links are the fuzzed address.
            let cdc = clouddc::InstanceList {
                instances: vec![clouddc::Instance {
                    id: address.clone(),
                    ..Default::default()
                }],
                page_info: Some(clouddc::PageInfo {
                    next_marker: address.clone(),
                    previous_marker: address.clone(),
                    current_count: None,
                }),
                count: None,
            };
            clouddc_list_helpers(&cdc, env);
            clouddc_list_helpers(&clouddc::InstanceList::default(), env);
            let bc = bycloud::InstanceList {
                instances: vec![bycloud::Instance {
                    id: address.clone(),
                    ..Default::default()
                }],
                meta: Some(bycloud::Meta {
                    marker: address.clone(),
                    ..Default::default()
                }),
                links: Some(bycloud::Links {
                    self_: address.clone(),
                    next: address.clone(),
                    previous: address.clone(),
                }),
            };
            bycloud_list_helpers(&bc, env);
            bycloud_list_helpers(&bycloud::InstanceList::default(), env);
            let total = address.parse::<u64>().ok().or(Some(u64::MAX));
            let roma_page = roma::InstanceList {
                total,
                size: total,
                instances: vec![roma::Instance::default(); (env.clip_max % 7) + 1],
            };
            roma_list_helpers(&roma_page, env);
            roma_list_helpers(&roma::InstanceList::default(), env);
        },
        |_| None,
    );
}

#[test]
fn fuzz_text_helpers() {
    let text = seeded(|g| match g.weighted(&[3, 1, 1]) {
        0 => gen_string(g),
        1 => base64_std(&gen_bytes(g, 96)),
        _ => base64_std(gen_string(g).as_bytes()),
    });
    let max = seeded(|g| match g.below(3) {
        0 => g.below(32),
        1 => g.below(4096),
        _ => g.pick(&[usize::MAX, usize::MAX - 1]),
    });
    let status = 100u16..=599;
    run_property(
        "text_helpers",
        &["cases"],
        (text, max, seeded(gen_string), status),
        |_| 0,
        |(s, max, secret, status)| {
            let c = clip(s, *max);
            if s.len() <= *max {
                assert_eq!(&c, s);
            } else {
                assert!(c.len() <= max.saturating_add(60) || c.len() <= s.len() + 60);
            }
            black_box(clouddc::decode_user_data(s));
            state_helpers(s);
            black_box((
                roma::tone(s),
                roma::is_documented(s),
                bycloud::tone(s, s),
                imagesearch::tone(s),
            ));
            black_box(imagesearch::remember(&[s.clone(), secret.clone()], secret, *max % 8));
            let errors = [
                ApiError::Status {
                    status: *status,
                    code: Some(s.clone()),
                    message: s.clone(),
                    details: Some(secret.clone()),
                    request_id: None,
                    retry_after: Some(s.clone()),
                },
                ApiError::Network(s.clone()),
                ApiError::Decode(s.clone()),
                ApiError::Aborted,
            ];
            let env = Env {
                now_ms: 0,
                offset_minutes: 0,
                secret: secret.clone(),
                clip_max: *max,
                pairs: Vec::new(),
            };
            for e in errors {
                error_helpers(e, &env);
            }
        },
        |_| None,
    );
}

// ---------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------

/// Fixed contexts every corpus file is decoded in: realistic, and every extreme the
/// properties also reach (clocks, offsets, URL pages and offsets at their maxima).
fn corpus_envs() -> Vec<Env> {
    let far_pairs = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    vec![
        Env {
            now_ms: REAL_NOW,
            offset_minutes: 480,
            secret: "tok".into(),
            clip_max: 120,
            pairs: Vec::new(),
        },
        Env {
            now_ms: i64::MAX,
            offset_minutes: 840,
            secret: String::new(),
            clip_max: 0,
            pairs: far_pairs(&[
                ("marker", "m"),
                ("page", "4294967295"),
                ("offset", "18446744073709551615"),
                ("limit", "1"),
            ]),
        },
        Env {
            now_ms: i64::MIN,
            offset_minutes: -720,
            secret: "a".into(),
            clip_max: usize::MAX,
            pairs: far_pairs(&[
                ("offset", "18446744073709551600"),
                ("limit", "100"),
                ("status", "RUNNING"),
            ]),
        },
        Env {
            now_ms: 0,
            offset_minutes: i32::MIN,
            secret: "\u{0}".into(),
            clip_max: 1,
            pairs: far_pairs(&[("name", "x"), ("tags", " "), ("state", "running"), ("limit", "0")]),
        },
    ]
}

/// Which decoders a corpus file is for: the name's prefix, `any` for all.
fn decoders_for(file_name: &str) -> Option<Vec<Decoder>> {
    let prefix = file_name.split('-').next()?;
    if prefix == "any" {
        return Some(DECODERS.to_vec());
    }
    DECODERS.iter().find(|d| d.name() == prefix).map(|d| vec![*d])
}

#[test]
fn corpus_never_panics() {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(CORPUS_DIR)
        .expect("tests/fuzz_corpus exists")
        .map(|e| e.expect("a readable corpus entry").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("json" | "txt")))
        .collect();
    entries.sort();
    assert!(entries.len() >= 20, "the corpus has only {} files", entries.len());
    let envs = corpus_envs();
    let mut failures = Vec::new();
    let mut runs = 0;
    for path in &entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let decoders =
            decoders_for(&name).unwrap_or_else(|| panic!("{name}: the name must start with a decoder name or `any-`"));
        let bytes = std::fs::read(path).expect("a readable corpus file");
        let body = String::from_utf8_lossy(&bytes).into_owned();
        // Big files in the realistic and the most extreme context only (they are slow in debug).
        let envs = if body.len() > 64 * 1024 { &envs[..2] } else { &envs[..] };
        for d in decoders {
            for status in [200u16, 500] {
                for env in envs {
                    let resp = ApiResponse {
                        status,
                        retry_after: Some("1".into()),
                        body: body.clone(),
                    };
                    runs += 1;
                    let result = std::panic::catch_unwind(|| check(d, &resp, env));
                    if let Err(p) = result {
                        let msg = p
                            .downcast_ref::<String>()
                            .cloned()
                            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                            .unwrap_or_default();
                        failures.push(format!("{name} with {} (status {status}, {env:?}): {msg}", d.name()));
                    }
                }
            }
        }
    }
    eprintln!(
        "fuzz corpus: {} files, {runs} decodes, {} panics",
        entries.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "corpus inputs panicked:\n{}", failures.join("\n"));
}

/// The mutation base is really there: every page's example responses were found.
#[test]
fn seed_examples_are_found() {
    for d in DECODERS {
        assert!(!d.seeds().is_empty(), "{}", d.name());
    }
    assert!(all_examples().len() >= 10);
}

/// The panics the fuzzer found, as plain tests (the corpus has their inputs too).
#[test]
fn regressions_found_by_fuzzing() {
    // `time::OffsetDateTime::to_offset` panicked for a time in year 9999 seen east of UTC:
    // ImageSearch `expiredDate: 253402300799999`, or a CloudDC `created_at` of 9999-12-31.
    for off in [1, 60, 840, 1439] {
        black_box(timefmt::absolute(253_402_300_799_999, off));
        black_box(timefmt::clock(253_402_300_799_999, off));
        black_box(imagesearch::expiry_text(Some(253_402_300_799_999), off));
        black_box(timefmt::cell("9999-12-31T23:59:59Z", REAL_NOW, off));
    }
    // Page labels from the URL (`page=4294967295`) overflowed on the next page.
    let cdc = clouddc::InstanceList {
        instances: vec![clouddc::Instance::default()],
        page_info: Some(clouddc::PageInfo {
            next_marker: "b".into(),
            ..Default::default()
        }),
        count: None,
    };
    let q = ListQuery::from_pairs([("marker", "a"), ("page", "4294967295")]);
    assert_eq!(q.next(&cdc).map(|n| n.page), Some(u32::MAX));
    let bc = bycloud::InstanceList {
        instances: vec![bycloud::Instance {
            id: "b".into(),
            ..Default::default()
        }],
        meta: Some(bycloud::Meta {
            has_more: Some(true),
            ..Default::default()
        }),
        links: None,
    };
    let q = bycloud::MarkerQuery::from_pairs([("marker", "a"), ("page", "4294967295")]);
    assert_eq!(q.next(&bc).map(|n| n.page), Some(u32::MAX));
    // ROMA offsets from the URL near u64::MAX overflowed the page number, the pager's
    // window, a page's offset and the next page's offset.
    let q = OffsetQuery::from_pairs([("offset", "18446744073709551615"), ("limit", "1")]);
    assert_eq!(q.page_number(), u64::MAX);
    black_box(roma::page_window(q.page_number(), q.page_count(u64::MAX)));
    black_box(OffsetQuery::default().page(u64::MAX));
    let page = roma::InstanceList {
        total: None,
        size: None,
        instances: vec![roma::Instance::default(); 10],
    };
    assert_eq!(q.next(&page), None, "no page after offset u64::MAX");
}

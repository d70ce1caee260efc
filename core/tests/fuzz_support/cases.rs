//! One decoder's cases: arbitrary bytes and text with any status; JSON of its documented
//! shape or free-form; mutations of the seed examples; error bodies of every shape with
//! error statuses. [`fuzz_decoder`] runs them all through [`check`].

use super::checks::Env;
use super::decoders::{all_examples, check, Decoder};
use super::gen::*;
use super::mutate::*;
use super::runner::{run_property, save_found};
use super::shaped::shaped;
use super::shapes::{shape_keys, ERROR_BODY};
use super::values::FRAGMENTS;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;
use skyglass_core::http::{body_text, ApiResponse};
use std::sync::Arc;

/// One input to a decoder property.
#[derive(Clone, Debug)]
pub struct Case {
    pub kind: usize,
    pub resp: ApiResponse,
    pub env: Env,
}

pub const KINDS: &[&str] = &["bytes", "text", "json", "seed mutations", "error bodies"];

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

/// The statuses services answer errors with, mostly; sometimes anything.
fn error_status(g: &mut Gen) -> u16 {
    match g.weighted(&[6, 1, 1]) {
        0 => g.pick(&[400, 401, 403, 404, 409, 429, 500, 502, 503]),
        1 => 200,
        _ => 100 + g.below(500) as u16,
    }
}

fn gen_retry_after(g: &mut Gen) -> Option<String> {
    g.chance(10).then(|| gen_string(g))
}

type Frame = (u16, Option<String>, Env);

/// Status, `Retry-After` and the context, from one seed.
fn frame(status: fn(&mut Gen) -> u16) -> BoxedStrategy<Frame> {
    seeded(move |g| (status(g), gen_retry_after(g), gen_env(g)))
}

fn make_case(kind: usize, (status, retry_after, env): Frame, body: String) -> Case {
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

/// `v` as JSON text, indented or not.
pub fn to_json(v: &Value, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(v)
    } else {
        serde_json::to_string(v)
    }
    .expect("a Value always serializes")
}

/// The seed examples, parsed.
pub fn parse_examples(pages: Vec<&'static str>) -> Arc<Vec<Value>> {
    Arc::new(
        pages
            .into_iter()
            .map(|s| serde_json::from_str(s).expect("seed examples are JSON"))
            .collect(),
    )
}

/// Every field name of a shape, for biasing free-form keys.
pub fn keys_of(shape: &'static super::shapes::Shape) -> Arc<Vec<&'static str>> {
    let mut keys = Vec::new();
    shape_keys(shape, &mut keys);
    Arc::new(keys)
}

pub fn case_strategy(d: Decoder) -> BoxedStrategy<Case> {
    let keys = keys_of(d.schema());
    let seeds = parse_examples(d.seeds());
    let others = parse_examples(all_examples());
    assert!(!seeds.is_empty(), "{}: no seed examples", d.name());

    // The transport reads bytes as `Response.text()` would (see `body_text`).
    let bytes = (frame(any_status), prop::collection::vec(any::<u8>(), 0..512))
        .prop_map(|(f, b)| make_case(0, f, body_text(b)));
    let text = (
        frame(any_status),
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
    let json = (frame(mostly_ok_status), json_value, any::<bool>())
        .prop_map(|(f, v, pretty)| make_case(2, f, to_json(&v, pretty)));

    let seed = (
        frame(mostly_ok_status),
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

    // Every decoder reads error bodies too: whatever their shape, with error statuses.
    let error_keys = keys_of(&ERROR_BODY);
    let errors = (frame(error_status), shaped(&ERROR_BODY, &error_keys), any::<bool>())
        .prop_map(|(f, v, pretty)| make_case(4, f, to_json(&v, pretty)));

    prop_oneof![1 => bytes, 1 => text, 3 => json, 3 => seed, 1 => errors].boxed()
}

/// Fuzzes decoder `d`: a panic is minimized and its body saved to the corpus.
pub fn fuzz_decoder(d: Decoder) {
    run_property(
        d.name(),
        KINDS,
        case_strategy(d),
        |c| {
            check(d, &c.resp, &c.env);
            c.kind
        },
        |c| save_found(d.name(), &c.resp.body),
    );
}

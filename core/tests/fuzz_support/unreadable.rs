//! Pages with bad instances among good ones: a seed page whose `instances` are seed and
//! generated instances, instances of the wrong type or with a field of the wrong type, and
//! mutated ones. A page that is JSON keeps every instance that reads on its own, in order,
//! and names each other one in `unreadable`; a page that is not JSON is a decode error.
//! The oracle takes the instances from the body, as the page holds them, not from the
//! generator's list (an element such as `""` is no element of `[…]`).

use super::cases::{keys_of, parse_examples};
use super::checks::Env;
use super::corpus::corpus_envs;
use super::decoders::{check, Decoder};
use super::gen::*;
use super::mutate::{apply_mutations, mutation};
use super::rows::unreadable_checks;
use super::runner::{run_property, save_found, CORPUS_DIR};
use super::shaped::shaped;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::Value;
use skyglass_core::http::{ApiError, ApiResponse};
use skyglass_core::service::{ListQuery, ListService};

/// Instances that cannot be read, or may not be: another type than an object, a field of
/// the wrong type (text, list, object), a number serde_json cannot hold, a lone surrogate.
const BAD: &[&str] = &[
    "null",
    "\"ubuntu\"",
    "7",
    "-1.5",
    "true",
    "1e400",
    "[1]",
    "[]",
    r#""\ud800""#,
    r#"{"id":{}}"#,
    r#"{"name":[1,2]}"#,
    r#"{"id":"a","name":{"x":1}}"#,
    r#"{"id":"a","id":"b"}"#,
    r#"{"id":1e400}"#,
    r#"{"name":"\ud800"}"#,
    r#"{"image":"ubuntu"}"#,
    r#"{"network_interfaces":"eth0"}"#,
    r#"{"tags":[1]}"#,
    r#"{"error":"x"}"#,
    r#"{"metadata":[1]}"#,
    r#"{"created_user":"u"}"#,
    r#"{"available_zone_ids":{"a":1}}"#,
    r#"{"flavor":"m1"}"#,
    r#"{"addresses":{"net":"x"}}"#,
    r#"{"fault":1}"#,
    r#"{"security_groups":[null]}"#,
];

/// One page: its instances' texts as the generator made them, and the whole body (which
/// the oracle reads the instances from).
#[derive(Clone, Debug)]
pub struct BadPage {
    pub elements: Vec<String>,
    pub body: String,
    pub env: Env,
}

const KINDS: &[&str] = &["every instance read", "some unreadable", "not JSON"];

const PLACEHOLDER: &str = "\u{0}skyglass-instances\u{0}";

/// The seed pages of list decoder `d` that hold a list of instances.
pub fn seed_pages(d: Decoder) -> Vec<Value> {
    let pages: Vec<Value> = parse_examples(d.seeds())
        .iter()
        .filter(|v| v.get("instances").is_some_and(Value::is_array))
        .cloned()
        .collect();
    assert!(!pages.is_empty(), "{}: no seed page with instances", d.name());
    pages
}

/// Seed page `page` with `elements` spliced in as its instances' texts, compact or pretty.
pub fn build_page(page: &Value, elements: Vec<String>, pretty: bool, env: Env) -> BadPage {
    let mut page = page.clone();
    page["instances"] = Value::String(PLACEHOLDER.into());
    let text = if pretty {
        serde_json::to_string_pretty(&page)
    } else {
        serde_json::to_string(&page)
    }
    .expect("a Value always serializes");
    let sep = if pretty { ",\n    " } else { "," };
    let list = format!("[{}]", elements.join(sep));
    let placeholder = serde_json::to_string(PLACEHOLDER).expect("a string serializes");
    let body = text.replacen(&placeholder, &list, 1);
    BadPage { elements, body, env }
}

fn page_strategy(d: Decoder) -> BoxedStrategy<BadPage> {
    let shape = d.instance_schema().expect("a list decoder");
    let keys = keys_of(shape);
    let pages = seed_pages(d);
    let pool: Vec<Value> = pages
        .iter()
        .flat_map(|p| p["instances"].as_array().cloned().unwrap_or_default())
        .collect();
    assert!(!pool.is_empty(), "{}: no seed instance", d.name());
    let text = |v: &Value| serde_json::to_string(v).expect("a Value always serializes");
    let seed_pool = pool.clone();
    let mutated_pool = pool;
    let k = keys.clone();
    let element = prop_oneof![
        4 => any::<Index>().prop_map(move |i| text(i.get(&seed_pool))),
        4 => shaped(shape, &keys).prop_map(move |v| text(&v)),
        3 => select(BAD).prop_map(str::to_owned),
        1 => (any::<Index>(), prop::collection::vec(mutation(&keys), 1..3))
            .prop_map(move |(i, m)| apply_mutations(i.get(&mutated_pool).clone(), &m, false)),
        1 => seeded(move |g| text(&gen_json(g, 3, &k))),
    ]
    // A blank text (a mutation can make the whole instance the raw token "") is no element
    // of `[…]`: it would vanish from the page it was made for.
    .prop_filter("an instance text that is an element of the list", |e| {
        !e.trim().is_empty()
    });
    (
        any::<Index>(),
        prop::collection::vec(element, 0..8),
        any::<bool>(),
        seeded(gen_env),
    )
        .prop_map(move |(i, elements, pretty, env)| build_page(i.get(&pages), elements, pretty, env))
        .boxed()
}

/// A page's instances as its body holds them, each as its own text. The oracle reads them
/// from the body rather than trusting the generator's list: an element the generator made
/// may not be one element of the page (`""` vanishes from `[…]`).
fn instances_in(body: &str) -> Vec<&RawValue> {
    #[derive(serde::Deserialize)]
    struct Listed<'a> {
        #[serde(borrow)]
        instances: Vec<&'a RawValue>,
    }
    serde_json::from_str::<Listed>(body)
        .unwrap_or_else(|e| panic!("a page the generator made holds no list of instances: {e}"))
        .instances
}

/// What a page of bad and good instances must decode to; then what the app does with it.
/// Returns which of [`KINDS`] the page was.
pub fn check_page<S: ListService>(d: Decoder, p: &BadPage) -> usize
where
    S::Row: DeserializeOwned,
{
    let resp = ApiResponse {
        status: 200,
        retry_after: None,
        body: p.body.clone(),
    };
    let decoded = S::decode(&resp);
    let kind = if serde_json::from_str::<&RawValue>(&p.body).is_err() {
        let e = decoded.as_ref().err();
        assert!(
            matches!(e, Some(ApiError::Decode(_))),
            "a page that is not JSON is a decode error: {e:?}"
        );
        2
    } else {
        let page = decoded.unwrap_or_else(|e| panic!("a JSON page with bad instances is still a page: {e:?}"));
        let rows = S::rows(&page);
        let elements = instances_in(&p.body);
        let (mut good, mut bad) = (Vec::new(), Vec::new());
        for (i, e) in elements.iter().enumerate() {
            match serde_json::from_str::<S::Row>(e.get()) {
                Ok(row) => good.push(row),
                Err(_) => bad.push(i),
            }
        }
        assert!(
            rows.items == good,
            "the good instances, in order ({} of {} kept)",
            rows.len(),
            good.len()
        );
        let unreadable: Vec<usize> = rows.unreadable.iter().map(|u| u.index).collect();
        assert_eq!(unreadable, bad, "the unreadable instances, by position");
        unreadable_checks(&rows.unreadable, elements.len());
        let q = ListQuery::first(S::list());
        assert_eq!(S::facts(&q, &page).items, elements.len(), "items counts every instance");
        usize::from(!bad.is_empty())
    };
    check(d, &resp, &p.env);
    kind
}

/// Fuzzes list decoder `d` (whose service is `S`) with pages of bad and good instances.
pub fn fuzz_bad_instances<S: ListService>(d: Decoder)
where
    S::Row: DeserializeOwned,
{
    run_property(
        &format!("{}_bad_instances", d.name()),
        KINDS,
        page_strategy(d),
        |p| check_page::<S>(d, p),
        |p| save_found(d.name(), &p.body),
    );
}

/// Found by `make fuzz` (issue 23): a generated instance that was the empty string vanished
/// from its page (`"instances":[]`), and the oracle still expected an unreadable instance
/// at position 0. The corpus keeps that page (`<decoder>-empty-element-vanishes.json`);
/// here it is checked with the element the generator listed.
pub fn regression_vanished_element<S: ListService>(d: Decoder)
where
    S::Row: DeserializeOwned,
{
    let path = format!("{CORPUS_DIR}/{}-empty-element-vanishes.json", d.name());
    let body = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let page = BadPage {
        elements: vec![String::new()],
        body,
        env: corpus_envs()[0].clone(),
    };
    assert_eq!(check_page::<S>(d, &page), 0, "a page whose instances all read");
}

//! cloudsim's responses have the shapes of the vendor pages' examples.

mod common;

use cloudsim::MarkerStyle;
use common::shapes::*;
use common::*;
use serde_json::Value;

const LIST_SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/seeds/000_d5adc5c98243305e.txt"
));
const STATUS_SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/seeds/004_63e2440c9c04cee7.txt"
));

/// The first balanced `{...}` after "Example Responses", parsed.
fn example_response(page: &str) -> Value {
    let at = page.find("Example Responses").expect("an Example Responses section");
    let text = &page[at..];
    let open = text.find('{').expect("an example object");
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, c) in text[open..].char_indices() {
        match (in_string, escaped, c) {
            (true, true, _) => escaped = false,
            (true, false, '\\') => escaped = true,
            (true, false, '"') => in_string = false,
            (true, false, _) => {}
            (false, _, '"') => in_string = true,
            (false, _, '{') => depth += 1,
            (false, _, '}') => {
                depth -= 1;
                if depth == 0 {
                    let json = &text[open..=open + i];
                    return serde_json::from_str(json).expect("the example is JSON");
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced example");
}

#[test]
fn list_matches_the_seed_example() {
    let example = example_response(LIST_SEED);
    assert!(example["instances"][0]["error"].is_object());
    let cloud = cloud(300, MarkerStyle::Bare);
    // Error instances carry the error object the example shows.
    let (status, body) = get(&cloud, LIST, "instance_state=error&limit=20", START_MS);
    assert_eq!(status, 200);
    assert!(!body["instances"].as_array().unwrap().is_empty());
    has_example_keys(&example, &body, "");
    let documented = [
        "instances[].tags",
        "instances[].tags[].key",
        "instances[].tags[].value",
        "instances[].metadata",
        "instances[].operation_state",
    ];
    let maps = ["instances[].metadata"];
    only_known_keys(Some(&example), &body, "", &documented, &maps);

    // Whole fleet: only known keys, and the example's keys on every
    // instance (error excepted: only failed instances have one).
    let (_, all) = get(&cloud, LIST, "limit=1000", START_MS);
    only_known_keys(Some(&example), &all, "", &documented, &maps);
    let mut ex_instance = example["instances"][0].clone();
    ex_instance.as_object_mut().unwrap().remove("error");
    let mut seen = (false, false);
    for inst in all["instances"].as_array().unwrap() {
        has_example_keys(&ex_instance, inst, "instance");
        seen.0 |= inst.get("tags").is_some();
        seen.1 |= inst.get("metadata").is_some();
    }
    assert!(seen.0 && seen.1, "some instances have tags and metadata");
}

#[test]
fn status_matches_the_seed_example() {
    let example = example_response(STATUS_SEED);
    assert_eq!(example, serde_json::json!({"state": "stopped"}));
    let cloud = cloud(300, MarkerStyle::Bare);
    let (_, errors) = get(&cloud, LIST, "instance_state=error", START_MS);
    let id = errors["instances"][0]["id"].as_str().unwrap();
    let (status, body) = get(&cloud, &format!("{LIST}/{id}/status"), "", START_MS);
    assert_eq!(status, 200);
    assert!(body["error"].is_object(), "{body}");
    has_example_keys(&example, &body, "");
    let documented = [
        "operation_state",
        "error",
        "error.error_code",
        "error.error_msg",
        "error.error_type",
    ];
    only_known_keys(Some(&example), &body, "", &documented, &[]);
}

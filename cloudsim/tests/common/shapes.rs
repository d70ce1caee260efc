//! Comparing responses with the vendor pages' example JSON: same keys with
//! the same JSON types, recursively, and no keys beyond the example's and an
//! explicit documented list.

use serde_json::Value;

/// The JSON type of `v`, as a word.
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every key of `example` is in `actual` with the same JSON type (null in
/// the example matches anything); array items are checked against the
/// example's first item.
pub fn has_example_keys(example: &Value, actual: &Value, path: &str) {
    if example.is_null() {
        return;
    }
    assert_eq!(kind(example), kind(actual), "type of {path}: {actual}");
    match (example, actual) {
        (Value::Object(ex), Value::Object(act)) => {
            for (key, ex_value) in ex {
                let act_value = act
                    .get(key)
                    .unwrap_or_else(|| panic!("{path}.{key} missing in {actual}"));
                has_example_keys(ex_value, act_value, &format!("{path}.{key}"));
            }
        }
        (Value::Array(ex), Value::Array(act)) => {
            if let Some(first) = ex.first() {
                for item in act {
                    has_example_keys(first, item, &format!("{path}[]"));
                }
            }
        }
        _ => {}
    }
}

/// Every key cloudsim emits is in the example or in `documented` (paths
/// like `instances[].tags[].key`); `maps` are free-form string maps.
pub fn only_known_keys(example: Option<&Value>, actual: &Value, path: &str, documented: &[&str], maps: &[&str]) {
    match actual {
        Value::Object(act) => {
            if maps.contains(&path) {
                assert!(act.values().all(Value::is_string), "{path} is a string map");
                return;
            }
            for (key, value) in act {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let ex = example.and_then(|e| e.get(key));
                assert!(
                    ex.is_some() || documented.contains(&child.as_str()),
                    "{child} is neither in the example nor documented"
                );
                only_known_keys(ex, value, &child, documented, maps);
            }
        }
        Value::Array(items) => {
            let ex = example.and_then(|e| e.get(0));
            for item in items {
                only_known_keys(ex, item, &format!("{path}[]"), documented, maps);
            }
        }
        _ => {}
    }
}

//! JSON values of a documented [`Shape`]: the structure (lists, fields present or not) from
//! proptest, so that it shrinks; the leaves mostly of their documented type.

use super::gen::*;
use super::shapes::Shape;
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::sync::Arc;

/// A leaf of a documented shape: mostly of its type (the lenient forms included),
/// sometimes anything at all.
pub fn gen_typed(g: &mut Gen, shape: &Shape, keys: &[&'static str]) -> Value {
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
        Shape::States(vocabulary) => match g.weighted(&[4, 1, 1, 1]) {
            0 => Value::String(g.pick(vocabulary.terms).value.into()),
            1 => {
                let v = g.pick(vocabulary.terms).value;
                Value::String(match g.below(3) {
                    0 => v.to_uppercase(),
                    1 => v.to_lowercase(),
                    _ => format!(" {v} "),
                })
            }
            2 => text(g),
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

/// proptest, so that it shrinks; the leaves from `gen_typed`. A list, map or object is
/// sometimes something else (null, a number, a string, another structure).
pub fn shaped(shape: &'static Shape, keys: &Arc<Vec<&'static str>>) -> BoxedStrategy<Value> {
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

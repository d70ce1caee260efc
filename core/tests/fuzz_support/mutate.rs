//! Mutations of the seed pages' example responses: structural ones on the JSON (a node
//! replaced, deleted, repeated, given twice or turned into raw text such as `1e400`), then
//! byte-level ones on the text (truncated, flipped, inserted, removed, prefixed).

use super::gen::*;
use super::values::{FRAGMENTS, RAW_TOKENS};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::Value;
use std::sync::Arc;

/// A structural mutation of a JSON document.
#[derive(Clone, Debug)]
pub enum Mutation {
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

/// A mutation of a document's bytes.
#[derive(Clone, Debug)]
pub enum ByteMutation {
    Truncate(Index),
    Flip(Index, u8),
    Insert(Index, Vec<u8>),
    Remove(Index, u8),
    Prefix(&'static str),
}

/// Structural mutations, their values biased toward the decoder's field names (`keys`).
pub fn mutation(keys: &Arc<Vec<&'static str>>) -> BoxedStrategy<Mutation> {
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

/// Byte mutations.
pub fn byte_mutation() -> BoxedStrategy<ByteMutation> {
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
pub fn pointers(v: &Value) -> Vec<String> {
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
pub fn apply_mutations(mut v: Value, muts: &[Mutation], pretty: bool) -> String {
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

/// Applies byte mutations; the bytes are then read as the browser would (invalid UTF-8
/// becomes U+FFFD; a byte order mark is kept, as a harder input than the transport gives).
pub fn apply_byte_mutations(text: String, muts: &[ByteMutation]) -> String {
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

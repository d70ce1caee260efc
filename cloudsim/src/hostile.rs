//! Hostile data (`Faults::hostile`): every free-text string of a 200 body
//! becomes an XSS payload from the corpus in
//! `tests/fixtures/xss_payloads.txt` (one payload per line).
//!
//! Kept as they are: ids (`id`, `crn`, `*_id`, `*_ids`, `*Id`), markers
//! and links, the enum fields that drive paging and badges (`state`,
//! `status`, `operation_state`, `power_state`, `task_state`, `vm_state`,
//! address `type`, `error_code`) and dates (`created`, `updated`, `*_at`,
//! `*_time`), also under a vendor extension's prefix
//! (`OS-EXT-STS:task_state` is kept as `task_state` is). Everything else —
//! names, descriptions, image and flavor names, addresses, tags, metadata
//! keys and values, error messages — takes the next payload in document
//! order, starting from the first payload in every response; `user_data`
//! takes the base64 of one. So that a first page shows the whole corpus,
//! each service first adds blank members for payloads to fill
//! (`SimService::hostile_prepare`, with [`blanks`], [`pairs`] and
//! [`entries`]); CloudDC, for one, gives every instance four tags and four
//! metadata entries, and ImageSearch lists every payload in `tags`.

use crate::encode::base64;
use crate::jsontree::{parse, Node};

/// The payload corpus, one per line.
const CORPUS: &str = include_str!("../../tests/fixtures/xss_payloads.txt");

/// The XSS payloads of the hostile mode, in corpus order. Each payload that
/// runs tries to increment `window.__skyglassPwned`; none names a network
/// address.
pub fn payloads() -> Vec<&'static str> {
    CORPUS
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| !line.is_empty())
        .collect()
}

/// Members whose string values are never replaced, besides ids and dates
/// by their names' endings (see [`keep`]).
const KEEP: [&str; 18] = [
    "id",
    "crn",
    "state",
    "status",
    "operation_state",
    "power_state",
    "task_state",
    "vm_state",
    "type",
    "error_code",
    "created",
    "updated",
    "next_marker",
    "previous_marker",
    "marker",
    "self",
    "next",
    "previous",
];

/// `key` without a vendor extension's prefix (`OS-EXT-STS:task_state` →
/// `task_state`).
fn bare(key: &str) -> &str {
    key.rsplit_once(':').map_or(key, |(_, bare)| bare)
}

/// Whether `key`'s string values stay: [`KEEP`], ids (`*_id`, `*_ids`,
/// camel-case `*Id`) and dates (`*_at`, `*_time`), also under a vendor
/// extension's prefix.
fn keep(key: &str) -> bool {
    let key = bare(key);
    const KEPT_ENDINGS: [&str; 5] = ["_id", "_ids", "Id", "_at", "_time"];
    KEPT_ENDINGS.iter().any(|end| key.ends_with(end)) || KEEP.contains(&key)
}

/// Hands out payloads in corpus order, cycling.
struct Cursor {
    payloads: Vec<&'static str>,
    next: usize,
}

impl Cursor {
    fn take(&mut self) -> String {
        let payload = self.payloads[self.next % self.payloads.len()];
        self.next += 1;
        payload.to_string()
    }
}

/// `n` empty strings: room for payloads.
pub fn blanks(n: usize) -> Vec<Node> {
    vec![Node::Str(String::new()); n]
}

/// `n` tags `{"key": "", "value": ""}` (CloudDC's shape).
pub fn pairs(n: usize) -> Vec<Node> {
    let pair = Node::Obj(vec![
        ("key".to_string(), Node::Str(String::new())),
        ("value".to_string(), Node::Str(String::new())),
    ]);
    vec![pair; n]
}

/// A metadata object with `n` empty entries.
pub fn entries(n: usize) -> Node {
    Node::Obj((0..n).map(|i| (format!("k{i}"), Node::Str(String::new()))).collect())
}

/// Replaces the strings under `node`; `key` is the member holding it
/// (arrays pass their own key on to their items).
fn replace(node: &mut Node, key: Option<&str>, cursor: &mut Cursor) {
    match node {
        Node::Str(s) => match key {
            Some(k) if keep(k) => {}
            Some(k) if bare(k) == "user_data" => *s = base64(cursor.take().as_bytes()),
            Some(_) => *s = cursor.take(),
            None => {}
        },
        Node::Arr(items) => items.iter_mut().for_each(|item| replace(item, key, cursor)),
        Node::Obj(members) => {
            // Metadata keys and ByCloud's network names are free text too.
            let rename = matches!(key, Some("metadata" | "addresses"));
            for (k, v) in members {
                if rename {
                    *k = cursor.take();
                    replace(v, Some("value"), cursor);
                } else {
                    replace(v, Some(k.as_str()), cursor);
                }
            }
        }
        Node::Null | Node::Bool(_) | Node::Num(_) => {}
    }
}

/// `body` (a 200 answer) with its free text replaced by payloads, after
/// `prepare` (the service's hook) added blank members to fill; unchanged
/// when it is not JSON.
pub fn apply(body: &str, prepare: impl FnOnce(&mut Node)) -> String {
    let Some(mut root) = parse(body) else {
        return body.to_string();
    };
    let payloads = payloads();
    prepare(&mut root);
    let mut cursor = Cursor { payloads, next: 0 };
    replace(&mut root, None, &mut cursor);
    root.to_json()
}

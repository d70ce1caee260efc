//! Hostile data (`Faults::hostile`): every free-text string of a 200 body
//! becomes an XSS payload from the corpus in
//! `tests/fixtures/xss_payloads.txt` (one payload per line).
//!
//! Kept as they are: ids (`id`, `*_id`, `*_ids`, `crn`, `request_id`),
//! markers and links, the enum fields that drive paging and badges
//! (`state`, `status`, `operation_state`, `power_state`, `task_state`,
//! `vm_state`, address `type`, `error_code`) and dates. Everything else —
//! names, descriptions, image and flavor names, addresses, tags, metadata
//! keys and values, error messages — takes the next payload in document
//! order, starting from the first payload in every response; `user_data`
//! takes the base64 of one. So that a first page shows the whole corpus,
//! every CloudDC and ByCloud instance gets four tags and four metadata
//! entries, and ImageSearch's `tags` list every payload.

use crate::encode::base64;
use crate::faults::Api;
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

/// Members whose string values are never replaced.
const KEEP: [&str; 24] = [
    "id",
    "crn",
    "request_id",
    "state",
    "status",
    "operation_state",
    "power_state",
    "task_state",
    "vm_state",
    "type",
    "error_code",
    "created_at",
    "updated_at",
    "launched_at",
    "terminated_at",
    "create_time",
    "update_time",
    "created",
    "next_marker",
    "previous_marker",
    "marker",
    "self",
    "next",
    "previous",
];

fn keep(key: &str) -> bool {
    key.ends_with("_id") || key.ends_with("_ids") || KEEP.contains(&key)
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
fn blanks(n: usize) -> Vec<Node> {
    vec![Node::Str(String::new()); n]
}

/// `n` CloudDC tags `{"key": "", "value": ""}`.
fn pairs(n: usize) -> Vec<Node> {
    let pair = Node::Obj(vec![
        ("key".to_string(), Node::Str(String::new())),
        ("value".to_string(), Node::Str(String::new())),
    ]);
    vec![pair; n]
}

/// A metadata object with `n` empty entries.
fn entries(n: usize) -> Node {
    Node::Obj((0..n).map(|i| (format!("k{i}"), Node::Str(String::new()))).collect())
}

/// Replaces the strings under `node`; `key` is the member holding it
/// (arrays pass their own key on to their items).
fn replace(node: &mut Node, key: Option<&str>, cursor: &mut Cursor) {
    match node {
        Node::Str(s) => match key {
            Some(k) if keep(k) => {}
            Some("user_data") => *s = base64(cursor.take().as_bytes()),
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

/// `body` (a 200 answer of `api`) with its free text replaced by payloads;
/// unchanged when it is not JSON.
pub fn apply(body: &str, api: Api) -> String {
    let Some(mut root) = parse(body) else {
        return body.to_string();
    };
    let payloads = payloads();
    let corpus = payloads.len();
    match api {
        Api::ClouddcList => {
            for inst in root.get_mut("instances").map_or(&mut [][..], Node::items_mut) {
                inst.set("tags", Node::Arr(pairs(4)), "network_interfaces");
                // Metadata's documented place: after the state (and the
                // operation state, when there is one).
                let has_op = inst.get_mut("operation_state").is_some();
                let after = if has_op { "operation_state" } else { "state" };
                inst.set("metadata", entries(4), after);
            }
        }
        Api::ByCloud => {
            for inst in root.get_mut("instances").map_or(&mut [][..], Node::items_mut) {
                inst.set("tags", Node::Arr(blanks(4)), "metadata");
                inst.set("metadata", entries(4), "key_names");
            }
        }
        Api::ImageSearch => root.set("tags", Node::Arr(blanks(corpus)), "registerDate"),
        Api::ClouddcStatus | Api::Roma => {}
    }
    let mut cursor = Cursor { payloads, next: 0 };
    replace(&mut root, None, &mut cursor);
    root.to_json()
}

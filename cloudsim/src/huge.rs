//! Huge data (`Faults::huge`): list pages far larger than any real answer,
//! still valid JSON in the documented shapes.
//!
//! - CloudDC: the page's first instance gets a 100 KiB name, its second (or
//!   the first, on a one-instance page) 10,000 tags, and every instance's
//!   `description` grows until the body is at least 10 MiB;
//! - ByCloud: a 100 KiB name and 10,000 tags the same way;
//! - ROMA Connect: a 100 KiB name.
//!
//! An empty page stays as it is.

use crate::faults::Api;
use crate::jsontree::{parse, Node};

/// The smallest CloudDC huge body.
pub const BODY_BYTES: usize = 10 * 1024 * 1024;
/// The length of the huge name.
pub const NAME_BYTES: usize = 100 * 1024;
/// The number of tags of the tag-laden instance.
pub const TAGS: usize = 10_000;

/// `text` repeated and cut to `len` bytes (`text` is ASCII).
fn repeat_to(text: &str, len: usize) -> String {
    let mut out = text.repeat(len / text.len() + 1);
    out.truncate(len);
    out
}

fn long_name() -> Node {
    Node::Str(repeat_to("huge-instance-name-", NAME_BYTES))
}

/// `body` (a 200 list answer of `api`) made huge; unchanged when it is not
/// JSON or has no instances.
pub fn apply(body: &str, api: Api) -> String {
    let Some(mut root) = parse(body) else {
        return body.to_string();
    };
    let Some(Node::Arr(instances)) = root.get_mut("instances") else {
        return body.to_string();
    };
    let n = instances.len();
    if n == 0 {
        return body.to_string();
    }
    instances[0].set("name", long_name(), "id");
    let tagged = &mut instances[1.min(n - 1)];
    match api {
        Api::ClouddcList => {
            let tags = (0..TAGS)
                .map(|i| {
                    Node::Obj(vec![
                        ("key".to_string(), Node::Str(format!("tag-{i:05}"))),
                        ("value".to_string(), Node::Str(format!("value-{i:05}"))),
                    ])
                })
                .collect();
            tagged.set("tags", Node::Arr(tags), "network_interfaces");
        }
        Api::ByCloud => {
            let tags = (0..TAGS).map(|i| Node::Str(format!("tag-{i:05}"))).collect();
            tagged.set("tags", Node::Arr(tags), "metadata");
        }
        _ => return root.to_json(),
    }
    let mut out = root.to_json();
    if api == Api::ClouddcList && out.len() < BODY_BYTES {
        // Every description grows by the same ASCII padding (no escapes, so
        // the body grows by exactly `per * n` bytes).
        let per = (BODY_BYTES - out.len()).div_ceil(n);
        let padding = repeat_to("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", per);
        for inst in root.get_mut("instances").map_or(&mut [][..], Node::items_mut) {
            let description = match inst.get_mut("description") {
                Some(Node::Str(d)) => format!("{d}{padding}"),
                _ => padding.clone(),
            };
            inst.set("description", Node::Str(description), "image");
        }
        out = root.to_json();
    }
    out
}

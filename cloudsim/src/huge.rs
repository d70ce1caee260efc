//! Huge data (`Faults::huge`): list pages far larger than any real answer,
//! still valid JSON in the documented shapes.
//!
//! Every list API's page gets a 100 KiB name on its first instance; what
//! else grows is the service's [`Growth`] (`SimService::huge`): its second
//! instance (or the first, on a one-instance page) may get 10,000 tags, and
//! every instance's `description` may grow until the body reaches a size.
//! CloudDC's, for one, has `{key, value}` tags and at least 10 MiB.
//!
//! An empty page stays as it is.

use crate::jsontree::{parse, Node};

/// The smallest CloudDC huge body.
pub const BODY_BYTES: usize = 10 * 1024 * 1024;
/// The length of the huge name.
pub const NAME_BYTES: usize = 100 * 1024;
/// The number of tags of the tag-laden instance.
pub const TAGS: usize = 10_000;

/// Makes tag `i` of [`TAGS`].
pub type Tag = fn(usize) -> Node;

/// How a list API's pages grow beyond the 100 KiB name.
#[derive(Clone, Copy, Debug)]
pub struct Growth {
    /// The body member holding the page's instances (`instances`,
    /// `servers`, …).
    pub list: &'static str,
    /// The tag-laden instance's tags: tag `i` of [`TAGS`], and the member a
    /// new `tags` list follows. `None`: no tags are added.
    pub tags: Option<(Tag, &'static str)>,
    /// Every instance's `description` grows until the body has at least this
    /// many bytes, and the member a new `description` follows. `None`:
    /// descriptions stay.
    pub pad_to: Option<(usize, &'static str)>,
}

impl Growth {
    /// Only the 100 KiB name, on the instances in `list`.
    pub const fn name_only(list: &'static str) -> Growth {
        Growth {
            list,
            tags: None,
            pad_to: None,
        }
    }
}

/// Tag `i` as `{"key": "tag-0000i", "value": "value-0000i"}`.
pub fn pair_tag(i: usize) -> Node {
    Node::Obj(vec![
        ("key".to_string(), Node::Str(format!("tag-{i:05}"))),
        ("value".to_string(), Node::Str(format!("value-{i:05}"))),
    ])
}

/// Tag `i` as the string `tag-0000i`.
pub fn text_tag(i: usize) -> Node {
    Node::Str(format!("tag-{i:05}"))
}

/// `text` repeated and cut to `len` bytes (`text` is ASCII).
fn repeat_to(text: &str, len: usize) -> String {
    let mut out = text.repeat(len / text.len() + 1);
    out.truncate(len);
    out
}

fn long_name() -> Node {
    Node::Str(repeat_to("huge-instance-name-", NAME_BYTES))
}

/// `body` (a 200 list answer) grown as `growth` says; unchanged when it is
/// not JSON or has no instances.
pub fn apply(body: &str, growth: &Growth) -> String {
    let Some(mut root) = parse(body) else {
        return body.to_string();
    };
    let list = growth.list;
    let Some(Node::Arr(instances)) = root.get_mut(list) else {
        return body.to_string();
    };
    let n = instances.len();
    if n == 0 {
        return body.to_string();
    }
    instances[0].set("name", long_name(), "id");
    if let Some((tag, after)) = growth.tags {
        let tagged = &mut instances[1.min(n - 1)];
        tagged.set("tags", Node::Arr((0..TAGS).map(tag).collect()), after);
    }
    let mut out = root.to_json();
    if let Some((min_bytes, after)) = growth.pad_to {
        if out.len() < min_bytes {
            // Every description grows by the same ASCII padding (no escapes, so
            // the body grows by exactly `per * n` bytes).
            let per = (min_bytes - out.len()).div_ceil(n);
            let padding = repeat_to("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", per);
            for inst in root.get_mut(list).map_or(&mut [][..], Node::items_mut) {
                let description = match inst.get_mut("description") {
                    Some(Node::Str(d)) => format!("{d}{padding}"),
                    _ => padding.clone(),
                };
                inst.set("description", Node::Str(description), after);
            }
            out = root.to_json();
        }
    }
    out
}

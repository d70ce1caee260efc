//! Lenient decoding: a response is never trusted. A string field that arrives as `null`, a
//! number or a bool still decodes (as text), a list or map that arrives as `null` decodes
//! as empty. Missing fields are handled by `#[serde(default)]` on the types.
//!
//! A page's instances are [`Items`]: one instance that cannot be read (`null`, or
//! `"image": "ubuntu"` where an object is expected) does not fail the page. [`decode_page`]
//! reads a page in one pass; only when that fails does it read it again with every
//! instance decoded from its own raw text, keeping the good ones and saying why each other
//! one could not be read. A good page pays nothing for this.

use crate::http::{decode_error, decode_failure, ApiError, ApiResponse};
use serde::de::{self, DeserializeOwned, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

mod shared;
mod sorted_map;
mod text_visitor;
pub use shared::Shared;
pub use sorted_map::SortedMap;
use text_visitor::TextVisitor;

/// A string field: accepts a string, number, bool or null (→ "").
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(TextVisitor::<String>::new())
}

/// A list field: `null` decodes as an empty list.
pub fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// A text wrapper usable as a map value or list element.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        text(d).map(Text)
    }
}

/// A string map: `null` decodes as empty, non-string values as their text.
pub fn text_map<'de, D: Deserializer<'de>>(d: D) -> Result<SortedMap<Shared>, D::Error> {
    let raw = Option::<BTreeMap<String, Shared>>::deserialize(d)?.unwrap_or_default();
    Ok(raw.into())
}

/// A list of strings: `null` → empty; non-string elements as their text.
pub fn text_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let raw = Option::<Vec<Text>>::deserialize(d)?.unwrap_or_default();
    Ok(raw.into_iter().map(|t| t.0).collect())
}

/// An optional bool that may arrive as a bool, "true"/"false" or null.
pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let t = d.deserialize_any(TextVisitor::<String>::new())?;
    Ok(match t.trim() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    })
}

/// An optional signed integer (epoch ms, -1 meaning "never") from a number, numeric string or null.
pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let t = d.deserialize_any(TextVisitor::<String>::new())?;
    Ok(t.trim().parse::<f64>().ok().filter(|v| v.is_finite()).map(|v| v as i64))
}

/// An optional integer that may arrive as a number, a numeric string or null.
pub fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let t = d.deserialize_any(TextVisitor::<String>::new())?;
    Ok(t.trim().parse::<f64>().ok().filter(|v| *v >= 0.0).map(|v| v as u64))
}

/// The most of a reason we keep for an element that could not be read.
const MAX_REASON: usize = 300;

thread_local! {
    /// Set while [`decode_page`] reads a page element by element.
    static ONE_BY_ONE: Cell<bool> = const { Cell::new(false) };
}

/// An element of a list that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// Its position in the list (0-based).
    pub index: usize,
    pub reason: String,
}

impl Unreadable {
    /// "item 3: invalid type: null, expected struct Instance".
    pub fn describe(&self) -> String {
        format!("item {}: {}", self.index + 1, self.reason)
    }
}

/// A list of elements (a page's instances) read leniently: `null` is an empty list, and an
/// element that cannot be read is kept aside in `unreadable` instead of failing the page
/// (see [`decode_page`]). Derefs to the good elements.
#[derive(Clone, Debug, PartialEq)]
pub struct Items<T> {
    pub items: Vec<T>,
    pub unreadable: Vec<Unreadable>,
}

impl<T> Default for Items<T> {
    fn default() -> Self {
        Items {
            items: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

impl<T> From<Vec<T>> for Items<T> {
    fn from(items: Vec<T>) -> Self {
        Items {
            items,
            unreadable: Vec::new(),
        }
    }
}

impl<T> Deref for Items<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<'a, T> IntoIterator for &'a Items<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// An instance skimmed: its id only, the rest of it skipped unread. A page of these is
/// what [`crate::service::ListService::head`] reads to learn where paging goes next
/// before the page itself is decoded.
#[derive(Deserialize, Debug, Default, Clone, PartialEq)]
#[serde(default)]
pub struct Skim {
    #[serde(deserialize_with = "text")]
    pub id: String,
}

/// What paging may need of an instance: its id (marker paging by the last id).
pub trait Identified {
    fn id(&self) -> &str;
}

impl Identified for Skim {
    fn id(&self) -> &str {
        &self.id
    }
}

struct ItemsVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ItemsVisitor<T> {
    type Value = Items<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list or null")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Items<T>, E> {
        Ok(Items::default())
    }
    fn visit_none<E: de::Error>(self) -> Result<Items<T>, E> {
        Ok(Items::default())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Items<T>, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items<T>, A::Error> {
        let mut out = Items {
            items: Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096)),
            unreadable: Vec::new(),
        };
        if !ONE_BY_ONE.with(Cell::get) {
            while let Some(item) = seq.next_element::<T>()? {
                out.items.push(item);
            }
            return Ok(out);
        }
        let mut index = 0;
        while let Some(raw) = seq.next_element::<&'de RawValue>()? {
            match serde_json::from_str::<T>(raw.get()) {
                Ok(item) => out.items.push(item),
                Err(e) => out.unreadable.push(Unreadable {
                    index,
                    reason: crate::http::clip(&e.to_string(), MAX_REASON),
                }),
            }
            index += 1;
        }
        Ok(out)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_option(ItemsVisitor(PhantomData))
    }
}

/// Resets [`ONE_BY_ONE`] however the second reading ends.
struct OneByOne;

impl OneByOne {
    fn start() -> OneByOne {
        ONE_BY_ONE.with(|f| f.set(true));
        OneByOne
    }
}

impl Drop for OneByOne {
    fn drop(&mut self) {
        ONE_BY_ONE.with(|f| f.set(false));
    }
}

/// Reads a success body as a page `P` of [`Skim`]s, for [`crate::service::ListService::head`]:
/// `None` for an error status or a body that does not read as one (the full decode then
/// has the last word).
pub fn skim_page<P: DeserializeOwned>(resp: &ApiResponse) -> Option<P> {
    if !(200..300).contains(&resp.status) {
        return None;
    }
    serde_json::from_str(&resp.body).ok()
}

/// Decodes a success body as a page `P` whose instances are [`Items`], or the error body
/// as an [`ApiError`]. A page that fails as a whole is read again element by element, so
/// that its good instances survive a bad one; a body that is not a page at all (malformed
/// JSON, a string where the list should be) is a decode error.
pub fn decode_page<P: DeserializeOwned>(resp: &ApiResponse) -> Result<P, ApiError> {
    if !(200..300).contains(&resp.status) {
        return Err(decode_error(resp));
    }
    let _sharing = shared::Sharing::start();
    match serde_json::from_str(&resp.body) {
        Ok(page) => Ok(page),
        Err(whole) => {
            let _guard = OneByOne::start();
            serde_json::from_str(&resp.body).map_err(|_| decode_failure(&whole, &resp.body))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Probe {
        #[serde(deserialize_with = "text")]
        s: String,
        #[serde(deserialize_with = "list")]
        v: Vec<u8>,
        #[serde(deserialize_with = "text_map")]
        m: SortedMap<Shared>,
        #[serde(deserialize_with = "opt_u64")]
        n: Option<u64>,
    }

    #[derive(Deserialize, Default, Debug, PartialEq)]
    #[serde(default)]
    struct Inner {
        #[serde(deserialize_with = "text")]
        name: String,
    }

    #[derive(Deserialize, Default, Debug, PartialEq)]
    #[serde(default)]
    struct Elem {
        #[serde(deserialize_with = "text")]
        id: String,
        inner: Option<Inner>,
    }

    #[derive(Deserialize, Default, Debug, PartialEq)]
    #[serde(default)]
    struct Page {
        instances: Items<Elem>,
        count: Option<u64>,
    }

    #[test]
    fn one_bad_element_does_not_fail_the_page() {
        let p: Page = decode_page(&ApiResponse::ok(
            r#"{"instances":[{"id":"a"},null,{"id":"c","inner":"ubuntu"},{"id":"d","inner":{"name":"x"}}],"count":4}"#,
        ))
        .unwrap();
        assert_eq!(
            p.instances.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ["a", "d"]
        );
        assert_eq!(p.count, Some(4));
        assert_eq!(p.instances.unreadable.len(), 2);
        assert_eq!(p.instances.unreadable[0].index, 1);
        assert!(
            p.instances.unreadable[0]
                .describe()
                .starts_with("item 2: invalid type: null"),
            "{:?}",
            p.instances.unreadable
        );
        assert!(
            p.instances.unreadable[1].reason.contains("ubuntu"),
            "{:?}",
            p.instances.unreadable
        );
        assert!(!ONE_BY_ONE.with(Cell::get), "the flag is reset");
        let good: Page = decode_page(&ApiResponse::ok(r#"{"instances":[{"id":"a"}]}"#)).unwrap();
        assert!(good.instances.unreadable.is_empty());
        let none: Page = decode_page(&ApiResponse::ok(r#"{"instances":null}"#)).unwrap();
        assert!(none.instances.is_empty());
    }

    #[test]
    fn a_body_that_is_not_a_page_is_a_decode_error() {
        for body in [r#"{"instances":"x"}"#, r#"{"instances":[{"id":"a"},"#, "", "null"] {
            let r: Result<Page, _> = decode_page(&ApiResponse::ok(body));
            assert!(matches!(r, Err(ApiError::Decode(_))), "{body}: {r:?}");
        }
        let e: Result<Page, _> = decode_page(&ApiResponse {
            status: 401,
            retry_after: None,
            body: "{}".into(),
        });
        assert!(matches!(e, Err(ApiError::Status { status: 401, .. })));
    }

    #[test]
    fn tolerates_nulls_numbers_and_missing_fields() {
        let p: Probe = serde_json::from_str(r#"{"s":null,"v":null,"m":{"a":1,"b":null,"c":"x"},"n":"7"}"#).unwrap();
        assert_eq!(p.s, "");
        assert!(p.v.is_empty());
        assert_eq!(p.m["a"], "1");
        assert_eq!(p.m["b"], "");
        assert_eq!(p.m["c"], "x");
        assert_eq!(p.n, Some(7));
        let p: Probe = serde_json::from_str(r#"{"s":12.5,"extra":[1,2]}"#).unwrap();
        assert_eq!(p.s, "12.5");
        assert_eq!(p.n, None);
        let p: Probe = serde_json::from_str(r#"{"s":true,"n":-3}"#).unwrap();
        assert_eq!(p.s, "true");
        assert_eq!(p.n, None);
    }
}

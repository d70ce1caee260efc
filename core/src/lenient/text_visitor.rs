//! The visitor under every lenient text field: a string, number, bool or null, read as text.

use serde::de::{self, Deserializer, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// What a text field is read into: a `String`, or a [`Shared`](super::shared::Shared) made
/// from the borrowed text without an owned copy first.
pub(super) trait FromText: Sized {
    fn from_str(text: &str) -> Self;
    fn from_string(text: String) -> Self;
}

impl FromText for String {
    fn from_str(text: &str) -> String {
        text.to_owned()
    }
    fn from_string(text: String) -> String {
        text
    }
}

/// Reads a string, number, bool or null (→ "") as text.
pub(super) struct TextVisitor<T = String>(PhantomData<T>);

impl<T> TextVisitor<T> {
    pub(super) fn new() -> Self {
        TextVisitor(PhantomData)
    }
}

impl<'de, T: FromText> Visitor<'de> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, number, bool or null")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Ok(T::from_str(v))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        Ok(T::from_string(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        Ok(T::from_string(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Ok(T::from_string(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Ok(T::from_string(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Ok(T::from_string(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Ok(T::from_str(""))
    }
    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        Ok(T::from_str(""))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_any(self)
    }
}

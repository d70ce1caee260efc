//! Lenient field decoders: a response is never trusted. A string field that arrives as
//! `null`, a number or a bool still decodes (as text), a list or map that arrives as `null`
//! decodes as empty. Missing fields are handled by `#[serde(default)]` on the types.

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, number, bool or null")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Ok(String::new())
    }
    fn visit_none<E: de::Error>(self) -> Result<String, E> {
        Ok(String::new())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

/// A string field: accepts a string, number, bool or null (→ "").
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(TextVisitor)
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
pub fn text_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    let raw = Option::<BTreeMap<String, Text>>::deserialize(d)?.unwrap_or_default();
    Ok(raw.into_iter().map(|(k, v)| (k, v.0)).collect())
}

/// A list of strings: `null` → empty; non-string elements as their text.
pub fn text_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let raw = Option::<Vec<Text>>::deserialize(d)?.unwrap_or_default();
    Ok(raw.into_iter().map(|t| t.0).collect())
}

/// An optional bool that may arrive as a bool, "true"/"false" or null.
pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let t = d.deserialize_any(TextVisitor)?;
    Ok(match t.trim() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    })
}

/// An optional signed integer (epoch ms, -1 meaning "never") from a number, numeric string or null.
pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let t = d.deserialize_any(TextVisitor)?;
    Ok(t.trim().parse::<f64>().ok().filter(|v| v.is_finite()).map(|v| v as i64))
}

/// An optional integer that may arrive as a number, a numeric string or null.
pub fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let t = d.deserialize_any(TextVisitor)?;
    Ok(t.trim().parse::<f64>().ok().filter(|v| *v >= 0.0).map(|v| v as u64))
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
        m: BTreeMap<String, String>,
        #[serde(deserialize_with = "opt_u64")]
        n: Option<u64>,
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

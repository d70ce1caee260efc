//! Small text encoders: JSON output, UUIDs, RFC 3339 times, base64 and URL
//! percent-encoding. Hand-written so that JSON keys keep the vendor's order
//! and so that the library needs no extra crates.

use time::{format_description::FormatItem, macros::format_description, OffsetDateTime, UtcOffset};

/// Appends `s` as a JSON string literal (quoted and escaped). Runs of characters that need
/// no escape are copied at once (a 1,000-instance page is ~0.8 MB of them).
pub fn json_str(out: &mut String, s: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            b if b < 0x20 => "",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{b:04x}"));
        } else {
            out.push_str(escape);
        }
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

/// Writes one JSON object with keys in insertion order.
pub struct Obj<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> Obj<'a> {
    /// Opens an object (`{`) at the end of `out`.
    pub fn new(out: &'a mut String) -> Obj<'a> {
        out.push('{');
        Obj { out, empty: true }
    }

    fn key(&mut self, key: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        json_str(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A string member.
    pub fn str(&mut self, key: &str, value: &str) -> &mut Self {
        let out = self.key(key);
        json_str(out, value);
        self
    }

    /// An integer member.
    pub fn num(&mut self, key: &str, value: u64) -> &mut Self {
        let out = self.key(key);
        out.push_str(&value.to_string());
        self
    }

    /// A signed integer member.
    pub fn int(&mut self, key: &str, value: i64) -> &mut Self {
        let out = self.key(key);
        out.push_str(&value.to_string());
        self
    }

    /// A boolean member.
    pub fn bool(&mut self, key: &str, value: bool) -> &mut Self {
        let out = self.key(key);
        out.push_str(if value { "true" } else { "false" });
        self
    }

    /// A string member, or `null` when `value` is `None`.
    pub fn opt_str(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        match value {
            Some(v) => self.str(key, v),
            None => {
                self.key(key).push_str("null");
                self
            }
        }
    }

    /// A member whose value is written by `write` (an array or object).
    pub fn raw(&mut self, key: &str, write: impl FnOnce(&mut String)) -> &mut Self {
        let out = self.key(key);
        write(out);
        self
    }

    /// Members rendered earlier (`"k":v` pairs joined by commas, as [`Obj::rendered`] gives).
    pub fn members(&mut self, members: &str) -> &mut Self {
        if !members.is_empty() {
            if !self.empty {
                self.out.push(',');
            }
            self.empty = false;
            self.out.push_str(members);
        }
        self
    }

    /// The members `write` adds, rendered for [`Obj::members`].
    pub fn rendered(write: impl FnOnce(&mut Obj)) -> String {
        let mut out = String::new();
        let mut obj = Obj::new(&mut out);
        write(&mut obj);
        out.remove(0);
        out
    }

    /// Closes the object (`}`).
    pub fn end(self) {
        self.out.push('}');
    }
}

/// Writes a JSON array whose items are written by `write`, given each item
/// and the output (commas are handled here).
pub fn json_array<T>(out: &mut String, items: &[T], mut write: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

/// Appends a JSON array of strings.
pub fn json_strs<S: AsRef<str>>(out: &mut String, items: &[S]) {
    json_array(out, items, |out, s| json_str(out, s.as_ref()));
}

/// 128 bits as 32 lowercase hex digits (request ids, user ids, AZ ids).
pub fn hex32(bits: u128) -> String {
    format!("{bits:032x}")
}

/// Formats 128 bits as a lowercase hyphenated UUID string.
pub fn uuid(bits: u128) -> String {
    let hex = format!("{bits:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A random-looking version 4 UUID from 128 random bits.
pub fn uuid_v4(random: u128) -> String {
    let bits = (random & !(0xF << 76) & !(0x3 << 62)) | (0x4 << 76) | (0x2 << 62);
    uuid(bits)
}

/// A UUIDv7-like id: the first 48 bits are the creation time in ms, so ids
/// sort by creation time.
pub fn uuid_v7(ms: i64, random: u128) -> String {
    let ms = (ms.max(0) as u128) & 0xFFFF_FFFF_FFFF;
    let low = random & ((1u128 << 80) - 1);
    let low = (low & !(0xF << 76) & !(0x3 << 62)) | (0x7 << 76) | (0x2 << 62);
    uuid((ms << 80) | low)
}

const RFC3339: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]");

/// The offset the simulated region reports its times in (+08:00, as in the
/// vendor's examples).
fn region_offset() -> UtcOffset {
    UtcOffset::from_hms(8, 0, 0).unwrap_or(UtcOffset::UTC)
}

/// The time `ms` (Unix epoch milliseconds) in the region's offset.
pub fn local_time(ms: i64) -> Option<OffsetDateTime> {
    let nanos = i128::from(ms) * 1_000_000;
    OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .ok()
        .map(|t| t.to_offset(region_offset()))
}

/// RFC 3339 with the region offset and whole seconds, like
/// `2025-07-11T17:07:05+08:00`; "" when out of range.
pub fn rfc3339(ms: i64) -> String {
    local_time(ms).and_then(|t| t.format(RFC3339).ok()).unwrap_or_default()
}

const UTC_Z: &[FormatItem<'static>] = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// UTC with whole seconds and a `Z`, like `2019-12-06T06:49:04Z`; "" when
/// out of range.
pub fn utc_z(ms: i64) -> String {
    let nanos = i128::from(ms) * 1_000_000;
    OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .ok()
        .and_then(|t| t.format(UTC_Z).ok())
        .unwrap_or_default()
}

const UTC_MICROS: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

/// UTC with microseconds and a `Z`, as IAM writes its times, like
/// `2026-01-02T00:00:00.000000Z`; "" when out of range.
pub fn utc_micros(ms: i64) -> String {
    let nanos = i128::from(ms) * 1_000_000;
    OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .ok()
        .and_then(|t| t.format(UTC_MICROS).ok())
        .unwrap_or_default()
}

/// The standard base64 alphabet.
const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/// The URL-safe base64 alphabet (`-` and `_`).
pub const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64 of `data` in `abc`, padded with `=` when `pad`.
fn base64_with(data: &[u8], abc: &[u8; 64], pad: bool) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(abc[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    base64_with(data, BASE64, true)
}

/// URL-safe base64 without padding (header- and URL-safe text).
pub fn base64url(data: &[u8]) -> String {
    base64_with(data, BASE64URL, false)
}

/// Percent-encodes everything but the URL-unreserved characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as space when `plus_is_space`); invalid
/// escapes are kept as written, invalid UTF-8 is replaced.
pub fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let hex = |j: usize| bytes.get(j).and_then(|&c| (c as char).to_digit(16));
        match b {
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(hi), Some(lo)) => {
                    out.push((hi * 16 + lo) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoders() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
        assert_eq!(utc_micros(1_767_312_000_123), "2026-01-02T00:00:00.123000Z");
        assert_eq!(rfc3339(1_752_224_825_000), "2025-07-11T17:07:05+08:00");
        assert_eq!(utc_z(1_575_614_944_999), "2019-12-06T06:49:04Z");
        assert_eq!(hex32(0xab), format!("{}ab", "0".repeat(30)));
        assert_eq!(percent_decode("a%2Cb+c%zz", true), "a,b c%zz");
        assert_eq!(percent_encode("a b/é"), "a%20b%2F%C3%A9");
        let id = uuid_v7(0x0195_f996_79c5, 0);
        assert!(id.starts_with("0195f996-79c5-7"), "{id}");
        let mut out = String::new();
        json_str(&mut out, "a\"\n\u{1}<b>");
        assert_eq!(out, r#""a\"\n\u0001<b>""#);
    }
}

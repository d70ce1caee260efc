//! Percent-encoding of path segments and query values, reading query parameters back,
//! and cutting long text for display.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Characters kept as they are in a query value or path segment (RFC 3986 unreserved).
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Percent-encodes one path segment or query value.
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED).to_string()
}

/// The decoded value of `key` in the query part of a URL, path or bare query string.
pub fn query_param(address: &str, key: &str) -> Option<String> {
    let query = address.split_once('?').map_or(address, |(_, q)| q);
    let query = query.split('#').next().unwrap_or_default();
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| {
            percent_encoding::percent_decode_str(&v.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        })
}

/// A path with its percent-encoding undone (`%20` → space; `+` stays `+`), as the vendor
/// SDKs read a URL's path before signing it.
pub fn decode_path(path: &str) -> String {
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
}

/// `s` lowercased with every run of other characters than ASCII letters and digits made
/// one `-`, none at either end, at most `max` bytes: a connection id, a part of a file name.
pub fn slug(s: &str, max: usize) -> String {
    let mut out = s
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    out.truncate(max);
    out
}

/// Encodes `key=value` pairs joined by `&` (no leading `?`).
pub fn encode_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k.as_ref()), encode(v.as_ref())))
        .collect::<Vec<_>>()
        .join("&")
}

/// Cuts `s` to at most `max` bytes on a character boundary, marking the cut.
pub fn clip(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &s[..end], s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_reads_back() {
        assert_eq!(encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(
            encode_pairs(&[("marker", "a b"), ("limit", "5")]),
            "marker=a%20b&limit=5"
        );
        assert_eq!(
            query_param("/x?limit=1&marker=a%20b+c#f", "marker").as_deref(),
            Some("a b c")
        );
        assert_eq!(query_param("limit=1", "marker"), None);
    }

    #[test]
    fn clips_on_a_character_boundary() {
        assert_eq!(clip("héllo", 2), "h… (6 bytes in all)");
        assert_eq!(clip("short", 10), "short");
    }
}

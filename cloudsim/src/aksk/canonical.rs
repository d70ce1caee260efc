//! The canonical request of an `SDK-HMAC-SHA256` signature, as the API
//! gateway rebuilds it from what it received:
//!
//! ```text
//! METHOD \n URI \n QUERY \n HEADERS \n SIGNED_HEADERS \n hex(sha256(body))
//! ```
//!
//! - URI: the path as received, each `/`-separated segment percent-decoded
//!   and then re-encoded (unreserved `A-Za-z0-9-_.~` kept, every other byte
//!   `%XX` with uppercase hex), with a trailing `/` added when it has none.
//!   A `%2F` inside a segment stays `%2F`.
//! - QUERY: the raw query's `&`-separated pairs decoded (`%XX`; a bare `+`
//!   is a space, `%2B` a plus); keys sorted, each key's values sorted, both
//!   as decoded bytes (the vendor's Python signer sorts raw text), then
//!   encoded as the URI's segments are (a space is `%20`), `k=v` joined by
//!   `&`. A pair without `=` has the value "".
//! - HEADERS: `name:value\n` for each signed header in the order
//!   `SignedHeaders` lists them, the name lowercase and the value trimmed.

use sha2::{Digest, Sha256};

/// Decodes `%XX` escapes to bytes (and a bare `+` to a space when
/// `plus_is_space`); a `%` not followed by two hex digits stays as it is.
fn decode(s: &str, plus_is_space: bool) -> Vec<u8> {
    let bytes = s.as_bytes();
    let hex = |i: usize| bytes.get(i).and_then(|&b| char::from(b).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi << 4 | lo) as u8);
                i += 3;
            }
            (b'+', _, _) if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// `bytes` percent-encoded: unreserved `A-Za-z0-9-_.~` kept, every other
/// byte `%XX` with uppercase hex.
fn encode(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(bytes.len() * 3);
    for &b in bytes {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// The canonical URI of `path` (without its query): each segment decoded
/// and re-encoded, a trailing `/` always there. `""` and `/` give `/`.
pub fn canonical_uri(path: &str) -> String {
    let mut uri: String = path
        .split('/')
        .map(|segment| encode(&decode(segment, false)))
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    if !uri.starts_with('/') {
        uri.insert(0, '/');
    }
    uri
}

/// The canonical query of a raw query string (without `?`).
pub fn canonical_query(raw: &str) -> String {
    let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = raw
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key, true), decode(value, true))
        })
        .collect();
    // Keys first, then each key's values: both compared as decoded bytes.
    pairs.sort();
    pairs
        .iter()
        .map(|(key, value)| format!("{}={}", encode(key), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The parts of a request a signature covers.
pub struct Signed<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    /// `(lowercase name, value)` of each signed header, in `SignedHeaders`
    /// order.
    pub headers: Vec<(String, &'a str)>,
    pub body: &'a [u8],
}

impl Signed<'_> {
    /// The canonical request.
    pub fn canonical_request(&self) -> String {
        let mut headers = String::new();
        for (name, value) in &self.headers {
            headers.push_str(name);
            headers.push(':');
            headers.push_str(value.trim());
            headers.push('\n');
        }
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        format!(
            "{}\n{}\n{}\n{}\n{}\n{}",
            self.method,
            canonical_uri(self.path),
            canonical_query(self.query),
            headers,
            names.join(";"),
            hex(&Sha256::digest(self.body)),
        )
    }

    /// The string to sign for the `X-Sdk-Date` value `date`.
    pub fn string_to_sign(&self, date: &str) -> String {
        let digest = Sha256::digest(self.canonical_request().as_bytes());
        format!("SDK-HMAC-SHA256\n{date}\n{}", hex(&digest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_and_query() {
        assert_eq!(canonical_uri(""), "/");
        assert_eq!(canonical_uri("/"), "/");
        assert_eq!(canonical_uri("/path"), "/path/");
        assert_eq!(canonical_uri("/a%2fb/c/"), "/a%2Fb/c/");
        assert_eq!(canonical_uri("/é x+%zz"), "/%C3%A9%20x%2B%25zz/");
        assert_eq!(canonical_query("b=2&a=z&a=%41&&flag"), "a=A&a=z&b=2&flag=");
        assert_eq!(canonical_query("q=a+b&r=a%2Bb"), "q=a%20b&r=a%2Bb");
        // Raw order: "z" (0x7a) before "é" (0xc3 …), though "%C3%A9" < "z".
        assert_eq!(canonical_query("%C3%A9=1&z=2"), "z=2&%C3%A9=1");
    }
}

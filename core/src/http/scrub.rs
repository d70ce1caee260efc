//! Removing secrets from everything a service answers, before anything reads it.
//!
//! A gateway or service may repeat the request's credentials in its answer (an error
//! message quoting `X-Auth-Token`, a signature's parts, a password). A [`Scrubber`] holds
//! the secrets of one request and replaces each of them, wherever it appears in a text, by
//! [`REDACTED`]: raw, percent-encoded (upper- or lower-case hex), JSON-escaped (`\/`,
//! `\u002b`, `\u004D`, …), HTML-escaped (`&#43;`, `&#x2F;`, `&amp;`), or any mix of those
//! character by character. A secret cut off at the very end of a text (a gateway that
//! truncates what it repeats) goes too, once [`MIN_TAIL`] bytes of it remain.
//!
//! The transport scrubs every answer's body whole, before it is decoded or cut for
//! display ([`Scrubber::response`]), so that no later step (a 500-byte clip, a decoder's
//! error) sees a secret or a part of one.

use super::error::ApiError;
use super::request::ApiRequest;
use super::response::ApiResponse;
use std::borrow::Cow;
use std::fmt;

/// What is put where a secret was.
pub const REDACTED: &str = "[token]";

/// The fewest bytes of a secret, cut off at the end of a text, that are still removed
/// (fewer could be any text's last characters).
pub const MIN_TAIL: usize = 8;

/// The headers whose values are secrets, besides `Authorization` (read by [`auth_secret`]).
const SECRET_HEADERS: [&str; 2] = ["x-auth-token", "x-security-token"];

/// Whether a request header named `name` (any case) carries a secret: a token, a security
/// token, or an `Authorization` (a Bearer token or an AK/SK signature).
pub fn is_secret_header(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name == "authorization" || SECRET_HEADERS.contains(&name.as_str())
}

/// The secrets of one request, to remove from what comes back. Its `Debug` shows how many
/// it holds, never what they are.
#[derive(Clone, Default)]
pub struct Scrubber {
    /// Non-empty, without repeats, the longest first (so that a secret that contains
    /// another is removed whole).
    secrets: Vec<String>,
    /// The bytes a match can start with: a secret's first byte, or an escape's.
    starts: Vec<bool>,
}

impl fmt::Debug for Scrubber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Scrubber({} secrets)", self.secrets.len())
    }
}

impl Scrubber {
    /// A scrubber of `secrets` (an empty one is ignored: it would match everywhere).
    pub fn new<S: AsRef<str>>(secrets: impl IntoIterator<Item = S>) -> Scrubber {
        let mut list: Vec<String> = secrets
            .into_iter()
            .map(|s| s.as_ref().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        list.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        list.dedup();
        let mut starts = vec![false; 256];
        for s in &list {
            starts[usize::from(s.as_bytes()[0])] = true;
        }
        if !list.is_empty() {
            for b in [b'%', b'\\', b'&'] {
                starts[usize::from(b)] = true;
            }
        }
        Scrubber { secrets: list, starts }
    }

    /// The secrets of `req` as it leaves (authorized): `auth_secrets` (a token, a secret
    /// key, a security token, a password) and the credentials its headers carry — the
    /// token of `X-Auth-Token` or `Authorization: Bearer`, `X-Security-Token`, and an
    /// AK/SK `Authorization`'s signature.
    pub fn for_request(req: &ApiRequest, auth_secrets: &[&str]) -> Scrubber {
        let from_headers = req.headers.iter().filter_map(|(name, value)| {
            let name = name.to_ascii_lowercase();
            if SECRET_HEADERS.contains(&name.as_str()) {
                Some(value.trim())
            } else if name == "authorization" {
                Some(auth_secret(value))
            } else {
                None
            }
        });
        Scrubber::new(auth_secrets.iter().copied().chain(from_headers))
    }

    /// Whether there is nothing to remove.
    pub fn is_empty(&self) -> bool {
        self.secrets.is_empty()
    }

    /// `text` with every secret, in any of its encodings, replaced by [`REDACTED`]
    /// (borrowed when none is there).
    pub fn scrub<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.secrets.is_empty() {
            return Cow::Borrowed(text);
        }
        let bytes = text.as_bytes();
        let mut out: Option<String> = None;
        let (mut copied, mut i) = (0, 0);
        while i < bytes.len() {
            if !self.starts[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            match self.match_at(text, i) {
                Some(end) => {
                    let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
                    o.push_str(&text[copied..i]);
                    o.push_str(REDACTED);
                    copied = end;
                    i = end;
                }
                None => i += 1,
            }
        }
        match out {
            Some(mut o) => {
                o.push_str(&text[copied..]);
                Cow::Owned(o)
            }
            None => Cow::Borrowed(text),
        }
    }

    /// [`Scrubber::scrub`] of an owned text (no copy when nothing is there).
    pub fn scrub_owned(&self, text: String) -> String {
        match self.scrub(&text) {
            Cow::Borrowed(_) => text,
            Cow::Owned(o) => o,
        }
    }

    /// An answer with its body (and `Retry-After`) scrubbed: what the transport hands on.
    pub fn response(&self, resp: ApiResponse) -> ApiResponse {
        ApiResponse {
            status: resp.status,
            retry_after: resp.retry_after.map(|r| self.scrub_owned(r)),
            body: self.scrub_owned(resp.body),
        }
    }

    /// An error with every text in it scrubbed.
    pub fn error(&self, e: ApiError) -> ApiError {
        let r = |s: String| self.scrub_owned(s);
        match e {
            ApiError::Status {
                status,
                code,
                message,
                details,
                request_id,
                retry_after,
                token_rejected,
            } => ApiError::Status {
                status,
                code: code.map(r),
                message: r(message),
                details: details.map(r),
                request_id: request_id.map(r),
                retry_after: retry_after.map(r),
                token_rejected,
            },
            ApiError::Network(m) => ApiError::Network(r(m)),
            ApiError::Decode(m) => ApiError::Decode(r(m)),
            e @ (ApiError::Timeout(_) | ApiError::Aborted) => e,
        }
    }

    /// Where the first secret that matches at byte `at` of `text` ends.
    fn match_at(&self, text: &str, at: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        // The first unit decoded once for every secret: most candidates stop there.
        let (first, used) = unit(bytes, at);
        self.secrets.iter().find_map(|s| {
            let s = s.as_bytes();
            let end = if bytes[at..].starts_with(s) {
                Some(at + s.len())
            } else if s.starts_with(first.bytes()) {
                decoded_match(bytes, at + used, s, first.bytes().len())
            } else {
                None
            };
            // (a valid text always ends a match on a character boundary; never cut one)
            end.filter(|&e| text.is_char_boundary(e))
        })
    }
}

impl ApiError {
    /// [`ApiError::redact`] for each of `secrets`.
    pub fn redact_all(self, secrets: &[&str]) -> Self {
        Scrubber::new(secrets.iter().copied()).error(self)
    }

    /// Replaces every occurrence of `secret`, in any of its encodings, in the error's text
    /// (a server may echo it): see [`Scrubber`].
    pub fn redact(self, secret: &str) -> Self {
        Scrubber::new([secret]).error(self)
    }
}

/// The secret of an `Authorization` value: a Bearer token, an AK/SK signature (the
/// `Signature=` part: the access key and the signed headers' names are no secret), or
/// the whole value of any other scheme.
fn auth_secret(value: &str) -> &str {
    let value = value.trim();
    if let Some(token) = value.strip_prefix("Bearer ") {
        return token.trim();
    }
    match value.rfind("Signature=") {
        Some(at) => value[at + "Signature=".len()..]
            .split([',', ' '])
            .next()
            .unwrap_or_default(),
        None => value,
    }
}

/// Where `secret` ends when `bytes` from `at` spell it from its byte `k` on, each character
/// raw or escaped, or spell at least [`MIN_TAIL`] bytes of it up to the end of `bytes`.
fn decoded_match(bytes: &[u8], at: usize, secret: &[u8], k: usize) -> Option<usize> {
    let (mut i, mut k) = (at, k);
    while k < secret.len() {
        if i >= bytes.len() {
            return (k >= MIN_TAIL).then_some(i);
        }
        let (unit, used) = unit(bytes, i);
        if !secret[k..].starts_with(unit.bytes()) {
            return None;
        }
        k += unit.bytes().len();
        i += used;
    }
    Some(i)
}

/// The bytes of one character (or one byte) that a unit of text stands for.
struct Unit {
    buf: [u8; 4],
    len: usize,
}

impl Unit {
    fn byte(b: u8) -> Unit {
        Unit {
            buf: [b, 0, 0, 0],
            len: 1,
        }
    }

    fn char(c: char) -> Unit {
        let mut buf = [0; 4];
        let len = c.encode_utf8(&mut buf).len();
        Unit { buf, len }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// What one unit of text at `at` stands for, and how many bytes of text it takes: an
/// escape (`%XX`, a JSON `\` escape, an HTML character reference, each also escaped once
/// more: `%252F`, `\\u002b`) or one raw byte.
fn unit(bytes: &[u8], at: usize) -> (Unit, usize) {
    let escaped = match bytes[at] {
        b'%' => percent_escape(bytes, at),
        b'\\' => json_escape(bytes, at),
        b'&' => html_reference(bytes, at),
        _ => None,
    };
    escaped.unwrap_or_else(|| (Unit::byte(bytes[at]), 1))
}

/// A percent escape at `at` (which holds `%`), percent-encoded again any number of times
/// (`%2F`, `%252F`, `%25252F`): the byte and the escape's length.
fn percent_escape(bytes: &[u8], at: usize) -> Option<(Unit, usize)> {
    // Each encoding again adds a `25` (the `%`) after the first `%`.
    let mut hex = at + 1;
    while bytes[hex..].starts_with(b"25") && hex_at(bytes, hex + 2, 2).is_some() {
        hex += 2;
    }
    let b = u8::try_from(hex_at(bytes, hex, 2)?).ok()?;
    Some((Unit::byte(b), hex + 2 - at))
}

/// The value of the `len` hex digits at `at`, if they are that (and fit).
fn hex_at(bytes: &[u8], at: usize, len: usize) -> Option<u32> {
    let digits = bytes.get(at..at.checked_add(len)?)?;
    number(digits, 16)
}

/// The value of `digits` in `radix`, if they are digits and it fits.
fn number(digits: &[u8], radix: u32) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u32, |acc, &d| {
        acc.checked_mul(radix)?.checked_add(char::from(d).to_digit(radix)?)
    })
}

/// A JSON string escape at `at` (which holds `\`), its backslash escaped again any number
/// of times (`\/`, `\\/`, `\\\\u002b`: a JSON text quoted in a JSON string): what it
/// stands for and its length.
fn json_escape(bytes: &[u8], at: usize) -> Option<(Unit, usize)> {
    let run = bytes[at..].iter().take_while(|&&b| b == b'\\').count();
    let e = at + run;
    let simple = |b: u8| Some((Unit::byte(b), run + 1));
    match *bytes.get(e)? {
        b'/' => simple(b'/'),
        b'"' => simple(b'"'),
        b'\'' => simple(b'\''),
        // `\\n` is a backslash and an `n` more likely than a newline escaped twice.
        b'b' | b'f' | b'n' | b'r' | b't' if run >= 2 => Some((Unit::byte(b'\\'), run)),
        b'b' => simple(8),
        b'f' => simple(12),
        b'n' => simple(b'\n'),
        b'r' => simple(b'\r'),
        b't' => simple(b'\t'),
        b'u' => {
            let high = hex_at(bytes, e + 1, 4)?;
            if (0xD800..0xDC00).contains(&high) {
                // A surrogate pair: `\uD83D\uDE00` (its second half escaped as the first).
                let second = e + 5;
                if bytes.get(second..second + run) != Some(&bytes[at..e]) || bytes.get(second + run) != Some(&b'u') {
                    return None;
                }
                let low = hex_at(bytes, second + run + 1, 4).filter(|l| (0xDC00..0xE000).contains(l))?;
                let c = char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?;
                return Some((Unit::char(c), second + run + 5 - at));
            }
            Some((Unit::char(char::from_u32(high)?), run + 5))
        }
        // `\\`, `\\\\`: one backslash, escaped once or more.
        _ if run >= 2 => Some((Unit::byte(b'\\'), run)),
        _ => None,
    }
}

/// An HTML character reference at `at` (which holds `&`): `&#43;`, `&#x2F;`, or one of
/// `&amp; &lt; &gt; &quot; &apos;`.
fn html_reference(bytes: &[u8], at: usize) -> Option<(Unit, usize)> {
    let rest = bytes.get(at + 1..)?;
    let end = rest.iter().take(10).position(|&b| b == b';')?;
    let name = &rest[..end];
    let c = match name {
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        _ => {
            let digits = name.strip_prefix(b"#")?;
            let value = match digits.strip_prefix(b"x").or_else(|| digits.strip_prefix(b"X")) {
                Some(hex) => number(hex, 16)?,
                None => number(digits, 10)?,
            };
            char::from_u32(value)?
        }
    };
    Some((Unit::char(c), end + 2))
}

#[cfg(test)]
#[path = "scrub_tests.rs"]
mod tests;

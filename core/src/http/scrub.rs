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
use super::escapes::readings;
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
        // The readings of the first unit, once for every secret: most candidates stop there.
        let first = readings(bytes, at);
        self.secrets.iter().find_map(|s| {
            let s = s.as_bytes();
            let end = if bytes[at..].starts_with(s) {
                Some(at + s.len())
            } else if first.iter().any(|(u, _)| s.starts_with(u.bytes())) {
                decoded_match(bytes, at, s)
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

/// Where `secret` ends when `bytes` from `at` spell it, each character raw or escaped, or
/// spell at least [`MIN_TAIL`] bytes of it up to the end of `bytes`. A unit of text may read
/// several ways (`%2541` is `%41` encoded once more, or an encoded `%` and then `41`): each
/// is tried, and a place already tried is not tried again, so a text of `n` bytes costs at
/// most `n` × the secret's length steps whatever it holds.
fn decoded_match(bytes: &[u8], at: usize, secret: &[u8]) -> Option<usize> {
    // One path is followed; the other readings wait in `todo` (no allocation until a unit
    // reads two ways that both fit).
    let mut todo: Vec<(usize, usize)> = Vec::new();
    let mut tried: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    let (mut i, mut k) = (at, 0);
    loop {
        if k == secret.len() || (i >= bytes.len() && k >= MIN_TAIL) {
            return Some(i);
        }
        let mut next = None;
        if i < bytes.len() {
            for (unit, used) in readings(bytes, i).iter() {
                if !secret[k..].starts_with(unit.bytes()) {
                    continue;
                }
                let step = (i + used, k + unit.bytes().len());
                let new = tried.is_empty() && next.is_none() || tried.insert(step);
                match next {
                    None if new => next = Some(step),
                    Some(_) if new => todo.push(step),
                    _ => {}
                }
            }
        }
        (i, k) = next.or_else(|| todo.pop())?;
    }
}

#[cfg(test)]
#[path = "scrub_tests.rs"]
mod tests;

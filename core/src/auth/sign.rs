//! SDK-HMAC-SHA256, the vendor SDKs' AK/SK request signing:
//!
//! 1. `X-Sdk-Date` is UTC now as `YYYYMMDDTHHMMSSZ` ([`sdk_date`]).
//! 2. The canonical request is `METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nhex(sha256(body))`:
//!    the URI's segments percent-encoded with a trailing `/` ([`canonical_uri`]), the query's
//!    keys sorted and each key's values sorted as raw text, then encoded ([`canonical_query`]),
//!    one `name:trimmed value` line per signed header ([`canonical_headers`]).
//! 3. The string to sign is `SDK-HMAC-SHA256\n{date}\n{hex(sha256(canonical request))}`.
//! 4. The signature is `hex(HMAC-SHA256(SK, string to sign))`, sent as
//!    `Authorization: SDK-HMAC-SHA256 Access={AK}, SignedHeaders={names}, Signature={sig}`.
//!
//! Digests are RustCrypto's `sha2` and `hmac`.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The algorithm's name, as the `Authorization` header and the string to sign begin.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";

/// An access key pair; `security_token` for temporary credentials (sent as
/// `X-Security-Token`, and signed).
#[derive(Clone, PartialEq, Eq)]
pub struct AccessKey {
    pub access_key: String,
    pub secret_key: String,
    pub security_token: Option<String>,
}

impl std::fmt::Debug for AccessKey {
    /// The secret key and the security token never show.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccessKey")
            .field("access_key", &self.access_key)
            .field("secret_key", &"[secret]")
            .field("security_token", &self.security_token.as_ref().map(|_| "[secret]"))
            .finish()
    }
}

/// One request to sign, as the service will see it.
#[derive(Clone, Debug, Default)]
pub struct Unsigned<'a> {
    pub method: &'a str,
    /// The path the service sees (without a proxy's prefix), not yet encoded.
    pub path: &'a str,
    /// The query pairs, not yet encoded, in any order.
    pub query: &'a [(String, String)],
    /// The headers to sign besides `X-Sdk-Date` (and `X-Security-Token`, which is added
    /// when there is one): names in any case.
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// `s` percent-encoded: unreserved `A-Za-z0-9-_.~` kept, every other byte `%XX` (uppercase).
pub fn encode(s: &str) -> String {
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

/// Each segment of `path` encoded, joined by `/`, with a trailing `/` always.
pub fn canonical_uri(path: &str) -> String {
    let mut out: String = path.split('/').map(encode).collect::<Vec<_>>().join("/");
    if !out.starts_with('/') {
        out.insert(0, '/');
    }
    if !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// Keys sorted, each key's values sorted as raw text, then `key=value` encoded, by `&`.
pub fn canonical_query(pairs: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = pairs.iter().collect();
    sorted.sort();
    sorted
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The signed headers' names, lowercase, sorted, each once.
fn signed_names(headers: &[(String, String)]) -> Vec<String> {
    let mut names: Vec<String> = headers.iter().map(|(n, _)| n.trim().to_ascii_lowercase()).collect();
    names.sort();
    names.dedup();
    names
}

/// `name:trimmed value\n` per signed header, by name (a name's values sorted).
pub fn canonical_headers(headers: &[(String, String)]) -> String {
    let mut lines: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    lines.sort();
    lines.iter().map(|(n, v)| format!("{n}:{v}\n")).collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The headers signed for `req` at `date`: its own, `X-Sdk-Date`, and `X-Security-Token`
/// for temporary credentials.
fn all_signed(req: &Unsigned, key: &AccessKey, date: &str) -> Vec<(String, String)> {
    let mut headers = req.headers.to_vec();
    headers.push(("X-Sdk-Date".into(), date.into()));
    if let Some(t) = &key.security_token {
        headers.push(("X-Security-Token".into(), t.clone()));
    }
    headers
}

/// The canonical request of `req` with these signed headers.
pub fn canonical_request(req: &Unsigned, signed: &[(String, String)]) -> String {
    format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        req.method.to_ascii_uppercase(),
        canonical_uri(req.path),
        canonical_query(req.query),
        canonical_headers(signed),
        signed_names(signed).join(";"),
        sha256_hex(req.body)
    )
}

/// The string to sign for a canonical request at `date`.
pub fn string_to_sign(date: &str, canonical: &str) -> String {
    format!("{ALGORITHM}\n{date}\n{}", sha256_hex(canonical.as_bytes()))
}

/// `hex(HMAC-SHA256(secret, text))`.
pub fn signature(secret: &str, text: &str) -> String {
    // HMAC takes a key of any length: `new_from_slice` cannot fail for it.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(text.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// The headers that sign `req` with `key` at `date` (an [`sdk_date`]): `X-Sdk-Date`,
/// `Authorization` and, for temporary credentials, `X-Security-Token`. The request's own
/// signed headers are sent as they are.
pub fn sign(req: &Unsigned, key: &AccessKey, date: &str) -> Vec<(String, String)> {
    let signed = all_signed(req, key, date);
    let canonical = canonical_request(req, &signed);
    let sig = signature(&key.secret_key, &string_to_sign(date, &canonical));
    let mut out = vec![
        ("X-Sdk-Date".to_string(), date.to_string()),
        (
            "Authorization".to_string(),
            format!(
                "{ALGORITHM} Access={}, SignedHeaders={}, Signature={sig}",
                key.access_key,
                signed_names(&signed).join(";")
            ),
        ),
    ];
    if let Some(t) = &key.security_token {
        out.push(("X-Security-Token".to_string(), t.clone()));
    }
    out
}

/// `YYYYMMDDTHHMMSSZ` for a Unix time in milliseconds (UTC); "" outside the years 0–9999.
pub fn sdk_date(unix_ms: i64) -> String {
    crate::timefmt::compact_utc(unix_ms)
}

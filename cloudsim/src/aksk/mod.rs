//! The API gateway's AK/SK check: verifying an `SDK-HMAC-SHA256` request
//! signature (the vendor SDKs' algorithm) against the configured key pairs.
//!
//! Written on its own from the vendor's description (not shared with the
//! client's signer), so that one mistake cannot hide in both.
//!
//! - `parse`: the `Authorization` header and `X-Sdk-Date`;
//! - `canonical`: the canonical request and the string to sign.
//!
//! The checks, in order, each failing with 401 `APIGW.0301` and its own
//! message: the `Authorization` parameters → the access key → `X-Sdk-Date`
//! (present, `YYYYMMDDTHHMMSSZ`, at most 15 minutes from the server's time
//! either way) → `x-sdk-date` among the signed headers, and every signed
//! header present → the security token of temporary credentials (present,
//! equal, signed) → the signature (compared in constant time).

mod canonical;
mod parse;

use hmac::{Hmac, Mac};
use sha2::Sha256;

pub use canonical::{canonical_query, canonical_uri};
pub use parse::SCHEME;

use crate::config::KeyPair;
use crate::http::{header, Request};
use canonical::Signed;
use parse::{authorization, sdk_date_ms, unhex};

/// The largest difference between `X-Sdk-Date` and the server's time.
const MAX_SKEW_MS: i64 = 15 * 60 * 1000;

/// What every rejection's message starts with.
const PREFIX: &str = "Incorrect IAM authentication information: ";

/// Whether `req` carries an `SDK-HMAC-SHA256` signature (its
/// `Authorization` header starts with `SDK-HMAC-SHA256 `).
pub fn is_signed(req: &Request) -> bool {
    header(req, "Authorization").is_some_and(|v| v.starts_with(SCHEME))
}

/// A rejection's message.
fn reject(why: &str) -> String {
    format!("{PREFIX}{why}")
}

/// Verifies the `SDK-HMAC-SHA256` signature of `req` at `now_ms` against
/// `keys`: `Ok` with the key pair that signed it, or the API gateway's
/// `error_msg` (its `APIGW.0301` 401).
///
/// The canonical request is rebuilt from what arrived: the method, the
/// path and raw query (`Request::query`, or what follows a `?` in
/// `Request::path`), the headers `SignedHeaders` names (whichever they
/// are, `host` included), and the body.
pub fn verify<'k>(req: &Request, keys: &'k [KeyPair], now_ms: i64) -> Result<&'k KeyPair, String> {
    let malformed = || reject("the Authorization header is not SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…");
    let auth = header(req, "Authorization").ok_or_else(malformed)?;
    let auth = authorization(auth).ok_or_else(malformed)?;
    let Some(key) = keys.iter().find(|k| k.access_key == auth.access) else {
        return Err(reject(&format!(
            "Get secretKey failed,ak:{},err:ak not exist",
            auth.access
        )));
    };
    let Some(date) = header(req, "X-Sdk-Date") else {
        return Err(reject("the X-Sdk-Date header is missing"));
    };
    let Some(date_ms) = sdk_date_ms(date) else {
        return Err(reject("the X-Sdk-Date is not in the form YYYYMMDDTHHMMSSZ"));
    };
    if (i128::from(now_ms) - i128::from(date_ms)).abs() > i128::from(MAX_SKEW_MS) {
        return Err(reject("the X-Sdk-Date is more than 15 minutes from the server time"));
    }
    if !auth.signed_headers.iter().any(|h| h == "x-sdk-date") {
        return Err(reject("x-sdk-date is not among the signed headers"));
    }
    let mut headers = Vec::with_capacity(auth.signed_headers.len());
    for name in &auth.signed_headers {
        let Some(value) = header(req, name) else {
            return Err(reject(&format!("the signed header {name} is missing")));
        };
        headers.push((name.clone(), value));
    }
    if let Some(expected) = &key.security_token {
        match header(req, "X-Security-Token") {
            None => return Err(reject("the X-Security-Token header is missing (temporary credentials)")),
            Some(token) if !constant_time_eq(token.as_bytes(), expected.as_bytes()) => {
                return Err(reject("the X-Security-Token is invalid or has expired"))
            }
            Some(_) if !auth.signed_headers.iter().any(|h| h == "x-security-token") => {
                return Err(reject("x-security-token is not among the signed headers"))
            }
            Some(_) => {}
        }
    }
    let (path, query) = req.target();
    let signed = Signed {
        method: &req.method,
        path,
        query,
        headers,
        body: req.body.as_bytes(),
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(key.secret_key.as_bytes()).expect("HMAC takes any key length");
    mac.update(signed.string_to_sign(date).as_bytes());
    match unhex(auth.signature) {
        Some(signature) if mac.verify_slice(&signature).is_ok() => Ok(key),
        _ => Err(reject("verify aksk signature fail")),
    }
}

/// Whether `a` and `b` are equal, in time that depends on their lengths only.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn compares() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}

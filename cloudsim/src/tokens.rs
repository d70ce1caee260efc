//! IAM tokens, stateless so that the immutable cloud (and any clone of it)
//! can check them anywhere:
//!
//! ```text
//! MIIsim <base64url(payload)> . <base64url(HMAC-SHA256(key, payload))>
//! payload = "v1\n{expires_ms}\n{project_id}\n{user_id}"
//! key     = "cloudsim IAM token v1\n" ++ the seed (8 bytes, little-endian)
//! ```
//!
//! A token is accepted while `now_ms < expires_ms`, when its MAC is right
//! (compared in constant time) and its project is the cloud's.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::config::Config;
use crate::encode::{base64url, BASE64URL};

/// What every token starts with (real IAM tokens start with `MII`).
const PREFIX: &str = "MIIsim";
const VERSION: &str = "v1";

/// The HMAC keyed for `config`'s seed.
fn mac(config: &Config) -> Hmac<Sha256> {
    let mut key = b"cloudsim IAM token v1\n".to_vec();
    key.extend_from_slice(&config.seed.to_le_bytes());
    Hmac::<Sha256>::new_from_slice(&key).expect("HMAC takes any key length")
}

/// A token for `user_id` on `config`'s project, expiring at `expires_ms`.
pub fn issue(config: &Config, user_id: &str, expires_ms: i64) -> String {
    let payload = format!("{VERSION}\n{expires_ms}\n{}\n{user_id}", config.project_id);
    let mut mac = mac(config);
    mac.update(payload.as_bytes());
    let tag = mac.finalize().into_bytes();
    format!("{PREFIX}{}.{}", base64url(payload.as_bytes()), base64url(&tag))
}

/// Decodes unpadded URL-safe base64; `None` on any other character or a
/// length no encoder gives.
fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = BASE64URL.iter().position(|&a| a == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (bits < 6 && acc == 0).then_some(out)
}

/// Whether `token` is a token this cloud issued that has not expired at
/// `now_ms`.
pub fn accepts(config: &Config, token: &str, now_ms: i64) -> bool {
    let Some((payload, tag)) = token.strip_prefix(PREFIX).and_then(|t| t.split_once('.')) else {
        return false;
    };
    let (Some(payload), Some(tag)) = (unbase64url(payload), unbase64url(tag)) else {
        return false;
    };
    let mut mac = mac(config);
    mac.update(&payload);
    if mac.verify_slice(&tag).is_err() {
        return false;
    }
    let Ok(payload) = String::from_utf8(payload) else {
        return false;
    };
    let mut fields = payload.splitn(4, '\n');
    let (Some(VERSION), Some(expires), Some(project), Some(_user)) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return false;
    };
    let expires: i64 = expires.parse().unwrap_or(i64::MIN);
    project == config.project_id && now_ms < expires
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects() {
        let config = Config::default();
        let token = issue(&config, "u\nid", 1_000);
        assert!(token.starts_with("MIIsim"), "{token}");
        assert!(
            token.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
            "{token}"
        );
        assert!(accepts(&config, &token, 999));
        assert!(!accepts(&config, &token, 1_000), "expired");
        let other_seed = Config {
            seed: 2,
            ..Config::default()
        };
        assert!(!accepts(&other_seed, &token, 0));
        let other_project = Config {
            project_id: "other".into(),
            ..Config::default()
        };
        assert!(!accepts(&other_project, &token, 0));
        for i in 0..token.len() {
            let mut forged = token.clone().into_bytes();
            forged[i] = if forged[i] == b'A' { b'B' } else { b'A' };
            let forged = String::from_utf8(forged).unwrap();
            assert!(!accepts(&config, &forged, 0), "{forged}");
        }
        for bad in ["", "MIIsim", "MIIsim.", "MIIsim!.!", "demo-token"] {
            assert!(!accepts(&config, bad, 0), "{bad}");
        }
        for data in [&b""[..], b"f", b"fo", b"foo", b"\xff\xfe\xfd\xfc"] {
            assert_eq!(unbase64url(&base64url(data)).as_deref(), Some(data));
        }
        assert_eq!(unbase64url("A"), None);
        assert_eq!(unbase64url("AB"), None, "non-zero trailing bits");
    }
}

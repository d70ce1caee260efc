//! A connection's secret half as stored, and how long a remembered one is kept: a secret
//! remembered on this device (localStorage) carries its end — the user's choice (7 days
//! unless they choose otherwise), or an IAM token's own expiry — and is removed once that
//! end has passed, when it is read and when the app starts. One kept for this tab
//! (sessionStorage) ends with the tab.

use super::SignInSettings;
use serde::{Deserialize, Serialize};

/// One day in ms.
pub const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;
/// How many days a remembered token or secret key may be kept, as the form offers them.
pub const REMEMBER_DAYS: [u32; 4] = [1, 7, 30, 90];
/// What the form offers first: a week.
pub const DEFAULT_REMEMBER_DAYS: u32 = 7;
/// Said wherever a token's expiry is shown when IAM's answer gave none that could be read.
pub const ASSUMED_EXPIRY: &str =
    "(IAM's answer gave no readable expiry: taken as the documented 24 hours after sign-in.)";

/// A connection's secret half, as stored (JSON; a bare string is a token of the earlier
/// storage format). Its `Debug` shows no secret.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Secret {
    /// A pasted token, or the one a password sign-in got.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// When a signed-in token expires (Unix ms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at_ms: Option<f64>,
    /// IAM's answer had no readable expiry: `expires_at_ms` is the documented 24 hours
    /// after the token arrived.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub expiry_assumed: bool,
    /// An AK/SK pair's secret key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_key: Option<String>,
    /// Temporary credentials' security token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_token: Option<String>,
    /// Remembered on this device until then (Unix ms); after it, removed and never used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remember_until_ms: Option<f64>,
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hide = |s: &Option<String>| s.as_ref().map(|_| "[secret]");
        f.debug_struct("Secret")
            .field("token", &hide(&self.token))
            .field("expires_at_ms", &self.expires_at_ms)
            .field("expiry_assumed", &self.expiry_assumed)
            .field("secret_key", &hide(&self.secret_key))
            .field("security_token", &hide(&self.security_token))
            .field("remember_until_ms", &self.remember_until_ms)
            .finish()
    }
}

/// What to do with a remembered secret when the app starts.
#[derive(Clone, Debug, PartialEq)]
pub enum AtStart {
    Keep,
    /// Its end has passed, or it holds nothing usable.
    Remove,
    /// Remembered before secrets had an end: stored again with the default one.
    Store(String),
}

impl Secret {
    pub fn token(token: &str) -> Secret {
        Secret {
            token: Some(token.to_string()),
            ..Secret::default()
        }
    }

    pub fn parse(stored: &str) -> Secret {
        if stored.starts_with('{') {
            serde_json::from_str(stored).unwrap_or_default()
        } else {
            Secret::token(stored)
        }
    }

    /// The token, if there is one that is not blank.
    pub fn present_token(&self) -> Option<&str> {
        self.token.as_deref().filter(|t| !t.trim().is_empty())
    }

    /// The secret key, if there is one.
    pub fn present_secret_key(&self) -> Option<&str> {
        self.secret_key.as_deref().filter(|k| !k.is_empty())
    }

    /// Whether it holds what `settings` calls with.
    pub fn usable_for(&self, settings: &SignInSettings) -> bool {
        match settings {
            SignInSettings::Token | SignInSettings::Password { .. } => self.present_token().is_some(),
            SignInSettings::AccessKey { .. } => self.present_secret_key().is_some(),
        }
    }

    /// Whether a signed-in token has expired at `now_ms`.
    pub fn expired(&self, now_ms: f64) -> bool {
        self.expires_at_ms.is_some_and(|e| e <= now_ms)
    }

    /// Whether its time on this device is over at `now_ms` (a remembered secret only).
    pub fn ended(&self, now_ms: f64) -> bool {
        self.remember_until_ms.is_some_and(|u| u <= now_ms)
    }

    /// The secret to remember on this device until `until_ms`; an IAM token (one with an
    /// expiry) until it expires instead.
    pub fn remembered_until(mut self, until_ms: f64) -> Secret {
        self.remember_until_ms = Some(self.expires_at_ms.unwrap_or(until_ms));
        self
    }

    /// The secret to remember for the default time from `now_ms`, unless it already has an end.
    pub fn remembered_by_default(self, now_ms: f64) -> Secret {
        match self.remember_until_ms {
            Some(_) => self,
            None => self.remembered_until(now_ms + f64::from(DEFAULT_REMEMBER_DAYS) * DAY_MS),
        }
    }

    /// What to do at start with a remembered secret stored as `stored`.
    pub fn at_start(stored: &str, now_ms: f64) -> AtStart {
        let secret = Secret::parse(stored);
        if secret.present_token().is_none() && secret.present_secret_key().is_none() || secret.ended(now_ms) {
            return AtStart::Remove;
        }
        if secret.remember_until_ms.is_some() {
            return AtStart::Keep;
        }
        match serde_json::to_string(&secret.remembered_by_default(now_ms)) {
            Ok(json) => AtStart::Store(json),
            Err(_) => AtStart::Remove,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 1_767_225_600_000.0;

    #[test]
    fn a_remembered_secret_ends_when_chosen_and_an_iam_token_when_it_expires() {
        let sk = Secret {
            secret_key: Some("SK-9f8e".into()),
            ..Secret::default()
        };
        let kept = sk.clone().remembered_until(NOW + 30.0 * DAY_MS);
        assert_eq!(kept.remember_until_ms, Some(NOW + 30.0 * DAY_MS));
        assert!(!kept.ended(NOW + 30.0 * DAY_MS - 1.0));
        assert!(kept.ended(NOW + 30.0 * DAY_MS));
        assert_eq!(
            sk.clone().remembered_by_default(NOW).remember_until_ms,
            Some(NOW + 7.0 * DAY_MS),
            "a week unless chosen otherwise"
        );
        assert_eq!(kept.clone().remembered_by_default(NOW), kept, "a chosen end stays");
        let iam = Secret {
            expires_at_ms: Some(NOW + 3_600_000.0),
            ..Secret::token("MIItok")
        };
        assert_eq!(
            iam.remembered_until(NOW + 7.0 * DAY_MS).remember_until_ms,
            Some(NOW + 3_600_000.0)
        );
        assert!(!Secret::token("t").ended(f64::MAX), "a tab's secret ends with the tab");
    }

    #[test]
    fn at_start_an_ended_secret_is_removed_and_one_without_an_end_gets_the_default() {
        let stored = |s: &Secret| serde_json::to_string(s).unwrap();
        let sk = Secret {
            secret_key: Some("SK-9f8e".into()),
            ..Secret::default()
        };
        let ended = sk.clone().remembered_until(NOW - 1.0);
        assert_eq!(Secret::at_start(&stored(&ended), NOW), AtStart::Remove);
        let kept = sk.clone().remembered_until(NOW + 1.0);
        assert_eq!(Secret::at_start(&stored(&kept), NOW), AtStart::Keep);
        let AtStart::Store(json) = Secret::at_start(&stored(&sk), NOW) else {
            panic!("remembered before secrets had an end")
        };
        assert_eq!(Secret::parse(&json).remember_until_ms, Some(NOW + 7.0 * DAY_MS));
        let AtStart::Store(json) = Secret::at_start("old-bare-token", NOW) else {
            panic!("the earlier format")
        };
        assert_eq!(Secret::parse(&json).present_token(), Some("old-bare-token"));
        for junk in ["{", "{}", r#"{"token":"  "}"#] {
            assert_eq!(Secret::at_start(junk, NOW), AtStart::Remove, "{junk}");
        }
    }

    #[test]
    fn no_secret_shows_in_debug() {
        let s = Secret {
            token: Some("tok-1a2b".into()),
            secret_key: Some("sk-3c4d".into()),
            security_token: Some("st-5e6f".into()),
            ..Secret::default()
        }
        .remembered_by_default(NOW);
        let shown = format!("{s:?} {s:#?}");
        for secret in ["tok-1a2b", "sk-3c4d", "st-5e6f"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("remember_until_ms"));
    }
}

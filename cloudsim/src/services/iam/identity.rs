//! The configured IAM users: finding one by account and name, checking a
//! secret, and the ids the token body names (a user's own or one derived
//! from the seed; an account's derived from the seed).

use crate::config::{Config, IamUser};
use crate::encode::hex32;
use crate::rng::{fnv1a, Rng};

/// 32 hex digits derived from the seed, `kind` and `parts`.
fn derived_id(config: &Config, kind: &[u8], parts: &[&str]) -> String {
    let mut all: Vec<&[u8]> = vec![kind];
    all.extend(parts.iter().map(|p| p.as_bytes()));
    hex32(Rng::new(config.seed ^ fnv1a(&all), 0x0049_414d_4944).next_u128())
}

/// The user named `name` in account `domain`, if configured.
pub fn find<'c>(config: &'c Config, domain: &str, name: &str) -> Option<&'c IamUser> {
    config.users.iter().find(|u| u.domain == domain && u.name == name)
}

/// `user`'s id: the configured one, or one derived from the seed, the
/// account and the name.
pub fn user_id(config: &Config, user: &IamUser) -> String {
    if user.id.is_empty() {
        derived_id(config, b"user", &[&user.domain, &user.name])
    } else {
        user.id.clone()
    }
}

/// The id of account `domain`, derived from the seed and its name.
pub fn domain_id(config: &Config, domain: &str) -> String {
    derived_id(config, b"domain", &[domain])
}

/// Whether `given` is `secret`, in time that depends on their lengths only.
pub fn same_secret(given: &str, secret: &str) -> bool {
    let (a, b) = (given.as_bytes(), secret.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

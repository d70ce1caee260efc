//! `user_data`: base64 (up to 32 KB before encoding), previewed as text when it is.

use base64::Engine;

/// What `user_data` decodes to, for a preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserData {
    Empty,
    Text(String),
    /// Valid base64 whose bytes are not UTF-8 text.
    Binary(usize),
    /// Not base64 at all: shown as it arrived.
    NotBase64(String),
}

/// Decodes `user_data` (base64, up to 32 KB before encoding).
pub fn decode_user_data(raw: &str) -> UserData {
    let raw = raw.trim();
    if raw.is_empty() {
        return UserData::Empty;
    }
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    match base64::engine::general_purpose::STANDARD.decode(compact.as_bytes()) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => UserData::Text(text),
            Err(e) => UserData::Binary(e.into_bytes().len()),
        },
        Err(_) => UserData::NotBase64(raw.to_owned()),
    }
}

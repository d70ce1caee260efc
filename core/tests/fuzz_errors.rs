//! Fuzzing `decode_error`, which reads every service's error bodies (`{error_code,
//! error_msg, ...}`, `{"error": {...}}`, a bare JSON string, text): random, shaped and
//! mutated bodies with any status, and the corpus; every field clipped, a 401 a rejected
//! token, and the error shown and redacted. `fuzz_support` says how; `make fuzz` runs a
//! million cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fuzz_support;

use fuzz_support::cases::fuzz_decoder;
use fuzz_support::checks::{error_helpers, leaks};
use fuzz_support::corpus::{corpus_envs, replay_corpus};
use fuzz_support::decoders::Decoder;
use skyglass_core::http::ApiError;

#[test]
fn fuzz_decode_error() {
    fuzz_decoder(Decoder::Error);
}

#[test]
fn error_corpus_never_panics() {
    replay_corpus(Decoder::Error);
}

/// Every secret's redaction is checked, "tok" (the corpus's token, which shares characters
/// with the "[token]" put in its place) included; the check fails on an echoed token.
#[test]
fn redaction_is_checked_for_a_token_like_the_marker() {
    let echoed = ApiError::Status {
        status: 500,
        code: Some("tok".into()),
        message: "the token tok was rejected (totokk)".into(),
        details: Some("X-Auth-Token: tok".into()),
        request_id: Some("[token]tok".into()),
        retry_after: None,
        token_rejected: false,
    };
    let env = corpus_envs()[0].clone();
    assert_eq!(env.secret, "tok");
    error_helpers(echoed, &env);
    for unredacted in ["tok", "X-Auth-Token: tok", "[token]tok", "to[token]k tok"] {
        assert!(leaks(unredacted, "tok"), "the check missed the token in {unredacted:?}");
    }
    assert!(!leaks("to[token]k [token]en", "tok"));
}

//! Fuzzing `decode_error`, which reads every service's error bodies (`{error_code,
//! error_msg, ...}`, `{"error": {...}}`, a bare JSON string, text): random, shaped and
//! mutated bodies with any status, and the corpus; every field clipped, a 401 a rejected
//! token, and the error shown and redacted. `fuzz_support` says how; `make fuzz` runs a
//! million cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fuzz_support;

use fuzz_support::cases::fuzz_decoder;
use fuzz_support::corpus::replay_corpus;
use fuzz_support::decoders::Decoder;

#[test]
fn fuzz_decode_error() {
    fuzz_decoder(Decoder::Error);
}

#[test]
fn error_corpus_never_panics() {
    replay_corpus(Decoder::Error);
}

//! Fuzzing ImageSearch's details decoder (seed 003), `lookup::decode_details`: random,
//! shaped and mutated answers and the corpus; whatever decodes goes through the date and
//! level texts, the recent names and the details; a 400 `IS.0004` is a rejected token.
//! `fuzz_support` says how; `make fuzz` runs a million cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fuzz_support;

use fuzz_support::cases::fuzz_decoder;
use fuzz_support::corpus::replay_corpus;
use fuzz_support::decoders::Decoder;

#[test]
fn fuzz_imagesearch_details() {
    fuzz_decoder(Decoder::ImagesearchDetails);
}

#[test]
fn imagesearch_details_corpus_never_panics() {
    replay_corpus(Decoder::ImagesearchDetails);
}

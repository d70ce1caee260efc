//! Fuzzing CloudDC's instance status decoder (seed 004), `decode_status`: random, shaped
//! and mutated answers and the corpus; whatever decodes goes through the state diagram,
//! the status timeline and every vocabulary. `fuzz_support` says how; `make fuzz` runs a
//! million cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fuzz_support;

use fuzz_support::cases::fuzz_decoder;
use fuzz_support::corpus::replay_corpus;
use fuzz_support::decoders::Decoder;

#[test]
fn fuzz_clouddc_status() {
    fuzz_decoder(Decoder::ClouddcStatus);
}

#[test]
fn clouddc_status_corpus_never_panics() {
    replay_corpus(Decoder::ClouddcStatus);
}

//! Fuzzing ROMA Connect's instance list decoder (seed 001), `Roma::decode`: random, shaped
//! and mutated answers, pages with unreadable instances, and the corpus; whatever decodes
//! goes through the offset paging rules, the numbered pager, every column and the details.
//! `fuzz_support` says how; `make fuzz` runs a million cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fuzz_support;

use fuzz_support::cases::fuzz_decoder;
use fuzz_support::corpus::replay_corpus;
use fuzz_support::decoders::Decoder;
use fuzz_support::unreadable::{fuzz_bad_instances, regression_vanished_element};
use skyglass_core::paging::{next, page_window};
use skyglass_core::service::{ListQuery, ListService};
use skyglass_core::services::roma::info::LIST;
use skyglass_core::services::roma::wire::{Instance, InstanceList};
use skyglass_core::services::roma::Roma;
use std::hint::black_box;

#[test]
fn fuzz_roma_list() {
    fuzz_decoder(Decoder::RomaList);
}

#[test]
fn fuzz_roma_list_bad_instances() {
    fuzz_bad_instances::<Roma>(Decoder::RomaList);
}

/// Found by `make fuzz`: an empty generated instance is no instance (the corpus has the page).
#[test]
fn regression_an_empty_instance_text_is_no_instance() {
    regression_vanished_element::<Roma>(Decoder::RomaList);
}

#[test]
fn roma_list_corpus_never_panics() {
    replay_corpus(Decoder::RomaList);
}

/// Found by fuzzing (the corpus has the inputs too): offsets from the URL near u64::MAX
/// overflowed the page number, the pager's window, a page's offset and the next page's
/// offset.
#[test]
fn regression_offsets_at_their_maximum() {
    let q = ListQuery::from_pairs(&LIST, [("offset", "18446744073709551615"), ("limit", "1")]);
    assert_eq!(q.page_number(), u64::MAX);
    black_box(page_window(q.page_number(), q.page_count(u64::MAX)));
    black_box(ListQuery::first(&LIST).page(u64::MAX));
    let page = InstanceList {
        total: None,
        size: None,
        instances: vec![Instance::default(); 10].into(),
    };
    assert_eq!(
        next(&LIST, &q, &Roma::facts(&q, &page)),
        None,
        "no page after offset u64::MAX"
    );
}

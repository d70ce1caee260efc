//! Fuzzing CloudDC's instance list decoder (seed 000), `Clouddc::decode`: random, shaped and
//! mutated answers, pages with unreadable instances, and the corpus; whatever decodes goes
//! through the markers, the paging rules, every column and the details. `fuzz_support`
//! says how; `make fuzz` runs a million cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fuzz_support;

use fuzz_support::cases::fuzz_decoder;
use fuzz_support::corpus::replay_corpus;
use fuzz_support::decoders::Decoder;
use fuzz_support::unreadable::{fuzz_bad_instances, regression_vanished_element};
use skyglass_core::paging::next;
use skyglass_core::service::{ListQuery, ListService};
use skyglass_core::services::clouddc::info::LIST;
use skyglass_core::services::clouddc::wire::{Instance, InstanceList, PageInfo};
use skyglass_core::services::clouddc::Clouddc;

#[test]
fn fuzz_clouddc_list() {
    fuzz_decoder(Decoder::ClouddcList);
}

#[test]
fn fuzz_clouddc_list_bad_instances() {
    fuzz_bad_instances::<Clouddc>(Decoder::ClouddcList);
}

/// Found by `make fuzz`: an empty generated instance is no instance (the corpus has the page).
#[test]
fn regression_an_empty_instance_text_is_no_instance() {
    regression_vanished_element::<Clouddc>(Decoder::ClouddcList);
}

#[test]
fn clouddc_list_corpus_never_panics() {
    replay_corpus(Decoder::ClouddcList);
}

/// Found by fuzzing (the corpus has the input too): a page label from the URL
/// (`page=4294967295`) overflowed on the next page.
#[test]
fn regression_page_label_at_its_maximum() {
    let cdc = InstanceList {
        instances: vec![Instance::default()].into(),
        page_info: Some(PageInfo {
            next_marker: "b".into(),
            ..Default::default()
        }),
        count: None,
    };
    let q = ListQuery::from_pairs(&LIST, [("marker", "a"), ("page", "4294967295")]);
    let n = next(&LIST, &q, &Clouddc::facts(&q, &cdc));
    assert_eq!(n.map(|n| n.page_number()), Some(u64::from(u32::MAX)));
}

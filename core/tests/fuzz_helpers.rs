//! Fuzzing the helpers the app calls on what the decoders return, on their own with
//! arbitrary arguments: times, URL queries and cursors (`ListQuery` round trips for every
//! service's `LIST`), text clipping and states, the numbered pager's window, and the paging
//! rules on arbitrary page facts. `fuzz_support` says how; `make fuzz` runs a million
//! cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fuzz_support;

use fuzz_support::helpers;
use fuzz_support::values::REAL_NOW;
use skyglass_core::services::imagesearch::lookup;
use skyglass_core::timefmt;
use std::hint::black_box;

#[test]
fn fuzz_timefmt() {
    helpers::fuzz_timefmt();
}

#[test]
fn fuzz_urls_and_cursors() {
    helpers::fuzz_urls_and_cursors();
}

#[test]
fn fuzz_text_helpers() {
    helpers::fuzz_text_helpers();
}

#[test]
fn fuzz_page_windows() {
    helpers::fuzz_page_windows();
}

#[test]
fn fuzz_paging_rules() {
    helpers::fuzz_paging_rules();
}

/// Found by fuzzing (the corpus has the input too): `time::OffsetDateTime::to_offset`
/// panicked for a time in year 9999 seen east of UTC: ImageSearch `expiredDate:
/// 253402300799999`, or a CloudDC `created_at` of 9999-12-31.
#[test]
fn regression_year_9999_east_of_utc() {
    for off in [1, 60, 840, 1439] {
        black_box(timefmt::absolute(253_402_300_799_999, off));
        black_box(timefmt::clock(253_402_300_799_999, off));
        black_box(lookup::expiry_text(Some(253_402_300_799_999), off));
        black_box(timefmt::cell("9999-12-31T23:59:59Z", REAL_NOW, off));
    }
}

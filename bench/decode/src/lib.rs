//! Benchmark helper for `make bench` (bench/README.md), built for the browser only by
//! bench/run.sh (`wasm-bindgen --target web` into bench/out/decode).
//!
//! Figure 3 decodes one CloudDC list page into the app's own type,
//! [`skyglass::api::clouddc::InstanceList`], the two ways a browser app can:
//! - serde_json on the response's bytes, as the app does ([`decode_bytes`]: copied into
//!   WASM memory, checked as UTF-8, [`skyglass::api::clouddc::decode_list`], serde_json into `InstanceList`); for comparison
//!   also on the text (a JS string copied into WASM memory as UTF-8, as reading
//!   `Response.text()` into a `String` would);
//! - `JSON.parse` in JS, then serde-wasm-bindgen walking the JS object tree.
//!
//! Figure 5 needs the latency-bound floor of "Load all pages": the round trips each
//! service's walk needs at best, from the app's own planners ([`LoadAll::min_round_trips`]).

use skyglass::api::clouddc::{self, InstanceList};
use skyglass::api::http::{body_text, ApiResponse};
use skyglass::api::load_all::{
    BycloudLoadAll, ClouddcLoadAll, LoadAll, RomaLoadAll, BYCLOUD_PAGE_SIZE, CLOUDDC_PAGE_SIZE, MAX_PARALLEL,
    ROMA_PAGE_SIZE,
};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// A response body already in WASM memory (for the serde_json-only timing).
    static STORED: RefCell<ApiResponse> = const {
        RefCell::new(ApiResponse {
            status: 200,
            retry_after: None,
            body: String::new(),
        })
    };
}

/// The app's path: the body text (copied from JS into WASM memory) through
/// `clouddc::decode_list` (serde_json). Returns the number of instances, or -1 when
/// the text does not decode.
#[wasm_bindgen]
pub fn decode_serde_json(text: String) -> i32 {
    let resp = ApiResponse {
        status: 200,
        retry_after: None,
        body: text,
    };
    count(clouddc::decode_list(&resp).ok())
}

/// The app's path since it reads bodies as bytes (src/ui/transport.rs): the response's
/// bytes copied into WASM memory, made text by [`body_text`] (a UTF-8 check, no
/// transcoding) and decoded by `clouddc::decode_list`.
#[wasm_bindgen]
pub fn decode_bytes(bytes: Vec<u8>) -> i32 {
    let resp = ApiResponse {
        status: 200,
        retry_after: None,
        body: body_text(bytes),
    };
    count(clouddc::decode_list(&resp).ok())
}

/// Keeps `text` in WASM memory for [`decode_stored`].
#[wasm_bindgen]
pub fn store_text(text: String) {
    STORED.with(|s| s.borrow_mut().body = text);
}

/// serde_json alone: decodes the text [`store_text`] kept (no copy from JS).
#[wasm_bindgen]
pub fn decode_stored() -> i32 {
    STORED.with(|s| count(clouddc::decode_list(&s.borrow()).ok()))
}

/// The other path: a value `JSON.parse` made, walked by serde-wasm-bindgen into the same type.
#[wasm_bindgen]
pub fn decode_from_value(value: JsValue) -> i32 {
    count(serde_wasm_bindgen::from_value::<InstanceList>(value).ok())
}

fn count(list: Option<InstanceList>) -> i32 {
    list.map_or(-1, |l| i32::try_from(l.instances.len()).unwrap_or(i32::MAX))
}

/// The fewest round trips "Load all pages" needs for `total_rows` on `service`
/// (`clouddc`, `roma` or `bycloud`) with the app's page sizes and in-flight cap, from the
/// planners' own `min_round_trips`. -1 for an unknown service.
#[wasm_bindgen]
pub fn min_round_trips(service: &str, total_rows: f64) -> f64 {
    let total = total_rows.max(0.0) as u64;
    let trips = match service {
        "clouddc" => ClouddcLoadAll::min_round_trips(total, CLOUDDC_PAGE_SIZE, MAX_PARALLEL),
        "bycloud" => BycloudLoadAll::min_round_trips(total, BYCLOUD_PAGE_SIZE, MAX_PARALLEL),
        "roma" => RomaLoadAll::min_round_trips(total, ROMA_PAGE_SIZE, MAX_PARALLEL),
        _ => return -1.0,
    };
    trips as f64
}

/// The page size each service's walk asks for (0 for an unknown service).
#[wasm_bindgen]
pub fn load_all_page_size(service: &str) -> u32 {
    match service {
        "clouddc" => CLOUDDC_PAGE_SIZE,
        "bycloud" => BYCLOUD_PAGE_SIZE,
        "roma" => ROMA_PAGE_SIZE,
        _ => 0,
    }
}

/// Requests "Load all pages" keeps under way at once (the per-connection cap).
#[wasm_bindgen]
pub fn load_all_parallel() -> u32 {
    u32::try_from(MAX_PARALLEL).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floors_match_the_planners() {
        assert_eq!(min_round_trips("clouddc", 10_000.0), 10.0);
        assert_eq!(min_round_trips("bycloud", 10_000.0), 20.0);
        assert_eq!(min_round_trips("roma", 10_000.0), 18.0);
        assert_eq!(min_round_trips("nope", 1.0), -1.0);
    }

    #[test]
    fn both_paths_decode_a_page() {
        let text = r#"{"instances":[{"id":"a","name":"x"},{"id":"b"}],"count":2}"#;
        assert_eq!(decode_serde_json(text.into()), 2);
        store_text(text.into());
        assert_eq!(decode_stored(), 2);
        assert_eq!(decode_serde_json("{".into()), -1);
    }
}

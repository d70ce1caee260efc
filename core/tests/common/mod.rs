//! Helpers shared by the native test files: the seed pages' examples (the reader both
//! crates' tests share), and asking a cloudsim what a request gets.
#![allow(dead_code)]

#[path = "../../../tests/fixtures/seeds.rs"]
mod seeds;
#[allow(unused_imports)]
pub use seeds::*;

/// Asks a cloudsim (as a library) what a request gets, as the browser transport would
/// report it.
pub fn call(
    cloud: &cloudsim::Cloud,
    req: &skyglass_core::http::ApiRequest,
    now: i64,
) -> skyglass_core::http::ApiResponse {
    let resp = cloud.handle(
        &cloudsim::Request {
            method: req.method.into(),
            path: req.path.clone(),
            query: req.query_string(),
            headers: req.headers.clone(),
            body: req.body.clone(),
        },
        now,
    );
    let retry_after = resp.header("retry-after").map(str::to_string);
    skyglass_core::http::ApiResponse {
        status: resp.status,
        retry_after,
        body: resp.body,
    }
}

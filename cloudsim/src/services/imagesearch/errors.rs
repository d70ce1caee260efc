//! ImageSearch's error responses: `{"error_code", "error_msg"}`. The page
//! documents only 400, so a bad token is a 400 too.

use crate::encode::Obj;
use crate::http::{with_status_headers, Response};

/// An error response with `status`, `code` and `msg`.
pub fn error(status: u16, code: &str, msg: &str) -> Response {
    let mut body = String::new();
    let mut obj = Obj::new(&mut body);
    obj.str("error_code", code).str("error_msg", msg);
    obj.end();
    with_status_headers(Response::json(status, body))
}

/// 400 `IS.0004`: missing or wrong `X-Auth-Token`.
pub fn bad_token() -> Response {
    error(400, "IS.0004", "The authentication token is abnormal.")
}

/// The documented response for a forced `status`.
pub fn fault(status: u16) -> Response {
    match status {
        400 => bad_token(),
        429 => error(429, "APIG.0308", "The throttling threshold has been reached"),
        500 => error(500, "IS.0500", "Internal server error"),
        other => error(other, "CLOUDSIM.0001", &format!("Forced fault status {other}")),
    }
}

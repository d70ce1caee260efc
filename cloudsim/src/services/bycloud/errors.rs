//! ByCloud's error responses: `{"error": {"code", "message", "details",
//! "request_id"}}`.

use crate::ctx::Ctx;
use crate::encode::Obj;
use crate::http::{with_status_headers, Response};

/// A ByCloud error response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByCloudError {
    status: u16,
    message: String,
    details: String,
}

impl ByCloudError {
    /// An error with status `status`, `message` and `details`.
    pub fn new(status: u16, message: &str, details: &str) -> ByCloudError {
        ByCloudError {
            status,
            message: message.to_string(),
            details: details.to_string(),
        }
    }

    /// 401: missing or wrong bearer token.
    pub fn unauthorized(details: &str) -> ByCloudError {
        ByCloudError::new(401, "Authentication required or token invalid", details)
    }

    /// The error as an HTTP response (with a request id for `ctx`).
    pub fn into_response(self, ctx: &Ctx) -> Response {
        let mut body = String::new();
        let mut obj = Obj::new(&mut body);
        obj.raw("error", |out| {
            let mut err = Obj::new(out);
            err.num("code", u64::from(self.status))
                .str("message", &self.message)
                .str("details", &self.details)
                .str("request_id", &ctx.request_id());
            err.end();
        });
        obj.end();
        with_status_headers(Response::json(self.status, body))
    }
}

/// The documented response for a forced `status` (`why` in its details).
pub fn fault(status: u16, why: &str) -> ByCloudError {
    match status {
        401 => ByCloudError::unauthorized(why),
        429 => ByCloudError::new(429, "Too many requests", why),
        500 => ByCloudError::new(500, "Internal server error", why),
        other => ByCloudError::new(other, &format!("Forced fault status {other}"), why),
    }
}

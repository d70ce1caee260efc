//! ROMA Connect's error responses: `{"error_code", "error_msg",
//! "error_details", "request_id"}` with a 32-hex request id.

use crate::ctx::Ctx;
use crate::encode::Obj;
use crate::http::{with_status_headers, Response};

/// A ROMA Connect error response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RomaError {
    status: u16,
    code: &'static str,
    msg: String,
    details: String,
}

impl RomaError {
    pub fn new(status: u16, code: &'static str, msg: &str, details: &str) -> RomaError {
        RomaError {
            status,
            code,
            msg: msg.to_string(),
            details: details.to_string(),
        }
    }

    /// 400 `ROMA.00013000` for query parameter `name`.
    pub fn bad_param(name: &str, details: &str) -> RomaError {
        let msg = format!("Invalid parameter value,parameterName:{name}. Please refer to the support documentation");
        RomaError::new(400, "ROMA.00013000", &msg, details)
    }

    /// 401 `ROMA.00012000`: missing or wrong `X-Auth-Token`.
    pub fn unauthorized(details: &str) -> RomaError {
        RomaError::new(
            401,
            "ROMA.00012000",
            "Incorrect token or token resolution failed",
            details,
        )
    }

    /// 403 `ROMA.00012000`: the path's project is not the token's.
    pub fn forbidden(details: &str) -> RomaError {
        RomaError::new(403, "ROMA.00012000", "No permissions to request this method", details)
    }

    /// 500 `ROMA.00011000`.
    pub fn internal(details: &str) -> RomaError {
        RomaError::new(500, "ROMA.00011000", "System error", details)
    }

    /// The error as an HTTP response (with a request id for `ctx`).
    pub fn into_response(self, ctx: &Ctx) -> Response {
        let mut body = String::new();
        let mut obj = Obj::new(&mut body);
        obj.str("error_code", self.code)
            .str("error_msg", &self.msg)
            .str("error_details", &self.details)
            .str("request_id", &ctx.request_id());
        obj.end();
        with_status_headers(Response::json(self.status, body))
    }
}

/// The documented response for a forced `status` (`why` in its details).
pub fn fault(status: u16, why: &str) -> RomaError {
    match status {
        400 => RomaError::bad_param("X-Cloudsim-Fault", why),
        401 => RomaError::unauthorized(why),
        403 => RomaError::forbidden(why),
        429 => RomaError::new(429, "APIG.0308", "The throttling threshold has been reached", why),
        500 => RomaError::internal(why),
        other => RomaError::new(other, "CLOUDSIM.0001", &format!("Forced fault status {other}"), why),
    }
}

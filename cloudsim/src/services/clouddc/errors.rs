//! CloudDC's error responses, shaped as the vendor documents them:
//! `{"error_code": "...", "error_msg": "..."}`, except 429 whose documented
//! body is a bare JSON string.

use crate::encode::{json_str, Obj};
use crate::gateway::{NO_SUCH_API_CODE, NO_SUCH_API_MSG};
use crate::http::Response;

/// A CloudDC error: status code plus the documented error body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClouddcError {
    pub status: u16,
    pub code: &'static str,
    pub msg: String,
}

/// The 429 body (a bare JSON string in the vendor's documentation).
pub const THROTTLED_MSG: &str = "APIG.0308: The throttling threshold has been reached";

impl ClouddcError {
    fn new(status: u16, code: &'static str, msg: impl Into<String>) -> ClouddcError {
        ClouddcError {
            status,
            code,
            msg: msg.into(),
        }
    }

    /// 400 `iMetal.0001`: a bad query value (`what` names it).
    pub fn bad_param(what: &str) -> ClouddcError {
        ClouddcError::new(400, "iMetal.0001", format!("Invalid request parameter: {what}"))
    }

    /// 400 `iMetal.0002`: the path's project is not the token's project.
    pub fn bad_project(project_id: &str) -> ClouddcError {
        ClouddcError::new(
            400,
            "iMetal.0002",
            format!("Invalid request parameter: project_id {project_id} does not match the token's project"),
        )
    }

    /// 401 `APIGW.0301`: missing or wrong `X-Auth-Token`.
    pub fn unauthorized() -> ClouddcError {
        ClouddcError::new(
            401,
            "APIGW.0301",
            "Incorrect IAM authentication information: decrypt token fail",
        )
    }

    /// 404 `iMetal.0004`: no instance with this id.
    pub fn instance_not_found(id: &str) -> ClouddcError {
        ClouddcError::new(404, "iMetal.0004", format!("Instance {id} not found"))
    }

    /// 404 `APIGW.0101`: no such API (the gateway's answer).
    pub fn no_such_api() -> ClouddcError {
        ClouddcError::new(404, NO_SUCH_API_CODE, NO_SUCH_API_MSG)
    }

    /// 405 `APIGW.0405`: only GET is served.
    pub fn method_not_allowed(method: &str) -> ClouddcError {
        ClouddcError::new(
            405,
            "APIGW.0405",
            format!("Method {method} is not allowed for this API; use GET"),
        )
    }

    /// 500 `iMetal.0500`.
    pub fn internal() -> ClouddcError {
        ClouddcError::new(500, "iMetal.0500", "Internal server error")
    }

    /// Any other status forced with the fault header.
    pub fn forced(status: u16) -> ClouddcError {
        ClouddcError::new(status, "CLOUDSIM.0001", format!("Forced fault status {status}"))
    }

    /// The error as an HTTP response.
    pub fn into_response(self) -> Response {
        let mut body = String::new();
        let mut obj = Obj::new(&mut body);
        obj.str("error_code", self.code).str("error_msg", &self.msg);
        obj.end();
        let mut response = Response::json(self.status, body);
        if self.status == 405 {
            response.headers.push(("Allow".to_string(), "GET, OPTIONS".to_string()));
        }
        response
    }
}

/// 429 with the documented bare-string body and `Retry-After: 2`.
pub fn throttled() -> Response {
    let mut body = String::new();
    json_str(&mut body, THROTTLED_MSG);
    let mut response = Response::json(429, body);
    response.headers.push(("Retry-After".to_string(), "2".to_string()));
    response
}

/// The documented response for a forced `status` (`detail`: why, in a
/// 400's message). `instance_id`: the status API's instance, whose 404 is
/// "not found" (the list's 404 is the gateway's).
pub fn fault(status: u16, detail: &str, instance_id: Option<&str>) -> Response {
    let err = match (status, instance_id) {
        (429, _) => return throttled(),
        (400, _) => ClouddcError::bad_param(detail),
        (401, _) => ClouddcError::unauthorized(),
        (404, Some(id)) => ClouddcError::instance_not_found(id),
        (404, None) => ClouddcError::no_such_api(),
        (500, _) => ClouddcError::internal(),
        (other, _) => ClouddcError::forced(other),
    };
    err.into_response()
}

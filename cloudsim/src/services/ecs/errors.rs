//! ECS's error responses, in the two shapes the vendor documents:
//! - the ECS service's nested body `{"error": {"code", "message"}}`
//!   (`code` a string such as `Ecs.0005`);
//! - the API gateway's flat body `{"error_msg", "error_code",
//!   "request_id"}` (32 hex digits) for what the gateway answers before
//!   ECS sees the request: a bad token (401 `APIGW.0301`), throttling (429
//!   `APIGW.0308`, with `Retry-After`), a method the API does not have
//!   (405 `APIGW.0405`, with `Allow`).

use crate::ctx::Ctx;
use crate::encode::Obj;
use crate::http::{with_status_headers, Response};

/// The body shape of an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// `{"error": {"code", "message"}}`.
    Ecs,
    /// `{"error_msg", "error_code", "request_id"}`.
    Gateway,
}

/// An ECS error response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EcsError {
    status: u16,
    code: &'static str,
    message: String,
    shape: Shape,
}

/// `Ecs.0005`'s documented text, which a bad parameter's message starts with.
const INVALID: &str = "Invalid parameter values";

impl EcsError {
    fn ecs(status: u16, code: &'static str, message: impl Into<String>) -> EcsError {
        EcsError {
            status,
            code,
            message: message.into(),
            shape: Shape::Ecs,
        }
    }

    fn gateway(status: u16, code: &'static str, message: impl Into<String>) -> EcsError {
        EcsError {
            status,
            code,
            message: message.into(),
            shape: Shape::Gateway,
        }
    }

    /// 400 `Ecs.0005`: a bad query parameter (`what` names it and why).
    pub fn bad_param(what: &str) -> EcsError {
        EcsError::ecs(400, "Ecs.0005", format!("{INVALID}: {what}"))
    }

    /// 400 `Ecs.0023`: the path's project is not the token's.
    pub fn project_mismatch() -> EcsError {
        EcsError::ecs(
            400,
            "Ecs.0023",
            "project_id in token mismatches with project_id in url.",
        )
    }

    /// 401 `APIGW.0301` (the gateway's): a missing or wrong `X-Auth-Token`.
    pub fn unauthorized() -> EcsError {
        EcsError::gateway(
            401,
            "APIGW.0301",
            "Incorrect IAM authentication information: decrypt token fail",
        )
    }

    /// 405 `APIGW.0405` (the gateway's): only GET is served.
    pub fn method_not_allowed(method: &str) -> EcsError {
        EcsError::gateway(
            405,
            "APIGW.0405",
            format!("Method {method} is not allowed for this API; use GET"),
        )
    }

    /// The error as an HTTP response (`Retry-After` on 429, `Allow` on 405).
    pub fn into_response(self, ctx: &Ctx) -> Response {
        let mut body = String::new();
        let mut obj = Obj::new(&mut body);
        match self.shape {
            Shape::Ecs => {
                obj.raw("error", |out| {
                    let mut err = Obj::new(out);
                    err.str("code", self.code).str("message", &self.message);
                    err.end();
                });
            }
            Shape::Gateway => {
                obj.str("error_msg", &self.message)
                    .str("error_code", self.code)
                    .str("request_id", &ctx.request_id());
            }
        }
        obj.end();
        with_status_headers(Response::json(self.status, body))
    }
}

/// The documented response for a forced `status` (`why` in a 400's
/// message): 400 `Ecs.0005`, 401 `APIGW.0301`, 403 `Ecs.0003`, 404
/// `Ecs.0114`, 429 `APIGW.0308`, 500 `Common.0001`; any other status
/// `CLOUDSIM.0001` in the ECS shape.
pub fn fault(status: u16, why: &str) -> EcsError {
    match status {
        400 => EcsError::bad_param(why),
        401 => EcsError::unauthorized(),
        403 => EcsError::ecs(
            403,
            "Ecs.0003",
            "You do not have permission to perform this operation. Contact customer service to obtain permission.",
        ),
        404 => EcsError::ecs(404, "Ecs.0114", "The ECS does not exist."),
        429 => EcsError::gateway(
            429,
            "APIGW.0308",
            "The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute",
        ),
        500 => EcsError::ecs(
            500,
            "Common.0001",
            "A system exception occurred. Try again later or contact customer service.",
        ),
        other => EcsError::ecs(other, "CLOUDSIM.0001", format!("Forced fault status {other}")),
    }
}

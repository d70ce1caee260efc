//! IAM's error responses: `{"error": {"code": <status>, "message", "title"}}`.

use crate::encode::Obj;
use crate::http::{with_status_headers, Response};

/// 401's message for a wrong password, an unknown user and an unknown
/// account alike (no user enumeration).
pub const WRONG_PASSWORD: &str = "The username or password is wrong.";
/// 401's message when an MFA user asks with a password only.
pub const MFA_REQUIRED: &str = "The verification code is required: login protection (virtual MFA) is on for this user.";
/// 401's message for a wrong or missing MFA code (or another user's id).
pub const MFA_WRONG: &str = "The verification code is wrong.";
/// 400's message for a body that is not a password token request.
pub const INVALID_BODY: &str = "Request body is invalid.";

/// An IAM error response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IamError {
    status: u16,
    message: String,
}

/// The reason phrase IAM's `title` carries for `status`.
fn title(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    }
}

impl IamError {
    pub fn new(status: u16, message: impl Into<String>) -> IamError {
        IamError {
            status,
            message: message.into(),
        }
    }

    /// 400: the body is not a password token request.
    pub fn invalid_body() -> IamError {
        IamError::new(400, INVALID_BODY)
    }

    /// 401 with `message`.
    pub fn unauthorized(message: &str) -> IamError {
        IamError::new(401, message)
    }

    /// 400: the scope names a project (`what`: `name` or `id`) that does not exist.
    pub fn no_such_project(what: &str, value: &str) -> IamError {
        IamError::new(400, format!("The project {what} \"{value}\" does not exist."))
    }

    /// The error as an HTTP response (`Allow` on 405, `Retry-After` on 429).
    pub fn into_response(self) -> Response {
        let mut body = String::new();
        let mut obj = Obj::new(&mut body);
        obj.raw("error", |out| {
            let mut err = Obj::new(out);
            err.num("code", u64::from(self.status))
                .str("message", &self.message)
                .str("title", title(self.status));
            err.end();
        });
        obj.end();
        let response = Response::json(self.status, body);
        if self.status == 405 {
            let mut response = response;
            response
                .headers
                .push(("Allow".to_string(), "POST, OPTIONS".to_string()));
            return response;
        }
        with_status_headers(response)
    }
}

/// The response for a forced `status`: 400 is the invalid body, 401 the
/// wrong password, 429 throttling (with `Retry-After`), 500 a system
/// error; any other status a "Forced fault status N" message.
pub fn fault(status: u16) -> IamError {
    match status {
        400 => IamError::invalid_body(),
        401 => IamError::unauthorized(WRONG_PASSWORD),
        429 => IamError::new(429, "The throttling threshold has been reached."),
        500 => IamError::new(500, "System error. Try again later."),
        other => IamError::new(other, format!("Forced fault status {other}")),
    }
}

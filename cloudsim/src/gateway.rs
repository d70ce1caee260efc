//! The API gateway in front of every service: what a path no service
//! answers gets, and what a request whose AK/SK signature fails gets
//! (the check itself: `aksk`).

use crate::encode::Obj;
use crate::http::Response;

/// The code of the gateway's 401s.
pub const UNAUTHORIZED_CODE: &str = "APIGW.0301";

/// The code of the 404 for a path no service answers.
pub const NO_SUCH_API_CODE: &str = "APIGW.0101";
/// Its message.
pub const NO_SUCH_API_MSG: &str = "The API does not exist or has not been published in the environment";

/// 404 `APIGW.0101`: `{"error_code", "error_msg"}`.
pub fn no_such_api() -> Response {
    let mut body = String::new();
    let mut obj = Obj::new(&mut body);
    obj.str("error_code", NO_SUCH_API_CODE)
        .str("error_msg", NO_SUCH_API_MSG);
    obj.end();
    Response::json(404, body)
}

/// 401 `APIGW.0301` for a failed AK/SK check: `{"error_msg": msg,
/// "error_code", "request_id"}`.
pub fn unauthorized(request_id: &str, msg: &str) -> Response {
    let mut body = String::new();
    let mut obj = Obj::new(&mut body);
    obj.str("error_msg", msg)
        .str("error_code", UNAUTHORIZED_CODE)
        .str("request_id", request_id);
    obj.end();
    Response::json(401, body)
}

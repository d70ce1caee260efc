//! Everything that can go wrong with a call, in the words the UI shows, and how an error
//! response of any shape becomes one.

use super::encoding::clip;
use super::response::ApiResponse;
use serde::de::DeserializeOwned;
use std::fmt;

/// The most of an error body we ever show (a hostile server may send megabytes).
const MAX_SHOWN_BODY: usize = 500;

/// Everything that can go wrong with a call, in the words the UI shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// The service answered with an error status.
    Status {
        status: u16,
        code: Option<String>,
        message: String,
        details: Option<String>,
        request_id: Option<String>,
        retry_after: Option<String>,
        /// The service rejected the credentials: a 401, or a code the service's description
        /// names for it (ImageSearch answers a bad token with 400 `IS.0004`).
        token_rejected: bool,
    },
    /// No answer: connection refused, DNS, CORS, offline.
    Network(String),
    /// No complete answer within the limit (seconds); the request was aborted.
    Timeout(u32),
    /// A success status whose body is not what the API documents.
    Decode(String),
    /// The request was cancelled because the view moved on.
    Aborted,
}

impl ApiError {
    /// Whether the service rejected the credentials.
    pub fn is_auth(&self) -> bool {
        matches!(
            self,
            ApiError::Status {
                token_rejected: true,
                ..
            }
        )
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The error with `token_rejected` set when its code is one of `codes` (the codes a
    /// service answers a bad token with, besides 401).
    pub fn with_token_codes(mut self, codes: &[&str]) -> Self {
        if let ApiError::Status {
            code: Some(c),
            token_rejected,
            ..
        } = &mut self
        {
            if codes.contains(&c.as_str()) {
                *token_rejected = true;
            }
        }
        self
    }

    /// A one-line title for an error banner.
    pub fn title(&self) -> String {
        match self {
            ApiError::Status { status, .. } if self.is_auth() => {
                format!("The credentials were rejected (HTTP {status})")
            }
            ApiError::Status { status: 429, .. } => "Rate limited (HTTP 429)".into(),
            ApiError::Status { status, .. } if *status >= 500 => {
                format!("Server error (HTTP {status})")
            }
            ApiError::Status { status: 404, .. } => "Not found (HTTP 404)".into(),
            ApiError::Status { status: 403, .. } => "Forbidden (HTTP 403)".into(),
            ApiError::Status { status, .. } => format!("Request rejected (HTTP {status})"),
            ApiError::Network(_) => "Network failure: the endpoint could not be reached".into(),
            ApiError::Timeout(s) => format!("Timed out: no complete answer within {s} s"),
            ApiError::Decode(_) => "The response could not be read".into(),
            ApiError::Aborted => "Cancelled".into(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Status { code, message, .. } => match code {
                Some(c) => write!(f, "{}: {c} {message}", self.title()),
                None => write!(f, "{}: {message}", self.title()),
            },
            ApiError::Network(m) | ApiError::Decode(m) => write!(f, "{}: {m}", self.title()),
            ApiError::Timeout(_) => f.write_str(&self.title()),
            ApiError::Aborted => f.write_str("Cancelled"),
        }
    }
}

fn field(v: &serde_json::Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match v.get(*k)? {
        serde_json::Value::String(s) if !s.is_empty() => Some(clip(s, MAX_SHOWN_BODY)),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// Turns an error response into an [`ApiError`], whatever shape its body has:
/// `{error_code, error_msg, error_details, request_id}` (CloudDC, ROMA, ImageSearch),
/// `{"error": {code, message, ...}}` (ByCloud, ECS), a bare JSON string (CloudDC's 429),
/// or text.
pub fn decode_error(resp: &ApiResponse) -> ApiError {
    let parsed: Option<serde_json::Value> = serde_json::from_str(&resp.body).ok();
    let (code, message, details, request_id) = match &parsed {
        Some(v @ serde_json::Value::Object(_)) => {
            let inner = v.get("error").filter(|e| e.is_object()).unwrap_or(v);
            (
                field(inner, &["error_code", "code"]),
                field(inner, &["error_msg", "message", "msg"]),
                field(inner, &["error_details", "details"]),
                field(inner, &["request_id"]).or_else(|| field(v, &["request_id"])),
            )
        }
        Some(serde_json::Value::String(s)) => (None, Some(clip(s, MAX_SHOWN_BODY)), None, None),
        _ => {
            let text = resp.body.trim();
            (None, (!text.is_empty()).then(|| clip(text, MAX_SHOWN_BODY)), None, None)
        }
    };
    ApiError::Status {
        status: resp.status,
        code,
        message: message.unwrap_or_else(|| "(no message in the response)".into()),
        details,
        request_id,
        retry_after: resp.retry_after.clone(),
        token_rejected: resp.status == 401,
    }
}

/// A body that is not what the API documents, as an [`ApiError::Decode`]. serde repeats
/// the offending value in its message: a 1 MB string would be shown whole, so it is cut.
pub fn decode_failure(e: &serde_json::Error, body: &str) -> ApiError {
    let what = clip(&e.to_string(), MAX_SHOWN_BODY);
    ApiError::Decode(format!("{what} (body starts: {})", clip(body.trim_start(), 120)))
}

/// Decodes a success body as `T`, or the error body as an [`ApiError`].
pub fn decode_json<T: DeserializeOwned>(resp: &ApiResponse) -> Result<T, ApiError> {
    if !(200..300).contains(&resp.status) {
        return Err(decode_error(resp));
    }
    serde_json::from_str(&resp.body).map_err(|e| decode_failure(&e, &resp.body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> ApiResponse {
        ApiResponse {
            status,
            retry_after: None,
            body: body.into(),
        }
    }

    #[test]
    fn decodes_every_error_body_shape() {
        let e = decode_error(&resp(
            401,
            r#"{"error_code":"APIGW.0301","error_msg":"Incorrect token"}"#,
        ));
        assert!(e.is_auth());
        assert_eq!(
            e.to_string(),
            "The credentials were rejected (HTTP 401): APIGW.0301 Incorrect token"
        );
        let e = decode_error(&resp(
            400,
            r#"{"error_code":"ROMA.00013000","error_msg":"Invalid","error_details":"d","request_id":"r1"}"#,
        ));
        assert!(matches!(e, ApiError::Status { ref request_id, ref details, .. }
            if request_id.as_deref() == Some("r1") && details.as_deref() == Some("d")));
        let e = decode_error(&resp(500, r#"{"error":{"code":500,"message":"No valid host"}}"#));
        assert_eq!(e.to_string(), "Server error (HTTP 500): 500 No valid host");
        let e = decode_error(&resp(429, r#""APIG.0308: The throttling threshold has been reached""#));
        assert_eq!(e.title(), "Rate limited (HTTP 429)");
        assert!(e.to_string().contains("throttling"));
        let e = decode_error(&resp(502, "<html>Bad gateway</html>"));
        assert!(e.to_string().contains("<html>Bad gateway</html>"));
        let e = decode_error(&resp(500, ""));
        assert!(e.to_string().contains("no message"));
        let e = decode_error(&resp(
            400,
            r#"{"error_code":"IS.0004","error_msg":"The authentication token is abnormal."}"#,
        ));
        assert!(!e.is_auth(), "a 400 is a rejected token only where the service says so");
        assert!(e.with_token_codes(&["IS.0004"]).is_auth());
    }

    #[test]
    fn huge_error_bodies_are_clipped() {
        let big = "x".repeat(100_000);
        let e = decode_error(&resp(500, &big));
        assert!(e.to_string().len() < 1000);
    }

    #[test]
    fn decode_errors_quoting_a_huge_value_are_clipped() {
        let body = format!("{{\"instances\": \"{}\"}}", "x".repeat(1_000_000));
        let r: Result<std::collections::HashMap<String, Vec<u8>>, _> = decode_json(&resp(200, &body));
        let Err(ApiError::Decode(m)) = r else {
            panic!("a decode error")
        };
        assert!(m.len() < 1_000, "{} bytes", m.len());
    }

    #[test]
    fn malformed_success_body_is_a_decode_error() {
        let r: Result<Vec<u8>, _> = decode_json(&resp(200, "{\"instances\": [tru"));
        assert!(matches!(r, Err(ApiError::Decode(_))));
    }

    #[test]
    fn secrets_are_redacted() {
        let e = decode_error(&resp(401, r#"{"error_code":"X","error_msg":"token s3cret is bad"}"#)).redact("s3cret");
        assert!(!e.to_string().contains("s3cret"));
        assert!(e.to_string().contains("[token]"));
    }
}

//! The shared HTTP layer, free of any I/O: what a request is (method, path, query,
//! auth header), what a response is, and how an error response becomes an [`ApiError`]
//! that the UI can show. The browser transport (`crate::transport`) and the native
//! tests both execute these requests.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::de::DeserializeOwned;
use std::fmt;

/// Characters kept as they are in a query value or path segment (RFC 3986 unreserved).
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Requests under way at once per connection: the browser's limiter holds to it and
/// "Load all pages" plans its parallel pages by it (browsers open about six connections
/// per origin over HTTP/1.1).
pub const MAX_IN_FLIGHT: usize = 6;

/// The most of an error body we ever show (a hostile server may send megabytes).
const MAX_SHOWN_BODY: usize = 500;

/// Percent-encodes one path segment or query value.
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED).to_string()
}

/// The decoded value of `key` in the query part of a URL, path or bare query string.
pub fn query_param(address: &str, key: &str) -> Option<String> {
    let query = address.split_once('?').map_or(address, |(_, q)| q);
    let query = query.split('#').next().unwrap_or_default();
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| {
            percent_encoding::percent_decode_str(&v.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        })
}

/// Encodes `key=value` pairs joined by `&` (no leading `?`).
pub fn encode_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k.as_ref()), encode(v.as_ref())))
        .collect::<Vec<_>>()
        .join("&")
}

/// A view's position and filters, as they live in the view's URL query.
pub trait UrlQuery: Sized {
    /// Reads the URL query's pairs; anything odd falls back to the default.
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self;
    /// The URL query's pairs, the inverse of [`UrlQuery::from_pairs`].
    fn to_pairs(&self) -> Vec<(&'static str, String)>;
    /// The URL query string (no leading `?`).
    fn to_url_query(&self) -> String {
        encode_pairs(&self.to_pairs())
    }
}

/// How a connection authenticates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Auth {
    /// `X-Auth-Token: <token>` (CloudDC, ROMA Connect, ImageSearch).
    AuthToken(String),
    /// `Authorization: Bearer <token>` (ByCloud).
    Bearer(String),
}

impl Auth {
    /// The header this auth sends.
    pub fn header(&self) -> (String, String) {
        match self {
            Auth::AuthToken(t) => ("X-Auth-Token".into(), t.clone()),
            Auth::Bearer(t) => ("Authorization".into(), format!("Bearer {t}")),
        }
    }

    /// The secret itself, so that it can be scrubbed from anything shown.
    pub fn secret(&self) -> &str {
        match self {
            Auth::AuthToken(t) | Auth::Bearer(t) => t,
        }
    }
}

/// A request to a service, relative to the connection's base URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiRequest {
    pub method: &'static str,
    /// Path below the base URL, starting with `/`, segments already encoded.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
}

impl ApiRequest {
    pub fn get(path: String) -> Self {
        ApiRequest {
            method: "GET",
            path,
            query: Vec::new(),
            headers: Vec::new(),
        }
    }

    pub fn with_auth(mut self, auth: &Auth) -> Self {
        self.headers.push(auth.header());
        self
    }

    /// The encoded query string, without the leading `?`.
    pub fn query_string(&self) -> String {
        encode_pairs(&self.query)
    }

    /// The full URL below `base` (an absolute URL or a same-origin path such as `/proxy/dc`).
    pub fn url(&self, base: &str) -> String {
        let base = base.trim_end_matches('/');
        let q = self.query_string();
        if q.is_empty() {
            format!("{base}{}", self.path)
        } else {
            format!("{base}{}?{q}", self.path)
        }
    }
}

/// What came back: status, the `Retry-After` header if any, and the body text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiResponse {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: String,
}

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
    /// Whether the service rejected the credentials (401, and ImageSearch's 400 `IS.0004`).
    pub fn is_auth(&self) -> bool {
        match self {
            ApiError::Status { status: 401, .. } => true,
            ApiError::Status {
                status: 400,
                code: Some(c),
                ..
            } => c == "IS.0004",
            _ => false,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// A one-line title for an error banner.
    pub fn title(&self) -> String {
        match self {
            ApiError::Status { status, .. } if self.is_auth() => {
                format!("The token was rejected (HTTP {status})")
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

    /// Replaces every occurrence of `secret` in the error's text (a server may echo it).
    pub fn redact(self, secret: &str) -> Self {
        if secret.is_empty() {
            return self;
        }
        let r = |s: String| s.replace(secret, "[token]");
        match self {
            ApiError::Status {
                status,
                code,
                message,
                details,
                request_id,
                retry_after,
            } => ApiError::Status {
                status,
                code: code.map(r),
                message: r(message),
                details: details.map(r),
                request_id: request_id.map(r),
                retry_after,
            },
            ApiError::Network(m) => ApiError::Network(r(m)),
            ApiError::Timeout(s) => ApiError::Timeout(s),
            ApiError::Decode(m) => ApiError::Decode(r(m)),
            ApiError::Aborted => ApiError::Aborted,
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

/// Cuts `s` to at most `max` bytes on a character boundary, marking the cut.
pub fn clip(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &s[..end], s.len())
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
/// `{"error": {code, message, ...}}` (ByCloud), a bare JSON string (CloudDC's 429), or text.
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
    }
}

/// A response body's text from its bytes, as `Response.text()` would give it: UTF-8, a
/// leading byte order mark dropped, any invalid sequence replaced by U+FFFD. (The browser
/// transport reads bytes: decoding them to a JS string only to copy that back into WASM
/// memory as UTF-8 would take a third of a large page's decode time.)
pub fn body_text(bytes: Vec<u8>) -> String {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Decodes a success body as `T`, or the error body as an [`ApiError`].
pub fn decode_json<T: DeserializeOwned>(resp: &ApiResponse) -> Result<T, ApiError> {
    if !(200..300).contains(&resp.status) {
        return Err(decode_error(resp));
    }
    serde_json::from_str(&resp.body).map_err(|e| {
        // serde repeats the offending value in its message: a 1 MB string would be shown whole.
        let what = clip(&e.to_string(), MAX_SHOWN_BODY);
        ApiError::Decode(format!("{what} (body starts: {})", clip(resp.body.trim_start(), 120)))
    })
}

#[cfg(test)]
mod body_text_tests {
    use super::body_text;

    #[test]
    fn decodes_like_response_text() {
        assert_eq!(body_text(b"{\"a\":1}".to_vec()), "{\"a\":1}");
        assert_eq!(
            body_text("\u{feff}[1]".as_bytes().to_vec()),
            "[1]",
            "a byte order mark is dropped"
        );
        assert_eq!(body_text("名前".as_bytes().to_vec()), "名前");
        assert_eq!(
            body_text(vec![b'"', 0xff, b'x', 0xe2, 0x82, b'"']),
            "\"\u{fffd}x\u{fffd}\""
        );
        assert_eq!(body_text(Vec::new()), "");
    }
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
    fn builds_urls_with_encoded_query() {
        let mut r = ApiRequest::get("/v1/p%201/instances".into());
        r.query.push(("marker".into(), "a b&c=d".into()));
        r.query.push(("limit".into(), "50".into()));
        assert_eq!(
            r.url("/proxy/dc/"),
            "/proxy/dc/v1/p%201/instances?marker=a%20b%26c%3Dd&limit=50"
        );
        assert_eq!(ApiRequest::get("/x".into()).url("http://h:1"), "http://h:1/x");
    }

    #[test]
    fn auth_headers() {
        assert_eq!(
            Auth::AuthToken("t".into()).header(),
            ("X-Auth-Token".into(), "t".into())
        );
        assert_eq!(
            Auth::Bearer("t".into()).header(),
            ("Authorization".into(), "Bearer t".into())
        );
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
            "The token was rejected (HTTP 401): APIGW.0301 Incorrect token"
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
        assert!(e.is_auth());
    }

    #[test]
    fn huge_error_bodies_are_clipped() {
        let big = "x".repeat(100_000);
        let e = decode_error(&resp(500, &big));
        assert!(e.to_string().len() < 1000);
        assert_eq!(clip("héllo", 2), "h… (6 bytes in all)");
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

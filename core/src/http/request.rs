//! A request to a service, relative to a connection's base URL, and the credentials it
//! carries.

use super::encoding::encode_pairs;
use crate::auth::sign::{sdk_date, sign, AccessKey, Unsigned};

/// Requests under way at once per connection: the browser's limiter holds to it and
/// "Load all pages" plans its parallel pages by it (browsers open about six connections
/// per origin over HTTP/1.1).
pub const MAX_IN_FLIGHT: usize = 6;

/// How a service takes a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthScheme {
    /// `X-Auth-Token: <token>` (the Huawei Cloud services: an IAM token).
    XAuthToken,
    /// `Authorization: Bearer <token>` (ByCloud).
    Bearer,
}

impl AuthScheme {
    /// The credentials of this scheme for `token`.
    pub fn auth(self, token: String) -> Auth {
        match self {
            AuthScheme::XAuthToken => Auth::AuthToken(token),
            AuthScheme::Bearer => Auth::Bearer(token),
        }
    }

    /// How the token travels, in words (for the connection form).
    pub fn describe(self) -> &'static str {
        match self {
            AuthScheme::XAuthToken => "Sent as the X-Auth-Token header (an IAM token: X-Subject-Token).",
            AuthScheme::Bearer => "Sent as Authorization: Bearer <token>.",
        }
    }

    /// The ways of signing in a service of this scheme takes: a Huawei Cloud service
    /// (X-Auth-Token) takes a token, an IAM password sign-in or an AK/SK pair; ByCloud only
    /// its Bearer token.
    pub fn methods(self) -> &'static [SignInMethod] {
        match self {
            AuthScheme::XAuthToken => &[SignInMethod::Token, SignInMethod::Password, SignInMethod::AccessKey],
            AuthScheme::Bearer => &[SignInMethod::Token],
        }
    }
}

/// How a connection gets its credentials.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignInMethod {
    /// A ready token, pasted in.
    Token,
    /// IAM password sign-in (`POST /v3/auth/tokens`): a token for 24 hours.
    Password,
    /// An access key pair: every request signed with SDK-HMAC-SHA256.
    AccessKey,
}

impl SignInMethod {
    /// Its name in the connection form.
    pub fn label(self) -> &'static str {
        match self {
            SignInMethod::Token => "A token",
            SignInMethod::Password => "IAM password sign-in",
            SignInMethod::AccessKey => "Access key (AK/SK)",
        }
    }
}

/// The credentials a connection calls with. Its `Debug` shows no secret (`auth/redact.rs`).
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    /// `X-Auth-Token: <token>` (CloudDC, ROMA Connect, ImageSearch, ECS).
    AuthToken(String),
    /// `Authorization: Bearer <token>` (ByCloud).
    Bearer(String),
    /// Every request signed with SDK-HMAC-SHA256; `project_id` is sent (and signed) as
    /// `X-Project-Id`, as the vendor SDKs send it for project-scoped services.
    Signed { key: AccessKey, project_id: Option<String> },
}

impl Auth {
    /// The secrets themselves (the token; the secret key and security token), so that
    /// they can be scrubbed from anything shown.
    pub fn secrets(&self) -> Vec<&str> {
        match self {
            Auth::AuthToken(t) | Auth::Bearer(t) => vec![t.as_str()],
            Auth::Signed { key, .. } => {
                let mut out = vec![key.secret_key.as_str()];
                out.extend(key.security_token.as_deref());
                out
            }
        }
    }
}

/// A request to a service, relative to the connection's base URL. Its `Debug` hides the
/// values of the credentials headers and the body (a sign-in's body holds a password).
#[derive(Clone, PartialEq, Eq)]
pub struct ApiRequest {
    pub method: &'static str,
    /// Path below the base URL, starting with `/`, segments already encoded.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    /// The body ("" for none).
    pub body: String,
}

impl std::fmt::Debug for ApiRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let shown = if super::is_secret_header(name) {
                    "[secret]"
                } else {
                    value.as_str()
                };
                (name.as_str(), shown)
            })
            .collect();
        f.debug_struct("ApiRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &headers)
            .field("body", &format_args!("{} bytes", self.body.len()))
            .finish()
    }
}

impl ApiRequest {
    pub fn get(path: String) -> Self {
        ApiRequest {
            method: "GET",
            path,
            query: Vec::new(),
            headers: Vec::new(),
            body: String::new(),
        }
    }

    /// A POST with a JSON body.
    pub fn post_json(path: String, body: String) -> Self {
        ApiRequest {
            method: "POST",
            path,
            query: Vec::new(),
            headers: vec![("Content-Type".into(), "application/json;charset=utf8".into())],
            body,
        }
    }

    /// Adds a query parameter.
    pub fn param(mut self, key: &str, value: impl Into<String>) -> Self {
        self.query.push((key.to_owned(), value.into()));
        self
    }

    /// Adds a query parameter when there is a value.
    pub fn param_opt(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.param(key, v),
            None => self,
        }
    }

    /// The request with `auth`'s credentials at `now_ms` (Unix ms: the signing time of
    /// an AK/SK signature; a token ignores it).
    ///
    /// A signature covers the path below the base URL (the path the service sees behind a
    /// same-origin proxy, without the proxy's prefix), the query, the body, and only the
    /// headers that reach the service unchanged: `X-Sdk-Date`, `X-Project-Id`,
    /// `X-Security-Token` and `Content-Type` when sent — never `Host` or `User-Agent`.
    pub fn authorize(mut self, auth: &Auth, now_ms: i64) -> Self {
        match auth {
            Auth::AuthToken(t) => self.headers.push(("X-Auth-Token".into(), t.clone())),
            Auth::Bearer(t) => self.headers.push(("Authorization".into(), format!("Bearer {t}"))),
            Auth::Signed { key, project_id } => {
                if let Some(p) = project_id.as_deref().filter(|p| !p.is_empty()) {
                    self.headers.push(("X-Project-Id".into(), p.to_string()));
                }
                let signed: Vec<(String, String)> = self
                    .headers
                    .iter()
                    .filter(|(n, _)| ["content-type", "x-project-id"].contains(&n.to_ascii_lowercase().as_str()))
                    .cloned()
                    .collect();
                let path = super::encoding::decode_path(&self.path);
                let extra = sign(
                    &Unsigned {
                        method: self.method,
                        path: &path,
                        query: &self.query,
                        headers: &signed,
                        body: self.body.as_bytes(),
                    },
                    key,
                    &sdk_date(now_ms),
                );
                self.headers.extend(extra);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_urls_with_encoded_query() {
        let r = ApiRequest::get("/v1/p%201/instances".into())
            .param("marker", "a b&c=d")
            .param("limit", "50");
        assert_eq!(
            r.url("/proxy/dc/"),
            "/proxy/dc/v1/p%201/instances?marker=a%20b%26c%3Dd&limit=50"
        );
        assert_eq!(ApiRequest::get("/x".into()).url("http://h:1"), "http://h:1/x");
    }

    #[test]
    fn auth_headers() {
        let headers = |auth: Auth| ApiRequest::get("/x".into()).authorize(&auth, 0).headers;
        assert_eq!(
            headers(Auth::AuthToken("t".into())),
            [("X-Auth-Token".into(), "t".into())]
        );
        assert_eq!(
            headers(Auth::Bearer("t".into())),
            [("Authorization".into(), "Bearer t".into())]
        );
        assert_eq!(AuthScheme::Bearer.auth("t".into()), Auth::Bearer("t".into()));
        assert_eq!(AuthScheme::XAuthToken.auth("t".into()), Auth::AuthToken("t".into()));
    }
}

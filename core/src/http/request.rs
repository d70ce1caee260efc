//! A request to a service, relative to a connection's base URL, and the credentials it
//! carries.

use super::encoding::encode_pairs;

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
}

/// The credentials a connection calls with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Auth {
    /// `X-Auth-Token: <token>` (CloudDC, ROMA Connect, ImageSearch, ECS).
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
        assert_eq!(
            Auth::AuthToken("t".into()).header(),
            ("X-Auth-Token".into(), "t".into())
        );
        assert_eq!(
            Auth::Bearer("t".into()).header(),
            ("Authorization".into(), "Bearer t".into())
        );
        assert_eq!(AuthScheme::Bearer.auth("t".into()), Auth::Bearer("t".into()));
        assert_eq!(AuthScheme::XAuthToken.auth("t".into()), Auth::AuthToken("t".into()));
    }
}

//! The HTTP surface the simulation speaks: [`Request`] in, [`Response`]
//! out, and the header helpers every service shares.

/// An HTTP request as the simulation sees it.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path, e.g. `/v1/demo-project/instances` (a `?query` left on it is
    /// split off when `query` is empty).
    pub path: String,
    /// The raw query without `?`; may be "".
    pub query: String,
    /// Header names are matched case-insensitively.
    pub headers: Vec<(String, String)>,
    /// The request body ("" when there is none). The server binary reads
    /// at most 64 KiB of it (more answers 413); bytes that are not UTF-8
    /// are replaced.
    pub body: String,
}

impl Request {
    /// The path without its query and the raw query: `query`, or else what
    /// follows a `?` in `path`.
    pub(crate) fn target(&self) -> (&str, &str) {
        match self.path.split_once('?') {
            Some((p, q)) if self.query.is_empty() => (p, q),
            Some((p, _)) => (p, self.query.as_str()),
            None => (self.path.as_str(), self.query.as_str()),
        }
    }
}

/// An HTTP response. Every response carries `Content-Type: application/json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// HTTP status code.
    pub status: u16,
    /// Response headers (`Content-Type`, and `Retry-After` on 429, `Allow`
    /// on 405).
    pub headers: Vec<(String, String)>,
    /// JSON text.
    pub body: String,
}

impl Response {
    /// A JSON response with `Content-Type: application/json` and no other header.
    pub(crate) fn json(status: u16, body: String) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".to_string(), "application/json".to_string())],
            body,
        }
    }
}

impl Response {
    /// The value of response header `name` (case-insensitive), as sent.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The first value of header `name` (case-insensitive), trimmed.
pub fn header<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim())
}

/// `response` with the headers its status calls for: `Retry-After: 2` on
/// 429 (the fault layer then applies the run's `retry_after`), `Allow` on
/// 405.
pub fn with_status_headers(mut response: Response) -> Response {
    match response.status {
        429 => response.headers.push(("Retry-After".to_string(), "2".to_string())),
        405 => response.headers.push(("Allow".to_string(), "GET, OPTIONS".to_string())),
        _ => {}
    }
    response
}

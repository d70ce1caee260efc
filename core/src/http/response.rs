//! What came back from a service.

/// What came back: status, the `Retry-After` header if any, and the body text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiResponse {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: String,
}

impl ApiResponse {
    /// A 200 answer with `body` and no `Retry-After`.
    pub fn ok(body: impl Into<String>) -> ApiResponse {
        ApiResponse {
            status: 200,
            retry_after: None,
            body: body.into(),
        }
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

#[cfg(test)]
mod tests {
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

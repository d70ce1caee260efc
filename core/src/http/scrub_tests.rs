use super::*;
use crate::auth::sign::AccessKey;
use crate::http::{decode_error, encode, Auth};

/// A token like IAM's: longer than the 500 bytes shown of an error, with `+`, `/` and `=`.
fn long_token() -> String {
    let mut t = String::from("MIIYXQYJKoZIhvcNAQcCoIIYTjCCGEoCAQExDTALBglghkgBZQMEAgEwghZvBgkq");
    while t.len() < 1_600 {
        let n = t.len();
        t.push_str(&format!("hkiG9w0BBwGgg{n}+ZgBIIWXHsidG9rZW4iOnsi/ZXhwaXJlc19hdCI6"));
    }
    t.push_str("==");
    t
}

/// Every other form the tests write a secret in.
fn percent_upper(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}
fn percent_lower(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02x}")).collect()
}
/// JSON with `/` escaped (and `\`, as JSON must).
fn json_slashes(s: &str) -> String {
    s.replace('\\', "\\\\").replace('/', "\\/")
}
/// JSON's `\uXXXX` of every UTF-16 unit (a surrogate pair beyond the BMP).
fn json_unicode(s: &str) -> String {
    s.encode_utf16().map(|u| format!("\\u{u:04x}")).collect()
}
fn json_unicode_upper(s: &str) -> String {
    s.encode_utf16().map(|u| format!("\\u{u:04X}")).collect()
}
fn html_numeric(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_string()
            } else {
                format!("&#{};", u32::from(c))
            }
        })
        .collect()
}

fn forms(secret: &str) -> Vec<(&'static str, String)> {
    vec![
        ("raw", secret.to_string()),
        ("percent-encoded (reserved only)", encode(secret)),
        ("percent-encoded, upper", percent_upper(secret)),
        ("percent-encoded, lower", percent_lower(secret)),
        ("JSON \\/", json_slashes(secret)),
        ("JSON \\u, lower", json_unicode(secret)),
        ("JSON \\u, upper", json_unicode_upper(secret)),
        ("HTML &#N;", html_numeric(secret)),
    ]
}

/// The forms of `secret` that are left in `text`, by name.
fn left_in(text: &str, secret: &str) -> Vec<&'static str> {
    let mut left: Vec<&str> = forms(secret)
        .into_iter()
        .filter(|(_, f)| text.contains(f.as_str()))
        .map(|(name, _)| name)
        .collect();
    // And no start of it either: 16 bytes are enough to tell.
    let mut n = secret.len().min(16);
    while !secret.is_char_boundary(n) {
        n -= 1;
    }
    if text.contains(&secret[..n]) {
        left.push("its first 16 bytes");
    }
    left
}

#[test]
fn every_form_of_a_long_token_is_removed_whole() {
    let token = long_token();
    assert!(token.len() > 1_000);
    let s = Scrubber::new([token.as_str()]);
    for (name, form) in forms(&token) {
        let body = format!(r#"{{"error_code":"APIGW.0500","error_msg":"bad header X-Auth-Token: {form}; retry"}}"#);
        let out = s.scrub(&body);
        assert_eq!(
            out, r#"{"error_code":"APIGW.0500","error_msg":"bad header X-Auth-Token: [token]; retry"}"#,
            "{name}"
        );
        assert!(left_in(&out, &token).is_empty(), "{name}");
    }
}

#[test]
fn a_secret_split_across_the_500_byte_cut_leaves_nothing() {
    let token = long_token();
    for pad in [0, 1, 480, 495, 499, 500] {
        let body = format!(
            r#"{{"error_msg":"{}{token} and {} again"}}"#,
            "x".repeat(pad),
            json_slashes(&token)
        );
        let resp = ApiResponse {
            status: 500,
            retry_after: None,
            body,
        };
        // Unscrubbed, the clipped message holds the token's start: the defect.
        let leaked = decode_error(&resp).to_string();
        assert!(!left_in(&leaked, &token).is_empty() || pad >= 484, "pad {pad}");
        let e = decode_error(&Scrubber::new([token.as_str()]).response(resp));
        let shown = format!("{e} {e:?}");
        assert!(left_in(&shown, &token).is_empty(), "pad {pad}: {shown}");
        assert!(shown.contains(REDACTED) || pad >= 490, "pad {pad}");
    }
}

#[test]
fn mixed_and_cut_off_forms() {
    let s = Scrubber::new(["ab/c+d=ef-ghij"]);
    assert_eq!(s.scrub("x ab%2Fc\\u002bd%3def-ghij y"), "x [token] y");
    assert_eq!(s.scrub("x ab\\/c&#43;d&#x3D;ef&#45;ghij"), "x [token]");
    // A gateway that cut what it repeated: 8 bytes or more at the very end go.
    assert_eq!(s.scrub("token: ab/c+d=e"), "token: [token]");
    assert_eq!(s.scrub("token: ab%2Fc%2Bd%3De"), "token: [token]");
    assert_eq!(s.scrub("token: ab/c+d"), "token: ab/c+d", "7 bytes could be anything");
    assert_eq!(
        s.scrub("ab/c+d=e and more"),
        "ab/c+d=e and more",
        "not at the end: not the secret"
    );
    // A secret is never split by a unicode escape.
    let u = Scrubber::new(["päss😀word"]);
    assert_eq!(u.scrub("p\\u00e4ss\\ud83d\\ude00word!"), "[token]!");
    assert_eq!(u.scrub("p%C3%A4ss%F0%9F%98%80word"), "[token]");
    assert_eq!(u.scrub("päss😀word"), "[token]");
}

#[test]
fn an_empty_secret_matches_nothing_and_broken_escapes_are_text() {
    let text = "anything at all %zz \\u12 \\ud83d &#; &#x; &#99999999999; &";
    assert_eq!(Scrubber::new([""]).scrub(text), text);
    assert!(Scrubber::new([""]).is_empty());
    assert!(matches!(Scrubber::new(["", "tok"]).scrub(text), Cow::Borrowed(_)));
    assert_eq!(Scrubber::new(Vec::<String>::new()).scrub(text), text);
    // Escapes that stop at the end of the text never read past it.
    for end in ["%", "%4", "\\", "\\u00", "\\ud83d\\u", "&", "&#", "&#x4"] {
        assert_eq!(Scrubber::new(["secret-long"]).scrub(end), end);
    }
}

#[test]
fn longest_first_and_every_occurrence() {
    let s = Scrubber::new(["abc", "abcdef", "abc"]);
    assert_eq!(s.scrub("abcdef abc abcabc"), "[token] [token] [token][token]");
    assert_eq!(format!("{s:?}"), "Scrubber(2 secrets)", "Debug shows no secret");
}

#[test]
fn the_request_names_its_secrets() {
    let key = AccessKey {
        access_key: "AKID".into(),
        secret_key: "SK/secret+key".into(),
        security_token: Some("ST+temp/token==".into()),
    };
    let auth = Auth::Signed {
        key: key.clone(),
        project_id: Some("p1".into()),
    };
    let req = ApiRequest::get("/v1/p1/instances".into()).authorize(&auth, 1_700_000_000_000);
    let s = Scrubber::for_request(&req, &auth.secrets());
    let header = |n: &str| {
        req.headers
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    let authorization = header("Authorization");
    let signature = authorization.rsplit("Signature=").next().unwrap().to_string();
    assert_eq!(signature.len(), 64);
    let echo = format!(
        "Authorization: {authorization}; sig {}; X-Security-Token: {}; sk {}; X-Sdk-Date: {}",
        encode(&signature),
        json_slashes(key.security_token.as_deref().unwrap()),
        percent_lower(&key.secret_key),
        header("X-Sdk-Date"),
    );
    let out = s.scrub(&echo);
    for secret in [signature.as_str(), "SK/secret+key", "ST+temp/token=="] {
        assert!(left_in(&out, secret).is_empty(), "{secret} in {out}");
    }
    assert!(out.contains("Access=AKID"), "the access key is no secret: {out}");
    assert!(out.contains(&header("X-Sdk-Date")), "nor the date: {out}");

    let bearer = ApiRequest::get("/v2/servers".into()).authorize(&Auth::Bearer("bt-123".into()), 0);
    assert_eq!(
        Scrubber::for_request(&bearer, &[]).scrub("Bearer bt-123"),
        "Bearer [token]"
    );
    let token = ApiRequest::get("/x".into()).authorize(&Auth::AuthToken("xt-456".into()), 0);
    assert_eq!(Scrubber::for_request(&token, &[]).scrub("xt-456"), "[token]");
}

#[test]
fn responses_and_errors_are_scrubbed_and_left_alone_when_clean() {
    let s = Scrubber::new(["s3cret-token"]);
    let resp = s.response(ApiResponse {
        status: 429,
        retry_after: Some("s3cret-token".into()),
        body: "{\"a\":\"s3cret-token\"}".into(),
    });
    assert_eq!(resp.body, "{\"a\":\"[token]\"}");
    assert_eq!(resp.retry_after.as_deref(), Some("[token]"));
    let e = s.error(ApiError::Network("refused for s3cret%2Dtoken".into()));
    assert_eq!(e, ApiError::Network("refused for [token]".into()));
    assert_eq!(s.error(ApiError::Timeout(3)), ApiError::Timeout(3));
    let clean = "{\"instances\":[]}".to_string();
    assert_eq!(s.scrub_owned(clean.clone()), clean);
}

#[test]
fn forms_escaped_twice() {
    let s = Scrubber::new(["ab/c+d=ef-ghij"]);
    // A JSON text quoted in a JSON string, a query string percent-encoded again.
    assert_eq!(s.scrub(r#""ab\\/c\\u002bd\\u003Def\\u002dghij""#), r#""[token]""#);
    assert_eq!(s.scrub(r#"ab\\\\/c+d=ef-ghij"#), "[token]");
    assert_eq!(s.scrub("ab%252Fc%25252Bd%3Def-ghij"), "[token]");
    assert_eq!(s.scrub("%25 and %2525"), "%25 and %2525");
    // A backslash in a secret, escaped once and twice.
    let b = Scrubber::new([r"dom\name-secret"]);
    assert_eq!(b.scrub(r#"{"u":"dom\\name-secret"}"#), r#"{"u":"[token]"}"#);
    assert_eq!(b.scrub(r#"dom\\\\name-secret"#), "[token]");
}

#[test]
fn a_large_clean_page_is_not_copied() {
    let page = format!(
        "{{\"instances\":[{}]}}",
        r#"{"id":"e2e-1","name":"a\/b %41 &amp;"},"#.repeat(20_000)
    );
    let s = Scrubber::new(["e2e-token", "MIIYXQYJKoZIhvcNAQcC"]);
    assert!(matches!(s.scrub(&page), Cow::Borrowed(_)));
}

proptest::proptest! {
    /// Any text around any secret of 8 or more characters in any form: scrubbing never
    /// panics, and leaves no form of the secret, nor its first 16 bytes.
    #[test]
    fn any_text_around_any_secret_in_any_form(
        before in "\\PC{0,40}",
        after in "\\PC{0,40}",
        // Tokens (base64, hex, JWT-like) and keys, or any letters; with `%` + hex and `\`
        // + an escape letter too, which read two ways once encoded (`%2541`: `%41`, or `%`
        // then `41`): every reading is tried.
        secret in "[A-Za-z0-9+/=_.:~-]{8,40}|[A-Za-z0-9%\\\\/unt]{8,40}|\\pL{8,20}",
        form in 0usize..8,
    ) {
        let embedded = forms(&secret)[form].1.clone();
        let text = format!("{before}{embedded}{after}");
        let scrubbed = Scrubber::new([secret.as_str()]).scrub(&text).into_owned();
        let left = left_in(&scrubbed, &secret);
        proptest::prop_assert!(left.is_empty(), "{left:?} of {secret:?} left in {scrubbed:?}");
    }
}

//! The API gateway's AK/SK check (`SDK-HMAC-SHA256`): the vendor SDKs' test
//! vectors, canonical forms written out by hand here (not computed by the
//! library's code), and every rejection with its message.

mod aksk_support;
mod common;

use aksk_support::*;
use cloudsim::{canonical_query, canonical_uri, verify_aksk, Request};
use common::*;

/// A vendor vector: method, path, query, body, `Host` (signed when given), `X-Sdk-Date`,
/// signature.
struct Vector(
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
);

#[test]
fn the_vendor_vectors_verify() {
    const GO_DATE: &str = "20060102T150405Z";
    const PY_DATE: &str = "20200608T023900Z";
    const HOST: &str = "service.endpoint.myhuaweicloud.com";
    let vectors = [
        Vector(
            "GET",
            "/path",
            "limit=1",
            "",
            None,
            GO_DATE,
            "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
        ),
        Vector(
            "POST",
            "/path",
            "key=value",
            "{\"Name\":\"test\",\"Id\":1}\n",
            None,
            GO_DATE,
            "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
        ),
        Vector(
            "GET",
            "/resources",
            "size=1",
            "",
            Some(HOST),
            PY_DATE,
            "cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842",
        ),
        Vector(
            "POST",
            "/resources",
            "size=1",
            "{\"name\":\"test\",\"id\":1}",
            Some(HOST),
            PY_DATE,
            "436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f",
        ),
    ];
    let keys = keys();
    for Vector(method, path, query, body, host, date, signature) in vectors {
        let signed = if host.is_some() {
            "host;x-sdk-date"
        } else {
            "x-sdk-date"
        };
        let auth = authorization(AK, signed, signature);
        let mut headers = vec![("X-Sdk-Date", date), ("Authorization", auth.as_str())];
        if let Some(host) = host {
            headers.push(("Host", host));
        }
        headers.push(("Content-Type", "application/json"));
        let req = request_with_body(method, path, query, &headers, body);
        let now = cloudsim_date_ms(date);
        let key = verify_aksk(&req, &keys, now).unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        assert_eq!(key.access_key, AK);
        // The query may also arrive on the path.
        let on_path = Request {
            path: format!("{path}?{query}"),
            query: String::new(),
            ..req.clone()
        };
        assert!(verify_aksk(&on_path, &keys, now).is_ok(), "{method} {path}?{query}");
        // One changed digit, another body, host or query: rejected.
        let mut forged = req.clone();
        let last = signature.len() - 1;
        let flipped = format!(
            "{}{}",
            &signature[..last],
            if signature.ends_with('0') { '1' } else { '0' }
        );
        forged.headers[1].1 = authorization(AK, signed, &flipped);
        assert_eq!(message(verify_aksk(&forged, &keys, now)), "verify aksk signature fail");
        let mut other_body = req.clone();
        other_body.body.push(' ');
        assert_eq!(
            message(verify_aksk(&other_body, &keys, now)),
            "verify aksk signature fail"
        );
        let mut other_query = req.clone();
        other_query.query.push('0');
        assert_eq!(
            message(verify_aksk(&other_query, &keys, now)),
            "verify aksk signature fail"
        );
        if host.is_some() {
            let mut other_host = req.clone();
            other_host.headers[2].1 = "example.com".into();
            assert_eq!(
                message(verify_aksk(&other_host, &keys, now)),
                "verify aksk signature fail"
            );
            other_host.headers.remove(2);
            assert_eq!(
                message(verify_aksk(&other_host, &keys, now)),
                "the signed header host is missing"
            );
        }
    }
}

/// `YYYYMMDDTHHMMSSZ` as Unix ms, computed here with `time`.
fn cloudsim_date_ms(date: &str) -> i64 {
    let n = |from: usize, to: usize| date[from..to].parse::<u8>().unwrap();
    let year: i32 = date[0..4].parse().unwrap();
    let day = time::Date::from_calendar_date(year, time::Month::try_from(n(4, 6)).unwrap(), n(6, 8)).unwrap();
    let at = time::Time::from_hms(n(9, 11), n(11, 13), n(13, 15)).unwrap();
    time::PrimitiveDateTime::new(day, at).assume_utc().unix_timestamp() * 1000
}

#[test]
fn the_query_and_path_are_canonical() {
    const VECTOR: &str =
        "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29";
    assert_eq!(canonical_query(VECTOR), VECTOR);
    let shuffled =
        "test=%e4%b8%80+%28%26%3D%3F%21%23%25.*%29&multi=3&path=/tmp/123&multi=1&limit=1&enable=true&multi=2";
    assert_eq!(canonical_query(shuffled), VECTOR);
    // Repeated keys, `+` (a space) against `%2B` (a plus), a key alone, and values sorted as
    // decoded text: "z" before "é" although "%C3%A9" sorts before "z".
    assert_eq!(
        canonical_query("multi=3&b=x+y&multi=1&a=%2B&multi=2&flag&&v=%C3%A9&v=z"),
        "a=%2B&b=x%20y&flag=&multi=1&multi=2&multi=3&v=z&v=%C3%A9"
    );
    assert_eq!(canonical_query(""), "");
    assert_eq!(canonical_uri("/path"), "/path/");
    assert_eq!(canonical_uri("/v1/p/"), "/v1/p/");
    assert_eq!(
        canonical_uri("/v1/pr%c3%b6j%20ect/service/%E5%90%8D%E5%89%8D+a%26b%2Fc"),
        "/v1/pr%C3%B6j%20ect/service/%E5%90%8D%E5%89%8D%2Ba%26b%2Fc/"
    );
    assert_eq!(
        canonical_uri("/v1/pröj ect/service/名前*"),
        "/v1/pr%C3%B6j%20ect/service/%E5%90%8D%E5%89%8D%2A/"
    );
}

#[test]
fn encoded_paths_and_repeated_keys_verify() {
    let uri = "/v1/pr%C3%B6j%20ect/service/%E5%90%8D%E5%89%8D%2Ba%26b%2Fc/";
    let query = "a=%2B&b=x%20y&flag=&multi=1&multi=2&multi=3&v=z&v=%C3%A9";
    let req = signed_get(
        "/v1/pr%c3%b6j%20ect/service/%E5%90%8D%E5%89%8D+a%26b%2Fc",
        "multi=3&b=x+y&multi=1&a=%2B&multi=2&flag&v=%C3%A9&v=z",
        uri,
        query,
    );
    assert!(verify_aksk(&req, &keys(), START_MS).is_ok());
    let raw = Request {
        path: "/v1/pröj ect/service/名前%2Ba&b%2fc".into(),
        ..req.clone()
    };
    assert!(
        verify_aksk(&raw, &keys(), START_MS).is_ok(),
        "the same path, less encoded"
    );
    let split = Request {
        path: "/v1/pr%c3%b6j%20ect/service/%E5%90%8D%E5%89%8D+a%26b/c".into(),
        ..req
    };
    assert_eq!(
        message(verify_aksk(&split, &keys(), START_MS)),
        "verify aksk signature fail",
        "a %2F is not a /"
    );
}

#[test]
fn a_post_body_is_signed() {
    let body = "{\"name\":\"web\",\"count\":2}";
    let canonical = format!(
        "POST\n/v1/demo-project/instances/\n\ncontent-type:application/json\nx-sdk-date:{DATE}\n\ncontent-type;x-sdk-date\n{}",
        sha256_hex(body.as_bytes())
    );
    let auth = authorization(AK, "content-type;x-sdk-date", &sign(SK, DATE, &canonical));
    let headers = [
        ("Content-Type", " application/json "),
        ("X-Sdk-Date", DATE),
        ("Authorization", auth.as_str()),
    ];
    let req = request_with_body("POST", LIST, "", &headers, body);
    assert!(verify_aksk(&req, &keys(), START_MS).is_ok());
    let other = Request {
        body: body.replace('2', "3"),
        ..req.clone()
    };
    assert_eq!(
        message(verify_aksk(&other, &keys(), START_MS)),
        "verify aksk signature fail"
    );
    let empty = Request {
        body: String::new(),
        ..req
    };
    assert_eq!(
        message(verify_aksk(&empty, &keys(), START_MS)),
        "verify aksk signature fail"
    );
}

#[test]
fn the_date_must_be_within_15_minutes() {
    let req = signed_get(LIST, "limit=2", "/v1/demo-project/instances/", "limit=2");
    for skew in [-14, 14, -15, 15] {
        assert!(
            verify_aksk(&req, &keys(), START_MS + skew * MINUTE).is_ok(),
            "{skew} min"
        );
    }
    for skew in [-16, 16] {
        assert_eq!(
            message(verify_aksk(&req, &keys(), START_MS + skew * MINUTE)),
            "the X-Sdk-Date is more than 15 minutes from the server time",
            "{skew} min"
        );
    }
    let mut missing = req.clone();
    missing.headers.retain(|(n, _)| n != "X-Sdk-Date");
    assert_eq!(
        message(verify_aksk(&missing, &keys(), START_MS)),
        "the X-Sdk-Date header is missing"
    );
    for bad in [
        "2026-01-01T00:00:00Z",
        "20260101T000000",
        "20261301T000000Z",
        "yesterday",
    ] {
        let mut unparsable = req.clone();
        unparsable.headers[0].1 = bad.into();
        assert_eq!(
            message(verify_aksk(&unparsable, &keys(), START_MS)),
            "the X-Sdk-Date is not in the form YYYYMMDDTHHMMSSZ",
            "{bad}"
        );
    }
}

#[test]
fn malformed_headers_and_unknown_keys_are_rejected() {
    let req = signed_get(LIST, "", "/v1/demo-project/instances/", "");
    let with_auth = |auth: &str| {
        let mut r = req.clone();
        r.headers[1].1 = auth.into();
        r
    };
    let unknown = with_auth(&authorization("NoSuchKey", "x-sdk-date", "00"));
    assert_eq!(
        message(verify_aksk(&unknown, &keys(), START_MS)),
        "Get secretKey failed,ak:NoSuchKey,err:ak not exist"
    );
    assert!(message(verify_aksk(&unknown, &[], START_MS)).contains("ak not exist"));
    for bad in [
        "SDK-HMAC-SHA256 Access=AccessKey, Signature=00",
        "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=, Signature=00",
        "SDK-HMAC-SHA256 nonsense",
    ] {
        assert!(
            message(verify_aksk(&with_auth(bad), &keys(), START_MS)).starts_with("the Authorization header is not"),
            "{bad}"
        );
    }
    let host_only = with_auth(&authorization(AK, "host", "00"));
    assert_eq!(
        message(verify_aksk(&host_only, &keys(), START_MS)),
        "x-sdk-date is not among the signed headers"
    );
    let absent = with_auth(&authorization(AK, "x-project-id;x-sdk-date", "00"));
    assert_eq!(
        message(verify_aksk(&absent, &keys(), START_MS)),
        "the signed header x-project-id is missing"
    );
    for signature in ["", "zz", "abc"] {
        let bad = with_auth(&authorization(AK, "x-sdk-date", signature));
        assert_eq!(
            message(verify_aksk(&bad, &keys(), START_MS)),
            "verify aksk signature fail"
        );
    }
}

#[test]
fn temporary_credentials_need_their_signed_security_token() {
    let canonical = |token: &str| {
        format!(
            "GET\n/v1/demo-project/instances/\n\nx-sdk-date:{DATE}\nx-security-token:{token}\n\nx-sdk-date;x-security-token\n{EMPTY}"
        )
    };
    let request = |token: &str, sent: Option<&str>, signed: &str| {
        let auth = authorization("TempKey", signed, &sign("TempSecret", DATE, &canonical(token)));
        let mut headers = vec![("X-Sdk-Date", DATE), ("Authorization", auth.as_str())];
        if let Some(sent) = sent {
            headers.push(("X-Security-Token", sent));
        }
        request_with("GET", LIST, "", &headers)
    };
    let both = "x-sdk-date;x-security-token";
    let good = request("sec-token-1", Some("sec-token-1"), both);
    assert_eq!(verify_aksk(&good, &keys(), START_MS).unwrap().access_key, "TempKey");
    assert_eq!(
        message(verify_aksk(
            &request("sec-token-1", None, "x-sdk-date"),
            &keys(),
            START_MS
        )),
        "the X-Security-Token header is missing (temporary credentials)"
    );
    assert_eq!(
        message(verify_aksk(&request("other", Some("other"), both), &keys(), START_MS)),
        "the X-Security-Token is invalid or has expired"
    );
    assert_eq!(
        message(verify_aksk(
            &request("sec-token-1", Some("sec-token-1"), "x-sdk-date"),
            &keys(),
            START_MS
        )),
        "x-security-token is not among the signed headers"
    );
    // A permanent key pair needs no security token.
    assert!(verify_aksk(
        &signed_get(LIST, "", "/v1/demo-project/instances/", ""),
        &keys(),
        START_MS
    )
    .is_ok());
}

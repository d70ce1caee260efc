//! The signer against the vendor SDKs' vectors (shared/reference/apis.md) and the project's
//! own, whose expected signatures come from an independent Python reference
//! (`core/tests/fixtures/sign_reference.py`, hashlib and hmac, which passes the vendor
//! vectors too).

use super::sign::*;

fn key() -> AccessKey {
    AccessKey {
        access_key: "AccessKey".into(),
        secret_key: "SecretKey".into(),
        security_token: None,
    }
}

/// One vector: the request, its date, and the expected `SignedHeaders` and `Signature`.
type Vector<'a> = (Unsigned<'a>, &'a str, &'a str, &'a str);

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// The `Signature=` of `sign`'s `Authorization`, and its `SignedHeaders=`.
fn signed(req: &Unsigned, key: &AccessKey, date: &str) -> (String, String) {
    let headers = sign(req, key, date);
    let auth = &headers
        .iter()
        .find(|(n, _)| n == "Authorization")
        .expect("an Authorization")
        .1;
    let part = |name: &str| {
        auth.split(", ")
            .find_map(|p| p.split_once(&format!("{name}=")).map(|(_, v)| v.to_string()))
            .unwrap_or_default()
    };
    assert!(
        auth.starts_with("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders="),
        "{auth}"
    );
    (part("SignedHeaders"), part("Signature"))
}

#[test]
fn the_vendor_vectors() {
    let host = pairs(&[("Host", "service.endpoint.myhuaweicloud.com")]);
    let (limit, key_value, size) = (
        pairs(&[("limit", "1")]),
        pairs(&[("key", "value")]),
        pairs(&[("size", "1")]),
    );
    let req = |method, path, query, headers, body| Unsigned {
        method,
        path,
        query,
        headers,
        body,
    };
    let cases: [Vector; 4] = [
        (
            req("GET", "/path", &limit, &[], b""),
            "20060102T150405Z",
            "x-sdk-date",
            "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
        ),
        (
            req("POST", "/path", &key_value, &[], b"{\"Name\":\"test\",\"Id\":1}\n"),
            "20060102T150405Z",
            "x-sdk-date",
            "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
        ),
        (
            req("GET", "/resources", &size, &host, b""),
            "20200608T023900Z",
            "host;x-sdk-date",
            "cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842",
        ),
        (
            req("POST", "/resources", &size, &host, b"{\"name\":\"test\",\"id\":1}"),
            "20200608T023900Z",
            "host;x-sdk-date",
            "436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f",
        ),
    ];
    for (req, date, names, want) in cases {
        assert_eq!(
            signed(&req, &key(), date),
            (names.to_string(), want.to_string()),
            "{}",
            req.path
        );
    }
}

#[test]
fn the_vendor_query_encoding_vector() {
    let q = pairs(&[
        ("test", "一 (&=?!#%.*)"),
        ("multi", "3"),
        ("path", "/tmp/123"),
        ("multi", "1"),
        ("limit", "1"),
        ("multi", "2"),
        ("enable", "true"),
    ]);
    assert_eq!(
        canonical_query(&q),
        "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29"
    );
}

#[test]
fn canonical_parts() {
    assert_eq!(canonical_uri("/v1/p/cloudservers/detail"), "/v1/p/cloudservers/detail/");
    assert_eq!(canonical_uri("/"), "/");
    assert_eq!(canonical_uri("/a b/名"), "/a%20b/%E5%90%8D/");
    assert_eq!(encode("a-_.~ +/"), "a-_.~%20%2B%2F");
    assert_eq!(
        canonical_headers(&pairs(&[("X-B", " 2 "), ("x-a", "1")])),
        "x-a:1\nx-b:2\n"
    );
    assert_eq!(sdk_date(1_136_214_245_000), "20060102T150405Z");
    assert_eq!(sdk_date(i64::MAX), "");
}

/// The project's own vectors: repeated keys, unicode and reserved characters in values and
/// path segments, a POST body with signed headers, temporary credentials. Expected values
/// from `sign_reference.py`.
#[test]
fn our_vectors() {
    const DATE: &str = "20261201T120000Z";
    let repeated = pairs(&[("tags", "b=2"), ("limit", "25"), ("tags", "a=1"), ("tags", "a=1 ")]);
    let reserved = pairs(&[("name", "web server/1?#&=%"), ("q", "一 (&=?!#%.*)")]);
    let post_headers = pairs(&[
        ("Content-Type", "application/json;charset=utf8"),
        ("X-Project-Id", " p1 "),
    ]);
    let page = pairs(&[("offset", "0"), ("limit", "10")]);
    let req = |method, path, query, headers, body| Unsigned {
        method,
        path,
        query,
        headers,
        body,
    };
    let cases: [Vector; 3] = [
        (
            req("GET", "/v1/p/cloudservers/detail", &repeated, &[], b""),
            DATE,
            "x-sdk-date",
            "cfa28618a54d805fc7812925ad4ac04128aa3c047e76bab72dc444053c28ecbe",
        ),
        (
            req("GET", "/v1/pröj ect/service/名前+a&b", &reserved, &[], b""),
            DATE,
            "x-sdk-date",
            "07ea2c3113d31c1d8f94eb363ab7aad2bf4cf81d62562ea69105ea4ccbe6eda9",
        ),
        (
            req(
                "POST",
                "/v3/auth/tokens",
                &[],
                &post_headers,
                b"{\"auth\":{\"identity\":{\"methods\":[\"password\"]}}}",
            ),
            DATE,
            "content-type;x-project-id;x-sdk-date",
            "674da829703d79c1b67879764d24085526841b231ee08279b627a70de3362d61",
        ),
    ];
    for (req, date, names, want) in cases {
        assert_eq!(
            signed(&req, &key(), date),
            (names.to_string(), want.to_string()),
            "{}",
            req.path
        );
    }
    let temporary = AccessKey {
        security_token: Some("sts-token".into()),
        ..key()
    };
    let req = Unsigned {
        method: "GET",
        path: "/v2/p/instances",
        query: &page,
        ..Unsigned::default()
    };
    assert_eq!(
        signed(&req, &temporary, DATE),
        (
            "x-sdk-date;x-security-token".to_string(),
            "eb1f8f07014644a6e40744e43dd68333693f988e6188752c2dcaad2c5caac574".to_string()
        )
    );
    let headers = sign(&req, &temporary, DATE);
    assert!(headers.contains(&("X-Security-Token".into(), "sts-token".into())));
    // A wrong secret signs differently; the secret shows nowhere.
    let other = AccessKey {
        secret_key: "Other".into(),
        ..key()
    };
    assert_ne!(signed(&req, &other, DATE).1, signed(&req, &key(), DATE).1);
    assert!(!format!("{temporary:?}").contains("SecretKey") && !format!("{temporary:?}").contains("sts-token"));
}

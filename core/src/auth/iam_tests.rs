//! Password sign-in: the body IAM documents, what its answers mean, and that the password
//! and the code never leave in an error; and `ApiRequest::authorize` with an AK/SK pair.

use super::iam::*;
use super::sign::{sdk_date, sign, AccessKey, Unsigned};
use crate::http::{ApiError, ApiRequest, ApiResponse, Auth};

fn sign_in(mfa: bool) -> SignIn {
    SignIn {
        domain: "acme".into(),
        user: "ops".into(),
        password: "pa\"ss w0rd".into(),
        scope: Scope::parse("cn-north-4"),
        mfa: mfa.then(|| Mfa {
            user_id: "u-1".into(),
            passcode: "123456".into(),
        }),
    }
}

fn resp(status: u16, body: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse {
        status,
        retry_after: None,
        body: body.into(),
    })
}

#[test]
fn the_body_is_what_iam_documents() {
    let body: serde_json::Value = serde_json::from_str(&sign_in(false).body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"auth":{"identity":{"methods":["password"],"password":{"user":{
            "name":"ops","password":"pa\"ss w0rd","domain":{"name":"acme"}}}},
            "scope":{"project":{"name":"cn-north-4"}}}})
    );
    let body: serde_json::Value = serde_json::from_str(&sign_in(true).body()).unwrap();
    assert_eq!(
        body["auth"]["identity"]["methods"],
        serde_json::json!(["password", "totp"])
    );
    assert_eq!(
        body["auth"]["identity"]["totp"],
        serde_json::json!({"user":{"id":"u-1","passcode":"123456"}})
    );
    let id = "0123456789abcdef0123456789ABCDEF";
    assert_eq!(Scope::parse(id), Scope::Id(id.into()));
    assert_eq!(Scope::parse(" cn-east-3 "), Scope::Name("cn-east-3".into()));
    let req = sign_in(false).request();
    assert_eq!((req.method, req.path.as_str()), ("POST", "/v3/auth/tokens"));
    assert!(req.query.is_empty(), "nothing of the sign-in goes in the URL");
    let shown = format!("{:?}", sign_in(true));
    assert!(!shown.contains("w0rd") && !shown.contains("123456"), "{shown}");
}

#[test]
fn a_token_comes_from_the_header_and_its_facts_from_the_body() {
    let body = r#"{"token":{"expires_at":"2026-01-02T03:04:05.000000Z","project":{"id":"p-9","name":"cn-north-4"},"user":{"id":"u-1","name":"ops"}}}"#;
    let ok = read_answer(&sign_in(false), resp(201, body), Some("MIItoken".into())).unwrap();
    assert_eq!(ok.token, "MIItoken");
    assert_eq!(ok.expires_at_ms, Some(1_767_323_045_000));
    assert_eq!(ok.project_id.as_deref(), Some("p-9"));
    assert_eq!(ok.user_id.as_deref(), Some("u-1"));
    assert!(!format!("{ok:?}").contains("MIItoken"));
    // What arrived is used as far as it can be read.
    for odd in [
        "",
        "null",
        "[]",
        r#"{"token":{"expires_at":"","project":"p"}}"#,
        "{\"token\":",
    ] {
        let ok = read_answer(&sign_in(false), resp(201, odd), Some("t".into())).unwrap();
        assert_eq!((ok.expires_at_ms, ok.project_id.as_deref()), (None, None), "{odd}");
    }
    let Err(SignInFailure::Failed(ApiError::Decode(m))) = read_answer(&sign_in(false), resp(201, body), None) else {
        panic!("no header, no token")
    };
    assert!(m.contains("X-Subject-Token"), "{m}");
}

#[test]
fn iam_asking_for_a_code_is_told_apart_from_a_wrong_password() {
    let ask = r#"{"error":{"code":401,"message":"The verification code is required: login protection (virtual MFA) is on for this user.","title":"Unauthorized"}}"#;
    assert!(matches!(
        read_answer(&sign_in(false), resp(401, ask), None),
        Err(SignInFailure::NeedsMfa(_))
    ));
    let wrong_code = r#"{"error":{"code":401,"message":"The verification code is wrong.","title":"Unauthorized"}}"#;
    assert!(matches!(
        read_answer(&sign_in(true), resp(401, wrong_code), None),
        Err(SignInFailure::Failed(_))
    ));
    // A server that echoes the password and the code: neither is shown.
    let echo = r#"{"error":{"code":401,"message":"The username or password is wrong: pa\"ss w0rd / 123456","title":"Unauthorized"}}"#;
    let Err(SignInFailure::Failed(e)) = read_answer(&sign_in(true), resp(401, echo), None) else {
        panic!("a wrong password fails")
    };
    let text = e.to_string();
    assert!(!text.contains("w0rd") && !text.contains("123456"), "{text}");
    let net = read_answer(
        &sign_in(false),
        Err(ApiError::Network("refused pa\"ss w0rd".into())),
        None,
    );
    assert!(matches!(net, Err(SignInFailure::Failed(ApiError::Network(m))) if !m.contains("w0rd")));
}

fn key(token: Option<&str>) -> AccessKey {
    AccessKey {
        access_key: "AK1".into(),
        secret_key: "SK1".into(),
        security_token: token.map(Into::into),
    }
}

fn header<'a>(req: &'a ApiRequest, name: &str) -> Option<&'a str> {
    req.headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

#[test]
fn authorize_signs_the_service_path_the_query_and_the_headers_that_pass_a_proxy() {
    let now = 1_767_225_600_000;
    let auth = Auth::Signed {
        key: key(Some("tmp-token")),
        project_id: Some("p 1".into()),
    };
    let req = ApiRequest::get("/v1/p%201/instances".into())
        .param("name", "a b")
        .param("limit", "2")
        .authorize(&auth, now);
    assert_eq!(header(&req, "X-Sdk-Date"), Some("20260101T000000Z"));
    assert_eq!(header(&req, "X-Project-Id"), Some("p 1"));
    assert_eq!(header(&req, "X-Security-Token"), Some("tmp-token"));
    let authz = header(&req, "Authorization").unwrap();
    assert!(
        authz.starts_with(
            "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=x-project-id;x-sdk-date;x-security-token, Signature="
        ),
        "{authz}"
    );
    // The same as signing the decoded path by hand: the path below the base URL, never a
    // proxy prefix, no host, no user-agent.
    let by_hand = sign(
        &Unsigned {
            method: "GET",
            path: "/v1/p 1/instances",
            query: &[("name".into(), "a b".into()), ("limit".into(), "2".into())],
            headers: &[("X-Project-Id".into(), "p 1".into())],
            body: b"",
        },
        &key(Some("tmp-token")),
        &sdk_date(now),
    );
    assert_eq!(Some(by_hand[1].1.as_str()), Some(authz));
    assert!(header(&req, "X-Auth-Token").is_none());
    // A POST body and its content type are signed too.
    let post = ApiRequest::post_json("/v3/x".into(), "{}".into()).authorize(
        &Auth::Signed {
            key: key(None),
            project_id: None,
        },
        now,
    );
    assert!(header(&post, "Authorization")
        .unwrap()
        .contains("SignedHeaders=content-type;x-sdk-date,"));
    assert_eq!(auth.secrets(), ["SK1", "tmp-token"]);
    assert!(!format!("{auth:?}").contains("SK1"));
}

#[test]
fn no_credentials_show_in_debug() {
    let secrets = ["MIItok-3f9a", "bearer-77c1", "SK-d41d8", "sec-token-e3b0"];
    let all = [
        Auth::AuthToken(secrets[0].into()),
        Auth::Bearer(secrets[1].into()),
        Auth::Signed {
            key: AccessKey {
                access_key: "AK-visible".into(),
                secret_key: secrets[2].into(),
                security_token: Some(secrets[3].into()),
            },
            project_id: Some("p-visible".into()),
        },
    ];
    for auth in &all {
        for shown in [format!("{auth:?}"), format!("{auth:#?}"), format!("{:?}", Some(auth))] {
            for s in secrets {
                assert!(!shown.contains(s), "{s} in {shown}");
            }
            assert!(shown.contains("[secret]"), "{shown}");
        }
    }
    let shown = format!("{:?}", all[2]);
    assert!(shown.contains("AK-visible") && shown.contains("p-visible"), "{shown}");
    assert!(format!("{:?}", all[1]).starts_with("Bearer("));
    let signed = SignedIn {
        token: secrets[0].into(),
        expires_at_ms: None,
        project_id: None,
        user_id: None,
    };
    assert!(!format!("{signed:?}").contains(secrets[0]));
}

#[test]
fn an_authorized_request_or_a_sign_in_shows_no_secret_in_debug() {
    let token = Auth::AuthToken("MIItok-3f9a".into());
    let bearer = Auth::Bearer("bearer-77c1".into());
    let signed = Auth::Signed {
        key: AccessKey {
            access_key: "AK-visible".into(),
            secret_key: "SK-d41d8".into(),
            security_token: Some("sec-token-e3b0".into()),
        },
        project_id: None,
    };
    let get = || ApiRequest::get("/v1/p/instances".into());
    for (auth, secret) in [
        (&token, "MIItok-3f9a"),
        (&bearer, "bearer-77c1"),
        (&signed, "sec-token-e3b0"),
    ] {
        let req = get().authorize(auth, 1_767_225_600_000);
        let shown = format!("{req:?}");
        assert!(!shown.contains(secret), "{shown}");
        assert!(
            shown.contains("[secret]") && shown.contains("/v1/p/instances"),
            "{shown}"
        );
        if let Some((_, value)) = req.headers.iter().find(|(n, _)| n == "Authorization") {
            assert!(!shown.contains(value.as_str()), "the signature in {shown}");
        }
    }
    // A sign-in's body holds the password and the code: shown by its size only.
    let shown = format!("{:?}", sign_in(true).request());
    assert!(!shown.contains("w0rd") && !shown.contains("123456"), "{shown}");
}

#[test]
fn a_token_without_a_readable_expiry_is_taken_to_last_the_documented_24_hours() {
    let received = 1_767_225_600_000; // 2026-01-01T00:00:00Z
    let day = 24 * 60 * 60 * 1000;
    assert_eq!(TOKEN_LIFETIME_MS, day);
    let answer = |body: &str| read_answer(&sign_in(false), resp(201, body), Some("t".into())).unwrap();
    // IAM's word, when it can be read.
    let stated = answer(r#"{"token":{"expires_at":"2026-01-01T20:00:00.000000Z"}}"#);
    assert_eq!(
        stated.expiry(received),
        Expiry {
            at_ms: received + 20 * 60 * 60 * 1000,
            assumed: false
        }
    );
    // Unreadable, missing, or a body that is not IAM's: 24 hours from arrival, said so.
    for odd in [
        "",
        "{}",
        r#"{"token":{}}"#,
        r#"{"token":{"expires_at":"tomorrow"}}"#,
        r#"{"token":{"expires_at":null}}"#,
        r#"{"token":{"expires_at":12}}"#,
    ] {
        assert_eq!(
            answer(odd).expiry(received),
            Expiry {
                at_ms: received + day,
                assumed: true
            },
            "{odd}"
        );
    }
    // Past the documented lifetime (beyond the clocks' slack): the documented lifetime.
    let far = answer(r#"{"token":{"expires_at":"9999-12-31T23:59:59.000000Z"}}"#);
    assert_eq!(
        far.expiry(received),
        Expiry {
            at_ms: received + day,
            assumed: true
        }
    );
    let skewed = answer(r#"{"token":{"expires_at":"2026-01-02T00:10:00.000000Z"}}"#);
    assert!(
        !skewed.expiry(received).assumed,
        "a few minutes of clock difference are IAM's word"
    );
}

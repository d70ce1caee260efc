//! The app's two sign-in paths against cloudsim, whose IAM and AK/SK verifier are written
//! apart from the core's code (no shared signing code): a password sign-in's token works on
//! every Huawei service, and requests the core signs — odd paths, repeated keys, unicode and
//! reserved characters, temporary credentials, a body — pass the independent verifier,
//! while a wrong key, an unknown key and a skewed clock are refused with the gateway's code.

mod common;

use common::call;
use skyglass_core::auth::iam::{read_answer, Scope, SignIn, TOKENS_PATH};
use skyglass_core::auth::sign::AccessKey;
use skyglass_core::http::{decode_error, ApiRequest, Auth};
use skyglass_core::service::ListQuery;
use skyglass_core::services;

const NOW: i64 = 1_767_225_600_000;

fn cloud() -> cloudsim::Cloud {
    cloudsim::Cloud::new(cloudsim::Config {
        token: "tok".into(),
        project_id: "proj".into(),
        start_ms: NOW,
        users: vec![cloudsim::IamUser {
            domain: "acme".into(),
            name: "ops".into(),
            password: "Pa ss&w0rd=\"".into(),
            id: "u-ops".into(),
            ..Default::default()
        }],
        access_keys: vec![
            cloudsim::KeyPair {
                access_key: "AK1".into(),
                secret_key: "SK1".into(),
                security_token: None,
            },
            cloudsim::KeyPair {
                access_key: "TMPAK".into(),
                secret_key: "TMPSK".into(),
                security_token: Some("sec/token+=".into()),
            },
        ],
        ..Default::default()
    })
}

fn signed(ak: &str, sk: &str, token: Option<&str>) -> Auth {
    Auth::Signed {
        key: AccessKey {
            access_key: ak.into(),
            secret_key: sk.into(),
            security_token: token.map(Into::into),
        },
        project_id: Some("proj".into()),
    }
}

/// The first page of every Huawei list service with `auth` (signed at `now`), as the cloud
/// answers at `now`: the statuses.
fn list_statuses(c: &cloudsim::Cloud, auth: &Auth, now: i64) -> Vec<(String, u16)> {
    list_statuses_at(c, auth, now, now)
}

fn list_statuses_at(c: &cloudsim::Cloud, auth: &Auth, signed_at: i64, now: i64) -> Vec<(String, u16)> {
    ["clouddc", "roma", "ecs"]
        .iter()
        .map(|key| {
            let api = services::list(key).unwrap();
            let req = api
                .request(&ListQuery::first(api.list()), "proj")
                .authorize(auth, signed_at);
            (key.to_string(), call(c, &req, now).status)
        })
        .collect()
}

#[test]
fn a_password_sign_in_gets_a_token_every_huawei_service_takes() {
    let c = cloud();
    let sign_in = SignIn {
        domain: "acme".into(),
        user: "ops".into(),
        password: "Pa ss&w0rd=\"".into(),
        scope: Scope::Name("cn-north-4".into()),
        mfa: None,
    };
    let req = sign_in.request();
    assert_eq!(req.path, TOKENS_PATH);
    let sim = cloudsim::Request {
        method: req.method.into(),
        path: req.path.clone(),
        query: String::new(),
        headers: req.headers.clone(),
        body: req.body.clone(),
    };
    let resp = c.handle(&sim, NOW);
    assert_eq!(resp.status, 201, "{}", resp.body);
    let header = resp.header("X-Subject-Token").map(str::to_string);
    let answer = skyglass_core::http::ApiResponse {
        status: resp.status,
        retry_after: None,
        body: resp.body,
    };
    let ok = read_answer(&sign_in, Ok(answer), header).unwrap();
    assert_eq!(ok.project_id.as_deref(), Some("proj"));
    assert!(ok.expires_at_ms.is_some_and(|e| e > NOW));
    let auth = Auth::AuthToken(ok.token);
    for (key, status) in list_statuses(&c, &auth, NOW + 60_000) {
        assert_eq!(status, 200, "{key}");
    }
    // After it expires, every service refuses it.
    let later = ok.expires_at_ms.unwrap() + 1;
    for (key, status) in list_statuses(&c, &auth, later) {
        assert_eq!(status, 401, "{key}");
    }
}

#[test]
fn requests_the_core_signs_pass_the_independent_verifier() {
    let c = cloud();
    for (key, status) in list_statuses(&c, &signed("AK1", "SK1", None), NOW) {
        assert_eq!(status, 200, "{key}");
    }
    for (key, status) in list_statuses(&c, &signed("TMPAK", "TMPSK", Some("sec/token+=")), NOW) {
        assert_eq!(status, 200, "{key}: temporary credentials");
    }
    // Filters with unicode, reserved characters and spaces; a repeated key.
    let ecs = services::list("ecs").unwrap();
    let q = ListQuery::first(ecs.list());
    let mut req = ecs.request(&q, "proj");
    req.query.push(("name".into(), "一 (&=?!#%.*) ~x".into()));
    req.query.push(("tags".into(), "b=2".into()));
    req.query.push(("tags".into(), "a=1".into()));
    let resp = call(&c, &req.authorize(&signed("AK1", "SK1", None), NOW), NOW);
    assert_ne!(resp.status, 401, "{}", resp.body);
    // ImageSearch: an instance name in the path, percent-encoded.
    let path = format!("/v1/proj/service/{}", skyglass_core::http::encode("a b+ü"));
    let resp = call(
        &c,
        &ApiRequest::get(path).authorize(&signed("AK1", "SK1", None), NOW),
        NOW,
    );
    assert_ne!(resp.status, 401, "{}", resp.body);
}

#[test]
fn wrong_unknown_and_skewed_signatures_are_refused_with_the_gateways_code() {
    let c = cloud();
    let cases = [
        (signed("AK1", "not-SK1", None), NOW, "verify aksk signature fail"),
        (signed("NOPE", "SK1", None), NOW, "ak not exist"),
        (signed("AK1", "SK1", None), NOW - 16 * 60_000, "15 minutes"),
        (signed("AK1", "SK1", None), NOW + 16 * 60_000, "15 minutes"),
        (signed("TMPAK", "TMPSK", Some("other")), NOW, ""),
        (signed("TMPAK", "TMPSK", None), NOW, ""),
    ];
    for (auth, signed_at, says) in cases {
        for key in ["clouddc", "roma", "ecs"] {
            let api = services::list(key).unwrap();
            let req = api
                .request(&ListQuery::first(api.list()), "proj")
                .authorize(&auth, signed_at);
            let resp = call(&c, &req, NOW);
            assert_eq!(resp.status, 401, "{key} {says}");
            let e = decode_error(&resp);
            let text = e.to_string();
            assert!(text.contains("APIGW.0301") && text.contains(says), "{key}: {text}");
        }
    }
    // A signature 14 minutes old is still good.
    for (key, status) in list_statuses_at(&c, &signed("AK1", "SK1", None), NOW - 14 * 60_000, NOW) {
        assert_eq!(status, 200, "{key}");
    }
}

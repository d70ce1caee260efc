//! AK/SK signatures at the services: every X-Auth-Token service takes them, a failed one is
//! the gateway's 401 `APIGW.0301` whatever the service, ByCloud takes its Bearer token only,
//! and an `X-Auth-Token` decides before a signature.

mod aksk_support;
mod common;

use aksk_support::*;
use cloudsim::{Cloud, Config};
use common::*;

#[test]
fn the_x_auth_token_services_take_signed_requests() {
    let cloud = signed_cloud();
    let services = [
        (LIST, "limit=2", "/v1/demo-project/instances/", "limit=2"),
        (
            "/v2/demo-project/instances",
            "limit=2",
            "/v2/demo-project/instances/",
            "limit=2",
        ),
        (
            "/v1/demo-project/service/imagesearch-03%20copy",
            "",
            "/v1/demo-project/service/imagesearch-03%20copy/",
            "",
        ),
        (
            "/v1/demo-project/cloudservers/detail",
            "limit=2&name=web+1",
            "/v1/demo-project/cloudservers/detail/",
            "limit=2&name=web%201",
        ),
    ];
    for (path, query, uri, canonical_q) in services {
        let req = signed_get(path, query, uri, canonical_q);
        let (status, body) = send(&cloud, &req, START_MS);
        assert_eq!(status, 200, "{path}: {body}");
        // A failed signature is the gateway's 401, whatever the service.
        let mut forged = req.clone();
        forged.query.push_str("&x=1");
        let (status, body) = send(&cloud, &forged, START_MS);
        assert_eq!(status, 401, "{path}: {body}");
        assert_gateway_401(&body, "verify aksk signature fail");
        let (status, body) = send(&cloud, &req, START_MS + 16 * MINUTE);
        assert_eq!(status, 401, "{path}: {body}");
        assert_gateway_401(&body, "the X-Sdk-Date is more than 15 minutes from the server time");
        let mut unknown = req.clone();
        unknown.headers[1].1 = unknown.headers[1].1.replace(AK, "NoSuchKey");
        let (status, body) = send(&cloud, &unknown, START_MS);
        assert_eq!(status, 401, "{path}: {body}");
        assert_gateway_401(&body, "Get secretKey failed,ak:NoSuchKey,err:ak not exist");
    }
    // Without key pairs configured, every key is unknown.
    let none = Cloud::new(Config {
        instances: 30,
        ..Config::default()
    });
    let (status, body) = send(
        &none,
        &signed_get(LIST, "", "/v1/demo-project/instances/", ""),
        START_MS,
    );
    assert_eq!(status, 401);
    assert_gateway_401(&body, "Get secretKey failed,ak:AccessKey,err:ak not exist");
}

#[test]
fn bycloud_takes_bearer_tokens_only() {
    let req = signed_get("/v1/instances", "", "/v1/instances/", "");
    let (status, body) = send(&signed_cloud(), &req, START_MS);
    assert_eq!(status, 401, "{body}");
    assert_eq!(body["error"]["message"], "Authentication required or token invalid");
}

#[test]
fn a_token_header_decides_before_a_signature() {
    let cloud = signed_cloud();
    let mut req = signed_get(LIST, "", "/v1/demo-project/instances/", "");
    req.headers.push(("X-Auth-Token".into(), "wrong".into()));
    let (status, body) = send(&cloud, &req, START_MS);
    assert_eq!(status, 401);
    assert_eq!(body["error_code"], "APIGW.0301");
    assert_eq!(
        body["error_msg"],
        "Incorrect IAM authentication information: decrypt token fail"
    );
    req.headers.last_mut().unwrap().1 = TOKEN.into();
    assert_eq!(
        send(&cloud, &req, START_MS + 60 * MINUTE).0,
        200,
        "the token is good; the date is not looked at"
    );
}

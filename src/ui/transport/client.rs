//! A connection ready to call: requests go over `fetch` (gloo-net) with an abort signal,
//! or, for a Demo connection, to the cloudsim library running inside the page. Requests
//! are authorized as they leave (a token header, or an AK/SK signature made at that
//! moment), and every error is scrubbed of the connection's secrets before it comes back.

use super::demo;
use crate::connection::Connection;
use skyglass_core::auth::iam::{read_answer, SignIn, SignInFailure, SignedIn, SUBJECT_TOKEN_HEADER};
use skyglass_core::http::{body_text, ApiError, ApiRequest, ApiResponse, Auth};
use web_sys::AbortSignal;

/// A connection ready to call: where to send and how to authenticate.
#[derive(Clone, Debug, PartialEq)]
pub struct Client {
    pub conn: Connection,
    pub auth: Auth,
}

impl Client {
    /// A client that calls with `token` in the service's scheme.
    pub fn new(conn: Connection, token: String) -> Client {
        let auth = conn.auth(token);
        Client { conn, auth }
    }

    /// Sends `req` with the connection's credentials; no secret appears in what comes
    /// back as an error. At most [`crate::limiter::MAX_IN_FLIGHT`] requests per
    /// connection are under way at once; the rest wait.
    pub async fn send(&self, req: ApiRequest, signal: Option<&AbortSignal>) -> Result<ApiResponse, ApiError> {
        let _slot = crate::limiter::acquire(&self.conn.id).await;
        if signal.is_some_and(|s| s.aborted()) {
            return Err(ApiError::Aborted);
        }
        // Signed after the wait for a slot, so that X-Sdk-Date is the moment it leaves.
        let req = req.authorize(&self.auth, js_sys::Date::now() as i64);
        let result = if self.conn.demo {
            demo::send(req).await.map(|(resp, _)| resp)
        } else {
            send_http(&self.conn.base_url, &req, signal, None)
                .await
                .map(|(resp, _)| resp)
        };
        result.map_err(|e| e.redact_all(&self.auth.secrets()))
    }
}

/// Signs in to IAM at `iam_url` (an absolute URL or a same-origin proxy path; a Demo
/// connection's IAM is its simulated cloud's): `POST /v3/auth/tokens`, the token read from
/// the `X-Subject-Token` header. Nothing of `sign_in` is kept.
pub async fn sign_in(conn: &Connection, iam_url: &str, sign_in: &SignIn) -> Result<SignedIn, SignInFailure> {
    let req = sign_in.request();
    let answer = if conn.demo {
        demo::send(req).await
    } else {
        send_http(iam_url, &req, None, Some(SUBJECT_TOKEN_HEADER)).await
    };
    let (resp, token) = match answer {
        Ok((resp, token)) => (Ok(resp), token),
        Err(e) => (Err(e), None),
    };
    read_answer(sign_in, resp, token)
}

/// Sends `req` below `base`; also returns the value of response header `wanted`.
async fn send_http(
    base: &str,
    req: &ApiRequest,
    signal: Option<&AbortSignal>,
    wanted: Option<&str>,
) -> Result<(ApiResponse, Option<String>), ApiError> {
    let url = req.url(base);
    let mut builder = gloo_net::http::RequestBuilder::new(&url).method(match req.method {
        "POST" => gloo_net::http::Method::POST,
        _ => gloo_net::http::Method::GET,
    });
    for (k, v) in &req.headers {
        builder = builder.header(k, v);
    }
    let builder = builder.abort_signal(signal);
    let sent = if req.body.is_empty() {
        builder.send().await
    } else {
        match builder.body(req.body.clone()) {
            Ok(r) => r.send().await,
            Err(e) => Err(e),
        }
    };
    let aborted = || signal.is_some_and(|s| s.aborted());
    let resp = match sent {
        Ok(r) => r,
        Err(_) if aborted() => return Err(ApiError::Aborted),
        Err(e) => return Err(ApiError::Network(network_message(&e))),
    };
    let status = resp.status();
    let retry_after = resp.headers().get("retry-after");
    let header = wanted.and_then(|h| resp.headers().get(h));
    // The body as bytes, decoded here: `text()` would decode the UTF-8 to a JS string only
    // for it to be encoded back into WASM memory (a third of a 1,000-instance page's decode).
    match resp.binary().await {
        Ok(bytes) => Ok((
            ApiResponse {
                status,
                retry_after,
                body: body_text(bytes),
            },
            header,
        )),
        Err(_) if aborted() => Err(ApiError::Aborted),
        Err(e) => Err(ApiError::Network(format!(
            "the response was cut off ({})",
            network_message(&e)
        ))),
    }
}

fn network_message(e: &gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(js) => format!("{}: {}", js.name, js.message),
        other => other.to_string(),
    }
}

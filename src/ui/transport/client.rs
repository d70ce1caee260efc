//! A connection ready to call: requests go over `fetch` (gloo-net) with an abort signal,
//! or, for a Demo connection, to the cloudsim library running inside the page. Requests
//! are authorized as they leave (a token header, or an AK/SK signature made at that
//! moment), and every answer — its body, before anything decodes or cuts it — and every
//! error is scrubbed of the request's secrets before it comes back ([`Scrubber`]): a
//! gateway that repeats `X-Auth-Token` or a signature in its error message shows nothing.

use super::demo;
use crate::connection::Connection;
use skyglass_core::auth::iam::{read_answer, SignIn, SignInFailure, SignedIn, SUBJECT_TOKEN_HEADER};
use skyglass_core::http::{body_text, ApiError, ApiRequest, ApiResponse, Auth, Scrubber};
use web_sys::AbortSignal;

/// A connection ready to call: where to send and how to authenticate. Its `Debug` names
/// the kind of credentials, never their secret part.
#[derive(Clone, PartialEq)]
pub struct Client {
    pub conn: Connection,
    pub auth: Auth,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let auth = match &self.auth {
            Auth::AuthToken(_) => "X-Auth-Token (redacted)".to_string(),
            Auth::Bearer(_) => "Bearer token (redacted)".to_string(),
            Auth::Signed { key, .. } => format!("AK/SK, access key {} (secret redacted)", key.access_key),
        };
        f.debug_struct("Client")
            .field("conn", &self.conn)
            .field("auth", &auth)
            .finish()
    }
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
        let scrubber = Scrubber::for_request(&req, &self.auth.secrets());
        exchange(&self.conn, &self.conn.base_url, req, signal, None, &scrubber)
            .await
            .map(|(resp, _)| resp)
    }
}

/// Signs in to IAM at `iam_url` (an absolute URL or a same-origin proxy path; a Demo
/// connection's IAM is its simulated cloud's): `POST /v3/auth/tokens`, the token read from
/// the `X-Subject-Token` header. Nothing of `sign_in` is kept.
pub async fn sign_in(conn: &Connection, iam_url: &str, sign_in: &SignIn) -> Result<SignedIn, SignInFailure> {
    let req = sign_in.request();
    let scrubber = Scrubber::for_request(&req, &sign_in.secrets());
    let answer = exchange(conn, iam_url, req, None, Some(SUBJECT_TOKEN_HEADER), &scrubber).await;
    let (resp, token) = match answer {
        Ok((resp, token)) => (Ok(resp), token),
        Err(e) => (Err(e), None),
    };
    read_answer(sign_in, resp, token)
}

/// Sends `req` to `conn`'s Demo cloud or over `fetch` below `base`, and returns the answer
/// with `scrubber`'s secrets removed from its body (and any error): the one place every
/// answer passes, before anything reads it. Also returns the value of response header
/// `wanted` (a sign-in's new token: not scrubbed, it is what was asked for).
async fn exchange(
    conn: &Connection,
    base: &str,
    req: ApiRequest,
    signal: Option<&AbortSignal>,
    wanted: Option<&str>,
    scrubber: &Scrubber,
) -> Result<(ApiResponse, Option<String>), ApiError> {
    let answer = if conn.demo {
        demo::send(req).await
    } else {
        send_http(base, &req, signal, wanted).await
    };
    match answer {
        Ok((resp, header)) => Ok((scrubber.response(resp), header)),
        Err(e) => Err(scrubber.error(e)),
    }
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

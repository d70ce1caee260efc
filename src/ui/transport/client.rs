//! A connection ready to call: requests go over `fetch` (gloo-net) with an abort signal,
//! or, for a Demo connection, to the cloudsim library running inside the page.

use super::demo;
use crate::connection::Connection;
use skyglass_core::http::{body_text, ApiError, ApiRequest, ApiResponse, Auth};
use web_sys::AbortSignal;

/// A connection ready to call: where to send and how to authenticate.
#[derive(Clone, Debug, PartialEq)]
pub struct Client {
    pub conn: Connection,
    pub auth: Auth,
}

impl Client {
    pub fn new(conn: Connection, token: String) -> Client {
        let auth = conn.auth(token);
        Client { conn, auth }
    }

    /// Sends `req` with the connection's credentials; the token never appears in what
    /// comes back as an error. At most [`crate::limiter::MAX_IN_FLIGHT`] requests per
    /// connection are under way at once; the rest wait.
    pub async fn send(&self, req: ApiRequest, signal: Option<&AbortSignal>) -> Result<ApiResponse, ApiError> {
        let req = req.with_auth(&self.auth);
        let _slot = crate::limiter::acquire(&self.conn.id).await;
        if signal.is_some_and(|s| s.aborted()) {
            return Err(ApiError::Aborted);
        }
        let result = if self.conn.demo {
            demo::send(&req)
        } else {
            send_http(&self.conn.base_url, &req, signal).await
        };
        result.map_err(|e| e.redact(self.auth.secret()))
    }
}

async fn send_http(base: &str, req: &ApiRequest, signal: Option<&AbortSignal>) -> Result<ApiResponse, ApiError> {
    let url = req.url(base);
    let mut builder = gloo_net::http::RequestBuilder::new(&url).method(match req.method {
        "POST" => gloo_net::http::Method::POST,
        _ => gloo_net::http::Method::GET,
    });
    for (k, v) in &req.headers {
        builder = builder.header(k, v);
    }
    let sent = builder.abort_signal(signal).send().await;
    let aborted = || signal.is_some_and(|s| s.aborted());
    let resp = match sent {
        Ok(r) => r,
        Err(_) if aborted() => return Err(ApiError::Aborted),
        Err(e) => return Err(ApiError::Network(network_message(&e))),
    };
    let status = resp.status();
    let retry_after = resp.headers().get("retry-after");
    // The body as bytes, decoded here: `text()` would decode the UTF-8 to a JS string only
    // for it to be encoded back into WASM memory (a third of a 1,000-instance page's decode).
    match resp.binary().await {
        Ok(bytes) => Ok(ApiResponse {
            status,
            retry_after,
            body: body_text(bytes),
        }),
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

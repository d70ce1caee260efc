//! Executes API requests in the browser: over `fetch` (gloo-net) with an abort signal,
//! or, for the Demo connection, by the cloudsim library running inside the page.

use crate::api::http::{body_text, ApiError, ApiRequest, ApiResponse, Auth};
use crate::connection::Connection;
use web_sys::AbortSignal;

/// A connection ready to call: where to send and how to authenticate.
#[derive(Clone, Debug, PartialEq)]
pub struct Client {
    pub conn: Connection,
    pub auth: Auth,
}

impl Client {
    pub fn new(conn: Connection, token: String) -> Client {
        let auth = conn.service.auth(token);
        Client { conn, auth }
    }

    /// Sends `req`; the token never appears in what comes back as an error. At most
    /// [`crate::limiter::MAX_IN_FLIGHT`] requests per connection are under way at once; the rest wait.
    pub async fn send(&self, req: ApiRequest, signal: Option<&AbortSignal>) -> Result<ApiResponse, ApiError> {
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

#[cfg(feature = "demo")]
pub mod demo {
    //! The Demo cloud: one cloudsim fleet for the page's lifetime, evolving live.
    use super::*;
    use crate::connection::{DEMO_PROJECT, DEMO_TOKEN};
    use std::rc::Rc;

    thread_local! {
        static CLOUD: Rc<cloudsim::Cloud> = Rc::new(cloudsim::Cloud::new(cloudsim::Config {
            instances: 240,
            seed: 2026,
            token: DEMO_TOKEN.into(),
            project_id: DEMO_PROJECT.into(),
            start_ms: js_sys::Date::now() as i64,
            marker_style: cloudsim::MarkerStyle::Bare,
            faults: cloudsim::Faults::default(),
        }));
    }

    /// The page's simulated cloud.
    pub fn cloud() -> Rc<cloudsim::Cloud> {
        CLOUD.with(Rc::clone)
    }

    /// Names the Demo cloud's ImageSearch knows, to suggest in the lookup.
    pub fn imagesearch_names() -> Vec<String> {
        cloudsim::imagesearch_names(cloud().config())
    }

    thread_local! {
        /// The last calls' query strings (at most 1,000), for tests and diagnostics.
        static CALLS: std::cell::RefCell<std::collections::VecDeque<String>> = Default::default();
    }

    /// How many of the Demo cloud's last calls had `needle` in their query.
    pub fn calls_with(needle: &str) -> usize {
        CALLS.with(|c| c.borrow().iter().filter(|q| q.contains(needle)).count())
    }

    pub fn send(req: &ApiRequest) -> Result<ApiResponse, ApiError> {
        CALLS.with(|c| {
            let mut log = c.borrow_mut();
            if log.len() >= 1_000 {
                log.pop_front();
            }
            log.push_back(req.query_string());
        });
        let sim_req = cloudsim::Request {
            method: req.method.into(),
            path: req.path.clone(),
            query: req.query_string(),
            headers: req.headers.clone(),
        };
        let resp = cloud().handle(&sim_req, js_sys::Date::now() as i64);
        let retry_after = resp
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("retry-after"))
            .map(|(_, v)| v.clone());
        Ok(ApiResponse {
            status: resp.status,
            retry_after,
            body: resp.body,
        })
    }
}

#[cfg(not(feature = "demo"))]
pub mod demo {
    use super::*;
    pub fn imagesearch_names() -> Vec<String> {
        Vec::new()
    }
    pub fn send(_: &ApiRequest) -> Result<ApiResponse, ApiError> {
        Err(ApiError::Network(
            "this build has no Demo cloud (built without the `demo` feature)".into(),
        ))
    }
}

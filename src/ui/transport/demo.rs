//! The Demo cloud: one cloudsim fleet for the page's lifetime, evolving live. Its ids are
//! derived from a fixed epoch, so they stay the same across reloads (deep links work);
//! only the states move with time.

#[cfg(feature = "demo")]
mod inside {
    use crate::connection::{DEMO_PROJECT, DEMO_TOKEN};
    use skyglass_core::http::{ApiError, ApiRequest, ApiResponse};
    use std::rc::Rc;

    const DEMO_EPOCH_MS: i64 = 1_767_225_600_000; // 2026-01-01T00:00Z: ids stay stable across reloads

    thread_local! {
        static CLOUD: Rc<cloudsim::Cloud> = Rc::new(cloudsim::Cloud::new(cloudsim::Config {
            instances: 240,
            seed: 2026,
            token: DEMO_TOKEN.into(),
            project_id: DEMO_PROJECT.into(),
            start_ms: js_sys::Date::now() as i64,
            epoch_ms: Some(DEMO_EPOCH_MS),
            ..cloudsim::Config::default()
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

#[cfg(feature = "demo")]
pub use inside::*;

#[cfg(not(feature = "demo"))]
mod absent {
    use skyglass_core::http::{ApiError, ApiRequest, ApiResponse};
    pub fn imagesearch_names() -> Vec<String> {
        Vec::new()
    }
    pub fn send(_: &ApiRequest) -> Result<ApiResponse, ApiError> {
        Err(ApiError::Network(
            "this build has no Demo cloud (built without the `demo` feature)".into(),
        ))
    }
}

#[cfg(not(feature = "demo"))]
pub use absent::*;

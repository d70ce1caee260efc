//! The Demo cloud: one cloudsim fleet for the page's lifetime, evolving live. Its ids are
//! derived from a fixed epoch, so they stay the same across reloads (deep links work);
//! only the states move with time. The cloud's code (the cloudsim library) is split off
//! ([`crate::ui::lazy`]): it loads with the first call to a Demo connection.

#[cfg(feature = "demo")]
use skyglass_core::http::{ApiError, ApiRequest, ApiResponse};

#[cfg(feature = "demo")]
mod inside {
    use crate::connection::{DEMO_PROJECT, DEMO_TOKEN};
    use crate::ui::lazy::maybe_lazy;
    use skyglass_core::http::{ApiError, ApiRequest, ApiResponse};
    use std::rc::Rc;

    const DEMO_EPOCH_MS: i64 = 1_767_225_600_000; // 2026-01-01T00:00Z: ids stay stable across reloads

    /// The Demo cloud's IAM: account `demo`, users `demo-user` and `mfa-user` (virtual MFA,
    /// user id `demo-mfa-user-id`), both with this password. Simulated: nothing secret.
    pub const DEMO_PASSWORD: &str = "demo-password";
    /// The MFA code `mfa-user` signs in with.
    pub const DEMO_MFA_CODE: &str = "123456";
    /// The Demo cloud's access key pair (simulated: nothing secret).
    pub const DEMO_ACCESS_KEY: &str = "DEMOACCESSKEY";
    pub const DEMO_SECRET_KEY: &str = "demo-secret-key";

    fn user(name: &str, id: &str, mfa: Option<&str>) -> cloudsim::IamUser {
        cloudsim::IamUser {
            domain: "demo".into(),
            name: name.into(),
            password: DEMO_PASSWORD.into(),
            id: id.into(),
            mfa_passcode: mfa.map(Into::into),
            token_ttl_ms: None,
        }
    }

    thread_local! {
        static CLOUD: Rc<cloudsim::Cloud> = Rc::new(cloudsim::Cloud::new(cloudsim::Config {
            instances: 240,
            seed: 2026,
            token: DEMO_TOKEN.into(),
            project_id: DEMO_PROJECT.into(),
            users: vec![
                user("demo-user", "demo-user-id", None),
                user("mfa-user", "demo-mfa-user-id", Some(DEMO_MFA_CODE)),
            ],
            access_keys: vec![cloudsim::KeyPair {
                access_key: DEMO_ACCESS_KEY.into(),
                secret_key: DEMO_SECRET_KEY.into(),
                security_token: None,
            }],
            start_ms: js_sys::Date::now() as i64,
            epoch_ms: Some(DEMO_EPOCH_MS),
            ..cloudsim::Config::default()
        }));
    }

    /// The page's simulated cloud.
    fn cloud() -> Rc<cloudsim::Cloud> {
        CLOUD.with(Rc::clone)
    }

    /// Names the Demo cloud's ImageSearch knows, to suggest in the lookup.
    pub fn imagesearch_names() -> Vec<String> {
        cloudsim::imagesearch_names(cloud().config())
    }

    maybe_lazy! {
        /// [`imagesearch_names`], its code loaded first.
        [demo_cloud] pub fn names() -> Vec<String> {
            imagesearch_names()
        }
    }

    maybe_lazy! {
        /// [`answer`], its code loaded first.
        [demo_cloud] pub fn ask(req: ApiRequest) -> Result<(ApiResponse, Option<String>), ApiError> {
            answer(&req)
        }
    }

    thread_local! {
        /// The last calls' query strings (at most 1,000), for tests and diagnostics.
        static CALLS: std::cell::RefCell<std::collections::VecDeque<String>> = Default::default();
    }

    /// How many of the Demo cloud's last calls had `needle` in their query.
    pub fn calls_with(needle: &str) -> usize {
        CALLS.with(|c| c.borrow().iter().filter(|q| q.contains(needle)).count())
    }

    /// Asks the Demo cloud; also returns the `X-Subject-Token` of a sign-in's answer.
    pub fn answer(req: &ApiRequest) -> Result<(ApiResponse, Option<String>), ApiError> {
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
            body: req.body.clone(),
        };
        let resp = cloud().handle(&sim_req, js_sys::Date::now() as i64);
        let retry_after = resp.header("retry-after").map(str::to_string);
        let token = resp.header("x-subject-token").map(str::to_string);
        Ok((
            ApiResponse {
                status: resp.status,
                retry_after,
                body: resp.body,
            },
            token,
        ))
    }
}

#[cfg(feature = "demo")]
pub use inside::*;

/// Asks the Demo cloud (its code loads with the first call); also returns the
/// `X-Subject-Token` of a sign-in's answer.
#[cfg(feature = "demo")]
pub async fn send(req: ApiRequest) -> Result<(ApiResponse, Option<String>), ApiError> {
    ask(req).await.unwrap_or_else(|_| {
        Err(ApiError::Network(
            "the Demo cloud's code could not be loaded (the network, or a newer version on the server)".into(),
        ))
    })
}

/// Names the Demo cloud's ImageSearch knows (none if its code could not be loaded).
#[cfg(feature = "demo")]
pub async fn imagesearch_suggestions() -> Vec<String> {
    names().await.unwrap_or_default()
}

#[cfg(not(feature = "demo"))]
mod absent {
    use skyglass_core::http::{ApiError, ApiRequest, ApiResponse};
    pub async fn imagesearch_suggestions() -> Vec<String> {
        Vec::new()
    }
    pub async fn send(_: ApiRequest) -> Result<(ApiResponse, Option<String>), ApiError> {
        Err(ApiError::Network(
            "this build has no Demo cloud (built without the `demo` feature)".into(),
        ))
    }
}

#[cfg(not(feature = "demo"))]
pub use absent::*;

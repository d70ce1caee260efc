//! `use_api`: one API call bound to reactive inputs. When the inputs change, the call in
//! flight is aborted and its late answer dropped; the last good data stays visible while
//! the next call loads; errors are kept beside it. The call is aborted when the view goes.

use crate::api::http::{ApiError, ApiRequest, ApiResponse};
use crate::ui::transport::Client;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

/// The reactive result of [`use_api`].
pub struct ApiCall<T: Send + Sync + 'static> {
    /// The last good answer (kept while reloading and after an error).
    pub data: RwSignal<Option<T>>,
    /// The last call's error, cleared by the next success.
    pub error: RwSignal<Option<ApiError>>,
    pub loading: RwSignal<bool>,
    /// When the last good answer arrived (epoch ms).
    pub updated_at: RwSignal<Option<f64>>,
    refresh: Trigger,
}

impl<T: Send + Sync + 'static> Clone for ApiCall<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for ApiCall<T> {}

impl<T: Send + Sync + 'static> ApiCall<T> {
    /// Calls again with the same inputs.
    pub fn refresh(&self) {
        self.refresh.notify();
    }
}

/// Calls `request()` whenever what it reads changes (or on [`ApiCall::refresh`]) and
/// decodes the answer with `decode`. `request` returning `None` means "nothing to call".
pub fn use_api<T, R, D>(request: R, decode: D) -> ApiCall<T>
where
    T: Send + Sync + 'static,
    R: Fn() -> Option<(Client, ApiRequest)> + 'static,
    D: Fn(&ApiResponse) -> Result<T, ApiError> + Copy + 'static,
{
    let call = ApiCall {
        data: RwSignal::new(None),
        error: RwSignal::new(None),
        loading: RwSignal::new(false),
        updated_at: RwSignal::new(None),
        refresh: Trigger::new(),
    };
    // Reachability for the landing page (absent when a view is mounted on its own).
    let app = use_context::<crate::ui::state::AppState>();
    let generation = StoredValue::new(0u64);
    let in_flight = StoredValue::new_local(None::<AbortController>);
    let abort = move || {
        in_flight.try_update_value(|c| {
            if let Some(c) = c.take() {
                c.abort();
            }
        });
    };

    Effect::new(move |_| {
        call.refresh.track();
        let Some((client, req)) = request() else {
            return;
        };
        abort();
        let gen = generation.get_value() + 1;
        generation.set_value(gen);
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        in_flight.set_value(controller);
        call.loading.set(true);
        spawn_local(async move {
            let result = client.send(req, signal.as_ref()).await.and_then(|r| decode(&r));
            if let Some(app) = app {
                app.report(&client.conn.id, result.as_ref().map(|_| ()));
            }
            // A newer call started, or the view is gone: this answer is stale.
            if generation.try_get_value() != Some(gen) {
                return;
            }
            let _ = call.loading.try_set(false);
            match result {
                Ok(v) => {
                    let _ = call.data.try_set(Some(v));
                    let _ = call.error.try_set(None);
                    let _ = call.updated_at.try_set(Some(js_sys::Date::now()));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    let _ = call.error.try_set(Some(e));
                }
            }
        });
    });

    on_cleanup(move || {
        abort();
        generation.try_update_value(|g| *g += 1);
    });
    call
}

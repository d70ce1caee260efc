//! `use_api`: one API call bound to reactive inputs, kept live.
//!
//! ```ignore
//! let call = use_api_with_options(
//!     move || Some((client.clone(), api.request(&query.get(), &project))),
//!     move |r| api.decode(r),
//!     UseApiOptions { interval, transitional: |p: &ListPage| p.transitional(), ..Default::default() },
//! );
//! // call.data, call.error, call.loading, call.updated_at, call.retry, call.refresh()
//! ```
//!
//! When the inputs change, the call in flight is aborted and its late answer dropped; the
//! last good data stays visible (never under a spinner) while the next call loads, and
//! errors are kept beside it. With an interval (see [`UseApiOptions`]) it asks again by
//! itself following `api::poll`: fast while something is in progress, backing off while
//! nothing changes; 429s honour `Retry-After`; failures back off with jitter; a rejected
//! token stops it. It pauses while the tab is hidden and asks once at once when the tab
//! is shown again. Calls that take longer than the timeout are aborted. Nothing of it
//! outlives the view: the call is aborted and the timers cleared when the view goes.

use crate::ui::transport::Client;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use_document_visibility::use_document_visibility;
use skyglass_core::http::{ApiError, ApiRequest, ApiResponse};
use skyglass_core::poll::{next_delay, parse_retry_after, Backoff, CallOutcome, Interval, Policy};
use std::time::Duration;
use web_sys::{AbortController, VisibilityState};

/// How a call stays live.
pub struct UseApiOptions<T> {
    /// The view's refresh interval; `Off` (the default) means no automatic calls at all.
    pub interval: Signal<Interval>,
    /// Whether the data shows something in progress (polled fast).
    pub transitional: fn(&T) -> bool,
    /// A call with no complete answer after this long is aborted.
    pub timeout_ms: u32,
    /// Ask again only while something is in progress (a status view).
    pub stop_when_stable: bool,
}

impl<T> Default for UseApiOptions<T> {
    fn default() -> Self {
        UseApiOptions {
            interval: Signal::stored(Interval::Off),
            transitional: |_| false,
            timeout_ms: 20_000,
            stop_when_stable: false,
        }
    }
}

/// A notice about automatic retries ("Rate limited: retrying in 7 s").
#[derive(Clone, Debug, PartialEq)]
pub struct RetryNotice {
    pub what: String,
    /// When the next attempt is due (epoch ms).
    pub at: f64,
}

/// The reactive result of [`use_api`].
pub struct ApiCall<T: Send + Sync + 'static> {
    /// The last good answer (kept while reloading and after an error).
    pub data: RwSignal<Option<T>>,
    /// The last call's error, cleared by the next success.
    pub error: RwSignal<Option<ApiError>>,
    /// A call the user asked for (or the URL changed) is under way. Background refreshes
    /// do not set it: valid data is never covered.
    pub loading: RwSignal<bool>,
    /// When the last good answer arrived (epoch ms).
    pub updated_at: RwSignal<Option<f64>>,
    /// Set while an automatic retry is scheduled after a 429 or a failure.
    pub retry: RwSignal<Option<RetryNotice>>,
    /// The credentials were rejected: nothing is asked again until the user acts.
    pub stopped: RwSignal<bool>,
    refresh: Trigger,
}

impl<T: Send + Sync + 'static> Clone for ApiCall<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for ApiCall<T> {}

impl<T: Send + Sync + 'static> ApiCall<T> {
    /// Calls again with the same inputs (as the user asked: shows loading).
    pub fn refresh(&self) {
        self.refresh.notify();
    }
}

/// A call with no automatic refresh.
pub fn use_api<T, R, D>(request: R, decode: D) -> ApiCall<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    R: Fn() -> Option<(Client, ApiRequest)> + 'static,
    D: Fn(&ApiResponse) -> Result<T, ApiError> + Clone + 'static,
{
    use_api_with_options(request, decode, UseApiOptions::default())
}

/// Calls `request()` whenever what it reads changes (or on [`ApiCall::refresh`]), decodes
/// the answer with `decode`, and keeps it live as `options` say.
pub fn use_api_with_options<T, R, D>(request: R, decode: D, options: UseApiOptions<T>) -> ApiCall<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    R: Fn() -> Option<(Client, ApiRequest)> + 'static,
    D: Fn(&ApiResponse) -> Result<T, ApiError> + Clone + 'static,
{
    let call = ApiCall {
        data: RwSignal::new(None),
        error: RwSignal::new(None),
        loading: RwSignal::new(false),
        updated_at: RwSignal::new(None),
        retry: RwSignal::new(None),
        stopped: RwSignal::new(false),
        refresh: Trigger::new(),
    };
    let UseApiOptions {
        interval,
        transitional,
        timeout_ms,
        stop_when_stable,
    } = options;
    // Reachability for the landing page (absent when a view is mounted on its own).
    let app = use_context::<crate::ui::state::AppState>();
    let generation = StoredValue::new(0u64);
    let in_flight = StoredValue::new_local(None::<AbortController>);
    let timers = StoredValue::new(Timers::default());
    let backoff = StoredValue::new(Backoff::default());
    let last = StoredValue::new_local(None::<(Client, ApiRequest)>);
    let poll = Trigger::new();
    let visibility = use_document_visibility();
    let visible = move || visibility.get_untracked() != VisibilityState::Hidden;

    let abort = move || {
        in_flight.try_update_value(|c| {
            if let Some(c) = c.take() {
                c.abort();
            }
        });
    };
    let fire = std::rc::Rc::new(move |client: Client, req: ApiRequest, background: bool| {
        abort();
        timers.try_update_value(Timers::clear_all);
        let gen = generation.get_value() + 1;
        generation.set_value(gen);
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        // The timeout aborts the request; the answer is then reported as a timeout.
        let deadline = controller.clone().and_then(|c| {
            set_timeout_with_handle(move || c.abort(), Duration::from_millis(u64::from(timeout_ms))).ok()
        });
        timers.update_value(|t| t.deadline = deadline);
        in_flight.set_value(controller);
        if !background {
            call.loading.set(true);
        }
        let decode = decode.clone();
        spawn_local(async move {
            let started = js_sys::Date::now();
            let result = client.send(req, signal.as_ref()).await.and_then(|r| decode(&r));
            // A newer call started, or the view is gone: this answer is stale.
            if generation.try_get_value() != Some(gen) {
                return;
            }
            timers.try_update_value(|t| t.clear_deadline());
            let result = match result {
                Err(ApiError::Aborted) if js_sys::Date::now() - started >= f64::from(timeout_ms) - 50.0 => {
                    Err(ApiError::Timeout(timeout_ms / 1000))
                }
                other => other,
            };
            if let Some(app) = app {
                app.report(&client.conn.id, result.as_ref().map(|_| ()));
            }
            let _ = call.loading.try_set(false);
            let outcome = match result {
                Ok(v) => {
                    let transitional_now = transitional(&v);
                    let changed = call.data.with_untracked(|d| d.as_ref() != Some(&v));
                    if changed {
                        call.data.set(Some(v));
                    }
                    call.error.set(None);
                    call.retry.set(None);
                    call.stopped.set(false);
                    call.updated_at.set(Some(js_sys::Date::now()));
                    CallOutcome::Fresh {
                        changed,
                        transitional: transitional_now,
                    }
                }
                Err(ApiError::Aborted) => return,
                Err(e) => {
                    let outcome = if e.is_auth() {
                        CallOutcome::AuthRejected
                    } else if e.status() == Some(429) {
                        let retry_after = match &e {
                            ApiError::Status {
                                retry_after: Some(r), ..
                            } => parse_retry_after(r, js_sys::Date::now() as i64),
                            _ => None,
                        };
                        CallOutcome::RateLimited {
                            retry_after_ms: retry_after,
                        }
                    } else {
                        CallOutcome::Failed
                    };
                    call.stopped.set(outcome == CallOutcome::AuthRejected);
                    call.error.set(Some(e));
                    outcome
                }
            };
            let mut state = backoff.get_value();
            let delay = match outcome {
                CallOutcome::Fresh {
                    transitional: false, ..
                } if stop_when_stable => None,
                _ => next_delay(
                    &Policy::default(),
                    interval.get_untracked(),
                    &mut state,
                    &outcome,
                    js_sys::Math::random(),
                ),
            };
            backoff.set_value(state);
            let retrying = matches!(outcome, CallOutcome::RateLimited { .. } | CallOutcome::Failed);
            call.retry.set(match (retrying, delay) {
                (true, Some(d)) => Some(RetryNotice {
                    what: if matches!(outcome, CallOutcome::RateLimited { .. }) {
                        "Rate limited"
                    } else {
                        "Failed"
                    }
                    .into(),
                    at: js_sys::Date::now() + d as f64,
                }),
                _ => None,
            });
            // Hidden tabs schedule nothing; showing the tab again asks at once.
            if let (Some(d), true) = (delay, visible()) {
                let handle = set_timeout_with_handle(move || poll.notify(), Duration::from_millis(d)).ok();
                timers.try_update_value(|t| t.next = handle);
            }
        });
    });

    // Calls the user or the URL asked for.
    let fire_asked = fire.clone();
    Effect::new(move |_| {
        call.refresh.track();
        let Some((client, req)) = request() else {
            return;
        };
        last.set_value(Some((client.clone(), req.clone())));
        backoff.set_value(Backoff::default());
        fire_asked(client, req, false);
    });
    // Automatic calls: the timer, the tab shown again, another interval chosen.
    let background = std::rc::Rc::new(move || {
        if call.stopped.get_untracked() {
            return;
        }
        if let Some((client, req)) = last.get_value() {
            fire(client, req, true);
        }
    });
    let on_poll = background.clone();
    Effect::new(move |first: Option<()>| {
        poll.track();
        if first.is_some() {
            on_poll();
        }
    });
    let on_shown = background.clone();
    Effect::new(move |prev: Option<VisibilityState>| {
        let now = visibility.get();
        match (prev, now) {
            (_, VisibilityState::Hidden) => timers.update_value(|t| t.clear_next()),
            (Some(VisibilityState::Hidden), _) if interval.get_untracked() != Interval::Off => on_shown(),
            _ => {}
        }
        now
    });
    Effect::new(move |prev: Option<Interval>| {
        let now = interval.get();
        if prev.is_some_and(|p| p != now) {
            timers.update_value(Timers::clear_all);
            call.retry.set(None);
            if now != Interval::Off {
                background();
            }
        }
        now
    });

    on_cleanup(move || {
        abort();
        timers.try_update_value(Timers::clear_all);
        generation.try_update_value(|g| *g += 1);
    });
    call
}

/// The timers a live call holds: the next automatic call and the running call's deadline.
#[derive(Default)]
struct Timers {
    next: Option<TimeoutHandle>,
    deadline: Option<TimeoutHandle>,
}

impl Timers {
    fn clear_next(&mut self) {
        if let Some(h) = self.next.take() {
            h.clear();
        }
    }
    fn clear_deadline(&mut self) {
        if let Some(h) = self.deadline.take() {
            h.clear();
        }
    }
    fn clear_all(&mut self) {
        self.clear_next();
        self.clear_deadline();
    }
}

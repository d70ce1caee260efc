//! `use_load_all`: drives a "load all pages" walk (`skyglass_core::load_all`) in the
//! browser, for any list service.
//!
//! ```ignore
//! let walk: SharedWalk = Rc::new(RefCell::new(load_all::plan(api.list(), &query, own_origin)));
//! let run = use_load_all(client, api, walk.clone());
//! // run.progress, run.state, run.anomalies, run.retry, run.cancel
//! ```
//!
//! It sends what the planner asks for through [`Client::send`] (so the per-connection
//! in-flight cap and the Demo cloud apply), up to [`UseLoadAllOptions::max_in_flight`] at
//! once, feeds every answer back, and publishes the progress (see below). A 429 is waited
//! out (its `Retry-After`, or a backoff with jitter) and asked again a few times before it
//! counts as the error that ends the walk; a request with no complete answer within the
//! timeout is aborted and reported as a timeout. The walk reads each answer's marker ahead
//! of its decode ([`on_head`]), so the next page is under way while this one is decoded
//! and shown; the progress (and with it the table) is published at most every
//! [`UseLoadAllOptions::publish_every_ms`] while loading, at once when the walk ends, so
//! that showing it never holds the walk up. Requests the planner abandons (after a
//! cancel, an error or a stop) are aborted. Nothing outlives the view: when it goes, every
//! request is aborted, every timer cleared and late answers dropped.

use crate::ui::hooks::use_api::RetryNotice;
use crate::ui::transport::Client;
use futures_channel::oneshot;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use leptos::task::spawn_local;
use skyglass_core::http::{ApiError, ApiRequest, ApiResponse};
use skyglass_core::load_all::{on_head, on_response, LoadAll, Progress, RequestId, MAX_PARALLEL};
use skyglass_core::paging::Anomaly;
use skyglass_core::poll::{next_delay, parse_retry_after, Backoff, CallOutcome, Interval, Policy};
use skyglass_core::service::ListApi;
use skyglass_core::table::LoadState;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use web_sys::AbortController;

/// A walk under way, shared between the driver and the view that shows its rows.
pub type SharedWalk = Rc<RefCell<Box<dyn LoadAll>>>;

/// Milliseconds on the page's monotonic clock.
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// The walk's state, in the table model's words.
fn state_of(walk: &dyn LoadAll) -> LoadState {
    LoadState::of(walk.outcome(), walk.is_done())
}

/// How a walk is driven.
#[derive(Clone, Copy, Debug)]
pub struct UseLoadAllOptions {
    /// Requests under way at once (parallel walks only; marker walks ask one at a time).
    pub max_in_flight: usize,
    /// 429s waited out per request before the 429 ends the walk.
    pub rate_limit_retries: u32,
    /// A request with no complete answer after this long is aborted (a timeout error).
    pub timeout_ms: u32,
    /// While loading, the progress is published at most this often.
    pub publish_every_ms: u32,
}

impl Default for UseLoadAllOptions {
    fn default() -> Self {
        UseLoadAllOptions {
            max_in_flight: MAX_PARALLEL,
            rate_limit_retries: 3,
            timeout_ms: 20_000,
            publish_every_ms: 100,
        }
    }
}

/// The reactive side of a walk under way.
#[derive(Clone, Copy)]
pub struct UseLoadAllReturn {
    /// Where the walk stands, after every answer.
    pub progress: Signal<Progress>,
    pub state: Signal<LoadState>,
    /// Paging anomalies seen (those that stop paging end the walk with `Stopped`).
    pub anomalies: Signal<Vec<Anomaly>>,
    /// Set while a 429 is waited out.
    pub retry: Signal<Option<RetryNotice>>,
    /// Ends the walk now, keeping the rows loaded; what is under way is aborted.
    pub cancel: Callback<()>,
}

/// Drives `walk` of `api`'s list with the default options from now until the view goes.
pub fn use_load_all(client: Client, api: Arc<dyn ListApi>, walk: SharedWalk) -> UseLoadAllReturn {
    use_load_all_with_options(client, api, walk, UseLoadAllOptions::default())
}

/// Drives `walk` from now until it is done or the view goes.
pub fn use_load_all_with_options(
    client: Client,
    api: Arc<dyn ListApi>,
    walk: SharedWalk,
    options: UseLoadAllOptions,
) -> UseLoadAllReturn {
    let (progress, state, anomalies) = {
        let w = walk.borrow();
        (w.progress(), state_of(&**w), w.anomalies().to_vec())
    };
    let driver = Rc::new(Driver {
        client,
        api,
        walk,
        options,
        controllers: RefCell::default(),
        deadlines: RefCell::default(),
        sleeps: RefCell::default(),
        gone: Cell::new(false),
        published_at: Cell::new(f64::NEG_INFINITY),
        publish_timer: Cell::new(None),
        progress: RwSignal::new(progress),
        state: RwSignal::new(state),
        anomalies: RwSignal::new(anomalies),
        retry: RwSignal::new(None),
    });
    let ret = UseLoadAllReturn {
        progress: driver.progress.into(),
        state: driver.state.into(),
        anomalies: driver.anomalies.into(),
        retry: driver.retry.into(),
        cancel: {
            let stored = StoredValue::new_local(Rc::downgrade(&driver));
            Callback::new(move |()| {
                if let Some(d) = stored.try_get_value().and_then(|w| w.upgrade()) {
                    d.cancel();
                }
            })
        },
    };
    let kept = StoredValue::new_local(Some(driver.clone()));
    on_cleanup(move || {
        if let Some(d) = kept.try_update_value(Option::take).flatten() {
            d.stop();
        }
    });
    driver.pump();
    ret
}

/// One wait that can be called off: the timer, and the sender it fires (dropped to call
/// the wait off, which wakes the waiting task with a refusal).
type Sleep = (Option<TimeoutHandle>, Rc<Cell<Option<oneshot::Sender<()>>>>);

struct Driver {
    client: Client,
    api: Arc<dyn ListApi>,
    walk: SharedWalk,
    options: UseLoadAllOptions,
    controllers: RefCell<HashMap<RequestId, AbortController>>,
    deadlines: RefCell<HashMap<RequestId, TimeoutHandle>>,
    sleeps: RefCell<HashMap<RequestId, Sleep>>,
    /// The view is gone: nothing more is sent, answers are dropped.
    gone: Cell<bool>,
    /// When the progress was last published (`performance.now()`), and the timer that
    /// publishes what changed since, if one is set.
    published_at: Cell<f64>,
    publish_timer: Cell<Option<TimeoutHandle>>,
    progress: RwSignal<Progress>,
    state: RwSignal<LoadState>,
    anomalies: RwSignal<Vec<Anomaly>>,
    retry: RwSignal<Option<RetryNotice>>,
}

impl Driver {
    /// Sends what the walk asks for, aborts what it abandoned, and publishes its progress
    /// (soon, see [`Driver::publish_soon`]).
    fn pump(self: &Rc<Self>) {
        if self.gone.get() {
            return;
        }
        self.send_next();
        self.publish_soon();
    }

    /// Sends what the walk asks for and aborts what it abandoned.
    fn send_next(self: &Rc<Self>) {
        let (requests, abandoned) = {
            let mut w = self.walk.borrow_mut();
            let requests: Vec<(RequestId, ApiRequest)> = w
                .next_requests(self.options.max_in_flight.max(1))
                .into_iter()
                .map(|(id, q)| (id, self.api.request(&q, &self.client.conn.project_id)))
                .collect();
            (requests, w.take_abandoned())
        };
        for id in abandoned {
            self.abort(id);
        }
        for (id, req) in requests {
            spawn_local(self.clone().fetch(id, req));
        }
    }

    /// Publishes the progress now if the walk's state changed or the last publication is
    /// old enough; else once the interval is over (one timer at a time).
    fn publish_soon(self: &Rc<Self>) {
        let state = state_of(&**self.walk.borrow());
        let now = now_ms();
        let every = f64::from(self.options.publish_every_ms);
        let due = self.published_at.get() + every;
        if state != self.state.get_untracked() || now >= due {
            if let Some(t) = self.publish_timer.take() {
                t.clear();
            }
            self.publish();
            return;
        }
        if self.publish_timer.get().is_some() {
            return;
        }
        let weak = Rc::downgrade(self);
        let later = move || {
            if let Some(d) = weak.upgrade().filter(|d| !d.gone.get()) {
                d.publish_timer.set(None);
                d.publish();
            }
        };
        let wait = Duration::from_millis((due - now).max(0.0) as u64);
        self.publish_timer.set(set_timeout_with_handle(later, wait).ok());
    }

    fn publish(&self) {
        self.published_at.set(now_ms());
        let (progress, state, anomalies) = {
            let w = self.walk.borrow();
            (w.progress(), state_of(&**w), w.anomalies().to_vec())
        };
        self.progress
            .maybe_update(|p| std::mem::replace(p, progress.clone()) != progress);
        self.state.maybe_update(|s| std::mem::replace(s, state) != state);
        self.anomalies
            .maybe_update(|a| std::mem::replace(a, anomalies.clone()) != anomalies);
        if state != LoadState::Loading {
            self.retry.set(None);
        }
    }

    fn cancel(self: &Rc<Self>) {
        self.walk.borrow_mut().cancel();
        self.pump();
    }

    /// Aborts request `id` and calls off its wait, if any.
    fn abort(&self, id: RequestId) {
        if let Some(c) = self.controllers.borrow_mut().remove(&id) {
            c.abort();
        }
        if let Some(h) = self.deadlines.borrow_mut().remove(&id) {
            h.clear();
        }
        if let Some((timer, wake)) = self.sleeps.borrow_mut().remove(&id) {
            if let Some(t) = timer {
                t.clear();
            }
            drop(wake.take());
        }
    }

    /// The view is gone: everything stops.
    fn stop(&self) {
        self.gone.set(true);
        if let Some(t) = self.publish_timer.take() {
            t.clear();
        }
        let ids: Vec<RequestId> = {
            let mut ids: Vec<RequestId> = self.controllers.borrow().keys().copied().collect();
            ids.extend(self.deadlines.borrow().keys().copied());
            ids.extend(self.sleeps.borrow().keys().copied());
            ids
        };
        for id in ids {
            self.abort(id);
        }
    }

    /// Waits `ms` for request `id`; `false` when the wait was called off.
    async fn sleep(&self, id: RequestId, ms: u64) -> bool {
        let (tx, rx) = oneshot::channel();
        let wake = Rc::new(Cell::new(Some(tx)));
        let fire = wake.clone();
        let timer = set_timeout_with_handle(
            move || {
                if let Some(tx) = fire.take() {
                    let _ = tx.send(());
                }
            },
            Duration::from_millis(ms),
        )
        .ok();
        self.sleeps.borrow_mut().insert(id, (timer, wake));
        let woke = rx.await.is_ok();
        self.sleeps.borrow_mut().remove(&id);
        woke && !self.gone.get()
    }

    /// Sends one request (waiting out 429s) and reports its final answer to the walk.
    async fn fetch(self: Rc<Self>, id: RequestId, req: ApiRequest) {
        // The Demo cloud answers at once: let the page paint and take clicks between pages.
        if self.client.conn.demo && !self.sleep(id, 0).await {
            return;
        }
        let mut backoff = Backoff::default();
        let mut rate_limited = 0;
        let result = loop {
            let result = self.send_once(id, req.clone()).await;
            if self.gone.get() {
                return;
            }
            let wait = match &result {
                Err(ApiError::Aborted) => return, // abandoned
                Ok(r) if r.status == 429 && rate_limited < self.options.rate_limit_retries => {
                    let asked = r
                        .retry_after
                        .as_deref()
                        .and_then(|v| parse_retry_after(v, js_sys::Date::now() as i64));
                    let outcome = CallOutcome::RateLimited { retry_after_ms: asked };
                    next_delay(
                        &Policy::default(),
                        Interval::Auto,
                        &mut backoff,
                        &outcome,
                        js_sys::Math::random(),
                    )
                }
                _ => None,
            };
            let Some(ms) = wait else { break result };
            rate_limited += 1;
            self.retry.set(Some(RetryNotice {
                what: "Rate limited".into(),
                at: js_sys::Date::now() + ms as f64,
            }));
            if !self.sleep(id, ms).await {
                return;
            }
            self.retry.set(None);
        };
        // Ask for the next page before this one is decoded, when its marker can be read.
        let ahead = match &result {
            Ok(r) => on_head(&mut **self.walk.borrow_mut(), &*self.api, id, r),
            Err(_) => false,
        };
        if ahead {
            self.send_next();
        }
        on_response(&mut **self.walk.borrow_mut(), &*self.api, id, result);
        self.pump();
    }

    /// One attempt, aborted after the timeout (reported as [`ApiError::Timeout`]).
    async fn send_once(&self, id: RequestId, req: ApiRequest) -> Result<ApiResponse, ApiError> {
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        let timed_out = Rc::new(Cell::new(false));
        if let Some(c) = controller.clone() {
            let flag = timed_out.clone();
            let abort_late = move || {
                flag.set(true);
                c.abort();
            };
            let timeout = Duration::from_millis(u64::from(self.options.timeout_ms));
            if let Ok(h) = set_timeout_with_handle(abort_late, timeout) {
                self.deadlines.borrow_mut().insert(id, h);
            }
        }
        if let Some(c) = controller {
            self.controllers.borrow_mut().insert(id, c);
        }
        let result = self.client.send(req, signal.as_ref()).await;
        self.controllers.borrow_mut().remove(&id);
        if let Some(h) = self.deadlines.borrow_mut().remove(&id) {
            h.clear();
        }
        match result {
            Err(ApiError::Aborted) if timed_out.get() => Err(ApiError::Timeout(self.options.timeout_ms / 1000)),
            other => other,
        }
    }
}

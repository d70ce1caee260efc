//! Live status of one CloudDC instance (seed 004), drawn on the documented state diagram.
//! It refreshes by itself while the state or the operation is in progress and stops when
//! the instance is stable.

use super::state_diagram::StateDiagram;
use crate::ui::components::badge::{Badge, StateBadge};
use crate::ui::components::call_banners::CallBanners;
use crate::ui::components::connection_heading::ConnectionHeading;
use crate::ui::components::time_cell::clock_label;
use crate::ui::components::with_client::WithClient;
use crate::ui::hooks::use_api::{use_api_with_options, UseApiOptions};
use crate::ui::links::details_href;
use crate::ui::transport::Client;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use skyglass_core::poll::Interval;
use skyglass_core::services::clouddc::info::VOCABULARY;
use skyglass_core::services::clouddc::lifecycle::{observe, operation_in_progress, operation_tone, State};
use skyglass_core::services::clouddc::status::{decode_status, status_request, InstanceStatus};

/// One observed state of the instance, in the timeline.
#[derive(Clone, Debug, PartialEq)]
struct Observed {
    at: f64,
    state: String,
    operation: String,
    /// Whether the documented diagram allows the change from the previous observation.
    legal: bool,
}

#[component]
pub fn InstanceStatusPage() -> impl IntoView {
    let params = use_params_map();
    let conn_id = Signal::derive(move || params.read().get("conn").unwrap_or_default());
    let id = Signal::derive(move || params.read().get("id").unwrap_or_default());
    view! { <WithClient conn_id child=move |client: Client| view! { <InstanceStatusView client id/> }/> }
}

/// The status view itself, independent of the router.
#[component]
pub fn InstanceStatusView(client: Client, #[prop(into)] id: Signal<String>) -> impl IntoView {
    let conn_id = client.conn.id.clone();
    let c = client.clone();
    let call = use_api_with_options(
        move || {
            let req = status_request(&c.conn.project_id, &id.get());
            Some((c.clone(), req))
        },
        decode_status,
        UseApiOptions {
            interval: Signal::stored(Interval::Auto),
            transitional: |s: &InstanceStatus| {
                State::parse(&s.state).is_transitional() || operation_in_progress(&s.operation_state)
            },
            stop_when_stable: true,
            ..UseApiOptions::default()
        },
    );
    let in_progress = Memo::new(move |_| {
        call.data.with(|d| {
            d.as_ref()
                .is_some_and(|s| State::parse(&s.state).is_transitional() || operation_in_progress(&s.operation_state))
        })
    });
    // Every change this view observed, checked against the documented diagram.
    let timeline = RwSignal::new(Vec::<Observed>::new());
    Effect::new(move |_| {
        let Some(s) = call.data.get() else { return };
        timeline.update(|t| {
            let last = t.last().map(|o: &Observed| (o.state.clone(), o.operation.clone()));
            let last = last.as_ref().map(|(st, op)| (st.as_str(), op.as_str()));
            if let Some(legal) = observe(last, &s.state, &s.operation_state) {
                t.push(Observed {
                    at: js_sys::Date::now(),
                    state: s.state.clone(),
                    operation: s.operation_state.clone(),
                    legal,
                });
            }
        });
    });
    let current = Signal::derive(move || call.data.with(|d| d.as_ref().map(|s| s.state.clone())));
    let err_conn = conn_id.clone();
    let details = details_href(&conn_id, &id.get_untracked());
    view! {
        <section class="instance-status">
            <ConnectionHeading client/>
            <p><a href=details>"← Instance details"</a></p>
            <h1>"Status of " <code>{move || id.get()}</code></h1>
            <div class="toolbar">
                <span class="updated" aria-live="polite">
                    {move || call.updated_at.get().map(|t| format!("Updated {}", clock_label(t))).unwrap_or_default()}
                </span>
                <span class="muted">
                    {move || if in_progress.get() { "Refreshing by itself while in progress" } else { "Stable: not refreshing by itself" }}
                </span>
                <span class="spacer"></span>
                <button type="button" on:click=move |_| call.refresh()>"Refresh"</button>
            </div>
            <CallBanners call connection_id=err_conn/>
            {move || call.data.get().map(|s| {
                let parsed = State::parse(&s.state);
                view! {
                    <dl class="fields status-fields">
                        <dt>"State"</dt>
                        <dd><StateBadge state=VOCABULARY.classify(&s.state)/></dd>
                        <dt>"Operation"</dt>
                        <dd>{if s.operation_state.is_empty() { view! { <span class="muted">"none"</span> }.into_any() } else { view! { <OperationBadge operation=s.operation_state.clone()/> }.into_any() }}</dd>
                        {s.error.clone().filter(|e| !e.is_empty()).map(|e| view! {
                            <dt>"Error"</dt>
                            <dd class="status-error">
                                <code class="error-code">{e.error_code}</code>" "{e.error_msg}
                                {(!e.error_type.is_empty()).then(|| view! { " " <span class="muted">"(" {e.error_type} ")"</span> })}
                            </dd>
                        })}
                    </dl>
                    {(!parsed.in_diagram()).then(|| view! {
                        <p class="notice outside-diagram" role="note">
                            "The state “" {s.state.clone()} "” is not in the documented state diagram; it is shown as the service sent it."
                        </p>
                    })}
                }
            })}
            <StateDiagram current/>
            <h2>"Observed here"</h2>
            <ol class="timeline">
                {move || timeline.get().into_iter().map(|o| view! {
                    <li class:illegal=!o.legal>
                        <time>{clock_label(o.at)}</time>" "
                        <StateBadge state=VOCABULARY.classify(&o.state)/>
                        {(!o.operation.is_empty()).then(|| view! { " " <OperationBadge operation=o.operation.clone()/> })}
                        {(!o.legal).then(|| view! { <strong class="illegal-note">" Not a transition the documented diagram allows"</strong> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// A badge for an `operation_state` (`*-processing`, `*-succeed`, `*-failed`).
#[component]
fn OperationBadge(#[prop(into)] operation: String) -> impl IntoView {
    let tone = operation_tone(&operation);
    let busy = operation_in_progress(&operation);
    view! { <Badge text=operation tone busy/> }
}

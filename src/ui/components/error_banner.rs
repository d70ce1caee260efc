//! An error banner: what went wrong, the service's code and message, its request id,
//! and for rejected credentials a link to fix them (a password connection's sign-in, or
//! the settings).

use crate::connection::SignInSettings;
use crate::ui::links::{here, settings_href, sign_in_href};
use crate::ui::state::AppState;
use leptos::prelude::*;
use skyglass_core::http::ApiError;

#[component]
pub fn ErrorBanner(
    error: ApiError,
    #[prop(into)] connection_id: String,
    #[prop(optional)] stale: bool,
) -> impl IntoView {
    let title = error.title();
    let auth = error.is_auth();
    let (code, message, details, request_id) = match &error {
        ApiError::Status {
            code,
            message,
            details,
            request_id,
            ..
        } => (code.clone(), message.clone(), details.clone(), request_id.clone()),
        ApiError::Network(m) => (
            None,
            format!("{m}. Check the base URL, the proxy, and that the endpoint is up."),
            None,
            None,
        ),
        ApiError::Decode(m) => (None, m.clone(), None, None),
        ApiError::Timeout(_) => (
            None,
            "The request was aborted. Retrying with backoff.".into(),
            None,
            None,
        ),
        ApiError::Aborted => (None, String::new(), None, None),
    };
    let password = use_context::<AppState>()
        .and_then(|s| s.connection(&connection_id))
        .is_some_and(|c| matches!(c.sign_in, SignInSettings::Password { .. }));
    let edit_href = settings_href(&connection_id);
    let sign_in = sign_in_href(&connection_id, &here());
    view! {
        <div class="error-banner" role="alert">
            <strong class="error-title">{title}</strong>
            <p class="error-message">
                {code.map(|c| view! { <code class="error-code">{c}</code>" " })}
                <span>{message}</span>
            </p>
            {details.map(|d| view! { <p class="error-details">{d}</p> })}
            {request_id.map(|r| view! { <p class="error-request-id">"Request id: " <code>{r}</code></p> })}
            {(auth && password).then(|| view! {
                <p>"The sign-in is no longer accepted. " <a class="button primary" href=sign_in>"Sign in again"</a></p>
            })}
            {(auth && !password).then(|| view! {
                <p>"Check or replace the credentials in " <a href=edit_href>"the connection's settings"</a> "."</p>
            })}
            {stale.then(|| view! { <p class="error-stale">"The data below is from the last successful call."</p> })}
        </div>
    }
}

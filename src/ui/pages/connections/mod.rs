//! The connections page (`/connections`): every saved connection with its service,
//! endpoint and token status, links to open, edit or remove it, and the connections to
//! and from a file ([`transfer`]).

mod reach;
mod secret_note;
mod transfer;

use crate::connection::{Connection, SignInSettings};
use crate::ui::links::{list_href, settings_href, sign_in_href};
use crate::ui::state::AppState;
use leptos::prelude::*;
use reach::ConnectionReach;
use secret_note::SecretNote;
use transfer::ConnectionsTransfer;

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    let state = AppState::expect();
    let forgotten = RwSignal::new(false);
    let forget_all = move |_| {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(&format!(
                    "Forget every token and secret key stored in this browser? {NOT_REVOKED}"
                ))
                .ok()
            })
            .unwrap_or(false);
        if ok {
            state.forget_all_tokens();
            forgotten.set(true);
        }
    };
    view! {
        <section class="connections">
            <h1>"Connections"</h1>
            <p class="lead">
                "Each connection is one endpoint of one service. Tokens and secret keys stay in this browser tab unless you ask to remember them on this device, for the time you choose; passwords are never stored."
            </p>
            <p class="connections-actions">
                <a class="button primary" href="/connections/new">"Add a connection"</a>
                <ConnectionsTransfer/>
                <button type="button" class="danger" on:click=forget_all>"Forget all tokens"</button>
            </p>
            {move || forgotten.get().then(|| view! { <p class="notice" role="status">"Every token and secret key is forgotten on this device. " {NOT_REVOKED}</p> })}
            <ul class="connection-list">
                <For each=move || state.connections() key=|c| serde_json::to_string(c).unwrap_or_default() let:conn>
                    <ConnectionCard conn/>
                </For>
            </ul>
            {move || state.connections().is_empty().then(|| view! { <p class="empty">"No connections yet."</p> })}
        </section>
    }
}

/// What forgetting does not do, said wherever a secret is forgotten.
const NOT_REVOKED: &str = "Nothing is revoked at IAM: a token stays valid until it expires, an access key until it is disabled or deleted in IAM.";

#[component]
fn ConnectionCard(conn: Connection) -> impl IntoView {
    let state = AppState::expect();
    let id = conn.id.clone();
    let demo = conn.demo;
    let secret = {
        let conn = conn.clone();
        Signal::derive(move || state.secret(&conn).filter(|s| s.usable_for(&conn.sign_in)))
    };
    let endpoint = if conn.demo {
        "Simulated inside this page".to_string()
    } else {
        conn.base_url.clone()
    };
    let forgot = RwSignal::new(false);
    let forget = {
        let conn = conn.clone();
        move |_| {
            let what = match conn.sign_in {
                SignInSettings::AccessKey { .. } => "secret key",
                _ => "token",
            };
            let question = format!("Forget the {what} of “{}” on this device? {NOT_REVOKED}", conn.name);
            let ok = web_sys::window()
                .and_then(|w| w.confirm_with_message(&question).ok())
                .unwrap_or(false);
            if ok {
                state.forget_secret(&conn.id);
                forgot.set(true);
            }
        }
    };
    let can_forget = move || !demo && secret.with(Option::is_some);
    let sign_in_link = matches!(conn.sign_in, SignInSettings::Password { .. })
        .then(|| view! { <a class="button" href=sign_in_href(&id, &list_href(&id))>"Sign in"</a> });
    let remove_id = id.clone();
    let name = conn.name.clone();
    let remove = move |_| {
        let ok = web_sys::window()
            .and_then(|w| w.confirm_with_message(&format!("Remove the connection “{name}”?")).ok())
            .unwrap_or(false);
        if ok {
            state.remove(&remove_id);
        }
    };
    view! {
        <li class="connection-card" data-connection=id.clone()>
            <div class="connection-main">
                <a class="connection-name" href=list_href(&id)>{conn.name.clone()}</a>
                {conn.demo.then(|| view! { <span class="badge tone-busy simulated">"Simulated"</span> })}
                <div class="muted">{conn.info().map_or("unknown service", |i| i.label)}</div>
                <div class="mono small">{endpoint}</div>
                {(!conn.project_id.is_empty()).then(|| view! { <div class="small">"Project " <code>{conn.project_id.clone()}</code></div> })}
                <div class="small token-note"><SecretNote sign_in=conn.sign_in.clone() secret demo/></div>
                {move || forgot.get().then(|| view! { <div class="small notice-inline" role="status">"Forgotten on this device. " {NOT_REVOKED}</div> })}
                <ConnectionReach id=id.clone()/>
            </div>
            <div class="connection-actions">
                <a class="button" href=list_href(&id)>"Open"</a>
                {sign_in_link}
                {(!conn.demo).then(|| view! { <a class="button" href=settings_href(&id)>"Edit"</a> })}
                <Show when=can_forget>
                    <button type="button" on:click=forget.clone()>"Forget"</button>
                </Show>
                <button type="button" class="danger" on:click=remove>"Remove"</button>
            </div>
        </li>
    }
}

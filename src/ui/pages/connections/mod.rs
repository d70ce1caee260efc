//! The connections page (`/connections`): every saved connection with its service,
//! endpoint and token status, links to open, edit or remove it, and the connections to
//! and from a file ([`transfer`]).

mod transfer;

use crate::connection::{Connection, SignInSettings};
use crate::ui::components::time_cell::{clock_label, shown_offset_minutes};
use crate::ui::links::{list_href, settings_href, sign_in_href};
use crate::ui::state::{AppState, Secret, ASSUMED_EXPIRY};
use leptos::prelude::*;
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

/// A date and time as the app shows them.
fn when(ms: f64) -> String {
    skyglass_core::timefmt::absolute(ms as i64, shown_offset_minutes())
}

/// A part of a card's line about its secret: text, a date and time (kept on one line), or
/// a side note.
enum Part {
    Text(String),
    When(f64),
    Note(&'static str),
}

fn text(t: impl Into<String>) -> Vec<Part> {
    vec![Part::Text(t.into())]
}

/// Where a stored secret is kept, and until when.
fn kept_where(secret: &Secret) -> Vec<Part> {
    match secret.remember_until_ms {
        Some(until) => vec![Part::Text("remembered on this device until ".into()), Part::When(until)],
        None => text("kept for this tab"),
    }
}

/// What a card says of its secret.
fn secret_note(sign_in: &SignInSettings, secret: Option<Secret>, demo: bool) -> Vec<Part> {
    let with = |mut head: Vec<Part>, tail: Vec<Part>| {
        head.extend(tail);
        head
    };
    match (sign_in, secret) {
        _ if demo => text("no token needed"),
        (SignInSettings::Token, Some(s)) => with(text("token "), kept_where(&s)),
        (SignInSettings::Token, None) => text("no token in this tab"),
        (SignInSettings::AccessKey { access_key }, Some(s)) => with(
            text(format!("signs with access key {access_key}; secret key ")),
            kept_where(&s),
        ),
        (SignInSettings::AccessKey { .. }, None) => text("no secret key in this tab"),
        (SignInSettings::Password { user, .. }, Some(s)) => match s.expires_at_ms {
            Some(e) if e <= js_sys::Date::now() => text(format!("sign-in of {user} expired")),
            Some(e) => {
                let mut parts = vec![Part::Text(format!("signed in as {user} until ")), Part::When(e)];
                if s.remember_until_ms.is_some() {
                    parts.push(Part::Text("; remembered on this device until then".into()));
                }
                parts.push(Part::Text(".".into()));
                if s.expiry_assumed {
                    parts.push(Part::Text(" ".into()));
                    parts.push(Part::Note(ASSUMED_EXPIRY));
                }
                parts
            }
            None => text(format!("signed in as {user}")),
        },
        (SignInSettings::Password { user, .. }, None) => text(format!("not signed in (IAM user {user})")),
    }
}

#[component]
fn ConnectionCard(conn: Connection) -> impl IntoView {
    let state = AppState::expect();
    let id = conn.id.clone();
    let demo = conn.demo;
    let secret = {
        let conn = conn.clone();
        move || state.secret(&conn).filter(|s| s.usable_for(&conn.sign_in))
    };
    let endpoint = if conn.demo {
        "Simulated inside this page".to_string()
    } else {
        conn.base_url.clone()
    };
    let token_note = {
        let secret = secret.clone();
        let sign_in = conn.sign_in.clone();
        move || {
            secret_note(&sign_in, secret(), demo)
                .into_iter()
                .map(|part| match part {
                    Part::Text(t) => t.into_any(),
                    Part::When(ms) => view! { <span class="nowrap">{when(ms)}</span> }.into_any(),
                    Part::Note(n) => view! { <span class="muted">{n}</span> }.into_any(),
                })
                .collect_view()
        }
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
    let can_forget = move || !demo && secret().is_some();
    let sign_in_link = matches!(conn.sign_in, SignInSettings::Password { .. })
        .then(|| view! { <a class="button" href=sign_in_href(&id, &list_href(&id))>"Sign in"</a> });
    let reach_id = id.clone();
    let reach = Memo::new(move |_| state.reach(&reach_id));
    let reach_state = move || match reach.get() {
        None => "unknown",
        Some(r) if r.failure.is_none() => "ok",
        Some(_) => "failed",
    };
    let reach_text = move || match reach.get() {
        None => "Not called yet in this tab".to_string(),
        Some(r) => match r.failure {
            None => format!("Last call OK at {}", clock_label(r.at)),
            Some(f) => format!("Last call failed at {}: {f}", clock_label(r.at)),
        },
    };
    let tally = move || {
        reach.get().map(|r| {
            format!(
                "{} of {} call{} failed in this tab",
                r.failures,
                r.calls,
                if r.calls == 1 { "" } else { "s" }
            )
        })
    };
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
                <div class="small token-note">{token_note}</div>
                {move || forgot.get().then(|| view! { <div class="small notice-inline" role="status">"Forgotten on this device. " {NOT_REVOKED}</div> })}
                <div class="small reach" data-reach=reach_state>{reach_text}</div>
                <div class="small muted tally">{tally}</div>
            </div>
            <div class="connection-actions">
                <a class="button" href=list_href(&id)>"Open"</a>
                {sign_in_link}
                {(!conn.demo).then(|| view! { <a class="button" href=settings_href(&id)>"Edit"</a> })}
                <Show when=can_forget.clone()>
                    <button type="button" on:click=forget.clone()>"Forget"</button>
                </Show>
                <button type="button" class="danger" on:click=remove>"Remove"</button>
            </div>
        </li>
    }
}

//! IAM password sign-in for a connection (`/c/{id}/sign-in?next=…`): the password (and,
//! when IAM asks for one, the virtual MFA code) goes to `POST /v3/auth/tokens` and is then
//! forgotten; the token it gets is stored like any token (this tab only unless the
//! connection remembers it), its project id fills in the connection's, and the user goes
//! back to the page they came from.

use crate::connection::{Connection, SignInSettings};
use crate::ui::components::time_cell::shown_absolute;
use crate::ui::links::{list_href, safe_next, settings_href, stays_on_origin};
use crate::ui::state::{AppState, Secret, ASSUMED_EXPIRY};
use crate::ui::transport::sign_in;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use skyglass_core::auth::iam::{Mfa, Scope, SignIn, SignInFailure};

#[component]
pub fn SignInPage() -> impl IntoView {
    let state = AppState::expect();
    let params = use_params_map();
    let query = use_query_map();
    let conn_id = params.read_untracked().get("conn").unwrap_or_default();
    let Some(conn) = state.connection(&conn_id) else {
        return view! {
            <section class="notice" role="alert">
                <h1>"No such connection"</h1>
                <p><a href="/connections">"See your connections"</a></p>
            </section>
        }
        .into_any();
    };
    let SignInSettings::Password {
        iam_url,
        domain,
        user,
        scope,
        user_id,
    } = conn.sign_in.clone()
    else {
        let href = settings_href(&conn.id);
        return view! {
            <section class="notice" role="alert">
                <h1>"Nothing to sign in to"</h1>
                <p>"“" {conn.name.clone()} "” does not sign in with a password. " <a href=href>"See its settings"</a> "."</p>
            </section>
        }
        .into_any();
    };
    let next = safe_next(query.read_untracked().get("next").as_deref(), &conn.id);
    let password = RwSignal::new(String::new());
    let mfa_needed = RwSignal::new(false);
    let mfa_user_id = RwSignal::new(user_id);
    let passcode = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let expiry = state.secret(&conn).and_then(|s| {
        let ms = s.expires_at_ms?;
        Some((
            ms <= js_sys::Date::now(),
            shown_absolute(ms as i64),
            s.expiry_assumed.then_some(ASSUMED_EXPIRY),
        ))
    });
    let navigate = use_navigate();
    let conn_for_submit = conn.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if password.with_untracked(|p| p.is_empty()) {
            problem.set(Some("Enter the password.".into()));
            return;
        }
        let mfa = mfa_needed.get_untracked().then(|| Mfa {
            user_id: mfa_user_id.get_untracked().trim().to_string(),
            passcode: passcode.get_untracked().trim().to_string(),
        });
        if mfa
            .as_ref()
            .is_some_and(|m| m.user_id.is_empty() || m.passcode.is_empty())
        {
            problem.set(Some("Enter your IAM user id and the code your MFA app shows.".into()));
            return;
        }
        let request = SignIn {
            domain: domain.clone(),
            user: user.clone(),
            password: password.get_untracked(),
            scope: Scope::parse(&scope),
            mfa,
        };
        busy.set(true);
        problem.set(None);
        let conn = conn_for_submit.clone();
        let iam_url = iam_url.clone();
        let next = next.clone();
        let list = list_href(&conn.id);
        let navigate = navigate.clone();
        spawn_local(async move {
            let answer = sign_in(&conn, &iam_url, &request).await;
            drop(request);
            busy.set(false);
            passcode.set(String::new());
            match answer {
                Ok(signed) => {
                    password.set(String::new());
                    remember_sign_in(state, conn, &signed);
                    // Checked once more as the browser reads it: never off this origin.
                    let to = if stays_on_origin(&next) { next } else { list };
                    navigate(&to, Default::default());
                }
                Err(SignInFailure::NeedsMfa(_)) => {
                    mfa_needed.set(true);
                    problem.set(Some(
                        "IAM asks for a verification code: this user has virtual MFA login protection. Enter the code your MFA app shows.".into(),
                    ));
                }
                Err(SignInFailure::Failed(e)) => problem.set(Some(e.to_string())),
            }
        });
    };
    let settings = settings_href(&conn.id);
    view! {
        <section class="connection-form sign-in">
            <h1>"Sign in to " {conn.name.clone()}</h1>
            <p class="lead">
                "IAM user " <strong>{user_label(&conn)}</strong> ", project " <code>{scope_label(&conn)}</code> ". "
                "The password goes to IAM once and is not stored anywhere; the token IAM gives lasts 24 hours and is kept "
                {if conn.remember_token { "on this device until it expires" } else { "in this tab only" }} "."
            </p>
            {expiry.map(|(past, at, assumed)| view! {
                <p class="notice" role="status">
                    {if past { "The last sign-in expired at " } else { "Signed in until " }}{at}"."
                    {assumed.map(|a| view! { " " <span class="assumed-expiry">{a}</span> })}
                </p>
            })}
            <form on:submit=submit novalidate>
                <label for="password">"Password"</label>
                <input id="password" name="password" type="password" bind:value=password autocomplete="current-password" required/>
                <Show when=move || mfa_needed.get()>
                    <label for="mfa_user_id">"IAM user ID"</label>
                    <input id="mfa_user_id" name="mfa_user_id" bind:value=mfa_user_id autocomplete="off" aria-describedby="mfa-user-id-hint"/>
                    <small id="mfa-user-id-hint" class="hint">"Shown on IAM's “My Credentials” page; filled in after a first sign-in."</small>
                    <label>"Verification code"
                        <input name="passcode" bind:value=passcode inputmode="numeric" autocomplete="one-time-code"/>
                    </label>
                </Show>
                {move || problem.get().map(|p| view! { <p class="form-problem" role="alert">{p}</p> })}
                <div class="form-actions">
                    <button type="submit" class="primary" prop:disabled=move || busy.get()>
                        {move || if busy.get() { "Signing in…" } else { "Sign in" }}
                    </button>
                    <a class="button" href=settings>"Settings"</a>
                    <a class="button" href="/connections">"Cancel"</a>
                </div>
            </form>
        </section>
    }
    .into_any()
}

fn user_label(conn: &Connection) -> String {
    match &conn.sign_in {
        SignInSettings::Password { domain, user, .. } => format!("{user} (account {domain})"),
        _ => String::new(),
    }
}

fn scope_label(conn: &Connection) -> String {
    match &conn.sign_in {
        SignInSettings::Password { scope, .. } => scope.clone(),
        _ => String::new(),
    }
}

/// Stores the token of a sign-in and fills in what it says (the project id, the user id).
fn remember_sign_in(state: AppState, mut conn: Connection, signed: &skyglass_core::auth::iam::SignedIn) {
    // IAM's expiry, or the documented 24 hours when it cannot be read: never none.
    let expiry = signed.expiry(js_sys::Date::now() as i64);
    let secret = Secret {
        token: Some(signed.token.clone()),
        expires_at_ms: Some(expiry.at_ms as f64),
        expiry_assumed: expiry.assumed,
        ..Secret::default()
    };
    let mut changed = false;
    if let Some(p) = &signed.project_id {
        if conn.info().is_some_and(|i| i.needs_project) && conn.project_id != *p {
            conn.project_id = p.clone();
            changed = true;
        }
    }
    if let (Some(id), SignInSettings::Password { user_id, .. }) = (&signed.user_id, &mut conn.sign_in) {
        if user_id != id {
            *user_id = id.clone();
            changed = true;
        }
    }
    if changed {
        state.save(conn.clone());
    }
    state.set_secret(&conn.id, &secret, conn.remember_token);
}

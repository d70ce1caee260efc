//! What a connection's card says of its secret: where it is kept and until when, or who is
//! signed in until when.

use crate::connection::SignInSettings;
use crate::ui::components::time_cell::shown_absolute;
use crate::ui::state::{Secret, ASSUMED_EXPIRY};
use leptos::prelude::*;

/// The card's line about its secret (`secret` as it is now: it is read again on change).
#[component]
pub fn SecretNote(sign_in: SignInSettings, secret: Signal<Option<Secret>>, demo: bool) -> impl IntoView {
    move || {
        secret_note(&sign_in, secret.get(), demo)
            .into_iter()
            .map(|part| match part {
                Part::Text(t) => t.into_any(),
                Part::When(ms) => view! { <span class="nowrap">{when(ms)}</span> }.into_any(),
                Part::Note(n) => view! { <span class="muted">{n}</span> }.into_any(),
            })
            .collect_view()
    }
}

/// A date and time as the app shows them.
fn when(ms: f64) -> String {
    shown_absolute(ms as i64)
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

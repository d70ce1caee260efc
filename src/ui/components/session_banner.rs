//! The banner above every page that asks for a new sign-in before it is too late: a
//! password connection whose token expires within [`WARN_BEFORE_MS`] (or has expired),
//! and any connection whose credentials a service refused in this tab (a 401). It links
//! to the sign-in page (or, for a token or an access key, the settings) and comes back to
//! the page the user is on: nothing on that page is lost.

use crate::connection::{Connection, SignInSettings};
use crate::ui::links::{here, settings_href, sign_in_href};
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_use_interval_fn::use_interval_fn;

/// How long before a token expires the banner asks for a new sign-in.
pub const WARN_BEFORE_MS: f64 = 15.0 * 60_000.0;

/// What a connection's banner says, if it needs one at `now`.
fn notice(state: &AppState, conn: &Connection, now: f64) -> Option<(String, String, &'static str)> {
    let refused = state.refused(&conn.id);
    match &conn.sign_in {
        SignInSettings::Password { .. } => {
            let expires = state.secret(conn).and_then(|s| s.token.and(s.expires_at_ms));
            let text = match expires {
                _ if refused => format!("{}: the service refused the sign-in.", conn.name),
                Some(e) if e <= now => format!("{}: the sign-in has expired.", conn.name),
                Some(e) if e - now <= WARN_BEFORE_MS => format!(
                    "{}: the sign-in expires in {} min.",
                    conn.name,
                    ((e - now) / 60_000.0).ceil() as i64
                ),
                _ => return None,
            };
            Some((text, sign_in_href(&conn.id, &here()), "Sign in again"))
        }
        _ if refused => Some((
            format!("{}: the service refused its credentials.", conn.name),
            settings_href(&conn.id),
            "Check the credentials",
        )),
        _ => None,
    }
}

#[component]
pub fn SessionBanner() -> impl IntoView {
    let state = AppState::expect();
    let now = RwSignal::new(js_sys::Date::now());
    let _tick = use_interval_fn(move || now.set(js_sys::Date::now()), 15_000);
    let location = leptos_router::hooks::use_location();
    let notices = move || {
        // Re-read on navigation, so that the links come back to the page now open.
        location.pathname.track();
        location.search.track();
        let now = now.get();
        state
            .connections()
            .iter()
            .filter_map(|c| notice(&state, c, now).map(|n| (c.id.clone(), n)))
            .collect::<Vec<_>>()
    };
    move || {
        let list = notices();
        (!list.is_empty()).then(|| {
            view! {
                <aside class="session-banner" aria-label="Sign-in notices" aria-live="polite">
                    {list.into_iter().map(|(id, (text, href, action))| view! {
                        <p data-connection=id>
                            <span>{text}</span>" "
                            <a class="button primary" href=href>{action}</a>
                        </p>
                    }).collect_view()}
                </aside>
            }
        })
    }
}

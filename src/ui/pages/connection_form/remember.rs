//! "Remember on this device", and for how long: a token or secret key is remembered for the
//! days chosen here (a week unless chosen otherwise), an IAM token until it expires.
//! Editing a remembered connection offers its present end first, unchanged.

use crate::ui::components::time_cell::shown_absolute;
use crate::ui::state::{Secret, DAY_MS, DEFAULT_REMEMBER_DAYS, REMEMBER_DAYS};
use leptos::prelude::*;
use skyglass_core::http::SignInMethod;

/// The choice's value that keeps the present end.
const UNCHANGED: &str = "unchanged";

/// What the form holds of the choice.
#[derive(Clone, Copy)]
pub struct RememberDraft {
    pub remember: RwSignal<bool>,
    /// Days, or [`UNCHANGED`].
    choice: RwSignal<String>,
    /// The present end of a remembered secret (Unix ms).
    until: StoredValue<Option<f64>>,
}

impl RememberDraft {
    /// For a connection that remembers or not, and what is stored for it now.
    pub fn of(remember: bool, kept: Option<&Secret>) -> RememberDraft {
        let until = kept.and_then(|k| k.remember_until_ms).filter(|_| remember);
        RememberDraft {
            remember: RwSignal::new(remember),
            choice: RwSignal::new(match until {
                Some(_) => UNCHANGED.into(),
                None => DEFAULT_REMEMBER_DAYS.to_string(),
            }),
            until: StoredValue::new(until),
        }
    }

    /// `secret` with the end chosen, from `now_ms` (when remembered at all).
    pub fn apply(&self, secret: Secret, now_ms: f64) -> Secret {
        if !self.remember.get_untracked() {
            return secret;
        }
        let choice = self.choice.get_untracked();
        let until = match (choice.as_str(), self.until.get_value()) {
            (UNCHANGED, Some(until)) => until,
            (days, _) => now_ms + f64::from(days.parse::<u32>().unwrap_or(DEFAULT_REMEMBER_DAYS)) * DAY_MS,
        };
        secret.remembered_until(until)
    }
}

/// The checkbox, and the choice of how long (or, for an IAM sign-in, what it means).
#[component]
pub fn RememberFields(draft: RememberDraft, #[prop(into)] method: Signal<SignInMethod>) -> impl IntoView {
    let password = move || method.get() == SignInMethod::Password;
    let days = |d: u32| {
        if d == 1 {
            "1 day".to_string()
        } else {
            format!("{d} days")
        }
    };
    view! {
        <label class="checkbox">
            <input name="remember" type="checkbox" bind:checked=draft.remember/>
            "Remember the token or secret key on this device (otherwise it is forgotten when the tab closes). A password is never stored."
        </label>
        <Show when=move || draft.remember.get() && !password()>
            <label class="remember-for">"Remember it for"
                <select name="remember_for" bind:value=draft.choice>
                    {draft.until.get_value().map(|u| view! {
                        <option value=UNCHANGED>
                            {format!("until {}", shown_absolute(u as i64))}
                        </option>
                    })}
                    {REMEMBER_DAYS.iter().map(|&d| view! { <option value=d.to_string()>{days(d)}</option> }).collect_view()}
                </select>
                <small>"Then it is removed from this device and you are asked for it again."</small>
            </label>
        </Show>
        <Show when=move || draft.remember.get() && password()>
            <p class="hint-block">"A token from IAM is remembered until it expires: 24 hours after the sign-in at most."</p>
        </Show>
    }
}

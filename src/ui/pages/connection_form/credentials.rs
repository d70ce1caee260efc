//! The sign-in half of the connection form: the methods the chosen service takes (a token,
//! an IAM password sign-in, an AK/SK pair), each with its fields and what it needs from
//! the proxy. Secrets typed here go to the connection's secret storage, never into the
//! connection itself; a password is not asked for here at all (the sign-in page asks).

use crate::connection::{Connection, SignInSettings};
use crate::ui::state::Secret;
use leptos::prelude::*;
use skyglass_core::http::SignInMethod;
use skyglass_core::service::ServiceInfo;
use skyglass_core::services::INFOS;

/// What the form holds of a connection's sign-in, as signals.
#[derive(Clone, Copy)]
pub struct CredentialDraft {
    pub method: RwSignal<SignInMethod>,
    pub token: RwSignal<String>,
    pub iam_url: RwSignal<String>,
    pub domain: RwSignal<String>,
    pub user: RwSignal<String>,
    pub scope: RwSignal<String>,
    user_id: StoredValue<String>,
    pub access_key: RwSignal<String>,
    pub secret_key: RwSignal<String>,
    pub security_token: RwSignal<String>,
}

impl CredentialDraft {
    pub fn of(conn: &Connection) -> CredentialDraft {
        let (iam_url, domain, user, scope, user_id) = match &conn.sign_in {
            SignInSettings::Password {
                iam_url,
                domain,
                user,
                scope,
                user_id,
            } => (
                iam_url.clone(),
                domain.clone(),
                user.clone(),
                scope.clone(),
                user_id.clone(),
            ),
            _ => (
                "/proxy/iam".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ),
        };
        let access_key = match &conn.sign_in {
            SignInSettings::AccessKey { access_key } => access_key.clone(),
            _ => String::new(),
        };
        CredentialDraft {
            method: RwSignal::new(conn.sign_in.method()),
            token: RwSignal::new(String::new()),
            iam_url: RwSignal::new(iam_url),
            domain: RwSignal::new(domain),
            user: RwSignal::new(user),
            scope: RwSignal::new(scope),
            user_id: StoredValue::new(user_id),
            access_key: RwSignal::new(access_key),
            secret_key: RwSignal::new(String::new()),
            security_token: RwSignal::new(String::new()),
        }
    }

    /// The settings as typed.
    pub fn settings(&self) -> SignInSettings {
        let t = |s: RwSignal<String>| s.get_untracked().trim().to_string();
        match self.method.get_untracked() {
            SignInMethod::Token => SignInSettings::Token,
            SignInMethod::Password => SignInSettings::Password {
                iam_url: t(self.iam_url).trim_end_matches('/').to_string(),
                domain: t(self.domain),
                user: t(self.user),
                scope: t(self.scope),
                user_id: self.user_id.get_value(),
            },
            SignInMethod::AccessKey => SignInSettings::AccessKey {
                access_key: t(self.access_key),
            },
        }
    }

    /// The secret to store for `conn` (already carrying the new settings), given what was
    /// stored for `before`: what was typed, or what was kept when nothing was typed and
    /// the settings it belongs to did not change. `Err` says what is missing.
    pub fn secret(
        &self,
        before: &Connection,
        kept: Option<Secret>,
        conn: &Connection,
    ) -> Result<Option<Secret>, String> {
        let kept = kept.filter(|_| same_credentials(&before.sign_in, &conn.sign_in));
        match &conn.sign_in {
            SignInSettings::Token => {
                let typed = self.token.get_untracked().trim().to_string();
                if !typed.is_empty() {
                    Ok(Some(Secret::token(&typed)))
                } else if kept.as_ref().is_some_and(|k| k.usable_for(&conn.sign_in)) {
                    Ok(kept)
                } else {
                    Err("Enter a token: every call to this service needs one.".into())
                }
            }
            // Signed in later; a kept token stays while the account and scope are the same.
            SignInSettings::Password { .. } => Ok(kept),
            SignInSettings::AccessKey { .. } => {
                let sk = self.secret_key.get_untracked().trim().to_string();
                let st = self.security_token.get_untracked().trim().to_string();
                if !sk.is_empty() {
                    Ok(Some(Secret {
                        secret_key: Some(sk),
                        security_token: (!st.is_empty()).then_some(st),
                        ..Secret::default()
                    }))
                } else if kept.as_ref().is_some_and(|k| k.usable_for(&conn.sign_in)) {
                    Ok(kept)
                } else {
                    Err("Enter the secret access key (SK) of this access key.".into())
                }
            }
        }
    }
}

/// Whether a stored secret still belongs to the new settings.
fn same_credentials(a: &SignInSettings, b: &SignInSettings) -> bool {
    match (a, b) {
        (SignInSettings::Token, SignInSettings::Token) => true,
        (
            SignInSettings::Password {
                iam_url: i1,
                domain: d1,
                user: u1,
                scope: s1,
                ..
            },
            SignInSettings::Password {
                iam_url: i2,
                domain: d2,
                user: u2,
                scope: s2,
                ..
            },
        ) => (i1, d1, u1, s1) == (i2, d2, u2, s2),
        (SignInSettings::AccessKey { access_key: a1 }, SignInSettings::AccessKey { access_key: a2 }) => a1 == a2,
        _ => false,
    }
}

/// The services that take `method`, in words.
fn services_taking(method: SignInMethod) -> String {
    INFOS
        .iter()
        .filter(|i| i.auth.methods().contains(&method))
        .map(|i| i.label)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The method choice and the chosen method's fields.
#[component]
pub fn CredentialFields(
    draft: CredentialDraft,
    #[prop(into)] service: Signal<&'static ServiceInfo>,
    /// What is stored now (for "leave empty to keep" hints).
    #[prop(into)]
    kept: Signal<Option<Secret>>,
) -> impl IntoView {
    // A service that does not take the chosen method falls back to a token.
    Effect::new(move |_| {
        let methods = service.get().auth.methods();
        if !methods.contains(&draft.method.get_untracked()) {
            draft.method.set(SignInMethod::Token);
        }
    });
    let has = move |f: fn(&Secret) -> bool| kept.with(|k| k.as_ref().is_some_and(f));
    let keep_hint = move |yes: bool| if yes { "unchanged: leave empty to keep it" } else { "" };
    view! {
        <fieldset class="sign-in-methods">
            <legend>"How to sign in"</legend>
            {move || service.get().auth.methods().iter().map(|&m| view! {
                <label class="checkbox">
                    <input type="radio" name="method" value=m.label()
                        prop:checked=move || draft.method.get() == m
                        on:change=move |_| draft.method.set(m)/>
                    {m.label()}
                </label>
            }).collect_view()}
            <small class="hint-block">
                "A token: every service. IAM password sign-in and access keys: " {services_taking(SignInMethod::Password)} ". "
                "ByCloud takes only its Bearer token."
            </small>
        </fieldset>
        <Show when=move || draft.method.get() == SignInMethod::Token>
            <label for="token">"Token"</label>
            <input id="token" name="token" type="password" bind:value=draft.token autocomplete="off" aria-describedby="token-hint"
                placeholder=move || keep_hint(has(|s| s.token.is_some()))/>
            <small id="token-hint" class="hint">{move || service.get().auth.describe()}</small>
        </Show>
        <Show when=move || draft.method.get() == SignInMethod::Password>
            <label for="iam_url">"IAM URL"</label>
            <input id="iam_url" name="iam_url" bind:value=draft.iam_url placeholder="/proxy/iam" autocomplete="off" aria-describedby="iam-url-hint"/>
            <small id="iam-url-hint" class="hint">"Where POST /v3/auth/tokens goes: a same-origin proxy path to https://iam.myhuaweicloud.com (or a region's IAM). The proxy must pass the X-Subject-Token response header through."</small>
            <label>"Account name"
                <input name="domain" bind:value=draft.domain autocomplete="off"/>
            </label>
            <label>"IAM user name"
                <input name="user" bind:value=draft.user autocomplete="username"/>
            </label>
            <label for="scope">"Project scope"</label>
            <input id="scope" name="scope" bind:value=draft.scope placeholder="cn-north-4" autocomplete="off" aria-describedby="scope-hint"/>
            <small id="scope-hint" class="hint">"A region name such as cn-north-4, or a project id. The token's project id fills in the connection's."</small>
            <p class="hint-block">"The password is asked for when you sign in and is never stored. The token lasts 24 hours; you are asked to sign in again before it expires."</p>
        </Show>
        <Show when=move || draft.method.get() == SignInMethod::AccessKey>
            <label>"Access key ID (AK)"
                <input name="access_key" bind:value=draft.access_key autocomplete="off" spellcheck="false"/>
            </label>
            <label for="secret_key">"Secret access key (SK)"</label>
            <input id="secret_key" name="secret_key" type="password" bind:value=draft.secret_key autocomplete="off"
                placeholder=move || keep_hint(has(|s| s.secret_key.is_some()))/>
            <label for="security_token">"Security token (temporary credentials only)"</label>
            <input id="security_token" name="security_token" type="password" bind:value=draft.security_token autocomplete="off"/>
            <p class="hint-block">"Every request is signed in this page with SDK-HMAC-SHA256; the secret key never leaves it. The signature covers the path the service sees (without the proxy's prefix) and only X-Sdk-Date, X-Project-Id, X-Security-Token and Content-Type: the proxy must pass those and Authorization through unchanged."</p>
        </Show>
    }
}

//! Add or edit a connection: name, service, base URL (absolute or a same-origin proxy
//! path), project id, how it signs in ([`credentials`]), and whether to remember its token
//! or secret key on this device, and for how long ([`remember`]).

mod credentials;
mod remember;

use crate::connection::{new_id, Connection, SignInSettings};
use crate::ui::links::{list_href, sign_in_href};
use crate::ui::state::AppState;
use credentials::{CredentialDraft, CredentialFields};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use remember::{RememberDraft, RememberFields};
use skyglass_core::services::INFOS;

#[component]
pub fn ConnectionFormPage() -> impl IntoView {
    let state = AppState::expect();
    let params = use_params_map();
    let editing = params.read_untracked().get("id").and_then(|id| state.connection(&id));
    let is_new = editing.is_none();
    let original = editing.clone().unwrap_or(Connection {
        id: String::new(),
        name: String::new(),
        service: INFOS[0].key.into(),
        base_url: String::new(),
        project_id: String::new(),
        remember_token: false,
        demo: false,
        sign_in: SignInSettings::Token,
    });
    if original.demo {
        return view! {
            <section class="notice">
                <h1>"Demo cloud"</h1>
                <p>"The Demo cloud is simulated inside this page: there is nothing to configure."</p>
                <p><a href="/connections">"Back to connections"</a></p>
            </section>
        }
        .into_any();
    }
    let name = RwSignal::new(original.name.clone());
    let service = RwSignal::new(original.info().unwrap_or(INFOS[0]));
    let base_url = RwSignal::new(original.base_url.clone());
    let project_id = RwSignal::new(original.project_id.clone());
    let draft = CredentialDraft::of(&original);
    let problem = RwSignal::new(None::<String>);
    let kept = if is_new { None } else { state.secret(&original) };
    let remember = RememberDraft::of(original.remember_token, kept.as_ref());
    let kept_signal = Signal::stored(kept.clone());
    let navigate = use_navigate();
    let orig = original.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let taken: Vec<String> = state.connections().into_iter().map(|c| c.id).collect();
        let conn = Connection {
            id: if orig.id.is_empty() {
                new_id(&name.get_untracked(), &taken)
            } else {
                orig.id.clone()
            },
            name: name.get_untracked().trim().to_string(),
            service: service.get_untracked().key.into(),
            base_url: base_url.get_untracked().trim().trim_end_matches('/').to_string(),
            project_id: if service.get_untracked().needs_project {
                project_id.get_untracked().trim().to_string()
            } else {
                String::new()
            },
            remember_token: remember.remember.get_untracked(),
            demo: false,
            sign_in: draft.settings(),
        };
        if let Err(e) = conn.validate() {
            problem.set(Some(e));
            return;
        }
        let secret = match draft.secret(&orig, kept.clone(), &conn) {
            Ok(s) => s,
            Err(e) => {
                problem.set(Some(e));
                return;
            }
        };
        state.save(conn.clone());
        match &secret {
            // Stored again: a change of `remember` moves it between the storages.
            Some(s) => state.set_secret(
                &conn.id,
                &remember.apply(s.clone(), js_sys::Date::now()),
                conn.remember_token,
            ),
            None => state.forget_secret(&conn.id),
        }
        let signed_in = secret.is_some_and(|s| s.usable_for(&conn.sign_in) && !s.expired(js_sys::Date::now()));
        let next = list_href(&conn.id);
        if matches!(conn.sign_in, SignInSettings::Password { .. }) && !signed_in {
            navigate(&sign_in_href(&conn.id, &next), Default::default());
        } else {
            navigate(&next, Default::default());
        }
    };
    view! {
        <section class="connection-form">
            <h1>{if is_new { "Add a connection" } else { "Edit connection" }}</h1>
            <form on:submit=submit novalidate>
                <label>"Name"
                    <input name="name" required bind:value=name autocomplete="off"/>
                </label>
                <label>"Service"
                    <select name="service" on:change=move |ev| {
                        if let Some(s) = skyglass_core::services::info(&event_target_value(&ev)) { service.set(s) }
                    } prop:value=move || service.get().key>
                        {INFOS.iter().map(|i| view! {
                            <option value=i.key>{i.label}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>"Base URL"
                    <input name="base_url" bind:value=base_url placeholder="/proxy/clouddc-cn-east-3" autocomplete="off"/>
                    <small>"An absolute URL, or a same-origin proxy path such as /proxy/clouddc-cn-east-3. The clouds send no CORS headers, so a browser needs a proxy: see the README."</small>
                </label>
                <Show when=move || service.get().needs_project>
                    <label>"Project ID"
                        <input name="project_id" bind:value=project_id autocomplete="off"/>
                    </label>
                </Show>
                <CredentialFields draft service=service kept=kept_signal/>
                <RememberFields draft=remember method=draft.method/>
                {move || problem.get().map(|p| view! { <p class="form-problem" role="alert">{p}</p> })}
                <div class="form-actions">
                    <button type="submit" class="primary">"Save"</button>
                    <a class="button" href="/connections">"Cancel"</a>
                </div>
            </form>
        </section>
    }
    .into_any()
}

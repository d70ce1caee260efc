//! Renders a connection's view with a client for it, or says why there is none (no such
//! connection, no token or secret key in this session, a sign-in needed).

use crate::ui::links::{here, settings_href, sign_in_href};
use crate::ui::state::{AppState, ClientProblem};
use crate::ui::transport::Client;
use leptos::prelude::*;

#[component]
pub fn WithClient<C, V>(#[prop(into)] conn_id: Signal<String>, child: C) -> impl IntoView
where
    C: Fn(Client) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = AppState::expect();
    let client = Memo::new(move |_| state.client(&conn_id.get()));
    move || {
        match client.get() {
        Ok(c) => child(c).into_any(),
        Err(ClientProblem::NoSuchConnection) => view! {
            <section class="notice" role="alert">
                <h2>"No such connection"</h2>
                <p>"There is no connection “" {conn_id.get()} "” in this browser. " <a href="/connections">"See your connections"</a> "."</p>
            </section>
        }
        .into_any(),
        Err(ClientProblem::NoToken) => {
            let href = settings_href(&conn_id.get());
            view! {
                <section class="notice" role="alert">
                    <h2>"Token needed"</h2>
                    <p>"This connection has no token in this browser session. " <a href=href>"Enter a token"</a> "."</p>
                </section>
            }
            .into_any()
        }
        Err(ClientProblem::NoSecretKey) => {
            let href = settings_href(&conn_id.get());
            view! {
                <section class="notice" role="alert">
                    <h2>"Secret key needed"</h2>
                    <p>"This connection signs its requests with an access key, and its secret key is not in this browser session. " <a href=href>"Enter the secret key"</a> "."</p>
                </section>
            }
            .into_any()
        }
        Err(ClientProblem::SignInNeeded) => {
            let href = sign_in_href(&conn_id.get(), &here());
            view! {
                <section class="notice" role="alert">
                    <h2>"Sign in"</h2>
                    <p>"This connection signs in with an IAM password, and it is not signed in (or its sign-in has expired). " <a class="button primary" href=href>"Sign in"</a></p>
                </section>
            }
            .into_any()
        }
    }
    }
}

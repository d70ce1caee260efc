//! ImageSearch (seed 003): look an instance up by name and show every field, with dates
//! rendered and "never expires" for -1. The names looked up recently are remembered on
//! this device. The name lives in the URL.

use crate::ui::components::call_banners::CallBanners;
use crate::ui::components::connection_heading::ConnectionHeading;
use crate::ui::components::details_view::DetailsPanel;
use crate::ui::components::refresh_control::RefreshControl;
use crate::ui::hooks::use_api::{use_api_with_options, UseApiOptions};
use crate::ui::hooks::use_query_navigation::use_query_navigation;
use crate::ui::hooks::use_url_query::use_url_query;
use crate::ui::hooks::use_view_prefs::use_view_prefs;
use crate::ui::transport::Client;
use codee::string::JsonSerdeCodec;
use leptos::prelude::*;
use leptos_use_storage::use_local_storage;
use skyglass_core::http::encode;
use skyglass_core::services::imagesearch::lookup::{self, decode_details, remember, state};
use skyglass_core::services::imagesearch::wire::Details;

/// How many recent names are kept.
pub const RECENT_MAX: usize = 8;

#[component]
pub fn ImageSearchPage(client: Client) -> impl IntoView {
    let url = use_url_query();
    let name = Memo::new(move |_| {
        url.with(|p| {
            p.iter()
                .find(|(k, _)| k == "name")
                .map(|(_, v)| v.trim().to_string())
                .filter(|v| !v.is_empty())
        })
    });
    let go = use_query_navigation(client.conn.id.clone());
    let on_lookup = Callback::new(move |n: String| go.run(format!("name={}", encode(n.trim()))));
    view! { <ImageSearchView client name on_lookup/> }
}

/// The lookup itself, independent of the router.
#[component]
pub fn ImageSearchView(
    client: Client,
    #[prop(into)] name: Signal<Option<String>>,
    #[prop(into)] on_lookup: Callback<String>,
) -> impl IntoView {
    let conn_id = client.conn.id.clone();
    let (recent, set_recent, _) =
        use_local_storage::<Vec<String>, JsonSerdeCodec>(format!("skyglass.imagesearch.recent.{conn_id}"));
    let c = client.clone();
    let interval = use_view_prefs(&conn_id, "lookup").interval();
    let call = use_api_with_options(
        move || {
            let n = name.get()?;
            let req = lookup::request(&c.conn.project_id, &n);
            Some((c.clone(), req))
        },
        decode_details,
        UseApiOptions {
            interval: interval.0,
            transitional: |d: &Details| state(d).transitional,
            ..UseApiOptions::default()
        },
    );
    // Remember a name once it was found.
    Effect::new(move |_| {
        if let (Some(n), Some(_)) = (name.get(), call.data.with(|d| d.as_ref().map(|_| ()))) {
            let updated = remember(&recent.get_untracked(), &n, RECENT_MAX);
            if updated != recent.get_untracked() {
                set_recent.set(updated);
            }
        }
    });
    let typed = RwSignal::new(name.get_untracked().unwrap_or_default());
    Effect::new(move |_| typed.set(name.get().unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = typed.get_untracked();
        if !n.trim().is_empty() {
            on_lookup.run(n);
        }
    };
    // The Demo cloud's names, once its code has loaded (a lazy part of the build).
    let demo = client.conn.demo;
    let suggestions = LocalResource::new(move || async move {
        if demo {
            crate::ui::transport::demo::imagesearch_suggestions().await
        } else {
            Vec::new()
        }
    });
    let err_conn = conn_id.clone();
    // A new name forgets the answer for the old one (it would be a different instance).
    Effect::new(move |prev: Option<Option<String>>| {
        let n = name.get();
        if prev.is_some_and(|p| p != n) {
            call.data.set(None);
            call.error.set(None);
        }
        n
    });
    let shown = Memo::new(move |_| call.data.get());
    view! {
        <section class="imagesearch" aria-busy=move || call.loading.get().to_string()>
            <ConnectionHeading client/>
            <h1>"ImageSearch instance"</h1>
            <form class="lookup" on:submit=submit>
                <label>"Instance name"
                    <input name="instance_name" bind:value=typed autocomplete="off" required/>
                </label>
                <button type="submit" class="primary">"Look up"</button>
                <span class="spacer"></span>
                {move || name.get().is_some().then(|| view! {
                    <RefreshControl updated_at=call.updated_at loading=call.loading on_refresh=move |_| call.refresh() interval/>
                })}
            </form>
            {move || (!recent.get().is_empty()).then(|| view! {
                <div class="recent" aria-label="Recently looked up on this device">
                    <span class="muted small">"Recent:"</span>
                    {recent.get().into_iter().map(|n| {
                        let pick = n.clone();
                        view! { <button type="button" class="chip" on:click=move |_| on_lookup.run(pick.clone())>{n}</button> }
                    }).collect_view()}
                    <button type="button" class="chip muted" on:click=move |_| set_recent.set(Vec::new())>"Forget"</button>
                </div>
            })}
            {move || suggestions.get().filter(|s| !s.is_empty()).map(|suggestions| view! {
                <p class="muted small">"The Demo cloud has instances named "
                    {suggestions.iter().take(3).map(|n| view! { <code>{n.clone()}</code>" " }).collect_view()}
                    "and more."</p>
            })}
            <CallBanners call connection_id=err_conn/>
            {move || shown.get().map(|d| view! { <DetailsPanel details=lookup::details(&d)/> })}
        </section>
    }
}

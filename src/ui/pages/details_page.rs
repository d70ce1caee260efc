//! One instance with every field, for services whose rows open a page of their own
//! (CloudDC, ECS): `/c/{connection}/i/{id}`. The instance is fetched by id (the list
//! filtered to it), so the page works on reload and from a shared link. A service may add
//! its own actions (CloudDC: the live status view).

use crate::ui::components::badge::StateBadge;
use crate::ui::components::connection_heading::ConnectionHeading;
use crate::ui::components::details_view::{DetailsSections, InstanceName};
use crate::ui::components::error_banner::ErrorBanner;
use crate::ui::components::with_client::WithClient;
use crate::ui::hooks::use_api::use_api;
use crate::ui::links::list_href;
use crate::ui::transport::Client;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use skyglass_core::service::ListApi;
use skyglass_core::services;
use std::sync::Arc;

#[component]
pub fn DetailsPage() -> impl IntoView {
    let params = use_params_map();
    let conn_id = Signal::derive(move || params.read().get("conn").unwrap_or_default());
    let id = Signal::derive(move || params.read().get("id").unwrap_or_default());
    view! {
        <WithClient conn_id child=move |client: Client| {
            let key = client.conn.info().map(|i| i.key).unwrap_or_default();
            match services::list(key) {
                Some(api) if api.one_request("", "").is_some() => view! { <InstanceDetails client api id/> }.into_any(),
                _ => view! {
                    <section class="notice"><p>"This service shows an instance's details below its list. "
                        <a href=list_href(&client.conn.id)>"Go to the list"</a></p></section>
                }
                .into_any(),
            }
        }/>
    }
}

/// The details of instance `id`, independent of the router.
#[component]
pub fn InstanceDetails(client: Client, api: Arc<dyn ListApi>, #[prop(into)] id: Signal<String>) -> impl IntoView {
    let conn_id = client.conn.id.clone();
    let (c, request_api, decode_api) = (client.clone(), api.clone(), api.clone());
    let call = use_api(
        move || {
            let req = request_api.one_request(&id.get(), &c.conn.project_id)?;
            Some((c.clone(), req))
        },
        move |r| decode_api.decode(r),
    );
    let found = Memo::new(move |_| {
        let id = id.get();
        call.data.with(|d| {
            let page = d.as_ref()?;
            let row = page.position(&id)?;
            Some((page.details(row)?, page.state(row)?))
        })
    });
    let back = list_href(&conn_id);
    let err_conn = conn_id.clone();
    let key = api.info().key;
    view! {
        <section class="instance-details">
            <ConnectionHeading client/>
            <p><a href=back>"← Instances"</a></p>
            {move || call.error.get().map(|e| view! { <ErrorBanner error=e connection_id=err_conn.clone()/> })}
            {move || match (found.get(), call.data.with(Option::is_some)) {
                (Some((details, state)), _) => {
                    let actions = crate::ui::services::details_actions(key, &conn_id, &id.get_untracked());
                    view! {
                        <InstanceName name=details.name.clone()/>
                        <p class="details-actions"><StateBadge state/>" "{actions}</p>
                        <DetailsSections details/>
                    }
                    .into_any()
                }
                (None, true) => view! { <p class="notice">"No instance with id " <code>{id.get()}</code> " in this connection."</p> }.into_any(),
                (None, false) => view! { <p class="muted">{move || if call.loading.get() { "Loading…" } else { "" }}</p> }.into_any(),
            }}
        </section>
    }
}

//! One CloudDC instance with every documented field. It is fetched by `instance_id`
//! (the list filtered to one id), so the page works on reload and from a shared link.

use super::{list_href, status_href, ConnectionHeading, WithClient};
use crate::api::clouddc::{decode_user_data, instance_request, Instance, UserData};
use crate::ui::components::clamped_text::{ClampedList, ClampedText};
use crate::ui::components::error_banner::ErrorBanner;
use crate::ui::components::state_badge::StateBadge;
use crate::ui::components::time_cell::TimeCell;
use crate::ui::transport::Client;
use crate::ui::use_api::use_api;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn InstanceDetailsPage() -> impl IntoView {
    let params = use_params_map();
    let conn_id = Signal::derive(move || params.read().get("conn").unwrap_or_default());
    let id = Signal::derive(move || params.read().get("id").unwrap_or_default());
    view! { <WithClient conn_id child=move |client: Client| view! { <InstanceDetails client id/> }/> }
}

#[component]
fn InstanceDetails(client: Client, #[prop(into)] id: Signal<String>) -> impl IntoView {
    let conn_id = client.conn.id.clone();
    let c = client.clone();
    let call = use_api(
        move || {
            let req = instance_request(&c.conn.project_id, &id.get(), &c.auth);
            Some((c.clone(), req))
        },
        crate::api::clouddc::decode_list,
    );
    let instance = Memo::new(move |_| {
        let id = id.get();
        call.data.with(|d| {
            d.as_ref()
                .and_then(|l| l.instances.iter().find(|i| i.id == id).cloned())
        })
    });
    let back = list_href(&conn_id);
    let err_conn = conn_id.clone();
    view! {
        <section class="instance-details">
            <ConnectionHeading client/>
            <p><a href=back>"← Instances"</a></p>
            {move || call.error.get().map(|e| view! { <ErrorBanner error=e connection_id=err_conn.clone()/> })}
            {move || match (instance.get(), call.data.with(Option::is_some)) {
                (Some(inst), _) => view! { <InstanceFields inst conn_id=conn_id.clone()/> }.into_any(),
                (None, true) => view! { <p class="notice">"No instance with id " <code>{id.get()}</code> " in this connection."</p> }.into_any(),
                (None, false) => view! { <p class="muted">{move || if call.loading.get() { "Loading…" } else { "" }}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn InstanceFields(inst: Instance, conn_id: String) -> impl IntoView {
    let image = inst.image.clone().unwrap_or_default();
    let status = status_href(&conn_id, &inst.id);
    let user_data = match decode_user_data(&inst.user_data) {
        UserData::Empty => view! { <span class="muted">"none"</span> }.into_any(),
        UserData::Text(t) => view! { <pre class="user-data">{t}</pre> }.into_any(),
        UserData::Binary(n) => view! { <span>{format!("{n} bytes of binary data")}</span> }.into_any(),
        UserData::NotBase64(raw) => view! { <span>"Not base64; as it arrived: " <code>{raw}</code></span> }.into_any(),
    };
    let field = |label: &'static str, value: String| {
        view! { <dt>{label}</dt><dd class="mono">{if value.is_empty() { "—".to_string() } else { value }}</dd> }
    };
    let time = |label: &'static str, raw: String| view! { <dt>{label}</dt><dd><TimeCell raw full=true/></dd> };
    view! {
        <h1 class="instance-name">{if inst.name.is_empty() { view! { "(no name)" }.into_any() } else { view! { <ClampedText text=inst.name.clone() max=300/> }.into_any() }}</h1>
        <p class="details-actions">
            <StateBadge state=inst.state.clone()/>
            " "
            <a class="button" href=status>"Live status and state diagram"</a>
        </p>
        <dl class="fields">
            {field("ID", inst.id.clone())}
            {field("Server ID", inst.server_id.clone())}
            {field("Description", inst.description.clone())}
            {field("VPC", inst.vpc_id.clone())}
            {field("Image", image.name.clone())}
            {field("Image ID", image.id.clone())}
            {field("OS type", image.os_type.clone())}
            {time("Created", inst.created_at.clone())}
            {time("Launched", inst.launched_at.clone())}
            {time("Updated", inst.updated_at.clone())}
        </dl>
        {inst.shown_error().cloned().map(|e| view! {
            <h2>"Error"</h2>
            <dl class="fields error-fields">
                {field("Code", e.error_code)}
                {field("Message", e.error_msg)}
                {field("Type", e.error_type)}
            </dl>
        })}
        <h2>"Network interfaces"</h2>
        <table class="kv">
            <thead><tr><th>"#"</th><th>"Private IPv4"</th><th>"Subnet"</th></tr></thead>
            <tbody>
                {inst.network_interfaces.iter().enumerate().map(|(n, ni)| view! {
                    <tr>
                        <td>{if n == 0 { "1 (primary)".to_string() } else { (n + 1).to_string() }}</td>
                        <td class="mono">{ni.ipv4_address.clone()}</td>
                        <td class="mono">{if ni.subnet_id.is_empty() { "—".to_string() } else { ni.subnet_id.clone() }}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <h2>"Tags"</h2>
        {if inst.tags.is_empty() { view! { <p class="muted">"none"</p> }.into_any() } else if inst.tags.len() > 50 {
            let items: Vec<String> = inst.tags.iter().map(|t| format!("{}={}", t.key, t.value)).collect();
            view! { <p><ClampedList items max=50/></p> }.into_any()
        } else { view! {
            <table class="kv"><thead><tr><th>"Key"</th><th>"Value"</th></tr></thead><tbody>
                {inst.tags.iter().map(|t| view! { <tr><td>{t.key.clone()}</td><td>{t.value.clone()}</td></tr> }).collect_view()}
            </tbody></table>
        }.into_any() }}
        <h2>"Metadata"</h2>
        {if inst.metadata.is_empty() { view! { <p class="muted">"none"</p> }.into_any() } else { view! {
            <table class="kv"><thead><tr><th>"Key"</th><th>"Value"</th></tr></thead><tbody>
                {inst.metadata.iter().map(|(k, v)| view! { <tr><td>{k.clone()}</td><td>{v.clone()}</td></tr> }).collect_view()}
            </tbody></table>
        }.into_any() }}
        <h2>"User data"</h2>
        {user_data}
    }
}

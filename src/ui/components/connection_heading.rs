//! The heading line of a connection's views: its name, service and a Demo marker.

use crate::ui::links::list_href;
use crate::ui::transport::Client;
use leptos::prelude::*;

#[component]
pub fn ConnectionHeading(client: Client) -> impl IntoView {
    let label = client.conn.info().map_or("unknown service", |i| i.label);
    view! {
        <div class="conn-heading">
            <a class="conn-name" href=list_href(&client.conn.id)>{client.conn.name.clone()}</a>
            <span class="muted">{label}</span>
            {client.conn.demo.then(|| view! { <span class="badge tone-busy simulated" title="Answered by a simulated cloud running inside this page">"Simulated"</span> })}
        </div>
    }
}

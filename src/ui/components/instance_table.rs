//! The CloudDC instance table: one row per instance, every cell showing what arrived as
//! text. Clicking a row (or its name) opens the instance's details.

use crate::api::clouddc::Instance;
use crate::ui::components::clamped_text::{short, short_list};
use crate::ui::components::state_badge::StateBadge;
use crate::ui::components::time_cell::TimeCell;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Joins non-empty parts with ", "; "—" when there are none.
fn or_dash(parts: Vec<String>) -> String {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "—".into()
    } else {
        parts.join(", ")
    }
}

#[component]
pub fn InstanceTable(
    #[prop(into)] rows: Signal<Vec<Instance>>,
    /// Where a row links to (details), by instance id.
    details_href: fn(&str, &str) -> String,
    #[prop(into)] connection_id: String,
    #[prop(into)] on_open: Callback<String>,
    #[prop(into)] stale: Signal<bool>,
) -> impl IntoView {
    let conn = StoredValue::new(connection_id);
    view! {
        <div class="table-scroll" class:stale=move || stale.get()>
            <table class="instances">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Image"</th>
                        <th scope="col">"Private IPv4"</th>
                        <th scope="col">"VPC"</th>
                        <th scope="col">"Launched"</th>
                        <th scope="col">"Updated"</th>
                        <th scope="col">"Tags"</th>
                        <th scope="col">"Error"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.get()
                        key=|i| (i.id.clone(), i.state.clone(), i.updated_at.clone(), i.name.clone())
                        let:inst
                    >
                        {
                            let id = inst.id.clone();
                            let href = details_href(&conn.get_value(), &inst.id);
                            let open_id = id.clone();
                            let on_row_click = move |ev: leptos::ev::MouseEvent| {
                                let on_link = ev
                                    .target()
                                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                    .and_then(|e| e.closest("a").ok().flatten())
                                    .is_some();
                                if !on_link {
                                    on_open.run(open_id.clone());
                                }
                            };
                            let image = inst.image.clone().unwrap_or_default();
                            let tags = short_list(&inst.tags.iter().map(|t| format!("{}={}", t.key, t.value)).collect::<Vec<_>>(), 8);
                            let tags = if tags.is_empty() { "—".to_string() } else { tags };
                            let ips = or_dash(inst.ipv4s().into_iter().map(str::to_owned).collect());
                            let error = inst.shown_error().cloned();
                            let name = if inst.name.is_empty() { "(no name)".to_string() } else { short(&inst.name, 120) };
                            view! {
                                <tr class="instance-row" data-id=id on:click=on_row_click>
                                    <td class="cell-name" data-label="Name">
                                        <a href=href title=short(&inst.name, 500)>{name}</a>
                                    </td>
                                    <td class="cell-state" data-label="State"><StateBadge state=inst.state.clone()/></td>
                                    <td class="cell-image" data-label="Image" title=short(&image.name, 500)>
                                        <span class="image-name">{short(&image.name, 120)}</span>
                                        <span class="muted">{image.os_type.clone()}</span>
                                    </td>
                                    <td class="mono" data-label="Private IPv4">{ips}</td>
                                    <td class="mono cell-clip" data-label="VPC" title=inst.vpc_id.clone()>{inst.vpc_id.clone()}</td>
                                    <td data-label="Launched"><TimeCell raw=inst.launched_at.clone()/></td>
                                    <td data-label="Updated"><TimeCell raw=inst.updated_at.clone()/></td>
                                    <td class="cell-clip" data-label="Tags" title=tags.clone()>{tags.clone()}</td>
                                    <td class="cell-error" data-label="Error">
                                        {error.map(|e| view! {
                                            <code class="error-code">{e.error_code}</code>" "
                                            <span>{e.error_msg}</span>
                                        })}
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}

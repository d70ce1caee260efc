//! The page size choice of a list.

use leptos::prelude::*;

#[component]
pub fn PageSizeSelect(
    /// The sizes the service allows.
    sizes: &'static [u32],
    #[prop(into)] value: Signal<u32>,
    #[prop(into)] on_change: Callback<u32>,
) -> impl IntoView {
    let change = move |ev: leptos::ev::Event| {
        if let Ok(n) = event_target_value(&ev).parse() {
            on_change.run(n);
        }
    };
    view! {
        <label>
            "Page size "
            <select name="limit" on:change=change prop:value=move || value.get().to_string()>
                {sizes.iter().map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
            </select>
        </label>
    }
}

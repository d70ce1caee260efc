//! Previous / page / Next controls; a button is disabled where there is nothing.

use leptos::prelude::*;

#[component]
pub fn Pager(
    #[prop(into)] page: Signal<u32>,
    #[prop(into)] has_previous: Signal<bool>,
    #[prop(into)] has_next: Signal<bool>,
    #[prop(into)] on_previous: Callback<()>,
    #[prop(into)] on_next: Callback<()>,
    #[prop(into)] total: Signal<Option<u64>>,
) -> impl IntoView {
    view! {
        <nav class="pager" aria-label="Pages">
            <button type="button" disabled=move || !has_previous.get() on:click=move |_| on_previous.run(())>
                "← Previous"
            </button>
            <span class="pager-page" aria-live="polite">{move || format!("Page {}", page.get())}</span>
            <button type="button" disabled=move || !has_next.get() on:click=move |_| on_next.run(())>
                "Next →"
            </button>
            <span class="pager-total">
                {move || total.get().map(|t| format!("{t} instance{} in all", if t == 1 { "" } else { "s" }))}
            </span>
        </nav>
    }
}

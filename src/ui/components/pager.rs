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

/// Numbered pages for offset paging (the total is known): Previous, 1 … 4 5 6 … 10, Next.
#[component]
pub fn NumberedPager(
    #[prop(into)] current: Signal<u64>,
    #[prop(into)] count: Signal<u64>,
    #[prop(into)] busy: Signal<bool>,
    #[prop(into)] on_page: Callback<u64>,
    #[prop(into)] total: Signal<Option<u64>>,
) -> impl IntoView {
    let numbers = move || {
        skyglass_core::paging::page_window(current.get(), count.get())
            .into_iter()
            .map(|p| match p {
                Some(n) => {
                    let is_current = move || current.get() == n;
                    view! {
                        <button type="button" class="page-number" class:current=is_current
                            aria-current=move || is_current().then_some("page")
                            disabled=move || busy.get()
                            on:click=move |_| on_page.run(n)>{n.to_string()}</button>
                    }
                    .into_any()
                }
                None => view! { <span class="page-gap">"…"</span> }.into_any(),
            })
            .collect_view()
    };
    view! {
        <nav class="pager" aria-label="Pages">
            <button type="button" disabled=move || { busy.get() || current.get() <= 1 }
                on:click=move |_| on_page.run(current.get_untracked().saturating_sub(1))>"← Previous"</button>
            <span class="pager-page" aria-live="polite">{move || format!("Page {} of {}", current.get(), count.get())}</span>
            {numbers}
            <button type="button" disabled=move || { busy.get() || current.get() >= count.get() }
                on:click=move |_| on_page.run(current.get_untracked() + 1)>"Next →"</button>
            <span class="pager-total">
                {move || total.get().map(|t| format!("{t} instance{} in all", if t == 1 { "" } else { "s" }))}
            </span>
        </nav>
    }
}

//! "1 instance could not be read": the instances of a page (or of every page loaded) that
//! the service sent but that could not be decoded, each with its reason. The good ones
//! are shown as usual.

use leptos::prelude::*;

/// How many reasons are listed (the count covers all of them).
const LISTED: usize = 5;

#[component]
pub fn UnreadableNote(#[prop(into)] reasons: Signal<Vec<String>>) -> impl IntoView {
    move || {
        reasons.with(|r| {
            (!r.is_empty()).then(|| {
                let n = r.len();
                let title = if n == 1 {
                    "1 instance could not be read".to_string()
                } else {
                    format!("{n} instances could not be read")
                };
                let listed = r.iter().take(LISTED).cloned().map(|why| view! { <li>{why}</li> }).collect_view();
                view! {
                    <div class="notice unreadable" role="note">
                        <strong>{title}</strong>
                        <ul class="small">{listed}</ul>
                        {(n > LISTED).then(|| view! { <p class="small muted">{format!("and {} more", n - LISTED)}</p> })}
                    </div>
                }
            })
        })
    }
}

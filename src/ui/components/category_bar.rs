//! A small bar of instances by state category (running, in progress, stopped, failed,
//! deleted, unknown): each segment as wide as its count, with its colour, and a legend
//! that says each category and count in words (colour is never the only signal). With
//! `link`, each segment and legend entry opens the list narrowed to that category.

use leptos::prelude::*;
use skyglass_core::overview::Summary;
use skyglass_core::state::Category;
use skyglass_core::table::grouped;
use std::sync::Arc;

/// Where a category's entry leads.
pub type CategoryLink = Arc<dyn Fn(Category) -> String + Send + Sync>;

#[component]
pub fn CategoryBar(
    summary: Summary,
    /// What the bar counts ("Demo CloudDC's instances").
    #[prop(into)]
    label: String,
    #[prop(optional)] link: Option<CategoryLink>,
) -> impl IntoView {
    let present: Vec<(Category, u64)> = summary.counts.iter().copied().filter(|(_, n)| *n > 0).collect();
    let segments = present
        .iter()
        .map(|&(c, n)| {
            let class = format!("segment cat-{}", c.key());
            let title = format!("{}: {}", c.label(), grouped(n));
            match &link {
                Some(link) => view! {
                    <a class=class href=link(c) title=title tabindex="-1" aria-hidden="true" data-category=c.key() style:flex-grow=n.to_string()></a>
                }
                .into_any(),
                None => view! { <span class=class title=title data-category=c.key() style:flex-grow=n.to_string()></span> }.into_any(),
            }
        })
        .collect_view();
    let legend = present
        .iter()
        .map(|&(c, n)| {
            let text = view! {
                <span class=format!("swatch cat-{}", c.key()) aria-hidden="true"></span>
                <span class="legend-label">{c.label()}</span>
                " "
                <span class="legend-count">{grouped(n)}</span>
            };
            let entry = match &link {
                Some(link) => view! { <a href=link(c)>{text}</a> }.into_any(),
                None => text.into_any(),
            };
            view! { <li data-category=c.key()>{entry}</li> }
        })
        .collect_view();
    let empty = present.is_empty();
    view! {
        <div class="category-bar" aria-label=label.clone() role="group">
            <div class="bar" class:empty=empty aria-hidden="true">{segments}</div>
            <ul class="legend" aria-label=format!("{label} by state")>{legend}</ul>
            {empty.then(|| view! { <p class="muted small">"No instances."</p> })}
        </div>
    }
}

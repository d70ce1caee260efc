//! Every field of one instance, from its [`Details`]: labelled fields, small tables and
//! blocks, each value a [`Cell`] shown as text (never markup). Long values and long
//! tables are cut, with the rest one click away.

use super::badge::StateBadge;
use super::clamped_text::{ClampedChips, ClampedText};
use super::copy_button::CopyButton;
use super::time_cell::{shown_absolute, TimeCell};
use leptos::prelude::*;
use skyglass_core::service::{Cell, Details, Section};

/// The most rows a details table shows before "show all".
const TABLE_ROWS: usize = 50;

/// The most addresses (or other short monospace values) listed each with its own copy
/// button; a longer list is cut like any list.
const COPYABLE_ITEMS: usize = 12;

/// One value; `label` says what it is (for its copy button).
fn value(cell: Cell, label: &'static str) -> AnyView {
    let dash = |s: String| if s.trim().is_empty() { "—".to_string() } else { s };
    match cell {
        Cell::Text(s) | Cell::Name(s) => view! { <span>{dash(s)}</span> }.into_any(),
        Cell::Mono(s) if !s.trim().is_empty() && s.chars().count() <= 200 => {
            let text = s.clone();
            view! { <span class="mono">{s}</span>" "<CopyButton text what=label.to_lowercase()/> }.into_any()
        }
        Cell::Mono(s) => view! { <span class="mono">{dash(s)}</span> }.into_any(),
        Cell::MonoList(items)
            if !items.is_empty() && items.len() <= COPYABLE_ITEMS && items.iter().all(|i| i.chars().count() <= 100) =>
        {
            view! {
                <ul class="copy-list">
                    {items.into_iter().map(|i| {
                        let text = i.clone();
                        view! { <li><span class="mono">{i.clone()}</span>" "<CopyButton text what=i/></li> }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }
        Cell::State(s) => view! { <StateBadge state=s/> }.into_any(),
        Cell::Time(raw) => view! { <TimeCell raw full=true/> }.into_any(),
        Cell::EpochMs(Some(ms)) if ms >= 0 => view! { <span>{shown_absolute(ms)}</span> }.into_any(),
        Cell::EpochMs(Some(ms)) => view! { <span>{format!("{ms} (not a date)")}</span> }.into_any(),
        Cell::EpochMs(None) => view! { <span>"—"</span> }.into_any(),
        Cell::List(items) => view! { <ClampedChips items/> }.into_any(),
        Cell::MonoList(items) => view! { <ClampedChips items mono=true/> }.into_any(),
        Cell::Error { code, message } => view! {
            <span class="status-error"><code class="error-code">{code}</code>" "<span>{message}</span></span>
        }
        .into_any(),
        Cell::Pre(text) => view! { <pre class="user-data">{text}</pre> }.into_any(),
    }
}

fn heading(level: u8, text: &'static str) -> AnyView {
    if level <= 1 {
        view! { <h2>{text}</h2> }.into_any()
    } else {
        view! { <h3>{text}</h3> }.into_any()
    }
}

#[component]
fn DetailsTable(headers: Vec<&'static str>, rows: Vec<Vec<Cell>>, empty: &'static str) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    let total = rows.len();
    let all = RwSignal::new(total <= TABLE_ROWS);
    let rows = StoredValue::new(rows);
    // Each cell's copy button is named after its column ("Copy private ipv4").
    let labels = StoredValue::new(headers.clone());
    let body = move || {
        let n = if all.get() { total } else { TABLE_ROWS };
        rows.with_value(|rows| {
            rows.iter()
                .take(n)
                .map(|r| {
                    let cells = r
                        .iter()
                        .cloned()
                        .enumerate()
                        .map(|(i, c)| {
                            let label = labels.with_value(|l| l.get(i).copied().unwrap_or("value"));
                            view! { <td>{value(c, label)}</td> }
                        })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view()
        })
    };
    view! {
        <table class="kv">
            <thead><tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
            <tbody>{body}</tbody>
        </table>
        {(total > TABLE_ROWS).then(|| view! {
            <button type="button" class="link small" on:click=move |_| all.update(|a| *a = !*a)>
                {move || if all.get() { "show fewer".to_string() } else { format!("show all {total} rows") }}
            </button>
        })}
    }
    .into_any()
}

/// The sections of `details`; `level` 1 for a page (sections under h2), 2 for a panel
/// (under h3). A button copies the whole instance as JSON.
#[component]
pub fn DetailsSections(details: Details, #[prop(default = 1)] level: u8) -> impl IntoView {
    let json = serde_json::to_string_pretty(&details.to_json()).unwrap_or_default();
    let copy_all = view! {
        <p class="copy-all"><CopyButton text=json what="this instance as JSON" caption="Copy as JSON"/></p>
    };
    let sections = details
        .sections
        .into_iter()
        .map(|section| match section {
            Section::Fields { title, fields } => {
                let class = if title.is_some() { "fields error-fields" } else { "fields" };
                view! {
                    {title.map(|t| heading(level, t))}
                    <dl class=class>
                        {fields.into_iter().map(|(label, cell)| view! { <dt>{label}</dt><dd>{value(cell, label)}</dd> }).collect_view()}
                    </dl>
                }
                .into_any()
            }
            Section::Table {
                title,
                headers,
                rows,
                empty,
            } => view! { {heading(level, title)} <DetailsTable headers rows empty/> }.into_any(),
            Section::Block { title, cell } => view! { {heading(level, title)} {value(cell, title)} }.into_any(),
        })
        .collect_view();
    view! { {copy_all} {sections} }
}

/// An instance's name as a heading: cut when long, "(no name)" when blank.
#[component]
pub fn InstanceName(#[prop(into)] name: String, #[prop(default = 1)] level: u8) -> impl IntoView {
    let text = if name.trim().is_empty() {
        view! { "(no name)" }.into_any()
    } else {
        view! { <ClampedText text=name max=300/> }.into_any()
    };
    if level <= 1 {
        view! { <h1 class="instance-name">{text}</h1> }.into_any()
    } else {
        view! { <h2 class="instance-name">{text}</h2> }.into_any()
    }
}

/// A details panel below a list (`id="details"`).
#[component]
pub fn DetailsPanel(details: Details) -> impl IntoView {
    let name = details.name.clone();
    view! {
        <section id="details" class="details-panel" aria-label="Instance details">
            <InstanceName name level=2/>
            <DetailsSections details level=2/>
        </section>
    }
}

//! A list's filters, from its service's [`FilterSpec`]s: when every filter is a choice of
//! state, each applies at once; otherwise they form a form, applied together with "Apply
//! filters" (and "Clear"). The values live in the URL; the form follows it (back,
//! forward, shared links).

use leptos::prelude::*;
use skyglass_core::service::{FilterKind, FilterSpec, ListQuery, ServiceInfo};

/// The options of a state filter.
fn state_options(spec: &'static FilterSpec, info: &'static ServiceInfo) -> impl IntoView {
    let FilterKind::State { any, .. } = spec.kind else {
        return ().into_any();
    };
    let groups = spec.kind.choices(&info.vocabulary);
    view! {
        <option value="">{any}</option>
        {groups.into_iter().map(|(label, values)| {
            let options = values.into_iter().map(|v| view! { <option value=v>{v}</option> }).collect_view();
            match label {
                None => options.into_any(),
                Some(label) => view! { <optgroup label=label>{options}</optgroup> }.into_any(),
            }
        }).collect_view()}
    }
    .into_any()
}

#[component]
pub fn FilterBar(
    info: &'static ServiceInfo,
    #[prop(into)] query: Signal<ListQuery>,
    /// New filters (key, value; empty values unset): the first page with them.
    #[prop(into)]
    on_filters: Callback<Vec<(&'static str, String)>>,
) -> impl IntoView {
    let Some(list) = info.list() else {
        return ().into_any();
    };
    if list.filters.is_empty() {
        return ().into_any();
    }
    if list.filters_apply_at_once() {
        return list
            .filters
            .iter()
            .map(|spec| {
                let key = spec.key;
                let change = move |ev: leptos::ev::Event| {
                    let mut filters: Vec<(&'static str, String)> = query.get_untracked().filters;
                    filters.retain(|(k, _)| *k != key);
                    filters.push((key, event_target_value(&ev)));
                    on_filters.run(filters);
                };
                view! {
                    <label>
                        {spec.label} " "
                        <select name=key on:change=change prop:value=move || query.with(|q| q.filter(key).unwrap_or_default().to_owned())>
                            {state_options(spec, info)}
                        </select>
                    </label>
                }
            })
            .collect_view()
            .into_any();
    }
    // A form: local copies, applied together.
    let fields: Vec<(&'static FilterSpec, RwSignal<String>)> = list
        .filters
        .iter()
        .map(|spec| {
            let value = query.with_untracked(|q| q.filter(spec.key).unwrap_or_default().to_owned());
            (spec, RwSignal::new(value))
        })
        .collect();
    let fields = StoredValue::new(fields);
    Effect::new(move |_| {
        let q = query.get();
        fields.with_value(|f| {
            for (spec, value) in f {
                value.set(q.filter(spec.key).unwrap_or_default().to_owned());
            }
        });
    });
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let values = fields.with_value(|f| f.iter().map(|(s, v)| (s.key, v.get_untracked())).collect());
        on_filters.run(values);
    };
    let clear = move |_| on_filters.run(Vec::new());
    let inputs = fields.with_value(|f| {
        f.iter()
            .map(|&(spec, value)| {
                let id = format!("filter-{}", spec.key);
                match spec.kind {
                    FilterKind::Text { hint: Some(hint) } => {
                        let hint_id = format!("{}-hint", spec.key);
                        view! {
                            <div class="field">
                                <label for=id.clone()>{spec.label}</label>
                                <input id=id name=spec.key bind:value=value autocomplete="off" aria-describedby=hint_id.clone()/>
                                <small id=hint_id>{hint}</small>
                            </div>
                        }
                        .into_any()
                    }
                    FilterKind::Text { hint: None } => view! {
                        <label>{spec.label}<input name=spec.key bind:value=value autocomplete="off"/></label>
                    }
                    .into_any(),
                    FilterKind::State { .. } => view! {
                        <label>{spec.label}
                            <select name=spec.key prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                                {state_options(spec, info)}
                            </select>
                        </label>
                    }
                    .into_any(),
                }
            })
            .collect_view()
    });
    view! {
        <form class="filters" on:submit=apply>
            {inputs}
            <button type="submit" class="primary">"Apply filters"</button>
            <button type="button" on:click=clear>"Clear"</button>
        </form>
    }
    .into_any()
}

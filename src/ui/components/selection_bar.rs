//! The ticked rows of a list: how many ("3 selected", across pages), a way to clear them,
//! and the rows themselves as last seen ([`KeptRows`]), so that an export of the selection
//! holds rows ticked on other pages too.

use leptos::prelude::*;
use skyglass_core::service::{ListPage, PickedRows};
use skyglass_core::table::Selection;

/// Each ticked row's id, page and position in it, as last seen.
#[derive(Default)]
pub struct KeptRows(Vec<(String, ListPage, usize)>);

impl KeptRows {
    /// Takes the ticked rows of `page` (newer than what was kept), drops rows no longer
    /// ticked.
    pub fn update(&mut self, page: Option<&ListPage>, ticked: &Selection) {
        self.0.retain(|(id, _, _)| ticked.contains(id));
        let Some(page) = page else { return };
        for row in 0..page.len() {
            let id = page.id(row);
            if !ticked.contains(id) {
                continue;
            }
            match self.0.iter_mut().find(|(k, _, _)| k == id) {
                Some(kept) => *kept = (id.to_owned(), page.clone(), row),
                None => self.0.push((id.to_owned(), page.clone(), row)),
            }
        }
    }

    /// The rows still ticked, in the order they were first ticked.
    pub fn picked(&self, ticked: &Selection) -> PickedRows {
        PickedRows(
            self.0
                .iter()
                .filter(|(id, _, _)| ticked.contains(id))
                .map(|(_, p, r)| (p.clone(), *r))
                .collect(),
        )
    }
}

/// Keeps the ticked rows of every page `data` shows.
pub fn kept_rows(data: Signal<Option<ListPage>>, ticked: RwSignal<Selection>) -> StoredValue<KeptRows, LocalStorage> {
    let kept = StoredValue::new_local(KeptRows::default());
    Effect::new(move |_| {
        ticked.with(|t| data.with(|d| kept.update_value(|k| k.update(d.as_ref(), t))));
    });
    kept
}

/// "3 selected · Clear selection", while any row is ticked.
#[component]
pub fn SelectionBar(ticked: RwSignal<Selection>) -> impl IntoView {
    let count = move || ticked.with(Selection::len);
    view! {
        <p class="selection-bar" role="status">
            {move || (count() > 0).then(|| view! {
                <span>{move || format!("{} selected", count())}</span>
                <button type="button" class="link" on:click=move |_| ticked.update(Selection::clear)>"Clear selection"</button>
            })}
        </p>
    }
}

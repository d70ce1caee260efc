//! "View" settings of a table: which columns it shows and in what order (the service's
//! columns, declared once), its density, and a reset to the service's defaults. What is
//! chosen is remembered per connection and view (`use_view_prefs`).

use crate::ui::hooks::use_view_prefs::UseViewPrefsReturn;
use leptos::prelude::*;
use skyglass_core::prefs::{hideable, Density};
use skyglass_core::service::ColumnSpec;

#[component]
pub fn ColumnChooser(
    /// Every column of the view, in the service's order.
    specs: Vec<ColumnSpec>,
    prefs: UseViewPrefsReturn,
) -> impl IntoView {
    let specs = StoredValue::new(specs);
    let UseViewPrefsReturn { prefs, update, reset } = prefs;
    let rows = move || {
        let choices = specs.with_value(|s| prefs.with(|p| p.choices(s)));
        let shown = choices.iter().filter(|(_, on)| *on).count();
        choices
            .into_iter()
            .enumerate()
            .map(|(at, (spec, on))| {
                let key = spec.key;
                let toggle = move |_: leptos::ev::Event| update.run(Box::new(move |p| specs.with_value(|s| p.toggle(s, key))));
                let up = move |_: leptos::ev::MouseEvent| update.run(Box::new(move |p| specs.with_value(|s| p.move_column(s, key, -1))));
                let down = move |_: leptos::ev::MouseEvent| update.run(Box::new(move |p| specs.with_value(|s| p.move_column(s, key, 1))));
                let locked = !hideable(&spec) || (on && shown == 1);
                view! {
                    <li data-key=key>
                        <label class="checkbox">
                            <input type="checkbox" prop:checked=on disabled=locked on:change=toggle/>
                            {spec.title}
                        </label>
                        {on.then(|| view! {
                            <span class="column-moves">
                                <button type="button" class="icon" aria-label=format!("Move {} earlier", spec.title) disabled={at == 0} on:click=up>"↑"</button>
                                <button type="button" class="icon" aria-label=format!("Move {} later", spec.title) disabled={at + 1 >= shown} on:click=down>"↓"</button>
                            </span>
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    let density = move |ev: leptos::ev::Event| {
        let d = Density::from_key(&event_target_value(&ev));
        update.run(Box::new(move |p| p.density = d));
    };
    view! {
        <details class="column-chooser menu">
            <summary>"View"</summary>
            <div class="menu-body">
                <fieldset>
                    <legend>"Columns"</legend>
                    <ul class="column-list">{rows}</ul>
                </fieldset>
                <label>"Density "
                    <select name="density" on:change=density prop:value=move || prefs.with(|p| p.density.key())>
                        {Density::ALL.iter().map(|d| view! { <option value=d.key()>{d.label()}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" on:click=move |_| reset.run(())>"Reset view"</button>
                <small class="muted">"Remembered for this connection on this device."</small>
            </div>
        </details>
    }
}

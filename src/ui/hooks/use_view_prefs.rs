//! `use_view_prefs`: a view's preferences (its columns and their order, page size, density
//! and refresh interval; `skyglass_core::prefs`) for one connection, remembered on this
//! device (leptos-use's localStorage), with a reset.
//!
//! ```ignore
//! let UseViewPrefsReturn { prefs, update, reset } = use_view_prefs("demo-clouddc", "list");
//! let columns = Memo::new(move |_| prefs.with(|p| p.shown(&specs)));
//! update.run(Box::new(|p| p.density = Density::Comfortable));
//! ```

use codee::string::JsonSerdeCodec;
use leptos::prelude::*;
use leptos_use_storage::use_local_storage;
use skyglass_core::poll::Interval;
use skyglass_core::prefs::{storage_key, ViewPrefs};

/// A change to a view's preferences.
pub type PrefsChange = Box<dyn FnOnce(&mut ViewPrefs)>;

/// What [`use_view_prefs`] returns.
#[derive(Clone, Copy)]
pub struct UseViewPrefsReturn {
    pub prefs: Signal<ViewPrefs>,
    /// Changes them (and stores the result).
    pub update: Callback<PrefsChange>,
    /// Back to the service's defaults (the stored preferences are removed).
    pub reset: Callback<()>,
}

impl UseViewPrefsReturn {
    /// The interval and a setter, for a [`RefreshControl`](crate::ui::components::refresh_control::RefreshControl).
    pub fn interval(&self) -> (Signal<Interval>, Callback<Interval>) {
        let (prefs, update) = (self.prefs, self.update);
        (
            Signal::derive(move || prefs.with(|p| p.interval)),
            Callback::new(move |i: Interval| update.run(Box::new(move |p| p.interval = i))),
        )
    }
}

pub fn use_view_prefs(connection: &str, view: &str) -> UseViewPrefsReturn {
    let (prefs, set, remove) = use_local_storage::<ViewPrefs, JsonSerdeCodec>(storage_key(connection, view));
    let update = Callback::new(move |change: PrefsChange| {
        let mut next = prefs.get_untracked();
        change(&mut next);
        set.set(next);
    });
    let reset = Callback::new(move |()| {
        set.set(ViewPrefs::default());
        remove();
    });
    UseViewPrefsReturn { prefs, update, reset }
}

//! Fetching the view of every page ahead of the click on "Load all pages": its part
//! (`loaded_list`, [`crate::ui::lazy`]) loads in the background a second after a list's
//! first page is shown, so that the walk starts at once when asked for, and neither the
//! first page nor its painting waits for it.

use crate::ui::lazy::maybe_lazy;
use leptos::prelude::set_timeout;
use leptos::task::spawn_local;
use std::time::Duration;

maybe_lazy! {
    /// Nothing: calling it loads its part.
    [loaded_list] fn warm_loaded_list() -> () {}
}

/// Loads the part behind "Load all pages" in a second (a failure is retried when the
/// button is pressed).
pub fn load_all_soon() {
    set_timeout(
        || {
            spawn_local(async {
                let _ = warm_loaded_list().await;
            })
        },
        Duration::from_secs(1),
    );
}

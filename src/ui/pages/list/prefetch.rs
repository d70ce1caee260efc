//! Fetching the view of every page ahead of the click on "Load all pages": its part
//! (`loaded_list`, [`crate::ui::lazy`]) loads in the background once a list's first page is
//! shown, so that the walk starts at once when asked for, and the first page never waits
//! for it.

use crate::ui::lazy::maybe_lazy;
use leptos::task::spawn_local;

maybe_lazy! {
    /// Nothing: calling it loads its part.
    [loaded_list] fn warm_loaded_list() -> () {}
}

/// Starts loading the part behind "Load all pages" (once per page load; a failure is
/// retried when the button is pressed).
pub fn load_all_soon() {
    spawn_local(async {
        let _ = warm_loaded_list().await;
    });
}

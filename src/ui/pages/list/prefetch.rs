//! Fetching the view of every page ahead of the click on "Load all pages": its part
//! (`loaded_list`, [`crate::ui::lazy`]) loads in the background as soon as a list's first
//! page has been painted, so that the walk starts at once when asked for, and neither the
//! first page nor its painting waits for it.

use crate::ui::lazy::maybe_lazy;
use leptos::prelude::{request_animation_frame, set_timeout};
use leptos::task::spawn_local;
use std::time::Duration;

maybe_lazy! {
    /// Nothing: calling it loads its part.
    [loaded_list] fn warm_loaded_list() -> () {}
}

/// Loads the part behind "Load all pages" once the frame now being drawn (the first page)
/// has been painted: a timer set from the next animation frame runs after that frame's
/// paint. A failure is retried when the button is pressed.
pub fn load_all_after_paint() {
    request_animation_frame(|| {
        set_timeout(
            || {
                spawn_local(async {
                    let _ = warm_loaded_list().await;
                })
            },
            Duration::ZERO,
        )
    });
}

//! `use_interval_setting`: the refresh interval chosen for a kind of view (`"list"`,
//! `"imagesearch"`, …), remembered on this device (leptos-use's localStorage).
//!
//! ```ignore
//! let (interval, set_interval) = use_interval_setting("clouddc-list");
//! ```

use codee::string::JsonSerdeCodec;
use leptos::prelude::*;
use leptos_use_storage::use_local_storage;
use skyglass_core::poll::Interval;

pub fn use_interval_setting(view: &str) -> (Signal<Interval>, Callback<Interval>) {
    let (value, set, _) = use_local_storage::<Interval, JsonSerdeCodec>(format!("skyglass.interval.{view}"));
    (value, Callback::new(move |i| set.set(i)))
}

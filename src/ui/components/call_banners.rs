//! What a live call's problems look like above its data: the retry notice (a 429 or a
//! failure being waited out) and the error banner, in that order, for every view.

use crate::ui::components::error_banner::ErrorBanner;
use crate::ui::components::refresh_control::RetryBanner;
use crate::ui::hooks::use_api::ApiCall;
use leptos::prelude::*;

#[component]
pub fn CallBanners<T: Send + Sync + 'static>(call: ApiCall<T>, #[prop(into)] connection_id: String) -> impl IntoView {
    view! {
        <RetryBanner retry=call.retry/>
        {move || call.error.get().map(|e| view! {
            <ErrorBanner error=e connection_id=connection_id.clone() stale=call.data.with(Option::is_some)/>
        })}
    }
}

//! Code that loads when first needed. `maybe_lazy! { [part] fn f(..) -> T { .. } }` is an
//! `async fn f(..) -> Result<T, LoadError>`; with the `split` feature (the production build,
//! `deploy/split-build.sh`) it is also a wasm-split split point: wasm-split moves the
//! functions of one `part`, and whatever only they reach, into a WASM file of their own (and
//! what several parts share into chunks), fetched the first time one of them is called, or
//! preloaded by `boot.js` for the page a deep link opens. A part that cannot be fetched is an
//! `Err` (shown, and tried again on the next call), never a panic. Without the feature
//! (`trunk serve`, the tests) it is a plain `async fn` in the one WASM, always `Ok`.
//!
//! The parts: the pages but the overview ([`crate::ui::app`]), "Load all pages"
//! ([`crate::ui::pages::list`]), the overview's counts with the services' decoders
//! (`src/ui/pages/overview/connection_summary.rs`), the Demo cloud
//! ([`crate::ui::transport::demo`]), export's writers
//! ([`crate::ui::components::export_menu`]). What several parts share (the tables, the
//! decoders) wasm-split puts in chunks of their own.

use leptos::prelude::*;

/// A part of the app could not be fetched (offline, or the server has a newer build).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadError;

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("A part of Skyglass could not be loaded (the network, or a newer version on the server).")
    }
}

impl From<leptos::wasm_split::SplitLoaderError> for LoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> LoadError {
        LoadError
    }
}

/// `maybe_lazy! { [part] fn name(args..) -> Ret { .. } }`: an `async fn` returning
/// `Result<Ret, LoadError>`, split off into `part` with the `split` feature.
macro_rules! maybe_lazy {
    ($(#[$m:meta])* [$part:ident] $vis:vis fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$m])* $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::lazy::LoadError> { let value: $ret = $body; Ok(value) }

        #[cfg(not(feature = "split"))]
        $(#[$m])* $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::lazy::LoadError> { let value: $ret = $body; Ok(value) }
    };
}
pub(crate) use maybe_lazy;

/// The view `load` resolves to, once it has (nothing before: a deep link's part is
/// preloaded, and within the app a part arrives in well under a second, so a placeholder
/// would only flash), or a notice with a reload button if its part could not be fetched.
pub fn lazy_view(load: impl std::future::Future<Output = Result<AnyView, LoadError>> + 'static) -> impl IntoView {
    Suspend::new(send_wrapper::SendWrapper::new(async move {
        load.await.unwrap_or_else(|e| {
            let reload = |_| {
                let _ = window().location().reload();
            };
            view! {
                <p class="notice" role="alert">
                    {e.to_string()} " "
                    <button type="button" on:click=reload>"Reload"</button>
                </p>
            }
            .into_any()
        })
    }))
}

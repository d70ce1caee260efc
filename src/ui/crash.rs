//! If a panic ever happens, the page shows a visible "Skyglass crashed" panel with a
//! reload button instead of going dead. The panel is plain DOM, built in the panic hook,
//! because the reactive app cannot be trusted after a panic. The message is shown as text.

use wasm_bindgen::JsCast;

/// Installs the panic hook (it also logs the panic to the console).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Shows the crash panel (once).
pub fn show(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("skyglass-crashed").is_some() {
        return;
    }
    let Some(body) = doc.body() else { return };
    let build = || -> Option<()> {
        let panel = doc.create_element("div").ok()?;
        panel.set_id("skyglass-crashed");
        panel.set_attribute("role", "alertdialog").ok()?;
        panel.set_attribute("aria-label", "Skyglass crashed").ok()?;
        let title = doc.create_element("h1").ok()?;
        title.set_text_content(Some("Skyglass crashed"));
        let text = doc.create_element("p").ok()?;
        text.set_text_content(Some(
            "Something went wrong and the console stopped. Your connections are saved; reload to start again.",
        ));
        let detail = doc.create_element("pre").ok()?;
        detail.set_text_content(Some(&skyglass_core::http::clip(message, 2_000)));
        let button: web_sys::HtmlElement = doc.create_element("button").ok()?.dyn_into().ok()?;
        button.set_text_content(Some("Reload"));
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        button.set_onclick(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        for child in [&title, &text, &detail, button.as_ref()] {
            panel.append_child(child).ok()?;
        }
        body.append_child(&panel).ok()?;
        Some(())
    };
    let _ = build();
}

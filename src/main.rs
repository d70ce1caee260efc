//! The browser entry point (built by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    skyglass::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Skyglass runs in the browser: `make serve` builds it with Trunk and serves it.");
}

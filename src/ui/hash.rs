//! Hash routing for every app (`#/history`, `#/customer/12`…): no server rewrites are needed, so
//! `dist/` works from any static host and sub-path. Each app parses the hash into its own routes.

use gloo::events::EventListener;
use yew::prelude::*;

fn current() -> String {
    #[cfg(target_arch = "wasm32")]
    return gloo::utils::window().location().hash().unwrap_or_default();
    // Natively (components rendered to strings: tests, the static home page) there is no location:
    // every app renders its home route.
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// The route part of a hash: `"#/customer/12"` → `"customer/12"` (every app's routes parse this).
pub fn path(hash: &str) -> &str {
    hash.trim_start_matches('#').trim_start_matches('/')
}

/// Sets the location hash (`"#/history"`); the `hashchange` event re-renders the app.
pub fn set(hash: &str) {
    let _ = gloo::utils::window().location().set_hash(hash);
}

/// Replaces the location hash without a new history entry (Back does not return to it).
pub fn replace(hash: &str) {
    let _ = gloo::utils::window().location().replace(hash);
}

/// The current location hash, updated on every `hashchange`.
#[hook]
pub fn use_hash() -> String {
    let hash = use_state(current);
    {
        let hash = hash.clone();
        use_effect_with((), move |_| {
            let listener =
                EventListener::new(&gloo::utils::window(), "hashchange", move |_| hash.set(current()));
            move || drop(listener)
        });
    }
    (*hash).clone()
}

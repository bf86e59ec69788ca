//! In-app links load whole pages, also with JavaScript on.
//!
//! Who is signed in, the page's language (the person's pick, else the organisation's
//! default, else the browser's) and a form's problems are decided by the server for each
//! request. If the browser's router rendered the next page itself, it would have to decide
//! them again, and it got them wrong (a page rendered as if nobody were signed in). So a
//! click on a link is left to the browser: the server renders the page, and the bundle
//! (cached) hydrates it. See docs/decisions.md, "Links load whole pages".

use leptos::{ev, prelude::*, wasm_bindgen::JsCast};

/// Stops leptos_router from taking over clicks on links. Must run before hydration, so that
/// this listener on `window` is registered before the router's and can stop it
/// (`stopImmediatePropagation`); handlers on the elements themselves still run first, and
/// the browser then follows the link as usual.
pub fn links_load_whole_pages() {
    // Dropping the handle keeps the listener (only `WindowListenerHandle::remove` ends it).
    let _kept = window_event_listener(ev::click, |event: ev::MouseEvent| {
        let on_link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .is_some();
        if on_link {
            event.stop_immediate_propagation();
        }
    });
}

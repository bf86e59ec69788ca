//! The browser bundle: hydrates the islands of the HTML the server rendered (Leptos islands:
//! the enhanced action form and the organisation fields), and nothing else. Pages are
//! rendered by the server alone, so everything works before (or without) this running.

// The islands live in `app`; linking it is what exports them to the bundle.
extern crate app;

/// Entry point called by the hydration script.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}

//! The browser bundle: hydrates the HTML the server rendered, so the same components become
//! interactive. Everything works before (or without) this running.

/// Entry point called by the hydration script.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    app::navigation::links_load_whole_pages();
    leptos::mount::hydrate_body(app::App);
}

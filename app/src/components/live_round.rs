//! A round's state, participation against the quorum and time left, kept up to date while the
//! round is open by the server's events (`/o/{slug}/rounds/{round}/live`) when JavaScript runs;
//! without it, the figures of the page's load time. An island: its figures are its own
//! signals; it never learns how anyone voted.

use crate::{domain::round::RoundState, i18n::Language};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The figures the island shows (as `services::rounds::Live` sends them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// The round's state.
    pub state: RoundState,
    /// Ballots cast.
    pub voted: u64,
    /// The electorate's size, once open.
    pub electorate: Option<u64>,
    /// Ballots the quorum needs.
    pub needed: u64,
    /// Days, hours and minutes left, while open.
    pub left: Option<(i64, i64, i64)>,
}

fn participation(language: Language, f: &Figures) -> String {
    language.tr_args(
        "round-participation",
        &[
            ("voted".to_owned(), f.voted.to_string()),
            (
                "electorate".to_owned(),
                f.electorate
                    .map_or_else(|| "?".to_owned(), |e| e.to_string()),
            ),
            ("needed".to_owned(), f.needed.to_string()),
        ],
    )
}

fn left(language: Language, f: &Figures) -> String {
    f.left.map_or_else(String::new, |(days, hours, minutes)| {
        language.tr_args(
            "round-closes-in",
            &[
                ("days".to_owned(), days.to_string()),
                ("hours".to_owned(), hours.to_string()),
                ("minutes".to_owned(), minutes.to_string()),
            ],
        )
    })
}

/// The live figures of a round; `events` is the address of its event stream.
#[island]
pub fn LiveRound(
    /// The page's language code.
    language: String,
    /// The event stream's address.
    events: String,
    /// The figures at the page's load time.
    figures: Figures,
    /// The closing time as the page shows it.
    closes: String,
) -> impl IntoView {
    let language = Language::from_code(&language).unwrap_or_default();
    let live = RwSignal::new(figures);
    #[cfg(feature = "hydrate")]
    listen(&events, live);
    #[cfg(not(feature = "hydrate"))]
    let _ = &events;
    view! {
        <dl class="facts live" aria-live="polite">
            <dt>{language.tr("round-state-heading")}</dt>
            <dd data-testid="state">{move || language.tr(&format!("round-state-{}", live.get().state))}</dd>
            <dt>{language.tr("round-closes-label")}</dt>
            <dd data-testid="closes">
                {closes.clone()}
                {move || {
                    let text = left(language, &live.get());
                    (!text.is_empty()).then(|| format!(" · {text}"))
                }}
            </dd>
            <dt>{language.tr("round-participation-heading")}</dt>
            <dd data-testid="participation">{move || participation(language, &live.get())}</dd>
        </dl>
    }
}

/// Opens the event stream and keeps `live` up to date; closes it when the round ends.
#[cfg(feature = "hydrate")]
fn listen(events: &str, live: RwSignal<Figures>) {
    use wasm_bindgen::{JsCast, closure::Closure};
    let Ok(source) = web_sys::EventSource::new(events) else {
        return;
    };
    let stream = source.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            if let Ok(figures) = serde_json::from_str::<Figures>(&text) {
                if figures.state != RoundState::Open {
                    stream.close();
                }
                live.set(figures);
            }
        });
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The closure lives as long as the page: the stream calls it until it closes.
    on_message.forget();
}

//! A ranked ballot (IRV, STV, Borda): one select per rank, which works without JavaScript;
//! with it, the selects give way to a list the voter reorders by dragging or with the
//! keyboard (Move up, Move down, Remove, Add buttons), each move announced through an
//! aria-live region. Either way the form posts `rank1`, `rank2`, … with option positions.

use crate::i18n::Language;
use leptos::prelude::*;

/// Moves the option at `from` to `to` within `order` (both in range).
fn moved(mut order: Vec<usize>, from: usize, to: usize) -> Vec<usize> {
    if from < order.len() && to < order.len() {
        let option = order.remove(from);
        order.insert(to, option);
    }
    order
}

/// Puts the focus back on the button just pressed once the list is drawn again, so a keyboard
/// user can press "Move up" again (or, where it has become disabled, on the other one).
fn keep_focus(button: &'static str, option: usize) {
    #[cfg(feature = "hydrate")]
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let document = document();
        let find = |which: &str| {
            document
                .get_element_by_id(&format!("rank-{which}-{option}"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlButtonElement>().ok())
                .filter(|b| !b.disabled())
        };
        let other = if button == "up" { "down" } else { "up" };
        if let Some(b) = find(button).or_else(|| find(other)) {
            let _ = b.focus();
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (button, option);
}

/// The ranked ballot's fields for `options`; `ranks` are the options chosen at each rank to
/// start with (the voter's current ballot, or what they sent).
#[island]
pub fn RankedBallot(
    /// The page's language code.
    language: String,
    /// The options, in ballot order.
    options: Vec<String>,
    /// The option position at each rank to start with (`None`: nothing chosen there).
    ranks: Vec<Option<usize>>,
) -> impl IntoView {
    let language = Language::from_code(&language).unwrap_or_default();
    let start: Vec<usize> = ranks.iter().flatten().copied().collect();
    let order = RwSignal::new(start);
    let announcement = RwSignal::new(String::new());
    let dragged = RwSignal::new(None::<usize>);
    // With JavaScript the list replaces the selects (set once hydrated, so the server's
    // and the first client rendering agree).
    let enhanced = RwSignal::new(false);
    Effect::new(move |_| enhanced.set(true));
    let n = options.len();
    let names = StoredValue::new(options.clone());
    let name = move |o: usize| names.with_value(|n| n.get(o).cloned().unwrap_or_default());
    let announce = move |key: &str, option: usize, rank: usize| {
        announcement.set(language.tr_args(
            key,
            &[
                ("option".to_owned(), name(option)),
                ("rank".to_owned(), (rank + 1).to_string()),
            ],
        ));
    };
    let move_to = move |from: usize, to: usize, button: &'static str| {
        let option = order.with_untracked(|o| o.get(from).copied());
        order.update(|o| *o = moved(std::mem::take(o), from, to));
        if let Some(option) = option {
            announce("round-rank-moved", option, to);
            keep_focus(button, option);
        }
    };
    let selects = move || {
        (1..=n)
            .map(|rank| {
                let field = format!("rank{rank}");
                let id = format!("ballot-{field}");
                let current = ranks.get(rank - 1).copied().flatten();
                view! {
                    <div class="field">
                        <label for=id.clone()>{language.tr_with("round-rank", "rank", rank.to_string())}</label>
                        <select id=id name=field>
                            <option value="" selected=current.is_none()>"—"</option>
                            {(0..n).map(|o| {
                                let selected = current == Some(o);
                                view! { <option value=o.to_string() selected=selected>{name(o)}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                }
            })
            .collect_view()
    };
    let list = move || {
        let ranked = order.get();
        let count = ranked.len();
        let unranked: Vec<usize> = (0..n).filter(|o| !ranked.contains(o)).collect();
        view! {
            <ol class="reorder" aria-label=language.tr("round-ranked-list")>
                {ranked.iter().enumerate().map(|(at, &option)| {
                    let label = name(option);
                    view! {
                        <li
                            draggable="true"
                            on:dragstart=move |_| dragged.set(Some(at))
                            on:dragover=move |event| event.prevent_default()
                            on:drop=move |event| {
                                event.prevent_default();
                                if let Some(from) = dragged.get_untracked() {
                                    move_to(from, at, "up");
                                }
                                dragged.set(None);
                            }
                        >
                            <span class="rank-name">{format!("{}. {label}", at + 1)}</span>
                            <input type="hidden" name=format!("rank{}", at + 1) value=option.to_string() />
                            <button type="button" class="secondary small" disabled=at == 0
                                aria-label=language.tr_args("round-move-up", &[("option".into(), label.clone())])
                                id=format!("rank-up-{option}")
                                on:click=move |_| move_to(at, at.saturating_sub(1), "up")>"↑"</button>
                            <button type="button" class="secondary small" disabled=at + 1 == count
                                aria-label=language.tr_args("round-move-down", &[("option".into(), label.clone())])
                                id=format!("rank-down-{option}")
                                on:click=move |_| move_to(at, at + 1, "down")>"↓"</button>
                            <button type="button" class="secondary small"
                                aria-label=language.tr_args("round-unrank", &[("option".into(), label.clone())])
                                on:click=move |_| {
                                    order.update(|o| { o.retain(|x| *x != option); });
                                    announce("round-rank-removed", option, at);
                                }>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {(!unranked.is_empty()).then(|| view! {
                <p class="hint">{language.tr("round-not-ranked-yet")}</p>
                <ul class="reorder unranked">
                    {unranked.into_iter().map(|option| {
                        let label = name(option);
                        view! {
                            <li>
                                <span class="rank-name">{label.clone()}</span>
                                <button type="button" class="secondary small"
                                    aria-label=language.tr_args("round-rank-add", &[("option".into(), label.clone())])
                                    on:click=move |_| {
                                        let at = order.with_untracked(Vec::len);
                                        order.update(|o| o.push(option));
                                        announce("round-rank-added", option, at);
                                    }>"+"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        }
    };
    view! {
        {move || if enhanced.get() { list().into_any() } else { selects().into_any() }}
        <p class="visually-hidden" aria-live="assertive" data-testid="rank-announcement">{move || announcement.get()}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn moving_an_option_shifts_the_others() {
        assert_eq!(moved(vec![0, 1, 2], 2, 0), [2, 0, 1]);
        assert_eq!(moved(vec![0, 1, 2], 0, 1), [1, 0, 2]);
        assert_eq!(
            moved(vec![0, 1], 5, 0),
            [0, 1],
            "out of range changes nothing"
        );
    }
}

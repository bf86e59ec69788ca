//! `/o/:slug/meetings`: the organisation's meetings, and for facilitators the form creating
//! one; `/o/:slug/meetings/:number`: one meeting: its details, who attended, its agenda with
//! notes and the decisions of the proposals it discussed, and for facilitators the forms that
//! record them, add action points, open a round from an item, mark it held, approve its
//! minutes (read-only afterwards) and reopen them for a correction; an action's owner marks
//! it done. Admins set the paper for printed minutes and whether a meeting's attendance is
//! the quorum reference of rounds opened from it.

use crate::{
    actions::{
        Action as _, OrgPath,
        meetings::{
            ActionPointPath, AddActionPoint, AddAgendaItem, ApproveMinutes, CreateMeeting,
            EditAgendaItem, HoldMeeting, ItemPath, MarkActionPoint, MeetingPath, ReopenMinutes,
            SetAttendance, SetMeetingSettings,
        },
        rounds::RoundPath,
    },
    api::{
        groups::MemberName,
        meetings::{ItemView, MeetingView, MeetingsView, meeting_page, meetings_page},
    },
    components::{
        action_form::ActionForm,
        forms::{Field, ProblemSummary},
    },
    domain::{meeting::MeetingState, policy::Action},
    i18n::{use_language, use_t},
    pages::load_error::LoadError,
    session::use_form_state,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn state_key(state: MeetingState) -> &'static str {
    match state {
        MeetingState::Draft => "meeting-state-draft",
        MeetingState::Held => "meeting-state-held",
        MeetingState::Approved => "meeting-state-approved",
    }
}

/// The meetings page.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let data = Resource::new_blocking(slug, meetings_page);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Meetings page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Meetings(page: MeetingsView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let state = use_form_state(CreateMeeting::FORM);
    let form = CreateMeeting::FORM;
    let may_run = page.allowed.may(Action::RunMeeting);
    let base = format!("/o/{}", page.org.slug);
    let facilitator = people(
        format!("{form}-facilitator"),
        "facilitator",
        t("meeting-facilitator"),
        state.value("facilitator"),
        page.members.clone(),
    );
    let minute_taker = people(
        format!("{form}-minute_taker"),
        "minute_taker",
        t("meeting-minute-taker"),
        state.value("minute_taker"),
        page.members.clone(),
    );
    let zone_hint = language.tr_with("round-times-hint", "zone", page.zone.clone());
    view! {
        <Title text=format!("{} · {}", t("meetings-title"), page.org.name) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=base.clone()>{page.org.name.clone()}</a>
        </nav>
        <h1>{t("meetings-title")}</h1>
        {if page.meetings.is_empty() {
            view! { <p>{t("meetings-none")}</p> }.into_any()
        } else {
            view! {
                <ul class="proposal-list" data-testid="meetings">
                    {page.meetings.iter().map(|m| view! {
                        <li>
                            <a href=format!("{base}/meetings/{}", m.number)>{m.title.clone()}</a>
                            " · " {m.starts.clone()} " · " {t(state_key(m.state))}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {may_run.then(|| view! {
            <section class="narrow" aria-labelledby="new-meeting">
                <h2 id="new-meeting">{t("meetings-new")}</h2>
                <ProblemSummary form state=state.clone() />
                <ActionForm target=CreateMeeting::target(&OrgPath::new(page.org.slug.clone())) class="stack">
                    <Field form name="title" label=t("field-meeting-title") state=state.clone() required=true />
                    <Field form name="starts_at" kind="datetime-local" label=t("field-meeting-starts-at") state=state.clone() initial=page.default_starts.clone() hint=zone_hint required=true />
                    <Field form name="place" label=t("meeting-place") state=state.clone() />
                    <Field form name="link" kind="url" label=t("meeting-link") state=state.clone() hint=t("field-meeting-link-hint") />
                    {facilitator}
                    {minute_taker}
                    <Field form name="guests" kind="textarea" label=t("meeting-guests") state=state.clone() hint=t("field-meeting-guests-hint") />
                    <button type="submit">{t("meetings-create")}</button>
                </ActionForm>
            </section>
        })}
        {page.allowed.may(Action::EditOrganisationSettings).then(|| {
            let settings = use_form_state(SetMeetingSettings::FORM);
            let sent = !settings.values.is_empty();
            let paper = if sent { settings.value("paper") } else { page.paper.clone() };
            let quorum = if sent {
                settings.value("quorum_from_attendance") == "true"
            } else {
                page.quorum_from_attendance
            };
            view! {
                <section class="narrow" aria-labelledby="settings">
                    <h2 id="settings">{t("meeting-settings")}</h2>
                    <ProblemSummary form=SetMeetingSettings::FORM state=settings.clone() />
                    <ActionForm target=SetMeetingSettings::target(&OrgPath::new(page.org.slug.clone())) class="stack">
                        <div class="field">
                            <label for="meeting_settings-paper">{t("field-paper")}</label>
                            <select id="meeting_settings-paper" name="paper">
                                <option value="a4" selected=paper == "a4">{t("paper-a4")}</option>
                                <option value="letter" selected=paper == "letter">{t("paper-letter")}</option>
                            </select>
                        </div>
                        <div class="field checkbox">
                            <input type="checkbox" id="meeting_settings-quorum" name="quorum_from_attendance" value="true" checked=quorum />
                            <label for="meeting_settings-quorum">{t("field-quorum-from-attendance")}</label>
                        </div>
                        <button type="submit">{t("meeting-save-settings")}</button>
                    </ActionForm>
                </section>
            }
        })}
    }
}

/// A choice of one active member (or nobody yet): a select with this id and field name.
fn people(
    id: String,
    name: &'static str,
    label: String,
    chosen: String,
    members: Vec<MemberName>,
) -> impl IntoView + use<> {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="" selected=chosen.is_empty()>"—"</option>
                {members.into_iter().map(|m| {
                    let selected = m.membership_id == chosen;
                    view! { <option value=m.membership_id.clone() selected=selected>{m.display_name.clone()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// One meeting's page.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            params
                .get("number")
                .and_then(|n| n.parse::<i32>().ok())
                .unwrap_or(0),
        )
    };
    let data = Resource::new_blocking(key, |(slug, number)| meeting_page(slug, number));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Meeting page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Meeting(page: MeetingView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let slug = page.org.slug.clone();
    let path = MeetingPath::new(&slug, page.meeting.number);
    let editable = page.may_edit();
    let may_run = page.allowed.may(Action::RunMeeting);
    let state = page.meeting.state;
    let attendance = use_form_state(SetAttendance::FORM);
    let item_state = use_form_state(AddAgendaItem::FORM);
    let hold = use_form_state(HoldMeeting::FORM);
    let approve = use_form_state(ApproveMinutes::FORM);
    let base = format!("/o/{slug}");
    let present = |status: &str| {
        page.attendance
            .iter()
            .filter(|(_, s)| s == status)
            .map(|(m, _)| m.display_name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let guests: Vec<String> = page.guests.lines().map(str::to_owned).collect();
    let members: Vec<MemberName> = page.attendance.iter().map(|(m, _)| m.clone()).collect();
    view! {
        <Title text=format!("{} · {}", page.meeting.title, page.org.name) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=base.clone()>{page.org.name.clone()}</a>
            " / " <a href=format!("{base}/meetings")>{t("meetings-title")}</a>
        </nav>
        <article class="meeting">
            <p class="eyebrow">{t(state_key(state))}</p>
            <h1>{page.meeting.title.clone()}</h1>
            <dl class="facts">
                <dt>{t("field-meeting-starts-at")}</dt><dd>{page.meeting.starts.clone()}</dd>
                {(!page.place.is_empty()).then(|| view! { <dt>{t("meeting-place")}</dt><dd>{page.place.clone()}</dd> })}
                {(!page.link.is_empty()).then(|| view! { <dt>{t("meeting-link")}</dt><dd class="prewrap">{page.link.clone()}</dd> })}
                {page.facilitator.clone().map(|n| view! { <dt>{t("meeting-facilitator")}</dt><dd>{n}</dd> })}
                {page.minute_taker.clone().map(|n| view! { <dt>{t("meeting-minute-taker")}</dt><dd>{n}</dd> })}
            </dl>
            {page.approved.clone().map(|(at, version)| view! {
                <p class="notice" data-testid="approved">{language.tr_args("meeting-approved-on", &[
                    ("date".to_owned(), at),
                    ("version".to_owned(), version.to_string()),
                ])}</p>
            })}
            {page.correcting.clone().map(|reason| view! {
                <p class="notice" data-testid="correcting">{language.tr_with("meeting-correcting", "reason", reason)}</p>
            })}
            {(!page.versions.is_empty()).then(|| view! {
                <h2>{t("meeting-versions")}</h2>
                <ul data-testid="versions">
                    {page.versions.iter().map(|(version, at, reason)| {
                        let line = if reason.is_empty() {
                            language.tr_args("meeting-version-line", &[
                                ("version".to_owned(), version.to_string()),
                                ("date".to_owned(), at.clone()),
                            ])
                        } else {
                            language.tr_args("meeting-version-reason", &[
                                ("version".to_owned(), version.to_string()),
                                ("date".to_owned(), at.clone()),
                                ("reason".to_owned(), reason.clone()),
                            ])
                        };
                        view! {
                            <li><a href=format!("{}/minutes?version={version}", path.page())>{line}</a></li>
                        }
                    }).collect_view()}
                </ul>
            })}

            <h2 id="attendance">{t("meeting-attendance")}</h2>
            <ProblemSummary form=SetAttendance::FORM state=attendance.clone() />
            <dl class="facts" data-testid="attendance">
                <dt>{t("meeting-present")}</dt><dd>{present("present")}</dd>
                <dt>{t("meeting-apologies")}</dt><dd>{present("apologies")}</dd>
                {(!guests.is_empty()).then(|| view! { <dt>{t("meeting-guests")}</dt><dd>{guests.join(", ")}</dd> })}
            </dl>
            {editable.then(|| {
                let form = SetAttendance::FORM;
                view! {
                    <ActionForm target=SetAttendance::target(&path) class="stack">
                        {page.attendance.iter().map(|(member, status)| {
                            let name = format!("attendance-{}", member.membership_id);
                            let legend = member.display_name.clone();
                            view! {
                                <fieldset class="inline-choices">
                                    <legend>{legend}</legend>
                                    {[("present", "meeting-present"), ("apologies", "meeting-apologies"), ("absent", "meeting-absent")].into_iter().map(|(value, key)| {
                                        let id = format!("{name}-{value}");
                                        view! {
                                            <span class="choice">
                                                <input type="radio" id=id.clone() name=name.clone() value=value checked=status == value />
                                                <label for=id>{t(key)}</label>
                                            </span>
                                        }
                                    }).collect_view()}
                                </fieldset>
                            }
                        }).collect_view()}
                        <Field form name="guests" kind="textarea" label=t("meeting-guests") state=attendance.clone() initial=page.guests.clone() hint=t("field-meeting-guests-hint") />
                        <button type="submit">{t("meeting-save-attendance")}</button>
                    </ActionForm>
                }
            })}

            <h2 id="agenda">{t("meeting-agenda")}</h2>
            <ProblemSummary form=AddAgendaItem::FORM state=item_state.clone() />
            {if page.items.is_empty() {
                view! { <p>{t("meeting-agenda-empty")}</p> }.into_any()
            } else {
                view! {
                    <ol class="agenda">
                        {page.items.iter().cloned().map(|item| {
                            view! { <Item item slug=slug.clone() meeting=page.meeting.number editable members=members.clone() /> }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {editable.then(|| {
                let form = AddAgendaItem::FORM;
                view! {
                    <h3>{t("meeting-add-item")}</h3>
                    <ActionForm target=AddAgendaItem::target(&path) class="stack narrow">
                        <Field form name="title" label=t("field-item-title") state=item_state.clone() required=true />
                        <Field form name="proposal" label=t("field-item-proposal") state=item_state.clone() hint=t("field-item-proposal-hint") />
                        <Field form name="notes" kind="textarea" label=t("field-item-notes") state=item_state.clone() />
                        <button type="submit">{t("meeting-add-item")}</button>
                    </ActionForm>
                }
            })}

            <ProblemSummary form=HoldMeeting::FORM state=hold.clone() />
            <ProblemSummary form=ApproveMinutes::FORM state=approve.clone() />
            {(may_run && state == MeetingState::Approved).then(|| {
                let correct = use_form_state(ReopenMinutes::FORM);
                let form = ReopenMinutes::FORM;
                view! {
                    <h2>{t("meeting-correct")}</h2>
                    <p>{t("meeting-correct-text")}</p>
                    <ProblemSummary form state=correct.clone() />
                    <ActionForm target=ReopenMinutes::target(&path) class="stack narrow">
                        <Field form name="reason" kind="textarea" label=t("field-correction-reason") state=correct.clone() required=true />
                        <button type="submit">{t("meeting-correct")}</button>
                    </ActionForm>
                }
            })}
            {(may_run && state != MeetingState::Approved).then(|| view! {
                <h2>{t("meeting-minutes")}</h2>
                {(state == MeetingState::Draft).then(|| view! {
                    <ActionForm target=HoldMeeting::target(&path)>
                        <button type="submit">{t("meeting-hold")}</button>
                    </ActionForm>
                })}
                {(state == MeetingState::Held).then(|| view! {
                    <p>{t("meeting-approve-text")}</p>
                    <ActionForm target=ApproveMinutes::target(&path)>
                        <button type="submit">{t("meeting-approve")}</button>
                    </ActionForm>
                })}
            })}
            <h2>{t("meeting-minutes")}</h2>
            <p>
                <a href=format!("{}/minutes", path.page())>{t("meeting-print-minutes")}</a>
                " · " {t("minutes-downloads")} " "
                <a href=format!("{}/minutes.pdf", path.page())>"PDF"</a> " · "
                <a href=format!("{}/minutes.md", path.page())>"Markdown"</a> " · "
                <a href=format!("{}/minutes.json", path.page())>"JSON"</a>
            </p>
            <p><a href=format!("{}/meeting.ics", path.page())>{t("meeting-calendar-file")}</a></p>
        </article>
    }
}

/// One agenda item: title, the proposal it is about with its decisions, notes; and for
/// facilitators, while the minutes are not approved, the form editing it.
#[component]
fn Item(
    item: ItemView,
    slug: String,
    meeting: i32,
    editable: bool,
    members: Vec<MemberName>,
) -> impl IntoView {
    let t = use_t();
    let action_form = use_form_state(AddActionPoint::FORM);
    let actions_mine = action_form.value("item") == item.id;
    let form = use_form_state(EditAgendaItem::FORM);
    // The edit form's values come back only to the item they were for.
    let mine = form.value("item") == item.id;
    let proposal_current = item
        .proposal
        .as_ref()
        .map(|(n, _)| n.to_string())
        .unwrap_or_default();
    let [title_value, proposal_value, notes_value] = [
        ("title", item.title.clone()),
        ("proposal", proposal_current),
        ("notes", item.notes.clone()),
    ]
    .map(|(name, current)| if mine { form.value(name) } else { current });
    let item_id = item.id.clone();
    let id = move |name: &str| format!("item-{item_id}-{name}");
    let path = ItemPath {
        slug: slug.clone(),
        meeting: meeting.to_string(),
        item: item.id.clone(),
    };
    let hidden_id = item.id.clone();
    let problems = form.clone();
    view! {
        <li id=format!("item-{}", item.id) class="agenda-item">
            <h3>{item.title.clone()}</h3>
            {item.proposal.clone().map(|(number, title)| view! {
                <p>{t("field-item-proposal")} ": " <a href=format!("/o/{slug}/p/{number}")>{format!("#{number} {title}")}</a></p>
            })}
            {(!item.decisions.is_empty()).then(|| view! {
                <ul class="decisions" data-testid="decisions">
                    {item.decisions.iter().map(|d| {
                        let round = RoundPath::new(&slug, &d.round).page();
                        view! {
                            <li>
                                <strong>{d.outcome.clone()}</strong> " "
                                {if d.closed {
                                    view! { <a href=format!("{round}/minutes")>{t("minutes-link")}</a> }.into_any()
                                } else {
                                    view! { <a href=round>{use_language().tr_with("round-number", "number", d.number.to_string())}</a> }.into_any()
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <div class="markdown" inner_html=item.notes_html.clone()></div>
            {item.open_round.clone().map(|href| view! {
                <p><a href=href class="button">{t("meeting-open-round")}</a></p>
            })}
            // A refused action point is named here even once the form is gone (approved).
            {(actions_mine && !editable).then(|| view! {
                <ProblemSummary form=AddActionPoint::FORM state=action_form.clone() />
            })}
            {(!item.actions.is_empty()).then(|| view! {
                <h4>{t("meeting-actions")}</h4>
                <ul class="action-points" data-testid="actions">
                    {item.actions.iter().map(|a| {
                        let path = ActionPointPath {
                            slug: slug.clone(),
                            meeting: meeting.to_string(),
                            action: a.action.id.clone(),
                        };
                        let done = a.action.done;
                        let mut facts = Vec::new();
                        if let Some(owner) = &a.action.owner {
                            facts.push(format!("{}: {owner}", t("meeting-action-owner")));
                        }
                        if let Some(due) = &a.action.due {
                            facts.push(format!("{}: {due}", t("meeting-action-due")));
                        }
                        if done {
                            facts.push(t("meeting-action-done"));
                        }
                        view! {
                            <li id=format!("action-{}", a.action.id)>
                                {a.action.text.clone()}
                                {(!facts.is_empty()).then(|| format!(" ({})", facts.join(" · ")))}
                                {a.may_mark.then(|| view! {
                                    " "
                                    <ActionForm target=MarkActionPoint::target(&path)>
                                        <input type="hidden" name="done" value=if done { "false" } else { "true" } />
                                        <button type="submit" class="secondary">{t(if done { "meeting-action-mark-open" } else { "meeting-action-mark-done" })}</button>
                                    </ActionForm>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {editable.then(|| {
                let path = path.clone();
                let [text_value, due_value, owner_value] = ["text", "due", "owner"]
                    .map(|name| if actions_mine { action_form.value(name) } else { String::new() });
                let aid = item.id.clone();
                let id = move |name: &str| format!("item-{aid}-action-{name}");
                let hidden = item.id.clone();
                let problems = action_form.clone();
                view! {
                    <details open=actions_mine>
                        <summary>{t("meeting-add-action")}</summary>
                        {actions_mine.then(|| view! { <ProblemSummary form=AddActionPoint::FORM state=problems.clone() /> })}
                        <ActionForm target=AddActionPoint::target(&path) class="stack">
                            <input type="hidden" name="item" value=hidden />
                            <div class="field">
                                <label for=id("text")>{t("field-action-text")}</label>
                                <input id=id("text") name="text" type="text" value=text_value required />
                            </div>
                            {people(id("owner"), "owner", t("meeting-action-owner"), owner_value, members.clone())}
                            <div class="field">
                                <label for=id("due")>{t("field-action-due")}</label>
                                <input id=id("due") name="due" type="date" value=due_value />
                            </div>
                            <button type="submit">{t("meeting-add-action")}</button>
                        </ActionForm>
                    </details>
                }
            })}
            {editable.then(move || view! {
                <details open=mine>
                    <summary>{t("meeting-edit-item")}</summary>
                    {mine.then(|| view! { <ProblemSummary form=EditAgendaItem::FORM state=problems.clone() /> })}
                    <ActionForm target=EditAgendaItem::target(&path) class="stack">
                        <input type="hidden" name="item" value=hidden_id.clone() />
                        <div class="field">
                            <label for=id("title")>{t("field-item-title")}</label>
                            <input id=id("title") name="title" type="text" value=title_value.clone() required />
                        </div>
                        <div class="field">
                            <label for=id("proposal")>{t("field-item-proposal")}</label>
                            <input id=id("proposal") name="proposal" type="text" value=proposal_value.clone() />
                        </div>
                        <div class="field">
                            <label for=id("notes")>{t("field-item-notes")}</label>
                            // tachys writes a textarea's text unescaped: it goes in escaped.
                            <textarea id=id("notes") name="notes" rows="6" inner_html=crate::html::escape_text(&notes_value)></textarea>
                        </div>
                        <button type="submit">{t("meeting-save-item")}</button>
                    </ActionForm>
                </details>
            })}
        </li>
    }
}

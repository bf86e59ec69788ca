//! Decision-round actions: a facilitator creates, extends, closes early or cancels a round
//! and writes its outcome statement; a member casts (or changes) a ballot.

use super::{Action, proposals::ProposalPath};
use serde::{Deserialize, Serialize};

/// `POST /o/{slug}/p/{number}/rounds/new`: a facilitator creates a round on a proposal; the
/// first post shows its rule in plain sentences, and a second with `confirm=yes` creates it.
pub struct CreateRound;
impl Action for CreateRound {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/rounds/new";
    const FORM: &'static str = "round";
    // The first post answers with the rule to confirm (the page again, 201).
    const ANSWERS_WITH_PAGE: bool = true;
    type Path = ProposalPath;
}

/// `POST /o/{slug}/rounds/{round}/ballot`: casts or changes one's ballot. A secret ballot
/// answers with the round's page showing the receipt code, once.
pub struct CastBallot;
impl Action for CastBallot {
    const ROUTE: &'static str = "/o/{slug}/rounds/{round}/ballot";
    const FORM: &'static str = "ballot";
    const ANSWERS_WITH_PAGE: bool = true;
    type Path = RoundPath;
}

/// `POST /o/{slug}/rounds/{round}/extend`: a later closing time, with a reason.
pub struct ExtendRound;
impl Action for ExtendRound {
    const ROUTE: &'static str = "/o/{slug}/rounds/{round}/extend";
    const FORM: &'static str = "round_extend";
    type Path = RoundPath;
}

/// `POST /o/{slug}/rounds/{round}/close`: closes early (a reason unless everyone voted).
pub struct CloseRoundEarly;
impl Action for CloseRoundEarly {
    const ROUTE: &'static str = "/o/{slug}/rounds/{round}/close";
    const FORM: &'static str = "round_close";
    type Path = RoundPath;
}

/// `POST /o/{slug}/rounds/{round}/cancel`, with a reason.
pub struct CancelRound;
impl Action for CancelRound {
    const ROUTE: &'static str = "/o/{slug}/rounds/{round}/cancel";
    const FORM: &'static str = "round_cancel";
    type Path = RoundPath;
}

/// `POST /o/{slug}/rounds/{round}/outcome`: the facilitator's outcome statement.
pub struct WriteRoundOutcome;
impl Action for WriteRoundOutcome {
    const ROUTE: &'static str = "/o/{slug}/rounds/{round}/outcome";
    const FORM: &'static str = "round_outcome";
    type Path = RoundPath;
}

/// One round of one organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundPath {
    /// The organisation's web address.
    pub slug: String,
    /// The round's id.
    pub round: String,
}

impl RoundPath {
    /// Round `round` of `slug`.
    pub fn new(slug: &str, round: impl ToString) -> RoundPath {
        RoundPath {
            slug: slug.to_owned(),
            round: round.to_string(),
        }
    }

    /// The round's page.
    pub fn page(&self) -> String {
        format!("/o/{}/rounds/{}", self.slug, self.round)
    }
}

#[cfg(feature = "ssr")]
mod perform {
    use super::*;
    use crate::{
        actions::{ActionCtx, Done, Perform, kept_values, proposals::perform::number},
        domain::proposal,
        dto::FormState,
        services::{
            ServiceError, ServiceResult,
            ballots::{self, Cast},
            rounds,
        },
    };
    use std::collections::BTreeMap;
    use uuid::Uuid;

    /// Every field as posted.
    pub type Fields = BTreeMap<String, String>;

    fn round_id(path: &RoundPath) -> ServiceResult<Uuid> {
        path.round.parse().map_err(|_| ServiceError::NotFound)
    }

    fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
        fields.get(name).map_or("", String::as_str)
    }

    impl Perform for CreateRound {
        type Form = Fields;

        fn page(path: &ProposalPath, _: &Fields) -> String {
            CreateRound::href(path)
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &ProposalPath,
            form: &Fields,
        ) -> ServiceResult<Done> {
            // Without `confirm`, the form comes back with the rule in plain sentences to
            // confirm (spec §3: the statement before confirming); nothing is stored.
            if field(form, "confirm") != "yes" {
                let statement =
                    rounds::preview(&ctx.services, &path.slug, number(path)?, form).await?;
                let mut values = form.clone();
                values.insert(
                    "statement".to_owned(),
                    serde_json::to_string(&statement).map_err(anyhow::Error::from)?,
                );
                return Ok(Done::created(FormState {
                    form: CreateRound::FORM.to_owned(),
                    values,
                    problems: Vec::new(),
                }));
            }
            let created = rounds::create(&ctx.services, &path.slug, number(path)?, form).await?;
            Ok(Done::see_other(
                RoundPath::new(&path.slug, created.id).page(),
            ))
        }
    }

    impl Perform for CastBallot {
        type Form = Fields;

        fn page(path: &RoundPath, _: &Fields) -> String {
            path.page()
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(ctx: &ActionCtx, path: &RoundPath, form: &Fields) -> ServiceResult<Done> {
            match ballots::cast(&ctx.services, &path.slug, round_id(path)?, form).await? {
                Cast::Open { .. } => Ok(Done::see_other(format!("{}?voted=1", path.page()))),
                // Shown once: nothing stored links the code to the voter.
                Cast::Secret { receipt } => Ok(Done::created(FormState {
                    form: CastBallot::FORM.to_owned(),
                    values: kept_values(&[("receipt", &receipt)]),
                    problems: Vec::new(),
                })),
            }
        }
    }

    fn reason(form: &Fields) -> ServiceResult<String> {
        proposal::parse_reason(field(form, "reason")).map_err(ServiceError::Invalid)
    }

    impl Perform for ExtendRound {
        type Form = Fields;

        fn page(path: &RoundPath, _: &Fields) -> String {
            path.page()
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(ctx: &ActionCtx, path: &RoundPath, form: &Fields) -> ServiceResult<Done> {
            let reason = reason(form)?;
            rounds::extend(
                &ctx.services,
                &path.slug,
                round_id(path)?,
                field(form, "closes_at"),
                &reason,
            )
            .await?;
            Ok(Done::see_other(path.page()))
        }
    }

    impl Perform for CloseRoundEarly {
        type Form = Fields;

        fn page(path: &RoundPath, _: &Fields) -> String {
            path.page()
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(ctx: &ActionCtx, path: &RoundPath, form: &Fields) -> ServiceResult<Done> {
            let reason = Some(field(form, "reason").trim()).filter(|r| !r.is_empty());
            rounds::close_early(&ctx.services, &path.slug, round_id(path)?, reason).await?;
            Ok(Done::see_other(path.page()))
        }
    }

    impl Perform for CancelRound {
        type Form = Fields;

        fn page(path: &RoundPath, _: &Fields) -> String {
            path.page()
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(ctx: &ActionCtx, path: &RoundPath, form: &Fields) -> ServiceResult<Done> {
            let reason = reason(form)?;
            rounds::cancel(&ctx.services, &path.slug, round_id(path)?, &reason).await?;
            Ok(Done::see_other(path.page()))
        }
    }

    impl Perform for WriteRoundOutcome {
        type Form = Fields;

        fn page(path: &RoundPath, _: &Fields) -> String {
            path.page()
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(ctx: &ActionCtx, path: &RoundPath, form: &Fields) -> ServiceResult<Done> {
            let statement = field(form, "statement").trim();
            if statement.is_empty() {
                return Err(ServiceError::invalid(
                    Some("statement"),
                    "round_statement_empty",
                    "Write the outcome statement first.",
                ));
            }
            rounds::write_statement(&ctx.services, &path.slug, round_id(path)?, statement).await?;
            Ok(Done::see_other(path.page()))
        }
    }
}

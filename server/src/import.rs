//! `quorate import FILE`: restores an organisation written by `quorate export` into this
//! instance's database (SQLite or PostgreSQL), in one transaction. It refuses, with the
//! reason and changing nothing, a file that is not a complete export of a schema version it reads,
//! one that does not verify (`quorate verify`), one with a round still open (its ballots are
//! not exported), and an organisation, account or address that is already here. The audit
//! chain goes in entry by entry as exported and is verified again before the commit.

use anyhow::{Context, bail};
use app::{
    domain::{export as doc, round::RoundState, text::escape_controls},
    entities::{
        account, action_point, agenda_item, amendment, audit_entry, ballot, comment, group,
        group_member, meeting, meeting_attendance, meeting_version, membership, organisation,
        proposal, proposal_author, proposal_revision, round, round_electorate, round_option,
        secret_ballot, voter_roll,
    },
    services::{accounts::lookup_key, audit, locks, rounds::tie_code},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, ExprTrait, PaginatorTrait, QueryFilter,
};
use std::{collections::HashMap, path::Path};
use uuid::Uuid;

fn id(text: &str, what: &str) -> anyhow::Result<Uuid> {
    text.parse()
        .with_context(|| format!("{what} {text:?} is not a UUID"))
}

/// Imports the export in `file`; prints what went in.
pub async fn run(db: &DatabaseConnection, file: &Path) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let document = doc::read(&text).map_err(anyhow::Error::msg)?;
    let verdict = doc::verify(&document);
    if let Some(problem) = verdict.problems.first() {
        bail!(
            "the export does not verify, so nothing was imported: {}",
            escape_controls(problem)
        );
    }
    if let Some(open) = document.rounds.iter().find(|r| r.state == RoundState::Open) {
        bail!(
            "round {} of proposal {} is still open; close or cancel it and export again (an \
             open round's ballots are not exported), so nothing was imported",
            open.number,
            open.proposal
        );
    }
    let txn = locks::begin_write(db).await.map_err(anyhow::Error::new)?;
    refuse_conflicts(&txn, &document).await?;
    insert_all(&txn, &document).await?;
    let head = audit::verify(&txn, document.organisation.id)
        .await
        .map_err(anyhow::Error::new)?
        .map_err(|broken| anyhow::anyhow!("the imported audit chain does not hold: {broken}"))?;
    if Some(&head) != verdict.head.as_ref() {
        bail!("the imported audit chain ends at {head}, not where the export's did");
    }
    txn.commit().await?;
    println!(
        "Imported {} ({}): {} members, {} proposals, {} rounds, {} audit entries; the audit chain holds, head {head}.",
        escape_controls(&document.organisation.name),
        escape_controls(&document.organisation.slug),
        document.members.len(),
        document.proposals.len(),
        document.rounds.len(),
        document.audit.len()
    );
    Ok(())
}

async fn refuse_conflicts(txn: &DatabaseTransaction, d: &doc::Export) -> anyhow::Result<()> {
    let org = &d.organisation;
    if organisation::Entity::find()
        .filter(
            organisation::Column::Id
                .eq(org.id)
                .or(organisation::Column::Slug.eq(&org.slug)),
        )
        .count(txn)
        .await?
        > 0
    {
        bail!(
            "an organisation with the id {} or the address {:?} is already here, so nothing was imported",
            org.id,
            escape_controls(&org.slug)
        );
    }
    for a in &d.accounts {
        if account::Entity::find()
            .filter(
                account::Column::Id
                    .eq(a.id)
                    .or(account::Column::EmailKey.eq(lookup_key(&a.email))),
            )
            .count(txn)
            .await?
            > 0
        {
            bail!(
                "an account with the id {} or the address {:?} is already here, so nothing was imported",
                a.id,
                escape_controls(&a.email)
            );
        }
    }
    Ok(())
}

async fn insert_all(txn: &DatabaseTransaction, d: &doc::Export) -> anyhow::Result<()> {
    let org = &d.organisation;
    for a in &d.accounts {
        account::ActiveModel {
            id: Set(a.id),
            email: Set(a.email.clone()),
            email_key: Set(lookup_key(&a.email)),
            display_name: Set(a.display_name.clone()),
            // No password travels: members set one again (or sign in with their provider).
            password_hash: Set(None),
            language: Set(a.language.clone()),
            created_at: Set(a.created_at),
            email_verified_at: Set(a.email_verified_at),
        }
        .insert(txn)
        .await?;
    }
    organisation::ActiveModel {
        id: Set(org.id),
        slug: Set(org.slug.clone()),
        name: Set(org.name.clone()),
        time_zone: Set(org.time_zone.clone()),
        default_language: Set(org.default_language.clone()),
        description: Set(org.description.clone()),
        created_at: Set(org.created_at),
        paper: Set(org.paper.clone()),
        quorum_from_attendance: Set(org.quorum_from_attendance),
    }
    .insert(txn)
    .await?;
    for m in &d.members {
        membership::ActiveModel {
            id: Set(m.id),
            organisation_id: Set(org.id),
            account_id: Set(m.account),
            role: Set(m.role),
            state: Set(m.state),
            created_at: Set(m.created_at),
            updated_at: Set(m.updated_at),
        }
        .insert(txn)
        .await?;
    }
    for g in &d.groups {
        group::ActiveModel {
            id: Set(g.id),
            organisation_id: Set(org.id),
            slug: Set(g.slug.clone()),
            name: Set(g.name.clone()),
            description: Set(g.description.clone()),
            created_at: Set(g.created_at),
        }
        .insert(txn)
        .await?;
        for (member, added_at) in &g.members {
            group_member::ActiveModel {
                group_id: Set(g.id),
                membership_id: Set(*member),
                added_at: Set(*added_at),
            }
            .insert(txn)
            .await?;
        }
    }
    let mut proposal_ids = HashMap::new();
    for p in &d.proposals {
        proposal_ids.insert(p.number, p.id);
        insert_proposal(txn, org.id, p).await?;
    }
    // Meetings before rounds: a round may have been opened from an agenda item.
    for m in &d.meetings {
        insert_meeting(txn, org.id, m, &proposal_ids).await?;
    }
    for r in &d.rounds {
        let proposal_id = *proposal_ids
            .get(&r.proposal)
            .with_context(|| format!("round {} names no exported proposal", r.id))?;
        insert_round(txn, org.id, proposal_id, r).await?;
    }
    for e in &d.audit {
        audit_entry::ActiveModel {
            organisation_id: Set(org.id),
            seq: Set(i64::try_from(e.seq).context("an audit seq out of range")?),
            at: Set(e.at.clone()),
            actor: Set(e.actor.clone()),
            kind: Set(e.kind.clone()),
            data: Set(serde_json::to_string(&e.data)?),
            hash: Set(e.hash.clone()),
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

async fn insert_meeting(
    txn: &DatabaseTransaction,
    organisation_id: Uuid,
    m: &doc::Meeting,
    proposal_ids: &HashMap<i32, Uuid>,
) -> anyhow::Result<()> {
    meeting::ActiveModel {
        id: Set(m.id),
        organisation_id: Set(organisation_id),
        number: Set(m.number),
        title: Set(m.title.clone()),
        starts_at: Set(m.starts_at),
        place: Set(m.place.clone()),
        link: Set(m.link.clone()),
        facilitator_id: Set(m.facilitator),
        minute_taker_id: Set(m.minute_taker),
        guests: Set(m.guests.clone()),
        state: Set(m.state),
        version: Set(m.version),
        created_by: Set(m.created_by),
        created_at: Set(m.created_at),
        held_at: Set(m.held_at),
        approved_at: Set(m.approved_at),
        approved_by: Set(m.approved_by),
        correction_reason: Set(m.correction_reason.clone()),
    }
    .insert(txn)
    .await?;
    for (member, status) in &m.attendance {
        meeting_attendance::ActiveModel {
            meeting_id: Set(m.id),
            membership_id: Set(*member),
            status: Set(*status),
        }
        .insert(txn)
        .await?;
    }
    for item in &m.items {
        let proposal_id = match item.proposal {
            Some(number) => Some(*proposal_ids.get(&number).with_context(|| {
                format!(
                    "an agenda item of meeting {} names no exported proposal",
                    m.number
                )
            })?),
            None => None,
        };
        agenda_item::ActiveModel {
            id: Set(item.id),
            meeting_id: Set(m.id),
            position: Set(item.position),
            title: Set(item.title.clone()),
            proposal_id: Set(proposal_id),
            notes: Set(item.notes.clone()),
        }
        .insert(txn)
        .await?;
        for a in &item.actions {
            action_point::ActiveModel {
                id: Set(a.id),
                agenda_item_id: Set(item.id),
                position: Set(a.position),
                text: Set(a.text.clone()),
                owner_id: Set(a.owner),
                due: Set(a.due),
                done_at: Set(a.done_at),
            }
            .insert(txn)
            .await?;
        }
    }
    for v in &m.versions {
        meeting_version::ActiveModel {
            meeting_id: Set(m.id),
            version: Set(v.version),
            approved_at: Set(v.approved_at),
            approved_by: Set(v.approved_by),
            reason: Set(v.reason.clone()),
            digest: Set(v.digest.clone()),
            record: Set(v.record.clone()),
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

async fn insert_proposal(
    txn: &DatabaseTransaction,
    organisation_id: Uuid,
    p: &doc::Proposal,
) -> anyhow::Result<()> {
    proposal::ActiveModel {
        id: Set(p.id),
        organisation_id: Set(organisation_id),
        group_id: Set(p.group),
        number: Set(p.number),
        state: Set(p.state),
        title: Set(p.title.clone()),
        summary: Set(p.summary.clone()),
        body: Set(p.body.clone()),
        due_on: Set(p.due_on),
        version: Set(p.version),
        revision: Set(p.revision),
        created_by: Set(p.created_by),
        created_at: Set(p.created_at),
        active_at: Set(p.active_at),
        published_at: Set(p.published_at),
        withdrawn_at: Set(p.withdrawn_at),
        withdrawn_by: Set(p.withdrawn_by),
        withdrawal_reason: Set(p.withdrawal_reason.clone()),
    }
    .insert(txn)
    .await?;
    for (member, added_at) in &p.authors {
        proposal_author::ActiveModel {
            proposal_id: Set(p.id),
            membership_id: Set(*member),
            added_at: Set(*added_at),
        }
        .insert(txn)
        .await?;
    }
    for r in &p.revisions {
        proposal_revision::ActiveModel {
            id: Set(r.id),
            proposal_id: Set(p.id),
            number: Set(r.number),
            version: Set(r.version),
            title: Set(r.title.clone()),
            summary: Set(r.summary.clone()),
            body: Set(r.body.clone()),
            author_id: Set(r.author),
            note: Set(r.note.clone()),
            digest: Set(r.digest.clone()),
            created_at: Set(r.created_at),
            amendment: Set(r.amendment),
        }
        .insert(txn)
        .await?;
    }
    for a in &p.amendments {
        amendment::ActiveModel {
            id: Set(a.id),
            proposal_id: Set(p.id),
            number: Set(a.number),
            amender_id: Set(a.amender),
            base_revision: Set(a.base_revision),
            title: Set(a.title.clone()),
            summary: Set(a.summary.clone()),
            body: Set(a.body.clone()),
            reason: Set(a.reason.clone()),
            state: Set(a.state),
            created_at: Set(a.created_at),
            decided_by: Set(a.decided_by),
            decided_at: Set(a.decided_at),
            decline_reason: Set(a.decline_reason.clone()),
            revision: Set(a.revision),
        }
        .insert(txn)
        .await?;
    }
    // Exported in the order they were written, so a reply's parent is always in first.
    for c in &p.comments {
        comment::ActiveModel {
            id: Set(c.id),
            proposal_id: Set(p.id),
            parent_id: Set(c.parent),
            depth: Set(c.depth),
            author_id: Set(c.author),
            body: Set(c.body.clone()),
            created_at: Set(c.created_at),
            edited_at: Set(c.edited_at),
            deleted_at: Set(c.deleted_at),
            hidden_at: Set(c.hidden_at),
            hidden_by: Set(c.hidden_by),
            hidden_reason: Set(c.hidden_reason.clone()),
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

async fn insert_round(
    txn: &DatabaseTransaction,
    organisation_id: Uuid,
    proposal_id: Uuid,
    r: &doc::Round,
) -> anyhow::Result<()> {
    let round_id = id(&r.id, "a round id")?;
    let result = r.result.as_ref();
    round::ActiveModel {
        id: Set(round_id),
        organisation_id: Set(organisation_id),
        proposal_id: Set(proposal_id),
        number: Set(r.number),
        revision: Set(r.revision),
        state: Set(r.state),
        method: Set(serde_json::to_string(&r.method)?),
        quorum: Set(serde_json::to_string(&r.quorum)?),
        tie_policy: Set(tie_code(r.tie_policy).to_owned()),
        secret: Set(r.secret),
        running_results: Set(r.running_results),
        reminder_hours: Set(
            i32::try_from(r.reminder_hours).context("a reminder lead time out of range")?
        ),
        on_amendments: Set(r.on_amendments),
        opens_at: Set(r.opens_at),
        closes_at: Set(r.closes_at),
        created_by: Set(r.created_by),
        created_at: Set(r.created_at),
        opened_at: Set(r.opened_at),
        electorate_size: Set(r
            .electorate
            .map(i32::try_from)
            .transpose()
            .context("an electorate size out of range")?),
        electorate_hash: Set(r.electorate_hash.clone()),
        closed_at: Set(r.closed_at),
        closed_by: Set(r.closed_by),
        close_reason: Set(r.close_reason.clone()),
        cancelled_at: Set(r.cancelled_at),
        cancelled_by: Set(r.cancelled_by),
        cancel_reason: Set(r.cancel_reason.clone()),
        report: Set(result.map(|x| x.report.clone())),
        report_text: Set(result.map(|x| x.text.clone())),
        digest: Set(result.map(|x| x.digest.clone())),
        seed: Set(result.map(|x| x.seed.clone())),
        outcome: Set(result.map(|x| x.outcome.clone())),
        statement: Set(r.statement.clone()),
        agenda_item_id: Set(r.agenda_item),
        quorum_base: Set(r
            .quorum_base
            .map(i32::try_from)
            .transpose()
            .context("a quorum base out of range")?),
    }
    .insert(txn)
    .await?;
    for (position, o) in r.options.iter().enumerate() {
        round_option::ActiveModel {
            id: Set(id(&o.id, "an option id")?),
            round_id: Set(round_id),
            position: Set(i32::try_from(position)?),
            name: Set(o.name.clone()),
            amendment: Set(o.amendment),
        }
        .insert(txn)
        .await?;
    }
    for member in &r.electorate_members {
        round_electorate::ActiveModel {
            round_id: Set(round_id),
            membership_id: Set(*member),
        }
        .insert(txn)
        .await?;
    }
    for member in &r.voted {
        voter_roll::ActiveModel {
            round_id: Set(round_id),
            membership_id: Set(*member),
        }
        .insert(txn)
        .await?;
    }
    for b in &r.ballots {
        let marks = serde_json::to_string(&b.marks)?;
        match (&b.member, &b.receipt, b.version) {
            (Some(member), None, Some((version, cast_at))) => {
                ballot::ActiveModel {
                    id: Set(b.id),
                    round_id: Set(round_id),
                    membership_id: Set(id(member, "a voter's membership id")?),
                    marks: Set(marks),
                    version: Set(version),
                    cast_at: Set(cast_at),
                }
                .insert(txn)
                .await?;
            }
            (None, Some(receipt), None) => {
                secret_ballot::ActiveModel {
                    id: Set(b.id),
                    round_id: Set(round_id),
                    receipt: Set(receipt.clone()),
                    marks: Set(marks),
                }
                .insert(txn)
                .await?;
            }
            _ => bail!(
                "a ballot of round {} is neither an open ballot (member, version) nor a secret one (receipt)",
                r.id
            ),
        }
    }
    Ok(())
}

//! `quorate demo`: fills a database with a sample co-op through the same services the pages
//! use (so its audit chain is real): a dozen members with every role and state, two groups,
//! and proposals (`demo_proposals`).

use anyhow::{Context, bail};
use app::{
    domain::{
        group::NewGroup,
        invitation::InvitationRequest,
        membership::MembershipChange,
        organisation::NewOrganisation,
        profile::SignUpRequest,
        roles::{MembershipState, Role},
    },
    entities::{membership, organisation},
    services::{
        Ctx, ServiceError,
        accounts::{self, AddressProof},
        groups, invitations, members, organisations,
    },
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use uuid::Uuid;

/// Everyone's password in the demo.
pub const DEMO_PASSWORD: &str = "quorate demo password";
/// The demo organisation's slug.
pub const DEMO_SLUG: &str = "riverside-co-op";

/// (display name, e-mail local part, role, what happens to them).
const PEOPLE: [(&str, &str, Role, Fate); 13] = [
    ("Ada Okafor", "ada", Role::Admin, Fate::Stays),
    ("Ben Larsen", "ben", Role::Admin, Fate::Stays),
    ("Cleo Martín", "cleo", Role::Facilitator, Fate::Stays),
    ("Dev Patel", "dev", Role::Facilitator, Fate::Stays),
    ("Eli Novak", "eli", Role::Member, Fate::Stays),
    ("Fay Dubois", "fay", Role::Member, Fate::Stays),
    ("Gus Romano", "gus", Role::Member, Fate::Stays),
    ("Hana Sato", "hana", Role::Member, Fate::Stays),
    ("Ivo Horvat", "ivo", Role::Member, Fate::Stays),
    ("Jo Byrne", "jo", Role::Observer, Fate::Stays),
    ("Kit Moreau", "kit", Role::Member, Fate::Suspended),
    ("Lou Fischer", "lou", Role::Member, Fate::Left),
    ("Max Ortiz", "max", Role::Member, Fate::Invited),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    Stays,
    Suspended,
    Left,
    Invited,
}

/// Creates the demo co-op and prints how to sign in.
pub async fn run(db: &sea_orm::DatabaseConnection) -> anyhow::Result<()> {
    // The demo's password is printed and published: every demo account is open to anyone
    // who reads it, so the demo never joins real organisations in one database.
    let organisations = organisation::Entity::find().all(db).await?;
    if organisations.iter().any(|o| o.slug == DEMO_SLUG) {
        bail!("this database has the demo co-op already (/o/{DEMO_SLUG})");
    }
    if !organisations.is_empty() {
        bail!(
            "this database holds {} other organisation(s); the demo only goes into an empty \
             database, because its accounts share a published password (use another \
             database_url, e.g. QUORATE_DATABASE_URL=sqlite://data/demo.db)",
            organisations.len()
        );
    }
    let now = chrono::Utc::now();
    let mut accounts_by_name = Vec::new();
    for (name, local, _, _) in PEOPLE {
        let request = SignUpRequest::parse(
            &format!("{local}@demo.quorate.invalid"),
            name,
            DEMO_PASSWORD,
        )
        .map_err(ServiceError::Invalid)
        .map_err(explain)?;
        let signed_up = accounts::sign_up(db, &request, AddressProof::Unavailable, "", now)
            .await
            .map_err(explain)
            .with_context(|| format!("cannot create {name}'s account (is this database empty?)"))?;
        let accounts::SignedUp::Created(account) = signed_up else {
            bail!("{name}'s account was not created");
        };
        accounts_by_name.push(account);
    }
    let mut founder = Ctx {
        db: db.clone(),
        account: accounts_by_name.first().cloned(),
        now,
        mail: false,
        batches: Default::default(),
    };
    let new = NewOrganisation::parse(
        "Riverside Housing Co-op",
        DEMO_SLUG,
        "Europe/London",
        "en",
        "Forty homes by the river, run by the people who live in them.",
    )
    .map_err(ServiceError::Invalid)
    .map_err(explain)?;
    let org = organisations::create(&founder, &new)
        .await
        .map_err(explain)?;

    let mut pending_invitation = None;
    for ((_, _, role, fate), account) in PEOPLE.iter().zip(&accounts_by_name).skip(1) {
        if *fate == Fate::Invited {
            // Invited, not yet accepted: a membership row waiting for them, and the
            // invitation they were sent, so that they can accept it.
            let invitation = InvitationRequest {
                email: Some(account.email.clone()),
                role: *role,
                valid_for_days: 90,
                max_uses: Some(1),
            };
            founder.now = chrono::Utc::now();
            let created = invitations::create(&founder, DEMO_SLUG, &invitation)
                .await
                .map_err(explain)?;
            pending_invitation = Some(created.token);
            membership::ActiveModel {
                id: Set(Uuid::new_v4()),
                organisation_id: Set(org.id),
                account_id: Set(account.id),
                role: Set(*role),
                state: Set(MembershipState::Invited),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(db)
            .await?;
            continue;
        }
        let invitation = InvitationRequest {
            email: Some(account.email.clone()),
            role: *role,
            valid_for_days: 14,
            max_uses: Some(1),
        };
        founder.now = chrono::Utc::now();
        let created = invitations::create(&founder, DEMO_SLUG, &invitation)
            .await
            .map_err(explain)?;
        let joiner = Ctx {
            db: db.clone(),
            account: Some(account.clone()),
            now: chrono::Utc::now(),
            mail: false,
            batches: Default::default(),
        };
        invitations::accept(&joiner, &created.token)
            .await
            .map_err(explain)?;
        let membership = organisations::membership_of(db, org.id, account.id)
            .await
            .map_err(explain)?
            .context("the membership just created")?;
        match fate {
            Fate::Suspended => {
                members::change(
                    &founder,
                    DEMO_SLUG,
                    membership.id,
                    MembershipChange::Suspend,
                )
                .await
                .map_err(explain)?;
            }
            Fate::Left => {
                members::change(&joiner, DEMO_SLUG, membership.id, MembershipChange::Leave)
                    .await
                    .map_err(explain)?;
            }
            Fate::Stays | Fate::Invited => {}
        }
    }

    for (name, slug, description, who) in [
        (
            "Housing circle",
            "housing",
            "Repairs, allocations and the waiting list.",
            ["cleo", "eli", "fay", "gus"],
        ),
        (
            "Finance working group",
            "finance",
            "Budget, rents and the annual accounts.",
            ["ben", "dev", "hana", "ivo"],
        ),
    ] {
        let new = NewGroup::parse(name, slug, description)
            .map_err(ServiceError::Invalid)
            .map_err(explain)?;
        groups::create(&founder, DEMO_SLUG, &new)
            .await
            .map_err(explain)?;
        for local in who {
            let Some(account) = accounts_by_name
                .iter()
                .find(|a| a.email.starts_with(&format!("{local}@")))
            else {
                continue;
            };
            if let Some(m) = organisations::membership_of(db, org.id, account.id)
                .await
                .map_err(explain)?
            {
                groups::set_member(&founder, DEMO_SLUG, slug, m.id, true)
                    .await
                    .map_err(explain)?;
            }
        }
    }

    let now = chrono::Utc::now();
    super::demo_proposals::write(db, DEMO_SLUG, &accounts_by_name, now).await?;
    super::demo_rounds::write(
        db,
        DEMO_SLUG,
        &accounts_by_name,
        now + chrono::Duration::minutes(5),
    )
    .await?;

    println!("The demo co-op is ready: Riverside Housing Co-op (/o/{DEMO_SLUG}).");
    println!(
        "Sign in at /signin with any of these e-mail addresses and the password \"{DEMO_PASSWORD}\":"
    );
    for (name, local, role, fate) in PEOPLE {
        let state = match fate {
            Fate::Stays => MembershipState::Active,
            Fate::Suspended => MembershipState::Suspended,
            Fate::Left => MembershipState::Left,
            Fate::Invited => MembershipState::Invited,
        };
        let email = format!("{local}@demo.quorate.invalid");
        println!("  {email:<28} {name:<12} {} ({state})", role.code());
    }
    if let Some(token) = pending_invitation {
        println!("Max has not accepted yet: signed in as max, open /invite/{token} to accept.");
    }
    println!(
        "WARNING: this password is printed and published. Anyone who reads it can sign in as \
         any demo member, so a demo instance is open to anyone who can reach it: use it to \
         try Quorate, never for real decisions, and do not expose it to the internet."
    );
    Ok(())
}

pub(crate) fn explain(error: ServiceError) -> anyhow::Error {
    match error {
        ServiceError::Invalid(problems) => anyhow::anyhow!(
            "{}",
            problems
                .iter()
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
                .join("; ")
        ),
        other => anyhow::Error::new(other),
    }
}

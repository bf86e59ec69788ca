//! Reading behind the application's back, to check what it stored: an organisation by its
//! web address, an account by its address, a membership by both, an organisation's audit
//! trail and its active admins.

use super::TestApp;
use app::{
    domain::roles::{MembershipState, Role},
    entities::{account, audit_entry, membership, organisation},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// The organisation with this web address, if any.
pub async fn organisation(app: &TestApp, slug: &str) -> Option<organisation::Model> {
    organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(&app.connection)
        .await
        .unwrap()
}

/// The id of the organisation with this web address.
pub async fn organisation_id(app: &TestApp, slug: &str) -> uuid::Uuid {
    organisation(app, slug).await.expect("the organisation").id
}

/// The account with this (lowercase) address, if any.
pub async fn account_of(app: &TestApp, email: &str) -> Option<account::Model> {
    account::Entity::find()
        .filter(account::Column::EmailKey.eq(email))
        .one(&app.connection)
        .await
        .unwrap()
}

/// The membership of the account with this address in the organisation with this slug.
pub async fn membership_of(app: &TestApp, slug: &str, email: &str) -> membership::Model {
    let org = organisation_id(app, slug).await;
    let account = account_of(app, email).await.expect("the account");
    membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org))
        .filter(membership::Column::AccountId.eq(account.id))
        .one(&app.connection)
        .await
        .unwrap()
        .expect("the membership")
}

/// The role and state of that membership.
pub async fn membership_state(app: &TestApp, slug: &str, email: &str) -> (Role, MembershipState) {
    let membership = membership_of(app, slug, email).await;
    (membership.role, membership.state)
}

/// The kinds of the organisation's audit entries, oldest first.
pub async fn audit_kinds(app: &TestApp, slug: &str) -> Vec<String> {
    let org = organisation_id(app, slug).await;
    let mut entries = audit_entry::Entity::find()
        .filter(audit_entry::Column::OrganisationId.eq(org))
        .all(&app.connection)
        .await
        .unwrap();
    entries.sort_by_key(|e| e.seq);
    entries.into_iter().map(|e| e.kind).collect()
}

/// Asserts that the organisation's audit chain verifies.
pub async fn assert_chain_verifies(app: &TestApp, slug: &str) {
    let org = organisation_id(app, slug).await;
    let verified = app::services::audit::verify(&app.connection, org)
        .await
        .unwrap();
    assert!(verified.is_ok(), "{verified:?}");
}

/// How many active admins the organisation has.
pub async fn active_admins(app: &TestApp, slug: &str) -> u64 {
    let org = organisation_id(app, slug).await;
    membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org))
        .filter(membership::Column::Role.eq(Role::Admin))
        .filter(membership::Column::State.eq(MembershipState::Active))
        .count(&app.connection)
        .await
        .unwrap()
}

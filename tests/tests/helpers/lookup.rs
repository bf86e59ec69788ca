//! Reading behind the application's back, to check what it stored: an organisation by its
//! web address, an account by its address, a membership by both.

use super::TestApp;
use app::entities::{account, membership, organisation};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// The organisation with this web address.
pub async fn organisation_id(app: &TestApp, slug: &str) -> uuid::Uuid {
    organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(&app.connection)
        .await
        .unwrap()
        .expect("the organisation")
        .id
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

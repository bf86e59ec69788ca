//! Setting up an organisation the way people do, over real HTTP: its admin signs up and
//! creates it, invites each member, and each member signs up and accepts.
//!
//! ```ignore
//! let coop = app.coop().member("Bea", Role::Member).member("Cy", Role::Observer).build().await;
//! coop.browser("Bea").page(&format!("/o/{}", coop.slug), 200).await;
//! ```

use super::{Browser, TestApp};
use app::domain::roles::Role;
use scraper::{Html, Selector};

/// Creates an invitation to `slug` as `admin` and returns its link's path (`/invite/<token>`),
/// which is what a person opening the link requests. `email` is empty for a link anyone may
/// use; `max_uses` `None` leaves its uses unlimited.
pub async fn invite(
    admin: &Browser,
    slug: &str,
    email: &str,
    role: Role,
    max_uses: Option<u32>,
) -> String {
    let max_uses = max_uses.map(|n| n.to_string()).unwrap_or_default();
    let response = admin
        .post_form(
            &format!("/o/{slug}/invitations"),
            &[
                ("email", email),
                ("role", role.code()),
                ("expires_in_days", "7"),
                ("max_uses", &max_uses),
            ],
        )
        .await;
    assert_eq!(
        response.status().as_u16(),
        201,
        "POST /o/{slug}/invitations"
    );
    let html = response.text().await.unwrap();
    let document = Html::parse_document(&html);
    let link = document
        .select(&Selector::parse("#invitation-link").unwrap())
        .next()
        .and_then(|input| input.value().attr("value"))
        .expect("the page shows the new link");
    let at = link.find("/invite/").expect("an invitation link");
    link[at..].to_owned()
}

/// An organisation made through the pages, with its people signed in.
pub struct Coop {
    /// Its web address (`/o/<slug>`).
    pub slug: String,
    /// The browser of the admin who created it, signed in.
    pub admin: Browser,
    admin_name: String,
    admin_email: String,
    members: Vec<Member>,
}

/// Someone who joined through an invitation, signed in on their own browser.
struct Member {
    name: String,
    email: String,
    browser: Browser,
}

impl Coop {
    /// The signed-in browser of the person with this name (the admin included).
    pub fn browser(&self, name: &str) -> &Browser {
        match name == self.admin_name {
            true => &self.admin,
            false => &self.member(name).browser,
        }
    }

    /// The address of the person with this name (the admin included): the name in lower
    /// case, at `example.org`.
    pub fn email(&self, name: &str) -> &str {
        match name == self.admin_name {
            true => &self.admin_email,
            false => &self.member(name).email,
        }
    }

    /// A new invitation from the admin, as [`invite`].
    pub async fn invite(&self, email: &str, role: Role, max_uses: Option<u32>) -> String {
        invite(&self.admin, &self.slug, email, role, max_uses).await
    }

    fn member(&self, name: &str) -> &Member {
        self.members
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| panic!("nobody named {name} joined {}", self.slug))
    }
}

/// What [`TestApp::coop`] will set up. By default: "The Co-op" at `coop`, created by Ada
/// (`ada@example.org`), with nobody else.
pub struct CoopBuilder<'a> {
    app: &'a TestApp,
    admin: String,
    name: String,
    slug: String,
    members: Vec<(String, Role)>,
    groups: Vec<(String, String)>,
}

impl TestApp {
    /// Starts setting up an organisation on this instance.
    pub fn coop(&self) -> CoopBuilder<'_> {
        CoopBuilder {
            app: self,
            admin: "Ada".into(),
            name: "The Co-op".into(),
            slug: "coop".into(),
            members: Vec::new(),
            groups: Vec::new(),
        }
    }
}

impl CoopBuilder<'_> {
    /// Who signs up and creates the organisation (its first admin).
    pub fn admin(mut self, name: &str) -> Self {
        self.admin = name.into();
        self
    }

    /// The organisation's name and web address.
    pub fn named(mut self, name: &str, slug: &str) -> Self {
        self.name = name.into();
        self.slug = slug.into();
        self
    }

    /// Someone who joins with `role` through a single-use invitation link.
    pub fn member(mut self, name: &str, role: Role) -> Self {
        self.members.push((name.into(), role));
        self
    }

    /// A group (without members) the admin creates once everyone has joined.
    pub fn group(mut self, name: &str, slug: &str) -> Self {
        self.groups.push((name.into(), slug.into()));
        self
    }

    /// Signs everyone up and makes the organisation, its memberships and groups, asserting
    /// each step, in that order: the admin creates it; for each member in turn, the admin
    /// invites, the member signs up and accepts; then the admin creates the groups.
    pub async fn build(self) -> Coop {
        let CoopBuilder {
            app,
            admin: admin_name,
            name,
            slug,
            members,
            groups,
        } = self;
        let admin = app.browser();
        let admin_email = email_for(&admin_name);
        admin.sign_up(&admin_name, &admin_email).await;
        admin.create_organisation(&name, &slug).await;
        let mut joined = Vec::new();
        for (name, role) in members {
            let link = invite(&admin, &slug, "", role, Some(1)).await;
            let browser = app.browser();
            let email = email_for(&name);
            browser.sign_up(&name, &email).await;
            browser
                .post_redirects(&link, &[], &format!("/o/{slug}"))
                .await;
            joined.push(Member {
                name,
                email,
                browser,
            });
        }
        for (name, group) in groups {
            let path = format!("/o/{slug}/groups");
            admin
                .post_redirects(
                    &path,
                    &[("name", &name), ("slug", &group), ("description", "")],
                    &path,
                )
                .await;
        }
        Coop {
            slug,
            admin,
            admin_name,
            admin_email,
            members: joined,
        }
    }
}

/// The address the builder gives a person: `Bea` gets `bea@example.org`.
fn email_for(name: &str) -> String {
    format!("{}@example.org", name.to_lowercase())
}

//! Page data for searching an organisation's proposals and comments.

use crate::{api::organisations::OrgHeader, domain::search::Piece, error::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One item found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The proposal's number.
    pub number: i32,
    /// The proposal's title.
    pub title: String,
    /// The comment found (its id), if a comment.
    pub comment: Option<String>,
    /// Text around the match, the matches marked.
    pub snippet: Vec<Piece>,
}

/// The search page's data (`/o/:slug/search?q=&page=`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchView {
    /// The organisation.
    pub org: OrgHeader,
    /// What was searched for, as typed.
    pub query: String,
    /// Whether the query had any word to look for.
    pub searched: bool,
    /// The items found on this page, best match first.
    pub hits: Vec<SearchHit>,
    /// The page shown, from 1.
    pub page: u64,
    /// Whether there is a next page.
    pub more: bool,
}

/// What `q` finds among what the viewer may read in the organisation.
#[server(endpoint = "search_page")]
pub async fn search_page(
    slug: String,
    q: Option<String>,
    page: Option<u64>,
) -> Result<SearchView, AppError> {
    crate::error::answer(
        async move {
            use crate::{
                domain::{policy::Action, search},
                services::{organisations, search as engine},
            };
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            let query = q.unwrap_or_default();
            let page = page.unwrap_or(1).max(1);
            let (hits, more) = engine::search(&ctx.db, &seen, &query, page - 1).await?;
            Ok(SearchView {
                org: OrgHeader::of(&seen.organisation),
                searched: !search::words(&query).is_empty(),
                query,
                hits: hits
                    .into_iter()
                    .map(|h| SearchHit {
                        number: h.number,
                        title: h.title,
                        comment: h.comment_id.map(|c| c.to_string()),
                        snippet: search::pieces(&h.snippet),
                    })
                    .collect(),
                page,
                more,
            })
        }
        .await,
    )
}

//! The audit chain (spec §8 "Audit log"): each entry's hash is SHA-256 of the previous hash and
//! the entry's canonical JSON, so changing, deleting or reordering any entry breaks every hash
//! after it. [`verify_chain`] recomputes a chain and names the first entry where it breaks.
//!
//! # The exact form, so anyone can recompute it
//!
//! **Canonical JSON** of an entry is the JSON object with exactly the six keys `actor`, `at`,
//! `data`, `kind`, `org_id`, `seq`, written as follows (see [`crate::domain::canonical_json`]):
//! - Object keys sorted by their UTF-8 bytes, at every depth (inside `data` too).
//! - No whitespace anywhere outside strings: `{"a":1,"b":[1,2]}`.
//! - Strings in double quotes, UTF-8, with only these escapes: `\"`, `\\`, `\b`, `\f`, `\n`,
//!   `\r`, `\t`, and `\u00xx` (lowercase hex) for the other characters below U+0020. Everything
//!   else, `/` and non-ASCII included, is written as is.
//! - Numbers as `serde_json` prints them: integers in plain decimal (`seq` is one). Fractions
//!   print in shortest round-trip form (`0.5`, `1e20`), so keep `data` to integers and strings.
//! - `null`, `true`, `false` as such; `actor` is `null` for entries made by the system.
//!
//! **Hash**: `entry_hash = lowercase_hex(SHA-256(prev ‖ canonical_json))`, where `prev` is the
//! previous entry's hash as its **raw 32 bytes** (not its hex text), and for the first entry
//! (`seq` 1) 32 zero bytes ([`GENESIS_HASH`]). The head of a chain is its last entry's hash.
//! With a shell: `{ printf '%s' "$PREV_HEX" | xxd -r -p; printf '%s' "$JSON"; } | sha256sum`.

use crate::domain::{
    canonical_json::canonical_json,
    digest::{sha256_from_hex, sha256_hex},
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The hash before the first entry: 32 zero bytes, as hex.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What an audit entry records (spec §8), stored as its kind, `area.past_tense`. One enum,
/// so that services cannot write a kind that is not documented here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// An organisation was created.
    OrganisationCreated,
    /// Name, slug, time zone, default language or description changed.
    OrganisationSettingsChanged,
    /// An invitation was created.
    InvitationCreated,
    /// An invitation was revoked.
    InvitationRevoked,
    /// An invitation was accepted and the person became an active member.
    InvitationAccepted,
    /// A member's role changed.
    MemberRoleChanged,
    /// A member was suspended.
    MemberSuspended,
    /// A suspended member was reinstated.
    MemberReinstated,
    /// A member was removed by an admin.
    MemberRemoved,
    /// A member left by themselves.
    MemberLeft,
    /// A group was created.
    GroupCreated,
    /// A member was added to a group.
    GroupMemberAdded,
    /// A member was taken out of a group.
    GroupMemberRemoved,
    /// A draft was published as revision 1 (with its text's digest).
    ProposalPublished,
    /// A proposal in discussion got its next revision (with its text's digest).
    ProposalRevised,
    /// A member became a co-author of a published proposal.
    ProposalCoAuthorAdded,
    /// A proposal was withdrawn, with its reason.
    ProposalWithdrawn,
    /// A facilitator hid a comment, with the reason.
    CommentHidden,
    /// A member proposed an amendment (with its text's digest).
    AmendmentProposed,
    /// An author accepted an amendment: it became the next revision.
    AmendmentAccepted,
    /// An author declined an amendment, with the reason.
    AmendmentDeclined,
    /// A facilitator created a decision round (its whole configuration).
    RoundCreated,
    /// A round opened (electorate size and the hash of its list).
    RoundOpened,
    /// A round's closing time moved later, with the reason.
    RoundExtended,
    /// A round closed and was counted (outcome, report digest, lot seed).
    RoundClosed,
    /// A round was cancelled, with the reason.
    RoundCancelled,
    /// A facilitator wrote a round's outcome statement.
    RoundOutcomeWritten,
    /// A ballot was cast (open rounds: member and ballot; secret rounds: receipt only).
    BallotCast,
    /// An open ballot was changed (member and the new ballot).
    BallotChanged,
    /// A meeting was created.
    MeetingCreated,
    /// A meeting took place (its minutes can be finished).
    MeetingHeld,
    /// A meeting's minutes were approved (with the SHA-256 of their text).
    MeetingMinutesApproved,
    /// Approved minutes were reopened for a correction (with the reason).
    MeetingReopened,
}

impl Event {
    /// Every event, for documentation and tests.
    pub const ALL: [Event; 33] = [
        Event::OrganisationCreated,
        Event::OrganisationSettingsChanged,
        Event::InvitationCreated,
        Event::InvitationRevoked,
        Event::InvitationAccepted,
        Event::MemberRoleChanged,
        Event::MemberSuspended,
        Event::MemberReinstated,
        Event::MemberRemoved,
        Event::MemberLeft,
        Event::GroupCreated,
        Event::GroupMemberAdded,
        Event::GroupMemberRemoved,
        Event::ProposalPublished,
        Event::ProposalRevised,
        Event::ProposalCoAuthorAdded,
        Event::ProposalWithdrawn,
        Event::CommentHidden,
        Event::AmendmentProposed,
        Event::AmendmentAccepted,
        Event::AmendmentDeclined,
        Event::RoundCreated,
        Event::RoundOpened,
        Event::RoundExtended,
        Event::RoundClosed,
        Event::RoundCancelled,
        Event::RoundOutcomeWritten,
        Event::BallotCast,
        Event::BallotChanged,
        Event::MeetingCreated,
        Event::MeetingHeld,
        Event::MeetingMinutesApproved,
        Event::MeetingReopened,
    ];

    /// The kind as stored and hashed.
    pub fn kind(self) -> &'static str {
        match self {
            Event::OrganisationCreated => "organisation.created",
            Event::OrganisationSettingsChanged => "organisation.settings_changed",
            Event::InvitationCreated => "invitation.created",
            Event::InvitationRevoked => "invitation.revoked",
            Event::InvitationAccepted => "invitation.accepted",
            Event::MemberRoleChanged => "member.role_changed",
            Event::MemberSuspended => "member.suspended",
            Event::MemberReinstated => "member.reinstated",
            Event::MemberRemoved => "member.removed",
            Event::MemberLeft => "member.left",
            Event::GroupCreated => "group.created",
            Event::GroupMemberAdded => "group.member_added",
            Event::GroupMemberRemoved => "group.member_removed",
            Event::ProposalPublished => "proposal.published",
            Event::ProposalRevised => "proposal.revised",
            Event::ProposalCoAuthorAdded => "proposal.co_author_added",
            Event::ProposalWithdrawn => "proposal.withdrawn",
            Event::CommentHidden => "comment.hidden",
            Event::AmendmentProposed => "amendment.proposed",
            Event::AmendmentAccepted => "amendment.accepted",
            Event::AmendmentDeclined => "amendment.declined",
            Event::RoundCreated => "round.created",
            Event::RoundOpened => "round.opened",
            Event::RoundExtended => "round.extended",
            Event::RoundClosed => "round.closed",
            Event::RoundCancelled => "round.cancelled",
            Event::RoundOutcomeWritten => "round.outcome_written",
            Event::BallotCast => "ballot.cast",
            Event::BallotChanged => "ballot.changed",
            Event::MeetingCreated => "meeting.created",
            Event::MeetingHeld => "meeting.held",
            Event::MeetingMinutesApproved => "meeting.minutes_approved",
            Event::MeetingReopened => "meeting.reopened",
        }
    }

    /// The event a membership change records (accepting an invitation is recorded as
    /// [`Event::InvitationAccepted`] by the invitation).
    pub fn of_change(change: crate::domain::membership::MembershipChange) -> Event {
        use crate::domain::membership::MembershipChange;
        match change {
            MembershipChange::ChangeRole(_) => Event::MemberRoleChanged,
            MembershipChange::Suspend => Event::MemberSuspended,
            MembershipChange::Reinstate => Event::MemberReinstated,
            MembershipChange::Remove => Event::MemberRemoved,
            MembershipChange::Leave => Event::MemberLeft,
            MembershipChange::AcceptInvitation => Event::InvitationAccepted,
        }
    }
}

/// One entry of an organisation's audit log, everything that goes into its hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Position in the organisation's chain, from 1 with no gaps.
    pub seq: u64,
    /// The organisation's id as UUID text.
    pub org_id: String,
    /// When it happened, RFC 3339 in UTC as stored (e.g. `2026-01-01T09:30:00Z`).
    pub at: String,
    /// The account that acted (UUID text), or `None` for the system.
    pub actor: Option<String>,
    /// What happened, e.g. `member.role_changed` (see [`Event`]).
    pub kind: String,
    /// The details, as JSON (prefer integers and strings: see the module docs).
    pub data: Value,
}

impl AuditEntry {
    /// The entry's canonical JSON (see the module documentation).
    pub fn canonical_json(&self) -> String {
        let value = serde_json::json!({
            "actor": self.actor,
            "at": self.at,
            "data": self.data,
            "kind": self.kind,
            "org_id": self.org_id,
            "seq": self.seq,
        });
        canonical_json(&value)
    }
}

/// The previous hash given to [`entry_hash`] was not 64 hex digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedHash(pub String);

impl fmt::Display for MalformedHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "An audit hash must be 64 hex digits, not {:?}.", self.0)
    }
}

impl std::error::Error for MalformedHash {}

/// The hash of `entry` following `prev_hash_hex` (use [`GENESIS_HASH`] for the first entry):
/// lowercase hex of SHA-256(raw 32 bytes of prev ‖ canonical JSON of entry).
pub fn entry_hash(prev_hash_hex: &str, entry: &AuditEntry) -> Result<String, MalformedHash> {
    let prev =
        sha256_from_hex(prev_hash_hex).ok_or_else(|| MalformedHash(prev_hash_hex.to_owned()))?;
    Ok(sha256_hex(&[&prev, entry.canonical_json().as_bytes()]))
}

/// Why a chain does not hold at some entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakReason {
    /// The stored hash is not the one recomputed: this entry, or one before it, was changed.
    HashMismatch,
    /// The entry with this seq is missing (deleted).
    MissingEntry,
    /// The entry with this seq comes later in the list: entries were reordered.
    OutOfOrder,
    /// A seq already seen appears again.
    DuplicateEntry,
    /// The entry belongs to another organisation than the first entry.
    OtherOrganisation,
    /// The hash the chain starts from is not 64 hex digits.
    MalformedStartHash,
}

impl BreakReason {
    /// The stable snake_case code, also the i18n key.
    pub fn code(self) -> &'static str {
        match self {
            BreakReason::HashMismatch => "hash_mismatch",
            BreakReason::MissingEntry => "missing_entry",
            BreakReason::OutOfOrder => "out_of_order",
            BreakReason::DuplicateEntry => "duplicate_entry",
            BreakReason::OtherOrganisation => "other_organisation",
            BreakReason::MalformedStartHash => "malformed_start_hash",
        }
    }
}

/// Where and how a chain breaks: at `seq`, `expected` was wanted and `found` was there. For
/// [`BreakReason::HashMismatch`] these are the recomputed and the stored hash; for seq problems
/// the wanted and the found seq; for [`BreakReason::OtherOrganisation`] the two org ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainBreak {
    /// The first seq at which the chain does not hold.
    pub seq: u64,
    /// What was expected there.
    pub expected: String,
    /// What was found there.
    pub found: String,
    /// What kind of break it is.
    pub reason: BreakReason,
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (seq, expected, found) = (self.seq, &self.expected, &self.found);
        match self.reason {
            BreakReason::HashMismatch => write!(
                f,
                "The audit chain breaks at entry {seq}: its hash should be {expected} but {found} is stored."
            ),
            BreakReason::MissingEntry => {
                write!(
                    f,
                    "The audit chain breaks at entry {seq}: it is missing (the next entry is {found})."
                )
            }
            BreakReason::OutOfOrder => write!(
                f,
                "The audit chain breaks at entry {seq}: entry {found} comes before it, out of order."
            ),
            BreakReason::DuplicateEntry => {
                write!(
                    f,
                    "The audit chain breaks at entry {seq}: entry {found} appears again."
                )
            }
            BreakReason::OtherOrganisation => write!(
                f,
                "The audit chain breaks at entry {seq}: it belongs to organisation {found}, not {expected}."
            ),
            BreakReason::MalformedStartHash => {
                write!(
                    f,
                    "The audit chain cannot start from {found:?}: a hash is 64 hex digits."
                )
            }
        }
    }
}

impl std::error::Error for ChainBreak {}

/// Recomputes a whole chain from the start (seq 1 after [`GENESIS_HASH`]), entries with their
/// stored hashes in seq order, and returns its head hash (the genesis hash if empty).
pub fn verify_chain(entries: &[(AuditEntry, String)]) -> Result<String, ChainBreak> {
    verify_chain_from(GENESIS_HASH, 1, entries)
}

/// Recomputes part of a chain whose entry `first_seq` follows the hash `prev_hash_hex`.
pub fn verify_chain_from(
    prev_hash_hex: &str,
    first_seq: u64,
    entries: &[(AuditEntry, String)],
) -> Result<String, ChainBreak> {
    if sha256_from_hex(prev_hash_hex).is_none() {
        return Err(ChainBreak {
            seq: first_seq,
            expected: GENESIS_HASH.to_owned(),
            found: prev_hash_hex.to_owned(),
            reason: BreakReason::MalformedStartHash,
        });
    }
    let org_id = entries.first().map(|(entry, _)| entry.org_id.as_str());
    let mut prev = prev_hash_hex.to_ascii_lowercase();
    let mut want = first_seq;
    for (index, (entry, stored)) in entries.iter().enumerate() {
        check_seq(want, entry.seq, entries.get(index..).unwrap_or_default())?;
        if let Some(org_id) = org_id.filter(|id| *id != entry.org_id) {
            return Err(ChainBreak {
                seq: want,
                expected: org_id.to_owned(),
                found: entry.org_id.clone(),
                reason: BreakReason::OtherOrganisation,
            });
        }
        // `prev` is always well-formed here: checked above, then a hash we computed.
        let computed = entry_hash(&prev, entry).map_err(|MalformedHash(found)| ChainBreak {
            seq: want,
            expected: GENESIS_HASH.to_owned(),
            found,
            reason: BreakReason::MalformedStartHash,
        })?;
        if computed != *stored {
            return Err(ChainBreak {
                seq: want,
                expected: computed,
                found: stored.clone(),
                reason: BreakReason::HashMismatch,
            });
        }
        prev = computed;
        want = want.saturating_add(1);
    }
    Ok(prev)
}

/// The entry at this position should have seq `want`; `rest` is the list from this position on.
fn check_seq(want: u64, found: u64, rest: &[(AuditEntry, String)]) -> Result<(), ChainBreak> {
    let reason = if found == want {
        return Ok(());
    } else if found < want {
        BreakReason::DuplicateEntry
    } else if rest.iter().any(|(entry, _)| entry.seq == want) {
        BreakReason::OutOfOrder
    } else {
        BreakReason::MissingEntry
    };
    Err(ChainBreak {
        seq: want,
        expected: want.to_string(),
        found: found.to_string(),
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ORG: &str = "00000000-0000-0000-0000-000000000001";

    fn entry(seq: u64, kind: &str, data: Value) -> AuditEntry {
        AuditEntry {
            seq,
            org_id: ORG.to_owned(),
            at: format!("2026-01-{:02}T10:00:00Z", seq.min(28)),
            actor: Some("11111111-1111-1111-1111-111111111111".to_owned()),
            kind: kind.to_owned(),
            data,
        }
    }

    /// Five entries with the hashes a correct writer would store.
    fn chain() -> Vec<(AuditEntry, String)> {
        let entries = [
            entry(
                1,
                Event::OrganisationCreated.kind(),
                json!({"name": "Bread Co-op"}),
            ),
            entry(
                2,
                Event::InvitationCreated.kind(),
                json!({"role": "member", "max_uses": 5}),
            ),
            entry(
                3,
                Event::InvitationAccepted.kind(),
                json!({"member": "m-2"}),
            ),
            entry(
                4,
                Event::MemberRoleChanged.kind(),
                json!({"member": "m-2", "from": "member", "to": "admin"}),
            ),
            entry(5, Event::MemberLeft.kind(), json!({"member": "m-1"})),
        ];
        let mut prev = GENESIS_HASH.to_owned();
        let mut out = Vec::new();
        for e in entries {
            prev = entry_hash(&prev, &e).unwrap_or_default();
            out.push((e, prev.clone()));
        }
        out
    }

    fn reason_and_seq(result: Result<String, ChainBreak>) -> Option<(BreakReason, u64)> {
        result.err().map(|b| (b.reason, b.seq))
    }

    #[test]
    fn the_known_test_vector_hashes_as_published() {
        // Recompute with a shell (32 zero bytes, then the canonical JSON, no newline):
        //   J1='{"actor":"11111111-1111-1111-1111-111111111111","at":"2026-01-01T09:30:00Z","data":{"name":"Bread Co-op","slug":"bread"},"kind":"organisation.created","org_id":"00000000-0000-0000-0000-000000000001","seq":1}'
        //   { head -c 32 /dev/zero; printf '%s' "$J1"; } | sha256sum
        // and for the second entry (the first hash as raw bytes, then its JSON):
        //   J2='{"actor":null,"at":"2026-01-02T10:00:00Z","data":{"from":"member","member":"22222222-2222-2222-2222-222222222222","to":"facilitator"},"kind":"member.role_changed","org_id":"00000000-0000-0000-0000-000000000001","seq":2}'
        //   { printf '%s' "$H1" | xxd -r -p; printf '%s' "$J2"; } | sha256sum
        let first = AuditEntry {
            seq: 1,
            org_id: ORG.to_owned(),
            at: "2026-01-01T09:30:00Z".to_owned(),
            actor: Some("11111111-1111-1111-1111-111111111111".to_owned()),
            kind: "organisation.created".to_owned(),
            data: json!({"slug": "bread", "name": "Bread Co-op"}),
        };
        let second = AuditEntry {
            seq: 2,
            org_id: ORG.to_owned(),
            at: "2026-01-02T10:00:00Z".to_owned(),
            actor: None,
            kind: "member.role_changed".to_owned(),
            data: json!({"to": "facilitator", "member": "22222222-2222-2222-2222-222222222222", "from": "member"}),
        };
        assert_eq!(
            first.canonical_json(),
            r#"{"actor":"11111111-1111-1111-1111-111111111111","at":"2026-01-01T09:30:00Z","data":{"name":"Bread Co-op","slug":"bread"},"kind":"organisation.created","org_id":"00000000-0000-0000-0000-000000000001","seq":1}"#
        );
        let h1 = "0b329f2e36ca1a40d7911c517c975faeeb3891f5cb7686e5fcb964c7d01e1287";
        let h2 = "5d006223dddf695e51c379662c6ecdf03f359acde572e1f05faf2ab2d4f5ad45";
        assert_eq!(entry_hash(GENESIS_HASH, &first).as_deref(), Ok(h1));
        assert_eq!(entry_hash(h1, &second).as_deref(), Ok(h2));
        let chain = [(first, h1.to_owned()), (second, h2.to_owned())];
        assert_eq!(verify_chain(&chain).as_deref(), Ok(h2));
    }

    #[test]
    fn a_chain_of_several_entries_verifies_to_its_last_hash() {
        let chain = chain();
        let head = chain.last().map(|(_, hash)| hash.clone());
        assert_eq!(verify_chain(&chain).ok(), head);
    }

    #[test]
    fn an_empty_chain_verifies_to_the_genesis_hash() {
        assert_eq!(verify_chain(&[]).as_deref(), Ok(GENESIS_HASH));
    }

    #[test]
    fn tampering_with_an_entrys_data_is_reported_at_that_entry() {
        let mut chain = chain();
        if let Some((e, _)) = chain.get_mut(2) {
            e.data = json!({"member": "m-666"});
        }
        let broken = verify_chain(&chain);
        assert_eq!(
            reason_and_seq(broken.clone()),
            Some((BreakReason::HashMismatch, 3))
        );
        let found = chain.get(2).map(|(_, h)| h.clone()).unwrap_or_default();
        assert_eq!(broken.err().map(|b| b.found), Some(found));
    }

    #[test]
    fn tampering_with_a_stored_hash_is_reported_at_that_entry() {
        let mut chain = chain();
        if let Some((_, h)) = chain.get_mut(3) {
            *h = GENESIS_HASH.to_owned();
        }
        assert_eq!(
            reason_and_seq(verify_chain(&chain)),
            Some((BreakReason::HashMismatch, 4))
        );
    }

    #[test]
    fn deleting_an_entry_is_reported_as_missing_at_its_seq() {
        let mut chain = chain();
        chain.remove(1);
        assert_eq!(
            reason_and_seq(verify_chain(&chain)),
            Some((BreakReason::MissingEntry, 2))
        );
    }

    #[test]
    fn deleting_the_last_entry_is_not_detectable_without_the_published_head() {
        // Why the minutes publish the head hash (spec §9): a shorter chain still verifies.
        let mut chain = chain();
        let head = chain.pop().map(|(_, h)| h);
        assert!(verify_chain(&chain).is_ok());
        assert_ne!(verify_chain(&chain).ok(), head);
    }

    #[test]
    fn deleting_an_entry_and_renumbering_is_a_hash_mismatch_at_the_renumbered_seq() {
        let mut chain = chain();
        chain.remove(1);
        for (e, _) in chain.iter_mut().skip(1) {
            e.seq -= 1;
        }
        assert_eq!(
            reason_and_seq(verify_chain(&chain)),
            Some((BreakReason::HashMismatch, 2))
        );
    }

    #[test]
    fn swapping_two_entries_is_reported_as_out_of_order_at_the_first() {
        let mut chain = chain();
        chain.swap(2, 3);
        let broken = verify_chain(&chain);
        assert_eq!(
            reason_and_seq(broken.clone()),
            Some((BreakReason::OutOfOrder, 3))
        );
        assert_eq!(broken.err().map(|b| b.found), Some("4".to_owned()));
    }

    #[test]
    fn swapping_two_entries_with_their_seqs_is_a_hash_mismatch_at_the_first() {
        let mut chain = chain();
        chain.swap(2, 3);
        if let [_, _, (a, _), (b, _), ..] = chain.as_mut_slice() {
            std::mem::swap(&mut a.seq, &mut b.seq);
        }
        assert_eq!(
            reason_and_seq(verify_chain(&chain)),
            Some((BreakReason::HashMismatch, 3))
        );
    }

    #[test]
    fn a_repeated_entry_is_reported_as_a_duplicate() {
        let mut chain = chain();
        let second = chain.get(1).cloned();
        if let Some(second) = second {
            chain.insert(2, second);
        }
        assert_eq!(
            reason_and_seq(verify_chain(&chain)),
            Some((BreakReason::DuplicateEntry, 3))
        );
    }

    #[test]
    fn an_entry_of_another_organisation_breaks_the_chain() {
        let mut chain = chain();
        if let Some((e, _)) = chain.get_mut(4) {
            e.org_id = "00000000-0000-0000-0000-000000000002".to_owned();
        }
        assert_eq!(
            reason_and_seq(verify_chain(&chain)),
            Some((BreakReason::OtherOrganisation, 5))
        );
    }

    #[test]
    fn a_tail_of_the_chain_verifies_from_the_hash_before_it() {
        let chain = chain();
        let (before, tail) = chain.split_at(2);
        let prev = before.last().map(|(_, h)| h.clone()).unwrap_or_default();
        assert_eq!(verify_chain_from(&prev, 3, tail), verify_chain(&chain));
    }

    #[test]
    fn a_malformed_start_hash_is_reported_not_panicked_on() {
        let broken = verify_chain_from("not a hash", 1, &chain());
        assert_eq!(
            reason_and_seq(broken),
            Some((BreakReason::MalformedStartHash, 1))
        );
        assert!(entry_hash("abc", &entry(1, "x", Value::Null)).is_err());
    }

    #[test]
    fn breaks_explain_themselves_in_english() {
        let mut chain = chain();
        chain.remove(1);
        let message = verify_chain(&chain).err().map(|b| b.to_string());
        assert_eq!(
            message.as_deref(),
            Some("The audit chain breaks at entry 2: it is missing (the next entry is 3).")
        );
    }

    #[test]
    fn every_event_kind_is_one_documented_area_and_past_tense() {
        let kinds: Vec<&str> = Event::ALL.iter().map(|e| e.kind()).collect();
        let mut unique = kinds.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), kinds.len(), "no kind twice");
        for kind in kinds {
            let (area, what) = kind.split_once('.').unwrap();
            assert!(
                [
                    "organisation",
                    "invitation",
                    "member",
                    "group",
                    "proposal",
                    "amendment",
                    "comment",
                    "round",
                    "ballot",
                    "meeting"
                ]
                .contains(&area),
                "{kind}"
            );
            assert!(
                what.ends_with("ed")
                    || [
                        "left",
                        "withdrawn",
                        "hidden",
                        "cast",
                        "outcome_written",
                        "held"
                    ]
                    .contains(&what),
                "{kind} says what happened"
            );
        }
        assert_eq!(
            Event::of_change(crate::domain::membership::MembershipChange::Suspend).kind(),
            "member.suspended"
        );
    }
}

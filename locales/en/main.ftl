# Quorate: English (the reference language). Every string a person sees comes from here.
language-name = English
product-name = Quorate
product-tagline = Decide together

skip-to-content = Skip to main content
nav-home = Home

language-picker-label = Language
language-picker-submit = Change language

home-title = Decide together, on your own server
home-lead = Quorate is where co-operatives, unions and movements draft proposals, talk them through and vote, with every count exact and open to check.
home-feature-proposals-title = Proposals and discussion
home-feature-proposals-text = Members draft proposals and discuss them in threaded comments before any vote.
home-feature-rounds-title = Decision rounds
home-feature-rounds-text = Facilitators open rounds by consent, majority, approval, score, ranked choice, Condorcet or quadratic voting, with quorum and thresholds enforced.
home-feature-counts-title = Counts anyone can check
home-feature-counts-text = Every result is explained round by round and can be recounted from an export.

not-found-title = Page not found
not-found-text = There is no page at this address. Check the link, or go back to the home page.
not-found-home-link = Go to the home page

error-title = Something went wrong
error-text = Quorate could not show this page. Nothing you entered was lost; try again in a moment.
error-reference = Reference: { $reference }

footer-text = Quorate is free software for deciding together.
footer-source = Licensed under the GNU AGPL.

nav-account = Your account
nav-sign-in = Sign in
nav-sign-up = Create an account
nav-sign-out = Sign out
breadcrumbs = Breadcrumbs

form-problems-title = Please correct the following
forbidden-title = Not allowed
signin-needed-title = Please sign in first
forbidden-membership-suspended = Your membership of this organisation is suspended. An administrator of the organisation can reinstate you.
forbidden-membership-invited = You have been invited but have not joined yet. Open the invitation link you were sent to accept it, or ask an administrator for a new one.
forbidden-membership-left = You have left this organisation. An administrator can invite you again.

field-display-name = Display name
field-email = E-mail address
field-password = Password
field-current-password = Current password
field-new-password = New password
field-language = Language
field-org-name = Name
field-org-slug = Web address
field-org-slug-hint = Lowercase letters, digits and hyphens, as in /o/green-valley-co-op.
field-org-slug-hint-new = Lowercase letters, digits and hyphens, as in /o/green-valley-co-op. Leave it empty to make it from the name.
field-group-slug-hint = Lowercase letters, digits and hyphens: it names the group inside the organisation, as in housing-circle.
field-group-name = Group name
field-time-zone = Time zone
field-time-zone-hint = Where the organisation meets: closing times and meetings are shown in this zone.
field-default-language = Default language
field-description = Description
field-invite-email = E-mail address (optional)
field-invite-email-hint = Leave empty for a link anyone can use.
field-expires-in-days = Expires after (days)
field-max-uses = How many people may use it
field-max-uses-hint = Leave empty for no limit until it expires.
password-hint = At least { $min } characters; not a common password, your name or your e-mail address.
language-browser-default = As my browser asks

signup-title = Create an account
signup-lead = With an account you can create an organisation or accept an invitation.
signup-submit = Create account
signup-have-account = Have an account already?
signin-title = Sign in
signin-submit = Sign in
signin-no-account = New here?

account-title = Your account
account-profile = Profile
account-save = Save
account-password = Password
account-change-password = Change password

first-run-title = Set up your organisation
first-run-account = Create your account.
first-run-organisation = Create your organisation: you become its administrator.
first-run-invite = Invite your members with a link.
home-your-organisations = Your organisations
home-no-organisations = You are not in any organisation yet. Create one, or open an invitation link.

org-new-title = Create an organisation
org-new-submit = Create organisation
org-new-sign-in-first = You need an account to create an organisation.
org-your-role = Your role
org-active-members = Active members
org-members-link = Members
org-invitations-link = Invitations
org-settings-link = Settings
org-settings-title = Organisation settings
org-export-heading = Export
org-export-text = Everything the organisation has decided, as one JSON document: its members, proposals, decision rounds with their ballots (as secrecy allows) and results, and its audit chain. Anyone can re-check it with quorate verify, without a database.
org-export-link = Download the export (JSON)
org-leave = Leave this organisation
org-leave-question = Leave { $organisation }? You lose access to its proposals and rounds at once; to come back you need a new invitation.

members-role = Role
members-state = Status
members-actions = Actions
members-change-role = Change role
members-suspend = Suspend
members-reinstate = Reinstate
members-remove = Remove
members-remove-title = Remove { $name }?
members-remove-question = Remove { $name } from this organisation? They lose access to its proposals and rounds at once. An administrator can invite them again later.
confirm-cancel = Cancel

role-observer = Observer
role-member = Member
role-facilitator = Facilitator
role-admin = Administrator
state-invited = Invited
state-active = Active
state-suspended = Suspended
state-left = Left

invitation-title = Invitation
invitation-offer = You are invited to join { $organisation } as { $role }.
invitation-accept = Accept the invitation
invitation-sign-in-first = Create an account or sign in, then come back to this link.
invitation-new = New invitation
invitation-create = Create invitation link
invitation-created = The invitation link is ready. Copy it now: it is shown only once.
invitation-link = Invitation link
invitation-list = Invitations
invitation-expires = Expires
invitation-uses = Used
invitation-revoke = Revoke
invitation-revoked = Revoked
invitation-any-address = Anyone with the link

problem-sign_in_failed = The e-mail address or the password is not right.
problem-throttled = Too many attempts. Wait a few minutes, then try again.
problem-email_taken = An account with this e-mail address exists already; sign in instead.
problem-display_name_length = The display name must have between { $min } and { $max } characters.
problem-control_characters = This text must not contain control characters (such as escape codes, NUL, or line breaks in a name).
problem-invalid_utf8 = The form sent text that is not valid UTF-8.
problem-current_password_wrong = The current password is not right.
problem-password_too_short = The password must have at least { $min } characters (it has { $actual }).
problem-password_too_long = The password must have at most { $max } characters (it has { $actual }).
problem-password_common = This password is one of the most common ones; choose another.
problem-password_contains_email = The password must not contain your e-mail address.
problem-password_contains_name = The password must not contain your name.
problem-language_unknown = Choose one of the languages offered.
problem-slug_taken = Another organisation uses this web address already; choose another.
problem-name_empty = The organisation needs a name.
problem-name_too_long = The name must have at most { $max } characters (it has { $actual }).
problem-slug_empty = The web address needs a short name, such as green-valley-co-op.
problem-slug_too_long = The web address must have at most { $max } characters (it has { $actual }).
problem-slug_bad_characters = The web address may only use lowercase letters a to z, digits and hyphens.
problem-slug_edge_hyphen = The web address must not start or end with a hyphen.
problem-slug_reserved = This web address is reserved by Quorate; choose another.
problem-time_zone_unknown = Choose a time zone from the list.
problem-language_unsupported = Choose one of the languages offered.
problem-email_empty = Enter an e-mail address.
problem-email_too_long = The e-mail address is too long.
problem-email_has_spaces = An e-mail address has no spaces.
problem-email_not_one_at = An e-mail address has exactly one @, as in name@example.org.
problem-email_no_local_part = Put your name before the @, as in name@example.org.
problem-email_bad_domain = The part after the @ must be a domain, as in example.org.
problem-invitation_not_found = This invitation link is not valid. Ask an admin for a new one.
problem-invitation_role_not_allowed = You may not invite people with this role.
problem-internal = Something went wrong on our side (reference { $reference }).
problem-role_unknown = Choose one of the roles offered.
problem-expiry_out_of_range = An invitation expires after { $min } to { $max } days.
problem-max_uses_out_of_range = Allow between { $min } and { $max } uses, or leave it empty for no limit.
problem-invitation_expired = This invitation has expired. Ask for a new one.
problem-invitation_used_up = This invitation has been used as often as it allows. Ask for a new one.
problem-invitation_revoked = This invitation was withdrawn. Ask for a new one.
problem-invitation_for_another_address = This invitation is for another e-mail address. Sign in with that address.
problem-already_a_member = You are a member of this organisation already.
problem-last_admin_cannot_leave = The last administrator cannot leave; make someone else an administrator first.
problem-last_admin_cannot_be_demoted = The last administrator cannot be given another role; make someone else an administrator first.
problem-last_admin_cannot_be_suspended = The last administrator cannot be suspended.
problem-last_admin_cannot_be_removed = The last administrator cannot be removed.
problem-invalid_transition = This change is not possible from the member's current status.
problem-role_unchanged = This member has this role already.
problem-not_signed_in = Please sign in first.
problem-not_a_member = Only members of this organisation may do this.
problem-membership_not_active = Only active members may do this.
problem-role_too_low = Your role does not allow this.
problem-observers_do_not_vote = Observers do not vote.

org-groups-link = Groups
groups-none = This organisation has no groups yet.
groups-new = New group
groups-create = Create group
groups-add-member = Add a member
groups-add = Add
groups-remove-member = Remove from group
problem-name_length = The name must have between { $min } and { $max } characters.
problem-description_too_long = The description must have at most { $max } characters (it has { $actual }).
problem-group_slug_taken = Another group of this organisation uses this address.
problem-group_member_not_active = Only active members can join a group.

account-sessions = Other devices
account-sessions-text = Signed in somewhere you no longer use? End every session but this one.
account-end-other-sessions = Sign out everywhere else
account-email-sent = We have sent a link to the address. It works for { $hours } hours; the address changes (or is confirmed) when you open it.
account-email-confirmed = Your e-mail address is confirmed.
account-email-unconfirmed = Your e-mail address is not confirmed yet. Invitations for it can only be accepted once it is.
account-email-unverifiable = This Quorate cannot send e-mail, so it cannot confirm addresses.
account-email-send-link = Send me a confirmation link
account-identity-provider = Provider
account-identity-linked = Linked
account-identity-used = Last used
account-identity-never = Not recorded
account-identity-only-way = Your only way to sign in
account-unlink-provider = Unlink { $provider }
email-sent-title = Check your e-mail
email-sent-text = We have sent a message to the address you gave. Open the link in it to go on; it works for { $hours } hours. Nothing arrived? Check the spam folder, or sign up again to get a new link.
email-confirm-title = Confirm your e-mail address
email-confirm-sign-up = Confirm { $email } to create your account.
email-confirm-change = Confirm { $email } as the address of your account.
email-confirm-button = Confirm
invitation-unverifiable = This Quorate cannot send e-mail, so it cannot check that people own the addresses they give: an invitation for an address can be accepted by anyone who signs in with that address. Give links to the people they are for yourself, or set smtp_url so that addresses are confirmed.
problem-confirmation_link_unusable = This confirmation link does not work: it was used already, it expired (links work for { $hours } hours), or it was mistyped. Ask for a new one.
problem-last_sign_in_method = This is the only way to sign in to this account: set a password or link another provider first.
problem-invitation_address_unconfirmed = This invitation is for your e-mail address, which you have not confirmed yet: confirm it from your account page, then open the invitation again.

mail-invitation-subject = { $inviter } invites you to { $organisation } on Quorate
mail-invitation-body = { $inviter } invites you to join { $organisation } on Quorate, where its members make decisions together.

    Open this link to accept the invitation (you can create an account there):
    { $link }

    If you did not expect this invitation, you can ignore this message.

# Signing in with OpenID providers
signin-with-provider-heading = Or sign in with
signin-with-provider = Sign in with { $provider }
account-providers = Sign-in providers
account-providers-text = Link a provider to sign in to this account with it.
account-link-provider = Link { $provider }
problem-oidc_unknown_provider = There is no such sign-in provider here.
problem-oidc_provider_unavailable = The sign-in provider cannot be reached or did not answer properly. Try again later.
problem-oidc_denied = Sign-in was cancelled at the provider.
problem-oidc_provider_error = The sign-in provider reported an error.
problem-oidc_state_mismatch = This sign-in did not start in this browser, so it was refused. Start again.
problem-oidc_flow_unknown = This sign-in link was used already or has expired. Start again.
problem-oidc_link_session_changed = You are no longer signed in to the account you were linking. Sign in and start again.
problem-oidc_exchange_refused = The sign-in provider did not confirm the sign-in. Start again.
problem-oidc_token_invalid = The sign-in provider's answer did not pass our checks.
problem-oidc_nonce_mismatch = The sign-in provider's answer belongs to another sign-in. Start again.
problem-oidc_identity_linked_elsewhere = This sign-in is linked to another Quorate account already.
problem-oidc_email_has_account = An account with this e-mail address exists. Sign in with its password, then link the provider on your account page.
problem-oidc_no_email = The provider did not tell us an e-mail address.
problem-oidc_email_unverified = The provider has not verified your e-mail address.

# Proposals
proposals-heading = Proposals
proposals-none = No proposals here yet.
proposals-filter = Show proposals
proposals-all-groups = All groups
proposal-state-all = All
proposal-state-draft = Draft
proposal-state-discussion = In discussion
proposal-state-decided = Decided
proposal-state-withdrawn = Withdrawn
pagination = Pages
pagination-previous = Previous page
pagination-next = Next page
pagination-page = Page { $page }
proposal-new-title = New proposal
proposal-new-lead = Your draft is visible to you and the co-authors you choose, until you publish it for discussion.
proposal-whole-organisation = The whole organisation
proposal-save-draft = Save draft
proposal-save = Save
proposal-number = Proposal { $number }
proposal-revision-number = Revision { $number }
proposal-authors = Authors
proposal-latest-revision = Latest revision
proposal-for-authors = For the authors
proposal-edit = Edit proposal
proposal-edit-makes-revision = Saving makes the next numbered revision; earlier revisions stay readable.
proposal-publish = Publish for discussion
proposal-publish-hint = Publishing shows the proposal to the whole organisation as revision 1.
proposal-add-co-author = Add a co-author
proposal-add = Add
proposal-withdraw = Withdraw the proposal
proposal-withdrawn-by = Withdrawn by { $name } on { $at }:
proposal-history = History
proposal-compare-latest = Compare the latest revision with the one before
proposal-older-revision = This is an earlier revision.
proposal-see-latest = See the latest
proposal-compare-with-latest = Compare with the latest
proposal-compare = Compare
proposal-compare-from = From
proposal-compare-to = To
proposal-compare-heading = Revision { $from } compared with revision { $to }
proposal-diff-legend = Added words are underlined between [+ and +]; removed words are struck through between [- and -].
proposal-conflict-title = Someone saved a newer version
proposal-conflict-since = What changed from revision { $from }, where you started, to revision { $to }:
proposal-conflict-since-draft = What the stored draft says now, compared with nothing (you started from an earlier draft):
proposal-conflict-newer-text = The newer text, as stored
proposal-conflict-your-text = Your edit is kept in the form below: fold in the newer changes, then save again.
diff-inserted = inserted:
diff-deleted = deleted:
field-proposal-title = Title
field-proposal-summary = Summary
field-proposal-summary-hint = One or two sentences: what the proposal asks the organisation to decide.
field-proposal-body = Proposal
field-proposal-body-hint = Markdown: *emphasis*, **strong**, lists, links, tables. HTML is shown as typed.
field-proposal-due-on = Discussion due by
field-proposal-due-on-hint = Optional. Written YYYY-MM-DD.
field-proposal-group = Group
field-proposal-note = What changed
field-proposal-note-hint = Optional, one line; shown in the history.
field-withdraw-reason = Why it is withdrawn (shown on the proposal)
problem-text_length = This must have between { $min } and { $max } characters (it has { $actual }).
problem-text_too_long = This may have at most { $max } characters (it has { $actual }).
problem-due_date_malformed = The due date must be a date written YYYY-MM-DD.
problem-due_date_in_the_past = The due date must be today ({ $today }) or later.
problem-edit_conflict = Someone saved a newer version (now version { $current }) after you started from version { $started_from }: look at what changed, then save again.
problem-proposal_unchanged = Nothing changed: the text is the same as the latest revision.
problem-co_author_not_active = A co-author must be an active member.
problem-co_author_observer = Observers read and comment but do not author proposals.
problem-co_author_not_in_group = A co-author of a group's proposal must be a member of the group.
problem-already_an_author = This member already is one of the authors.
problem-group_unknown = There is no such group in this organisation.
problem-member_unknown = There is no such member in this organisation.
problem-not_an_author = Only the proposal's authors may do this.
problem-not_in_group = Only members of the proposal's group may do this.
problem-proposal_state = This cannot be done while the proposal is { $state ->
        [draft] a draft
        [discussion] in discussion
        [decided] decided
       *[withdrawn] withdrawn
    }.
problem-round_open = A decision round on this proposal is open, so its text cannot change.

# Comments
comments-heading = Discussion
comments-none = No comments yet.
comments-closed = Comments are open while a proposal is in discussion, to its organisation's active members.
comment-new = Add a comment
comment-post = Post comment
comment-preview = Preview
comment-preview-heading = Preview: how your comment will look
comment-reply = Reply
comment-replying-to = Replying to { $name }
comment-see = see the comment
comment-reply-cancel = write a new comment instead
comment-edit = Edit comment
comment-edit-kept = The earlier text stays readable under "earlier versions".
comment-save = Save
comment-edited = edited { $at }
comment-earlier-versions = Earlier versions
comment-replaced = Until { $at }:
comment-delete = Delete comment
comment-delete-question = Delete this comment?
comment-delete-consequence = Its text goes; the thread shows "comment deleted" in its place, and replies stay.
comment-deleted = Comment deleted.
comment-hide = Hide comment
comment-hidden = Hidden by a facilitator:
comment-hidden-you-see = You can still read it, as its author or a facilitator:
proposal-comment-count = { $count ->
        [one] 1 comment
       *[other] { $count } comments
    }
proposal-unread = New
field-comment = Your comment
field-comment-hint = Markdown. Mention a member with @ and their name without spaces (@AdaOkafor).
field-hide-reason = Why it is hidden (shown in its place)
problem-reply_elsewhere = The comment replied to belongs to another proposal.
problem-reply_to_removed = The comment replied to was deleted or hidden.
problem-comment_unchanged = Nothing changed.
problem-comment_hidden_already = This comment is hidden already.
problem-not_comment_author = Only a comment's author may do this.

# Amendments
amendments-heading = Amendments
amendments-none = No amendments yet.
amendment-number = Amendment { $number }
amendment-state-open = Open
amendment-state-accepted = Accepted
amendment-state-declined = Declined
amendment-new-title = Propose an amendment
amendment-new-lead = Change the text of revision { $number } as you would have it, and say why. The proposal's authors accept it (it becomes the next revision, credited to you) or decline it with a reason.
amendment-propose = Propose amendment
amendment-against = Proposed by { $name } on { $at }, changing revision { $number }.
amendment-reason = Why
amendment-changes = What it changes
amendment-accepted-by = Accepted by { $name } on { $at }; it became
amendment-declined-by = Declined by { $name } on { $at }:
amendment-outdated-notice = The proposal is at revision { $current } now and this amendment changes revision { $base }, so it can no longer be accepted as it is: its authors may decline it, and its amender may propose it again against the newer text.
amendment-for-authors = For the proposal's authors
amendment-accept = Accept amendment
amendment-accept-hint = Accepting makes its text the next revision, credited to its amender.
amendment-decline = Decline amendment
field-amendment-reason = Why this change (shown with the amendment)
field-decline-reason = Why it is declined (shown with the amendment)
problem-amendment_unchanged = The amendment's text is the same as the proposal's: change something.
problem-amendment_decided = This amendment was { $state ->
        [accepted] accepted
       *[declined] declined
    } already.
problem-amendment_stale = The proposal got revision { $current } while you wrote against revision { $base }: look at the newer text, then send your amendment again.
problem-amendment_outdated = This amendment changes revision { $base }, but the proposal is at revision { $current } now: accepting it would undo the changes in between.

# Search
search-title = Search
search-label = Search proposals and comments
search-button = Search
search-results-for = Results for “{ $query }”
search-none = Nothing found. Every word you type must appear; try fewer words.
search-kind-proposal = proposal
search-kind-comment = comment

# Decision rounds
round-state-scheduled = Scheduled
round-state-open = Open
round-state-closed = Closed
round-state-cancelled = Cancelled
problem-round_state = This cannot be done while the round is { $state ->
        [scheduled] scheduled
        [open] open
        [closed] closed
       *[cancelled] cancelled
    }.
problem-round_not_due = The round is not due for this yet.
problem-round_closes_too_early = The closing time must be after the opening time, and after now.
problem-round_extension_not_later = An extension must move the closing time later.
problem-round_early_close_needs_reason = A round closes early when every eligible member has voted, or by a facilitator who gives a reason.
problem-round_option_count = A round needs between { $min } and { $max } options (it has { $actual }).
problem-round_duplicate_option = Two options are both called “{ $name }”.
problem-round_winners = Winners or seats must be between 1 and { $max }.
problem-round_budget = Points and credits must be at least 1.
problem-round_fraction = A fraction must be written p/q with 0 < p ≤ q (for a quorum, 0 ≤ p ≤ q).
problem-round_quorum_beyond_electorate = The quorum asks for more ballots than there are voters ({ $electorate }).

# Decision rounds: the rule in plain words
round-rule-consent-none = Adopted if nobody objects.
round-rule-consent = Adopted if at most { $objections } members object.
round-rule-majority = Adopted if { $comparison ->
        [at-least] at least
       *[more-than] more than
    } { $fraction } of { $base ->
        [all-ballots] all ballots cast
        [electorate] all who may vote
       *[votes-cast] the votes for or against
    } are yes.
round-rule-approval = Members approve any options they like; the { $winners } with the most approvals win.
round-rule-score = Members score each option from 0 to 5; the highest total wins.
round-rule-dot = Members share up to { $points } points among the options; the highest total wins.
round-rule-borda = Members rank the options; the option with the most Borda points wins.
round-rule-irv = Members rank the options; by instant runoff, the option with the fewest votes is eliminated until one has more than half.
round-rule-stv = Members rank the options; { $seats } seats are filled by single transferable vote ({ $rules ->
        [meek] Meek's method
       *[scottish] the Scottish rules
    }).
round-rule-schulze = Members rank the options, equal ranks allowed; the Schulze method finds the winner.
round-rule-quadratic = Each member has { $credits } voice credits (n votes for an option cost n²); options are ranked by their votes.
round-rule-quadratic-against = Each member has { $credits } voice credits (n votes for or against an option cost n²); options are ranked by their votes.
round-quorum-none = No quorum: the result stands however many take part.
round-quorum = At least { $needed } of the { $voters } members of { $scope } must take part.
round-closes = Closes { $weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
       *[sun] Sunday
    } { $day } { $month ->
        [m1] January
        [m2] February
        [m3] March
        [m4] April
        [m5] May
        [m6] June
        [m7] July
        [m8] August
        [m9] September
        [m10] October
        [m11] November
       *[m12] December
    }, { $time } ({ $zone }).

# Decision rounds: pages
proposal-rounds = Decision rounds
org-open-rounds = Open decision rounds
round-start = Start a decision round
round-number = Round { $number }
round-closes-in = closes in { $days ->
        [0] { "" }
       *[other] { $days } d{ " " }
    }{ $hours } h { $minutes } min
round-you-voted = you have voted
round-you-have-not-voted = waiting for your vote
round-method-consent = Consent
round-method-majority = Majority
round-method-approval = Approval
round-method-score = Score (0–5)
round-method-dot = Dot vote
round-method-borda = Borda count
round-method-irv = Ranked choice (instant runoff)
round-method-stv-scottish = Single transferable vote (Scottish rules)
round-method-stv-meek = Single transferable vote (Meek)
round-method-schulze = Condorcet (Schulze)
round-method-quadratic = Quadratic voting
round-tie-previous-rounds-then-order = Earlier rounds, then ballot order
round-tie-previous-rounds-then-lot = Earlier rounds, then a public lot
round-tie-order = Ballot order
round-tie-lot = A public lot
round-outcome-no-quorum = no quorum
round-outcome-adopted = adopted
round-outcome-not-adopted = not adopted
round-outcome-elected = decided
round-new-title = Start a decision round
round-new-lead = The round decides revision { $revision } of the proposal.
round-new-voters = { $voters } members of { $scope } may vote now; the list is taken when the round opens.
round-statement-heading = The rule, in plain words
round-parameters = The method's settings
round-parameters-hint = Only the settings of the chosen method count; the others are ignored.
round-comparison-more-than = more than
round-comparison-at-least = at least
round-base-votes-cast = the votes for or against (abstentions left out)
round-base-all-ballots = all ballots cast
round-base-electorate = all who may vote
round-options = Options
round-options-from-list = The options listed below
round-options-from-amendments = The proposal as it is and its { $count } open amendments
round-times-hint = Date and time in { $zone }.
round-check-rule = Check the rule
round-create = Create the round
field-round-method = Method
field-round-threshold = Threshold (majority)
field-round-threshold-hint = A fraction such as 1/2 or 2/3.
field-round-comparison = Comparison (majority)
field-round-base = Counted against (majority)
field-round-max-objections = Objections tolerated (consent)
field-round-winners = Winners (approval)
field-round-seats = Seats (single transferable vote)
field-round-points = Points per member (dot vote)
field-round-credits = Voice credits per member (quadratic)
field-round-allow-negative = Votes against allowed (quadratic)
field-round-batch-elimination = Eliminate every hopeless option at once (instant runoff)
field-round-continue-until-two = Keep counting until two options remain (instant runoff)
field-round-options-from = Where the options come from
field-round-options = Options, one per line
field-round-options-hint = Consent and majority rounds decide the proposal itself and need none.
field-round-quorum = Quorum
field-round-quorum-hint = A fraction of those who may vote (1/3), a number of ballots (12), or empty for none.
field-round-opens-at = Opens
field-round-closes-at = Closes
field-round-secret = Secret ballot (final once cast, with a receipt code)
field-round-running-results = Show results while the round is open
field-round-tie-policy = Ties broken by
round-rule = The rule
round-method = Method
round-decides = Decides
round-opens = Opens
round-closes-label = Closes
round-ballot = Ballot
round-secret = secret
round-open-ballot = open (members see who voted what after the close)
round-participation-heading = Participation
round-participation = { $voted } of { $electorate } have voted; the quorum needs { $needed }.
round-receipt-heading = Your receipt code
round-receipt-keep = Keep it: it is shown only now. After the close, find it in the published ballots to check that your ballot was counted as cast.
round-receipt-not-receipt-free = A receipt lets whoever holds it show your ballot to someone else, so keep it to yourself.
round-your-ballot = Your ballot
round-secret-final = This is a secret ballot: once cast it is final and cannot be changed.
round-open-changeable = You have voted. You may change your ballot until the round closes; the latest counts.
round-secret-already-voted = You have cast your secret ballot in this round.
round-cannot-vote = You cannot vote in this round: only the members who could vote when it opened can.
round-ballot-consent = Your position
round-position-consent = I consent
round-position-concern = I consent, with a concern
round-position-stand_aside = I stand aside
round-position-object = I object
field-ballot-reason = Reason
field-ballot-reason-hint = Required with an objection; welcome with a concern.
round-ballot-majority = Your vote
round-choice-yes = Yes
round-choice-no = No
round-choice-abstain = Abstain
round-ballot-approval = Approve any options you support; the { $winners } with the most approvals win.
round-ballot-dot = Share up to { $budget } points among the options.
round-ballot-quadratic = You have { $budget } voice credits: n votes for an option cost n².
round-ballot-quadratic-against = You have { $budget } voice credits: n votes for or against (negative) an option cost n².
round-ballot-schulze = Give each option a rank (1 is best); equal numbers rank options equal; leave an option unranked to put it below all you rank.
round-unranked = not ranked
round-ballot-ranked = Rank the options: your first choice first. Leave the ranks you do not want empty.
round-rank = Choice { $rank }
round-cast = Cast my ballot
round-cast-secret = Cast my secret ballot (final)
round-change-ballot = Change my ballot
round-result = Result
round-running-results = Running results (the round is still open)
round-result-no-quorum = No quorum: { $ballots } ballots were cast and { $needed } were needed. Nothing is adopted or elected.
round-result-majority-adopted = Adopted: { $yes } yes of { $base } counted ({ $percent } %), threshold { $threshold }; quorum { $ballots } of { $electorate }, needed { $needed }.
round-result-majority-not-adopted = Not adopted: { $yes } yes of { $base } counted ({ $percent } %), threshold { $threshold }; quorum { $ballots } of { $electorate }, needed { $needed }.
round-result-consent-adopted = Adopted by consent: { $objections } objections; quorum { $ballots } of { $electorate }, needed { $needed }.
round-result-consent-not-adopted = Not adopted: { $objections } objections; quorum { $ballots } of { $electorate }, needed { $needed }.
round-result-elected = Decided: { $winners }. Quorum { $ballots } of { $electorate }, needed { $needed }.
round-stage-table = Totals at each stage
round-option = Option
round-stage = Stage { $number }
round-report = The count, stage by stage
round-digest = The stored report's SHA-256:
round-outcome-statement = Outcome
field-round-statement = Outcome statement
round-write-outcome = Save the outcome
round-ballots = Ballots
round-receipt = Receipt code
round-voter = Member
round-receipt-lookup = Find your receipt code
round-receipt-find = Find
round-receipt-found = Receipt { $code } was counted as: { $ballot }
round-receipt-not-found = No ballot has the receipt { $code }.
round-files = Files
round-for-facilitators = For facilitators
round-voter-roll = Voter roll
round-voter-roll-hint = Who has voted so far, to chase participation.
round-voter-roll-secret = Who has voted so far; never how.
round-roll-voted = voted
round-roll-not-yet = not yet
round-extend = Extend
field-round-new-closes-at = New closing time
field-round-reason = Reason
round-close-early = Close now
round-close-early-hint = Without a reason only when everyone who may vote has voted.
round-cancel = Cancel the round
problem-ballot_nothing_chosen = Choose one of the positions first.
problem-ballot_not_a_number = “{ $option }” needs a whole number.
problem-ballot_unknown_option = That is not one of this round's options.
problem-ballot_already_cast = You have already voted in this secret round; a secret ballot is final once cast.
problem-wrong_ballot_shape = This ballot does not fit the round's method.
problem-unknown_option = That is not one of this round's options.
problem-duplicate_option = “{ $option }” is chosen more than once; each option may be marked only once.
problem-equal_ranks = Rank { $rank } holds several options; equal ranks are allowed only in a Schulze count.
problem-too_many_approvals = { $approved } options approved; this round allows at most { $max }.
problem-score_out_of_range = “{ $option }” has score { $score }; scores go from 0 to 5.
problem-negative_points = “{ $option }” has { $points } points; points cannot be negative.
problem-points_over_budget = { $spent } points given; each member has { $budget }.
problem-negative_votes_not_allowed = “{ $option }” has { $votes } votes; this round does not allow votes against.
problem-quadratic_over_budget = This ballot costs { $cost } voice credits; each member has { $budget }.
problem-objection_without_reason = An objection must give a reason.
problem-round_method_unknown = Choose one of the methods.
problem-round_not_a_number = Enter a whole number.
problem-round_not_a_fraction = Enter a fraction such as 1/2 or 2/3.
problem-round_quorum_unreadable = Enter a quorum as a fraction of those who may vote (1/3) or a number of ballots (12), or leave it empty.
problem-round_not_a_time = Enter a date and time that exists in the organisation's time zone.
problem-round_required = This is required.
problem-round_already_active = A round on this proposal is already scheduled or open.
problem-round_statement_empty = Write the outcome statement first.
problem-not_in_electorate = Only the members who could vote when the round opened can vote in it.
round-charts = Charts
round-transfers = How the votes moved from stage to stage
round-state-heading = State
round-points-used = Points used: { $used } of { $budget }
round-credits-used = Voice credits spent: { $cost } of { $budget }
round-ranked-list = Your ranking, first choice first
round-not-ranked-yet = Not ranked yet:
round-move-up = Move { $option } up
round-move-down = Move { $option } down
round-unrank = Take { $option } out of your ranking
round-rank-add = Rank { $option } next
round-rank-moved = { $option } is now choice { $rank }.
round-rank-added = { $option } is now choice { $rank }.
round-rank-removed = { $option } is no longer ranked.
round-stages-caption = What happened at each stage
round-stage-col = Stage
round-quota = Quota
round-threshold-to-win = Votes needed to win
round-elected = Elected
round-excluded = Excluded
round-transferred = Transferred
round-exhausted = Exhausted
round-non-transferable = Non-transferable
round-exhausted-short = exhausted
round-totals-caption = Totals
round-total = Total
round-wins = Wins
round-pairwise-d = Ballots preferring the row’s option to the column’s
round-pairwise-p = Strongest paths from the row’s option to the column’s
round-credits-summary = Voice credits spent: { $total } in all, { $budget } per voter.
round-credits-caption = How many credits each ballot spent
round-credits = Credits spent
round-ballot-count = Ballots
round-positions-caption = Positions
round-position = Position
round-weight = Ballots
round-max-objections = Objections tolerated: { $count }
round-objections-heading = Objections and their reasons
round-concerns-heading = Concerns
round-ties-heading = Ties
round-tie = Stage { $stage }: { $tied } were tied { $decision }; broken by { $rule }: { $picked }.
round-tie-decision-winner = for the win
round-tie-decision-election-order = for the order of election
round-tie-decision-surplus-order = for whose surplus moves first
round-tie-decision-elimination = for elimination
round-tie-decision-exclusion = for exclusion
round-tie-decision-defeat = for defeat
round-tie-decision-last-places = for the last places
round-tie-rule-previous-rounds = the earlier stages
round-tie-rule-order = ballot order
round-tie-rule-lot = the public lot
round-lot-caption = The lot: every option in the order of its key, the SHA-256 of the seed and the option’s id
round-lot-key = Key
minutes-heading = Decision on proposal { $number }: { $title }
minutes-round = Decision round { $round }, on revision { $revision }
minutes-closed = Closed
minutes-closed-early = Closed early because
minutes-check = How to check it
minutes-audit-entry = The close is audit entry { $seq }, hash { $hash }.
minutes-verify = Anyone with the organisation's export can recompute the audit chain and count every round again:
minutes-secret = Secret ballot: nobody, not even the facilitators, can see who voted what; each ballot is published with its receipt code.
minutes-open = Open ballot: members see who voted what.
minutes-title = Minutes
minutes-print = Print
minutes-link = Minutes of this decision (print, Markdown, JSON)
minutes-downloads = Download the minutes:
calendar-summary = Closes: { $title } ({ $org })
calendar-description = Decision round { $round } on proposal { $number } of { $org } closes.
account-calendar = Calendar
account-calendar-text = A secret address your calendar app can subscribe to: the closing times of the rounds you can vote in, in every organisation you belong to. Anyone who has the address sees them; make a new one whenever you like (the old one stops working).
account-calendar-none = You have no calendar address.
account-calendar-since = You have a calendar address, made on { $date }.
account-calendar-make = Make a calendar address
account-calendar-replace = Make a new address (the old one stops working)
account-calendar-off = Turn the calendar off
account-calendar-new = Your calendar address (shown once; copy it into your calendar app now):
account-calendar-keep = Quorate keeps only a fingerprint of it, so it cannot show it again.
problem-meeting_link_not_web = A link must be a web address starting with https:// or http://.
problem-meeting_not_a_proposal_number = Refer to a proposal by its number, or leave it empty.
problem-meeting_too_many_guests = A meeting lists at most { $max } guests.
problem-meeting_state = A meeting whose minutes are { $state } cannot do this.
field-round-reminder = Reminder before closing (hours)
field-round-reminder-hint = Members who have not voted yet are reminded this many hours before the round closes; 0 for no reminder.
round-rule-reminder = Members who have not voted are reminded { $hours } h before it closes.
round-rule-no-reminder = No reminder is sent before it closes.
problem-round_reminder_range = A reminder goes out 0 (none) to 336 hours (two weeks) before closing.
meetings-title = Meetings
meetings-none = No meetings yet.
meetings-new = A new meeting
meetings-create = Create the meeting
field-meeting-title = Title
field-meeting-starts-at = Date and time
field-meeting-link-hint = https://… (optional)
field-meeting-guests-hint = One name per line: people who are not members.
meeting-place = Place
meeting-link = Link
meeting-facilitator = Facilitator
meeting-minute-taker = Minute-taker
meeting-guests = Guests
meeting-state-draft = Draft
meeting-state-held = Held
meeting-state-approved = Minutes approved
meeting-approved-on = Minutes approved on { $date } (version { $version }).
meeting-not-approved = The minutes are not approved yet.
meeting-attendance = Attendance
meeting-present = Present
meeting-apologies = Apologies
meeting-absent = Absent
meeting-save-attendance = Save the attendance
meeting-agenda = Agenda
meeting-agenda-empty = Nothing on the agenda yet.
meeting-add-item = Add an item
field-item-title = Item
field-item-proposal = Proposal number
field-item-proposal-hint = The number of a proposal of this organisation, for example 7 (optional).
field-item-notes = Notes
meeting-edit-item = Edit this item
meeting-save-item = Save the item
meeting-minutes = Minutes
meeting-hold = Mark the meeting as held
meeting-approve = Approve the minutes
meeting-approve-text = Once approved, the minutes are read-only; the audit chain records what they hold.
meeting-minutes-heading = Minutes: { $title }
meeting-approval = Approval
meeting-signature-chair = Chair
meeting-signature-minute-taker = Minute-taker
problem-meeting_person_unknown = Choose one of the organisation's active members.
problem-meeting_proposal_unknown = This organisation has no proposal { $number }.
round-quorum-meeting = At least { $needed } of the { $voters } members present at { $meeting } must take part.
round-from-meeting = This round is opened from a meeting's agenda item; it will be in that meeting's minutes.
meeting-actions = Action points
meeting-action = Action
meeting-action-owner = Owner
meeting-action-due = Due
meeting-action-done = Done
meeting-action-mark-done = Mark as done
meeting-action-mark-open = Mark as not done
meeting-add-action = Add an action point
field-action-text = What is to be done
field-action-due = Due date (optional)
meeting-correcting = Reopened for a correction: { $reason }
meeting-correct = Reopen the minutes for a correction
meeting-correct-text = The approved version stays as it was approved. The corrected minutes become the next version once approved again, and both can be read.
field-correction-reason = Why they need correcting
meeting-versions = Approved versions
meeting-version = Version { $version }
meeting-version-line = Version { $version }, approved on { $date }
meeting-version-reason = Version { $version }, approved on { $date }: { $reason }
meeting-current-text = The current text
meeting-digest = SHA-256 of the approved minutes: { $digest }
meeting-approval-entry = The approval is audit entry { $seq }, hash { $hash }.
meeting-signature-date = Date
minutes-page-label = Page { $page } of { $pages }
meeting-open-round = Open a decision round on this proposal
meeting-settings = Meeting settings
field-paper = Paper for printed minutes
paper-a4 = A4
paper-letter = US Letter
field-quorum-from-attendance = Rounds opened from a meeting's agenda count their quorum against the members present at that meeting
meeting-save-settings = Save the meeting settings
meeting-print-minutes = Minutes to print
meeting-calendar-file = Add this meeting to a calendar (.ics)
calendar-meeting-summary = { $title } ({ $org })
calendar-meeting-description = A meeting of { $org }: { $title }.
problem-meeting_paper_unknown = Choose A4 or Letter.
problem-round_agenda_item_unknown = A round can be opened only from an agenda item about this proposal.

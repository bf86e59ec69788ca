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

# Quorate: norsk bokmål.
language-name = Norsk bokmål
product-name = Quorate
product-tagline = Bestem sammen

skip-to-content = Gå til hovedinnholdet
nav-home = Hjem

language-picker-label = Språk
language-picker-submit = Bytt språk

home-title = Bestem sammen, på deres egen server
home-lead = Quorate er stedet der samvirkelag, fagforeninger og bevegelser skriver forslag, drøfter dem og stemmer over dem, med hver opptelling nøyaktig og åpen for kontroll.
home-feature-proposals-title = Forslag og diskusjon
home-feature-proposals-text = Medlemmene skriver forslag og diskuterer dem i trådede kommentarer før det stemmes over noe.
home-feature-rounds-title = Beslutningsrunder
home-feature-rounds-text = Tilretteleggere åpner runder med samtykke, flertall, godkjenningsvalg, poengvalg, rangert valg, Condorcet eller kvadratisk avstemning, og krav til beslutningsdyktighet og terskler håndheves.
home-feature-counts-title = Opptellinger alle kan kontrollere
home-feature-counts-text = Hvert resultat forklares runde for runde og kan telles opp på nytt fra en eksport.

not-found-title = Fant ikke siden
not-found-text = Det finnes ingen side på denne adressen. Sjekk lenken, eller gå tilbake til forsiden.
not-found-home-link = Gå til forsiden

error-title = Noe gikk galt
error-text = Quorate kunne ikke vise denne siden. Ingenting du skrev inn, gikk tapt; prøv igjen om litt.
error-reference = Referanse: { $reference }

footer-text = Quorate er fri programvare for å bestemme sammen.
footer-source = Lisensiert under GNU AGPL.

nav-account = Kontoen din
nav-sign-in = Logg inn
nav-sign-up = Opprett konto
nav-sign-out = Logg ut
breadcrumbs = Brødsmulesti

form-problems-title = Rett opp følgende
forbidden-title = Ikke tillatt
signin-needed-title = Logg inn først
forbidden-membership-suspended = Medlemskapet ditt i denne organisasjonen er suspendert. En administrator i organisasjonen kan gjeninnsette deg.
forbidden-membership-invited = Du er invitert, men har ikke blitt med ennå. Åpne invitasjonslenken du fikk, for å godta den, eller be en administrator om en ny.
forbidden-membership-left = Du har gått ut av denne organisasjonen. En administrator kan invitere deg på nytt.

field-display-name = Visningsnavn
field-email = E-postadresse
field-password = Passord
field-current-password = Nåværende passord
field-new-password = Nytt passord
field-language = Språk
field-org-name = Navn
field-org-slug = Nettadresse
field-org-slug-hint = Små bokstaver, sifre og bindestreker, som i /o/solbakken-andelslag.
field-org-slug-hint-new = Små bokstaver, sifre og bindestreker, som i /o/solbakken-andelslag. La feltet stå tomt for å lage den fra navnet.
field-group-slug-hint = Små bokstaver, sifre og bindestreker: den navngir gruppen i organisasjonen, som i boligutvalget.
field-group-name = Gruppenavn
field-time-zone = Tidssone
field-time-zone-hint = Der organisasjonen møtes: frister og møter vises i denne tidssonen.
field-default-language = Standardspråk
field-description = Beskrivelse
field-invite-email = E-postadresse (valgfritt)
field-invite-email-hint = La feltet stå tomt for en lenke alle kan bruke.
field-expires-in-days = Utløper etter (dager)
field-max-uses = Hvor mange som kan bruke den
field-max-uses-hint = La feltet stå tomt for ingen grense før den utløper.
password-hint = Minst { $min } tegn; ikke et vanlig passord, navnet ditt eller e-postadressen din.
language-browser-default = Det nettleseren min ber om

signup-title = Opprett en konto
signup-lead = Med en konto kan du opprette en organisasjon eller godta en invitasjon.
signup-submit = Opprett konto
signup-have-account = Har du allerede en konto?
signin-title = Logg inn
signin-submit = Logg inn
signin-no-account = Ny her?

account-title = Kontoen din
account-profile = Profil
account-save = Lagre
account-password = Passord
account-change-password = Bytt passord

first-run-title = Sett opp organisasjonen din
first-run-account = Opprett kontoen din.
first-run-organisation = Opprett organisasjonen din: du blir administrator for den.
first-run-invite = Inviter medlemmene med en lenke.
home-your-organisations = Organisasjonene dine
home-no-organisations = Du er ikke med i noen organisasjon ennå. Opprett en, eller åpne en invitasjonslenke.

org-new-title = Opprett en organisasjon
org-new-submit = Opprett organisasjon
org-new-sign-in-first = Du trenger en konto for å opprette en organisasjon.
org-your-role = Din rolle
org-active-members = Aktive medlemmer
org-members-link = Medlemmer
org-invitations-link = Invitasjoner
org-settings-link = Innstillinger
org-settings-title = Innstillinger for organisasjonen
org-export-heading = Eksport
org-export-text = Alt organisasjonen har bestemt, som ett JSON-dokument: medlemmene, forslagene, beslutningsrundene med stemmesedlene (så langt hemmeligholdet tillater) og resultatene, og revisjonskjeden. Hvem som helst kan kontrollere det igjen med quorate verify, uten database.
org-export-link = Last ned eksporten (JSON)
org-leave = Gå ut av denne organisasjonen
org-leave-question = Gå ut av { $organisation }? Du mister straks tilgangen til forslagene og rundene der; for å komme tilbake trenger du en ny invitasjon.

members-role = Rolle
members-state = Status
members-actions = Handlinger
members-change-role = Endre rolle
members-suspend = Suspender
members-reinstate = Gjeninnsett
members-remove = Fjern
members-remove-title = Fjerne { $name }?
members-remove-question = Fjerne { $name } fra denne organisasjonen? Vedkommende mister straks tilgangen til forslagene og rundene der. En administrator kan invitere vedkommende på nytt senere.
confirm-cancel = Avbryt

role-observer = Observatør
role-member = Medlem
role-facilitator = Tilrettelegger
role-admin = Administrator
state-invited = Invitert
state-active = Aktiv
state-suspended = Suspendert
state-left = Gått ut

invitation-title = Invitasjon
invitation-offer = Du er invitert til å bli med i { $organisation } som { $role }.
invitation-accept = Godta invitasjonen
invitation-sign-in-first = Opprett en konto eller logg inn, og kom så tilbake til denne lenken.
invitation-new = Ny invitasjon
invitation-create = Lag invitasjonslenke
invitation-created = Invitasjonslenken er klar. Kopier den nå: den vises bare én gang.
invitation-link = Invitasjonslenke
invitation-list = Invitasjoner
invitation-expires = Utløper
invitation-uses = Brukt
invitation-revoke = Trekk tilbake
invitation-revoked = Trukket tilbake
invitation-any-address = Alle som har lenken

problem-sign_in_failed = E-postadressen eller passordet er feil.
problem-throttled = For mange forsøk. Vent noen minutter, og prøv så igjen.
problem-email_taken = Det finnes allerede en konto med denne e-postadressen; logg inn i stedet.
problem-display_name_length = Visningsnavnet må ha mellom { $min } og { $max } tegn.
problem-control_characters = Denne teksten kan ikke inneholde kontrolltegn (som escape-koder, NUL eller linjeskift i et navn).
problem-invalid_utf8 = Skjemaet sendte tekst som ikke er gyldig UTF-8.
problem-current_password_wrong = Det nåværende passordet er feil.
problem-password_too_short = Passordet må ha minst { $min } tegn (det har { $actual }).
problem-password_too_long = Passordet kan ha høyst { $max } tegn (det har { $actual }).
problem-password_common = Dette passordet er blant de vanligste; velg et annet.
problem-password_contains_email = Passordet kan ikke inneholde e-postadressen din.
problem-password_contains_name = Passordet kan ikke inneholde navnet ditt.
problem-language_unknown = Velg et av språkene som tilbys.
problem-slug_taken = En annen organisasjon bruker allerede denne nettadressen; velg en annen.
problem-name_empty = Organisasjonen trenger et navn.
problem-name_too_long = Navnet kan ha høyst { $max } tegn (det har { $actual }).
problem-slug_empty = Nettadressen trenger et kort navn, som solbakken-andelslag.
problem-slug_too_long = Nettadressen kan ha høyst { $max } tegn (den har { $actual }).
problem-slug_bad_characters = Nettadressen kan bare bruke små bokstaver fra a til z (ikke æ, ø eller å), sifre og bindestreker.
problem-slug_edge_hyphen = Nettadressen kan ikke begynne eller slutte med bindestrek.
problem-slug_reserved = Denne nettadressen er reservert av Quorate; velg en annen.
problem-time_zone_unknown = Velg en tidssone fra listen.
problem-language_unsupported = Velg et av språkene som tilbys.
problem-email_empty = Skriv inn en e-postadresse.
problem-email_too_long = E-postadressen er for lang.
problem-email_has_spaces = En e-postadresse har ingen mellomrom.
problem-email_not_one_at = En e-postadresse har nøyaktig én @, som i navn@example.org.
problem-email_no_local_part = Skriv navnet ditt foran @, som i navn@example.org.
problem-email_bad_domain = Delen etter @ må være et domene, som example.org.
problem-invitation_not_found = Denne invitasjonslenken er ikke gyldig. Be en administrator om en ny.
problem-invitation_role_not_allowed = Du kan ikke invitere folk med denne rollen.
problem-internal = Noe gikk galt hos oss (referanse { $reference }).
problem-role_unknown = Velg en av rollene som tilbys.
problem-expiry_out_of_range = En invitasjon utløper etter { $min } til { $max } dager.
problem-max_uses_out_of_range = La den kunne brukes mellom { $min } og { $max } ganger, eller la feltet stå tomt for ingen grense.
problem-invitation_expired = Denne invitasjonen har utløpt. Be om en ny.
problem-invitation_used_up = Denne invitasjonen er brukt så mange ganger som den tillater. Be om en ny.
problem-invitation_revoked = Denne invitasjonen er trukket tilbake. Be om en ny.
problem-invitation_for_another_address = Denne invitasjonen gjelder en annen e-postadresse. Logg inn med den adressen.
problem-already_a_member = Du er allerede medlem av denne organisasjonen.
problem-last_admin_cannot_leave = Den siste administratoren kan ikke gå ut; gjør noen andre til administrator først.
problem-last_admin_cannot_be_demoted = Den siste administratoren kan ikke få en annen rolle; gjør noen andre til administrator først.
problem-last_admin_cannot_be_suspended = Den siste administratoren kan ikke suspenderes.
problem-last_admin_cannot_be_removed = Den siste administratoren kan ikke fjernes.
problem-invalid_transition = Denne endringen er ikke mulig fra medlemmets nåværende status.
problem-role_unchanged = Dette medlemmet har allerede denne rollen.
problem-not_signed_in = Logg inn først.
problem-not_a_member = Bare medlemmer av denne organisasjonen kan gjøre dette.
problem-membership_not_active = Bare aktive medlemmer kan gjøre dette.
problem-role_too_low = Rollen din tillater ikke dette.
problem-observers_do_not_vote = Observatører stemmer ikke.

org-groups-link = Grupper
groups-none = Denne organisasjonen har ingen grupper ennå.
groups-new = Ny gruppe
groups-create = Opprett gruppe
groups-add-member = Legg til et medlem
groups-add = Legg til
groups-remove-member = Fjern fra gruppen
problem-name_length = Navnet må ha mellom { $min } og { $max } tegn.
problem-description_too_long = Beskrivelsen kan ha høyst { $max } tegn (den har { $actual }).
problem-group_slug_taken = En annen gruppe i denne organisasjonen bruker allerede denne adressen.
problem-group_member_not_active = Bare aktive medlemmer kan bli med i en gruppe.

account-sessions = Andre enheter
account-sessions-text = Logget inn et sted du ikke bruker lenger? Avslutt alle økter unntatt denne.
account-end-other-sessions = Logg ut alle andre steder
account-email-sent = Vi har sendt en lenke til adressen. Den virker i { $hours } timer; adressen endres (eller bekreftes) når du åpner den.
account-email-confirmed = E-postadressen din er bekreftet.
account-email-unconfirmed = E-postadressen din er ikke bekreftet ennå. Invitasjoner til den kan først godtas når den er det.
account-email-unverifiable = Denne Quorate-installasjonen kan ikke sende e-post, så den kan ikke bekrefte adresser.
account-email-send-link = Send meg en bekreftelseslenke
account-identity-provider = Leverandør
account-identity-linked = Koblet til
account-identity-used = Sist brukt
account-identity-never = Ikke registrert
account-identity-only-way = Din eneste måte å logge inn på
account-unlink-provider = Koble fra { $provider }
email-sent-title = Sjekk e-posten din
email-sent-text = Vi har sendt en melding til adressen du oppga. Åpne lenken i den for å gå videre; den virker i { $hours } timer. Har det ikke kommet noe? Sjekk søppelpostmappen, eller registrer deg på nytt for å få en ny lenke.
email-confirm-title = Bekreft e-postadressen din
email-confirm-sign-up = Bekreft { $email } for å opprette kontoen din.
email-confirm-change = Bekreft { $email } som adressen til kontoen din.
email-confirm-button = Bekreft
invitation-unverifiable = Denne Quorate-installasjonen kan ikke sende e-post, så den kan ikke kontrollere at folk eier adressene de oppgir: en invitasjon til en adresse kan godtas av hvem som helst som logger inn med den adressen. Gi lenkene selv til dem de er ment for, eller sett smtp_url slik at adressene blir bekreftet.
problem-confirmation_link_unusable = Denne bekreftelseslenken virker ikke: den er allerede brukt, den har utløpt (lenker virker i { $hours } timer), eller den er skrevet feil. Be om en ny.
problem-last_sign_in_method = Dette er den eneste måten å logge inn på denne kontoen på: sett et passord eller koble til en annen leverandør først.
problem-invitation_address_unconfirmed = Denne invitasjonen gjelder e-postadressen din, som du ikke har bekreftet ennå: bekreft den fra kontosiden din, og åpne invitasjonen på nytt.

mail-invitation-subject = { $inviter } inviterer deg til { $organisation } på Quorate
mail-invitation-body = { $inviter } inviterer deg til å bli med i { $organisation } på Quorate, der medlemmene tar beslutninger sammen.

    Åpne denne lenken for å godta invitasjonen (du kan opprette en konto der):
    { $link }

    Hvis du ikke ventet denne invitasjonen, kan du se bort fra denne meldingen.

# Signing in with OpenID providers
signin-with-provider-heading = Eller logg inn med
signin-with-provider = Logg inn med { $provider }
account-providers = Innloggingsleverandører
account-providers-text = Koble til en leverandør for å logge inn på denne kontoen med den.
account-link-provider = Koble til { $provider }
problem-oidc_unknown_provider = Det finnes ingen slik innloggingsleverandør her.
problem-oidc_provider_unavailable = Innloggingsleverandøren kan ikke nås eller svarte ikke som den skulle. Prøv igjen senere.
problem-oidc_denied = Innloggingen ble avbrutt hos leverandøren.
problem-oidc_provider_error = Innloggingsleverandøren meldte om en feil.
problem-oidc_state_mismatch = Denne innloggingen startet ikke i denne nettleseren, så den ble avvist. Start på nytt.
problem-oidc_flow_unknown = Denne innloggingslenken er allerede brukt eller har utløpt. Start på nytt.
problem-oidc_link_session_changed = Du er ikke lenger logget inn på kontoen du koblet til. Logg inn og start på nytt.
problem-oidc_exchange_refused = Innloggingsleverandøren bekreftet ikke innloggingen. Start på nytt.
problem-oidc_token_invalid = Svaret fra innloggingsleverandøren besto ikke kontrollene våre.
problem-oidc_nonce_mismatch = Svaret fra innloggingsleverandøren hører til en annen innlogging. Start på nytt.
problem-oidc_identity_linked_elsewhere = Denne innloggingen er allerede koblet til en annen Quorate-konto.
problem-oidc_email_has_account = Det finnes en konto med denne e-postadressen. Logg inn med passordet til den, og koble så til leverandøren på kontosiden din.
problem-oidc_no_email = Leverandøren oppga ingen e-postadresse til oss.
problem-oidc_email_unverified = Leverandøren har ikke bekreftet e-postadressen din.

# Forslag
proposals-heading = Forslag
proposals-none = Ingen forslag her ennå.
proposals-filter = Vis forslag
proposals-all-groups = Alle grupper
proposal-state-all = Alle
proposal-state-draft = Utkast
proposal-state-discussion = Til diskusjon
proposal-state-decided = Avgjort
proposal-state-withdrawn = Trukket
pagination = Sider
pagination-previous = Forrige side
pagination-next = Neste side
pagination-page = Side { $page }
proposal-new-title = Nytt forslag
proposal-new-lead = Utkastet ditt er bare synlig for deg og medforfatterne du velger, til du publiserer det til diskusjon.
proposal-whole-organisation = Hele organisasjonen
proposal-save-draft = Lagre utkast
proposal-save = Lagre
proposal-number = Forslag { $number }
proposal-revision-number = Revisjon { $number }
proposal-authors = Forfattere
proposal-latest-revision = Siste revisjon
proposal-for-authors = For forfatterne
proposal-edit = Rediger forslaget
proposal-edit-makes-revision = Når du lagrer, blir det neste nummererte revisjon; tidligere revisjoner kan fortsatt leses.
proposal-publish = Publiser til diskusjon
proposal-publish-hint = Når det publiseres, ser hele organisasjonen forslaget som revisjon 1.
proposal-add-co-author = Legg til en medforfatter
proposal-add = Legg til
proposal-withdraw = Trekk forslaget
proposal-withdrawn-by = Trukket av { $name } { $at }:
proposal-history = Historikk
proposal-compare-latest = Sammenlign siste revisjon med den før
proposal-older-revision = Dette er en tidligere revisjon.
proposal-see-latest = Se den siste
proposal-compare-with-latest = Sammenlign med den siste
proposal-compare = Sammenlign
proposal-compare-from = Fra
proposal-compare-to = Til
proposal-compare-heading = Revisjon { $from } sammenlignet med revisjon { $to }
proposal-diff-legend = Ord som er lagt til, er understreket mellom [+ og +]; ord som er fjernet, er gjennomstreket mellom [- og -].
proposal-conflict-title = Noen har lagret en nyere versjon
proposal-conflict-since = Dette er endret fra revisjon { $from }, der du begynte, til revisjon { $to }:
proposal-conflict-since-draft = Det lagrede utkastet slik det står nå, sammenlignet med ingenting (du begynte fra et tidligere utkast):
proposal-conflict-newer-text = Den nyere teksten, slik den er lagret
proposal-conflict-your-text = Endringen din er beholdt i skjemaet nedenfor: ta inn de nyere endringene, og lagre på nytt.
diff-inserted = lagt til:
diff-deleted = fjernet:
field-proposal-title = Tittel
field-proposal-summary = Sammendrag
field-proposal-summary-hint = Én eller to setninger: hva forslaget ber organisasjonen om å bestemme.
field-proposal-body = Forslag
field-proposal-body-hint = Markdown: *kursiv*, **fet**, lister, lenker, tabeller. HTML vises slik det er skrevet.
field-proposal-due-on = Diskusjonsfrist
field-proposal-due-on-hint = Valgfritt. Skrives ÅÅÅÅ-MM-DD.
field-proposal-group = Gruppe
field-proposal-note = Hva er endret
field-proposal-note-hint = Valgfritt, én linje; vises i historikken.
field-withdraw-reason = Hvorfor det trekkes (vises på forslaget)
problem-text_length = Dette må ha mellom { $min } og { $max } tegn (det har { $actual }).
problem-text_too_long = Dette kan ha høyst { $max } tegn (det har { $actual }).
problem-due_date_malformed = Fristen må være en dato skrevet ÅÅÅÅ-MM-DD.
problem-due_date_in_the_past = Fristen må være i dag ({ $today }) eller senere.
problem-edit_conflict = Noen lagret en nyere versjon (nå versjon { $current }) etter at du begynte fra versjon { $started_from }: se hva som er endret, og lagre på nytt.
problem-proposal_unchanged = Ingenting er endret: teksten er den samme som i siste revisjon.
problem-co_author_not_active = En medforfatter må være et aktivt medlem.
problem-co_author_observer = Observatører leser og kommenterer, men skriver ikke forslag.
problem-co_author_not_in_group = En medforfatter av et gruppeforslag må være medlem av gruppen.
problem-already_an_author = Dette medlemmet er allerede en av forfatterne.
problem-group_unknown = Det finnes ingen slik gruppe i denne organisasjonen.
problem-member_unknown = Det finnes ikke noe slikt medlem i denne organisasjonen.
problem-not_an_author = Bare forslagets forfattere kan gjøre dette.
problem-not_in_group = Bare medlemmer av forslagets gruppe kan gjøre dette.
problem-proposal_state = Dette kan ikke gjøres mens forslaget er { $state ->
        [draft] et utkast
        [discussion] til diskusjon
        [decided] avgjort
       *[withdrawn] trukket
    }.
problem-round_open = En avstemning om dette forslaget er åpen, så teksten kan ikke endres.

# Kommentarer
comments-heading = Diskusjon
comments-none = Ingen kommentarer ennå.
comments-closed = Du kan kommentere mens forslaget er til diskusjon, som aktivt medlem av organisasjonen.
comment-new = Skriv en kommentar
comment-post = Publiser kommentar
comment-preview = Forhåndsvis
comment-preview-heading = Forhåndsvisning: slik blir kommentaren din
comment-reply = Svar
comment-replying-to = Svar til { $name }
comment-see = se kommentaren
comment-reply-cancel = skriv en ny kommentar i stedet
comment-edit = Rediger kommentar
comment-edit-kept = Den tidligere teksten kan fortsatt leses under «tidligere versjoner».
comment-save = Lagre
comment-edited = redigert { $at }
comment-earlier-versions = Tidligere versjoner
comment-replaced = Til { $at }:
comment-delete = Slett kommentar
comment-delete-question = Vil du slette denne kommentaren?
comment-delete-consequence = Teksten forsvinner; tråden viser «kommentar slettet» i stedet, og svarene blir stående.
comment-deleted = Kommentar slettet.
comment-hide = Skjul kommentar
comment-hidden = Skjult av en tilrettelegger:
comment-hidden-you-see = Du kan fortsatt lese den, som forfatter eller tilrettelegger:
proposal-comment-count = { $count ->
        [one] 1 kommentar
       *[other] { $count } kommentarer
    }
proposal-unread = Ny
field-comment = Kommentaren din
field-comment-hint = Markdown. Nevn et medlem med @ og navnet uten mellomrom (@AdaOkafor).
field-hide-reason = Hvorfor den skjules (vises i stedet)
problem-reply_elsewhere = Kommentaren du svarer på, hører til et annet forslag.
problem-reply_to_removed = Kommentaren du svarer på, er slettet eller skjult.
problem-comment_unchanged = Ingenting er endret.
problem-comment_hidden_already = Denne kommentaren er allerede skjult.
problem-not_comment_author = Bare den som skrev kommentaren, kan gjøre dette.

# Endringsforslag
amendments-heading = Endringsforslag
amendments-none = Ingen endringsforslag ennå.
amendment-number = Endringsforslag { $number }
amendment-state-open = Åpent
amendment-state-accepted = Godtatt
amendment-state-declined = Avslått
amendment-new-title = Foreslå en endring
amendment-new-lead = Endre teksten i revisjon { $number } slik du vil ha den, og si hvorfor. Forslagets forfattere godtar endringen (den blir neste revisjon, kreditert deg) eller avslår den med en begrunnelse.
amendment-propose = Send endringsforslag
amendment-against = Foreslått av { $name } { $at }; endrer revisjon { $number }.
amendment-reason = Hvorfor
amendment-changes = Hva det endrer
amendment-accepted-by = Godtatt av { $name } { $at }; ble til
amendment-declined-by = Avslått av { $name } { $at }:
amendment-outdated-notice = Forslaget er nå på revisjon { $current }, og dette endringsforslaget endrer revisjon { $base }, så det kan ikke lenger godtas som det er: forfatterne kan avslå det, og den som foreslo det, kan foreslå det på nytt mot den nyere teksten.
amendment-for-authors = For forslagets forfattere
amendment-accept = Godta endringsforslaget
amendment-accept-hint = Når det godtas, blir teksten neste revisjon, kreditert den som foreslo den.
amendment-decline = Avslå endringsforslaget
field-amendment-reason = Hvorfor denne endringen (vises med endringsforslaget)
field-decline-reason = Hvorfor det avslås (vises med endringsforslaget)
problem-amendment_unchanged = Teksten i endringsforslaget er lik forslagets tekst: endre noe.
problem-amendment_decided = Dette endringsforslaget er allerede { $state ->
        [accepted] godtatt
       *[declined] avslått
    }.
problem-amendment_stale = Forslaget fikk revisjon { $current } mens du skrev mot revisjon { $base }: se på den nyere teksten, og send endringsforslaget på nytt.
problem-amendment_outdated = Dette endringsforslaget endrer revisjon { $base }, men forslaget er nå på revisjon { $current }: å godta det ville angre endringene imellom.

# Søk
search-title = Søk
search-label = Søk i forslag og kommentarer
search-button = Søk
search-results-for = Treff for «{ $query }»
search-none = Ingenting funnet. Alle ordene du skriver, må finnes; prøv med færre ord.
search-kind-proposal = forslag
search-kind-comment = kommentar

# Avstemninger
round-state-scheduled = Planlagt
round-state-open = Åpen
round-state-closed = Avsluttet
round-state-cancelled = Avlyst
problem-round_state = Dette kan ikke gjøres mens avstemningen er { $state ->
        [scheduled] planlagt
        [open] åpen
        [closed] avsluttet
       *[cancelled] avlyst
    }.
problem-round_not_due = Det er ikke tid for dette i avstemningen ennå.
problem-round_closes_too_early = Sluttidspunktet må være etter starttidspunktet, og etter nå.
problem-round_extension_not_later = En forlengelse må flytte sluttidspunktet senere.
problem-round_early_close_needs_reason = En avstemning avsluttes tidlig når alle stemmeberettigede har stemt, eller av en tilrettelegger som oppgir en grunn.
problem-round_option_count = En avstemning trenger mellom { $min } og { $max } alternativer (den har { $actual }).
problem-round_duplicate_option = To alternativer heter begge «{ $name }».
problem-round_winners = Vinnere eller plasser må være mellom 1 og { $max }.
problem-round_budget = Poeng og kreditter må være minst 1.
problem-round_fraction = En brøk skrives p/q med 0 < p ≤ q (for et beslutningsdyktighetskrav, 0 ≤ p ≤ q).
problem-round_quorum_beyond_electorate = Beslutningsdyktighetskravet ber om flere stemmesedler enn det finnes velgere ({ $electorate }).

# Avstemninger: regelen med enkle ord
round-rule-consent-none = Vedtatt hvis ingen protesterer.
round-rule-consent = Vedtatt hvis høyst { $objections } medlemmer protesterer.
round-rule-majority = Vedtatt hvis { $comparison ->
        [at-least] minst
       *[more-than] mer enn
    } { $fraction } av { $base ->
        [all-ballots] alle avgitte stemmesedler
        [electorate] alle som kan stemme
       *[votes-cast] stemmene for eller mot
    } er ja.
round-rule-approval = Medlemmene godkjenner de alternativene de vil; de { $winners } med flest godkjenninger vinner.
round-rule-score = Medlemmene gir hvert alternativ 0 til 5 poeng; høyeste sum vinner.
round-rule-dot = Medlemmene fordeler opptil { $points } poeng på alternativene; høyeste sum vinner.
round-rule-borda = Medlemmene rangerer alternativene; flest Borda-poeng vinner.
round-rule-irv = Medlemmene rangerer alternativene; ved omvalg i én runde faller alternativet med færrest stemmer ut til ett har mer enn halvparten.
round-rule-stv = Medlemmene rangerer alternativene; { $seats } plasser fylles ved enkelt overførbar stemme ({ $rules ->
        [meek] Meeks metode
       *[scottish] skotske regler
    }).
round-rule-schulze = Medlemmene rangerer alternativene, likestilling tillatt; Schulze-metoden finner vinneren.
round-rule-quadratic = Hvert medlem har { $credits } stemmekreditter (n stemmer på et alternativ koster n²); alternativene rangeres etter stemmene.
round-rule-quadratic-against = Hvert medlem har { $credits } stemmekreditter (n stemmer for eller mot et alternativ koster n²); alternativene rangeres etter stemmene.
round-quorum-none = Ingen krav til deltakelse: resultatet gjelder uansett hvor mange som deltar.
round-quorum = Minst { $needed } av de { $voters } medlemmene i { $scope } må delta.
round-closes = Avsluttes { $weekday ->
        [mon] mandag
        [tue] tirsdag
        [wed] onsdag
        [thu] torsdag
        [fri] fredag
        [sat] lørdag
       *[sun] søndag
    } { $day }. { $month ->
        [m1] januar
        [m2] februar
        [m3] mars
        [m4] april
        [m5] mai
        [m6] juni
        [m7] juli
        [m8] august
        [m9] september
        [m10] oktober
        [m11] november
       *[m12] desember
    } kl. { $time } ({ $zone }).

# Avstemninger: sider
proposal-rounds = Avstemninger
org-open-rounds = Åpne avstemninger
round-start = Start en avstemning
round-number = Avstemning { $number }
round-closes-in = avsluttes om { $days ->
        [0] { "" }
       *[other] { $days } d{ " " }
    }{ $hours } t { $minutes } min
round-you-voted = du har stemt
round-you-have-not-voted = venter på stemmen din
round-method-consent = Samtykke
round-method-majority = Flertall
round-method-approval = Godkjenningsvalg
round-method-score = Poengvalg (0–5)
round-method-dot = Prikkavstemning
round-method-borda = Borda-telling
round-method-irv = Rangert valg (omvalg i én runde)
round-method-stv-scottish = Enkelt overførbar stemme (skotske regler)
round-method-stv-meek = Enkelt overførbar stemme (Meek)
round-method-schulze = Condorcet (Schulze)
round-method-quadratic = Kvadratisk avstemning
round-tie-previous-rounds-then-order = Tidligere runder i opptellingen, deretter rekkefølgen på stemmeseddelen
round-tie-previous-rounds-then-lot = Tidligere runder i opptellingen, deretter offentlig loddtrekning
round-tie-order = Rekkefølgen på stemmeseddelen
round-tie-lot = Offentlig loddtrekning
round-outcome-no-quorum = ikke beslutningsdyktig
round-outcome-adopted = vedtatt
round-outcome-not-adopted = ikke vedtatt
round-outcome-elected = avgjort
round-new-title = Start en avstemning
round-new-lead = Avstemningen avgjør revisjon { $revision } av forslaget.
round-new-voters = { $voters } medlemmer i { $scope } kan stemme nå; listen fastsettes når avstemningen åpner.
round-statement-heading = Regelen med enkle ord
round-parameters = Innstillingene for metoden
round-parameters-hint = Bare innstillingene for den valgte metoden gjelder; de andre blir ignorert.
round-comparison-more-than = mer enn
round-comparison-at-least = minst
round-base-votes-cast = stemmene for eller mot (blanke stemmer holdes utenfor)
round-base-all-ballots = alle avgitte stemmesedler
round-base-electorate = alle som kan stemme
round-options = Alternativer
round-options-from-list = Alternativene som står nedenfor
round-options-from-amendments = Forslaget slik det er, og de { $count } åpne endringsforslagene til det
round-times-hint = Dato og klokkeslett i { $zone }.
round-check-rule = Sjekk regelen
round-create = Opprett avstemningen
field-round-method = Metode
field-round-threshold = Terskel (flertall)
field-round-threshold-hint = En brøk som 1/2 eller 2/3.
field-round-comparison = Sammenligning (flertall)
field-round-base = Beregningsgrunnlag (flertall)
field-round-max-objections = Tillatte protester (samtykke)
field-round-winners = Vinnere (godkjenningsvalg)
field-round-seats = Plasser (enkelt overførbar stemme)
field-round-points = Poeng per medlem (prikkavstemning)
field-round-credits = Stemmekreditter per medlem (kvadratisk)
field-round-allow-negative = Stemmer mot er tillatt (kvadratisk)
field-round-batch-elimination = Fjern alle håpløse alternativer på én gang (omvalg i én runde)
field-round-continue-until-two = Fortsett tellingen til to alternativer gjenstår (omvalg i én runde)
field-round-options-from = Hvor alternativene kommer fra
field-round-options = Alternativer, ett per linje
field-round-options-hint = Avstemninger med samtykke eller flertall avgjør selve forslaget og trenger ingen.
field-round-quorum = Krav til beslutningsdyktighet
field-round-quorum-hint = En brøkdel av dem som kan stemme (1/3), et antall stemmesedler (12), eller tomt for ingen.
field-round-opens-at = Åpner
field-round-closes-at = Avsluttes
field-round-secret = Hemmelig avstemning (endelig når stemmen er avgitt, med en kvitteringskode)
field-round-running-results = Vis resultater mens avstemningen er åpen
field-round-tie-policy = Uavgjort avgjøres ved
round-rule = Regelen
round-method = Metode
round-decides = Avgjør
round-opens = Åpner
round-closes-label = Avsluttes
round-ballot = Stemmegivning
round-secret = hemmelig
round-open-ballot = åpen (medlemmene ser hvem som stemte hva etter avslutningen)
round-participation-heading = Deltakelse
round-participation = { $voted } av { $electorate } har stemt; kravet til beslutningsdyktighet er { $needed }.
round-receipt-heading = Kvitteringskoden din
round-receipt-keep = Ta vare på den: den vises bare nå. Etter avslutningen kan du finne den blant de publiserte stemmesedlene og kontrollere at stemmeseddelen din ble telt slik du avga den.
round-receipt-not-receipt-free = Med en kvittering kan den som har den, vise stemmeseddelen din til andre, så hold den for deg selv.
round-your-ballot = Stemmeseddelen din
round-secret-final = Dette er en hemmelig avstemning: når stemmen er avgitt, er den endelig og kan ikke endres.
round-open-changeable = Du har stemt. Du kan endre stemmeseddelen din til avstemningen avsluttes; den siste teller.
round-secret-already-voted = Du har avgitt den hemmelige stemmen din i denne avstemningen.
round-cannot-vote = Du kan ikke stemme i denne avstemningen: bare medlemmene som kunne stemme da den åpnet, kan det.
round-ballot-consent = Ditt standpunkt
round-position-consent = Jeg samtykker
round-position-concern = Jeg samtykker, med forbehold
round-position-stand_aside = Jeg står over
round-position-object = Jeg protesterer
field-ballot-reason = Begrunnelse
field-ballot-reason-hint = Påkrevd ved protest; velkommen ved forbehold.
round-ballot-majority = Din stemme
round-choice-yes = Ja
round-choice-no = Nei
round-choice-abstain = Avstår
round-ballot-approval = Godkjenn alle alternativer du støtter; de { $winners } med flest godkjenninger vinner.
round-ballot-dot = Fordel opptil { $budget } poeng på alternativene.
round-ballot-quadratic = Du har { $budget } stemmekreditter: n stemmer på et alternativ koster n².
round-ballot-quadratic-against = Du har { $budget } stemmekreditter: n stemmer for eller mot (negative) et alternativ koster n².
round-ballot-schulze = Gi hvert alternativ en plassering (1 er best); like tall gir lik plassering; la et alternativ stå urangert for å plassere det under alle du rangerer.
round-unranked = ikke rangert
round-ballot-ranked = Ranger alternativene: førstevalget ditt først. La plasseringene du ikke vil bruke, stå tomme.
round-rank = Valg { $rank }
round-cast = Avgi stemmen min
round-cast-secret = Avgi den hemmelige stemmen min (endelig)
round-change-ballot = Endre stemmen min
round-result = Resultat
round-running-results = Foreløpige resultater (avstemningen er fortsatt åpen)
round-result-no-quorum = Ikke beslutningsdyktig: { $ballots } stemmesedler ble avgitt, og { $needed } trengtes. Ingenting er vedtatt eller valgt.
round-result-majority-adopted = Vedtatt: { $yes } ja av { $base } telte ({ $percent } %), terskel { $threshold }; beslutningsdyktighet { $ballots } av { $electorate }, { $needed } trengtes.
round-result-majority-not-adopted = Ikke vedtatt: { $yes } ja av { $base } telte ({ $percent } %), terskel { $threshold }; beslutningsdyktighet { $ballots } av { $electorate }, { $needed } trengtes.
round-result-consent-adopted = Vedtatt ved samtykke: { $objections } protester; beslutningsdyktighet { $ballots } av { $electorate }, { $needed } trengtes.
round-result-consent-not-adopted = Ikke vedtatt: { $objections } protester; beslutningsdyktighet { $ballots } av { $electorate }, { $needed } trengtes.
round-result-elected = Avgjort: { $winners }. Beslutningsdyktighet { $ballots } av { $electorate }, { $needed } trengtes.
round-stage-table = Summer i hvert trinn
round-option = Alternativ
round-stage = Trinn { $number }
round-report = Opptellingen, trinn for trinn
round-digest = SHA-256 for den lagrede rapporten:
round-outcome-statement = Konklusjon
field-round-statement = Konklusjonstekst
round-write-outcome = Lagre konklusjonen
round-ballots = Stemmesedler
round-receipt = Kvitteringskode
round-voter = Medlem
round-receipt-lookup = Finn kvitteringskoden din
round-receipt-find = Finn
round-receipt-found = Kvittering { $code } ble telt som: { $ballot }
round-receipt-not-found = Ingen stemmeseddel har kvitteringen { $code }.
round-files = Filer
round-for-facilitators = For tilretteleggere
round-voter-roll = Manntall
round-voter-roll-hint = Hvem som har stemt så langt, slik at dere kan følge opp deltakelsen.
round-voter-roll-secret = Hvem som har stemt så langt; aldri hva.
round-roll-voted = har stemt
round-roll-not-yet = ikke ennå
round-extend = Forleng
field-round-new-closes-at = Nytt sluttidspunkt
field-round-reason = Begrunnelse
round-close-early = Avslutt nå
round-close-early-hint = Uten begrunnelse bare når alle stemmeberettigede har stemt.
round-cancel = Avlys avstemningen
problem-ballot_nothing_chosen = Velg et av standpunktene først.
problem-ballot_not_a_number = «{ $option }» trenger et heltall.
problem-ballot_unknown_option = Det er ikke et av alternativene i denne avstemningen.
problem-ballot_already_cast = Du har allerede stemt i denne hemmelige avstemningen; en hemmelig stemme er endelig når den er avgitt.
problem-wrong_ballot_shape = Denne stemmeseddelen passer ikke til avstemningsmetoden.
problem-unknown_option = Det er ikke et av alternativene i denne avstemningen.
problem-duplicate_option = «{ $option }» er valgt mer enn én gang; hvert alternativ kan bare markeres én gang.
problem-equal_ranks = Plass { $rank } har flere alternativer; lik plassering er bare tillatt i en Schulze-telling.
problem-too_many_approvals = { $approved } alternativer er godkjent; denne avstemningen tillater høyst { $max }.
problem-score_out_of_range = «{ $option }» har { $score } poeng; poengene går fra 0 til 5.
problem-negative_points = «{ $option }» har { $points } poeng; poeng kan ikke være negative.
problem-points_over_budget = { $spent } poeng er fordelt; hvert medlem har { $budget }.
problem-negative_votes_not_allowed = «{ $option }» har { $votes } stemmer; denne avstemningen tillater ikke stemmer mot.
problem-quadratic_over_budget = Denne stemmeseddelen koster { $cost } stemmekreditter; hvert medlem har { $budget }.
problem-objection_without_reason = En protest må begrunnes.
problem-round_method_unknown = Velg en av metodene.
problem-round_not_a_number = Skriv inn et heltall.
problem-round_not_a_fraction = Skriv inn en brøk som 1/2 eller 2/3.
problem-round_quorum_unreadable = Skriv inn kravet til beslutningsdyktighet som en brøkdel av dem som kan stemme (1/3) eller et antall stemmesedler (12), eller la feltet stå tomt.
problem-round_not_a_time = Skriv inn en dato og et klokkeslett som finnes i organisasjonens tidssone.
problem-round_required = Dette må fylles ut.
problem-round_already_active = En avstemning om dette forslaget er allerede planlagt eller åpen.
problem-round_statement_empty = Skriv konklusjonsteksten først.
problem-not_in_electorate = Bare medlemmene som kunne stemme da avstemningen åpnet, kan stemme i den.
round-charts = Diagrammer
round-transfers = Hvordan stemmene flyttet seg fra trinn til trinn
round-state-heading = Status
round-points-used = Poeng brukt: { $used } av { $budget }
round-credits-used = Stemmekreditter brukt: { $cost } av { $budget }
round-ranked-list = Din rangering, førstevalget først
round-not-ranked-yet = Ikke rangert ennå:
round-move-up = Flytt { $option } opp
round-move-down = Flytt { $option } ned
round-unrank = Ta { $option } ut av rangeringen
round-rank-add = Ranger { $option } som neste
round-rank-moved = { $option } er nå valg { $rank }.
round-rank-added = { $option } er nå valg { $rank }.
round-rank-removed = { $option } er ikke lenger rangert.
round-stages-caption = Hva som skjedde i hvert trinn
round-stage-col = Trinn
round-quota = Kvote
round-threshold-to-win = Stemmer som trengs for å vinne
round-elected = Valgt
round-excluded = Utelukket
round-transferred = Overført
round-exhausted = Oppbrukt
round-non-transferable = Kan ikke overføres
round-exhausted-short = oppbrukt
round-totals-caption = Summer
round-total = Sum
round-wins = Vinner
round-pairwise-d = Stemmesedler som foretrekker radens alternativ framfor kolonnens
round-pairwise-p = Sterkeste stier fra radens alternativ til kolonnens
round-credits-summary = Stemmekreditter brukt: { $total } i alt, { $budget } per velger.
round-credits-caption = Hvor mange kreditter hver stemmeseddel brukte
round-credits = Kreditter brukt
round-ballot-count = Stemmesedler
round-positions-caption = Standpunkter
round-position = Standpunkt
round-weight = Stemmesedler
round-max-objections = Protester som tåles: { $count }
round-objections-heading = Protester og begrunnelsene
round-concerns-heading = Bekymringer
round-ties-heading = Stemmelikhet
round-tie = Trinn { $stage }: { $tied } sto likt { $decision }; avgjort ved { $rule }: { $picked }.
round-tie-decision-winner = om seieren
round-tie-decision-election-order = om rekkefølgen de ble valgt i
round-tie-decision-surplus-order = om hvilket overskudd som overføres først
round-tie-decision-elimination = om utelukkelse
round-tie-decision-exclusion = om utelukkelse
round-tie-decision-defeat = om nederlag
round-tie-decision-last-places = om de siste plassene
round-tie-rule-previous-rounds = de tidligere trinnene
round-tie-rule-order = rekkefølgen på stemmeseddelen
round-tie-rule-lot = den offentlige loddtrekningen
round-lot-caption = Loddtrekningen: hvert alternativ i rekkefølgen til nøkkelen sin, SHA-256 av frøet og alternativets id
round-lot-key = Nøkkel
minutes-heading = Vedtak om forslag { $number }: { $title }
minutes-round = Beslutningsrunde { $round }, om revisjon { $revision }
minutes-closed = Lukket
minutes-closed-early = Lukket før tiden fordi
minutes-check = Slik kontrollerer du det
minutes-audit-entry = Lukkingen er revisjonsoppføring { $seq }, hash { $hash }.
minutes-verify = Alle med organisasjonens eksport kan regne ut revisjonskjeden på nytt og telle hver runde igjen:
minutes-secret = Hemmelig avstemning: ingen, heller ikke tilretteleggerne, kan se hvem som stemte hva; hver stemmeseddel publiseres med kvitteringskoden sin.
minutes-open = Åpen avstemning: medlemmene ser hvem som stemte hva.
minutes-title = Protokoll
minutes-print = Skriv ut
minutes-link = Protokoll for dette vedtaket (utskrift, Markdown, JSON)
minutes-downloads = Last ned protokollen:
calendar-summary = Lukkes: { $title } ({ $org })
calendar-description = Beslutningsrunde { $round } om forslag { $number } i { $org } lukkes.
account-calendar = Kalender
account-calendar-text = En hemmelig adresse kalenderappen din kan abonnere på: når rundene du kan stemme i lukkes, i alle organisasjonene dine. Alle som har adressen, ser dem; lag en ny når du vil (den gamle slutter å virke).
account-calendar-none = Du har ingen kalenderadresse.
account-calendar-since = Du har en kalenderadresse, laget { $date }.
account-calendar-make = Lag en kalenderadresse
account-calendar-replace = Lag en ny adresse (den gamle slutter å virke)
account-calendar-off = Slå av kalenderen
account-calendar-new = Kalenderadressen din (vises én gang; kopier den inn i kalenderappen nå):
account-calendar-keep = Quorate tar bare vare på et fingeravtrykk av den, så den kan ikke vises igjen.
problem-meeting_link_not_web = En lenke må være en nettadresse som begynner med https:// eller http://.
problem-meeting_not_a_proposal_number = Vis til et forslag med nummeret, eller la feltet stå tomt.
problem-meeting_too_many_guests = Et møte har høyst { $max } gjester.
problem-meeting_state = Et møte med protokoll i tilstanden { $state } kan ikke gjøre dette.
field-round-reminder = Påminnelse før lukking (timer)
field-round-reminder-hint = Medlemmer som ikke har stemt ennå, blir minnet på så mange timer før runden lukkes; 0 for ingen påminnelse.
round-rule-reminder = Medlemmer som ikke har stemt, blir minnet på { $hours } t før den lukkes.
round-rule-no-reminder = Ingen påminnelse sendes før den lukkes.
problem-round_reminder_range = En påminnelse sendes fra 0 (ingen) til 336 timer (to uker) før lukking.
meetings-title = Møter
meetings-none = Ingen møter ennå.
meetings-new = Et nytt møte
meetings-create = Opprett møtet
field-meeting-title = Tittel
field-meeting-starts-at = Dato og tid
field-meeting-link-hint = https://… (valgfritt)
field-meeting-guests-hint = Ett navn per linje: folk som ikke er medlemmer.
meeting-place = Sted
meeting-link = Lenke
meeting-facilitator = Møteleder
meeting-minute-taker = Referent
meeting-guests = Gjester
meeting-state-draft = Utkast
meeting-state-held = Holdt
meeting-state-approved = Protokoll godkjent
meeting-approved-on = Protokollen ble godkjent { $date } (versjon { $version }).
meeting-not-approved = Protokollen er ikke godkjent ennå.
meeting-attendance = Oppmøte
meeting-present = Til stede
meeting-apologies = Meldt forfall
meeting-absent = Fraværende
meeting-save-attendance = Lagre oppmøtet
meeting-agenda = Saksliste
meeting-agenda-empty = Ingenting på sakslisten ennå.
meeting-add-item = Legg til en sak
field-item-title = Sak
field-item-proposal = Forslagsnummer
field-item-proposal-hint = Nummeret på et forslag i denne organisasjonen, for eksempel 7 (valgfritt).
field-item-notes = Notater
meeting-edit-item = Rediger denne saken
meeting-save-item = Lagre saken
meeting-minutes = Protokoll
meeting-hold = Merk møtet som holdt
meeting-approve = Godkjenn protokollen
meeting-approve-text = Når den er godkjent, kan protokollen bare leses; revisjonskjeden registrerer innholdet.
meeting-minutes-heading = Protokoll: { $title }
meeting-approval = Godkjenning
meeting-signature-chair = Møteleder
meeting-signature-minute-taker = Referent
problem-meeting_person_unknown = Velg et av organisasjonens aktive medlemmer.
problem-meeting_proposal_unknown = Denne organisasjonen har ikke noe forslag { $number }.
round-quorum-meeting = Minst { $needed } av de { $voters } medlemmene som var til stede på { $meeting }, må delta.
round-from-meeting = Denne runden åpnes fra en sak på et møtes dagsorden; den kommer med i referatet fra det møtet.
meeting-actions = Oppfølgingspunkter
meeting-action = Oppgave
meeting-action-owner = Ansvarlig
meeting-action-due = Frist
meeting-action-done = Utført
meeting-action-mark-done = Merk som utført
meeting-action-mark-open = Merk som ikke utført
meeting-add-action = Legg til et oppfølgingspunkt
field-action-text = Hva skal gjøres
field-action-due = Frist (valgfri)
meeting-correcting = Gjenåpnet for en rettelse: { $reason }
meeting-correct = Gjenåpne referatet for en rettelse
meeting-correct-text = Den godkjente versjonen står slik den ble godkjent. Det rettede referatet blir neste versjon når det godkjennes på nytt, og begge kan leses.
field-correction-reason = Hvorfor det må rettes
meeting-versions = Godkjente versjoner
meeting-version = Versjon { $version }
meeting-version-line = Versjon { $version }, godkjent { $date }
meeting-version-reason = Versjon { $version }, godkjent { $date }: { $reason }
meeting-current-text = Gjeldende tekst
meeting-digest = SHA-256 av det godkjente referatet: { $digest }
meeting-approval-entry = Godkjenningen er revisjonsoppføring { $seq }, hash { $hash }.
meeting-signature-date = Dato
minutes-page-label = Side { $page } av { $pages }
meeting-open-round = Åpne en beslutningsrunde om dette forslaget
meeting-settings = Møteinnstillinger
field-paper = Papir for utskrevne referater
paper-a4 = A4
paper-letter = US Letter
field-quorum-from-attendance = Runder som åpnes fra et møtes dagsorden, regner beslutningsdyktighet ut fra medlemmene som er til stede på møtet
meeting-save-settings = Lagre møteinnstillingene
meeting-print-minutes = Referat for utskrift
meeting-calendar-file = Legg møtet til i en kalender (.ics)
calendar-meeting-summary = { $title } ({ $org })
calendar-meeting-description = Et møte i { $org }: { $title }.
problem-meeting_paper_unknown = Velg A4 eller Letter.
problem-round_agenda_item_unknown = En runde kan bare åpnes fra en sak på dagsordenen som gjelder dette forslaget.

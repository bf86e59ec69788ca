# Quorate: català.
language-name = Català
product-name = Quorate
product-tagline = Decidir en comú

skip-to-content = Salta al contingut principal
nav-home = Inici

language-picker-label = Llengua
language-picker-submit = Canvia la llengua

home-title = Decidir en comú, al vostre propi servidor
home-lead = Quorate és on cooperatives, sindicats i moviments redacten propostes, les debaten i les voten, amb cada recompte exacte i obert a comprovació.
home-feature-proposals-title = Propostes i debat
home-feature-proposals-text = Els membres redacten propostes i les debaten en comentaris per fils abans de qualsevol votació.
home-feature-rounds-title = Rondes de decisió
home-feature-rounds-text = Les persones facilitadores obren rondes per consentiment, majoria, aprovació, puntuació, vot preferent, Condorcet o vot quadràtic, amb el quòrum i els llindars garantits.
home-feature-counts-title = Recomptes que tothom pot comprovar
home-feature-counts-text = Cada resultat s'explica ronda a ronda i es pot tornar a comptar a partir d'una exportació.

not-found-title = No s'ha trobat la pàgina
not-found-text = No hi ha cap pàgina en aquesta adreça. Comprova l'enllaç o torna a la pàgina d'inici.
not-found-home-link = Ves a la pàgina d'inici

error-title = Alguna cosa ha anat malament
error-text = Quorate no ha pogut mostrar aquesta pàgina. No s'ha perdut res del que havies escrit; torna-ho a provar d'aquí a un moment.
error-reference = Referència: { $reference }

footer-text = Quorate és programari lliure per decidir en comú.
footer-source = Amb llicència GNU AGPL.

nav-account = El teu compte
nav-sign-in = Inicia la sessió
nav-sign-up = Crea un compte
nav-sign-out = Tanca la sessió
breadcrumbs = Ruta de navegació

form-problems-title = Corregeix el següent
forbidden-title = No permès
signin-needed-title = Primer inicia la sessió
forbidden-membership-suspended = La teva pertinença a aquesta organització està suspesa. Una persona administradora de l'organització et pot readmetre.
forbidden-membership-invited = T'han convidat, però encara no t'hi has unit. Obre l'enllaç d'invitació que vas rebre per acceptar-la, o demana'n un de nou a una persona administradora.
forbidden-membership-left = Has deixat aquesta organització. Una persona administradora et pot tornar a convidar.

field-display-name = Nom visible
field-email = Adreça electrònica
field-password = Contrasenya
field-current-password = Contrasenya actual
field-new-password = Contrasenya nova
field-language = Llengua
field-org-name = Nom
field-org-slug = Adreça web
field-org-slug-hint = Lletres minúscules, xifres i guionets, com a /o/cooperativa-vall-verda.
field-org-slug-hint-new = Lletres minúscules, xifres i guionets, com a /o/cooperativa-vall-verda. Deixa-ho buit perquè es faci a partir del nom.
field-group-slug-hint = Lletres minúscules, xifres i guionets: identifica el grup dins de l'organització, com a cercle-habitatge.
field-group-name = Nom del grup
field-time-zone = Zona horària
field-time-zone-hint = On es reuneix l'organització: els tancaments i les reunions es mostren en aquesta zona horària.
field-default-language = Llengua predeterminada
field-description = Descripció
field-invite-email = Adreça electrònica (opcional)
field-invite-email-hint = Deixa-ho buit per a un enllaç que pugui fer servir qualsevol persona.
field-expires-in-days = Caduca al cap de (dies)
field-max-uses = Quantes persones el poden fer servir
field-max-uses-hint = Deixa-ho buit perquè no tingui límit fins que caduqui.
password-hint = Com a mínim { $min } caràcters; ni una contrasenya comuna, ni el teu nom, ni la teva adreça electrònica.
language-browser-default = La que demani el meu navegador

signup-title = Crea un compte
signup-lead = Amb un compte pots crear una organització o acceptar una invitació.
signup-submit = Crea el compte
signup-have-account = Ja tens un compte?
signin-title = Inicia la sessió
signin-submit = Entra
signin-no-account = És la primera vegada?

account-title = El teu compte
account-profile = Perfil
account-save = Desa
account-password = Contrasenya
account-change-password = Canvia la contrasenya

first-run-title = Configura la teva organització
first-run-account = Crea el teu compte.
first-run-organisation = Crea la teva organització: en seràs la persona administradora.
first-run-invite = Convida els membres amb un enllaç.
home-your-organisations = Les teves organitzacions
home-no-organisations = Encara no ets a cap organització. Crea'n una o obre un enllaç d'invitació.

org-new-title = Crea una organització
org-new-submit = Crea l'organització
org-new-sign-in-first = Necessites un compte per crear una organització.
org-your-role = El teu rol
org-active-members = Membres actius
org-members-link = Membres
org-invitations-link = Invitacions
org-settings-link = Configuració
org-settings-title = Configuració de l'organització
org-export-heading = Exportació
org-export-text = Tot el que l'organització ha decidit, en un sol document JSON: els membres, les propostes, les rondes de decisió amb les paperetes (tal com permet el secret) i els resultats, i la cadena d'auditoria. Qualsevol pot tornar-ho a comprovar amb quorate verify, sense base de dades.
org-export-link = Descarrega l'exportació (JSON)
org-leave = Surt d'aquesta organització
org-leave-question = Vols deixar { $organisation }? Perds immediatament l'accés a les seves propostes i rondes; per tornar-hi necessitaràs una invitació nova.

members-role = Rol
members-state = Estat
members-actions = Accions
members-change-role = Canvia el rol
members-suspend = Suspèn
members-reinstate = Readmet
members-remove = Dona de baixa
members-remove-title = Vols treure { $name }?
members-remove-question = Vols treure { $name } d'aquesta organització? Perdrà immediatament l'accés a les seves propostes i rondes. Més endavant, una persona administradora li pot tornar a enviar una invitació.
confirm-cancel = Cancel·la

role-observer = Observador/a
role-member = Membre
role-facilitator = Facilitador/a
role-admin = Administrador/a
state-invited = Convidat/da
state-active = Actiu/va
state-suspended = Suspès/esa
state-left = Baixa

invitation-title = Invitació
invitation-offer = Et conviden a unir-te a { $organisation } com a { $role }.
invitation-accept = Accepta la invitació
invitation-sign-in-first = Crea un compte o inicia la sessió i torna a aquest enllaç.
invitation-new = Invitació nova
invitation-create = Crea l'enllaç d'invitació
invitation-created = L'enllaç d'invitació és a punt. Copia'l ara: només es mostra una vegada.
invitation-link = Enllaç d'invitació
invitation-list = Invitacions
invitation-expires = Caduca
invitation-uses = Usos
invitation-revoke = Retira
invitation-revoked = Retirada
invitation-any-address = Qualsevol persona amb l'enllaç

problem-sign_in_failed = L'adreça electrònica o la contrasenya no són correctes.
problem-throttled = Massa intents. Espera uns minuts i torna-ho a provar.
problem-email_taken = Ja hi ha un compte amb aquesta adreça electrònica; inicia la sessió.
problem-display_name_length = El nom visible ha de tenir entre { $min } i { $max } caràcters.
problem-control_characters = Aquest text no pot contenir caràcters de control (com ara codis d'escapada, NUL o salts de línia en un nom).
problem-invalid_utf8 = El formulari ha enviat text que no és UTF-8 vàlid.
problem-current_password_wrong = La contrasenya actual no és correcta.
problem-password_too_short = La contrasenya ha de tenir com a mínim { $min } caràcters (en té { $actual }).
problem-password_too_long = La contrasenya ha de tenir com a màxim { $max } caràcters (en té { $actual }).
problem-password_common = Aquesta contrasenya és de les més comunes; tria'n una altra.
problem-password_contains_email = La contrasenya no pot contenir la teva adreça electrònica.
problem-password_contains_name = La contrasenya no pot contenir el teu nom.
problem-language_unknown = Tria una de les llengües que s'ofereixen.
problem-slug_taken = Una altra organització ja fa servir aquesta adreça web; tria'n una altra.
problem-name_empty = L'organització necessita un nom.
problem-name_too_long = El nom pot tenir com a màxim { $max } caràcters (en té { $actual }).
problem-slug_empty = L'adreça web necessita un nom curt, com ara cooperativa-vall-verda.
problem-slug_too_long = L'adreça web pot tenir com a màxim { $max } caràcters (en té { $actual }).
problem-slug_bad_characters = L'adreça web només pot tenir lletres minúscules de la a a la z (sense accents ni ç), xifres i guionets.
problem-slug_edge_hyphen = L'adreça web no pot començar ni acabar amb un guionet.
problem-slug_reserved = Quorate es reserva aquesta adreça web; tria'n una altra.
problem-time_zone_unknown = Tria una zona horària de la llista.
problem-language_unsupported = Tria una de les llengües que s'ofereixen.
problem-email_empty = Escriu una adreça electrònica.
problem-email_too_long = L'adreça electrònica és massa llarga.
problem-email_has_spaces = Una adreça electrònica no té espais.
problem-email_not_one_at = Una adreça electrònica té exactament una @, com a nom@example.org.
problem-email_no_local_part = Posa el teu nom abans de l'@, com a nom@example.org.
problem-email_bad_domain = El que va després de l'@ ha de ser un domini, com ara example.org.
problem-invitation_not_found = Aquest enllaç d'invitació no és vàlid. Demana'n un de nou a una persona administradora.
problem-invitation_role_not_allowed = No pots convidar persones amb aquest rol.
problem-internal = Alguna cosa ha fallat per part nostra (referència { $reference }).
problem-role_unknown = Tria un dels rols que s'ofereixen.
problem-expiry_out_of_range = Una invitació caduca al cap d'entre { $min } i { $max } dies.
problem-max_uses_out_of_range = Permet entre { $min } i { $max } usos, o deixa-ho buit perquè no tingui límit.
problem-invitation_expired = Aquesta invitació ha caducat. Demana'n una de nova.
problem-invitation_used_up = Aquesta invitació ja s'ha fet servir totes les vegades que permet. Demana'n una de nova.
problem-invitation_revoked = Aquesta invitació s'ha retirat. Demana'n una de nova.
problem-invitation_for_another_address = Aquesta invitació és per a una altra adreça electrònica. Inicia la sessió amb aquella adreça.
problem-already_a_member = Ja ets membre d'aquesta organització.
problem-last_admin_cannot_leave = L'última persona administradora no pot sortir; primer fes administradora una altra persona.
problem-last_admin_cannot_be_demoted = A l'última persona administradora no se li pot donar un altre rol; primer fes administradora una altra persona.
problem-last_admin_cannot_be_suspended = L'última persona administradora no es pot suspendre.
problem-last_admin_cannot_be_removed = L'última persona administradora no es pot donar de baixa.
problem-invalid_transition = Aquest canvi no és possible des de l'estat actual del membre.
problem-role_unchanged = Aquest membre ja té aquest rol.
problem-not_signed_in = Primer inicia la sessió.
problem-not_a_member = Només els membres d'aquesta organització poden fer-ho.
problem-membership_not_active = Només els membres actius poden fer-ho.
problem-role_too_low = El teu rol no ho permet.
problem-observers_do_not_vote = Les persones observadores no voten.

org-groups-link = Grups
groups-none = Aquesta organització encara no té grups.
groups-new = Grup nou
groups-create = Crea el grup
groups-add-member = Afegeix un membre
groups-add = Afegeix
groups-remove-member = Treu del grup
problem-name_length = El nom ha de tenir entre { $min } i { $max } caràcters.
problem-description_too_long = La descripció pot tenir com a màxim { $max } caràcters (en té { $actual }).
problem-group_slug_taken = Un altre grup d'aquesta organització ja fa servir aquesta adreça.
problem-group_member_not_active = Només els membres actius es poden unir a un grup.

account-sessions = Altres dispositius
account-sessions-text = Tens la sessió iniciada en algun lloc que ja no fas servir? Tanca totes les sessions menys aquesta.
account-end-other-sessions = Tanca la sessió a tots els altres llocs
account-email-sent = Hem enviat un enllaç a l'adreça. Funciona durant { $hours } hores; l'adreça canvia (o es confirma) quan l'obres.
account-email-confirmed = La teva adreça electrònica està confirmada.
account-email-unconfirmed = La teva adreça electrònica encara no està confirmada. Les invitacions adreçades a ella només es poden acceptar quan ho estigui.
account-email-unverifiable = Aquest Quorate no pot enviar correus electrònics, així que no pot confirmar adreces.
account-email-send-link = Envia'm un enllaç de confirmació
account-identity-provider = Proveïdor
account-identity-linked = Vinculat
account-identity-used = Últim ús
account-identity-never = No registrat
account-identity-only-way = La teva única manera d'iniciar la sessió
account-unlink-provider = Desvincula { $provider }
email-sent-title = Mira el correu
email-sent-text = Hem enviat un missatge a l'adreça que has indicat. Obre l'enllaç que conté per continuar; funciona durant { $hours } hores. No t'ha arribat res? Mira a la carpeta de correu brossa o torna't a registrar per rebre un enllaç nou.
email-confirm-title = Confirma la teva adreça electrònica
email-confirm-sign-up = Confirma { $email } per crear el teu compte.
email-confirm-change = Confirma { $email } com a adreça del teu compte.
email-confirm-button = Confirma
invitation-unverifiable = Aquest Quorate no pot enviar correus electrònics, així que no pot comprovar que les persones controlen les adreces que donen: qualsevol persona que iniciï la sessió amb una adreça pot acceptar una invitació per a aquella adreça. Fes arribar personalment els enllaços a qui vagin destinats, o configura smtp_url perquè les adreces es confirmin.
problem-confirmation_link_unusable = Aquest enllaç de confirmació no funciona: ja s'ha fet servir, ha caducat (els enllaços funcionen durant { $hours } hores) o s'ha copiat malament. Demana'n un de nou.
problem-last_sign_in_method = Aquesta és l'única manera d'iniciar la sessió en aquest compte: primer estableix una contrasenya o vincula un altre proveïdor.
problem-invitation_address_unconfirmed = Aquesta invitació és per a la teva adreça electrònica, que encara no has confirmat: confirma-la des de la pàgina del teu compte i torna a obrir la invitació.

mail-invitation-subject = { $inviter } et convida a { $organisation } a Quorate
mail-invitation-body = { $inviter } et convida a unir-te a { $organisation } a Quorate, on els seus membres prenen decisions conjuntament.

    Obre aquest enllaç per acceptar la invitació (hi pots crear un compte):
    { $link }

    Si no esperaves aquesta invitació, pots ignorar aquest missatge.

# Signing in with OpenID providers
signin-with-provider-heading = O inicia la sessió amb
signin-with-provider = Inicia la sessió amb { $provider }
account-providers = Proveïdors d'inici de sessió
account-providers-text = Vincula un proveïdor per iniciar la sessió en aquest compte amb ell.
account-link-provider = Vincula { $provider }
problem-oidc_unknown_provider = Aquí no hi ha cap proveïdor d'inici de sessió amb aquest nom.
problem-oidc_provider_unavailable = No es pot contactar amb el proveïdor d'inici de sessió o no ha respost correctament. Torna-ho a provar més tard.
problem-oidc_denied = L'inici de sessió s'ha cancel·lat al proveïdor.
problem-oidc_provider_error = El proveïdor d'inici de sessió ha informat d'un error.
problem-oidc_state_mismatch = Aquest inici de sessió no ha començat en aquest navegador, així que s'ha rebutjat. Torna a començar.
problem-oidc_flow_unknown = Aquest enllaç d'inici de sessió ja s'ha fet servir o ha caducat. Torna a començar.
problem-oidc_link_session_changed = Ja no tens la sessió iniciada al compte que estaves vinculant. Inicia la sessió i torna a començar.
problem-oidc_exchange_refused = El proveïdor d'inici de sessió no ha confirmat l'inici de sessió. Torna a començar.
problem-oidc_token_invalid = La resposta del proveïdor d'inici de sessió no ha superat les nostres comprovacions.
problem-oidc_nonce_mismatch = La resposta del proveïdor d'inici de sessió correspon a un altre inici de sessió. Torna a començar.
problem-oidc_identity_linked_elsewhere = Aquest inici de sessió ja està vinculat a un altre compte de Quorate.
problem-oidc_email_has_account = Ja hi ha un compte amb aquesta adreça electrònica. Inicia la sessió amb la seva contrasenya i després vincula el proveïdor a la pàgina del teu compte.
problem-oidc_no_email = El proveïdor no ens ha indicat cap adreça electrònica.
problem-oidc_email_unverified = El proveïdor no ha verificat la teva adreça electrònica.

# Propostes
proposals-heading = Propostes
proposals-none = Encara no hi ha cap proposta.
proposals-filter = Mostra les propostes
proposals-all-groups = Tots els grups
proposal-state-all = Totes
proposal-state-draft = Esborrany
proposal-state-discussion = En debat
proposal-state-decided = Decidida
proposal-state-withdrawn = Retirada
pagination = Pàgines
pagination-previous = Pàgina anterior
pagination-next = Pàgina següent
pagination-page = Pàgina { $page }
proposal-new-title = Nova proposta
proposal-new-lead = El teu esborrany només el veus tu i les persones coautores que triïs, fins que el publiquis per al debat.
proposal-whole-organisation = Tota l'organització
proposal-save-draft = Desa l'esborrany
proposal-save = Desa
proposal-number = Proposta { $number }
proposal-revision-number = Revisió { $number }
proposal-authors = Autoria
proposal-latest-revision = Última revisió
proposal-for-authors = Per a qui la signa
proposal-edit = Edita la proposta
proposal-edit-makes-revision = En desar es crea la revisió numerada següent; les anteriors es poden continuar llegint.
proposal-publish = Publica-la per al debat
proposal-publish-hint = En publicar-la, tota l'organització veurà la proposta com a revisió 1.
proposal-add-co-author = Afegeix una persona coautora
proposal-add = Afegeix
proposal-withdraw = Retira la proposta
proposal-withdrawn-by = Retirada per { $name } el { $at }:
proposal-history = Historial
proposal-compare-latest = Compara l'última revisió amb l'anterior
proposal-older-revision = Aquesta és una revisió anterior.
proposal-see-latest = Mostra l'última
proposal-compare-with-latest = Compara-la amb l'última
proposal-compare = Compara
proposal-compare-from = Des de
proposal-compare-to = Fins a
proposal-compare-heading = Revisió { $from } comparada amb la revisió { $to }
proposal-diff-legend = Les paraules afegides apareixen subratllades entre [+ i +]; les eliminades, ratllades entre [- i -].
proposal-conflict-title = Algú ha desat una versió més recent
proposal-conflict-since = Què ha canviat des de la revisió { $from }, on vas començar, fins a la revisió { $to }:
proposal-conflict-since-draft = El que diu ara l'esborrany desat, comparat amb res (vas començar des d'un esborrany anterior):
proposal-conflict-newer-text = El text més recent, tal com està desat
proposal-conflict-your-text = La teva edició es conserva al formulari de sota: incorpora-hi els canvis més recents i torna a desar.
diff-inserted = afegit:
diff-deleted = eliminat:
field-proposal-title = Títol
field-proposal-summary = Resum
field-proposal-summary-hint = Una o dues frases: què demana la proposta que decideixi l'organització.
field-proposal-body = Proposta
field-proposal-body-hint = Markdown: *cursiva*, **negreta**, llistes, enllaços, taules. L'HTML es mostra tal com s'escriu.
field-proposal-due-on = Data límit del debat
field-proposal-due-on-hint = Opcional. Amb el format AAAA-MM-DD.
field-proposal-group = Grup
field-proposal-note = Què ha canviat
field-proposal-note-hint = Opcional, una línia; apareix a l'historial.
field-withdraw-reason = Per què es retira (es mostra a la proposta)
problem-text_length = Ha de tenir entre { $min } i { $max } caràcters (en té { $actual }).
problem-text_too_long = Pot tenir com a màxim { $max } caràcters (en té { $actual }).
problem-due_date_malformed = La data límit ha de ser una data amb el format AAAA-MM-DD.
problem-due_date_in_the_past = La data límit ha de ser avui ({ $today }) o més endavant.
problem-edit_conflict = Algú ha desat una versió més recent (ara la versió { $current }) després que comencessis des de la versió { $started_from }: mira què ha canviat i torna a desar.
problem-proposal_unchanged = No ha canviat res: el text és igual que l'última revisió.
problem-co_author_not_active = Una persona coautora ha de ser membre actiu.
problem-co_author_observer = Les persones observadores llegeixen i comenten, però no signen propostes.
problem-co_author_not_in_group = Qui signi una proposta d'un grup ha de pertànyer al grup.
problem-already_an_author = Aquesta persona ja signa la proposta.
problem-group_unknown = No existeix aquest grup en aquesta organització.
problem-member_unknown = No existeix aquest membre en aquesta organització.
problem-not_an_author = Només qui signa la proposta pot fer això.
problem-not_in_group = Només els membres del grup de la proposta poden fer això.
problem-proposal_state = Això no es pot fer mentre la proposta està { $state ->
        [draft] en esborrany
        [discussion] en debat
        [decided] decidida
       *[withdrawn] retirada
    }.
problem-round_open = Hi ha una votació oberta sobre aquesta proposta, així que el seu text no pot canviar.

# Comentaris
comments-heading = Debat
comments-none = Encara no hi ha comentaris.
comments-closed = Es pot comentar mentre la proposta està en debat, si ets membre actiu de l'organització.
comment-new = Afegeix un comentari
comment-post = Publica el comentari
comment-preview = Previsualitza
comment-preview-heading = Previsualització: així es veurà el teu comentari
comment-reply = Respon
comment-replying-to = En resposta a { $name }
comment-see = mostra el comentari
comment-reply-cancel = escriu un comentari nou
comment-edit = Edita el comentari
comment-edit-kept = El text anterior es pot continuar llegint a «versions anteriors».
comment-save = Desa
comment-edited = editat el { $at }
comment-earlier-versions = Versions anteriors
comment-replaced = Fins al { $at }:
comment-delete = Elimina el comentari
comment-delete-question = Vols eliminar aquest comentari?
comment-delete-consequence = El seu text desapareix; el fil mostra «comentari eliminat» al seu lloc i les respostes es mantenen.
comment-deleted = Comentari eliminat.
comment-hide = Amaga el comentari
comment-hidden = Amagat per una persona facilitadora:
comment-hidden-you-see = Encara el pots llegir, com a autor o persona facilitadora:
proposal-comment-count = { $count ->
        [one] 1 comentari
       *[other] { $count } comentaris
    }
proposal-unread = Nou
field-comment = El teu comentari
field-comment-hint = Markdown. Menciona un membre amb @ i el seu nom sense espais (@AdaOkafor).
field-hide-reason = Per què s'amaga (es mostra al seu lloc)
problem-reply_elsewhere = El comentari al qual respons pertany a una altra proposta.
problem-reply_to_removed = El comentari al qual respons s'ha eliminat o amagat.
problem-comment_unchanged = No ha canviat res.
problem-comment_hidden_already = Aquest comentari ja està amagat.
problem-not_comment_author = Només qui ha escrit el comentari pot fer això.

# Esmenes
amendments-heading = Esmenes
amendments-none = Encara no hi ha esmenes.
amendment-number = Esmena { $number }
amendment-state-open = Oberta
amendment-state-accepted = Acceptada
amendment-state-declined = Rebutjada
amendment-new-title = Proposar una esmena
amendment-new-lead = Canvia el text de la revisió { $number } com el voldries i explica per què. Les persones autores de la proposta l'accepten (passa a ser la revisió següent, atribuïda a tu) o la rebutgen amb un motiu.
amendment-propose = Proposar l'esmena
amendment-against = Proposada per { $name } el { $at }; canvia la revisió { $number }.
amendment-reason = Per què
amendment-changes = Què canvia
amendment-accepted-by = Acceptada per { $name } el { $at }; va passar a ser la
amendment-declined-by = Rebutjada per { $name } el { $at }:
amendment-outdated-notice = La proposta ara és a la revisió { $current } i aquesta esmena canvia la revisió { $base }, de manera que ja no es pot acceptar tal com és: les persones autores la poden rebutjar, i qui la va proposar la pot tornar a proposar sobre el text nou.
amendment-for-authors = Per a les persones autores de la proposta
amendment-accept = Acceptar l'esmena
amendment-accept-hint = En acceptar-la, el seu text passa a ser la revisió següent, atribuïda a qui la va proposar.
amendment-decline = Rebutjar l'esmena
field-amendment-reason = Per què aquest canvi (es mostra amb l'esmena)
field-decline-reason = Per què es rebutja (es mostra amb l'esmena)
problem-amendment_unchanged = El text de l'esmena és igual al de la proposta: canvia alguna cosa.
problem-amendment_decided = Aquesta esmena ja ha estat { $state ->
        [accepted] acceptada
       *[declined] rebutjada
    }.
problem-amendment_stale = La proposta ha passat a la revisió { $current } mentre escrivies sobre la revisió { $base }: mira el text nou i torna a enviar l'esmena.
problem-amendment_outdated = Aquesta esmena canvia la revisió { $base }, però la proposta ara és a la revisió { $current }: acceptar-la desfaria els canvis intermedis.

# Cerca
search-title = Cerca
search-label = Cerca en propostes i comentaris
search-button = Cerca
search-results-for = Resultats per a «{ $query }»
search-none = No s'ha trobat res. Hi han d'aparèixer totes les paraules que escriguis; prova amb menys.
search-kind-proposal = proposta
search-kind-comment = comentari

# Rondes de decisió
round-state-scheduled = Programada
round-state-open = Oberta
round-state-closed = Tancada
round-state-cancelled = Cancel·lada
problem-round_state = Això no es pot fer mentre la ronda està { $state ->
        [scheduled] programada
        [open] oberta
        [closed] tancada
       *[cancelled] cancel·lada
    }.
problem-round_not_due = Encara no és el moment de fer això a la ronda.
problem-round_closes_too_early = L'hora de tancament ha de ser posterior a la d'obertura, i posterior a ara.
problem-round_extension_not_later = Una pròrroga ha d'endarrerir l'hora de tancament.
problem-round_early_close_needs_reason = Una ronda es tanca abans d'hora quan han votat totes les persones amb dret a vot, o per una persona facilitadora que dona un motiu.
problem-round_option_count = Una ronda necessita entre { $min } i { $max } opcions (en té { $actual }).
problem-round_duplicate_option = Dues opcions es diuen «{ $name }».
problem-round_winners = Les persones guanyadores o els seients han de ser entre 1 i { $max }.
problem-round_budget = Els punts i els crèdits han de ser com a mínim 1.
problem-round_fraction = Una fracció s'escriu p/q amb 0 < p ≤ q (per a un quòrum, 0 ≤ p ≤ q).
problem-round_quorum_beyond_electorate = El quòrum demana més paperetes que votants hi ha ({ $electorate }).

# Rondes de decisió: la regla en paraules senzilles
round-rule-consent-none = S'adopta si ningú s'hi oposa.
round-rule-consent = S'adopta si s'hi oposen com a molt { $objections } persones.
round-rule-majority = S'adopta si { $comparison ->
        [at-least] almenys
       *[more-than] més de
    } { $fraction } de { $base ->
        [all-ballots] totes les paperetes emeses
        [electorate] qui pot votar
       *[votes-cast] els vots a favor o en contra
    } són sí.
round-rule-approval = Cada persona aprova les opcions que vulgui; guanyen les { $winners } amb més aprovacions.
round-rule-score = Cada persona puntua cada opció de 0 a 5; guanya el total més alt.
round-rule-dot = Cada persona reparteix fins a { $points } punts entre les opcions; guanya el total més alt.
round-rule-borda = Cada persona ordena les opcions; guanya la que suma més punts Borda.
round-rule-irv = Cada persona ordena les opcions; per segona volta instantània, s'elimina l'opció amb menys vots fins que una en tingui més de la meitat.
round-rule-stv = Cada persona ordena les opcions; es cobreixen { $seats } seients per vot únic transferible ({ $rules ->
        [meek] mètode de Meek
       *[scottish] regles escoceses
    }).
round-rule-schulze = Cada persona ordena les opcions, amb empats permesos; el mètode Schulze troba la guanyadora.
round-rule-quadratic = Cada persona té { $credits } crèdits de veu (n vots a una opció costen n²); les opcions s'ordenen pels seus vots.
round-rule-quadratic-against = Cada persona té { $credits } crèdits de veu (n vots a favor o en contra d'una opció costen n²); les opcions s'ordenen pels seus vots.
round-quorum-none = Sense quòrum: el resultat val participi qui participi.
round-quorum = Hi han de participar almenys { $needed } de les { $voters } persones de { $scope }.
round-closes = Es tanca el { $weekday ->
        [mon] dilluns
        [tue] dimarts
        [wed] dimecres
        [thu] dijous
        [fri] divendres
        [sat] dissabte
       *[sun] diumenge
    } { $day } de { $month ->
        [m1] gener
        [m2] febrer
        [m3] març
        [m4] abril
        [m5] maig
        [m6] juny
        [m7] juliol
        [m8] agost
        [m9] setembre
        [m10] octubre
        [m11] novembre
       *[m12] desembre
    }, a les { $time } ({ $zone }).

# Rondes de decisió: pàgines
proposal-rounds = Rondes de decisió
org-open-rounds = Rondes de decisió obertes
round-start = Inicia una ronda de decisió
round-number = Ronda { $number }
round-closes-in = es tanca d'aquí a { $days ->
        [0] { "" }
       *[other] { $days } d{ " " }
    }{ $hours } h { $minutes } min
round-you-voted = ja has votat
round-you-have-not-voted = s'espera el teu vot
round-method-consent = Consentiment
round-method-majority = Majoria
round-method-approval = Aprovació
round-method-score = Puntuació (0–5)
round-method-dot = Vot per punts
round-method-borda = Recompte Borda
round-method-irv = Vot preferent (segona volta instantània)
round-method-stv-scottish = Vot únic transferible (regles escoceses)
round-method-stv-meek = Vot únic transferible (Meek)
round-method-schulze = Condorcet (Schulze)
round-method-quadratic = Vot quadràtic
round-tie-previous-rounds-then-order = Rondes anteriors del recompte i, després, l'ordre de la papereta
round-tie-previous-rounds-then-lot = Rondes anteriors del recompte i, després, un sorteig públic
round-tie-order = L'ordre de la papereta
round-tie-lot = Un sorteig públic
round-outcome-no-quorum = sense quòrum
round-outcome-adopted = adoptada
round-outcome-not-adopted = no adoptada
round-outcome-elected = decidida
round-new-title = Inicia una ronda de decisió
round-new-lead = La ronda decideix la revisió { $revision } de la proposta.
round-new-voters = Ara hi poden votar { $voters } persones de { $scope }; la llista es fixa quan s'obre la ronda.
round-statement-heading = La regla, en paraules senzilles
round-parameters = La configuració del mètode
round-parameters-hint = Només compta la configuració del mètode triat; la resta s'ignora.
round-comparison-more-than = més de
round-comparison-at-least = almenys
round-base-votes-cast = els vots a favor o en contra (sense comptar les abstencions)
round-base-all-ballots = totes les paperetes emeses
round-base-electorate = qui pot votar
round-options = Opcions
round-options-from-list = Les opcions de la llista de sota
round-options-from-amendments = La proposta tal com és i les seves { $count } esmenes obertes
round-times-hint = Data i hora a { $zone }.
round-check-rule = Comprova la regla
round-create = Crea la ronda
field-round-method = Mètode
field-round-threshold = Llindar (majoria)
field-round-threshold-hint = Una fracció com ara 1/2 o 2/3.
field-round-comparison = Comparació (majoria)
field-round-base = Sobre què es compta (majoria)
field-round-max-objections = Objeccions tolerades (consentiment)
field-round-winners = Guanyadores (aprovació)
field-round-seats = Seients (vot únic transferible)
field-round-points = Punts per membre (vot per punts)
field-round-credits = Crèdits de veu per membre (quadràtic)
field-round-allow-negative = Es permeten vots en contra (quadràtic)
field-round-batch-elimination = Elimina d'un cop totes les opcions sense possibilitats (segona volta instantània)
field-round-continue-until-two = Continua comptant fins que quedin dues opcions (segona volta instantània)
field-round-options-from = D'on surten les opcions
field-round-options = Opcions, una per línia
field-round-options-hint = Les rondes de consentiment i de majoria decideixen sobre la proposta mateixa i no en necessiten.
field-round-quorum = Quòrum
field-round-quorum-hint = Una fracció de qui pot votar (1/3), un nombre de paperetes (12) o buit perquè no n'hi hagi.
field-round-opens-at = S'obre
field-round-closes-at = Es tanca
field-round-secret = Vot secret (definitiu un cop emès, amb un codi de rebut)
field-round-running-results = Mostra els resultats mentre la ronda és oberta
field-round-tie-policy = Els empats es desfan per
round-rule = La regla
round-method = Mètode
round-decides = Decideix
round-opens = S'obre
round-closes-label = Es tanca
round-ballot = Vot
round-secret = secret
round-open-ballot = obert (els membres veuen qui ha votat què després del tancament)
round-participation-heading = Participació
round-participation = Han votat { $voted } de { $electorate }; el quòrum en demana { $needed }.
round-receipt-heading = El teu codi de rebut
round-receipt-keep = Guarda'l: només es mostra ara. Després del tancament, busca'l entre les paperetes publicades per comprovar que la teva papereta es va comptar tal com la vas emetre.
round-receipt-not-receipt-free = Un rebut permet a qui el tingui mostrar la teva papereta a una altra persona, així que no el comparteixis.
round-your-ballot = La teva papereta
round-secret-final = Aquesta votació és secreta: un cop emesa, la papereta és definitiva i no es pot canviar.
round-open-changeable = Ja has votat. Pots canviar la papereta fins que es tanqui la ronda; compta l'última.
round-secret-already-voted = Ja has emès el teu vot secret en aquesta ronda.
round-cannot-vote = No pots votar en aquesta ronda: només hi poden votar els membres que podien votar quan es va obrir.
round-ballot-consent = La teva postura
round-position-consent = Hi dono el meu consentiment
round-position-concern = Hi dono el meu consentiment, amb una reserva
round-position-stand_aside = Em faig a un costat
round-position-object = M'hi oposo
field-ballot-reason = Motiu
field-ballot-reason-hint = Obligatori si t'hi oposes; benvingut si tens una reserva.
round-ballot-majority = El teu vot
round-choice-yes = Sí
round-choice-no = No
round-choice-abstain = Abstenció
round-ballot-approval = Aprova totes les opcions a què donis suport; guanyen les { $winners } amb més aprovacions.
round-ballot-dot = Reparteix fins a { $budget } punts entre les opcions.
round-ballot-quadratic = Tens { $budget } crèdits de veu: n vots a una opció costen n².
round-ballot-quadratic-against = Tens { $budget } crèdits de veu: n vots a favor o en contra (negatius) d'una opció costen n².
round-ballot-schulze = Dona a cada opció una posició (1 és la millor); amb el mateix número, les opcions queden empatades; deixa una opció sense posició per situar-la per sota de totes les que ordenis.
round-unranked = sense ordenar
round-ballot-ranked = Ordena les opcions: la teva primera preferència, la primera. Deixa buides les preferències que no vulguis fer servir.
round-rank = Preferència { $rank }
round-cast = Emet el meu vot
round-cast-secret = Emet el meu vot secret (definitiu)
round-change-ballot = Canvia el meu vot
round-result = Resultat
round-running-results = Resultats provisionals (la ronda encara és oberta)
round-result-no-quorum = Sense quòrum: es van emetre { $ballots } paperetes i se'n necessitaven { $needed }. No s'adopta ni s'elegeix res.
round-result-majority-adopted = Adoptada: { $yes } vots sí de { $base } comptats ({ $percent } %), llindar { $threshold }; quòrum { $ballots } de { $electorate }, calien { $needed }.
round-result-majority-not-adopted = No adoptada: { $yes } vots sí de { $base } comptats ({ $percent } %), llindar { $threshold }; quòrum { $ballots } de { $electorate }, calien { $needed }.
round-result-consent-adopted = Adoptada per consentiment: { $objections } objeccions; quòrum { $ballots } de { $electorate }, calien { $needed }.
round-result-consent-not-adopted = No adoptada: { $objections } objeccions; quòrum { $ballots } de { $electorate }, calien { $needed }.
round-result-elected = Decidit: { $winners }. Quòrum { $ballots } de { $electorate }, calien { $needed }.
round-stage-table = Totals a cada etapa
round-option = Opció
round-stage = Etapa { $number }
round-report = El recompte, etapa per etapa
round-digest = SHA-256 de l'informe desat:
round-outcome-statement = Conclusió
field-round-statement = Text de la conclusió
round-write-outcome = Desa la conclusió
round-ballots = Paperetes
round-receipt = Codi de rebut
round-voter = Membre
round-receipt-lookup = Busca el teu codi de rebut
round-receipt-find = Busca
round-receipt-found = El rebut { $code } es va comptar així: { $ballot }
round-receipt-not-found = Cap papereta no té el rebut { $code }.
round-files = Fitxers
round-for-facilitators = Per a les persones facilitadores
round-voter-roll = Cens de votants
round-voter-roll-hint = Qui ha votat fins ara, per animar a participar.
round-voter-roll-secret = Qui ha votat fins ara; mai què.
round-roll-voted = ha votat
round-roll-not-yet = encara no
round-extend = Prorroga
field-round-new-closes-at = Nova hora de tancament
field-round-reason = Motiu
round-close-early = Tanca ara
round-close-early-hint = Sense motiu, només quan han votat totes les persones amb dret a vot.
round-cancel = Cancel·la la ronda
problem-ballot_nothing_chosen = Primer tria una de les postures.
problem-ballot_not_a_number = «{ $option }» necessita un nombre enter.
problem-ballot_unknown_option = No és cap de les opcions d'aquesta ronda.
problem-ballot_already_cast = Ja has votat en aquesta ronda secreta; un vot secret és definitiu un cop emès.
problem-wrong_ballot_shape = Aquesta papereta no s'ajusta al mètode de la ronda.
problem-unknown_option = No és cap de les opcions d'aquesta ronda.
problem-duplicate_option = «{ $option }» s'ha triat més d'una vegada; cada opció només es pot marcar una vegada.
problem-equal_ranks = La posició { $rank } té diverses opcions; les posicions iguals només es permeten en un recompte Schulze.
problem-too_many_approvals = Has aprovat { $approved } opcions; aquesta ronda en permet com a màxim { $max }.
problem-score_out_of_range = «{ $option }» té una puntuació de { $score }; les puntuacions van de 0 a 5.
problem-negative_points = «{ $option }» té { $points } punts; els punts no poden ser negatius.
problem-points_over_budget = Has repartit { $spent } punts; cada membre en té { $budget }.
problem-negative_votes_not_allowed = «{ $option }» té { $votes } vots; aquesta ronda no permet vots en contra.
problem-quadratic_over_budget = Aquesta papereta costa { $cost } crèdits de veu; cada membre en té { $budget }.
problem-objection_without_reason = Una objecció ha de donar un motiu.
problem-round_method_unknown = Tria un dels mètodes.
problem-round_not_a_number = Escriu un nombre enter.
problem-round_not_a_fraction = Escriu una fracció com ara 1/2 o 2/3.
problem-round_quorum_unreadable = Escriu el quòrum com a fracció de qui pot votar (1/3) o com a nombre de paperetes (12), o deixa-ho buit.
problem-round_not_a_time = Escriu una data i una hora que existeixin a la zona horària de l'organització.
problem-round_required = Aquest camp és obligatori.
problem-round_already_active = Ja hi ha una ronda programada o oberta sobre aquesta proposta.
problem-round_statement_empty = Primer escriu el text de la conclusió.
problem-not_in_electorate = Només hi poden votar els membres que podien votar quan es va obrir la ronda.
round-charts = Gràfics
round-transfers = Com van passar els vots d'una etapa a la següent
round-state-heading = Estat
round-points-used = Punts usats: { $used } de { $budget }
round-credits-used = Crèdits de veu gastats: { $cost } de { $budget }
round-ranked-list = El teu ordre de preferència, la primera opció primer
round-not-ranked-yet = Encara sense ordenar:
round-move-up = Puja { $option }
round-move-down = Baixa { $option }
round-unrank = Treu { $option } del teu ordre
round-rank-add = Afegeix { $option } a continuació
round-rank-moved = { $option } és ara l'opció { $rank }.
round-rank-added = { $option } és ara l'opció { $rank }.
round-rank-removed = { $option } ja no és al teu ordre.
round-stages-caption = Què va passar a cada etapa
round-stage-col = Etapa
round-quota = Quota
round-threshold-to-win = Vots necessaris per guanyar
round-elected = Elegides
round-excluded = Excloses
round-transferred = Transferits
round-exhausted = Esgotats
round-non-transferable = No transferibles
round-exhausted-short = esgotats
round-totals-caption = Totals
round-total = Total
round-wins = Guanya
round-pairwise-d = Paperetes que prefereixen l’opció de la fila a la de la columna
round-pairwise-p = Camins més forts de l’opció de la fila a la de la columna
round-credits-summary = Crèdits de veu gastats: { $total } en total, { $budget } per votant.
round-credits-caption = Quants crèdits va gastar cada papereta
round-credits = Crèdits gastats
round-ballot-count = Paperetes
round-positions-caption = Posicions
round-position = Posició
round-weight = Paperetes
round-max-objections = Objeccions tolerades: { $count }
round-objections-heading = Objeccions i els seus motius
round-concerns-heading = Inquietuds
round-ties-heading = Empats
round-tie = Etapa { $stage }: { $tied } van empatar { $decision }; es va desfer per { $rule }: { $picked }.
round-tie-decision-winner = per guanyar
round-tie-decision-election-order = per l’ordre d’elecció
round-tie-decision-surplus-order = per quin excedent es transfereix primer
round-tie-decision-elimination = per a l’eliminació
round-tie-decision-exclusion = per a l’exclusió
round-tie-decision-defeat = per a la derrota
round-tie-decision-last-places = pels últims llocs
round-tie-rule-previous-rounds = les etapes anteriors
round-tie-rule-order = l’ordre de la papereta
round-tie-rule-lot = el sorteig públic
round-lot-caption = El sorteig: cada opció en l’ordre de la seva clau, l’SHA-256 de la llavor i l’identificador de l’opció
round-lot-key = Clau
minutes-heading = Decisió sobre la proposta { $number }: { $title }
minutes-round = Ronda de decisió { $round }, sobre la revisió { $revision }
minutes-closed = Tancada
minutes-closed-early = Tancada abans d'hora perquè
minutes-check = Com comprovar-ho
minutes-audit-entry = El tancament és l'entrada d'auditoria { $seq }, hash { $hash }.
minutes-verify = Qualsevol persona amb l'exportació de l'organització pot recalcular la cadena d'auditoria i tornar a comptar cada ronda:
minutes-secret = Vot secret: ningú, ni tan sols les persones facilitadores, pot veure qui ha votat què; cada papereta es publica amb el seu codi de rebut.
minutes-open = Vot obert: els membres veuen qui ha votat què.
minutes-title = Acta
minutes-print = Imprimeix
minutes-link = Acta d'aquesta decisió (impressió, Markdown, JSON)
minutes-downloads = Descarrega l'acta:
calendar-summary = Tanca: { $title } ({ $org })
calendar-description = Tanca la ronda de decisió { $round } sobre la proposta { $number } de { $org }.
account-calendar = Calendari
account-calendar-text = Una adreça secreta a la qual es pot subscriure la teva aplicació de calendari: les hores de tancament de les rondes en què pots votar, a totes les teves organitzacions. Qui tingui l'adreça les veu; en pots fer una de nova quan vulguis (l'antiga deixa de funcionar).
account-calendar-none = No tens cap adreça de calendari.
account-calendar-since = Tens una adreça de calendari, feta el { $date }.
account-calendar-make = Fes una adreça de calendari
account-calendar-replace = Fes una adreça nova (l'antiga deixa de funcionar)
account-calendar-off = Desactiva el calendari
account-calendar-new = La teva adreça de calendari (es mostra un sol cop; copia-la ara a la teva aplicació de calendari):
account-calendar-keep = Quorate només en guarda una empremta, així que no la pot tornar a mostrar.
problem-meeting_link_not_web = Un enllaç ha de ser una adreça web que comenci per https:// o http://.
problem-meeting_not_a_proposal_number = Indica una proposta pel seu número, o deixa-ho en blanc.
problem-meeting_too_many_guests = Una reunió llista com a màxim { $max } persones convidades.
problem-meeting_state = Una reunió amb l'acta en estat { $state } no pot fer això.
field-round-reminder = Recordatori abans del tancament (hores)
field-round-reminder-hint = Es recorda als membres que encara no han votat tantes hores abans que tanqui la ronda; 0 per a cap recordatori.
round-rule-reminder = Es recorda als membres que no han votat { $hours } h abans del tancament.
round-rule-no-reminder = No s'envia cap recordatori abans del tancament.
problem-round_reminder_range = Un recordatori s'envia de 0 (cap) a 336 hores (dues setmanes) abans del tancament.
meetings-title = Reunions
meetings-none = Encara no hi ha reunions.
meetings-new = Una reunió nova
meetings-create = Crea la reunió
field-meeting-title = Títol
field-meeting-starts-at = Data i hora
field-meeting-link-hint = https://… (opcional)
field-meeting-guests-hint = Un nom per línia: persones que no són membres.
meeting-place = Lloc
meeting-link = Enllaç
meeting-facilitator = Facilitació
meeting-minute-taker = Presa d'acta
meeting-guests = Persones convidades
meeting-state-draft = Esborrany
meeting-state-held = Feta
meeting-state-approved = Acta aprovada
meeting-approved-on = Acta aprovada el { $date } (versió { $version }).
meeting-not-approved = L'acta encara no està aprovada.
meeting-attendance = Assistència
meeting-present = Presents
meeting-apologies = Excusades
meeting-absent = Absents
meeting-save-attendance = Desa l'assistència
meeting-agenda = Ordre del dia
meeting-agenda-empty = Encara no hi ha res a l'ordre del dia.
meeting-add-item = Afegeix un punt
field-item-title = Punt
field-item-proposal = Número de proposta
field-item-proposal-hint = El número d'una proposta d'aquesta organització, per exemple 7 (opcional).
field-item-notes = Notes
meeting-edit-item = Edita aquest punt
meeting-save-item = Desa el punt
meeting-minutes = Acta
meeting-hold = Marca la reunió com a feta
meeting-approve = Aprova l'acta
meeting-approve-text = Un cop aprovada, l'acta és només de lectura; la cadena d'auditoria en registra el contingut.
meeting-minutes-heading = Acta: { $title }
meeting-approval = Aprovació
meeting-signature-chair = Presidència
meeting-signature-minute-taker = Presa d'acta
problem-meeting_person_unknown = Tria un dels membres actius de l'organització.
problem-meeting_proposal_unknown = Aquesta organització no té cap proposta { $number }.
round-quorum-meeting = Cal que hi participin almenys { $needed } dels { $voters } membres presents a { $meeting }.
round-from-meeting = Aquesta ronda s'obre des d'un punt de l'ordre del dia d'una reunió; constarà a l'acta d'aquella reunió.
meeting-actions = Accions acordades
meeting-action = Acció
meeting-action-owner = Responsable
meeting-action-due = Termini
meeting-action-done = Feta
meeting-action-mark-done = Marca-la com a feta
meeting-action-mark-open = Marca-la com a no feta
meeting-add-action = Afegeix una acció
field-action-text = Què cal fer
field-action-due = Termini (opcional)
meeting-correcting = Reoberta per a una correcció: { $reason }
meeting-correct = Reobre l'acta per corregir-la
meeting-correct-text = La versió aprovada es manté tal com es va aprovar. L'acta corregida serà la versió següent quan s'aprovi de nou, i totes dues es poden llegir.
field-correction-reason = Per què cal corregir-la
meeting-versions = Versions aprovades
meeting-version = Versió { $version }
meeting-version-line = Versió { $version }, aprovada el { $date }
meeting-version-reason = Versió { $version }, aprovada el { $date }: { $reason }
meeting-current-text = El text actual
meeting-digest = SHA-256 de l'acta aprovada: { $digest }
meeting-approval-entry = L'aprovació és l'entrada { $seq } del registre d'auditoria, hash { $hash }.
meeting-signature-date = Data
minutes-page-label = Pàgina { $page } de { $pages }
meeting-open-round = Obre una ronda de decisió sobre aquesta proposta
meeting-settings = Configuració de les reunions
field-paper = Paper de les actes impreses
paper-a4 = A4
paper-letter = Carta (EUA)
field-quorum-from-attendance = Les rondes obertes des de l'ordre del dia d'una reunió compten el quòrum sobre els membres presents a la reunió
meeting-save-settings = Desa la configuració de les reunions
meeting-print-minutes = Acta per imprimir
meeting-calendar-file = Afegeix aquesta reunió a un calendari (.ics)
calendar-meeting-summary = { $title } ({ $org })
calendar-meeting-description = Una reunió de { $org }: { $title }.
problem-meeting_paper_unknown = Trieu A4 o Carta.
problem-round_agenda_item_unknown = Una ronda només es pot obrir des d'un punt de l'ordre del dia sobre aquesta proposta.

# Quorate: español.
language-name = Español
product-name = Quorate
product-tagline = Decidir en común

skip-to-content = Saltar al contenido principal
nav-home = Inicio

language-picker-label = Idioma
language-picker-submit = Cambiar idioma

home-title = Decidir en común, en vuestro propio servidor
home-lead = Quorate es donde cooperativas, sindicatos y movimientos redactan propuestas, las debaten y votan, con cada recuento exacto y abierto a comprobación.
home-feature-proposals-title = Propuestas y debate
home-feature-proposals-text = Las personas socias redactan propuestas y las debaten en comentarios encadenados antes de votar.
home-feature-rounds-title = Rondas de decisión
home-feature-rounds-text = Quienes facilitan abren rondas por consentimiento, mayoría, aprobación, puntuación, voto preferencial, Condorcet o voto cuadrático, con quórum y umbrales garantizados.
home-feature-counts-title = Recuentos que cualquiera puede comprobar
home-feature-counts-text = Cada resultado se explica ronda a ronda y puede recontarse a partir de una exportación.

not-found-title = Página no encontrada
not-found-text = No hay ninguna página en esta dirección. Revisa el enlace o vuelve a la página de inicio.
not-found-home-link = Ir a la página de inicio

error-title = Algo ha fallado
error-text = Quorate no ha podido mostrar esta página. No se ha perdido nada de lo que escribiste; inténtalo de nuevo en un momento.
error-reference = Referencia: { $reference }

footer-text = Quorate es software libre para decidir en común.
footer-source = Con licencia GNU AGPL.

nav-account = Tu cuenta
nav-sign-in = Iniciar sesión
nav-sign-up = Crear una cuenta
nav-sign-out = Cerrar sesión
breadcrumbs = Ruta de navegación

form-problems-title = Corrige lo siguiente
forbidden-title = No permitido
signin-needed-title = Inicia sesión primero
forbidden-membership-suspended = Tu membresía en esta organización está suspendida. Una persona administradora de la organización puede restablecerte.
forbidden-membership-invited = Te han invitado, pero aún no te has unido. Abre el enlace de invitación que recibiste para aceptarla, o pide uno nuevo a una persona administradora.
forbidden-membership-left = Has dejado esta organización. Una persona administradora puede invitarte de nuevo.

field-display-name = Nombre visible
field-email = Correo electrónico
field-password = Contraseña
field-current-password = Contraseña actual
field-new-password = Contraseña nueva
field-language = Idioma
field-org-name = Nombre
field-org-slug = Dirección web
field-org-slug-hint = Minúsculas, cifras y guiones, como en /o/cooperativa-del-valle.
field-org-slug-hint-new = Letras minúsculas, cifras y guiones, como en /o/cooperativa-valle-verde. Déjalo vacío para formarlo a partir del nombre.
field-group-slug-hint = Letras minúsculas, cifras y guiones: identifica el grupo dentro de la organización, como en circulo-vivienda.
field-group-name = Nombre del grupo
field-time-zone = Zona horaria
field-time-zone-hint = Donde se reúne la organización: los cierres y las reuniones se muestran en esta zona horaria.
field-default-language = Idioma predeterminado
field-description = Descripción
field-invite-email = Correo electrónico (opcional)
field-invite-email-hint = Déjalo vacío para un enlace que cualquiera pueda usar.
field-expires-in-days = Caduca a los (días)
field-max-uses = Cuántas personas pueden usarlo
field-max-uses-hint = Déjalo vacío para no limitarlo hasta que caduque.
password-hint = Al menos { $min } caracteres; ni una contraseña común, ni tu nombre, ni tu correo.
language-browser-default = Lo que pida mi navegador

signup-title = Crear una cuenta
signup-lead = Con una cuenta puedes crear una organización o aceptar una invitación.
signup-submit = Crear cuenta
signup-have-account = ¿Ya tienes cuenta?
signin-title = Iniciar sesión
signin-submit = Entrar
signin-no-account = ¿Primera vez?

account-title = Tu cuenta
account-profile = Perfil
account-save = Guardar
account-password = Contraseña
account-change-password = Cambiar la contraseña

first-run-title = Configura tu organización
first-run-account = Crea tu cuenta.
first-run-organisation = Crea tu organización: serás su administradora o administrador.
first-run-invite = Invita a las personas socias con un enlace.
home-your-organisations = Tus organizaciones
home-no-organisations = Aún no estás en ninguna organización. Crea una o abre un enlace de invitación.

org-new-title = Crear una organización
org-new-submit = Crear organización
org-new-sign-in-first = Necesitas una cuenta para crear una organización.
org-your-role = Tu papel
org-active-members = Personas socias activas
org-members-link = Personas socias
org-invitations-link = Invitaciones
org-settings-link = Configuración
org-settings-title = Configuración de la organización
org-export-heading = Exportación
org-export-text = Todo lo que la organización ha decidido, en un solo documento JSON: sus miembros, propuestas, rondas de decisión con sus papeletas (según permita el secreto) y resultados, y su cadena de auditoría. Cualquiera puede volver a comprobarlo con quorate verify, sin base de datos.
org-export-link = Descarga la exportación (JSON)
org-leave = Salir de esta organización
org-leave-question = ¿Dejar { $organisation }? Pierdes el acceso a sus propuestas y rondas de inmediato; para volver necesitas una nueva invitación.

members-role = Papel
members-state = Estado
members-actions = Acciones
members-change-role = Cambiar el papel
members-suspend = Suspender
members-reinstate = Readmitir
members-remove = Dar de baja
members-remove-title = ¿Quitar a { $name }?
members-remove-question = ¿Quitar a { $name } de esta organización? Pierde el acceso a sus propuestas y rondas de inmediato. Una persona administradora puede invitarle de nuevo más adelante.
confirm-cancel = Cancelar

role-observer = Observador/a
role-member = Socio/a
role-facilitator = Facilitador/a
role-admin = Administrador/a
state-invited = Invitado/a
state-active = Activo/a
state-suspended = Suspendido/a
state-left = Baja

invitation-title = Invitación
invitation-offer = Te invitan a unirte a { $organisation } como { $role }.
invitation-accept = Aceptar la invitación
invitation-sign-in-first = Crea una cuenta o inicia sesión y vuelve a este enlace.
invitation-new = Nueva invitación
invitation-create = Crear enlace de invitación
invitation-created = El enlace de invitación está listo. Cópialo ahora: solo se muestra una vez.
invitation-link = Enlace de invitación
invitation-list = Invitaciones
invitation-expires = Caduca
invitation-uses = Usos
invitation-revoke = Retirar
invitation-revoked = Retirada
invitation-any-address = Cualquiera con el enlace

problem-sign_in_failed = El correo electrónico o la contraseña no son correctos.
problem-throttled = Demasiados intentos. Espera unos minutos y vuelve a probar.
problem-email_taken = Ya existe una cuenta con este correo; inicia sesión.
problem-display_name_length = El nombre visible debe tener entre { $min } y { $max } caracteres.
problem-control_characters = Este texto no puede contener caracteres de control (como códigos de escape, NUL o saltos de línea en un nombre).
problem-invalid_utf8 = El formulario envió texto que no es UTF-8 válido.
problem-current_password_wrong = La contraseña actual no es correcta.
problem-password_too_short = La contraseña debe tener al menos { $min } caracteres (tiene { $actual }).
problem-password_too_long = La contraseña debe tener como mucho { $max } caracteres (tiene { $actual }).
problem-password_common = Esta contraseña es de las más comunes; elige otra.
problem-password_contains_email = La contraseña no debe contener tu correo electrónico.
problem-password_contains_name = La contraseña no debe contener tu nombre.
problem-language_unknown = Elige uno de los idiomas ofrecidos.
problem-slug_taken = Otra organización ya usa esta dirección web; elige otra.
problem-name_empty = La organización necesita un nombre.
problem-name_too_long = El nombre puede tener como máximo { $max } caracteres (tiene { $actual }).
problem-slug_empty = La dirección web necesita un nombre corto, como cooperativa-valle-verde.
problem-slug_too_long = La dirección web puede tener como máximo { $max } caracteres (tiene { $actual }).
problem-slug_bad_characters = La dirección web solo puede usar letras minúsculas de la a a la z, cifras y guiones.
problem-slug_edge_hyphen = La dirección web no puede empezar ni terminar con un guion.
problem-slug_reserved = Quorate reserva esta dirección web; elige otra.
problem-time_zone_unknown = Elige una zona horaria de la lista.
problem-language_unsupported = Elige uno de los idiomas ofrecidos.
problem-email_empty = Escribe una dirección de correo.
problem-email_too_long = La dirección de correo es demasiado larga.
problem-email_has_spaces = Una dirección de correo no tiene espacios.
problem-email_not_one_at = Una dirección de correo tiene exactamente una @, como en nombre@ejemplo.org.
problem-email_no_local_part = Pon tu nombre antes de la @, como en nombre@ejemplo.org.
problem-email_bad_domain = Lo que va después de la @ debe ser un dominio, como ejemplo.org.
problem-invitation_not_found = Este enlace de invitación no es válido. Pide uno nuevo a una persona administradora.
problem-invitation_role_not_allowed = No puedes invitar a personas con este papel.
problem-internal = Algo falló por nuestra parte (referencia { $reference }).
problem-role_unknown = Elige uno de los papeles ofrecidos.
problem-expiry_out_of_range = Una invitación caduca tras { $min } a { $max } días.
problem-max_uses_out_of_range = Permite entre { $min } y { $max } usos, o déjalo vacío para no limitarlo.
problem-invitation_expired = Esta invitación ha caducado. Pide una nueva.
problem-invitation_used_up = Esta invitación ya se ha usado todas las veces permitidas. Pide una nueva.
problem-invitation_revoked = Esta invitación se ha retirado. Pide una nueva.
problem-invitation_for_another_address = Esta invitación es para otro correo electrónico. Inicia sesión con ese correo.
problem-already_a_member = Ya eres socio/a de esta organización.
problem-last_admin_cannot_leave = La última persona administradora no puede salir; nombra antes a otra.
problem-last_admin_cannot_be_demoted = La última persona administradora no puede cambiar de papel; nombra antes a otra.
problem-last_admin_cannot_be_suspended = La última persona administradora no puede ser suspendida.
problem-last_admin_cannot_be_removed = La última persona administradora no puede ser dada de baja.
problem-invalid_transition = Este cambio no es posible desde el estado actual.
problem-role_unchanged = Esta persona ya tiene este papel.
problem-not_signed_in = Inicia sesión primero.
problem-not_a_member = Solo las personas socias de esta organización pueden hacerlo.
problem-membership_not_active = Solo las personas socias activas pueden hacerlo.
problem-role_too_low = Tu papel no lo permite.
problem-observers_do_not_vote = Las personas observadoras no votan.

org-groups-link = Grupos
groups-none = Esta organización aún no tiene grupos.
groups-new = Nuevo grupo
groups-create = Crear grupo
groups-add-member = Añadir a una persona socia
groups-add = Añadir
groups-remove-member = Quitar del grupo
problem-name_length = El nombre debe tener entre { $min } y { $max } caracteres.
problem-description_too_long = La descripción puede tener como máximo { $max } caracteres (tiene { $actual }).
problem-group_slug_taken = Otro grupo de esta organización ya usa esta dirección.
problem-group_member_not_active = Solo las personas socias activas pueden unirse a un grupo.

account-sessions = Otros dispositivos
account-sessions-text = ¿Has iniciado sesión en algún sitio que ya no usas? Cierra todas las sesiones menos esta.
account-end-other-sessions = Cerrar sesión en los demás sitios
account-email-sent = Hemos enviado un enlace a la dirección. Funciona durante { $hours } horas; la dirección cambia (o se confirma) cuando lo abres.
account-email-confirmed = Tu dirección de correo está confirmada.
account-email-unconfirmed = Tu dirección de correo aún no está confirmada. Las invitaciones para ella solo se pueden aceptar cuando lo esté.
account-email-unverifiable = Este Quorate no puede enviar correo, así que no puede confirmar direcciones.
account-email-send-link = Envíame un enlace de confirmación
account-identity-provider = Proveedor
account-identity-linked = Vinculado
account-identity-used = Último uso
account-identity-never = Sin registrar
account-identity-only-way = Tu única forma de iniciar sesión
account-unlink-provider = Desvincular { $provider }
email-sent-title = Revisa tu correo
email-sent-text = Hemos enviado un mensaje a la dirección que indicaste. Abre el enlace que contiene para continuar; funciona durante { $hours } horas. ¿No llegó nada? Mira en la carpeta de spam o regístrate de nuevo para recibir un enlace nuevo.
email-confirm-title = Confirma tu dirección de correo
email-confirm-sign-up = Confirma { $email } para crear tu cuenta.
email-confirm-change = Confirma { $email } como la dirección de tu cuenta.
email-confirm-button = Confirmar
invitation-unverifiable = Este Quorate no puede enviar correo, así que no puede comprobar que las personas controlan las direcciones que dan: una invitación para una dirección la puede aceptar cualquiera que inicie sesión con esa dirección. Entrega tú los enlaces a sus destinatarios, o configura smtp_url para que las direcciones se confirmen.
problem-confirmation_link_unusable = Este enlace de confirmación no funciona: ya se usó, caducó (los enlaces funcionan durante { $hours } horas) o está mal copiado. Pide uno nuevo.
problem-last_sign_in_method = Es la única forma de iniciar sesión en esta cuenta: define una contraseña o vincula otro proveedor antes.
problem-invitation_address_unconfirmed = Esta invitación es para tu dirección de correo, que aún no has confirmado: confírmala desde la página de tu cuenta y vuelve a abrir la invitación.

mail-invitation-subject = { $inviter } te invita a { $organisation } en Quorate
mail-invitation-body = { $inviter } te invita a unirte a { $organisation } en Quorate, donde sus personas socias deciden en común.

    Abre este enlace para aceptar la invitación (allí puedes crear una cuenta):
    { $link }

    Si no esperabas esta invitación, puedes ignorar este mensaje.

# Signing in with OpenID providers
signin-with-provider-heading = O inicia sesión con
signin-with-provider = Iniciar sesión con { $provider }
account-providers = Proveedores de inicio de sesión
account-providers-text = Vincula un proveedor para iniciar sesión en esta cuenta con él.
account-link-provider = Vincular { $provider }
problem-oidc_unknown_provider = Aquí no hay ningún proveedor de inicio de sesión con ese nombre.
problem-oidc_provider_unavailable = No se puede contactar con el proveedor de inicio de sesión o no respondió correctamente. Inténtalo más tarde.
problem-oidc_denied = El inicio de sesión se canceló en el proveedor.
problem-oidc_provider_error = El proveedor de inicio de sesión informó de un error.
problem-oidc_state_mismatch = Este inicio de sesión no empezó en este navegador, así que se rechazó. Empieza de nuevo.
problem-oidc_flow_unknown = Este enlace de inicio de sesión ya se usó o ha caducado. Empieza de nuevo.
problem-oidc_link_session_changed = Ya no tienes la sesión iniciada en la cuenta que estabas vinculando. Inicia sesión y empieza de nuevo.
problem-oidc_exchange_refused = El proveedor de inicio de sesión no confirmó el inicio de sesión. Empieza de nuevo.
problem-oidc_token_invalid = La respuesta del proveedor de inicio de sesión no superó nuestras comprobaciones.
problem-oidc_nonce_mismatch = La respuesta del proveedor de inicio de sesión pertenece a otro inicio de sesión. Empieza de nuevo.
problem-oidc_identity_linked_elsewhere = Este inicio de sesión ya está vinculado a otra cuenta de Quorate.
problem-oidc_email_has_account = Ya existe una cuenta con esta dirección de correo. Inicia sesión con su contraseña y después vincula el proveedor en la página de tu cuenta.
problem-oidc_no_email = El proveedor no nos indicó ninguna dirección de correo.
problem-oidc_email_unverified = El proveedor no ha verificado tu dirección de correo.

# Propuestas
proposals-heading = Propuestas
proposals-none = Todavía no hay propuestas.
proposals-filter = Mostrar propuestas
proposals-all-groups = Todos los grupos
proposal-state-all = Todas
proposal-state-draft = Borrador
proposal-state-discussion = En debate
proposal-state-decided = Decidida
proposal-state-withdrawn = Retirada
pagination = Páginas
pagination-previous = Página anterior
pagination-next = Página siguiente
pagination-page = Página { $page }
proposal-new-title = Nueva propuesta
proposal-new-lead = Tu borrador solo lo ven tú y las personas coautoras que elijas, hasta que lo publiques para el debate.
proposal-whole-organisation = Toda la organización
proposal-save-draft = Guardar borrador
proposal-save = Guardar
proposal-number = Propuesta { $number }
proposal-revision-number = Revisión { $number }
proposal-authors = Autoría
proposal-latest-revision = Última revisión
proposal-for-authors = Para quienes la firman
proposal-edit = Editar la propuesta
proposal-edit-makes-revision = Al guardar se crea la siguiente revisión numerada; las anteriores siguen disponibles.
proposal-publish = Publicar para el debate
proposal-publish-hint = Al publicarla, toda la organización verá la propuesta como revisión 1.
proposal-add-co-author = Añadir una persona coautora
proposal-add = Añadir
proposal-withdraw = Retirar la propuesta
proposal-withdrawn-by = Retirada por { $name } el { $at }:
proposal-history = Historial
proposal-compare-latest = Comparar la última revisión con la anterior
proposal-older-revision = Esta es una revisión anterior.
proposal-see-latest = Ver la última
proposal-compare-with-latest = Comparar con la última
proposal-compare = Comparar
proposal-compare-from = Desde
proposal-compare-to = Hasta
proposal-compare-heading = Revisión { $from } comparada con la revisión { $to }
proposal-diff-legend = Las palabras añadidas aparecen subrayadas entre [+ y +]; las eliminadas, tachadas entre [- y -].
proposal-conflict-title = Alguien guardó una versión más reciente
proposal-conflict-since = Qué cambió desde la revisión { $from }, donde empezaste, hasta la revisión { $to }:
proposal-conflict-since-draft = Lo que dice ahora el borrador guardado, comparado con nada (empezaste desde un borrador anterior):
proposal-conflict-newer-text = El texto más reciente, tal como está guardado
proposal-conflict-your-text = Tu edición se conserva en el formulario de abajo: incorpora los cambios más recientes y vuelve a guardar.
diff-inserted = añadido:
diff-deleted = eliminado:
field-proposal-title = Título
field-proposal-summary = Resumen
field-proposal-summary-hint = Una o dos frases: qué pide la propuesta que decida la organización.
field-proposal-body = Propuesta
field-proposal-body-hint = Markdown: *cursiva*, **negrita**, listas, enlaces, tablas. El HTML se muestra tal como se escribe.
field-proposal-due-on = Fecha límite del debate
field-proposal-due-on-hint = Opcional. Con el formato AAAA-MM-DD.
field-proposal-group = Grupo
field-proposal-note = Qué ha cambiado
field-proposal-note-hint = Opcional, una línea; aparece en el historial.
field-withdraw-reason = Por qué se retira (se muestra en la propuesta)
problem-text_length = Debe tener entre { $min } y { $max } caracteres (tiene { $actual }).
problem-text_too_long = Puede tener como máximo { $max } caracteres (tiene { $actual }).
problem-due_date_malformed = La fecha límite debe ser una fecha con el formato AAAA-MM-DD.
problem-due_date_in_the_past = La fecha límite debe ser hoy ({ $today }) o posterior.
problem-edit_conflict = Alguien guardó una versión más reciente (ahora la versión { $current }) después de que empezaras desde la versión { $started_from }: mira qué cambió y vuelve a guardar.
problem-proposal_unchanged = No ha cambiado nada: el texto es igual que la última revisión.
problem-co_author_not_active = Una persona coautora debe ser miembro activo.
problem-co_author_observer = Las personas observadoras leen y comentan, pero no firman propuestas.
problem-co_author_not_in_group = Quien firme una propuesta de un grupo debe pertenecer al grupo.
problem-already_an_author = Esta persona ya firma la propuesta.
problem-group_unknown = No existe ese grupo en esta organización.
problem-member_unknown = No existe ese miembro en esta organización.
problem-not_an_author = Solo quienes firman la propuesta pueden hacer esto.
problem-not_in_group = Solo los miembros del grupo de la propuesta pueden hacer esto.
problem-proposal_state = Esto no se puede hacer mientras la propuesta está { $state ->
        [draft] en borrador
        [discussion] en debate
        [decided] decidida
       *[withdrawn] retirada
    }.
problem-round_open = Hay una votación abierta sobre esta propuesta, así que su texto no puede cambiar.

# Comentarios
comments-heading = Debate
comments-none = Todavía no hay comentarios.
comments-closed = Se puede comentar mientras la propuesta está en debate, si eres miembro activo de la organización.
comment-new = Añadir un comentario
comment-post = Publicar comentario
comment-preview = Vista previa
comment-preview-heading = Vista previa: así se verá tu comentario
comment-reply = Responder
comment-replying-to = En respuesta a { $name }
comment-see = ver el comentario
comment-reply-cancel = escribir un comentario nuevo
comment-edit = Editar comentario
comment-edit-kept = El texto anterior sigue disponible en «versiones anteriores».
comment-save = Guardar
comment-edited = editado el { $at }
comment-earlier-versions = Versiones anteriores
comment-replaced = Hasta el { $at }:
comment-delete = Eliminar comentario
comment-delete-question = ¿Eliminar este comentario?
comment-delete-consequence = Su texto desaparece; el hilo muestra «comentario eliminado» en su lugar y las respuestas se mantienen.
comment-deleted = Comentario eliminado.
comment-hide = Ocultar comentario
comment-hidden = Ocultado por una persona facilitadora:
comment-hidden-you-see = Aún puedes leerlo, como autor o persona facilitadora:
proposal-comment-count = { $count ->
        [one] 1 comentario
       *[other] { $count } comentarios
    }
proposal-unread = Nuevo
field-comment = Tu comentario
field-comment-hint = Markdown. Menciona a un miembro con @ y su nombre sin espacios (@AdaOkafor).
field-hide-reason = Por qué se oculta (se muestra en su lugar)
problem-reply_elsewhere = El comentario al que respondes pertenece a otra propuesta.
problem-reply_to_removed = El comentario al que respondes se eliminó o se ocultó.
problem-comment_unchanged = No ha cambiado nada.
problem-comment_hidden_already = Este comentario ya está oculto.
problem-not_comment_author = Solo quien escribió el comentario puede hacer esto.

# Enmiendas
amendments-heading = Enmiendas
amendments-none = Todavía no hay enmiendas.
amendment-number = Enmienda { $number }
amendment-state-open = Abierta
amendment-state-accepted = Aceptada
amendment-state-declined = Rechazada
amendment-new-title = Proponer una enmienda
amendment-new-lead = Cambia el texto de la revisión { $number } como lo querrías y explica por qué. Las personas autoras de la propuesta la aceptan (pasa a ser la siguiente revisión, atribuida a ti) o la rechazan con un motivo.
amendment-propose = Proponer enmienda
amendment-against = Propuesta por { $name } el { $at }; cambia la revisión { $number }.
amendment-reason = Por qué
amendment-changes = Qué cambia
amendment-accepted-by = Aceptada por { $name } el { $at }; pasó a ser la
amendment-declined-by = Rechazada por { $name } el { $at }:
amendment-outdated-notice = La propuesta está ahora en la revisión { $current } y esta enmienda cambia la revisión { $base }, así que ya no puede aceptarse tal cual: sus autores pueden rechazarla, y quien la propuso puede volver a proponerla sobre el texto nuevo.
amendment-for-authors = Para las personas autoras de la propuesta
amendment-accept = Aceptar la enmienda
amendment-accept-hint = Al aceptarla, su texto pasa a ser la siguiente revisión, atribuida a quien la propuso.
amendment-decline = Rechazar la enmienda
field-amendment-reason = Por qué este cambio (se muestra con la enmienda)
field-decline-reason = Por qué se rechaza (se muestra con la enmienda)
problem-amendment_unchanged = El texto de la enmienda es igual al de la propuesta: cambia algo.
problem-amendment_decided = Esta enmienda ya fue { $state ->
        [accepted] aceptada
       *[declined] rechazada
    }.
problem-amendment_stale = La propuesta pasó a la revisión { $current } mientras escribías sobre la revisión { $base }: mira el texto nuevo y vuelve a enviar tu enmienda.
problem-amendment_outdated = Esta enmienda cambia la revisión { $base }, pero la propuesta está ahora en la revisión { $current }: aceptarla desharía los cambios intermedios.

# Búsqueda
search-title = Buscar
search-label = Buscar en propuestas y comentarios
search-button = Buscar
search-results-for = Resultados para «{ $query }»
search-none = No se encontró nada. Deben aparecer todas las palabras que escribas; prueba con menos.
search-kind-proposal = propuesta
search-kind-comment = comentario

# Rondas de decisión
round-state-scheduled = Programada
round-state-open = Abierta
round-state-closed = Cerrada
round-state-cancelled = Cancelada
problem-round_state = Esto no se puede hacer mientras la ronda está { $state ->
        [scheduled] programada
        [open] abierta
        [closed] cerrada
       *[cancelled] cancelada
    }.
problem-round_not_due = Todavía no es el momento de hacer esto en la ronda.
problem-round_closes_too_early = La hora de cierre debe ser posterior a la de apertura, y posterior a ahora.
problem-round_extension_not_later = Una prórroga debe retrasar la hora de cierre.
problem-round_early_close_needs_reason = Una ronda se cierra antes de tiempo cuando han votado todas las personas con derecho a voto, o por una persona facilitadora que da un motivo.
problem-round_option_count = Una ronda necesita entre { $min } y { $max } opciones (tiene { $actual }).
problem-round_duplicate_option = Dos opciones se llaman «{ $name }».
problem-round_winners = Las personas ganadoras o los puestos deben estar entre 1 y { $max }.
problem-round_budget = Los puntos y los créditos deben ser al menos 1.
problem-round_fraction = Una fracción se escribe p/q con 0 < p ≤ q (para un quórum, 0 ≤ p ≤ q).
problem-round_quorum_beyond_electorate = El quórum pide más papeletas de las que hay votantes ({ $electorate }).

# Rondas de decisión: la regla en palabras sencillas
round-rule-consent-none = Se adopta si nadie se opone.
round-rule-consent = Se adopta si se oponen como mucho { $objections } personas.
round-rule-majority = Se adopta si { $comparison ->
        [at-least] al menos
       *[more-than] más de
    } { $fraction } de { $base ->
        [all-ballots] todas las papeletas emitidas
        [electorate] quienes pueden votar
       *[votes-cast] los votos a favor o en contra
    } son sí.
round-rule-approval = Cada persona aprueba las opciones que quiera; ganan las { $winners } con más aprobaciones.
round-rule-score = Cada persona puntúa cada opción de 0 a 5; gana el total más alto.
round-rule-dot = Cada persona reparte hasta { $points } puntos entre las opciones; gana el total más alto.
round-rule-borda = Cada persona ordena las opciones; gana la que suma más puntos Borda.
round-rule-irv = Cada persona ordena las opciones; por segunda vuelta instantánea, se elimina la opción con menos votos hasta que una tenga más de la mitad.
round-rule-stv = Cada persona ordena las opciones; se cubren { $seats } puestos por voto único transferible ({ $rules ->
        [meek] método de Meek
       *[scottish] reglas escocesas
    }).
round-rule-schulze = Cada persona ordena las opciones, con empates permitidos; el método Schulze encuentra la ganadora.
round-rule-quadratic = Cada persona tiene { $credits } créditos de voz (n votos a una opción cuestan n²); las opciones se ordenan por sus votos.
round-rule-quadratic-against = Cada persona tiene { $credits } créditos de voz (n votos a favor o en contra de una opción cuestan n²); las opciones se ordenan por sus votos.
round-quorum-none = Sin quórum: el resultado vale participe quien participe.
round-quorum = Deben participar al menos { $needed } de las { $voters } personas de { $scope }.
round-closes = Se cierra el { $weekday ->
        [mon] lunes
        [tue] martes
        [wed] miércoles
        [thu] jueves
        [fri] viernes
        [sat] sábado
       *[sun] domingo
    } { $day } de { $month ->
        [m1] enero
        [m2] febrero
        [m3] marzo
        [m4] abril
        [m5] mayo
        [m6] junio
        [m7] julio
        [m8] agosto
        [m9] septiembre
        [m10] octubre
        [m11] noviembre
       *[m12] diciembre
    }, a las { $time } ({ $zone }).

# Rondas de decisión: páginas
proposal-rounds = Rondas de decisión
org-open-rounds = Rondas de decisión abiertas
round-start = Iniciar una ronda de decisión
round-number = Ronda { $number }
round-closes-in = se cierra en { $days ->
        [0] { "" }
       *[other] { $days } d{ " " }
    }{ $hours } h { $minutes } min
round-you-voted = ya has votado
round-you-have-not-voted = a la espera de tu voto
round-method-consent = Consentimiento
round-method-majority = Mayoría
round-method-approval = Aprobación
round-method-score = Puntuación (0–5)
round-method-dot = Voto por puntos
round-method-borda = Recuento Borda
round-method-irv = Voto preferencial (segunda vuelta instantánea)
round-method-stv-scottish = Voto único transferible (reglas escocesas)
round-method-stv-meek = Voto único transferible (Meek)
round-method-schulze = Condorcet (Schulze)
round-method-quadratic = Voto cuadrático
round-tie-previous-rounds-then-order = Rondas anteriores del recuento y, después, el orden de la papeleta
round-tie-previous-rounds-then-lot = Rondas anteriores del recuento y, después, un sorteo público
round-tie-order = El orden de la papeleta
round-tie-lot = Un sorteo público
round-outcome-no-quorum = sin quórum
round-outcome-adopted = adoptada
round-outcome-not-adopted = no adoptada
round-outcome-elected = decidida
round-new-title = Iniciar una ronda de decisión
round-new-lead = La ronda decide la revisión { $revision } de la propuesta.
round-new-voters = Ahora pueden votar { $voters } personas de { $scope }; la lista se fija cuando se abre la ronda.
round-statement-heading = La regla, en palabras sencillas
round-parameters = Los ajustes del método
round-parameters-hint = Solo cuentan los ajustes del método elegido; los demás se ignoran.
round-comparison-more-than = más de
round-comparison-at-least = al menos
round-base-votes-cast = los votos a favor o en contra (sin contar las abstenciones)
round-base-all-ballots = todas las papeletas emitidas
round-base-electorate = quienes pueden votar
round-options = Opciones
round-options-from-list = Las opciones de la lista de abajo
round-options-from-amendments = La propuesta tal como está y sus { $count } enmiendas abiertas
round-times-hint = Fecha y hora en { $zone }.
round-check-rule = Comprobar la regla
round-create = Crear la ronda
field-round-method = Método
field-round-threshold = Umbral (mayoría)
field-round-threshold-hint = Una fracción como 1/2 o 2/3.
field-round-comparison = Comparación (mayoría)
field-round-base = Sobre qué se cuenta (mayoría)
field-round-max-objections = Objeciones toleradas (consentimiento)
field-round-winners = Ganadoras (aprobación)
field-round-seats = Puestos (voto único transferible)
field-round-points = Puntos por persona (voto por puntos)
field-round-credits = Créditos de voz por persona (cuadrático)
field-round-allow-negative = Se permiten votos en contra (cuadrático)
field-round-batch-elimination = Eliminar a la vez todas las opciones sin posibilidades (segunda vuelta instantánea)
field-round-continue-until-two = Seguir contando hasta que queden dos opciones (segunda vuelta instantánea)
field-round-options-from = De dónde salen las opciones
field-round-options = Opciones, una por línea
field-round-options-hint = Las rondas de consentimiento y de mayoría deciden sobre la propia propuesta y no necesitan opciones.
field-round-quorum = Quórum
field-round-quorum-hint = Una fracción de quienes pueden votar (1/3), un número de papeletas (12) o vacío para no exigirlo.
field-round-opens-at = Se abre
field-round-closes-at = Se cierra
field-round-secret = Voto secreto (definitivo una vez emitido, con un código de recibo)
field-round-running-results = Mostrar los resultados mientras la ronda está abierta
field-round-tie-policy = Los empates se deshacen por
round-rule = La regla
round-method = Método
round-decides = Decide
round-opens = Se abre
round-closes-label = Se cierra
round-ballot = Voto
round-secret = secreto
round-open-ballot = abierto (las personas socias ven quién votó qué tras el cierre)
round-participation-heading = Participación
round-participation = Han votado { $voted } de { $electorate }; el quórum exige { $needed }.
round-receipt-heading = Tu código de recibo
round-receipt-keep = Guárdalo: solo se muestra ahora. Tras el cierre, búscalo entre las papeletas publicadas para comprobar que tu papeleta se contó tal como la emitiste.
round-receipt-not-receipt-free = Un recibo permite a quien lo tenga mostrar tu papeleta a otra persona, así que no lo compartas.
round-your-ballot = Tu papeleta
round-secret-final = Esta votación es secreta: una vez emitida, tu papeleta es definitiva y no se puede cambiar.
round-open-changeable = Ya has votado. Puedes cambiar tu papeleta hasta que se cierre la ronda; cuenta la última.
round-secret-already-voted = Ya has emitido tu voto secreto en esta ronda.
round-cannot-vote = No puedes votar en esta ronda: solo pueden hacerlo las personas socias que podían votar cuando se abrió.
round-ballot-consent = Tu postura
round-position-consent = Doy mi consentimiento
round-position-concern = Doy mi consentimiento, con una reserva
round-position-stand_aside = Me hago a un lado
round-position-object = Me opongo
field-ballot-reason = Motivo
field-ballot-reason-hint = Obligatorio si te opones; bienvenido si tienes una reserva.
round-ballot-majority = Tu voto
round-choice-yes = Sí
round-choice-no = No
round-choice-abstain = Abstención
round-ballot-approval = Aprueba todas las opciones que apoyes; ganan las { $winners } con más aprobaciones.
round-ballot-dot = Reparte hasta { $budget } puntos entre las opciones.
round-ballot-quadratic = Tienes { $budget } créditos de voz: n votos a una opción cuestan n².
round-ballot-quadratic-against = Tienes { $budget } créditos de voz: n votos a favor o en contra (negativos) de una opción cuestan n².
round-ballot-schulze = Da a cada opción una posición (1 es la mejor); con el mismo número, las opciones quedan empatadas; deja una opción sin posición para situarla por debajo de todas las que ordenes.
round-unranked = sin ordenar
round-ballot-ranked = Ordena las opciones: tu primera preferencia, la primera. Deja vacías las preferencias que no quieras usar.
round-rank = Preferencia { $rank }
round-cast = Emitir mi voto
round-cast-secret = Emitir mi voto secreto (definitivo)
round-change-ballot = Cambiar mi voto
round-result = Resultado
round-running-results = Resultados provisionales (la ronda sigue abierta)
round-result-no-quorum = Sin quórum: se emitieron { $ballots } papeletas y se necesitaban { $needed }. No se adopta ni se elige nada.
round-result-majority-adopted = Adoptada: { $yes } votos sí de { $base } contados ({ $percent } %), umbral { $threshold }; quórum { $ballots } de { $electorate }, se necesitaban { $needed }.
round-result-majority-not-adopted = No adoptada: { $yes } votos sí de { $base } contados ({ $percent } %), umbral { $threshold }; quórum { $ballots } de { $electorate }, se necesitaban { $needed }.
round-result-consent-adopted = Adoptada por consentimiento: { $objections } objeciones; quórum { $ballots } de { $electorate }, se necesitaban { $needed }.
round-result-consent-not-adopted = No adoptada: { $objections } objeciones; quórum { $ballots } de { $electorate }, se necesitaban { $needed }.
round-result-elected = Decidido: { $winners }. Quórum { $ballots } de { $electorate }, se necesitaban { $needed }.
round-stage-table = Totales en cada etapa
round-option = Opción
round-stage = Etapa { $number }
round-report = El recuento, etapa por etapa
round-digest = SHA-256 del informe guardado:
round-outcome-statement = Conclusión
field-round-statement = Texto de la conclusión
round-write-outcome = Guardar la conclusión
round-ballots = Papeletas
round-receipt = Código de recibo
round-voter = Persona socia
round-receipt-lookup = Busca tu código de recibo
round-receipt-find = Buscar
round-receipt-found = El recibo { $code } se contó así: { $ballot }
round-receipt-not-found = Ninguna papeleta tiene el recibo { $code }.
round-files = Archivos
round-for-facilitators = Para las personas facilitadoras
round-voter-roll = Censo de votantes
round-voter-roll-hint = Quién ha votado hasta ahora, para animar a participar.
round-voter-roll-secret = Quién ha votado hasta ahora; nunca qué.
round-roll-voted = ha votado
round-roll-not-yet = aún no
round-extend = Prorrogar
field-round-new-closes-at = Nueva hora de cierre
field-round-reason = Motivo
round-close-early = Cerrar ahora
round-close-early-hint = Sin motivo, solo cuando han votado todas las personas con derecho a voto.
round-cancel = Cancelar la ronda
problem-ballot_nothing_chosen = Elige primero una de las posturas.
problem-ballot_not_a_number = «{ $option }» necesita un número entero.
problem-ballot_unknown_option = No es una de las opciones de esta ronda.
problem-ballot_already_cast = Ya has votado en esta ronda secreta; un voto secreto es definitivo una vez emitido.
problem-wrong_ballot_shape = Esta papeleta no se ajusta al método de la ronda.
problem-unknown_option = No es una de las opciones de esta ronda.
problem-duplicate_option = «{ $option }» está elegida más de una vez; cada opción solo puede marcarse una vez.
problem-equal_ranks = La posición { $rank } tiene varias opciones; las posiciones iguales solo se permiten en un recuento Schulze.
problem-too_many_approvals = Has aprobado { $approved } opciones; esta ronda permite como mucho { $max }.
problem-score_out_of_range = «{ $option }» tiene una puntuación de { $score }; las puntuaciones van de 0 a 5.
problem-negative_points = «{ $option }» tiene { $points } puntos; los puntos no pueden ser negativos.
problem-points_over_budget = Has repartido { $spent } puntos; cada persona tiene { $budget }.
problem-negative_votes_not_allowed = «{ $option }» tiene { $votes } votos; esta ronda no permite votos en contra.
problem-quadratic_over_budget = Esta papeleta cuesta { $cost } créditos de voz; cada persona tiene { $budget }.
problem-objection_without_reason = Una objeción debe dar un motivo.
problem-round_method_unknown = Elige uno de los métodos.
problem-round_not_a_number = Escribe un número entero.
problem-round_not_a_fraction = Escribe una fracción como 1/2 o 2/3.
problem-round_quorum_unreadable = Escribe el quórum como fracción de quienes pueden votar (1/3) o como número de papeletas (12), o déjalo vacío.
problem-round_not_a_time = Escribe una fecha y una hora que existan en la zona horaria de la organización.
problem-round_required = Este campo es obligatorio.
problem-round_already_active = Ya hay una ronda programada o abierta sobre esta propuesta.
problem-round_statement_empty = Escribe primero el texto de la conclusión.
problem-not_in_electorate = Solo pueden votar en esta ronda las personas socias que podían votar cuando se abrió.
round-charts = Gráficos
round-transfers = Cómo pasaron los votos de una etapa a la siguiente
round-state-heading = Estado
round-points-used = Puntos usados: { $used } de { $budget }
round-credits-used = Créditos de voz gastados: { $cost } de { $budget }
round-ranked-list = Tu orden de preferencia, la primera opción primero
round-not-ranked-yet = Sin ordenar todavía:
round-move-up = Subir { $option }
round-move-down = Bajar { $option }
round-unrank = Quitar { $option } de tu orden
round-rank-add = Añadir { $option } a continuación
round-rank-moved = { $option } es ahora la opción { $rank }.
round-rank-added = { $option } es ahora la opción { $rank }.
round-rank-removed = { $option } ya no está en tu orden.
round-stages-caption = Qué pasó en cada etapa
round-stage-col = Etapa
round-quota = Cuota
round-threshold-to-win = Votos necesarios para ganar
round-elected = Elegidas
round-excluded = Excluidas
round-transferred = Transferidos
round-exhausted = Agotados
round-non-transferable = No transferibles
round-exhausted-short = agotados
round-totals-caption = Totales
round-total = Total
round-wins = Gana
round-pairwise-d = Papeletas que prefieren la opción de la fila a la de la columna
round-pairwise-p = Caminos más fuertes de la opción de la fila a la de la columna
round-credits-summary = Créditos de voz gastados: { $total } en total, { $budget } por votante.
round-credits-caption = Cuántos créditos gastó cada papeleta
round-credits = Créditos gastados
round-ballot-count = Papeletas
round-positions-caption = Posiciones
round-position = Posición
round-weight = Papeletas
round-max-objections = Objeciones toleradas: { $count }
round-objections-heading = Objeciones y sus motivos
round-concerns-heading = Inquietudes
round-ties-heading = Empates
round-tie = Etapa { $stage }: { $tied } empataron { $decision }; se deshizo por { $rule }: { $picked }.
round-tie-decision-winner = por ganar
round-tie-decision-election-order = por el orden de elección
round-tie-decision-surplus-order = por qué excedente se transfiere primero
round-tie-decision-elimination = para la eliminación
round-tie-decision-exclusion = para la exclusión
round-tie-decision-defeat = para la derrota
round-tie-decision-last-places = por los últimos puestos
round-tie-rule-previous-rounds = las etapas anteriores
round-tie-rule-order = el orden de la papeleta
round-tie-rule-lot = el sorteo público
round-lot-caption = El sorteo: cada opción en el orden de su clave, el SHA-256 de la semilla y el identificador de la opción
round-lot-key = Clave
minutes-heading = Decisión sobre la propuesta { $number }: { $title }
minutes-round = Ronda de decisión { $round }, sobre la revisión { $revision }
minutes-closed = Cerrada
minutes-closed-early = Cerrada antes de tiempo porque
minutes-check = Cómo comprobarlo
minutes-audit-entry = El cierre es la entrada de auditoría { $seq }, hash { $hash }.
minutes-verify = Cualquiera con la exportación de la organización puede recalcular la cadena de auditoría y volver a contar cada ronda:
minutes-secret = Voto secreto: nadie, ni siquiera las personas facilitadoras, puede ver quién votó qué; cada papeleta se publica con su código de recibo.
minutes-open = Voto abierto: los miembros ven quién votó qué.
minutes-title = Acta
minutes-print = Imprimir
minutes-link = Acta de esta decisión (impresión, Markdown, JSON)
minutes-downloads = Descarga el acta:
calendar-summary = Cierra: { $title } ({ $org })
calendar-description = Cierra la ronda de decisión { $round } sobre la propuesta { $number } de { $org }.
account-calendar = Calendario
account-calendar-text = Una dirección secreta a la que puede suscribirse tu aplicación de calendario: las horas de cierre de las rondas en las que puedes votar, en todas tus organizaciones. Quien tenga la dirección las ve; puedes hacer una nueva cuando quieras (la antigua deja de funcionar).
account-calendar-none = No tienes dirección de calendario.
account-calendar-since = Tienes una dirección de calendario, hecha el { $date }.
account-calendar-make = Haz una dirección de calendario
account-calendar-replace = Haz una dirección nueva (la antigua deja de funcionar)
account-calendar-off = Desactiva el calendario
account-calendar-new = Tu dirección de calendario (se muestra una sola vez; cópiala ahora en tu aplicación de calendario):
account-calendar-keep = Quorate solo guarda una huella, así que no puede volver a mostrarla.
problem-meeting_link_not_web = Un enlace debe ser una dirección web que empiece por https:// o http://.
problem-meeting_not_a_proposal_number = Indica una propuesta por su número, o déjalo en blanco.
problem-meeting_too_many_guests = Una reunión lista como máximo { $max } invitados.
problem-meeting_state = Una reunión con el acta en estado { $state } no puede hacer esto.
field-round-reminder = Recordatorio antes del cierre (horas)
field-round-reminder-hint = Se recuerda a los miembros que aún no han votado tantas horas antes de que cierre la ronda; 0 para ningún recordatorio.
round-rule-reminder = Se recuerda a los miembros que no han votado { $hours } h antes del cierre.
round-rule-no-reminder = No se envía ningún recordatorio antes del cierre.
problem-round_reminder_range = Un recordatorio se envía de 0 (ninguno) a 336 horas (dos semanas) antes del cierre.
meetings-title = Reuniones
meetings-none = Aún no hay reuniones.
meetings-new = Una reunión nueva
meetings-create = Crea la reunión
field-meeting-title = Título
field-meeting-starts-at = Fecha y hora
field-meeting-link-hint = https://… (opcional)
field-meeting-guests-hint = Un nombre por línea: personas que no son miembros.
meeting-place = Lugar
meeting-link = Enlace
meeting-facilitator = Facilitación
meeting-minute-taker = Toma de acta
meeting-guests = Invitados
meeting-state-draft = Borrador
meeting-state-held = Celebrada
meeting-state-approved = Acta aprobada
meeting-approved-on = Acta aprobada el { $date } (versión { $version }).
meeting-not-approved = El acta aún no está aprobada.
meeting-attendance = Asistencia
meeting-present = Presentes
meeting-apologies = Excusados
meeting-absent = Ausentes
meeting-save-attendance = Guarda la asistencia
meeting-agenda = Orden del día
meeting-agenda-empty = Aún no hay nada en el orden del día.
meeting-add-item = Añade un punto
field-item-title = Punto
field-item-proposal = Número de propuesta
field-item-proposal-hint = El número de una propuesta de esta organización, por ejemplo 7 (opcional).
field-item-notes = Notas
meeting-edit-item = Edita este punto
meeting-save-item = Guarda el punto
meeting-minutes = Acta
meeting-hold = Marca la reunión como celebrada
meeting-approve = Aprueba el acta
meeting-approve-text = Una vez aprobada, el acta es de solo lectura; la cadena de auditoría registra su contenido.
meeting-minutes-heading = Acta: { $title }
meeting-approval = Aprobación
meeting-signature-chair = Presidencia
meeting-signature-minute-taker = Toma de acta
problem-meeting_person_unknown = Elige uno de los miembros activos de la organización.
problem-meeting_proposal_unknown = Esta organización no tiene ninguna propuesta { $number }.
round-quorum-meeting = Deben participar al menos { $needed } de los { $voters } miembros presentes en { $meeting }.
round-from-meeting = Esta ronda se abre desde un punto del orden del día de una reunión; constará en el acta de esa reunión.
meeting-actions = Acciones acordadas
meeting-action = Acción
meeting-action-owner = Responsable
meeting-action-due = Plazo
meeting-action-done = Hecha
meeting-action-mark-done = Marcarla como hecha
meeting-action-mark-open = Marcarla como no hecha
meeting-add-action = Añadir una acción
field-action-text = Qué hay que hacer
field-action-due = Plazo (opcional)
meeting-correcting = Reabierta para una corrección: { $reason }
meeting-correct = Reabrir el acta para corregirla
meeting-correct-text = La versión aprobada se mantiene tal como se aprobó. El acta corregida será la versión siguiente cuando se apruebe de nuevo, y ambas se pueden leer.
field-correction-reason = Por qué hay que corregirla
meeting-versions = Versiones aprobadas
meeting-version = Versión { $version }
meeting-version-line = Versión { $version }, aprobada el { $date }
meeting-version-reason = Versión { $version }, aprobada el { $date }: { $reason }
meeting-current-text = El texto actual
meeting-digest = SHA-256 del acta aprobada: { $digest }
meeting-approval-entry = La aprobación es la entrada { $seq } del registro de auditoría, hash { $hash }.
meeting-signature-date = Fecha
minutes-page-label = Página { $page } de { $pages }
meeting-open-round = Abrir una ronda de decisión sobre esta propuesta
meeting-settings = Configuración de las reuniones
field-paper = Papel de las actas impresas
paper-a4 = A4
paper-letter = Carta (EE. UU.)
field-quorum-from-attendance = Las rondas abiertas desde el orden del día de una reunión cuentan el quórum sobre los miembros presentes en la reunión
meeting-save-settings = Guardar la configuración de las reuniones
meeting-print-minutes = Acta para imprimir
meeting-calendar-file = Añadir esta reunión a un calendario (.ics)
calendar-meeting-summary = { $title } ({ $org })
calendar-meeting-description = Una reunión de { $org }: { $title }.
problem-meeting_paper_unknown = Elija A4 o Carta.
problem-round_agenda_item_unknown = Una ronda solo se puede abrir desde un punto del orden del día sobre esta propuesta.

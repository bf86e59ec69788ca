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

//! Building the HTTP application: state, routes, middleware, and serving until a shutdown
//! signal, finishing the requests in flight.

pub use crate::state::AppState;
use crate::{
    config::Config,
    db, health, instance, language,
    security::{self, AllowedOrigin},
    session,
};
use anyhow::Context;
use app::{App, shell};
use axum::serve::ListenerExt;
use axum::{
    Router,
    http::{HeaderName, Request},
    middleware,
    routing::{get, post},
};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sea_orm::DatabaseConnection;
use std::{future::Future, net::SocketAddr};
use tokio::net::TcpListener;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
};

/// A bound, ready-to-serve Quorate.
pub struct Application {
    listener: TcpListener,
    router: Router,
    base_url: String,
    connection: DatabaseConnection,
    scheduler: bool,
}

impl Application {
    /// Connects to and migrates the database, binds the address and builds the router.
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let connection = db::connect(&config.database_url).await?;
        Application::build_on(config, connection).await
    }

    /// [`Application::build`] on a connection opened already (tests count its queries).
    pub async fn build_on(
        config: Config,
        connection: DatabaseConnection,
    ) -> anyhow::Result<Application> {
        db::migrate(&connection).await?;
        instance::ensure_identity(&connection).await?;
        let address = config.bind_address()?;
        let listener = TcpListener::bind(address)
            .await
            .with_context(|| format!("cannot listen on {address}"))?;
        let local = listener.local_addr()?;
        let base_url = config
            .base_url
            .clone()
            .unwrap_or_else(|| format!("http://{local}"));
        let router = build_router(&config, connection.clone(), &base_url, local)?;
        Ok(Application {
            listener,
            router,
            base_url,
            connection,
            scheduler: config.scheduler,
        })
    }

    /// The port actually bound (useful with port 0).
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// The address people reach this instance at.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The database pool the application uses.
    pub fn database(&self) -> DatabaseConnection {
        self.connection.clone()
    }

    /// Serves until `shutdown` resolves, then lets requests in flight finish.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        // Rounds open and close on time while this process serves.
        let scheduler = self
            .scheduler
            .then(|| crate::scheduler::spawn(self.connection.clone()));
        // Each answer leaves at once: without TCP_NODELAY, Nagle's algorithm holds the last
        // part of a streamed page until the client acknowledges the one before (up to 40 ms).
        let listener = self.listener.tap_io(|connection| {
            if let Err(error) = connection.set_nodelay(true) {
                tracing::warn!(%error, "could not set TCP_NODELAY");
            }
        });
        let served = axum::serve(
            listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await
        .context("the server stopped with an error");
        if let Some(scheduler) = scheduler {
            scheduler.abort();
        }
        served
    }
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The Leptos page routes, generated once per process. Generating them runs the app with
/// resource loading suppressed through a process-wide flag (leptos_server's
/// `SuppressResourceLoad`): a page rendering in another application of the same process at
/// that moment would wait forever for its data (leptos#4773). Tests build many applications
/// in one process while others serve pages; generating the list once closes that window.
fn page_routes() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole HTTP application: plain routes, the Leptos pages, static files, and the
/// middleware stack (outermost first: request id, tracing, security headers, same-origin).
pub fn build_router(
    config: &Config,
    connection: DatabaseConnection,
    base_url: &str,
    local: SocketAddr,
) -> anyhow::Result<Router> {
    let leptos_options = LeptosOptions::builder()
        .output_name(crate::assets::bundle_name(&config.site_root))
        .site_root(config.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(local)
        .build();
    let mut allowed = AllowedOrigin::new(config.base_url.as_deref(), local)?;
    allowed.stylesheet = format!("/pkg/{}.css", leptos_options.output_name);
    let state = AppState {
        leptos_options: leptos_options.clone(),
        db: connection,
        base_url: base_url.trim_end_matches('/').to_owned(),
        secure_cookies: base_url.starts_with("https://"),
        mailer: config.mailer()?,
        oidc: crate::oidc::Providers::new(&config.oidc)?,
        trusted_proxies: crate::client_address::TrustedProxies::parse(&config.trusted_proxies)?,
        batches: Default::default(),
    };
    let routes = page_routes();
    let router = crate::actions::mount(Router::new())
        .route("/healthz", get(health::check))
        .route("/language", post(language::set))
        .route("/o/{slug}/rounds/{round}/live", get(crate::live::events))
        .route("/o/{slug}/export.json", get(crate::export::download))
        .route("/calendar/{file}", get(crate::calendar::feed))
        .route(
            "/o/{slug}/meetings/{number}/{file}",
            get(crate::downloads::meeting_file),
        )
        .route(
            "/o/{slug}/rounds/{round}/{file}",
            get(crate::downloads::file),
        )
        .route("/auth/oidc/{provider}/start", get(crate::oidc::start))
        .route("/auth/oidc/{provider}/callback", get(crate::oidc::callback))
        .leptos_routes_with_context(&state, routes, state.provide_contexts(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .merge(crate::assets::routes(&config.site_root))
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(state.provide_contexts(), shell))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session::resolve,
        ))
        .layer(middleware::from_fn(security::utf8_forms))
        .layer(middleware::from_fn_with_state(
            allowed,
            security::same_origin,
        ))
        .layer(middleware::from_fn(security::headers))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<_>| {
                    let id = request
                        .extensions()
                        .get::<RequestId>()
                        .and_then(|id| id.header_value().to_str().ok())
                        .unwrap_or_default();
                    tracing::info_span!(
                        "request",
                        method = %request.method(),
                        path = %crate::redact::path(request.uri().path()),
                        request_id = %id,
                    )
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        // Pages and data compressed on the fly (the bundle comes precompressed).
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .layer(CatchPanicLayer::new())
        .with_state(state);
    Ok(router)
}

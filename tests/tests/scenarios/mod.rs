//! Scenarios that must hold on every database engine. `sqlite.rs` and `postgres.rs` each run
//! all of them through [`engine_tests!`]; add a new scenario to its list there.

pub mod binary;
pub mod web;

/// Generates one `#[tokio::test]` per scenario for the given engine.
#[macro_export]
macro_rules! engine_tests {
    ($db:expr; $($module:ident :: $name:ident),+ $(,)?) => {
        $(
            #[tokio::test]
            async fn $name() {
                scenarios::$module::$name($db).await;
            }
        )+
    };
    ($db:expr) => {
        $crate::engine_tests!($db;
            web::healthz_answers_ok_while_the_database_is_reachable,
            web::healthz_answers_503_when_the_database_is_gone,
            web::the_home_page_renders_in_english_by_default,
            web::the_browser_language_is_used_when_there_is_no_choice_yet,
            web::choosing_a_language_keeps_it_across_pages,
            web::an_unknown_language_is_refused_with_the_rule,
            web::an_unknown_page_answers_404_with_a_page_that_says_so,
            web::a_cross_origin_post_is_refused_and_changes_nothing,
            web::the_csp_nonce_matches_the_hydration_script,
            web::every_response_carries_the_security_headers_and_a_request_id,
            web::migrating_again_changes_nothing,
            binary::the_binary_serves_on_a_random_port_and_stops_on_sigterm,
        );
    };
}

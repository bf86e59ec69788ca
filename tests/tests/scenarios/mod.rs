//! Scenarios that must hold on every database engine. `sqlite.rs` and `postgres.rs` each run
//! all of them through [`engine_tests!`]; add a new scenario to its list there.

pub mod addresses;
pub mod assets;
pub mod binary;
pub mod identity;
pub mod oidc;
pub mod proposal_injection;
pub mod proposals;
pub mod races;
pub mod security;
pub mod web;

/// Generates one `#[tokio::test]` per scenario for the given engine.
#[macro_export]
macro_rules! engine_tests {
    ($db:expr; $($module:ident :: $name:ident),+ $(,)?) => {
        $(
            // Several worker threads, as `quorate serve` runs.
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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
            web::pages_keep_loading_while_another_application_is_built,
            binary::the_binary_serves_on_a_random_port_and_stops_on_sigterm,
            binary::the_demo_co_op_has_every_role_and_state_and_a_chain_that_verifies,
            binary::the_demo_refuses_a_database_with_other_organisations,
            identity::signing_up_signs_in_with_a_safe_session_cookie,
            identity::a_weak_password_is_refused_and_the_form_keeps_the_rest,
            identity::a_second_account_with_the_same_address_is_refused,
            identity::a_wrong_password_and_an_unknown_address_get_the_same_answer,
            identity::sign_in_is_throttled_after_repeated_failures,
            identity::signing_in_rotates_and_signing_out_ends_the_session,
            identity::a_tampered_session_cookie_signs_nobody_in,
            identity::a_password_change_ends_the_other_sessions,
            identity::creating_an_organisation_makes_its_creator_admin_and_starts_the_audit_chain,
            identity::signed_out_people_cannot_create_organisations,
            identity::bad_settings_are_refused_by_rule_and_nothing_changes,
            identity::only_admins_change_settings,
            identity::an_admin_changes_settings_and_the_change_is_audited,
            identity::an_invitation_link_makes_a_new_person_an_active_member,
            identity::used_up_forged_revoked_and_expired_invitations_are_refused,
            identity::revoking_an_invitation_twice_changes_nothing_and_says_so,
            identity::a_former_member_rejoins_with_the_new_invitations_role,
            identity::only_admins_add_and_remove_group_members,
            identity::every_action_is_mounted_and_every_form_posts_to_one,
            identity::a_member_of_one_organisation_cannot_reach_another,
            identity::admins_change_roles_suspend_and_reinstate,
            identity::members_and_observers_cannot_manage_members_or_invite,
            identity::the_last_admin_can_neither_leave_nor_be_demoted,
            identity::nobody_leaves_on_someone_elses_behalf,
            identity::signing_out_everywhere_else_keeps_only_this_session,
            identity::the_account_language_wins_over_the_browser,
            identity::admins_make_groups_of_active_members,
            identity::a_cross_origin_sign_in_is_refused_and_starts_no_session,
            identity::an_invitation_to_an_address_is_mailed_when_smtp_is_configured,
            identity::an_organisations_pages_use_its_default_language_until_a_person_picks,
            proposal_injection::proposal_text_stays_text_on_every_page,
            proposals::a_draft_is_its_authors_alone_until_published,
            proposals::edits_make_numbered_revisions_and_a_stale_edit_is_refused,
            proposals::only_authors_edit_and_co_authors_are_active_members_who_may_author,
            proposals::group_proposals_are_authored_by_the_groups_members,
            proposals::withdrawing_needs_a_reason_and_ends_editing,
            proposals::bad_proposal_input_is_refused_by_rule_and_nothing_is_stored,
            proposals::people_without_standing_cannot_reach_or_change_proposals,
            proposals::two_authors_saving_at_once_make_one_revision,
            oidc::signing_in_with_an_openid_provider_creates_an_account_and_signs_in,
            oidc::a_second_sign_in_with_the_same_identity_reuses_the_account,
            oidc::a_callback_with_a_tampered_state_is_refused_and_signs_nobody_in,
            oidc::a_replayed_callback_is_refused,
            oidc::an_id_token_with_another_nonce_is_refused,
            oidc::an_address_with_a_password_account_is_not_linked_automatically,
            oidc::a_signed_in_owner_links_a_provider_and_then_signs_in_with_it,
            oidc::a_link_finished_after_signing_out_links_nothing,
            oidc::declining_at_the_provider_is_refused_with_a_clear_page,
            oidc::a_provider_that_is_down_gives_a_clear_page,
            oidc::the_account_page_lists_linked_providers_and_never_unlinks_the_last_way_in,
            security::user_text_never_reaches_the_html_unescaped,
            security::a_refused_post_answers_with_its_page_and_points_the_address_bar_there,
            security::both_loopback_spellings_are_accepted_and_a_refusal_says_which_address,
            security::with_a_base_url_only_its_origin_may_post,
            security::names_with_control_characters_are_refused_by_rule,
            security::a_form_that_is_not_utf8_is_refused_and_stores_nothing,
            security::server_functions_answer_refusals_with_their_own_status,
            security::the_language_cookie_is_secure_under_an_https_base_url,
            security::a_suspended_member_is_told_why_and_shown_the_way_home,
            security::the_web_address_is_suggested_from_the_name_when_left_empty,
            security::the_time_zone_is_chosen_from_the_iana_zones_grouped_by_region,
            security::removing_and_leaving_ask_first,
            security::every_organisation_page_has_its_breadcrumb_and_the_group_form_its_own_hint,
            security::without_mail_the_invitations_page_says_addresses_cannot_be_verified,
            security::a_guesser_elsewhere_does_not_lock_the_owner_out,
            security::an_untrusted_connection_cannot_pick_its_address,
            security::a_huge_address_is_stored_as_a_short_key_and_old_counters_are_swept,
            security::pages_are_never_kept_by_the_browser,
            addresses::sign_up_by_mail_says_the_same_whether_or_not_the_address_has_an_account,
            addresses::a_changed_address_waits_for_its_link,
            addresses::without_mail_a_changed_address_is_taken_at_once_and_unproved,
            addresses::an_invitation_for_an_address_needs_an_account_that_proved_it,
            addresses::signing_up_from_an_invitation_mailed_to_the_address_needs_no_other_proof,
            races::two_admins_demoting_each_other_at_once_leave_one_admin,
            races::two_people_taking_the_last_use_of_an_invitation_give_one_membership,
            races::twenty_writers_to_one_organisation_all_get_an_answer_not_an_error,
            races::wrong_passwords_at_the_same_moment_are_all_counted_and_none_fails,
            assets::the_bundle_is_served_precompressed_under_a_hashed_name_and_cached_for_good,
            assets::pages_are_compressed_when_the_browser_accepts_it,
        );
    };
}

"""The post's services: the rules and transactions the GUI, the CLI and the sync all call.

- accounts: init_post, open_store, login, add_user, remove_user, change_password, rekey,
  open_with_recovery, reset_password_with_recovery, list_users, get_post
- registration: check_traveler, register_crossing, traveler_history, get_photo
- alerts: decide_alert, pending_alerts;  amendments: request_amendment, decide_amendment,
  list_amendments;  identity: identity_suggestions, link_identities
- watchlist: import_watchlist_csv, apply_watchlist_version, watchlist_status
- reporting: records (keyset), records_page (by key from a neighbour row, else offset),
  count_records, get_crossing, dashboard, inspector_activity, overstays, search_travelers,
  export_csv
- audit: verify_audit, list_audit;  outbox: pending, record_ack, record_error, queue_stats,
  get_sync_state, set_sync_state;  settings: set_stay_rules, get_stay_policy
Every call takes the open ``Store`` and a logged-in ``UserSession``; roles are checked here.
"""

"""The search keeps no model of its own; this module makes Django send the app `post_migrate`, after which
SQLite's index is checked and repaired (caunoi.search.apps)."""

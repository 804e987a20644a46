"""The external-information pages (articles, channels, bulletin issues), under /publishing/ ("web:pub-…").

Views are thin: they read forms and call `caunoi.publishing.services`, which check every right and rule;
a broken rule is shown beside its field and nothing is saved."""

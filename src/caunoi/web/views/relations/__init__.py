"""The people's-diplomacy pages (issue 4, item 9): partners, agreements, associations, events, calendar, plans,
the dashboard and the history of each record. Every write goes through `caunoi.relations.services`."""

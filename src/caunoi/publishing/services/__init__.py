"""The external-information operations. Every write function checks
`caunoi.core.permissions.authorize(actor, action, office)` itself, first; `actor` is keyword-only and has no
default (the CLI and the demo loader pass `caunoi.core.permissions.SYSTEM`).

Who may do what: an editor writes, tags, adds photos and placements, submits, and composes bulletin issues
(Action.EDIT); an approver (Action.DECIDE) approves or sends back, publishes and unpublishes — the union's
leadership decides what goes out under its name. A refusal is a `RuleErrors` and changes nothing.
"""

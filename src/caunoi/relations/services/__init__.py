"""Business operations of people's diplomacy, one module per area. Admin, CLI, web pages and the demo loader
all call these; each either succeeds whole or raises a RuleError and saves nothing."""

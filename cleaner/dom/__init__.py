"""DOM stage of the HTML adapter: safe parsing, rule packs and pruning."""

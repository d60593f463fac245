"""Settings: the files they come from, the settings model, rule selection, JSON Schema export."""

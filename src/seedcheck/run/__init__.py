"""A run: from paths to targets, the per-folder and per-seed steps, the rules, the report."""

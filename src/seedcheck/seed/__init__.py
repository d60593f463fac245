"""One seed: its file, layout, front matter with YAML positions, metadata model and summary."""

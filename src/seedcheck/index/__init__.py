"""INDEX.md: parsing its table with positions, its cells, long tables, and the generated block."""

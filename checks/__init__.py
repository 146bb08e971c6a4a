"""Rule suites over claims: cross-source alignment, arithmetic, bounds, dates, text integrity."""

"""Internal arithmetic: totals against their parts, averages, shares, growth."""

"""Internal arithmetic: totals against their parts, averages, shares, growth."""
from checks.arithmetic import average, growth, share, totals  # noqa: F401  (registers their rules)

"""Internal arithmetic: totals against their parts, averages, shares, growth."""
from checks.arithmetic import average, share, totals  # noqa: F401  (registers their rules)

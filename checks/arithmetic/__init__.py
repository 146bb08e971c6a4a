"""Internal arithmetic: totals against their parts, averages, shares, growth."""
from checks.arithmetic import totals  # noqa: F401  (registers its rule)

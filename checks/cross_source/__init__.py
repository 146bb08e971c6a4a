"""Cross-source rules: aligned claims of different documents that disagree."""
from checks.cross_source import conflict, containment, restatement  # noqa: F401  (registers their rules)

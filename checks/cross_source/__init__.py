"""Cross-source rules: aligned claims of different documents that disagree."""

"""Text integrity: mojibake, replacement characters, injected spam, leftover glosses, mixed script."""
from checks.integrity import gloss, mixed_script, mojibake, replacement, spam

__all__ = ["gloss", "mixed_script", "mojibake", "replacement", "spam"]

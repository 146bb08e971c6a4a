"""Text integrity: mojibake, replacement characters, injected spam, leftover glosses, mixed script."""

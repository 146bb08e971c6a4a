"""Restatement rules: a figure changed where a sentence was copied from one document into another."""

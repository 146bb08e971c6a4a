"""Extract every numeric claim of a document: value, interval, unit, subject, place and time."""

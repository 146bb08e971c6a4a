"""Date plausibility: years far from the document's time, invalid calendar dates."""

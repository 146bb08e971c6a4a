"""Renderers: each turns a run's records into one output format (``render(claim_set) -> str``)."""

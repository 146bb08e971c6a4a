"""Renderers: each turns a run's ``CheckResult`` into one output format (``render(result, view)``; see formats)."""

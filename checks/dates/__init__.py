"""Date plausibility: years far from the document's time, invalid calendar dates."""
from checks.dates import implausible_year, invalid_date

__all__ = ["implausible_year", "invalid_date"]

"""Bounds: values that cannot be (rates over 100 %, ranks past their total, negative counts)."""
from checks.bounds import date_after_publication, negative_count, rank_beyond_total, rate_over_100

__all__ = ["date_after_publication", "negative_count", "rank_beyond_total", "rate_over_100"]

"""Bounds: values that cannot be (rates over 100 %, ranks past their total, negative counts)."""

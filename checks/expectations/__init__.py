"""Users' own Great Expectations suites over the claims table."""

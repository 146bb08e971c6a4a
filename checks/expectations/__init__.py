"""Users' own Great Expectations suites over the claims table."""
from checks.expectations import user_suite  # noqa: F401  (registers its rule)

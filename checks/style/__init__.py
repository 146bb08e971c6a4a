"""Style: stacked qualifiers, one figure repeated for different subjects, percentages without %."""
from checks.style import percent_without_sign, repeated_figure, stacked_qualifiers

__all__ = ["percent_without_sign", "repeated_figure", "stacked_qualifiers"]

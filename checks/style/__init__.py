"""Style: stacked qualifiers, one figure repeated for different subjects, percentages without %."""

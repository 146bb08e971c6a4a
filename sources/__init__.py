"""Read documents: decode, clean, normalize for matching, and keep offsets to the original."""

"""Reference rules: figures that differ from a reference table of trusted figures (``--reference``)."""

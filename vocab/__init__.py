"""The bottom layer: reading the project's data files (word lists, tables and TOML beside the code that uses
them), and the compact records every layer above pickles (``records``)."""

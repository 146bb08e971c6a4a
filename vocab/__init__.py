"""The bottom layer: reading the project's data files (word lists, tables and TOML beside the code that uses
them), the compact records every layer above pickles (``records``), and the forked copy that works
beside this process (``forked``)."""

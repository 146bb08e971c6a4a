"""Reading the project's data files: word lists, tables and TOML beside the code that uses them."""

"""The claims ledger: the documents and claims of published reports, kept in SQLite."""

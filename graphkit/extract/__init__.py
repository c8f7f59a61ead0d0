"""Pure functions Doc -> records: mentions, roles, relations. No spaCy object leaves here."""

"""SPARQL over exported graphs: run queries, canned presets, a read-only server."""

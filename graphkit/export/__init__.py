"""Exporters: one module per format, each reading the KnowledgeGraph's MultiDiGraph."""

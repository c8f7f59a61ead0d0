"""Write a KnowledgeGraph's files into an output folder (each file atomically)."""
from __future__ import annotations

from pathlib import Path

from .export.json import write_json
from .graph import KnowledgeGraph

DEFAULT_FORMATS = ("json", "ttl", "html")


def write_outputs(kg: KnowledgeGraph, out_dir, formats=DEFAULT_FORMATS, *, title: str = "graphkit") -> list[Path]:
    """Write graph.json, graph.ttl, graph.html (+ any extra formats); returns the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    g = kg.graph
    formats = list(dict.fromkeys(formats))
    if "json" in formats:
        write_json(g, out / "graph.json")
        written.append(out / "graph.json")
    if "html" in formats:
        from .export.html import write_html
        write_html(g, out / "graph.html", title=title)
        written.append(out / "graph.html")
    rdf_and_tables = [f for f in formats if f not in ("json", "html")]
    if rdf_and_tables:
        from .query.commands import write_formats
        written += [Path(p) for p in (write_formats(g, out, rdf_and_tables) or [])]
    return written

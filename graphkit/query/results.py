"""Query results as text: an aligned table, SPARQL 1.1 CSV, TSV and JSON.

CSV, TSV and JSON follow the W3C SPARQL 1.1 results formats, so other tools read them.
The table is for people: IRIs shortened with the graphkit prefixes, long cells cut, and
control characters (the evidence is untrusted text) shown escaped instead of sent to the
terminal.
"""
from __future__ import annotations

import csv
import io
import json
import re

import pyoxigraph as ox

from ..ontology import compact_iri
from .sparql import QueryResult

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
MAX_CELL = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# ---------------------------------------------------------------- terms

def term_json(term) -> dict:
    """One RDF term in the SPARQL 1.1 JSON results encoding."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def term_csv(term) -> str:
    """SPARQL 1.1 CSV: IRIs and literal values bare, blank nodes as _:id, unbound empty."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def term_text(term) -> str:
    """A short human form: prefixed IRIs, bare literal values."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        short = compact_iri(term.value)
        return short if short != term.value else f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return term_csv(term)


def _safe(text: str) -> str:
    """Control and bidi characters escaped, so untrusted text cannot drive the terminal."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


# ---------------------------------------------------------------- formats

def format_table(result: QueryResult, max_cell: int = MAX_CELL) -> str:
    if result.boolean is not None:
        return ("true" if result.boolean else "false") + "\n"
    header = list(result.variables)
    body = [[_cut(_safe(term_text(t)), max_cell) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]

    def line(cells):
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    lines = [line(header), line(["-" * w for w in widths]), *(line(r) for r in body)]
    count = len(body)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerow(["ask"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.variables)
        writer.writerows([term_csv(t) for t in row] for row in result.rows)
    return buffer.getvalue()


def format_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV: ?var header, terms in N-Triples syntax (tabs and newlines escaped)."""
    if result.boolean is not None:
        return "?ask\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def format_json(result: QueryResult) -> str:
    if result.boolean is not None:
        doc = {"head": {}, "boolean": result.boolean}
    else:
        doc = {"head": {"vars": list(result.variables)},
               "results": {"bindings": [
                   {v: term_json(t) for v, t in zip(result.variables, row) if t is not None}
                   for row in result.rows]}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


FORMATTERS = {"table": format_table, "csv": format_csv, "tsv": format_tsv, "json": format_json}


def format_result(result: QueryResult, fmt: str = "table") -> str:
    try:
        return FORMATTERS[fmt](result)
    except KeyError:
        raise ValueError(f"unknown output format {fmt!r}; choose from {', '.join(FORMATTERS)}") from None

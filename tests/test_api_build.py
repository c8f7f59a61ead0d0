"""gk.build: texts, files, folders and Articles with the real pipeline; bad inputs reported and
skipped like the CLI does. One mixed build is shared by most tests (the model loads once)."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import graphkit as gk
from graphkit.api import SkippedInputWarning
from graphkit.errors import ModelNotFoundError, UsageError
from graphkit.graph import KnowledgeGraph
from graphkit.io import ReadProblem
from graphkit.types import Article

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CONDEMN = "Germany condemned Russia."


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "talks.txt").write_text("Poland sent humanitarian aid to Ukraine on Monday.\n", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "notes.md").write_text("not read: folders give only .txt, .html, .jsonl", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def mixed(corpus):
    """One build over a folder, a text, an Article, a missing path and an empty text."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        kg = gk.build([str(corpus), CONDEMN, Article(id="talks.txt", text="France criticised Iran."),
                       "missing/news.txt", "  "])
    return kg, [w for w in caught if issubclass(w.category, SkippedInputWarning)]


def edges(kg: KnowledgeGraph) -> set[tuple[str, str, str, bool]]:
    frame = kg.relations()
    return set(zip(frame["source"], frame["relation"], frame["target"], frame["negated"]))


def test_build_returns_a_knowledge_graph_with_a_multidigraph(mixed):
    kg, _ = mixed
    assert isinstance(kg, KnowledgeGraph)
    assert type(kg.graph).__name__ == "MultiDiGraph"
    assert kg.graph.number_of_nodes() >= 4


def test_a_clear_sentence_gives_its_edge(mixed):
    kg, _ = mixed
    assert ("Germany", "condemns", "Russia", False) in edges(kg)
    row = kg.relations().query("relation == 'condemns' and source == 'Germany'").iloc[0]
    assert row["doc"] == "text-1" and row["evidence"] == CONDEMN
    assert (row["start"], row["end"]) == (0, len(CONDEMN))


def test_document_ids_follow_the_cli_and_repeats_get_a_suffix(mixed, corpus):
    kg, _ = mixed
    assert set(kg.documents) == {"talks.txt", "text-1", "talks.txt#2"}
    assert kg.documents["talks.txt"]["source"] == str(corpus / "talks.txt")
    assert kg.graph.nodes[kg.find_entity("Poland")]["docs"] == ["talks.txt"]
    assert "talks.txt#2" in kg.graph.nodes[kg.find_entity("Iran")]["docs"]


def test_bad_inputs_are_listed_and_warned_and_the_rest_is_built(mixed, corpus):
    kg, caught = mixed
    empty = str(corpus / "sub" / "empty.txt")
    assert kg.problems == [
        ReadProblem("missing/news.txt", "no such file or directory"),
        ReadProblem("text-2", "empty document"),
        ReadProblem(empty, "empty document"),
    ]
    assert sorted(str(w.message) for w in caught) == sorted([
        "graphkit: skipped missing/news.txt: no such file or directory",
        "graphkit: skipped text-2: empty document",
        f"graphkit: skipped {empty}: empty document",
    ])


def test_inputs_as_one_text_or_one_path(corpus):
    from_text = gk.build(CONDEMN)
    assert list(from_text.documents) == ["text-1"] and from_text.problems == []
    from_path = gk.build(corpus / "talks.txt")  # a pathlib.Path is always a path
    assert list(from_path.documents) == ["talks.txt"]
    assert set(from_path.entities()["label"]) >= {"Poland", "Ukraine"}


def test_warn_false_is_silent_but_still_lists_problems():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kg = gk.build(["", CONDEMN], warn=False)
    assert kg.problems == [ReadProblem("text-1", "empty document")]
    assert list(kg.documents) == ["text-2"]


def test_limits_skip_long_texts_with_the_cli_reason():
    kg = gk.build([CONDEMN, "Poland sent aid to Ukraine. " * 5], max_doc_chars=60, warn=False)
    assert list(kg.documents) == ["text-1"]
    [problem] = kg.problems
    assert problem.source == "text-2" and "--max-doc-chars" in problem.reason


def test_articles_are_checked_like_files():
    kg = gk.build([Article(id="blank", text="\n"), Article(id="long", text="Poland sent aid. " * 10),
                   Article(id="ok", text=CONDEMN)], max_doc_chars=100, warn=False)
    assert list(kg.documents) == ["ok"]
    assert [(p.source, p.reason.split(",")[0]) for p in kg.problems] == [
        ("blank", "empty document"), ("long", "document has 170 characters")]


def test_min_confidence_keeps_only_confident_edges(mixed, corpus):
    kg, _ = mixed
    confidences = sorted(kg.relations()["confidence"])
    assert confidences, "the mixed corpus should give relations"
    threshold = confidences[len(confidences) // 2]
    strict = gk.build([str(corpus), CONDEMN, Article(id="talks.txt", text="France criticised Iran.")],
                      min_confidence=threshold, warn=False)
    expected = {k for _, _, k, d in kg.graph.edges(keys=True, data=True) if d["confidence"] >= threshold}
    assert {k for _, _, k in strict.graph.edges(keys=True)} == expected
    assert strict.problems == [ReadProblem(str(corpus / "sub" / "empty.txt"), "empty document")]


@pytest.mark.parametrize("options, error, message", [
    ({"min_confidence": 1.5}, UsageError, "min_confidence"),
    ({"min_confidence": "high"}, UsageError, "min_confidence"),
    ({"max_doc_chars": 0}, UsageError, "--max-doc-chars"),
    ({"model": "no_such_model_xx"}, ModelNotFoundError, "no_such_model_xx"),
    ({"processes": 0}, UsageError, "processes"),
    ({"batch_size": -1}, UsageError, "batch size"),
])
def test_bad_options_raise_clear_errors(options, error, message):
    with pytest.raises(error, match=message):
        gk.build([CONDEMN], **options)


def test_a_text_given_twice_is_analysed_once_like_the_cli_does(mixed):
    kg = gk.build([CONDEMN, CONDEMN, Article(id="again", text=CONDEMN)])
    assert list(kg.documents) == ["text-1"] and kg.problems == []
    assert len(kg.documents["text-1"]["sha1"]) == 40  # recorded for `graphkit build --update`
    assert kg.relations()["relation"].tolist() == ["condemns"]


@pytest.mark.slow
def test_processes_give_the_same_graph(mixed, corpus):
    kg, _ = mixed
    pooled = gk.build([str(corpus), CONDEMN, Article(id="talks.txt", text="France criticised Iran."),
                       "missing/news.txt", "  "], processes=2, warn=False)
    assert pooled.relations().equals(kg.relations())
    assert pooled.entities().equals(kg.entities())
    assert pooled.problems == kg.problems


@pytest.mark.parametrize("sources", [42, [CONDEMN, 3.5], [None], [Article(id="x", text=None)]])
def test_sources_of_other_types_are_usage_errors(sources):
    with pytest.raises(UsageError, match="cannot build from|sources must be"):
        gk.build(sources)


def test_build_examples_folder_then_write_load_query(tmp_path):
    kg = gk.build(EXAMPLES)
    assert kg.problems == []
    assert len(kg.documents) >= 5 and kg.graph.number_of_edges() >= 5
    kg.write(tmp_path)
    again = gk.load(tmp_path)
    assert again.relations().equals(kg.relations())
    counts = kg.query("SELECT ?rel (COUNT(?s) AS ?n) WHERE { ?s gk:relation ?rel } GROUP BY ?rel")
    assert counts["n"].sum() == kg.graph.number_of_edges()


def test_facade_build_is_the_function_even_after_importing_the_build_module():
    import graphkit.build  # noqa: F401  (the module graphkit/build.py)
    from graphkit.build import build_graph

    assert callable(build_graph)
    assert gk.build.__module__ == "graphkit.api"
    assert gk.load.__module__ == "graphkit.api"
    assert gk.KnowledgeGraph is KnowledgeGraph
    assert gk.__version__


def test_a_capital_the_article_uses_for_its_state_and_as_a_place_stays_two_nodes():
    """"Sanaa said ..." is Yemen, "strikes on the capital Sanaa" hit the city: the state keeps
    the capital as an alias, and the city is a node of its own that the attack targets."""
    kg = gk.build(["Saudi strikes on the capital Sanaa killed ten people on Monday. "
                   "Sanaa said it would retaliate against Saudi Arabia."], warn=False)
    nodes = kg.graph.nodes
    assert nodes["gpe:yemen"]["label"] == "Yemen" and "Sanaa" in nodes["gpe:yemen"]["aliases"]
    assert nodes["gpe:sanaa"]["label"] == "Sanaa"
    attacks = {(s, t) for s, t, d in kg.graph.edges(data=True) if d["relation"] == "attacks"}
    assert ("gpe:saudi-arabia", "gpe:sanaa") in attacks

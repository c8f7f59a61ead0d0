"""Properties of the whole build, in process (analyse_articles -> KnowledgeGraph -> exporters).

For any text (and any id, title, date, url): building does not crash, every statement's
evidence is the article text at its offsets, the JSON is strict, the Turtle parses in rdflib
and pyoxigraph with valid IRIs and well-typed literals. For any name or evidence string, the
HTML page carries it only as escaped JSON data, never as markup.
"""
from __future__ import annotations

import json
import re

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.export.html import render_html
from graphkit.export.json import to_node_link
from graphkit.export.rdf import article_iri, serialize
from graphkit.graph import KnowledgeGraph
from graphkit.pipeline import analyse_articles
from graphkit.types import Article

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
NAMES = ("Estonia", "Belarus", "Norway", "Sudan", "John Kirby", "the Russian military",
         "the White House", "Kyiv", "Hamas", "NATO", "Ursula von der Leyen")
VERBS = ("condemned", "accused", "sent aid to", "attacked", "met", "imposed sanctions on",
         "said", "did not attack", "threatened", "supports", "of", "and")
HOSTILE = ("<script>", "</script>", "<img src=x onerror=alert(1)>", '"', "'", "&", "&amp;",
           "<!--", "]]>", "\\", "{", "}", "|", "^", "`", "\u2028", "%20", "\u00e9", "\U0001F600",
           "\u202e", "\t", "\n", "\n\n", ".", "?", "!", "\ufffd", "<b>", "@prefix", "_:b0", "<>")
XSD = "http://www.w3.org/2001/XMLSchema#"
IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
DATA_BLOCK = re.compile(r'(<script type="application/json" id="graphkit-data">)(.*?)(</script>)', re.S)

words = st.one_of(st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(HOSTILE),
                  st.text(max_size=8))
news_like = st.lists(words, min_size=1, max_size=40).map(" ".join)
texts = st.one_of(news_like, st.text(min_size=1, max_size=300))
fields = st.one_of(st.none(), st.text(max_size=40), st.sampled_from(HOSTILE))
dates = st.one_of(fields, st.datetimes().map(lambda d: d.isoformat()),
                  st.dates().map(str), st.from_regex(r"\A\d{4}-?\d{2}-?\d{2}(T\d{2}(:?\d{2}){0,2}([+-]\d{2}:?\d{2}|Z)?)?\Z"),
                  st.sampled_from(["20240101T1010", "2024-01-01T10", "2024-01-01T10:00:00+0100",
                                   "2024-W01-1T10:00", "\uff12\uff10\uff12\uff14-01-01", "2024-02-30",
                                   "2024-01-01T10:00:00+20:00"]))


@pytest.fixture(scope="module")
def analyse():
    """The pipeline, loaded once for the module: text -> one DocResult."""
    next(analyse_articles([Article(id="warm-up", text="Norway sent aid to Sudan.")]))
    return lambda article: next(analyse_articles([article]))


def build(analyse, article: Article) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.add_result(analyse(article))
    return kg


def iris(triples) -> set[str]:
    found = set()
    for triple in triples:
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, ox.NamedNode):
                found.add(term.value)
            elif isinstance(term, ox.Literal):
                found.add(term.datatype.value)
    return found


def ill_typed(turtle: bytes) -> list[str]:
    """Literals whose datatype oxigraph cannot read them as (dates, numbers, booleans)."""
    store = ox.Store()
    store.load(turtle, format=ox.RdfFormat.TURTLE)
    query = f"""SELECT ?o WHERE {{ ?s ?p ?o FILTER(isLiteral(?o))
      BIND(datatype(?o) AS ?t)
      BIND(IF(?t IN (<{XSD}date>, <{XSD}dateTime>), YEAR(?o),
           IF(?t IN (<{XSD}decimal>, <{XSD}double>, <{XSD}integer>), ?o + 0,
           IF(?t = <{XSD}boolean>, !?o, "text"))) AS ?value)
      FILTER(!BOUND(?value)) }}"""
    return [row["o"].value for row in store.query(query)]


@SETTINGS
@given(text=texts, doc_id=st.text(min_size=1, max_size=30), title=fields, date=dates, url=fields)
def test_any_article_builds_and_exports_valid_rdf_and_json(analyse, text, doc_id, title, date, url):
    article = Article(id=doc_id, text=text, title=title, date=date, url=url)
    kg = build(analyse, article)
    g = kg.graph
    assert set(kg.documents) == {doc_id}
    for _, _, edge in g.edges(data=True):
        assert text[edge["start"]:edge["end"]] == edge["evidence"]  # nothing lost, nothing moved
    node_link = to_node_link(g)
    assert json.loads(json.dumps(node_link, allow_nan=False)) == node_link

    turtle = serialize(g, "ttl")
    parsed = rdflib.Graph().parse(data=turtle, format="turtle")
    triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    assert len(parsed) == len(triples) > 0
    for iri in iris(triples):
        assert not IRI_FORBIDDEN.search(iri), iri
        assert ox.NamedNode(iri).value == iri
    assert ill_typed(turtle) == []
    identifier = rdflib.URIRef("http://purl.org/dc/terms/identifier")
    assert (article_iri(doc_id), identifier, rdflib.Literal(doc_id)) in parsed


# ---------------------------------------------------------------- the HTML page

hostile_text = st.one_of(
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), min_size=1, max_size=8).map("".join),
    st.text(max_size=40))


@st.composite
def hostile_graphs(draw):
    """A small graph whose every string field is hostile text."""
    g = nx.MultiDiGraph()
    n = draw(st.integers(1, 4))
    node_ids = draw(st.lists(hostile_text, min_size=n, max_size=n, unique=True))
    docs = draw(st.lists(hostile_text, min_size=1, max_size=3, unique=True))
    g.graph["documents"] = {d: {"title": draw(hostile_text), "date": draw(hostile_text),
                                "url": draw(hostile_text), "source": draw(hostile_text)} for d in docs}
    g.graph["generator"] = "graphkit test"
    for node in node_ids:
        g.add_node(node, label=draw(hostile_text), type=draw(st.sampled_from(["GPE", "PERSON", "ORG"]) | hostile_text),
                   aliases=draw(st.lists(hostile_text, max_size=3)), mentions=draw(st.integers(0, 9)),
                   docs=[draw(st.sampled_from(docs))], geonames=draw(st.none() | hostile_text))
    for i in range(draw(st.integers(0, 4))):
        source, target = draw(st.sampled_from(node_ids)), draw(st.sampled_from(node_ids))
        key = draw(hostile_text)
        g.add_edge(source, target, key=key, id=key, relation=draw(st.sampled_from(["accuses", "aids"]) | hostile_text),
                   evidence=draw(hostile_text), start=0, end=1, doc=draw(st.sampled_from(docs)),
                   negated=draw(st.booleans()), reported_by=draw(st.none() | hostile_text),
                   reported_by_id=None, confidence=0.5, trigger=draw(st.none() | hostile_text))
    return g


def _script_tags(page: str) -> tuple[int, int]:
    return page.count("<script"), page.lower().count("</script")


EMPTY_PAGE = render_html(nx.MultiDiGraph())
PAGE_SCRIPTS = _script_tags(EMPTY_PAGE)  # the page's own
PAGE_REST = DATA_BLOCK.sub("", EMPTY_PAGE)  # the page without its data


def strings_of(g: nx.MultiDiGraph) -> set[str]:
    found = set(g.nodes)
    for meta in g.graph["documents"].values():
        found |= {v for v in meta.values() if isinstance(v, str)} | set(g.graph["documents"])
    for _, attrs in g.nodes(data=True):
        found |= {v for v in attrs.values() if isinstance(v, str)} | set(attrs["aliases"])
    for *_, key, attrs in g.edges(keys=True, data=True):
        found |= {key} | {v for v in attrs.values() if isinstance(v, str)}
    return found


@SETTINGS
@given(g=hostile_graphs(), title=hostile_text)
def test_names_and_evidence_never_become_markup(g, title):
    page = render_html(g, title=title)
    (opening, data, closing), = DATA_BLOCK.findall(page)
    assert not set("<>&\u2028\u2029") & set(data)  # the JSON carries them escaped
    rest = DATA_BLOCK.sub("", page)
    assert page.count("<script") == PAGE_SCRIPTS[0] and page.lower().count("</script") == PAGE_SCRIPTS[1]
    for text in strings_of(g) | {title}:
        if "<" in text:  # found no more often than in the page's own markup
            assert rest.count(text) == PAGE_REST.count(text), text

"""The HTML explorer in headless Chromium: offline rendering, search, filters, panels, safety."""
from __future__ import annotations

import math

import pytest
from sample_graphs import HOSTILE_EVIDENCE, HOSTILE_LABEL, hostile_graph, news_graph

pytestmark = pytest.mark.browser

DOM_POINT = """([x, y]) => {
    const p = network.canvasToDOM({x, y});
    const box = document.getElementById('gk-graph').getBoundingClientRect();
    return [box.left + p.x, box.top + p.y];
}"""


def node_screen_point(page, node_id):
    pos = page.evaluate("id => network.getPosition(id)", node_id)
    return page.evaluate(DOM_POINT, [pos["x"], pos["y"]])


def panel(page):
    return page.evaluate("""() => {
        const p = document.getElementById('gk-panel');
        return {hidden: p.hidden, kind: p.dataset.kind || null, id: p.dataset.id || null,
                text: p.innerText};
    }""")


def shown_edges(page):
    return set(page.evaluate("network.body.data.edges.getIds()"))


def shown_nodes(page):
    return set(page.evaluate("network.body.data.nodes.getIds()"))


def test_renders_offline_with_legend_and_no_errors(open_graph):
    G = news_graph()
    loaded = open_graph(G)
    page = loaded.page
    assert loaded.errors == []
    assert loaded.requests and all(url.startswith("file://") for url in loaded.requests)
    assert page.title() == "graphkit test"
    assert page.evaluate("typeof window.network.getPositions") == "function"
    assert page.evaluate("graphkitData.nodes.length") == G.number_of_nodes()
    assert shown_edges(page) == {key for _, _, key in G.edges(keys=True)}
    legend_types = page.eval_on_selector_all("#gk-types li", "els => els.map(e => e.dataset.name)")
    assert legend_types == ["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"]
    legend_relations = page.eval_on_selector_all("#gk-relations li", "els => els.map(e => e.dataset.name)")
    assert set(legend_relations) == {d["relation"] for _, _, d in G.edges(data=True)}
    assert page.inner_text("#gk-stats") == "12 of 12 entities \u00b7 12 of 12 relations"
    # every node is drawn inside the visible canvas after the initial fit
    box = page.evaluate("document.getElementById('gk-graph').getBoundingClientRect().toJSON()")
    for node in G.nodes:
        x, y = node_screen_point(page, node)
        assert box["left"] <= x <= box["right"] and box["top"] <= y <= box["bottom"], node


@pytest.mark.parametrize("query, expected", [
    ("John Kirby", "person:john-kirby"),
    ("kirb", "person:john-kirby"),           # prefix of an alias
    ("Moscow", "gpe:russia"),                # alias
    ("ukraine", "gpe:ukraine"),              # exact name beats "Kyiv government" etc.
])
def test_search_focuses_the_entity(open_graph, query, expected):
    page = open_graph(news_graph()).page
    page.fill("#gk-search", query)
    assert page.is_visible("#gk-suggestions")
    page.press("#gk-search", "Enter")
    page.wait_for_function("id => document.getElementById('gk-panel').dataset.id === id", arg=expected)
    assert page.evaluate("network.getSelectedNodes()") == [expected]
    # after the focus animation the node sits in the middle of the canvas
    page.wait_for_function("""id => {
        const v = network.getViewPosition(), p = network.getPosition(id);
        return Math.hypot(v.x - p.x, v.y - p.y) < 2;
    }""", arg=expected, timeout=5000)
    x, y = node_screen_point(page, expected)
    box = page.evaluate("document.getElementById('gk-graph').getBoundingClientRect().toJSON()")
    assert math.isclose(x, box["left"] + box["width"] / 2, abs_tol=3)
    assert math.isclose(y, box["top"] + box["height"] / 2, abs_tol=3)


def test_search_without_match_says_so(open_graph):
    page = open_graph(news_graph()).page
    page.fill("#gk-search", "Atlantis")
    page.press("#gk-search", "Enter")
    assert "Atlantis" in page.inner_text("#gk-notice")
    assert panel(page)["hidden"] is True


def test_search_reports_an_entity_hidden_by_filters(open_graph):
    page = open_graph(news_graph()).page
    page.uncheck("#gk-types li[data-name='PERSON'] input")
    page.fill("#gk-search", "Kirby")
    page.press("#gk-search", "Enter")
    assert "hidden by the current filters" in page.inner_text("#gk-notice")
    assert panel(page)["id"] == "person:john-kirby"        # details still shown
    assert page.evaluate("network.getSelectedNodes()") == []


def test_filters_hide_edges_and_nodes(open_graph):
    page = open_graph(news_graph()).page
    everything = shown_edges(page)

    page.uncheck("#gk-relations li[data-name='accuses'] input")
    assert shown_edges(page) == everything - {"s01", "s12"}
    assert page.inner_text("#gk-stats").endswith("10 of 12 relations")

    page.uncheck("#gk-types li[data-name='ORG'] input")
    assert not shown_nodes(page) & {"org:white-house", "org:russian-military", "org:nato"}
    assert shown_edges(page) == everything - {"s01", "s12", "s02", "s06", "s07", "s08", "s09"}

    page.click("#gk-reset")
    assert shown_edges(page) == everything
    assert page.is_checked("#gk-types li[data-name='ORG'] input")

    page.fill("#gk-confidence", "0.8")            # fires input and change
    page.wait_for_function("graphkit.state.minConfidence === 0.8")
    assert shown_edges(page) == {"s01", "s02", "s05", "s06", "s07", "s11", "s12"}
    assert page.inner_text("#gk-confidence-value") == "0.80"

    page.click("#gk-reset")
    page.check("#gk-hide-negated")
    assert shown_edges(page) == everything - {"s08"}

    page.click("#gk-controls button[data-group='relations'][data-set='none']")
    assert shown_edges(page) == set()
    page.check("#gk-hide-isolated")
    assert shown_nodes(page) == set()
    page.check("#gk-relations li[data-name='aids'] input")
    assert shown_nodes(page) == {"gpe:united-states", "gpe:ukraine"}


def test_clicking_a_node_opens_its_panel(open_graph):
    page = open_graph(news_graph()).page
    x, y = node_screen_point(page, "gpe:ukraine")
    page.mouse.click(x, y)
    page.wait_for_function("document.getElementById('gk-panel').dataset.id === 'gpe:ukraine'")
    info = panel(page)
    assert info["kind"] == "node"
    assert page.inner_text("#gk-panel .gk-name") == "Ukraine"
    assert page.eval_on_selector_all("#gk-panel .gk-aliases li", "els => els.map(e => e.textContent)") \
        == ["Kyiv government"]
    assert page.get_attribute("#gk-panel .gk-geonames a", "href") == "https://sws.geonames.org/690791/"
    out = page.eval_on_selector_all("#gk-panel .gk-out button", "els => els.map(e => e.dataset.edge)")
    into = page.eval_on_selector_all("#gk-panel .gk-in button", "els => els.map(e => e.dataset.edge)")
    assert sorted(out) == ["s01", "s12"]
    assert sorted(into) == ["s03", "s04", "s05", "s10", "s11"]
    doc_links = page.eval_on_selector_all("#gk-panel .gk-docs a", "els => els.map(e => e.href)")
    assert doc_links == ["https://example.org/news/talks-stall", "http://example.org/aid"]
    # a relation in the list opens that statement
    page.click("#gk-panel .gk-in button[data-edge='s05']")
    assert panel(page)["id"] == "s05"
    # clicking empty canvas closes the panel
    box = page.evaluate("document.getElementById('gk-graph').getBoundingClientRect().toJSON()")
    page.mouse.click(box["left"] + 5, box["top"] + 5)
    page.wait_for_function("document.getElementById('gk-panel').hidden")


def test_clicking_an_edge_shows_evidence_and_article(open_graph):
    G = news_graph()
    page = open_graph(G).page
    a = page.evaluate("network.getPosition('org:russian-military')")
    b = page.evaluate("network.getPosition('gpe:kyiv')")
    x, y = page.evaluate(DOM_POINT, [(a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2])
    page.mouse.click(x, y)
    page.wait_for_function("document.getElementById('gk-panel').dataset.id === 's02'")
    assert panel(page)["kind"] == "edge"
    assert page.inner_text("#gk-panel .gk-evidence") == G.edges["org:russian-military", "gpe:kyiv", "s02"]["evidence"]
    assert page.inner_text("#gk-panel .gk-evidence mark.gk-trigger") == "struck"
    assert page.get_attribute("#gk-panel .gk-article a", "href") == "https://example.org/news/talks-stall"
    facts = page.inner_text("#gk-panel")
    for expected in ("Talks stall as shelling continues", "2024-02-11", "0.88", "d1"):
        assert expected in facts
    assert "Reported by\nnot stated" in facts
    assert "Negated\nno" in facts


def test_edge_panel_reporter_negation_and_sibling_statements(open_graph):
    page = open_graph(news_graph()).page
    page.evaluate("graphkit.handleClick({nodes: [], edges: ['s05']})")
    assert page.inner_text("#gk-panel .gk-facts button") == "John Kirby"
    assert page.inner_text("#gk-panel .gk-article") .startswith("Article\nAid package approved")

    page.evaluate("graphkit.handleClick({nodes: [], edges: ['s08']})")
    text = page.inner_text("#gk-panel")
    assert "negated" in page.inner_text("#gk-panel .gk-badge.gk-negated")
    assert "Negated\nyes" in text
    assert page.query_selector("#gk-panel .gk-article a") is None     # d3 has no URL

    page.evaluate("graphkit.handleClick({nodes: [], edges: ['s01']})")
    evidence = page.eval_on_selector_all("#gk-panel .gk-evidence", "els => els.map(e => e.textContent)")
    assert evidence == ["Ukraine accused Russia of shelling the port overnight.",
                        "Ukraine again accused Russia of targeting grain depots."]


def test_parallel_edges_are_drawn_apart(open_graph):
    page = open_graph(news_graph()).page
    ids = ["s01", "s03", "s04", "s12"]              # Ukraine <-> Russia, both directions
    mids = page.evaluate("""ids => ids.map(id => {
        const e = network.body.edges[id];
        return e.edgeType.getPoint(0.5);
    })""", ids)
    for i in range(len(mids)):
        for j in range(i + 1, len(mids)):
            gap = math.dist((mids[i]["x"], mids[i]["y"]), (mids[j]["x"], mids[j]["y"]))
            assert gap > 10, (ids[i], ids[j], gap)


def test_hostile_text_is_inert_and_shown_literally(open_graph):
    loaded = open_graph(hostile_graph(), title="<b>x</b> & </title>")
    page = loaded.page
    node_id = "person:evil</script>"
    assert page.title() == "<b>x</b> & </title>"
    page.fill("#gk-search", "<img")
    assert HOSTILE_LABEL in page.inner_text("#gk-suggestions")
    page.press("#gk-search", "Enter")
    page.wait_for_function("id => document.getElementById('gk-panel').dataset.id === id", arg=node_id)
    assert page.inner_text("#gk-panel .gk-name") == HOSTILE_LABEL
    text = page.inner_text("#gk-panel")
    assert "</script><script>window.__pwned=6</script>" in text
    assert 'Tom & "Jerry"' in text
    assert page.query_selector("#gk-panel .gk-geonames a") is None     # not a numeric id

    page.evaluate("graphkit.handleClick({nodes: [], edges: ['e1']})")
    assert page.inner_text("#gk-panel .gk-evidence") == HOSTILE_EVIDENCE
    text = page.inner_text("#gk-panel")
    assert '<svg onload="window.__pwned=8">' in text
    assert "javascript:window.__pwned=4 (not a web link)" in text
    assert '<img src=x onerror="window.__pwned=3">Title & "more"' in text
    page.evaluate("graphkit.handleClick({nodes: [], edges: ['e2']})")
    assert "</script><img src=x onerror=window" in page.inner_text("#gk-panel h2")
    assert "</script><img src=x onerror=window" in page.inner_text("#gk-relations")

    page.wait_for_timeout(100)
    assert page.evaluate("window.__pwned") is None
    injected = page.evaluate("""() => ({
        img: document.querySelectorAll('img').length,
        scripts: document.querySelectorAll('script').length,
        handlers: [...document.querySelectorAll('*')].filter(
            el => [...el.attributes].some(a => a.name.startsWith('on'))).length,
        jsLinks: [...document.querySelectorAll('a')].filter(a => !/^https?:/.test(a.href)).length,
    })""")
    assert injected == {"img": 0, "scripts": 3, "handlers": 0, "jsLinks": 0}
    assert loaded.errors == []

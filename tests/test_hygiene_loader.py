"""One reader of "a build folder or its graph.json" behind gk.load and push: same graphs, same
one-line errors (each caller's own error class)."""
from __future__ import annotations

import networkx as nx
import pytest

import graphkit as gk
from graphkit.errors import GraphkitError
from graphkit.export.json import read_graph_file, read_json, write_json
from graphkit.push.client import PushError
from graphkit.push.pusher import load_source
from test_rdf_sample import sample_graph


def api_load(source) -> nx.MultiDiGraph:
    return gk.load(source).graph


READERS = [(api_load, GraphkitError), (load_source, PushError),
           (read_graph_file, GraphkitError)]


def put(tmp_path, content) -> object:
    path = tmp_path / "graph.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


BAD_SOURCES = [
    ("a folder without graph.json", lambda tmp: tmp, "{tmp} holds no graph.json"),
    ("a folder whose graph.json is a folder", lambda tmp: (tmp / "graph.json").mkdir() or tmp,
     "{tmp} holds no graph.json"),
    ("a missing path", lambda tmp: tmp / "missing", "no such file or folder: {tmp}/missing"),
    ("broken JSON", lambda tmp: put(tmp, "{not json"),
     "cannot read {tmp}/graph.json as a graphkit graph (JSONDecodeError: "),
    ("an empty file", lambda tmp: put(tmp, ""),
     "cannot read {tmp}/graph.json as a graphkit graph (JSONDecodeError: "),
    ("not UTF-8", lambda tmp: put(tmp, b"\xff\xfe\x00{"),
     "cannot read {tmp}/graph.json as a graphkit graph (UnicodeDecodeError: "),
    ("JSON but no graph", lambda tmp: put(tmp, "[1, 2]"),
     "cannot read {tmp}/graph.json as a graphkit graph (ValueError: not networkx node-link"),
    ("a graph without links", lambda tmp: put(tmp, '{"nodes": []}'),
     "cannot read {tmp}/graph.json as a graphkit graph (ValueError: not networkx node-link"),
    ("nodes that are no objects", lambda tmp: put(tmp, '{"nodes": {"id": null}, "links": []}'),
     "cannot read {tmp}/graph.json as a graphkit graph (ValueError: not networkx node-link"),
    ("a link without a source",
     lambda tmp: put(tmp, '{"nodes": [{"id": "a"}], "links": [{"target": "a"}]}'),
     "cannot read {tmp}/graph.json as a graphkit graph (KeyError: "),
]


@pytest.mark.parametrize("read, error", READERS)
@pytest.mark.parametrize("what, make, message", BAD_SOURCES, ids=[b[0] for b in BAD_SOURCES])
def test_every_reader_says_what_is_wrong_in_one_line(tmp_path, read, error, what, make, message):
    source = make(tmp_path)
    with pytest.raises(error) as caught:
        read(source)
    text = str(caught.value)
    assert text.startswith(message.format(tmp=tmp_path)) and "\n" not in text


@pytest.mark.parametrize("what, make, message", BAD_SOURCES, ids=[b[0] for b in BAD_SOURCES])
def test_load_and_push_give_the_same_message(tmp_path, what, make, message):
    source = make(tmp_path)
    messages = set()
    for read, error in READERS:
        with pytest.raises(error) as caught:
            read(source)
        messages.add(str(caught.value))
    assert len(messages) == 1


@pytest.mark.parametrize("read, error", READERS)
@pytest.mark.parametrize("as_file", [False, True])
def test_a_folder_and_its_graph_json_give_the_same_graph(tmp_path, read, error, as_file):
    write_json(sample_graph(), tmp_path / "graph.json")
    graph = read(tmp_path / "graph.json" if as_file else str(tmp_path))
    expected = read_json(tmp_path / "graph.json")
    assert sorted(graph.nodes(data=True)) == sorted(expected.nodes(data=True))
    assert sorted(graph.edges(keys=True)) == sorted(expected.edges(keys=True))

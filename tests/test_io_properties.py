"""Property tests: whatever is in a file, iter_articles gives one answer and never raises."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings, strategies as st

from graphkit.io import Limits, ReadProblem, iter_articles
from graphkit.io.decoding import clean_text
from graphkit.types import Article

SMALL = Limits(max_document_chars=300)


def read_one(name: str, content: bytes, limits: Limits = Limits()):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        return list(iter_articles([str(path)], limits=limits)), str(path)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_any_utf8_text_gives_one_result_and_the_text_survives(text):
    items, path = read_one("doc.txt", text.encode("utf-8"), SMALL)
    assert len(items) == 1
    [item] = items
    if isinstance(item, Article):
        assert item.text == clean_text(text.removeprefix("\ufeff"))
        assert item.id == "doc.txt" and item.source == path
    else:
        assert isinstance(item, ReadProblem) and item.source == path
        assert item.reason in ("empty document", "binary file, not text") or \
            "over the limit" in item.reason or "more than the limit" in item.reason


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["doc.txt", "doc", "doc.htm"]))
def test_any_bytes_give_one_result(data, name):
    items, _ = read_one(name, data)
    assert len(items) == 1
    assert isinstance(items[0], (Article, ReadProblem))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_as_html_gives_one_result(text):
    items, _ = read_one("page.html", f"<html><body><p>{text}</p></body></html>".encode())
    assert len(items) == 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=8)
line = st.one_of(
    st.builds(json.dumps, st.fixed_dictionaries({"text": st.text(max_size=40)},
                                                optional={"id": json_values,
                                                          "title": json_values})),
    st.builds(json.dumps, json_values),
    st.text(max_size=40).map(lambda s: s.replace("\n", " ").replace("\r", " ")),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(line, max_size=8))
def test_jsonl_gives_one_result_per_non_blank_line(lines):
    content = "\n".join(lines).encode("utf-8")
    items, path = read_one("a.jsonl", content)
    # Blank as the reader sees it: ASCII white space only (str.strip() also drops \x1c-\x1f,
    # which the reader rightly reports as binary data).
    non_blank = [n for n, text in enumerate(lines, 1) if text.encode("utf-8").strip()]
    if len(items) == 1 and items[0] == ReadProblem(path, "binary file, not text"):
        return  # a first line of control characters makes the whole file binary
    assert [item.source for item in items] == [f"{path}:{n}" for n in non_blank]
    ids = [item.id for item in items if isinstance(item, Article)]
    assert len(ids) == len(set(ids))

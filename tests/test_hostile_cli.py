"""Hostile and broken inputs end to end through `graphkit build` in a child process.

One build over a corpus of bad inputs (made in tmp at test time) mixed with good ones: each
bad input is reported once on stderr with its name and reason, every good article lands in
graph.json, the outputs parse and carry no live markup, and nothing prints a traceback.
Exit status: 1 when inputs were skipped (0 is checked by test_interrupts' first build),
2 for usage errors.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from cli_process import run_cli, without_root_privileges
from graphkit.export.rdf import article_iri

NO_PRIVILEGES = without_root_privileges()
CAN_HIDE_FILES = NO_PRIVILEGES is not None  # root without setpriv reads any file
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
MAX_SENTENCE_CHARS = 5_000  # Limits.max_sentence_chars, the CLI default
HOSTILE_NAME = '<img src=x onerror=alert(1)> & "quoted".txt'
MARKUP = ('Estonia said "<b>Belarus</b> & \'Russia\' <script>alert(1)</script>" broke the deal. '
          'France condemned Russia & Belarus <img src=x onerror=alert(2)> on Monday.\n')
SCRIPT_PAGE = (
    "<!DOCTYPE html><html><head><title>Aid news</title>"
    "<script>alert('head')</script><script src='https://evil.example/x.js'></script></head><body>"
    + "<script>document.write('<p>injected</p>')</script>" * 40
    + "<article><h1>Aid news</h1><p>Norway sent humanitarian aid to Sudan on Tuesday.</p>"
      "<p>Estonia condemned Belarus over the border closures.</p>"
      "<img src=x onerror=\"alert('img')\"><iframe src='javascript:alert(3)'></iframe></article>"
    + "<script>evil()</script><noscript>no script text</noscript></body></html>")
FILLER = ("the delegation", "talks", "continued", "and", "officials", "from", "several", "agencies",
          "who", "spoke", "about", "a", "long", "list", "of", "concerns", "that", "included")


def long_sentence(n_chars: int = 100_000, seed: int = 3) -> str:
    """n_chars of words, no sentence punctuation, a statement every ~40 words."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < n_chars:
        word = "Estonia condemned Belarus" if rng.random() < 0.025 else rng.choice(FILLER)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:n_chars]


def write_corpus(folder: Path) -> tuple[list[str], dict[str, str], set[str]]:
    """(inputs, {shown name: reason} of bad inputs, ids of the good articles)."""
    folder.mkdir()
    files = {
        # bad
        "empty.txt": b"",
        "whitespace.txt": b" \n\t  \r\n   \n",
        "photo.png": PNG + random.Random(1).randbytes(20_000),
        "noise.bin": random.Random(2).randbytes(8_192),
        # good
        "latin1.txt": "Estonia condemned Belarus on Friday, the minister said in Genève.\n".encode("latin-1"),
        "bad-utf8.txt": b"Norway sent humanitarian aid to Sudan \xff\xfe on Monday.\n",
        "scripts.html": SCRIPT_PAGE.encode(),
        "long-sentence.txt": long_sentence().encode(),
        "markup.txt": MARKUP.encode(),
        "german.txt": "Die Bundesregierung verurteilte Russland am Montag scharf. Österreich schwieg.\n".encode(),
        "russian.txt": "Москва обвинила Киев в нападении. Франция осудила Россию.\n".encode(),
        "chinese.txt": "中国外交部谴责了日本的决定。美国向乌克兰提供援助。\n".encode(),
        "arabic.txt": "أدانت مصر الهجوم على غزة يوم الاثنين.\n".encode(),
        HOSTILE_NAME: b"France condemned Russia on Monday.\n",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as handle:  # 50 MB, over the default limits
        handle.write(b"ministers talked at length " * (50 * 2**20 // 27 + 1))
    lines = [
        json.dumps({"id": "good-first", "text": "Japan sent aid to the Philippines on Sunday."}),
        '{"id": "broken", "text": "an unterminated string}',
        json.dumps({"id": "good-third", "title": "<b>bold</b>", "text": "Canada sanctioned Iran."}),
        json.dumps({"id": "no-text", "title": "a record without its text"}),
        json.dumps({"id": "blank", "text": "   \n "}),
    ]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("Estonia condemned Belarus.\n", encoding="utf-8")
    unreadable.chmod(0)

    names = [*files, "huge.txt", "mixed.jsonl"] + (["unreadable.txt"] if CAN_HIDE_FILES else [])
    inputs = [str(folder / name) for name in names]
    shown = lambda name: str(folder / name)  # noqa: E731
    bad = {
        shown("empty.txt"): "empty document",
        shown("whitespace.txt"): "empty document",
        shown("photo.png"): "binary file, not text",
        shown("noise.bin"): "binary file, not text",
        shown("huge.txt"): f"document has {(folder / 'huge.txt').stat().st_size:,} bytes, more "
                           "than the limit of 5,000,000 characters can take (--max-doc-chars)",
        # the line's own newline ends the string: a raw control character inside it
        shown("mixed.jsonl") + ":2": f"malformed JSON (Invalid control character at column "
                                     f"{len(lines[1]) + 1})",
        shown("mixed.jsonl") + ":4": 'no "text" field',
        shown("mixed.jsonl") + ":5": "empty document",
    }
    if CAN_HIDE_FILES:
        bad[shown("unreadable.txt")] = "permission denied"
    good = set(files) - {"empty.txt", "whitespace.txt", "photo.png", "noise.bin"}
    good |= {"good-first", "good-third"}
    return inputs, bad, good


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    inputs, bad, good = write_corpus(root / "in")
    out = root / "out"
    done = run_cli("build", *inputs, "--out", str(out), prefix=NO_PRIVILEGES)
    return done, out, bad, good


def test_exit_status_1_and_no_traceback(hostile_build):
    done, out, bad, _ = hostile_build
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    assert f"{len(bad)} skipped" in done.stdout


def test_each_bad_input_is_reported_once_with_its_name_and_reason(hostile_build):
    done, _, bad, _ = hostile_build
    lines = done.stderr.splitlines()
    for name, reason in bad.items():
        matching = [line for line in lines if line == f"graphkit: skipped {name}: {reason}"]
        assert len(matching) == 1, (name, lines)
    assert len(lines) == len(bad), lines  # nothing else on stderr


def test_every_good_article_lands_in_the_graph(hostile_build):
    _, out, _, good = hostile_build
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert set(graph["graph"]["documents"]) == good
    assert {link["doc"] for link in graph["links"]} <= good


def test_text_is_decoded_and_kept_verbatim(hostile_build):
    _, out, _, _ = hostile_build
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    evidence = {link["doc"]: link["evidence"] for link in graph["links"]}
    assert "Genève" in evidence["latin1.txt"]
    assert "Sudan" in evidence["bad-utf8.txt"]
    markup = [link["evidence"] for link in graph["links"] if link["doc"] == "markup.txt"]
    assert markup and all(text in MARKUP for text in markup)  # untouched, nothing unescaped
    assert graph["graph"]["documents"]["good-third"]["title"] == "<b>bold</b>"


def test_scripts_in_a_page_never_reach_the_graph(hostile_build):
    _, out, _, _ = hostile_build
    text = (out / "graph.json").read_text(encoding="utf-8")
    graph = json.loads(text)
    assert "scripts.html" in {link["doc"] for link in graph["links"]}
    for leaked in ("alert('head')", "document.write", "injected", "evil()", "evil.example",
                   "javascript:", "onerror=\\\"alert('img')"):
        assert leaked not in text


def test_a_100k_character_sentence_is_parsed_in_bounded_pieces(hostile_build):
    _, out, _, _ = hostile_build
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    pieces = [link["evidence"] for link in graph["links"] if link["doc"] == "long-sentence.txt"]
    assert pieces  # statements were found in it
    assert max(map(len, pieces)) <= MAX_SENTENCE_CHARS


def test_the_turtle_parses_with_a_safe_iri_for_a_hostile_file_name(hostile_build):
    _, out, _, _ = hostile_build
    data = (out / "graph.ttl").read_bytes()
    g = rdflib.Graph().parse(data=data, format="turtle")
    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g) > 0
    iri = article_iri(HOSTILE_NAME)
    assert not set('<>" {}|\\^`') & set(str(iri))
    assert (iri, None, None) in g


def test_the_page_shows_hostile_names_and_text_only_as_escaped_data(hostile_build):
    _, out, _, _ = hostile_build
    page = (out / "graph.html").read_text(encoding="utf-8")
    for raw in ("<img src=x onerror=alert", "<script>alert", "<b>Belarus</b>", "<b>bold</b>"):
        assert raw not in page
    (block,) = re.findall(r'<script type="application/json" id="graphkit-data">(.*?)</script>',
                          page, re.S)
    assert HOSTILE_NAME in set(strings(json.loads(block)))  # shown as text by the page


def strings(value):
    """Every string in a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.mark.parametrize("args", [
    ["--no-such-flag"],
    ["--max-doc-chars", "0"],
    ["--max-sentence-chars", "-5"],
    ["--max-doc-chars", "lots"],
    ["--processes", "0"],
    ["--formats", "exe"],
    ["--out"],                      # --out without its folder
    [],                             # no --out at all
], ids=lambda args: " ".join(args) or "no --out")
def test_usage_errors_exit_2_without_writing(tmp_path, args):
    out = tmp_path / "out"
    article = tmp_path / "a.txt"
    article.write_text("Norway sent aid to Sudan.\n", encoding="utf-8")
    given = ["--out", str(out), *args] if args and args != ["--out"] else args
    done = run_cli("build", str(article), *given, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "usage: graphkit" in done.stderr and "error:" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_no_inputs_at_all_is_a_usage_error(tmp_path):
    done = run_cli("build", "--out", str(tmp_path / "out"), timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "the following arguments are required: INPUT" in done.stderr

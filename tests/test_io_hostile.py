"""Hostile and broken inputs: each gives a ReadProblem or a clean Article, never a crash."""
from __future__ import annotations

import builtins
import io
import os
import random
import time
import tracemalloc
from pathlib import Path

import pytest

from graphkit.io import Limits, ReadProblem, chunk_text_for_nlp, iter_articles
from graphkit.types import Article

BINARY = "binary file, not text"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def noise(n: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


def only(tmp_path: Path, name: str, content: bytes, **kwargs):
    path = tmp_path / name
    path.write_bytes(content)
    items = list(iter_articles([str(path)], **kwargs))
    assert len(items) == 1, items
    return path, items[0]


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty document"),
    ("blank.txt", b" \n\t\r\n  \xe3\x80\x80\n", "empty document"),   # incl. ideographic space
    ("bom-only.txt", b"\xef\xbb\xbf", "empty document"),
    ("empty.html", b"<html><head><script>x=1</script></head><body></body></html>",
     "empty document"),
    ("image.png.txt", PNG_HEADER + noise(2000), BINARY),
    ("noise.txt", noise(4096), BINARY),
    ("noise-no-nul.txt", bytes(b for b in noise(8000) if b)[:4096], BINARY),
    ("high-bytes.txt", bytes(b for b in noise(8000) if b >= 0x80)[:4096], BINARY),
    ("nul-in-text.txt", b"Ministers met.\x00\x00\x00 More text.", BINARY),
    ("control-soup.txt", bytes(range(1, 9)) * 100 + b"some words", BINARY),
    ("image.html", PNG_HEADER + noise(500), BINARY),
    ("bad-utf16.txt", b"\xff\xfeA\x00\x00\xd8", BINARY),              # BOM, then a lone surrogate
])
def test_bad_documents_are_problems(tmp_path, name, content, reason):
    path, item = only(tmp_path, name, content)
    assert item == ReadProblem(str(path), reason)


def test_binary_jsonl_is_one_problem_not_one_per_line(tmp_path):
    path, item = only(tmp_path, "data.jsonl", PNG_HEADER + noise(50_000))
    assert item == ReadProblem(str(path), BINARY)


def test_binary_line_inside_jsonl(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "fine"}\n{"text": "\x00\x01\x02\x03"}\n{"text": "also fine"}\n')
    items = list(iter_articles([str(path)]))
    assert items[1] == ReadProblem(f"{path}:2", "binary data, not text")
    assert [getattr(i, "text", None) for i in items] == ["fine", None, "also fine"]


@pytest.mark.parametrize("text, codec", [
    ("Le ministre a d\u00e9clar\u00e9 \u00e0 Gen\u00e8ve que les n\u00e9gociations "
     "continueraient. \u00dcber M\u00fcnchen.", "latin-1"),
    ("caf\u00e9 \u00fcber", "latin-1"),
    ("He said \u201cno\u201d \u2014 the minister\u2019s office, \u20ac5 million.", "cp1252"),
    ("Minister spraw zagranicznych powiedzia\u0142, \u017ce rozmowy b\u0119d\u0105 "
     "kontynuowane w przysz\u0142ym tygodniu.", "cp1250"),
    ("\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0437\u0430\u044f\u0432\u0438\u043b, "
     "\u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b "
     "\u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f.", "cp1251"),
    ("Talks in Kyiv \u2014 \u041a\u0438\u0457\u0432.", "utf-8-sig"),
    ("Talks in Kyiv \u2014 \u041a\u0438\u0457\u0432.", "utf-16"),
    ("Talks in Kyiv \u2014 \u041a\u0438\u0457\u0432.", "utf-32"),
])
def test_legacy_and_bom_encodings_decode_to_the_original(tmp_path, text, codec):
    _, article = only(tmp_path, "doc.txt", text.encode(codec))
    assert article.text == text


def test_invalid_utf8_is_kept_as_text_not_dropped(tmp_path):
    _, article = only(tmp_path, "broken.txt", b"Officials said \xff\xfe the talks \xc3 ended.")
    assert article.text.startswith("Officials said ") and article.text.endswith("ended.")
    assert len(article.text) == len("Officials said ?? the talks ? ended.")


def test_newlines_and_stray_controls_are_cleaned(tmp_path):
    _, article = only(tmp_path, "crlf.txt", b"Line one.\r\nLine two.\rLine\x07three\x0c.\x7f")
    assert article.text == "Line one.\nLine two.\nLine three . "


@pytest.mark.parametrize("text", [
    'He said "no" & she said \'yes\' <script>alert(1)</script> &amp; &lt;b&gt; {{x}} ${y}',
    "\u041c\u0456\u043d\u0456\u0441\u0442\u0440 \u0437\u0430\u043a\u043e\u0440\u0434\u043e"
    "\u043d\u043d\u0438\u0445 \u0441\u043f\u0440\u0430\u0432 \u0423\u043a\u0440\u0430\u0457"
    "\u043d\u0438 \u0437\u0443\u0441\u0442\u0440\u0456\u0432\u0441\u044f \u0443 "
    "\u041a\u0438\u0454\u0432\u0456.",
    "\u5916\u4ea4\u90e8\u53d1\u8a00\u4eba\u5468\u4e8c\u8868\u793a\u3002",
    "\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 "
    "\u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a \u0633\u062a\u0633\u062a\u0645\u0631.",
    "Emoji \U0001f4f0 and combining e\u0301 and zero\u200bwidth and RTL \u202emark.",
])
def test_text_is_kept_verbatim(tmp_path, text):
    _, article = only(tmp_path, "doc.txt", text.encode("utf-8"))
    assert article.text == text


def test_html_script_heavy_page_keeps_no_script(tmp_path):
    scripts = "".join(f"<script>var s{i} = 'SCRIPTTEXT{i}'; document.write('<p>x</p>');</script>"
                      f"<style>.STYLETEXT{i} {{}}</style>" for i in range(300))
    body = ("<p>The delegation arrived in Manila on Sunday and met port officials, "
            "according to a statement from the embassy that was issued late.</p>") * 3
    page = f"<html><head>{scripts}</head><body>{scripts}<article>{body}</article>{scripts}</body></html>"
    _, article = only(tmp_path, "scripts.html", page.encode())
    assert "arrived in Manila" in article.text
    assert "SCRIPTTEXT" not in article.text and "STYLETEXT" not in article.text
    assert "document.write" not in article.text


@pytest.mark.parametrize("prefix", [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<!DOCTYPE html SYSTEM "file:///etc/passwd">',
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
])
def test_html_with_xml_declarations_and_entities(tmp_path, prefix):
    page = prefix + "<html><body><p>Officials met in Lviv on Monday. &xxe;</p></body></html>"
    _, article = only(tmp_path, "x.html", page.encode())
    assert "Officials met in Lviv" in article.text, article
    assert "root:" not in article.text


def test_deeply_nested_html_does_not_crash(tmp_path):
    page = "<div>" * 50_000 + "Deep text." + "</div>" * 50_000
    _, item = only(tmp_path, "deep.html", page.encode())
    assert isinstance(item, (Article, ReadProblem))


def test_long_sentence_without_punctuation_is_readable_and_chunkable(tmp_path):
    words = random.Random(3).choices(["talks", "kyiv", "minister", "aid", "said"], k=20_000)
    text = " ".join(words)[:100_000]
    _, article = only(tmp_path, "long.txt", text.encode())
    assert article.text == text
    chunked = chunk_text_for_nlp(article.text, 5_000)
    assert len(chunked) == len(text)
    assert max(len(run) for run in chunked.split("\n")) <= 5_000


@pytest.mark.parametrize("n_chars, limit, expected", [
    (50, 20, "document has 50 characters, over the limit of 20 (--max-doc-chars)"),
    (81, 20, "document has 81 bytes, more than the limit of 20 characters can take "
             "(--max-doc-chars)"),
    (20, 20, None),
])
def test_document_limit(tmp_path, n_chars, limit, expected):
    path, item = only(tmp_path, "big.txt", b"a" * n_chars, limits=Limits(max_document_chars=limit))
    if expected is None:
        assert isinstance(item, Article) and len(item.text) == n_chars
    else:
        assert item == ReadProblem(str(path), expected)


def test_multibyte_text_under_the_char_limit_is_accepted(tmp_path):
    text = "\u041a\u0438\u0457\u0432" * 5          # 20 characters, 40 bytes
    _, item = only(tmp_path, "uk.txt", text.encode(), limits=Limits(max_document_chars=20))
    assert isinstance(item, Article) and item.text == text


def test_html_limit_applies_to_extracted_text(tmp_path):
    page = "<html><body><p>" + "word " * 100 + "</p></body></html>"
    path, item = only(tmp_path, "p.html", page.encode(), limits=Limits(max_document_chars=200))
    assert isinstance(item, ReadProblem) and "over the limit of 200" in item.reason


def test_stdin_over_the_limit_and_empty():
    limits = Limits(max_document_chars=10)
    [big] = iter_articles(["-"], limits=limits, stdin=io.BytesIO(b"x" * 100))
    assert big.source == "stdin" and "more than 40 bytes" in big.reason
    [empty] = iter_articles(["-"], stdin=io.BytesIO(b""))
    assert empty == ReadProblem("stdin", "empty document")


@pytest.mark.slow
def test_50_megabyte_file_is_rejected_fast_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        chunk = b"All work and no play makes a long file. " * 25_000   # 1 MB
        for _ in range(50):
            handle.write(chunk)
    tracemalloc.start()
    started = time.perf_counter()
    items = list(iter_articles([str(path)]))
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert items == [ReadProblem(str(path), "document has 50,000,000 bytes, more than the "
                                            "limit of 5,000,000 characters can take "
                                            "(--max-doc-chars)")]
    assert elapsed < 1.0
    assert peak < 1_000_000    # the file was never read into memory


def test_missing_paths_and_broken_symlinks(tmp_path):
    missing = tmp_path / "nope.txt"
    broken = tmp_path / "broken.txt"
    os.symlink(tmp_path / "gone.txt", broken)
    folder = tmp_path / "corpus"
    folder.mkdir()
    os.symlink(tmp_path / "gone.txt", folder / "dangling.txt")
    items = list(iter_articles([str(missing), str(broken), str(folder)]))
    assert items == [ReadProblem(str(missing), "no such file or directory"),
                     ReadProblem(str(broken), "no such file or directory"),
                     ReadProblem(str(folder / "dangling.txt"), "no such file or directory")]


def test_permission_denied_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("Classified.")
    fine = tmp_path / "fine.txt"
    fine.write_text("Public.")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if os.fspath(file) == str(secret):
            raise PermissionError(13, "Permission denied", str(secret))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    items = list(iter_articles([str(secret), str(fine)]))
    assert items[0] == ReadProblem(str(secret), "permission denied")
    assert items[1].text == "Public."


def test_unreadable_folder_is_a_problem(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.txt").write_text("A.")
    real_scandir = os.scandir

    def guarded_scandir(path="."):
        if os.fspath(path) == str(folder):
            raise PermissionError(13, "Permission denied", str(folder))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    assert list(iter_articles([str(folder)])) == [ReadProblem(str(folder), "permission denied")]


def test_fifo_in_a_folder_is_reported_not_opened(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")   # opening it would block forever
    (folder / "real.txt").write_text("Real.")
    items = list(iter_articles([str(folder)]))
    assert items[0] == ReadProblem(str(folder / "pipe.txt"), "not a regular file")
    assert items[1].id == "real.txt"


def test_nul_byte_in_a_path_is_a_problem():
    assert list(iter_articles(["bad\x00name.txt"])) == [
        ReadProblem("bad\x00name.txt", "invalid path (contains a NUL character)")]


def test_html_extractor_logs_nothing(tmp_path, caplog):
    caplog.set_level("DEBUG")
    page = '<!DOCTYPE x [<!ENTITY a "b">]><html><body><p>Text.</p></body></html>'
    only(tmp_path, "a.html", page.encode())
    only(tmp_path, "b.html", b"<<<>>>")
    assert [r for r in caplog.records if r.name.split(".")[0] in
            ("trafilatura", "htmldate", "courlan", "justext")] == []


def test_thai_legacy_encoding_is_not_refused(tmp_path):
    text = "\u0e23\u0e31\u0e10\u0e21\u0e19\u0e15\u0e23\u0e35\u0e01\u0e25\u0e48\u0e32\u0e27"
    _, article = only(tmp_path, "th.txt", (text + " " + text + ".").encode("cp874"))
    assert isinstance(article, Article)


def test_lone_surrogates_from_json_escapes_become_replacement_characters(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "x\\ud800", "title": "\\udc00", "text": "A \\ud83d\\ude00 B \\udfff"}\n')
    [article] = iter_articles([str(path)])
    assert article.text == "A \U0001f600 B \ufffd"
    assert (article.id, article.title) == ("x\ufffd", "\ufffd")
    for value in (article.text, article.id, article.title):
        value.encode("utf-8")


def test_non_utf8_file_names_give_writable_ids(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(raw, "wb") as handle:
        handle.write(b"Talks resumed.")
    [article] = iter_articles([str(folder)])
    assert article.id == "caf\\xe9.txt"
    article.id.encode("utf-8")
    article.source.encode("utf-8")


def test_hostile_file_names_are_escaped_in_messages(tmp_path):
    from graphkit.io import describe_problem
    name = tmp_path / "evil\n\x1b[31mred.txt"
    name.write_bytes(b"")
    [problem] = iter_articles([str(name)])
    line = describe_problem(problem)
    assert "\n" not in line and "\x1b" not in line
    assert line.endswith("evil\\n\\x1b[31mred.txt: empty document")


def test_a_single_path_string_is_one_input(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("One.")
    assert [a.id for a in iter_articles(str(path))] == ["one.txt"]
    assert [a.id for a in iter_articles([path])] == ["one.txt"]


def test_huge_metadata_fields_are_capped(tmp_path):
    page = f"<html><head><title>{'T' * 100_000}</title></head><body><p>Body text here.</p></body></html>"
    _, article = only(tmp_path, "t.html", page.encode())
    assert article.title is None or len(article.title) <= 2_000
    path = tmp_path / "t.jsonl"
    path.write_text('{"id": "%s", "title": "%s", "text": "ok"}\n' % ("i" * 5000, "t" * 5000))
    [item] = iter_articles([str(path)])
    assert len(item.id) == 2_000 and len(item.title) == 2_000

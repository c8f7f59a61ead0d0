"""iter_articles on well-formed inputs: kinds, ids, folders, stdin, JSONL, HTML."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from graphkit.io import Limits, ReadProblem, describe_problem, iter_articles
from graphkit.types import Article

DATA = Path(__file__).parent / "data"


def read(inputs, **kwargs):
    return list(iter_articles([str(i) for i in inputs], **kwargs))


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def problems(items):
    return [i for i in items if isinstance(i, ReadProblem)]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["note.txt", "note", "note.md", "NOTE.TXT", "note.csv"])
def test_text_files_of_any_extension_read_as_text(tmp_path, name):
    path = write(tmp_path / name, "Ministers met in Warsaw on Friday.\n")
    [article] = read([path])
    assert article == Article(id=name, text="Ministers met in Warsaw on Friday.\n",
                              source=str(path))


def test_single_file_id_is_its_name_without_folder(tmp_path):
    path = write(tmp_path / "deep" / "story.txt", "Text.")
    [article] = read([path])
    assert article.id == "story.txt"
    assert article.source == str(path)


def test_folder_is_recursive_sorted_and_ids_are_relative(tmp_path):
    root = tmp_path / "corpus"
    write(root / "b.txt", "Bee.")
    write(root / "a" / "x.txt", "Ax.")
    write(root / "a" / "page.html", "<html><body><p>Hello from a page.</p></body></html>")
    write(root / "c" / "x.txt", "Cx.")
    write(root / "a.txt", "Aa.")
    ids = [a.id for a in articles(read([root]))]
    assert ids == ["a/page.html", "a/x.txt", "a.txt", "b.txt", "c/x.txt"]


def test_folder_skips_hidden_and_unknown_extensions(tmp_path):
    root = tmp_path / "corpus"
    write(root / "kept.txt", "Kept.")
    write(root / ".hidden.txt", "Hidden file.")
    write(root / ".git" / "inside.txt", "Hidden folder.")
    write(root / "image.png", b"\x89PNG\r\n\x1a\n")
    write(root / "table.csv", "a,b\n")
    write(root / "README", "No extension in a folder.")
    items = read([root])
    assert [a.id for a in articles(items)] == ["kept.txt"]
    assert problems(items) == []


def test_folder_with_symlink_loop_terminates(tmp_path):
    root = tmp_path / "corpus"
    write(root / "sub" / "a.txt", "A.")
    os.symlink(root, root / "sub" / "loop")
    assert [a.id for a in articles(read([root]))] == ["sub/a.txt"]


def test_stdin_is_text_with_id_stdin():
    [article] = read(["-"], stdin=io.BytesIO("Kyiv said on Monday \u2014 calmly.".encode()))
    assert (article.id, article.source) == ("stdin", "stdin")
    assert article.text == "Kyiv said on Monday \u2014 calmly."


def test_duplicate_ids_get_suffixes_and_both_are_kept(tmp_path):
    one = write(tmp_path / "a" / "x.txt", "First.")
    two = write(tmp_path / "b" / "x.txt", "Second.")
    three = write(tmp_path / "x.txt#2", "A file whose own name looks like a suffix.")
    four = write(tmp_path / "c" / "x.txt", "Fourth.")
    got = [(a.id, a.text) for a in articles(read([one, two, three, four]))]
    assert got == [("x.txt", "First."), ("x.txt#2", "Second."),
                   ("x.txt#2#2", "A file whose own name looks like a suffix."),
                   ("x.txt#3", "Fourth.")]


def test_jsonl_good_and_bad_lines():
    path = DATA / "mixed.jsonl"
    items = read([path])
    got = [(a.id, a.text, a.title, a.date, a.url, a.source) for a in articles(items)]
    assert got == [
        ("alpha", "The council met on Monday.", "First", "2024-01-02",
         "https://example.org/a", f"{path}:1"),
        ("42", "A number as the id.", None, None, None, f"{path}:5"),
        ("mixed.jsonl:6", "No id on this line.", None, None, None, f"{path}:6"),
        ("alpha#2", "The same id again, kept as alpha#2.", None, None, None, f"{path}:9"),
    ]
    reasons = {p.source: p.reason for p in problems(items)}
    assert set(reasons) == {f"{path}:{n}" for n in (2, 3, 7, 8)}
    assert reasons[f"{path}:2"].startswith("malformed JSON")
    assert reasons[f"{path}:3"] == 'no "text" field'
    assert reasons[f"{path}:7"] == "expected a JSON object, got an array"
    assert reasons[f"{path}:8"] == "empty document"
    # items come in file order, problems interleaved where they occur
    assert [getattr(i, "source") for i in items] == [f"{path}:{n}" for n in
                                                     (1, 2, 3, 5, 6, 7, 8, 9)]


@pytest.mark.parametrize("line, reason", [
    ('{"text": 17}', '"text" must be a string, got a number'),
    ('{"text": null}', 'no "text" field'),
    ('{"text": ["a"]}', '"text" must be a string, got an array'),
    ('{"id": {"x": 1}, "text": "ok"}', '"id" must be a string or a number, got an object'),
    ('"just a string"', "expected a JSON object, got a string"),
    ("{'single': 'quotes'}", "malformed JSON"),
    ("[" * 100_000, "malformed JSON"),
])
def test_jsonl_line_problems(tmp_path, line, reason):
    path = write(tmp_path / "bad.jsonl", '{"text": "good"}\n' + line + "\n")
    items = read([path])
    assert [a.text for a in articles(items)] == ["good"]
    [problem] = problems(items)
    assert problem.source == f"{path}:2"
    assert problem.reason.startswith(reason)


def test_jsonl_metadata_types_and_bom(tmp_path):
    path = write(tmp_path / "m.jsonl", b'\xef\xbb\xbf{"id": 3.5, "title": 7, "date": true,'
                 b' "url": null, "text": "Caf\xc3\xa9 talks."}\r\n')
    [article] = read([path])
    assert (article.id, article.title, article.date, article.url, article.text) == (
        "3.5", "7", None, None, "Caf\u00e9 talks.")


def test_jsonl_line_over_the_limit_is_skipped_without_losing_the_next(tmp_path):
    limits = Limits(max_document_chars=10)
    path = write(tmp_path / "long.jsonl", '{"text": "%s"}\n{"text": "short"}\n' % ("x" * 200_000))
    items = read([path], limits=limits)
    assert [a.text for a in articles(items)] == ["short"]
    [problem] = problems(items)
    assert problem.source == f"{path}:1"
    assert "over the limit of 10" in problem.reason


def test_jsonl_text_over_the_limit(tmp_path):
    path = write(tmp_path / "a.jsonl", '{"text": "%s"}\n' % ("y" * 50))
    [problem] = read([path], limits=Limits(max_document_chars=20))
    assert problem == ReadProblem(f"{path}:1", "document has 50 characters, over the limit "
                                               "of 20 (--max-doc-chars)")


def test_html_page_text_and_metadata():
    [article] = read([DATA / "page_with_scripts.html"])
    assert article.id == "page_with_scripts.html"
    assert article.title == "Harbour talks resume after a week of delays"
    assert article.date == "2024-05-14"
    assert article.url == "https://news.example.org/world/harbour-talks"
    assert "met again on Tuesday" in article.text
    assert "fees & berths" in article.text
    assert "<urgent>" in article.text           # entities decode to text, never markup
    assert "MUST_NOT_APPEAR" not in article.text
    assert "NAV_LINK" not in article.text and "Privacy" not in article.text


def test_tiny_html_page_still_gives_its_text(tmp_path):
    path = write(tmp_path / "tiny.htm", "<html><body><script>x()</script><p>Short.</p></body></html>")
    [article] = read([path])
    assert article.text.strip() == "Short."


def test_mixed_inputs_keep_input_order(tmp_path):
    first = write(tmp_path / "z.txt", "Zed.")
    folder = tmp_path / "f"
    write(folder / "a.txt", "Aye.")
    items = read([first, folder, "-"], stdin=io.BytesIO(b"From stdin."))
    assert [a.id for a in articles(items)] == ["z.txt", "a.txt", "stdin"]


def test_describe_problem_is_one_line():
    text = describe_problem(ReadProblem("corpus/a.txt", "empty document"))
    assert text == "graphkit: skipped corpus/a.txt: empty document"


def test_iter_articles_is_lazy(tmp_path):
    for n in range(3):
        write(tmp_path / f"{n}.txt", f"Doc {n}.")
    stream = iter_articles([str(tmp_path)])
    assert next(stream).id == "0.txt"   # a generator: nothing else read yet


def test_long_html_article_is_not_truncated(tmp_path):
    paragraphs = "".join(f"<p>Paragraph {n}: the delegation met officials in Riga and "
                         f"discussed the border, a spokesperson said.</p>" for n in range(200))
    path = write(tmp_path / "long.html", f"<html><body><article>{paragraphs}</article></body></html>")
    [article] = read([path])
    assert len(article.text) > 15_000
    assert "Paragraph 0:" in article.text and "Paragraph 199:" in article.text

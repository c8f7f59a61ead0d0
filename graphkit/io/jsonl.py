"""JSONL: one article per line, streamed, never the whole file in memory.

Each line is a JSON object with a non-empty string "text" and optional "id", "title",
"date", "url". A bad line becomes a ReadProblem naming "file:LINE"; the other lines
still yield. Blank lines are skipped.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from graphkit.io.decoding import (BINARY, clean_field, clean_text, decode_document,
                                  looks_binary)
from graphkit.io.files import SNIFF_BYTES
from graphkit.io.limits import Limits
from graphkit.io.problems import EMPTY, ReadProblem, Rejected
from graphkit.types import Article

# JSON may spell a character as \uXXXX (6 bytes) or a surrogate pair (12 for 2 characters).
_BYTES_PER_CHAR_IN_JSON = 6
_LINE_OVERHEAD = 64 * 1024
_CHUNK = 1 << 20


def iter_jsonl(stream: BinaryIO, source: str, file_id: str,
               limits: Limits) -> Iterator[Article | ReadProblem]:
    """Articles and per-line problems from an open binary JSONL stream."""
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stream, "peek") else b""
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if looks_binary(head) and not head.startswith(b"{"):  # one problem, not one per line
        yield ReadProblem(source, BINARY)
        return
    max_line = limits.max_document_chars * _BYTES_PER_CHAR_IN_JSON + _LINE_OVERHEAD
    number = 0
    while True:
        line = stream.readline(max_line + 1)
        if not line:
            return
        number += 1
        where = f"{source}:{number}"
        if len(line) > max_line and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield ReadProblem(where, f"line has more than {max_line:,} bytes, over the limit "
                                     f"of {limits.max_document_chars:,} characters "
                                     "(--max-doc-chars)")
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        try:
            yield _article(line, where, f"{file_id}:{number}", limits)
        except Rejected as rejected:
            yield ReadProblem(where, rejected.reason)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _article(line: bytes, where: str, default_id: str, limits: Limits) -> Article:
    try:
        line_text = decode_document(line)
    except Rejected:
        raise Rejected("binary data, not text") from None
    try:
        record = json.loads(line_text)
    except (ValueError, RecursionError) as exc:
        raise Rejected(f"malformed JSON ({_json_reason(exc)})") from None
    if not isinstance(record, dict):
        raise Rejected(f"expected a JSON object, got {_json_type(record)}")
    text = record.get("text")
    if not isinstance(text, str):
        missing = "text" not in record or text is None
        raise Rejected('no "text" field' if missing
                       else f'"text" must be a string, got {_json_type(text)}')
    text = clean_text(text)
    if not text.strip():
        raise Rejected(EMPTY)
    if len(text) > limits.max_document_chars:
        raise Rejected(limits.too_long(len(text)))
    return Article(id=_identifier(record.get("id"), default_id), text=text,
                   title=_optional(record.get("title")), date=_optional(record.get("date")),
                   url=_optional(record.get("url")), source=where)


def _identifier(value: object, default: str) -> str:
    """The record's id (string or number) or the file:line default."""
    if isinstance(value, bool) or value is None:
        return default
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return clean_field(value) or default
    raise Rejected(f'"id" must be a string or a number, got {_json_type(value)}')


def _optional(value: object) -> str | None:
    """An optional metadata field: strings kept, numbers as text, anything else dropped."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return clean_field(value)
    return None


def _json_reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):  # msg may end in "at" ("... starting at")
        return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)

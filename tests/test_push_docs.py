"""docs/scaling.md: every `graphkit push` / `graphkit build` line parses with the real options,
and its SPARQL example answers from a store graphkit pushed to."""
from __future__ import annotations

import argparse
import re
import shlex
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from graphkit.push import commands, push_graph
from test_push import corpus_v1, oxigraph, store  # noqa: F401

DOC = Path(__file__).resolve().parent.parent / "docs" / "scaling.md"
TEXT = DOC.read_text(encoding="utf-8")
CONSOLE = re.findall(r"```console\n(.*?)```", TEXT, re.S)
COMMANDS = [line[2:] for block in CONSOLE for line in block.splitlines()
            if line.startswith("$ graphkit ")]


def parser() -> argparse.ArgumentParser:
    from graphkit.commands import build

    p = argparse.ArgumentParser(prog="graphkit")
    sub = p.add_subparsers(dest="command", required=True)
    build.register(sub)
    commands.register(sub)
    return p


def test_the_page_shows_push_and_build_commands():
    kinds = {shlex.split(c)[1] for c in COMMANDS}
    assert kinds == {"push", "build"} and len(COMMANDS) >= 7


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_parses(command):
    args = parser().parse_args(shlex.split(command, comments=True)[1:])
    if args.command == "build" and args.push:
        assert commands.build_push_settings(args) is not None


def test_the_sparql_example_answers(store):
    block = next(b for b in CONSOLE if "curl" in b)
    query = re.search(r"query=\n?(.*)'", block, re.S).group(1)
    graph = re.search(r"FROM <([^>]+)>", query).group(1)
    push_graph(corpus_v1(), store, graph, ontology=False)
    request = urllib.request.Request(store + "/query", data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        rows = reply.read().decode().splitlines()
    assert rows == ["who,whom", "Velmora,Ostrava Bay"]

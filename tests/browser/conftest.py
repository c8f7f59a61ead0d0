"""Browser fixtures: Debian's Chromium driven by Python playwright.

Without /usr/bin/chromium the browser tests are skipped locally, and fail when CI=true.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graphkit.export.html import write_html

CHROMIUM = os.environ.get("GRAPHKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def _unavailable(reason):
    """Skip locally; fail under CI, where the browser tests must run."""
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"{reason} (browser tests are required when CI=true)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium fonts-liberation")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed: pip install 'playwright>=1.45'")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class Loaded:
    """A page with the explorer open, and what it asked of the network and console."""
    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def open_graph(browser, tmp_path):
    """open_graph(G) -> Loaded: writes graph.html, opens it from file://, waits until drawn."""
    contexts = []

    def _open(G, title="graphkit test", viewport=(1400, 900)):
        path = tmp_path / f"graph{len(contexts)}.html"
        write_html(G, path, title=title)
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        contexts.append(context)
        page = context.new_page()
        loaded = Loaded(page)
        page.on("request", lambda request: loaded.requests.append(request.url))
        page.on("console", lambda msg: msg.type in ("error", "warning") and loaded.errors.append(msg.text))
        page.on("pageerror", lambda exc: loaded.errors.append(str(exc)))
        page.goto(path.as_uri())
        page.wait_for_function("window.graphkitReady === true", timeout=15000)
        return loaded

    yield _open
    for context in contexts:
        context.close()

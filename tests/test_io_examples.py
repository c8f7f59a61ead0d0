"""The demo inputs in examples/ read cleanly: every file gives articles, none a problem."""
from __future__ import annotations

from pathlib import Path

from graphkit.io import ReadProblem, iter_articles

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_examples_folder_reads_without_problems():
    items = list(iter_articles([str(EXAMPLES)]))
    assert [i for i in items if isinstance(i, ReadProblem)] == []
    ids = [a.id for a in items]
    assert ids == ["gkw-0412", "gkw-0413", "gkw-0414", "cairo_aid_crossing_talks.txt",
                   "drone_sanctions.txt", "kharkiv_strikes.txt", "page.html",
                   "philippines_typhoon_aid.txt", "warsaw_grain_talks.txt"]
    for article in items:
        if article.id.endswith(".txt"):
            assert 150 <= len(article.text.split()) <= 300, article.id


def test_example_page_keeps_the_article_and_drops_the_chrome():
    [page] = iter_articles([str(EXAMPLES / "page.html")])
    assert page.title == "Seoul and Tokyo ministers meet on North Korea missile tests"
    assert page.date == "2025-09-02"
    assert page.url == "https://news.example.org/2025/09/02/seoul-tokyo-talks"
    assert "Park Ji-hoon met" in page.text and "Mark\nEllison" not in page.text
    for chrome in ("analytics", "loadAd", "trackScroll", "Subscribe", "Ten recipes", "Privacy"):
        assert chrome not in page.text

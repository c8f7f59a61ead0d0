"""notebooks/explore_news_graph.ipynb: committed without outputs, and runs headless from top to
bottom on this environment's kernel (plain `pytest` covers it; `pytest --nbmake notebooks/`
runs it the same way)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOK = NOTEBOOKS / "explore_news_graph.ipynb"

pytestmark = pytest.mark.slow


def run(nb, timeout: int = 600):
    """Execute `nb` in notebooks/ (so ../examples resolves) with the kernelspec python3."""
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb


def outputs(cell) -> str:
    """A cell's printed and displayed text, as one string."""
    parts = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            parts.append(out["text"])
        elif "data" in out:
            parts.append(out["data"].get("text/plain", ""))
            parts.append(out["data"].get("text/html", ""))
    return "\n".join(parts)


def cell_with(nb, snippet: str):
    [cell] = [c for c in nb.cells if c.cell_type == "code" and snippet in c.source]
    return cell


@pytest.fixture(scope="module")
def executed():
    return run(nbformat.read(NOTEBOOK, as_version=4))


def test_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert sum(c.cell_type == "markdown" for c in nb.cells) >= len(code) // 2  # steps are explained


def test_kernel_python3_is_this_environment():
    nb = run(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys; print(sys.prefix)")]),
             timeout=120)
    assert outputs(nb.cells[0]).strip() == sys.prefix


def test_runs_and_builds_the_examples(executed):
    text = outputs(cell_with(executed, 'gk.build("../examples")'))
    match = re.search(r"<KnowledgeGraph: (\d+) documents, (\d+) entities, (\d+) relations>", text)
    assert match and int(match[1]) >= 5 and int(match[3]) > 0
    assert "problems: []" in text


def test_relation_counts_are_plotted(executed):
    cell = cell_with(executed, "counts.plot.bar")
    assert any("image/png" in out.get("data", {}) for out in cell.outputs)


@pytest.mark.parametrize("snippet, expected", [
    ("pd.crosstab(hostile[\"source\"], hostile[\"target\"]", "against whom"),
    ("nx.pagerank", "pagerank"),
    ("SELECT ?who ?whom ?evidence", "evidence"),
])
def test_tables_are_shown(executed, snippet, expected):
    assert expected in outputs(cell_with(executed, snippet))


def test_explorer_is_inline_in_a_sandboxed_frame(executed):
    [html] = [out["data"]["text/html"] for out in cell_with(executed, "around_ukraine.show(").outputs
              if "text/html" in out.get("data", {})]
    assert '<iframe srcdoc="' in html and 'sandbox="allow-scripts"' in html


def test_evidence_is_checked_against_the_article(executed):
    shown = outputs(cell_with(executed, "iter_articles"))
    assert "[[" in shown and "]]" in shown  # the evidence, marked inside its context


def test_write_and_load_round_trip(executed):
    text = outputs(cell_with(executed, "gk.load(folder)"))
    assert "graph.json" in text and "graph.html" in text and "graph.ttl" in text

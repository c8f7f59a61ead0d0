"""Reading inputs (text, HTML, JSONL, folders, stdin) and writing outputs safely.

    from graphkit.io import iter_articles, ReadProblem, Limits
    for item in iter_articles(["corpus/", "page.html", "-"], limits=Limits()):
        if isinstance(item, ReadProblem):
            print(describe_problem(item), file=sys.stderr)
        else:
            ...  # an Article
"""
from graphkit.io.atomic import atomic_open, atomic_write_bytes, atomic_write_text
from graphkit.io.chunking import chunk_text_for_nlp, sentence_break_positions
from graphkit.io.limits import Limits
from graphkit.io.problems import ReadProblem
from graphkit.io.reader import describe_problem, iter_articles

__all__ = [
    "Limits", "ReadProblem", "iter_articles", "describe_problem",
    "chunk_text_for_nlp", "sentence_break_positions",
    "atomic_open", "atomic_write_text", "atomic_write_bytes",
]

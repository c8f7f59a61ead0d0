"""Size limits that keep one hostile input from exhausting memory or time."""
from __future__ import annotations

from dataclasses import dataclass

from graphkit.errors import UsageError

# A character takes at most 4 bytes in UTF-8 (and in UTF-32, and 1-2 in legacy codecs),
# so a file larger than 4 bytes per allowed character cannot be under the limit.
MAX_BYTES_PER_CHAR = 4


@dataclass(frozen=True)
class Limits:
    """How much text graphkit accepts.

    max_document_chars: an article longer than this is refused (--max-doc-chars).
    max_sentence_chars: longest run of text without sentence punctuation the NLP step should
        see in one piece (--max-sentence-chars); see chunk_text_for_nlp.
    """
    max_document_chars: int = 5_000_000
    max_sentence_chars: int = 5_000

    def __post_init__(self) -> None:
        for name, flag in (("max_document_chars", "--max-doc-chars"),
                           ("max_sentence_chars", "--max-sentence-chars")):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise UsageError(f"{flag} must be a positive whole number, got {value!r}")

    @property
    def max_document_bytes(self) -> int:
        """Largest file that could still decode to max_document_chars characters."""
        return self.max_document_chars * MAX_BYTES_PER_CHAR

    def too_long(self, n_chars: int) -> str:
        """The ReadProblem reason for a document of n_chars characters."""
        return (f"document has {n_chars:,} characters, over the limit of "
                f"{self.max_document_chars:,} (--max-doc-chars)")

    def too_big(self, n_bytes: int) -> str:
        """The ReadProblem reason for a file refused on its size alone, before reading it."""
        return (f"document has {n_bytes:,} bytes, more than the limit of "
                f"{self.max_document_chars:,} characters can take (--max-doc-chars)")

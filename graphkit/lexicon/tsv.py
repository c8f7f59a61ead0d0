"""Read the lexicon's TSV files: header line, '#' comments, errors that name file:line."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class LexiconError(ValueError):
    """Bad lexicon data; the message starts with 'file:line:'."""


@dataclass(frozen=True)
class Row:
    path: Path
    line: int
    fields: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.fields[key]

    def error(self, message: str) -> LexiconError:
        return LexiconError(f"{self.path}:{self.line}: {message}")


def read_table(path: Path, columns: tuple[str, ...]) -> list[Row]:
    """Rows of a tab-separated file whose header must be exactly `columns`.

    Blank lines and lines starting with '#' are skipped. Trailing empty columns may be
    omitted; extra columns are an error.
    """
    if not path.is_file():
        raise LexiconError(f"{path}:0: lexicon file is missing")
    rows: list[Row] = []
    header_seen = False
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [cell.strip() for cell in line.split("\t")]
            if not header_seen:
                if tuple(cells) != columns:
                    raise LexiconError(
                        f"{path}:{number}: header should be {'<TAB>'.join(columns)!r}, "
                        f"found {'<TAB>'.join(cells)!r}")
                header_seen = True
                continue
            if len(cells) > len(columns):
                raise LexiconError(
                    f"{path}:{number}: {len(cells)} columns, expected at most {len(columns)} "
                    f"({', '.join(columns)}); check for stray tabs")
            cells += [""] * (len(columns) - len(cells))
            if not cells[0]:
                raise LexiconError(f"{path}:{number}: first column ({columns[0]}) is empty")
            rows.append(Row(path, number, dict(zip(columns, cells))))
    if not header_seen:
        raise LexiconError(f"{path}:1: no header line")
    return rows

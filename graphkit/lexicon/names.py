"""A name index: exact upper-case keys for short acronyms, folded keys for everything else."""
from __future__ import annotations

from .normalize import acronym_key, name_key


class NameIndex:
    """Maps surface names to values; `add` reports a clash instead of overwriting."""

    def __init__(self) -> None:
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}

    def add(self, name: str, value: str) -> str | None:
        """Store name -> value; return the other value if the name already means something else."""
        acronym = acronym_key(name)
        table, key = (self._exact, acronym) if acronym else (self._folded, name_key(name))
        if not key:
            return None
        existing = table.get(key)
        if existing is not None and existing != value:
            return existing
        table[key] = value
        return None

    def get(self, name: str) -> str | None:
        if not name or not name.strip():
            return None
        acronym = acronym_key(name)
        if acronym:
            return self._exact.get(acronym)
        return self._folded.get(name_key(name))

    def __contains__(self, name: str) -> bool:
        return self.get(name) is not None

    def __len__(self) -> int:
        return len(self._exact) + len(self._folded)

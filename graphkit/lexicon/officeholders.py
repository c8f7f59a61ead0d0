"""Office holders: which state a titled person serves, when the text gives a bare title.

"President Donald Trump said ..." in a story about Yemen, "Foreign Minister Abbas Araqchi
said ...": the title needs a state, and the text names none next to it. data/officeholders.tsv
(our own list, 2019-2025 tenures) maps a person's name to the states and offices they held.
The title must still be in the text (GUIDELINES 3.2); the table only says whose office it is.
"""
from __future__ import annotations

from dataclasses import dataclass

from .normalize import name_key

COLUMNS = ("name", "state", "role", "office", "from", "to", "note")
ROLES = ("leader_of", "member_of")


@dataclass(frozen=True)
class Office:
    state: str
    role: str
    office: str


class OfficeHolders:
    """Name -> the offices the table knows for that person (spelling variants included)."""

    def __init__(self, offices: dict[str, tuple[Office, ...]]):
        self._offices = offices
        # "Milei" alone: a family name that only one person of the table bears
        bearers: dict[str, set[str]] = {}
        for key in offices:
            words = key.split()
            if len(words) > 1 and len(words[-1]) >= 4:
                bearers.setdefault(words[-1], set()).add(key)
        self._by_family_name = {word: next(iter(keys)) for word, keys in bearers.items() if len(keys) == 1}

    def offices(self, name: str) -> tuple[Office, ...]:
        return self._offices.get(name_key(name), ())

    def full_name_key(self, family_name: str) -> str | None:
        """The one person of the table whose family name this is ('Milei'), if only one."""
        return self._by_family_name.get(name_key(family_name))

    def state_of(self, name: str, role: str, title: str) -> str | None:
        """The one state or organisation where `name` held a `role` office titled like `title`
        ("foreign minister"), or that role at all when the title matches none; None if unknown
        or ambiguous."""
        fitting = [o for o in self.offices(name) if o.role == role]
        exact = [o for o in fitting if o.office == title]
        titled = [o for o in fitting if o.office in title or title in o.office]
        states = {o.state for o in (exact or titled or fitting)}
        return next(iter(states)) if len(states) == 1 else None

    def __len__(self) -> int:
        return len(self._offices)


def _names(row) -> list[str]:
    note = row["note"]
    variants = note.split("also:", 1)[1].split(";") if "also:" in note else []
    return [row["name"]] + [v.strip() for v in variants if v.strip()]


def build_office_holders(rows, is_canonical) -> OfficeHolders:
    """The table from its rows (see data/officeholders.tsv); a row whose role is unknown or
    whose state is no canonical name of names.tsv/countries.tsv raises LexiconError."""
    offices: dict[str, list[Office]] = {}
    for row in rows:
        if row["role"] not in ROLES:
            raise row.error(f"role must be one of {', '.join(ROLES)}, found {row['role']!r}")
        if not is_canonical(row["state"]):
            raise row.error(f"state {row['state']!r} is no canonical name (countries.tsv, names.tsv)")
        office = Office(row["state"], row["role"], row["office"].lower())
        for name in _names(row):
            bucket = offices.setdefault(name_key(name), [])
            if office not in bucket:
                bucket.append(office)
    return OfficeHolders({k: tuple(v) for k, v in offices.items()})

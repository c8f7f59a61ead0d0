"""The Lexicon: read-only lookups over the loaded relation lexicon."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from types import MappingProxyType

from .names import NameIndex
from .normalize import lemma_key
from .officeholders import OfficeHolders
from .records import CountryInfo, NounFrame, RelationInfo, VerbFrame
from .roles import RoleMatcher


class Lexicon:
    """Verb and noun frames, role titles, place and organisation names, function cues."""

    def __init__(self, *, relations: dict[str, RelationInfo], verbs: dict[str, list[VerbFrame]],
                 nouns: dict[str, list[NounFrame]], variants: dict[str, dict[str, str]],
                 roles: RoleMatcher, countries: dict[str, CountryInfo], names: NameIndex,
                 name_types: dict[str, str], demonyms: NameIndex, capitals: NameIndex,
                 cues: dict[str, frozenset[str]], adjectives: dict[str, str] | None = None,
                 office_holders: OfficeHolders | None = None) -> None:
        self.relations: Mapping[str, RelationInfo] = MappingProxyType(dict(relations))
        self._verbs = {k: tuple(v) for k, v in verbs.items()}
        self._nouns = {k: tuple(v) for k, v in nouns.items()}
        self._variants = variants
        self._roles = roles
        self.countries: Mapping[str, CountryInfo] = MappingProxyType(dict(countries))
        self._names = names
        self._name_types = name_types
        self._demonyms = demonyms
        self._capitals = capitals
        self._cues = cues
        self._adjectives = dict(adjectives or {})
        self._office_holders = office_holders or OfficeHolders({})
        self.multiword_verbs: Mapping[str, frozenset[str]] = MappingProxyType(
            _by_first_word(k for k in self._verbs if " " in k))

    # ------------------------------------------------------------------ frames
    def verb_frames(self, lemma: str) -> list[VerbFrame]:
        """Frames for a verb lemma ("attack", "pull back"); spelling variants are folded."""
        return list(self._verb_frames(lemma))

    def noun_frames(self, lemma: str) -> list[NounFrame]:
        """Frames for a noun lemma ("invasion", "sanction", "talks")."""
        return list(self._noun_frames(lemma))

    @lru_cache(maxsize=16384)
    def _verb_frames(self, lemma: str) -> tuple[VerbFrame, ...]:
        key = lemma_key(lemma)
        key = self._variants["verb"].get(key, key)
        return tuple(self._verbs.get(key, ()))

    @lru_cache(maxsize=16384)
    def _noun_frames(self, lemma: str) -> tuple[NounFrame, ...]:
        key = lemma_key(lemma)
        key = self._variants["noun"].get(key, key)
        frames = self._nouns.get(key)
        if frames is None and key.endswith("s"):
            frames = self._nouns.get(key[:-1])
        return tuple(frames or ())

    def verb_lemmas(self, relation: str | None = None) -> list[str]:
        return sorted(k for k, frames in self._verbs.items()
                      if relation is None or any(f.relation == relation for f in frames))

    def noun_lemmas(self, relation: str | None = None) -> list[str]:
        return sorted(k for k, frames in self._nouns.items()
                      if relation is None or any(f.relation == relation for f in frames))

    def all_verb_frames(self) -> Iterator[VerbFrame]:
        for frames in self._verbs.values():
            yield from frames

    def all_noun_frames(self) -> Iterator[NounFrame]:
        for frames in self._nouns.values():
            yield from frames

    # ------------------------------------------------------------------ roles and names
    @lru_cache(maxsize=65536)   # looked up for every name and title word of every article
    def role_of_title(self, words: str) -> str | None:
        """'White House press secretary' -> 'spokesperson_of'; 'former president' -> None."""
        return self._roles.role_of(words)

    @lru_cache(maxsize=65536)   # looked up for every name and title word of every article
    def holds_no_role(self, words: str) -> bool:
        """'former president', 'opposition leader' -> True: the words name no current office."""
        return self._roles.holds_no_role(words)

    @lru_cache(maxsize=65536)   # looked up for every name and title word of every article
    def is_title(self, words: str) -> bool:
        """'supreme leader', 'president' -> True; 'White House spokesman' -> False (a title
        with an organisation in front)."""
        return self._roles.is_title(words)

    @lru_cache(maxsize=65536)   # looked up for every name and title word of every article
    def canonical_name(self, name: str) -> str | None:
        """'U.S.', 'America' -> 'United States'; 'U.N.' -> 'United Nations'; unknown -> None."""
        return self._names.get(name)

    def office_state(self, person: str, role: str, title: str) -> str | None:
        """The state (or organisation) whose `title` office `person` held, from the office
        holders table: "Abbas Araqchi", "member_of", "foreign minister" -> 'Iran'."""
        return self._office_holders.state_of(person, role, title)

    def office_state_of_names(self, names, role: str, title: str) -> str | None:
        """`office_state` for one entity named several ways: the longest spelling the table
        knows decides ("Alexander Lukashenko" before "Lukashenko")."""
        for name in sorted(set(names), key=lambda n: (-len(n), n)):
            state = self.office_state(name, role, title)
            if state is not None:
                return state
        return None

    def holds_office(self, names, role: str, title: str) -> bool:
        """The table gives one of `names` an office of exactly this title ('Kim Jong Un',
        'leader'): a bare title no other text would tie to a state."""
        return any(o.role == role and o.office == title for n in names for o in self._office_holders.offices(n))

    def leader_state_by_family_name(self, name: str) -> str | None:
        """'Milei' -> 'Argentina': the state the one leader of the table with that family name led."""
        full = self._office_holders.full_name_key(name) if " " not in name.strip() else None
        return self._office_holders.state_of(full, "leader_of", "") if full else None

    @lru_cache(maxsize=65536)   # looked up for every name and title word of every article
    def name_type(self, name: str) -> str | None:
        """'state' | 'igo' | 'org' | 'historical' for a known name, else None."""
        canonical = self._names.get(name)
        return self._name_types.get(canonical) if canonical else None

    @lru_cache(maxsize=65536)   # looked up for every name and title word of every article
    def country_of_demonym(self, word: str) -> str | None:
        """'Russian' / 'Russians' -> 'Russia'; 'U.S.' -> 'United States'."""
        found = self._demonyms.get(word)
        if found is None:
            for base in _plural_bases(word):
                found = self._demonyms.get(base)
                if found:
                    break
        return found

    def demonym_of(self, country: str) -> str | None:
        """'Russia' -> 'Russian'; 'United States' -> 'U.S.'-free adjective 'American'."""
        return self._adjectives.get(self._names.get(country) or country)

    def capital_of(self, city: str) -> str | None:
        """'Moscow' -> 'Russia'; 'Kiev' / 'Kyiv' -> 'Ukraine'."""
        return self._capitals.get(city)

    def country(self, name: str) -> CountryInfo | None:
        canonical = self._names.get(name)
        return self.countries.get(canonical) if canonical else None

    # ------------------------------------------------------------------ cues
    def cues(self, kind: str) -> frozenset[str]:
        """Cue words of one kind (see data/cues.tsv): speech, denial, irrealis, light ..."""
        if kind not in self._cues:
            raise KeyError(f"unknown cue kind {kind!r}; known: {', '.join(sorted(self._cues))}")
        return self._cues[kind]

    @property
    def speech_verbs(self) -> frozenset[str]:
        return self._cues["speech"]

    @property
    def denial_verbs(self) -> frozenset[str]:
        return self._cues["denial"]

    @property
    def negation_verbs(self) -> frozenset[str]:
        return self._cues["negation"]

    @property
    def cessation_verbs(self) -> frozenset[str]:
        return self._cues["cessation"]

    @property
    def irrealis_markers(self) -> frozenset[str]:
        return self._cues["irrealis"]

    @property
    def hedge_verbs(self) -> frozenset[str]:
        return self._cues["hedge"]

    @property
    def light_verbs(self) -> frozenset[str]:
        return self._cues["light"]

    @property
    def light_inverse_verbs(self) -> frozenset[str]:
        return self._cues["light_inverse"]

    @property
    def joint_markers(self) -> frozenset[str]:
        return self._cues["joint"]

    def __repr__(self) -> str:
        return (f"Lexicon({len(self._verbs)} verbs, {len(self._nouns)} nouns, "
                f"{len(self.relations)} relations, {len(self.countries)} countries)")


def _by_first_word(lemmas) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for lemma in lemmas:
        out.setdefault(lemma.split(" ", 1)[0], set()).add(lemma)
    return {k: frozenset(v) for k, v in out.items()}


def _plural_bases(word: str) -> list[str]:
    bases = []
    w = word.strip()
    if w.endswith("'s") or w.endswith("\u2019s"):
        bases.append(w[:-2])
    if w.endswith("men"):
        bases.append(w[:-3] + "man")
    if w.endswith("s") and not w.endswith("ss"):
        bases.append(w[:-1])
    return bases

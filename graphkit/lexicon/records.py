"""The lexicon's record types: frozen dataclasses, no behaviour."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RelationInfo:
    """One relation of graphkit's vocabulary (relations.tsv)."""
    name: str
    plover: str
    cameo: str
    symmetric: bool
    speech_act: bool
    kind: str              # "event" | "role" | "place"
    future_counts: bool    # an announced/future act is still asserted (aids, sanctions, threatens, requests)
    description: str = ""


@dataclass(frozen=True)
class VerbFrame:
    """A verb that signals a relation, and where its target argument is found.

    target slots, in order of preference: "dobj", "dative", "prep:<word>", "xcomp_obj"
    (object of the open complement: "threatened to strike Taiwan"), "ccomp_subj" (subject of
    the complement clause: "warned that X would pay", "called for X to stop") and
    "nsubj_conj" (the other conjunct of a coordinated subject: "A and B clashed").
    """
    lemma: str
    relation: str
    target: tuple[str, ...]
    speech_act: bool
    negative: bool
    weight: float
    note: str = ""
    cameo: str = ""


@dataclass(frozen=True)
class NounFrame:
    """A noun that names a relation's event ("invasion of", "sanctions on", "talks with").

    target_preps / agent_preps hold prepositions or the dependency names "poss", "compound",
    "amod", "appos" ("Syria's ally Russia": agent appos, target poss).
    """
    lemma: str
    relation: str
    target_preps: tuple[str, ...]
    agent_preps: tuple[str, ...]
    weight: float
    note: str = ""
    cameo: str = ""


@dataclass(frozen=True)
class CountryInfo:
    """A state or territory (countries.tsv + GeoNames)."""
    iso2: str
    name: str
    status: str                 # un_member | observer | territory | dependency
    capital: str | None
    geonameid: int | None

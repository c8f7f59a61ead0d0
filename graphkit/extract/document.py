"""One parsed article -> its entities and relations (plain records, no spaCy objects)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ..resolve.local import BLOCS, LocalEntity, resolve_local
from ..types import Article, Relation
from .confidence import EdgeFacts, default_model, named_in
from .mentions import find_mentions
from .relations import RelationExtractor
from .roles import HOME_COUNTRY_CONFIDENCE, RoleExtractor, home_country
from .wordlists import PLACE_RELATIONS, SEATS_OF_GOVERNMENT

# "WASHINGTON (Reuters) -", "KYIV, March 4 (AP) —": the dateline opening the body is no sentence
_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z .,'’/\-]{1,60}(?:,[ \t]*[A-Za-z0-9 .]+)?[ \t]*\([A-Za-z .&]+\)[ \t]*[-–—]+[ \t]*")
_DATELINE_SEARCH_CHARS = 600  # a dateline follows at most a headline or two


def dateline_place(text: str) -> str | None:
    """'WARSAW (Reuters) -' -> 'Warsaw': where the story was filed, or None."""
    match = _DATELINE.search(text, 0, _DATELINE_SEARCH_CHARS)
    if not match:
        return None
    place = match.group(0).split("(")[0].split(",")[0].split("/")[0].strip()
    return place.title() if place else None


def mask_dateline(text: str) -> str:
    """Blank the dateline with spaces: same length, so character offsets stay valid."""
    match = _DATELINE.search(text, 0, _DATELINE_SEARCH_CHARS)
    if not match:
        return text
    start, end = match.span()
    return text[:start] + " " * (end - start) + text[end:]


@dataclass
class DocResult:
    """What one article contributes to the graph."""
    article: Article
    entities: dict[str, LocalEntity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)


def statement_id(doc_id: str, source: str, relation: str, target: str, start: int, end: int,
                 negated: bool, reported_by: str | None) -> str:
    key = "\x1f".join([doc_id, source, relation, target, str(start), str(end), str(negated), reported_by or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def _states_named_by_orgs(entities: dict[str, LocalEntity], lexicon) -> dict[str, str]:
    """'Russian defense ministry', 'Russian military', 'Kremlin' -> 'Russia': the state a body's
    name says it belongs to, whether or not the article names that state."""
    out = {}
    for key, e in entities.items():
        if e.type == "ORG" and e.label in SEATS_OF_GOVERNMENT:
            out[key] = SEATS_OF_GOVERNMENT[e.label]   # "the Kremlin" speaks for Russia
        elif e.type == "ORG" and " " in e.label:
            state = lexicon.country_of_demonym(e.label.split()[0])
            if state:
                out[key] = state
    return out


def _home_states_of_orgs(entities: dict[str, LocalEntity], states_named: dict[str, str]) -> dict[str, str]:
    """The key of the state each body belongs to (`_states_named_by_orgs`), if the article names it."""
    by_label = {e.label: k for k, e in entities.items() if e.type == "GPE"}
    return {key: by_label[state] for key, state in states_named.items() if state in by_label}


def _states_of_offices(homes: dict[str, str], entities: dict[str, LocalEntity]) -> dict[str, str]:
    """'Russian defense ministry' -> the key of the Russian military if the article names it,
    else of Russia: whose forces the office speaks of."""
    # a state's own armed forces, where the article names them, stand in for its offices' forces
    militaries = {state: key for key, state in homes.items() if entities[key].label.endswith(" military")}
    return {key: militaries.get(state, state) for key, state in homes.items()}


def _names_of_state_forces(entities: dict[str, LocalEntity], lexicon) -> dict[str, str]:
    """Russia -> 'Russian military': how a state's armed forces are named when the text says 'its forces'."""
    out = {}
    for key, e in entities.items():
        adjective = lexicon.demonym_of(e.label) if e.type == "GPE" else None
        if adjective:
            out[key] = f"{adjective} military"
    return out


def _without_misplaced_places(raw: list, types: dict[str, str]) -> list:
    """Edges the text's own located_in edges show to be about the wrong place:

    - an attack or retreat told in one sentence of a place and of the place it lies in ('raids in
      Niger's Tillaberi region', 'a garrison in the town of Nasir, in Upper Nile state') is told of
      the inner place only;
    - a deployment to a sea or to a place inside the sender's own state ('sent frigates to the
      Gulf of Finland', 'sent troops to Belgorod, Russia' by Russia) is no aid."""
    inside = {(r.source, r.target) for r in raw if r.relation == "located_in"}   # (inner, outer)
    told = {(r.source, r.relation, r.sent_start, r.target) for r in raw if r.relation in PLACE_RELATIONS}
    return [r for r in raw if not (r.relation in PLACE_RELATIONS and any(
        (r.source, r.relation, r.sent_start, inner) in told for inner, outer in inside if outer == r.target))
            and not (r.relation == "aids" and (types.get(r.target) == "LOC" or (r.target, r.source) in inside))]


def _edge_facts(r, entities: dict[str, LocalEntity], evidence: str, text_length: int) -> EdgeFacts:
    """What the confidence model reads of one extracted edge."""
    def names(key):
        e = entities.get(key)
        return [e.label, *e.aliases] if e else []

    def facts_of(key):
        e = entities.get(key)
        return (e.type, e.mentions) if e else ("NORP", 1)

    (source_type, source_mentions), (target_type, target_mentions) = facts_of(r.source), facts_of(r.target)
    return EdgeFacts(relation=r.relation, trigger=r.trigger, rule_weight=r.confidence,
                     source_type=source_type, target_type=target_type,
                     source_named=named_in(evidence, names(r.source)), target_named=named_in(evidence, names(r.target)),
                     negated=r.negated, reported=r.reported_by is not None,
                     source_mentions=source_mentions, target_mentions=target_mentions,
                     position=r.sent_start / max(1, text_length), evidence_words=len(evidence.split()))


def analyse(doc, article: Article, lexicon, gazetteer) -> DocResult:
    """Mentions, entities, roles and relations of one parsed article."""
    mentions = find_mentions(doc, lambda name: bool(lexicon.canonical_name(name) or lexicon.country_of_demonym(name)
                                                     or name in gazetteer),
                             lambda word: lexicon.country_of_demonym(word) is not None or word in BLOCS,
                             lambda words: lexicon.role_of_title(words) is not None, lexicon.is_title,
                             lexicon.cues("collective").__contains__,
                             lambda name: lexicon.name_type(name) in ("igo", "org"),
                             lambda name: lexicon.country(name) is not None)
    entities = resolve_local(mentions, lexicon, gazetteer)
    types = {key: ent.type for key, ent in entities.items()}
    place = dateline_place(article.text)
    filed_in = (lexicon.capital_of(place) or lexicon.canonical_name(place)) if place else None
    filed_in_key = next((k for k, e in entities.items() if e.label == filed_in and e.type == "GPE"), None)
    states = frozenset(k for k, e in entities.items() if lexicon.name_type(e.label) == "state")
    home_state = home_country(mentions, types, filed_in_key, states)
    role_extractor = RoleExtractor(doc, mentions, lexicon, types, home_state=home_state)
    roles = role_extractor.extract()
    for key, label in role_extractor.extra_entities.items():
        entities[key] = LocalEntity(key=key, label=label, type="ORG", mentions=1)
    holders = {(r.target, r.relation): r.source for r in roles}   # (org, role) -> person
    holders.update({(r.target, r.trigger): r.source for r in roles})   # (org, title) -> person
    affiliations: dict[str, set[str]] = {}   # person -> every organisation or state it has a role in
    served: dict[str, set[str]] = {}   # the same, from roles the text or the office holders table states
    for r in roles:
        if r.relation != "located_in":
            affiliations.setdefault(r.source, set()).add(r.target)
            if r.confidence > HOME_COUNTRY_CONFIDENCE:   # not a bare title's guessed home state
                served.setdefault(r.source, set()).add(r.target)
    igos = frozenset(k for k, e in entities.items() if lexicon.name_type(e.label) == "igo")
    states_named = _states_named_by_orgs(entities, lexicon)
    org_homes = _home_states_of_orgs(entities, states_named)
    relation_extractor = RelationExtractor(doc, mentions, lexicon, types, role_holders=holders,
                                           home_state=home_state, igos=igos,
                                           org_states=_states_of_offices(org_homes, entities), org_homes=org_homes,
                                           org_state_names=states_named,
                                           affiliations=affiliations, states=states, served=served,
                                           state_forces=_names_of_state_forces(entities, lexicon))
    raw = relation_extractor.extract() + roles
    for key, label in relation_extractor.extra_entities.items():
        entities[key] = LocalEntity(key=key, label=label, type=relation_extractor.types.get(key, "NORP"), mentions=1,
                                    aliases=relation_extractor.extra_aliases.get(key, set()))

    raw = _without_misplaced_places(raw, relation_extractor.types)
    best: dict[tuple, object] = {}
    for r in raw:
        key = (r.source, r.relation, r.target, r.negated, r.reported_by)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    relations = []
    text = article.text
    model = default_model()
    for r in best.values():
        evidence = text[r.sent_start:r.sent_end]
        facts = _edge_facts(r, entities, evidence, len(text))
        relations.append(Relation(
            source=r.source, target=r.target, relation=r.relation, doc=article.id,
            evidence=evidence, start=r.sent_start, end=r.sent_end,
            negated=r.negated, reported_by=r.reported_by, trigger=r.trigger,
            confidence=model.confidence(facts) if model else r.confidence, extras={"facts": facts},
        ))
    used = {r.source for r in relations} | {r.target for r in relations} | {r.reported_by for r in relations if r.reported_by}
    kept = {k: e for k, e in entities.items() if e.named or k in used}
    return DocResult(article=article, entities=kept, relations=relations)

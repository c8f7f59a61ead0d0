"""Within one article: cluster mentions into entities and give each a canonical name.

Rules (in order): demonyms stand for their state ("Russian" -> Russia) but are not
aliases; names of states and IGOs are canonicalised ("U.S." -> United States); a
capital used as a name stands for its state ("Washington said" -> United States);
descriptive organisations get a normal form ("Russia's forces" -> Russian military);
a surname merges with the full name used earlier or later ("Kirby" -> John Kirby);
an acronym merges with the name it abbreviates ("RSF" -> Rapid Support Forces).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..extract.mentions import ORG_NAME_HEADS, DocMention
from ..nlp.actor_words import INSTITUTION_HEADS
from .names import MILITARY_HEADS, acronym, entity_id, name_key

INSTITUTION_WORDS = set(INSTITUTION_HEADS) | {"guard", "force", "forces", "ministry", "office", "mission", "headquarters"}


@dataclass
class LocalEntity:
    key: str
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    geonames: str | None = None
    named: bool = False          # named at least once (not only through an adjective)


# political blocs named by a compass word (GUIDELINES 2: NORP "West")
# a nationality with these words names the state itself acting ("the Somali government")
_STATE_ACTING_BODIES = ("government", "authorities")
BLOCS = {"West": "West", "Western": "West", "Westerners": "West"}


class _Canon:
    """Canonical (label, type, geonames, is_alias) for one mention."""

    def __init__(self, lexicon, gazetteer):
        self.lex = lexicon
        self.gaz = gazetteer
        self.adjective_of: dict[str, str] = {}   # country -> adjective seen in this article
        self.only_places: set[str] = set()   # capitals this article names only as locations
        self.named_organisations: set[str] = set()   # canonical names of the states and IGOs named

    def country_name(self, name: str) -> str:
        canon = self.lex.canonical_name(name)
        if canon:
            return canon
        place = self.gaz.get(name)
        if place is not None and place.kind == "country":
            return self.lex.canonical_name(place.name) or place.name
        return name

    def geonames_for(self, label: str) -> str | None:
        """GeoNames id of a canonical name: a country, or a place known under exactly that name."""
        place = self.gaz.get(label)
        if place is None or (place.name != label and place.kind != "country"):
            return None
        return place.geonames

    def of(self, m: DocMention) -> tuple[str, str, str | None]:
        text = m.text
        if text in BLOCS:
            return BLOCS[text], "NORP", None   # "Western governments", "the West": the bloc
        if m.form == "adjective":
            # "Kigali denies ...", parsed as a modifier of the verb: a capital is still its state
            # (but no adjective for "Rwanda's army" to borrow)
            demonym_of = self.lex.country_of_demonym(text)
            country = demonym_of or self.lex.capital_of(text)
            if country:
                if demonym_of:
                    self.adjective_of.setdefault(country, text)
                return country, "GPE", self.geonames_for(country)
            return text, m.type, None
        if m.form == "plural_people":
            return text, "NORP", None
        if m.type == "ORG":
            org = self.descriptive_org(text)
            body = next((b for b in _STATE_ACTING_BODIES if org and org.endswith(" " + b)), None)
            if body:
                # "the Somali government", "Venezuelan authorities" are the state acting (an alias
                # of it, not an office)
                state = self.lex.country_of_demonym(org[: -len(body) - 1]) or self.country_name(org[: -len(body) - 1])
                if state:
                    return state, "GPE", self.geonames_for(state)
            if org:
                return (f"{org} {m.qualifier}" if m.qualifier else org), "ORG", None
            if m.qualifier and not self.lex.canonical_name(text):
                return f"{text} {m.qualifier}", "ORG", None   # "the United Nations Assistance Mission in Afghanistan"
        canon = self.lex.canonical_name(text)
        if canon:
            kind = self.lex.name_type(text)
            ctype = "GPE" if kind == "state" else ("ORG" if kind in ("igo", "org") else m.type)
            return canon, ctype, self.geonames_for(canon)
        seated = SEATED_ORGANISATIONS.get(text)
        if seated in self.named_organisations and m.type != "PERSON" and not m.locative:
            return seated, "ORG", None   # "Brussels said" in a story that names the EU: the EU
        if m.type in ("GPE", "LOC", "ORG", "PERSON"):
            state = self.lex.capital_of(text)
            if state and m.type != "PERSON" and text not in self.only_places:
                return state, "GPE", self.geonames_for(state)
        place = self.gaz.get(text)
        if place is not None and m.type in ("GPE", "LOC"):
            if place.kind == "country":
                name = self.country_name(place.name)
                return name, "GPE", place.geonames
            return text, "GPE", place.geonames  # the article's spelling; GeoNames id links variants
        return text, m.type, m.geonames

    def descriptive_org(self, text: str) -> str | None:
        """'Russian forces' / "Russia's military" -> 'Russian military'; None if not descriptive.

        A demonym keeps the article's own word ("U.S. forces" -> "U.S. military"); a
        possessive state or capital takes the state's adjective ("Russia's forces", "Moscow's
        forces" -> "Russian military").
        """
        words = text.replace("’", "'").split()
        for n in range(min(3, len(words) - 1), 0, -1):
            first, rest = " ".join(words[:n]), " ".join(words[n:])
            if first.endswith("'s"):
                # "Kyiv's troops": a capital's forces are its state's
                country = self.lex.capital_of(first[:-2]) or self.country_name(first[:-2])
                if country == first[:-2] and not self.gaz.get(country):
                    continue
                adjective = self.adjective_of.get(country) or self.lex_adjective(country) or country
            elif self.lex.country_of_demonym(first):
                adjective = first
            else:
                continue
            head = rest.lower().replace("defence", "defense").replace("riot police", "police")   # riot police are its police
            if head in MILITARY_HEADS or INSTITUTION_HEADS.get(head) == "military":
                head = "military"   # "Azerbaijani units": its forces
            elif head.split()[-1] not in INSTITUTION_WORDS:
                return None   # "Georgian Dream" is a name, not a description
            return f"{adjective} {head}"
        return None

    def lex_adjective(self, country: str) -> str | None:
        finder = getattr(self.lex, "demonym_of", None)
        return finder(country) if finder else None


# cities that stand for an organisation seated there, when the article names it ("Brussels" for
# the EU; otherwise Brussels is Belgium's capital)
SEATED_ORGANISATIONS = {"Brussels": "European Union"}


def resolve_local(mentions: list[DocMention], lexicon, gazetteer) -> dict[str, LocalEntity]:
    """Cluster `mentions` (sets `m.entity`) and return the article's entities by key."""
    canon = _Canon(lexicon, gazetteer)
    # a capital named only as a location ("talks in Moscow") is the city; named once as an
    # actor ("Moscow said") it stands for its state throughout (GUIDELINES 2)
    as_actor = {m.text for m in mentions if not m.locative}
    canon.only_places = {m.text for m in mentions if m.locative and m.text not in as_actor and lexicon.capital_of(m.text)}
    canon.named_organisations = {lexicon.canonical_name(m.text) for m in mentions} - {None}
    # adjectives first, so "Russia's forces" can borrow the article's own adjective
    for m in mentions:
        if m.form == "adjective":
            canon.of(m)
    decided = [(m, *canon.of(m)) for m in mentions]

    # "the North" after "North Korea": the state, by its compass word
    compass = {label.split()[0]: label for _, label, type_, _ in decided
               if type_ == "GPE" and len(label.split()) == 2 and label.split()[0] in ("North", "South")}
    decided = [(m, compass[label], "GPE", geo) if label in compass and m.form == "name" else (m, label, type_, geo)
               for m, label, type_, geo in decided]
    # "the Kanak and Socialist National Liberation Front (FLNKS)": the acronym, wherever it is
    # used, names what it follows in brackets
    by_text = {m.text: (label, type_, geo) for m, label, type_, geo in decided if not m.expands_to}
    expanded = {m.text: by_text[m.expands_to] for m, *_ in decided if m.expands_to in by_text}
    decided = [(m, *expanded[m.text]) if m.text in expanded else (m, label, type_, geo)
               for m, label, type_, geo in decided]
    # "led by Maria Corina Machado" typed a place: a name no gazetteer or lexicon knows, that
    # the text uses as a person's, is a person
    people_named = {label for m, label, type_, _ in decided if type_ in ("GPE", "LOC", "ORG") and m.person_cue
                    and _unknown_name(label, m.form, lexicon, gazetteer)}
    decided = [(m, label, "PERSON", None) if label in people_named else (m, label, type_, geo)
               for m, label, type_, geo in decided]
    # "El-Ghassim Wane" typed an organisation, "Wane" a person: the full name is the person's
    surnames = {name_key(label) for _, label, type_, _ in decided if type_ == "PERSON" and " " not in label}
    decided = [(m, label, "PERSON" if (type_ == "ORG" and len(label.split()) > 1 and not m.form == "adjective"
                                       and name_key(label.split()[-1]) in surnames
                                       and not lexicon.canonical_name(label)
                                       and label.split()[-1].lower() not in INSTITUTION_WORDS) else type_, geo)
               for m, label, type_, geo in decided]
    decided = _bodies_by_their_names(decided, lexicon)
    # surnames and acronyms: map short names to the full names the article uses
    full_people = {}
    for m, label, type_, _ in decided:
        if type_ == "PERSON" and len(label.split()) > 1:
            full_people.setdefault(name_key(label.split()[-1]), label)
    # family name first ("Lai Ching-te" ... "Lai"), or a name from the middle ("Luiz Inacio Lula
    # da Silva" ... "Lula"), when no full name ends so
    for m, label, type_, _ in decided:
        if type_ == "PERSON" and len(label.split()) > 1:
            for word in label.split()[:-1]:
                if word[:1].isupper() and len(word) > 2:
                    full_people.setdefault(name_key(word), label)
    acronyms = {}
    for m, label, type_, _ in decided:
        if type_ in ("ORG", "GPE", "NORP", "EVENT") and len(label.split()) > 1:
            ac = acronym(label)
            if len(ac) >= 2:
                acronyms.setdefault(ac, (label, type_))

    entities: dict[str, LocalEntity] = {}
    by_name: dict[str, str] = {}
    for m, label, type_, geonames in decided:
        if len(label.split()) == 1 and type_ in ("PERSON", "ORG", "GPE", "NORP") and name_key(label) in full_people and (
                not gazetteer.get(label, None) or _town_named_as_person(m, label, lexicon, gazetteer)) or (
                type_ == "PERSON" and len(label.split()) == 1 and name_key(label) in full_people):
            label, type_ = full_people[name_key(label)], "PERSON"
        elif label.isupper() and label.replace(".", "") in acronyms:
            label, type_ = acronyms[label.replace(".", "")]
        lookup = _group_key(label, type_)
        key = by_name.get(lookup) or entity_id(type_, label)
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = LocalEntity(key=key, label=label, type=type_, geonames=geonames)
            by_name[lookup] = key
        elif lookup != name_key(label) and label.endswith("s") and not ent.label.endswith("s"):
            ent.aliases.add(ent.label)   # "Houthi" and "Houthis": the group takes the plural name
            ent.label = label
        ent.mentions += 1
        if m.form != "adjective":
            ent.named = True
            if name_key(m.text) != name_key(label):
                ent.aliases.add(m.text)
            if type_ == "ORG" and label.startswith("U.S. ") and label.split()[-1] in ("Department", "Treasury"):
                ent.aliases.add(label[5:])   # "U.S. State Department" is the State Department
            if type_ == "ORG" and label.endswith(" party") and len(label.split()) > 2:
                ent.aliases.add(label[:-6])   # "the Vente Venezuela party" is Vente Venezuela
            if m.area_noun and m.text == label:
                ent.aliases.add(f"{label} {m.area_noun}")   # "Saratov region" is another name of Saratov
        if geonames and not ent.geonames:
            ent.geonames = geonames
        m.entity = key
        if type_ == "GPE" and m.form == "name" and name_key(m.text) != name_key(label) and lexicon.capital_of(m.text):
            _add_city(m, entities, gazetteer)
    return entities


def _bodies_by_their_names(decided, lexicon):
    """'the China Coast Guard' ... "China's coast guard" ... 'Coast guard spokesman X': a state's
    body the article names with the state's name, described with its adjective or possessive
    (resolved to "Chinese coast guard") or bare, is one body under its name."""
    def state_named(word):
        return lexicon.canonical_name(word) if lexicon.name_type(word) == "state" else None

    named = {}
    for m, label, type_, _ in decided:
        words = label.split(" ", 1)
        if type_ == "ORG" and m.form == "name" and len(words) == 2 and words[0][:1].isupper() \
                and all(w[:1].isupper() for w in words[1].split()) and (state := state_named(words[0])):
            named.setdefault((state, words[1].lower()), label)
    if not named:
        return decided
    by_rest = {}
    for (_, rest), label in named.items():
        by_rest.setdefault(rest, set()).add(label)
    out = []
    for m, label, type_, geo in decided:
        if type_ == "ORG" and label not in named.values():
            words = label.split(" ", 1)
            same = named.get((lexicon.country_of_demonym(words[0]) or state_named(words[0]), words[1].lower())
                             ) if len(words) == 2 else None
            if same is None and len(by_rest.get(label.lower(), ())) == 1:
                same = next(iter(by_rest[label.lower()]))   # "Coast guard spokesman X": the one named
            if same is not None:
                label = same
        out.append((m, label, type_, geo))
    return out


def _unknown_name(label: str, form: str, lexicon, gazetteer) -> bool:
    """Two to four capitalised words no gazetteer, lexicon or institution word names."""
    words = label.split()
    return (form == "name" and 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
            and gazetteer.get(label) is None and not lexicon.canonical_name(label) and not lexicon.capital_of(label)
            and not any(w.lower() in INSTITUTION_WORDS or w in ORG_NAME_HEADS for w in words))


def _town_named_as_person(m: DocMention, label: str, lexicon, gazetteer) -> bool:
    """'Quintero' after 'Rafael Quintero': a surname that is also a town's name, used as an
    actor (not "in Quintero"), is the person; never a country's or a capital's name."""
    place = gazetteer.get(label)
    return not m.locative and place is not None and place.kind != "country" and not lexicon.capital_of(label)


def _group_key(label: str, type_: str) -> str:
    """Name key; one-word group names fold singular and plural ("Houthi"/"Houthis")."""
    key = name_key(label)
    if type_ in ("ORG", "NORP") and " " not in key and len(key) > 4 and key.endswith("s"):
        return key[:-1]
    return key


def _add_city(m: DocMention, entities: dict[str, LocalEntity], gazetteer) -> None:
    """A capital standing for its state is still a place when attacked or left: keep the city too."""
    place = gazetteer.get(m.text)
    key = entity_id("GPE", place.name if place is not None else m.text)
    city = entities.get(key)
    if city is None:
        city = entities[key] = LocalEntity(key=key, label=m.text, type="GPE",
                                           geonames=place.geonames if place is not None else None)
    city.mentions += 1
    m.place_entity = key

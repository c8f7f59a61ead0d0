"""located_in from place phrases, for RoleExtractor: "the Ukrainian city of Avdiivka",
"Kharkiv, Ukraine", "X in Y", "Deir al-Balah in central Gaza", "Tbilisi's Rustaveli Avenue",
"the Laotian capital Vientiane". Uses the host's doc, mentions, types, by_token and lex.
"""
from __future__ import annotations

from .mentions import DocMention
from .relations import RawRelation
from .syntax import heads_name_list
from .wordlists import PLACE_KIND_NOUNS

# place nouns that describe the name before them: "the Chapare region of Cochabamba"
_REGION_NOUNS = {"region", "province", "area", "state", "county", "oblast", "governorate", "territory"}

# sites a possessor locates: "Kazakhstan's Tengiz field", "its Hambantota port"
_POSSESSED_SITE_NOUNS = PLACE_KIND_NOUNS | {"field", "airport", "harbour", "harbor", "airbase", "mine", "oilfield"}

# land a place lies "on": "the port of Sanya on the southern island of Hainan"
_LAND_NOUNS = {"island", "peninsula", "archipelago"}

# where in a place: "in central Gaza", "in northwest Greenland"
COMPASS_WORDS = {"central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
                 "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                 "southeastern", "southwestern", "far", "upper", "lower"}


class PlaceRules:
    """Where the places an article names lie (a mixin: see RoleExtractor)."""

    @staticmethod
    def _as_place(m: DocMention) -> str:
        """A capital named as a place is the city, not the state it stands for."""
        return m.place_entity or m.entity

    def _named_place(self, token):
        """A place noun's name before it ("South Kivu province", "the Syunik province"), else the token."""
        if token.i not in self.by_token and token.lemma_ in PLACE_KIND_NOUNS:
            return next((c for c in token.children if c.dep_ == "compound" and c.i in self.by_token), token)
        return token

    def _place_after(self, noun, preps) -> str | None:
        """The named place after the noun's preposition ('city in eastern Congo')."""
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for o in prep.children:
                    if o.dep_ != "pobj":
                        continue
                    o = self._named_place(o)   # "the capital of South Kivu province"
                    if o.i in self.by_token and self.by_token[o.i].form == "name" \
                            and self.types.get(self.by_token[o.i].entity) in ("GPE", "LOC"):
                        return self._as_place(self.by_token[o.i])
        return None

    def _located_in(self) -> list[RawRelation]:
        out = []
        places = [m for m in self.mentions if m.form == "name" and self.types.get(m.entity) in ("GPE", "LOC")]
        for m in places:
            root = self.doc[m.root]
            container = None
            head = root.head
            # "the Ukrainian city of Avdiivka": city -> prep of -> Avdiivka; container = amod of city
            if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in PLACE_KIND_NOUNS:
                noun = head.head
                # "Brazil sent troops to its northern state of Roraima": the state whose it is
                container = next((self._owner_of_pronoun(c) for c in noun.children
                                  if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
                for c in noun.children:
                    if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in self.by_token:
                        named = self.by_token[c.i]
                        if named.form == "name" and c.dep_ in ("compound", "nmod") and self.types.get(named.entity) in ("GPE", "LOC"):
                            start, end = self._sentence_bounds(root)
                            if self.lex.country(m.text) or noun.lemma_ in _REGION_NOUNS:
                                # "Kharkiv region of Ukraine": the named region lies in the country after 'of'
                                out.append(RawRelation(named.entity, self._as_place(m), "located_in", start, end, False,
                                                       None, 0.75, "of"))
                            elif self.types.get(named.entity) == "GPE" and noun.lemma_ not in _REGION_NOUNS:
                                # "the Caracas district of Petare", "the Donetsk village of X": the place after
                                # 'of' lies in the one before (not "the Chapare region of Cochabamba")
                                out.append(RawRelation(self._as_place(m), self._as_place(named), "located_in", start, end,
                                                       False, None, 0.75, "of"))
                            break
                        container = self._as_place(named)
                if container is None:
                    # "the village of Banjska in northern Kosovo" ('in' on the noun or on its verb)
                    container = self._place_after(noun, ("in",)) or (
                        self._place_after(noun.head, ("in",)) if noun.dep_ == "dobj" else None)
            # "Kharkiv, Ukraine": apposition of two places
            elif root.dep_ == "appos" and head.i in self.by_token and head.i < root.i and not heads_name_list(head, root):
                inner = self.by_token[head.i]
                if self.types.get(inner.entity) in ("GPE", "LOC") and inner.entity != m.entity:
                    start, end = self._sentence_bounds(root)
                    out.append(RawRelation(inner.entity, m.entity, "located_in", start, end, False, None, 0.7, ","))
                continue
            # "Goma, the main city in eastern Congo", "Bukavu, the capital of South Kivu"
            if container is None:
                for c in root.children:
                    if c.dep_ == "appos" and c.lemma_ in PLACE_KIND_NOUNS and c.i not in self.by_token:
                        container = self._place_after(c, ("in", "of"))
            # "Tbilisi's Rustaveli Avenue", "Myanmar's Sagaing region": possessive place
            first = root.head if root.dep_ == "conj" else root   # "Afghanistan's Kunar and Nangarhar provinces"
            holder = first.head if first.dep_ in ("compound", "nmod") and first.head.lemma_ in _POSSESSED_SITE_NOUNS else root
            for c in holder.children:
                if c.dep_ == "poss" and c.i in self.by_token:
                    container = self._as_place(self.by_token[c.i])
                elif c.dep_ == "poss" and c.lower_ in ("its", "their") and holder is not root:
                    container = self._owner_of_pronoun(c) or container   # "dock at its Hambantota port"
            # "Oshima-Oshima Island in Hokkaido": a place below state level, in a place
            if container is None and not self.lex.country(self.doc[m.tok_start:m.tok_end].text) \
                    and not self.lex.capital_of(m.text):
                for prep in root.children:
                    if prep.dep_ == "prep" and prep.lower_ == "in":
                        objs = [self._named_place(o) for o in prep.children if o.dep_ == "pobj"]   # "in the Syunik province"
                        inner = next((self.by_token[o.i] for o in objs if o.i in self.by_token), None)
                        if inner is not None and inner.form == "name" and self.types.get(inner.entity) in ("GPE", "LOC"):
                            container = inner.entity
                if container is None:
                    container = self._place_right_after(m)   # 'in' attached elsewhere by the parser
            if container and container != m.entity and self.types.get(container) in ("GPE", "LOC"):
                start, end = self._sentence_bounds(root)
                out.append(RawRelation(m.entity, container, "located_in", start, end, False, None, 0.75, "of"))
                continue
            city = self._as_place(m)
            container = self._capital_of(m, root)
            if container and container != city and self.types.get(container) in ("GPE", "LOC"):
                start, end = self._sentence_bounds(root)
                out.append(RawRelation(city, container, "located_in", start, end, False, None, 0.7, "capital"))
        return out

    def _owner_of_pronoun(self, pronoun) -> str | None:
        """'Sri Lanka allowed the ship to dock at its port': the state that is the subject of
        the clause (or of the clause it depends on) the possessive pronoun sits in."""
        t = pronoun.head
        for _ in range(6):
            subjects = [c for c in t.children if c.dep_ == "nsubj" and c.i in self.by_token]
            if t.pos_ in ("VERB", "AUX") and subjects:
                m = self.by_token[subjects[0].i]
                return self._as_place(m) if m.form == "name" and self.types.get(m.entity) == "GPE" else None
            if t.head.i == t.i:
                return None
            t = t.head
        return None

    def _place_right_after(self, m: DocMention) -> str | None:
        """'Deir al-Balah in central Gaza', 'Scarborough Shoal in the South China Sea': a named
        place right after the name and 'in', however the parser attached the phrase."""
        doc, i = self.doc, m.tok_end
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i >= len(doc) or doc[i].lower_ not in ("in", "on"):
            return None
        on = doc[i].lower_ == "on"
        i += 1
        skipped = set()
        while i < len(doc) and i not in self.by_token and (
                doc[i].lower_ in ("the", "of") or (doc[i].lower_ in COMPASS_WORDS and doc[i].text.islower())
                or doc[i].lower_ in ("capital", "city", "town", "port", "village") or doc[i].lower_ in _LAND_NOUNS):
            skipped.add(doc[i].lower_)
            i += 1   # "in the capital N'Djamena", "in the northern city of Kharkiv", "on the island of Hainan"
        if on and not skipped & _LAND_NOUNS:
            return None   # "on" locates only on an island or peninsula ("the port of Sanya on the island of Hainan")
        inner = self.by_token.get(i)
        if inner is None or inner.tok_start != i or inner.form != "name" or self.types.get(inner.entity) not in ("GPE", "LOC"):
            return None
        return self._as_place(inner)

    def _capital_of(self, m: DocMention, root) -> str | None:
        """'the Laotian capital Vientiane', 'Yemen's capital, Sanaa', 'Culiacan, the capital of
        Sinaloa': the state or region the text names as the one the capital is the capital of."""
        doc = self.doc
        nouns = [c for c in root.children if c.lemma_ == "capital" and c.dep_ in ("compound", "appos")]
        if root.dep_ == "appos" and root.head.lemma_ == "capital":
            nouns.append(root.head)
        if m.tok_end < len(doc) and doc[m.tok_end].text == ",":
            # "Culiacan, the capital of Sinaloa", however the parser hangs the apposition
            for t in doc[m.tok_end + 1:m.tok_end + 5]:
                if t.lemma_ == "capital" and t.pos_ == "NOUN":
                    nouns.append(t)
                    break
                if t.is_punct or t.pos_ in ("VERB", "AUX"):
                    break
        for noun in nouns:
            named = self._place_after(noun, ("of",)) or next(
                (self._as_place(self.by_token[c.i]) if self.by_token[c.i].form == "name" else self.by_token[c.i].entity
                 for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in self.by_token
                 and self.types.get(self.by_token[c.i].entity) in ("GPE", "LOC")), None)
            if named:
                return named
        return None   # a bare "the capital Sanaa": annotators code it in Yemen about half the time

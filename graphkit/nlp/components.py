"""spaCy components graphkit adds after `ner` (registered with Language.factory).

- graphkit_gazetteer: places from GeoNames. Re-labels NER spans that are known
  places (the small model calls Kyiv a PERSON), adds places NER missed, and
  stores the GeoNames id as the entity's kb_id. A longer NER span that merely
  contains a place name ("John Kirby", "Washington Post") is left alone, which
  is why it runs after `ner` and not before it.
- graphkit_actors: descriptive actors NER leaves out or splits: a nationality
  or state followed by an institution ("Russian military", "Chinese coast
  guard", "the Japanese defence ministry") becomes one ORG span.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .actor_words import SECOND_WORD, INSTITUTION_HEADS, MINISTRY_MODIFIERS
from .gazetteer import load_gazetteer

# Place types NER may give that we re-label when the gazetteer knows the span.
_RELABEL = {"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC", "GPE", "EVENT"}
# Cities this small or smaller are trusted only where NER already saw a name.
_MIN_POPULATION_UNSEEN = 100_000
MAX_NAME_TOKENS = 6  # "Bab - el - Mandeb": hyphens are tokens

@Language.factory("graphkit_gazetteer")
def make_gazetteer(nlp: Language, name: str):
    return GazetteerComponent(nlp)


class GazetteerComponent:
    def __init__(self, nlp: Language):
        self.places = load_gazetteer()
        self.max_tokens = MAX_NAME_TOKENS

    def matches(self, doc: Doc):
        """(start, end) token spans whose text is a known place name; longest first, no overlaps.

        A dictionary lookup of the capitalised n-grams: no matcher to build at start-up."""
        out, i, n_tokens = [], 0, len(doc)
        while i < n_tokens:
            if not doc[i].text[:1].isupper():
                i += 1
                continue
            for n in range(min(self.max_tokens, n_tokens - i), 0, -1):
                if doc[i:i + n].text in self.places:
                    out.append((None, i, i + n))
                    i += n
                    break
            else:
                i += 1
        return out

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        by_token = {}
        for ent in ents:
            for i in range(ent.start, ent.end):
                by_token[i] = ent
        new, dropped = [], set()
        for _, start, end in self.matches(doc):
            place = self.places[doc[start:end].text]
            covering = {by_token[i] for i in range(start, end) if i in by_token}
            if not covering:
                if place.kind == "city" and place.population < _MIN_POPULATION_UNSEEN:
                    continue
                if doc[start].is_sent_start and doc[start].is_stop:
                    continue
                new.append(Span(doc, start, end, label=place.type, kb_id=place.geonames))
                continue
            ent = next(iter(covering))
            if len(covering) == 1 and ent.label_ == "TIME" and ent.start == start and end < ent.end:
                # "Kyiv overnight" read as one time expression: the place is a name
                dropped.add(ent)
                new.append(Span(doc, start, end, label=place.type, kb_id=place.geonames))
                continue
            if len(covering) > 1 or ent.label_ not in _RELABEL:
                continue
            core_start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if (core_start, ent.end) == (start, end) or (ent.start <= start and end >= ent.end and ent.label_ != "PERSON"):
                # the place name may run past NER's span ("Czech" of "the Czech Republic")
                dropped.add(ent)
                new.append(Span(doc, ent.start, max(end, ent.end), label=place.type, kb_id=place.geonames))
        if new:
            kept = [e for e in ents if e not in dropped]
            doc.ents = filter_spans(new + kept)
        return doc


@Language.factory("graphkit_actors")
def make_actors(nlp: Language, name: str):
    return ActorPhraseComponent(nlp)


class ActorPhraseComponent:
    """NORP/GPE + institution head -> ORG span ("Russian military", "Chinese coast guard")."""

    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab)
        origin = {"ENT_TYPE": {"IN": ["NORP", "GPE"]}, "OP": "+"}
        possessive = [{"ENT_TYPE": "GPE", "OP": "+"}, {"LOWER": {"IN": ["'s", "’s"]}}]
        heads = [h for h in INSTITUTION_HEADS if h not in SECOND_WORD]
        for prefix in ([origin], [possessive[0], possessive[1]]):
            self.matcher.add("ACTOR", [prefix + [{"LOWER": {"IN": heads}}]])
            self.matcher.add("ACTOR", [prefix + [{"LOWER": {"IN": MINISTRY_MODIFIERS}}, {"LOWER": "ministry"}]])
            for first, second in SECOND_WORD.items():
                self.matcher.add("ACTOR", [prefix + [{"LOWER": first}, {"LOWER": second}]])
            self.matcher.add("ACTOR", [prefix + [{"LOWER": "riot"}, {"LOWER": "police"}]])   # "Georgian riot police"
            # "Nigeria's Defence Headquarters": the armed forces' command
            self.matcher.add("ACTOR", [prefix + [{"LOWER": {"IN": ["defence", "defense"]}}, {"LOWER": "headquarters"}]])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for _, start, end in self.matcher(doc):
            head = doc[end - 1]
            if head.ent_type_ and head.ent_type_ not in ("NORP", "GPE", "ORG"):
                continue
            if head.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
                continue
            if end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].is_alpha:
                continue   # "Sudan's army-led government": the army is half of a modifier
            spans.append(Span(doc, start, end, label="ORG"))
        if spans:
            spans = filter_spans(spans)
            # a longer NER name wins over the description inside it ("Chinese Coast Guard Academy")
            longer = [e for e in doc.ents if e.label_ not in ("NORP", "GPE")
                      and any(e.start <= s.start and s.end <= e.end and len(e) > len(s) for s in spans)]
            spans = [s for s in spans if all(s.end <= e.start or e.end <= s.start for e in longer)]
            taken = {i for s in spans for i in range(s.start, s.end)}
            kept = [e for e in doc.ents if taken.isdisjoint(range(e.start, e.end))]
            doc.ents = filter_spans(spans + kept)
        return doc

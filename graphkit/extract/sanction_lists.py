"""Who else a sanctions announcement names, told after it without the sanctioner:
"Those targeted include X and Y", "Among the firms targeted is X", "X was also targeted",
"The sanctions target X". A mixin of RelationExtractor.
"""
from __future__ import annotations

from .records import RawRelation
from .syntax import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, children, prep_objects

# participles that, after a sanctions announcement, tell who is on its list
LISTED_PARTICIPLES = {"target", "sanction", "blacklist", "designate", "list"}
# verbs whose subject is the list and whose object is on it ("those targeted include X")
LIST_CONTENT_VERBS = {"include", "be"}
# verbs a sanctions measure does to whom it lands on ("the sanctions target X")
MEASURE_VERBS = {"target", "hit", "cover", "affect", "include", "name", "list"}
# nouns that name the sanctions themselves
SANCTION_MEASURE_NOUNS = {"sanction", "measure", "package", "designation", "listing", "penalty", "restriction"}
# how many sentences back the announcement may be
_ANNOUNCEMENT_WINDOW = 2


class SanctionListRules:
    """Targets of a sanctions announcement named in a later sentence (see RelationExtractor)."""

    def _sanctions_carried_on(self, sent, sent_start, sent_end, found, recent_starts) -> list[RawRelation]:
        """The sanctioner of the latest sanctions told in the two sentences before sanctions
        those this sentence lists as targeted with no sanctioner named for them ("Among the firms
        targeted is X, which the U.S. had already sanctioned": also the earlier sanctioner's)."""
        window = set(recent_starts[-_ANNOUNCEMENT_WINDOW:])
        earlier = [r for r in found if r.relation == "sanctions" and r.sent_start in window and not r.negated]
        if not earlier:
            return []
        latest = max(r.sent_start for r in earlier)
        sanctioners = list(dict.fromkeys(r.source for r in earlier if r.sent_start == latest))
        out = []
        for token in sent:
            listed = self._listed_by(token)
            if not listed:
                continue
            # "X was also targeted" lists a person or a body ("Kyiv was targeted" is a strike)
            kinds = ("PERSON", "ORG") if token.dep_ != "acl" and token.tag_ == "VBN" else ("PERSON", "ORG", "GPE")
            targets = [k for o in listed for k in self.entities_of(o)
                       if self.types.get(k) in kinds and k not in sanctioners]
            irrealis, negated = self.modality(token)
            out += self._emit(sanctioners, targets, "sanctions", sent_start, sent_end, 0.6, token.text,
                              irrealis=irrealis, negated=negated, reporter=None)
        return out

    def _listed_by(self, token) -> list:
        """The phrases `token` puts on a sanctions list, or none."""
        lemma = token.lemma_.lower()
        if token.tag_ == "VBN" and lemma in LISTED_PARTICIPLES:
            if token.dep_ == "acl":
                # "Those targeted include X", "Among the firms targeted is X"
                holder = token.head
                clause = holder.head
                if holder.dep_ in SUBJECT_DEPS and clause.lemma_ in LIST_CONTENT_VERBS:
                    return children(clause, OBJECT_DEPS | {"attr"})
                if holder.dep_ == "pobj" and holder.head.lower_ == "among" and holder.head.head.lemma_ == "be":
                    return children(holder.head.head, SUBJECT_DEPS | {"attr", "acomp"})
                return []
            if not prep_objects(token, {"by"}) and not any(c.dep_ == "agent" for c in token.children):
                return children(token, PASSIVE_SUBJECT_DEPS)   # "X was also targeted"
            return []
        if lemma in MEASURE_VERBS and (token.pos_ == "VERB" or token.dep_ == "ROOT"):
            # "The sanctions target X": the measures' own sanctioner is not named
            subjects = children(token, {"nsubj"})
            if subjects and all(s.lemma_.lower() in SANCTION_MEASURE_NOUNS and not any(
                    c.dep_ == "poss" and c.i in self.by_token for c in s.children) for s in subjects):
                return children(token, OBJECT_DEPS)
        return []

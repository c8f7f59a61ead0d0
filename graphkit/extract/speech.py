"""What speakers say: accusations, condemnations, threats and rejections read from the
content of reported speech and from evaluative verbs ("called the move provocative",
"said the army was executing prisoners", "dismissed the claims as lies").
A mixin of RelationExtractor.
"""
from __future__ import annotations

from .records import RawRelation
from .syntax import (FUTURE_AUX, MODAL_IRREALIS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS,
                     children, is_negated, is_passive, prep_objects)
from .wordlists import (EVALUATIVE_VERBS, LIST_NOUNS, PERPETRATION_VERBS, _WINDOW_SENTENCES)


class SpeechRules:
    """Relations implied by what a speaker says (see RelationExtractor)."""

    def _resolve_rejections(self, found: list[RawRelation]) -> list[RawRelation]:
        """'Moscow denied the accusations': the accuser is whoever last accused the rejecter,
        in the same sentence or the two before."""
        if not self.pending_rejections:
            return []
        starts = sorted({s.start_char for s in self.doc.sents})
        index = {start: n for n, start in enumerate(starts)}

        def sentence_of(char):
            return max((n for start, n in index.items() if start <= char), default=0)

        out = []
        for sent_no, rejecters, start, end, weight, trigger, negated in self.pending_rejections:
            for rejecter in rejecters:
                accusers = [r for r in found if r.relation == "accuses" and r.target == rejecter and not r.negated
                            and 0 <= sent_no - sentence_of(r.sent_start) <= _WINDOW_SENTENCES]
                if accusers:
                    accuser = max(accusers, key=lambda r: r.sent_start).source
                    out += self._emit([rejecter], [accuser], "rejects", start, end, weight, trigger,
                                      irrealis=False, negated=negated, reporter=None)
        return out

    def _speech_content(self, speech_verb, sent_start, sent_end) -> list[RawRelation]:
        """What a speaker's clause implies about an actor (lexicon cue lists):

        - a wrongdoing told of an actor: accuses ("said the army was executing prisoners")
        - a disapproving predicate on an actor or its act: condemns ("said X's launch was barbaric")
        - a retribution predicate on an actor: threatens ("said North Korea would pay")
        """
        speakers = self.subjects(speech_verb)
        if not speakers:
            return []
        out = []

        def add(targets, relation, weight, trigger):
            for t in targets:
                for s in speakers:
                    if t != s and self.types.get(t) not in ("LOC",):
                        out.append(RawRelation(s, t, relation, sent_start, sent_end, False, None, weight, trigger))

        for clause in children(speech_verb, {"ccomp", "parataxis", "xcomp", "advcl"}):
            for v in clause.subtree:
                if v.pos_ not in ("VERB", "AUX") or is_negated(v):
                    continue
                if v.pos_ == "VERB" and (v.lemma_ in self.wrongdoing or v.lemma_ in PERPETRATION_VERBS and any(
                        o.lemma_.lower() in self.misdeeds for o in children(v, OBJECT_DEPS))):
                    # "said the army was executing prisoners", "... has committed atrocities"
                    agents = self.passive_agents(v) if is_passive(v) else self.subjects(v)
                    add(agents, "accuses", 0.45, v.text)
                elif v.lemma_ == "be":
                    pred = children(v, {"attr", "acomp"})
                    claims = [n for n in children(v, SUBJECT_DEPS) if n.lemma_.lower() in self.allegations]
                    if claims and any(w.lemma_.lower() in self.dismissal or w.lower_ in self.dismissal
                                      for p in pred for w in p.subtree):
                        # "said the accusations were groundless": a rejection of the accuser
                        out += self._rejection(speech_verb, claims, speakers, sent_start, sent_end, False)
                        continue
                    subjects = [k for n in children(v, SUBJECT_DEPS) for k in self.entities_of(n)]
                    if not subjects and any(n.lower_ in ("this", "that", "it") for n in children(v, SUBJECT_DEPS)):
                        # '"This is an act of aggression," the minister said of the Russian strikes'
                        subjects = [k for o in prep_objects(speech_verb, {"of", "about"})
                                    for k in self.entities_of(o) or self._act_agents(o)]
                    if any(self._disapproving(p) for p in pred):
                        add(subjects, "condemns", 0.5, pred[0].text)
                    elif self._culpable(v):
                        # "said Kosovo was responsible for the violence", "was behind the attack"
                        add(subjects, "accuses", 0.45, v.text)
                if v.lemma_ in self.retribution and (is_passive(v) or any(
                        a.lower_ in FUTURE_AUX or a.lower_ in MODAL_IRREALIS for a in children(v, {"aux"}))):
                    victims = children(v, PASSIVE_SUBJECT_DEPS) if is_passive(v) else children(v, SUBJECT_DEPS)
                    add([k for n in victims for k in self.entities_of(n)], "threatens", 0.55, v.text)
        return out

    def _culpable(self, be) -> bool:
        """'X was responsible for / behind / to blame for ...' (culpability cues)."""
        for c in be.children:
            if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in self.culpability:
                return True
            if c.dep_ == "prep" and c.lower_ in self.culpability and children(c, {"pobj"}):
                return True
            if c.dep_ == "xcomp" and f"to {c.lemma_.lower()}" in self.culpability:
                return True
        return False

    def _disapproving(self, token) -> bool:
        """The word or its modifiers express disapproval ("a barbaric act", "provocative")."""
        words = [token] + [c for c in token.children if c.dep_ in ("amod", "compound", "conj", "advmod")]
        return any(w.lemma_.lower() in self.disapproval or w.lower_ in self.disapproval for w in words)

    def _evaluation(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'branded the U.S. move provocative', 'called the launch a provocation' -> condemns."""
        if verb.lemma_ not in EVALUATIVE_VERBS:
            return []
        objs = children(verb, OBJECT_DEPS)
        if not objs:
            return []
        complements = children(verb, {"oprd", "xcomp", "acomp", "attr", "ccomp"})
        complements += [o for o in prep_objects(verb, {"as"})]
        complements += [c for o in objs for c in o.children if c.dep_ in ("acl", "relcl", "amod", "appos")]
        sources = self.subjects(verb)
        irrealis, negated = self.modality(verb)
        if any(o.lemma_.lower() in self.allegations for o in objs) and any(
                w.lemma_.lower() in self.dismissal or w.lower_ in self.dismissal for c in complements for w in c.subtree):
            # "called the allegations absurd": a rejection of the accuser
            return self._rejection(verb, objs, sources, sent_start, sent_end, negated) or [None]
        if not any(self._disapproving(c) or any(self._disapproving(x) for x in c.subtree) for c in complements):
            return []
        targets = [k for o in objs for k in self.entities_of(o)]
        reporter = self.reporter(verb)
        return self._emit(sources, targets, "condemns", sent_start, sent_end, 0.7, verb.text,
                          irrealis=irrealis, negated=negated, reporter=reporter)

    def _rejection(self, verb, objs, sources, sent_start, sent_end, negated) -> list[RawRelation]:
        """Reject an allegation: its accuser when named ("Kyiv's claims"), else the latest accuser
        of the rejecter in the text before (resolved in `resolve_pending`)."""
        targets = [k for o in objs for k in self.entities_of(o)]
        if targets:
            return self._emit(sources, targets, "rejects", sent_start, sent_end, 0.8, verb.text,
                              irrealis=False, negated=negated, reporter=self.reporter(verb))
        if sources:
            self.pending_rejections.append((self.coref.sent_index.get(verb.i, 0), sources, sent_start,
                                            sent_end, 0.6, verb.text, negated))
        return []

    def _listing(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'returned the Houthis to a list of terrorist groups', 'added the bank to its sanctions
        list' -> sanctions (CAMEO 163: a designation is a sanction)."""
        lists = [o for o in prep_objects(verb, {"to", "on", "onto"}) if o.lemma_.lower() in LIST_NOUNS]
        if not any(w.lemma_.lower().startswith(("terror", "sanction", "blacklist", "black")) or w.lemma_.lower() == "blacklist"
                   for o in lists for w in o.subtree):
            return []
        passive = is_passive(verb)
        sources = self.passive_agents(verb) if passive else self.subjects(verb)
        targets = [k for t in children(verb, PASSIVE_SUBJECT_DEPS if passive else OBJECT_DEPS) for k in self.entities_of(t)]
        irrealis, negated = self.modality(verb)
        return self._emit(sources, targets, "sanctions", sent_start, sent_end, 0.75, verb.text,
                          irrealis=irrealis, negated=negated, reporter=self.reporter(verb))

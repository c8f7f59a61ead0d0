"""Threats: what a speaker says will happen to someone ("said North Korea would pay",
"warned that Russia would respond", '"We will give a firm response," the spokesman said').
A mixin of RelationExtractor.
"""
from __future__ import annotations

from typing import NamedTuple

from .records import RawRelation
from .syntax import FUTURE_AUX, MODAL_IRREALIS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, children, has_mark, \
    is_negated, is_passive, prep_objects
from .wordlists import HOSTILE_ACT_NOUNS, PRICE_NOUNS, READY_WORDS, RESPONDING_VERBS, RESPONSE_NOUNS, THREAT_VERBS

# '"We will respond," the minister said': the act answered was told in this sentence or the three before
_THREAT_WINDOW_SENTENCES = 3
# acts a response answers
_PROVOKING = {"attacks", "accuses", "condemns", "sanctions", "threatens"}
# 'will step up / widen its strikes': more of a hostile act
_ESCALATING_VERBS = {"step", "intensify", "expand", "widen", "escalate", "increase"}
_FORCEFUL = {"decisively", "forcefully", "firmly", "resolutely", "swiftly"}
# auxiliaries of what a speaker says will be done
_WILL = FUTURE_AUX | {"would", "shall"}


class PendingThreat(NamedTuple):
    """An announced response with no target named ('"We will respond," X said'), resolved
    once every sentence is read (see `_resolve_threats`)."""
    sent_no: int
    speakers: list[str]
    start: int
    end: int
    trigger: str
    reporter: str | None


class ThreatRules:
    """Threats read from announced responses and retribution (see RelationExtractor)."""

    def _resolve_threats(self, found: list[RawRelation]) -> list[RawRelation]:
        """'"We will give a firm response," the spokesman said' with no one named: a threat
        against whoever last attacked, accused or sanctioned the speaker's side (this sentence
        or the three before), else whom the speaker attacked in words in the same sentence
        ("said Warsaw's accusations were absurd and warned that Russia would respond")."""
        out = []
        for sent_no, speakers, start, end, trigger, reporter in self.pending_threats:
            for speaker in speakers:
                sides = self._sides(speaker)
                hostile = [r for r in found if r.relation in _PROVOKING and r.target in sides and r.source not in sides
                           and not r.negated and 0 <= sent_no - self._sentence_of_char(r.sent_start) <= _THREAT_WINDOW_SENTENCES]
                if hostile:
                    targets = [self._side_of(max(hostile, key=lambda r: r.sent_start).source, speaker)]
                else:
                    targets = list(dict.fromkeys(
                        r.target for r in found if r.source in sides and r.relation in _PROVOKING | {"rejects"}
                        and r.target not in sides and not r.negated and self._sentence_of_char(r.sent_start) == sent_no))
                out += self._emit([speaker], targets, "threatens", start, end, 0.5, trigger,
                                  irrealis=False, negated=False, reporter=reporter)
        return out

    def _queue_threat(self, trigger, speakers, sent_start, sent_end, reporter) -> None:
        """An announced response whose target is resolved once the whole article is read."""
        self.pending_threats.append(PendingThreat(self.coref.sent_index.get(trigger.i, 0), speakers, sent_start,
                                                  sent_end, trigger.text, reporter))

    def _side_of(self, provoker: str, speaker: str) -> str:
        """A state's answer is to the state: the minister who announced the sanctions stands for
        his state when the one who will respond is no person."""
        if self.types.get(provoker) != "PERSON" or self.types.get(speaker) == "PERSON":
            return provoker
        states = [k for k in self.represented(provoker) if self.types.get(k) == "GPE"]
        return states[0] if len(states) == 1 else provoker

    def retributive(self, verb) -> bool:
        """A predicate of what someone will suffer: "would pay", "will regret it", "would come at
        a high price", "would be met with appropriate measures", "will have consequences", "will
        not go unanswered" (retribution cues and these phrases)."""
        lemma = verb.lemma_.lower()
        if lemma in self.retribution:
            return not is_negated(verb)
        objects = children(verb, OBJECT_DEPS)
        if lemma in ("come", "pay") and any(o.lemma_.lower() in PRICE_NOUNS
                                            for o in objects + prep_objects(verb, {"at"})):
            return True
        if lemma == "meet" and is_passive(verb):
            return any(o.lemma_.lower() in RESPONSE_NOUNS for o in prep_objects(verb, {"with"}))
        if lemma in ("have", "bear"):
            return any(o.lemma_.lower() == "consequence" for o in objects)   # "would bear the consequences"
        return lemma == "go" and any(c.lower_ in ("unanswered", "unpunished") for c in verb.children)

    def _retribution_victims(self, verb) -> list[str]:
        """Who will suffer: the subject ("North Korea would pay"), the agent of an act named as
        the subject ("any NATO build-up would be met with ..."), or "a high price for Caracas"."""
        holders = children(verb, PASSIVE_SUBJECT_DEPS) if is_passive(verb) else children(verb, SUBJECT_DEPS)
        victims = [k for n in holders for k in self.entities_of(n)]
        if not victims:
            victims = [k for o in children(verb, OBJECT_DEPS) + prep_objects(verb, {"at"})
                       if o.lemma_.lower() in PRICE_NOUNS for p in prep_objects(o, {"for"}) for k in self.entities_of(p)]
        return victims

    def _threatened_response(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'promised a proportionate response to the expulsions', 'vowed retaliation for the
        strike': a threat against whoever did the act; 'accused Manila of ... and warned that
        Beijing would take all necessary measures': against the one the speaker just accused."""
        if verb.lemma_ == "reserve" and self._announced_response(verb):
            # "India reserved the right to respond": against whoever last provoked India
            self._queue_threat(verb, self.subjects(verb), sent_start, sent_end, self.reporter(verb))
            return []
        if verb.lemma_ not in THREAT_VERBS and verb.lemma_ not in self.lex.speech_verbs:
            return []
        targets = [k for o in children(verb, OBJECT_DEPS) if o.lemma_.lower() in RESPONSE_NOUNS
                   for p in prep_objects(o, {"to", "for", "against"}) for k in self.entities_of(p) or self._act_agents(p)
                   ] if verb.lemma_ in THREAT_VERBS else []
        # "warned that Hanoi would take countermeasures against China", "said it would respond to
        # any Israeli attack": a response announced against someone
        # "said Pakistan sheltered militants and that India reserved the right to respond": each clause said
        clauses = [x for c in children(verb, {"ccomp"}) for x in [c] + children(c, {"conj"})]
        targets = targets or [k for c in clauses if self._announced_response(c)
                              for k in self._response_targets(c)]
        # "said its forces remained fully prepared to respond to any attack by India": readiness
        ready = [x for c in clauses for a in children(c, {"acomp"}) if a.lemma_.lower() in READY_WORDS
                 and not is_negated(c) for x in children(a, {"xcomp"})]
        targets = targets or [k for x in ready if self._announced_response(x, vowed=True) and any(
            o.lemma_.lower() in HOSTILE_ACT_NOUNS or self._names_misdeed(o) or self._disapproving(o)
            for o in prep_objects(x, {"to", "against"})) for k in self._response_targets(x)]   # not "to the demands"
        if not targets and verb.lemma_ in THREAT_VERBS and not is_negated(verb) and any(
                o.lemma_.lower() in RESPONSE_NOUNS - {"force"} for o in children(verb, OBJECT_DEPS)) \
                and not children(verb, {"ccomp"}):
            # 'vowed "resolute countermeasures" against what it called an assault': against
            # whoever last provoked the speaker's side
            self._queue_threat(verb, self.subjects(verb), sent_start, sent_end, self.reporter(verb))
            return []
        if not targets and verb.dep_ == "conj" and any(
                c.lemma_.lower() in ("take", "adopt", "respond", "retaliate") and (
                    c.lemma_.lower() in ("respond", "retaliate") or any(
                        o.lemma_.lower() in RESPONSE_NOUNS | {"step", "action"} for o in children(c, OBJECT_DEPS)))
                for c in children(verb, {"ccomp", "xcomp"})):
            # the coordinated act's target: "accused Manila ... and warned that Beijing would respond"
            targets = [k for o in children(verb.head, OBJECT_DEPS) for k in self.entities_of(o)]
        announced = [c for c in clauses if self._announced_response(c)] + [
            # "vowing to use overwhelming force until the Houthis stop": a vow is of what is to come
            c for c in children(verb, {"xcomp"}) if verb.lemma_ in THREAT_VERBS and self._announced_response(c, vowed=True)
        ] if not targets else []
        if announced:
            # "would expand its operations in Gaza City", else "If Belarus continues ..., we will
            # not hesitate to take further steps": the one warned; '"We will retaliate," X said of
            # Israel': the one it was said of
            targets = [k for c in announced for o in children(c, OBJECT_DEPS) if o.lemma_.lower() in HOSTILE_ACT_NOUNS
                       for p in prep_objects(o, {"in", "on", "against"}) + prep_objects(c, {"in", "on", "against"})
                       for k in self.entities_of(p, place=True)] \
                or [k for c in announced for k in self._conditioning_subjects(c)] \
                or [k for o in prep_objects(verb, {"of", "about"}) for k in self.entities_of(o)]
            if not targets and verb.lemma_ in THREAT_VERBS | self.lex.speech_verbs and not is_negated(verb):
                irrealis, negated = self.modality(verb)
                if not irrealis and not negated:
                    # "Minsk reserved the right to respond, the ministry said": the one who will respond
                    speakers = [k for c in announced if c.lemma_ == "reserve" for k in self.subjects(c)] or self.subjects(verb)
                    self._queue_threat(verb, speakers, sent_start, sent_end, self.reporter(verb))
        if not targets:
            return []
        return self._emit_for(verb, targets, "threatens", 0.6, sent_start, sent_end)

    def _conditional_threat(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'"If the SDF does not lay down its arms, we will do what is necessary," X said', 'told
        Iran they would trigger sanctions unless Tehran restores access', 'threatened to call a
        referendum if prosecutors tried to arrest him': what the speaker's side will do, on a
        condition set to another actor, threatens that actor (CAMEO 13)."""
        speakers = self.subjects(verb)
        if not speakers or is_negated(verb):
            return []
        sides = set().union(*(self._sides(s) for s in speakers))
        # (an 'xcomp' with a subject of its own is a reported clause the parser mislabelled)
        clauses = [x for c in children(verb, {"ccomp", "parataxis"}) + [c for c in children(verb, {"xcomp"})
                                                                       if children(c, SUBJECT_DEPS)]
                   for x in [c] + children(c, {"conj"})]
        vowed = [c for c in children(verb, {"xcomp"}) if verb.lemma_ in THREAT_VERBS and c not in clauses]   # "threatened to call a vote if ..."
        targets = []
        for clause in clauses + vowed:
            if is_negated(clause) or (clause not in vowed and not any(
                    a.lower_ in _WILL or a.lemma_ in _WILL for a in children(clause, {"aux"}))):
                continue
            doers = [] if clause in vowed else [s for s in children(clause, SUBJECT_DEPS)]
            suffered = clause.lemma_.lower() in ("receive", "face", "get") and any(
                o.lemma_.lower() in RESPONSE_NOUNS for o in children(clause, OBJECT_DEPS))
            if doers and not suffered and not all(d.lower_ in ("we", "i") or set(self.entities_of(d)) & sides for d in doers):
                continue   # the speaker's side does it ("we will", "Turkey would"), not a third party
                # (or the one conditioned suffers it: "If the E3 choose confrontation, they will receive a response")
            targets += self._conditioned_actors(clause, sides)
        if verb.lemma_ in THREAT_VERBS and any(o.lemma_.lower() in RESPONSE_NOUNS for o in prep_objects(verb, {"of"})):
            # "warned of consequences if Taipei declared independence": the one the condition is set to
            targets += self._conditioned_actors(verb, sides)
        if not targets:
            return []
        return self._emit_for(verb, list(dict.fromkeys(targets)), "threatens", 0.5, sent_start, sent_end)

    def _conditioned_actors(self, head, sides) -> list[str]:
        """The actors (not of the speaker's side) an 'if'/'unless' clause on `head` sets its condition to."""
        return [k for condition in self._conditions((head,), ("if", "unless"))
                for sub in children(condition, SUBJECT_DEPS) for k in self.entities_of(sub)
                if k not in sides and self.types.get(k) in ("GPE", "ORG", "PERSON", "NORP")]

    def _conditioning_subjects(self, clause) -> list[str]:
        """The subjects of an 'if'/'unless'/'until' clause on the announced act ("would step up
        its strikes if the Lebanese state failed to disarm the group")."""
        conditions = self._conditions((clause, clause.head), ("if", "unless", "until"))
        return [k for a in conditions for sub in children(a, SUBJECT_DEPS) for k in self.entities_of(sub)]

    @staticmethod
    def _conditions(heads, marks) -> list:
        """The adverbial clauses on `heads` that one of `marks` opens ('if', 'unless' ...)."""
        return [a for h in heads for a in children(h, {"advcl"}) if has_mark(a, marks)]

    def _announced_response(self, clause, vowed: bool = False) -> bool:
        """'would respond', 'will retaliate', 'would take countermeasures', 'will give a firm
        response', 'will act with full force', 'will not hesitate to take further steps',
        'would step up its strikes', 'would answer U.S. escalation with escalation': a response
        to come (vowed: the infinitive of a vow, "vowed to use overwhelming force")."""
        lemma = clause.lemma_.lower()
        if lemma == "reserve" and not is_negated(clause) and any(
                o.lemma_.lower() == "right" and any(a.lemma_.lower() in RESPONDING_VERBS or self._announced_response(a, vowed=True)
                                                    for a in children(o, {"acl", "relcl"}))
                for o in children(clause, OBJECT_DEPS)):
            return True   # "reserved the right to respond at a time of its choosing / to take all necessary measures"
        if lemma == "continue" and not is_negated(clause) and any(
                a.lower_ in MODAL_IRREALIS | FUTURE_AUX or a.lemma_ in FUTURE_AUX for a in children(clause, {"aux"})):
            # "would continue to act with full force against ...": the act to come
            return any(self._announced_response(x, vowed=True) for x in children(clause, {"xcomp"}))
        if not vowed and not any(a.lower_ in MODAL_IRREALIS | FUTURE_AUX or a.lemma_ in FUTURE_AUX
                                 for a in children(clause, {"aux"})):
            return False
        if lemma == "hesitate" and is_negated(clause):
            clause = next(iter(children(clause, {"xcomp"})), clause)   # "will not hesitate to respond"
            lemma = clause.lemma_.lower()
            if lemma == "take" and any(o.lemma_.lower() in ("step", "action") for o in children(clause, OBJECT_DEPS)):
                return True
        elif is_negated(clause):
            return False
        objects = children(clause, OBJECT_DEPS)
        if lemma in RESPONDING_VERBS:
            # not "would respond to the protesters' demands"
            answered = prep_objects(clause, {"to"})
            return not answered or any(self._names_act(o) for o in answered)
        if lemma in ("take", "adopt", "impose", "give", "deliver", "use"):
            return any(o.lemma_.lower() in RESPONSE_NOUNS for o in objects)
        if lemma == "answer":
            return any(self._names_act(o) or self._disapproving(o) for o in objects)   # not "would answer questions"
        if lemma == "act":
            return any(o.lemma_.lower() in RESPONSE_NOUNS for o in prep_objects(clause, {"with"})) or any(
                a.lower_ in _FORCEFUL for a in children(clause, {"advmod"}))
        return lemma in _ESCALATING_VERBS and any(o.lemma_.lower() in HOSTILE_ACT_NOUNS for o in objects)

    def _response_targets(self, clause) -> list[str]:
        """Whom a response is against: 'against China', 'to any Israeli attack' (its agent)."""
        if clause.lemma_.lower() == "continue":
            clause = next(iter(children(clause, {"xcomp"})), clause)   # "would continue to act against X"
        phrases = [clause] + children(clause, OBJECT_DEPS) + prep_objects(clause, {"with"})   # "respond with measures against X"
        # "against China", "against any attempt by Hezbollah to rearm" (the attempt's agent)
        against = [k for h in phrases for p in prep_objects(h, {"against"})
                   for k in self.entities_of(p) or [a for o in prep_objects(p, {"by"}) for a in self.entities_of(o)]]
        answered = prep_objects(clause, {"to"}) + (children(clause, OBJECT_DEPS) if clause.lemma_.lower() == "answer" else [])
        return against or [k for p in answered + [p for h in phrases[1:] for p in prep_objects(h, {"to"})]
                           if self._names_act(p) or self._disapproving(p)
                           for k in self.modifier_entities(p) or self._act_agents(p)]

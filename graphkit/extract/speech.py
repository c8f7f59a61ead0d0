"""What speakers say: accusations, condemnations and rejections read from the content of
reported speech and from evaluative verbs ("called the move provocative",
"said the army was executing prisoners", "dismissed the claims as lies").
A mixin of RelationExtractor.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from .records import RawRelation
from .syntax import (FUTURE_AUX, MODAL_IRREALIS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS,
                     children, conjuncts, instrument_prep_objects, is_conditional, is_negated, is_passive, prep_objects,
                     sentence_span, standing_for)
from .wordlists import (AUTHORING_PARTICIPLES, REJECTED_PRONOUNS, NARRATED_CLAUSE_MARKS,
                        COMBAT_VERBS, COMBATANT_NOUNS, ACT_PRONOUNS, names_armed_group, SUMMARY_NOUNS, ASSAULT_NAMES, CONSENT_NOUNS, WRONG_MANNER_ADVERBS, EVALUATIVE_VERBS, LIST_NOUNS, PERPETRATION_VERBS, CAMPAIGN_NOUNS, CRITICISM_NOUNS,
                        REMARK_NOUNS, DEONTIC_MODALS, SELF_REGARD_WORDS, ENVOY_NOUNS, HOSTILE_ACT_VERBS, PROVOKING_VERBS, EXPECTING_VERBS, MEASURE_NOUNS,
                        ACT_NOUN_VERBS, WRONG_MANNER_ADJECTIVES, CIVILIAN_TARGETS, IMPLICATION_NOUNS, PROPOSAL_NOUNS, PROPOSITION_VERBS, VIOLENT_ACT_NOUNS)


# "X rejected the accusations": the accusation may have been told a paragraph or two before
_REJECTION_WINDOW_SENTENCES = 6
# "... rejected the accusations": also those of the lead, where news tells its main charges
_LEAD_SENTENCES = 2


def _narrated_time_clause(token) -> bool:
    """'..., hours after X struck Y': a time clause set off by a comma."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in NARRATED_CLAUSE_MARKS for c in token.children) \
        and token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","


class PendingRejection(NamedTuple):
    """A rejection whose target is resolved once every sentence is read: the latest actor that
    accused, asked or sanctioned the rejecters (`answered` relations), else `fallback` (whoever
    the text said made the rejected proposal or ruling)."""
    sent_no: int
    rejecters: list[str]
    start: int
    end: int
    weight: float
    trigger: str
    negated: bool
    answered: set[str]
    fallback: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()   # what was rejected ("criticism"): an act told by its verb is preferred
    # the speakers of earlier statements, nearest first, with whom each statement named:
    # "X said Y had shelled the town ... Y rejected the claim" rejects X
    speakers: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = ()
    plural: bool = False   # "rejected the accusations": every accuser told before, not the latest only


def _armed_act(verb) -> bool:
    """'attacked', 'shelled', 'opened fire': a verb of armed action."""
    return verb.lemma_.lower() in COMBAT_VERBS or (
        verb.lemma_.lower() == "open" and any(o.lower_ == "fire" for o in children(verb, OBJECT_DEPS)))


def _hit(verb) -> list:
    """What an armed act hits: its object, or what follows 'on' / 'at' (also after an instrument:
    'opened fire with mortars on a border post')."""
    return (children(verb, PASSIVE_SUBJECT_DEPS if is_passive(verb) else OBJECT_DEPS) + prep_objects(verb, {"on", "at"})
            + instrument_prep_objects(verb, {"on", "at"}))


def _on_civilians(verb) -> bool:
    """An armed act on civilians or their places, or an act noun called unprovoked: 'had bombed
    villages', 'fired on a market', 'carried out unprovoked firing on villages' (a charge by
    itself; an act on soldiers or posts is a war report)."""
    acts = [o for o in children(verb, OBJECT_DEPS)   # "carried out firing on" ('firing' may be tagged a verb)
            if o.lemma_.lower() in ACT_NOUN_VERBS or o.lower_ in ACT_NOUN_VERBS]
    if any(c.dep_ == "amod" and c.lower_ in WRONG_MANNER_ADJECTIVES for a in acts for c in a.children):
        return True
    if not (_armed_act(verb) or acts):
        return False
    hit = [o for o in _hit(verb) if o.lower_ != "fire"] + [o for a in acts for o in prep_objects(a, {"on", "at", "against"})]
    return bool(hit) and all(o.lemma_.lower() in CIVILIAN_TARGETS for o in hit if o not in acts) and any(
        o.lemma_.lower() in CIVILIAN_TARGETS for o in hit)


def _done_wrongly(verb) -> bool:
    """The manner makes the act a wrongdoing: 'entered Estonian airspace without permission',
    'illegally crossed the border', 'fired at villages without any provocation', 'in violation of'."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in WRONG_MANNER_ADVERBS:
            return True
        if c.dep_ == "prep" and c.lower_ == "without" and any(o.lemma_.lower() in CONSENT_NOUNS for o in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "into") and any(
                o.lemma_.lower() in ("violation", "breach", "contravention") for o in c.children):
            return True
    return False


class SpeechRules:
    """Relations implied by what a speaker says (see RelationExtractor)."""

    def _resolve_rejections(self, found: list[RawRelation]) -> list[RawRelation]:
        """'Moscow denied the accusations': the accuser is whoever last accused the rejecter,
        in the same sentence or the six before ('rejected the demand': who last asked it)."""
        if not self.pending_rejections:
            return []
        sentence_of = self._sentence_of_char
        out = []
        told = {(r.source, r.sent_start) for r in found if r.relation == "rejects"}
        for sent_no, rejecters, start, end, weight, trigger, negated, answered, fallback, nouns, speakers, plural \
                in self.pending_rejections:
            for rejecter in rejecters:
                if (rejecter, start) in told:
                    continue   # the sentence named whom it rejects ("..., a label the government rejected")
                # a minister answers what was said of the state she serves; a state what was said
                # of its leader ("accused Kagame of waging war ... Kigali denies it") or its forces
                sides = self._sides(rejecter)
                accusers = [r for r in found if r.relation in answered and r.target in sides and not r.negated
                            and 0 <= sent_no - sentence_of(r.sent_start) and (
                                sent_no - sentence_of(r.sent_start) <= _REJECTION_WINDOW_SENTENCES
                                or (plural and sentence_of(r.sent_start) < _LEAD_SENTENCES))]   # the lead's charges
                if "requests" in answered:
                    # "X called on the EU to sanction Serbia. Belgrade rejected the demand": a demand
                    # made just before, whoever it was put to
                    accusers += [r for r in found if r.relation == "requests" and r.source not in sides and not r.negated
                                 and 0 <= sent_no - sentence_of(r.sent_start) <= 1]
                # "rejected the criticism" answers who criticised, before a later protest by someone else
                told = [r for r in accusers if any(r.trigger.lower().startswith(n[:5]) for n in nouns if len(n) >= 5)]
                accusers = told or accusers
                if accusers:
                    # the latest accusation, with every accuser coordinated in it ("Mali, Burkina Faso and
                    # Niger accused Algeria ... Algeria dismissed the charge")
                    latest = max(accusers, key=lambda r: r.sent_start)
                    named = list(dict.fromkeys(r.source for r in accusers if (
                        plural and r.relation == "accuses") or (r.sent_start == latest.sent_start and r.trigger == latest.trigger)))
                    out += self._emit([rejecter], named, "rejects", start, end, weight, trigger,
                                      irrealis=False, negated=negated, reporter=None)
                elif fallback:
                    out += self._emit([rejecter], [k for k in fallback if k != rejecter], "rejects", start, end,
                                      weight, trigger, irrealis=False, negated=negated, reporter=None)
                else:
                    said_of = next((who for who, named in speakers if named & sides and not set(who) & sides), ())
                    out += self._emit([rejecter], list(said_of), "rejects", start, end, 0.5, trigger,
                                      irrealis=False, negated=negated, reporter=None)
        return out

    def _statements_before(self, noun) -> tuple[tuple[tuple[str, ...], frozenset[str]], ...]:
        """The statements told in the window before `noun` ('the claim', 'the allegations'),
        nearest first: (their speakers, the entities their reported clause names)."""
        first = self.coref.sentence_starts[max(self.coref.sent_index.get(noun.i, 0) - _REJECTION_WINDOW_SENTENCES, 0)]
        out = []
        for verb in reversed(self.doc[first:noun.i]):
            if verb.pos_ != "VERB" or verb.is_ancestor(noun):
                continue
            if verb.lemma_.lower() in self.lex.speech_verbs:
                content = [t for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree]
            elif verb.lemma_ in EVALUATIVE_VERBS and children(verb, {"oprd", "xcomp", "attr"}):
                content = children(verb, OBJECT_DEPS)   # "Kenya called Ethiopia a threat to the region"
            else:
                continue
            speakers = self.subjects(verb)
            named = frozenset(k for t in content if t.pos_ in ("PROPN", "NOUN", "PRON")
                              for k in self.entities_of(t, modifiers=False))
            if speakers and named:
                out.append((tuple(speakers), named))
        return tuple(out)

    def _sentence_of_char(self, char: int) -> int:
        """The number of the sentence holding character offset `char`."""
        if not hasattr(self, "_sentence_starts"):
            self._sentence_starts = [s.start_char for s in self.doc.sents]
        return max(bisect_right(self._sentence_starts, char) - 1, 0)

    def _sides(self, key: str) -> set[str]:
        """`key`, whom it speaks for, the people who lead those and a state's own forces and
        offices ("Baku denied the claims" answers what was said of the Azerbaijani military)."""
        sides = self.represented(key)
        sides = sides | {self.org_homes[k] for k in sides if k in self.org_homes}   # a ministry's state
        return (sides | {person for person, state in self.led_by.items() if state in sides}
                | {org for org, state in self.org_homes.items() if state in sides})

    def _closing_rebuttals(self) -> dict[int, str]:
        """', a charge Kigali denies' closing a sentence: {index of the denial word: the entity
        that denies}. Read from the words, because the small parser often makes the accusation a
        complement of 'denies' (a denied accusation) or reads 'rejects' as a plural noun."""
        out = {}
        denials, doc = self.lex.denial_verbs, self.doc
        for noun in doc[2:]:
            if noun.lemma_.lower() not in self.allegations:
                continue
            det, comma = doc[noun.i - 1], doc[noun.i - 2]
            if comma.text != "," or det.lower_ not in ("a", "an", "the") or noun.i + 1 >= len(doc):
                continue
            first = doc[noun.i + 2] if doc[noun.i + 1].lower_ == "the" and noun.i + 2 < len(doc) else doc[noun.i + 1]
            m = self.by_token.get(first.i)
            sent = noun.sent
            if m is None or m.tok_end >= sent.end:
                continue
            word = doc[m.tok_end]
            denies = word.lemma_.lower() in denials or any(
                word.lower_ in (d + "s", d[:-1] + "ies") for d in denials)
            closing = word.i + 1 >= sent.end or doc[word.i + 1].is_punct or doc[word.i + 1].is_space
            if denies and closing:
                out[word.i] = m.entity
        return out

    def _closing_rebuttal_rejections(self) -> None:
        """Queue each closing rebuttal as a rejection of whoever accused the denier."""
        for i, rejecter in self.rebuttals.items():
            start, end = sentence_span(self.doc[i].sent)
            self.pending_rejections.append(PendingRejection(self.coref.sent_index.get(i, 0), [rejecter], start, end, 0.6,
                                                            self.doc[i].text, False, {"accuses"}))

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
                    if relation == "accuses" and (t in self.represented(s) or self.org_homes.get(t) in self.represented(s)):
                        continue   # a spokesman telling of his own side's strike (or its forces') accuses no one
                    if t != s and self.types.get(t) not in ("LOC",):
                        out.append(RawRelation(s, t, relation, sent_start, sent_end, False, None, weight, trigger))

        for clause in children(speech_verb, {"ccomp", "parataxis", "xcomp", "advcl"}):
            # "X said ..., hours after U.S. forces struck Houthi sites": a time clause set off by a
            # comma is the narrator's, not what X said (wherever the parser hangs it)
            narrated = {t.i for a in clause.subtree if _narrated_time_clause(a) for t in a.subtree}
            for v in clause.subtree:
                if v.i in narrated:
                    continue
                if v.pos_ in ("VERB", "AUX") and any(a.lower_ in DEONTIC_MODALS for a in children(v, {"aux"})) \
                        and not self.retributive(v) and not any(w.lower_ in SELF_REGARD_WORDS for w in v.subtree):
                    # '"The rebels must leave the homes they occupied," he said': a demand of them (not
                    # "Russia must pay", a threat; "India should look inward", a rebuke)
                    obliged = [k for n in children(v, SUBJECT_DEPS) for k in self.entities_of(n) or self.modifier_entities(n)]
                    add([k for k in obliged if self.types.get(k) in ("GPE", "ORG", "PERSON")
                         and not any(k in self.represented(sp) for sp in speakers)], "requests", 0.5, v.text)
                if v.pos_ in ("VERB", "AUX") and self.retributive(v) and (is_passive(v) or any(
                        a.lower_ in FUTURE_AUX or a.lower_ in MODAL_IRREALIS for a in children(v, {"aux"}))):
                    # "said North Korea would pay", "any attack would come at a high price for Caracas"
                    # '"They will regret it," X said of Israel': the one it was said of
                    victims = self._retribution_victims(v) or [
                        k for o in prep_objects(speech_verb, {"of", "about"}) for k in self.entities_of(o)]
                    add(victims, "threatens", 0.55, v.text)
                    if not victims and not is_negated(speech_verb):
                        # '"Any violation of our territory will be met with a full response," X said':
                        # a threat against whoever last provoked the speaker's side
                        self._queue_threat(v, speakers, sent_start, sent_end, self.reporter(speech_verb))
                    continue
                if v.pos_ == "NOUN" and v.lemma_.lower() in self.misdeeds:
                    # "instruments of Lukashenko's repression", "Russian aggression": the wrongdoer named
                    # as the misdeed's possessor or adjective
                    wrongdoers = [k for c in v.children if c.dep_ in ("poss", "amod", "compound") and c.i in self.by_token
                                  for k in [self.by_token[c.i].entity] if self.types.get(k) in ("GPE", "ORG", "PERSON")]
                    if wrongdoers:
                        add(wrongdoers, "accuses", 0.45, v.text)
                        continue
                if v.pos_ == "NOUN" and any(c.dep_ == "amod" and self._disapproving(c) for c in v.children):
                    # "Russia's reckless behaviour must stop", "China's dangerous actions"; "these
                    # dangerous actions": the act told before
                    add([k for k in self.modifier_entities(v) or self._act_agents(v)
                         if self.types.get(k) in ("GPE", "ORG", "PERSON", "NORP")], "condemns", 0.45, v.text)
                    continue
                if v.pos_ not in ("VERB", "AUX") or is_negated(v):
                    continue
                if v.pos_ == "VERB" and (v.lemma_ in self.wrongdoing or v.lemma_ in PERPETRATION_VERBS and any(
                        self._names_misdeed(o) or o.lemma_.lower() in VIOLENT_ACT_NOUNS for o in children(v, OBJECT_DEPS))
                        or _done_wrongly(v) or _on_civilians(v)
                        or (_armed_act(v) and self._charged_by_victim(speech_verb, v, speakers))
                        ) and not is_conditional(v):   # "if X moved south without consent"
                    # "said the army was executing prisoners", "... has committed atrocities"
                    if not is_passive(v) and any(
                            n.lemma_.lower() in ACT_NOUN_VERBS and n.pos_ == "NOUN" for n in children(v, SUBJECT_DEPS)):
                        continue   # "said U.S. strikes killed 31 people": a casualty report, told as the attack
                    if self._combat_report(v) and not self._charged_by_victim(speech_verb, v, speakers):
                        continue   # "said its troops had killed 11 separatist fighters": a war report, no charge
                    if self._asked_of_unnamed(v):
                        continue   # "urging outside powers to stop fuelling the conflict": no one named
                    agents = self.passive_agents(v) if is_passive(v) else self.subjects(v)
                    add(agents, "accuses", 0.45, v.text)
                elif v.lemma_ in ("bear", "carry") and any(o.lemma_.lower() in ("responsibility", "blame")
                                                           for o in children(v, OBJECT_DEPS)):
                    # "said the West bore responsibility for the migrants' plight"
                    add(self.subjects(v), "accuses", 0.45, v.text)
                elif v.lemma_ == "be":
                    pred = children(v, {"attr", "acomp"})
                    authors = [k for p in pred if p.lemma_.lower() in VIOLENT_ACT_NOUNS or self._names_misdeed(p)
                               for acl in children(p, {"acl"})
                               for a in conjuncts(acl) if a.tag_ == "VBN" for k in self.passive_agents(a)]
                    if authors:
                        # '"This is a hybrid attack organised by the Belarusian regime," X said'
                        add(authors, "accuses", 0.45, v.text)
                    claims = [n for n in children(v, SUBJECT_DEPS) if n.lemma_.lower() in self.allegations] or [
                        o for n in children(v, SUBJECT_DEPS) if n.lower_ in ("this", "these", "that", "those", "it")
                        for o in prep_objects(speech_verb, {"of", "about"}) if o.lemma_.lower() in self.allegations]
                    # ('"These are lies," Peskov said of the Ukrainian claims': the claims said of)
                    if claims and any(w.lemma_.lower() in self.dismissal or w.lower_ in self.dismissal
                                      for p in pred for w in p.subtree):
                        # "said the accusations were groundless": a rejection of the accuser
                        out += self._rejection(speech_verb, claims, speakers, sent_start, sent_end, False)
                        continue
                    # "violate U.N. resolutions and are unacceptable": a coordinated predicate shares the subject
                    subject_nouns = children(v, SUBJECT_DEPS) or (children(v.head, SUBJECT_DEPS) if v.dep_ == "conj" else [])
                    pointing = any(n.lower_ in ("this", "that", "it") for n in subject_nouns)
                    # "It was an act of terror"; '"Repeated launches are unacceptable," X said': the launches told before
                    subjects = [] if pointing and any(self._names_act(p) for p in pred) else [
                        k for n in subject_nouns for k in self.entities_of(n) or self._act_agents(n, generic=True)]
                    if not subjects and pointing:
                        # '"This is an act of aggression," the minister said of the Russian strikes';
                        # without 'of': the hostile act told last ("Rebels attacked ... 'It was an act of terror'")
                        subjects = [k for o in prep_objects(speech_verb, {"of", "about"})
                                    for k in self.entities_of(o) or self._act_agents(o)] or (
                            self._earlier_agents(v, HOSTILE_ACT_VERBS | PROVOKING_VERBS) if any(self._disapproving(p) for p in pred) else [])
                    if any(self._disapproving(p) for p in pred):
                        add(subjects, "condemns", 0.5, pred[0].text)
                    elif self._culpable(v):
                        # "said Kosovo was responsible for the violence", "was behind the attack"
                        add(subjects, "accuses", 0.45, v.text)
        return out

    def _expectation(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'"We expect Russia to respect international law," the minister said': a speaker's
        expectation of another's conduct is a demand (only in the first person: "analysts
        expect Russia to attack" asks nothing)."""
        if verb.lemma_ not in EXPECTING_VERBS or not children(verb, {"xcomp", "ccomp"}) or not any(
                s.lower_ in ("we", "i") for s in children(verb, SUBJECT_DEPS)):
            return []
        targets = [k for o in children(verb, OBJECT_DEPS) + [s for c in children(verb, {"ccomp"})
                                                              for s in children(c, SUBJECT_DEPS)]
                   for k in self.entities_of(o)]
        irrealis, negated = self.modality(verb)
        return self._emit(self.subjects(verb), targets, "requests", sent_start, sent_end, 0.5, verb.text,
                          irrealis=irrealis, negated=negated, reporter=None)

    def _names_act(self, noun) -> bool:
        """'an act of terror', 'an attack', 'a violation': the noun names an act, not an actor."""
        lemma = noun.lemma_.lower()
        return lemma in CAMPAIGN_NOUNS or lemma in ACT_NOUN_VERBS or self._names_misdeed(noun)

    def _names_misdeed(self, noun) -> bool:
        """'atrocities', 'war crimes', 'a campaign of piracy and terrorism'."""
        return noun.lemma_.lower() in self.misdeeds or self._campaign_of(noun, self.misdeeds)

    @staticmethod
    def _campaign_of(noun, *word_sets) -> bool:
        """'an act of terror', 'a campaign of aggression': a campaign noun of a word in `word_sets`."""
        return noun.lemma_.lower() in CAMPAIGN_NOUNS and any(
            o.lemma_.lower() in words for o in prep_objects(noun, {"of"}) for words in word_sets)

    def _combat_report(self, verb) -> bool:
        """An armed act on combatants or military sites, told without a wrongful manner: 'said
        rebels had attacked army troops', 'killed four soldiers' (a war report, not a charge)."""
        if not _armed_act(verb) or _done_wrongly(verb):
            return False
        hit = _hit(verb)
        return bool(hit) and all(o.lemma_.lower() in COMBATANT_NOUNS or names_armed_group(o) for o in hit)

    def _charged_by_victim(self, speech_verb, verb, speakers) -> bool:
        """The speaker, named first, tells of an armed act on its own side: 'Tajikistan's border
        service said Kyrgyz troops had attacked Tajik positions' charges Kyrgyzstan (not the closing
        '..., Somali officials said' that sources a narrated attack)."""
        if speech_verb.i > verb.i:
            return False
        hit = _hit(verb)
        own = set().union(*(self.represented(s) | {s, self.org_homes.get(s)} for s in speakers)) - {None}
        # (by the state's name when the article never names the state: "Chad's defence ministry")
        own_states = {self.org_state_names.get(s) for s in speakers} - {None}
        return any(k in own or self.org_homes.get(k) in own or self.org_states.get(k) in own
                   or self.org_state_names.get(k) in own_states
                   for o in hit for k in self.modifier_entities(o))

    def _asked_of_unnamed(self, verb) -> bool:
        """The act is only asked for ('urged ... to stop fuelling the war') and the one asked is
        no named actor: whoever the clause's subject falls back to did not do it."""
        v = verb
        while v.dep_ == "xcomp" and v.head.i != v.i:
            v = v.head
            if self._requesting(v):
                asked = children(v, OBJECT_DEPS) + prep_objects(v, {"on", "upon"})
                return not any(self.entities_of(o) for o in asked)
        return False

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
        if any(w.lemma_.lower() in self.disapproval or w.lower_ in self.disapproval for w in words):
            return True
        return self._campaign_of(token, self.misdeeds, self.disapproval)   # "an act of terror"

    @staticmethod
    def _named_an_attack(noun) -> bool:
        """'called the tariffs an attack on Andean integration': naming an act an assault on
        something condemns it (a plain 'attack' elsewhere is no judgement)."""
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in ASSAULT_NAMES and any(
            c.dep_ == "prep" and c.lower_ in ("on", "against", "upon", "to") for c in noun.children)

    def _what_is_called(self, verb) -> tuple[list, list]:
        """What an evaluative verb calls something ('branded the move provocative'): its objects,
        and predicate words the small parser put inside the object's phrase (else [])."""
        objs = standing_for(children(verb, OBJECT_DEPS), verb)   # "a step that Maduro described as piracy"
        if not objs and verb.dep_ in ("relcl", "acl") and self._relative_without_pronoun(verb):
            objs = [verb.head]   # "a move Frelimo called interference": the noun is what was called so
        if not objs:
            # "called Maduro a dictator", parsed with the name as a modifier of the predicate noun
            objs = [c for p in children(verb, {"oprd"}) for c in p.children
                    if c.dep_ in ("nmod", "compound") and c.i in self.by_token and c.i < p.i - 1]
        predicates = []
        if not objs:
            # "called China's move a provocation", parsed as a noun clause with the predicate as its object
            noun_clauses = [c for c in children(verb, {"ccomp"}) if c.pos_ == "NOUN" and children(c, {"dobj"})]
            objs = noun_clauses[:1]
            predicates = [d for c in noun_clauses[:1] for d in children(c, {"dobj"})]
        dismissing = [p for p in (objs or children(verb, {"oprd"}))
                      if p.lemma_.lower() in self.dismissal or p.lower_ in self.dismissal]
        claims_in_predicate = [c for p in dismissing for c in p.children
                               if c.dep_ in ("compound", "nmod") and c.lemma_.lower() in self.allegations]
        if claims_in_predicate:
            # "called the claim disinformation", parsed as one noun phrase: the claim is what was called so
            return claims_in_predicate, dismissing
        return objs, predicates

    def _evaluation(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'branded the U.S. move provocative', 'called the launch a provocation' -> condemns."""
        if verb.lemma_ not in EVALUATIVE_VERBS:
            return []
        objs, misparsed_predicates = self._what_is_called(verb)
        if not objs:
            return []
        if [o.lower_ for o in objs] == ["what"] and not (verb.dep_ == "ccomp" and self.verb_frames(verb.head)):
            # (not "rejecting what he called Washington's demands": the governing verb says what is done)
            # "... distract from what he called Deby's crackdown": naming a misdeed someone's,
            # whatever the clause around the free relative says
            named = [n for n in children(verb, {"oprd", "xcomp", "attr"}) + prep_objects(verb, {"as"})
                     if n.pos_ == "NOUN" and (self._disapproving(n) or self._names_misdeed(n) or self._names_act(n))]
            targets = [k for n in named for k in self.modifier_entities(n)]
            return self._emit(self.subjects(verb), targets, "condemns", sent_start, sent_end, 0.6, verb.text,
                              irrealis=False, negated=False, reporter=None) if targets else []
        complements = children(verb, {"oprd", "xcomp", "acomp", "attr", "ccomp"})
        # "regarded the measures as illegal": 'as' on the verb or on its object, with a noun or
        # an adjective the small parser may attach as a modifier
        complements += [c for head in [verb] + objs for p in children(head, {"prep"}) if p.lower_ == "as"
                        for c in p.children]
        complements += [c for o in objs for c in o.children if c.dep_ in ("acl", "relcl", "amod", "appos")]
        complements += misparsed_predicates
        sources = self.subjects(verb)
        irrealis, negated = self.modality(verb)
        # "calling the allegations from Yerevan 'disinformation'": the parser may fold the
        # predicate noun into the object's phrase
        folded = [w for o in objs if o.lemma_.lower() in self.allegations for w in o.subtree if w.i > o.i]
        if any(o.lemma_.lower() in self.allegations for o in objs) and any(
                w.lemma_.lower() in self.dismissal or w.lower_ in self.dismissal
                for w in [w for c in complements for w in c.subtree] + folded):
            # "called the allegations absurd": a rejection of the accuser
            return self._rejection(verb, objs, sources, sent_start, sent_end, negated) or [None]
        if not any(self._disapproving(c) or self._named_an_attack(c) or any(
                self._disapproving(x) or x.lemma_.lower() in self.dismissal for x in c.subtree) for c in complements):
            return []   # "called the sanctions absurd": dismissing a measure condemns it
        # "called the strikes a war crime": the agents of the act the noun refers back to;
        # "condemned that decision, and Saar called it outrageous": 'it' is the act just named
        # "condemned the strikes, with Ankara describing them as ...": 'them' is the acts named before
        pronouns = [o for o in objs if o.lower_ in ACT_PRONOUNS]
        objs = [(self._act_named_before(o) or o) if o.lower_ in ACT_PRONOUNS else o for o in objs]
        if any(c.lemma_.lower() in SUMMARY_NOUNS for c in complements):
            # 'called it "a destructive step"': 'it' is an act, never a place or actor it might resolve to
            pronouns = []
            objs = [o for o in objs if o.lower_ not in ACT_PRONOUNS]
        if any(self._clause_relative(o) for o in children(verb, OBJECT_DEPS)):
            # "held drills near Palawan, which Beijing denounced as provocative": the drills' doers
            targets = [k for k in self._clause_doers(verb.head) if k not in sources]
        else:
            targets = [k for o in objs for k in self.entities_of(o) or self._act_agents(o)]
        if pronouns and not set(targets) - set(sources):
            # "severed ties with the UAE, calling it an aggressor state": 'it' is an actor, not the act
            with self.coref.excluding(clause_subjects=sources):   # 'it' is not the one calling
                targets = [k for o in pronouns for k in self.entities_of(o)]
        if not targets or (pronouns and not set(targets) - set(sources)):
            # "called the incursion a deliberate provocation by Russia": the doer the predicate names
            targets = [k for c in complements if c.pos_ == "NOUN" and (self._disapproving(c) or self._names_misdeed(c))
                       for o in prep_objects(c, {"by"}) for k in self.entities_of(o)] or targets
        reporter = self.reporter(verb)
        return self._emit(sources, targets, "condemns", sent_start, sent_end, 0.7, verb.text,
                          irrealis=irrealis, negated=negated, reporter=reporter)

    def _act_named_before(self, pronoun):
        """The act noun an object 'it' stands for: a definite act noun that is the object of an
        earlier word in the same sentence ("condemned the move and called it illegal")."""
        for t in reversed(self.doc[pronoun.sent.start:pronoun.i]):
            # "condemned the move and called it illegal", "said two children were killed in that
            # attack, condemned it as ..."
            if t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and t.lemma_.lower() in ACT_NOUN_VERBS \
                    and self._act_agents(t):
                return t
        return None

    def is_proposition(self, noun) -> bool:
        """A claim, demand, proposal or measure someone made: what a rejection rejects."""
        lemma = noun.lemma_.lower()
        return lemma in self.allegations or lemma in self.messages or lemma in MEASURE_NOUNS or lemma in IMPLICATION_NOUNS

    def _proposition_authors(self, noun) -> list[str]:
        """Who made the claim, demand or measure `noun`: "Sweden's proposal", "a plan put forward
        by Peru", or, for "..., a demand Lome rejected", the subject of the clause it sums up."""
        keys = self._authors_by(noun)
        if keys:
            # "sanctions imposed by the United States", "a Security Council resolution drafted by
            # Malta": the author named by 'by' before the body named as a modifier
            return keys
        keys = self.entities_of(noun)
        if keys:
            return keys
        if self._indefinite_after_comma(noun):
            clause = noun.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
            if noun.lemma_.lower() in self.allegations:
                # "accused X of letting Y operate from its soil, a charge Z denies": the charge is
                # the accusation's, not the clause inside it whose noun the parser hung it on
                while not (self._accusing(clause) or clause.lemma_ in self.lex.speech_verbs) and clause.head.i != clause.i:
                    clause = clause.head
            summed_up = self._summed_up_clause(clause) if clause.pos_ == "VERB" else None
            if summed_up is not None:
                clause = self.doc[summed_up]   # ", a charge Kabul denies" parsed as the root
            if clause.pos_ in ("VERB", "AUX"):
                return self.subjects(clause)
        return []

    def _authors_by(self, noun, besides=None) -> list[str]:
        """The 'by' agents of participles on `noun` ("sanctions imposed by the United States",
        "a resolution drafted by Malta"), other than the participle `besides`."""
        by = [k for acl in children(noun, {"acl"}) if acl.tag_ == "VBN" and (besides is None or acl.i != besides.i)
              for k in self.passive_agents(acl)]
        # "the U.S.-drafted resolution", "a Qatari-brokered truce": the name before the hyphen
        return by or [k for p in children(noun, {"amod"}) if p.lower_ in AUTHORING_PARTICIPLES
                      for c in p.children if c.i < p.i and c.dep_ in ("npadvmod", "compound", "amod", "nmod")
                      for k in self.entities_of(c)]

    def _rejection(self, verb, objs, sources, sent_start, sent_end, negated) -> list[RawRelation]:
        """Reject a claim, demand or measure: its author when the phrase names it ("Kyiv's
        claims", "a plan put forward by Peru"), else whoever last accused, asked or sanctioned
        the rejecter in the text before (resolved in `_resolve_rejections`)."""
        pronouns = all(o.lower_ in REJECTED_PRONOUNS or self._clause_relative(o, actors=True) for o in objs)
        targets = [] if pronouns else [k for o in objs for k in self._proposition_authors(o)]
        if targets:
            reporter = self.reporter(verb)
            out = self._emit(sources, targets, "rejects", sent_start, sent_end, 0.8, verb.text,
                             irrealis=False, negated=negated, reporter=reporter)
            if not negated and all(o.lemma_.lower() in PROPOSAL_NOUNS for o in objs):
                out += self._proposal_put_to(sources, targets, objs[0], sent_start, sent_end)
            return out
        if sources and all(o.tag_ == "NNS" and o.lemma_.lower() in PROPOSAL_NOUNS and not any(
                c.dep_ in ("det", "poss") for c in o.children) for o in objs):
            return []   # "rejected calls for talks": calls in general, from no one in particular
        if sources:
            answered = set().union(*(self._answered_relations(o) for o in objs))
            # "Egypt proposed a ceasefire ... Hamas rejected the proposal": who made it before
            fallback = tuple(k for k in self._earlier_authors(objs) if k not in sources)
            claims = [o for o in objs if o.lemma_.lower() in self.allegations and any(
                c.dep_ == "det" and c.lower_ in ("the", "these", "those", "that", "this") for c in o.children)]
            self.pending_rejections.append(PendingRejection(self.coref.sent_index.get(verb.i, 0), sources, sent_start,
                                                            sent_end, 0.6, verb.text, negated, answered, fallback,
                                                            tuple(o.lemma_.lower() for o in objs),
                                                            self._statements_before(claims[0]) if claims else (),
                                                            any(c.tag_ == "NNS" for c in claims)))
        return []

    def _earlier_authors(self, objs) -> list[str]:
        """'rejected the ruling/the proposal': whoever the text said made it before, as a noun
        ("a ruling by the court") or a verb ("Egypt proposed a truce"), in this sentence or the
        six before."""
        for noun in objs:
            lemma = noun.lemma_.lower()
            # "the autonomy plan" (not "Sweden's proposal", which names its author)
            if not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in noun.children) \
                    or any(c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.i in self.by_token)
                           for c in noun.children) or lemma not in PROPOSITION_VERBS:
                continue
            first = self.coref.sentence_starts[max(self.coref.sent_index.get(noun.i, 0) - _REJECTION_WINDOW_SENTENCES, 0)]
            for t in reversed(self.doc[first:noun.i]):
                if t.pos_ == "NOUN" and t.lemma_.lower() == lemma:
                    authors = self._authors_by(t) or self.modifier_entities(t) or [
                        k for o in prep_objects(t, {"by", "from"}) for k in self.entities_of(o)]
                elif t.pos_ == "VERB" and t.lemma_.lower() in PROPOSITION_VERBS[lemma] and t.dep_ != "amod":
                    authors = self.passive_agents(t) if is_passive(t) else self.subjects(t)
                else:
                    continue
                if authors:
                    return authors
        return []

    def _proposal_put_to(self, rejecters, authors, proposal, sent_start, sent_end) -> list[RawRelation]:
        """'rejected a U.S. proposal': the proposal was a request to the rejecter (guidelines 4)."""
        return self._emit(authors, rejecters, "requests", sent_start, sent_end, 0.6, proposal.text,
                          irrealis=False, negated=False, reporter=None)

    def _answered_relations(self, noun) -> set[str]:
        """The acts a rejection of `noun` answers: an accusation, a demand, a sanction."""
        lemma = noun.lemma_.lower()
        if noun.lower_ in REJECTED_PRONOUNS:
            return {"requests", "accuses"}   # "rejected it": the offer or the charge told just before
        if lemma in MEASURE_NOUNS:
            return {"sanctions"}
        if lemma in self.messages:
            return {"requests"}
        if lemma in CRITICISM_NOUNS:
            return {"condemns", "accuses"}   # "rejected the criticism"
        if lemma in REMARK_NOUNS:
            return {"condemns", "accuses", "requests", "threatens"}   # "dismissed the statement"
        return {"accuses"}

    def _recalled_envoy(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'recalled its ambassador from Algeria (in protest)': a diplomatic protest against the
        host state (GUIDELINES 3.1: a diplomatic protest is CONDEMN), as summoning its envoy is."""
        envoys = [o for o in children(verb, OBJECT_DEPS) if o.lemma_.lower() in ENVOY_NOUNS]
        if not envoys:
            return []
        hosts = prep_objects(verb, {"from"}) + [p for e in envoys for p in prep_objects(e, {"from", "to", "in"})]
        targets = [k for h in hosts for k in self.entities_of(h)]
        return self._emit_for(verb, targets, "condemns", 0.6, sent_start, sent_end)

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
        return self._emit_for(verb, targets, "sanctions", 0.75, sent_start, sent_end, sources=sources)

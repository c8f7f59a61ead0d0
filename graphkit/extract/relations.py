"""Relations from the dependency parse, driven by the relation lexicon.

For every verb (or nominal trigger) the lexicon knows, find its agent and
target mentions through the parse (active and passive voice, coordination,
shared subjects of conjoined verbs, light-verb constructions such as "imposed
sanctions on"), then decide polarity (negation, denial), modality (future and
conditional events are dropped unless the lexicon says the announcement counts)
and attribution (reported speech, "according to").
"""
from __future__ import annotations

import functools

from ..resolve.names import entity_id
from .arguments import ArgumentFinder
from .coref import Coreference
from .mentions import MOTION_VERBS, DocMention
from .records import RawRelation
from .speech import PendingRejection, SpeechRules
from .threats import PendingThreat, ThreatRules
from .sanction_lists import SanctionListRules
from .stances import StanceRules
from .syntax import (has_mark, is_past_adjunct, FUTURE_AUX, MODAL_IRREALIS, OBJECT_DEPS,
                     PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, children, conjuncts, coordination_top, governing_chain,
                     is_conditional, is_infinitive, instrument_prep_objects, is_negated, is_passive, names_free_relative, free_relative_nouns, particle, prep_objects, relative_antecedent, sentence_span, standing_for)
from .wordlists import (AVENGING_VERBS, CULPRIT_NOUNS, DISMAY_WORDS, BATCH_NOUNS, FOUNDING_VERBS, CAUSE_PREPOSITIONS, MEDIUM_NOUNS, SHAPING_VERBS, REFUSAL_NOUNS, TIE_BUILDING_VERBS, SHARED_THINGS,
                        CONTACT_VERBS, MEDIATING_VERBS, RESPONDING_VERBS, HOSTILE_ACT_NOUNS, HOSTILE_ACT_VERBS, HYPHEN_BACKING, PROTEST_NOTE_NOUNS, HANDED_OVER_PEOPLE, WORSENING_VERBS, STRAINED_WORDS, QUARREL_VERBS, STOPPING_VERBS, AID_RECIPIENT_NOUNS, TIME_NOUNS, DIRECT_TARGET_RELATIONS, PLACE_RELATIONS, MUTUAL,
                        EVALUATIVE_VERBS, ALLIANCE_NOUNS, AID_AGENT_NOUNS, STATIVE_PASSIVES, TARGETING_VERBS,
                        STANCE_RELATIONS, JUDGING_RELATIONS, LOCATING_PREPS, PERMISSION_VERBS, ENVOY_NOUNS,
                        CONDUCT_NOUNS, CLOSING_VERBS, EMBARGO_VERBS, ORDERING_VERBS, STOPPING_NOUNS, TRADE_FLOW_NOUNS, KEEPING_VERBS, KEPT_TIES_NOUNS,
                        EXPELLING_VERBS, TURNED_OUTWARD, LISTING_VERBS, DESIGNATING_VERBS, ALLYING_VERBS, EFFORT_NOUNS,
                        CRITIC_WORDS, TURNING_VERBS, HELP_NOUNS, MATERIAL_MODIFIERS, REJECTED_PRONOUNS, OFFERING_VERBS,
                        OFFERED_TERMS, DEED_TIME_PREPOSITIONS, OUTLAWING_STEMS, LOCATIVE_TARGET_PREPS, STATE_PEOPLE, JOINING_VERBS, OUSTER_NOUNS, JOINT_WORK_NOUNS,
                        STREET_PROTEST_VERBS, CROWD_NUMBERS, QUANTITY_NOUNS,
                        POSSIBILITY_MODALS, POSSIBLE, ACCEPTING_VERBS, RELATIVE_PRONOUNS,
                        MISPARSED_OBJECT_DEPS, HOSTILE_RELATIONS, CONCLUDING_VERBS,
                        IMPLICATION_NOUNS, PROPOSAL_NOUNS, PROPOSITION_VERBS, FIGHTING_WORDS, ACT_NOUN_VERBS, _PROTESTING,
                        SIGNING_VERBS, EVADING_VERBS,
                        THREAT_NOUNS, THREAT_VERBS, UNREALISED_NOUNS, PROTEST_CROWDS, PROTEST_AIMS, BLOCKABLE_NOUNS,
                        INTERVENTION_NOUNS, TIES_NOUNS, EXPECTING_VERBS, COMMITMENT_NOUNS, WITHHOLDING_VERBS,
                        CLAIM_WORDS, MISSION_WORDS, PRESSING_VERBS, CROWD_CONTROL_VERBS, CROWD_WEAPONS,
                        DISPERSING_VERBS, RECALLING_VERBS, HANDING_VERBS)

__all__ = ["RawRelation", "RelationExtractor"]

# words that tell a visit: "visited", "visit", "trip"
_VISIT_TRIGGERS = ("visit", "trip", "tour")
SPEECH_ACTS_DEFAULT = {"accuses", "condemns", "threatens", "requests", "rejects", "supports"}


# verbs with a rule of their own in `_from_verb` besides the lexicon's frames (one set for the
# cheap trigger test, which runs on every token)
_RULE_VERBS = frozenset(EVALUATIVE_VERBS | LISTING_VERBS | EXPECTING_VERBS | RECALLING_VERBS | CROWD_CONTROL_VERBS
                        | CLOSING_VERBS | WITHHOLDING_VERBS | EMBARGO_VERBS | ORDERING_VERBS | EXPELLING_VERBS
                        | TURNING_VERBS | JOINING_VERBS)


class RelationExtractor(ArgumentFinder, SpeechRules, ThreatRules, StanceRules, SanctionListRules):
    """Extract relations from one parsed article whose mentions are resolved to entity keys."""

    def __init__(self, doc, mentions: list[DocMention], lexicon, entity_types: dict[str, str],
                 role_holders: dict[tuple[str, str], str] | None = None, home_state: str | None = None,
                 igos: frozenset[str] = frozenset(), org_states: dict[str, str] | None = None,
                 affiliations: dict[str, set[str]] | None = None, states: frozenset[str] = frozenset(),
                 served: dict[str, set[str]] | None = None, org_homes: dict[str, str] | None = None,
                 state_forces: dict[str, str] | None = None, org_state_names: dict[str, str] | None = None):
        self.doc = doc
        self.lex = lexicon
        self.types = entity_types
        self.by_token: dict[int, DocMention] = {}
        for m in mentions:
            for i in range(m.tok_start, m.tok_end):
                self.by_token[i] = m
        self.org_states = org_states or {}   # "Russian defense ministry" -> Russian military (or Russia)
        self.org_homes = org_homes or {}     # "Russian defense ministry", "Russian military" -> Russia
        self.org_state_names = org_state_names or {}   # the same as state names, named in the article or not
        self.state_forces = state_forces or {}   # Russia -> "Russian military": the name of its armed forces
        # the "according" of every "according to X" (few per article; looked up per relation)
        self.according_to = [t for t in doc[:-1] if t.lower_ == "according" and doc[t.i + 1].lower_ == "to"]
        # entities the text names only as locations ("visited Kyiv"): places, never met
        self.places_only = ({m.entity for m in mentions if m.locative and m.type != "PERSON"}
                            - {m.entity for m in mentions if not m.locative})   # "visited Kyiv"; not "visited Machar"
        self.role_holders = role_holders or {}   # (org, role) and (org, title) -> the person the article names in it
        self.affiliations = affiliations or {}   # person -> the organisations and states it holds a role in
        self.served = served or {}   # the same, leaving out a bare title's guessed home state
        self.led_by = {person: org for (org, role), person in self.role_holders.items()
                       if role == "leader_of" and entity_types.get(org) == "GPE"}   # person -> state
        titles: dict[str, set[str]] = {}   # "the two ministers": who holds such a title
        for (org, title), person in self.role_holders.items():
            titles.setdefault(person, set()).add(title)
        self.coref = Coreference(doc, mentions, entity_types, home_state=home_state, igos=igos, states=states,
                                 leaders={state: person for person, state in self.led_by.items()}, titles=titles)
        # the one police force the article names ("Georgian police"): what a bare "police" is
        police = {m.entity for m in mentions if entity_types.get(m.entity) == "ORG" and m.form == "name"
                  and m.text.lower().endswith(" police")}
        self.named_police = police.pop() if len(police) == 1 else None
        self.extra_entities: dict[str, str] = {}   # key -> label of unnamed collective actors
        self.extra_aliases: dict[str, set[str]] = {}   # key -> other words the text used for it
        self.collective_actors = lexicon.cues("collective")
        self.messages = lexicon.cues("message")
        self.misdeeds = lexicon.cues("misdeed")
        self.wrongdoing = lexicon.cues("wrongdoing")
        self.disapproval = lexicon.cues("disapproval")
        self.retribution = lexicon.cues("retribution")
        self.governing = lexicon.cues("governing")
        self.culpability = lexicon.cues("culpability")
        self.dismissal = lexicon.cues("dismissal")
        self.allegations = lexicon.cues("allegation")
        # rejections of allegations the sentence does not attribute ("Moscow denied the
        # accusations"): (sentence number, rejecters, sentence span, trigger), resolved to the
        # latest accuser of the rejecter once every sentence is read
        self.pending_rejections: list[PendingRejection] = []
        self.pending_threats: list[PendingThreat] = []   # announced responses aimed at no one named
        self.rebuttals: dict[int, str] = {}   # ", a charge Kigali denies": denial word -> the denier
        self.speech_acts = {name for name, info in lexicon.relations.items() if getattr(info, "speech_act", False)} or SPEECH_ACTS_DEFAULT

    # ---- arguments -------------------------------------------------------

    def represented(self, key: str) -> set[str]:
        """`key` and whom it speaks for: a minister's state, an office's state."""
        sides = {key} | self.affiliations.get(key, set())
        return sides | {self.org_states[k] for k in sides if k in self.org_states}

    def _punitive(self, verb) -> bool:
        """A verb of force or punishment ("strike", "sanction", "retaliate")."""
        return any(f.relation in ("attacks", "sanctions") for f in self.lex.verb_frames(verb.lemma_.lower())) \
            or verb.lemma_.lower() in ("punish", "retaliate", "respond")

    def _names_another_event(self, noun, relation: str) -> bool:
        """The noun is itself a trigger of other relations ("sanctions", "aid", "talks")."""
        frames = self.lex.noun_frames(noun.lemma_.lower())
        return bool(frames) and all(f.relation != relation for f in frames)

    def _recipients_by_place(self, noun, light, preps) -> list[str]:
        """'aid for villages in southern Lebanon', 'new aid for civilians in Gaza': the state or
        territory where the people or places aid is for are (however the parser hangs 'for' and 'in')."""
        hosts = [noun] + ([light] if light is not None else [])
        for t in (t for h in hosts for t in prep_objects(h, set(preps))):
            if t.lemma_.lower() not in AID_RECIPIENT_NOUNS:
                continue
            places = prep_objects(t, {"in"}) or [o for h in hosts for o in prep_objects(h, {"in"}) if o.i > t.i]
            found = [k for o in places for k in self.entities_of(o, place=True) if self.types.get(k) == "GPE"]
            if found:
                return found
        return []

    def _dispute_over(self, verb, sources, targets) -> bool:
        """'clashed / sparred with X over Y' between states or people (no forces, crowds or
        armed groups): a quarrel about Y; 'over the weekend' is only a time."""
        topics = [o for o in prep_objects(verb, {"over"}) if o.lemma_.lower() not in TIME_NOUNS and o.ent_type_ not in ("DATE", "TIME")]
        return bool(topics) and verb.lemma_.lower() in QUARREL_VERBS and all(
            self.types.get(k) in ("GPE", "PERSON") or k in self.coref.igos for k in list(sources) + list(targets))

    def _passes_message(self, verb) -> bool:
        objs = children(verb, OBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        return bool(objs) and all(o.lemma_.lower() in self.messages for o in objs)

    def targets(self, verb, frame_targets, passive: bool, place: bool = False, direct: bool = False,
                relation: str | None = None) -> list[str]:
        """Target entities for the frame's slots, in order of preference.

        direct: the target must be named itself ("welcomed Ukraine" is a meeting,
        "welcomed Ukraine's decision" is not).
        """
        if relation == "attacks" and verb.lemma_.lower() in RESPONDING_VERBS:
            provokers = self._provokers_after(verb)
            if provokers:
                return provokers   # "vowed to retaliate after Israeli strikes on Tyre": against Israel
        out = []
        entities_of = functools.partial(self.entities_of, place=place, modifiers=not direct)
        authored = lambda t: self.is_proposition(t) or t.lemma_.lower() in BLOCKABLE_NOUNS   # has an author
        for slot in frame_targets:
            if slot == "dobj":
                if passive:
                    toks = children(verb, PASSIVE_SUBJECT_DEPS)
                    if not toks and verb.dep_ == "acl" and self._is_actor_noun(verb.head):
                        toks = [verb.head]   # "the rebels, backed by Rwanda": the modified noun
                    if not toks and verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i:
                        toks = children(verb.head, SUBJECT_DEPS)   # "Backed by Rwanda, the rebels seized Goma"
                    if not toks and verb.dep_ == "conj":
                        # "the PKK, which has waged an insurgency and is designated a terrorist group
                        # by Turkey": the first conjunct's subject
                        first = verb.head
                        toks = standing_for(children(first, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), first)
                else:
                    toks = children(verb, OBJECT_DEPS) or [   # "struck what X said were hideouts"
                        n for c in children(verb, {"ccomp"}) if c.lemma_ not in EVALUATIVE_VERBS for n in free_relative_nouns(c)]
                    if not toks:
                        # the small parser sometimes calls an object name an adverb ("attacked Bakhmut")
                        toks = [c for c in verb.children if c.dep_ in MISPARSED_OBJECT_DEPS
                                and c.i > verb.i and c.i in self.by_token]
                    if not toks:
                        toks = self._shared_object(verb)   # "condemned and sanctioned Iran"
                # "drills that Pyongyang condemns": the relative pronoun stands for the head noun
                toks = standing_for(toks, verb)
                if relation == "accuses" and not passive:
                    # "accusing the RSF of committing genocide and the army of carrying out attacks": the
                    # parser hangs the second accused on the first misdeed
                    toks = toks + [c for g in prep_objects(verb, {"of"}) if g.dep_ == "pcomp"
                                   for o in children(g, OBJECT_DEPS) for c in conjuncts(o)[1:]
                                   if any(p.lower_ == "of" and children(p, {"pcomp"}) for p in c.children)]
                if not toks and not passive and verb.tag_ == "VBG" and verb.dep_ in ("pobj", "pcomp") \
                        and verb.head.lower_ == "of" and verb.head.head.dep_ == "relcl" and any(
                            c.lower_ in ("which", "that", "whom") and c.dep_ not in SUBJECT_DEPS
                            for c in verb.head.head.children):
                    # "the FLA, which Mali accuses Algeria of sheltering": the relative pronoun the
                    # parser hangs on 'accuses' is the object of the gerund; "the FLA, a coalition of
                    # rebels that Mali accuses Algeria of harbouring": the name the coalition describes
                    antecedent = relative_antecedent(verb.head.head)
                    if antecedent.i not in self.by_token and antecedent.head.lower_ == "of" \
                            and antecedent.head.head.dep_ == "appos":
                        antecedent = antecedent.head.head
                    toks = [antecedent.head if antecedent.dep_ == "appos" and antecedent.i not in self.by_token
                            and antecedent.head.i in self.by_token else antecedent]
                if not toks and not passive and verb.dep_ == "relcl" and not self.is_proposition(verb.head) \
                        and self._relative_without_pronoun(verb):
                    # "officials it accused of fraud": the head noun is the object of a relative
                    # clause without a pronoun; "ECOWAS, a bloc they accused": the name it describes
                    head = verb.head
                    before = head.left_edge.i - 2   # the name before ", a bloc"
                    toks = [self.doc[before] if self._indefinite_after_comma(head) and before >= 0
                            and before in self.by_token else head]
                    if head.dep_ == "conj" and head.i not in self.by_token:
                        # "sanctioned judge X and 15 other officials it accused of ...": the named
                        # ones listed with them
                        toks = [t for t in conjuncts(coordination_top(head)) if t.i in self.by_token]
                if relation == "rejects":
                    # "denied it": a claim, not an actor; "blocked Rustaveli Avenue": a place, not a proposal
                    toks = [t for t in toks if t.pos_ != "PRON" and not (
                        t.i in self.by_token and self.types.get(self.by_token[t.i].entity) == "LOC")]
                if relation == "supports":
                    # "backed an online campaign for X", "the candidacy of X": whom the effort is for
                    toks = toks + [o for t in toks if t.lemma_.lower() in EFFORT_NOUNS and not self.entities_of(t)
                                   for o in prep_objects(t, {"for", "of"})]
                if any(self._reciprocal(t) for t in toks):
                    out.append(MUTUAL)   # "accused each other of": each subject the others
                    break
                if relation in self.speech_acts:
                    # "children were killed in that attack; Islamabad condemned it": the act named before
                    toks = [(self._act_named_before(t) or t) if t.lower_ in ("it", "this") else t for t in toks]
                named_so = self._free_relative_named(verb) if not toks else []
                if named_so:
                    # "condemned what he called Western meddling", "what it called the silence of Baghdad"
                    out += [k for n in named_so for k in self.modifier_entities(n) or [
                        k for o in prep_objects(n, {"of", "by"}) for k in entities_of(o)]]
                    continue
                if relation in ("supports", "rejects"):
                    # "blocked a package of EU sanctions", "vetoed a draft of the U.S. resolution": the
                    # measure in the container is whose the author is
                    toks = [next((o for o in prep_objects(t, {"of"}) if authored(o)), t)
                            if authored(t) and not self.modifier_entities(t) else t for t in toks]
                found = [k for t in toks if relation in ("supports", "rejects") and authored(t)
                         for k in self._authors_by(t, besides=verb)]   # "a resolution drafted by X"
                if relation == "sanctions" and any(t.lemma_.lower() in TIES_NOUNS and prep_objects(t, {"with"}) for t in toks):
                    # "suspended its strategic partnership with Georgia": the partner, not 'its'
                    found = found or [k for t in toks if t.lemma_.lower() in TIES_NOUNS
                                      for o in prep_objects(t, {"with"}) for k in entities_of(o)]
                found = found or [k for t in toks for k in entities_of(t)]
                if toks and not found and all(t.lemma_.lower() in STATE_PEOPLE for t in toks):
                    # "expelled diplomats from seven countries": the parser hangs 'from' on the verb
                    found = [k for t in prep_objects(verb, {"from"}) for k in entities_of(t)]
                if toks and relation == "threatens" and verb.lemma_.lower() in AVENGING_VERBS:
                    # "vowed to avenge the killing of its commander by Israel": whoever did the act
                    found = [k for t in toks for k in self._avenged_act_agents(t)]
                    toks = []
                if toks and not found and relation == "threatens":
                    # "threatened sanctions against Georgia": the target of the threatened act;
                    # "threatened military action / retaliation against Israel"
                    found = [k for t in toks for f in self.lex.noun_frames(t.lemma_.lower())
                             if f.relation in ("attacks", "sanctions")
                             for o in prep_objects(t, set(f.target_preps)) for k in entities_of(o)] or [
                        k for t in toks for o in prep_objects(t, {"against", "on"} | (
                            {"in"} if t.lemma_.lower() in INTERVENTION_NOUNS else set())) for k in entities_of(o)]
                if toks and not found and relation in ("supports", "rejects"):
                    # "endorsed the peace plan drafted by Kenya": the plan's author; "backed the
                    # plan" after "Kenya presented a plan": whoever the text said made it
                    found = [k for t in toks if authored(t)
                             for k in self._proposition_authors(t)] or self._earlier_authors([t for t in toks if authored(t)])
                if toks and not found and relation == "sanctions":
                    # "suspended its strategic partnership with Georgia"
                    found = [k for t in toks if t.lemma_.lower() in TIES_NOUNS
                             for o in prep_objects(t, {"with"}) for k in entities_of(o)]
                if toks and not found and relation == "attacks":
                    # "cracked down on the demonstrations": on the crowd that demonstrated
                    found = [k for t in toks if ACT_NOUN_VERBS.get(t.lemma_.lower()) is _PROTESTING
                             for k in self._act_agents(t)]
                if toks and not found and place and all(t.pos_ == "NOUN" and t.i not in self.by_token for t in toks):
                    # "struck army positions in Kisweh", the parser hanging 'in' on the verb: the town
                    found = [k for o in prep_objects(verb, LOCATING_PREPS) for k in entities_of(o)
                             if self.types.get(k) == "GPE"]
                if toks and not found and relation in self.speech_acts:
                    # "condemned the launch": whoever the text last said launched something
                    found = [k for t in toks for k in self._act_agents(t)]
                if not found and relation == "requests" and not passive and not children(verb, {"xcomp"}):
                    # "spoke with Gil and urged restraint", "met Tinubu to ask for air support": the one
                    # spoken with was asked
                    found = self._contact_partners(verb)
                if toks and not found and relation in JUDGING_RELATIONS:
                    # "condemned the closures ordered by Kosovo police": who did the act judged
                    found = self._judged_act_doers(toks, verb)
                if toks and not found and not passive:
                    # "condemned the drills by X": 'by X' attached to the verb still names the actor
                    found = [k for t in prep_objects(verb, {"by"}) for k in entities_of(t)]
                if toks and not found and place:
                    # "hit a refinery in Samara": the place of an unnamed target (a town or
                    # region: "attacked ships in the Red Sea" attacks no sea)
                    found = [k for t in prep_objects(verb, LOCATING_PREPS) for k in entities_of(t)
                             if self.types.get(k) == "GPE"]
                out += found
            elif slot == "dative":
                objs = children(verb, OBJECT_DEPS)
                # "has sent Kyiv dozens of tanks": the parser reads the recipient as a first object
                first = [objs[0]] if len(objs) >= 2 and objs[0].i in self.by_token and objs[1].i not in self.by_token \
                    and self.types.get(self.by_token[objs[0].i].entity) in ("GPE", "ORG", "PERSON") else []
                out += [k for t in children(verb, {"dative"}) + first for k in entities_of(t)]
                out += [k for t in prep_objects(verb, {"to"}) for k in entities_of(t)]
            elif slot.startswith("prep:"):
                prep = slot.split(":", 1)[1]
                objs = prep_objects(verb, {prep})
                if not objs:
                    # "proposed a ceasefire to Hamas": the phrase may hang on the object noun
                    objs = [o for d in children(verb, OBJECT_DEPS) if d.i not in self.by_token
                            for o in prep_objects(d, {prep})]
                if not objs:
                    # "blamed many of the killings on the gang": on the object's 'of' phrase
                    objs = [o for d in children(verb, OBJECT_DEPS) if d.i not in self.by_token
                            for q in prep_objects(d, {"of"}) if q.i not in self.by_token for o in prep_objects(q, {prep})]
                if not objs:
                    # "had spoken by telephone with Stubb": the parser hangs the phrase on the medium
                    objs = [o for m in prep_objects(verb, {"by", "over", "via"}) if m.lemma_.lower() in MEDIUM_NOUNS
                            for o in prep_objects(m, {prep})]
                if not objs and prep in ("on", "at"):
                    # "opened fire with mortars on a border post": on the instrument
                    objs = instrument_prep_objects(verb, {prep}, skip=self.by_token)
                if not objs:
                    # "took to the streets against Ruto": the parser hangs the phrase on the idiom's noun
                    idiom_nouns = {w.split()[-1] for w in self.lex.multiword_verbs.get(verb.lemma_.lower(), ())}
                    objs = [o for p in children(verb, {"prep"}) for n in children(p, {"pobj"})
                            if n.i not in self.by_token and n.lower_ in idiom_nouns for o in prep_objects(n, {prep})]
                if any(self._reciprocal(t) for t in objs):
                    out.append(MUTUAL)   # "clashed with each other"
                    break
                named = [k for t in objs for k in entities_of(t)]
                if not named and relation in JUDGING_RELATIONS | {"protests_against"}:
                    # "protested against the closures ordered by Kosovo police": who did the act
                    named = self._judged_act_doers(objs, verb)
                out += named
            elif slot == "xcomp_obj":
                # "threatened to strike Taiwan": the object of the complement verb, named
                # itself ("threatened to expand their attacks" has no target)
                for x in children(verb, {"xcomp"}):
                    out += [k for t in children(x, OBJECT_DEPS) for k in self.entities_of(t, modifiers=False, coref=False)]
                    out += [k for t in prep_objects(x, {"on", "against", "at"}) for k in self.entities_of(t, modifiers=False, coref=False)]
                    if not out and relation == "threatens":
                        # "threatened to trigger the return of U.N. sanctions on Iran": the target of
                        # the sanction or attack the threatened act brings about
                        adjuncts = {t.i for a in children(x, {"advcl"}) for t in a.subtree}   # not "after strikes on X"
                        out += [k for t in x.subtree if t.pos_ == "NOUN" and t.i > x.i and t.i not in adjuncts
                                for f in self.lex.noun_frames(t.lemma_.lower()) if f.relation in ("attacks", "sanctions")
                                for o in prep_objects(t, set(f.target_preps)) for k in self.entities_of(o, modifiers=False)]
            elif slot == "ccomp_subj":
                # "warned that North Korea would pay", "called for Israel to stop"; a warning
                # is a threat only when the clause says what the subject will suffer, or what
                # the speaker will do to someone ("warned it would sanction Russian officials")
                for c in children(verb, {"ccomp"}):
                    if relation == "threatens" and not self.retributive(c):
                        if self._punitive(c):
                            out += [k for t in children(c, OBJECT_DEPS) for k in self.entities_of(t)]
                            out += [k for t in prep_objects(c, {"on", "against"}) for k in self.entities_of(t)]
                        continue
                    out += [k for t in children(c, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) for k in entities_of(t)]
            elif slot == "nsubj_conj":
                # "A and B clashed": each coordinated subject against the others (handled by caller)
                subj = children(verb, SUBJECT_DEPS)
                if subj and (len(conjuncts(subj[0])) > 1 or (subj[0].tag_ == "NNS" and len(self.entities_of(subj[0])) >= 2)
                             or (len(subj) > 1 and children(subj[0], {"cc"}))):
                    # "A and B clashed", "the two countries have fought three wars"; "President X and U.S.
                    # President Y agreed" (the parser gives the verb two subjects joined by 'and')
                    out.append(MUTUAL)
            if out:
                break
        if direct:
            out = [k for k in out if k not in self.places_only]   # "visited Kyiv" meets no one
        return list(dict.fromkeys(out))

    def _mediated_agreement(self, noun, verb, sent_start, sent_end, weight) -> list[RawRelation]:
        """An agreement a third party brokered: its parties (named with 'between') agree with each
        other; the mediators are no party (annotators code no meeting for the brokering either)."""
        mediators = self.passive_agents(verb) if is_passive(verb) or verb.dep_ == "acl" else self.subjects(verb)
        parties = [k for t in prep_objects(noun, {"between"}) + prep_objects(verb, {"between"})
                   for k in self.entities_of(t) if k not in mediators]
        if len(parties) < 2:
            return []
        irrealis, negated = self.modality(verb)
        return self._emit(parties, [MUTUAL], "agrees_with", sent_start, sent_end, weight * 0.9, noun.text,
                          irrealis=irrealis, negated=negated, reporter=None)

    def _contact_partners(self, verb) -> list[str]:
        """Whom the subject met or spoke with in the clause `verb` continues ('spoke with X and
        urged ...') or serves ('met X to ask ...')."""
        head = verb.head
        continues = verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and is_infinitive(verb))
        if not continues or head.pos_ != "VERB" or head.lemma_.lower() not in CONTACT_VERBS:
            return []
        partners = children(head, OBJECT_DEPS) + prep_objects(head, {"with", "to"})
        speakers = self.subjects(head)
        return [k for p in partners for k in self.entities_of(p) if k not in speakers]

    def _provokers_after(self, verb) -> list[str]:
        """Who did the act a response answers, told in an 'after' clause: 'retaliate after
        Israeli strikes killed two fighters' (the act's agent), 'after Israel struck Tyre'."""
        out = []
        for clause in children(verb, {"advcl"}):
            if not has_mark(clause, {"after"}):
                continue
            for subject in children(clause, SUBJECT_DEPS):
                if subject.lemma_.lower() in HOSTILE_ACT_NOUNS:
                    out += self.modifier_entities(subject) or [
                        k for o in prep_objects(subject, {"by"}) for k in self.entities_of(o)]
                elif clause.lemma_.lower() in HOSTILE_ACT_VERBS:
                    out += self.entities_of(subject)
        return out

    @staticmethod
    def _free_relative_named(verb) -> list:
        """'condemned [what he called Western meddling]': the nouns the free relative names
        (the parser may take the name for a second object)."""
        return [n for c in children(verb, {"ccomp", "pcomp"}) if c.lemma_ in EVALUATIVE_VERBS and names_free_relative(c)
                for n in children(c, {"oprd", "xcomp", "attr", "dobj"}) + prep_objects(c, {"as"}) if n.lower_ != "what"]

    @staticmethod
    def _reciprocal(token) -> bool:
        """'each other', 'one another'."""
        return (token.lower_ == "other" and any(c.lower_ == "each" for c in token.children)) or (
            token.lower_ == "another" and any(c.lower_ == "one" for c in token.children)) or (
            token.lower_ == "one" and any(c.lower_ == "another" for c in token.children)) or (
            token.lower_ == "other" and token.i > 0 and token.doc[token.i - 1].lower_ == "each") or (
            # "Each government accused the other": 'the other' after a subject with 'each'
            token.lower_ == "other" and token.head.pos_ in ("VERB", "AUX") and any(
                d.lower_ == "each" and d.dep_ == "det" for s in token.head.children if s.dep_ == "nsubj" for d in s.children))

    # ---- context ---------------------------------------------------------
    def modality(self, verb) -> tuple[bool, bool]:
        """(irrealis, negated) for the clause of `verb`, looking up through governing verbs."""
        speaker_verb = self.speaker_verb_of_conjunct(verb)
        if speaker_verb is not None:
            # "X denied that ... and accused Turkey": the second act is the speaker's own
            irrealis, _ = self.modality(speaker_verb)
            return irrealis, is_negated(verb)
        if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "pcomp") and verb.head.lemma_ in STOPPING_VERBS \
                and not is_negated(verb):
            # "urged Iran to stop supplying the Houthis": what one is asked to stop doing is being done
            return False, False
        negated = is_negated(verb) != (verb.dep_ == "pcomp" and verb.head.lower_ == "without")   # "without inviting it"
        if self._under_noun_of(verb, REFUSAL_NOUNS):
            negated = not negated   # "Iran's continued refusal to cooperate with the IAEA"
        irrealis = False
        auxes = children(verb, {"aux", "auxpass"})
        if not auxes and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            # "must name the aggressor and punish it": the modal covers both conjuncts
            auxes = [a for a in children(verb.head, {"aux"}) if a.lower_ in MODAL_IRREALIS or a.lower_ in FUTURE_AUX]
        if self._under_noun_of(verb, UNREALISED_NOUNS):
            irrealis = POSSIBLE   # "Trump's threat to impose sanctions", "calls to withdraw"
        elif self._under_noun_of(verb, COMMITMENT_NOUNS):
            irrealis = True   # "the decision to impose sanctions": counts for aid and sanctions, as "will"
        for aux in auxes:
            if aux.lower_ in ("can", "ca") and negated:
                continue   # "cannot recognise": a refusal now, not a possibility
            if aux.lower_ in POSSIBILITY_MODALS:
                irrealis = POSSIBLE
            elif aux.lower_ in MODAL_IRREALIS or aux.lower_ in FUTURE_AUX or aux.lemma_ in FUTURE_AUX:
                irrealis = True
        if is_conditional(verb):
            irrealis = True
        if verb.dep_ == "xcomp" and verb.head.lemma_ in ("go", "be") and any(c.lower_ == "to" for c in verb.children):
            # "is going to strike", "were to pull out within 60 days": not done yet
            irrealis = True
        link = verb   # the clause under `gov`: only a complement is what a denial denies
        for gov in governing_chain(verb):
            if is_past_adjunct(link):
                break   # "vowed to retaliate after U.S. strikes killed 31 people": told as fact
            if any(self._clause_relative(o, actors=True) for o in children(link, OBJECT_DEPS)):
                break   # "Chile offered talks, which Peru rejected": the narrator's own statement
            if link.i == self._summed_up_clause(gov) or gov.i in self.rebuttals:
                break   # "X accused Y of ..., a charge Z denies": the accusation is the main clause
            complement = self._complement_of(link, gov)
            if gov.lemma_ in self.lex.irrealis_markers and (complement or (
                    link.dep_ == "advcl" and is_infinitive(link))):
                irrealis = True   # "plans to impose"; not "threatened X and imposed sanctions"
            if link.dep_ in ("xcomp", "ccomp") and link.head.i == gov.i and self._requesting(gov):
                irrealis = POSSIBLE   # "called on the EU to impose sanctions": asked for, not done
            if complement and (gov.lemma_ in self.lex.denial_verbs or gov.lemma_ in self.lex.negation_verbs):
                negated = not negated
            elif complement and gov.lemma_ in PERMISSION_VERBS and is_negated(gov):
                negated = not negated   # "was not allowed to visit Machar": the visit did not happen
            link = gov
            if is_conditional(gov):
                irrealis = True
            if gov.lemma_ in self.lex.speech_verbs:
                break
        return irrealis, negated

    @staticmethod
    def _pledged(verb) -> bool:
        """'will stand by', 'will continue to support': a plain future, no 'would' or 'if'."""
        holder = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_ == "continue" else verb
        return any(a.lower_ in FUTURE_AUX or a.lemma_ in FUTURE_AUX for a in children(holder, {"aux"})) and not (
            is_conditional(verb) or is_conditional(holder))

    def _judged_act_doers(self, nouns, verb) -> list[str]:
        """'condemned / protested against the closures ordered by Kosovo police': the 'by' agents
        of participles on the judged acts (not the founders of a group: "a militia founded by X")."""
        return [k for t in nouns if t.pos_ == "NOUN" and not self._is_actor_noun(t)
                for k in self._authors_by(t, besides=verb)]

    def _decided(self, verb) -> bool:
        """'decided to back X', "Paris's decision to back X": a decision taken (not a future or
        conditional one), the only thing that made the clause unreal."""
        if self._under_noun_of(verb, {"decision"}):
            holder = verb.head
            while holder.dep_ in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "conj", "appos") and holder.head.i != holder.i:
                holder = holder.head
            clause = holder if holder.pos_ in ("VERB", "AUX") else None
        elif verb.dep_ == "xcomp" and verb.head.lemma_ == "decide" and verb.head.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            clause = verb.head
        else:
            return False
        if clause is None or is_conditional(verb):
            return False
        return not any(a.lower_ in MODAL_IRREALIS or a.lower_ in FUTURE_AUX or a.lemma_ in FUTURE_AUX
                       for a in children(clause, {"aux", "auxpass"})) and not is_conditional(clause)

    def _summed_up_clause(self, verb) -> int | None:
        """'Pakistan accused Kabul of X, a charge Kabul denies': the small parser makes the
        accusation a complement of 'denies'. The index of that earlier clause, when `verb`'s
        object is a comma-opened indefinite noun standing between the clause and `verb`."""
        for obj in children(verb, OBJECT_DEPS):
            if obj.i < verb.i and self._indefinite_after_comma(obj):
                for c in children(verb, {"ccomp"}):
                    if c.i < obj.i:
                        return c.i
        return None

    @staticmethod
    def _naming_free_relative(noun):
        """'in what they call / describe as solidarity with X': the naming verb of a free
        relative under 'in' that names `noun`, else None."""
        naming = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else (
            noun.head if noun.dep_ in ("oprd", "xcomp", "attr") else None)
        if naming is None or naming.dep_ != "pcomp" or naming.head.lower_ != "in" or not any(
                c.lower_ == "what" for c in naming.children):
            return None
        return naming

    @staticmethod
    def _shared_object(verb) -> list:
        """'condemned and sanctioned Iran', 'beat and detained protesters': a verb with no object
        of its own shares the object of the verb of the same form coordinated right after it
        (with no subject of its own), when nothing else follows the first verb."""
        if any(c.dep_ in ("prep", "ccomp", "xcomp", "dative") for c in verb.children):
            return []
        nxt = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i), None)
        if nxt is None or children(nxt, SUBJECT_DEPS) or not any(
                c.dep_ == "cc" and c.i < nxt.i for c in verb.children) or nxt.i - verb.i > 3 or nxt.tag_ != verb.tag_:
            return []   # (not "would respond and attacked Israel": two clauses)
        return children(nxt, OBJECT_DEPS)

    @staticmethod
    def _same_clause(token, verb) -> bool:
        """'according to X' credits the clause it hangs in, not a relative clause's neighbour."""
        anc = token.head
        while anc.pos_ not in ("VERB", "AUX") and anc.head.i != anc.i:
            anc = anc.head
        if anc.i == verb.i:
            return True
        t = verb   # the verb lies under the 'according' clause, through no relative clause
        while t.head.i != t.i and t.i != anc.i:
            if t.dep_ in ("relcl", "acl"):
                return False
            t = t.head
        return t.i == anc.i

    @staticmethod
    def _complement_of(token, gov) -> bool:
        """Is the clause holding `token` a complement of `gov` ("denied [sending arms]"), not an
        adjunct ("rejected the plan, [as troops pressed on]")?"""
        t = token
        while t.head.i != t.i and t.head.i != gov.i:
            t = t.head
        return t.dep_ in ("ccomp", "xcomp", "dobj", "pcomp", "pobj", "prep", "acl", "relcl", "attr")

    def reporter(self, verb) -> str | None:
        """Who the sentence credits for the clause of `verb` (speech verb subject, 'according to')."""
        link = verb
        for gov in governing_chain(verb):
            if link.i == self._summed_up_clause(gov) or gov.i in self.rebuttals:
                break
            if (gov.lemma_ in self.lex.speech_verbs or gov.lemma_ in self.lex.denial_verbs
                    or self._accusing(gov)) and self._complement_of(link, gov):
                subj = self.subjects(gov)
                if subj:
                    return subj[0]
            link = gov
        here = self.coref.sent_index.get(verb.i)
        for t in self.according_to:
            if self.coref.sent_index.get(t.i) == here and self._same_clause(t, verb):
                objs = [k for o in prep_objects(self.doc[t.i + 1], {"to"}) or [c for c in self.doc[t.i + 1].children if c.dep_ == "pobj"] for k in self.entities_of(o)]
                if objs:
                    return objs[0]
        return None

    def _noun_name_read_as_verb(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'imposed asset freezes on X': the small parser reads 'freezes' as a verb with 'asset'
        as its subject; the two words are a measure's name (nouns.tsv) imposed by the light verb's subject."""
        first = verb.doc[verb.i - 1]
        light = verb.head
        subject = first.head if first.dep_ == "conj" else first   # "travel bans and asset freezes on X"
        if subject.dep_ != "nsubj" or subject.head.i != verb.i or verb.dep_ not in ("ccomp", "conj", "xcomp") \
                or light.lemma_.lower() not in self.lex.light_verbs:
            return []
        frames = self.lex.noun_frames(f"{first.lemma_.lower()} {verb.lemma_.lower()}")
        out = []
        for frame in frames:
            targets = [k for p in frame.target_preps for o in prep_objects(verb, {p}) for k in self.entities_of(o)]
            out += self._emit_for(light, targets, frame.relation, frame.weight, sent_start, sent_end, trigger=verb.text)
        return out

    def _verb_read_as_adjective(self, word, sent_start, sent_end) -> list[RawRelation]:
        """'President X hosted President Y in Cairo': between two titled names the small parser
        may tag the past-tense verb an adjective of the second name; the name before is its
        subject and the name after its object (only for frames whose target is the object)."""
        doc = self.doc
        before = self.by_token.get(word.i - 1)
        after = next((self.by_token[t.i] for t in doc[word.i + 1:word.i + 6] if t.i in self.by_token
                      and self.by_token[t.i].form == "name"), None)
        if before is None or after is None or before.form != "name" or before.tok_end != word.i \
                or any(t.is_punct for t in doc[word.i + 1:after.tok_start]):
            return []
        lemma = word.lower_[:-1] if self.lex.verb_frames(word.lower_[:-1]) else word.lower_[:-2]
        out = []
        for frame in self.lex.verb_frames(lemma):
            if frame.target and frame.target[0] == "dobj" and frame.relation in ("meets", "attacks", "supports", "condemns"):
                out += self._emit([before.entity], [after.entity], frame.relation, sent_start, sent_end, frame.weight * 0.8,
                                  word.text, irrealis=False, negated=False, reporter=None)
                break
        return out

    def _crowd_control(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'Police fired tear gas at the protesters', 'used water cannon to disperse them': force
        used on a crowd is an attack on it (GUIDELINES 3.1: police violence)."""
        weapons = [o for o in children(verb, OBJECT_DEPS) for w in conjuncts(o) if w.lemma_.lower() in CROWD_WEAPONS]
        if not weapons:
            return []
        aimed = prep_objects(verb, {"at", "on", "against", "into"}) + [
            o for c in children(verb, {"xcomp", "advcl"}) if c.lemma_.lower() in DISPERSING_VERBS
            for o in children(c, OBJECT_DEPS)]
        targets = [k for o in aimed for k in self.entities_of(o)]
        return self._emit_for(verb, targets, "attacks", 0.7, sent_start, sent_end)

    def _fighting_alongside(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'Burundian troops fight alongside the Congolese army': military cooperation (CAMEO 062)."""
        partners = [k for o in prep_objects(verb, {"alongside"}) for k in self.entities_of(o)]
        if not partners:
            return []
        out = self._emit_for(verb, partners, "cooperates_with", 0.6, sent_start, sent_end)
        # "fought alongside the SDF against Islamic State": the partners fight the foe too
        foes = [k for o in prep_objects(verb, {"against"}) if o.i in self.by_token for k in self.entities_of(o)] \
            if verb.lemma_.lower() in FIGHTING_WORDS else []   # a named foe ("against jihadists" names none)
        if foes:
            out += self._emit_for(verb, foes, "attacks", 0.5, sent_start, sent_end, sources=partners)
        return out

    def _vowed_or_threatened(self, verb) -> bool:
        """The act is what someone vows, threatens or warns they will do (not the condition set:
        "warned of retaliation if the EU seized Russian assets" is no threat by the EU)."""
        if has_mark(verb, {"if", "unless"}):
            return False
        if self._under_noun_of(verb, THREAT_NOUNS):
            return True
        if self._not_ruled_out(verb):
            return True
        return any(gov.lemma_ in THREAT_VERBS for gov in governing_chain(verb)[:2])

    def _not_ruled_out(self, verb) -> bool:
        """'refused to rule out using force to seize Greenland', 'did not rule out strikes': a threat."""
        return any(gov.lemma_ == "rule" and any(c.lower_ == "out" for c in gov.children)
                   and (is_negated(gov) or gov.head.lemma_ in self.lex.negation_verbs) for gov in governing_chain(verb)[:3])

    @staticmethod
    def _under_noun_of(verb, nouns) -> bool:
        """The verb is an infinitive complement of one of `nouns` ("a threat to impose ...")."""
        return (verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in nouns
                and is_infinitive(verb))

    def _requesting(self, verb) -> bool:
        """'urged', 'called on', 'asked': what the verb's complement says is only asked for."""
        return any(f.relation == "requests" and f.weight >= 0.5 for f in self.verb_frames(verb)) \
            or verb.lemma_ in ("challenge", "invite", "dare")   # "challenged Putin to meet him": not a meeting

    def _accusing(self, verb) -> bool:
        """'accused X of ...', 'blamed X for ...': the act is the accuser's claim."""
        return any(f.relation == "accuses" for f in self.lex.verb_frames(verb.lemma_.lower()))

    # ---- triggers --------------------------------------------------------
    def verb_frames(self, verb):
        lemma = verb.lemma_.lower()
        frames = []
        # multiword verbs: "pull back" (particle or adverb), "open fire", "hold talks"
        for second in self.lex.multiword_verbs.get(lemma, ()):
            words = [w for w in second.split()[1:] if w not in ("the", "a", "an")]   # "point the finger": its object
            # "traded barbs": the object's lemma; "held India responsible": the object's predicate
            following = [w for t in verb.children if t.i > verb.i and t.dep_ in ("prt", "advmod", "dobj", "prep", "oprd", "ccomp")
                         for x in [t] + [c for c in t.children if t.dep_ == "dobj" and c.i > t.i and c.dep_ == "amod"]
                         for w in (x.lower_, x.lemma_.lower())]
            if words and words[0] in following:
                frames = self.lex.verb_frames(second)
                if frames:
                    return frames
        prt = particle(verb)
        if prt:
            frames = self.lex.verb_frames(f"{lemma} {prt}")
        if not frames:
            for prep in children(verb, {"prep"}):
                frames = self.lex.verb_frames(f"{verb.lemma_.lower()} {prep.lower_}")
                if frames:
                    break
        return frames or self.lex.verb_frames(verb.lemma_.lower())

    def extract(self) -> list[RawRelation]:
        found: list[RawRelation] = []
        self.rebuttals = self._closing_rebuttals()
        self._closing_rebuttal_rejections()
        recent_starts: list[int] = []
        for sent in self.doc.sents:
            start, end = sentence_span(sent)
            for token in sent:
                pos, lemma = token.pos_, token.lemma_.lower()
                if (pos in ("VERB", "AUX") or (pos == "NOUN" and token.dep_ == "ROOT") or token.tag_.startswith("VB")) \
                        and self._may_trigger_verb(lemma):
                    found += self._from_verb(token, start, end)
                if (pos in ("NOUN", "PROPN") or self._gerund_between(token)) and self.frames_of_noun(token):
                    found += self._from_noun(token, start, end)
                if token.lower_ in HYPHEN_BACKING:
                    found += self._from_hyphen_compound(token, start, end)
                if (lemma in ALLIANCE_NOUNS or lemma in AID_AGENT_NOUNS) and pos in ("NOUN", "ADJ"):
                    found += self._from_alliance_noun(token, start, end)
                if token.lower_ == "allied":
                    found += self._from_allied_modifier(token, start, end)
                elif token.tag_ == "JJ" and token.dep_ == "amod" and token.lower_.endswith("ed") and token.i > 0:
                    found += self._verb_read_as_adjective(token, start, end)
                if token.lower_ in DISMAY_WORDS:
                    found += self._from_dismay(token, start, end)
                if token.lower_ in CRITIC_WORDS:
                    found += self._from_critic_word(token, start, end)
                if token.lower_ == "pro" and token.i + 2 < len(self.doc) and self.doc[token.i + 1].text in ("-", "–"):
                    found += self._from_pro_prefix(token, start, end)
            found += self._sanctions_carried_on(sent, start, end, found, recent_starts)
            recent_starts.append(start)
        found = found + self._resolve_rejections(found) + self._resolve_threats(found)
        # a visit to a country or city is no meeting with it ("visited Lebanon", "a visit to the
        # Ukrainian capital"); visiting a person or an organisation is
        return [r for r in found if not (r.relation == "meets" and r.trigger.lower().startswith(_VISIT_TRIGGERS)
                                         and self.types.get(r.target) in ("GPE", "LOC"))
                and not (r.relation == "requests" and self._orders_own_forces(r.source, r.target))]

    def _orders_own_forces(self, source: str, target: str) -> bool:
        """A state or its leader asking the state's own forces or offices ('ordered the military to
        maintain readiness'): an internal order, not a request between actors."""
        home = self.org_homes.get(target)
        return home is not None and (source == home or self.led_by.get(source) == home)

    @staticmethod
    def _gerund_between(token) -> bool:
        """'Fighting between the army and the RSF spread': a gerund the parser tags a verb, used as a noun."""
        return token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
            p.lower_ == "between" for p in children(token, {"prep"}))

    @staticmethod
    def _event_nouns(head) -> list:
        """The nouns that name what `head` tells of: itself if a noun, else its noun objects
        ('imposed sanctions': the sanctions)."""
        nouns = [head] if head.pos_ == "NOUN" else [o for o in children(head, OBJECT_DEPS) if o.pos_ == "NOUN"]
        # "adopted 19 packages of sanctions": the batch and what it is a batch of
        return nouns + [o for n in nouns if n.lemma_.lower() in BATCH_NOUNS for o in prep_objects(n, {"of"})]

    def _relations_told(self, head) -> set[str]:
        """The relations a verb or noun and its object name ('sanctioned X', 'imposed sanctions on X')."""
        return {f.relation for f in self.lex.verb_frames(head.lemma_.lower())} | {
            f.relation for n in self._event_nouns(head) for f in self.frames_of_noun(n)}

    def _sanctioning(self, verb) -> bool:
        """'sanctioned X', 'imposed sanctions on X': the clause tells of sanctions."""
        return "sanctions" in self._relations_told(verb)

    def _punished_by(self, host) -> list[str]:
        """Whom a sanction, condemnation or charge `host` is aimed at ('imposed sanctions on
        Russia', 'condemned Iran', 'sanctions against Minsk'), for the cause phrase it governs."""
        if not self._relations_told(host) & {"sanctions", "condemns", "accuses", "threatens"}:
            return []
        nouns = self._event_nouns(host)
        aimed = [o for o in children(host, OBJECT_DEPS) if o.pos_ != "NOUN" or o.i in self.by_token] \
            + [o for t in [host] + nouns for o in prep_objects(t, {"on", "against"})]
        return [k for o in aimed for k in self.entities_of(o)]

    def _avenged_act_agents(self, noun) -> list[str]:
        """Who did the act to be avenged: 'the killing of its commander by Israel', 'Israel's
        killing of X', 'the deaths of its soldiers in an Israeli strike', or the act told before."""
        named = [k for o in prep_objects(noun, {"by"}) for k in self.entities_of(o)] or [
            k for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON" for k in self.entities_of(c)] or [
            k for o in prep_objects(noun, {"in"}) + prep_objects(noun.head, {"in"})
            if o.lemma_.lower() in ACT_NOUN_VERBS for k in self.modifier_entities(o)]
        return named or self._act_agents(noun)

    def frames_of_noun(self, noun):
        """Noun frames of a two-word name ("export controls", "travel ban") or of the noun."""
        if noun.tag_ == "VBG":
            return self.lex.noun_frames(noun.lower_)   # "fighting", not "fight"
        before = noun.doc[noun.i - 1] if noun.i > 0 else None
        if before is not None and before.dep_ == "compound" and before.head.i == noun.i:
            frames = self.lex.noun_frames(f"{before.lemma_.lower()} {noun.lemma_.lower()}")
            if frames:
                return frames
        if noun.lemma_.lower() in BATCH_NOUNS:
            # "the new sanctions package": a batch of what its compound names (not an aid package)
            for c in children(noun, {"compound"}):
                frames = self.lex.noun_frames(c.lemma_.lower())
                if frames:
                    return frames
        return self.lex.noun_frames(noun.lemma_.lower())

    def _may_trigger_verb(self, lemma: str) -> bool:
        """A cheap test before the parse is read: the lemma starts a frame or a speech act."""
        return bool(lemma in self.lex.speech_verbs or lemma in _RULE_VERBS
                    or self.lex.multiword_verbs.get(lemma) or self.lex.verb_frames(lemma))

    def _emit(self, sources, targets, relation, sent_start, sent_end, weight, trigger, *, irrealis, negated, reporter):
        info = self.lex.relations.get(relation)
        future_ok = getattr(info, "future_counts", False) or relation in ("threatens", "requests")
        if irrealis and (not future_ok or (irrealis == POSSIBLE and relation not in ("threatens", "requests"))):
            return []   # "will send aid" counts (an announced commitment), "could send aid" does not
        out = []
        if MUTUAL in targets:
            pairs = [(s, t) for s in sources for t in sources if s != t]
        else:
            pairs = [(s, t) for s in sources for t in targets]
        if relation == "protests_against":
            sources = [self._as_protesters(s) for s in sources]
            pairs = [(s, t) for s in sources for t in targets]
        for s, t in pairs:
            if s == t:
                continue
            if relation in TURNED_OUTWARD and t in self.served.get(s, ()):
                continue   # "at Kiir's request": a president asks, accuses or threatens others, not his own state
            # a speaker who is also the source of a speech act is not a separate reporter
            rep = None if (relation in self.speech_acts and reporter == s) else reporter
            conf = weight * (0.85 if rep else 1.0) * (0.9 if irrealis else 1.0)
            out.append(RawRelation(s, t, relation, sent_start, sent_end, negated, rep, round(min(conf, 1.0), 3), trigger))
        return out

    def _emit_for(self, verb, targets, relation, weight, sent_start, sent_end, sources=None, trigger=None):
        """`relation` from `sources` (the verb's subjects unless given) to `targets`, with the
        verb's modality and reporter; the verb is the trigger unless one is given."""
        irrealis, negated = self.modality(verb)
        return self._emit(self.subjects(verb) if sources is None else sources, targets, relation, sent_start, sent_end,
                          weight, trigger or verb.text, irrealis=irrealis, negated=negated, reporter=self.reporter(verb))

    def _from_verb(self, verb, sent_start, sent_end) -> list[RawRelation]:
        frames = self.verb_frames(verb)
        if verb.lemma_ in EVALUATIVE_VERBS and names_free_relative(verb):
            frames = []   # "condemned what it called RSF attacks on aid workers": naming, no call on anyone
        out = []
        if frames:
            passive = is_passive(verb)
            sources = self.passive_agents(verb) if passive else self.subjects(verb)
            if passive and not sources and verb.lemma_.lower() in STATIVE_PASSIVES:
                # "the Houthis, who are aligned with Iran": a state, not an act done to them
                holders = children(verb, PASSIVE_SUBJECT_DEPS) or (
                    [verb.head] if verb.dep_ == "acl" and verb.lemma_.lower() in ALLYING_VERBS else [])
                holders = standing_for(holders, verb)   # "the Serb List, allied with X": the noun it modifies
                sources = [k for h in holders for k in self.entities_of(h)] if holders else (
                    self.subjects(verb) if verb.dep_ == "conj" else [])   # "is a separate group but is allied with it"
                passive = False
            if passive and not sources and verb.dep_ == "acl" and verb.lemma_.lower() in STREET_PROTEST_VERBS \
                    and verb.head.lower_ in CROWD_NUMBERS | QUANTITY_NOUNS:
                # "Dozens of activists protested outside ...", tagged a participle of "Dozens": they protested
                sources, passive = self.subjects(verb), False
            irrealis, negated = self.modality(verb)
            reporter = self.reporter(verb)
            if self._prefers_street_protest(sources):
                frames = sorted(frames, key=lambda f: f.relation != "protests_against")
            subject_nouns = [t for t in (children(verb, SUBJECT_DEPS) if not passive else prep_objects(verb, {"by"}))
                             if t.pos_ == "NOUN" and t.i not in self.by_token]
            naming = verb.lemma_ in EVALUATIVE_VERBS and bool(children(verb, {"oprd", "xcomp", "attr", "acomp"}))
            for frame in frames:
                if naming and frame.relation == "meets":
                    continue   # "called Gonzalez a coward" is no phone call
                if frame.relation == "sanctions" and verb.lemma_ in DESIGNATING_VERBS and not any(
                        w.lower_.startswith(OUTLAWING_STEMS) or (w.lower_ == "agent" and w.nbor(-1).lower_ == "foreign")
                        for w in list(verb.subtree) + list(verb.sent[verb.i - verb.sent.start + 1:])[:30]):
                    # (the label may hang elsewhere: "designated X, a network Y says is run by
                    # officers, as a terrorist organisation")
                    continue   # "designated the Houthis a terrorist group", "declared X extremist" sanctions; "designated an envoy" does not
                if frame.relation == "accuses" and verb.lemma_ == "point" and prep_objects(verb, {"to"}) and not any(
                        o.lemma_.lower() in IMPLICATION_NOUNS or self._names_misdeed(o) for o in prep_objects(verb, {"to"})) \
                        and not any(o.lemma_.lower() in CULPRIT_NOUNS for o in prep_objects(verb, {"as"})):
                    continue   # "pointed to Russia's role in the sabotage", "to Russia as the culprit" (not "as a model")
                if frame.relation == "retreats_from" and any(o.lemma_.lower() in ENVOY_NOUNS for o in children(verb, OBJECT_DEPS)):
                    continue   # "withdrew its ambassador from Paris": an envoy recalled (see RECALLING_VERBS)
                if frame.relation == "rejects" and any(self._clause_relative(o, actors=True) for o in children(verb, OBJECT_DEPS)):
                    continue   # "..., which Kampala rejects": the charge before (see the rejection below)
                if frame.relation in STANCE_RELATIONS | {"accuses"} and any(
                        self._clause_relative(o) for o in children(verb, OBJECT_DEPS)):
                    # "Bolivia sent troops to the border, which Paraguay condemned": whoever did it
                    if not out:
                        out += self._emit_for(verb, [k for k in self._clause_doers(verb.head) if k not in sources],
                                              frame.relation, frame.weight * 0.8, sent_start, sent_end, sources=sources)
                    continue
                if frame.relation == "rejects" and verb.lemma_ == "block" and not any(
                        o.lemma_.lower() in BLOCKABLE_NOUNS for o in children(verb, OBJECT_DEPS)):
                    continue   # "blocked the sanctions package" rejects; "blocked the avenue" does not
                if frame.relation == "meets" and verb.lemma_ in HANDING_VERBS and not self._passes_message(verb):
                    continue   # "handed the proposal to Hamas" is contact; "handed Frelimo a victory" is not
                if frame.relation == "requests" and verb.lemma_ == "seek" and children(verb, {"xcomp"}):
                    continue   # "the EU, which Serbia seeks to join": an aim, not a request of anyone
                if frame.relation == "aids" and self._sends_envoy(verb):
                    continue   # "sent his special envoy to Juba" is no aid
                if frame.relation == "cooperates_with" and verb.lemma_.lower() in SHAPING_VERBS and any(
                        o.lemma_.lower() not in SHARED_THINGS for o in children(verb, OBJECT_DEPS)):
                    continue   # "shares a border with Mali", "deepening a standoff with X" (not "shared intelligence")
                if any(self._names_another_event(t, frame.relation) and not self._is_actor_noun(t) for t in subject_nouns):
                    continue   # "Western sanctions hit the Russian economy": sanctions attack no one
                if frame.relation == "attacks" and verb.lemma_.lower() in TARGETING_VERBS and verb.dep_ in ("advcl", "conj") \
                        and self._sanctioning(verb.head):
                    continue   # "imposed sanctions on Russia, targeting its banks": what the sanctions hit
                if (frame.relation == "requests" and (frame.weight < 0.5 and verb.lemma_ in self.lex.speech_verbs
                                                      or verb.lemma_ in PRESSING_VERBS)
                        and not children(verb, {"xcomp"}) and not prep_objects(verb, {"for"})
                        and not (verb.lemma_ in PRESSING_VERBS and any(   # "pressured X into holding talks"
                            c.dep_ == "pcomp" for p in verb.children if p.lower_ == "into" for c in p.children))):
                    # a speech verb's weak request sense needs its infinitive: "told reporters
                    # that..." is speech, "told Russia to withdraw" a request; "pushed the country
                    # into famine" asks nothing, "pushed Kyiv to accept" does
                    continue
                with self.coref.excluding(avoid=sources if frame.relation in HOSTILE_RELATIONS else (),
                                          clause_subjects=() if passive else sources):
                    targets = self.targets(verb, frame.target, passive, place=frame.relation in PLACE_RELATIONS,
                                           direct=frame.relation in DIRECT_TARGET_RELATIONS, relation=frame.relation)
                if not targets and frame.relation == "protests_against" and self._prefers_street_protest(sources):
                    # "rallied outside parliament, demanding Pashinyan's resignation": whom they demand of
                    # ("demanding the resignation of Prime Minister X": whose ouster)
                    targets = [k for a in children(verb, {"advcl", "conj"}) if a.tag_ == "VBG" and a.lemma_ in PROTEST_AIMS
                               for o in children(a, OBJECT_DEPS)
                               for n in [o] + (prep_objects(o, {"of"}) if o.lemma_.lower() in OUSTER_NOUNS else [])
                               for k in self.entities_of(n)
                               if self.types.get(k) in ("PERSON", "ORG", "GPE")] or self._protested_mission(verb)
                if not sources or not targets:
                    continue
                neg = negated != bool(getattr(frame, "negative", False))
                relation = frame.relation
                if relation in ("attacks", "sanctions", "rejects") and (irrealis or self._not_ruled_out(verb)) \
                        and self._vowed_or_threatened(verb):
                    relation = "threatens"   # "vowed to punish Israel", "threatened to strike / to veto": a threat
                    if self._not_ruled_out(verb):
                        irrealis, neg, reporter = False, False, None
                if relation == "supports" and irrealis is True and (self._pledged(verb) or self._decided(verb)):
                    irrealis = False   # '"Germany will stand by Ukraine," the minister said': the pledge is the support;
                    # "Paris decided to back Rabat's plan": taking the side is the support
                if relation in ("agrees_with", "supports") and neg and verb.lemma_.lower() in ACCEPTING_VERBS:
                    relation, neg = "rejects", False   # "refused to accept China's claims", "cannot recognise X's victory"
                if relation == "aids" and verb.lemma_.lower() in OFFERING_VERBS and any(
                        o.lemma_.lower() in OFFERED_TERMS for o in children(verb, OBJECT_DEPS)):
                    relation = "requests"   # "Hamas offered Israel a truce": terms proposed, no aid given
                if relation == "aids" and self._passes_message(verb):
                    relation = "meets"   # "delivered the proposal to Hamas": contact, not aid
                    if any(w.lemma_.lower() in PROTEST_NOTE_NOUNS for o in children(verb, OBJECT_DEPS)
                           for w in o.children if w.i <= o.i) or any(
                            o.lemma_.lower() in PROTEST_NOTE_NOUNS for o in children(verb, OBJECT_DEPS)):
                        # "delivered a formal protest note to the Chinese embassy": a protest to its state
                        relation, targets = "condemns", [self.org_homes.get(k, k) for k in targets]
                if relation == "attacks" and self._dispute_over(verb, sources, targets):
                    continue   # "Bogota has clashed with Washington over tariffs": a quarrel, not a fight
                if relation == "rejects" and any(o.lemma_.lower() in CONDUCT_NOUNS for o in children(verb, OBJECT_DEPS)):
                    relation = "condemns"   # "rejected Ben-Gvir's conduct": disapproves of a deed, not a claim
                out += self._emit(sources, targets, relation, sent_start, sent_end, frame.weight,
                                  verb.text, irrealis=irrealis, negated=neg, reporter=reporter)
                if relation == "rejects" and not neg and self._rejected_as_wrong(verb):
                    out += self._emit(sources, targets, "condemns", sent_start, sent_end, frame.weight,
                                      verb.text, irrealis=irrealis, negated=neg, reporter=reporter)
                if relation == "attacks" and MUTUAL not in targets and verb.lemma_.lower() in FIGHTING_WORDS \
                        and not passive and (prep_objects(verb, {"with"}) or any(
                            prep_objects(o, {"with"}) for o in children(verb, OBJECT_DEPS))):
                    # "clashed with Y", "traded fire with Y": both ways (guidelines 3.1)
                    out += self._emit(targets, sources, relation, sent_start, sent_end, frame.weight,
                                      verb.text, irrealis=irrealis, negated=neg, reporter=reporter)
                if out:
                    break
            if out and not passive and not negated and all(r.relation == "rejects" for r in out):
                proposals = [o for o in children(verb, OBJECT_DEPS) if o.lemma_.lower() in PROPOSAL_NOUNS]
                if proposals:   # "rejected a U.S. proposal"
                    out += self._proposal_put_to(list(dict.fromkeys(r.source for r in out)),
                                                 list(dict.fromkeys(r.target for r in out)), proposals[0],
                                                 sent_start, sent_end)
            if not out and not passive and not irrealis and any(f.relation == "rejects" for f in frames):
                # "denied the accusations", "a charge the UAE denies": whose accusations?
                objs = children(verb, OBJECT_DEPS) or ([verb.head] if verb.dep_ == "relcl" else [])
                if objs and all(self.is_proposition(o) or o.lemma_.lower() in PROPOSITION_VERBS
                                or o.lower_ in REJECTED_PRONOUNS or self._clause_relative(o, actors=True) for o in objs) and (
                        verb.lemma_ in self.lex.denial_verbs or not any(o.lemma_.lower() in IMPLICATION_NOUNS for o in objs)):
                    out += self._rejection(verb, objs, sources, sent_start, sent_end, negated)
            if not out and not passive and negated and sources and verb.lemma_.lower() in ACCEPTING_VERBS:
                # "Tiani did not accept the proposal": rejects whoever the text said made it
                objs = [o for o in children(verb, OBJECT_DEPS) if o.lemma_.lower() in PROPOSITION_VERBS]
                authors = [k for k in self._earlier_authors(objs) if k not in sources]
                out += self._emit(sources, authors, "rejects", sent_start, sent_end, 0.6, verb.text,
                                  irrealis=False, negated=False, reporter=self.reporter(verb)) if authors else []
            if not out and not passive and not irrealis and not negated and sources and \
                    verb.lemma_ in self.lex.denial_verbs and any(
                        c.dep_ in ("xcomp", "ccomp", "pcomp") and c.pos_ == "VERB" for c in verb.children):
                # "Rwanda denies backing the M23": the denial answers whoever accused Rwanda of it
                self.pending_rejections.append(PendingRejection(self.coref.sent_index.get(verb.i, 0), sources, sent_start,
                                                                sent_end, 0.5, verb.text, False, {"accuses"}))
        if not out and verb.lemma_.lower() in LISTING_VERBS:
            out += self._listing(verb, sent_start, sent_end)
        if not out and verb.lemma_.lower() in WITHHOLDING_VERBS | CLOSING_VERBS | EMBARGO_VERBS | ORDERING_VERBS:
            out += self._trade_halted(verb, sent_start, sent_end)
        if not out and verb.lemma_.lower() in JOINING_VERBS:
            out += self._joined_crowd(verb, sent_start, sent_end)
        if verb.lemma_.lower() in EXPELLING_VERBS:
            out += self._forced_out(verb, sent_start, sent_end)   # besides "drove X out" attacking X
        if not out and verb.lemma_.lower() in RECALLING_VERBS:
            out += self._recalled_envoy(verb, sent_start, sent_end)
        if not out and verb.lemma_.lower() in TURNING_VERBS:
            out += self._turned_to_for_help(verb, sent_start, sent_end)
        if verb.lemma_.lower() in FIGHTING_WORDS:
            out += self._fighting_alongside(verb, sent_start, sent_end)
        if not out and verb.lemma_.lower() in CROWD_CONTROL_VERBS:
            out += self._crowd_control(verb, sent_start, sent_end)
        if not out and verb.i > 0:
            out += self._noun_name_read_as_verb(verb, sent_start, sent_end)
        if not out:
            out += self._threatened_response(verb, sent_start, sent_end) + self._expectation(verb, sent_start, sent_end)
        if not any(r.relation == "threatens" for r in out) and (
                verb.lemma_ in self.lex.speech_verbs or verb.lemma_ in THREAT_VERBS):
            out += self._conditional_threat(verb, sent_start, sent_end)
        if verb.lemma_ == "warn" and any(is_infinitive(x) for x in children(verb, {"xcomp"})):
            # "warned Iran to stop supporting the group": a warning with an order in it is a demand too
            out += self._emit_for(verb, [k for o in children(verb, OBJECT_DEPS) for k in self.entities_of(o)],
                                  "requests", 0.6, sent_start, sent_end)
        evaluated = self._evaluation(verb, sent_start, sent_end)
        if evaluated:
            # "called the move provocative" is no phone call
            return [r for r in evaluated if r is not None]
        if verb.lemma_ in self.lex.speech_verbs:
            out += self._speech_content(verb, sent_start, sent_end)
        return out

    def _from_noun(self, noun, sent_start, sent_end) -> list[RawRelation]:
        """Nominal triggers: "Russia's invasion of Ukraine", "imposed sanctions on Iran",
        "a package of sanctions against Russia", "drew condemnation from Japan"."""
        frames = self.frames_of_noun(noun)
        if noun.lemma_.lower() == "protest" and noun.dep_ == "pobj" and noun.head.lower_ == "in" \
                and noun.head.head.pos_ in ("VERB", "AUX"):
            return self._in_protest(noun, sent_start, sent_end)
        if noun.lemma_.lower() == "call" and (prep_objects(noun, {"for"}) or any(
                is_infinitive(a) for a in children(noun, {"acl"}))):
            frames = [f for f in frames if f.relation != "meets"]   # "a call for aid to Gaza" is no phone call
        if not frames:
            return []
        # "a package of sanctions": the container noun carries the agent and the verb
        phrase = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            phrase = noun.head.head
        while phrase.dep_ == "conj" and phrase.head.pos_ == "NOUN":
            phrase = phrase.head   # "announced an asset freeze and a travel ban": the first conjunct's verb
        head = phrase.head
        if phrase.dep_ == "dobj" and head.lemma_ in WITHHOLDING_VERBS and any(f.relation == "aids" for f in frames):
            return self._aid_withheld(noun, head, frames, sent_start, sent_end)
        if head.lemma_ == "put" and phrase.dep_ == "dobj" and any(o.lower_ == "hold" for o in prep_objects(head, {"on"})):
            # "put its strategic partnership with Tbilisi on hold": suspended, which sanctions the partner
            partners = [k for o in prep_objects(noun, {"with"}) for k in self.entities_of(o)] \
                if noun.lemma_.lower() in TIES_NOUNS else []
            return self._emit_for(head, partners, "sanctions", 0.6, sent_start, sent_end) if partners else []
        if head.lemma_ in self.lex.cessation_verbs and phrase.dep_ not in ("nsubj", "csubj") \
                and not all(f.relation == "attacks" for f in frames):
            # (not "the deal signed by X and Y ended the conflict": the deal is what ends something)
            if noun.lemma_.lower() in JOINT_WORK_NOUNS and phrase.dep_ == "dobj":
                # "suspended cooperation with the IAEA": cooperation said not to go on (GUIDELINES 3.5)
                partners = [k for o in prep_objects(noun, {"with"}) for k in self.entities_of(o)]
                irrealis, negated = self.modality(head)
                return self._emit(self.subjects(head), partners, "cooperates_with", sent_start, sent_end, 0.6, head.text,
                                  irrealis=irrealis, negated=not negated, reporter=self.reporter(head)) if partners else []
            return []   # "lifted sanctions", "suspended aid": no positive relation ("ended the fighting": it was fought)
        light_verbs = self.lex.light_verbs
        light = head if (phrase.dep_ in ("dobj", "nsubjpass", "pobj", "attr") and head.lemma_ in light_verbs) else None
        # "imposed sanctions on X over attacks on camps": the attacks are not the imposer's (but the
        # parser may hang the act's own target on that verb: "sanctions imposed over Iran's supply of
        # drones to Russia")
        cause_host = head.head if phrase.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in CAUSE_PREPOSITIONS else None
        if phrase.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_ in light_verbs and cause_host is None:
            light = head.head
        if (light is None and phrase.dep_ == "pobj" and head.lower_ in ("in", "of") and head.head.dep_ in ("dobj", "nsubjpass")
                and head.head.head.lemma_ in light_verbs):
            light = head.head.head   # "pledged $110 million in aid for Sudan"
        # "the sanctions that Canada imposed on Chinese firms": the light verb is a relative
        # clause; "the sanctions, imposed by the EU on Belarus, were extended": a participle
        modifying_light = next((v for v in children(phrase, {"relcl", "acl"}) if v.lemma_ in light_verbs
                                and (v.dep_ == "acl" and v.tag_ == "VBN" or any(
                                    o.lower_ in RELATIVE_PRONOUNS for o in children(v, OBJECT_DEPS | PASSIVE_SUBJECT_DEPS)))), None)
        if light is None or (modifying_light is not None and not (
                self.passive_agents(light) if is_passive(light) else self.subjects(light))):
            light = modifying_light or light
        # "drew condemnation from Japan", "came under attack from X": the verb's subject is the target
        inverse_verb = head if phrase.dep_ == "dobj" and head.lemma_ in self.lex.light_inverse_verbs else (
            head.head if phrase.dep_ == "pobj" and head.dep_ == "prep"
            and f"{head.head.lemma_} {head.lower_}" in self.lex.light_inverse_verbs else None)
        inverse = inverse_verb is not None
        # "hit Iran with sanctions", "Iran was hit with sanctions", "banks targeted by sanctions",
        # "the sanctions package targets Russia's exports": the verb's object is the target
        instrument = (head.head if phrase.dep_ == "pobj" and head.lower_ in ("with", "by") and head.dep_ in ("prep", "agent")
                      and head.head.lemma_.lower() in TARGETING_VERBS else
                      head if phrase.dep_ == "nsubj" and head.lemma_.lower() in TARGETING_VERBS else None)
        if light is not None and light.lemma_.lower() in KEEPING_VERBS and noun.lemma_.lower() in KEPT_TIES_NOUNS:
            return []   # "have long kept ties with Caracas": a standing state of relations, no event
        if any(f.relation == "cooperates_with" for f in frames) and (
                (phrase.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in WORSENING_VERBS)
                or any(c.dep_ == "amod" and (c.lemma_.lower() in WORSENING_VERBS or c.lower_ in STRAINED_WORDS)
                       for c in noun.children)):
            return []   # "ties between Moscow and Baku have soured", "strained relations": no cooperation
        if noun.lemma_.lower() == "veto" and noun.tag_ == "NNS" and head.lemma_.lower() in ("hold", "have", "wield", "possess"):
            return []   # "which hold vetoes on the council": a power held, no veto cast
        if noun.lemma_.lower() in ("tie", "ties") and not (phrase.dep_ == "dobj" and head.lemma_.lower() in TIE_BUILDING_VERBS):
            # "close ties with Moscow", "normalising its ties with Armenia": a state of relations, no
            # act of cooperation ("deepened ties with X", "forged ties with X" are)
            frames = [f for f in frames if f.relation != "cooperates_with"]
        out = []
        for frame in frames:
            place = frame.relation in PLACE_RELATIONS
            agents = self.modifier_entities(noun) or (self.modifier_entities(phrase) if phrase is not noun else [])
            deed_host = cause_host if cause_host is not None else (
                head.head if phrase.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in DEED_TIME_PREPOSITIONS else None)
            if deed_host is not None and any(c.tag_ == "PRP$" for c in noun.children):
                # "sanctioned Russia over / since / for its war in Ukraine": 'its' is the one
                # punished, not the punisher
                agents = self._punished_by(deed_host) or agents
            targets = [k for prep in frame.target_preps for t in prep_objects(noun, {prep})
                       for k in self.entities_of(t, place=place)
                       if not (place and prep in LOCATIVE_TARGET_PREPS and self.types.get(k) != "GPE")]
            if place and len(targets) > 1:
                # "strikes on Houthi targets in Yemen": the ones struck, not where (but "strikes in Yemen")
                targets = [k for prep in frame.target_preps if prep not in LOCATIVE_TARGET_PREPS
                           for t in prep_objects(noun, {prep}) for k in self.entities_of(t, place=place)] or targets
            if not targets:
                # "sanctions targeting Iran's oil exports"
                if frame.relation == "requests":
                    # "Egypt's call for Ethiopia to halt ...", parsed with 'for Ethiopia' on the noun
                    # and the infinitive beside it
                    targets += [k for o in prep_objects(noun, {"for"}) if o.i in self.by_token and any(
                        a.i > o.i and is_infinitive(a) for a in children(noun, {"acl"}))
                                for k in self.entities_of(o, coref=False)]
                for acl in children(noun, {"acl"}) + [c for c in children(noun, {"advcl"}) if has_mark(c, {"for"})]:
                    told = children(acl, SUBJECT_DEPS)
                    if told:
                        # "accusations that it arms the RSF": a content clause names the accused
                        if noun.lemma_.lower() in self.allegations or (
                                frame.relation == "requests" and has_mark(acl, {"that", "for"})):
                            # "Brazil's request that Argentina extradite ...", "Egypt's call for
                            # Ethiopia to halt ...": the one asked to act
                            targets += [k for o in told for k in self.entities_of(o)]
                        continue
                    if frame.relation != "requests":   # (what is asked for is not whom: "a call to hand over their weapons")
                        targets += [k for o in children(acl, OBJECT_DEPS) for k in self.entities_of(o, place=place)]
                    if not targets and frame.relation == "threatens":
                        # "a threat to impose sanctions on Moscow": whom the threatened act is aimed at
                        targets += [k for o in children(acl, OBJECT_DEPS) + [acl] for p in prep_objects(o, {"on", "against"})
                                    for k in self.entities_of(p)]
            if not targets and frame.relation == "attacks":
                # "launched air strikes inside Iran": the state struck across its border (not "the
                # peacekeeping force in Mali", "killings in West Darfur")
                targets = [k for t in prep_objects(noun, {"inside"}) for k in self.entities_of(t, place=True)
                           if self.types.get(k) == "GPE"]
            if not targets and frame.relation == "supports":
                # "voiced support for the autonomy plan": whoever the text said made it
                targets = self._earlier_authors([t for t in prep_objects(noun, set(frame.target_preps))
                                                 if self.is_proposition(t)])
            if frame.relation == "supports" and phrase is noun and noun.dep_ == "pobj" and head.lower_ == "with" \
                    and head.head.pos_ == "VERB" and (not agents or not targets) \
                    and noun.lemma_.lower() not in ALLIANCE_NOUNS:   # (not "stands with our Philippine allies")
                # "plotting a coup with the backing of Washington", "an attack organised by X with the
                # support of Russia", "founded with Iran's backing": the backer supports whoever does the act
                backed = head.head
                agents = agents or [k for t in prep_objects(noun, {"of"}) for k in self.entities_of(t)]
                doers = self.passive_agents(backed) if is_passive(backed) or backed.tag_ == "VBN" else self.subjects(backed)
                if not doers and is_passive(backed) and backed.lemma_.lower() in FOUNDING_VERBS:
                    doers = [k for o in children(backed, PASSIVE_SUBJECT_DEPS) for k in self.entities_of(o)]   # "Hezbollah was founded with Iran's backing": what was founded
                targets = [k for k in doers if k not in agents] if agents else []
            if not targets and frame.relation == "protests_against":
                # "staged a protest outside the German embassy": against that state
                targets = self._protested_mission(noun) + (self._protested_mission(head) if head.pos_ == "VERB" else [])
            if instrument is not None and not targets:
                hit = children(instrument, PASSIVE_SUBJECT_DEPS) if is_passive(instrument) else children(instrument, OBJECT_DEPS)
                targets = [k for t in hit for k in self.entities_of(t, place=place)]
                if not agents and phrase.dep_ != "nsubj":
                    agents = (self.passive_agents(instrument) if is_passive(instrument) and head.lower_ != "by"
                              else [] if is_passive(instrument) else self.subjects(instrument))
                if not agents and phrase.dep_ == "nsubj":
                    agents = self._act_agents(noun)   # "the strikes had targeted X": whoever launched them
            if frame.relation == "sanctions" and phrase.dep_ == "pobj" and head.lower_ == "under" and not targets:
                # "X, who is under U.N. and U.S. sanctions": the clause's subject is the target
                clause = self._clause_head(noun)
                targets = self.subjects(clause) if clause is not None else []
            if frame.relation == "sanctions" and not targets:
                # "Russia's tankers evade Western sanctions", "to get around Western sanctions": the
                # evader is the one sanctioned
                evader = head if phrase.dep_ == "dobj" else head.head if phrase.dep_ == "pobj" and head.dep_ in ("prep", "prt") else None
                if evader is not None and evader.pos_ == "VERB" and evader.lemma_.lower() in EVADING_VERBS:
                    targets = self.subjects(evader)
            if inverse:
                # "drew condemnation from Japan": the verb's subject is the target
                # ("received assurances of American support": a named modifier of the noun; not 'its')
                agents = [k for t in prep_objects(noun, {"from", "by"}) + prep_objects(inverse_verb, {"from", "by"})
                          for k in self.entities_of(t)] or (agents if inverse_verb is not head else [
                    self.by_token[c.i].entity for c in noun.children if frame.relation in ("supports", "aids", "condemns")
                    and c.dep_ in ("amod", "compound", "poss") and c.i in self.by_token and c.tag_ != "PRP$"])
                # (not "faces U.N. sanctions", "could face U.S. tariffs": mostly what may come)
                targets = self.subjects(inverse_verb) or [k for s in children(inverse_verb, SUBJECT_DEPS)
                                                          for k in self._act_agents(s)]
            elif not agents:
                agents = [k for t in prep_objects(noun, set(frame.agent_preps)) for k in self.entities_of(t)]
            if light is not None and frame.relation == "agrees_with" and light.lemma_.lower() in MEDIATING_VERBS:
                # "the AU brokered a truce between the government and Radaa": the parties agree with
                # each other; "a ceasefire brokered by Qatar and Turkey": the mediators are no party
                out += self._mediated_agreement(noun, light, sent_start, sent_end, frame.weight)
                continue
            if light is not None and not inverse:
                if not agents:
                    agents = self.passive_agents(light) if is_passive(light) else self.subjects(light)
                if not targets:
                    targets = [k for t in prep_objects(light, set(frame.target_preps)) for k in self.entities_of(t, place=place)]
            if not targets and agents and cause_host is not None and cause_host.pos_ == "VERB":
                targets = [k for t in prep_objects(cause_host, set(frame.target_preps)) for k in self.entities_of(t)
                           if k not in agents]
            if not targets and frame.relation == "aids":
                targets = self._recipients_by_place(noun, light, frame.target_preps)
            symmetric = getattr(self.lex.relations.get(frame.relation), "symmetric", False)
            if not agents and frame.relation == "attacks" and not inverse:
                # "war erupted between Ethiopia and Eritrea": each attacks the other (GUIDELINES 3.1)
                between = prep_objects(noun, {"between"}) or (
                    prep_objects(noun.head, {"between"}) if noun.dep_ in ("nsubj", "nsubjpass") else [])
                parties = self.between_parties(between)
                if len(parties) >= 2:
                    agents, targets = parties, [MUTUAL]
            if symmetric and not inverse and not targets and len(agents) >= 2 and light is not None \
                    and light.lemma_.lower() in SIGNING_VERBS and light.dep_ == "acl":
                targets = [MUTUAL]   # "an agreement signed by X and Y": each party with the other
            if not agents and symmetric and not inverse:
                # "talks between Israel and Hamas": each party with the other
                parties = self.between_parties(prep_objects(noun, {"between"}))
                if len(parties) < 2 and frame.relation == "agrees_with":
                    # "an agreement signed by X and Y", "an accord reached in Cairo between X and Y"
                    for acl in children(noun, {"acl"}):
                        if acl.lemma_.lower() in SIGNING_VERBS and len(parties) < 2:
                            parties = self.between_parties(prep_objects(acl, {"between"})) or self.passive_agents(acl)
                if len(parties) >= 2:
                    agents, targets = parties, [MUTUAL]
                    # "negotiations between Egypt, Ethiopia and Sudan mediated by the African Union":
                    # the mediator consults each party
                    mediators = [k for acl in children(noun, {"acl"}) if acl.lemma_ in MEDIATING_VERBS
                                 for k in self.passive_agents(acl) if k not in parties]
                    if mediators and frame.relation == "meets":
                        verb = self._clause_head(noun)
                        irrealis, negated = self.modality(verb) if verb is not None else (False, False)
                        out += self._emit(mediators, parties, "meets", sent_start, sent_end, frame.weight * 0.8,
                                          noun.text, irrealis=irrealis, negated=negated, reporter=None)
                elif not targets and light is None and phrase.dep_ == "dobj":
                    # "India and the U.S. signed a deal, deepening defence cooperation": the
                    # coordinated subjects of the clause, each with the other
                    clause = self._clause_head(noun)
                    concluded = clause is not None and (
                        head.i == clause.i and clause.lemma_.lower() in CONCLUDING_VERBS if frame.relation == "agrees_with"
                        else not (head.i == clause.i and self._judges_event(clause)))   # not "X and Y welcomed the talks"
                    parties = self.subjects(clause) if concluded else []   # not "proposed a truce"
                    if len(parties) >= 2:
                        agents, targets = parties, [MUTUAL]
            joint = any(c.lower_ in self.lex.joint_markers for c in noun.children if c.dep_ in ("amod", "advmod", "compound"))
            fought_out = (frame.relation == "attacks" and light is not None and noun.lemma_.lower() in FIGHTING_WORDS
                          and noun.dep_ == "pobj" and noun.head.lower_ == "at")   # "X and Y are at war"
            if len(agents) >= 2 and not targets and (joint or symmetric or fought_out):
                # "joint South Korea-U.S. drills": each with the other; "X and Y have been at war"
                targets = [MUTUAL]
                if frame.relation == "meets" and phrase.dep_ == "dobj" and head.lemma_ in MEDIATING_VERBS:
                    # "Oman mediated five rounds of U.S.-Iran talks": the mediator consults each side
                    mediators = [k for k in (self.passive_agents(head) if is_passive(head) else self.subjects(head))
                                 if k not in agents]
                    out += self._emit_for(head, agents, "meets", frame.weight * 0.8, sent_start, sent_end,
                                          sources=mediators, trigger=noun.text) if mediators else []
            naming = self._naming_free_relative(noun)
            if not agents and light is None and frame.relation in STANCE_RELATIONS and (
                    (phrase.dep_ == "pobj" and head.lower_ == "in") or naming is not None):
                # "attacked ships in solidarity with Palestinians" (or "in what they call solidarity
                # with ..."): the stance is the actor's
                clause = self._clause_head(noun) if naming is None else naming.head.head
                agents = self.subjects(clause) if clause is not None else []
                if agents and not targets:
                    # the parser may hang "with Palestinians" on the verb (or on the naming verb)
                    hosts = [clause] if naming is None else [clause, naming]
                    targets = [k for h in hosts for t in prep_objects(h, set(frame.target_preps))
                               if t.head.i == noun.i + 1 for k in self.entities_of(t)]
            if not agents and targets and frame.relation == "meets" and phrase.dep_ == "pobj" and light is None \
                    and (head.lower_ in ("in", "during", "after", "following")
                         or (head.lower_ == "for" and head.head.lemma_ in MOTION_VERBS)) and prep_objects(noun, {"with"}):
                # "agreed to a pause in a phone call with Sheinbaum", "said after talks with Rubio":
                # the clause's subject took part
                clause = head.head if head.head.pos_ in ("VERB", "AUX") else self._clause_head(noun)
                agents = [k for k in self.subjects(clause) if k not in targets] if clause is not None else []
            if not targets and frame.relation == "meets" and phrase.dep_ == "pobj" \
                    and head.lower_ in ("in", "during") and head.head.pos_ == "VERB" \
                    and ((not agents and light is None) or (light is not None and light.i == head.head.i and not any(
                        f.relation == "meets" for f in self.verb_frames(light)))):   # ("voiced support ... in a call")
                # "congratulated both leaders in a phone call", "told Erdogan during talks that ...",
                # "apologised to Aliyev in a phone call": the one the verb addresses is met
                agents = self.subjects(head.head)
                # "raised concerns with Vucic during a phone call", "voiced support for Maduro in a phone call"
                addressed = children(head.head, OBJECT_DEPS | {"dative"}) + prep_objects(head.head, {"to", "with"})
                addressed += [p for o in children(head.head, OBJECT_DEPS) if o.i not in self.by_token
                              for p in prep_objects(o, {"for", "to", "with"})]
                with self.coref.excluding(clause_subjects=agents):
                    targets = [k for o in addressed for k in self.entities_of(o) if k not in agents]
            if frame.relation == "requests" and phrase.dep_ == "pobj" and head.lower_ == "at" and head.head.pos_ == "VERB":
                # "French troops left at the junta's demand", "deployed at the invitation of Haiti":
                # the one who acted was asked to
                askers = self.modifier_entities(noun) or [k for o in prep_objects(noun, {"of"}) for k in self.entities_of(o)]
                agents = askers
                targets = [k for k in self.subjects(head.head) if k not in askers] if askers else []
            if not agents and frame.relation == "protests_against":
                # "thousands marched for a fifth night of protests against X": the marchers
                clause = self._clause_head(noun)
                agents = self.subjects(clause) if clause is not None else []
                if agents and not self._prefers_street_protest(agents):
                    # "police fired at protesters as demonstrations against X went on": the crowd
                    # the sentence names, not whoever the clause is about
                    agents = [k for t in noun.sent if t.lemma_.lower() in PROTEST_CROWDS and t.pos_ == "NOUN"
                              for k in self.entities_of(t, coref=False)][:1]
                if not agents and targets and noun.tag_ == "NNS" and ACT_NOUN_VERBS.get(noun.lemma_.lower()) is _PROTESTING:
                    # "Hasina fled after weeks of protests against her government": an unnamed crowd
                    agents = [self._collective_key("protesters")]
            if not agents or not targets:
                continue
            if frame.relation == "condemns" and self._prefers_street_protest(agents) and any(
                    f.relation == "protests_against" for f in frames):
                continue   # a crowd's protest is a street protest, not a diplomatic one
            verb = light if light is not None else (inverse_verb if inverse else self._clause_head(noun))
            irrealis, negated = self.modality(verb) if verb is not None else (False, False)
            if any(c.lower_ == "no" and c.dep_ == "det" for c in noun.children):
                negated = True
            reporter = self.reporter(verb) if verb is not None else None
            conf = frame.weight * (0.9 if light is not None else 0.8)
            relation = frame.relation
            if phrase is not noun and phrase.lemma_.lower() in THREAT_NOUNS and relation in ("attacks", "sanctions"):
                relation = "threatens"   # "Trump's threat of strikes on X": threatened, not done
            elif light is not None and relation in ("attacks", "sanctions") and irrealis and self._vowed_or_threatened(light):
                relation = "threatens"   # "threatened to impose tariffs on Mexican imports"
            out += self._emit(agents, targets, relation, sent_start, sent_end, conf, noun.text,
                              irrealis=irrealis, negated=negated, reporter=reporter)
            if frame.relation == "attacks" and MUTUAL not in targets and noun.lemma_.lower() in FIGHTING_WORDS \
                    and (prep_objects(noun, {"with"}) or (light is not None and prep_objects(light, {"with"}))):
                # "at war with Y", "fought a war with Y": fighting goes both ways (guidelines 3.1)
                out += self._emit(targets, agents, frame.relation, sent_start, sent_end, conf, noun.text,
                                  irrealis=irrealis, negated=negated, reporter=reporter)
            if out:
                break
        return out

    def _rejected_as_wrong(self, verb) -> bool:
        """'dismissed the measures as illegal', 'rejected the move as hysteria': the 'as' phrase
        condemns what is rejected."""
        objs = children(verb, OBJECT_DEPS)
        if not objs or any(o.lemma_.lower() in self.allegations or o.lemma_.lower() in self.messages
                           or o.lemma_.lower() in CLAIM_WORDS for o in objs):
            return False   # "dismissed the accusations as propaganda" only rejects them
        return any(self._disapproving(x) or x.lemma_.lower() in self.dismissal
                   for head in [verb] + objs for p in children(head, {"prep"})
                   if p.lower_ == "as" for c in p.children for x in c.subtree)

    def _protested_mission(self, verb) -> list[str]:
        """'protested outside the Russian embassy': a crowd at a state's embassy protests against
        that state (the state is listed even when named only by the adjective)."""
        places = prep_objects(verb, {"outside", "at", "near"}) + [
            o for p in children(verb, {"prep"}) if p.lower_ == "in" for f in p.children if f.lower_ == "front"
            for o in prep_objects(f, {"of"})]
        out = []
        for place in places:
            m = self.by_token.get(place.i)
            high_commission = place.lower_ == "commission" and place.i > 0 and self.doc[place.i - 1].lower_ == "high"
            if m is None or self.types.get(m.entity) != "ORG" or not (place.lower_ in MISSION_WORDS or high_commission):
                continue
            if m.tok_start >= place.i:
                continue   # "the embassy": no state named with it
            # "the Russian embassy": the state the body's name says it belongs to (document.py); "the
            # Pakistan High Commission": a country's own name as its first word
            country = self.lex.country(self.doc[m.tok_start].text)
            state = self.org_state_names.get(m.entity) or (country.name if country else None)
            if state:
                key = entity_id("GPE", state)
                if key not in self.types:
                    self.types[key] = "GPE"
                    self.extra_entities[key] = state
                out.append(key)
        return out

    def _aid_withheld(self, noun, verb, frames, sent_start, sent_end) -> list[RawRelation]:
        """'The EU suspended budget support to Niger', 'froze lending to Mali': stopping aid is a
        sanction on the recipient (PLOVER SANCTION, CAMEO 162 'reduce or stop aid')."""
        preps = {p for f in frames if f.relation == "aids" for p in f.target_preps}
        recipients = [k for t in prep_objects(noun, preps) + prep_objects(verb, preps) for k in self.entities_of(t)]
        agents = self.subjects(verb)
        if not recipients:
            # "The European Union, Madagascar's largest donor, suspended budget support": the donor's recipient
            recipients = [k for s in children(verb, SUBJECT_DEPS) for a in children(s, {"appos"})
                          if a.lemma_.lower() in AID_AGENT_NOUNS for k in self.modifier_entities(a)]
        if not agents or not recipients:
            return []
        return self._emit_for(verb, recipients, "sanctions", 0.6, sent_start, sent_end, sources=agents)

    def _turned_to_for_help(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'Mali turned to Russia for security assistance': the one turned to aids the subject
        (help sought and given; 'for support' alone, with no material, is support)."""
        helps = [o for o in prep_objects(verb, {"for"}) if o.lemma_.lower() in HELP_NOUNS]
        helpers = [k for o in prep_objects(verb, {"to"}) for k in self.entities_of(o)]
        if not helps or not helpers:
            return []
        material = any(h.lemma_.lower() != "support" or any(
            c.lemma_.lower() in MATERIAL_MODIFIERS for c in h.children if c.dep_ in ("amod", "compound")) for h in helps)
        subjects = self.subjects(verb)
        return self._emit_for(verb, subjects, "aids" if material else "supports", 0.6, sent_start, sent_end,
                              sources=[k for k in helpers if k not in subjects])

    def _forced_out(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'French forces were pushed out of Mali', 'the juntas forced French troops out of
        Niger': the ones forced out retreat from the place (PLOVER RETREAT)."""
        if not any(c.lower_ == "out" for c in verb.children if c.dep_ in ("prt", "prep", "advmod")):
            return []
        leaving = children(verb, PASSIVE_SUBJECT_DEPS) if is_passive(verb) else children(verb, {"dobj"})
        sources = [k for t in standing_for(leaving, verb) for k in self.entities_of(t)]
        places = [k for t in prep_objects(verb, {"of"}) for k in self.entities_of(t, place=True)]
        if not sources or not places:
            return []
        return self._emit_for(verb, places, "retreats_from", 0.6, sent_start, sent_end, sources=sources)

    def _in_protest(self, noun, sent_start, sent_end) -> list[RawRelation]:
        """'recalled its envoy in protest at the French position', 'walked out in protest over
        Israel's strikes': what the act protests names whom the subject condemns."""
        verb = noun.head.head
        objects = prep_objects(noun, {"at", "over", "against", "of"})
        targets = [k for o in objects for k in self.entities_of(o) or self.modifier_entities(o) or self._act_agents(o)]
        sources = self.passive_agents(verb) if is_passive(verb) else self.subjects(verb)
        relation = "protests_against" if self._prefers_street_protest(sources) else "condemns"   # a crowd's protest
        return self._emit_for(verb, [k for k in targets if k not in sources], relation, 0.6, sent_start, sent_end,
                              sources=sources, trigger=noun.text)

    def _clause_relative(self, token, actors: bool = False) -> bool:
        """', which Lima denies' after a charge: 'which' set off by a comma sums up the clause
        before it (the small parser hangs it on that clause's last noun). Hung on an actor
        ("the police force, which Australia has supported") it is that actor, unless `actors`
        (a denial: "arming the rebels, which Kampala rejects" denies the charge, not the rebels)."""
        if token.lower_ != "which" or token.i == 0 or self.doc[token.i - 1].text != ",":
            return False
        clause = token.head
        if clause.dep_ == "advcl":
            return clause.head.pos_ in ("VERB", "AUX")
        antecedent = clause.head
        mention = self.by_token.get(antecedent.i)
        place = mention is not None and (self.types.get(mention.entity) == "LOC" or (
            self.types.get(mention.entity) == "GPE" and mention.entity not in self.coref.states))
        # (a place is no actor: "drills west of the island of Palawan, which Beijing denounced")
        return clause.dep_ == "relcl" and (actors or place or not self._is_actor_noun(antecedent))

    def _clause_doers(self, noun) -> list[str]:
        """Who did what the clause holding `noun` tells ("Kenya sent troops to the border"), or
        the act `noun` names ("the strikes")."""
        own = (self.modifier_entities(noun) or self._act_agents(noun)) if noun.pos_ == "NOUN" else []
        if own:
            return own
        clause = self._clause_head(noun)
        if clause is None or clause.lemma_ in self.lex.speech_verbs:
            return []
        return self.passive_agents(clause) if is_passive(clause) else self.subjects(clause)

    def _joined_crowd(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'The president joined the protesters', 'marched alongside the demonstrators': whoever
        joins a crowd of protesters backs them (GUIDELINES 3.1 solidarity)."""
        crowds = [o for o in children(verb, OBJECT_DEPS) + prep_objects(verb, {"with", "alongside"})
                  if o.lemma_.lower() in PROTEST_CROWDS]
        targets = [k for o in crowds for k in self.entities_of(o)]
        sources = [k for k in self.subjects(verb) if self.types.get(k) in ("GPE", "ORG", "PERSON")]
        return self._emit_for(verb, targets, "supports", 0.6, sent_start, sent_end, sources=sources) if targets else []

    def _trade_halted(self, verb, sent_start, sent_end) -> list[RawRelation]:
        """'cut off electricity exports to Niger', 'halted flights to Qatar', 'shut its border
        with Niger': stopping trade or traffic with a state is a sanction on it (CAMEO 163)."""
        objects = children(verb, OBJECT_DEPS)
        # "ordered the closure of all land crossings with Laos": the stop is a noun
        flows = [o for o in objects + [p for o in objects if o.lemma_.lower() in STOPPING_NOUNS
                                       for p in prep_objects(o, {"of"})] if o.lemma_.lower() in TRADE_FLOW_NOUNS]
        if not flows:
            return []
        subjects = self.subjects(verb)
        targets = [k for t in prep_objects(verb, {"to", "with", "from"}) + [
            p for o in flows for p in prep_objects(o, {"to", "with", "from"})] for k in self.entities_of(t)
            if self.types.get(k) in ("GPE", "ORG") and k not in subjects   # not "travel to the bloc" by the bloc
            and (verb.lemma_.lower() not in EMBARGO_VERBS or k in self.coref.states)]   # not "restricted supplies to a town"
        if not targets:
            # "halted imports of Greek olive oil", "banned Russian oil imports": the state the goods come from
            # "suspended visa-free travel for Georgian diplomats": the state whose people are turned away
            goods = [n for o in flows for n in [o] + prep_objects(o, {"of"})] + [
                p for h in [verb] + flows for p in prep_objects(h, {"for"}) if p.lemma_.lower() in STATE_PEOPLE]
            # (an adjective or possessor: "the Torkham and Chaman crossings" name the crossings, not a partner)
            targets = [k for n in goods if any(c.dep_ in ("amod", "poss") for c in n.children)
                       for k in self.modifier_entities(n, coref=False) if self.types.get(k) == "GPE" and k not in subjects]
        # a state or body stops trade; farmers blocking imports protest
        sources = [k for k in subjects if self.types.get(k) in ("GPE", "ORG", "PERSON")]
        return self._emit_for(verb, targets, "sanctions", 0.6, sent_start, sent_end, sources=sources) if targets else []

    def _sends_envoy(self, verb) -> bool:
        """What the verb sends is an envoy, a delegation, a named person or people handed over
        ("sent 29 jailed cartel figures to the United States to face trial")."""
        return any(o.lemma_.lower() in ENVOY_NOUNS or o.lemma_.lower() in HANDED_OVER_PEOPLE or (o.i in self.by_token and self.types.get(
            self.by_token[o.i].entity) == "PERSON") for o in children(verb, OBJECT_DEPS))

    def _judges_event(self, verb) -> bool:
        """The verb comments on an event rather than taking part in it ("condemned the visit",
        "welcomed the meeting", "said the talks ..."): a speech act or a judgement."""
        lemma = verb.lemma_.lower()
        return lemma in self.lex.speech_verbs or lemma in EVALUATIVE_VERBS or any(
            f.relation in JUDGING_RELATIONS for f in self.verb_frames(verb))

    @staticmethod
    def _clause_head(token):
        t = token
        while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
            t = t.head
        return t if t.pos_ in ("VERB", "AUX") else None

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
from dataclasses import dataclass

from .coref import Coreference
from .mentions import DocMention
from .syntax import (CONDITIONAL_MARKS, FUTURE_AUX, MODAL_IRREALIS, MODIFIER_DEPS, OBJECT_DEPS,
                     PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, children, conjuncts, governing_chain,
                     is_negated, is_passive, particle, prep_objects)

# nouns naming a part or place of something: "the outskirts of Kyiv" stands for Kyiv
PARTITIVE_NOUNS = {"outskirts", "outskirt", "edge", "centre", "center", "part", "area", "city", "town",
                   "region", "suburb", "suburbs", "vicinity", "streets", "street", "port", "capital",
                   "territory", "border", "north", "south", "east", "west", "heart", "village", "district",
                   "province", "coast", "airspace", "waters", "soil", "embassy", "positions", "position"}
# "Iran-backed militias": the participle names the backer's relation to the head noun
HYPHEN_BACKING = {"backed": "supports", "allied": "supports", "aligned": "supports", "supported": "supports",
                  "sponsored": "supports", "funded": "aids", "armed": "aids", "financed": "aids"}
# relations between actors in person: the target is the named actor, not its act
DIRECT_TARGET_RELATIONS = {"meets"}
PLACE_RELATIONS = {"attacks", "retreats_from"}
QUANTITY_NOUNS = {"thousands", "hundreds", "dozens", "millions", "scores", "tens", "group", "groups",
                  "number", "crowd", "crowds", "members", "units", "some", "many"}
MUTUAL = "\x00mutual"  # target marker: the coordinated subjects act on each other
# verbs that predicate a judgement of their object: "branded the move provocative"
EVALUATIVE_VERBS = {"call", "brand", "describe", "label", "term", "dub", "characterize", "characterise",
                    "denounce", "decry", "slam", "criticize", "criticise", "consider", "view", "see", "deem"}
# "X's ally Y": does X (the possessor) support Y (True), or Y support X (False)?
ALLIANCE_NOUNS = {"ally": False, "backer": False, "patron": True, "sponsor": False, "supporter": False,
                  "proxy": True, "client": True, "protege": True}
# "joined X in sanctioning Y": the gerund's subject is the main clause's ("for helping" is not:
# "sanctioned firms for helping Moscow" - the firms helped)
SUBJECT_CONTROL_PREPS = {"in", "by", "while", "after", "before", "without", "through", "when"}
# participles that state a standing relation: "X is aligned/allied with Y" (X supports Y)
STATIVE_PASSIVES = {"align", "ally", "affiliate", "link", "tie"}
# verbs whose object a sanction or strike lands on: "hit Iran with sanctions", "targeted by sanctions"
TARGETING_VERBS = {"hit", "slap", "target", "punish", "cover", "affect", "strike"}
# "in solidarity with X", "in protest against X": a stance taken by the clause's subject
STANCE_RELATIONS = {"supports", "protests_against", "condemns"}
# putting an actor on a terrorist or sanctions list is a sanction
LISTING_VERBS = {"add", "put", "place", "return", "include", "list", "relist", "restore"}
LIST_NOUNS = {"list", "blacklist", "register", "registry"}
# an attack "in" or "at" a place targets a town or region, never a sea or strait
LOCATIVE_TARGET_PREPS = {"in", "at", "near"}
# verbs whose object is a deed of their subject ("committed atrocities")
PERPETRATION_VERBS = {"commit", "perpetrate", "carry", "conduct", "engage", "stage", "orchestrate"}
# act nouns that, definite and unmodified, point back to the latest act of their kind:
# noun -> verbs that tell such an act (empty: any main verb, "the move")
_FIRING = {"launch", "fire", "test", "test-fire"}
_ASSAULT = {"attack", "strike", "hit", "shell", "bomb", "raid", "target", "pound", "fire", "launch", "kill", "storm"}
# "thousands of people": a crowd, as an actor
CROWD_NUMBERS = {"thousands", "hundreds", "dozens", "tens", "scores", "crowds"}
CROWD_NOUNS = {"people", "person", "citizen", "resident", "man", "woman"}
# people who stand for the state they come from ("diplomats from Chile")
STATE_PEOPLE = {"diplomat", "envoy", "official", "national", "citizen", "soldier", "troop", "delegation"}
# what a party says or asks, whose author may follow "from"
VOICED_NOUNS = {"call", "criticism", "plea", "appeal", "pressure", "condemnation", "objection", "complaint"}
# modals of possibility or obligation: not even an announced commitment ("could impose sanctions")
POSSIBILITY_MODALS = {"could", "might", "may", "can", "should", "must"}
POSSIBLE = "possible"   # modality(): irrealis by a possibility modal
# not accepting a claim or demand is rejecting it
ACCEPTING_VERBS = {"accept", "recognise", "recognize", "acknowledge", "endorse", "approve"}
_DISPERSING = {"disperse", "beat", "detain", "arrest", "fire", "use", "crack"}
_PROTESTING = {"protest", "rally", "march", "demonstrate", "gather"}
_EXERCISING = {"hold", "conduct", "stage", "stag", "launch", "begin", "start"}   # spaCy lemmatises "staged" as "stag"
ACT_NOUN_VERBS = {
    "launch": _FIRING, "test": _FIRING, "firing": _FIRING,
    "attack": _ASSAULT, "strike": _ASSAULT, "raid": _ASSAULT, "bombing": _ASSAULT, "shelling": _ASSAULT,
    "assault": _ASSAULT, "offensive": _ASSAULT | {"begin", "start"},
    "invasion": {"invade"}, "incursion": {"enter", "cross", "violate", "breach", "fly", "sail", "intrude"},
    "drill": _EXERCISING, "exercise": _EXERCISING,
    "execution": {"execute", "kill", "shoot"}, "killing": {"kill", "shoot", "execute"},
    "arrest": {"arrest", "detain"}, "detention": {"arrest", "detain"},
    "seizure": {"seize", "capture"}, "annexation": {"annex"},
    "move": set(), "decision": set(), "step": set(), "action": set(),
    "violence": _ASSAULT | _DISPERSING, "crackdown": _ASSAULT | _DISPERSING, "repression": _ASSAULT | _DISPERSING,
    "protest": _PROTESTING, "demonstration": _PROTESTING, "rally": _PROTESTING, "march": _PROTESTING,
}
# what a party owns: "froze the assets of X" acts on X
HOLDING_NOUNS = {"asset", "assets", "property", "account", "fund", "funds", "holding", "reserve", "reserves"}
# "individuals linked to Hamas", "companies tied to the military"
AFFILIATION_VERBS = {"link", "tie", "connect", "affiliate", "associate", "belong", "loyal"}
# words for the crowd of a protest: one entity, "protesters" (GUIDELINES 2, collective actors)
PROTEST_CROWDS = {"protester", "demonstrator", "crowd", "marcher", "rioter", "protestor"}
# nouns that sum up the sentence's act in a closing apposition: "..., a move condemned by Japan"
SUMMARY_NOUNS = {"move", "step", "decision", "action", "act", "measure", "development", "gesture"}
ARMED_GROUP_NOUNS = {"force", "forces", "troops", "militia", "fighter", "group", "army", "military", "faction",
                     "movement", "party", "coalition", "alliance", "organisation", "organization"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
MISPARSED_OBJECT_DEPS = {"advmod", "npadvmod", "dep", "oprd", "attr"}
_WINDOW_SENTENCES = 2   # how far back an unattributed allegation looks for its accuser
_ACT_WINDOW_SENTENCES = 5   # how far back "the launch" looks for its act ...
_LEAD_SENTENCES = 2         # ... and the article's lead, where news tells its main act
SPEECH_ACTS_DEFAULT = {"accuses", "condemns", "threatens", "requests", "rejects", "supports"}


@dataclass
class RawRelation:
    source: str
    target: str
    relation: str
    sent_start: int      # character offsets of the sentence (evidence)
    sent_end: int
    negated: bool
    reported_by: str | None
    confidence: float
    trigger: str


class RelationExtractor:
    """Extract relations from one parsed article whose mentions are resolved to entity keys."""

    def __init__(self, doc, mentions: list[DocMention], lexicon, entity_types: dict[str, str],
                 role_holders: dict[tuple[str, str], str] | None = None, home_state: str | None = None,
                 igos: frozenset[str] = frozenset(), org_states: dict[str, str] | None = None):
        self.doc = doc
        self.lex = lexicon
        self.types = entity_types
        self.by_token: dict[int, DocMention] = {}
        for m in mentions:
            for i in range(m.tok_start, m.tok_end):
                self.by_token[i] = m
        self.coref = Coreference(doc, mentions, entity_types, home_state=home_state, igos=igos)
        self.org_states = org_states or {}   # "Russian defense ministry" -> Russia
        # entities the text names only as locations ("visited Kyiv"): places, never met
        self.places_only = {m.entity for m in mentions if m.locative} - {m.entity for m in mentions if not m.locative}
        self.role_holders = role_holders or {}   # (org, role) -> the person the article names in it
        self.led_by = {person: org for (org, role), person in self.role_holders.items()
                       if role == "leader_of" and entity_types.get(org) == "GPE"}   # person -> state
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
        self.pending_rejections: list[tuple[int, list[str], int, int, float, str, bool]] = []
        self.speech_acts = {name for name, info in lexicon.relations.items() if getattr(info, "speech_act", False)} or SPEECH_ACTS_DEFAULT

    # ---- arguments -------------------------------------------------------
    def entities_of(self, token, *, modifiers: bool = True, coref: bool = True, place: bool = False) -> list[str]:
        """Entity keys a noun phrase headed by `token` refers to (with coordination).

        place: the phrase is a location (a target of attacks, retreats): a capital then
        names the city, not the government it usually stands for.
        """
        out = []
        for t in conjuncts(token):
            m = self.by_token.get(t.i)
            if m is not None:
                out.append(m.place_entity if place and m.place_entity else m.entity)
                continue
            if coref:
                keys = self.coref.resolve_all(t) if not place else [k for k in [self.coref.resolve(t, place=place)] if k]
                if keys:
                    out += keys
                    continue
            if t.lemma_.lower() in self.collective_actors and t.pos_ == "NOUN":
                out.append(self._collective(t))
                continue
            if t.lower_ in ("we", "us", "our") and coref:
                speaker = self._quoted_speaker(t)
                if speaker:
                    out += speaker   # '"We talked with Ruto," the Somali president said'
                    continue
            if t.lower_ in CROWD_NUMBERS and t.dep_ == "nsubj" and all(
                    o.lemma_.lower() in CROWD_NOUNS for o in prep_objects(t, {"of"})):
                out.append(self._collective_key("people"))   # "Thousands (of people) protested": a crowd
                continue
            is_title = t.pos_ == "NOUN" and self.lex.role_of_title(t.lemma_.lower()) is not None
            if (modifiers or is_title) and t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                # "Russia's ambassador, Ivan Petrov": the named person in apposition
                named = [self.by_token[c.i].entity for c in t.children if c.dep_ == "appos" and c.i in self.by_token]
                if named:
                    out += named
                    continue
                members = self._listed_members(t)
                if members:
                    out += members   # "seven countries, including Argentina, Chile and Peru"
                    continue
                mods = self.modifier_entities(t, coref=coref, place=place)
                if not mods and self._sums_up_clause(t):
                    # "..., a move that drew condemnation": the move is the main clause's act
                    out += [k for k in self.subjects(t.sent.root) if k]
                    continue
                if mods:
                    # "the Ukrainian leader": the person the article names in that office
                    role = self.lex.role_of_title(t.lemma_.lower()) if is_title else None
                    holder = self.role_holders.get((mods[0], role)) if role else None
                    if t.lemma_.lower() in self.governing or t.lower_ in self.governing:
                        # "the Biden administration": the state its named leader leads
                        mods = [self.led_by.get(k, k) for k in mods]
                    if t.lemma_.lower() in ARMED_GROUP_NOUNS or t.lower_ in ARMED_GROUP_NOUNS:
                        # "the ministry said its forces captured ...": the state's forces
                        mods = [self.org_states.get(k, k) for k in mods]
                    out += [holder] if holder else mods
                    continue
                # "the drills by South Korea", "the outskirts of Kyiv"
                preps = {"by"}
                if place and t.pos_ == "NOUN" and t.lemma_.lower() not in PARTITIVE_NOUNS:
                    # "hit an oil refinery in Samara": the town is the target (not "ships in the Red Sea")
                    out += [k for o in prep_objects(t, {"in", "near"})
                            for k in self.entities_of(o, coref=coref, place=place) if self.types.get(k) == "GPE"]
                if t.lower_ in QUANTITY_NOUNS:
                    preps |= {"of"}   # "thousands of protesters"
                if t.lemma_.lower() in PARTITIVE_NOUNS:
                    preps |= {"of", "in"} if place else {"of"}
                if t.lemma_.lower() in self.governing or t.lower_ in self.governing or t.lemma_.lower() in HOLDING_NOUNS:
                    preps |= {"of"}   # "the government of Bangladesh", "the assets of X"
                if t.lemma_.lower() in self.messages or t.lemma_.lower() in self.allegations or t.lemma_.lower() in VOICED_NOUNS:
                    preps |= {"from"}   # "rebuffed calls from France", "criticism from the UN"
                # "ten individuals linked to Hamas": people stand for the group they belong to
                out += [k for acl in children(t, {"acl"}) if acl.lemma_.lower() in AFFILIATION_VERBS
                        for o in prep_objects(acl, {"to", "with"}) for k in self.entities_of(o, coref=coref)]
                if t.lemma_.lower() in STATE_PEOPLE or is_title:
                    preps |= {"from"}   # "expelled diplomats from Chile"
                named = [k for o in prep_objects(t, preps - {"in"}) for k in self.entities_of(o, coref=coref, place=place)]

                if not named and "in" in preps:
                    # "the outskirts in Kharkiv region"; not "the village of X in the Y region"
                    named = [k for o in prep_objects(t, {"in"}) for k in self.entities_of(o, coref=coref, place=place)]
                out += named
        return list(dict.fromkeys(k for k in out if k))

    def _quoted_speaker(self, pronoun) -> list[str]:
        """'we' in what a speaker says: the speaker (or the state or group it speaks for)."""
        for gov in governing_chain(pronoun.head if pronoun.head.pos_ in ("VERB", "AUX") else pronoun):
            if gov.lemma_ in self.lex.speech_verbs:
                return [k for s in children(gov, SUBJECT_DEPS) for k in self.entities_of(s, coref=False)]
        verb = pronoun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for gov in [verb] + governing_chain(verb):
            if gov.lemma_ in self.lex.speech_verbs and gov.i != verb.i:
                return [k for s in children(gov, SUBJECT_DEPS) for k in self.entities_of(s, coref=False)]
        return []

    def _listed_members(self, noun) -> list[str]:
        """'seven countries ..., including Argentina, Chile and Peru': the members named."""
        if noun.tag_ not in ("NNS", "NNPS"):
            return []
        heads = {noun.i} | {c.i for c in noun.children if c.dep_ in ("relcl", "acl")}   # or on its relative clause
        return [k for inc in noun.subtree if inc.lower_ in ("including", "notably") and inc.dep_ in ("prep", "acl")
                and inc.head.i in heads
                for o in children(inc, {"pobj", "dobj"}) for c in conjuncts(o) for k in self.entities_of(c)]

    def _collective(self, token) -> str:
        """Unnamed collective actors ("protesters", "police") become entities when they act;
        the crowd of a protest is one entity, 'protesters', whatever the text calls it."""
        mods = self.modifier_entities(token, coref=False)
        label = token.lower_ if token.tag_ in ("NNS", "NNPS") or token.lower_ == "police" else token.lemma_.lower() + "s"
        if mods:
            return mods[0]  # "Georgian police": the state's police counts as the state's
        if token.lemma_.lower() in PROTEST_CROWDS:
            return self._as_protesters(self._collective_key(label))
        return self._collective_key(label)

    def _collective_key(self, label: str) -> str:
        key = f"norp:{label}"
        if key not in self.extra_entities:
            self.extra_entities[key] = label
            self.types[key] = "NORP"
        return key

    def _act_agents(self, noun) -> list[str]:
        """'the launch', 'the strikes' (definite, no modifier): the agents of the nearest earlier
        act of that kind, in this sentence or the two before ("North Korea fired a missile ...
        Japan condemned the launch")."""
        verbs = ACT_NOUN_VERBS.get(noun.lemma_.lower())
        if verbs is None or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children):
            return []
        here = self.coref.sent_index.get(noun.i, 0)
        for t in reversed(self.doc[:noun.i]):
            back = here - self.coref.sent_index.get(t.i, 0)
            if back > _ACT_WINDOW_SENTENCES and self.coref.sent_index.get(t.i, 0) >= _LEAD_SENTENCES:
                continue   # beyond the window only the lead, where news tells its main act
            if t.pos_ == "VERB" and (t.lemma_.lower() in verbs or not verbs) and t.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl"):
                agents = self.passive_agents(t) if is_passive(t) else self.subjects(t)
                if agents and verbs is _PROTESTING:
                    agents = [self._as_protesters(a) for a in agents]   # the crowd that protested
                if agents:
                    return agents
            if t.pos_ == "NOUN" and t.lemma_ == noun.lemma_ and t.dep_ == "dobj" and t.head.pos_ == "VERB":
                # "North Korea has conducted multiple missile launches"
                agents = self.modifier_entities(t) or self.subjects(t.head)
                if agents:
                    return agents
        return []

    @staticmethod
    def _sums_up_clause(token) -> bool:
        """'a move', 'a decision' in apposition after a comma: it names the sentence's main act."""
        return (token.lemma_.lower() in SUMMARY_NOUNS and token.dep_ in ("appos", "dobj", "npadvmod")
                and token.i > token.sent.root.i
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
                and token.doc[max(token.i - 1 - sum(1 for c in token.children if c.i < token.i), 0)].text == ",")

    def _punitive(self, verb) -> bool:
        """A verb of force or punishment ("strike", "sanction", "retaliate")."""
        return any(f.relation in ("attacks", "sanctions") for f in self.lex.verb_frames(verb.lemma_.lower())) \
            or verb.lemma_.lower() in ("punish", "retaliate", "respond")

    def _names_another_event(self, noun, relation: str) -> bool:
        """The noun is itself a trigger of other relations ("sanctions", "aid", "talks")."""
        frames = self.lex.noun_frames(noun.lemma_.lower())
        return bool(frames) and all(f.relation != relation for f in frames)

    def _passes_message(self, verb) -> bool:
        objs = children(verb, OBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        return bool(objs) and all(o.lemma_.lower() in self.messages for o in objs)

    def _is_actor_noun(self, token) -> bool:
        """A name, or a noun for a group that can act ("rebels", "the government"), not a thing
        ("Iranian-made drones supplied by Russia" names no recipient)."""
        lemma = token.lemma_.lower()
        return (token.i in self.by_token or lemma in self.collective_actors or lemma in self.governing
                or lemma in ARMED_GROUP_NOUNS or self._sums_up_clause(token))

    def _as_protesters(self, key: str) -> str:
        """An unnamed crowd that protests is 'protesters' ("thousands of students marched")."""
        label = self.extra_entities.get(key)
        if label is None or label == "protesters":
            return key
        new = "norp:protesters"
        self.extra_entities.setdefault(new, "protesters")
        self.types[new] = "NORP"
        self.extra_aliases.setdefault(new, set()).add(label)
        return new

    def _prefers_street_protest(self, sources) -> bool:
        """A protest by people in the street, not a state's diplomatic protest."""
        return bool(sources) and all(s in self.extra_entities or self.types.get(s) == "NORP" for s in sources)

    def modifier_entities(self, noun, *, coref: bool = True, place: bool = False) -> list[str]:
        """Entities named before a noun: "Russia's invasion", "South Korea-U.S. drills",
        "American and British strikes", "its forces" (a possessive pronoun, resolved)."""
        out = []
        for c in noun.children:
            if c.dep_ not in MODIFIER_DEPS or c.i > noun.i:
                continue
            for x in conjuncts(c):
                m = self.by_token.get(x.i)
                if m is not None and not (m.tok_start >= 2 and self.doc[m.tok_start - 2].lower_ in ("pro", "anti")
                                          and self.doc[m.tok_start - 1].text in ("-", "–")):
                    out.append(m.place_entity if place and m.place_entity else m.entity)
                elif coref and x.tag_ == "PRP$":
                    key = self.coref.resolve(x)
                    if key:
                        out.append(key)
            # "South Korea-U.S. drills": one name hangs off the other
            for g in c.children:
                if g.dep_ in MODIFIER_DEPS and g.i in self.by_token and g.i < c.i:
                    out.append(self.by_token[g.i].entity)
        return list(dict.fromkeys(out))

    def subjects(self, verb, depth: int = 0) -> list[str]:
        subj = children(verb, SUBJECT_DEPS) or [
            s for a in children(verb, {"aux", "auxpass"}) for s in children(a, SUBJECT_DEPS)]   # parser quirk
        if verb.dep_ == "relcl":
            # "Norway, which has sent tanks": the relative pronoun stands for the head noun
            subj = [verb.head if s.lower_ in RELATIVE_PRONOUNS else s for s in subj]
        if subj:
            return [k for s in subj for k in self.entities_of(s)]
        if depth > 3:
            return []
        head = verb.head
        if verb.dep_ == "conj" and head.i != verb.i:
            return self.subjects(head, depth + 1)
        if verb.dep_ == "xcomp":
            obj = children(head, OBJECT_DEPS)
            if obj and head.lemma_ in ("urge", "ask", "call", "force", "order", "tell", "allow", "help", "invite", "encourage", "press", "push"):
                return [k for o in obj for k in self.entities_of(o)]
            return self.subjects(head, depth + 1)
        if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            return self.entities_of(head)
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ in SUBJECT_CONTROL_PREPS:
            # "joined the United States in sanctioning X"
            return self.subjects(head.head, depth + 1)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.lemma_ in self.lex.speech_verbs:
            # "Russia launched drones, the air force said, damaging facilities": the reported act's agent
            told = [c for c in head.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i]
            if told:
                return self.subjects(told[-1], depth + 1)
        if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)):
            # "..., accusing Moscow of", "took to the streets to protest against X"
            return self.subjects(head, depth + 1)
        return []

    def passive_agents(self, verb) -> list[str]:
        return [k for o in prep_objects(verb, {"by"}) for k in self.entities_of(o)]

    def targets(self, verb, frame_targets, passive: bool, place: bool = False, direct: bool = False,
                relation: str | None = None) -> list[str]:
        """Target entities for the frame's slots, in order of preference.

        direct: the target must be named itself ("welcomed Ukraine" is a meeting,
        "welcomed Ukraine's decision" is not).
        """
        out = []
        entities_of = functools.partial(self.entities_of, place=place, modifiers=not direct)
        for slot in frame_targets:
            if slot == "dobj":
                if passive:
                    toks = children(verb, PASSIVE_SUBJECT_DEPS)
                    if not toks and verb.dep_ == "acl" and self._is_actor_noun(verb.head):
                        toks = [verb.head]   # "the rebels, backed by Rwanda": the modified noun
                else:
                    toks = children(verb, OBJECT_DEPS)
                    if not toks:
                        # the small parser sometimes calls an object name an adverb ("attacked Bakhmut")
                        toks = [c for c in verb.children if c.dep_ in MISPARSED_OBJECT_DEPS
                                and c.i > verb.i and c.i in self.by_token]
                # "drills that Pyongyang condemns": the relative pronoun stands for the head noun
                toks = [verb.head if (t.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl") else t for t in toks]
                if relation == "rejects":
                    # "denied it": a claim, not an actor; "blocked Rustaveli Avenue": a place, not a proposal
                    toks = [t for t in toks if t.pos_ != "PRON" and not (
                        t.i in self.by_token and self.types.get(self.by_token[t.i].entity) == "LOC")]
                found = [k for t in toks for k in entities_of(t)]
                if toks and not found and all(t.lemma_.lower() in STATE_PEOPLE for t in toks):
                    # "expelled diplomats from seven countries": the parser hangs 'from' on the verb
                    found = [k for t in prep_objects(verb, {"from"}) for k in entities_of(t)]
                if toks and not found and relation == "threatens":
                    # "threatened sanctions against Georgia": the target of the threatened act
                    found = [k for t in toks for f in self.lex.noun_frames(t.lemma_.lower())
                             if f.relation in ("attacks", "sanctions")
                             for o in prep_objects(t, set(f.target_preps)) for k in entities_of(o)]
                if toks and not found and relation in self.speech_acts:
                    # "condemned the launch": whoever the text last said launched something
                    found = [k for t in toks for k in self._act_agents(t)]
                if toks and not found and not passive:
                    # "condemned the drills by X": 'by X' attached to the verb still names the actor
                    found = [k for t in prep_objects(verb, {"by"}) for k in entities_of(t)]
                if toks and not found and place:
                    # "hit a refinery in Samara": the place of an unnamed target (a town or
                    # region: "attacked ships in the Red Sea" attacks no sea)
                    found = [k for t in prep_objects(verb, {"in", "near"}) for k in entities_of(t)
                             if self.types.get(k) == "GPE"]
                out += found
            elif slot == "dative":
                out += [k for t in children(verb, {"dative"}) for k in entities_of(t)]
                out += [k for t in prep_objects(verb, {"to"}) for k in entities_of(t)]
            elif slot.startswith("prep:"):
                prep = slot.split(":", 1)[1]
                objs = prep_objects(verb, {prep})
                if not objs:
                    # "proposed a ceasefire to Hamas": the phrase may hang on the object noun
                    objs = [o for d in children(verb, OBJECT_DEPS) if d.i not in self.by_token
                            for o in prep_objects(d, {prep})]
                # "pressing on with a drive to capture X": also look one prep deeper
                out += [k for t in objs for k in entities_of(t)]
            elif slot == "xcomp_obj":
                # "threatened to strike Taiwan": the object of the complement verb, named
                # itself ("threatened to expand their attacks" has no target)
                for x in children(verb, {"xcomp"}):
                    out += [k for t in children(x, OBJECT_DEPS) for k in self.entities_of(t, modifiers=False, coref=False)]
                    out += [k for t in prep_objects(x, {"on", "against", "at"}) for k in self.entities_of(t, modifiers=False, coref=False)]
            elif slot == "ccomp_subj":
                # "warned that North Korea would pay", "called for Israel to stop"; a warning
                # is a threat only when the clause says what the subject will suffer, or what
                # the speaker will do to someone ("warned it would sanction Russian officials")
                for c in children(verb, {"ccomp"}):
                    if relation == "threatens" and c.lemma_ not in self.retribution:
                        if self._punitive(c):
                            out += [k for t in children(c, OBJECT_DEPS) for k in self.entities_of(t)]
                            out += [k for t in prep_objects(c, {"on", "against"}) for k in self.entities_of(t)]
                        continue
                    out += [k for t in children(c, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) for k in entities_of(t)]
            elif slot == "nsubj_conj":
                # "A and B clashed": each coordinated subject against the others (handled by caller)
                subj = children(verb, SUBJECT_DEPS)
                if subj and len(conjuncts(subj[0])) > 1:
                    out.append(MUTUAL)
            if out:
                break
        if direct:
            out = [k for k in out if k not in self.places_only]   # "visited Kyiv" meets no one
        return list(dict.fromkeys(out))

    # ---- context ---------------------------------------------------------
    def modality(self, verb) -> tuple[bool, bool]:
        """(irrealis, negated) for the clause of `verb`, looking up through governing verbs."""
        negated = is_negated(verb)
        irrealis = False
        for aux in children(verb, {"aux", "auxpass"}):
            if aux.lower_ in POSSIBILITY_MODALS:
                irrealis = POSSIBLE
            elif aux.lower_ in MODAL_IRREALIS or aux.lower_ in FUTURE_AUX or aux.lemma_ in FUTURE_AUX:
                irrealis = True
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
            irrealis = True
        if verb.dep_ == "xcomp" and verb.head.lemma_ in ("go",) and any(c.lower_ == "to" for c in verb.children):
            irrealis = True
        link = verb   # the clause under `gov`: only a complement is what a denial denies
        for gov in governing_chain(verb):
            if gov.lemma_ in self.lex.irrealis_markers:
                irrealis = True
            complement = self._complement_of(link, gov)
            if complement and (gov.lemma_ in self.lex.denial_verbs or gov.lemma_ in self.lex.negation_verbs):
                negated = not negated
            link = gov
            if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in gov.children):
                irrealis = True
            if gov.lemma_ in self.lex.speech_verbs:
                break
        return irrealis, negated

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
            if (gov.lemma_ in self.lex.speech_verbs or gov.lemma_ in self.lex.denial_verbs) and self._complement_of(link, gov):
                subj = self.subjects(gov)
                if subj:
                    return subj[0]
            link = gov
        sent = verb.sent
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to" \
                    and self._same_clause(t, verb):
                objs = [k for o in prep_objects(self.doc[t.i + 1], {"to"}) or [c for c in self.doc[t.i + 1].children if c.dep_ == "pobj"] for k in self.entities_of(o)]
                if objs:
                    return objs[0]
        return None

    # ---- triggers --------------------------------------------------------
    def verb_frames(self, verb):
        lemma = verb.lemma_.lower()
        frames = []
        # multiword verbs: "pull back" (particle or adverb), "open fire", "hold talks"
        for second in self.lex.multiword_verbs.get(lemma, ()):
            words = second.split()[1:]
            following = [t.lower_ for t in verb.children if t.i > verb.i and t.dep_ in ("prt", "advmod", "dobj", "prep")]
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
        for sent in self.doc.sents:
            text = sent.text
            lead = len(text) - len(text.lstrip())
            start = sent.start_char + lead
            end = start + len(text.strip())
            for token in sent:
                pos, lemma = token.pos_, token.lemma_.lower()
                if (pos in ("VERB", "AUX") or (pos == "NOUN" and token.dep_ == "ROOT") or token.tag_.startswith("VB")) \
                        and self._may_trigger_verb(lemma):
                    found += self._from_verb(token, start, end)
                if pos in ("NOUN", "PROPN") and self.lex.noun_frames(lemma):
                    found += self._from_noun(token, start, end)
                if token.lower_ in HYPHEN_BACKING:
                    found += self._from_hyphen_compound(token, start, end)
                if lemma in ALLIANCE_NOUNS and pos in ("NOUN", "ADJ"):
                    found += self._from_alliance_noun(token, start, end)
                if token.lower_ == "pro" and token.i + 2 < len(self.doc) and self.doc[token.i + 1].text in ("-", "–"):
                    found += self._from_pro_prefix(token, start, end)
        return found + self._resolve_rejections(found)

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

    def _may_trigger_verb(self, lemma: str) -> bool:
        """A cheap test before the parse is read: the lemma starts a frame or a speech act."""
        return bool(lemma in self.lex.speech_verbs or lemma in EVALUATIVE_VERBS or lemma in LISTING_VERBS
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
            # a speaker who is also the source of a speech act is not a separate reporter
            rep = None if (relation in self.speech_acts and reporter == s) else reporter
            conf = weight * (0.85 if rep else 1.0) * (0.9 if irrealis else 1.0)
            out.append(RawRelation(s, t, relation, sent_start, sent_end, negated, rep, round(min(conf, 1.0), 3), trigger))
        return out

    def _from_verb(self, verb, sent_start, sent_end) -> list[RawRelation]:
        frames = self.verb_frames(verb)
        out = []
        if frames:
            passive = is_passive(verb)
            sources = self.passive_agents(verb) if passive else self.subjects(verb)
            if passive and not sources and verb.lemma_.lower() in STATIVE_PASSIVES:
                # "the Houthis, who are aligned with Iran": a state, not an act done to them
                holders = children(verb, PASSIVE_SUBJECT_DEPS)
                holders = [verb.head if (h.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl") else h for h in holders]
                sources = [k for h in holders for k in self.entities_of(h)]
                passive = False
            irrealis, negated = self.modality(verb)
            reporter = self.reporter(verb)
            if self._prefers_street_protest(sources):
                frames = sorted(frames, key=lambda f: f.relation != "protests_against")
            subject_nouns = [t for t in (children(verb, SUBJECT_DEPS) if not passive else prep_objects(verb, {"by"}))
                             if t.pos_ == "NOUN" and t.i not in self.by_token]
            for frame in frames:
                if any(self._names_another_event(t, frame.relation) for t in subject_nouns):
                    continue   # "Western sanctions hit the Russian economy": sanctions attack no one
                if (frame.relation == "requests" and frame.weight < 0.5 and verb.lemma_ in self.lex.speech_verbs
                        and not children(verb, {"xcomp"}) and not prep_objects(verb, {"for"})):
                    # a speech verb's weak request sense needs its infinitive: "told reporters
                    # that..." is speech, "told Russia to withdraw" a request
                    continue
                targets = self.targets(verb, frame.target, passive, place=frame.relation in PLACE_RELATIONS,
                                       direct=frame.relation in DIRECT_TARGET_RELATIONS, relation=frame.relation)
                if not sources or not targets:
                    continue
                neg = negated != bool(getattr(frame, "negative", False))
                relation = frame.relation
                if relation == "agrees_with" and neg and verb.lemma_.lower() in ACCEPTING_VERBS:
                    relation, neg = "rejects", False   # "refused to accept China's claims"
                if relation == "aids" and self._passes_message(verb):
                    relation = "meets"   # "delivered the proposal to Hamas": contact, not aid
                out += self._emit(sources, targets, relation, sent_start, sent_end, frame.weight,
                                  verb.text, irrealis=irrealis, negated=neg, reporter=reporter)
                if out:
                    break
            if not out and not passive and not irrealis and any(f.relation == "rejects" for f in frames):
                # "denied the accusations", "a charge the UAE denies": whose accusations?
                objs = children(verb, OBJECT_DEPS) or ([verb.head] if verb.dep_ == "relcl" else [])
                if objs and all(o.lemma_.lower() in self.allegations for o in objs):
                    out += self._rejection(verb, objs, sources, sent_start, sent_end, negated)
        if not out and verb.lemma_.lower() in LISTING_VERBS:
            out += self._listing(verb, sent_start, sent_end)
        evaluated = self._evaluation(verb, sent_start, sent_end)
        if evaluated:
            # "called the move provocative" is no phone call
            return [r for r in evaluated if r is not None]
        if verb.lemma_ in self.lex.speech_verbs:
            out += self._speech_content(verb, sent_start, sent_end)
        return out

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

    def _from_noun(self, noun, sent_start, sent_end) -> list[RawRelation]:
        """Nominal triggers: "Russia's invasion of Ukraine", "imposed sanctions on Iran",
        "a package of sanctions against Russia", "drew condemnation from Japan"."""
        frames = self.lex.noun_frames(noun.lemma_.lower())
        if not frames:
            return []
        # "a package of sanctions": the container noun carries the agent and the verb
        phrase = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            phrase = noun.head.head
        while phrase.dep_ == "conj" and phrase.head.pos_ == "NOUN":
            phrase = phrase.head   # "announced an asset freeze and a travel ban": the first conjunct's verb
        head = phrase.head
        if head.lemma_ in self.lex.cessation_verbs:
            return []   # "lifted sanctions", "suspended aid": no positive relation
        light_verbs = self.lex.light_verbs
        light = head if (phrase.dep_ in ("dobj", "nsubjpass", "pobj", "attr") and head.lemma_ in light_verbs) else None
        if phrase.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_ in light_verbs:
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
        inverse = phrase.dep_ == "dobj" and head.lemma_ in self.lex.light_inverse_verbs
        # "hit Iran with sanctions", "Iran was hit with sanctions", "banks targeted by sanctions",
        # "the sanctions package targets Russia's exports": the verb's object is the target
        instrument = (head.head if phrase.dep_ == "pobj" and head.lower_ in ("with", "by") and head.dep_ in ("prep", "agent")
                      and head.head.lemma_.lower() in TARGETING_VERBS else
                      head if phrase.dep_ == "nsubj" and head.lemma_.lower() in TARGETING_VERBS else None)
        out = []
        for frame in frames:
            place = frame.relation in PLACE_RELATIONS
            agents = self.modifier_entities(noun) or (self.modifier_entities(phrase) if phrase is not noun else [])
            targets = [k for prep in frame.target_preps for t in prep_objects(noun, {prep})
                       for k in self.entities_of(t, place=place)
                       if not (place and prep in LOCATIVE_TARGET_PREPS and self.types.get(k) != "GPE")]
            if not targets:
                # "sanctions targeting Iran's oil exports"
                for acl in children(noun, {"acl"}):
                    targets += [k for o in children(acl, OBJECT_DEPS) for k in self.entities_of(o, place=place)]
            if instrument is not None and not targets:
                hit = children(instrument, PASSIVE_SUBJECT_DEPS) if is_passive(instrument) else children(instrument, OBJECT_DEPS)
                targets = [k for t in hit for k in self.entities_of(t, place=place)]
                if not agents and phrase.dep_ != "nsubj":
                    agents = (self.passive_agents(instrument) if is_passive(instrument) and head.lower_ != "by"
                              else [] if is_passive(instrument) else self.subjects(instrument))
            if inverse:
                # "drew condemnation from Japan": the verb's subject is the target
                agents = [k for t in prep_objects(noun, {"from", "by"}) + prep_objects(head, {"from", "by"})
                          for k in self.entities_of(t)]
                targets = self.subjects(head)
            elif not agents:
                agents = [k for t in prep_objects(noun, set(frame.agent_preps)) for k in self.entities_of(t)]
            if light is not None and not inverse:
                if not agents:
                    agents = self.passive_agents(light) if is_passive(light) else self.subjects(light)
                if not targets:
                    targets = [k for t in prep_objects(light, set(frame.target_preps)) for k in self.entities_of(t, place=place)]
            symmetric = getattr(self.lex.relations.get(frame.relation), "symmetric", False)
            if not agents and frame.relation == "attacks" and not inverse:
                # "war erupted between Ethiopia and Eritrea": each attacks the other (GUIDELINES 3.1)
                between = prep_objects(noun, {"between"}) or (
                    prep_objects(noun.head, {"between"}) if noun.dep_ in ("nsubj", "nsubjpass") else [])
                parties = [k for t in between for k in self.entities_of(t)]
                if len(parties) >= 2:
                    agents, targets = parties, [MUTUAL]
            if not agents and symmetric and not inverse:
                # "talks between Israel and Hamas": each party with the other
                parties = [k for t in prep_objects(noun, {"between"}) for k in self.entities_of(t)]
                if len(parties) >= 2:
                    agents, targets = parties, [MUTUAL]
                elif not targets and light is None and phrase.dep_ == "dobj":
                    # "India and the U.S. signed a deal, deepening defence cooperation": the
                    # coordinated subjects of the clause, each with the other
                    clause = self._clause_head(noun)
                    parties = self.subjects(clause) if clause is not None else []
                    if len(parties) >= 2:
                        agents, targets = parties, [MUTUAL]
            joint = any(c.lower_ in self.lex.joint_markers for c in noun.children if c.dep_ in ("amod", "advmod", "compound"))
            if len(agents) >= 2 and not targets and (joint or symmetric):
                targets = [MUTUAL]   # "joint South Korea-U.S. drills": each with the other
            if not agents and light is None and frame.relation in STANCE_RELATIONS and phrase.dep_ == "pobj" \
                    and head.lower_ == "in":
                # "attacked ships in solidarity with Palestinians": the stance is the actor's
                clause = self._clause_head(noun)
                agents = self.subjects(clause) if clause is not None else []
                if agents and not targets:
                    # the parser may hang "with Palestinians" on the verb
                    targets = [k for t in prep_objects(clause, set(frame.target_preps))
                               if t.head.i == noun.i + 1 for k in self.entities_of(t)]
            if not agents and frame.relation == "protests_against":
                # "thousands marched for a fifth night of protests against X": the marchers
                clause = self._clause_head(noun)
                agents = self.subjects(clause) if clause is not None else []
            if not agents or not targets:
                continue
            if frame.relation == "condemns" and self._prefers_street_protest(agents) and any(
                    f.relation == "protests_against" for f in frames):
                continue   # a crowd's protest is a street protest, not a diplomatic one
            verb = light if light is not None else (head if inverse else self._clause_head(noun))
            irrealis, negated = self.modality(verb) if verb is not None else (False, False)
            if any(c.lower_ == "no" and c.dep_ == "det" for c in noun.children):
                negated = True
            reporter = self.reporter(verb) if verb is not None else None
            conf = frame.weight * (0.9 if light is not None else 0.8)
            out += self._emit(agents, targets, frame.relation, sent_start, sent_end, conf, noun.text,
                              irrealis=irrealis, negated=negated, reporter=reporter)
            if out:
                break
        return out

    def _from_hyphen_compound(self, token, sent_start, sent_end) -> list[RawRelation]:
        """'Iran-backed Houthi rebels' -> supports(Iran, Houthis); 'Russia-armed' -> aids."""
        doc = self.doc
        i = token.i
        if i < 2 or doc[i - 1].text not in ("-", "–") or (i - 2) not in self.by_token:
            return []
        backer = self.by_token[i - 2].entity
        head = token.head
        while head.pos_ not in ("NOUN", "PROPN") and head.head.i != head.i:
            head = head.head
        backed = [k for k in self.entities_of(head) if k != backer]
        if not backed and head.i in self.by_token:
            backed = [self.by_token[head.i].entity]
        relation = HYPHEN_BACKING[token.lower_]
        return [RawRelation(backer, b, relation, sent_start, sent_end, False, None, 0.75, token.text)
                for b in backed if b != backer]

    def _from_alliance_noun(self, token, sent_start, sent_end) -> list[RawRelation]:
        """"Russia's ally Belarus", "Belarus, a close ally of Russia" -> supports(Belarus, Russia);
        "Iran, the Houthis' main backer" -> supports(Iran, Houthis); "Iran's proxy Hezbollah"
        -> supports(Iran, Hezbollah) (GUIDELINES 3.1: stated alliance or backing)."""
        doc = self.doc
        i = token.i
        patrons = [self.by_token[c.i].entity for c in token.children if c.dep_ == "poss" and c.i in self.by_token]
        patrons += [k for o in prep_objects(token, {"of"}) for k in self.entities_of(o, modifiers=False, coref=False)]
        if not patrons and i >= 2 and doc[i - 1].tag_ == "POS" and (i - 2) in self.by_token:
            patrons.append(self.by_token[i - 2].entity)   # "Russia's ally" parsed loosely
        if not patrons and i >= 2 and doc[i - 1].dep_ == "amod" and doc[i - 1].head.i == i and (i - 1) in self.by_token:
            patrons.append(self.by_token[i - 1].entity)   # "a key Russian ally"
        named = []
        if token.dep_ == "appos" and token.head.i in self.by_token:
            named.append(self.by_token[token.head.i].entity)
        named += [self.by_token[c.i].entity for c in token.children if c.dep_ == "appos" and c.i in self.by_token]
        if not named and i + 1 < len(doc) and (i + 1) in self.by_token and self.by_token[i + 1].tok_start == i + 1:
            named.append(self.by_token[i + 1].entity)   # "ally Belarus"
        if not named and token.dep_ in ("amod", "compound") and token.head.i in self.by_token:
            named.append(self.by_token[token.head.i].entity)   # "proxy Hezbollah" parsed as a modifier
        if not named and token.dep_ == "attr" and token.head.lemma_ == "be":
            named += self.subjects(token.head)   # "Russia is Syria's main ally"
        patron_supports = ALLIANCE_NOUNS[token.lemma_.lower()]
        out = []
        for patron in dict.fromkeys(patrons):
            for client in dict.fromkeys(named):
                if patron == client:
                    continue
                source, target = (patron, client) if patron_supports else (client, patron)
                out.append(RawRelation(source, target, "supports", sent_start, sent_end, False, None, 0.6, token.text))
        return out

    def _from_pro_prefix(self, token, sent_start, sent_end) -> list[RawRelation]:
        """'Pro-Russian separatists' -> supports(separatists, Russia)."""
        named = self.by_token.get(token.i + 2)
        if named is None:
            return []
        head = self.doc[named.root].head
        while head.pos_ not in ("NOUN", "PROPN") and head.head.i != head.i:
            head = head.head
        backers = [k for k in self.entities_of(head, modifiers=False) if k != named.entity]
        return [RawRelation(b, named.entity, "supports", sent_start, sent_end, False, None, 0.6, "pro-")
                for b in backers]

    @staticmethod
    def _clause_head(token):
        t = token
        while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
            t = t.head
        return t if t.pos_ in ("VERB", "AUX") else None

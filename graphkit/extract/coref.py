"""Rule-based coreference for the pronouns and definite descriptions news uses.

"he"/"she" -> the latest person; "it" -> the latest organisation or state;
"the military"/"the army"/"the forces" -> the latest armed force; "the ministry",
"the embassy", "the government" -> the latest office of that kind; "the country"
-> the latest state. Only antecedents from the current and the two previous
sentences are considered, and never one inside the same noun phrase.
"""
from __future__ import annotations

from contextlib import contextmanager

from .mentions import PARTY_WORDS, DocMention
from .syntax import conjuncts, coordination_top, standing_for
from .wordlists import FIGHTING_WORDS as _FIGHTING_WORDS, MEDIATING_VERBS, RELATIONAL_PARTICIPLES

_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_THING_PRONOUNS = {"it", "its"}
_GROUP_PRONOUNS = {"they", "them", "their"}
_DESCRIPTIONS = {
    "military": ("military", "forces", "army"), "army": ("military", "army"), "forces": ("military", "forces"),
    "troops": ("military", "forces"),
    "ministry": ("ministry",), "embassy": ("embassy",), "government": ("government",),
    "administration": ("administration",), "authorities": ("authorities",), "junta": ("junta",),
    "regime": ("regime",), "bloc": "IGO", "alliance": "IGO", "navy": ("navy",), "group": ("",), "movement": ("",), "militia": ("",), "organisation": ("",), "organization": ("",), "country": "GPE",
    "nation": "GPE", "kremlin": None,
    "mission": ("mission",), "force": ("force", "mission"),
    "rebels": "ARMED", "militants": "ARMED", "insurgents": "ARMED", "jihadists": "ARMED", "guerrillas": "ARMED",
    "paramilitaries": "ARMED", "opposition": "PARTY", "party": "PARTY", "coalition": ("coalition",),
    "council": ("council",), "commission": ("commission",), "tribunal": ("court", "tribunal"),
    # "the agency" (the International Atomic Energy Agency), "the court", "the fund", "the union"
    "agency": ("agency",), "court": ("court",), "committee": ("committee",), "assembly": ("assembly",),
    "parliament": ("parliament", "assembly"), "union": ("union",), "fund": ("fund",), "bank": ("bank",),
}
# "the city", "the town": a place named before
_TOWN_WORDS = {"city", "town", "village"}
# last words of an organisation's name that make it a state's body, not an armed group
_STATE_INSTITUTION_WORDS = {"military", "army", "forces", "navy", "police", "ministry", "embassy", "government",
                            "administration", "office", "council", "commission", "court", "agency", "parliament",
                            "presidency", "guard", "force", "intelligence", "authorities", "junta", "department",
                            "peacekeepers", "mission", "defence", "defense", "troops", "soldiers"}
# adjectives that describe a government without naming whose it is ("the communist government")
_DESCRIBING_ADJECTIVES = {"communist", "military", "ruling", "interim", "new", "transitional", "civilian", "federal",
                          "central", "current", "incoming", "outgoing", "socialist", "leftist", "authoritarian"}
# descriptions that, with no such office named nearby, stand for the article's own state
_STATE_BODIES = {"government", "administration", "authorities", "junta", "regime"}
# "the two leaders", "both countries": the kind of entity the pair refers to
_PAIR_NOUNS = {"leader": "PERSON", "president": "PERSON", "minister": "PERSON", "man": "PERSON",
               "country": "GPE", "nation": "GPE", "state": "GPE", "government": "GPE", "neighbour": "GPE",
               "neighbor": "GPE", "ally": "GPE", "junta": "GPE", "side": None, "capital": "GPE"}
# "the militant group", "the rebel movement": an armed group, named before
_ARMED_ADJECTIVES = {"militant", "armed", "rebel", "jihadist", "islamist", "insurgent", "paramilitary", "separatist"}
# words in the names of parties and political alliances ("Awami League", "Coalition for Change")
_PARTY_NAME_WORDS = PARTY_WORDS | {"league", "congress", "opposition", "platform"}
_WINDOW_SENTENCES = 2
# "the two sides", "the warring parties": the actors of the conflict or talks named last
_SIDE_NOUNS = {"side", "party", "belligerent", "faction", "rival", "foe", "adversary", "combatant", "delegation"}
# "Russian and Ukrainian negotiators": adjectives that stand for the states these people speak for
# (not "Russian and Ukrainian troops": the sides there are the two militaries, not the states)
_SIDE_PEOPLE = {"delegation", "negotiator", "envoy", "official", "diplomat", "government", "leader", "minister"}
_OPPOSING_WORDS = {"warring", "rival", "opposing", "fighting", "conflicting", "feuding", "competing"}
_DESCRIPTION_WINDOW_SENTENCES = 8   # "the army" names the same force across an article
# what third parties do to a conflict's sides: who does it together is no pair of sides
_THIRD_PARTY_VERBS = MEDIATING_VERBS | {"propose", "put", "draft", "urge", "call", "offer", "deliver", "guarantee", "table"}
# partners one acts together with are allies, not the two sides of a quarrel ("held drills with Japan and Australia")
_PARTNERING_WORDS = {"drill", "exercise", "patrol", "cooperation", "partnership", "alliance", "pact", "treaty",
                     "agreement", "deal", "ties", "relation", "cooperate", "ally", "partner", "join", "team"}


class Coreference:
    def __init__(self, doc, mentions: list[DocMention], entity_types: dict[str, str], home_state: str | None = None,
                 igos: frozenset[str] = frozenset(), states: frozenset[str] = frozenset(),
                 leaders: dict[str, str] | None = None, titles: dict[str, set[str]] | None = None):
        self.home_state = home_state   # the state the article is about, if clear
        self.avoid: frozenset[str] = frozenset()   # see excluding
        self.clause_subjects: frozenset[str] = frozenset()   # see excluding
        self.leaders = leaders or {}   # state -> the leader the article names ("both leaders")
        self.titles = titles or {}     # person -> the titles and roles the article gives them ("the two ministers")
        self.igos = igos               # entity keys of organisations of states (EU, NATO, ECOWAS)
        self.states = states           # entity keys of sovereign states
        self.doc = doc
        self.types = entity_types
        self.mentions = sorted(mentions, key=lambda m: m.tok_start)
        self._by_token = {i: m for m in self.mentions for i in range(m.tok_start, m.tok_end)}
        self.sent_index = {}
        self.sentence_starts: list[int] = []   # token index where each sentence starts
        for n, sent in enumerate(doc.sents):
            self.sentence_starts.append(sent.start)
            for t in sent:
                self.sent_index[t.i] = n

    def _candidates(self, token, window: int = _WINDOW_SENTENCES):
        """Mentions before `token` within the window, nearest first."""
        here = self.sent_index.get(token.i, 0)
        for m in reversed(self.mentions):
            if m.tok_end > token.i:
                continue
            if self._beside_participle(m):
                continue   # "the al Qaeda-linked group ... its fighters": its is the group's
            if here - self.sent_index.get(m.tok_start, 0) > window:
                break
            if m.entity:
                yield m

    def _beside_participle(self, m) -> bool:
        """A name before a hyphenated participle ('al Qaeda-linked', 'Iran-backed') describes
        the noun after it: it is not what a later pronoun or description refers to."""
        head = self.doc[m.root].head
        return head.i > m.root and head.dep_ == "amod" and head.lower_ in RELATIONAL_PARTICIPLES \
            and self.doc[head.i - 1].text in ("-", "–")

    def _opposing_pair(self, token) -> list[str]:
        """'the warring parties', 'both sides': the two or more actors named together last
        ("fighting between A and B", "A and B held talks"), up to eight sentences back."""
        for m in self._candidates(token, _DESCRIPTION_WINDOW_SENTENCES):
            root = self.doc[m.root]
            if self._third_party_agents(root) or self._partners(root):
                continue   # "a proposal put forward by Saudi Arabia and the United States": mediators, no sides
            sides_named_by_adjective = root.dep_ == "amod" and root.head.lemma_.lower() in _SIDE_PEOPLE
            group = self._fighting_pair(root)   # "X, which has been at war with Y"
            for t in ([root] + list(root.conjuncts)) if not group else []:
                other = self._conjunct_mention(t)
                if other is not None and (other.form != "adjective" or sides_named_by_adjective) \
                        and self.types.get(other.entity) in ("GPE", "ORG", "NORP", "PERSON") and other.entity not in group:
                    group.append(other.entity)
                elif other is None and t.pos_ == "NOUN" and t.i < token.i:
                    # "negotiations between Kinshasa and the Rwanda-backed rebels": a description named before
                    described = self.resolve(t)
                    if described is not None and described not in group and self.types.get(described) in ("GPE", "ORG"):
                        group.append(described)
            if len(group) >= 2 and m.tok_start < token.sent.start and len(self._actors_before_in_sentence(token)) >= 2:
                # "X chose Y's firm Z ..., and the two sides signed": the sides are in this sentence
                return self._two_actors_before(token)
            if len(group) >= 2 and not (set(group) & self.clause_subjects and token.dep_ not in ("nsubj", "nsubjpass")):
                return group   # "Egypt and Qatar called on both sides": the sides are others
        return []

    def _fighting_pair(self, root) -> list[str]:
        """'The RSF, which has been at war with the army', 'X clashed with Y': the one at war
        and the one it fights, named as the object of 'with'."""
        prep = root.head
        noun = prep.head
        if root.dep_ != "pobj" or prep.lower_ != "with" or noun.lemma_.lower() not in _FIGHTING_WORDS - {"trade", "exchange"}:
            return []
        verb = noun
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subjects = standing_for([c for c in verb.children if c.dep_ == "nsubj"], verb)
        sides = [m.entity for m in (self._conjunct_mention(s) for s in subjects) if m is not None]
        other = self._by_token.get(root.i)
        if len(sides) != 1 or other is None or not other.entity or other.entity == sides[0] \
                or self.types.get(sides[0]) not in ("GPE", "ORG") or self.types.get(other.entity) not in ("GPE", "ORG"):
            return []
        return [sides[0], other.entity]

    @staticmethod
    def _partners(root) -> bool:
        """Actors named as the partners of a joint act: 'drills with Japan and Australia'."""
        top = coordination_top(root)
        if top.dep_ != "pobj" or top.head.lower_ not in ("with", "alongside"):
            return False
        host = top.head.head   # the joint act, or the light verb that holds it ("held drills with")
        return any(w.lemma_.lower() in _PARTNERING_WORDS for w in [host] + [c for c in host.children if c.dep_ == "dobj"])

    @staticmethod
    def _third_party_agents(root) -> bool:
        """Actors named together as the doers of a third party's act (proposing, brokering,
        mediating, urging): 'put forward by A and B', 'A and B mediated'."""
        top = coordination_top(root)
        verb = top.head.head if top.dep_ == "pobj" and top.head.dep_ == "agent" else top.head if top.dep_ == "nsubj" else None
        return verb is not None and verb.lemma_.lower() in _THIRD_PARTY_VERBS

    def _main_parties(self, token) -> list[str]:
        """'called on both sides' with no two actors named together: the two states or groups
        the sentences before named most often, when two clearly lead (the conflict it is about)."""
        counts: dict[str, int] = {}
        if len(self._actors_before_in_sentence(token)) >= 2:
            return self._two_actors_before(token)   # "X chose Y's Rosatom ... and the two sides signed": the sides are in this sentence
        for m in self.mentions:
            if m.tok_start >= token.sent.start:
                break
            if m.entity and self.types.get(m.entity) in ("GPE", "ORG", "PERSON") and m.entity not in self.igos \
                    and not m.locative:
                counts[m.entity] = counts.get(m.entity, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) < 2 or (len(ranked) > 2 and ranked[2][1] >= ranked[1][1]):
            return []
        group = [ranked[0][0], ranked[1][0]]
        return [] if set(group) & self.clause_subjects and token.dep_ not in ("nsubj", "nsubjpass") else group

    def _two_actors_before(self, token) -> list[str]:
        """The two actors named before `token` in its sentence, when exactly two act there ("X
        chose Russia's Rosatom ... and the two sides signed": X and Rosatom, not Russia, whose
        name only says whose firm it is); else none."""
        named = [m for m in self._mentions_before_in_sentence(token) if self.types.get(m.entity) in ("GPE", "ORG", "PERSON")
                 and m.form != "adjective" and self.doc[m.root].dep_ != "poss"]
        actors = list(dict.fromkeys(m.entity for m in named))
        return actors if len(actors) == 2 else []

    def _actors_before_in_sentence(self, token) -> set[str]:
        """States and organisations named before `token` in its sentence, other than the clause's subjects."""
        return {m.entity for m in self._mentions_before_in_sentence(token) if self.types.get(m.entity) in ("GPE", "ORG")}

    def _mentions_before_in_sentence(self, token) -> list[DocMention]:
        """Resolved mentions before `token` in its sentence, other than the clause's subjects."""
        return [m for m in self.mentions if token.sent.start <= m.tok_start < token.i and m.entity
                and m.entity not in self.clause_subjects]

    def _state_body(self, m) -> bool:
        """A state's office or force ("Israeli military") or an organisation of states: no
        'group' or 'movement'."""
        return m.entity in self.igos or m.text.split()[-1].lower() in _STATE_INSTITUTION_WORDS

    def _conjunct_mention(self, token):
        """The named mention a conjunct stands for: itself, or its name modifier or apposition
        ("the army and Fano militias", "the rebel Tigray People's Liberation Front")."""
        for t in [token] + [c for c in token.children if c.dep_ in ("compound", "appos")]:
            mention = self._by_token.get(t.i)
            if mention is not None and mention.entity:
                return mention
        return None

    def _salient_first(self, token):
        """Candidates for a pronoun: the subjects of its own sentence's clauses before it
        first ("The UAE denied claims by Sudan that it arms the RSF": it = the UAE; "Mao said
        Manila had infringed China's rights and urged it to stop": it = Manila), then every
        mention, nearest first."""
        seen = set()
        speaker = self._governing_subject(token)
        if speaker is not None:
            seen.add(id(speaker))
            yield speaker
        described = self._described_subject(token) if token.tag_ == "PRP$" and token.head.dep_ in ("nsubj", "nsubjpass") else None
        if described is not None:
            yield described
        for m in self._candidates(token, 0):   # this sentence only
            if self.doc[m.root].dep_ in ("nsubj", "nsubjpass"):
                seen.add(id(m))
                yield m
        if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ in _PERSON_PRONOUNS:
            # 'he'/'she' as subject continues the last sentence's main subject ("Zelenskiy, who had
            # challenged Putin to meet him, said ... He called on the EU": he = Zelenskiy)
            here = self.sent_index.get(token.i, 0)
            for m in self._candidates(token, 1):
                root = self.doc[m.root]
                if self.sent_index.get(m.tok_start) == here - 1 and id(m) not in seen \
                        and root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT":
                    seen.add(id(m))
                    yield m
        for m in self._candidates(token):
            if id(m) not in seen:
                yield m

    def _described_subject(self, pronoun):
        """'The Iran-backed group claimed the attack, saying its fighters ...': a description
        as the sentence's main subject before a possessive in a later clause's subject, as the
        mention it refers to."""
        root = pronoun.sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < pronoun.i and c.pos_ == "NOUN"), None)
        if subject is None or subject.i in self._by_token:
            return None
        key = self.resolve(subject)
        if key is None:
            return None
        return DocMention(text=subject.text, type=self.types.get(key, ""), start=subject.idx,
                          end=subject.idx + len(subject.text), tok_start=subject.i, tok_end=subject.i + 1,
                          root=subject.i, entity=key)

    def _governing_subject(self, pronoun):
        """'X announced aid for Chad and said it had imposed sanctions': the subject of a
        reported clause refers first to the subject of the verb that reports it."""
        clause = pronoun.head
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
            return None
        verb = clause.head
        if verb.i > pronoun.i or any(t.is_quote for t in self.doc[verb.i:pronoun.i]):
            return None   # '"He is trying to stage a coup," Rios said': a quote's 'he' is someone else
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        while subject is None and verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        mention = self._by_token.get(subject.i) if subject is not None else None
        return mention if mention is not None and mention.entity else None

    def resolve_all(self, token) -> list[str]:
        """Like `resolve`, but 'the two leaders' / 'both countries' give both referents."""
        if token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lemma_.lower() in _SIDE_NOUNS and any(
                (c.lower_ in ("two", "both", "all") and c.dep_ in ("nummod", "det", "predet"))
                or (c.lower_ in _OPPOSING_WORDS and c.dep_ == "amod") for c in token.children):
            return self._opposing_pair(token) or self._main_parties(token)
        if token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lemma_.lower() in _SIDE_NOUNS - {"delegation"} \
                and [c.lower_ for c in token.children if c.dep_ in ("det", "amod", "compound", "nummod", "poss")] == ["the"]:
            # "the parties must let aid through", "the sides": the two named fighting or talking
            # just before ("the parties" only when no political party is named near)
            if token.lemma_.lower() != "party" or not any(
                    self.types.get(m.entity) == "ORG" and any(w.lower() in _PARTY_NAME_WORDS for w in m.text.split())
                    for m in self._candidates(token)):
                sides = [k for k in self._opposing_pair(token)
                         if self.types.get(k) in ("ORG", "PERSON") or k in self.states]   # not two towns
                return sides if len(sides) >= 2 else []
        counted = token.pos_ == "NOUN" and ((token.tag_ == "NNS" and any(
            c.lower_ in ("two", "both", "three") and c.dep_ in ("nummod", "det", "predet") for c in token.children))
            or any(c.lower_ == "each" and c.dep_ == "det" for c in token.children))   # "each government ... the other"
        kind = _PAIR_NOUNS.get(token.lemma_.lower()) if counted else None
        titled = self._titled_pair(token) if kind == "PERSON" else []
        if len(titled) == 2:
            return titled   # "Lammy met Zelenskiy and Foreign Minister Sybiha, and the two ministers signed"
        if kind is not None:
            # "the two countries": first the actors of that kind named together last ("Hungary and Slovakia")
            sides = self._opposing_pair(token)
            group = [k for k in sides if self.types.get(k) == kind]
            if len(group) >= 2:
                return group
            led = [self.leaders[k] for k in sides if k in self.leaders]
            if kind == "PERSON" and len(sides) >= 2 and len(led) == len(sides) and not set(led) & self.clause_subjects:
                return led   # "clashes between Kyrgyzstan and Tajikistan ... spoke with both leaders": their leaders
        pair = self._pair(token) if counted else None
        if pair:
            return list(pair)
        if kind == "GPE":
            # "the two governments signed" with one state named nearby: the two states the article
            # is about, when two clearly lead
            main = self._main_parties(token)
            if len(main) == 2 and all(self.types.get(k) == "GPE" for k in main):
                return main
        if token.pos_ == "PRON" and token.lower_ in _GROUP_PRONOUNS:
            group = self._coordinated_group(token)
            if group:
                return group
        found = self.resolve(token)
        return [found] if found else []

    def _coordinated_group(self, pronoun) -> list[str]:
        """'Mali, Burkina Faso and Niger left ECOWAS, a bloc they accused ...': 'they' is the
        coordinated actors (those named, when unnamed ones are listed with them), when they come
        before any single plural name ("the Houthis")."""
        for m in self._salient_first(pronoun):
            if m.entity in self.avoid or m.form == "adjective":
                continue
            if self.types.get(m.entity) == "NORP" or (self.types.get(m.entity) == "ORG" and m.text.endswith("s")):
                return []   # a plural name: resolve() takes it
            coordinated = conjuncts(coordination_top(self.doc[m.root]))
            group = list(dict.fromkeys(
                self._by_token[t.i].entity for t in coordinated if t.i in self._by_token
                and self._by_token[t.i].entity and self.types.get(self._by_token[t.i].entity) in ("GPE", "ORG", "PERSON")))
            if len(group) >= 2 or (group and any(t.tag_ == "NNS" and t.i not in self._by_token for t in coordinated)):
                # "blacklisted the minister X and three prison directors, accusing them of ...":
                # the named ones among them
                return [k for k in group if k not in self.avoid]
        return []

    def _titled_pair(self, token) -> list[str]:
        """'the two ministers', 'both presidents': the last two people named before whose title
        the text gave holds that word ('Foreign Secretary' counts as a minister)."""
        word = token.lemma_.lower()
        words = {"minister": ("minister", "secretary"), "president": ("president",)}.get(word)
        if words is None:
            return []
        found = []
        for m in self._candidates(token):
            if self.types.get(m.entity) == "PERSON" and m.entity not in found and any(
                    w in title for title in self.titles.get(m.entity, ()) for w in words):
                found.append(m.entity)
            if len(found) == 2:
                return found
        return []

    def _pair(self, token):
        """'the two leaders', 'both countries': the last two distinct people (or states) named
        before, in this sentence or the two before."""
        kind = _PAIR_NOUNS.get(token.lemma_.lower())
        if kind is None:
            return None
        found = []
        for m in self._candidates(token):
            if m.entity in self.clause_subjects and token.dep_ in ("dobj", "pobj"):
                continue   # "X congratulated both leaders": two others than X
            if self.types.get(m.entity) == kind and m.entity not in found and m.form != "adjective" and not (
                    token.lemma_.lower() in ("country", "nation") and self.states and m.entity not in self.states):
                found.append(m.entity)   # "both countries": states, not the provinces named between
            if len(found) == 2:
                return tuple(found)
        return None

    def _clause_subject(self, token, word: str) -> str | None:
        """'The United States reaffirmed its commitment': a possessive or object pronoun in a
        clause refers first to that clause's own subject, when it fits."""
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < token.i), None)
        while subject is None and verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head   # "X condemned ... and reaffirmed its commitment"
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < token.i), None)
        if subject is None:
            return None
        mention = next((m for m in self.mentions if m.tok_start <= subject.i < m.tok_end), None)
        if mention is None and subject.pos_ == "NOUN" and word in _THING_PRONOUNS:
            # "The bloc ... extended its sanctions": the description the clause's subject is
            described = self.resolve(subject)
            return described if self.types.get(described) in ("ORG", "GPE") else None
        if mention is None or not mention.entity or mention.form == "adjective":
            return None
        kind = self.types.get(mention.entity)
        fits = (kind == "PERSON") if word in _PERSON_PRONOUNS else (
            kind in ("ORG", "GPE") and not _plural_description(mention.text) if word in _THING_PRONOUNS else
            kind in ("NORP", "ORG") if word in _GROUP_PRONOUNS else False)
        return mention.entity if fits else None

    @contextmanager
    def excluding(self, avoid=(), clause_subjects=()):
        """Inside this block, pronouns refer to none of `avoid` (the agent of an attack does not
        strike 'its' own positions, nor does an accuser accuse itself), and object pronouns to
        none of `clause_subjects` (binding principle B: 'X urged him' - him is not X); both
        groups ('both sides') are never the clause's subjects."""
        saved = self.avoid, self.clause_subjects
        self.avoid, self.clause_subjects = frozenset(avoid), frozenset(clause_subjects)
        try:
            yield
        finally:
            self.avoid, self.clause_subjects = saved

    def resolve(self, token, place: bool = False) -> str | None:
        """The entity `token` refers back to; place: a capital named as a place stays the city."""
        word = token.lower_
        avoid = self.avoid
        if token.tag_ == "PRP" and token.dep_ in ("dobj", "dative"):
            avoid = avoid | self.clause_subjects   # "Blinken met Netanyahu and urged him": him is not Blinken
        if token.tag_ == "PRP$" or (token.pos_ == "PRON" and token.dep_ not in ("nsubj", "nsubjpass", "dobj")):
            # not a direct object: "attacked it" is never its own subject (binding principle B)
            bound = self._clause_subject(token, word)
            if bound is not None and bound not in avoid:
                return bound
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            candidates = (m for m in self._salient_first(token) if m.entity not in avoid)
            if word in _PERSON_PRONOUNS:
                return next((m.entity for m in candidates if self.types.get(m.entity) == "PERSON"), None)
            if word in _GROUP_PRONOUNS:
                return next((m.entity for m in candidates
                             if (self.types.get(m.entity) == "NORP" and m.form != "adjective")
                             or (self.types.get(m.entity) == "ORG" and _plural_name(m.text))), None)
            if word in _THING_PRONOUNS:
                return next((m.entity for m in candidates
                             if self.types.get(m.entity) in ("ORG", "GPE") and m.form != "adjective"
                             and not _plural_description(m.text)), None)
            return None
        if token.pos_ == "NOUN" and token.tag_ == "NNS" and any(
                c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in token.children):
            return self._pair(token)
        if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        armed = any(c.dep_ == "amod" and c.lower_ in _ARMED_ADJECTIVES for c in token.children)
        if any(c.dep_ in ("amod", "compound", "poss") and not (armed and c.dep_ == "amod")
               and not (c.text[:1].isdigit() or any(g.dep_ == "nummod" for g in c.children))   # "the 15-member council"
               and not (c.dep_ == "amod" and c.lower_ in RELATIONAL_PARTICIPLES)   # "the Iran-backed group"
               and not (c.dep_ == "amod" and c.lower_ in _DESCRIBING_ADJECTIVES and word in _STATE_BODIES)
               for c in token.children):
            return None
        if armed:
            word = "militants"   # "the militant group", "the armed movement": the armed group
        if word == "capital":
            # "the capital": the latest capital the article named (as the city when a place)
            return next(((m.place_entity if place else m.entity) for m in self._candidates(token)
                         if m.place_entity), None)
        if word in _TOWN_WORDS and place:
            if any(o.pos_ == "PROPN" for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children):
                return None   # "the village of Pokrovske": the place it names, not one named before
            # "pulled out of the city", "shelled the town" (a place argument): the latest town named,
            # or the capital named as a city (no village is a capital)
            return next((m.place_entity or m.entity for m in self._candidates(token)
                         if (m.place_entity and word != "village") or (
                             self.types.get(m.entity) == "GPE" and m.entity not in self.states and m.form == "name")), None)
        if word in _STATE_BODIES:
            # "the government in Pristina", "the government of Somalia": the state named with it
            seated = [self._by_token[o.i] for p in token.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                      for o in p.children if o.dep_ == "pobj" and o.i in self._by_token]
            if seated and self.types.get(seated[0].entity) == "GPE":
                return seated[0].entity
        want = _DESCRIPTIONS.get(word)
        if want is None:
            return None
        if want == "IGO":
            # "the bloc", "the alliance": the latest organisation of states named before
            return next((m.entity for m in self._candidates(token, _DESCRIPTION_WINDOW_SENTENCES)
                         if self.types.get(m.entity) == "ORG" and m.entity in self.igos), None)
        if want == "GPE":
            owners = self._phrase_owners(token)
            return next((m.entity for m in self._candidates(token) if self.types.get(m.entity) == "GPE" and m.form != "adjective"
                         and m.entity not in owners), None)
        if want == "ARMED":
            # "the rebels", "the militants": the latest armed group named by name (not a state's
            # forces, office or an organisation of states)
            return next((m.entity for m in self._candidates(token, _DESCRIPTION_WINDOW_SENTENCES)
                         if self.types.get(m.entity) == "ORG" and m.entity not in self.igos and m.form == "name"
                         and m.text.split()[-1].lower() not in _STATE_INSTITUTION_WORDS
                         and not m.text.endswith("'s office")), None)
        if want == "PARTY":
            # "the opposition", "the party": the latest party, movement or alliance named
            return next((m.entity for m in self._candidates(token, _DESCRIPTION_WINDOW_SENTENCES)
                         if self.types.get(m.entity) == "ORG" and m.entity not in self.igos and m.form == "name"
                         and any(w.lower() in _PARTY_NAME_WORDS for w in m.text.split())), None)
        found = next((m.entity for m in self._candidates(token, _DESCRIPTION_WINDOW_SENTENCES)
                      if self.types.get(m.entity) == "ORG" and any(w in m.entity for w in want)
                      and not (want == ("",) and self._state_body(m))), None)
        if found is None and word in _STATE_BODIES:
            return self.home_state   # "the government" of the state the article is about
        return found

    def _phrase_owners(self, token) -> set[str]:
        """'Russia's invasion of the country': the possessor of the noun a description
        completes, which the description never refers to (unlike "its neighbour")."""
        if token.dep_ != "pobj" or token.head.dep_ != "prep" or token.head.head.pos_ != "NOUN":
            return set()
        return {self._by_token[c.i].entity for c in token.head.head.children
                if c.dep_ == "poss" and c.i in self._by_token and self._by_token[c.i].entity}


def _plural_description(text: str) -> bool:
    """'Russian forces', 'Kyrgyz troops': a group named by a plural common noun, never 'its'
    (unlike the name 'Rapid Support Forces' or 'the RSF')."""
    last = text.split()[-1]
    return last.islower() and last.endswith("s") and not last.endswith("ss")


def _plural_name(text: str) -> bool:
    """'the Houthis', 'Rapid Support Forces' are plural names (not 'Archive of Public Gatherings')."""
    return text.split(" of ")[0].split()[-1].endswith("s")

"""Roles from titles and appositions (located_in comes from places.PlaceRules).

- "White House spokesperson John Kirby", "Chadian Prime Minister Succès Masra",
  "U.S. Secretary of State Antony Blinken": title words before a person name,
  the organisation or state in front of (or 'of' after) the title.
- "Russia's ambassador to Washington, Anatoly Antonov" / "Anatoly Antonov, Russia's
  ambassador": a title noun in apposition to a person. For ambassadors the state is
  the sender (possessive or adjective), never the host ('to Washington').
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..resolve.names import entity_id
from .mentions import DocMention
from .places import PlaceRules
from .relations import RawRelation
from .syntax import prep_objects, sentence_span
from .wordlists import ENVOY_NOUNS

_ORG_TYPES = {"ORG", "GPE", "NORP"}
# verbs whose predicate noun is an office their subject takes ("became president", "was elected
# leader", "was sworn in as prime minister"); a copular "is the president of" is left out: on the
# unread sets it gave two wrong leaders for one right edge
OFFICE_TAKING_VERBS = {"become", "elect", "re-elect", "reelect", "appoint", "name", "nominate",
                       "swear", "install", "choose", "select"}
# offices a state has: "its ambassador", "its president" may be a state's
STATE_OFFICE_ROLES = {"ambassador_of", "leader_of", "member_of"}
HOME_COUNTRY_CONFIDENCE = 0.5
# titles that name no office of a state, so an untitled one is not the home state's
# ("General X", "army chief X", "commander X")
NOT_STATE_OFFICES = {"member", "bureau", "lawmaker", "mp", "activist", "candidate",
                     "general", "gen", "colonel", "col", "major", "admiral", "lieutenant", "captain", "brigadier",
                     "marshal", "sergeant", "commander", "chief", "head", "leader", "director", "founder",
                     "chairman", "chairwoman", "chair", "executive", "ceo", "secretary-general"}
# a state's own offices though they hold a word of NOT_STATE_OFFICES ("Supreme Leader Ayatollah X")
STATE_LEADER_TITLES = ("supreme leader",)
ARMED_FORCE_WORDS = {"army", "military"}
# offices whose 'general' is no military rank ("Attorney General X" is a state official)
CIVIL_GENERAL_OFFICES = {"attorney", "solicitor", "auditor", "inspector", "prosecutor", "procurator", "comptroller",
                         "surgeon", "governor", "postmaster"}


def _without_civil_generals(words: list[str]) -> list[str]:
    """The title's words, without the 'general' of 'attorney general' and the like, nor a 'chief'
    that modifies another office ('chief cabinet secretary', 'chief negotiator')."""
    return [w for i, w in enumerate(words) if not (w == "general" and i > 0 and words[i - 1] in CIVIL_GENERAL_OFFICES)
            and not (w == "chief" and i < len(words) - 1)]


def _of_kind(o: DocMention, kinds: tuple[str, ...]) -> bool:
    """The organisation fits a described kind (POSSESSOR_NOUNS): its key names the kind
    ("the ministry"), or any kind will do and it is named by a name ("the group": not a
    state's body named by a common noun, "the Congolese army")."""
    return any(k in o.entity for k in kinds) or (not kinds and o.form == "name" and not o.text.split()[-1].islower())


# a state's ruling bodies: their leader leads the state
RULING_BODIES = {"junta", "government", "regime", "administration", "cabinet"}
LEADING_VERBS = {"head", "lead", "chair", "run", "command", "rule", "govern", "helm"}
SPECIFIC_ROLES = {"spokesperson_of", "ambassador_of"}
# what a portfolio covers: its chief ("foreign policy chief") or head is a member of the body
POLICY_DOMAINS = {"policy", "affairs", "diplomacy", "trade", "economy", "economic", "enlargement", "migration",
                  "climate", "energy", "health", "justice", "finance", "budget", "competition", "humanitarian"}
# offices of a city or region, never of a state
LOCAL_OFFICES = {"mayor", "governor"}
# "the group's spokesman": which organisations a described possessor may be (() = any named one)
POSSESSOR_NOUNS = {"group": (), "movement": (), "militia": (), "party": (), "organisation": (), "organization": (),
                   "army": ("military", "army"), "military": ("military",), "junta": ("junta",),
                   "ministry": ("ministry",), "agency": (), "alliance": (), "bloc": (), "coalition": ()}
# offices named with their portfolio after 'for' ("Minister for European Affairs X")
PORTFOLIO_OFFICES = {"minister", "secretary", "commissioner", "envoy", "representative", "coordinator", "czar", "tsar"}
# a bare title whose state the office holders table gives ("President Donald Trump")
KNOWN_OFFICE_CONFIDENCE = 0.8
# ranks and honorifics between an office and the name ("commander Major General X")
RANKS_AND_HONORIFICS = {"general", "gen", "major", "lieutenant", "lt", "colonel", "col", "brigadier", "admiral",
                        "adm", "captain", "capt", "commodore", "marshal", "field", "rear", "ayatollah", "sheikh",
                        "sheik", "imam", "mullah", "cardinal", "archbishop", "bishop", "rabbi", "dr", "mr", "mrs", "ms"}
# titles named after their body: a commissioner sits on a commission
OFFICE_BODIES = {"commissioner": "commission"}
# nouns in a title that point back to an organisation named earlier ("ministry spokesman")
ORG_NOUNS = {"ministry", "embassy", "army", "military", "navy", "government", "office", "agency", "police",
             "party", "commission", "council", "department", "administration", "coalition", "alliance", "mission"}


def home_country(mentions: list[DocMention], types: dict[str, str], filed_in: str | None = None,
                 states: frozenset[str] = frozenset()) -> str | None:
    """The state an article is about: the state mentioned (by name or adjective) clearly more
    often than any other, else where its dateline files it ("ABUJA - ... in Niger": a story
    filed in Nigeria that names Niger twice as often is about Niger). `states`: the entities
    known to be states, when known (a city named often, "in central Lima", is none)."""
    counts = Counter(m.entity for m in mentions if types.get(m.entity) == "GPE" and (not states or m.entity in states))
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]) and ranked[0][1] >= 3:
        if filed_in is None or ranked[0][1] >= 2 * counts.get(filed_in, 0):
            return ranked[0][0]
    return filed_in


class RoleExtractor(PlaceRules):
    """home_state: the entity key of the state the article is about (`home_country`), if any."""

    def __init__(self, doc, mentions: list[DocMention], lexicon, entity_types: dict[str, str],
                 home_state: str | None = None):
        self.home_state = home_state
        self.doc = doc
        self.lex = lexicon
        self.types = entity_types
        self.by_token = {}
        for m in mentions:
            for i in range(m.tok_start, m.tok_end):
                self.by_token[i] = m
        self.mentions = mentions
        self.extra_entities: dict[str, str] = {}   # key -> label of offices the text names only in a title

    @staticmethod
    def _sentence_bounds(token):
        return sentence_span(token.sent)

    def _title(self, words: list[str]) -> str | None:
        """The role named by title words: the longest title ending the sequence ('deputy foreign
        minister'), unless a more specific office precedes a rank ('spokesman General')."""
        role = None
        # "vice-president": the hyphenated title is the spaced one ("vice president"), not "president"
        words = [w for i, w in enumerate(words) if not (w == "-" and 0 < i < len(words) - 1)]
        if self.lex.holds_no_role(" ".join(words)):
            return None   # "former defence minister", "opposition leader"
        def office_word_title(n):   # "secretary general": an office whose last word is also a rank
            tail = words[-n:]
            return self.lex.is_title(" ".join(tail)) and any(w not in RANKS_AND_HONORIFICS and w != "-" for w in tail)
        while len(words) > 1 and words[-1] in RANKS_AND_HONORIFICS and not office_word_title(2) \
                and not office_word_title(3) and any(self.lex.role_of_title(w) for w in words[:-1]):
            words = words[:-1]   # "junta leader General X", "Supreme Leader Ayatollah X": the office comes first
        for n in range(min(4, len(words)), 0, -1):
            role = self.lex.role_of_title(" ".join(words[-n:]))
            if role:
                break
        if role in SPECIFIC_ROLES:
            return role
        for i in range(len(words)):
            for n in (2, 1):
                specific = self.lex.role_of_title(" ".join(words[i:i + n]))
                if specific in SPECIFIC_ROLES:
                    return specific
        return role

    def _described_org(self, noun, before: int) -> str | None:
        """'the bloc', 'the alliance', 'the group': the organisation of that kind named last
        before token `before` (a body named by a common noun, "the Congolese army", is no group)."""
        if noun.lemma_.lower() not in POSSESSOR_NOUNS or not any(c.lower_ == "the" for c in noun.children):
            return None
        kinds = POSSESSOR_NOUNS[noun.lemma_.lower()]
        return self._recent_org(before, lambda o: _of_kind(o, kinds))

    def _org_noun(self, words: list[str], before: int) -> str | None:
        """'ministry spokesman': the ministry is the latest organisation of that kind named before."""
        for word in words:
            word = OFFICE_BODIES.get(word, word)   # "Budget Commissioner X": the Commission named before
            if word not in ORG_NOUNS:
                continue
            kinds = ARMED_FORCE_WORDS if word in ARMED_FORCE_WORDS else {word}
            named = [m for m in sorted(self.mentions, key=lambda m: -m.tok_start)
                     if m.tok_start < before and self.types.get(m.entity) == "ORG" and any(k in m.entity for k in kinds)]
            # "Army commander X" in a story about Lebanon: Lebanon's army, if named, before the latest
            home = [m for m in named if word in ARMED_FORCE_WORDS and self._state_of_body(m.text) == self.home_state]
            if home or named:
                return (home or named)[0].entity
        return None

    def _state_of_body(self, text: str) -> str | None:
        """The state a body's name opens with ("Lebanese army", "Sudan's military"), as an entity key."""
        first = text.split()[0].removesuffix("'s").removesuffix("’s") if text.split() else ""
        state = self.lex.country_of_demonym(first) or self.lex.canonical_name(first)
        return entity_id("GPE", state) if state else None

    def _possessor_described(self, title, role: str | None = None) -> str | None:
        """The organisation behind a possessive pronoun or description before a title: "Its
        spokesperson" (the organisation named last), "the group's spokesman", "a spokesman for
        the group" (the group);
        a state's office too: "Argentina voiced concern, and its ambassador to Brazil, X"."""
        # an ambassador is a state's; "its leader" is the organisation's if one was named
        tries = [("ORG", "GPE")] if role == "ambassador_of" else [("ORG",), ("GPE",)] if role in STATE_OFFICE_ROLES else [("ORG",)]
        for types in tries:
            found = self._possessor_of_kind(title, types)
            if found:
                return found
        return None

    def _possessor_of_kind(self, title, types) -> str | None:
        # "the group's spokesman", or "a spokesman for the group"
        for c in [c for c in title.children if c.dep_ == "poss"] + prep_objects(title, {"for", "of"}):
            if c.lower_ in ("its", "their") and c.dep_ == "poss":
                kinds = None
            elif c.pos_ == "NOUN" and any(d.lower_ == "the" for d in c.children) and c.lemma_.lower() in POSSESSOR_NOUNS:
                if "GPE" in types:
                    continue   # "the group's leader" is no state's
                kinds = POSSESSOR_NOUNS[c.lemma_.lower()]
            else:
                continue
            found = self._recent_org(title.i, lambda o: kinds is None or _of_kind(o, kinds), types=types)
            if found:
                return found
        return None

    def _sentence_before(self, sentence):
        return self.doc[sentence.start - 1].sent if sentence.start > 0 else None

    def _recent_org(self, before: int, fits=lambda o: True, types=("ORG",)) -> str | None:
        """The latest organisation (that `fits`) named in this sentence or the one before,
        before token `before`."""
        sentence = self.doc[before].sent
        previous = self._sentence_before(sentence) or sentence
        return next((o.entity for o in sorted(self.mentions, key=lambda o: -o.tok_start)
                     if previous.start <= o.tok_start < before and self.types.get(o.entity) in types
                     and o.form != "adjective" and fits(o)), None)

    def _known_office(self, m: DocMention, role: str, title: str) -> str | None:
        """The state the office holders table gives the person's `title`, if the article
        names that state (by any name or adjective)."""
        return self._named_key(self.lex.office_state_of_names((o.text for o in self.mentions if o.entity == m.entity),
                                                              role, title))

    def _named_key(self, state: str | None) -> str | None:
        """The article's entity key of a state or organisation named by the office holders table, if named."""
        return next((k for k in (entity_id("GPE", state), entity_id("ORG", state)) if k in self.types), None) if state else None

    def _state_nearby(self, m: DocMention) -> str | None:
        """The state an untitled office holder belongs to: the home state when the sentence and
        the one before name no other state; else the one state they name."""
        home = self.home_state
        sentence = self.doc[m.tok_start].sent
        seat = self._seat_opening(sentence)
        if seat is not None:
            return seat   # "In Beijing, foreign ministry spokesperson X said": China's
        previous = self._sentence_before(sentence)
        for span in (sentence, previous):
            if span is None:
                break
            quoted = self._quoted_tokens(span)
            states = {o.entity for o in self.mentions if span.start <= o.tok_start < span.end
                      and o.form == "name" and self._names_state(o) and self._acts_in_clause(o)
                      and o.tok_start not in quoted   # what the person says is about others
                      and not self._acts_on(o, m)}
            if len(states) == 1:
                return next(iter(states))
            if states:
                return home if home in states else None
        return home

    @staticmethod
    def _quoted_tokens(span) -> set[int]:
        """Token indexes inside quotation marks in `span`."""
        inside, out = False, set()
        for t in span:
            if t.text in ('"', "“", "”"):
                inside = not inside if t.text == '"' else t.text == "“"
                continue
            if inside:
                out.add(t.i)
        return out

    def _acts_in_clause(self, o: DocMention) -> bool:
        """The state is a clause's subject (or its possessor), not what someone acts on: in
        "President X warned Iran", Iran is no clue to X's state; in "Hungary said ..." it is."""
        root = self.doc[o.root]
        if root.dep_ in ("nsubj", "nsubjpass"):
            # not the subject of a relative clause about someone else ("Los Lobos, which
            # Washington designated a terrorist group")
            return root.head.dep_ != "relcl"
        return root.dep_ in ("poss", "compound", "amod", "nmod") and root.head.dep_ in ("nsubj", "nsubjpass")

    def _seat_opening(self, sentence) -> str | None:
        """'In Beijing, ...': the state whose capital opens the sentence, if the article names it."""
        if len(sentence) < 4 or sentence[0].lower_ != "in" or sentence[2].text != ",":
            return None
        state = self.lex.capital_of(sentence[1].text)
        key = entity_id("GPE", state) if state else None
        return key if key in self.types else None

    def _acts_on(self, o: DocMention, m: DocMention) -> bool:
        """The state is the subject of the verb whose object names the person: "Washington
        imposed sanctions on Interior Minister X" tells nothing of X's state."""
        verb = self.doc[o.root].head
        person = self.doc[m.root]
        return self.doc[o.root].dep_ == "nsubj" and any(
            t.i == person.i for c in verb.children if c.dep_ in ("dobj", "prep", "dative") for t in c.subtree)

    def _names_state(self, o: DocMention) -> bool:
        """A state by its name or its capital standing for it ("Budapest said"), not a city."""
        if self.types.get(o.entity) != "GPE":
            return False
        if not hasattr(self, "_states"):
            # entities some mention names as a state ("Venezuela", "Venezuelan"), or the home state
            self._states = {x.entity for x in self.mentions if self.lex.country(x.text) is not None
                            or self.lex.country_of_demonym(x.text) is not None} | {self.home_state}
        return o.entity in self._states or (self.lex.capital_of(o.text) is not None and not o.locative)

    def _org_named_earlier(self, title) -> str | None:
        """'The ambassador, Sergey Andreyev': the organisation or state that an earlier mention
        of the same title named ("the Russian ambassador", "Russia's ambassador")."""
        for t in reversed(self.doc[:title.i]):
            if t.lemma_ != title.lemma_ or t.pos_ != "NOUN":
                continue
            for c in t.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in self.by_token \
                        and self.types.get(self.by_token[c.i].entity) in _ORG_TYPES:
                    return self.by_token[c.i].entity
        return None

    def _org_in(self, tokens, person_key, role: str | None = None) -> str | None:
        """The organisation named closest before the title; an ambassador's state first
        ("Chile's U.N. Ambassador X" is Chile's)."""
        found = [m.entity for m in (self.by_token.get(t.i) for t in reversed(tokens))
                 if m is not None and m.entity != person_key and self.types.get(m.entity) in _ORG_TYPES]
        if role == "ambassador_of":
            found = [k for k in found if self.types.get(k) == "GPE"] + found
        return found[0] if found else None

    def extract(self) -> list[RawRelation]:
        out = []
        for m in self.mentions:
            if self.types.get(m.entity) != "PERSON":
                continue
            out += self._title_before(m)
            out += self._apposition(m)
        out += self._located_in()
        out += self._leading_verbs()
        # a title with no organisation falls back on the home country; not for a person the
        # article gives an office elsewhere ("army spokesman General X" is no minister at home)
        explicit = {r.source for r in out if r.confidence > HOME_COUNTRY_CONFIDENCE}
        out = [r for r in out if not (r.confidence == HOME_COUNTRY_CONFIDENCE and r.source in explicit)]
        # "Milei's spokesman": a leader's spokesman speaks for the state the leader leads
        # (NER may type the lone family name an organisation)
        return [replace(r, target=self._state_led_by_person(r.target) or r.target)
                if r.relation == "spokesperson_of" and self.types.get(r.target) in ("PERSON", "ORG") else r for r in out]

    def _leading_verbs(self) -> list[RawRelation]:
        """'X, who heads the Somali government' / 'X leads Hamas' -> leader_of."""
        out = []
        for m in self.mentions:
            if self.types.get(m.entity) != "PERSON":
                continue
            root = self.doc[m.root]
            verbs = [c for c in self._name_children(m) if c.dep_ == "relcl" and c.lemma_ in LEADING_VERBS]
            if root.dep_ == "nsubj" and root.head.lemma_ in LEADING_VERBS:
                verbs.append(root.head)
            for v in verbs:
                objects = [c for c in v.children if c.dep_ == "dobj"]
                if v.dep_ == "relcl" and root.head.i == v.i and all(o.lower_ in ("which", "that") for o in objects):
                    objects = [v.head]   # "the SPLM-IO, which Machar leads", "the group al-Sharaa led"
                for obj in objects:
                    org = self.by_token.get(obj.i)
                    # "heads the Somali government": the state of a governing body; not "led the
                    # Kyrgyz negotiators" (people) or "leads the Jewish Power party" (a nationality word)
                    governing = obj.lemma_.lower() in self.lex.cues("governing")
                    named = [self.by_token[c.i].entity for c in obj.children
                             if c.dep_ in ("amod", "compound", "poss") and c.i in self.by_token]
                    key = org.entity if org else next((k for k in named if self.types.get(k) == "ORG" or (
                        governing and self.types.get(k) == "GPE")), None)
                    if key is None and not named:
                        key = self._described_org(obj, root.i)   # "who chairs the bloc"
                    if key and key != m.entity and self.types.get(key) in _ORG_TYPES:
                        start, end = self._sentence_bounds(root)
                        # "who heads the European Union's foreign policy": a portfolio, not the body
                        role = "member_of" if obj.lemma_.lower() in POLICY_DOMAINS else "leader_of"
                        out.append(RawRelation(m.entity, key, role, start, end, False, None, 0.75, v.text))
            # "the Sudanese army, led by General X": the person is the agent of a leading participle
            agent = root.head if root.dep_ == "pobj" else None
            led = agent.head if agent is not None and agent.dep_ == "agent" else None
            if led is None or led.lemma_ not in LEADING_VERBS:
                continue
            if led.dep_ in ("acl", "relcl"):
                led_bodies = [led.head]   # "the RSF, commanded by X", "the party, which is led by X"
            else:
                # "The military is led by General X, while the RSF is commanded by Y"
                led_bodies = [c for c in led.children if c.dep_ == "nsubjpass"]
            for body in led_bodies:
                key = self.by_token[body.i].entity if body.i in self.by_token else (
                    self._org_noun([body.lemma_.lower()], body.i) or self._described_org(body, body.i) if any(
                        c.lower_ == "the" for c in body.children) else None)   # "the army", "the alliance": the one named before
                if key is None and body.lemma_.lower() in self.lex.cues("governing"):
                    # "Mali's military government, led by General X": the state it governs; "the
                    # interim government, led by X": the government of the state the article is about
                    key = next((self.by_token[c.i].entity for c in body.children if c.dep_ in ("poss", "amod", "compound")
                                and c.i in self.by_token and self.types.get(self.by_token[c.i].entity) == "GPE"), None) or (
                        self.home_state if any(c.lower_ == "the" for c in body.children) else None)
                if key and key != m.entity and self.types.get(key) in _ORG_TYPES:
                    start, end = self._sentence_bounds(root)
                    out.append(RawRelation(m.entity, key, "leader_of", start, end, False, None, 0.75, led.text))
        return out

    def _title_before(self, m: DocMention) -> list[RawRelation]:
        """Words right before the name, inside its noun phrase: '<org> <title> <Name>'."""
        doc = self.doc
        i = m.tok_start - 1
        prefix = []
        while i >= 0 and i >= m.tok_start - 8:
            t = doc[i]
            to_host = self._links_title_to_name(t)   # "Ambassador to Kenya X", "Minister for European Affairs X"
            if t.is_punct and t.text not in ("-", "'s", "’s") or t.dep_ in ("det",) and t.lower_ in ("a", "an") or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") and t.lower_ not in ("of",) and not to_host \
                    and not (t.tag_ == "VBN" and t.dep_ in ("amod", "compound")):   # "ousted President X"
                break
            if t.is_space or t.lower_ in ("said", "told", "and", "with", "by"):
                break
            prefix.insert(0, t)
            i -= 1
        title_words, org_tokens = [], []
        # title words are the non-entity words closest to the name
        j = len(prefix) - 1
        link = next((t for t in reversed(prefix) if self._links_title_to_name(t)), None)
        if link is not None and all(t.text[:1].isupper() or t.lower_ in ("the", "of", "and")
                                    for t in prefix[prefix.index(link) + 1:]):
            # "U.S. Ambassador to Kenya Meg Whitman", "envoy to the UN X", "Minister for European
            # Affairs X": the host or portfolio is no part of the title
            j = prefix.index(link) - 1
        while (j >= 0 and prefix[j].i not in self.by_token and prefix[j].lower_ not in ("'s", "’s", "the")
               and prefix[j].pos_ not in ("CCONJ", "SCONJ", "DET", "ADV", "PRON")):
            title_words.insert(0, prefix[j].lower_)
            j -= 1
        if "of" in title_words:
            # "the sister of leader Kim Jong Un": the title is the one after 'of', when the words
            # before it are none ("Secretary of State" is one title)
            cut = len(title_words) - 1 - title_words[::-1].index("of")
            if title_words[cut + 1:] and self._title(title_words[cut + 1:]) and not self._title(title_words[:cut]):
                title_words = title_words[cut + 1:]
        if not title_words:
            # "King Abdullah of Jordan": NER took the title into the name
            title_words = self._title_inside(m)
        if title_words and title_words[-1] == "counterpart":
            return self._counterpart(m, prefix[:j + 1], title_words)
        role = self._title(title_words) if title_words else None
        if role is None:
            return self._shared_title(m)
        org_tokens = prefix[:j + 1]
        possessive = j >= 0 and prefix[j].lower_ in ("its", "their")
        if not any(t.i in self.by_token or t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or t.lower_ == "whose"
                   for t in org_tokens):
            org_tokens = []   # "when Prime Minister X", "after President X": no organisation named
        confidence = 0.85
        org = self._org_in(org_tokens, m.entity, role) or self._org_noun(title_words, m.tok_start) \
            or self._relative_possessor(org_tokens)
        if org is None:
            org = self._of_org(m)   # "Prime Minister Rishi Patel of Britain"
        if org is None and role == "spokesperson_of":
            # "Milei's spokesman X": the state the named leader leads
            leader = next((o.entity for o in (self.by_token.get(t.i) for t in reversed(org_tokens))
                           if o is not None and self.types.get(o.entity) == "PERSON" and o.entity != m.entity), None)
            org = self._state_led_by_person(leader) if leader else None
        if org is None and possessive:
            # "The agency said ... Its Director General X": the organisation named last
            org, confidence = self._recent_org(m.tok_start) or (
                self._recent_org(m.tok_start, types=("GPE",)) if role in STATE_OFFICE_ROLES else None), 0.7
        kind = next((w for w in title_words if w in ORG_NOUNS), None)
        if org is None and role == "spokesperson_of" and not org_tokens:
            # "The foreign ministry said ... Spokesperson Mao Ning said": the office just named (of the
            # title's kind: a "foreign ministry spokeswoman" speaks for no bank or militia)
            org, confidence = self._recent_org(m.tok_start, fits=lambda o: kind is None or kind in o.entity), 0.6
            if org is None and kind == "ministry" and title_words.index("ministry") > 0:
                # "Foreign ministry spokesperson X" with no ministry named: that ministry of the
                # state the text is about here ("In Beijing, foreign ministry spokesperson X")
                org = self._ministry_of(self._state_nearby(m), title_words[:title_words.index("ministry") + 1])
            if org is None and kind is not None and kind != "government":
                return []
        if org is None and role == "spokesperson_of" and title_words[0] == "government":
            # "government spokeswoman X" with no office named: the state the text is about here
            org, confidence = self._state_nearby(m), HOME_COUNTRY_CONFIDENCE
        if role == "leader_of" and title_words[-1] in LOCAL_OFFICES and (
                org is None or self.lex.country(next((o.text for o in self.mentions if o.entity == org), "")) is not None):
            # "In Kharkiv, ..., Mayor X said": a mayor or governor leads the city or region named, never a state
            org, confidence = self._local_place(m), 0.7
            if org is None:
                return []
        if org is None and role in ("leader_of", "member_of") and not org_tokens \
                and (not any(w in NOT_STATE_OFFICES for w in _without_civil_generals(title_words))
                     or any(o in " ".join(title_words) for o in STATE_LEADER_TITLES)
                     or self.lex.holds_office([o.text for o in self.mentions if o.entity == m.entity], role, " ".join(title_words))):
            # (a bare "leader Kim Jong Un" when the table gives him that very office)
            # "President Donald Trump" in a story about Yemen: the office holders table knows
            org, confidence = self._known_office(m, role, " ".join(title_words)), KNOWN_OFFICE_CONFIDENCE
            if org is None and self.lex.office_state_of_names(
                    (o.text for o in self.mentions if o.entity == m.entity), role, " ".join(title_words)) is not None:
                return []   # "President Vladimir Putin" in a story that never names Russia: no other state's office
            if org is None:
                # "Defence Minister X" in an article about one state: that state's minister, unless
                # the text around names another state ("Hungary said ... Prime Minister Viktor Orban")
                org, confidence = self._state_nearby(m), HOME_COUNTRY_CONFIDENCE
        if org is None:
            return []
        start, end = self._sentence_bounds(doc[m.tok_start])
        if role == "leader_of":
            org = self._ruled_state(org)
        return [RawRelation(m.entity, org, self._fit(role, org, " ".join(title_words)), start, end, False, None, confidence,
                            " ".join(title_words))]

    def _state_led_by_person(self, person: str) -> str | None:
        """The state the office holders table says `person` led (by full name, or by a family name
        only one leader of the table bears), if the article names it."""
        names = [o.text for o in self.mentions if o.entity == person]
        state = self.lex.office_state_of_names(names, "leader_of", "") or next(
            (s for s in map(self.lex.leader_state_by_family_name, names) if s), None)
        return self._named_key(state)

    def _ministry_of(self, state: str | None, words: list[str]) -> str | None:
        """'foreign ministry' of China -> the entity 'Chinese foreign ministry' (added to the
        article's entities when the text never names it)."""
        name = next((o.text for o in self.mentions if o.entity == state and o.form == "name"), None) if state else None
        country = self.lex.country(name) if name else None
        adjective = self.lex.demonym_of(country.name) if country else None
        if adjective is None or self.types.get(state) != "GPE":
            return None
        label = f"{adjective} {' '.join(words)}".replace("defence", "defense")
        key = entity_id("ORG", label)
        if key not in self.types:
            self.extra_entities[key] = label
            self.types[key] = "ORG"
        return key

    def _proper_title(self, token) -> bool:
        """"charge d'affaires": a title the tagger read as a proper noun (no name of the text)."""
        words = [c.lower_ for c in token.children if c.dep_ == "compound" and c.i < token.i] + [token.lower_]
        return token.pos_ == "PROPN" and token.i not in self.by_token and self.lex.is_title(" ".join(words))

    def _links_title_to_name(self, token) -> bool:
        """'to' after an envoy's title, 'for' after an office ("Minister for European Affairs"):
        the host or portfolio between the title and the name follows."""
        before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
        return (token.lower_ == "to" and before in ENVOY_NOUNS) or (
            token.lower_ == "for" and before in PORTFOLIO_OFFICES)

    def _local_place(self, m: DocMention) -> str | None:
        """The city or region a local office holder governs: the last one named before the
        title in the sentence, else after it, else in the sentence before."""
        sentence = self.doc[m.tok_start].sent
        previous = self._sentence_before(sentence)

        def places(span):
            return [o for o in self.mentions if span.start <= o.tok_start < span.end and o.type in ("GPE", "LOC")
                    and self.lex.country(o.text) is None and o.entity != m.entity]
        here = places(sentence)
        before = [o for o in here if o.tok_start < m.tok_start]
        found = before[-1:] or here[:1] or (places(previous)[-1:] if previous is not None else [])
        return self._as_place(found[0]) if found else None

    def _relative_possessor(self, org_tokens) -> str | None:
        """'Chile, whose President Gabriel Boric ...': the name the relative 'whose' follows."""
        if not org_tokens or org_tokens[-1].lower_ != "whose":
            return None
        i = org_tokens[-1].i - 1
        while i >= 0 and self.doc[i].is_punct:
            i -= 1
        m = self.by_token.get(i) if i >= 0 else None
        return m.entity if m is not None and self.types.get(m.entity) in _ORG_TYPES - {"NORP"} else None

    def _title_inside(self, m: DocMention) -> list[str]:
        words = [t.lower_ for t in self.doc[m.tok_start:m.tok_end]]
        for n in range(min(3, len(words) - 1), 0, -1):
            if self.lex.is_title(" ".join(words[:n])):
                return words[:n]
        return []

    def _of_org(self, m: DocMention) -> str | None:
        """'Prime Minister Rishi Patel of Britain': the organisation after the name."""
        root = self.doc[m.root]
        return next((self.by_token[o.i].entity for p in root.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" and o.i in self.by_token
                     and self.types.get(self.by_token[o.i].entity) in _ORG_TYPES), None)

    def _held_role(self, person: str, sentence) -> str | None:
        """The role a person holds by a title in the same sentence, if any."""
        for other in self.mentions:
            if other.entity == person and sentence.start <= other.tok_start < sentence.end and other is not None:
                found = self._title_before_role(other)
                if found:
                    return found
        return None

    def _title_before_role(self, m: DocMention) -> str | None:
        words = []
        i = m.tok_start - 1
        while i >= 0 and self.doc[i].pos_ in ("PROPN", "NOUN", "ADJ") and i not in self.by_token and len(words) < 4:
            words.insert(0, self.doc[i].lower_)
            i -= 1
        return self._title(words or self._title_inside(m)) if (words or self._title_inside(m)) else None

    def _counterpart(self, m: DocMention, org_tokens, title_words) -> list[RawRelation]:
        """'Polish Prime Minister Donald Tusk and his Hungarian counterpart Viktor Orban': the
        same office as the titled person before, of the state the adjective names."""
        sentence = self.doc[m.tok_start].sent
        org = self._org_in(org_tokens, m.entity)
        earlier = [o for o in self.mentions if sentence.start <= o.tok_start < m.tok_start
                   and self.types.get(o.entity) == "PERSON" and o.entity != m.entity]
        role = next((r for r in (self._title_before_role(o) for o in reversed(earlier)) if r), None)
        if org is None or role is None:
            return []
        start, end = self._sentence_bounds(self.doc[m.tok_start])
        return [RawRelation(m.entity, org, role, start, end, False, None, 0.7, "counterpart")]

    def _shared_title(self, m: DocMention) -> list[RawRelation]:
        """'Prime Ministers Donald Tusk of Poland and Petr Fiala of the Czech Republic': a name
        coordinated with a titled one shares its title, with its own 'of' organisation."""
        root = self.doc[m.root]
        if root.dep_ != "conj" or root.head.i not in self.by_token:
            return []
        head = root.head
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i in self.by_token:
            head = head.head.head   # the parser hung the second name on the first one's "of Poland"
        first = self.by_token[head.i]
        role = self._title_before_role(first)
        org = self._of_org(m)
        if role is None or org is None or self.types.get(first.entity) != "PERSON":
            return []
        start, end = self._sentence_bounds(root)
        return [RawRelation(m.entity, org, self._fit(role, org), start, end, False, None, 0.7, "shared title")]

    def _fit(self, role: str, org: str, title: str = "") -> str:
        """An envoy of an organisation (the UN's special envoy) is its staff: ambassadors are of
        states; a state's high commissioner is its envoy (the UN's heads an office); the chief of
        a portfolio ("the EU's foreign policy chief") is a member of the body."""
        if role == "ambassador_of" and self.types.get(org) == "ORG":
            return "member_of"
        words = title.split()
        if role == "leader_of" and len(words) >= 2 and words[-1] in ("chief", "head", "czar", "tsar") \
                and any(w in POLICY_DOMAINS for w in words[:-1]):
            return "member_of"
        if role == "leader_of" and title.endswith("high commissioner") and self.types.get(org) == "GPE":
            return "ambassador_of"
        return role

    def _ruled_state(self, org: str) -> str:
        """'Chadian junta leader X' leads Chad: a state's ruling body stands for the state."""
        if self.types.get(org) != "ORG":
            return org
        text = next((m.text for m in self.mentions if m.entity == org), "")
        words = text.split()
        if len(words) >= 2 and words[-1].lower() in RULING_BODIES:
            key = self._state_of_body(text)
            if key in self.types:
                return key
        return org

    def _name_children(self, m: DocMention) -> list:
        """The dependents of every word of the name, outside it: the parser may hang a relative
        clause or an apposition on any part of "Ben-Gvir" or "Rashad al-Alimi"."""
        return [c for t in self.doc[m.tok_start:m.tok_end] for c in t.children
                if not m.tok_start <= c.i < m.tok_end]

    def _hyphenated_title(self, token) -> bool:
        """'secretary-general' parsed as an adjective with its first half hung on it."""
        first = [c.lower_ for c in token.children if c.dep_ == "npadvmod" and c.i < token.i]
        return token.pos_ == "ADJ" and bool(first) and self.lex.is_title(" ".join(first + [token.lower_]))

    def _predicated_titles(self, m: DocMention) -> list:
        """'X became president of Kenya', 'X, who was elected Japan's prime minister', 'X was
        sworn in as president': an office the person is said to take (not negated)."""
        root = self.doc[m.root]
        verbs = [root.head] if root.dep_ in ("nsubj", "nsubjpass") else []
        verbs += [c for c in self._name_children(m) if c.dep_ == "relcl" and any(
            s.lower_ in ("who", "that") for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))]
        titles = []
        for v in verbs:
            if v.lemma_ not in OFFICE_TAKING_VERBS or any(c.dep_ == "neg" for c in v.children):
                continue
            titles += [c for c in v.children if c.dep_ in ("attr", "oprd", "xcomp") and c.pos_ == "NOUN"]
            titles += [o for p in v.children if p.dep_ == "prep" and p.lower_ == "as"
                       for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]   # "sworn in as president"
        return titles

    def _apposition(self, m: DocMention) -> list[RawRelation]:
        doc = self.doc
        root = doc[m.root]
        pairs = []
        if root.dep_ == "appos":
            # "Russia's ambassador to Washington, Anatoly Antonov": the parser may hang the
            # name on the host ('Washington'); climb prep/pobj links to the title noun
            cand = root.head
            for _ in range(3):
                if cand.pos_ == "NOUN" or self._hyphenated_title(cand) or self._proper_title(cand):
                    pairs.append(cand)
                    break
                if cand.dep_ not in ("pobj", "prep"):
                    break
                cand = cand.head
        pairs += [c for c in self._name_children(m) if c.dep_ == "appos" and (
            c.pos_ == "NOUN" or (c.pos_ == "PROPN" and c.i not in self.by_token and self.lex.is_title(c.lower_)))]   # "the U.S. Secretary of State"
        pairs += self._predicated_titles(m)
        # "X, Georgian Dream's founder and honorary chairman": each coordinated title
        pairs += [c for t in list(pairs) for c in t.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
        out = []
        for title in pairs:
            words = [c.lower_ for c in title.children if c.dep_ in ("compound", "amod", "npadvmod") and c.i not in self.by_token
                     and c.i < title.i]
            if not words and title.i >= 2 and self.doc[title.i - 1].text in ("-", "–") and self.doc[title.i - 2].is_alpha:
                words = [self.doc[title.i - 2].lower_]   # "vice-president" split into three appositions
            after = self.doc[title.i + 2] if title.i + 2 < len(self.doc) and self.doc[title.i + 1].text in ("-", "–") else None
            # "the U.N. secretary-general": the second half hung on the first as a modifier
            role = (self._title(words + [title.lower_, after.lower_]) if after is not None and after.head.i == title.i
                    else None) or self._title(words + [title.lower_])
            if role is None:
                continue
            org = None
            for c in title.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in self.by_token:
                    if not (role == "ambassador_of" and self.types.get(org) == "GPE"):
                        org = self.by_token[c.i].entity   # "Chile's U.N. ambassador": Chile's
                elif c.dep_ == "poss" and self.lex.role_of_title(c.lower_):
                    # "the UN Secretary-General's special representative": the office's organisation
                    org = next((self.by_token[g.i].entity for g in c.subtree
                                if g.i in self.by_token and g.i != c.i), org)
            if org is None and role != "ambassador_of":
                for prep in title.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for"):
                        for obj in prep.children:
                            # "a member of the opposition Vente Venezuela party": the name before 'party'
                            named = [obj] if obj.i in self.by_token else [
                                c for c in obj.children if c.dep_ == "compound" and c.i in self.by_token
                                and obj.lemma_.lower() in POSSESSOR_NOUNS] if obj.dep_ == "pobj" else []
                            for n in named:
                                org = self.by_token[n.i].entity
            if org is None and role == "member_of":
                # "X, foreign policy adviser to Azerbaijani President Ilham Aliyev": the served person's state
                org = next((self.by_token[c.i].entity for o in prep_objects(title, {"to"}) if o.i in self.by_token
                            and self.types.get(self.by_token[o.i].entity) == "PERSON"
                            for c in doc[o.left_edge.i:self.by_token[o.i].tok_start] if c.i in self.by_token
                            and self.types.get(self.by_token[c.i].entity) in _ORG_TYPES), None)
            confidence = 0.8
            if org is None:
                org = self._possessor_described(title, role)   # "Its spokesperson, X", "the group's spokesman, X"
            if org is None and any(c.dep_ == "det" and c.lower_ == "the" for c in title.children):
                org, confidence = self._org_named_earlier(title), 0.6
            title_text = " ".join(words + [title.lower_])
            if org is None and role in ("leader_of", "member_of") and not any(
                    w in NOT_STATE_OFFICES for w in _without_civil_generals(words + [title.lower_])) \
                    and not prep_objects(title, {"of", "for", "at"}) and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in title.children):
                # "X, the interior minister": the state the office holders table gives the person
                org, confidence = self._known_office(m, role, title_text), KNOWN_OFFICE_CONFIDENCE
            if org is None or org == m.entity or self.types.get(org) not in _ORG_TYPES:
                continue
            start, end = self._sentence_bounds(root)
            # "two Israeli ministers, A and B": every person listed after a plural title holds it
            listed = set()
            if title.tag_ == "NNS" and all(t.i in self.by_token or t.lower_ in (",", "and") for t in doc[title.i + 1:m.tok_start]):
                last = m.tok_end
                while last < len(doc) and (last in self.by_token and self.types.get(self.by_token[last].entity) == "PERSON"
                                           or doc[last].lower_ in (",", "and")):
                    last += 1
                listed = {self.by_token[i].entity for i in range(title.i + 1, last) if i in self.by_token
                          and self.types.get(self.by_token[i].entity) == "PERSON"}
            for person in [m.entity] + sorted(listed - {m.entity}):
                out.append(RawRelation(person, org, self._fit(role, org, " ".join(words + [title.lower_])), start, end, False,
                                       None, confidence, title.text))
        return out

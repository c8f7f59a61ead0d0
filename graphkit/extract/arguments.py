"""Arguments of a relation: which entities a noun phrase, a subject or an agent stands for.

Coordination, possessives and modifiers ("Russia's invasion", "South Korea-U.S. drills"),
appositions and titles ("Russia's ambassador, Ivan Petrov"), unnamed crowds ("protesters"),
groups listed with "including", 'we' in a quote, and what "the launch" or "a move" refers to.
A mixin of RelationExtractor: it reads the extractor's doc, mentions, lexicon and coreference.
"""
from __future__ import annotations

from ..resolve.names import entity_id

from .syntax import (MODIFIER_DEPS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, children, conjuncts, coordination_top,
                     governing_chain, is_infinitive, is_negated, is_passive, main_verb_hung_on_relative, prep_objects, relative_antecedent,
                     standing_for)
from .wordlists import (PERSON_NOUNS, QUANTIFYING_PRONOUNS, TRADED_GOODS_NOUNS, MAKING_VERBS, COMMITMENT_NOUNS, POPULATION_NOUNS, UNREALISED_NOUNS, PARTITIVE_NOUNS, QUANTITY_NOUNS, SUBJECT_CONTROL_PREPS, OBJECT_CONTROL_PREPS, CROWD_NUMBERS,
                        CROWD_NOUNS, STATE_PEOPLE, PRIVATE_PEOPLE, ALLIANCE_NOUNS, CONDUCT_NOUNS, VOICED_NOUNS, _PROTESTING, ACT_NOUN_VERBS,
                        HOLDING_NOUNS, SITE_NOUNS, LOCATING_PREPS, AFFILIATION_VERBS, PROTEST_CROWDS, SUMMARY_NOUNS,
                        names_armed_group, RELATIVE_PRONOUNS, _ACT_WINDOW_SENTENCES, act_noun_verb, ASPECT_NOUNS, ENVOY_NOUNS,
                        FORCE_COLLECTIVES, AGENT_NOUN_VERBS, GROUP_MEMBER_NOUNS, PLACE_NOUNS, STATEMENT_NOUNS, ISSUING_VERBS, STREET_PROTEST_VERBS,
                        _LEAD_SENTENCES)


class ArgumentFinder:
    """Entity keys for the tokens a relation rule points at (see RelationExtractor)."""

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
                out += self._forces_named_beside(t, m)
                continue
            named = self._apposed_mentions(t)
            after = self.by_token.get(t.i + 1)
            if not named and t.lemma_.lower() in PLACE_NOUNS and after is not None and self.types.get(after.entity) in ("GPE", "LOC"):
                named = [after]   # "the capital Sanaa", however the parser hangs the name
            if named and t.pos_ == "NOUN":
                # "the capital Sanaa", "the rebel group M23": the name in apposition
                out += [n.place_entity if place and n.place_entity else n.entity for n in named]
                continue
            if t.pos_ == "NOUN" and t.lemma_.lower() in GROUP_MEMBER_NOUNS:
                # "fighters from the Africa Corps", "Hamas-led militants": the group they belong to
                groups = [k for o in prep_objects(t, {"from", "of"}) for k in self.entities_of(o, coref=False)
                          if self.types.get(k) == "ORG"] + self._led_by(t)
                # "border guards from Kyrgyzstan and Tajikistan": each state's forces
                groups = groups or [self._state_forces(k) for o in prep_objects(t, {"from"})
                                    for k in self.entities_of(o, coref=False) if self.types.get(k) == "GPE"]
                if groups:
                    out += groups
                    continue
            if t.pos_ == "NOUN" and t.lemma_.lower() in ("delegation", "team"):
                heads = [self.by_token[o.i].entity for a in t.children if a.dep_ == "acl" and a.lemma_ in ("lead", "head")
                         for o in prep_objects(a, {"by"}) if o.i in self.by_token
                         and self.types.get(self.by_token[o.i].entity) == "PERSON"]
                if heads:
                    out += heads   # "a delegation led by Mossad chief X": talks with X
                    continue
            if t.pos_ == "NOUN" and t.dep_ == "appos" and t.head.i in self.by_token and t.head.i < t.i \
                    and self._is_actor_noun(t) and not self._sums_up_clause(t):
                out.append(self.by_token[t.head.i].entity)   # "Podemos, the small party that backed X"
                continue
            if coref:
                keys = self.coref.resolve_all(t) if not place else [k for k in [self.coref.resolve(t, place=place)] if k]
                if keys:
                    out += keys
                    continue
            if t.pos_ == "NOUN" and t.lemma_.lower() in AGENT_NOUN_VERBS and coref and any(
                    c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in t.children) and not any(
                    c.dep_ in ("amod", "compound", "poss") for c in t.children):
                # "the mediators": whoever the text said mediated
                agents = self._earlier_agents(t, AGENT_NOUN_VERBS[t.lemma_.lower()])
                if agents:
                    out += agents
                    continue
            if t.lemma_.lower() in self.collective_actors and t.pos_ == "NOUN":
                out.append(self._collective(t))
                continue
            antecedent = self._quantified_relative(t)
            if antecedent is not None:
                out += self.entities_of(antecedent, coref=coref, place=place)   # "Russia and China, both of which ..."
                continue
            if coref and t.pos_ == "PRON" and t.lower_ in ("they", "them"):
                crowd = self._crowd_before(t)
                if crowd is not None:
                    out.append(self._collective(crowd))   # "Protesters marched ... police dispersed them"
                    continue
            if t.lower_ in ("we", "us", "our") and coref:
                speaker = self._quoted_speaker(t)
                if speaker:
                    out += speaker   # '"We talked with Ruto," the Somali president said'
                    continue
            if t.lower_ in CROWD_NUMBERS and t.dep_ == "nsubj":
                crowd = prep_objects(t, {"of"})
                if all(o.lemma_.lower() in CROWD_NOUNS for o in crowd):
                    out.append(self._collective_key("people"))   # "Thousands (of people) protested": a crowd
                    continue
                if t.head.lemma_ in STREET_PROTEST_VERBS and all(o.lemma_.lower() in self.collective_actors for o in crowd):
                    # "Hundreds of Nicaraguan exiles protested": the crowd, not the state it comes from
                    out += [self._as_protesters(self._collective_key(o.lower_)) for o in crowd]
                    continue
            # "met IMF Managing Director Kristalina Georgieva": a capitalised title is a PROPN
            is_title = t.pos_ in ("NOUN", "PROPN") and self.lex.role_of_title(t.lemma_.lower()) is not None
            governing = t.lemma_.lower() in self.governing or t.lower_ in self.governing
            if (modifiers or is_title) and t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                # "Russia's ambassador, Ivan Petrov": the named person in apposition
                named = [m.entity for m in self._apposed_mentions(t)]
                if named:
                    out += named
                    continue
                members = self._listed_members(t)
                if members:
                    out += members   # "seven countries, including Argentina, Chile and Peru"
                    continue
                if t.lemma_.lower() in PLACE_NOUNS or t.lemma_.lower() in POPULATION_NOUNS:
                    # "Moldova's breakaway region of Transnistria" is Transnistria, not Moldova;
                    # "solidarity with the people of Sudan": Sudan
                    named_of = [self.by_token[o.i].entity for o in prep_objects(t, {"of"}) if o.i in self.by_token]
                    if named_of:
                        out += named_of
                        continue
                if t.tag_ == "NNS" and t.lemma_.lower() in PRIVATE_PEOPLE and self._named_by_nationality(t):
                    continue   # "two Ukrainian citizens", "Russian individuals": not the state
                if t.lemma_.lower() in ALLIANCE_NOUNS and any(c.dep_ == "poss" for c in t.children) and not any(
                        c.dep_ in ("amod", "compound") and c.i in self.by_token for c in t.children):
                    continue   # "stood by its treaty ally": the ally, unnamed, is not the one it belongs to
                    # (but "stands with our Philippine allies" names them)
                mods = self.modifier_entities(t, coref=coref, place=place)
                if not mods and self._sums_up_clause(t):
                    # "..., a move that drew condemnation": the move is the main clause's act
                    out += [k for k in self.subjects(t.sent.root) if k]
                    continue
                if mods and is_title and t.tag_ == "NNS" and not self._speaks_or_acts(t) \
                        and t.lemma_.lower() not in ENVOY_NOUNS and not (coordination_top(t).dep_ == "pobj"
                                                                         and coordination_top(t).head.lower_ in ("with", "between")):
                    # "sanctioned Venezuelan officials": unnamed officials, no target (guidelines 3.2);
                    # "expelled Russian diplomats" acts on the state they represent; "talks with
                    # Spanish officials" (or "between the ELN and Colombian officials") are talks with Spain
                    continue
                if mods:
                    # "the Ukrainian leader": the person the article names in that office
                    role = self.lex.role_of_title(t.lemma_.lower()) if is_title else None
                    # (not "Venezuelan officials": a plural title is no one office holder); a state has
                    # one leader but many members: "Venezuela's attorney general" is the one with that title
                    # "the Israeli prime minister": an adjective of the title is part of it (not the name)
                    title = self._title_words(t)
                    role = self.lex.role_of_title(title) or role if is_title else None
                    holder = (self.role_holders.get((mods[0], title))
                              or (self.role_holders.get((mods[0], role)) if role != "member_of" else None)
                              ) if role and t.tag_ not in ("NNS", "NNPS") else None
                    if governing:
                        # "the Biden administration", "Lukashenko's government": the state its
                        # named leader leads
                        mods = [self._state_led_by(k) or k for k in mods]
                    if t.lemma_.lower() in ("country", "nation"):
                        # "his country": the state the person serves
                        mods = [next((o for o in sorted(self.represented(k)) if self.types.get(o) == "GPE"), k)
                                if self.types.get(k) == "PERSON" else k for k in mods]
                    if names_armed_group(t):
                        # "the ministry said its forces captured ...": the state's forces
                        mods = [self.org_states.get(k, k) for k in mods]
                        if any(c.tag_ == "PRP$" for c in t.children):
                            mods = [self._state_forces(k) for k in mods]   # named for what they are
                    elif t.lemma_.lower() in SITE_NOUNS and any(c.tag_ == "PRP$" for c in t.children):
                        # "the defence ministry said enemy troops fired on its posts": the state's posts
                        mods = [self.org_homes.get(k, k) for k in mods]
                    out += [holder] if holder else mods
                    continue
                holder = self._sole_holder(t) if is_title and coref else None
                if holder:
                    out.append(holder)   # "called on the prime minister to publish it": the one the text named so
                    continue
                holders = [k for o in prep_objects(t, {"of"}) for k in self.entities_of(o, coref=coref)
                           if self.types.get(k) not in ("GPE", "LOC")] if t.lemma_.lower() in SITE_NOUNS else []
                if holders:
                    out += holders   # "two strongholds of Jaish al-Adl in Balochistan": who holds them
                    continue
                # "the drills by South Korea", "the outskirts of Kyiv"
                preps = {"by"}
                if place and t.pos_ == "NOUN" and t.lemma_.lower() not in PARTITIVE_NOUNS:
                    # "hit an oil refinery in Samara": the town is the target (not "ships in the Red Sea")
                    out += [k for o in prep_objects(t, LOCATING_PREPS)
                            for k in self.entities_of(o, coref=coref, place=place) if self.types.get(k) == "GPE"]
                if t.lower_ in QUANTITY_NOUNS or t.lemma_.lower() in ASPECT_NOUNS:
                    preps |= {"of"}   # "thousands of protesters", "the scale of U.S. aid"
                if t.lemma_.lower() in PARTITIVE_NOUNS:
                    preps |= {"of", "in"} if place else {"of"}
                if governing:
                    preps |= {"of", "in"}   # "the government of Bangladesh", "the government in Havana"
                elif t.lemma_.lower() in HOLDING_NOUNS or t.lower_ in CONDUCT_NOUNS:
                    preps |= {"of"}   # "the assets of X", "the aggressive actions of the China Coast Guard"
                if t.lemma_.lower() in self.messages or t.lemma_.lower() in self.allegations or t.lemma_.lower() in VOICED_NOUNS:
                    preps |= {"from"}   # "rebuffed calls from France", "criticism from the UN"
                # "ten individuals linked to Hamas": people stand for the group they belong to
                out += [k for acl in children(t, {"acl"}) if acl.lemma_.lower() in AFFILIATION_VERBS
                        for o in prep_objects(acl, {"to", "with"}) for k in self.entities_of(o, coref=coref)]
                if t.lemma_.lower() in STATE_PEOPLE or is_title:
                    preps |= {"from"}   # "expelled diplomats from Chile"
                if t.lemma_.lower() in TRADED_GOODS_NOUNS:
                    preps |= {"from"}   # "tariffs on imports from the United States"
                out += [k for acl in children(t, {"acl"}) if acl.lemma_.lower() in MAKING_VERBS
                        for o in prep_objects(acl, {"in", "by"}) for k in self.entities_of(o, coref=coref)
                        if self.types.get(k) in ("GPE", "ORG")]   # "duties on buses made in China"
                if t.lemma_.lower() in ("official", "diplomat"):
                    preps |= {"in"}   # "officials in both capitals", "diplomats in Kyiv"
                if is_title and t.tag_ == "NNS":
                    preps |= {"of"}   # "the foreign ministers of the three allies said"
                named = [k for o in prep_objects(t, preps - {"in"}) for k in self.entities_of(o, coref=coref, place=place)]

                if not named and "in" in preps:
                    # "the outskirts in Kharkiv region"; not "the village of X in the Y region"
                    named = [k for o in prep_objects(t, {"in"}) for k in self.entities_of(o, coref=coref, place=place)]
                following = t.doc[t.i + 1] if t.i + 2 < len(t.doc) else None
                if not named and governing and following is not None and following.lower_ == "in" \
                        and following.head.i != t.i and t.i + 2 in self.by_token \
                        and self.types.get(self.by_token[t.i + 2].entity) == "GPE":
                    # "urged the government in Caracas to ...": the parser hangs 'in' on the verb
                    named = [self.by_token[t.i + 2].entity]
                out += named
        return list(dict.fromkeys(k for k in out if k))

    def _named_by_nationality(self, noun) -> bool:
        """The noun's only named modifiers are nationality adjectives ("Russian companies")."""
        named = [self.by_token[c.i] for c in noun.children if c.dep_ in MODIFIER_DEPS and c.i in self.by_token]
        return bool(named) and all(m.form == "adjective" for m in named)

    def _led_by(self, noun) -> list[str]:
        """'Hamas-led militants', 'the Saudi-led coalition': the leading actor."""
        out = []
        for c in noun.children:
            if c.dep_ == "amod" and c.lower_ == "led":
                out += [self.by_token[g.i].entity for g in c.children
                        if g.i in self.by_token and g.i < c.i and g.dep_ in ("npadvmod", "compound", "nmod", "amod")]
        return out

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

    def _crowd_before(self, pronoun):
        """The unnamed group 'they' / 'them' stands for when no named actor fits: the nearest
        plural collective noun before it, in its sentence or the one before, that is not the
        subject of the pronoun's own clause ("police fired tear gas to disperse them")."""
        sentence = pronoun.sent
        start = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        clause = self._clause_head(pronoun) or sentence.root
        own = set()
        while True:   # the subjects of the clause and of the clauses it hangs on ("to disperse them")
            own |= {s.i for s in children(clause, SUBJECT_DEPS)}
            if clause.dep_ not in ("xcomp", "advcl", "conj") or clause.head.i == clause.i:
                break
            clause = clause.head
        for t in reversed(self.doc[start:pronoun.i]):
            if t.pos_ == "NOUN" and t.tag_ == "NNS" and t.lemma_.lower() in self.collective_actors:
                if t.i in own:
                    continue   # the clause's own actors are not 'them'
                if self.by_token.get(t.i) is None and not self.modifier_entities(t, coref=False):
                    return t
                return None
        return None

    def _collective(self, token) -> str:
        """Unnamed collective actors ("protesters", "police") become entities when they act;
        the crowd of a protest is one entity, 'protesters', whatever the text calls it."""
        mods = self.modifier_entities(token, coref=False) or [
            # "the rebels of the Mwezi Front", "fighters from the RSF": the named group
            self.by_token[o.i].entity for o in prep_objects(token, {"of", "from"})
            if o.i in self.by_token and self.types.get(self.by_token[o.i].entity) == "ORG"]
        label = token.lower_ if token.tag_ in ("NNS", "NNPS") or token.lower_ == "police" else token.lemma_.lower() + "s"
        # "farmers protested", "students staged protests / held a rally": the crowd protests
        protesting = token.dep_ == "nsubj" and (token.head.lemma_ in STREET_PROTEST_VERBS or any(
            ACT_NOUN_VERBS.get(o.lemma_.lower()) is _PROTESTING for o in children(token.head, OBJECT_DEPS)))
        if mods and protesting and token.lemma_.lower() not in FORCE_COLLECTIVES:
            return self._as_protesters(self._collective_key(label))   # "French farmers protested": a crowd
        if mods:
            return mods[0]  # "Georgian police": the state's police counts as the state's
        if token.lower_ == "police" and self.named_police:
            return self.named_police   # "riot police" where the article names one police force
        if token.lemma_.lower() in PROTEST_CROWDS or protesting:
            # "supporters rallied ..., demanding X": a crowd that rallies is the protesters
            return self._as_protesters(self._collective_key(label))
        return self._collective_key(label)

    def _forces_named_beside(self, noun, mention) -> list[str]:
        """'Indian and Pakistani troops': NER names one military ("Pakistani troops"); each other
        nationality coordinated before it names another state's military."""
        if self.types.get(mention.entity) != "ORG" or not names_armed_group(noun):
            return []
        out = []
        for modifier in (c for c in noun.children if c.dep_ in ("amod", "nmod", "compound") and c.i < mention.tok_start):
            for adjective in [modifier] + list(modifier.conjuncts):
                state = self.by_token.get(adjective.i)
                if adjective.i >= mention.tok_start or state is None or self.types.get(state.entity) != "GPE":
                    continue
                key = entity_id("ORG", f"{adjective.text} military")
                if key not in self.types:
                    self.types[key] = "ORG"
                    self.extra_entities[key] = f"{adjective.text} military"
                    self.org_states[key] = state.entity
                out.append(key)
        return out

    def _state_forces(self, state: str) -> str:
        """A state's armed forces, as an entity ('Russian military'), when the text speaks of
        them ("Russia said its forces ..."); the state itself if it has no adjective."""
        label = self.state_forces.get(state) if self.types.get(state) == "GPE" else None
        if label is None:
            return state
        key = entity_id("ORG", label)
        if key not in self.types:
            self.types[key] = "ORG"
            self.extra_entities[key] = label
            self.org_homes[key] = state
        return key

    def _collective_key(self, label: str) -> str:
        key = f"norp:{label}"
        if key not in self.extra_entities:
            self.extra_entities[key] = label
            self.types[key] = "NORP"
        return key

    def _quantified_relative(self, token):
        """'Russia and China, both of which have voiced support': the named phrase before the
        comma that 'both / all / each of which' stands for (the head of its coordination)."""
        if token.lower_ not in QUANTIFYING_PRONOUNS or not any(o.lower_ in ("which", "whom") for o in prep_objects(token, {"of"})):
            return None
        start = token.left_edge.i
        if start < 2 or self.doc[start - 1].text != ",":
            return None
        return coordination_top(self.doc[start - 2])

    def between_parties(self, objects) -> list[str]:
        """The parties named after 'between': each object's entities, and the names the parser
        may fold into one object's modifiers ("clashes between the M23 and Congolese troops",
        parsed as '(M23 and Congolese) troops')."""
        parties = []
        for t in objects:
            parties += self.entities_of(t)
            for c in t.children:
                if c.dep_ in ("nmod", "compound", "amod") and c.i < t.i and children(c, {"conj"}):
                    parties += [self.by_token[x.i].entity for x in conjuncts(c) if x.i in self.by_token]
        return list(dict.fromkeys(k for k in parties if k))

    def _act_agents(self, noun, generic: bool = False) -> list[str]:
        """'the launch', 'the strikes' (definite, no modifier): the agents of the nearest earlier
        act of that kind, in this sentence or the two before ("North Korea fired a missile ...
        Japan condemned the launch"); generic: also 'such launches' and a bare plural ('repeated
        launches are unacceptable', judged right after the act)."""
        lemma = noun.lemma_.lower()
        verbs = ACT_NOUN_VERBS.get(lemma)
        determiners = ("the", "this", "that", "these", "those") + (("such",) if generic else ())
        bare_plural = generic and noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in noun.children)
        if verbs is None or not (bare_plural or any(c.dep_ in ("det", "amod") and c.lower_ in determiners for c in noun.children)):
            return []
        # the noun's own verb first: "the attack" is the one someone "attacked", before a
        # later retaliatory strike (lexical repetition is the strongest cue of the same event)
        own = act_noun_verb(lemma)
        return (self._earlier_agents(noun, {own}) if own in verbs else []) or self._earlier_agents(noun, verbs)

    def _earlier_agents(self, noun, verbs) -> list[str]:
        """The agents of the nearest earlier clause whose verb is one of `verbs` (any verb if
        empty): in the window before `noun`, nearest first, then in the lead."""
        here = self.coref.sent_index.get(noun.i, 0)
        # the window before the noun, nearest first, then the lead, where news tells its main act
        sentence_starts = self.coref.sentence_starts
        window_start = sentence_starts[max(here - _ACT_WINDOW_SENTENCES, 0)]
        lead_end = min(sentence_starts[min(_LEAD_SENTENCES, len(sentence_starts) - 1)], window_start) \
            if here - _ACT_WINDOW_SENTENCES > 0 else 0
        positions = list(range(noun.i - 1, window_start - 1, -1)) + list(range(lead_end - 1, -1, -1))
        for t in (self.doc[i] for i in positions):
            if t.pos_ not in ("VERB", "NOUN"):
                continue
            agents = self._agents_of_earlier(t, noun, verbs)
            if agents:
                agents = [a for a in agents if self.types.get(a) != "LOC" and a not in self.places_only]
                if agents:
                    return agents   # places do not act ("the Balochistan attack")
        return []

    def _agents_of_earlier(self, t, noun, verbs) -> list[str]:
        """The agents of token `t` as an earlier telling of the act `noun` names, if it is one."""
        if t.is_ancestor(noun):
            return []   # "Lima condemned the decision": not the verb that names it
        if t.pos_ == "VERB" and (t.lemma_.lower() in verbs or not verbs) and t.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl"):
            # "has seen thousands of Hondurans expelled": a bare participle's subject is its patient
            bare_participle = t.tag_ == "VBN" and not any(a.lemma_ == "have" for a in children(t, {"aux"}))
            agents = self.passive_agents(t) if is_passive(t) or bare_participle else self.subjects(t)
            if agents and verbs and verbs <= _PROTESTING:
                agents = [self._as_protesters(a) for a in agents]   # the crowd that protested
            return agents
        if t.pos_ == "NOUN" and t.lemma_ == noun.lemma_ and t.dep_ == "dobj" and t.head.pos_ == "VERB" \
                and not self._speaks_of(t.head):
            # "North Korea has conducted multiple missile launches" (not "X condemned the
            # attack": the speaker of an earlier mention is no agent of the act)
            return self.modifier_entities(t) or self.subjects(t.head)
        if t.pos_ == "NOUN" and t.i != noun.i and (t.lemma_ == noun.lemma_ or verbs and ACT_NOUN_VERBS.get(t.lemma_.lower()) is verbs):
            # "U.S. strikes on Sanaa killed 31 ... Iran condemned the strikes"
            return self.modifier_entities(t, coref=False) or [
                k for o in prep_objects(t, {"by"}) for k in self.entities_of(o, coref=False)]
        return []

    @staticmethod
    def _relative_without_pronoun(verb) -> bool:
        """'officials [it accused]', 'a move [Frelimo called interference]': a clause on a noun
        whose subject is named, so the noun is its object."""
        subjects = children(verb, SUBJECT_DEPS)
        return bool(subjects) and not any(s.lower_ in RELATIVE_PRONOUNS or any(   # not "whose governments pushed"
            c.dep_ == "poss" and c.lower_ == "whose" for c in s.children) for s in subjects)

    @staticmethod
    def _speaks_or_acts(noun) -> bool:
        """The noun is an agent or a source: a subject, 'by X', 'from X', 'according to X'
        ("Ukrainian officials said": they speak for Ukraine)."""
        return noun.dep_ in ("nsubj", "nsubjpass", "appos") or (
            noun.dep_ == "pobj" and noun.head.lower_ in ("by", "from", "to", "among"))

    def _speaks_of(self, verb) -> bool:
        """A verb that speaks about an act ("condemned the attack"), not one that performs it."""
        lemma = verb.lemma_.lower()
        return lemma in self.lex.speech_verbs or any(f.relation in self.speech_acts for f in self.lex.verb_frames(lemma))

    @staticmethod
    def _indefinite_after_comma(token) -> bool:
        """', a move ...', ', a demand ...', ', drills that ...': an indefinite noun phrase (or a
        bare plural) opened by a comma."""
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) or (
            token.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in token.children))
        return indefinite and token.doc[max(token.i - 1 - sum(1 for c in token.children if c.i < token.i), 0)].text == ","

    def _sums_up_clause(self, token) -> bool:
        """'a move', 'a decision', 'steps' in apposition after a comma: it names the sentence's
        main act. (An act noun such as ', an attack that ...' often tells a new act: not these.)"""
        lemma = token.lemma_.lower()
        root = token.sent.root
        # ", drills that Beijing denounced" after "held joint patrols": an act noun naming the
        # main verb's own kind of act
        names_main_act = lemma in SUMMARY_NOUNS or root.lemma_.lower() in ACT_NOUN_VERBS.get(lemma, ())
        return (names_main_act and token.dep_ in ("appos", "dobj", "npadvmod")
                and token.i > root.i and self._indefinite_after_comma(token))

    def _is_actor_noun(self, token) -> bool:
        """A name, or a noun for a group that can act ("rebels", "the government"), not a thing
        ("Iranian-made drones supplied by Russia" names no recipient)."""
        lemma = token.lemma_.lower()
        return (token.i in self.by_token or lemma in self.collective_actors or lemma in self.governing
                or names_armed_group(token) or self._sums_up_clause(token))

    def _title_words(self, t) -> str:
        """A title noun with the words before it that belong to it: "prime minister", "Israeli
        prime minister" (an adjective that names a place is not part of it)."""
        return " ".join([c.lower_ for c in t.children if c.i < t.i and (c.dep_ == "compound" or (
            c.dep_ == "amod" and c.i not in self.by_token))] + [t.lower_])

    def _sole_holder(self, title_noun) -> str | None:
        """'the prime minister', 'the president' (a bare definite title): the one person the article
        names with that title, if only one."""
        t = title_noun
        if t.tag_ not in ("NN", "NNP") or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
                or any(c.dep_ in ("poss", "prep") or c.i in self.by_token for c in t.children):
            return None
        # ("the prime minister": 'prime' may be tagged an adjective; "the former president" is no title)
        title = self._title_words(t)
        people = {person for (org, name), person in self.role_holders.items() if name == title}
        return next(iter(people)) if len(people) == 1 else None

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
                elif x.dep_ == "poss" and x.pos_ == "NOUN" and x.lemma_.lower() in self.collective_actors:
                    out.append(self._collective(x))   # "condemned the rioters' violence"
                elif x.lower_ == "whose" and x.i < noun.i:
                    # "Azerbaijan, whose drones struck ...": the relative clause's antecedent
                    clause = noun
                    while clause.dep_ != "relcl" and clause.head.i != clause.i:
                        clause = clause.head
                    if clause.dep_ == "relcl":
                        out += self.entities_of(relative_antecedent(clause), coref=coref, place=place)
            # "South Korea-U.S. drills": one name hangs off the other
            for g in c.children:
                if g.dep_ in MODIFIER_DEPS and g.i in self.by_token and g.i < c.i:
                    out.append(self.by_token[g.i].entity)
        return list(dict.fromkeys(out))

    def _issued_statement(self, noun) -> bool:
        """A statement, resolution or message that the clause's verb issues or adopts (not "did
        not sign the statement condemning X": what it says is not the refuser's)."""
        return noun.pos_ == "NOUN" and noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in ISSUING_VERBS and (
            noun.lemma_.lower() in STATEMENT_NOUNS or noun.lemma_.lower() in self.messages) and not is_negated(noun.head)

    def _statement_authors(self, noun, depth: int) -> list[str]:
        verb = noun.head
        return self.passive_agents(verb) if noun.dep_ == "nsubjpass" else self.subjects(verb, depth + 1)

    def _state_led_by(self, key: str) -> str | None:
        """The state a person leads: by a title in this article, else by the office holders
        table, when the article names that state."""
        if key in self.led_by or self.types.get(key) != "PERSON":
            return self.led_by.get(key)
        state = self.lex.office_state_of_names((m.text for m in self.coref.mentions if m.entity == key), "leader_of", "")
        return entity_id("GPE", state) if state is not None and entity_id("GPE", state) in self.types else None

    def _apposed_mentions(self, noun) -> list:
        """Named mentions in apposition to `noun` ("the rebel group M23"); for a plural noun, every
        name of that kind in the apposition ("two ministers, Itamar Ben-Gvir and Bezalel Smotrich"),
        however the parser hung the hyphenated ones."""
        appositions = [c for c in noun.children if c.dep_ == "appos" and c.i in self.by_token]
        if not appositions and self.lex.role_of_title(noun.lemma_.lower()) is not None:
            # "His envoy for Libya, Hanna Tetteh, met ...": the parser hangs the name on the place
            appositions = [c for o in prep_objects(noun, {"for", "to", "in", "on"}) for c in o.children
                           if c.dep_ == "appos" and c.i in self.by_token
                           and self.types.get(self.by_token[c.i].entity) == "PERSON"]
        if not appositions and noun.tag_ == "NN" and (self.lex.role_of_title(noun.lemma_.lower()) is not None
                                                      or noun.lemma_.lower() in PERSON_NOUNS):
            # "sanctions on the party's founder, billionaire X, on Friday": the parser may hang the
            # name on the verb; a comma, at most two common words, then a name that the next comma ends
            appositions = self._name_after_comma(noun)
        named = [self.by_token[c.i] for c in appositions]
        if named and noun.tag_ == "NNS":
            last, kind = max(c.right_edge.i for c in appositions), self.types.get(named[0].entity)
            for i in range(noun.i + 1, last + 1):
                m = self.by_token.get(i)
                if m is not None and m.entity and self.types.get(m.entity) == kind and all(m is not n for n in named):
                    named.append(m)
        return named

    def _name_after_comma(self, noun) -> list:
        """The name set off by commas right after `noun` (past up to two common nouns or
        adjectives: 'founder, billionaire X,'), as its root token, else []."""
        doc, i = self.doc, noun.i + 1
        if i >= len(doc) or doc[i].text != ",":
            return []
        i += 1
        skipped = 0
        while i < len(doc) and i not in self.by_token and doc[i].pos_ in ("NOUN", "ADJ") and skipped < 2:
            i += 1
            skipped += 1
        m = self.by_token.get(i)
        if m is None or m.tok_start != i or m.tok_end >= len(doc) or doc[m.tok_end].text not in (",", "."):
            return []
        return [doc[m.root]]

    def subjects(self, verb, depth: int = 0) -> list[str]:
        subj = children(verb, SUBJECT_DEPS) or [
            s for a in children(verb, {"aux", "auxpass"}) for s in children(a, SUBJECT_DEPS)] or [   # parser quirks
            c for c in verb.children if c.dep_ in ("amod", "nmod", "npadvmod", "compound") and c.i < verb.i
            and c.i in self.by_token and c.text[:1].isupper() and verb.pos_ == "VERB"]   # "Kigali [amod] denies"
        if verb.dep_ == "relcl":
            # "Norway, which has sent tanks": the relative pronoun stands for the head noun
            subj = standing_for(subj, verb)
            if subj == [verb.head] and self._issued_statement(verb.head) and not self.entities_of(verb.head):
                # "the Council adopted a resolution that condemned X": the resolution's authors
                return self._statement_authors(verb.head, depth)
        if subj:
            return [k for s in subj for k in self.entities_of(s)]
        if depth > 3:
            return []
        if verb.dep_ == "acl" and main_verb_hung_on_relative(verb):
            return self.entities_of(verb.sent.root)
        head = verb.head
        if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ == "VBG" and head.dep_ == "pcomp":
            # "accused Venezuela of sending troops ... and requested a session": a finite verb is
            # not coordinated with the gerund, but with the verb the gerund depends on
            governor = head.head.head
            if governor.pos_ in ("VERB", "AUX") and governor.tag_ in ("VBD", "VBZ", "VBP", "VBN"):
                return self.subjects(governor, depth + 1)
        if verb.dep_ == "conj" and head.i != verb.i:
            speaker_verb = self.speaker_verb_of_conjunct(verb)
            return self.subjects(speaker_verb if speaker_verb is not None else head, depth + 1)
        if verb.dep_ == "xcomp":
            obj = children(head, OBJECT_DEPS) or (prep_objects(head, {"on", "upon"}) if head.lemma_ == "call" else [])
            if obj and head.lemma_ in ("urge", "ask", "call", "force", "order", "tell", "allow", "help", "invite", "encourage", "press", "push"):
                return [k for o in obj for k in self.entities_of(o)]
            if is_passive(head) and children(head, PASSIVE_SUBJECT_DEPS):
                # "X was allowed / asked / ordered to leave": the one allowed acts
                return [k for o in standing_for(children(head, PASSIVE_SUBJECT_DEPS), head) for k in self.entities_of(o)]
            return self.subjects(head, depth + 1)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and self._issued_statement(head):
            # "Washington and Rome issued a statement urging X to ...": the statement's authors
            return self._statement_authors(head, depth)
        if verb.dep_ == "acl" and head.lemma_.lower() in COMMITMENT_NOUNS | UNREALISED_NOUNS and is_infinitive(verb):
            # "Washington's decision to impose sanctions", "the EU's plan to ...": the possessor decides
            return self.modifier_entities(head)
        if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            return self.entities_of(head)
        controller = self._object_controller(verb)
        if controller is not None:
            # "accused Kigali of backing the rebels", "thanked Japan for sending aid": the
            # object of the governing verb does the act of the gerund
            return self.entities_of(controller)
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ in SUBJECT_CONTROL_PREPS:
            # "joined the United States in sanctioning X"
            return self.subjects(head.head, depth + 1)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.lemma_ in self.lex.speech_verbs:
            # "Russia launched drones, the air force said, damaging facilities": the reported act's agent
            told = [c for c in head.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i]
            if told:
                return self.subjects(told[-1], depth + 1)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and (
                verb.lemma_ in self.lex.speech_verbs or self._accusing(verb) or self._requesting(verb)):
            # "Drones struck X, the army said, blaming the RSF": a speech act goes with the speaker
            # (not "..., the air force said, damaging power plants": the act's result)
            told = [c for c in head.children if c.dep_ == "parataxis" and c.lemma_ in self.lex.speech_verbs
                    and head.i < c.i < verb.i]
            if told:
                return self.subjects(told[-1], depth + 1)
            if head.dep_ == "ccomp" and head.head.lemma_ in self.lex.speech_verbs and verb.doc[verb.i - 1].text == "," \
                    and not self.subjects(head, depth + 1):
                # "Hamas said the offer was fair, accusing Netanyahu of ...": the parser hangs the
                # speaker's own act on the reported clause, whose subject is no actor
                return self.subjects(head.head, depth + 1)
        before = verb.doc[verb.i - 2] if verb.i >= 2 else None
        if verb.dep_ == "advcl" and before is not None and verb.doc[verb.i - 1].lower_ == "to" \
                and before.pos_ == "NOUN" and names_armed_group(before) and before.i != head.i:
            # "condemned the dispatch of North Korean troops to fight against Ukraine": the parser
            # hangs the troops' purpose on the main verb (not "sent thousands of troops to help
            # Russia": unnamed troops leave the act to the sender)
            troops = self.entities_of(before)
            if troops:
                return troops
        if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or is_infinitive(verb)):
            # "..., accusing Moscow of", "took to the streets to protest against X"
            return self.subjects(head, depth + 1)
        return []

    def speaker_verb_of_conjunct(self, verb):
        """'Mao said [Manila had infringed ... and urged it to stop]': the parser hangs the
        speaker's second speech act on the reported clause; it is still the speaker's. Returns
        the speaker's verb ('said', 'denied'), or None when `verb` is no such speech act."""
        if verb.dep_ != "conj" or not (verb.lemma_ in self.lex.speech_verbs or self._requesting(verb) or self._accusing(verb)
                                       or self._evaluating(verb)):
            return None
        if any(c.dep_ == "prt" for c in verb.children):
            return None   # "were disregarding losses and pressing on": a phrasal verb, no speech act
        head = verb.head
        while head.dep_ == "xcomp" and head.head.i != head.i:
            head = head.head   # "said Minsk was trying to blackmail ... and called on Belarus"
        if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children) and head.i < verb.i:
            # "accused Israel ... after Israeli jets struck ..., and called on the UN": the
            # speech act continues the main clause, not the 'after' clause
            return head.head if head.head.pos_ in ("VERB", "AUX") else None
        if head.dep_ == "acl" and head.head.dep_ == "pobj" and head.head.head.head.pos_ in ("VERB", "AUX") \
                and head.head.head.head.lemma_ in self.lex.speech_verbs:
            # "said in a joint statement that the drone had been destroyed ... and accused Algeria":
            # the parser hangs the reported clause on 'statement'
            return head.head.head.head
        if head.dep_ not in ("ccomp", "parataxis"):
            return None
        speaker_verb = head.head
        if not (speaker_verb.lemma_ in self.lex.speech_verbs or speaker_verb.lemma_ in self.lex.denial_verbs):
            return None
        if speaker_verb.i > verb.i and head.dep_ == "ccomp":
            # "X spoke with Vucic and urged him to de-escalate, the State Department said": the
            # speaker comes after the whole report, so both acts are the reported clause's
            return None
        if any(f.relation == "meets" for f in self.verb_frames(head)):
            # "the Kremlin said Putin had spoken with both leaders and urged them to ...": what is
            # said in a reported conversation is the one who talked
            return None
        return speaker_verb

    def _evaluating(self, verb) -> bool:
        """A verb whose every sense is a speech act of judgement ("praised", "denounced")."""
        frames = self.lex.verb_frames(verb.lemma_.lower())
        return bool(frames) and all(f.speech_act and f.relation in ("condemns", "supports", "accuses", "rejects")
                                    for f in frames)   # "said ... and rejected the Vietnamese protest"

    @staticmethod
    def _object_controller(verb):
        """The object that controls a gerund under 'of/for/from/against' (object control):
        'accused [Kigali] of backing', 'blamed [Israel] for striking', 'stopped [X] from
        entering'; the prepositional phrase may hang on the verb or on its object."""
        head = verb.head
        # (the parser may call the gerund the preposition's object: "accuses X of sheltering")
        if not (verb.dep_ in ("pcomp", "pobj") and verb.tag_ == "VBG" and head.dep_ == "prep"
                and head.lower_ in OBJECT_CONTROL_PREPS):
            return None
        holder = head.head
        if holder.ent_type_ in ("DATE", "TIME") and holder.dep_ == "pobj" and holder.head.head.pos_ in ("VERB", "AUX"):
            holder = holder.head.head   # "accused X on Wednesday of opening fire": 'of' hung on the date
        if holder.pos_ in ("VERB", "AUX"):
            objs = [c for c in holder.children if c.dep_ in ("dobj", "nsubjpass") and c.i < head.i]
            return objs[0] if objs else None   # "was barred from meeting X": the passive subject
        if holder.dep_ == "dobj" and holder.head.pos_ in ("VERB", "AUX"):
            return holder
        return None

    def passive_agents(self, verb) -> list[str]:
        by = prep_objects(verb, {"by"})
        if not by and is_passive(verb):
            # "is designated a terrorist organisation by X": the parser hangs "by" on the complement
            by = [o for c in children(verb, {"oprd", "dobj", "attr"}) if c.i not in self.by_token
                  for o in prep_objects(c, {"by"})]
        return [k for o in by for k in self.entities_of(o)]

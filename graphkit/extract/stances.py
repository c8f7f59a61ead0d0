"""Stances named by a word rather than a clause: "Iran-backed militias", "Russia's ally
Belarus", "pro-Russian separatists", "was appalled by the RSF attack". A mixin of RelationExtractor.
"""
from __future__ import annotations

from .records import RawRelation
from .syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, children, conjuncts, prep_objects
from .wordlists import AID_AGENT_NOUNS, ALLIANCE_NOUNS, DISMAY_PREPOSITIONS, HYPHEN_BACKING, SUFFERING_NOUNS


class StanceRules:
    """Support stated in a compound, an alliance noun or a 'pro-' prefix, disapproval in a word
    of dismay (see RelationExtractor)."""

    def _from_dismay(self, word, sent_start, sent_end) -> list[RawRelation]:
        """'The U.S. was deeply disappointed by Sudan's response', 'said he was appalled by the
        RSF attack', 'was angered by Germany's decision': dismay at an actor or its act condemns
        it (not 'shocked by Kennedy's death': what someone suffered)."""
        if word.dep_ == "acomp" or (word.dep_ == "amod" and word.head.lemma_ == "be"):
            state = word.head   # "was concerned about": the copula holds the subject
        elif word.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in word.children):
            state = word        # "was appalled by": an adjectival passive
        else:
            return []
        holders = children(state, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        sources = [k for h in holders for k in self.entities_of(h)]
        stimuli = prep_objects(word, DISMAY_PREPOSITIONS) + (prep_objects(state, DISMAY_PREPOSITIONS) if state is not word else [])
        targets = []
        for o in stimuli:
            if o.i in self.by_token:
                targets += self.entities_of(o)
            elif o.lemma_.lower() not in SUFFERING_NOUNS:
                targets += self.modifier_entities(o) or self._act_agents(o)
        irrealis, negated = self.modality(state)
        return self._emit(sources, targets, "condemns", sent_start, sent_end, 0.6, word.text,
                          irrealis=irrealis, negated=negated, reporter=self.reporter(state))

    def _from_critic_word(self, token, sent_start, sent_end) -> list[RawRelation]:
        """'Canada has been critical of China's record', 'a resolution critical of Tehran',
        'Orban, a critic of the EU', 'Kremlin critic Alexei Navalny': a stated critic condemns
        whom (or whose act) the criticism is of."""
        holders, targets = [], []
        if token.pos_ == "ADJ":
            if token.dep_ == "acomp":
                holders = [k for h in children(token.head, SUBJECT_DEPS) for k in self.entities_of(h)]
            elif token.dep_ == "amod":
                noun = token.head
                holders = self.entities_of(noun) or self.modifier_entities(noun) or (
                    self.subjects(noun.head) if noun.dep_ == "dobj" else [])   # "passed a resolution critical of X"
        elif token.dep_ == "appos" or (token.dep_ == "attr" and token.head.lemma_ == "be"):
            # "Orban, a critic of X" / "Orban is a critic of X"
            holders = self.entities_of(token.head) if token.dep_ == "appos" else [
                k for h in children(token.head, SUBJECT_DEPS) for k in self.entities_of(h)]
            targets = [k for c in token.children if c.dep_ == "poss" and c.i in self.by_token
                       for k in [self.by_token[c.i].entity]]   # "the Kremlin's most prominent critic"
        elif token.dep_ == "compound" and token.head.i in self.by_token:
            # "Kremlin critic Alexei Navalny": the person named after the title-like compound
            holders = [self.by_token[token.head.i].entity]
            targets = [self.by_token[c.i].entity for c in token.children if c.dep_ == "compound" and c.i in self.by_token]
        for o in prep_objects(token, {"of"}):
            targets += self.entities_of(o) or self.modifier_entities(o) or self._act_agents(o)
        targets = [k for k in targets if self.types.get(k) in ("GPE", "ORG", "PERSON", "NORP")]   # "the West"
        if not holders or not targets:
            return []
        irrealis, negated = self.modality(token.head if token.head.pos_ in ("VERB", "AUX") else token)
        return self._emit(holders, targets, "condemns", sent_start, sent_end, 0.55, token.text,
                          irrealis=irrealis, negated=negated, reporter=None)

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

    def _from_allied_modifier(self, token, sent_start, sent_end) -> list[RawRelation]:
        """'government troops and allied Burundian soldiers', 'the army and allied Wazalendo
        militias': the allied ones back those they are coordinated with."""
        noun = token.head
        if token.dep_ == "amod" and noun.dep_ == "conj":
            partner = noun.head
        elif (token.dep_ == "conj" and token.i > 0 and self.doc[token.i - 1].lower_ == "and"
              and not children(token, SUBJECT_DEPS) and children(token, {"dobj"})):
            # the parser's reading: "attacked [Congolese troops] and allied [Burundian soldiers]"
            noun = children(token, {"dobj"})[0]
            partner = next((o for o in children(token.head, {"dobj"}) if o.i < token.i), None)
            if partner is None:
                return []
        else:
            return []
        allies = self.entities_of(noun)
        partners = [k for k in self.entities_of(partner) if k not in allies]
        return [RawRelation(a, p, "supports", sent_start, sent_end, False, None, 0.6, token.text)
                for a in allies for p in partners]

    def _possessed_allies(self, token, sent_start, sent_end) -> list[RawRelation]:
        """'the Malian army and its Russian allies', 'Mali's Russian allies': the adjective names
        the allies, the possessor those they back (not 'a key Russian ally', where Russia is the patron)."""
        owners = [c for c in token.children if c.dep_ == "poss"]
        named = [self.by_token[c.i].entity for c in token.children if c.dep_ == "amod" and c.i in self.by_token]
        if not owners or not named or ALLIANCE_NOUNS.get(token.lemma_.lower(), True):
            return []   # (only nouns whose holders back the possessor: allies, backers; not "Iran's Lebanese proxies")
        if any(o.tag_ == "PRP$" for o in owners) and token.dep_ != "conj":
            return []   # "Canada stands with its Ukrainian allies": the verb says who backs whom
        patrons = [k for o in owners for k in ([self.coref.resolve(o)] if o.tag_ == "PRP$" else self.entities_of(o)) if k]
        return [RawRelation(n, p, "supports", sent_start, sent_end, False, None, 0.6, token.text)
                for n in named for p in patrons if n != p]

    def _from_alliance_noun(self, token, sent_start, sent_end) -> list[RawRelation]:
        """"Russia's ally Belarus", "Belarus, a close ally of Russia" -> supports(Belarus, Russia);
        "Iran, the Houthis' main backer" -> supports(Iran, Houthis); "Iran's proxy Hezbollah"
        -> supports(Iran, Hezbollah) (GUIDELINES 3.1: stated alliance or backing)."""
        doc = self.doc
        i = token.i
        possessed = self._possessed_allies(token, sent_start, sent_end)
        if possessed:
            return possessed
        described = token
        while described.dep_ == "conj" and described.head.pos_ == "NOUN":
            described = described.head   # "Cambodia's biggest investor and closest ally"
        patrons = [self.by_token[c.i].entity for t in {token, described} for c in t.children
                   if c.dep_ in ("poss", "compound") and c.i in self.by_token]   # "Maduro ally X"
        # "an ally of the government in Havana": a governing noun names its state
        patrons += [k for o in prep_objects(token, {"of"})   # "an ally of the communist government": the state
                    for k in self.entities_of(o, modifiers=o.lemma_.lower() in self.governing,
                                              coref=o.lemma_.lower() in self.governing)]
        if not patrons and i >= 2 and doc[i - 1].tag_ == "POS" and (i - 2) in self.by_token:
            patrons.append(self.by_token[i - 2].entity)   # "Russia's ally" parsed loosely
        if not patrons and i >= 2 and doc[i - 1].dep_ == "amod" and doc[i - 1].head.i == i and (i - 1) in self.by_token:
            patrons.append(self.by_token[i - 1].entity)   # "a key Russian ally"
        named = []
        if described.dep_ == "pobj" and described.head.lower_ == "of" and described.head.head.lower_ == "one":
            described = described.head.head   # "one of the strongest backers of Ukraine"
        if described.head.i in self.by_token and (described.dep_ == "appos" or (
                described.dep_ == "conj" and doc[described.left_edge.i - 1].text == ",")):
            # "Belarus, a close ally of Russia" (also parsed as a conjunct after the comma); "China and
            # Russia, the junta's main arms suppliers": every name coordinated before
            named += [self.by_token[c.i].entity for c in conjuncts(described.head) if c.i in self.by_token
                      and c.i < described.i]
        named += [self.by_token[c.i].entity for c in token.children if c.dep_ == "appos" and c.i in self.by_token]
        if not named and i + 1 < len(doc) and (i + 1) in self.by_token and self.by_token[i + 1].tok_start == i + 1:
            named.append(self.by_token[i + 1].entity)   # "ally Belarus"
        if not named and token.dep_ in ("amod", "compound") and token.head.i in self.by_token:
            named.append(self.by_token[token.head.i].entity)   # "proxy Hezbollah" parsed as a modifier
        if not named and described.dep_ == "attr" and described.head.lemma_ in ("be", "become", "remain"):
            named += self.subjects(described.head)   # "Russia is Syria's main ally", "has been one of the backers"
        if not patrons and named and described.dep_ == "appos":
            # "Moscow, its traditional security patron": the possessive pronoun, not the one described
            with self.coref.excluding(avoid=named):
                patrons = [k for c in token.children if c.dep_ == "poss" and c.tag_ == "PRP$"
                           for k in [self.coref.resolve(c)] if k]
        patron_supports = ALLIANCE_NOUNS.get(token.lemma_.lower(), False)
        relation = "aids" if token.lemma_.lower() in AID_AGENT_NOUNS else "supports"
        out = []
        for patron in dict.fromkeys(patrons):
            for client in dict.fromkeys(named):
                if patron == client:
                    continue
                source, target = (patron, client) if patron_supports else (client, patron)
                out.append(RawRelation(source, target, relation, sent_start, sent_end, False, None, 0.6, token.text))
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

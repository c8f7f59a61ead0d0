"""Small helpers over spaCy's dependency parse (tokens in, tokens out)."""
from __future__ import annotations

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj"}
MODIFIER_DEPS = {"poss", "compound", "amod", "nmod"}
NEGATIONS = {"not", "n't", "never", "no", "neither", "nor", "nothing", "none"}
MODAL_IRREALIS = {"would", "could", "might", "may", "should", "can", "shall", "must"}
FUTURE_AUX = {"will", "'ll", "wo"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}


def has_mark(verb, marks) -> bool:
    """The verb's clause is introduced by one of `marks` ('if', 'after', 'that')."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)


def is_infinitive(verb) -> bool:
    """A to-infinitive ('to impose', 'to halt'): the verb has 'to' as its auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_conditional(verb) -> bool:
    """The verb heads an if / unless / whether clause."""
    return has_mark(verb, CONDITIONAL_MARKS)


# "vowed to retaliate after U.S. strikes killed 31 people": a past adjunct the narrator tells as
# fact, whatever the modality of the clause it hangs on
_FACTIVE_MARKS = {"after", "since", "because", "when", "as"}


def is_past_adjunct(verb) -> bool:
    """An adverbial clause of past time or cause: 'after the strikes killed 31 people'."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBD" and has_mark(verb, _FACTIVE_MARKS)


NICKNAMING_VERBS = {"know", "call", "nickname", "dub"}   # "X, known as 'Tiger', who ..."
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}


def children(token, deps):
    return [c for c in token.children if c.dep_ in deps]


def conjuncts(token):
    """The token and the tokens coordinated with it ("the U.S. and Britain"); a list of names
    the small parser hangs as an apposition ("Mali, [Burkina Faso and Niger]") too."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(_titled_name_after(c) or c for c in t.children
                     if c.dep_ == "conj" or (c.dep_ == "appos" and heads_name_list(t, c)))
        # "President Lula da Silva and Argentine President Milei traded barbs": between two
        # titled names the parser hangs the first on the second, the 'and' and the second
        # title on the first
        if t.pos_ == "PROPN" and t.ent_type_ == "PERSON":
            out.extend(c for c in _title_chain(t) for c in c.children if c.dep_ == "nmod" and c.i < t.i
                         and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                         and any(cc.dep_ == "cc" and cc.i > c.i for cc in c.children)
                         and any(cj.dep_ == "conj" and cj.i < t.i for cj in c.children))
        # "the capital Sanaa and the province of Saada": the parser coordinates on the name
        stack.extend(cc for c in t.children if c.dep_ == "appos" and c.i == t.i + 1 and t.pos_ == "NOUN"
                     and c.pos_ == "PROPN" for cc in c.children if cc.dep_ == "conj")
        rest = _detached_list_rest(t) if t.pos_ == "PROPN" and not any(c.dep_ == "conj" for c in t.children) else None
        if rest is not None and rest not in out:
            stack.append(rest)
    return out


def _titled_name_after(word):
    """'President X and [Argentine] President Y': the name a conjoined title word stands before
    (the parser makes the title's first word the conjunct), or None."""
    if word.dep_ != "conj" or word.pos_ not in ("PROPN", "ADJ") or word.ent_type_ not in ("", "NORP"):
        return None
    doc = word.doc
    i = word.i + 1
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].ent_type_ != "PERSON" and doc[i].text[:1].isupper():
        i += 1
    if i < len(doc) and doc[i].ent_type_ == "PERSON":
        while i + 1 < len(doc) and doc[i + 1].ent_type_ == "PERSON" and doc[i + 1].ent_iob_ == "I":
            i += 1   # the name's last word, which the others hang on
        return doc[i]
    return None


def _title_chain(name):
    """The name and the compounds before it it heads ("Foreign Minister" of "Foreign Minister X")."""
    out, stack = [], [name]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "compound" and c.i < t.i)
    return out


def _detached_list_rest(name):
    """'condemnation from the United States, the European Union and the U.N.': the small parser
    hangs 'the European Union and the U.N.' elsewhere; the coordinated names right after
    ", " continue the list."""
    doc = name.doc
    comma = name.right_edge.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    for t in doc[comma + 1:min(comma + 6, len(doc))]:
        if t.left_edge.i == comma + 1 and t.head.i != name.i and t.dep_ in ("npadvmod", "appos", "dobj", "nsubj", "dep") \
                and _coordinates_names(t):
            return t
    return None


def _coordinates_names(name) -> bool:
    """A name with a name coordinated to it: 'Burkina Faso [and Niger]'."""
    return name.pos_ == "PROPN" and any(c.dep_ == "cc" for c in name.children) \
        and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in name.children)


def heads_name_list(head, appos) -> bool:
    """'Mali, Burkina Faso and Niger': a name whose apposition is itself coordinated names."""
    return head.pos_ == "PROPN" and _coordinates_names(appos)


def coordination_top(token):
    """The first member of the coordination `token` is in (what `conjuncts` starts from)."""
    while token.dep_ == "conj" or (token.dep_ == "appos" and heads_name_list(token.head, token)):
        token = token.head
    return token


# particles the parser may call prepositions, with the real preposition under them: "pulled out of X"
_PARTICLE_PREPOSITIONS = {"out", "away", "back", "off"}


def instrument_prep_objects(verb, preps, skip=()):
    """pobj tokens of `preps` the parser hung on the verb's instrument: "opened fire with
    mortars [on a border post]" (an instrument whose index is in `skip` is no instrument)."""
    return [o for m in prep_objects(verb, {"with"}) if m.i not in skip for o in prep_objects(m, preps)]


def prep_objects(token, preps):
    """pobj tokens of `token`'s prepositions whose word is in `preps` ('prep:on' style names stripped)."""
    out = []
    # "pulled back from X": the preposition may hang on the particle/adverb
    heads = [token] + [c for c in token.children if c.i > token.i and (
        c.dep_ in ("prt", "advmod") or (c.dep_ == "prep" and c.lower_ in _PARTICLE_PREPOSITIONS
                                         and not any(o.dep_ == "pobj" for o in c.children)))]   # "out [of X]"
    # "accused X on Wednesday of ...": the parser hangs the 'of' phrase on the date before it
    heads += [o for c in token.children if c.dep_ == "prep" and c.i > token.i
              for o in c.children if o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME")]
    for prep in (p for h in heads for p in h.children):
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            for repeated in [prep] + _repeated_prepositions(prep, token):
                for obj in repeated.children:
                    if obj.dep_ == "pcomp" and free_relative_nouns(obj):
                        out.extend(free_relative_nouns(obj))   # "strikes on what it called militant camps"
                    elif obj.dep_ in ("pobj", "pcomp"):
                        out.extend(conjuncts(obj))
    return out


_NAMING_VERBS = {"call", "describe", "term", "label", "brand", "dub"}
_SAYING_VERBS = {"say", "claim", "believe", "allege"}



def names_free_relative(verb) -> bool:
    """'[what he called Western meddling]': the verb's object is 'what'."""
    return any(w.lower_ == "what" and w.dep_ in ("dobj", "nsubjpass") for w in verb.children)


def free_relative_nouns(verb) -> list:
    """'what it called militant camps', 'what Islamabad said were hideouts of the Taliban': the
    nouns the free relative clause headed by `verb` names ([] when it heads none)."""
    if verb.lemma_ in _SAYING_VERBS and names_free_relative(verb):
        return [n for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"
                for n in c.children if n.dep_ == "attr"]
    if verb.lemma_ not in _NAMING_VERBS or not names_free_relative(verb):
        return []
    named = [n for n in verb.children if n.dep_ in ("oprd", "xcomp", "attr", "dobj") and n.lower_ != "what"]
    # "what it called militant camps in Pakistan": the parser hangs the place on the verb
    return named + [o for p in verb.children if named and p.dep_ == "prep" and p.lower_ in ("in", "inside")
                    for o in p.children if o.dep_ == "pobj"]


def _repeated_prepositions(prep, token):
    """'sanctions on X, and on Y': the second 'on', which the parser coordinates with the first
    or with the verb the phrase hangs on."""
    hosts = [prep, token] + ([token.head] if token.dep_ in ("dobj", "nsubjpass") else [])
    return [c for h in hosts for c in h.children
            if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ == prep.lower_ and c.i > prep.i]


def relative_antecedent(relcl):
    """The noun a relative clause's pronoun stands for: its head, or the named one before a
    nickname ('Jimmy Cherizier, known as "Barbecue", who is under sanctions') or before 'one of'."""
    head = relcl.head
    naming = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "as" else None
    if naming is not None and naming.dep_ == "acl" and naming.lemma_.lower() in NICKNAMING_VERBS:
        return naming.head
    one = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if one is not None and one.lower_ == "one" and one.dep_ == "appos" and one.head.pos_ == "PROPN":
        return one.head   # "Surgutneftegas, one of Russia's largest oil producers, which had been sanctioned"
    return head


def standing_for(tokens, clause):
    """`tokens` with each relative pronoun replaced by what it stands for, when `clause` is a
    relative clause ("Norway, which has sent tanks": which -> Norway)."""
    if clause.dep_ != "relcl":
        return list(tokens)
    return [relative_antecedent(clause) if t.lower_ in RELATIVE_PRONOUNS else t for t in tokens]


def sentence_span(sent) -> tuple[int, int]:
    """Character offsets of a sentence without its surrounding whitespace (the evidence span)."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    return start, start + len(text.strip())


def particle(token) -> str | None:
    for c in token.children:
        if c.dep_ == "prt":
            return c.lower_
    return None


def is_negated(token) -> bool:
    """A negation on the verb or its auxiliaries ("did not attack", "never met")."""
    for c in token.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never",)):
            return True
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):
            return True   # "will no longer provide"
    return False


def main_verb_hung_on_relative(verb) -> bool:
    """'Orsi, who hosted the summit, called on Brazil ...': the parser hangs the main verb on
    the relative clause's object as a modifier and leaves the subject name as the root."""
    root = verb.sent.root
    if verb.dep_ != "acl" or root.pos_ not in ("PROPN", "NOUN") or verb.i < root.i or verb.doc[verb.i - 1].text != "," \
            or any(c.dep_ == "agent" for c in verb.children):
        return False
    t = verb.head
    while t.i != root.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "appos"):
            return True
        t = t.head
    return False


def is_passive(verb) -> bool:
    """Passive voice, also a past participle modifying a noun ("the rebels, backed by Rwanda")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "The coalition carried out strikes on X, a spokesman said": a participle with a direct
        # object of its own is the clause's active verb the parser took for a modifier
        return not main_verb_hung_on_relative(verb) and not any(c.dep_ == "dobj" for c in verb.children)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i and any(c.dep_ == "agent" for c in verb.children):
        return True   # "Backed by Rwanda, the rebels seized Goma": a fronted participle with its agent
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def governing_chain(verb):
    """Verbs above `verb` through clausal links (xcomp, ccomp, conj...), nearest first."""
    chain, t = [], verb
    while t.head.i != t.i and (t.dep_ in ("xcomp", "ccomp", "conj", "advcl", "pcomp", "parataxis", "acl", "relcl", "pobj", "dobj")
                               or (t.dep_ == "prep" and t.i != verb.i and any(
                                   c.dep_ == "pcomp" or (c.dep_ == "pobj" and c.tag_ == "VBG")
                                   or c.ent_type_ in ("DATE", "TIME") for c in t.children))):
        # a gerund's preposition leads on up: "accused X [of [backing] Y]"
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            chain.append(t)
    return chain

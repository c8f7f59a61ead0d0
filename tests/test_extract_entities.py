"""Table-driven entity tests: one text (our own) -> the entities it must and must not give.

Each case lists (label, type, aliases that must be among the entity's aliases) that must be
found, and labels that must not be entities.
"""
from __future__ import annotations

import pytest

CASES = [
    ("capital as actor is the state", "Moscow said the talks had failed.",
     [("Russia", "GPE", {"Moscow"})], ["Moscow"]),
    ("capital only as a place is the city", "Talks between Peru and Chile were held in Lima on Monday.",
     [("Lima", "GPE", set()), ("Peru", "GPE", set())], []),
    ("capital as actor and place", "Kyiv accused Russia of shelling. Russian missiles hit Kyiv overnight.",
     [("Ukraine", "GPE", {"Kyiv"})], []),
    ("documents are no actors", "Poland said Russia had violated the Vienna Convention on Consular Relations.",
     [("Poland", "GPE", set()), ("Russia", "GPE", set())], ["Vienna Convention on Consular Relations"]),
    ("time zones are no actors", "The missile was launched at 0300 GMT, Japan said.",
     [("Japan", "GPE", set())], ["GMT"]),
    ("a platform handle is no actor", "Zelenskiy's Telegram channel said Russia attacked Odesa.",
     [("Russia", "GPE", set())], ["Zelenskiy's Telegram", "Telegram"]),
    ("titled hyphenated name is a person", "Abdel-Karim Mansour, the UN envoy in Libya, warned. Mansour said more.",
     [("Abdel-Karim Mansour", "PERSON", {"Mansour"})], []),
    ("possessive descriptive actor", "Poland’s foreign ministry summoned the ambassador.",
     [("Polish foreign ministry", "ORG", set())], []),
    ("the North after North Korea", "North Korea fired a missile. The North said the test was a success.",
     [("North Korea", "GPE", {"North"})], ["North"]),
    ("a people is an actor", "Britain will always stand with the Ukrainian people, the minister said.",
     [("Ukrainian people", "NORP", set())], []),
    ("an embassy is named with its host", "Japan protested through the North Korean embassy in Beijing.",
     [("North Korean embassy in Beijing", "ORG", set()), ("Beijing", "GPE", set())], []),
    ("title words after 'of' are no name", "Secretary of State Marco Diaz met Jordan's king.",
     [("Marco Diaz", "PERSON", set())], ["State"]),
    ("vessels are no actors", "China rammed two Philippine Coast Guard Vessels near the shoal.",
     [("China", "GPE", set())], ["Philippine Coast Guard Vessels", "Coast Guard Vessels"]),
    ("a name NER missed that has a title", "Zelenskiy, the president of Ukraine, thanked Britain.",
     [("Zelenskiy", "PERSON", set())], []),
    ("a capital only visited is the city", "Chad's leader paid a visit to Moscow and met officials.",
     [("Moscow", "GPE", set())], ["Russia"]),
    ("family name first", "Taiwan's President Lai Ching-te spoke. Beijing called Lai a separatist.",
     [("Lai Ching-te", "PERSON", {"Lai"})], ["Lai"]),
    ("lower-case common nouns are no names", "Mali and Burkina Faso, which are ruled by juntas, warned Niger.",
     [("Mali", "GPE", set())], ["juntas"]),
    ("a number of people helped is no actor", "The WFP delivered food aid to 200,000 people in Darfur.",
     [("World Food Programme", "ORG", set())], ["people"]),
    ("a crowd of people that protests", "Thousands of people protested in Lima against the government of Peru.",
     [("protesters", "NORP", {"people"})], []),
    ("a short name from the middle", "Brazilian President Luiz Inacio Lula da Silva spoke. Lula said he would go.",
     [("Luiz Inacio Lula da Silva", "PERSON", {"Lula"})], ["Lula"]),
    ("capitalised common noun is no name", "Farmers blocked roads in France.",
     [("France", "GPE", set())], ["Farmers"]),
    ("a party named before a lower-case 'party'", "Leaders of the Green Future party met the Lithuanian Farmers party.",
     [("Green Future", "ORG", set())], ["Lithuanian", "Lithuania"]),
    ("a known bloc the tagger took for a noun", "Ghana's president, who chairs ECOWAS, called for calm.",
     [("ECOWAS", "ORG", set())], []),
    ("a known armed group NER missed", "IGAD envoys said Boko Haram fighters had attacked the town.",
     [("Boko Haram", "ORG", set()), ("Intergovernmental Authority on Development", "ORG", {"IGAD"})], []),
    ("a nationality adjective NER typed as a place", "Talks were held with Angolan President Ana Silva.",
     [("Angola", "GPE", set()), ("Ana Silva", "PERSON", set())], ["Angolan"]),
    ("an office modifier is no name", "Caretaker Prime Minister Omar Haddad met the envoy.",
     [("Omar Haddad", "PERSON", set())], ["Caretaker"]),
    ("a name cut at its particle", "Paris said it had spoken with Commission President Greta van der Berg.",
     [("Greta van der Berg", "PERSON", set())], ["Greta van", "Berg"]),
    ("a person's office is an organisation", "President Ana Silva's office said the talks failed. Silva's office later denied it.",
     [("Silva's office", "ORG", set())], ["Ana Silva's office"]),
    ("a nationality's presidency, peacekeepers, security forces",
     "The Egyptian presidency said Russian peacekeepers had met Venezuelan security forces.",
     [("Egyptian presidency", "ORG", set()), ("Russian peacekeepers", "ORG", set()),
      ("Venezuelan security forces", "ORG", set())], []),
    ("an organisation's name head", "Leaders of the Ogaden Liberation Front met in Nairobi.",
     [("Ogaden Liberation Front", "ORG", set())], []),
    ("a religious honorific is no part of a full name", "Supreme Leader Ayatollah Ali Khamenei warned Israel.",
     [("Ali Khamenei", "PERSON", set())], ["Ayatollah Ali Khamenei"]),
    ("a name cut before its 'Al'", "Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani spoke with Iran.",
     [("Mohammed bin Abdulrahman Al Thani", "PERSON", set())], ["Al Thani"]),
    ("a known group NER typed as a place", "The M23 rebels seized the airport, Congo said.",
     [("M23", "ORG", set())], []),
    ("a portfolio before or after a title is no organisation",
     "Budget Commissioner Ana Ruiz and Minister for European Affairs Omar Haddad met Homeland Security Secretary Lena Park.",
     [("Ana Ruiz", "PERSON", set()), ("Omar Haddad", "PERSON", set()), ("Lena Park", "PERSON", set())],
     ["Budget", "European Affairs", "Homeland Security"]),
    ("a third name NER left out", "Norwegian Foreign Minister Espen Barth Eide met his Swedish counterpart.",
     [("Espen Barth Eide", "PERSON", set())], ["Espen Barth"]),
    ("'the region of X' is a place", "The leaders of the breakaway region of Transnistria rejected the offer.",
     [("Transnistria", "GPE", set())], []),
    ("a place name before 'gang' or 'cartel' names the group",
     "Gunmen from the Los Lobos gang ambushed a convoy near Guayaquil.",
     [("Los Lobos", "ORG", set()), ("Guayaquil", "GPE", set())], []),
    ("a list NER took as one name", "Mali, Burkina Faso and Niger left the bloc.",
     [("Mali", "GPE", set()), ("Burkina Faso", "GPE", set()), ("Niger", "GPE", set())], ["Mali, Burkina Faso"]),
    ("'Riot police' opening a sentence is no person", "Riot police fired tear gas at protesters in Yerevan.",
     [("police", "NORP", set())], ["Riot"]),
    ("'the government in <capital>' makes the capital the state",
     "The European Union urged the government in Managua to free political prisoners.",
     [("Nicaragua", "GPE", {"Managua"})], ["Managua"]),
    ("a first given name NER left out after a title or a comma",
     "Attorney General Tarek William Saab accused the opposition. Congo's foreign minister, Therese Kayikwamba Wagner, replied.",
     [("Tarek William Saab", "PERSON", set()), ("Therese Kayikwamba Wagner", "PERSON", set())],
     ["William Saab", "Kayikwamba Wagner", "Therese"]),
    ("'Brussels' is Belgium's capital in a story that does not name the EU",
     "Belgium's prime minister said Brussels would host the talks. Brussels accused Moscow of spying.",
     [("Belgium", "GPE", {"Brussels"})], ["European Union"]),
    ("a capital parsed as a modifier is its state, and lends no adjective to the state's army",
     "Kigali denies arming the rebels. Rwanda's army said it was defending the border.",
     [("Rwanda", "GPE", set()), ("Rwandan military", "ORG", set())], ["Kigali military", "Kigali"]),
]


@pytest.mark.parametrize("name,text,expected,forbidden", CASES, ids=[c[0] for c in CASES])
def test_entities(analyse_text, name, text, expected, forbidden):
    entities, _ = analyse_text(text)
    by_label = {e.label: e for e in entities.values()}
    for label, type_, aliases in expected:
        assert label in by_label, f"{label} not in {sorted(by_label)}"
        assert by_label[label].type == type_, f"{label}: {by_label[label].type} != {type_}"
        assert aliases <= by_label[label].aliases, f"{label}: {aliases} not in {by_label[label].aliases}"
    for label in forbidden:
        assert label not in by_label, f"{label} should not be an entity: {sorted(by_label)}"

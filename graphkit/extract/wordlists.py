"""Closed-class word lists and windows the relation rules read (open-ended lists live in the
lexicon data, graphkit/lexicon/data/cues.tsv)."""
from __future__ import annotations

from .syntax import RELATIVE_PRONOUNS  # noqa: F401  (re-exported: the word lists all live here)

# nouns naming a part or place of something: "the outskirts of Kyiv" stands for Kyiv
PARTITIVE_NOUNS = {"outskirts", "outskirt", "edge", "centre", "center", "part", "area", "city", "town",
                   "region", "suburb", "suburbs", "vicinity", "streets", "street", "port", "capital",
                   "territory", "border", "north", "south", "east", "west", "heart", "village", "district",
                   "province", "coast", "airspace", "waters", "soil", "embassy", "positions", "position"}
# military sites held by someone: "three hideouts of the PKK" is an attack on the PKK
SITE_NOUNS = {"hideout", "stronghold", "base", "camp", "outpost", "post", "garrison", "depot",
              "headquarters", "bastion", "position", "positions", "launchpad"}
# what someone did, as a whole: rejecting it is disapproval ("rejected X's conduct"), not a rejected claim
CONDUCT_NOUNS = {"conduct", "behaviour", "behavior", "action", "actions", "deed", "deeds"}
# trade and traffic a state can stop ("cut off electricity exports to Niger", "shut its border with X")
TRADE_FLOW_NOUNS = {"export", "import", "trade", "shipment", "supply", "delivery", "flight", "border", "crossing", "sale",
                    "travel", "visa"}
CLOSING_VERBS = {"close", "shut"}
# joining a crowd of protesters backs them ("the president joined the demonstrators")
JOINING_VERBS = {"join", "march"}
EMBARGO_VERBS = {"ban", "block", "restrict", "curb", "limit", "bar"}   # "banned imports of Greek olive oil"
ORDERING_VERBS = {"order", "announce", "decree"}   # "ordered the closure of all crossings with X"
STOPPING_NOUNS = {"closure", "suspension", "halt", "ban", "cutoff", "shutdown", "stoppage"}
# verbs of a standing state: "have long kept ties with X" tells no event of cooperation
KEEPING_VERBS = {"keep", "maintain", "have", "retain", "enjoy"}
KEPT_TIES_NOUNS = {"tie", "relation", "relationship"}   # not "had talks", which were held
# acts a person directs at others, never at the state or body they serve
TURNED_OUTWARD = {"requests", "accuses", "condemns", "threatens", "rejects", "sanctions", "attacks"}
# verbs that force someone out of a place ("were pushed out of Mali"): the one forced out retreats
EXPELLING_VERBS = {"push", "force", "drive", "kick", "chase", "throw"}
# verbs granting leave to act: "was not allowed to see him" says the act did not happen
PERMISSION_VERBS = {"allow", "permit", "let"}
# prepositions placing an unnamed target: "hit a refinery in Samara", "camps inside Pakistan"
LOCATING_PREPS = {"in", "inside"}
# "Iran-backed militias": the participle names the backer's relation to the head noun
HYPHEN_BACKING = {"backed": "supports", "allied": "supports", "aligned": "supports", "supported": "supports",
                  "sponsored": "supports", "funded": "aids", "armed": "aids", "financed": "aids"}
# "the al Qaeda-linked group", "the Russian-led alliance": the name before the participle is
# another actor than the noun it describes (no relation told for these)
RELATIONAL_PARTICIPLES = set(HYPHEN_BACKING) | {"linked", "affiliated", "inspired", "led", "run", "controlled",
                                                 "dominated", "owned", "based", "connected", "tied"}
# relations between actors in person: the target is the named actor, not its act
DIRECT_TARGET_RELATIONS = {"meets"}
PLACE_RELATIONS = {"attacks", "retreats_from"}
QUANTITY_NOUNS = {"thousands", "hundreds", "dozens", "millions", "scores", "tens", "group", "groups",
                  "number", "crowd", "crowds", "members", "units", "some", "many"}
MUTUAL = "\x00mutual"  # target marker: the coordinated subjects act on each other
# verbs that predicate a judgement of their object: "branded the move provocative"
EVALUATIVE_VERBS = {"call", "brand", "describe", "label", "term", "dub", "characterize", "characterise",
                    "denounce", "decry", "slam", "criticize", "criticise", "consider", "view", "see", "deem",
                    "regard"}
# "X's ally Y": does X (the possessor) support Y (True), or Y support X (False)?
# people or states who give: "Germany, Ukraine's largest donor" aids Ukraine (the named one gives)
AID_AGENT_NOUNS = {"donor", "supplier", "provider"}
ALLIANCE_NOUNS = {"ally": False, "backer": False, "patron": False, "sponsor": False, "supporter": False,
                  "proxy": True, "client": True, "protege": True, "loyalist": False}
# "joined X in sanctioning Y": the gerund's subject is the main clause's ("for helping" is not:
# "sanctioned firms for helping Moscow" - the firms helped)
SUBJECT_CONTROL_PREPS = {"in", "by", "while", "after", "before", "without", "through", "when"}
# "accused X of backing", "thanked X for sending", "stopped X from entering": the object acts
OBJECT_CONTROL_PREPS = {"of", "for", "from", "against"}
# participles that state a standing relation: "X is aligned/allied with Y" (X supports Y)
STATIVE_PASSIVES = {"align", "ally", "affiliate", "link", "tie"}
# of those, the ones that take a side: "the Serb List, allied with X" supports X ("insurgents
# linked to al Qaeda" accuses no one)
ALLYING_VERBS = {"align", "ally"}
# verbs whose object a sanction or strike lands on: "hit Iran with sanctions", "targeted by sanctions"
TARGETING_VERBS = {"hit", "slap", "target", "punish", "cover", "affect", "strike"}
# "in solidarity with X", "in protest against X": a stance taken by the clause's subject
STANCE_RELATIONS = {"supports", "protests_against", "condemns"}
# verbs of these relations judge an event named as their object ("welcomed the talks")
JUDGING_RELATIONS = STANCE_RELATIONS | {"rejects", "accuses"}
# putting an actor on a terrorist or sanctions list is a sanction
# verbs that sanction only when they name the actor an outlaw: "designated X a terrorist group",
# "declared Belsat extremist", "listed the PKK as a banned organisation"; not "designated an envoy"
DESIGNATING_VERBS = {"designate", "list", "declare"}
OUTLAWING_STEMS = ("terror", "sanction", "extremis", "banned", "outlaw", "undesirab", "illegal")
LISTING_VERBS = {"add", "put", "place", "return", "include", "list", "relist", "restore"}
LIST_NOUNS = {"list", "blacklist", "register", "registry"}
# an attack "in" or "at" a place targets a town or region, never a sea or strait
LOCATIVE_TARGET_PREPS = {"in", "at", "near"}
# verbs whose object is a deed of their subject ("committed atrocities")
PERPETRATION_VERBS = {"commit", "perpetrate", "carry", "conduct", "engage", "stage", "orchestrate", "wage", "organise",
                      "organize", "mastermind", "order", "plot"}
# "a campaign of terror", "acts of aggression": the misdeed is the noun under 'of'
CAMPAIGN_NOUNS = {"campaign", "act", "acts", "wave", "pattern", "policy", "series"}
# act nouns that, definite and unmodified, point back to the latest act of their kind:
# noun -> verbs that tell such an act (empty: any main verb, "the move")
_FIRING = {"launch", "fire", "test", "test-fire"}
_ASSAULT = {"attack", "strike", "hit", "shell", "bomb", "raid", "target", "pound", "fire", "launch", "kill", "storm",
            "assault"}
_SANCTIONING = {"impose", "sanction", "slap", "announce", "adopt", "approve", "extend", "expand", "levy", "blacklist"}
# "thousands of people": a crowd, as an actor
CROWD_NUMBERS = {"thousands", "hundreds", "dozens", "tens", "scores", "crowds"}
CROWD_NOUNS = {"people", "person", "citizen", "resident", "man", "woman"}
# people who stand for the state they come from ("diplomats from Chile")
# private people: "two Ukrainian citizens", "Russian individuals" are not the state (firms may be:
# annotators code "Kazakh companies supplied Russia" as the state's aid)
PRIVATE_PEOPLE = {"businessman", "individual", "citizen", "national", "tourist", "student", "resident"}
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
_EXERCISING = {"hold", "conduct", "stage", "launch", "begin", "start"}
# "the mediators", "the attackers": the doers of the nearest earlier act of that kind
AGENT_NOUN_VERBS = {
    "mediator": {"mediate", "broker", "facilitate", "host"}, "negotiator": {"negotiate", "mediate", "broker"},
    "attacker": _ASSAULT, "assailant": _ASSAULT, "invader": {"invade"}, "aggressor": _ASSAULT | {"invade"},
    "host": {"host"}, "sponsor": {"sponsor", "draft", "propose", "table"}, "guarantor": {"guarantee", "broker"},
}
# verbs that make an agreement ("signed a treaty", "struck a deal"): they tell who its parties are
SIGNING_VERBS = {"sign", "reach", "conclude", "seal", "strike", "ink", "agree", "clinch", "finalise", "finalize", "initial"}
ACT_NOUN_VERBS = {
    "launch": _FIRING, "test": _FIRING, "firing": _FIRING,
    "attack": _ASSAULT, "strike": _ASSAULT, "raid": _ASSAULT, "bombing": _ASSAULT, "shelling": _ASSAULT,
    "assault": _ASSAULT, "offensive": _ASSAULT | {"begin", "start"},
    "invasion": {"invade"}, "incursion": {"enter", "cross", "violate", "breach", "fly", "sail", "intrude"},
    "drill": _EXERCISING, "exercise": _EXERCISING,
    "execution": {"execute", "kill", "shoot"}, "killing": {"kill", "shoot", "execute"}, "death": _ASSAULT | {"shoot"},
    "arrest": {"arrest", "detain"}, "detention": {"arrest", "detain"},
    "seizure": {"seize", "capture"}, "annexation": {"annex"},
    "move": set(), "decision": set(), "step": set(), "action": set(),
    "violence": _ASSAULT | _DISPERSING, "crackdown": _ASSAULT | _DISPERSING, "repression": _ASSAULT | _DISPERSING,
    "protest": _PROTESTING, "demonstration": _PROTESTING, "rally": _PROTESTING, "march": _PROTESTING,
    "takeover": {"seize", "take", "capture", "storm", "overrun"}, "capture": {"capture", "seize", "take"},
    "downing": {"down", "shoot"}, "threat": {"threaten", "warn", "vow"}, "ultimatum": {"threaten", "warn", "give"},
    "request": {"ask", "request", "call", "urge", "appeal"}, "demand": {"demand", "ask", "call", "insist"},
    "verdict": {"sentence", "convict", "jail", "find"}, "sentence": {"sentence", "jail"}, "conviction": {"convict"},
    "ban": {"ban", "bar", "outlaw", "prohibit"}, "veto": {"veto", "block"}, "expulsion": {"expel"}, "closure": {"close", "shut"},
    "blockade": {"blockade", "block"}, "deployment": {"deploy", "send"},
    "package": _SANCTIONING | {"pledge", "send", "unveil", "provide", "give"},
    "visit": {"visit", "tour"}, "trip": {"visit", "tour", "travel"},
    # "welcomed the treaty": its parties ("Armenia and Azerbaijan signed a treaty ...")
    "treaty": SIGNING_VERBS, "deal": SIGNING_VERBS, "agreement": SIGNING_VERBS, "accord": SIGNING_VERBS,
}
_ACT_NOUN_OWN_VERB = {"invasion": "invade", "execution": "execute", "seizure": "seize", "detention": "detain",
                      "annexation": "annex", "incursion": "intrude"}


def names_armed_group(token) -> bool:
    """'forces', 'troops', 'the militia' (by lemma or, for plurals kept in the list, by form)."""
    return token.lemma_.lower() in ARMED_GROUP_NOUNS or token.lower_ in ARMED_GROUP_NOUNS


def act_noun_verb(noun_lemma: str) -> str:
    """The verb an act noun derives from: "strike" -> strike, "shelling" -> shell, "invasion" -> invade."""
    if noun_lemma in _ACT_NOUN_OWN_VERB:
        return _ACT_NOUN_OWN_VERB[noun_lemma]
    if noun_lemma.endswith("ing") and len(noun_lemma) > 5:
        stem = noun_lemma[:-3]
        return stem[:-1] if stem[-1] == stem[-2] else stem   # shelling -> shell, bombing -> bomb
    return noun_lemma


# what of an act someone judges: "criticised the scale of U.S. aid" criticises its giver
ASPECT_NOUNS = {"scale", "extent", "size", "level", "pace", "nature", "handling", "timing", "volume", "amount",
                "renewal", "extension", "rollover"}   # "veto the renewal of the bloc's measures"
# what a critic says: "rejected the criticism" answers a condemnation
CRITICISM_NOUNS = {"criticism", "condemnation", "censure", "rebuke", "reproach", "critique"}
# what someone said, whatever it was: "dismissed the statement" answers a condemnation, a demand or a threat
REMARK_NOUNS = {"statement", "remark", "comment", "rhetoric"}
# verbs of hostile acts a demonstrative may point back to ('"This is an act of aggression"')
# nouns of armed acts: "would step up its strikes"
HOSTILE_ACT_NOUNS = {"strike", "airstrike", "attack", "raid", "bombing", "shelling", "operation", "offensive", "assault",
                     "bombardment"}
# violent acts a speaker may blame on someone: "said Russian intelligence had organised the explosion"
VIOLENT_ACT_NOUNS = HOSTILE_ACT_NOUNS | {"explosion", "blast", "sabotage", "arson", "massacre", "assassination",
                                         "killing", "bombing", "ambush"}
HOSTILE_ACT_VERBS = _ASSAULT | _FIRING | _SANCTIONING | {"seize", "invade", "arrest", "detain", "expel", "ban",
                                                         "kill", "shoot", "abduct", "kidnap", "annex", "occupy"}
# nouns that judge the act told before: "condemned this irrational provocation" (the drills
# staged in the sentence before), "the aggression", "the violation"
PROVOKING_VERBS = _ASSAULT | _FIRING | _EXERCISING | ACT_NOUN_VERBS["incursion"] | {
    "seize", "invade", "annex", "occupy", "expel", "detain", "arrest", "ram", "board", "deploy"}
ACT_NOUN_VERBS.update({"provocation": PROVOKING_VERBS, "aggression": PROVOKING_VERBS, "violation": PROVOKING_VERBS,
                       "escalation": PROVOKING_VERBS})
# "Russia and China, both of which ...": quantities of a relative's antecedent
QUANTIFYING_PRONOUNS = {"both", "all", "each", "either", "neither", "none", "most", "many", "some", "several"}
# "evade / get around Western sanctions": the evader is the one sanctioned
EVADING_VERBS = {"evade", "circumvent", "bypass", "skirt", "dodge", "get", "defy", "bust", "break", "violate", "flout",
                 "breach", "escape"}
# collective actors that are forces, not crowds: they act for their state or group when named
FORCE_COLLECTIVES = {"police", "policeman", "gunman", "insurgent", "jihadist", "militant", "rebel", "separatist"}
# "we expect Russia to respect international law": a speaker's demand
EXPECTING_VERBS = {"expect", "want"}
# what a threat promises: "vowed a proportionate response", "would be met with appropriate measures"
RESPONSE_NOUNS = {"response", "retaliation", "reprisal", "countermeasure", "measure", "revenge", "retribution",
                  "punishment", "consequence", "reaction", "force"}
# "would respond", "will retaliate": an announced response (a threat when aimed at someone)
RESPONDING_VERBS = {"respond", "retaliate", "react"}
# "remained ready to respond to any attack by X": a response held in readiness (a threat)
READY_WORDS = {"ready", "prepared"}
# "would come at a high price", "will pay a heavy price"
PRICE_NOUNS = {"price", "cost"}
# what a party owns: "froze the assets of X" acts on X
HOLDING_NOUNS = {"asset", "assets", "property", "account", "fund", "funds", "holding", "reserve", "reserves",
                 "import", "imports", "export", "exports", "shipment", "shipments", "good", "goods", "product",
                 "products"}   # "banned imports of Russian aluminium"
# "individuals linked to Hamas", "companies tied to the military"
AFFILIATION_VERBS = {"link", "tie", "connect", "affiliate", "associate", "belong", "loyal"}
# words for the crowd of a protest: one entity, "protesters" (GUIDELINES 2, collective actors)
PROTEST_CROWDS = {"protester", "demonstrator", "crowd", "marcher", "rioter", "protestor"}
# nouns that sum up the sentence's act in a closing apposition: "..., a move condemned by Japan"
SUMMARY_NOUNS = {"move", "step", "decision", "action", "act", "measure", "development", "gesture"}
ARMED_GROUP_NOUNS = {"force", "forces", "troops", "militia", "fighter", "group", "army", "military", "faction",
                     "movement", "party", "coalition", "alliance", "organisation", "organization"}
MISPARSED_OBJECT_DEPS = {"advmod", "npadvmod", "dep", "oprd", "attr"}
_WINDOW_SENTENCES = 4   # how far back an unattributed allegation looks for its accuser
_ACT_WINDOW_SENTENCES = 5   # how far back "the launch" looks for its act ...
_LEAD_SENTENCES = 2         # ... and the article's lead, where news tells its main act
# relations nobody directs at itself: a pronoun target is someone other than the source
HOSTILE_RELATIONS = {"attacks", "threatens", "sanctions", "accuses", "condemns", "protests_against"}
# verbs whose subjects are the parties of the agreement they take as object ("A and B signed a deal")
CONCLUDING_VERBS = SIGNING_VERBS | {"renew", "extend", "have", "forge", "hammer", "cement", "implement", "honour",
                                    "honor", "accept", "approve", "ratify", "announce", "secure"}
# measures a rejection answers with the sanctions behind them ("Havana rejected the measures")
MEASURE_NOUNS = {"sanction", "measure", "penalty", "tariff", "embargo", "restriction", "designation"}
ACT_NOUN_VERBS.update({noun: _SANCTIONING for noun in MEASURE_NOUNS})   # "called the sanctions a crime"
# what a denial denies the accuser ("Kampala denied any involvement")
IMPLICATION_NOUNS = {"involvement", "responsibility", "role", "wrongdoing", "complicity", "link", "part"}
# what one party puts to another: rejecting it answers a request ("rejected a U.S. proposal")
PROPOSAL_NOUNS = {"proposal", "offer", "demand", "request", "call", "ultimatum", "appeal", "plea", "invitation"}
# "rejected the ruling": the verbs by which the text may have told who made it ("the court ruled");
# not accusations: only the accused answers those
_SAYING = {"say", "tell", "declare", "renew", "reiterate"}
PROPOSITION_VERBS = {"ruling": {"rule"}, "verdict": {"rule"}, "decision": {"decide", "rule"}, "proposal": {"propose"},
                     "offer": {"offer"}, "demand": {"demand"}, "request": {"request"},
                     "plan": {"propose", "unveil", "present"}, "ultimatum": {"issue"}, "order": {"order"},
                     # "Britain rejected the remarks": whoever the text last said made them
                     "remark": _SAYING, "comment": _SAYING}
# fighting "with" someone goes both ways: "at war with", "clashed with", "traded fire with"
FIGHTING_WORDS = {"war", "fighting", "clash", "battle", "hostility", "skirmish", "fight", "trade", "exchange", "combat"}
# people who act for the group they come from: "fighters from the Africa Corps", "gunmen of X"
GROUP_MEMBER_NOUNS = {"fighter", "gunman", "militant", "rebel", "militiaman", "member", "unit", "insurgent",
                      "jihadist", "guerrilla", "commando", "operative", "soldier", "troop", "force", "paramilitary",
                      "guard"}
# nouns a place name may follow directly: "the capital Sanaa", "the port city Hodeidah"
PLACE_NOUNS = {"capital", "city", "town", "village", "port", "province", "region", "district", "state", "island"}
# every kind of place a name may follow with 'of' or be said to lie in: "the Tajik exclave of
# Vorukh", "the Gaza Strip", "a settlement in X"
PLACE_KIND_NOUNS = PLACE_NOUNS | {"county", "oblast", "governorate", "area", "settlement", "enclave", "exclave",
                                  "territory", "strip", "base", "resort", "municipality", "commune", "suburb",
                                  "neighbourhood", "neighborhood", "valley", "peninsula", "islet", "atoll"}
# what someone vows or threatens to do to another is a threat ("vowed to punish Israel")
THREAT_VERBS = {"vow", "threaten", "warn", "swear", "promise"}
THREAT_NOUNS = {"threat", "warning", "ultimatum", "vow"}
# nouns whose infinitive says what has not happened ("a threat to impose", "calls to withdraw")
UNREALISED_NOUNS = THREAT_NOUNS | {"call", "demand", "request", "plea", "appeal", "proposal", "offer", "plan", "bid",
                                   "attempt", "effort", "push", "pressure", "readiness", "willingness", "intention",
                                   "option", "possibility", "right", "ambition", "aim", "goal", "desire",
                                   "wish", "scheme", "plot"}
# "Washington's decision to impose sanctions": an announced commitment (GUIDELINES 3.2 counts
# it for aid and sanctions, like "will send"), made by the noun's possessor
COMMITMENT_NOUNS = {"decision", "move", "order"}
# "suspended budget support to Niger", "froze lending to Mali": aid stopped is a sanction on the
# recipient (CAMEO 162); "lifted"/"resumed" aid is not
WITHHOLDING_VERBS = {"suspend", "halt", "freeze", "cut", "withhold", "pause", "stop", "cancel", "end", "slash"}
# what one can dismiss without condemning a deed: "rejected the complaint as a provocation"
CLAIM_WORDS = {"complaint", "description", "characterisation", "characterization", "account", "version",
               "claim", "statement", "report", "assessment", "interpretation", "argument"}
# "the people of Sudan", "the population of Gaza": the place's own people stand for it
POPULATION_NOUNS = {"people", "population", "citizen"}
# a state's missions abroad: a crowd outside one protests against the state
MISSION_WORDS = {"embassy", "consulate", "mission"}
# what a speaker issues that can itself urge, condemn or warn ("issued a statement urging X")
STATEMENT_NOUNS = {"statement", "communique", "declaration", "letter", "resolution", "message", "note", "report",
                   "appeal", "call", "plea"}
# a state's envoys abroad, who stand for their state wherever they are named ("expelled three
# Russian diplomats"); recalling one is a diplomatic protest against the host; sending one is no aid
ENVOY_NOUNS = {"ambassador", "envoy", "diplomat", "emissary", "consul", "charge", "commissioner", "representative",
               "delegation", "negotiator", "mediator"}
RECALLING_VERBS = {"recall", "withdraw"}   # "withdrew its ambassador from Paris"
# verbs of passing something on: contact only when what is passed is a message ("relayed the proposal to")
HANDING_VERBS = {"hand", "relay", "convey"}
# force used on a crowd: "fired tear gas at the protesters", "used water cannon to disperse them"
CROWD_CONTROL_VERBS = {"fire", "use", "deploy", "spray", "shoot", "lob", "turn"}   # "turned water cannon on X"
CROWD_WEAPONS = {"gas", "bullet", "cannon", "round", "grenade", "spray", "baton", "pellet", "truncheon"}
DISPERSING_VERBS = {"disperse", "scatter", "clear", "repel", "push"}
# "X must leave", "Y should withdraw": what a speaker says someone must do is a demand of them
DEONTIC_MODALS = {"must", "should"}
# a rebuke, not a demand: "India should look inward", "should examine its own record instead"
SELF_REGARD_WORDS = {"own", "inward", "inwards", "instead"}
# verbs that ask only with what they press for: "pushed Kyiv to accept", not "pushed the region into famine"
PRESSING_VERBS = {"push", "press", "pressure"}
# what authors do with a statement ("issued a statement urging", "adopted a resolution that condemned"),
# unlike those who block or veto it
ISSUING_VERBS = {"issue", "adopt", "pass", "approve", "release", "publish", "sign", "endorse", "send", "deliver",
                 "write", "draft", "submit", "present", "make", "read", "post", "put"}
# what a crowd does to the one it protests against ("demanding Pashinyan's resignation")
PROTEST_AIMS = {"demand", "accuse", "denounce", "condemn", "chant", "call", "urge", "decry", "blame"}
# what a crowd demands of a leader it protests against ("demanding the resignation of X")
OUSTER_NOUNS = {"resignation", "ouster", "removal", "departure", "downfall", "impeachment", "overthrow"}
# verbs whose crowd is a street protest's ("supporters rallied", "families marched")
STREET_PROTEST_VERBS = _PROTESTING | {"riot", "picket"}
# words of dismay whose cause is disapproved of ("was appalled by the attack"; not mere concern:
# "alarmed by", "concerned about" tell a worry more than a criticism)
DISMAY_WORDS = {"appalled", "shocked", "outraged", "dismayed", "horrified", "disgusted", "angered",
                "incensed", "infuriated", "disappointed", "furious", "angry", "indignant"}
DISMAY_PREPOSITIONS = {"by", "at", "over", "about", "with"}
# what someone suffered: dismay at it blames no one ("saddened by his death")
SUFFERING_NOUNS = {"death", "loss", "plight", "fate", "suffering", "injury", "health", "safety", "situation",
                   "condition", "welfare", "wellbeing", "whereabouts"}

# what a finger points at someone as ("pointed to Russia as the culprit")
CULPRIT_NOUNS = {"culprit", "perpetrator", "aggressor", "instigator", "mastermind", "sponsor", "attacker", "source"}

# verbs of vowed revenge, whose object is the act to be avenged ("vowed to avenge the killing")
AVENGING_VERBS = {"avenge", "revenge"}

# verbs that bring an organisation into being ("was founded with Iran's backing")
FOUNDING_VERBS = {"found", "establish", "create", "form", "set"}

# nouns for a batch or scheme of something, whose compound says what ("sanctions package", "aid tranche",
# "assistance programmes")
BATCH_NOUNS = {"package", "round", "tranche", "batch", "raft", "wave", "programme", "program", "scheme"}

# what blocking rejects: a proposal or measure, not a road ("blocked the sanctions package")
BLOCKABLE_NOUNS = {"package", "proposal", "resolution", "deal", "plan", "bid", "sanction", "measure", "statement",
                   "decision", "motion", "declaration", "agreement", "move", "initiative", "request", "nomination",
                   "truce", "ceasefire", "roadmap"}
# "the U.S.-drafted resolution": participles after a hyphen that name the author before it
AUTHORING_PARTICIPLES = {"drafted", "proposed", "sponsored", "written", "tabled", "authored", "submitted", "imposed"}
# threatened acts that land "in" a place ("threatened military intervention in Niger")
INTERVENTION_NOUNS = {"intervention", "action", "force", "strike", "attack", "invasion", "operation", "incursion"}
# ties a sanction suspends or cuts ("suspended its strategic partnership with Georgia")
TIES_NOUNS = {"partnership", "tie", "relation", "agreement", "membership"}   # not talks: halting them penalises no one
# joint work whose suspension is cooperation said not to go on, not a sanction ("suspended cooperation with the IAEA")
JOINT_WORK_NOUNS = {"cooperation", "collaboration", "coordination"}

# offices named by their building or street: they speak for their state ("the Kremlin denied")
SEATS_OF_GOVERNMENT = {"Kremlin": "Russia", "White House": "United States", "Pentagon": "United States",
                       "State Department": "United States", "Elysee": "France", "Elysee Palace": "France",
                       "Downing Street": "United Kingdom", "Zhongnanhai": "China", "Blue House": "South Korea",
                       "Quai d'Orsay": "France", "Foggy Bottom": "United States", "Chancellery": "Germany",
                       "Yongsan": "South Korea", "Bankova": "Ukraine", "Kasbah": "Tunisia", "Miraflores": "Venezuela",
                       "Planalto": "Brazil", "Casa Rosada": "Argentina", "Malacanang": "Philippines"}
# verbs of fighting that, "over" a topic between states or people, name a quarrel
QUARREL_VERBS = {"clash", "spar", "feud", "tussle", "wrangle", "lock horn"}
TIME_NOUNS = {"weekend", "night", "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
              "holiday", "period", "decade", "decades", "summer", "winter"}
# goods named by where they come from: "imports from X", "buses made in X"
TRADED_GOODS_NOUNS = {"import", "export", "good", "product", "shipment", "commodity"}
MAKING_VERBS = {"make", "produce", "manufacture", "build", "assemble", "import"}
# "stop supplying X": the act stopped (or asked to stop) is going on
STOPPING_VERBS = {"stop", "cease", "quit", "halt"}
# the people and places aid is for, named by where they are ("aid for civilians in Gaza")
AID_RECIPIENT_NOUNS = {"civilian", "people", "population", "village", "family", "refugee", "community", "town", "area",
                       "region", "resident", "victim", "child", "hospital", "school", "city", "province", "survivor",
                       "household", "farmer", "displaced"}
# what relations do when they worsen: "ties have soured", "strained relations" (no cooperation)
WORSENING_VERBS = {"sour", "deteriorate", "worsen", "fray", "strain", "sink", "plunge", "plummet", "collapse", "cool",
                   "chill", "nosedive", "suffer", "decline"}
STRAINED_WORDS = {"strained", "soured", "frayed", "troubled", "tense", "rocky", "icy", "frosty", "poor", "worsening",
                  "deteriorating"}
# people one state hands to another (extradited, deported): sending them is no aid
HANDED_OVER_PEOPLE = {"prisoner", "detainee", "suspect", "figure", "convict", "inmate", "fugitive", "migrant",
                      "deportee", "national", "citizen", "captive", "hostage", "body", "remains"}
# a diplomatic protest handed over: delivering one protests to the state that receives it
PROTEST_NOTE_NOUNS = {"protest", "demarche", "complaint"}
# a manner that makes an act told of someone a wrongdoing ("entered the airspace without permission")
WRONG_MANNER_ADVERBS = {"illegally", "unlawfully", "illicitly"}
WRONG_MANNER_ADJECTIVES = {"unprovoked", "indiscriminate", "illegal", "unlawful"}   # "unprovoked firing on villages"
# the people and places an armed act on which is a charge by itself ("said the army had bombed villages")
CIVILIAN_TARGETS = {"civilian", "village", "home", "house", "hospital", "school", "resident", "child", "neighbourhood",
                    "neighborhood", "market", "mosque", "church", "family", "woman", "camp", "shelter", "villager"}
CONSENT_NOUNS = {"permission", "authorisation", "authorization", "consent", "approval", "clearance", "provocation"}
# nouns for one person a name may follow in apposition ("the party's founder, billionaire X,")
PERSON_NOUNS = {"founder", "co-founder", "son", "daughter", "wife", "husband", "brother", "sister", "father",
                "mother", "nephew", "niece", "successor", "predecessor", "rival", "aide", "confidant"}
# what an act is called to condemn it as an assault: "called the tariffs an attack on integration"
ASSAULT_NAMES = {"attack", "assault", "onslaught", "blow"}


# what a call goes over: "spoke by telephone with X", "talked via video link with X"
MEDIUM_NOUNS = {"phone", "telephone", "video", "videolink", "link", "videoconference", "call"}
# verbs that are cooperation only for what they share or build with someone ("shared intelligence
# with", "deepened ties with"), not "shares a border with", "deepened a standoff with"
SHAPING_VERBS = {"share", "deepen", "strengthen", "expand", "boost", "step"}
# nouns that deny the act their infinitive names: "its refusal to cooperate"
REFUSAL_NOUNS = {"refusal", "failure", "reluctance", "unwillingness"}
TIE_BUILDING_VERBS = SHAPING_VERBS | {"forge", "establish", "build", "cement", "upgrade", "tighten"}
SHARED_THINGS = {"intelligence", "information", "data", "technology", "expertise", "experience", "tie", "ties",
                 "relation", "relationship", "cooperation", "partnership", "coordination", "collaboration",
                 "intelligence-sharing", "link", "contact", "contacts", "exchange", "trade", "security", "defence",
                 "defense", "resource", "know-how"}
# verbs of talking with someone: a request that continues them is put to the one talked to
CONTACT_VERBS = {"meet", "speak", "talk", "phone", "telephone", "call", "host", "receive"}
# who helps two sides talk: "talks mediated by Qatar"
MEDIATING_VERBS = {"mediate", "broker", "facilitate", "host", "sponsor"}
# verbs of armed acts, and the combatants and military sites they may hit in a war report
COMBAT_VERBS = {"kill", "attack", "strike", "shell", "fire", "ambush", "raid", "hit", "target", "bomb", "shoot",
                "overrun", "storm", "wound", "repel"}
COMBATANT_NOUNS = {"soldier", "officer", "fighter", "policeman", "guard", "position", "base", "post", "outpost",
                   "convoy", "patrol", "checkpoint", "garrison", "militant", "rebel", "insurgent", "jihadist",
                   "commander", "unit", "barracks", "positions", "gendarme", "serviceman", "personnel"}
# pronouns that may stand for an act named before ("called it / them a provocation")
ACT_PRONOUNS = {"it", "this", "them", "these"}
# prepositions of cause: the act they name is not done by the governing verb's subject ("imposed
# sanctions on X over attacks on camps")
CAUSE_PREPOSITIONS = {"over", "despite", "amid", "because"}
# a clause hung on a speech verb by one of these tells when, not what was said
NARRATED_CLAUSE_MARKS = {"after", "before", "since", "when", "while", "until", "as", "once"}
# efforts made for someone: backing "a campaign for X" or "the candidacy of X" backs X
EFFORT_NOUNS = {"campaign", "candidacy", "candidate", "bid", "election", "re-election", "reelection", "nomination", "cause"}
# a stated critic condemns: "critical of China's record", "a critic of the EU", "Kremlin critic X"
CRITIC_WORDS = {"critical", "critic"}
# "Mali turned to Russia for security assistance": help sought of someone and given
TURNING_VERBS = {"turn"}
HELP_NOUNS = {"help", "assistance", "aid", "support", "backing", "protection", "training", "weapons", "arms",
              "equipment", "funding", "financing", "loan", "loans", "troops", "instructors", "mercenaries", "security"}
# what makes "support" material (AID rather than SUPPORT)
MATERIAL_MODIFIERS = {"military", "security", "financial", "economic", "humanitarian", "logistical", "material"}
# "Hamas offered a truce, but Israel rejected it": a pronoun a rejection takes stands for what was
# proposed or charged just before, not for an actor
REJECTED_PRONOUNS = {"it", "this", "that"}
# what is offered as terms, not as aid: "offered Israel a truce" proposes (REQUEST, GUIDELINES 3.1)
OFFERING_VERBS = {"offer", "extend"}
OFFERED_TERMS = {"truce", "ceasefire", "talks", "deal", "negotiation", "dialogue", "amnesty", "mediation", "compromise",
                 "concession", "pause", "settlement", "agreement", "referendum", "election",
                 "olive", "hand", "invitation", "guarantee", "guarantees", "autonomy", "terms"}
# a deed named after a sanction or condemnation: "sanctions on Russia since / after / for its invasion"
DEED_TIME_PREPOSITIONS = {"since", "after", "following", "for"}

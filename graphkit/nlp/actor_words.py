"""Words that make a descriptive actor out of a nationality ("Russian forces", "Chinese coast guard").

Plain data, no spaCy: the NLP component and entity resolution both read it.
"""

INSTITUTION_HEADS = {
    # armed forces
    "military": "military", "forces": "military", "troops": "military", "army": "military",
    "armed": "military", "soldiers": "military", "units": "military",
    "navy": "navy", "coastguard": "coast guard", "coast": "coast guard",
    "air": "air force",
    # government bodies
    "government": "government", "ministry": "ministry", "embassy": "embassy",
    "police": "police", "parliament": "parliament", "cabinet": "cabinet",
    "administration": "administration", "junta": "junta", "authorities": "authorities",
    "intelligence": "intelligence", "presidency": "presidency", "peacekeepers": "peacekeepers",
    "security": "security forces", "civil": "civil defence", "foreign": "foreign office",
}
SECOND_WORD = {"coast": "guard", "air": "force", "armed": "forces", "security": "forces", "civil": "defence",
               "foreign": "office"}
MINISTRY_MODIFIERS = ["defense", "defence", "foreign", "interior", "finance", "economy", "justice",
                      "health", "trade", "energy", "agriculture", "education", "information", "emergency",
                      "emergencies", "home", "war", "commerce", "industry", "transport", "environment", "labour",
                      "labor", "culture", "communications"]

"""Lemmas the small English model gets wrong for verbs of political events.

Its rule lemmatizer strips "-d"/"-ing" to a shorter word it knows: "waged" -> "wag",
"fined" -> "fin", "lambasted" -> "lambast". The lexicon matches verbs by lemma, so such
verbs were never seen. Found by inflecting every verb of the lexicon (verbs.tsv, and the
light, speech and modality cues of cues.tsv) and lemmatizing it in a sentence; only the
wrong ones are listed.
"""
from __future__ import annotations

from spacy.language import Language

# (inflected form, lemma): verbs only
VERB_LEMMA_FIXES = {
    "waged": "wage", "waging": "wage", "fined": "fine", "fining": "fine", "dined": "dine", "dining": "dine",
    "lambasted": "lambaste", "lambasting": "lambaste", "resupplied": "resupply", "resupplying": "resupply",
    "scapegoated": "scapegoat", "scapegoating": "scapegoat", "jeered": "jeer", "staged": "stage", "staging": "stage",
    "hoped": "hope", "hoping": "hope",
}


@Language.component("graphkit_lemma_fixes")
def fix_lemmas(doc):
    """Set the right lemma on the verbs the model's lemmatizer gets wrong."""
    for token in doc:
        if token.pos_ == "VERB":
            lemma = VERB_LEMMA_FIXES.get(token.lower_)
            if lemma is not None:
                token.lemma_ = lemma
    return doc

"""Train a tiny spaCy pipeline in seconds, so tests exercise POS and DEP without a download.

A morphologizer learns coarse parts of speech and a parser learns three relations from a
handful of sentences written for the purpose. It is not a good model; it only needs to
tag and attach the words of the test drafts the way the sentences taught it.
"""

from __future__ import annotations

import random
from pathlib import Path

import spacy
from spacy.training import Example

# (words, POS, heads, deps): "States should adopt plans" and its kin.
_SENTENCES = [
    (["States", "should", "adopt", "plans"], ["NOUN", "AUX", "VERB", "NOUN"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"]),
    (["Parties", "should", "report", "progress"], ["NOUN", "AUX", "VERB", "NOUN"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"]),
    (["Members", "adopt", "measures"], ["NOUN", "VERB", "NOUN"], [1, 1, 1], ["nsubj", "ROOT", "dobj"]),
    (["Council", "requests", "reports"], ["NOUN", "VERB", "NOUN"], [1, 1, 1], ["nsubj", "ROOT", "dobj"]),
    (["Agencies", "should", "share", "data"], ["NOUN", "AUX", "VERB", "NOUN"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"]),
    (["States", "share", "plans"], ["NOUN", "VERB", "NOUN"], [1, 1, 1], ["nsubj", "ROOT", "dobj"]),
]


def train_tiny_pipeline(folder: Path, iterations: int = 40) -> Path:
    """Train, save to ``folder`` and return it."""
    nlp = spacy.blank("en")
    nlp.add_pipe("morphologizer")
    nlp.add_pipe("parser", config={"min_action_freq": 1})  # every relation is rare here
    examples = []
    for words, pos, heads, deps in _SENTENCES:
        doc = nlp.make_doc(" ".join(words))
        examples.append(Example.from_dict(doc, {"words": words, "pos": pos, "heads": heads, "deps": deps}))
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(0)
    for _ in range(iterations):
        rng.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    nlp.to_disk(folder)
    return folder

"""Behaviour behind linear coding (#16): the bounded stages give the same answers on ordinary text.

Timings are in benchmarks/linearity.py; these tests check behaviour on small inputs only.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder import Article
from eventcoder.text import sentences
from eventcoder.text.sentences import MAX_SENTENCE_CHARS, split_sentences

_OLD_BOUNDARY = re.compile(r"""[.!?]+["')\]]*(?=\s+["'(\[]?[A-Z0-9])""")  # the backtracking original


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=".!?\"') ]aAZ9\n", max_size=60))
def test_possessive_boundary_finds_what_the_old_one_found(text):
    assert [m.span() for m in sentences._BOUNDARY.finditer(text)] == [m.span() for m in _OLD_BOUNDARY.finditer(text)]


def test_punctuation_only_and_unpunctuated_text_become_bounded_sentences():
    for text in ("." * 5000, "soldiers and villagers in Gwoza " * 400):
        parts = split_sentences(text)
        assert parts and all(len(s.text) <= MAX_SENTENCE_CHARS for s in parts)
        assert sum(len(s.text.replace(" ", "")) for s in parts) == len(text.replace(" ", ""))  # nothing lost


def test_long_sentence_is_cut_at_a_space():
    text = "word " * (MAX_SENTENCE_CHARS // 5 * 3)
    parts = split_sentences(text)
    assert len(parts) >= 3 and all(not s.text.startswith("ord") for s in parts)


def test_repeated_casualty_words_and_counts_still_code(coder):
    rows = coder.code(Article("k", "Gunmen killed killed killed five villagers in Gwoza on Monday.", published="2024-05-15"))
    assert [(r.sub_event_type, r.fatalities) for r in rows] == [("Attack", 5)]
    text = "Gunmen attacked a market in Gwoza on Monday, and two policemen and three militants were killed, officials said."
    rows = coder.code(Article("n", text, published="2024-05-15"))
    assert [(r.sub_event_type, r.fatalities) for r in rows] == [("Armed clash", 5)]  # both counts, as before


def test_pronoun_far_from_any_antecedent_is_not_resolved_across_the_article(coder):
    filler = "The weather was mild. " * 400
    text = "Boko Haram fighters attacked Gwoza on Sunday. " + filler + "They killed five villagers in Kano on Monday."
    rows = coder.code(Article("p", text, published="2024-05-15"))
    assert all(r.location != "Kano" or r.actor1 for r in rows)  # codes without scanning the whole history

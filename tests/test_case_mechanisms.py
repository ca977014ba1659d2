"""Mechanisms for real news snippets (issue #14, CASE 2021 and IndiaPoliceEvents): each with an invented example."""

from __future__ import annotations

from eventcoder import Article, Coder

CODER = Coder.default()


def _rows(text: str, published: str | None = "2024-06-20"):
    return CODER.code(Article("c", text, published=published))


def test_deaths_in_police_firing_are_the_police_s_attack():
    """'killed in police firing': the noun 'firing' is the attack and 'police' before it its source."""
    rows = _rows("patna: three villagers were killed in police firing near the block office on monday.")
    assert [(r.actor1, r.fatalities) for r in rows] == [("Police Forces of India", 3)]

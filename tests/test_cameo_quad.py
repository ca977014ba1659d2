"""CAMEO-only coding of real news sentences (issue #14, the quad set): each mechanism with an invented example."""

from __future__ import annotations

from eventcoder import Article, Coder

CODER = Coder.default()


def _rows(text: str, published: str = "2018-03-14"):
    return CODER.code(Article("c", text, published=published))


def _codes(text: str, published: str = "2018-03-14") -> list[str]:
    return [r.cameo_code for r in _rows(text, published)]


def test_an_office_holder_codes_as_the_state_in_office_and_by_name_after_it():
    rows = _rows("Theresa May met Angela Merkel in Berlin on Tuesday.")
    assert [(r.cameo_code, r.actor1, r.actor2) for r in rows] == [
        ("040", "Government of the United Kingdom", "Government of Germany")]
    later = _rows("Theresa May met Angela Merkel in Berlin on Tuesday.", published="2023-05-10")
    assert [(r.actor1, r.actor2) for r in later] == [("Theresa May", "Angela Merkel")]


def test_urging_and_calling_on_are_appeals_demanding_is_a_demand():
    assert _codes("The African Union urged Ethiopia on Monday to reopen the roads into the north.") == ["020"]
    assert _codes("The African Union called on Ethiopia on Monday to reopen the roads into the north.") == ["020"]
    assert _codes("The African Union demanded on Monday that Ethiopia reopen the roads into the north.") == ["100"]


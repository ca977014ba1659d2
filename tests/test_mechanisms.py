"""General mechanisms for real reporting (issue #14): each with an invented example of its own."""

from __future__ import annotations

from eventcoder import Article, Coder

CODER = Coder.default()


def _types(text: str, published: str | None = "2024-06-20") -> list[str]:
    return [r.sub_event_type or r.cameo_code for r in CODER.code(Article("m", text, published=published))]


def test_an_undated_article_calls_nothing_background_for_its_age():
    text = "Farmers protested in Kisumu on 3 February 2019 against new market fees."
    assert _types(text, published=None) == ["Peaceful protest"]
    assert _types(text) == []  # five years before publication: background

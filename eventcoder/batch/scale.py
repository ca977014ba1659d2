"""Coding partitions of a large corpus in other processes or machines (Dask, Spark, multiprocessing).

Workers receive plain data (articles as dicts or Article values) and return
plain data (one outcome dict per article), so nothing heavy is pickled: each
worker process compiles its dictionaries once and keeps them.
"""

from __future__ import annotations

from typing import Any, Iterable

from eventcoder.coder import Coder
from eventcoder.model import Article

_CODERS: dict[tuple[str, ...], Coder] = {}


def coder_for(dict_paths: Iterable[str] = ()) -> Coder:
    """The coder for these dictionary files in this process, built on first use."""
    key = tuple(str(p) for p in dict_paths)
    if key not in _CODERS:
        _CODERS[key] = Coder.from_dictionaries(*key)
    return _CODERS[key]


def _article(item: Article | dict[str, Any]) -> Article:
    if isinstance(item, Article):
        return item
    return Article(str(item["id"]), item["text"], item.get("title") or "", item.get("published"),
                   item.get("source") or "", item.get("url") or "", item.get("country") or "")


def code_partition(items: Iterable[Article | dict[str, Any]], dict_paths: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Code a partition; one dict per article: {"article_id", "error", "events": [row dicts]}.

    An article that cannot be coded keeps its place with its error, so nothing is lost.

    >>> out = code_partition([{"id": "a", "text": "Gunmen killed two guards in Kano on Monday.", "published": "2024-05-15"}])
    >>> (out[0]["article_id"], out[0]["error"], out[0]["events"][0]["fatalities"])
    ('a', None, 2)
    """
    coder = coder_for(dict_paths)
    out = []
    for item in items:
        try:
            article = _article(item)
        except (KeyError, TypeError, ValueError) as exc:
            ident = item.get("id") if isinstance(item, dict) else None
            out.append({"article_id": str(ident), "error": f"bad article: {exc!r}", "events": []})
            continue
        outcome = next(coder.code_many([article]))
        out.append({"article_id": outcome.article_id, "error": outcome.error, "events": [e.to_dict() for e in outcome.events]})
    return out

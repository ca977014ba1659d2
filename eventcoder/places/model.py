"""A place an event can happen in: a curated place from the dictionaries or a gazetteer town."""

from __future__ import annotations

import attrs

from eventcoder.values import SourceRef, by_fields


@by_fields
@attrs.frozen(slots=True)
class Place:
    name: str
    kind: str
    country: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    lat: float
    lon: float
    aliases: tuple[str, ...]
    ref: SourceRef
    population: int = 0
    gazetteer: bool = False

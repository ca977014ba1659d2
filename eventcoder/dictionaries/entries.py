"""The entries a dictionary file declares, as values: countries, agents, actors, event patterns, CAMEO verbs."""

from __future__ import annotations

import datetime as dt

import attrs

from eventcoder.values import SourceRef, by_fields


def _within(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """Whether `day` falls in [start, end); an open side is unbounded."""
    return (start is None or start <= day) and (end is None or day < end)


@by_fields
@attrs.frozen(slots=True)
class Country:
    iso3: str
    iso: int
    name: str
    region: str
    lat: float
    lon: float
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class Agent:
    id: str
    role: str
    inter: int
    armed: bool
    acled_name: str
    terms: tuple[str, ...]
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class Role:
    country: str
    agent: str
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return _within(self.start, self.end, day)


@by_fields
@attrs.frozen(slots=True)
class NamedActor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    country: str | None
    code: str | None
    inter: int | None
    armed: bool
    roles: tuple[Role, ...]
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class Pattern:
    id: str
    cameo: str
    cameo_civilians: str | None
    acled: str | None
    symmetric: bool
    preps: tuple[str, ...]
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class Holiday:
    name: str
    month: int
    day: int
    aliases: tuple[str, ...]
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class AcledType:
    sub_event_type: str
    event_type: str
    disorder_type: str
    rank: int


@by_fields
@attrs.frozen(slots=True)
class DatedCode:
    """A CAMEO actor code, valid from `start` (inclusive) to `end` (exclusive) when given."""

    code: str
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return _within(self.start, self.end, day)


@by_fields
@attrs.frozen(slots=True)
class CameoActor:
    name: str
    phrases: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    ref: SourceRef

    def codes_on(self, day: dt.date) -> tuple[str, ...]:
        """The codes that hold on `day`: a dated code that covers the day, else every undated code (several
        undated codes mean the phrase names several actors at once), else the last dated one."""
        for c in self.codes:
            if (c.start or c.end) and c.holds_on(day):
                return (c.code,)
        undated = tuple(c.code for c in self.codes if not (c.start or c.end))
        return undated or (self.codes[-1].code,)


@by_fields
@attrs.frozen(slots=True)
class CameoAgent:
    phrases: tuple[str, ...]
    code: str
    prefix: bool
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class VerbPattern:
    pattern: str
    code: str
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class CameoVerb:
    verb: str
    code: str
    forms: tuple[str, ...]
    synonyms: tuple[str, ...]
    patterns: tuple[VerbPattern, ...]
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class Discard:
    phrase: str
    story: bool
    ref: SourceRef

"""The values users hand to the coder (Article) and get back (Event, one output row)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from eventcoder.values import by_fields

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "article_id", "iso3", "cameo_code", "cameo_root", "goldstein", "quad_class", "actor1_code", "actor2_code",
    "fatalities_qualifier", "injuries", "sentence_index", "rule_id",
)
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS


def _to_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@by_fields
@attrs.frozen(slots=True)
class Article:
    """A news article to code.

    >>> Article("a1", "Rebels attacked a convoy.", published="2024-03-02").published
    datetime.date(2024, 3, 2)
    """

    id: str
    text: str
    title: str = ""
    published: dt.date | None = attrs.field(default=None, converter=_to_date)
    source: str = ""
    url: str = ""
    # the country the article is about when its text may not say (a corpus of one country's press, ACLED-style notes):
    # ISO3 or a country name; only where the text names no place or country of its own
    country: str = ""


@by_fields
@attrs.frozen(slots=True)
class Event:
    """One coded event: the 31 ACLED columns in ACLED's order, then eventcoder's own columns."""

    event_id_cnty: str
    event_date: str
    year: int
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str
    inter1: int
    actor2: str
    assoc_actor_2: str
    inter2: int
    interaction: int
    civilian_targeting: str
    iso: int
    region: str
    country: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    source: str
    source_scale: str
    notes: str
    fatalities: int
    tags: str
    timestamp: int
    article_id: str
    iso3: str
    cameo_code: str
    cameo_root: str
    goldstein: float
    quad_class: int
    actor1_code: str
    actor2_code: str
    fatalities_qualifier: str
    injuries: int | None
    sentence_index: int
    rule_id: str

    def to_dict(self) -> dict[str, Any]:
        """The row as a mapping in column order."""
        return {name: getattr(self, name) for name in COLUMNS}

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> "Event":
        """Rebuild an Event from to_dict() output or a CSV row (strings are converted back)."""
        fields = attrs.fields_dict(cls)
        values: dict[str, Any] = {}
        for name in COLUMNS:
            raw = row[name]
            ftype = fields[name].type
            if isinstance(raw, str) and ftype not in ("str",):
                if raw == "":
                    raw = None
                elif ftype in ("int", "int | None"):
                    raw = int(raw)
                elif ftype == "float":
                    raw = float(raw)
            values[name] = raw
        return cls(**values)


@by_fields
@attrs.frozen(slots=True)
class Outcome:
    """The result of coding one article in a batch: its events, or the error that stopped it."""

    article_id: str
    events: tuple[Event, ...] = ()
    error: str | None = None


@attrs.frozen(slots=True)
class InputProblem:
    """An input that could not become an Article: where it was and what is wrong."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

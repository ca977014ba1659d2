"""Counts behind `eventcoder summary` and the HTML report: events and fatalities by a key.

Plain Python over Event values, so neither needs pandas.

>>> from eventcoder.export import read_csv  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from eventcoder.model import Event

NO_TYPE = "(CAMEO only)"  # rows with a CAMEO code but no ACLED event type


class Count(NamedTuple):
    key: str
    events: int
    fatalities: int


def load_events(path: str | Path) -> list[Event]:
    """Events from an eventcoder table: .csv, .jsonl or .parquet (by suffix)."""
    from eventcoder.export import read_csv, read_jsonl, read_parquet

    suffix = Path(path).suffix.lower()
    readers = {".csv": read_csv, ".jsonl": read_jsonl, ".parquet": read_parquet}
    if suffix not in readers:
        raise ValueError(f"{path}: expected an eventcoder table (.csv, .jsonl or .parquet)")
    return readers[suffix](path)


def event_type(e: Event) -> str:
    return e.event_type or NO_TYPE


def month(e: Event) -> str:
    return e.event_date[:7]


def week(e: Event) -> str:
    """The Monday that starts the ISO week of the event, as YYYY-MM-DD."""
    day = dt.date.fromisoformat(e.event_date)
    return (day - dt.timedelta(days=day.weekday())).isoformat()


def count_by(events: Iterable[Event], key: Callable[[Event], str], *, order: str = "events") -> list[Count]:
    """Events and fatalities per key; order "events" (most first, then key) or "key" (chronological keys).

    >>> from eventcoder.report.tables import Count
    >>> Count("Sudan", 2, 7)
    Count(key='Sudan', events=2, fatalities=7)
    """
    totals: dict[str, list[int]] = {}
    for e in events:
        cell = totals.setdefault(key(e) or "(none)", [0, 0])
        cell[0] += 1
        cell[1] += e.fatalities or 0
    rows = [Count(k, n, f) for k, (n, f) in totals.items()]
    if order == "key":
        return sorted(rows, key=lambda c: c.key)
    return sorted(rows, key=lambda c: (-c.events, -c.fatalities, c.key))


def top_actors(events: Iterable[Event], limit: int = 10) -> list[Count]:
    """Actors by the number of events they took part in (as actor1 or actor2) and the fatalities of those events."""
    totals: dict[str, list[int]] = {}
    for e in events:
        for name in {e.actor1, e.actor2} - {""}:
            cell = totals.setdefault(name, [0, 0])
            cell[0] += 1
            cell[1] += e.fatalities or 0
    rows = [Count(k, n, f) for k, (n, f) in totals.items()]
    return sorted(rows, key=lambda c: (-c.events, -c.fatalities, c.key))[:limit]


def place(e: Event) -> str:
    return e.location if not e.country or e.location == e.country else f"{e.location}, {e.country}"


def weeks_between(first: str, last: str) -> list[str]:
    """Every week start (Monday) from the week of `first` to the week of `last`, so empty weeks show as gaps."""
    start = dt.date.fromisoformat(first)
    start -= dt.timedelta(days=start.weekday())
    end = dt.date.fromisoformat(last)
    out = []
    while start <= end:
        out.append(start.isoformat())
        start += dt.timedelta(days=7)
    return out

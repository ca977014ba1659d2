"""Date expressions in a sentence, resolved against the article's publication date.

Relative expressions ("Monday", "yesterday", "on Christmas Day") resolve to the
most recent such day on or before publication, never into the future.
time_precision follows ACLED: 1 day, 2 week, 3 month.
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping, Sequence

import attrs

WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
MONTHS = {
    **{m: i + 1 for i, m in enumerate("january february march april may june july august september october november december".split())},
    **{m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())},
    "sept": 9,
}
# "may" and "march" are also ordinary words; they only count as months next to a day number.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "sun", "dec"})


@attrs.frozen(slots=True)
class DateMention:
    """A date in text: tokens [start, end), the day, ACLED time precision, and its role.

    role: point (when something happened), since (start of a period), future.
    """

    start: int
    end: int
    date: dt.date
    precision: int
    role: str


# the days an event row can carry (schemas/event.schema.json: year 1900-2200); a date outside is not a date
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2200, 12, 31)

_STARTS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"yesterday", "today", "tonight", "last", "earlier"}


def _most_recent(pub: dt.date, month: int, day: int) -> dt.date | None:
    for year in (pub.year, pub.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d <= pub:
            return d
    return None


def _day_number(tok: str) -> int | None:
    t = tok.rstrip(".")
    for suffix in ("st", "nd", "rd", "th"):
        if t.endswith(suffix) and t[: -len(suffix)].isdecimal():
            t = t[: -len(suffix)]
    return int(t) if len(t) <= 2 and t.isdecimal() and 1 <= int(t) <= 31 else None


def _year(tok: str) -> int | None:
    return int(tok) if len(tok) == 4 and tok.isdecimal() and 1900 <= int(tok) <= 2100 else None


def find_dates(norms: Sequence[str], published: dt.date, holidays: Mapping[tuple[str, ...], tuple[int, int]] = {}) -> list[DateMention]:
    """Find and resolve the date expressions in a sentence's tokens.

    >>> pub = dt.date(2023, 12, 26)
    >>> [(d.date.isoformat(), d.precision) for d in find_dates("on monday".split(), pub)]
    [('2023-12-25', 1)]
    >>> [d.date.isoformat() for d in find_dates("on 3 march".split(), pub)]
    ['2023-03-03']
    """
    out: list[DateMention] = []
    if not FIRST_DAY <= published <= LAST_DAY:
        return out  # nothing can be dated against such a day (and day arithmetic near year 1 overflows)
    n = len(norms)
    i = 0
    holiday_starts = {k[0] for k in holidays}
    while i < n:
        w = norms[i]
        if w not in _STARTS and w not in holiday_starts and not w[:1].isdigit():
            i += 1
            continue
        prev = norms[i - 1] if i else ""
        prev2 = norms[i - 2] if i > 1 else ""
        role = "since" if prev in ("since", "from") or prev2 == "since" else "point"
        if prev in ("next", "coming") or prev2 == "next":
            role = "future"
        found: tuple[int, dt.date, int] | None = None  # (end, date, precision)
        # holidays: longest alias first
        for length in (3, 2, 1):
            key = tuple(norms[i : i + length])
            if len(key) == length and key in holidays:
                month, day = holidays[key]
                d = _most_recent(published, month, day)
                if d:
                    found = (i + length, d, 1)
                break
        if found is None and w in WEEKDAYS:
            back = (published.weekday() - WEEKDAYS[w]) % 7
            if prev == "last" and back == 0:
                back = 7
            found = (i + 1, published - dt.timedelta(days=back), 1)
        elif found is None and w in ("yesterday",):
            found = (i + 1, published - dt.timedelta(days=1), 1)
        elif found is None and w in ("today", "tonight"):
            found = (i + 1, published, 1)
        elif found is None and w == "last" and i + 1 < n and norms[i + 1] in ("night", "week", "month", "weekend"):
            unit = norms[i + 1]
            if unit == "night":
                found = (i + 2, published - dt.timedelta(days=1), 1)
            elif unit in ("week", "weekend"):
                found = (i + 2, published - dt.timedelta(days=7 if unit == "week" else (published.weekday() + 2) % 7 or 7), 2)
            else:
                first = published.replace(day=1) - dt.timedelta(days=1)
                found = (i + 2, first.replace(day=15), 3)
        elif found is None and w == "earlier" and i + 2 < n and norms[i + 1] == "this" and norms[i + 2] in ("week", "month"):
            found = (i + 3, published, 2 if norms[i + 2] == "week" else 3)
        elif found is None and w in MONTHS:
            month = MONTHS[w]
            j = i + 1
            if j < n and norms[j] == ".":
                j += 1
            day = _day_number(norms[j]) if j < n else None
            if day is not None:
                j += 1
                year = None
                if j + 1 < n and norms[j] == "," and _year(norms[j + 1]):
                    year, j = _year(norms[j + 1]), j + 2
                elif j < n and _year(norms[j]):
                    year, j = _year(norms[j]), j + 1
                d = _resolve(published, year, month, day)
                if d:
                    found = (j, d, 1)
            elif w not in _AMBIGUOUS_MONTHS or (j < n and _year(norms[j])):
                year = _year(norms[j]) if j < n else None
                d = _resolve(published, year, month, 1)
                if d:
                    found = (j + (1 if year else 0), d, 3)
        elif found is None and _day_number(w) is not None and i + 1 < n and norms[i + 1] in MONTHS:
            day, month = _day_number(w), MONTHS[norms[i + 1]]
            j = i + 2
            if j < n and norms[j] == ".":
                j += 1
            year = None
            if j < n and _year(norms[j]):
                year, j = _year(norms[j]), j + 1
            d = _resolve(published, year, month, day)  # type: ignore[arg-type]
            if d:
                found = (j, d, 1)
        elif found is None and _year(w) and prev in ("in", "since", "of", "during") :
            found = (i + 1, dt.date(_year(w), 1, 1), 3)  # type: ignore[arg-type]
        if found is not None and not FIRST_DAY <= found[1] <= LAST_DAY:
            found = None  # "last week" on 1900-01-03: before any day a row may carry, so no date
        if found is not None:
            end, d, precision = found
            if d > published:
                role = "future"
            out.append(DateMention(i, end, d, precision, role))
            i = end
        else:
            i += 1
    return out


def _resolve(published: dt.date, year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return _most_recent(published, month, day)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None

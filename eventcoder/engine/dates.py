"""Date expressions in a sentence, resolved against the article's publication date.

Relative expressions ("Monday", "yesterday", "on Christmas Day") resolve to the
most recent such day on or before publication, never into the future.
time_precision follows ACLED: 1 day, 2 week, 3 month.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Mapping, Sequence

import attrs

from eventcoder.lang import Language, language



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


@lru_cache(maxsize=None)
def _starts(lang: Language) -> frozenset[str]:
    """Tokens a date expression can start with (a day number aside)."""
    n = lang.numbers
    return (frozenset(n["weekdays"]) | frozenset(n["months"]) | frozenset(n["days_back"]) | lang.words["last"]
            | lang.words["earlier_this"])


REPORT_SLACK_DAYS = 14  # a day this close after the report's own date is the report dated early, not a future day


def _most_recent(pub: dt.date, month: int, day: int, slack: bool = False) -> dt.date | None:
    """The day of that month nearest before `pub`; with `slack` (a day named with its month), or just after it: a
    note dated 19 February that tells of "20 February" names this year's day, not last year's ("April" alone, in
    March, is last year's)."""
    for year in (pub.year + 1, pub.year, pub.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d <= pub + dt.timedelta(days=REPORT_SLACK_DAYS if slack else 0):
            return d
    return None


def _day_number(tok: str, suffixes: frozenset[str]) -> int | None:
    t = tok.rstrip(".")
    for suffix in suffixes:
        if t.endswith(suffix) and t[: -len(suffix)].isdecimal():
            t = t[: -len(suffix)]
    return int(t) if len(t) <= 2 and t.isdecimal() and 1 <= int(t) <= 31 else None


def _year(tok: str) -> int | None:
    return int(tok) if len(tok) == 4 and tok.isdecimal() and 1900 <= int(tok) <= 2100 else None


def find_dates(norms: Sequence[str], published: dt.date, holidays: Mapping[tuple[str, ...], tuple[int, int]] = {},
               lang: Language | None = None) -> list[DateMention]:
    """Find and resolve the date expressions in a sentence's tokens.

    >>> pub = dt.date(2023, 12, 26)
    >>> [(d.date.isoformat(), d.precision) for d in find_dates("on monday".split(), pub)]
    [('2023-12-25', 1)]
    >>> [d.date.isoformat() for d in find_dates("on 3 march".split(), pub)]
    ['2023-03-03']
    >>> [d.date.isoformat() for d in find_dates("between 8 - 10 december".split(), pub)]  # a run of days: its first
    ['2023-12-08']
    """
    lang = lang or language()
    words, nums = lang.words, lang.numbers
    weekdays, months, days_back = nums["weekdays"], nums["months"], nums["days_back"]
    starts = _starts(lang)
    ordinals = words["ordinal_suffixes"]
    out: list[DateMention] = []
    if not FIRST_DAY <= published <= LAST_DAY:
        return out  # nothing can be dated against such a day (and day arithmetic near year 1 overflows)
    n = len(norms)
    i = 0
    holiday_starts = {k[0] for k in holidays}
    while i < n:
        w = norms[i]
        if w not in starts and w not in holiday_starts and not w[:1].isdigit():
            i += 1
            continue
        prev = norms[i - 1] if i else ""
        prev2 = norms[i - 2] if i > 1 else ""
        # "since Monday", "from March": the start of a period; "next week": not yet
        role = "since" if prev in words["since"] or prev2 in words["since_before"] else "point"
        if prev in words["future_markers"] or prev2 in words["future_before"]:
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
        if found is None and w in weekdays:
            back = (published.weekday() - weekdays[w]) % 7
            if prev in words["last"] and back == 0:
                back = 7
            found = (i + 1, published - dt.timedelta(days=back), 1)
        elif found is None and w in days_back:
            found = (i + 1, published - dt.timedelta(days=days_back[w]), 1)
        elif found is None and w in words["last"] and i + 1 < n and norms[i + 1] in lang.units:
            found = _last(published, i, lang.units[norms[i + 1]])
        elif (found is None and w in words["earlier_this"] and i + 2 < n and norms[i + 1] in words["this"]
              and lang.units.get(norms[i + 2]) in ("week", "month")):
            found = (i + 3, published, 2 if lang.units[norms[i + 2]] == "week" else 3)
        elif found is None and w in months:
            month = months[w]
            j = i + 1
            if j < n and norms[j] == ".":
                j += 1
            day = _day_number(norms[j], ordinals) if j < n else None
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
            elif w not in words["ambiguous_months"] or (j < n and _year(norms[j])):  # "may", "march" are also words
                year = _year(norms[j]) if j < n else None
                d = _resolve(published, year, month, 1, slack=False)
                if d:
                    found = (j + (1 if year else 0), d, 3)
        elif (found is None and _day_number(w, ordinals) is not None and i + 3 < n and norms[i + 1] in words["range_words"]
              and _day_number(norms[i + 2], ordinals) is not None and norms[i + 3] in months):
            # "8-10 January", "23 and 24 May": a run of days, dated by its first (as ACLED dates it)
            found = _day_of_month(published, norms, i + 4, _day_number(w, ordinals), months[norms[i + 3]])  # type: ignore[arg-type]
        elif found is None and _day_number(w, ordinals) is not None and i + 1 < n and norms[i + 1] in months:
            j = i + 3 if i + 2 < n and norms[i + 2] == "." else i + 2
            found = _day_of_month(published, norms, j, _day_number(w, ordinals), months[norms[i + 1]])  # type: ignore[arg-type]
        elif found is None and _year(w) and prev in words["year_preps"]:
            found = (i + 1, dt.date(_year(w), 1, 1), 3)  # type: ignore[arg-type]
        if found is not None and not FIRST_DAY <= found[1] <= LAST_DAY:
            found = None  # "last week" on 1900-01-03: before any day a row may carry, so no date
        if found is not None:
            end, d, precision = found
            if d > published + dt.timedelta(days=REPORT_SLACK_DAYS):
                role = "future"  # (a day within the slack is future only if its clause says so: engine.discourse)
            out.append(DateMention(i, end, d, precision, role))
            i = end
        else:
            i += 1
    return out


def _last(published: dt.date, i: int, unit: str) -> tuple[int, dt.date, int]:
    """"last night/week/weekend/month" at token i: (end, day, ACLED time precision)."""
    if unit == "night":
        return (i + 2, published - dt.timedelta(days=1), 1)
    if unit == "week":
        return (i + 2, published - dt.timedelta(days=7), 2)
    if unit == "weekend":
        return (i + 2, published - dt.timedelta(days=(published.weekday() + 2) % 7 or 7), 2)
    first = published.replace(day=1) - dt.timedelta(days=1)  # the middle of last month
    return (i + 2, first.replace(day=15), 3)


def _day_of_month(published: dt.date, norms: Sequence[str], j: int, day: int, month: int) -> tuple[int, dt.date, int] | None:
    """A day of a month whose year may follow at token j: (end, day, precision 1), or None."""
    year = None
    if j < len(norms) and _year(norms[j]):
        year, j = _year(norms[j]), j + 1
    d = _resolve(published, year, month, day)
    return (j, d, 1) if d else None


def _resolve(published: dt.date, year: int | None, month: int, day: int, slack: bool = True) -> dt.date | None:
    if year is None:
        return _most_recent(published, month, day, slack)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None

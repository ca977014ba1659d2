"""Counts of people written as digits, words or vague quantities ("at least 19", "dozens")."""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping, Sequence

import attrs

from eventcoder.lang import Language, language

@attrs.frozen(slots=True)
class Quantity:
    """A count found in text: tokens [start, end), value, and how exact (exact|min|approx|vague)."""

    start: int
    end: int
    value: int
    qualifier: str
    # read from one person named in the singular ("a teacher was killed"), not from a figure: a figure the text also
    # gives for the same dead ("the driver was shot dead ... leaving 5 soldiers dead") counts them all, the one among them
    person: bool = attrs.field(default=False, repr=False)


@attrs.frozen(slots=True)
class _Numbers:
    """A language's number words, arranged for the scan."""

    units: Mapping[str, int]
    tens: Mapping[str, int]
    scales: Mapping[str, int]
    vague: Mapping[tuple[str, ...], int]
    at_least: tuple[tuple[str, ...], ...]
    about: tuple[tuple[str, ...], ...]
    words: Mapping[str, frozenset[str]]
    starts: frozenset[str]  # tokens a quantity can start with; checking this first keeps the scan cheap
    # the phrases above by their first token, in their declared order: a token that starts none costs one look-up
    at_least_by_first: Mapping[str, tuple[tuple[str, ...], ...]]
    about_by_first: Mapping[str, tuple[tuple[str, ...], ...]]
    exact_by_first: Mapping[str, tuple[tuple[str, ...], ...]]
    vague_by_first: Mapping[str, tuple[tuple[tuple[str, ...], int], ...]]


def _by_first(phrases: Sequence[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:
            out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _numbers(lang: Language) -> _Numbers:
    nums = lang.numbers
    starts = (frozenset(nums["units"]) | frozenset(nums["tens"]) | {k[0] for k in lang.vague}
              | {k[0] for k in lang.at_least} | {k[0] for k in lang.about} | {k[0] for k in lang.exact_leads if k}
              | lang.words["between"])
    vague: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase, value in lang.vague.items():
        if phrase:
            vague.setdefault(phrase[0], []).append((phrase, value))
    return _Numbers(nums["units"], nums["tens"], nums["scales"], lang.vague, lang.at_least, lang.about, lang.words, starts,
                    _by_first(lang.at_least), _by_first(lang.about), _by_first(lang.exact_leads),
                    {k: tuple(v) for k, v in vague.items()})


def _word_number(norms: Sequence[str], i: int, num: _Numbers) -> tuple[int, int] | None:
    """Parse 'twenty-three', 'three hundred', 'one thousand two hundred' from i; return (value, end)."""
    total, current, j, seen = 0, 0, i, False
    n = len(norms)
    units, tens, scales = num.units, num.tens, num.scales
    while j < n:
        w = norms[j]
        if w in units:
            current += units[w]
        elif w in tens:
            current += tens[w]
            if j + 2 < n and norms[j + 1] == "-" and norms[j + 2] in units:
                current += units[norms[j + 2]]
                j += 2
        elif w in scales and seen:
            if scales[w] == 100:
                current = max(current, 1) * 100  # "three hundred thousand": hundreds build the number before a scale
            else:
                total += max(current, 1) * scales[w]
                current = 0
        elif w in num.words["number_and"] and seen and j + 1 < n and (norms[j + 1] in units or norms[j + 1] in tens):
            pass
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j


# no report counts more people than this; a longer figure is a phone number, an amount or noise, not a toll
MAX_COUNT = 10_000_000


def _digits(tok: str) -> int | None:
    # isdecimal, not isdigit: superscripts and some scripts' digits ("²", "𐩀") are digits int() cannot read
    if len(tok) > 12:  # more than MAX_COUNT in any spelling (and int() refuses very long digit strings)
        return None
    if tok.isdecimal():
        return int(tok)
    if "," in tok and all(part.isdecimal() for part in tok.split(",")):
        return int(tok.replace(",", ""))
    return None


def _prefix(norms: Sequence[str], i: int, by_first: Mapping[str, tuple[tuple[str, ...], ...]]) -> int:
    if i >= len(norms):
        return 0
    for opt in by_first.get(norms[i], ()):
        if tuple(norms[i : i + len(opt)]) == opt:
            return len(opt)
    return 0


def parse_quantity(norms: Sequence[str], i: int, lang: Language | None = None) -> Quantity | None:
    """A quantity starting at token i, or None.

    >>> parse_quantity("at least 19 people".split(), 0)
    Quantity(start=0, end=3, value=19, qualifier='min')
    >>> parse_quantity("dozens of civilians".split(), 0).value
    12
    >>> parse_quantity("between 10 and 15 soldiers".split(), 0)
    Quantity(start=0, end=4, value=10, qualifier='min')
    """
    return _parse(norms, i, _numbers(lang or language()))


def _parse(norms: Sequence[str], i: int, num: _Numbers) -> Quantity | None:
    words = num.words
    n = len(norms)
    qualifier = "exact"
    j = i
    k = _prefix(norms, j, num.at_least_by_first)
    if k:
        qualifier, j = "min", j + k
    else:
        k = _prefix(norms, j, num.about_by_first)
        if k:
            qualifier, j = "approx", j + k
        else:
            j += _prefix(norms, j, num.exact_by_first)
    for phrase, value in num.vague_by_first.get(norms[j], ()) if j < n else ():
        if tuple(norms[j : j + len(phrase)]) == phrase:
            end = j + len(phrase)
            if end < n and norms[end] in words["of"]:
                end += 1
            return Quantity(i, end, value, "vague")
    between = False
    if j < n and norms[j] in words["between"]:
        between, j = True, j + 1
    value: int | None = None
    end = j
    if j < n:
        d = _digits(norms[j])
        if d is not None:
            value, end = d, j + 1
            if end < n and norms[end] in words["big_scales"]:
                value *= num.scales[norms[end]]
                end += 1
        else:
            parsed = _word_number(norms, j, num)
            if parsed:
                value, end = parsed
    if value is None or value > MAX_COUNT:
        return None
    # ranges: "10 to 15", "10-15", "between 10 and 15" code the lower bound
    if end + 1 < n and norms[end] in words["range_words"] and (_digits(norms[end + 1]) is not None or _word_number(norms, end + 1, num)):
        if norms[end] not in words["number_and"] or between:
            upper = _digits(norms[end + 1])
            nxt = end + 2 if upper is not None else _word_number(norms, end + 1, num)[1]  # type: ignore[index]
            end = nxt
            qualifier = "min"
            between = False
    if between:
        return None  # "fighting between two clans": the sides, not a count (a count's "between" opens a range)
    if end < n and norms[end] in words["not_people"]:
        return None
    return Quantity(i, end, value, qualifier)


def number_at(norms: Sequence[str], i: int, lang: Language | None = None) -> tuple[int, int] | None:
    """A bare number at token i, digits or words, whatever follows it ("two days", which is no count of people):
    (value, end), or None.

    >>> number_at("over two days".split(), 1)
    (2, 2)
    """
    if i >= len(norms):
        return None
    d = _digits(norms[i])
    if d is not None:
        return d, i + 1
    return _word_number(norms, i, _numbers(lang or language()))


def find_quantities(norms: Sequence[str], lang: Language | None = None) -> list[Quantity]:
    """All non-overlapping quantities in a token sequence, left to right."""
    num = _numbers(lang or language())
    starts = num.starts
    out: list[Quantity] = []
    i = 0
    while i < len(norms):
        w = norms[i]
        if w not in starts and not w[:1].isdigit():
            i += 1
            continue
        q = _parse(norms, i, num)
        if q is not None:
            out.append(q)
            i = q.end
        else:
            i += 1
    return out

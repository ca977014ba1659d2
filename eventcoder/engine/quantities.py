"""Counts of people written as digits, words or vague quantities ("at least 19", "dozens")."""

from __future__ import annotations

from typing import Sequence

import attrs

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# ACLED's conventions for vague counts: "dozens" is 12, "several"/"many"/"a number of" 10, "hundreds" 100.
_VAGUE: dict[tuple[str, ...], int] = {
    ("a", "dozen"): 12,
    ("dozen",): 12,
    ("dozens",): 12,
    ("several",): 10,
    ("many",): 10,
    ("numerous",): 10,
    ("a", "number", "of"): 10,
    ("a", "handful", "of"): 3,
    ("a", "few"): 3,
    ("scores",): 20,
    ("hundreds",): 100,
    ("thousands",): 1000,
}
_MIN = [("at", "least"), ("more", "than"), ("over",), ("upwards", "of"), ("no", "fewer", "than"), ("no", "less", "than"), ("in", "excess", "of")]
_APPROX = [("about",), ("around",), ("nearly",), ("almost",), ("some",), ("approximately",), ("roughly",), ("up", "to"),
           ("an", "estimated"), ("estimated",), ("close", "to"), ("as", "many", "as"), ("around", "a")]
_NOT_PEOPLE = frozenset(
    "percent % km kilometres kilometers miles metres meters years year days day hours hour minutes weeks months dollars "
    "million billion tonnes tons rockets missiles drones shells rounds vehicles houses homes buildings times".split()
)


@attrs.frozen(slots=True)
class Quantity:
    """A count found in text: tokens [start, end), value, and how exact (exact|min|approx|vague)."""

    start: int
    end: int
    value: int
    qualifier: str


def _word_number(norms: Sequence[str], i: int) -> tuple[int, int] | None:
    """Parse 'twenty-three', 'three hundred', 'one thousand two hundred' from i; return (value, end)."""
    total, current, j, seen = 0, 0, i, False
    n = len(norms)
    while j < n:
        w = norms[j]
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
            if j + 2 < n and norms[j + 1] == "-" and norms[j + 2] in _UNITS:
                current += _UNITS[norms[j + 2]]
                j += 2
        elif w in _SCALES and seen:
            if w == "hundred":
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * _SCALES[w]
                current = 0
        elif w == "and" and seen and j + 1 < n and (norms[j + 1] in _UNITS or norms[j + 1] in _TENS):
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


def _prefix(norms: Sequence[str], i: int, options: list[tuple[str, ...]]) -> int:
    for opt in options:
        if tuple(norms[i : i + len(opt)]) == opt:
            return len(opt)
    return 0


def parse_quantity(norms: Sequence[str], i: int) -> Quantity | None:
    """A quantity starting at token i, or None.

    >>> parse_quantity("at least 19 people".split(), 0)
    Quantity(start=0, end=3, value=19, qualifier='min')
    >>> parse_quantity("dozens of civilians".split(), 0).value
    12
    >>> parse_quantity("between 10 and 15 soldiers".split(), 0)
    Quantity(start=0, end=4, value=10, qualifier='min')
    """
    n = len(norms)
    qualifier = "exact"
    j = i
    k = _prefix(norms, j, _MIN)
    if k:
        qualifier, j = "min", j + k
    else:
        k = _prefix(norms, j, _APPROX)
        if k:
            qualifier, j = "approx", j + k
    for phrase, value in _VAGUE.items():
        if tuple(norms[j : j + len(phrase)]) == phrase:
            end = j + len(phrase)
            if end < n and norms[end] == "of":
                end += 1
            return Quantity(i, end, value, "vague")
    between = False
    if j < n and norms[j] == "between":
        between, j = True, j + 1
    value: int | None = None
    end = j
    if j < n:
        d = _digits(norms[j])
        if d is not None:
            value, end = d, j + 1
            if end < n and norms[end] in ("million", "thousand", "hundred"):
                value *= _SCALES[norms[end]]
                end += 1
        else:
            parsed = _word_number(norms, j)
            if parsed:
                value, end = parsed
    if value is None or value > MAX_COUNT:
        return None
    # ranges: "10 to 15", "10-15", "between 10 and 15" code the lower bound
    if end + 1 < n and norms[end] in ("to", "-", "and", "or") and (_digits(norms[end + 1]) is not None or _word_number(norms, end + 1)):
        if norms[end] != "and" or between:
            upper = _digits(norms[end + 1])
            nxt = end + 2 if upper is not None else _word_number(norms, end + 1)[1]  # type: ignore[index]
            end = nxt
            qualifier = "min"
    if end < n and norms[end] in _NOT_PEOPLE:
        return None
    return Quantity(i, end, value, qualifier)


# tokens a quantity can start with; checking this first keeps the scan cheap on ordinary words
_STARTS = frozenset(_UNITS) | frozenset(_TENS) | {k[0] for k in _VAGUE} | {k[0] for k in _MIN} | {k[0] for k in _APPROX} | {"between"}


def find_quantities(norms: Sequence[str]) -> list[Quantity]:
    """All non-overlapping quantities in a token sequence, left to right."""
    out: list[Quantity] = []
    i = 0
    while i < len(norms):
        w = norms[i]
        if w not in _STARTS and not w[:1].isdigit():
            i += 1
            continue
        q = parse_quantity(norms, i)
        if q is not None:
            out.append(q)
            i = q.end
        else:
            i += 1
    return out

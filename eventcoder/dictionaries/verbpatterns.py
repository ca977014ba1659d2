"""CAMEO verb patterns: compiling the pattern language and matching it around a verb.

A pattern is written as words around `*`, the verb (docs/patterns.md):

    "* new &tietypes relations"     words after the verb, in order, others may come between
    "said_would * talks"            `_` joins words that must be next to each other
    "+ * in_ $"                     `$` is the source, `+` the target, `%` a compound actor acting on itself
    "* iftar in ^ +"                `^` skips one noun group (here the place), then the target

`&NAME` is a synset: any of its phrases. Matching is on normalised tokens, so case does not matter.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

import attrs

from eventcoder.dictionaries.entries import VerbPattern
from eventcoder.text.tokens import phrase_key

SLOTS = frozenset("$+%^")
GAP = "\x00gap"  # key token: up to GAP_WORDS other words may come here
GAP_WORDS = 3


def split_negations(norms: Sequence[str]) -> list[str]:
    """Treebank-style negations, as PETRARCH dictionaries write them: "didn't" -> "did", "n't"."""
    out: list[str] = []
    for w in norms:
        if len(w) > 3 and w.endswith("n't"):
            out += [w[:-3], "n't"]
        else:
            out.append(w)
    return out


def cameo_key(phrase: str) -> tuple[str, ...]:
    """The token key of a dictionary phrase for verb-pattern coding.

    `_` joins words, negations are split, and a word written with a trailing `~` is a stem: its token keeps
    the `~` and matches any word that starts with it (TABARI's unmarked words). `...` between words lets a few
    other words come between them (TABARI's space in "PRINCE DOL_AMROTH").

    >>> cameo_key("argentin~ army"), cameo_key("didn't")
    (('argentin~', 'army'), ('did', "n't"))
    """
    out: list[str] = []
    for word in phrase.replace("_", " ").split():
        if word == "...":
            if out and out[-1] != GAP:
                out.append(GAP)
            continue
        stem = word.endswith("~") and len(word) > 1
        toks = split_negations(phrase_key(word.rstrip("~") if stem else word))
        if stem and toks:
            toks[-1] += "~"
        out += toks
    return tuple(out)


def same(key: Sequence[str], norms: Sequence[str], start: int) -> bool:
    """Whether `key` (which may hold stems, but no gap) matches the tokens from `start`."""
    if start + len(key) > len(norms):
        return False
    for k, w in zip(key, norms[start : start + len(key)]):
        if k != w and not (k.endswith("~") and w.startswith(k[:-1])):
            return False
    return True


def match_ends(key: Sequence[str], norms: Sequence[str], start: int, hi: int) -> list[int]:
    """Where `key` can end when it starts at `start` and stays before `hi`; a gap lets a few words in."""
    if GAP not in key:
        return [start + len(key)] if start + len(key) <= hi and same(key, norms, start) else []
    cut = key.index(GAP)
    head, rest = key[:cut], key[cut + 1 :]
    if not same(head, norms, start) or start + len(head) > hi:
        return []
    out: list[int] = []
    for skip in range(GAP_WORDS + 1):
        out += match_ends(rest, norms, start + len(head) + skip, hi)
    return out


@attrs.frozen(slots=True)
class Element:
    """One pattern element: words (one or more phrasings), or a slot."""

    slot: str | None  # "$", "+", "%", "^" or None for words
    options: tuple[tuple[str, ...], ...] = ()
    adjacent: bool = False  # joined by `_` to the element nearer the verb
    # the options that are one whole word, looked up at once (a synset may have a hundred); the rest are matched one by one
    singles: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    others: tuple[tuple[str, ...], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        single = frozenset(o[0] for o in self.options if len(o) == 1 and not o[0].endswith("~") and o[0] != GAP)
        object.__setattr__(self, "singles", single)
        object.__setattr__(self, "others", tuple(o for o in self.options if not (len(o) == 1 and o[0] in single)))


@attrs.frozen(slots=True)
class CompiledPattern:
    before: tuple[Element, ...]  # nearest the verb first
    after: tuple[Element, ...]  # nearest the verb first
    code: str
    source: VerbPattern
    weight: int  # 2 per word, 1 per synset: a pattern that says more wins

    @property
    def slots(self) -> frozenset[str]:
        return frozenset(e.slot for e in (*self.before, *self.after) if e.slot)

    @property
    def needs(self) -> frozenset[str]:
        """What the sentence must contain for the pattern to match (a quick filter before matching): whole words,
        and for stems the stem with its `~` ("condemn~": some word starting "condemn")."""
        return frozenset(
            tok for e in (*self.before, *self.after) if e.slot is None and len(e.options) == 1
            for tok in e.options[0] if tok != GAP
        )


class PatternError(ValueError):
    pass


def _split(text: str) -> list[tuple[str, bool]]:
    """Pattern tokens, each with a flag: joined by `_` to the token before it.

    A slot or `*` written inside a word ("IN_*", "SUGGESTED_+") is a token of its own.
    """
    out: list[tuple[str, bool]] = []
    for chunk in text.split():
        for i, part in enumerate(chunk.split("_")):
            for j, piece in enumerate(p for p in re.split(r"([*$+%^])", part) if p):
                out.append((piece, i > 0 or j > 0))
    return out


def compile_pattern(p: VerbPattern, synsets: dict[str, tuple[str, ...]]) -> CompiledPattern:
    """Compile one pattern; raise PatternError (the caller adds file:line) for a bad one."""
    toks = _split(p.pattern)
    stars = [i for i, (t, _) in enumerate(toks) if t == "*"]
    if len(stars) != 1:
        raise PatternError(f"pattern {p.pattern!r} needs exactly one `*` (the verb)")
    elements: list[Element] = []
    weight = 0
    for tok, joined in toks:
        if tok == "*":
            elements.append(Element("*", (), joined))
            continue
        if tok in SLOTS:
            elements.append(Element(tok, (), joined))
            continue
        if tok.startswith("&"):
            name = tok[1:].upper()
            if name not in synsets:
                raise PatternError(f"pattern {p.pattern!r} uses unknown synset &{name}")
            options = tuple(k for k in (cameo_key(ph) for ph in _expand(name, synsets, set())) if k)
            elements.append(Element(None, options, joined))
            weight += 1  # a synset says less than a word: "* dollar" wins over "* &currency"
            continue
        key = cameo_key(tok)
        if key:
            elements.append(Element(None, (key,), joined))
            weight += 2
    star = next(i for i, e in enumerate(elements) if e.slot == "*")
    before = elements[:star]
    after = elements[star + 1 :]
    # As written, `adjacent` says "joined to the element on my left". After the verb that is the neighbour towards
    # the verb already; before it, the neighbour towards the verb is on the right, so the flag moves one place.
    before_rev = tuple(attrs.evolve(before[i], adjacent=elements[i + 1].adjacent) for i in range(len(before) - 1, -1, -1))
    return CompiledPattern(before_rev, tuple(after), p.code, p, weight)


def _expand(name: str, synsets: dict[str, tuple[str, ...]], seen: set[str]) -> list[str]:
    """A synset's phrases, with nested &NAME members expanded ("&TIETYPES_MEMOS")."""
    out: list[str] = []
    seen = seen | {name}
    for ph in synsets.get(name, ()):
        if "&" not in ph:
            out.append(ph)
            continue
        words = ph.replace("_", " ").split()
        variants = [""]
        for w in words:
            if w.startswith("&") and w[1:].upper() not in seen:
                subs = _expand(w[1:].upper(), synsets, seen)
                variants = [f"{v} {s}".strip() for v in variants for s in subs]
            else:
                variants = [f"{v} {w}".strip() for v in variants]
        out.extend(variants)
    return out


# -- matching ----------------------------------------------------------------------------------------------

@attrs.frozen(slots=True)
class PatternMatch:
    pattern: CompiledPattern
    slots: dict[str, int]  # slot -> group id


def match_pattern(
    cp: CompiledPattern,
    norms: Sequence[str],
    verb: tuple[int, int],
    groups: Sequence[tuple[int, int]],
    lo: int,
    hi: int,
) -> PatternMatch | None:
    """Match `cp` around the verb occupying tokens verb[0]:verb[1]; words are looked for within [lo, hi).

    `groups` are the actor groups of the sentence as (start, end) spans, indexed by group id.
    """
    found: dict[str, int] = {}
    if not _forward(cp.after, 0, verb[1], norms, groups, hi, found):
        return None
    if not _backward(cp.before, 0, verb[0], norms, groups, lo, found):
        return None
    return PatternMatch(cp, dict(found))


def _take(e: Element, gid: int, found: dict[str, int], rest: Callable[[], bool]) -> bool:
    """Fill a slot with noun group `gid` (`^` only skips it) and match the rest of the pattern."""
    if e.slot != "^":
        found[str(e.slot)] = gid
    if rest():
        return True
    found.pop(str(e.slot), None)
    return False


def _forward(els: Sequence[Element], i: int, pos: int, norms: Sequence[str], groups: Sequence[tuple[int, int]], hi: int,
             found: dict[str, int]) -> bool:
    if i == len(els):
        return True
    e = els[i]
    exact = e.adjacent
    if e.slot is not None:
        # a slot takes the nearest noun group (the next one, or the one right here when joined by `_`)
        nearest = next(((gid, gs, ge) for gid, (gs, ge) in enumerate(groups) if gs >= pos), None)
        if nearest is not None and not (exact and nearest[1] != pos) and nearest[2] <= hi:
            gid, _, ge = nearest
            if _take(e, gid, found, lambda: _forward(els, i + 1, ge, norms, groups, hi, found)):
                return True
        # `^` also skips a noun phrase that names no actor ("* their ^ about +": "warned their populations about")
        return e.slot == "^" and _plain_word(norms, pos, groups) and _forward(els, i + 1, pos + 1, norms, groups, hi, found)
    for start in [pos] if exact else range(pos, hi):
        if start < hi and norms[start] in e.singles and _forward(els, i + 1, start + 1, norms, groups, hi, found):
            return True
        for opt in e.others:
            for end in match_ends(opt, norms, start, hi):
                if _forward(els, i + 1, end, norms, groups, hi, found):
                    return True
    return False


def _backward(els: Sequence[Element], i: int, pos: int, norms: Sequence[str], groups: Sequence[tuple[int, int]], lo: int,
              found: dict[str, int]) -> bool:
    """Match elements (nearest the verb first) ending at or before `pos`."""
    if i == len(els):
        return True
    e = els[i]
    exact = e.adjacent
    if e.slot is not None:
        nearest = next(((gid, gs, ge) for gid, (gs, ge) in reversed(list(enumerate(groups))) if ge <= pos), None)
        if nearest is not None and not (exact and nearest[2] != pos) and nearest[1] >= lo:
            gid, gs, _ = nearest
            if _take(e, gid, found, lambda: _backward(els, i + 1, gs, norms, groups, lo, found)):
                return True
        return e.slot == "^" and pos - 1 >= lo and _plain_word(norms, pos - 1, groups) \
            and _backward(els, i + 1, pos - 1, norms, groups, lo, found)
    for end in [pos] if exact else range(pos, lo, -1):
        if end - 1 >= lo and norms[end - 1] in e.singles and _backward(els, i + 1, end - 1, norms, groups, lo, found):
            return True
        for opt in e.others:
            longest = len(opt) - 1 + GAP_WORDS * opt.count(GAP) if GAP in opt else len(opt)
            for start in range(end - len(opt) + opt.count(GAP), max(lo, end - longest) - 1, -1):
                if start >= lo and end in match_ends(opt, norms, start, end):
                    if _backward(els, i + 1, start, norms, groups, lo, found):
                        return True
    return False


def _plain_word(norms: Sequence[str], i: int, groups: Sequence[tuple[int, int]]) -> bool:
    """A word outside every actor group, which `^` may skip as (part of) a noun phrase."""
    return i < len(norms) and norms[i][:1].isalnum() and not any(gs <= i < ge for gs, ge in groups)

"""Compiled dictionaries: one token trie over every phrase, and the tables behind it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Sequence

import attrs

from eventcoder.dictionaries.dictset import DictionarySet
from eventcoder.dictionaries.entries import STAND_INS, Agent
from eventcoder.values import SourceRef
from eventcoder.dictionaries.loader import load_dictionaries
from eventcoder.lang import Language, language
from eventcoder.text.morphology import plural, verb_forms
from eventcoder.text.tokens import phrase_key
from eventcoder.values import by_fields

_END = ""  # trie key under which a node stores the entries of the phrase ending there
_INITIALISM = re.compile(r"[A-Z][A-Z0-9]{1,4}")


@by_fields
@attrs.frozen(slots=True)
class Entry:
    """What a matched phrase can mean.

    kind is one of: country, capital, agent, actor, verb, noun, place, holiday, cue.
    key names the country/agent/actor/pattern/place/holiday/cue list; form is the
    verb form (base, s, past, part, ing) or noun number (sg, pl).
    """

    kind: str
    key: str
    form: str
    ref: SourceRef | None
    cased: bool = False  # an initialism ("CAR", "US") matches only when written in capitals


@attrs.frozen(slots=True)
class Match:
    """A dictionary phrase found in a sentence: tokens [start, end) and its possible meanings."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    _kinds: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_kinds", frozenset(e.kind for e in self.entries))

    def of(self, kind: str) -> list[Entry]:
        if kind not in self._kinds:
            return []
        return [e for e in self.entries if e.kind == kind]

    def has(self, kind: str, key: str | None = None) -> bool:
        return any(e.kind == kind and (key is None or e.key == key) for e in self.entries)


class Lexicon:
    """Dictionaries compiled for matching. Build with Lexicon.build() or Lexicon.from_paths()."""

    def __init__(self, ds: DictionarySet):
        self.ds = ds
        self._trie: dict = {}
        self.cues: dict[str, frozenset[tuple[str, ...]]] = {}
        self.max_len = 1
        self._compile()

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path] = (), *, bundled: bool = True) -> "Lexicon":
        return cls(load_dictionaries(paths, bundled=bundled))

    # -- building -------------------------------------------------------------------------
    def _add(self, phrase: str, entry: Entry) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        if entry.kind in ("country", "actor") and _INITIALISM.fullmatch(phrase):
            entry = attrs.evolve(entry, cased=True)
        node = self._trie
        for tok in key:
            nxt = node.get(tok)
            if nxt is None:
                nxt = node[tok] = {}
            node = nxt
        bucket = node.get(_END)
        if bucket is None:
            node[_END] = [entry]
        elif entry not in bucket:
            bucket.append(entry)
        if len(key) > self.max_len:
            self.max_len = len(key)

    def _compile(self) -> None:
        ds = self.ds
        for c in ds.countries.values():
            for n in {c.name, *c.names}:
                self._add(n, Entry("country", c.iso3, "name", c.ref))
            for n in c.demonyms:
                self._add(n, Entry("country", c.iso3, "demonym", c.ref))
            if c.capital:
                self._add(c.capital, Entry("capital", c.iso3, "", c.ref))
        for a in ds.agents.values():
            for t in a.terms:
                self._add(t, Entry("agent", a.id, "sg", a.ref))
                p = plural(t, ds.irregular_plurals)
                if p != t and not t.endswith("s"):
                    self._add(p, Entry("agent", a.id, "pl", a.ref))
        for a in ds.actors.values():
            for alias in a.aliases:
                self._add(alias, Entry("actor", a.id, "", a.ref))
        irregular = ds.irregular_verbs
        double = frozenset(ds.double_final)
        ands = language(ds.language).words["and"]
        for p in ds.patterns.values():
            for v in p.verbs:
                words = v.split()
                # the verb is the first word, or the second after an adverb ("sexually assault")
                h = 1 if len(words) > 1 and words[0].lower().endswith("ly") else 0
                forms = verb_forms(words[h].lower(), irregular, double)
                by_text: dict[str, list[str]] = {}
                for form, text in forms.items():
                    by_text.setdefault(text, []).append(form)
                # "shoot and kill": both verbs inflect alike ("shot and killed", "shooting and killing")
                second = h + 2 if len(words) > h + 2 and words[h + 1].lower() in ands else None
                for text, names in by_text.items():
                    tail = words[h + 1 :]
                    if second is not None:
                        other = verb_forms(words[second].lower(), irregular, double).get(names[0], words[second])
                        tail = [words[h + 1], other, *words[second + 1 :]]
                    phrase = " ".join(words[:h] + [text] + tail)
                    self._add(phrase, Entry("verb", p.id, "+".join(sorted(names)), p.ref))
            for n in p.nouns:
                self._add(n, Entry("noun", p.id, "sg", p.ref))
                pl = plural(n, ds.irregular_plurals)
                if pl != n:
                    self._add(pl, Entry("noun", p.id, "pl", p.ref))
        for pl in ds.places.values():
            for alias in {pl.name, *pl.aliases}:
                self._add(alias, Entry("place", pl.name, pl.kind, pl.ref))
        for h in ds.holidays.values():
            for alias in h.aliases:
                self._add(alias, Entry("holiday", h.name, "", h.ref))
        for name, phrases in ds.cues.items():
            keys = set()
            for ph in phrases:
                self._add(ph, Entry("cue", name, "", None))
                keys.add(phrase_key(ph))
            self.cues[name] = frozenset(keys)
        self._gaz = ds.gazetteer
        # what the engine asks of the dictionaries on every sentence, looked up once
        self.violent = frozenset(p.id for p in ds.patterns.values() if ds.families[p.family].violent)
        self.stand_ins: dict[str, Agent] = {slot: ds.stand_in(slot) for slot in STAND_INS}
        self.anonymous = frozenset(a.id for a in ds.agents.values() if a.anonymous)
        self.spokespeople = frozenset(a.id for a in ds.agents.values() if a.spokespeople)
        self.casualty_verbs = frozenset(p.id for p in ds.patterns.values() if p.reports_casualties)
        # the pattern a claim of responsibility is coded as when it names no event reported before (the last declared)
        self.claim_pattern = next((p for p in reversed(list(ds.patterns.values())) if p.codes_claims), None)
        self.lang: Language = language(ds.language)

    # -- matching -------------------------------------------------------------------------
    def match(self, norms: Sequence[str], surface: Sequence[str] | None = None) -> list[Match]:
        """Leftmost-longest dictionary matches over a token sequence.

        >>> lex = default_lexicon()
        >>> [(m.start, m.end) for m in lex.match(["kataib", "hezbollah", "fighters", "attacked"])]
        [(0, 2), (2, 3), (3, 4)]
        """
        out: list[Match] = []
        i, n = 0, len(norms)
        trie = self._trie
        while i < n:
            node = trie
            best_end, best = -1, None
            j = i
            while j < n and j - i < self.max_len:
                node = node.get(norms[j])
                if node is None:
                    break
                j += 1
                if _END in node:
                    found = node[_END]
                    if surface is not None and any(e.cased for e in found):
                        # "a car" is not the Central African Republic, "told us" is not the United States
                        upper = all(t.isupper() for t in surface[i:j])
                        found = [e for e in found if upper or not e.cased]
                    if found:
                        best_end, best = j, found
            if best is not None:
                out.append(Match(i, best_end, tuple(best)))
                i = best_end
            else:
                town = self._town_at(norms, i)
                if town is not None:
                    out.append(town)
                    i = town.end
                else:
                    i += 1
        return out

    def _town_at(self, norms: Sequence[str], i: int) -> Match | None:
        """Gazetteer towns fill the gaps vocabulary leaves: a town called "Police" never hides the agent."""
        gaz = self._gaz
        if gaz is None or norms[i] not in gaz.first_tokens:
            return None
        countries = self.ds.countries
        for length in range(min(gaz.max_len, len(norms) - i), 0, -1):
            names = gaz.keys.get(" ".join(norms[i : i + length]))
            if names:
                entries = tuple(Entry("place", n, "town", gaz.ref(n)) for n in names if gaz.country(n) in countries)
                return Match(i, i + length, entries) if entries else None
        return None

    def is_cue(self, name: str, norms: Sequence[str]) -> bool:
        return tuple(norms) in self.cues.get(name, frozenset())

    def lookup(self, phrase: str) -> list[Entry]:
        """Every meaning of an exact phrase (for `dicts show` and tests)."""
        node = self._trie
        for tok in phrase_key(phrase):
            node = node.get(tok)
            if node is None:
                return []
        return list(node.get(_END, []))


_DEFAULT: Lexicon | None = None


def default_lexicon() -> Lexicon:
    """The bundled dictionaries, compiled once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Lexicon(load_dictionaries())
    return _DEFAULT


def is_default_lexicon(lex: Lexicon) -> bool:
    """Whether `lex` is the process's compiled bundled dictionaries."""
    return lex is _DEFAULT

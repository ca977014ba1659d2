"""Compiled dictionaries: one token trie over every phrase, and the tables behind it."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import unicodedata
from functools import lru_cache
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable, Iterable, Sequence

import attrs

from eventcoder.dictionaries import cache
from eventcoder.dictionaries.dictset import DictionarySet
from eventcoder.dictionaries.entries import STAND_INS, Agent
from eventcoder.values import SourceRef
from eventcoder.places.model import STORE_FILE, area_spelling_keys, plain, skeleton, without_area_word
from eventcoder.dictionaries.loader import load_dictionaries
from eventcoder.lang import DEFAULT, Language, language
from eventcoder.text.morphology import plural, verb_forms
from eventcoder.text.tokens import phrase_key
from eventcoder.values import by_fields

AREA_SPELLING_SIMILARITY = 0.8  # letters in place (difflib ratio) an area of any country needs to be read for a name
GLOBAL_TOWN_POPULATION = 20_000  # people a town needs to be found by its spelling alone in a text naming no country
GLOBAL_TOWN_SKELETON = 4  # consonants such a name needs (fewer: too many towns of the world share them)
MIN_SKELETON = 3  # consonants a name needs before a spelling variant is looked for ("Jima" -> jm is too short)
_STORE_MEMO = 50_000  # store keys remembered before the memo starts over
LOWER_CASE_POPULATION = 20_000  # a lower-case name after "in" is a place only for a town this large (or a region)
_UNSEEN = object()  # a memo's "not asked yet" (None is an answer)
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

    @classmethod
    def _with_kinds(cls, start: int, end: int, entries: tuple[Entry, ...], kinds: frozenset[str]) -> "Match":
        """A match whose entries' kinds are known already (the trie keeps them per phrase): one frozenset less a match."""
        m = object.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(m, "start", start)
        setattr_(m, "end", end)
        setattr_(m, "entries", entries)
        setattr_(m, "_kinds", kinds)
        return m

    def of(self, kind: str) -> list[Entry]:
        if kind not in self._kinds:
            return []
        return [e for e in self.entries if e.kind == kind]

    def has_any(self, kinds: frozenset[str]) -> bool:
        """Whether any meaning is of one of `kinds`."""
        return not self._kinds.isdisjoint(kinds)

    def has(self, kind: str, key: str | None = None) -> bool:
        if kind not in self._kinds:
            return False  # most matches hold one or two kinds: no generator over their entries for the others
        return any(e.kind == kind and (key is None or e.key == key) for e in self.entries)


MEASURE = "<measure>"  # the trie edge a hyphenated measure takes inside a verb phrase (never a token of text)


class Lexicon:
    """Dictionaries compiled for matching. Build with Lexicon.build() or Lexicon.from_paths()."""

    def __init__(self, ds: DictionarySet):
        self.ds = ds
        self._trie: dict = {}
        self._written: set[tuple[str, ...]] = set()  # phrase keys as written: the trie also has modifier edges and cycles
        self.cues: dict[str, frozenset[tuple[str, ...]]] = {}
        self.max_len = 1
        self._compile()

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path] = (), *, bundled: bool = True, language: str = DEFAULT) -> "Lexicon":
        return cls(load_dictionaries(paths, bundled=bundled, language=language))

    # -- building -------------------------------------------------------------------------
    def _add(self, phrase: str, entry: Entry) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        if entry.kind in ("country", "actor") and _INITIALISM.fullmatch(phrase):
            entry = attrs.evolve(entry, cased=True)
        self._written.add(key)
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
        # peoples are kept out of the trie: they are no actor and no state, only where an event may be
        self.peoples: dict[tuple[str, ...], str | None] = {}
        for c in ds.countries.values():
            for n, iso3 in [(n, c.iso3) for n in c.peoples] + [(n, None) for n in c.shared_peoples]:
                for form in {n, plural(n, ds.irregular_plurals)}:
                    self.peoples[tuple(form.split())] = iso3
        self.people_len = max((len(k) for k in self.peoples), default=0)
        self.people_first = frozenset(k[0] for k in self.peoples if k)  # most words start no people's name: skipped at once
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
        tails: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}  # a verb phrase's first word -> the rest of it
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
                    entry = Entry("verb", p.id, "+".join(sorted(names)), p.ref)
                    self._add(phrase, entry)
                    if h == 0 and second is None:
                        key = phrase_key(phrase)
                        if len(key) > 1:
                            tails.setdefault(key[0], []).append((key[1:], entry))
            for n in p.nouns:
                self._add(n, Entry("noun", p.id, "sg", p.ref))
                pl = plural(n, ds.irregular_plurals)
                if pl != n:
                    self._add(pl, Entry("noun", p.id, "pl", p.ref))
        self._skip_modifiers(tails, language(ds.language).words["object_modifiers"] | {MEASURE})
        self.verb_tails = tails  # a verb phrase's first word -> its rests: mentions.split_verbs reads phrases split by an object
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
        self._store = ds.store
        self._store_memo: dict[str, tuple[Entry, ...]] = {}
        self._store_pop: dict[str, int] = {}
        self._store_admin2: set[str] = set()  # keys of second-level areas ("Wake" county): never in lower-case text
        self._skeletons: dict[str, dict[str, list]] = {}
        # answers of spelling_variant and area_anywhere: pure in their arguments, asked again for every article that
        # writes a name the same unknown way, and each costs a query or difflib ratios
        self._variant_memo: dict[tuple[str, str, str, bool], Entry | None] = {}
        self._area_memo: dict[str, Entry | None] = {}
        self._global: dict[str, list] | None = None
        self._plain: dict[str, list[int]] | None = None  # plain spelling -> places of the store's marked keys, when first asked
        self._admin2: dict[str, dict[str, set]] = {}  # country -> spelt admin2 -> (admin1, admin2), built when first asked  # country -> town skeleton -> towns, built when first asked
        # what the engine asks of the dictionaries on every sentence, looked up once
        self.violent = frozenset(p.id for p in ds.patterns.values() if ds.families[p.family].violent)
        self.stand_ins: dict[str, Agent] = {slot: ds.stand_in(slot) for slot in STAND_INS}
        self.anonymous = frozenset(a.id for a in ds.agents.values() if a.anonymous)
        self.spokespeople = frozenset(a.id for a in ds.agents.values() if a.spokespeople)
        # title phrase (as tokens) -> the agent whose office it names ("Gov. X" is a governor)
        self.titles: dict[tuple[str, ...], str] = {phrase_key(t): a.id for a in ds.agents.values() for t in a.titles}
        self.offices: frozenset[str] = frozenset(self.titles.values())  # the agents a title names (once, not per sentence)
        self.casualty_verbs = frozenset(p.id for p in ds.patterns.values() if p.reports_casualties)
        self.context_verbs = frozenset(p.id for p in ds.patterns.values() if p.context_verbs and p.context)
        # the pattern a claim of responsibility is coded as when it names no event reported before (the last declared)
        self.claim_pattern = next((p for p in reversed(list(ds.patterns.values())) if p.codes_claims), None)
        self.lang: Language = language(ds.language)
        words = self.lang.words
        self._area_words = words["place_area_words"]
        self._lower_leads = frozenset(k[0] for k in self.cues.get("locative", ()) if len(k) == 1)
        # common words: the first words of vocabulary phrases (event words, agents, cues), not of names
        common = {phrase_key(t)[0] for a in ds.agents.values() for t in a.terms if phrase_key(t)}
        common |= {w for name, phrases in ds.cues.items() for ph in phrases for w in phrase_key(ph)[:1]}
        common |= {k for k, node in self._trie.items() if k and any(e.kind in ("verb", "noun") for e in node.get(_END, ()))}
        self._lower_stop = words["not_lowercase_places"] | frozenset(common) | frozenset(w for ws in words.values() for w in ws)
        self._freeze()

    def _freeze(self) -> None:
        """Each phrase's entries become (entries, their kinds, whether any is cased): computed once, not per match."""
        stack, seen = [self._trie], set()
        while stack:
            node = stack.pop()
            if id(node) in seen:  # _skip_modifiers shares a phrase's rest between paths: freeze it once
                continue
            seen.add(id(node))
            for tok, child in node.items():
                if tok == _END:
                    entries = tuple(child)
                    node[_END] = (entries, frozenset(e.kind for e in entries), any(e.cased for e in entries))
                else:
                    stack.append(child)

    def _measure(self, norms: Sequence[str], j: int) -> int:
        """The length of a measure or amount at j ("48-hour", "three-month-old", "100 kilometres", "$2 million",
        "$500"): an optional currency sign, a number, then units, scales or currencies of the language, hyphenated or
        not; 0 if there is none (a number alone, "three" or "30", measures nothing)."""
        words, nums, n = self.lang.words, self.lang.numbers, len(norms)
        k = j + 1 if norms[j] in words["currency_signs"] else j
        if k >= n:
            return 0
        first = norms[k].replace(",", "").replace(".", "")
        figure = first.isdigit()
        if not (figure or first in nums["units"] or first in nums["tens"]):
            return 0
        tail = words["measure_units"] | words["currency_signs"] | nums["scales"].keys()
        k += 1
        bare = k
        while True:
            at = k + 1 if k < n and norms[k] == "-" else k
            w = norms[at] if at < n else ""
            if w in tail or (w.endswith("s") and w[:-1] in tail):
                k = at + 1
            else:
                break
        # a bare figure ("seized 30 rifles") stays outside: it is a count of the object, which other rules read
        return k - j if k > bare or (figure and bare - j > 1) else 0

    def _skip_modifiers(self, tails: dict[str, list[tuple[tuple[str, ...], Entry]]], modifiers: frozenset[str]) -> None:
        """Let modifier words stand inside a verb phrase, up to three after the verb and one between later words
        ("offered his deepest condolences to" is "offer condolences to", "called off their strike" is "call off
        strike"): the verb's node gets an edge per modifier to a trie of its phrases' rests alone, so no other phrase
        starting with that word is reached through a modifier, and a modifier never ends a phrase."""
        for head, rests in tails.items():
            node = self._trie.get(head)
            if node is None:
                continue
            rest_trie: dict = {}
            inner: list[dict] = []  # the nodes after a rest's first word, in both tries, before any edge makes a cycle
            for rest, entry in rests:
                at, main = rest_trie, node
                for i, tok in enumerate(rest):
                    at, main = at.setdefault(tok, {}), main.get(tok) if main is not None else None
                    if i < len(rest) - 1:
                        inner.extend(n for n in (at, main) if n is not None)
                bucket = at.setdefault(_END, [])
                if entry not in bucket:
                    bucket.append(entry)
            for mod in modifiers:
                if mod not in node:
                    node[mod] = rest_trie
                else:  # "lift the ban on" is a phrase: its node gains the rests it lacks ("lift the ban"), keeps its own
                    _graft(node[mod], rest_trie)
            # "its most sincere": up to three modifiers after the verb, each level a copy that leads one level down
            levels = [rest_trie, dict(rest_trie), dict(rest_trie)]
            for mod in modifiers:
                for upper, lower in zip(levels, levels[1:]):
                    upper.setdefault(mod, lower)
            for mod in modifiers:
                if node[mod] is not rest_trie:  # a phrase's own modifier node: further modifiers from it too
                    for more in modifiers:
                        node[mod].setdefault(more, levels[1])
            seen: set[int] = set()
            for n in inner:
                if id(n) not in seen:
                    seen.add(id(n))
                    onward = {k: v for k, v in n.items() if k != _END}
                    for mod in modifiers:
                        n.setdefault(mod, onward)
        if tails:
            self.max_len += 4

    # -- matching -------------------------------------------------------------------------
    def match(self, norms: Sequence[str], surface: Sequence[str] | None = None, lower_names: bool = True) -> list[Match]:
        """Leftmost-longest dictionary matches over a token sequence.

        `lower_names`: a store place may be written in lower case after a locative word ("in kanpur"); only for text
        written in lower case, since in ordinary text a lower-case word is no name ("in downtown", "in camp").

        >>> lex = default_lexicon()
        >>> [(m.start, m.end) for m in lex.match(["kataib", "hezbollah", "fighters", "attacked"])]
        [(0, 2), (2, 3), (3, 4)]
        """
        out: list[Match] = []
        i, n = 0, len(norms)
        trie = self._trie
        max_len = self.max_len
        area_words, lower_leads = self._area_words, self._lower_leads
        with_kinds = Match._with_kinds
        while i < n:
            node = trie
            best_end, best, best_kinds = -1, None, None
            j = i
            while j < n and j - i < max_len:
                step = node.get(norms[j])
                if step is None and MEASURE in node:
                    span = self._measure(norms, j)
                    if span:  # "lifted a three-month-old ban on": a measure inside a verb phrase
                        step, j = node[MEASURE], j + span - 1
                node = step
                if node is None:
                    break
                j += 1
                bucket = node.get(_END)
                if bucket is not None:
                    entries, kinds, cased = bucket
                    if surface is not None and cased:
                        # "a car" is not the Central African Republic, "told us" is not the United States
                        upper = all(t.isupper() for t in surface[i:j])
                        found = tuple(e for e in entries if upper or not e.cased)
                        if found:
                            best_end, best, best_kinds = j, found, None
                    else:
                        best_end, best, best_kinds = j, entries, kinds
            if best is not None and best_end < n and norms[best_end] in area_words:
                # "Somali region", "Kherson oblast": a store region named by a longer key than the demonym or town
                region = self._town_at(norms, i, surface, lower_names)
                if region is not None and region.end > best_end:
                    best_end, best, best_kinds = region.end, tuple(region.entries), None
            if best is not None and surface is not None and all(e.kind == "cue" for e in best):
                # "East Shewa", "North Gondar": a cue word ("east") that begins a longer store name is that name
                area = self._town_at(norms, i, surface, lower_names)
                if area is not None and area.end > best_end:
                    best_end, best, best_kinds = area.end, tuple(area.entries), None
            if best is not None and best_end - i > 1 and all(e.kind == "cue" for e in best):
                # "the Movement for Democratic Change": a pronoun cue ("the movement") that begins a longer actor name
                # after its article is that name
                named = self._actor_at(norms, i + 1, surface)
                if named is not None and named[0] > best_end:
                    i += 1
                    best_end, best, best_kinds = named[0], named[1], None
            if best is not None:
                out.append(Match(i, best_end, best) if best_kinds is None else with_kinds(i, best_end, best, best_kinds))
                i = best_end
            elif surface is not None and not surface[i][:1].isupper() and not (lower_names and i and norms[i - 1] in lower_leads):
                i += 1  # a lower-case word not after a locative word is no store place (_town_at's first test, inlined)
            else:
                town = self._town_at(norms, i, surface, lower_names)
                if town is not None:
                    out.append(town)
                    i = town.end
                else:
                    i += 1
        return out

    def _actor_at(self, norms: Sequence[str], i: int, surface: Sequence[str] | None) -> tuple[int, tuple[Entry, ...]] | None:
        """The longest named actor's alias starting at token i (its end and entries), initialisms only in capitals."""
        node, found = self._trie, None
        for j in range(i, min(len(norms), i + self.max_len)):
            node = node.get(norms[j])
            if node is None:
                break
            bucket = node.get(_END)
            if bucket is not None:
                entries = tuple(e for e in bucket[0] if e.kind == "actor" and (
                    not e.cased or surface is None or all(t.isupper() for t in surface[i : j + 1])))
                if entries:
                    found = (j + 1, entries)
        return found

    def _town_at(self, norms: Sequence[str], i: int, surface: Sequence[str] | None = None, lower_names: bool = True) -> Match | None:
        """Places of the store fill the gaps vocabulary leaves: a town called "Police" never hides the agent.

        A store name counts when written as a proper noun; in a lower-case text also right after a locative
        word ("in kanpur"), when it is no common word and names a town of some size. `store.max_len` answers
        the first question for each token (memoised there), so no table of 280,000 first tokens is loaded.
        """
        store = self._store
        if store is None:
            return None
        longest = store.max_len(norms[i])
        if not longest:
            return None
        lower = False
        if surface is not None and not surface[i][:1].isupper():
            if not (lower_names and i and norms[i - 1] in self._lower_leads and norms[i] not in self._lower_stop and norms[i].isalpha()):
                return None
            lower = True
        for length in range(min(longest, len(norms) - i), 0, -1):
            entries = self._store_entries(" ".join(norms[i : i + length]))
            if lower:
                # lower-case "in wake of", "in stone pelting": a county or district named like a common word is no place
                entries = tuple(e for e in entries if (e.form != "town" or self._store_pop.get(e.key, 0) >= LOWER_CASE_POPULATION)
                                and e.key not in self._store_admin2)
            if entries:
                return Match(i, i + length, entries)
        return None

    def _store_entries(self, key: str) -> tuple[Entry, ...]:
        """The place entries a space-joined key names in the store (countries the dictionaries know), memoised."""
        found = self._store_memo.get(key)
        if found is not None:
            return found
        countries = self.ds.countries
        rows = self._store.candidates(key)
        found = tuple(Entry("place", f"gn:{r.id}", "region" if r.kind in ("admin1", "admin2") else r.kind, SourceRef(STORE_FILE, r.id))
                      for r in rows if r.iso3 in countries)
        for r in rows:
            self._store_pop[f"gn:{r.id}"] = r.population
            if r.kind == "admin2":
                self._store_admin2.add(f"gn:{r.id}")
        if len(self._store_memo) >= _STORE_MEMO:
            self._store_memo.clear()
        self._store_memo[key] = found
        return found

    def plain_places(self, phrase: str) -> tuple[Entry, ...]:
        """The store places whose name is the phrase once accents and apostrophes are dropped ("Ginchi" for Gīnch'ī,
        "Nekemte" for Nek'emtē): the same name, as English text writes GeoNames' transliterations, in any country the
        dictionaries know; () when none is. The index (the store's ~70,000 marked keys) is cached on disk."""
        if self._store is None:
            return ()
        if self._plain is None:
            self._plain = self._plain_index()
        key = plain(" ".join(phrase_key(phrase)))
        found = tuple(r for pid in self._plain.get(key, ()) if (r := self._store.place(pid)) is not None and r.iso3 in self.ds.countries)
        for r in found:
            self._store_pop[f"gn:{r.id}"] = r.population
            if r.kind == "admin2":
                self._store_admin2.add(f"gn:{r.id}")
        return tuple(Entry("place", f"gn:{r.id}", "region" if r.kind in ("admin1", "admin2") else r.kind, SourceRef(STORE_FILE, r.id))
                     for r in sorted(found, key=lambda r: (-r.population, r.id)))

    def _plain_index(self) -> dict[str, list[int]]:
        """Plain spelling -> store places, for the keys written with an accent or an apostrophe."""
        def build() -> dict[str, list[int]]:
            index: dict[str, list[int]] = {}
            for k, pid in self._store.marked_keys():
                p = plain(k)
                if p != k and pid not in index.setdefault(p, []):
                    index[p].append(pid)
            return index
        return self._store_index("plain", build)

    def spelling_variant(self, iso3: str, name: str, admin1: str = "", area: bool = False) -> Entry | None:
        """`_spelling_variant`, memoised."""
        key = (iso3, name, admin1, area)
        found = self._variant_memo.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._spelling_variant(iso3, name, admin1, area)
            if len(self._variant_memo) >= _STORE_MEMO:
                self._variant_memo.clear()
            self._variant_memo[key] = found
        return found  # type: ignore[return-value]

    def _spelling_variant(self, iso3: str, name: str, admin1: str = "", area: bool = False) -> Entry | None:
        """A town of a country written another way ("Woldiya" for Weldiya): the one town of that country (of that
        admin1, when given) whose name or alternate has the same skeleton; else the one region ("Gambella" for
        Gambela; only a region when `area`); None when none or several do."""
        key = skeleton(name)
        if self._store is None or len(key) < MIN_SKELETON or iso3 not in self.ds.countries:
            return None
        index = self._skeletons.get(iso3)
        if index is None:
            index = self._skeletons[iso3] = self._skeleton_index(iso3)
        regions = _one_area(index.get("region:" + key, []))
        rows = [] if area else index.get(key, [])
        if not rows:
            if regions is not None and (not admin1 or _spell(regions[2]) == _spell(admin1)):
                pid = regions[0]
                return Entry("place", f"gn:{pid}", "region", SourceRef(STORE_FILE, pid))
            return None
        if admin1:
            rows = [r for r in rows if _spell(r[2]) == _spell(admin1)]
        if not rows or len({r[2] for r in rows}) != 1:
            return None  # none, or towns of that skeleton in several regions: no guess
        pid, kind, _ = rows[0]  # the most populous of one region's namesakes (GeoNames lists some towns twice)
        return Entry("place", f"gn:{pid}", kind, SourceRef(STORE_FILE, pid))

    def _skeleton_index(self, iso3: str) -> dict[str, list]:
        """Skeleton -> towns (and "region:" + skeleton -> regions) of a country: building it spells every name of the
        country (USA: ~0.2 s), so it is kept with the store's other derived indexes."""
        def build() -> dict[str, list]:
            index: dict[str, list] = {}
            for pid, kind, admin1_, name_, alternates in self._store.towns(iso3):
                row = (pid, kind, admin1_)
                for n in {skeleton(n) for n in (name_, *alternates.split("|"))} if alternates else (skeleton(name_),):
                    index.setdefault(n, []).append(row)
            for r in self._store.areas(iso3):
                for n in {skeleton(n) for n in (r.name, *r.alternates)}:
                    # a country has hundreds of second-level areas: three consonants ("Astore") match some of them
                    if r.kind == "admin1" or len(n) > MIN_SKELETON:
                        index.setdefault("region:" + n, []).append((r.id, r.kind, r.admin1 or r.name))
            return index
        return self._store_index(f"skeletons:{iso3}", build)

    def _store_index(self, name: str, build: Callable[[], dict]) -> dict:
        """An index derived from the place store, from the signed on-disk cache when this very store file (path, size,
        mtime) was indexed by this very module before; else built and cached."""
        key = None
        with contextlib.suppress(OSError):
            st = os.stat(self._store.path)
            key = cache.key_for(f"{name}:{_own_source()}",
                                f"{os.path.abspath(self._store.path)}\0{st.st_size}\0{st.st_mtime_ns}")
            found = cache.load(key)
            if isinstance(found, dict):
                return found
        index = build()
        if key is not None:
            cache.store(key, index)
        return index

    def area_anywhere(self, name: str) -> Entry | None:
        """`_area_anywhere`, memoised."""
        found = self._area_memo.get(name, _UNSEEN)
        if found is _UNSEEN:
            found = self._area_anywhere(name)
            if len(self._area_memo) >= _STORE_MEMO:
                self._area_memo.clear()
            self._area_memo[name] = found
        return found  # type: ignore[return-value]

    def _area_anywhere(self, name: str) -> Entry | None:
        """The one first- or second-level area of any country spelt like `name` ("East Welega" for East Wellega),
        for a text that names no other country; None when areas of several countries (or regions) share the
        skeleton, or the name is too short to guess (`area_spelling_keys`). One indexed query of the store."""
        if self._store is None:
            return None
        countries = self.ds.countries
        bare = _spell(self.without_area_word(name))
        for key in area_spelling_keys(name, self._area_words):
            # the same consonants and most letters in place ("Artsakh" shares its consonants with Irtyshskiy only)
            rows = [(r.id, r.kind, f"{r.iso3}:{r.admin1 or r.name}") for r in self._store.areas_spelt(key) if r.iso3 in countries
                    and max(SequenceMatcher(None, bare, _spell(self.without_area_word(n))).ratio()
                            for n in (r.name, *r.alternates)) >= AREA_SPELLING_SIMILARITY]
            if rows:
                found = _one_area(rows)
                return Entry("place", f"gn:{found[0]}", "region", SourceRef(STORE_FILE, found[0])) if found else None
        return None

    def town_anywhere(self, name: str) -> Entry | None:
        """The one sizeable town of any country spelt like `name` ("Nekemt" for Nek'emte, "Diredawa" for Dire Dawa), for
        a text that names no country: the same skeleton as one of its names, the same first letter and most letters
        in place of its own name (alternates are too often other scripts' transliterations: "Chan-ho"); None when
        towns of several regions fit, the name is a common word or is too short to guess."""
        key = skeleton(name)
        if self._store is None or len(key) < GLOBAL_TOWN_SKELETON or self.is_common_word(name.lower()):
            return None
        countries = self.ds.countries
        bare = _spell(name)
        rows = [r for r in self._global_towns().get(key, ()) if r[1] in countries and r[4][:1] == bare[:1]
                and SequenceMatcher(None, bare, r[4]).ratio() >= AREA_SPELLING_SIMILARITY]
        if not rows or len({(r[1], r[2]) for r in rows}) != 1:
            return None
        pid, _, _, kind, _ = rows[0]  # the most populous of one region's namesakes
        return Entry("place", f"gn:{pid}", kind, SourceRef(STORE_FILE, pid))

    def _global_towns(self) -> dict[str, list]:
        """Skeleton -> (id, iso3, admin1, kind, spelt own name) of the towns of every country with
        GLOBAL_TOWN_POPULATION people or more, most populous first (built once, cached with the other indexes)."""
        if self._global is None:
            def build() -> dict[str, list]:
                index: dict[str, list] = {}
                for pid, iso3, admin1, kind, name_, alternates in self._store.large_towns(GLOBAL_TOWN_POPULATION):
                    row = (pid, iso3, admin1, kind, _spell(name_))
                    for n in {skeleton(n) for n in (name_, *alternates.split("|")) if n}:
                        if len(n) >= GLOBAL_TOWN_SKELETON:
                            index.setdefault(n, []).append(row)
                return index
            self._global = self._store_index("global_towns", build)
        return self._global

    def without_area_word(self, name: str) -> str:
        """ "Girawa District" -> "Girawa": the type word says nothing of which area it is."""
        return without_area_word(name, self._area_words)

    def admin2_region(self, iso3: str, name: str) -> tuple[str, str] | None:
        """(admin1, admin2) of the one second-level area of a country that `name` spells ("Kasese" district),
        or None; GeoNames names admin2 for about half the towns only."""
        if self._store is None or iso3 not in self.ds.countries:
            return None
        index = self._admin2.get(iso3)
        if index is None:
            index = {}
            for admin1, admin2 in self._store.admin2_areas(iso3):
                parts = admin2.split()
                bare = " ".join(parts[:-1]) if len(parts) > 1 and parts[-1].lower() in self._area_words else admin2
                for key in {_spell(admin2), _spell(bare)}:
                    index.setdefault(key, set()).add((admin1, admin2))
            self._admin2[iso3] = index
        found = index.get(_spell(name), set())
        return next(iter(found)) if len(found) == 1 else None

    def is_common_word(self, norm: str) -> bool:
        """Whether a word is one the dictionaries or the grammar use ("university", "police"): not a place name alone."""
        return norm in self._lower_stop

    def store_places(self, phrase: str) -> list[Entry]:
        """The store's places an exact phrase names (for `dicts show`)."""
        if self._store is None:
            return []
        return list(self._store_entries(" ".join(phrase_key(phrase))))

    def is_cue(self, name: str, norms: Sequence[str]) -> bool:
        return tuple(norms) in self.cues.get(name, frozenset())

    def phrases(self) -> Iterable[tuple[str, ...]]:
        """Every phrase of the dictionaries as its token key (what reference matchers are given in
        benchmarks/throughput.py); the modifier edges that let words stand inside a verb phrase are not phrases."""
        return iter(sorted(self._written))

    def lookup(self, phrase: str) -> list[Entry]:
        """Every meaning of an exact phrase (for `dicts show` and tests)."""
        node = self._trie
        for tok in phrase_key(phrase):
            node = node.get(tok)
            if node is None:
                return []
        bucket = node.get(_END)
        return list(bucket[0]) if bucket is not None else []


def _graft(into: dict, rest: dict) -> None:
    """Merge the phrase trie `rest` into the trie node `into`: what `into` says stays, what it lacks is added."""
    for k, v in rest.items():
        if k == _END:
            bucket = into.setdefault(_END, [])
            bucket.extend(e for e in v if e not in bucket)
        elif k not in into:
            into[k] = v
        elif into[k] is not v:
            _graft(into[k], v)


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


@lru_cache(maxsize=1)
def _own_source() -> str:
    """A digest of this module and of the place model whose spellings (skeletons) the indexes hold: a cached index
    never outlives the code that built it."""
    from eventcoder.places import model
    return hashlib.sha256(Path(__file__).read_bytes() + Path(model.__file__).read_bytes()).hexdigest()[:16]


def _one_area(rows: list[tuple[int, str, str]]) -> tuple[int, str, str] | None:
    """The one area a skeleton names: a first-level region, else the most populous second-level area when all of
    them lie in one region (GeoNames lists some zones twice: "Arsi" and "Arsi Zone"); None when it is unclear."""
    first = [r for r in rows if r[1] == "admin1"]
    if first:
        return first[0] if len(first) == 1 else None
    return rows[0] if rows and len({r[2] for r in rows}) == 1 else None


def _spell(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if c.isalnum())

"""CAMEO coding with verb-pattern dictionaries (the TABARI/PETRARCH way), from raw text and without a parser.

Per sentence: discards -> actor and agent phrases -> noun groups (agents joined to their actor, compounds split) ->
dictionary verbs -> for each verb, source and target from word order (or from the slots of the pattern that
matched) -> (source code, target code, event code) triples. Used by `Coder.cameo()` when the dictionaries have
`verb_patterns`; the ACLED pipeline does not use it.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

import attrs

from .dictionary import CameoActor, CameoAgent, CameoVerb, DictionarySet
from .morphology import verb_forms
from .sentences import split_sentences
from .text import normalize, phrase_key, tokenize
from .verbpatterns import CompiledPattern, PatternError, compile_pattern, match_pattern

_END = ""
_CONNECTORS = frozenset({"of", "in", "from", "'s", "'"})
_COMPOUND = frozenset({",", "and", "or", "nor", "&"})
_LEADING = frozenset({"neither", "both", "either"})
_BE = frozenset({"was", "were", "is", "are", "been", "be", "being", "'s"})
_PREPOSITIONS = frozenset({"with", "to", "against", "by", "on", "at", "for", "into", "towards", "toward", "about", "over",
                           "between", "than", "upon", "near", "without", "through", "under", "after", "before", "during",
                           "since", "among", "amid", "across", "around", "behind", "beyond", "within", "along", "like"})
_BREAKS = _PREPOSITIONS | _COMPOUND | frozenset({
    "that", "which", "who", "whom", "whose", "while", "when", "where", "if", "because", "but", "as", "so", "yet", "then",
    "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "shall", "did", "do", "does",
    "not", "n't", "no", "it", "its", "he", "she", "they", "them", "their", "his", "her", "we", "our", "i", "you",
    ".", ";", ":", "!", "?", "(", ")", '"', "'", "--", "-", "``", "''",
}) | _BE
_MAX_GAP = 3  # modifier words allowed between an agent and its actor ("Minas Tirith border police")


@attrs.frozen(slots=True)
class _Hit:
    start: int
    end: int
    actors: tuple[CameoActor, ...] = ()
    agents: tuple[CameoAgent, ...] = ()
    verbs: tuple[CameoVerb, ...] = ()


@attrs.define
class _Segment:
    start: int
    end: int
    actor: str | None
    prefixes: list[str]
    suffixes: list[str]
    joined: bool = False  # built by joining an agent to an actor across "of/in/from"
    agent_only_before: list[list[tuple[list[str], list[str]]]] = attrs.field(factory=list)

    def code(self) -> str:
        return compose(self.actor, self.prefixes, self.suffixes)


@attrs.frozen(slots=True)
class Group:
    """A noun group: one or more actor codes (a compound), over tokens [start, end)."""

    start: int
    end: int
    codes: tuple[str, ...]


def compose(actor: str | None, prefixes: Sequence[str], suffixes: Sequence[str]) -> str:
    """An actor code with agent codes before and after; an agent already in the code is not repeated.

    >>> compose("ARN", ["NGO"], ["GOV"])
    'NGOARNGOV'
    >>> compose(None, [], ["REL"])
    '---REL'
    """
    code = actor or "---"
    for s in suffixes:
        if s not in code[3:]:
            code += s
    for p in reversed(prefixes):
        if not code.startswith(p):
            code = p + code
    return code


def _null(code: str) -> bool:
    return not any(ch.isalnum() for ch in code)


class CameoCoder:
    """Verb-pattern dictionaries compiled for matching. Build once per DictionarySet; pure afterwards."""

    def __init__(self, ds: DictionarySet):
        self.ds = ds
        self._trie: dict = {}
        self.max_len = 1
        self.problems: list[str] = []
        for actor in ds.cameo_actors:
            for ph in actor.phrases:
                self._add(ph, actor=actor)
        for agent in ds.cameo_agents:
            for ph in agent.phrases:
                self._add(ph, agent=agent)
        irregular, double = ds.irregular_verbs, frozenset(ds.double_final)
        self.patterns: dict[str, tuple[CompiledPattern, ...]] = {}
        for verb in ds.verb_patterns.values():
            for phrase in (verb.verb, *verb.synonyms):
                for form in _forms(phrase, irregular, double):
                    self._add(form, verb=verb)
            for form in verb.forms:
                self._add(form, verb=verb)
            compiled = []
            for p in verb.patterns:
                try:
                    compiled.append(compile_pattern(p, ds.synsets))
                except PatternError as exc:
                    self.problems.append(f"{p.ref}: {exc}")
            # more specific patterns first; file order among equals
            self.patterns[verb.verb] = tuple(sorted(compiled, key=lambda c: -c.weight))
        self.sentence_discards = frozenset(k for k in (phrase_key(d.phrase) for d in ds.discards if not d.story) if k)
        self.story_discards = frozenset(k for k in (phrase_key(d.phrase) for d in ds.discards if d.story) if k)

    def _add(self, phrase: str, *, actor: CameoActor | None = None, agent: CameoAgent | None = None,
             verb: CameoVerb | None = None) -> None:
        key = phrase_key(phrase.replace("_", " "))
        if not key:
            return
        node = self._trie
        for tok in key:
            node = node.setdefault(tok, {})
        bucket = node.setdefault(_END, ([], [], []))
        for lst, item in zip(bucket, (actor, agent, verb)):
            if item is not None and item not in lst:
                lst.append(item)
        self.max_len = max(self.max_len, len(key))

    # -- matching -------------------------------------------------------------------------------------------
    def _hits(self, norms: Sequence[str]) -> list[_Hit]:
        out: list[_Hit] = []
        i, n = 0, len(norms)
        while i < n:
            node, best, best_end = self._trie, None, i
            j = i
            while j < n:
                node = node.get(norms[j])
                if node is None:
                    break
                j += 1
                if _END in node:
                    best, best_end = node[_END], j
            if best is None:
                i += 1
                continue
            actors, agents, verbs = best
            out.append(_Hit(i, best_end, tuple(actors), tuple(agents), tuple(verbs)))
            i = best_end
        return out

    def code(self, text: str, day: dt.date) -> list[tuple[str, str, str]]:
        """(source, target, event code) triples for a text, sentence by sentence."""
        out: list[tuple[str, str, str]] = []
        sentences = [[t.norm for t in tokenize(normalize(s.text))] for s in split_sentences(text)]
        if any(_contains(norms, k) for norms in sentences for k in self.story_discards):
            return []
        for norms in sentences:
            for triple in self.code_sentence(norms, day):
                if triple not in out:
                    out.append(triple)
        return out

    def code_sentence(self, norms: Sequence[str], day: dt.date) -> list[tuple[str, str, str]]:
        if any(_contains(norms, k) for k in self.sentence_discards):
            return []
        hits = self._hits(norms)
        groups = self._groups(norms, [h for h in hits if h.actors or h.agents], day)
        verbs = [h for h in hits if h.verbs and not h.actors and not h.agents]
        spans = [(g.start, g.end) for g in groups]
        out: list[tuple[str, str, str]] = []
        prev_source: int | None = None
        prev_end = 0
        for k, v in enumerate(verbs):
            verb = v.verbs[0]
            nxt = verbs[k + 1].start if k + 1 < len(verbs) else len(norms)
            source = self._source(norms, groups, v, prev_end, prev_source)
            target = next((gi for gi, g in enumerate(groups) if v.end <= g.start < nxt), None)
            if target is not None and _passive(norms, v) and groups[target].start > 0 and norms[groups[target].start - 1] == "by":
                source, target = target, source
            code = verb.code
            for cp in self.patterns.get(verb.verb, ()):
                m = match_pattern(cp, norms, (v.start, v.end), spans, 0, len(norms))
                if m is not None:
                    code = cp.code
                    if "$" in m.slots:
                        source = m.slots["$"]
                    if "+" in m.slots:
                        target = m.slots["+"]
                    if "%" in m.slots:
                        source, target = m.slots["%"], None
                    break
            prev_end = v.end
            prev_source = source
            if source is None or _null(code):
                continue
            out.extend(_triples(groups, source, target, code))
        return out

    def _source(self, norms: Sequence[str], groups: Sequence[Group], v: _Hit, prev_end: int, prev_source: int | None) -> int | None:
        # "X condemned A and promised B": a verb right after "and" keeps the previous verb's subject
        if prev_source is not None and v.start > 0 and norms[v.start - 1] in ("and", "then"):
            return prev_source
        subjects = [gi for gi, g in enumerate(groups) if g.end <= v.start and not (g.start > 0 and norms[g.start - 1] in _PREPOSITIONS)]
        in_clause = [gi for gi in subjects if groups[gi].start >= prev_end]
        if in_clause:
            return in_clause[-1]
        return subjects[-1] if subjects else None

    # -- noun groups ----------------------------------------------------------------------------------------
    def _groups(self, norms: Sequence[str], hits: list[_Hit], day: dt.date) -> list[Group]:
        segments: list[_Segment] = []
        for h in hits:
            actor = h.actors[-1].code_on(day) if h.actors else None
            if actor is not None and _null(actor):
                continue
            pre = [a.code for a in h.agents if a.prefix] if not h.actors else []
            suf = [a.code for a in h.agents if not a.prefix] if not h.actors else []
            seg = _Segment(h.start, h.end, actor, pre, suf)
            if segments and self._same_phrase(norms, segments[-1].end, h.start) and _mergeable(segments[-1], seg):
                last = segments[-1]
                last.end = h.end
                last.actor = last.actor or seg.actor
                last.prefixes += seg.prefixes
                last.suffixes += seg.suffixes
                continue
            segments.append(seg)
        # join across "of / in / from / 's"
        joined: list[_Segment] = []
        for seg in segments:
            if joined:
                last = joined[-1]
                between = norms[last.end : seg.start]
                link = [w for w in between if w not in ("the", "a", "an")]
                if len(link) == 1 and link[0] in _CONNECTORS:
                    if last.actor is None and seg.actor is not None and link[0] != "'s":
                        # "ambassadors of Arnor", "soldiers from Gondor", "lawmakers in Fornost"
                        seg.prefixes = last.prefixes + seg.prefixes
                        seg.suffixes = last.suffixes + seg.suffixes
                        seg.start, seg.joined = last.start, True
                        joined[-1] = seg
                        continue
                    if last.actor is not None and link[0] in ("'s", "'"):
                        # "Gondor's government", "Dagolath's deputy prime minister Telemar"
                        last.end = seg.end
                        last.actor = seg.actor or last.actor
                        last.prefixes += seg.prefixes
                        last.suffixes += seg.suffixes
                        continue
                    if last.actor is not None and seg.actor is not None:
                        last.end = seg.end  # "soldiers in south Ithilen": a place, not a second actor
                        continue
            joined.append(seg)
        # compounds: "A, B and C"
        groups: list[Group] = []
        members: list[_Segment] = []
        for seg in joined:
            if members and all(w in _COMPOUND or w in ("the", "a", "an") for w in norms[members[-1].end : seg.start]) \
                    and norms[members[-1].end : seg.start]:
                members.append(seg)
                continue
            if members:
                groups.append(_group(members))
            members = [seg]
        if members:
            groups.append(_group(members))
        return groups

    @staticmethod
    def _same_phrase(norms: Sequence[str], end: int, start: int) -> bool:
        between = norms[end:start]
        return len(between) <= _MAX_GAP and not any(w in _BREAKS or w in _CONNECTORS for w in between)


def _mergeable(a: _Segment, b: _Segment) -> bool:
    return not (a.actor is not None and b.actor is not None)


def _group(members: list[_Segment]) -> Group:
    """Codes of a compound; an agent joined to the first of several actors is shared by the rest."""
    codes: list[str] = []
    pending: list[tuple[list[str], list[str]]] = []  # agents of agent-only members waiting for an actor
    shared: list[tuple[list[str], list[str]]] = []
    for m in members:
        if m.actor is None:
            pending.append((m.prefixes, m.suffixes))
            continue
        if m.joined:
            shared = pending + [(m.prefixes, m.suffixes)]
            pending = []
        if shared and not m.prefixes and not m.suffixes:
            codes.extend(compose(m.actor, p, s) for p, s in shared)
        elif shared and m.joined:
            codes.extend(compose(m.actor, p, s) for p, s in shared)
        else:
            codes.append(m.code())
    codes.extend(compose(None, p, s) for p, s in pending)
    return Group(members[0].start, members[-1].end, tuple(dict.fromkeys(codes)))


def _triples(groups: Sequence[Group], source: int, target: int | None, code: str) -> list[tuple[str, str, str]]:
    primary, _, reverse = code.partition(":")
    out = []
    src = groups[source].codes
    if target is None:
        if len(src) < 2:
            return []
        # a compound with no target acts on itself: "Gondor and Osgiliath renewed ties"
        pairs = [(a, b) for a in src for b in src if a != b]
    else:
        pairs = [(a, b) for a in src for b in groups[target].codes if a != b]
    for a, b in pairs:
        if not _null(primary):
            out.append((a, b, primary))
        if reverse and not _null(reverse) and target is not None:
            out.append((b, a, reverse))
    return out


def _passive(norms: Sequence[str], v: _Hit) -> bool:
    before = norms[max(0, v.start - 3) : v.start]
    return any(w in _BE and w != "'s" for w in before)


def _contains(norms: Sequence[str], key: tuple[str, ...]) -> bool:
    n = len(key)
    return any(tuple(norms[i : i + n]) == key for i in range(len(norms) - n + 1))


def _forms(phrase: str, irregular: dict, double: frozenset[str]) -> set[str]:
    """Every form of a verb phrase: its first word inflects ("break down" -> "broke down", "breaking down")."""
    words = phrase.replace("_", " ").lower().split()
    if not words:
        return set()
    forms = verb_forms(words[0], irregular, double)
    return {" ".join([f, *words[1:]]) for f in forms.values()}

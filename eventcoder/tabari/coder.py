"""CAMEO coding with verb-pattern dictionaries (the TABARI/PETRARCH way), from raw text and without a parser.

Per sentence: discards -> actor and agent phrases -> noun groups (agents joined to their actor, compounds split) ->
dictionary verbs -> for each verb, source and target from word order (or from the slots of the pattern that
matched) -> (source code, target code, event code) triples. Used by `Coder.cameo()` when the dictionaries have
`verb_patterns`; the ACLED pipeline does not use it.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Sequence

import attrs

from eventcoder.lang import language
from eventcoder.dictionaries.entries import CameoActor, CameoAgent, CameoVerb, DatedCode
from eventcoder.dictionaries.dictset import DictionarySet
from eventcoder.values import SourceRef
from eventcoder.text.morphology import verb_forms
from eventcoder.text.sentences import split_sentences
from eventcoder.text.tokens import normalize, tokenize
from eventcoder.dictionaries.verbpatterns import GAP, GAP_WORDS, CompiledPattern, PatternMatch, cameo_key, compile_pattern, match_pattern, split_negations

_END = ""
_STEMS = "~"  # trie key of a node's stem children: {stem: child}
# TABARI and PETRARCH dictionaries are English: the verb-pattern coder reads English's grammar words
_WORDS = language("en").words
_CONNECTORS = _WORDS["tabari_connectors"]
_COMPOUND = _WORDS["tabari_compound"]
_BE = _WORDS["tabari_be"]
_PREPOSITIONS = _WORDS["tabari_prepositions"]
_BREAKS = _PREPOSITIONS | _COMPOUND | _WORDS["tabari_breaks"] | _BE
_MAX_GAP = 3  # modifier words allowed between an agent and its actor ("Minas Tirith border police")
# "'s" is left out: in "Galadhon's new mayor left" it is not the verb's determiner
_DETERMINERS = _WORDS["tabari_determiners"]
_COORDINATORS = _WORDS["tabari_coordinators"]
_SUBORDINATORS = _WORDS["tabari_subordinators"]


@attrs.frozen(slots=True)
class _Hit:
    start: int
    end: int
    actors: tuple[CameoActor, ...] = ()
    agents: tuple[CameoAgent, ...] = ()
    verbs: tuple[CameoVerb, ...] = ()

    @property
    def is_verb(self) -> bool:
        """A verb phrase; one that also names an actor or agent is read as the noun."""
        return bool(self.verbs) and not self.actors and not self.agents


@attrs.define
class _Segment:
    """Part of a noun group: actor codes (none for a bare agent) and the agent codes around them."""

    start: int
    end: int
    actors: tuple[str, ...]
    prefixes: list[str]
    suffixes: list[str]
    joined: bool = False  # an agent joined to its actor across "of / in / from" ("ambassadors of Arnor")
    ends_with_agent: bool = False
    blocks: bool = False  # a phrase coded as no actor ("---"): it only ends the noun group before it

    def codes(self) -> list[str]:
        return [compose(a, self.prefixes, self.suffixes) for a in self.actors] or [compose(None, self.prefixes, self.suffixes)]


@attrs.frozen(slots=True)
class CameoEvent:
    """One coded triple and where it came from: the sentence (1 = first), the verb as written in the sentence,
    and the rule: a pattern, or `default` for the verb's own code, with the dictionary file and line."""

    source: str
    target: str
    code: str
    sentence: int
    verb: str
    rule: str
    ref: SourceRef

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.code)


def _token_range(value: Sequence[int] | None) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


@attrs.frozen(slots=True)
class CameoOptions:
    """What TABARI's run-time options change in its output, as explicit settings (dictionary section `cameo_options`).

    The defaults are eventcoder's; `importers.TABARI_BUILT_IN` has TABARI's where they differ, and
    docs/patterns.md gives each setting's TABARI name.
    """

    convert_agents: bool = False  # an agent with no actor: "~GOV" instead of "---GOV"
    actor_before_verb: bool = True  # no actor before the verb: not coded; False: the first actor after it is the source
    default_source: str | None = None
    default_source_prior: bool = False  # the default source stands in whenever no actor comes before the verb
    default_target: str | None = None
    default_target_after: bool = False  # the default target stands in whenever no actor comes after the verb
    code_by: str = "clause"  # "clause": one event per clause; "sentence": the first event only; "all": every verb
    # comma-delimited clauses dropped before coding when their length in tokens is within [min, max]:
    # between two commas, from the last comma to the end, from the start to the first comma
    drop_inner_clause: tuple[int, int] | None = attrs.field(default=None, converter=_token_range)
    drop_end_clause: tuple[int, int] | None = attrs.field(default=None, converter=_token_range)
    drop_start_clause: tuple[int, int] | None = attrs.field(default=None, converter=_token_range)
    discard_code: str | None = None  # an actor with this code on the day discards the sentence (TABARI's "###")


@attrs.frozen(slots=True)
class Group:
    """A noun group: one or more actor codes (a compound), over tokens [start, end)."""

    start: int
    end: int
    codes: tuple[str, ...]
    pronoun: bool = False


_PRONOUNS = _WORDS["tabari_pronouns"]


def _with_pronouns(norms: Sequence[str], groups: list[Group], source: int, after: int) -> tuple[list[Group], int]:
    """Groups with the pronouns after `after` added, each standing for the source group; and its new index."""
    taken = {i for g in groups for i in range(g.start, g.end)}
    src = groups[source]
    extra = [Group(i, i + 1, src.codes, True) for i in range(after, len(norms)) if norms[i] in _PRONOUNS and i not in taken]
    if not extra:
        return groups, source
    merged = sorted(groups + extra, key=lambda g: g.start)
    return merged, merged.index(src)


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


def _words(text: str) -> list[str]:
    """Normalised tokens as the verb-pattern dictionaries are keyed. TABARI texts join multi-word names with `_`
    ("Dol_Amroth"), and dictionaries are matched word by word."""
    return split_negations([t.norm for t in tokenize(normalize(text.replace("_", " ")))])


def _vocabulary(norms: Sequence[str]) -> frozenset[str]:
    """A sentence's words, and each word's prefixes marked as stems ("condemned" -> "c~" ... "condemned~"): what a
    pattern's `needs` are checked against, once per sentence."""
    return frozenset([*norms, *(w[:k] + "~" for w in norms for k in range(1, len(w) + 1))])


def _dated(c: DatedCode) -> str:
    span = "" if not (c.start or c.end) else f" ({c.start or '...'} to {c.end or '...'})"
    return c.code + span


def _null(code: str) -> bool:
    return not any(ch.isalnum() for ch in code)


class CameoCoder:
    """Verb-pattern dictionaries compiled for matching. Build once per DictionarySet; pure afterwards."""

    def __init__(self, ds: DictionarySet):
        self.ds = ds
        self._trie: dict = {}
        for actor in ds.cameo_actors:
            for ph in actor.phrases:
                self._add(ph, actor=actor)
        for agent in ds.cameo_agents:
            for ph in agent.phrases:
                self._add(ph, agent=agent)
        irregular, double = ds.irregular_verbs, frozenset(ds.double_final)
        self.patterns: dict[str, tuple[tuple[CompiledPattern, frozenset[str]], ...]] = {}
        for verb in ds.verb_patterns.values():
            for phrase in (verb.verb, *verb.synonyms):
                for form in _forms(phrase, irregular, double):
                    self._add(form, verb=verb)
            for form in verb.forms:
                self._add(form, verb=verb)
            # loading compiled and checked every pattern; a set built by hand is compiled here
            compiled = [ds.compiled_patterns.get(p) or compile_pattern(p, ds.synsets) for p in verb.patterns]
            # (pattern, words it needs), most specific first; file order among equals
            self.patterns[verb.verb] = tuple((c, c.needs) for c in sorted(compiled, key=lambda c: -c.weight))
        self.options = CameoOptions(**ds.cameo_options)
        self.sentence_discards = _by_first_word(cameo_key(d.phrase) for d in ds.discards if not d.story)
        self.story_discards = _by_first_word(cameo_key(d.phrase) for d in ds.discards if d.story)

    def _add(self, phrase: str, *, actor: CameoActor | None = None, agent: CameoAgent | None = None,
             verb: CameoVerb | None = None) -> None:
        key = cameo_key(phrase)
        if not key:
            return
        if key[-1] == GAP:
            key = key[:-1]
        node = self._trie
        for tok in key:
            if tok == GAP:
                node = node.setdefault(GAP, {})
            elif tok.endswith("~"):
                node = node.setdefault(_STEMS, {}).setdefault(tok[:-1], {})
            else:
                node = node.setdefault(tok, {})
        bucket = node.setdefault(_END, ([], [], []))
        for lst, item in zip(bucket, (actor, agent, verb)):
            if item is not None and item not in lst:
                lst.append(item)

    def lookup(self, phrase: str) -> list[str]:
        """What a phrase means to verb-pattern coding, one line per entry with its file:line."""
        norms = _words(phrase)
        hits = self._hits(norms)
        if len(hits) != 1 or (hits[0].start, hits[0].end) != (0, len(norms)):
            return []
        h = hits[0]
        out = [f"CAMEO actor {a.name}: " + ", ".join(_dated(c) for c in a.codes) + f"  [{a.ref}]" for a in h.actors]
        out += [f"CAMEO agent {a.code} ({'prefix' if a.prefix else 'suffix'})  [{a.ref}]" for a in h.agents]
        out += [f"CAMEO verb {v.verb}: code {v.code}, {len(v.patterns)} pattern(s)  [{v.ref}]" for v in h.verbs]
        return out

    # -- matching -------------------------------------------------------------------------------------------
    def _hits(self, norms: Sequence[str]) -> list[_Hit]:
        """Leftmost-longest phrases; a stem in the trie matches any word that starts with it."""
        out: list[_Hit] = []
        i, n = 0, len(norms)
        while i < n:
            best, best_end = None, i
            # (node, words it may still skip, how specific the path is: exact words over stems, long stems over short)
            frontier: list[tuple[dict, int, int]] = [(self._trie, 0, 0)]
            j = i
            while frontier and j < n:
                word = norms[j]
                nxt: list[tuple[dict, int, int]] = []
                for node, skips, score in frontier:
                    gap = node.get(GAP)
                    if gap is not None:
                        frontier.append((gap, GAP_WORDS, score))  # the gap may also be empty
                    child = node.get(word)
                    if child is not None:
                        nxt.append((child, 0, score + 1000))
                    stems = node.get(_STEMS)
                    if stems:  # look up the word's prefixes: a TABARI dictionary has thousands of stems
                        for k in range(1, len(word) + 1):
                            sub = stems.get(word[:k])
                            if sub is not None:
                                nxt.append((sub, 0, score + k))
                    if skips and word[0].isalnum():
                        nxt.append((node, skips - 1, score))
                    elif skips and word == "-":  # "state-run" is one word to TABARI, three tokens here
                        nxt.append((node, skips, score))
                j += 1
                frontier = nxt
                ends = [(score, node[_END]) for node, skips, score in frontier if _END in node and skips == 0]
                if ends:
                    best, best_end = max(ends, key=lambda e: e[0])[1], j
            if best is None:
                i += 1
                continue
            actors, agents, verbs = best
            out.append(_Hit(i, best_end, tuple(actors), tuple(agents), tuple(verbs)))
            i = best_end
        return out

    def code(self, text: str, day: dt.date) -> list[CameoEvent]:
        """The events of a text, sentence by sentence; a triple coded twice is kept once (the first)."""
        out: list[CameoEvent] = []
        seen: set[tuple[str, str, str]] = set()
        sentences = [_words(s.text) for s in split_sentences(text)]
        if any(_discarded(norms, self.story_discards) for norms in sentences):
            return []
        for number, norms in enumerate(sentences, 1):
            for event in self.code_sentence(norms, day, number):
                if event.triple not in seen:
                    seen.add(event.triple)
                    out.append(event)
        return out

    def code_sentence(self, norms: Sequence[str], day: dt.date, number: int = 1) -> list[CameoEvent]:
        if _discarded(norms, self.sentence_discards):
            return []
        hits = self._hits(norms)
        if self.options.discard_code and any(self.options.discard_code in h.actors[-1].codes_on(day) for h in hits if h.actors):
            return []
        shorter = _without_comma_clauses(norms, self.options, (h.start for h in hits if h.is_verb))
        if shorter is not norms:
            norms, hits = shorter, self._hits(shorter)
        verbs = [h for h in hits if h.is_verb]
        verb_at = {i for h in verbs for i in range(h.start, h.end)}
        groups = self._groups(norms, [h for h in hits if h.actors or h.agents], day, verb_at)
        nouns = {h.start for h in verbs if _noun_use(norms, h, hits)}
        spans = [(g.start, g.end) for g in groups]
        vocab = _vocabulary(norms) if verbs else frozenset()
        out: list[CameoEvent] = []
        prev_source: int | None = None
        prev_end = 0
        tentative: list[CameoEvent] | None = None
        opts = self.options
        first: tuple[Group | None, Group | None] | None = None  # the first coded (source, target), for code_by "all"
        for k, v in enumerate(verbs):
            verb = v.verbs[0]
            matched = self._pattern(verb, norms, v, spans, vocab)
            if v.start in nouns and matched is None:
                continue  # "an attack", "their meeting": a noun, unless a pattern of the verb says otherwise
            if matched is None and self._pattern_later_in_chain(norms, verbs, k, spans, vocab):
                continue  # "should have acted": the verb whose pattern speaks codes the chain
            conjoined = k > 0 and v.start > 0 and norms[v.start - 1] in ("and", "then", "but")
            source = self._source(norms, groups, v, prev_end, prev_source if conjoined else None)
            later = prev_source is not None and not conjoined and (
                source is None or groups[source].end <= prev_end
                or not _COORDINATORS.intersection(norms[prev_end : groups[source].start]))
            if later and opts.code_by != "all":
                # one event per clause: a later verb needs a subject of its own ("... shells at Seoul") in a
                # coordinated clause ("... but Dagolath promised"); "that ..." and ", an official said" are not coded
                continue
            fallback_target = None
            if later and first is not None:
                # code_by "all": a verb of the same clause codes with the clause's source, and its target if none follows
                source = groups.index(first[0]) if first[0] is not None else None
                fallback_target = groups.index(first[1]) if first[1] is not None else None
            target = self._target(norms, groups, v.end)
            split = False
            if source is None and not (opts.default_source and opts.default_source_prior) and not opts.actor_before_verb \
                    and target is not None:
                # no actor before the verb: the first actor after it is the source, the next the target
                source, target = target, self._target(norms, groups, groups[target].end)
                split = True
            subject = source
            if target is not None and source is not None and groups[target].pronoun and groups[target].codes == groups[source].codes:
                target = None  # "they requested that Rohan assist them": a pronoun for the subject is not the target
            if target is None and source is not None:
                # nothing after the verb: the subject of a "that" clause before it ("it requested that Elrond assist")
                target = next((gi for gi, g in enumerate(groups) if groups[source].end <= g.start and g.end <= v.start
                               and gi != source and g.start > 0 and norms[g.start - 1] == "that"), None)
            if target is not None and _passive(norms, v) and groups[target].start > 0 and norms[groups[target].start - 1] == "by":
                source, target = target, source
            code = verb.code
            if matched is not None:
                code = matched.pattern.code
                if "$" in matched.slots:
                    source = matched.slots["$"]
                if "+" in matched.slots:
                    target = matched.slots["+"]
                if "%" in matched.slots:
                    # a compound whose members act on each other ("% * agree", "* prisoners with %")
                    source, target = matched.slots["%"], None
            if _null(code):
                continue
            pair = self._codes(groups, source, target if target is not None else fallback_target,
                               mutual=matched is not None and "%" in matched.slots, split=split)
            if pair is None:
                continue
            rule, ref = (matched.pattern.source.pattern, matched.pattern.source.ref) if matched else ("default", verb.ref)
            events = [CameoEvent(a, b, c, number, " ".join(norms[v.start : v.end]), rule, ref)
                      for a, b, c in _triples(*pair, code.rstrip("?"))]
            if code.endswith("?"):
                # a doubtful code (TABARI's "023?" for SAID): used only if no other verb of the sentence codes
                if tentative is None:
                    tentative = events
                continue
            out.extend(events)
            if opts.code_by == "sentence" and events:
                break
            if first is None:
                first = (groups[subject] if subject is not None else None, groups[target] if target is not None else None)
            prev_end = v.end
            if source is not None and not any(g.start >= v.end and g.pronoun for g in groups):
                # later pronouns ("and then it requested", "asked him") stand for this event's source
                groups, source = _with_pronouns(norms, groups, source, v.end)
                spans = [(g.start, g.end) for g in groups]
            prev_source = source
        return out or tentative or []

    def _codes(self, groups: Sequence[Group], source: int | None, target: int | None, mutual: bool,
               split: bool = False) -> tuple[tuple[str, ...], tuple[str, ...] | None] | None:
        """Source and target codes of an event, with the default actors standing in where the options say so;
        None when there is no source. `mutual`: a compound acting on itself (a `%` slot), which no default replaces;
        `split`: the source was found after the verb, where a compound's first member acts on the others."""
        opts = self.options
        src: tuple[str, ...] | None = groups[source].codes if source is not None else None
        tgt: tuple[str, ...] | None = groups[target].codes if target is not None else None
        if src is None and opts.default_source:
            src = (opts.default_source,)
        if src is None:
            return None
        if tgt is None and len(src) > 1 and (split or (opts.default_target and not opts.default_target_after)) and not mutual:
            src, tgt = src[:1], src[1:]  # without AFTER a compound subject's first member acts on the others
        elif tgt is None and opts.default_target and not mutual:
            tgt = (opts.default_target,)
        if opts.convert_agents:
            src, tgt = _converted(src), _converted(tgt) if tgt is not None else None
        return src, tgt

    def _pattern_later_in_chain(self, norms: Sequence[str], verbs: Sequence[_Hit], k: int, spans: list[tuple[int, int]],
                                vocab: frozenset[str]) -> bool:
        """Whether a verb chained after verbs[k] ("should have acted") has a pattern that matches."""
        j = k
        while j + 1 < len(verbs) and _chained(norms, verbs[j], verbs[j + 1]):
            j += 1
            if self._pattern(verbs[j].verbs[0], norms, verbs[j], spans, vocab) is not None:
                return True
        return False

    def _pattern(self, verb: CameoVerb, norms: Sequence[str], v: _Hit, spans: list[tuple[int, int]],
                 vocab: frozenset[str]) -> PatternMatch | None:
        """The most specific pattern of `verb` that matches around it; `vocab` (see `_vocabulary`) skips the
        patterns whose words the sentence does not have."""
        for cp, needs in self.patterns.get(verb.verb, ()):
            if needs and not needs <= vocab:
                continue
            m = match_pattern(cp, norms, (v.start, v.end), spans, 0, len(norms))
            if m is not None:
                return m
        return None

    @staticmethod
    def _target(norms: Sequence[str], groups: Sequence[Group], after: int) -> int | None:
        """The first noun group from token `after` (the verb's end), within its clause: a comma ends the search
        unless it only separates words of a list ("restore complete, full diplomatic ties with Gondor")."""
        for gi, g in enumerate(groups):
            if g.start >= after:
                between = norms[after : g.start]
                for k, w in enumerate(between):
                    if w == "," and (k + 1 == len(between) or between[k + 1] in _DETERMINERS or between[k + 1] in _BREAKS):
                        return None
                return gi
        return None

    def _source(self, norms: Sequence[str], groups: Sequence[Group], v: _Hit, prev_end: int, prev_source: int | None) -> int | None:
        # "X condemned A and promised B": a verb right after "and" keeps the previous verb's subject
        if prev_source is not None and v.start > 0 and norms[v.start - 1] in ("and", "then"):
            return prev_source
        subjects = [gi for gi, g in enumerate(groups) if g.end <= v.start and not (g.start > 0 and norms[g.start - 1] in _PREPOSITIONS)]
        # the clause starts after the previous event's verb, or after a coordinator ("... but Dagolath promised")
        start = prev_end
        for i in range(v.start - 1, prev_end - 1, -1):
            if norms[i] in _COORDINATORS:
                start = i + 1
                break
        in_clause = [gi for gi in subjects if groups[gi].start >= start]
        if in_clause:
            return in_clause[0]  # the clause's first actor, as TABARI takes it ("Arnor suggested Gondor should ...")
        if any(w in _SUBORDINATORS for w in norms[prev_end : v.start]):
            return None  # "after a hafling was reported": a new clause whose subject is no actor
        return subjects[-1] if subjects else None

    # -- noun groups ----------------------------------------------------------------------------------------
    def _groups(self, norms: Sequence[str], hits: list[_Hit], day: dt.date, verb_at: set[int]) -> list[Group]:
        """Noun groups; no group reaches over a dictionary verb (positions in `verb_at`)."""
        segments: list[_Segment] = []
        for h in hits:
            actors = h.actors[-1].codes_on(day) if h.actors else ()  # a later dictionary entry overrides
            if actors and all(_null(a) for a in actors):
                segments.append(_Segment(h.start, h.end, (), [], [], blocks=True))
                continue
            pre = [a.code for a in h.agents if a.prefix] if not actors else []
            suf = [a.code for a in h.agents if not a.prefix] if not actors else []
            seg = _Segment(h.start, h.end, tuple(a for a in actors if not _null(a)), pre, suf, ends_with_agent=not actors)
            last = segments[-1] if segments else None
            if last is not None and not last.blocks and self._same_phrase(norms, last.end, h.start) \
                    and not verb_at.intersection(range(last.end, h.start)):
                if not (last.actors and seg.actors):
                    last.end, last.actors = h.end, last.actors or seg.actors
                    last.prefixes += seg.prefixes
                    last.suffixes += seg.suffixes
                    last.ends_with_agent = seg.ends_with_agent
                    continue
                if last.ends_with_agent and last.end == h.start:
                    last.end, last.ends_with_agent = h.end, False  # "Bree Prime Minister Romendacil": one person
                    continue
            segments.append(seg)
        segments = [s for s in segments if not s.blocks]
        # join across "of / in / from / 's"
        joined: list[_Segment] = []
        for seg in segments:
            if joined:
                last = joined[-1]
                link = [w for w in norms[last.end : seg.start] if w not in ("the", "a", "an")]
                # a connector, then at most a few modifiers ("Dagolath's first Deputy Prime Minister")
                if link and link[0] in _CONNECTORS and len(link) <= 1 + _MAX_GAP \
                        and not any(w in _BREAKS or w in _CONNECTORS for w in link[1:]) \
                        and not verb_at.intersection(range(last.end, seg.start)):
                    if not last.actors and seg.actors and link[0] not in ("'s", "'"):
                        # "ambassadors of Arnor", "soldiers from Gondor", "lawmakers in Fornost"
                        seg.prefixes = last.prefixes + seg.prefixes
                        seg.suffixes = last.suffixes + seg.suffixes
                        seg.start, seg.joined = last.start, True
                        joined[-1] = seg
                        continue
                    if last.actors and link[0] in ("'s", "'"):
                        # "Gondor's government", "Dagolath's deputy prime minister Telemar"
                        last.end = seg.end
                        last.actors = seg.actors or last.actors
                        last.prefixes += seg.prefixes
                        last.suffixes += seg.suffixes
                        continue
                    if last.actors and seg.actors and link[0] == "in":
                        last.end = seg.end  # "soldiers in south Ithilen": a place, not a second actor
                        continue
            joined.append(seg)
        # compounds: "A, B and C", "Fornost and the evil awful Gondor"
        runs: list[list[_Segment]] = []
        for seg in joined:
            last = runs[-1][-1] if runs else None
            if last is not None and _compound_link(norms[last.end : seg.start]) and not verb_at.intersection(range(last.end, seg.start)):
                runs[-1].append(seg)
            else:
                runs.append([seg])
        groups: list[Group] = []
        for run in runs:
            # after the last "and/or", a member joined by a comma and an article, or one with an agent, is an
            # apposition or a new clause ("... with Rohan, an Arnorian embassy spokesman said"), not part of the
            # list; "Galadriel, Gollum participated" is a list
            conj = [i for i in range(1, len(run)) if _COMPOUND.difference({","}).intersection(norms[run[i - 1].end : run[i].start])]
            keep = conj[-1] + 1 if conj else 1
            while keep < len(run) and run[keep].actors and not run[keep].prefixes and not run[keep].suffixes \
                    and not {"a", "an", "the"}.intersection(norms[run[keep - 1].end : run[keep].start]):
                keep += 1
            groups.append(_group(run[:keep]))
            groups.extend(_group([m]) for m in run[keep:])
        return groups

    @staticmethod
    def _same_phrase(norms: Sequence[str], end: int, start: int) -> bool:
        between = norms[end:start]
        return len(between) <= _MAX_GAP and not any(w in _BREAKS or w in _CONNECTORS for w in between)


def _compound_link(between: Sequence[str]) -> bool:
    """Words between two members of a compound: a comma or conjunction, articles and a few modifiers."""
    if not any(w in _COMPOUND for w in between):
        return False
    modifiers = [w for w in between if w not in _COMPOUND and w not in ("the", "a", "an")]
    return len(modifiers) <= _MAX_GAP and not any(w in _BREAKS or w in _CONNECTORS for w in modifiers)


def _group(members: list[_Segment]) -> Group:
    """Codes of a compound; an agent joined to the first of several actors is shared by the rest."""
    codes: list[str] = []
    pending: list[tuple[list[str], list[str]]] = []  # agents of agent-only members waiting for an actor
    shared: list[tuple[list[str], list[str]]] = []
    owner: tuple[str, ...] = ()  # the actors of the last member that had an agent of its own
    for m in members:
        if not m.actors:
            pending.append((m.prefixes, m.suffixes))
            continue
        if m.prefixes or m.suffixes:
            owner = m.actors
        if m.joined:
            shared = pending + [(m.prefixes, m.suffixes)]
            pending = []
        if shared and (m.joined or not (m.prefixes or m.suffixes)):
            codes.extend(compose(a, p, s) for p, s in shared for a in m.actors)
        else:
            codes.extend(m.codes())
    # "Danish media and government": an agent after a member with an actor and an agent belongs to that actor too
    codes.extend(compose(a, p, s) for p, s in pending for a in (owner or (None,)))
    return Group(members[0].start, members[-1].end, tuple(dict.fromkeys(codes)))


def _triples(src: tuple[str, ...], tgt: tuple[str, ...] | None, code: str) -> list[tuple[str, str, str]]:
    primary, _, reverse = code.partition(":")
    out = []
    if tgt is None:
        if len(src) < 2:
            return []
        # a compound with no target acts on itself: "Gondor and Osgiliath renewed ties"
        pairs = [(a, b) for a in src for b in src if a != b]
    else:
        pairs = [(a, b) for a in src for b in tgt if a != b]
    for a, b in pairs:
        if not _null(primary):
            out.append((a, b, primary))
        if reverse and not _null(reverse) and tgt is not None:
            out.append((b, a, reverse))
    return out


def _without_comma_clauses(norms: Sequence[str], opts: CameoOptions, verb_at: Iterable[int]) -> Sequence[str]:
    """The sentence without the comma-delimited clauses the options drop (TABARI's COMMA: setting).

    A clause's length counts its tokens but not commas, with the full stop. The clauses are found in the
    whole sentence; the first and the last one are kept when no verb (positions `verb_at`) would be left.
    """
    # most coders drop nothing: they pay for no scan of the sentence
    if not (opts.drop_inner_clause or opts.drop_end_clause or opts.drop_start_clause) or "," not in norms:
        return norms

    def within(bounds: tuple[int, int] | None, a: int, b: int) -> bool:
        return bounds is not None and bounds[0] <= sum(1 for w in norms[a:b] if w != ",") <= bounds[1]

    commas = [i for i, w in enumerate(norms) if w == ","]
    drop: set[int] = set()
    for a, b in zip(commas, commas[1:]):
        # ", the awful Fornost, and good Gondor": a list goes on after the second comma, and is no aside
        if within(opts.drop_inner_clause, a + 1, b) and not (b + 1 < len(norms) and norms[b + 1] in _COMPOUND):
            drop.update(range(a, b + 1))
    verbs = [i for i in verb_at if i not in drop]
    first, last = commas[0], commas[-1]
    if within(opts.drop_start_clause, 0, first) and any(i > first for i in verbs):
        drop.update(range(0, first + 1))
    if within(opts.drop_end_clause, last + 1, len(norms)) and any(i < last for i in verbs):
        drop.update(range(last, len(norms) - (norms[-1] in (".", "!", "?"))))
    return [w for i, w in enumerate(norms) if i not in drop] if drop else norms


def _converted(codes: tuple[str, ...]) -> tuple[str, ...]:
    """TABARI's agent conversion marks an agent that found no actor with "~": "---GOV" -> "~GOV"."""
    return tuple("~" + c[3:] if c.startswith("---") and len(c) > 3 else c for c in codes)


def _noun_use(norms: Sequence[str], v: _Hit, hits: Sequence[_Hit]) -> bool:
    """A verb form used as a noun: a determiner comes first, with only modifiers between ("an attack",
    "a 12-year break", "an 800 million ducat trade protocol"), or a possessive follows ("the attack's")."""
    if v.end < len(norms) and norms[v.end] == "'s":
        return True
    taken = {i for h in hits for i in range(h.start, h.end)}
    for i in range(v.start - 1, max(-1, v.start - 6), -1):
        w = norms[i]
        if w in _DETERMINERS:
            return True
        if w in _BREAKS or w in _CONNECTORS or i in taken:
            return False
    return False


_CHAIN = _WORDS["tabari_chain"]


def _chained(norms: Sequence[str], a: _Hit, b: _Hit) -> bool:
    """Verb `b` follows verb `a` with at most two auxiliary words between ("should have acted", "will not wire tap")."""
    between = norms[a.end : b.start]
    return len(between) <= 2 and all(w in _CHAIN for w in between)


def _passive(norms: Sequence[str], v: _Hit) -> bool:
    return any(w in _BE for w in norms[max(0, v.start - 3) : v.start])


def _by_first_word(keys: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for k in keys:
        if k:
            out.setdefault(k[0], []).append(k)
    return out


def _discarded(norms: Sequence[str], index: dict[str, list[tuple[str, ...]]]) -> bool:
    """Whether a discard phrase (indexed by its first word) occurs in the tokens."""
    for i, w in enumerate(norms):
        for key in index.get(w, ()):
            if tuple(norms[i : i + len(key)]) == key:
                return True
    return False


def _forms(phrase: str, irregular: dict, double: frozenset[str]) -> set[str]:
    """Every form of a verb phrase. The first word inflects ("break down" -> "broke down"), or the word written
    after `+` ("wire +tap" -> "wire tapped")."""
    words = phrase.replace("_", " ").lower().split()
    if not words:
        return set()
    at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    if words[at].endswith("~"):
        return {" ".join(words)}  # a stem covers its own inflections
    forms = verb_forms(words[at], irregular, double)
    return {" ".join([*words[:at], f, *words[at + 1 :]]) for f in forms.values()}

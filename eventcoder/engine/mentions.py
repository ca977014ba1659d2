"""Per-sentence analysis: tokens, dictionary matches, actor phrases, event triggers, places, numbers, dates."""

from __future__ import annotations

import datetime as dt

import attrs

from eventcoder.engine.dates import DateMention, find_dates
from eventcoder.values import SourceRef
from eventcoder.dictionaries.lexicon import Entry, Lexicon, Match
from eventcoder.engine.quantities import Quantity, find_quantities
from eventcoder.text.sentences import Sentence, written_in_lower_case
from eventcoder.text.morphology import plural
from eventcoder.text.tokens import Token, tokenize



@attrs.frozen(slots=True)
class ActorMention:
    """A phrase naming an actor: a country, an agent, a named actor, or several combined ("Iraqi Prime Minister al-Sudani")."""

    start: int
    end: int
    country: str | None
    agent: str | None
    actor: str | None
    pronoun: str | None
    definite: bool
    backers: tuple[str, ...]
    locative: bool
    refs: tuple[SourceRef, ...]
    text: str
    people: bool = False  # a plural demonym ("Iraqis") names people, not the state


@attrs.frozen(slots=True)
class Trigger:
    """A word or phrase that names an event: pattern id, noun or verb, and voice."""

    start: int
    end: int
    pattern: str
    pos: str
    form: str
    passive: bool
    ref: SourceRef | None
    text: str


@attrs.frozen(slots=True)
class PlaceMention:
    """A place named in a sentence: a curated place or gazetteer town (`place` key), or a country only."""

    start: int
    end: int
    place: str | None
    country: str | None
    locative: bool
    near: bool = False  # "near Gwoza", "outskirts of Goma": ACLED geo_precision 2


@attrs.define
class SentenceAnalysis:
    sentence: Sentence
    tokens: list[Token]
    norms: list[str]
    matches: list[Match]
    actors: list[ActorMention]
    triggers: list[Trigger]
    places: list[PlaceMention]
    quantities: list[Quantity]
    dates: list[DateMention]
    cue_spans: dict[str, list[tuple[int, int]]]
    participants: list[ActorMention] = attrs.field(factory=list)  # actors that are not places ("in Iraq")
    caseless: bool = False  # written in lower case: a name needs no capital

    def cue_before(self, name: str, index: int, window: int, lo: int = 0) -> tuple[int, int] | None:
        """The nearest span of cue `name` ending within `window` tokens before `index` (not before lo)."""
        best = None
        for s, e in self.cue_spans.get(name, ()):
            if e <= index and index - e <= window and s >= lo:
                if best is None or s > best[0]:
                    best = (s, e)
        return best

    def cue_in(self, name: str, lo: int, hi: int) -> list[tuple[int, int]]:
        return [(s, e) for s, e in self.cue_spans.get(name, ()) if s >= lo and e <= hi]

    def span_text(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        return self.sentence.text[self.tokens[start].start : self.tokens[end - 1].end]


_ACTORISH = frozenset({"country", "capital", "agent", "actor"})


def _is_actorish(m: Match) -> bool:
    return any(e.kind in _ACTORISH for e in m.entries) or m.has("cue", "pronouns")


def analyse(sentence: Sentence, lex: Lexicon, published: dt.date, caseless: bool | None = None) -> SentenceAnalysis:
    """Tokenise a sentence and find everything the dictionaries recognise in it.

    `caseless`: the article is written in lower case (default: whether this sentence is), so names need no capital."""
    tokens = tokenize(sentence.text)
    norms = [t.norm for t in tokens]
    matches = lex.match(norms, [t.text for t in tokens])
    cue_spans: dict[str, list[tuple[int, int]]] = {}
    for m in matches:
        for e in m.of("cue"):
            cue_spans.setdefault(e.key, []).append((m.start, m.end))
    suffixes = tuple(lex.lang.words["negation_suffix"])
    for i, w in enumerate(norms):
        if w.endswith(suffixes):
            cue_spans.setdefault("negation", []).append((i, i + 1))
    holidays = {}
    for m in matches:
        for e in m.of("holiday"):
            h = lex.ds.holidays[e.key]
            holidays[tuple(norms[m.start : m.end])] = (h.month, h.day)
    dates = find_dates(norms, published, holidays, lex.lang)
    # "On 9 May", "March 10, 2002", a capitalised "March" inside a sentence: the month, not the modal or the protest verb
    months = lex.lang.numbers["months"]
    in_date = {k for d in dates for k in range(d.start, d.end)} | {
        i for i, t in enumerate(tokens) if i > 0 and t.norm in months and t.text[:1].isupper() and not t.text.isupper()}
    if in_date:
        cue_spans = {name: kept for name, spans in cue_spans.items()
                     if (kept := [(s, e) for s, e in spans if not any(k in in_date for k in range(s, e))])}
        matches = [m for m in matches if not (any(k in in_date for k in range(m.start, m.end)) and (m.of("verb") or m.of("noun")))
                   or _is_actorish(m)]
    a = SentenceAnalysis(
        sentence, tokens, norms, matches, [], [], [], find_quantities(norms, lex.lang), dates, cue_spans,
        caseless=written_in_lower_case(sentence.text) if caseless is None else caseless,
    )
    a.actors = _actor_mentions(a, lex)
    a.participants = [m for m in a.actors if not m.locative]
    a.triggers = _triggers(a, lex)
    a.places = _places(a, lex)
    return a


def _locative_before(a: SentenceAnalysis, start: int, lex: Lexicon) -> bool:
    """Whether a locative word ("in", "near", "northern") leads up to token `start`."""
    k = start
    between = lex.lang.words["between_place"]
    while k > 0 and a.norms[k - 1] in between and start - k < 2:
        k -= 1
    return a.cue_before("locative", k, 0) is not None


def _actor_mentions(a: SentenceAnalysis, lex: Lexicon) -> list[ActorMention]:
    norms = a.norms
    words = lex.lang.words
    groups: list[dict] = []
    pending_backers: list[str] = []
    backer_end = 0
    for m in a.matches:
        if not _is_actorish(m):
            continue
        countries = [e for e in m.entries if e.kind in ("country", "capital")]
        actors = m.of("actor")
        agents = m.of("agent")
        pronoun = m.has("cue", "pronouns") and not actors
        # "Iran-backed militias": the country backs the actor that follows; it is not an actor itself
        if countries and not actors and not agents and m.end + 1 < len(norms) and norms[m.end] == "-" and norms[m.end + 1] in words["backing"]:
            pending_backers = [countries[0].key]
            backer_end = m.end + 2
            continue
        if pending_backers and m.start - backer_end > 1:
            pending_backers = []
        # "rebel-held district": the actor only describes a place
        if m.end + 1 < len(norms) and norms[m.end] == "-" and norms[m.end + 1] in words["area_suffixes"]:
            continue
        g = groups[-1] if groups else None
        join = False
        if g is not None and not pronoun and not g["pronoun"]:
            gap = norms[g["end"] : m.start]
            if not gap:
                join = True
            elif gap == ["'s"]:
                join = True
            elif gap == ["of"] and g["agent"] and not g["country"] and not g["actor"]:
                join = True
            elif gap[:1] == ["-"] and len(gap) == 2 and gap[1] in words["led_suffix"]:
                join = True
            elif (
                len(gap) == 1
                and g["country"]
                and agents
                and gap[0].isalpha()
                and not any(s <= g["end"] < e for s, e in a.cue_spans.get("barrier", ()))
                and not lex.lookup(gap[0])
                and gap[0] not in words["join_blockers"]
            ):
                join = True  # "Iraqi Kurdish forces"
            if join and actors and g["actor"]:
                join = False
        if not join:
            g = {"start": m.start, "end": m.end, "country": None, "agent": None, "actor": None, "pronoun": None,
                 "backers": list(pending_backers), "refs": [], "demonym_only": True}
            pending_backers = []
            groups.append(g)
        g["end"] = m.end
        if pronoun:
            g["pronoun"] = " ".join(norms[m.start : m.end])
            tail = lex.lookup(norms[m.end - 1])
            for e in tail:
                if e.kind == "agent":
                    g["agent"] = e.key
        for e in actors[:1]:
            g["actor"] = e.key
            g["refs"].append(e.ref)
        for e in agents[:1]:
            # "cartel gunmen", "military drone": the more specific agent wins
            if not g["agent"] or lex.ds.agents[e.key].specificity > lex.ds.agents[g["agent"]].specificity:
                g["agent"] = e.key
            g["refs"].append(e.ref)
        for e in countries[:1]:
            if g["country"] is None:
                g["country"] = e.key
                g["refs"].append(e.ref)
                g["people"] = e.form == "demonym" and norms[m.end - 1].endswith("s") and m.end == m.start + 1
    out: list[ActorMention] = []
    for g in groups:
        only_place = g["actor"] is None and g["agent"] is None and g["pronoun"] is None
        locative = only_place and _locative_before(a, g["start"], lex)
        if only_place and not locative and out and out[-1].locative:
            # "in Iraq and Syria": a place coordinated with a place is a place
            gap = norms[out[-1].end : g["start"]]
            locative = len(gap) == 1 and (gap[0] == "," or gap[0] in words["coordinators"])
        definite = (
            g["pronoun"] is None
            and g["actor"] is None
            and g["country"] is None
            and g["start"] > 0
            and norms[g["start"] - 1] in words["definite_determiners"]
        )
        out.append(
            ActorMention(
                g["start"], g["end"], g["country"], g["agent"], g["actor"], g["pronoun"], definite,
                tuple(g["backers"]), locative, tuple(r for r in g["refs"] if r is not None),
                a.span_text(g["start"], g["end"]), bool(g.get("people")) and g["agent"] is None and g["actor"] is None,
            )
        )
    return out


def _triggers(a: SentenceAnalysis, lex: Lexicon) -> list[Trigger]:
    norms = a.norms
    words = lex.lang.words
    determiners, verb_cues = words["determiners"], words["verb_cues"]
    actor_ends = {m.end for m in a.actors if not m.locative}
    actor_starts = {m.start for m in a.actors}
    participant_starts = {m.start for m in a.actors if not m.locative}
    counted = {m.end for m in a.actors if not m.locative and any(q.end == m.start for q in a.quantities)}
    out: list[Trigger] = []
    for m in a.matches:
        verbs, nouns = m.of("verb"), m.of("noun")
        if not verbs and not nouns:
            continue
        prev = norms[m.start - 1] if m.start else ""
        nxt = norms[m.end] if m.end < len(norms) else ""
        pos = "verb" if verbs else "noun"
        if verbs and not nouns and prev in words["possessive_determiners"] and not any("part" in e.form or "past" in e.form for e in verbs):
            continue  # "for their release": a noun use of a word we only know as a verb
        if verbs and nouns:
            if any("ing" in e.form for e in verbs) and prev not in determiners and (
                m.end in actor_starts or nxt in words["object_starts"] or nxt[:1].isdigit()
                or any(q.start == m.end for q in a.quantities)
            ):
                pos = "verb"  # ", killing at least 12 civilians"
            elif prev in verb_cues:
                pos = "verb"
            elif prev in determiners or (m.start > 0 and a.quantities and any(q.end == m.start for q in a.quantities)):
                pos = "noun"
            elif m.start in actor_ends and (nxt in words["object_determiners"] or m.end in actor_starts or nxt.isdigit()):
                pos = "verb"
            elif m.end in participant_starts and prev not in determiners and m.start > 0:
                pos = "verb"  # "ONLF attacks Ethiopian soldiers": a word we do not know, then the verb and its object
            else:
                pos = "noun"
        if pos == "noun" and not (prev in words["definite_determiners"] and a.cue_before("anaphoric", m.start, 0)):
            # ("the strikes" points back to an event already named: whichever it was, its reading stands)
            fitting = [e for e in nouns if _in_context(a, lex, e, m)]
            if not fitting and prev not in determiners:
                if not verbs:
                    continue  # "strike" with neither an air nor a labour context: no event word
                pos = "verb"
            nouns = fitting or nouns  # ("similar strikes": a noun all the same; with no context, its first reading)
        entry: Entry = (verbs if pos == "verb" else nouns)[0]
        passive = False
        if pos == "verb" and "part" in entry.form:
            k = m.start - 1
            while k >= 0 and (norms[k] in words["adverb_skip"] or norms[k].endswith("ly")):
                k -= 1
            if k >= 0 and norms[k] in words["be_forms"]:
                passive = True
            elif nxt in words["agent_by"] and not (k >= 0 and norms[k] in words["have_forms"]):
                passive = True
            elif m.start in counted and (entry.key in lex.violent or lex.ds.patterns[entry.key].intervention == "arrest") and "past" in entry.form and "part" in entry.form and m.end not in actor_starts and (
                    nxt not in words["object_determiners"] and not nxt[:1].isdigit()):
                passive = True  # "three soldiers killed and five wounded": a headline's participle, the counted are the victims
        out.append(Trigger(m.start, m.end, entry.key, pos, entry.form, passive, entry.ref, a.span_text(m.start, m.end)))
    return out


def _in_context(a: SentenceAnalysis, lex: Lexicon, e: Entry, m: Match) -> bool:
    """Whether an ambiguous noun ("strike") names this entry's event here: a word of the pattern's context in the
    sentence, or (for violence) an armed actor in it ("Israeli strikes", "army strike")."""
    p = lex.ds.patterns[e.key]
    if not p.context_nouns or p.context is None:
        return True
    said = " ".join(a.norms[m.start : m.end])
    if not any(said in (n.lower(), plural(n.lower(), lex.ds.irregular_plurals)) for n in p.context_nouns):
        return True
    if a.cue_spans.get(p.context):
        return True
    if e.key not in lex.violent:
        return False
    for am in a.participants:
        if am.actor is not None and lex.ds.actors[am.actor].armed:
            return True
        if am.agent is not None and lex.ds.agents[am.agent].armed:
            return True
        if am.actor is None and am.agent is None and am.country and am.pronoun is None and 0 <= m.start - am.end <= 2:
            return True  # "Israeli strikes": a country's own strikes are its forces'
    return False


def _choose_place(a: SentenceAnalysis, lex: Lexicon, m: Match) -> str | None:
    """Which of the places a name may denote: a curated one, else a town in a country the sentence names, else the largest."""
    entries = m.of("place")
    curated = [e for e in entries if not e.key.startswith("gn:")]
    if curated:
        return curated[0].key
    if not a.tokens[m.start].text[:1].isupper() and not a.caseless:
        return None  # gazetteer names are proper nouns (unless the text is written all in lower case)
    towns = [lex.ds.place(e.key) for e in entries]
    named = {am.country for am in a.actors if am.country}
    return max(towns, key=lambda t: (t.country in named, t.population)).name


def _places(a: SentenceAnalysis, lex: Lexicon) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    words = lex.lang.words
    for m in a.matches:
        places = m.of("place")
        if places:
            key = _choose_place(a, lex, m)
            if key is None:
                continue
            # "officials in Washington said": where the speakers sit, not where the event happened
            if m.start >= 2 and a.norms[m.start - 1] in words["seat_preposition"] and m.end < len(a.norms) and a.norms[m.end] in words["seat_speech_verbs"] and any(
                am.end == m.start - 1 and am.agent in lex.spokespeople for am in a.actors
            ):
                continue
            locative = _locative_before(a, m.start, lex)
            if not locative and m.has("capital"):
                continue  # "Washington hits back": the capital stands for the government here
            if not locative and key.startswith("gn:"):
                continue  # a gazetteer name outside "in/at/near ..." is too often a person ("Amos", "Austin")
            near = any(w in words["near"] for w in a.norms[max(0, m.start - 3) : m.start])
            out.append(PlaceMention(m.start, m.end, key, None, locative, near))
    for am in a.actors:
        if am.locative and am.country and not any(p.start <= am.start < p.end for p in out):
            out.append(PlaceMention(am.start, am.end, None, am.country, True))
    out.sort(key=lambda p: p.start)
    return out

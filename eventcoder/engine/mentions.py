"""Per-sentence analysis: tokens, dictionary matches, actor phrases, event triggers, places, numbers, dates."""

from __future__ import annotations

import datetime as dt
import math
from typing import Sequence

import attrs

from eventcoder.engine.dates import DateMention, find_dates
from eventcoder.values import SourceRef
from eventcoder.dictionaries.lexicon import Entry, Lexicon, Match
from eventcoder.engine.quantities import Quantity, find_quantities
from eventcoder.text.sentences import Sentence, written_in_lower_case
from eventcoder.text.morphology import plural, verb_forms
from eventcoder.text.tokens import Token, phrase_key, tokenize



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
    describes: bool = False  # "a Somali town": the demonym only says whose the common noun after it is
    person: bool = False  # "Gov. X", "Foreign Minister X": a named person in the agent's office


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
    """A place named in a sentence: a curated place or a store place (`place` key), an unknown name, or a country only."""

    start: int
    end: int
    place: str | None
    country: str | None
    locative: bool
    near: bool = False  # "near Gwoza", "outskirts of Goma": ACLED geo_precision 2
    candidates: tuple[str, ...] = ()  # every store place the name may denote (the article's context picks one)
    name: str = ""  # the name as written
    unknown: bool = False  # a proper name after in/near that no dictionary or store place fits ("near Kiwanja")
    origin: bool = False  # "gunmen from Benishangul Gumuz": where actors came from, not a place of the event
    hint: bool = False  # listed after a place ("Sedika town, Arsi"): most often the larger area it lies in
    area: bool = False  # written as an administrative area ("Bale zone", "Kumbi district")


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
    return m.has_any(_ACTORISH) or m.has("cue", "pronouns")


_EVENT_WORDS = frozenset({"verb", "noun"})
SPLIT_GAP = 3  # words (an actor's name counts one) a verb phrase's object may put between the verb and its particle


def split_verbs(matches: list[Match], norms: Sequence[str], lex: Lexicon) -> list[Match]:
    """"drove the rebels out of", "gunned a man down": a verb phrase split by its short object (an actor's name or up
    to SPLIT_GAP words, no verb, no punctuation) before its particle is that phrase, matched on the verb alone so the
    object after it stays the target; "drove back the rebels from": the object may also stand after the particle,
    before the phrase's last word (the match is then the verb and its particle). Only rests of a particle and at most
    one more word: longer rests ("hand over control of") are not split in English."""
    particles = lex.lang.words["split_particles"]
    tails = lex.verb_tails
    if not tails or not particles.intersection(norms):
        return matches
    covered: dict[int, Match] = {k: m for m in matches for k in range(m.start, m.end)}
    added: list[Match] = []
    n = len(norms)

    def after_object(start: int, rests: list[tuple[tuple[str, ...], Entry]]) -> Entry | None:
        """The entry whose rest follows a short object that begins at `start`, if one does."""
        j, units = start, 0
        while j < n and units <= SPLIT_GAP:
            if units:
                here = [(r, e) for r, e in rests if tuple(norms[j : j + len(r)]) == r]
                if here:
                    return max(here, key=lambda re_: len(re_[0]))[1]
            m = covered.get(j)
            if m is not None and m.has_any(_EVENT_WORDS) and not _is_actorish(m):
                return None  # an event word: the phrase is over
            if not any(c.isalnum() for c in norms[j]):
                return None
            if m is not None and _is_actorish(m) and m.start == j:
                j, units = m.end, units + 1
            else:
                j, units = j + 1, units + 1
        return None

    for i, w in enumerate(norms):
        rests = tails.get(w)
        if not rests or i in covered:
            continue
        found = after_object(i + 1, [(r, e) for r, e in rests if len(r) <= 2 and r[0] in particles])
        if found is not None:
            added.append(Match(i, i + 1, (found,)))
            continue
        if i + 1 < n and norms[i + 1] in particles and i + 1 not in covered:
            found = after_object(i + 2, [(r[1:], e) for r, e in rests if len(r) == 2 and r[0] == norms[i + 1]])
            if found is not None:
                added.append(Match(i, i + 2, (found,)))
    if not added:
        return matches
    return sorted(matches + added, key=lambda m: m.start)


def analyse(sentence: Sentence, lex: Lexicon, published: dt.date, caseless: bool | None = None) -> SentenceAnalysis:
    """Tokenise a sentence and find everything the dictionaries recognise in it.

    `caseless`: the article is written in lower case (default: whether this sentence is), so names need no capital."""
    tokens = tokenize(sentence.text)
    norms = [t.norm for t in tokens]
    caseless = written_in_lower_case(sentence.text) if caseless is None else caseless
    matches = split_verbs(lex.match(norms, [t.text for t in tokens], lower_names=caseless), norms, lex)
    cue_spans: dict[str, list[tuple[int, int]]] = {}
    holidays = {}
    for m in matches:  # one pass for cues and holidays (in this order of entries, as two passes gave them)
        for e in m.of("cue"):
            cue_spans.setdefault(e.key, []).append((m.start, m.end))
        for e in m.of("holiday"):
            h = lex.ds.holidays[e.key]
            holidays[tuple(norms[m.start : m.end])] = (h.month, h.day)
    suffixes = tuple(lex.lang.words["negation_suffix"])
    negated = [(i, i + 1) for i, w in enumerate(norms) if w.endswith(suffixes)]
    if negated:
        cue_spans.setdefault("negation", []).extend(negated)
    dates = find_dates(norms, published, holidays, lex.lang)
    # "On 9 May", "March 10, 2002", a capitalised "March" inside a sentence: the month, not the modal or the protest verb
    months = lex.lang.numbers["months"]
    in_date = {k for d in dates for k in range(d.start, d.end)} | {
        i for i, w in enumerate(norms) if i > 0 and w in months and tokens[i].text[:1].isupper() and not tokens[i].text.isupper()}
    if in_date:
        cue_spans = {name: kept for name, spans in cue_spans.items()
                     if (kept := [(s, e) for s, e in spans if not any(k in in_date for k in range(s, e))])}
        matches = [m for m in matches if not (any(k in in_date for k in range(m.start, m.end)) and (m.of("verb") or m.of("noun")))
                   or _is_actorish(m)]
    quantities = find_quantities(norms, lex.lang)
    if dates:
        # "On 24 September 2013, ... killed a man": a date's day and year count no one
        dated = {k for d in dates for k in range(d.start, d.end)}
        quantities = [q for q in quantities if not any(k in dated for k in range(q.start, q.end))]
    a = SentenceAnalysis(
        sentence, tokens, norms, matches, [], [], [], quantities, dates, cue_spans,
        caseless=caseless,
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
        if a.cue_before("locative", k, 0) is not None:
            return True  # "through central Nairobi": "central" is itself a locative word
        k -= 1
    if k > 1 and a.norms[k - 1] == "of" and a.cue_before("dwellers", k - 1, 0) is not None:
        return True  # "residents of X"
    return a.cue_before("locative", k, 0) is not None


def _actor_mentions(a: SentenceAnalysis, lex: Lexicon) -> list[ActorMention]:
    norms = a.norms
    words = lex.lang.words
    groups: list[dict] = []
    pending_backers: list[str] = []
    backer_end = 0
    last_place: Match | None = None
    offices = lex.offices
    for m in a.matches:
        if groups and groups[-1].get("person") and m.start < groups[-1]["end"]:
            continue  # a word of the titled person's name ("Gov. Phil Murphy"): part of the name, not a place
        if not _is_actorish(m):
            if m.of("place"):
                last_place = m
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
                if gap[0] in words["place_area_words"] and g.get("demonym"):
                    # "Somali regional special police": a region's forces, of the state the event is in
                    g["country"], g["demonym"], g["people"] = None, False, False
            if join and actors and g["actor"]:
                join = False
        if not join:
            g = {"start": m.start, "end": m.end, "country": None, "agent": None, "actor": None, "pronoun": None,
                 "backers": list(pending_backers), "refs": [], "demonym_only": True}
            pending_backers = []
            groups.append(g)
            if agents and last_place is not None and last_place.end == m.start and agents[0].key in offices:
                # "New York Governor X", "Alberta government": the office of a place, in that place's country
                # (the most populous of its namesakes: a state or province is named before its governor or premier)
                places = [lex.ds.place(e.key) for e in last_place.of("place")]
                g["country"] = max(places, key=lambda pl: (not pl.gazetteer, pl.population)).country
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
        if agents and not g["actor"] and lex.titles.get(tuple(norms[m.start : m.end])) == g["agent"]:
            name_end = _titled_name_end(a, lex, m.end)
            if name_end is not None:
                g["end"], g["person"] = name_end, True
        for e in countries[:1]:
            if g["country"] is None:
                g["country"] = e.key
                g["refs"].append(e.ref)
                g["people"] = e.form == "demonym" and norms[m.end - 1].endswith("s") and m.end == m.start + 1
                g["demonym"] = e.form == "demonym"
    out: list[ActorMention] = []
    for g in groups:
        only_place = g["actor"] is None and g["agent"] is None and g["pronoun"] is None
        # "students at the University of Zambia": a country ending a place's own name is part of where, not who
        locative = only_place and (_locative_before(a, g["start"], lex) or _named_after(a, g["start"], lex))
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
        people = bool(g.get("people")) and g["agent"] is None and g["actor"] is None
        describes = False
        if g.get("demonym") and only_place and not locative:
            noun = _noun_after_demonym(a, lex, g["end"])
            people = people or noun == "people"
            describes = noun == "place"
        out.append(
            ActorMention(
                g["start"], g["end"], g["country"], g["agent"], g["actor"], g["pronoun"], definite,
                tuple(g["backers"]), locative, tuple(r for r in g["refs"] if r is not None),
                a.span_text(g["start"], g["end"]), people, describes, bool(g.get("person")),
            )
        )
    return out


def _titled_name_end(a: SentenceAnalysis, lex: Lexicon, end: int) -> int | None:
    """Where the name after an office title ends ("Gov. Phil Murphy"), or None when no name follows: the name is
    one to four capitalised words that no dictionary knows (a store town only: "Murphy" is a surname too)."""
    if a.caseless:
        return None  # with no capitals nothing tells a name from the words after the title
    words = lex.lang.words
    closed = words["join_blockers"] | words["determiners"] | words["coordinators"]
    by_start = {m.start: m for m in a.matches}
    k = end + 1 if end < len(a.norms) and a.norms[end] == "." else end
    first = k
    while k < len(a.norms) and k - first < 4:
        t = a.tokens[k]
        m = by_start.get(k)
        if m is not None and not all(e.kind == "place" and e.key.startswith("gn:") for e in m.entries):
            break
        if not (t.text[:1].isupper() and t.text.replace("-", "").isalpha()) or t.norm in closed:
            break
        k += 1
    return k if k > first else None


def _noun_after_demonym(a: SentenceAnalysis, lex: Lexicon, end: int) -> str | None:
    """What a demonym with no agent after it describes: "place" ("a Somali town"), "people" ("a German tourist",
    "Chinese traders' shops") or None, when it stands for the state or comes before a force ("Ethiopian regional
    special police"). A demonym names a state force only before a force noun; before any other common noun it
    says whose the thing or person is."""
    words = lex.lang.words
    closed = words["join_blockers"] | words["determiners"] | words["be_forms"] | words["have_forms"] \
        | words["verb_cues"] | words["relative_pronouns"] | words["adverb_skip"] | words["speech_verbs"]
    starts = {m.start for m in a.matches}
    k = end
    while k < len(a.norms) and k - end < 3:
        t = a.tokens[k]
        if k in starts or not t.text.isalpha() or not (t.text.islower() or a.caseless) or t.norm in closed:
            break
        k += 1
    if k == end:
        return None
    if any(end < m.start <= k + 1 and (m.of("agent") or m.of("actor")) for m in a.matches):
        return None  # "Somali regional special police", "Somali regional Liyu Police": the force comes a few words later
    return "place" if a.norms[k - 1] in words["place_nouns"] else "people"  # the head noun is the last of them


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
        if verbs and lex.context_verbs:
            verbs = [e for e in verbs if e.key not in lex.context_verbs or _verb_in_context(a, lex, e, m)]
            # "seized 40 rifles": a reading whose context is the verb's own object outranks the verb's other readings
            verbs.sort(key=lambda e: not _verb_in_context(a, lex, e, m, confirmed=True))
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
    return _join_compounds(a, lex, _drop_handled_weapons(a, lex, out))


def _join_compounds(a: SentenceAnalysis, lex: Lexicon, triggers: list[Trigger]) -> list[Trigger]:
    """A tactic noun right before a tactic-neutral one ("a poisonous gas attack", "a mortar assault") names one event of
    the tactic: the two words are one trigger of the specific pattern."""
    out: list[Trigger] = []
    for t in triggers:
        prev = out[-1] if out else None
        if (prev is not None and prev.pos == "noun" and t.pos == "noun" and prev.end == t.start
                and prev.pattern in lex.violent and not lex.ds.patterns[prev.pattern].generic
                and lex.ds.patterns[t.pattern].generic):
            out[-1] = attrs.evolve(prev, end=t.end, form=t.form, text=a.span_text(prev.start, t.end))
            continue
        out.append(t)
    return out


def _drop_handled_weapons(a: SentenceAnalysis, lex: Lexicon, triggers: list[Trigger]) -> list[Trigger]:
    """A violent noun that is the very thing an ambiguous verb's context names ("found an explosive device", "IEDs were
    defused") is the weapon handled, not its use: the verb's event stands alone."""
    handled: list[tuple[int, int]] = []
    for t in triggers:
        if t.pos != "verb" or t.pattern not in lex.context_verbs:
            continue
        p = lex.ds.patterns[t.pattern]
        said = a.norms[t.start : t.end]
        if not any(len(w := ph.lower().split()) == len(said) and said[1:] == w[1:] for ph in p.context_verbs):
            continue
        handled += [(s, e) for s, e in a.cue_spans.get(p.context or "", ()) if _near(a, lex, t.start, t.end, s, e)]
    if not handled:
        return triggers
    definite = lex.lang.words["definite_determiners"]
    # ("most of the rockets were intercepted": the rockets of an event already reported, which the noun links to)
    return [t for t in triggers if not (t.pos == "noun" and t.pattern in lex.violent
                                         and not (t.start > 0 and a.norms[t.start - 1] in definite)
                                         and any(s <= t.start and t.end <= e or t.start <= s and e <= t.end for s, e in handled))]


def _near(a: SentenceAnalysis, lex: Lexicon, start: int, end: int, s: int, e: int) -> bool:
    """Whether span (s, e) is where a verb at (start, end) has its object (after an active verb: "seized 40 rifles")
    or its subject (before a passive one: "40 rifles were seized"); a weapon before an active verb is its instrument
    ("the missile destroyed a warship")."""
    words = lex.lang.words
    k = start - 1
    while k >= 0 and (a.norms[k] in words["adverb_skip"] or a.norms[k].endswith("ly")):
        k -= 1
    if k >= 0 and a.norms[k] in words["be_forms"]:
        return e <= start and e > start - CONTEXT_BEFORE
    return s >= end and s < end + CONTEXT_WINDOW


CONTEXT_WINDOW = 8  # tokens after an ambiguous verb where its object is written
CONTEXT_BEFORE = 14  # and before it, where a passive subject may be a list ("rifles, a carbine and 85 rounds were seized")


def _verb_in_context(a: SentenceAnalysis, lex: Lexicon, e: Entry, m: Match, confirmed: bool = False) -> bool:
    """Whether an ambiguous verb ("intercepted", "seized") names this entry's event here: a word of the pattern's
    context next to it, as its object or its passive subject ("thwarted a bomb plot", "40 rifles were seized" yes;
    "thwarted an attempt to smuggle migrants", "seized the town" no). `confirmed`: only a verb the context decided."""
    p = lex.ds.patterns[e.key]
    if not p.context_verbs or p.context is None:
        return not confirmed
    said = a.norms[m.start : m.end]
    for phrase in p.context_verbs:
        words = phrase.lower().split()
        if len(words) == len(said) and said[1:] == words[1:] and said[0] in verb_forms(
                words[0], lex.ds.irregular_verbs, frozenset(lex.ds.double_final)).values():
            return any(_near(a, lex, m.start, m.end, s, e_) for s, e_ in a.cue_spans.get(p.context, ()))
    return not confirmed


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
    if p.context_only:
        # the cue list read word by word, inside other matches too: "mortar shells" names munitions though it is
        # matched as the shelling noun, not as a cue
        keys = lex.cues.get(p.context, frozenset())
        longest = max((len(k) for k in keys), default=0)
        return any(tuple(a.norms[i : i + n]) in keys for n in range(1, longest + 1) for i in range(len(a.norms) - n + 1))
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


def choose_store_place(lex: Lexicon, keys: tuple[str, ...], countries: dict[str, int] | frozenset[str] = frozenset(),
                       name: str = "", area: bool = False, regions: frozenset | set = frozenset()) -> str:
    """Which store place a name denotes: one in a country the text names, then the place's own name
    (not an alternate spelling), a town before a region of the same name (a region when written as an area),
    then the most populous."""
    ds = lex.ds
    written = phrase_key(name) if name else ()

    def rank(key: str) -> tuple:
        pl = ds.place(key)
        weight = countries.get(pl.country, 0) if isinstance(countries, dict) else int(pl.country in countries)
        own = bool(written) and phrase_key(pl.location) == written
        town = (pl.kind == "region") == area
        # a place called by its own name counts as ten times as many people as one called by an alternate
        return (weight, (pl.country, pl.admin1) in regions, town, not pl.gazetteer,
                math.log10(pl.population + 1) + (1 if own else 0))

    return max(keys, key=rank)


def _choose_place(a: SentenceAnalysis, lex: Lexicon, m: Match, area: bool) -> tuple[str | None, tuple[str, ...]]:
    """A curated place, else the store place the sentence's countries point to (all candidates kept for the article)."""
    entries = m.of("place")
    curated = [e for e in entries if not e.key.startswith("gn:")]
    mine = {lex.ds.place(e.key).country for e in curated}
    store = tuple(e.key for e in lex.store_places(a.span_text(m.start, m.end)) if lex.ds.place(e.key).country not in mine) if curated else ()
    if curated and not store:
        return curated[0].key, ()
    # a curated place first, unless the text's countries point to a store place of the same name ("Palma, Spain")
    keys = tuple(e.key for e in curated) + store if curated else tuple(e.key for e in entries)
    if area:
        regions = tuple(k for k in keys if lex.ds.place(k).kind == "region")
        if not regions:
            return None, ()
        keys = regions
    named = frozenset(am.country for am in a.actors if am.country)
    return choose_store_place(lex, keys, named, a.span_text(m.start, m.end), area), keys


def _capital_place(lex: Lexicon, iso3: str, phrase: str) -> str | None:
    """The store's town for a capital named in countries.yaml ("Dakar" -> Dakar, Senegal)."""
    for e in lex.store_places(phrase):
        if e.form == "capital" and lex.ds.place(e.key).country == iso3:
            return e.key
    for e in lex.store_places(phrase):
        if e.form != "region" and lex.ds.place(e.key).country == iso3:
            return e.key
    store = lex.ds.store
    row = store.capital(iso3) if store is not None else None
    return f"gn:{row.id}" if row is not None else None


def _object_of_violence(a: SentenceAnalysis, lex: Lexicon, start: int) -> bool:
    """Whether the name is the object of a violent verb ("shelled Kherson", "attacked Goma")."""
    if not any(t.end == start and t.pos == "verb" and not t.passive and t.pattern in lex.violent for t in a.triggers):
        return False
    m = next((m for m in a.matches if m.start == start), None)
    end = m.end if m is not None else start + 1
    if end >= len(a.norms):
        return True
    nxt = a.norms[end]
    return not nxt.isalpha() or nxt in lex.lang.words["after_object_place"] or a.tokens[end].text[:1].isupper()


def _named_after(a: SentenceAnalysis, start: int, lex: Lexicon) -> bool:
    """Whether a name ends a place's own name after a locative word: "at the University of Gonder"."""
    return (start >= 2 and a.norms[start - 1] in lex.lang.words["of"] and a.tokens[start - 2].text[:1].isupper()
            and _locative_before(a, start - 2, lex))


def _names_its_institution(a: SentenceAnalysis, end: int, lex: Lexicon) -> bool:
    """Whether a name is followed by a town's own institution or its town word ("Ambo University students", "the
    Dembi Dolo city mayor"): the name is a place, where those people are, even without in/at before it."""
    return end < len(a.norms) and a.norms[end] in lex.lang.words["place_institutions"] and a.tokens[end - 1].text[:1].isupper()


_PLACE_KINDS = frozenset({"place", "capital"})


def _listed_after_place(a: SentenceAnalysis, found: list[PlaceMention], start: int, of: frozenset[str] = frozenset(),
                        areas: frozenset[str] = frozenset()) -> bool:
    """Whether a name follows a place with only a comma or a bracket between ("in Boji (West Wollega, Oromia)")."""
    k = start
    while k > 0 and a.norms[k - 1] in (",", "("):
        k -= 1
    if k < start and any(p.end == k for p in found):
        return True
    if k < start and k > 1 and a.norms[k - 1] in areas:
        # "X woreda, South Eastern zone, Tigray": an area no dictionary names, listed between the two, is in the list
        j = k - 1
        while j > 0 and k - j <= 3 and a.norms[j - 1].isalpha() and a.tokens[j - 1].text[:1].isupper():
            j -= 1
        if j < k - 1 and j > 0 and a.norms[j - 1] in (",", "(") and _listed_after_place(a, found, j, of):
            return True
    # "Kanyama slum (Lusaka)", "Humera town, Tigray": one lower-case word after the place first
    if k < start and k > 1 and a.norms[k - 1].isalpha() and a.tokens[k - 1].text.islower() and any(p.end == k - 1 for p in found):
        return True
    # "the Jigjiga zone of Somali region": an area's larger area
    return start > 0 and a.norms[start - 1] in of and any(p.end == start - 1 and p.area for p in found)


def _places(a: SentenceAnalysis, lex: Lexicon) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    words = lex.lang.words
    area_words = words["place_area_words"]
    institutions = words["place_institutions"]
    norms, tokens = a.norms, a.tokens
    covered = [False] * len(norms)
    for m in a.matches:
        for k in range(m.start, m.end):
            covered[k] = True
    deferred: list[Match] = []
    # tokens only a store name covers: "Goro Dola" is one name nothing knows, not Goro (Italy) and Dola (India)
    named = [m for m in a.matches if m.has_any(_PLACE_KINDS)]
    store_only = {k for m in named if all(e.kind == "place" and e.key.startswith("gn:") for e in m.entries)
                  for k in range(m.start, m.end)}
    absorbed: set[int] = set()

    def consider(m: Match, listed: bool = False) -> None:
        places = m.of("place")
        capitals = m.of("capital")
        if not places and not capitals:
            return
        own = _locative_before(a, m.start, lex) or _named_after(a, m.start, lex) or _names_its_institution(a, m.end, lex)
        hint = not own and (listed or _listed_after_place(a, out, m.start, words["of"], area_words))
        locative = own or hint
        obj = not locative and _object_of_violence(a, lex, m.start)
        if m.start in absorbed:
            return
        if places and m.end - m.start == 1 and all(e.key.startswith("gn:") for e in places) and lex.is_common_word(norms[m.start]):
            return  # "the University of Bahir Dar", "Police": a common word, whatever town somewhere bears it
        if places and all(e.key.startswith("gn:") for e in places) and m.end < len(norms) and (not covered[m.end] or m.end in store_only) \
                and tokens[m.end].text[:1].isupper() and norms[m.end].isalpha() and norms[m.end] not in area_words \
                and not lex.is_common_word(norms[m.end]) and norms[m.end] not in institutions \
                and not any(d.start <= m.end < d.end for d in a.dates):
            # (a common word after the name is an institution of the town: "Denver Public Schools", "Ambo University")
            k = m.start
            while k < len(norms) and (not covered[k] or k in store_only) and tokens[k].text[:1].isupper():
                covered[k] = False
                if k in store_only:
                    absorbed.add(k)
                k += 1
            return  # "Meda Welabu": a store name inside a longer name nothing knows (read below as an unknown place)
        near = any(w in words["near"] for w in norms[max(0, m.start - 3) : m.start])
        text = a.span_text(m.start, m.end)
        area = m.end < len(norms) and norms[m.end] in area_words
        end = m.end + 1 if area else m.end
        # "officials in Washington said": where the speakers sit, not where the event happened
        if m.start >= 2 and norms[m.start - 1] in words["seat_preposition"] and m.end < len(norms) and norms[m.end] in words["seat_speech_verbs"] and any(
            am.end == m.start - 1 and am.agent in lex.spokespeople for am in a.actors
        ):
            return
        if not places:
            if not (locative or obj):
                deferred.append(m)
                return  # "Washington hits back": the capital stands for the government here
            key = _capital_place(lex, capitals[0].key, text)
            if key is not None:
                out.append(PlaceMention(m.start, m.end, key, None, True, near, (key,), text))
            return
        key, keys = _choose_place(a, lex, m, area)
        if key is None:
            if area and tokens[m.start].text[:1].isupper():
                if locative:
                    # "in Bale zone" where Bale is only a town elsewhere: an area the store does not know
                    out.append(PlaceMention(m.start, end, None, None, True, near, (), text, unknown=True, area=True))
                else:
                    deferred.append(m)
            return
        curated = not all(e.key.startswith("gn:") for e in places)
        if keys and not curated and not (locative or obj):
            if not m.has("capital"):
                deferred.append(m)
                return  # a store name outside "in/at/near ..." is too often a person ("Amos", "Austin")
        elif curated and not locative and m.has("capital") and not obj:
            return
        out.append(PlaceMention(m.start, end if keys else m.end, key, None, locative or obj, near, keys, text, area=area,
                                hint=hint))

    for m in named:
        consider(m)
    # a proper name after in/near that nothing knows ("near Kiwanja"): a place all the same, not the last event's
    for i in range(1, len(norms)):
        if covered[i] or not tokens[i].text[:1].isupper() or not norms[i].isalpha():
            continue
        if norms[i] in words["not_lowercase_places"] or not (_locative_before(a, i, lex) or _listed_after_place(a, out, i, words["of"], area_words)) or any(d.start <= i < d.end for d in a.dates):
            continue
        j = i
        while j < len(norms) and not covered[j] and tokens[j].text[:1].isupper() and norms[j].isalpha() \
                and not (j > i and norms[j] in institutions) and not any(d.start <= j < d.end for d in a.dates):
            j += 1  # "in Bule Hora University", "in Gondar Monday night": the name ends before the institution or date
        k = j
        while k < len(norms) and k in store_only and tokens[k].text[:1].isupper() and norms[k].isalpha() \
                and not any(p.start <= k < p.end for p in out):
            k += 1
        if k > j and (lex.plain_places(a.span_text(i, k)) or lex.town_anywhere(a.span_text(i, k)) is not None):
            # "in Dembi Dollo": a store name read as no place ("Dollo", a zone elsewhere) after an unknown word is the
            # rest of one name, when that whole name is a town's spelling
            j = k
        if j + 1 < len(norms) and not covered[j] and tokens[j].text.isalpha() and tokens[j].text.islower() \
                and norms[j] not in area_words and norms[j + 1] in area_words and not lex.is_common_word(norms[j]):
            j += 1  # "in Kellam welega zone": a name's second word written in lower case before the area word
        area = j < len(norms) and norms[j] in area_words
        end = j + 1 if area else j
        if any(p.start <= i < p.end for p in out):
            continue
        near = any(w in words["near"] for w in norms[max(0, i - 3) : i])
        text = a.span_text(i, j)
        # "in Ginchi": a store name written without its accents and apostrophes (Gīnch'ī) is that name
        keys = tuple(e.key for e in lex.plain_places(text) if not area or e.form == "region")
        if keys:
            hint = not _locative_before(a, i, lex)
            key = choose_store_place(lex, keys, frozenset(am.country for am in a.actors if am.country), text, area)
            out.append(PlaceMention(i, end, key, None, True, near, keys, text, area=area, hint=hint))
        else:
            out.append(PlaceMention(i, end, None, None, True, near, (), text, unknown=True, area=area))
        for k in range(i, j):
            covered[k] = True
    while deferred:
        # "the Jigjiga zone of Somali region", "X woreda, Bale zone (Oromia)": listed after a place read above
        waiting, deferred = deferred, []
        listed = [m for m in waiting if _listed_after_place(a, out, m.start, words["of"], area_words)]
        if not listed:
            break
        for m in listed:
            consider(m, True)  # read as listed, so never deferred again
        deferred = [m for m in waiting if m not in listed]
    for am in a.actors:
        listed = am.agent is None and am.actor is None and _listed_after_place(a, out, am.start, words["of"], area_words)
        if am.country and listed and not am.locative:
            # "Raaso town (Afder, Somali)": after a place, a name that is a demonym and a region is the region
            regions = tuple(e.key for e in lex.store_places(am.text) if e.form == "region")
            if regions:
                key = choose_store_place(lex, regions, frozenset(), am.text, True)
                out.append(PlaceMention(am.start, am.end, key, None, True, False, regions, am.text, area=True))
                continue
        if am.country and not any(p.start <= am.start < p.end for p in out) and (am.locative or listed):
            # "in Iraq"; "Weliso prison, Southwest Shewa (Ethiopia)"
            out.append(PlaceMention(am.start, am.end, None, am.country, True))
        elif (am.country and am.agent is None and am.actor is None and am.end < len(norms) and norms[am.end] in words["place_nouns"]
              and not any(p.start <= am.start < p.end for p in out)):
            # "the Ethiopian town of ...", "Ethiopian Somali region": the country says where, weakly (not a place of the event)
            out.append(PlaceMention(am.start, am.end, None, am.country, False))
    origin_words = words["place_origin_words"]
    for n, p in enumerate(out):
        k = p.start
        while k > 0 and norms[k - 1] in words["between_place"]:
            k -= 1
        if k > 0 and norms[k - 1] in origin_words:
            out[n] = attrs.evolve(p, origin=True)
    out.sort(key=lambda p: p.start)
    return out

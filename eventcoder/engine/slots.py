"""Who did what to whom in one sentence: fill source and target slots of each trigger, and read its modality.

Without a parser, slots come from word order inside a clause (bounded by barrier
cues such as "said", "while", ";"): the actor before an active verb is its source
and the first one after it its target; a passive verb swaps them ("by X" is the
source); a noun trigger takes its source from a premodifier ("US strikes",
"Israel's bombardment"), a "by" phrase, or the subject of a light verb
("carried out strikes"), and its target from a preposition ("strikes on X").
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

import attrs

from eventcoder.dictionaries.entries import BY_ACTORS
from eventcoder.engine.dates import DateMention
from eventcoder.dictionaries.lexicon import Lexicon
from eventcoder.engine.mentions import ActorMention, SentenceAnalysis, Trigger
from eventcoder.engine.quantities import Quantity

SPELL_DAYS = 7  # a period that began at most this long before the report is one event's spell of days



@attrs.define
class Candidate:
    """A possible event found in one sentence, before article-level resolution."""

    sentence: int
    trigger: Trigger
    source: ActorMention | None = None
    source_assoc: tuple[ActorMention, ...] = ()
    target: ActorMention | None = None
    target_assoc: tuple[ActorMention, ...] = ()
    target_event_ref: bool = False
    reference: bool = False
    threat: bool = False
    date: DateMention | None = None
    dropped: str | None = None
    consequence_of: int | None = None
    modality: str | None = None  # "intent" (will meet) or "refusal" (refused to meet): coded with the pattern's own code


@attrs.frozen(slots=True)
class CasualtyReport:
    """A count of people killed or injured and what it attaches to."""

    sentence: int
    kind: str
    quantity: Quantity | None
    victims: ActorMention | None
    candidate: int | None
    anaphoric: bool
    cumulative: bool
    position: int


@attrs.frozen(slots=True)
class Claim:
    """"X claimed responsibility for the attack": gives an earlier event its source."""

    sentence: int
    claimer: ActorMention
    position: int


def _clause(a: SentenceAnalysis, start: int, end: int) -> tuple[int, int]:
    lo, hi = 0, len(a.norms)
    for s, e in a.cue_spans.get("barrier", ()):
        if e <= start and e > lo:
            lo = e
        if s >= end and s < hi:
            hi = s
    return lo, hi


def _conjoined(gap: list[str], ands: frozenset[str], lead: frozenset[str] = frozenset()) -> bool:
    """'X and Y', 'X, Y', 'X, and Y'; with `lead` (articles), also 'X and a Y', 'X and 3 Y'."""
    while lead and len(gap) > 1 and (gap[-1] in lead or gap[-1].isdigit()):
        gap = gap[:-1]
    return gap == [","] or (len(gap) in (1, 2) and gap[-1] in ands and gap[:-1] in ([], [","]))


def _chain_left(a: SentenceAnalysis, actors: list[ActorMention], idx: int, lex: Lexicon) -> tuple[ActorMention, tuple[ActorMention, ...]]:
    """From the actor nearest a verb, walk left over 'X and Y' to the first conjunct."""
    chain = [actors[idx]]
    ands = lex.lang.words["and"]
    # "two policemen and a civilian were killed": the count or article of a conjunct does not end the chain
    lead = lex.lang.words["articles"] | lex.lang.words["singular_markers"]
    while idx > 0 and _conjoined(a.norms[actors[idx - 1].end : actors[idx].start], ands, lead):
        idx -= 1
        chain.insert(0, actors[idx])
    return chain[0], tuple(chain[1:])


def _chain_right(a: SentenceAnalysis, actors: list[ActorMention], idx: int, hi: int,
                 lex: Lexicon) -> tuple[ActorMention, tuple[ActorMention, ...]]:
    first = actors[idx]
    words = lex.lang.words
    assoc: list[ActorMention] = []
    j = idx
    while j + 1 < len(actors) and actors[j + 1].end <= hi:
        gap = a.norms[actors[j].end : actors[j + 1].start]
        if _conjoined(gap, words["and"]):
            assoc.append(actors[j + 1])
            j += 1
            continue
        # "militia groups in Iraq, including Kataib Hezbollah": the named member is the actor coded
        if any(w in words["refiners"] for w in gap) and len(gap) <= 6 and first.actor is None and actors[j + 1].actor is not None:
            first = actors[j + 1]
            j += 1
            continue
        break
    return first, tuple(assoc)


def _source_left(a: SentenceAnalysis, pos: int, lo: int, lex: Lexicon) -> tuple[ActorMention | None, tuple[ActorMention, ...]]:
    actors = a.participants
    words = lex.lang.words
    if lo > 0 and a.norms[lo - 1] in words["relative_pronouns"] and any(m.end == lo - 1 for m in actors):
        lo = next(m.start for m in actors if m.end == lo - 1)  # "gunmen who kidnapped": the relative pronoun's antecedent
    best = None
    for i, m in enumerate(actors):
        if m.end <= pos and m.start >= lo:
            if m.start >= 2 and a.norms[m.start - 1] in words["infinitive"] and a.norms[m.start - 2] in words["according"]:
                continue
            best = i
    if best is None:
        return None, ()
    return _chain_left(a, actors, best, lex)


def _speaker(a: SentenceAnalysis, m: ActorMention, lex: Lexicon) -> bool:
    """'..., police said': an actor that reports the event is not part of it."""
    return m.end < len(a.norms) and a.norms[m.end] in lex.lang.words["speech_verbs"]


def _target_right(a: SentenceAnalysis, pos: int, hi: int, lex: Lexicon,
                  window: int = 10) -> tuple[ActorMention | None, tuple[ActorMention, ...]]:
    actors = a.participants
    by = lex.lang.words["agent_by"]
    for i, m in enumerate(actors):
        if m.start >= pos and m.start < hi and m.start - pos <= window:
            if any(w in by for w in a.norms[pos : m.start]) or _speaker(a, m, lex):
                return None, ()
            return _chain_right(a, actors, i, hi, lex)
    return None, ()


def _by_phrase(a: SentenceAnalysis, pos: int, hi: int, lex: Lexicon, window: int = 4) -> ActorMention | None:
    words = lex.lang.words
    for k in range(pos, min(pos + window, hi)):
        if a.norms[k] in words["agent_by"]:
            for m in a.participants:
                if m.start == k + 1 or (m.start == k + 2 and a.norms[k + 1] in words["articles"]):
                    return m
            # "killed by federal police", "beaten by local youth": a modifier or two before the agent's noun
            starts = {t.start for t in a.triggers}
            for m in a.participants:
                gap = a.norms[k + 1 : m.start]
                if 0 < len(gap) <= 3 and len([w for w in gap if w not in words["articles"]]) <= 2 and all(
                        w.isalpha() and w not in words["and"] and w not in words["of"] and w not in words["agent_by"]
                        for w in gap) and not any(p in starts for p in range(k + 1, m.start)):
                    return m
            return None
    return None


def _nearest_point_date(a: SentenceAnalysis, t: Trigger) -> DateMention | None:
    points = [d for d in a.dates if d.role != "since"]
    if not points:
        return None
    return min(points, key=lambda d: min(abs(d.start - t.end), abs(t.start - d.end)))


def fill_slots(a: SentenceAnalysis, lex: Lexicon, published: dt.date | None = None) -> list[Candidate]:
    """One candidate per trigger in the sentence, with slots and modality decided."""
    out: list[Candidate] = []
    nouns = [t for t in a.triggers if t.pos == "noun"]
    accusations = [t for t in a.triggers if lex.ds.patterns[t.pattern].embeds == "accusation"]  # once per sentence
    further: set[int] = set()  # participial verbs (", destroying a vehicle"): acts that add to a main event
    for t in a.triggers:
        c = Candidate(a.sentence.index, t)
        lo, hi = _clause(a, t.start, t.end)
        pattern = lex.ds.patterns[t.pattern]
        if t.pos == "verb" and _participial(a, t, lex) and out:
            # the clause's main event: the last verb before it that is no further act ("attacked ..., destroying a
            # vehicle and killing soldiers": the killing is what the attack did), else the last event word
            verbs_before = [k for k, o in enumerate(out) if o.trigger.pos == "verb" and k not in further]
            if t.pattern in lex.casualty_verbs:
                # "opened fire on civilians after they refused to leave, killing 3": the deaths are the violence's
                verbs_before = [k for k in verbs_before if out[k].trigger.pattern in lex.violent] or verbs_before
            further.add(len(out))
            root = _root(out, verbs_before[-1] if verbs_before else len(out) - 1)
            c.target, c.target_assoc = _target_right(a, t.end, hi, lex)
            if t.pattern in lex.casualty_verbs:
                # ", killing five people": what the preceding event did, not a new event
                c.consequence_of = root
            # ", abducting 40 others": a further act by the same actor
            c.source, c.source_assoc = out[root].source, out[root].source_assoc
        elif t.pos == "verb":
            _verb_slots(a, c, lo, hi, nouns, out, lex)
        else:
            _noun_slots(a, c, lo, hi, pattern.preps, pattern.symmetric, lex)
        _modality(a, c, lo, lex, accusations, published)
        c.date = _nearest_point_date(a, t)
        out.append(c)
    # "threatened (on Tuesday) to attack": the threat is coded once, through the threatened act; "refused to meet":
    # the refusal through the refused act, if it has a refusal code; "urged the police to arrest": the request is
    # coded, the act requested is not an event
    for c in out:
        embeds = lex.ds.patterns[c.trigger.pattern].embeds
        if embeds == "denial" and c.trigger.pos == "verb":
            # "denied charges that it tortured a priest": what is denied is no event
            for o in out:
                if o is not c and 0 <= o.trigger.start - c.trigger.end <= 12 and o.dropped is None:
                    o.dropped = f"content of a denial ({c.trigger.text})"
            continue
        if embeds == "refusal" and c.trigger.pos == "verb":
            _refused_objects(a, c, out, lex)
        if c.dropped is not None and c.dropped.startswith("content of a refusal"):
            continue  # "rejected appeals to free X": the appeal asks nothing of anyone; the freeing is refused
        if embeds in ("threat", "refusal", "request", "intent") and c.trigger.pos == "verb":
            for o in out:
                if (o is not c and o.trigger.start >= c.trigger.end and o.trigger.start - c.trigger.end <= 8
                        and a.norms[o.trigger.start - 1] in lex.lang.words["infinitive"]):
                    if embeds == "request":
                        o.dropped = f"content of a request ({c.trigger.text})"
                        continue
                    if embeds == "intent" and lex.ds.patterns[o.trigger.pattern].intent_cameo is None:
                        # "agreed to X" with no intent code for X: the agreement is coded; an ACLED act stays itself
                        if lex.ds.patterns[o.trigger.pattern].acled is None:
                            o.dropped = f"content of an intention ({c.trigger.text})"
                        continue
                    if embeds == "refusal" and lex.ds.patterns[o.trigger.pattern].refusal_cameo is None:
                        o.dropped = f"content of a refusal ({c.trigger.text})"
                        continue
                    if embeds == "threat":
                        o.threat = True
                    else:
                        o.modality = "intent" if embeds == "intent" else "refusal"
                    o.dropped = None
                    if o.source is None:
                        o.source, o.source_assoc = c.source, c.source_assoc
                    c.dropped = f"{embeds} verb coded through the {embeds}-embedded act"
    _objects_and_background(a, out, lex)
    _relative_clauses(a, out, lex)
    return out


def _refused_objects(a: SentenceAnalysis, c: Candidate, out: list[Candidate], lex: Lexicon) -> None:
    """"rejected appeals to free X", "spurned offers of peace talks": an event noun that is the object of a refusal verb
    is what was refused, coded through its refusal code (CAMEO 12x) or not at all, never as the act itself."""
    words = lex.lang.words
    gap_ok = words["determiners"] | words["refused_object_words"]
    named = {k for m in a.participants for k in range(m.start, m.end)}  # "rejected Kabul's offer of talks"
    for o in sorted(out, key=lambda o: o.trigger.start):
        if o is c or not 0 <= o.trigger.start - c.trigger.end <= 6:
            continue
        gap = range(c.trigger.end, o.trigger.start)
        if not all(a.norms[k] in gap_ok or k in named or a.norms[k].endswith("ly") for k in gap):
            continue
        # "rejected an extradition request": the event words of the refused phrase are all refused
        named.update(range(o.trigger.start, o.trigger.end))
        # a verb-form trigger right after the refusal verb is a noun ("rejected appeals to ..."); "refused to meet" is
        # the infinitive the caller codes
        if o.trigger.pos != "noun" and any(a.norms[k] in words["infinitive"] for k in gap):
            continue
        if lex.ds.patterns[o.trigger.pattern].refusal_cameo is None:
            o.dropped = f"content of a refusal ({c.trigger.text})"
            continue
        # the refuser is the source; who offered it ("offers of talks by Kabul") is whom the refusal is aimed at
        if o.source is not None and o.source != c.source and o.target is None:
            o.target, o.target_assoc = o.source, o.source_assoc
        if o.target is None:
            o.target, o.target_assoc = c.target, c.target_assoc
        o.source, o.source_assoc = c.source, c.source_assoc
        o.modality, o.dropped = "refusal", None
        c.dropped = "refusal verb coded through the refusal-embedded act"


def _relative_clauses(a: SentenceAnalysis, cands: list[Candidate], lex: Lexicon) -> None:
    """"urged police to arrest the men who beat a journalist", "released prisoners who had been jailed": an event in
    a relative clause describes someone another event of the sentence is about; it is background, not news."""
    words = lex.lang.words
    for c in cands:
        t = c.trigger
        if c.dropped is not None or t.pos != "verb" or t.start < 2:
            continue
        k = t.start - 1
        while k > 0 and (a.norms[k] in words["have_forms"] or a.norms[k] in words["be_forms"] or a.norms[k].endswith("ly")):
            k -= 1
        if a.norms[k] not in words["relative_pronouns"] or not any(m.end == k for m in a.participants):
            continue
        main = next((o for o in cands if o is not c and o.trigger.end <= k and o.consequence_of is None
                     and (o.dropped is None or o.dropped.startswith("content of")) and o.trigger.pos == "verb"), None)
        if main is None:
            continue
        p = lex.ds.patterns[t.pattern]
        crowd = p.acled == BY_ACTORS and not lex.ds.families[p.family].violent  # a demonstration typed by its crowd
        if crowd and main.trigger.pattern in lex.violent and main.target is not None and main.target.end == k:
            continue  # "police shot two students who were protesting": the protest those hit were in is news itself
        c.dropped = f"background: a relative clause about an actor of '{main.trigger.text}'"


def _bare(c: Candidate) -> bool:
    """A noun event the sentence gives no actor of its own."""
    return c.trigger.pos == "noun" and c.source is None and c.target is None and c.dropped is None and not c.reference


def _objects_and_background(a: SentenceAnalysis, cands: list[Candidate], lex: Lexicon) -> None:
    """"police defused a bomb", "condemned the attack": a violent noun that is another event word's object is what that
    event is about, not an event of its own; "after days of unrest", "amid fighting": a bare noun in a background phrase
    of a sentence that reports another event is the background of that event."""
    words = lex.lang.words
    gap_ok = words["determiners"] | words["noun_gap"] | words["articles"]
    claimed_at = [s for s, _ in a.cue_spans.get("claim", ())]
    for c in cands:
        t = c.trigger
        if t.pos == "noun" and c.dropped is None and any(s > t.start for s in claimed_at):
            cue = a.cue_before("background", t.start, 5)
            if cue is not None:
                # "after the clashes, the group claimed responsibility": the claim is the sentence's news
                c.dropped = f"background to a claim of responsibility ({a.span_text(*cue)})"
                continue
        if not _bare(c) or c.consequence_of is not None:
            continue
        if t.pattern in lex.violent:
            for o in cands:
                v = o.trigger
                if (o is not c and v.pos == "verb" and not v.passive and v.end <= t.start and t.start - v.end <= 3
                        and all(w in gap_ok or w.endswith("ly") or w.isdigit() for w in a.norms[v.end : t.start])):
                    c.reference = True  # the object of `v`; "the attack" then points back to an event named before
                    break
        if c.reference:
            continue
        cue = a.cue_before("background", t.start, 5)
        if cue is not None and a.cue_in("light_verbs", cue[1], t.start):
            cue = None  # "after Assad carried out a gas attack": a clause that reports its event, not a bare noun
        if cue is not None and any(o is not c and o.dropped is None and not o.reference and o.consequence_of is None
                                   and not (o.trigger.start > cue[0] and _bare(o)) for o in cands):
            c.dropped = f"background to the sentence's main event ({a.span_text(*cue)})"
            continue
        if t.pattern in lex.violent:
            # "raided Jenin, killing three gunmen in a gunfight": the bare noun is the event the sentence already reports
            main = next((o for o in cands if o is not c and o.dropped is None and not o.reference and o.consequence_of is None
                         and o.trigger.pattern in lex.violent and (o.source is not None or o.target is not None)), None)
            if main is not None:
                # one event: the noun takes the actors of the event word and merges with it (giving its tactic, if specific)
                c.source, c.source_assoc, c.target, c.target_assoc = main.source, main.source_assoc, main.target, main.target_assoc
                continue


def _participial(a: SentenceAnalysis, t: Trigger, lex: Lexicon) -> bool:
    if t.start == 0:
        return False
    prev = a.norms[t.start - 1]
    if "ing" in t.form:
        return prev == "," or prev in lex.lang.words["participle_leads"] or _means(a, t, lex)
    # "attacked the army, killed 5 and wounded 8": a headline's chain of verbs, the count is what the first one did
    return (prev == "," and t.pattern in lex.casualty_verbs and not t.passive
            and any(q.start == t.end for q in a.quantities)
            and any(o.end < t.start and o.pos == "verb" and o.pattern in lex.violent for o in a.triggers))


def _headline_passive(a: SentenceAnalysis, t: Trigger, src: ActorMention | None, lo: int, lex: Lexicon) -> bool:
    """Whether a casualty verb in the past is a passive written without "were": a count opens its subject ("at least 17
    state police killed", "30 members of the army killed in the clash") and nothing it could have killed follows it;
    or one with a word of reporting between ("were reported killed")."""
    if t.pattern not in lex.casualty_verbs or "past" not in t.form:
        return False
    norms, words = a.norms, lex.lang.words
    if t.start >= 2 and norms[t.start - 1] in words["passive_reporting"] and norms[t.start - 2] in words["be_forms"]:
        return True  # "at least 10 people were reported killed": a passive with a word of reporting inside it
    # "six killed, 13 wounded": the count right before the verb is its subject, not the actor before that
    # with no actor before it, a count of unknown nouns right before the verb ("one person killed in the attack")
    if src is None:
        # ("one of the killed": a determiner makes the word a noun, and the count is of those it names)
        counted = any(lo <= q.start and q.qualifier != "vague" and t.start - 3 <= q.end <= t.start
                      and all(w.isalpha() and w not in words["determiners"] for w in norms[q.end : t.start])
                      for q in a.quantities)
    else:
        counted = any(lo <= q.start and q.qualifier != "vague" and (src.start - 4 <= q.end <= src.start
                                                                     or (q.end == t.start and q.start >= src.end))
                      for q in a.quantities)
    begin = src.end if src is not None else lo
    if not counted or any(o is not t and o.pos == "verb" and begin <= o.start < t.start for o in a.triggers):
        return False
    if t.end >= len(norms):
        return True
    nxt = norms[t.end]
    return not (nxt[:1].isdigit() or nxt in words["object_determiners"] or nxt in words["singular_markers"]
                or any(m.start == t.end for m in a.actors) or any(q.start == t.end for q in a.quantities))


def _means(a: SentenceAnalysis, t: Trigger, lex: Lexicon) -> bool:
    """"protested by blocking roads", "injured police by throwing stones": the act is the means of the clause's own
    verb, done by its subject; after a passive verb the "by" names the agent instead ("were attacked by rioting youths")."""
    return (t.start > 0 and "ing" in t.form and a.norms[t.start - 1] in lex.lang.words["means_leads"]
            and not any(o.end <= t.start and o.pos == "verb" and o.passive for o in a.triggers))


def _root(cands: list[Candidate], idx: int) -> int:
    while cands[idx].consequence_of is not None:
        idx = cands[idx].consequence_of  # type: ignore[assignment]
    return idx


def _verb_slots(a: SentenceAnalysis, c: Candidate, lo: int, hi: int, nouns: list[Trigger], done: list[Candidate],
                lex: Lexicon) -> None:
    t = c.trigger
    if t.passive:
        c.target, c.target_assoc = _source_left(a, t.start, lo, lex)
        c.source = _by_phrase(a, t.end, hi, lex)
        return
    src, assoc = _source_left(a, t.start, lo, lex)
    if _headline_passive(a, t, src, lo, lex):
        # "30 members of the army killed.": a headline's passive without its "were"; the counted are the dead
        c.target, c.target_assoc = src, assoc
        c.source = _by_phrase(a, t.end, hi, lex)
        # with no "by X", a count for an event named elsewhere, as "19 people were killed" is
        c.reference = c.source is None
        return
    if src is not None and t.start > 0 and a.norms[t.start - 1] in lex.lang.words["and"]:
        # "rioters stoned the police and blocked roads": a verb joined to an earlier one shares its subject; the
        # earlier verb's object is not who acted
        prior = next((d for d in reversed(done) if d.trigger.pos == "verb" and not d.trigger.passive and d.source is not None
                      and src in (d.target, *d.target_assoc)), None)
        if prior is not None:
            src, assoc = prior.source, prior.source_assoc
    if _means(a, t, lex):
        # no event verb before it ("rioters injured police by throwing stones"): the clause's subject is its first actor
        first = next((i for i, m in enumerate(a.participants) if lo <= m.start and m.end < t.start and m.pronoun is None), None)
        if first is not None:
            src, assoc = _chain_right(a, a.participants, first, t.start, lex)
    family = lex.ds.families[lex.ds.patterns[t.pattern].family]
    # "US airstrikes killed ...": the verb tells what the noun event did
    for n in reversed(nouns):
        if not family.violent and lex.ds.patterns[n.pattern].family == family.id:
            continue  # "the protest turned violent": what the crowd itself did next, an act of its own
        if n.end <= t.start and n.start >= lo and (src is None or n.start >= src.end or any(
                d.trigger is n and src in (d.source, d.target, *d.source_assoc, *d.target_assoc) for d in done)):
            # ("clashes between the army and rebels killed five": the actor before the verb is the noun's own)
            for idx, d in enumerate(done):
                if d.trigger is n:
                    c.consequence_of = idx
                    if src is not d.source:
                        src, assoc = d.source, d.source_assoc
            break
    c.source, c.source_assoc = src, assoc
    c.target, c.target_assoc = _target_right(a, t.end, hi, lex)
    if c.target is None:
        for n in nouns:
            if t.end <= n.start <= t.end + 3 and n.start < hi:
                c.target_event_ref = True
                break
    if c.target is None and t.form == "ing" and src is None:
        c.source, c.source_assoc = _source_left(a, t.start, 0, lex)
    if c.target is None and c.source_assoc and not family.violent and family.needs_target and not c.target_event_ref:
        # "Canada and Britain agreed to ...": a joint act between the conjoined subjects, the second its target
        c.target, c.target_assoc = c.source_assoc[0], c.source_assoc[1:]
        c.source_assoc = ()


def _noun_slots(a: SentenceAnalysis, c: Candidate, lo: int, hi: int, preps: tuple[str, ...], symmetric: bool,
                lex: Lexicon) -> None:
    t = c.trigger
    norms = a.norms
    words = lex.lang.words
    gap_ok = words["determiners"] | words["noun_gap"]
    actors = a.participants
    # premodifier or possessive: "US strikes", "Israel's bombardment", "Kataib Hezbollah's drone attack"
    for i, m in enumerate(actors):
        if m.end <= t.start and t.start - m.end <= 3 and m.start >= lo:
            gap = norms[m.end : t.start]
            if all(w in gap_ok or w.endswith("ly") for w in gap) and not any(w in words["articles"] for w in gap[1:]):
                c.source, c.source_assoc = _chain_left(a, actors, i, lex)
    if c.source is None:
        c.source = _by_phrase(a, t.end, hi, lex, 5)
    if c.source is None:
        light = a.cue_before("light_verbs", t.start, 6, lo)
        # "held protests condemning the killing": the light verb's object is the event word of another family between
        # them, not this one ("fired a barrage of rockets" is one act)
        family = lex.ds.patterns[t.pattern].family
        if light is not None and not any(light[1] <= o.start and o.end <= t.start
                                         and lex.ds.patterns[o.pattern].family != family for o in a.triggers):
            c.source, c.source_assoc = _source_left(a, light[0], lo, lex)
    # target after a preposition: "strikes on X", "attack against X", "air strikes early Monday on X"; a passive light
    # verb between them keeps the noun's preposition ("an attack has been launched on X", "raids were carried out on X")
    dated = {k for d in a.dates for k in range(d.start, d.end)}
    light_after = {k for s, e in a.cue_spans.get("light_verbs", ()) if s >= t.end for k in range(s, e)}
    for k in range(t.end, min(t.end + 6, hi)):
        if norms[k] in preps or (symmetric and norms[k] in words["symmetric_preps"]):
            c.target, c.target_assoc = _target_right(a, k + 1, hi, lex, 4)
            if symmetric and norms[k] in words["between"] and c.source is None and c.target is not None:
                c.source, rest = c.target, c.target_assoc
                c.target, c.target_assoc = (rest[0], rest[1:]) if rest else (None, ())
            break
        if not (k in dated or norms[k].endswith("ly") or norms[k] in words["target_skip"]
                or norms[k] in words["be_forms"] or k in light_after):
            break
    # "the attack", "those strikes": the anaphoric cue list (cues.yaml) says the noun points back to an event
    if c.source is None and c.target is None and a.cue_before("anaphoric", t.start, 0) is not None:
        c.reference = True


def _modality(a: SentenceAnalysis, c: Candidate, lo: int, lex: Lexicon, accusations: list[Trigger],
              published: dt.date | None) -> None:
    t = c.trigger
    force = a.cue_before("natural_forces", t.start, 0)
    if force is not None and t.pos == "verb" and not t.passive:
        c.dropped = f"a force of nature did it ({a.span_text(*force)})"
        return
    if t.pos == "noun" and a.cue_before("light_verbs", t.start, 2) is None and any(
            0 <= s - t.end <= 3 and all(w in lex.lang.words["claim_gap"] for w in a.norms[t.end : s])
            for s, _ in a.cue_spans.get("claim", ())):
        # "suicide bombers are suspected to be behind the blasts": the noun names who a claim puts the event on
        c.dropped = "names the doers a claimed event is put on"
        return
    foe = next(((s, e) for s, e in a.cue_spans.get("abstract_foes", ()) if 0 <= s - t.end <= 3
                and all(w in lex.lang.words["foe_gap"] for w in a.norms[t.end : s])), None)
    if foe is not None and t.pattern in lex.violent:
        c.dropped = f"a fight against no armed foe ({a.span_text(*foe)})"
        return
    if a.cue_before("threat", t.start, 3, lo):
        c.threat = True
        return
    pattern = lex.ds.patterns[t.pattern]
    neg = a.cue_before("negation", t.start, 3 if t.pos == "verb" else 1, lo)
    if neg is not None:
        if pattern.refusal_cameo is not None and t.pos == "verb":
            c.modality = "refusal"  # "would not meet": CAMEO codes the refusal
            return
        c.dropped = f"negated ({a.span_text(*neg)})"
        return
    den = a.cue_before("denial", t.start, 4)
    if den is not None and not any(w in lex.lang.words["and"] for w in a.norms[den[1] : t.start]):
        c.dropped = f"denied ({a.span_text(*den)})"
        return
    claim = a.cue_before("claim", t.start, 12)
    if claim is not None:
        c.dropped = "elaborates a claimed event"
        return
    for other in accusations:
        if (other.end <= t.start and t.start - other.end <= 6
                and any(w in lex.lang.words["accusation_of"] for w in a.norms[other.end : t.start])):
            c.dropped = "content of an accusation"
            return
    fut = a.cue_before("future", t.start, 5, lo)
    if fut is not None:
        # "will meet", "will make a visit to": CAMEO codes the stated intention (a noun through the light verb it governs)
        if pattern.intent_cameo is not None and (t.pos == "verb" or a.cue_before("light_verbs", t.start, 4, fut[1]) is not None):
            c.modality = "intent"
            return
        c.dropped = f"not (yet) happened ({a.span_text(*fut)})"
        return
    if t.pos == "noun" and t.pattern in lex.violent:
        after = [(s, e) for s, e in a.cue_spans.get("weapon_things", ()) if t.end <= s <= t.end + 1]
        before = a.cue_before("weapon_things", t.start, 3)
        if after or (before is not None and a.norms[before[1] - 1] in lex.lang.words["of"]):
            span = after[0] if after else before
            c.dropped = f"names a weapon, not its use ({a.span_text(*span)})"  # type: ignore[misc]
            return
    if t.pos == "noun":
        gen = a.cue_before("generic", t.start, 3)
        agg = a.cue_before("aggregate", t.start, 3)
        lo_, hi_ = _clause(a, t.start, t.end)
        # "a series of raids between 6 and 12 May": the clause dates them, so they are the events reported
        dated = any(d.role != "future" and lo_ <= d.start < hi_ for d in a.dates)
        if gen is None and agg is not None and not dated and not (a.cue_before("light_verbs", agg[0], 2)
                                                    or any(w in lex.lang.words["aggregate_means"] for w in a.norms[max(agg[0] - 2, 0) : agg[0]])):
            gen = agg
        if gen is not None:
            c.dropped = f"refers to other, unspecified events ({a.span_text(*gen)})"
            return
    if a.cue_spans.get("period"):
        lo_, hi_ = _clause(a, t.start, t.end)
        own_date = any(d.role == "point" and (abs(d.end - t.start) <= 2 or lo_ <= d.start < hi_) for d in a.dates)
        # the period of the event's own clause (or the "since ..." that opens or closes it), not of another clause
        spans = [(s, e) for s, e in a.cue_spans["period"] if lo_ - 1 <= s <= hi_]
        if not own_date and spans and not _spell(a, lo_, hi_, published):
            c.dropped = f"background over a period ({a.span_text(*spans[0])})"
            return
    if t.pos == "verb" and t.passive and t.pattern in lex.casualty_verbs and c.source is None:
        # "19 people were killed": a casualty count for an event named elsewhere, not an event of its own
        c.reference = True


def _spell(a: SentenceAnalysis, lo: int, hi: int, published: dt.date | None) -> bool:
    """"killed since Saturday": a period of the clause that began days before the report is the spell of one event
    (ACLED codes it with its days), not a toll over a period; "since January" is not."""
    # "since" is a clause barrier, so the clause may end at it: its date is the one right after a period cue there
    opened = {e for s, e in a.cue_spans.get("period", ()) if lo - 1 <= s <= hi}
    return published is not None and any(
        d.role == "since" and (lo - 1 <= d.start < hi or d.start in opened) and 0 <= (published - d.date).days <= SPELL_DAYS
        for d in a.dates)


def casualty_reports(a: SentenceAnalysis, cands: list[Candidate], lex: Lexicon,
                     published: dt.date | None = None) -> list[CasualtyReport]:
    """Counts of killed and injured in the sentence, each tied to a candidate or marked anaphoric/cumulative.

    What does not change from one count to the next (which candidate covers a token, the pools of events a count may
    belong to, quantities and actors by position) is worked out once per sentence: looking it up again for every
    count made "killed killed killed ..." quadratic.
    """
    out: list[CasualtyReport] = []
    norms = a.norms
    words = lex.lang.words
    spans: list[tuple[int, int, str]] = []
    for name, kind in (("casualty_words", "killed"), ("injury_words", "injured")):
        for s, e in a.cue_spans.get(name, ()):
            spans.append((s, e, kind))
    # a verb of a casualty-reporting pattern whose phrase hides the casualty word from the cue scan ("beaten to death",
    # "clubbed to death") still reports deaths
    for t in a.triggers:
        if t.pattern in lex.casualty_verbs and t.pos == "verb" and t.end - t.start > 1 and not any(s2 < t.end and t.start < e2 for s2, e2, _ in spans):
            spans.append((t.start, t.end, "killed"))
    if not spans:
        return out
    spans.sort()
    starts = {s2 for s2, _, _ in spans}
    quantities = a.quantities  # left to right, not overlapping: starts and ends both ascend
    q_starts = [q.start for q in quantities]
    q_ends = [q.end for q in quantities]
    actor_at: dict[int, list[int]] = {}  # token -> indexes (in list order) of the actors that start there
    for i, m in enumerate(a.actors):
        actor_at.setdefault(m.start, []).append(i)

    def first_actor(lo_: int, hi_: int, ok) -> ActorMention | None:  # type: ignore[no-untyped-def]
        found = sorted(i for pos in range(lo_, hi_ + 1) for i in actor_at.get(pos, ()))
        return next((a.actors[i] for i in found if ok(a.actors[i])), None)

    cover: dict[int, int] = {}  # token -> the last candidate whose trigger covers it (or starts there, for a casualty verb)
    for idx, c in enumerate(cands):
        for pos in range(c.trigger.start, max(c.trigger.end, c.trigger.start + (c.trigger.pattern in lex.casualty_verbs))):
            cover[pos] = idx
    new_noun_event = any(c.trigger.pos == "noun" and not c.reference for c in cands)
    used: set[int] = set()

    def counts_people(q: Quantity, s: int, e: int) -> bool:  # "19 people", "19 soldiers", "killing 5", "5 killed"
        people = any(pos in actor_at for pos in range(q.end, q.end + 4)) or q.end == s or q.start == e
        # "two ethnic Amhara brothers were killed": the count is the subject of the passive casualty verb
        passive_subject = q.end < s <= q.end + 10 and norms[s - 1] in words["be_forms"] and all(
            w.isalpha() for w in norms[q.end : s]) and not (q.start > 0 and norms[q.start - 1] in words["no"])
        return people or passive_subject or any(w in words["count_nouns"] for w in norms[q.end : q.end + 3])

    for s, e, kind in spans:
        lo, hi = _clause(a, s, e)
        q = None
        if e == s + 1 and norms[s] in words["toll_nouns"]:
            # "leading to one death": the figure right before the noun, or no count at all
            k = bisect.bisect_right(q_ends, s) - 1
            if k < 0 or q_ends[k] != s or quantities[k].start in used:
                continue
        # "killed at least 19 people" / "killing 5"
        k = bisect.bisect_left(q_starts, e)
        while k < len(quantities) and q_starts[k] <= e + 2:
            if q_starts[k] not in used:
                cand = quantities[k]
                if any(w in words["and"] for w in norms[e : cand.start]) and any(cand.end <= s2 <= cand.end + 5 for s2 in starts):
                    break  # "three killed and two wounded", "and 2 rebels were wounded": the two are the wounded
                if words["refiners"] & set(norms[e : cand.start]):
                    break  # "9 died, including 3 officers": the 3 are among a count told before the verb
                q = cand
                break
            k += 1
        if q is not None and not counts_people(q, s, e):
            q = None  # "killed, with 3 injured": the number after is another count; look before the verb
        if q is None:
            # "at least 19 people ... were killed", "19 dead"
            k = bisect.bisect_right(q_ends, s) - 1
            obj = e < len(norms) and (norms[e] in words["object_determiners"] or norms[e] in words["singular_markers"]
                                      or norms[e] in words["object_pronouns"] or e in actor_at)
            # "two gunmen killed a herder": before an active verb with an object, the count is of who killed
            while not obj and k >= 0 and q_ends[k] >= s - 11:
                if quantities[k].start >= lo and quantities[k].start not in used:
                    if q is None or not counts_people(q, s, e):
                        q = quantities[k]
                    # "seventeen soldiers, among them two officers, were killed": a count set off by a refiner is part
                    # of an earlier one; look on before it
                    if not (words["refiners"] & set(norms[max(lo, quantities[k].start - 2) : quantities[k].start])):
                        q = quantities[k]
                        break
                k -= 1
        if q is not None and not counts_people(q, s, e):
            q = None
        if (q is not None and q.end < s and norms[q.end] in words["of"] and s > 0
                and norms[s - 1] in words["definite_determiners"]):
            q = None  # "one of the killed was a teacher": some of a toll told before, not a toll
        if q is not None:
            used.add(q.start)
            # "two policemen and three militants were killed": both counts
            k = bisect.bisect_left(q_ends, q.start - 3)
            while k < len(quantities) and q_ends[k] <= q.start:
                other = quantities[k]
                if (other.start not in used and any(w in words["and"] for w in norms[other.end : q.start])
                        and other.qualifier != "vague" and q.qualifier != "vague"):
                    used.add(other.start)
                    q = Quantity(other.start, q.end, other.value + q.value, q.qualifier if q.qualifier != "exact" else other.qualifier)
                    break  # no later count ends before the merged one starts
                k += 1
            # "the death of five policemen and one civilian": a second count joined after the first, before any other
            # casualty word, counts other dead of the same event
            k = bisect.bisect_left(q_starts, q.end)
            if k < len(quantities):
                other = quantities[k]
                gap = norms[q.end : other.start]
                if (other.start not in used and 0 < len(gap) <= 6 and norms[other.start - 1] in words["and"]
                        and other.qualifier != "vague" and q.qualifier != "vague" and other.start > e
                        and not any(q.end <= s2 <= other.end + 2 for s2 in starts)):
                    used.add(other.start)
                    q = Quantity(q.start, other.end, q.value + other.value, q.qualifier)
        victims = None
        if q is not None:
            victims = first_actor(q.end, q.end + 2, lambda m: not _speaker(a, m, lex))
            if victims is None and q.end + 1 < len(norms) and norms[q.end + 1] in words["of"]:
                # "two members of the federal police": the counted belong to the body named after "of"
                victims = first_actor(q.end + 2, q.end + 5, lambda m: not _speaker(a, m, lex) and not m.locative)
        if victims is None and q is None and not (e < len(norms) and norms[e] in words["agent_by"]):  # "killed by X": X killed
            m = first_actor(e, _after_age(norms, e, words) + 3, lambda m: not m.locative and not _speaker(a, m, lex))
            if m is not None:
                victims = m
                lead = norms[e : m.start]
                if ((words["singular_markers"] & set(lead)) or (words["definite_article"] & set(lead) and _singular(a, m))
                        or (not lead and _singular(a, m))):
                    q = Quantity(m.start - 1, m.start, 1, "exact", person=True)  # "shot dead a journalist", "killed the imam", "kill man"
        if q is None:
            # "a civilian was killed (by soldiers)": one victim named before the passive verb
            m = next((x for x in reversed(a.actors) if s - 3 <= x.end < s and x.start >= lo and not x.locative
                      and words["be_forms"] & set(norms[x.end : s]) and _singular_lead(a, x, lo, words)
                      and _singular(a, x)), None)
            if m is not None:
                victims, q = m, Quantity(m.start - 1, m.start, 1, "exact", person=True)
        if q is None:
            # one victim no dictionary names (or a pronoun that names none): "shot dead a road engineer", "killed him", "a shop owner was killed",
            # "the driver later died": the grammar of the clause says one person, and ACLED counts one
            at = _one_person(a, s, e, lo, words)
            if at is not None:
                q = Quantity(at, at + 1, 1, "exact", person=True)
        cumulative = ((bool(a.cue_in("period", lo, hi)) and not _spell(a, lo, hi, published)) or bool(a.cue_in("total", lo, hi))
                      or bool(a.cue_spans.get("period") and q is not None and q.value >= 1000))
        # which candidate in the sentence this count belongs to
        target_idx = None
        anaphoric = False
        if s in cover:
            c = cands[cover[s]]
            target_idx = cover[s] if c.consequence_of is None else c.consequence_of
        if target_idx is None:
            target_idx = _nearest_noun_event(cands, s)
        if target_idx is None:
            target_idx = _nearest_event(cands, s, lex.violent)
        if target_idx is not None and cands[target_idx].reference:
            anaphoric = True
        if target_idx is not None and cands[target_idx].trigger.pattern in lex.casualty_verbs and cands[target_idx].source is None:
            # "19 people were killed in the attack": a count for an event named elsewhere
            # (a reference after it in another clause, "... following the killing of a singer", is another event's)
            if any(c.reference and s < c.trigger.start < hi for c in cands) or not new_noun_event:
                anaphoric = True
                target_idx = None
            else:
                # "three were killed in violent protests": the new noun event of the sentence is where they died, even
                # one (a riot, a protest) that is not remembered as the article's last violence, as violent events are
                noun_idx = _nearest_noun_event(cands, s)
                # the noun must follow closely in the same clause ("killed in Harar during riots"), not be another event
                # the sentence goes on to ("... stabbed in one town even as police dispersed a mob in another")
                if (noun_idx is not None and cands[target_idx].trigger.pos == "verb" and not cands[noun_idx].reference
                        and cands[noun_idx].trigger.pattern not in lex.violent
                        and e <= cands[noun_idx].trigger.start <= e + 6
                        and all(w.isalnum() for w in norms[e : cands[noun_idx].trigger.start])):
                    # who died does not make the crowd's event another type: ACLED keeps a riot with deaths a riot
                    target_idx, anaphoric, victims = noun_idx, False, None
        if target_idx is None and not cands:
            anaphoric = True
        out.append(CasualtyReport(a.sentence.index, kind, q, victims, target_idx, anaphoric, cumulative, s))
    return out


def _singular_head(norms: Sequence[str], i: int, hi: int, words) -> bool:  # type: ignore[no-untyped-def]
    """Whether the noun phrase from `i` (after its article) ends in a singular noun: "the former head of ...", "the
    uncle", not "the parents", "the police"; a phrase that runs on past six words is not read."""
    ends = words["join_blockers"] | words["of"] | words["relative_pronouns"] | words["tabari_subordinators"]
    j = i
    while j < hi and j < i + 6 and norms[j].isalpha() and norms[j] not in ends:
        j += 1
    if j == i or (j < hi and norms[j].isalpha() and norms[j] not in ends):
        return False
    head = norms[j - 1]
    return (not head.endswith("s") and head not in words["plural_heads"] and head not in words["not_people"]
            and not any(w in words["count_heads"] for w in norms[i:j]))


def _one_person(a: SentenceAnalysis, s: int, e: int, lo: int, words) -> int | None:  # type: ignore[no-untyped-def]
    """The token that says a casualty word at [s, e) has one victim, or None.

    After an active verb: "killed a teacher", "killed a 12-year-old", "shot him", "killed himself", "killed the uncle of";
    before a passive one: "a shop owner was (reportedly) killed", "he was shot dead"; before a death verb:
    "the driver later died", "a herder died". "nobody was killed", "the killing of a singer" (a noun, whose victim is
    the cause of something else) and "killed a total of" are not one victim.
    """
    norms = a.norms
    n = len(norms)
    if e < n and norms[s] not in words["intransitive_deaths"]:
        w = norms[e]
        if w in words["object_person_pronouns"] or w in words["reflexive_person_pronouns"]:
            return e
        if w in words["singular_markers"] and e + 1 < n:
            k = _after_age(norms, e + 1, words)
            if k > e + 1 or (norms[e + 1].isalpha() and norms[e + 1] not in words["not_people"] and _singular_head(norms, e + 1, n, words)):
                return e
        if w in words["definite_article"] and e + 1 < n and _singular_head(norms, e + 1, n, words):
            return e
    k = s - 1
    while k >= lo and norms[k] in words["adverb_skip"]:
        k -= 1
    if k == lo - 1 and k > 0 and norms[k] in words["relative_pronouns"]:
        lo = max(0, k - 10)  # "a hawker who later died": the relative pronoun's clause stands for the noun before it
    elif k < lo:
        return None
    if norms[s] in words["intransitive_deaths"]:
        subject_end = k + 1
    elif norms[k] in words["singular_be"]:
        subject_end = k
    else:
        return None
    if subject_end - 1 < lo:
        return None
    if norms[subject_end - 1] in words["relative_pronouns"] and subject_end - 1 > lo:
        subject_end -= 1  # "a street vendor who later died": the noun the relative pronoun stands for
    last = norms[subject_end - 1]
    if last in words["nobody"] or (subject_end - 2 >= lo and norms[subject_end - 2] in words["no"]):
        return None
    if last in words["person_pronouns"]:
        return subject_end - 1
    # the noun phrase before: an article opens it within eight words, nothing but words between; its head is the noun
    # before any "of" ("a member of the federal police" is one member)
    j, seen = subject_end - 1, 0
    while j >= lo and seen < 9:
        w = norms[j]
        if w == ")" and "(" in norms[max(lo, j - 6) : j]:
            # "a member of the Front (FDF) was killed": the initialism in brackets is part of the phrase
            j = max(k for k in range(max(lo, j - 6), j) if norms[k] == "(") - 1
            continue
        j, seen = j - 1, seen + 1
        if not w.isalpha() or w in words["join_blockers"] or w in words["and"] or w in words["relative_pronouns"]:
            return None
        if w in words["singular_markers"]:
            return j + 1
        if w in words["definite_article"] and (j + 1 == lo or norms[j] not in words["of"]):
            return j + 1 if _singular_head(norms, j + 2, subject_end, words) else None
    return None


def _after_age(norms: Sequence[str], i: int, words) -> int:  # type: ignore[no-untyped-def]
    """Where the noun after an age phrase at `i` may start ("killed a 15-year-old boy"): past the age, else `i`."""
    for j in range(i, min(i + 2, len(norms))):
        if not norms[j][:1].isdigit():
            continue
        k = j + 1
        while k < len(norms) and k <= j + 4 and (norms[k] == "-" or norms[k] in words["not_people"]):
            k += 1
        if k < len(norms) and k > j + 1 and norms[k] in words["age_ends"]:
            return k + 1
    return i


def _singular_lead(a: SentenceAnalysis, m: ActorMention, lo: int, words) -> bool:  # type: ignore[no-untyped-def]
    """Whether a singular marker opens the mention's noun phrase: "a civilian", "a young girl", "an elderly Oromo farmer"."""
    norms = a.norms
    for k in range(m.start - 1, max(lo, m.start - 4) - 1, -1):
        if norms[k] in words["singular_markers"]:
            return True
        if not norms[k].isalpha() or norms[k] in words["and"] or norms[k] in words["be_forms"]:
            return False
    return False


def _singular(a: SentenceAnalysis, m: ActorMention) -> bool:
    """Whether an agent mention is a singular noun ("the imam", not "the villagers")."""
    for match in a.matches:
        if match.end == m.end:
            forms = {e.form for e in match.of("agent")}
            return forms == {"sg"} and not a.norms[m.end - 1].endswith("s")
    return False


def _nearest_noun_event(cands: list[Candidate], pos: int) -> int | None:
    """The noun event a casualty count at `pos` describes: the closest one before it, else after it.

    New events are preferred over references to earlier ones ("the attacks were a response to a drone strike that injured three").
    """
    def rank(idx: int) -> tuple[int, int, int]:
        c = cands[idx]
        return (1 if c.reference else 0, 0 if c.trigger.start < pos else 1, abs(c.trigger.start - pos))

    pool = [i for i, c in enumerate(cands) if c.dropped is None and c.trigger.pos == "noun"]
    return min(pool, key=rank) if pool else None


def _nearest_event(cands: list[Candidate], pos: int, violent: frozenset[str]) -> int | None:
    """Any violent event in the sentence, closest first, preferring those before the count ("clashed ..., leaving two dead")."""
    pool = [i for i, c in enumerate(cands) if c.dropped is None and c.trigger.pattern in violent and c.consequence_of is None and not c.reference]
    return min(pool, key=lambda i: (0 if cands[i].trigger.start < pos else 1, abs(cands[i].trigger.start - pos))) if pool else None


def claims(a: SentenceAnalysis, lex: Lexicon) -> list[Claim]:
    out = []
    for s, e in a.cue_spans.get("claim", ()):
        if a.cue_before("negation", s, 3) or (s > 1 and a.norms[s - 2] in lex.lang.words["no"]):
            continue  # "no group claimed responsibility"
        src, _ = _source_left(a, s, _clause(a, s, e)[0], lex)
        if src is not None:
            out.append(Claim(a.sentence.index, src, s))
    return out

"""Article-level coding: link sentences into events.

Candidates from each sentence are resolved in reading order: pronouns and "the
group" take the last matching actor; "claimed responsibility" gives an earlier
event its source; casualty counts attach to the event they describe (or to the
last violent event when they say "in the attack"); several mentions of one event
merge into one row; dates and places fall back to the article's narrative.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import attrs

from eventcoder.engine.actors import LOOKBACK, ResolvedActor, resolve
from eventcoder.engine.dates import DateMention
from eventcoder.dictionaries.entries import Pattern
from eventcoder.dictionaries.lexicon import Lexicon, default_lexicon
from eventcoder.engine.mentions import ActorMention, PlaceMention, SentenceAnalysis, Trigger, analyse
from eventcoder.engine.quantities import Quantity
from eventcoder.text.sentences import split_sentences
from eventcoder.text.tokens import normalize, tokenize
from eventcoder.engine.slots import Candidate, casualty_reports, claims, fill_slots

HISTORY_DAYS = 31
LOOKBACK_SENTENCES = 4


@attrs.define
class Mention:
    sentence: int
    trigger: Trigger
    pattern: Pattern
    place: PlaceMention | None


@attrs.define
class Draft:
    """An event being assembled from one or more mentions."""

    mentions: list[Mention]
    source: ResolvedActor | None
    source_assoc: list[ResolvedActor]
    target: ResolvedActor | None
    target_assoc: list[ResolvedActor]
    date: dt.date
    precision: int
    date_explicit: bool
    threat: bool
    killed: list[Quantity] = attrs.field(factory=list)
    injured: list[Quantity] = attrs.field(factory=list)
    last_sentence: int = 0
    intervention: str | None = None  # a protest met by force: disperse_protest, arrest, attack, kill

    @property
    def primary(self) -> Mention:
        return self.mentions[0]


@attrs.frozen(slots=True)
class Dropped:
    """A candidate that did not become a row, and why."""

    sentence: int
    trigger: str
    pattern: str
    reason: str


@attrs.define
class ArticleCoding:
    """Everything decided about one article: analyses, drafts that became events, and what was dropped."""

    analyses: list[SentenceAnalysis]
    drafts: list[Draft]
    dropped: list[Dropped]
    main_place: PlaceMention | None
    candidates: list[list[Candidate]] = attrs.field(factory=list)
    dateline: PlaceMention | None = None


def is_violent(lex: Lexicon, pattern: Pattern) -> bool:
    """Whether a pattern describes political violence (battles, explosions, violence against civilians)."""
    return pattern.id in lex.violent


_DATELINE = re.compile(r"^\s*([A-Z][A-Z'. -]{2,40}?)(?:,\s*([A-Z][A-Za-z .'-]{2,40}?))?\s*(?:\([^)\n]{1,60}\))?\s*(?:-|:|\u2014|\u2013)\s+")


def dateline(body: str, lex: Lexicon) -> tuple[PlaceMention | None, str]:
    """The place of a dateline ("KABUL, Afghanistan (Wire) - ...") and the body without it.

    >>> place, rest = dateline("MOGADISHU (Wire) - Gunmen attacked a hotel.", default_lexicon())
    >>> (place.place, rest)
    ('Mogadishu', 'Gunmen attacked a hotel.')
    """
    m = _DATELINE.match(body)
    if m is None:
        return None, body
    for part in (m.group(1), m.group(2)):
        if not part:
            continue
        found = lex.match([t.norm for t in tokenize(normalize(part.title()))])
        if len(found) != 1:
            continue
        entries = found[0]
        places = [e for e in entries.entries if e.kind == "place"]
        countries = [e for e in entries.entries if e.kind in ("country", "capital")]
        if places:
            return PlaceMention(0, 0, places[0].key, None, True), body[m.end() :]
        if countries and countries[0].kind == "country":
            return PlaceMention(0, 0, None, countries[0].key, True), body[m.end() :]
    return None, body


def code_text(body: str, title: str, published: dt.date, lex: Lexicon) -> ArticleCoding:
    """Code an article body (the title and dateline only inform the article's main place)."""
    place_line, body = dateline(body, lex)
    analyses = [analyse(s, lex, published) for s in split_sentences(body)]
    title_places: list[PlaceMention] = []
    if title.strip():
        for s in split_sentences(title):
            title_places.extend(analyse(s, lex, published).places)
    history: list[tuple[ActorMention, ResolvedActor]] = []
    index = DraftIndex(lex)
    drafts = index.drafts
    recent = _Recent()
    dropped: list[Dropped] = []
    narrative: DateMention | None = None

    violent_ids = lex.violent
    all_candidates: list[list[Candidate]] = []
    for a in analyses:
        cands = fill_slots(a, lex)
        all_candidates.append(cands)
        reports = casualty_reports(a, cands, violent_ids)
        # fold consequence verbs ("strikes ... killed X") into their noun
        for c in cands:
            if c.consequence_of is not None and c.dropped is None:
                noun = cands[c.consequence_of]
                if noun.target is None and c.target is not None:
                    noun.target, noun.target_assoc = c.target, c.target_assoc
        resolved: dict[tuple[int, bool], ResolvedActor | None] = {}
        noun_starts = {t.start for t in a.triggers if t.pos == "noun" and t.pattern in violent_ids}

        def res(m: ActorMention | None, violent: bool) -> ResolvedActor | None:
            if m is None:
                return None
            # "condemned the US strikes": a country named as the author of violence is its forces
            violent = violent or m.end in noun_starts or (m.end + 1 in noun_starts and a.norms[m.end] == "'s")
            key = (id(m), violent)
            if key not in resolved:
                context = history
                if m.pronoun is not None or m.definite:
                    # pronouns look back within the sentence first, then over earlier sentences (the last LOOKBACK
                    # pairs: copying the whole history for every pronoun was quadratic in the article)
                    context = history[-LOOKBACK:] + [(o, r) for o in a.actors if o.end <= m.start and o.pronoun is None and not o.locative
                                         for r in [resolve(o, lex, published, history, "government")] if r is not None]
                resolved[key] = resolve(m, lex, published, context, "military" if violent else "government")
            return resolved[key]

        sentence_date = next((d for d in a.dates if d.role == "point" and d.date <= published), None)
        by_cand: dict[int, Draft] = {}
        for idx, c in enumerate(cands):
            pattern = lex.ds.patterns[c.trigger.pattern]
            if c.dropped:
                dropped.append(Dropped(a.sentence.index, c.trigger.text, pattern.id, c.dropped))
                continue
            if c.consequence_of is not None:
                continue
            if c.reference:
                continue
            violent = is_violent(lex, pattern) and not c.threat
            src = res(c.source, violent)
            tgt = res(c.target, violent)
            if c.target_event_ref and tgt is None:
                ref = recent.get(a.sentence.index)
                if ref is not None and ref.source is not None:
                    tgt = ref.source
            if src is not None and tgt is not None and src.key == tgt.key:
                tgt = None
            date, precision, explicit = published, 2, False
            if c.date is not None:
                if c.date.role == "future" or c.date.date > published:
                    dropped.append(Dropped(a.sentence.index, c.trigger.text, pattern.id, "dated in the future"))
                    continue
                date, precision, explicit = c.date.date, c.date.precision, True
            elif narrative is not None:
                date, precision = narrative.date, narrative.precision
            if (published - date).days > HISTORY_DAYS:
                dropped.append(Dropped(a.sentence.index, c.trigger.text, pattern.id, f"historical (dated {date.isoformat()})"))
                continue
            place = _place_for(a, c.trigger)
            d = Draft(
                [Mention(a.sentence.index, c.trigger, pattern, place)],
                src, [x for x in (res(m, violent) for m in c.source_assoc) if x is not None],
                tgt, [x for x in (res(m, violent) for m in c.target_assoc) if x is not None],
                date, precision, explicit, c.threat, last_sentence=a.sentence.index,
            )
            held = index.add(d)
            by_cand[idx] = held
            if is_violent(lex, held.primary.pattern):
                recent.violent = held
        for cl in claims(a):
            claimer = res(cl.claimer, True)
            for d in reversed(drafts[-20:]):
                unnamed = d.source is None or (d.source.kind == "agent" and d.source.agent in ("armed_group", "militia"))
                if unnamed and a.sentence.index - d.last_sentence <= LOOKBACK_SENTENCES and is_violent(lex, d.primary.pattern):
                    d.source = claimer
                    d.last_sentence = a.sentence.index
                    recent.violent = d
                    break
        for r in reports:
            if r.cumulative:
                if r.quantity is not None:
                    dropped.append(Dropped(a.sentence.index, a.span_text(r.quantity.start, r.quantity.end), "casualties", "cumulative toll over a period"))
                continue
            target: Draft | None = None
            if r.candidate is not None:
                target = by_cand.get(r.candidate)
                if target is None and cands[r.candidate].reference:
                    target = recent.get(a.sentence.index)
            elif r.anaphoric:
                target = recent.get(a.sentence.index)
            if target is None:
                continue
            if r.quantity is not None:
                (target.killed if r.kind == "killed" else target.injured).append(r.quantity)
            if target.target is None and r.victims is not None and not target.primary.pattern.symmetric:
                v = res(r.victims, True)
                if v is not None and (target.source is None or v.key != target.source.key):
                    target.target = v
            target.last_sentence = a.sentence.index
            if is_violent(lex, target.primary.pattern):
                recent.violent = target
        for m in a.actors:
            if not m.locative:
                r_ = res(m, False)
                if r_ is not None:
                    history.append((m, r_))
        if sentence_date is not None:
            narrative = sentence_date

    # every event needs someone who acted; a CAMEO-only event also needs someone acted upon
    kept: list[Draft] = []
    for d in drafts:
        p = d.primary.pattern
        if d.source is None:
            if is_violent(lex, p) and (d.target is not None or d.killed or d.injured):
                d.source = resolve(_synthetic("armed_group"), lex, published, [], "military")
            elif p.id == "protest" or (p.acled == "Peaceful protest"):
                d.source = resolve(_synthetic("protesters"), lex, published, [], "government")
            else:
                dropped.append(Dropped(d.primary.sentence, d.primary.trigger.text, p.id, "no actor found"))
                continue
        if p.acled is None and d.target is None:
            dropped.append(Dropped(d.primary.sentence, d.primary.trigger.text, p.id, "CAMEO event without a target"))
            continue
        kept.append(d)
    merged = _fold_interventions(_merge(kept, lex), lex)
    main = place_line or _main_place(analyses, title_places)
    return ArticleCoding(analyses, merged, dropped, main, all_candidates, place_line)


def _synthetic(agent: str) -> ActorMention:
    return ActorMention(0, 0, None, agent, None, None, False, (), False, (), "")


@attrs.define
class _Recent:
    """The violent event most recently mentioned: what "the attack" in a later sentence refers to."""

    violent: Draft | None = None

    def get(self, sentence: int) -> Draft | None:
        d = self.violent
        return d if d is not None and sentence - d.last_sentence <= LOOKBACK_SENTENCES else None


def _place_for(a: SentenceAnalysis, t: Trigger) -> PlaceMention | None:
    """The place in the sentence nearest the trigger, named places before country-level ones."""
    if not a.places:
        return None
    named = [p for p in a.places if p.place is not None]
    pool = named or a.places
    return min(pool, key=lambda p: (abs(p.start - t.end) if p.start >= t.end else abs(t.start - p.end) + 1))


def _main_place(analyses: list[SentenceAnalysis], title_places: list[PlaceMention]) -> PlaceMention | None:
    places = title_places + [p for a in analyses for p in a.places]
    counts = Counter((p.place, p.country) for p in places if p.locative)
    if not counts:
        # no "in/at/near ..." anywhere: the country most named (by a capital or a country name) at country level
        named = Counter(e.key for a in analyses for m in a.matches for e in m.entries
                        if e.kind == "capital" or (e.kind == "country" and e.form == "name"))
        if not named:
            return None
        return PlaceMention(0, 0, None, named.most_common(1)[0][0], True)
    order = {key: i for i, key in reversed(list(enumerate((p.place, p.country) for p in places)))}
    # most mentioned; a named place before a bare country; then the first mentioned
    place, country = min(counts, key=lambda k: (-counts[k], k[0] is None, order[k]))
    return next(p for p in places if (p.place, p.country) == (place, country))


def _family(lex: Lexicon, p: Pattern) -> str:
    if is_violent(lex, p):
        return "violence"
    if p.acled in ("Peaceful protest", "Protest with intervention", "Violent demonstration", "Mob violence") or p.id == "protest":
        return "demonstration"
    return p.acled or ("cameo" + p.cameo[:2])


GENERIC_PATTERNS = frozenset({"attack", "kill", "ambush"})
DISTINCT_ACTS = frozenset({"Abduction/forced disappearance", "Sexual violence"})


def _same_event(k: Draft, d: Draft, lex: Lexicon) -> bool:
    """Whether two drafts describe one event: same kind, same source, compatible target, same day."""
    pk, pd = k.primary.pattern, d.primary.pattern
    if _family(lex, pk) != _family(lex, pd) or k.threat != d.threat:
        return False
    # two specific tactics (an air strike and shelling) stay two events; a generic "attack" joins a specific one,
    # but an abduction or a rape is its own event even when the same group also killed people
    if pk.acled != pd.acled and _family(lex, pk) == "violence":
        if pk.id not in GENERIC_PATTERNS and pd.id not in GENERIC_PATTERNS:
            return False
        if {pk.acled, pd.acled} & DISTINCT_ACTS:
            return False
    if k.source is None or d.source is None or k.source.key != d.source.key:
        return False
    if k.target is not None and d.target is not None and k.target.key != d.target.key:
        return False
    return not (k.date != d.date and k.date_explicit and d.date_explicit)


class DraftIndex:
    """Drafts of one article, indexed by (kind, source) so merging stays linear in article length."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.drafts: list[Draft] = []
        self._by_key: dict[tuple, list[Draft]] = {}

    def add(self, d: Draft) -> Draft:
        """Merge `d` into an earlier draft of the same event, or keep it; returns the draft that holds it."""
        key = self._key(d)
        if key is not None:
            for k in self._by_key.get(key, ()):
                if _same_event(k, d, self.lex):
                    _absorb(k, d, self.lex)
                    return k
            self._by_key.setdefault(key, []).append(d)
        self.drafts.append(d)
        return d

    def _key(self, d: Draft) -> tuple | None:
        if d.source is None:
            return None
        return (_family(self.lex, d.primary.pattern), d.source.key)


def _merge(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    index = DraftIndex(lex)
    for d in drafts:
        index.add(d)
    return index.drafts


_INTERVENTIONS = frozenset({"disperse_protest", "arrest", "attack", "kill"})


def _fold_interventions(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """Police action against a protest reported in the same article is part of that protest (ACLED codes one event:
    protesters as actor1, the intervening force as actor2)."""
    protests = [d for d in drafts if d.primary.pattern.id == "protest"]
    out: list[Draft] = []
    for d in drafts:
        p = d.primary.pattern
        host = None
        if p.id in _INTERVENTIONS and d.source is not None and d.source.inter == 1 and (
            p.id == "disperse_protest" or (d.target is not None and d.target.inter == 6)
            or (p.id != "arrest" and d.target is not None and d.target.inter == 7)
        ):
            host = next((h for h in protests if h.date == d.date or not (h.date_explicit and d.date_explicit)), None)
        if host is None:
            out.append(d)
            continue
        host.target = host.target or d.source
        host.mentions.append(d.primary)
        host.intervention = p.id
        host.killed.extend(d.killed)
        host.injured.extend(d.injured)
    return out


def _rank(lex: Lexicon, p: Pattern) -> int:
    t = lex.ds.acled_types.get(p.acled or "")
    return t.rank if t else 0


def _absorb(k: Draft, d: Draft, lex: Lexicon) -> None:
    if _rank(lex, d.primary.pattern) > _rank(lex, k.primary.pattern):
        k.mentions = d.mentions + k.mentions
    else:
        k.mentions.extend(d.mentions)
    if k.target is None:
        k.target, k.target_assoc = d.target, d.target_assoc
    k.source_assoc.extend(a for a in d.source_assoc if a.key not in {x.key for x in k.source_assoc})
    if d.date_explicit and not k.date_explicit:
        k.date, k.precision, k.date_explicit = d.date, d.precision, True
    k.killed.extend(d.killed)
    k.injured.extend(d.injured)
    k.last_sentence = max(k.last_sentence, d.last_sentence)

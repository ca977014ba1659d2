"""Where each event happened: the dateline, the sentence's own place, the narrative's, the article's.

Stages `read_dateline`, `find_main_place` and `locate_events` of engine.pipeline;
docs/places.md gives the order of preference in words.
"""

from __future__ import annotations

import re
from collections import Counter

from eventcoder.dictionaries.lexicon import Lexicon, default_lexicon
from eventcoder.engine.mentions import PlaceMention, SentenceAnalysis, Trigger
from eventcoder.engine.state import ArticleState, Draft, Where
from eventcoder.text.sentences import written_in_lower_case
from eventcoder.text.tokens import normalize, tokenize

_DATELINE_CASELESS = re.compile(r"^\s*([a-z][a-z'. -]{2,40}?)(?:,\s*([a-z][a-z .'-]{2,40}?))?\s*:\s+")  # "ayodhya: ..."
_DATELINE = re.compile(r"^\s*([A-Z][A-Z'. -]{2,40}?)(?:,\s*([A-Z][A-Za-z .'-]{2,40}?))?\s*(?:\([^)\n]{1,60}\))?\s*(?:-|:|\u2014|\u2013)\s+")


def dateline(body: str, lex: Lexicon) -> tuple[PlaceMention | None, str]:
    """The place of a dateline ("KABUL, Afghanistan (Wire) - ...") and the body without it.

    >>> place, rest = dateline("MOGADISHU (Wire) - Gunmen attacked a hotel.", default_lexicon())
    >>> (place.place, rest)
    ('Mogadishu', 'Gunmen attacked a hotel.')
    """
    m = _DATELINE_CASELESS.match(body) if written_in_lower_case(body) else _DATELINE.match(body)
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


def read_dateline(state: ArticleState) -> None:
    """Stage: the dateline's place, and the body without the dateline."""
    state.dateline, state.body = dateline(state.body, state.lex)


def place_for(a: SentenceAnalysis, t: Trigger) -> PlaceMention | None:
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
        if not named:  # only "Ethiopian farmers", "Zambian police": the country they belong to
            named = Counter(e.key for a in analyses for m in a.matches for e in m.entries if e.kind == "country")
        if not named:
            return None
        return PlaceMention(0, 0, None, named.most_common(1)[0][0], True)
    order = {key: i for i, key in reversed(list(enumerate((p.place, p.country) for p in places)))}
    # most mentioned; a named place before a bare country; then the first mentioned
    place, country = min(counts, key=lambda k: (-counts[k], k[0] is None, order[k]))
    return next(p for p in places if (p.place, p.country) == (place, country))


def find_main_place(state: ArticleState) -> None:
    """Stage: the article's main place (the dateline, else the place most named with in/at/near)."""
    state.main_place = state.dateline or _main_place(state.analyses, state.title_places)


def _where(lex: Lexicon, p: PlaceMention | None) -> Where | None:
    if p is None:
        return None
    if p.place is not None:
        pl = lex.ds.place(p.place)
        precision = 3 if pl.kind == "region" else (2 if p.near else 1)
        return Where(pl.country, pl.admin1, pl.admin2, pl.admin3, pl.location, pl.lat, pl.lon, precision)
    if p.country is not None:
        return _country_where(lex, p.country)
    return None


def _country_where(lex: Lexicon, iso3: str) -> Where:
    """A country as a place: its centroid, geo_precision 3."""
    c = lex.ds.countries[iso3]
    return Where(c.iso3, "", "", "", c.name, c.lat, c.lon, 3)


def choose_place(
    lex: Lexicon, d: Draft, main: PlaceMention | None, previous: Where | None = None, dateline: PlaceMention | None = None
) -> Where | None:
    """The event's own place, else the place of the event reported just before it, else the article's main place."""
    places = [_where(lex, m.place) for m in d.mentions]
    found = [w for w in places if w is not None]
    if found:
        best = min(found, key=lambda w: w.precision)
        line = _where(lex, dateline)
        if best.precision == 3 and line is not None and line.iso3 == best.iso3 and line.precision < 3:
            return line  # "in Kenya's capital" under a NAIROBI dateline: the town, not the country's centroid
        return best
    if d.primary.pattern.acled is None and d.source is not None and d.source.country:
        # a statement or a meeting named without a place: where the speaker's state is, not where the last attack was
        return _country_where(lex, d.source.country)
    if previous is not None:
        return previous
    w = _where(lex, main)
    if w is not None:
        return w
    for actor in (d.target, d.source):
        if actor is not None and actor.country:
            return _country_where(lex, actor.country)
    return None


def locate_events(state: ArticleState) -> None:
    """Stage: each draft's place, in reading order; a draft with no place at all is dropped."""
    out = state.located
    previous: Where | None = None
    for n, d in enumerate(state.drafts):
        where = choose_place(state.lex, d, state.main_place, previous, state.dateline)
        if where is None:
            state.drop(d.primary.sentence, d.primary.trigger.text, d.primary.pattern.id, "no place or country could be found")
            continue
        previous = where
        out.append((n, d, where))

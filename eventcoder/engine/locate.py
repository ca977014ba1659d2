"""Where each event happened: the dateline, the sentence's own place, the narrative's, the article's.

Stages `read_dateline`, `find_main_place` and `locate_events` of engine.pipeline;
docs/places.md gives the order of preference in words.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

from eventcoder.dictionaries.entries import Inter
from eventcoder.dictionaries.lexicon import GLOBAL_TOWN_POPULATION, MIN_SKELETON, Entry, Lexicon
from eventcoder.engine.mentions import PlaceMention, SentenceAnalysis, Trigger, _capital_place, choose_store_place
from eventcoder.engine.state import ArticleState, Draft, Where
from eventcoder.places.model import STORE_FILE, skeleton, written
from eventcoder.text.morphology import plural
from eventcoder.text.sentences import written_in_lower_case
from eventcoder.text.tokens import normalize, phrase_key, tokenize
from eventcoder.values import SourceRef

_DATELINE_CASELESS = re.compile(r"^\s*([a-z][a-z'. -]{2,40}?)(?:,\s*([a-z][a-z .'-]{2,40}?))?\s*:\s+")  # "ayodhya: ..."
_DATELINE = re.compile(r"^\s*([A-Z][A-Z'. -]{2,40}?)(?:,\s*([A-Z][A-Za-z .'-]{2,40}?))?\s*(?:\([^)\n]{1,60}\))?\s*(?:-|:|\u2014|\u2013)\s+")


def dateline(body: str, lex: Lexicon) -> tuple[PlaceMention | None, str]:
    """The place of a dateline ("KABUL, Afghanistan (Wire) - ...") and the body without it.

    >>> from eventcoder.dictionaries.lexicon import default_lexicon
    >>> place, rest = dateline("MOGADISHU (Wire) - Gunmen attacked a hotel.", default_lexicon())
    >>> (place.place, rest)
    ('Mogadishu', 'Gunmen attacked a hotel.')
    """
    m = _DATELINE_CASELESS.match(body) if written_in_lower_case(body) else _DATELINE.match(body)
    if m is None:
        return None, body
    parts = [(part, lex.match([t.norm for t in tokenize(normalize(part.title()))])) for part in (m.group(1), m.group(2)) if part]
    parts = [(part, found[0]) for part, found in parts if len(found) == 1]
    # "KABUL, Afghanistan": the country after the town says which town
    named = frozenset(e.key for _, f in parts for e in f.entries if e.kind == "country")
    for part, found in parts:
        places = [e for e in found.entries if e.kind == "place"]
        curated = [e for e in places if not e.key.startswith("gn:")]
        if curated:
            return PlaceMention(0, 0, curated[0].key, None, True, name=part.title()), body[m.end() :]
        if places:
            keys = tuple(e.key for e in places)
            key = choose_store_place(lex, keys, named, part.title())
            return PlaceMention(0, 0, key, None, True, candidates=keys, name=part.title()), body[m.end() :]
        capitals = [e for e in found.entries if e.kind == "capital"]
        if capitals:
            key = _capital_place(lex, capitals[0].key, part.title())
            if key is not None:
                return PlaceMention(0, 0, key, None, True, candidates=(key,), name=part.title()), body[m.end() :]
        countries = [e for e in found.entries if e.kind == "country"]
        if countries:
            return PlaceMention(0, 0, None, countries[0].key, True), body[m.end() :]
    return None, body


def read_dateline(state: ArticleState) -> None:
    """Stage: the dateline's place, and the body without the dateline."""
    state.dateline, state.body = dateline(state.body, state.lex)


def place_for(a: SentenceAnalysis, t: Trigger) -> PlaceMention | None:
    """The place in the sentence nearest the trigger, named places before country-level ones."""
    if not a.places:
        return None
    named = [p for p in a.places if (p.place is not None or p.unknown) and not p.origin]
    pool = named or [p for p in a.places if not p.origin] or a.places
    return min(pool, key=lambda p: (abs(p.start - t.end) if p.start >= t.end else abs(t.start - p.end) + 1))


STRONG_DATELINE, STRONG_COUNTRY, STRONG_PLACE = 5, 3, 2  # how much each kind of mention says where the article is
FOREIGN_TOWN_POPULATION = 100_000
HINT_TOWN_POPULATION = 15_000  # a town listed after a place ("X, Samfya") stands without other evidence from this size  # a town outside the article's countries is kept only this large and by its own name


@attrs.define
class PlaceContext:
    """Which countries and regions an article's own places point to, and each place mention as resolved by them."""

    strong: Counter = attrs.field(factory=Counter)  # dateline, "in Kenya", curated places, one-country names, regions
    weak: Counter = attrs.field(factory=Counter)  # the countries of actors: a hint only, never where an event happened
    regions: set = attrs.field(factory=set)  # (iso3, admin1) of the regions named
    resolved: dict = attrs.field(factory=dict)  # id(PlaceMention) -> the mention with its place chosen (or unknown)
    why: dict = attrs.field(factory=dict)  # id(PlaceMention) -> how it was chosen, for explain
    home: list = attrs.field(factory=list)  # [article_home's answer], once asked: it scans the whole article
    peoples: list = attrs.field(factory=list)  # [peoples_home's answer], once asked: it scans the whole article too
    # (iso3, word): the one country whose own area words the article uses ("woreda": Ethiopia), countries.yaml
    # `area_words`; None when it uses none, or words of several countries
    area_country: tuple[str, str] | None = None
    given: str | None = None  # the ISO3 given with the article (ArticleState.country)

    def weights(self) -> dict[str, int]:
        return {c: self.strong[c] * 100 + self.weak[c] for c in set(self.strong) | set(self.weak)}

    def get(self, p: PlaceMention | None) -> PlaceMention | None:
        return None if p is None else self.resolved.get(id(p), p)


def _all_places(state: ArticleState) -> list[PlaceMention]:
    return ([state.dateline] if state.dateline is not None else []) + state.title_places + [p for a in state.analyses for p in a.places]


def place_context(state: ArticleState) -> PlaceContext:
    """The article's own evidence of where it is, and every place mention resolved against it."""
    lex = state.lex
    ctx = PlaceContext()
    ds = lex.ds
    own: dict[int, int] = {}  # what each mention added itself: a lone town does not vouch for its own country
    for p in _all_places(state):
        weight = STRONG_DATELINE if p is state.dateline else STRONG_COUNTRY
        if p.origin:
            # "gunmen from Somalia": a hint, like an actor's country
            country = p.country or (ds.place(p.place).country if p.place is not None else None)
            if country:
                ctx.weak[country] += 1
            continue
        if p.country is not None:
            ctx.strong[p.country] += weight
        elif p.place is not None:
            pl = ds.place(p.place)
            countries = {ds.place(k).country for k in p.candidates} if p.candidates and pl.gazetteer else {pl.country}
            if len(countries) == 1:
                own[id(p)] = STRONG_DATELINE if p is state.dateline else STRONG_PLACE
                ctx.strong[pl.country] += own[id(p)]
                if pl.kind == "region":
                    ctx.regions.add((pl.country, pl.admin1))
    for a in state.analyses:
        for am in a.actors:
            if am.country and not am.locative:
                ctx.weak[am.country] += 1
    ctx.area_country = area_word_country(lex, state.analyses)
    if state.country is not None and state.country in ds.countries:
        # given with the article (a corpus of one country's press): as strong as the text naming the country once
        ctx.given = state.country
        ctx.strong[state.country] += STRONG_COUNTRY
    _spelt_areas(state, ctx)
    # the home country of the non-state groups the article names, else the one country of its peoples: a hint like
    # an actor's country, and a small town elsewhere that only store names vouch for is not the place
    home = article_home(lex, state.analyses, ctx)
    if home is not None:
        ctx.weak[home.iso3] += 1
    by_names: Counter = Counter()  # what store names added to each country's evidence themselves
    for p in _all_places(state):
        if id(p) in own and p.place is not None:
            by_names[ds.place(p.place).country] += own[id(p)]
    weights = ctx.weights()
    for p in _all_places(state):
        if not p.candidates or p.place is None:
            continue
        # "Kersa town, Arsi": a name listed after a place is most often the area that place lies in, so an area of
        # that name comes before a town of it elsewhere (Arsi zone, not Fushe-Arrez in Albania)
        area = p.area or (p.hint and any(ds.place(k).kind == "region" for k in p.candidates))
        key = choose_store_place(lex, p.candidates, weights, p.name, area, ctx.regions)
        pl = ds.place(key)
        others = [ds.place(k) for k in p.candidates if k != key]
        rejected = ", ".join(f"{o.location} ({o.country})" for o in others[:5]) + (" ..." if len(others) > 5 else "")
        mine = own.get(id(p), 0) if pl.country == ds.place(p.place).country else 0
        if pl.gazetteer and sum(ctx.strong.values()) > mine and ctx.strong[pl.country] <= mine and p is not state.dateline:
            named = phrase_key(pl.location) == phrase_key(p.name)
            # an area called by its own name stands alone, unless the article names a region of another country
            # ("Doba woreda (..., Oromia)": not the Doba of Chad)
            elsewhere = any(c != pl.country for c, _ in ctx.regions)
            if not (named and pl.population >= FOREIGN_TOWN_POPULATION) and not (pl.kind == "region" and named and not elsewhere):
                ctx.strong[pl.country] -= mine  # a rejected name vouches for nothing
                if ctx.strong[pl.country] <= 0:
                    del ctx.strong[pl.country]
                where = "/".join(c for c, _ in ctx.strong.most_common(3) if c != pl.country)
                ctx.resolved[id(p)] = attrs.evolve(p, place=None, unknown=True)
                ctx.why[id(p)] = (f"{p.name!r}: no place of that name in {where} (the article's places); rejected "
                                  f"{pl.location} ({pl.country})" + (f", {rejected}" if rejected else ""))
                continue
        if (home is not None and pl.gazetteer and pl.kind != "region" and pl.country != home.iso3 and p is not state.dateline
                and ctx.strong[pl.country] <= by_names[pl.country]
                and not (phrase_key(pl.location) == phrase_key(p.name) and pl.population >= FOREIGN_TOWN_POPULATION)
                and not any(ds.place(k).country == home.iso3 for k in p.candidates)):
            # "Oromo farmers marched in Gudar": nothing but the name itself points to Spain, and the article's
            # people are Ethiopia's: an unknown place there, not the village in Aragon
            if ctx.strong[pl.country] > 0:
                ctx.strong[pl.country] -= min(mine, ctx.strong[pl.country])
                if ctx.strong[pl.country] <= 0:
                    del ctx.strong[pl.country]
            ctx.resolved[id(p)] = attrs.evolve(p, place=None, unknown=True)
            ctx.why[id(p)] = (f"{p.name!r}: only the name itself points to {pl.location} ({pl.country}), and the "
                              f"article's groups or peoples are of {home.iso3}" + (f"; rejected {rejected}" if rejected else ""))
            continue
        if (p.hint and pl.gazetteer and pl.kind != "region" and ctx.strong[pl.country] <= mine
                and not (phrase_key(pl.location) == phrase_key(p.name) and pl.population >= HINT_TOWN_POPULATION)):
            # "Sedika town, Arsi": the name after a place is its larger area; a town elsewhere called so only by an
            # alternate name, or a village, is not that area (its country still counts: a village there is a hint)
            ctx.resolved[id(p)] = attrs.evolve(p, place=None, unknown=True, area=True)
            ctx.why[id(p)] = (f"{p.name!r}: listed after a place, so the area it lies in, and not {pl.location} "
                              f"({pl.country}), which nothing else in the article points to" + (f"; rejected {rejected}" if rejected else ""))
            continue
        if key != p.place:
            ctx.resolved[id(p)] = attrs.evolve(p, place=key)
        reason = "the article's countries" if weights.get(pl.country) else "its own name and population"
        ctx.why[id(p)] = (f"{p.name!r} -> {pl.location}, {pl.admin1 or '-'}, {pl.country} ({pl.kind}, by {reason})"
                          + (f"; rejected {rejected}" if rejected else ""))
    return ctx


def _spelt_areas(state: ArticleState, ctx: PlaceContext) -> None:
    """Names no dictionary or store knows as written ("West Welega", "Sheballe zone") that the one area of one country
    is spelt like: that area, when the article's places point to no other country; its country and region count as
    the article's then ("Haro village, West Welega" is not Haro in Spain)."""
    lex = state.lex
    ds = lex.ds
    between = lex.lang.words["place_chain_words"]
    for a in state.analyses:
        for p in a.places:
            if not p.unknown or p.origin or not p.name:
                continue
            # the countries the places listed with it may be in ("Moyale" names towns of Kenya and Ethiopia)
            listed = _chain(a, p, between, lex.lang.words["place_area_words"])
            possible = {ds.place(k).country for q in listed if q is not p and q.place is not None
                        and not q.origin for k in (q.candidates or (q.place,))}
            if not possible and ctx.area_country is not None:
                # "Gurafarda woreda, Bench Maji zone": the country the area words name, when no place beside it says
                possible = {ctx.area_country[0]}
            found = _people_area(lex, p, a) or _area_anywhere(lex, p, a) or _area_of_countries(lex, p, possible, a)
            if found is None and not ctx.strong and not p.area:
                found = _town_anywhere(lex, p, set(ctx.weak))
            if found is None and not ctx.strong and p.area:
                found = _area_by_town_country(lex, p, set(ctx.weak))
            if found is None:
                continue
            w, key, why = found
            if ctx.strong and w.iso3 not in ctx.strong:
                continue
            ctx.resolved[id(p)] = attrs.evolve(p, place=key, unknown=False, candidates=(key,))
            ctx.why[id(p)] = why
            ctx.strong[w.iso3] += STRONG_PLACE
            ctx.regions.add((w.iso3, w.admin1))


def _main_place(analyses: list[SentenceAnalysis], title_places: list[PlaceMention], ctx: PlaceContext | None = None) -> PlaceMention | None:
    get = ctx.get if ctx is not None else (lambda p: p)
    places = [q for q in (get(p) for p in title_places + [p for a in analyses for p in a.places]) if q is not None and not q.unknown]
    counts = Counter((p.place, p.country) for p in places if p.locative and not p.origin)
    if not counts:
        # no "in/at/near ..." anywhere: the country most named (by a capital or a country name) at country level
        named = Counter(e.key for a in analyses for m in a.matches for e in m.entries
                        if e.kind == "capital" or (e.kind == "country" and e.form == "name"))
        if not named:  # only "Ethiopian farmers", "Zambian police": the country they belong to
            named = Counter(e.key for a in analyses for m in a.matches for e in m.entries if e.kind == "country")
        if not named:
            return None
        return PlaceMention(0, 0, None, named.most_common(1)[0][0], False)  # named, not said to be where things happened
    order = {key: i for i, key in reversed(list(enumerate((p.place, p.country) for p in places)))}
    # most mentioned; a named place before a bare country; then the first mentioned
    place, country = min(counts, key=lambda k: (-counts[k], k[0] is None, order[k]))
    return next(p for p in places if (p.place, p.country) == (place, country))


def find_main_place(state: ArticleState) -> None:
    """Stage: every place resolved by the article's context; the article's main place (the dateline, else the place
    most named with in/at/near)."""
    state.places = ctx = place_context(state)
    state.main_place = ctx.get(state.dateline) or _main_place(state.analyses, state.title_places, ctx)


def _where(lex: Lexicon, p: PlaceMention | None) -> Where | None:
    if p is None or p.unknown:
        return None
    if p.place is not None:
        pl = lex.ds.place(p.place)
        # ACLED: 1 a town, 2 near a town or part of a region (a zone, a district), 3 a first-level region
        precision = (2 if pl.admin2 else 3) if pl.kind == "region" else (2 if p.near else 1)
        location = pl.location
        if pl.gazetteer and pl.kind != "region" and p.name and phrase_key(p.name) != phrase_key(pl.location) \
                and lex.ds.curated_twin(pl) is None:  # (a town places.yaml spells is written as it spells it)
            # a town the text calls by another of its names ("Ambo" for Hagere Hiywet): named as written, as ACLED does
            location = p.name.title() if p.name.islower() or p.name.isupper() else p.name
        return Where(pl.country, pl.admin1, pl.admin2, pl.admin3, location, pl.lat, pl.lon, precision)
    if p.country is not None:
        return _country_where(lex, p.country)
    return None


def _country_name(lex: Lexicon, iso3: str) -> str:
    return lex.ds.countries[iso3].name


def _country_where(lex: Lexicon, iso3: str) -> Where:
    """A country as a place: its centroid, geo_precision 3."""
    c = lex.ds.countries[iso3]
    return Where(c.iso3, "", "", "", c.name, c.lat, c.lon, 3)


def choose_place(
    lex: Lexicon, d: Draft, main: PlaceMention | None, previous: Where | None = None, dateline: PlaceMention | None = None,
    ctx: PlaceContext | None = None, analyses: list[SentenceAnalysis] | None = None,
) -> tuple[Where | None, str]:
    """The event's own place, else the place of the event reported just before it, else the article's main place
    (with the reason, for explain)."""
    get = ctx.get if ctx is not None else (lambda p: p)
    results: list[tuple[float, Where, str]] = []
    for m in d.mentions:
        p = get(m.place)
        if p is None:
            continue
        same = [get(q) for q in analyses[m.sentence].places] if analyses is not None and 0 <= m.sentence < len(analyses) else [p]
        chain: list[PlaceMention | None] = [p]
        if analyses is not None and 0 <= m.sentence < len(analyses):
            chain = [get(q) for q in _chain(analyses[m.sentence], m.place, lex.lang.words["place_chain_words"],
                                  lex.lang.words["place_area_words"])]
            # "the Grand Mosque in Addis Ababa", "Gonder town (Semen Gondar, Amhara)": the chain's town, else its head
            # the most precise: "Bhuj town, Kutch district" is at Bhuj (1), not the district (2); but a town outside
            # every region the chain's areas may be in is a namesake ("Adaba town" listed with a zone of another region)
            wheres = [(n, q, _where(lex, q)) for n, q in enumerate(chain) if q is not None and not q.origin]
            areas = _areas_of(lex, [q for _, q, _ in wheres])
            located = [(w.precision, n, q) for n, q, w in wheres if w is not None and w.precision < 3
                       and _within(lex, q, w, areas)]
            town = min(located, key=lambda x: x[:2])[2] if located else None
            district = _unknown_district(lex, analyses[m.sentence], chain) if town is None else None
            if district is not None:
                # "Habala village, Gursum district": a village no dictionary knows is written at its district, as
                # ACLED places it (a known zone or town of the chain stays the place: it is spelt as ACLED spells it)
                p = district
            elif town is not None:
                p = town
            elif chain and chain[0] is not None and chain[0].unknown:
                p = chain[0]
        w = _where(lex, p)
        if w is not None and w.precision < 3:
            results.append((w.precision, w, "the place named in the event's sentence"))
            continue
        unknown = p if p.unknown else next((q for q in same if q is not None and q.unknown and not q.origin), None)
        if unknown is None:
            if w is not None:
                results.append((3, w, "the region or country named in the event's sentence"))
            continue
        # a place no dictionary or store knows: its own name, at the region or country the text gives (precision 3)
        base, how = w, "named in its sentence"
        if base is None:
            base = next((x for x in (_where(lex, q) for q in same if q is not None and not q.origin) if x is not None and x.precision == 3), None)
        if base is None:
            base, how = _fallback_where(lex, d, main, ctx, analyses), "the article's"
            if base is not None and ctx is not None and not ctx.strong and ctx.area_country is not None \
                    and ctx.area_country[0] == base.iso3:
                how = f"the article's: it names {ctx.area_country[1]}s, areas of {base.iso3} only"
        if base is None:
            continue
        variant = None
        within = base.admin1 if base.location != _country_name(lex, base.iso3) else ""
        for q in [unknown] + [q for q in chain if q is not None and q.unknown and q is not unknown]:
            # the chain's names in order: "the Florida Hotel in Gondar" is at Gonder
            variant = lex.spelling_variant(base.iso3, q.name, within, q.area)
            if variant is not None:
                unknown = q
                break
        if variant is not None and variant.form == "region":
            rw = _where(lex, PlaceMention(0, 0, variant.key, None, True))
            if rw is not None:
                results.append((3, rw, f"{unknown.name!r} is in no dictionary or store as written: the region of "
                                       f"{_country_name(lex, base.iso3)} spelt like it, {rw.location}"))
                continue
        if variant is not None:
            pl = lex.ds.place(variant.key)
            # written as the text writes it, as with a town's alternate names
            w = Where(pl.country, pl.admin1, pl.admin2, pl.admin3, lex.without_area_word(unknown.name), pl.lat, pl.lon, 2 if unknown.near else 1)
            results.append((w.precision + 0.1, w, f"{unknown.name!r} is in no dictionary or store as written: the one town "
                                                   f"of {base.location} spelt like it, {pl.location}"))
            continue
        admin1, admin2 = base.admin1, ""
        if not admin1:
            # "in Kumbi district", "Kasese": a second-level area the store's towns name gives the region
            for q in [unknown] + [q for q in same if q is not None and q.unknown and q is not unknown and not q.origin]:
                found = lex.admin2_region(base.iso3, q.name)
                if found is not None:
                    admin1, admin2 = found
                    region = lex.ds.store.region(base.iso3, admin1) if lex.ds.store is not None else None
                    if region is not None:
                        rw = _where(lex, PlaceMention(0, 0, f"gn:{region.id}", None, True))
                        if rw is not None:
                            base, admin1 = rw, rw.admin1
                    how = f"{how}; {q.name} is in {admin1}"
                    break
        named = Where(base.iso3, admin1, admin2, "", lex.without_area_word(unknown.name), base.lat, base.lon, 3)
        results.append((2.5, named, f"{unknown.name!r} is in no dictionary or store: written as named, at the coordinates "
                                    f"of {base.location} ({how}), precision 3"))
    if results:
        rank, best, why = min(results, key=lambda r: r[0])
        line = _where(lex, get(dateline))
        if rank == 3 and line is not None and line.iso3 == best.iso3 and line.precision < 3:
            return line, "the dateline's town, in the country the sentence names"
        return best, why
    if d.primary.pattern.acled is None and d.source is not None and d.source.country:
        # a statement or a meeting named without a place: where the speaker's state is, not where the last attack was
        return _country_where(lex, d.source.country), "a statement without a place: the speaker's country"
    if previous is not None:
        return previous, "no place in its sentence: the place of the event before it"
    people = article_peoples(lex, analyses, ctx) if analyses else None
    if people is not None and (main is None or not main.locative):
        # "Oromo gunmen shot a Somali herder": a people of one country says where more surely than an actor's
        # demonym, which may name a people of several countries (the Somalis of Ethiopia and Kenya)
        return (_country_where(lex, people[0]),
                f"no place in the article: the one country of the peoples it names ({', '.join(people[1])}, {people[0]})")
    if main is not None and not main.locative:
        # the article only names countries: the one the event's own actors belong to, the target's first
        for actor in (d.target, d.source):
            if actor is not None and actor.country:
                return _country_where(lex, actor.country), "no place in the article: the country of an actor (target first)"
    w = _where(lex, main)
    if w is not None:
        return w, "no place in its sentence: the article's main place"
    for actor in (d.target, d.source):
        if actor is not None and actor.country:
            return _country_where(lex, actor.country), "no place in the article: the country of an actor"
    home = article_home(lex, analyses or [], ctx)
    if home is not None:
        return home.where, home.why
    for actor in (d.source, d.target) if d.primary.pattern.acled is None else ():
        seat = lex.ds.actors[actor.named].seat if actor is not None and actor.named in lex.ds.actors else None
        if seat is not None:
            # "NATO agreed to extend its mission": a body's statement or aid with no place told, at its seat (violence
            # and protest by or against it happen somewhere, which the seat does not say)
            return _country_where(lex, seat), "no place or country in the article: the seat of the international body"
    if ctx is not None and ctx.area_country is not None:
        # "riots broke out and woreda officials were arrested": no place named, but only one country has woredas
        iso3, word = ctx.area_country
        return _country_where(lex, iso3), f"no place or other country in the article: it names {word}s, areas of {iso3} only"
    if ctx is not None and ctx.given is not None:
        return _country_where(lex, ctx.given), "no place or country in the text: the country given with the article"
    return None, "no place or country could be found"


@attrs.frozen
class Home:
    """Where an article that names no place happened, by the groups or peoples it names (with the reason)."""

    iso3: str
    where: Where  # the groups' declared home region, else the country
    by_groups: bool  # from the non-state groups' home (else from the peoples named)
    region: bool
    why: str


def article_home(lex: Lexicon, analyses: list[SentenceAnalysis], ctx: PlaceContext | None = None) -> Home | None:
    """The home country (or declared home region) of the non-state groups the article names, else the one country
    of the peoples it names; None when neither gives one. Per article: kept in `ctx` once asked."""
    if ctx is not None and ctx.home:
        return ctx.home[0]
    home: Home | None = None
    iso3 = groups_home(lex, analyses)
    if iso3 is not None:
        region = home_region(lex, iso3, analyses)
        if region is not None:
            home = Home(iso3, region, True, True, "no place in the article: the home region of the non-state groups it "
                                                   f"names ({region.admin1}, {iso3})")
        else:
            home = Home(iso3, _country_where(lex, iso3), True, False,
                        f"no place in the article: the home country of the non-state groups it names ({iso3})")
    else:
        people = article_peoples(lex, analyses, ctx)
        if people is not None:
            home = Home(people[0], _country_where(lex, people[0]), False, False,
                        f"no place or other country in the article: the one country of the peoples it names "
                        f"({', '.join(people[1])}, {people[0]}), precision 3")
    if ctx is not None:
        ctx.home.append(home)
    return home


def article_peoples(lex: Lexicon, analyses: list[SentenceAnalysis], ctx: PlaceContext | None) -> tuple[str, list[str]] | None:
    """`peoples_home` of the article, kept in `ctx` once asked (every placeless event of an article asks it)."""
    if ctx is not None and ctx.peoples:
        return ctx.peoples[0]
    found = peoples_home(lex, analyses)
    if ctx is not None:
        ctx.peoples.append(found)
    return found


def peoples_home(lex: Lexicon, analyses: list[SentenceAnalysis]) -> tuple[str, list[str]] | None:
    """The one country of the peoples an article names ("Oromo farmers", countries.yaml `peoples`) and their names;
    None when it names none, only shared ones, or peoples of several countries."""
    found: dict[str, list[str]] = {}
    first = lex.people_first
    for a in analyses:
        words = _texts(a)
        for i in range(len(words)):
            if words[i] not in first:
                continue
            for n in range(min(lex.people_len, len(words) - i), 0, -1):
                key = tuple(words[i : i + n])
                if key in lex.peoples:
                    iso3 = lex.peoples[key]
                    if iso3 is not None and " ".join(key) not in found.setdefault(iso3, []):
                        found[iso3].append(" ".join(key))
                    break
    return next(iter(found.items())) if len(found) == 1 else None


_HOME_INTER = (Inter.REBELS, Inter.POLITICAL_MILITIA, Inter.IDENTITY_MILITIA)


def groups_home(lex: Lexicon, analyses: list[SentenceAnalysis]) -> str | None:
    """The one home country of the rebels, parties and militias an article names ("an ONLF raid", "UPND cadres"):
    ACLED's non-state groups act at home, so it is where an event without any place happened; never a state force's
    or an outside force's nationality (a foreign army fights abroad); None when they name none or several."""
    homes = {a.country for an in analyses for m in an.actors if m.actor is not None
             and (a := lex.ds.actors.get(m.actor)) is not None and a.country and a.inter in _HOME_INTER}
    return next(iter(homes)) if len(homes) == 1 else None


def home_region(lex: Lexicon, iso3: str, analyses: list[SentenceAnalysis]) -> Where | None:
    """The one first-level region the groups of that home country named declare as theirs (actors.yaml
    `home_region`), as a region-level place (precision 3); None when they declare none or several."""
    names = {a.home_region for an in analyses for m in an.actors if m.actor is not None
             and (a := lex.ds.actors.get(m.actor)) is not None and a.country == iso3 and a.inter in _HOME_INTER}
    if len(names) != 1 or None in names:
        return None
    return first_level_region(lex, iso3, next(iter(names)))


def _first_level_region_key(lex: Lexicon, iso3: str, name: str) -> str | None:
    """The place key of the first-level region of a country a declared home names."""
    for e in [e for e in lex.lookup(name) if e.kind == "place"] + lex.store_places(name):
        pl = lex.ds.place(e.key)
        if pl.kind == "region" and pl.country == iso3 and not pl.admin2:
            return e.key
    return None


def first_level_region(lex: Lexicon, iso3: str, name: str) -> Where | None:
    """The first-level region of a country a declared home names, as a region-level place."""
    key = _first_level_region_key(lex, iso3, name)
    return _where(lex, PlaceMention(0, 0, key, None, True)) if key is not None else None


def _people_area(lex: Lexicon, p: PlaceMention, a: SentenceAnalysis) -> tuple[Where, str, str] | None:
    """ "the Oromo region": an area named by a people of one country (countries.yaml `peoples`) is that people's
    declared home region; None when the name is no such people or its home is not declared."""
    if not p.area or not 0 < p.end <= len(a.norms) or a.norms[p.end - 1] not in lex.lang.words["first_level_area_words"]:
        return None  # "Oromia zone" of the Amhara region is not the Oromo's home region
    name = lex.without_area_word(p.name)
    iso3 = lex.peoples.get(tuple(name.split()))
    country = lex.ds.countries.get(iso3) if iso3 else None
    home = next((h for n, h in country.people_homes if n.casefold() == name.casefold()), None) if country else None
    key = _first_level_region_key(lex, iso3, home) if home is not None and iso3 else None
    w = _where(lex, PlaceMention(0, 0, key, None, True)) if key is not None else None
    if w is None:
        return None
    return w, key, f"{p.name!r} names the {name} people's home region: {w.location} ({iso3})"


def _area_anywhere(lex: Lexicon, q: PlaceMention, a: SentenceAnalysis | None) -> tuple[Where, str, str] | None:
    """The one area of one country a name no dictionary or store knows as written is spelt like: where it is, its
    store key and the reason; None when none is."""
    for name in _with_direction(lex, q, a):
        entry = lex.area_anywhere(name)
        w = _where(lex, PlaceMention(0, 0, entry.key, None, True)) if entry is not None else None
        if w is not None:
            return w, entry.key, (f"{name!r} is in no dictionary or store as written, and nothing else in the article "
                                  f"points to another country: the one area spelt like it, {w.location} ({w.admin1}, {w.iso3})")
    return None


def _town_anywhere(lex: Lexicon, p: PlaceMention, hinted: set[str]) -> tuple[Where, str, str] | None:
    """The one sizeable town of one region of any country a name no dictionary or store knows as written is spelt
    like, for an article whose places point to no country ("in Nekemt"); None when none is, or when the actors'
    countries point elsewhere (their country's own spelling variants are asked then)."""
    entry = lex.town_anywhere(p.name)
    w = _where(lex, PlaceMention(0, 0, entry.key, None, True)) if entry is not None else None
    if w is None or (hinted and w.iso3 not in hinted):
        return None
    return w, entry.key, (f"{p.name!r} is in no dictionary or store as written, and nothing in the article points to a "
                          f"country: the one town of {GLOBAL_TOWN_POPULATION:,} people or more spelt like it, "
                          f"{w.location} ({w.admin1}, {w.iso3})")


def area_word_country(lex: Lexicon, analyses: list[SentenceAnalysis]) -> tuple[str, str] | None:
    """(iso3, word) of the one country whose own words for administrative areas (countries.yaml `area_words`:
    woreda, kebele) an article uses; None when it uses none or those of several countries."""
    owners = {w: c.iso3 for c in lex.ds.countries.values() for w in c.area_words}
    if not owners:
        return None
    found = {owners[n]: n for a in analyses for n in a.norms if n in owners}
    return next(iter(found.items())) if len(found) == 1 else None


def _area_by_town_country(lex: Lexicon, p: PlaceMention, hinted: set[str]) -> tuple[Where, str, str] | None:
    """An area too short to be guessed among every country's areas ("the Gambella region": four consonants) in an
    article whose places point to no country: the area of that spelling in the country of the one sizeable town
    spelt like it (a region is named after its main town: Gambela), when that country has one such area."""
    town = _town_anywhere(lex, attrs.evolve(p, name=lex.without_area_word(p.name)), hinted)
    if town is None:
        return None
    iso3 = town[0].iso3
    entry = lex.spelling_variant(iso3, lex.without_area_word(p.name), "", True)
    w = _where(lex, PlaceMention(0, 0, entry.key, None, True)) if entry is not None else None
    if w is None:
        return None
    return w, entry.key, (f"{p.name!r} is in no dictionary or store as written, and nothing in the article points to a "
                          f"country: the area spelt like it in {_country_name(lex, iso3)}, the country of the one "
                          f"sizeable town spelt like it ({town[0].location}): {w.location} ({w.admin1 or '-'}, {iso3})")


def _area_of_countries(lex: Lexicon, p: PlaceMention, countries: set[str], a: SentenceAnalysis | None = None
                       ) -> tuple[Where, str, str] | None:
    """The one area, among the countries the places listed with a name may be in, spelt like it ("Sheballe zone"
    beside a town of Kenya and Ethiopia is Shabelle, Ethiopia; "west Hararge zone" is West Harerghe); None when none
    or areas of several are."""
    found = []
    for name in _with_direction(lex, p, a):
        name = lex.without_area_word(name)
        # "Beltu" (blt) is spelt like some area of most countries; a name written as an area ("Borana zone") of
        # one country may be that short
        if len(skeleton(name)) < MIN_SKELETON + (0 if p.area and len(countries) == 1 else 1):
            continue
        found = [(c, e) for c in sorted(countries) if (e := lex.spelling_variant(c, name, "", True)) is not None]
        # (a district, "Afdera woreda", is not the zone of another region spelt like it: short names are zones only)
        district = a is not None and 0 < p.end <= len(a.norms) and a.norms[p.end - 1] in lex.lang.words["place_district_words"]
        if not found and len(skeleton(name)) == MIN_SKELETON and not district:
            found = [(c, e) for c in sorted(countries) if (e := _short_area(lex, c, name)) is not None]
        if found:
            break
    if len(found) != 1:
        return None
    w = _where(lex, PlaceMention(0, 0, found[0][1].key, None, True))
    if w is None:
        return None
    return w, found[0][1].key, (f"{p.name!r} is in no dictionary or store as written: the one area spelt like it in "
                                f"the countries the places beside it may be in, {w.location} ({w.admin1}, {w.iso3})")


def _short_area(lex: Lexicon, iso3: str, name: str) -> Entry | None:
    """The one second-level area of a country whose name or alternate has the short skeleton of `name` ("Borana"
    for Borena: three consonants, too few to be indexed among every area); None when none or several have. Asked
    only for a name written as an area ("Borana zone") of the one country its article points to."""
    store = lex.ds.store
    if store is None:
        return None
    key = skeleton(name)
    rows = [r for r in store.areas(iso3) if r.kind == "admin2" and key in {skeleton(n) for n in (r.name, *r.alternates)}]
    if len({(r.admin1, r.name) for r in rows}) != 1:
        return None  # GeoNames lists some areas twice: one area, however many rows
    return Entry("place", f"gn:{rows[0].id}", "region", SourceRef(STORE_FILE, rows[0].id))


def _with_direction(lex: Lexicon, q: PlaceMention, a: SentenceAnalysis | None) -> list[str]:
    """A name with the capitalised direction word written before it first ("East" of "East Welega" is read as the
    cue of a place near it), or with its foreign direction word in English (grammar `place_direction_words`:
    "Misraq Wellega" is East Wellega), then the name as written."""
    words = q.name.split()
    english = dict(w.split("=", 1) for w in lex.lang.words["place_direction_words"])
    if len(words) > 1 and words[0].lower() in english:
        # "Misraq Wellega": the store names the zone with the direction word in English, East Wellega
        return [" ".join([english[words[0].lower()].title(), *words[1:]]), q.name]
    if a is None or q.start < 1 or q.start > len(a.tokens):
        return [q.name]
    before = a.tokens[q.start - 1].text
    # a lower-case one before a name written as an area ("in west Hararge zone") is part of the area's name too
    if (before[:1].isupper() or q.area) and before.lower() in lex.lang.words["near"] and before.isalpha():
        return [f"{before[:1].upper()}{before[1:]} {q.name}", q.name]
    return [q.name]


def _areas_of(lex: Lexicon, chain: list[PlaceMention]) -> dict[str, set[str]]:
    """Country -> every region the areas of a chain may lie in (each candidate of an area named in several regions,
    as "North Shewa" is)."""
    out: dict[str, set[str]] = {}
    for q in chain:
        if q.place is None or q.unknown or lex.ds.place(q.place).kind != "region":
            continue
        for key in q.candidates or (q.place,):
            pl = lex.ds.place(key)
            if pl.kind == "region" and pl.admin1:
                out.setdefault(pl.country, set()).add(pl.admin1)
    return out


def _within(lex: Lexicon, q: PlaceMention, w: Where, areas: dict[str, set[str]]) -> bool:
    """Whether a town of a chain agrees with the chain's areas: an area itself, a town of a chain without areas, or a
    town in one of the areas' regions ("Moyale town, Borena zone" is not Moyale, Kenya)."""
    if q.place is None or lex.ds.place(q.place).kind == "region" or not areas:
        return True
    return w.admin1 in areas.get(w.iso3, ())


def _chain(a: SentenceAnalysis, p: PlaceMention | None, between: frozenset[str] = frozenset(),
           areas: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """The places written one after another with `p` ("X village, Y district (Z)", "a mosque in X"), in order:
    only commas, brackets, the `place_chain_words` of the grammar ("in", "of") and at most two other words between
    two of them ("Central Mosque in"). An area no dictionary knows, listed between commas ("X woreda, South Eastern
    zone, Tigray": a few words ending in one of `areas`), does not break the list."""
    if p is None or p not in a.places:
        return [p] if p is not None else []
    places = sorted(a.places, key=lambda q: q.start)
    marks = (",", "(", ")")

    def joined(x: PlaceMention, y: PlaceMention) -> bool:
        gap = list(a.norms[x.end : y.start])
        cuts = [n for n, t in enumerate(gap) if t in marks]
        for lo, hi in reversed(list(zip(cuts, cuts[1:]))):
            inner = gap[lo + 1 : hi]
            if 2 <= len(inner) <= 4 and inner[-1] in areas and all(t.isalpha() for t in inner):
                del gap[lo + 1 : hi]
        words = [t for t in gap if t not in between and t not in marks]
        return bool(gap) and len(gap) <= 4 and len(words) <= 2 and all(t.isalpha() for t in words)

    i = next(n for n, q in enumerate(places) if q is p)
    lo = hi = i
    while lo > 0 and joined(places[lo - 1], places[lo]):
        lo -= 1
    while hi + 1 < len(places) and joined(places[hi], places[hi + 1]):
        hi += 1
    return places[lo : hi + 1]


def _unknown_district(lex: Lexicon, a: SentenceAnalysis, chain: list[PlaceMention | None]) -> PlaceMention | None:
    """The first area of a chain no dictionary knows that is written as a district ("Gursum district", "Arero
    woreda": grammar `place_district_words`), unless the chain names a part of a district (a kebele: that is the
    place, as ACLED writes it)."""
    words, parts = lex.lang.words["place_district_words"], lex.lang.words["place_subdistrict_words"]
    found = None
    for q in chain:
        if q is None or not q.unknown or q.origin or not q.area or not 0 < q.end <= len(a.norms):
            continue
        last = a.norms[q.end - 1]  # the area word the mention ends with
        if last in parts:
            return None
        if found is None and last in words:
            found = q
    return found


def _fallback_where(lex: Lexicon, d: Draft, main: PlaceMention | None, ctx: PlaceContext | None,
                    analyses: list[SentenceAnalysis] | None = None) -> Where | None:
    """Where an event with an unknown place is, at region or country level: the article's one region in its country,
    else the country (never a town it was not said to be in)."""
    iso3 = _fallback_country(lex, d, main, ctx, analyses)
    if iso3 is None:
        home = article_home(lex, analyses or [], ctx)
        if home is None:
            return None
        if not home.by_groups or home.region:
            return home.where
        iso3 = home.iso3  # the groups' home country: its one region named in the article, if any
    regions = sorted(r for r in ctx.regions if r[0] == iso3) if ctx is not None else []
    if len(regions) == 1 and lex.ds.store is not None:
        row = lex.ds.store.region(*regions[0])
        if row is not None:
            w = _where(lex, PlaceMention(0, 0, f"gn:{row.id}", None, True))
            if w is not None:
                return w
    return _country_where(lex, iso3)


@attrs.define
class _Homes:
    """What `_in_home_region` found in one article (each answer scans the whole article): per country, and the
    peoples it names."""

    by_country: dict[str, tuple[Where | None, str]] = attrs.field(factory=dict)
    said: set[str] | None = None


def _in_home_region(lex: Lexicon, where: Where, why: str, analyses: list[SentenceAnalysis],
                    homes: _Homes | None = None) -> tuple[Where, str]:
    """An event placed in a country without its region ("ONLF attacks Ethiopian soldiers", "in <unknown place>,
    Ethiopia") is in the one home region the article's non-state groups of that country declare (actors.yaml
    `home_region`): ACLED's rebels and militias act at home. Its own name, if any, is kept. `homes`: what earlier
    events of the same article found."""
    if homes is not None and where.iso3 in homes.by_country:
        region, whose = homes.by_country[where.iso3]
    else:
        region, whose = home_region(lex, where.iso3, analyses), "non-state groups"
        if region is None:
            if homes is not None and homes.said is None:
                homes.said = peoples_said(lex, analyses)
            region, whose = peoples_region(lex, where.iso3, analyses, homes.said if homes else None), "peoples"
        if homes is not None:
            homes.by_country[where.iso3] = (region, whose)
    if region is None:
        return where, why
    country = where.location == _country_name(lex, where.iso3)
    placed = region if country else attrs.evolve(where, admin1=region.admin1, lat=region.lat, lon=region.lon)
    return placed, f"{why}; in {region.admin1}, the home region of the {whose} the article names"


def _named_by_main_town(lex: Lexicon, where: Where, why: str) -> tuple[Where, str]:
    """An event known only to a country or a first-level region is written, as ACLED writes it, at that area's main
    town with geo_precision 3: a country's capital, a region's most populous town (the capital of most regions)."""
    store = lex.ds.store
    if store is None:
        return where, why
    if where.location == _country_name(lex, where.iso3) and not where.admin1:
        town, what = store.capital(where.iso3), "the country's capital"
    elif where.admin1 and phrase_key(where.location) == phrase_key(where.admin1):
        region = store.region(where.iso3, where.admin1) or _store_region_of_curated(lex, where.iso3, where.admin1)
        town = store.largest_town(where.iso3, region.admin1 or region.name) if region is not None else None
        what = "the region's most populous town"
    else:
        return where, why
    if town is None:
        return where, why
    w = _where(lex, PlaceMention(0, 0, f"gn:{town.id}", None, True))
    if w is None or (where.admin1 and w.admin1 != where.admin1):
        return where, why
    return attrs.evolve(w, precision=3), f"{why}; written at {w.location}, {what} (precision 3)"


def _store_region_of_curated(lex: Lexicon, iso3: str, admin1: str):
    """The store's row of a region places.yaml spells its own way ("Benshangul/Gumuz"), found by the curated aliases."""
    for e in lex.lookup(admin1):
        pl = lex.ds.place(e.key) if e.kind == "place" else None
        if pl is not None and not pl.gazetteer and pl.kind == "region" and pl.country == iso3:
            for n in pl.aliases:
                row = lex.ds.store.region(iso3, n)
                if row is not None:
                    return row
    return None


def _texts(a: SentenceAnalysis) -> list[str]:
    """A sentence's token texts, read from its compact arrays when it has them (no `Token` made per word)."""
    texts = getattr(a.tokens, "texts", None)
    return texts if texts is not None else [t.text for t in a.tokens]


def peoples_said(lex: Lexicon, analyses: list[SentenceAnalysis]) -> set[str]:
    """The peoples an article names outside its place names, case-folded: the same for every country asked about."""
    return {" ".join(k).casefold() for a in analyses for k in _peoples_named(lex, a)}


def peoples_region(lex: Lexicon, iso3: str, analyses: list[SentenceAnalysis], said: set[str] | None = None) -> Where | None:
    """The one first-level region the peoples of a country an article names live in: their declared home
    (countries.yaml `home`: the Tigrayans' Tigray), else the region named after them (the same consonants: the
    Oromo's Oromia, the Afar's Afar), as a region-level place; None when none or several are. `said`: the article's
    `peoples_said`, when already known."""
    store = lex.ds.store
    country = lex.ds.countries.get(iso3)
    if store is None or country is None:
        return None
    if said is None:
        said = peoples_said(lex, analyses)
    homes = {h for n, h in country.people_homes
             if {n.casefold(), plural(n, lex.ds.irregular_plurals).casefold()} & said}
    if homes:
        return first_level_region(lex, iso3, homes.pop()) if len(homes) == 1 else None
    mine = {skeleton(n) for n in (*country.peoples, *country.shared_peoples)}
    named = {skeleton(k) for k in said} & mine
    if not named:
        return None
    found = {r.id for r in store.regions(iso3) for n in (r.name, *r.alternates) if skeleton(n) in named}
    if len(found) != 1:
        return None
    return _where(lex, PlaceMention(0, 0, f"gn:{found.pop()}", None, True))


def _peoples_named(lex: Lexicon, a: SentenceAnalysis) -> list[tuple[str, ...]]:
    """The peoples (countries.yaml `peoples`) a sentence names, longest first at each word, outside its place names
    (the Gumuz of "Benishangul Gumuz" are the region's name)."""
    words = _texts(a)
    placed = {i for p in a.places for i in range(p.start, p.end)}
    first = lex.people_first
    out = []
    i = 0
    while i < len(words):
        if i in placed or words[i] not in first:  # no people's name starts with that word
            i += 1
            continue
        for n in range(min(lex.people_len, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in lex.peoples:
                out.append(tuple(words[i : i + n]))
                i += n - 1
                break
        i += 1
    return out


def _fallback_country(lex: Lexicon, d: Draft, main: PlaceMention | None, ctx: PlaceContext | None,
                      analyses: list[SentenceAnalysis] | None = None) -> str | None:
    """The country an event with an unknown place is in: the article's main place, its places' country, the one
    country of the peoples it names, then the target's, then the source's (where it happened, not who did it, when
    the text says anything)."""
    w = _where(lex, main)
    if w is not None and main is not None and main.locative:
        return w.iso3
    if ctx is not None and ctx.strong:
        return ctx.strong.most_common(1)[0][0]
    if ctx is not None and ctx.area_country is not None:
        return ctx.area_country[0]  # "in Gurafarda woreda": only Ethiopia has woredas
    if analyses:
        # "Oromo militants attacked Somali pastoralists in <village>": a people of one country says where more
        # surely than an actor's demonym, which may name a people living in several countries (Somalis of Ethiopia)
        people = article_peoples(lex, analyses, ctx)
        if people is not None:
            return people[0]
    for actor in (d.target, d.source):
        if actor is not None and actor.country:
            return actor.country
    if w is not None:
        return w.iso3
    # only hints left: the countries the actors or the places they came from belong to
    return ctx.weak.most_common(1)[0][0] if ctx is not None and ctx.weak else None


def locate_events(state: ArticleState) -> None:
    """Stage: each draft's place, in reading order; a draft with no place at all is dropped."""
    out = state.located
    previous: Where | None = None
    ctx = state.places if isinstance(state.places, PlaceContext) else None
    homes = _Homes()
    for n, d in enumerate(state.drafts):
        where, why = choose_place(state.lex, d, state.main_place, previous, state.dateline, ctx, state.analyses)
        if where is None:
            state.drop(d.primary.sentence, d.primary.trigger.text, d.primary.pattern.id, "no place or country could be found")
            continue
        if where.precision == 3 and not where.admin1:
            where, why = _in_home_region(state.lex, where, why, state.analyses, homes)
        if where.precision == 3 and not where.admin2:
            where, why = _named_by_main_town(state.lex, where, why)
        state.place_notes.append(f"event {d.primary.trigger.text!r} (sentence {d.primary.sentence}): {where.location}, "
                                 f"{where.admin1 or '-'}, {where.iso3} precision {where.precision}: {why}")
        previous = where
        # the store's spelling stays for lookups and in explain; the row writes the name as news and ACLED do
        out.append((n, d, attrs.evolve(where, admin1=written(where.admin1), admin2=written(where.admin2),
                                       admin3=written(where.admin3), location=written(where.location))))

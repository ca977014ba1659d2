"""Building output rows (Event) from assembled drafts: ACLED types, actors, place, counts, codes, notes."""

from __future__ import annotations

import datetime as dt
import hashlib

import attrs

from eventcoder.engine.actors import ResolvedActor, finish, resolve_protesters
from eventcoder.dictionaries.cameo import CAMEO
from eventcoder.dictionaries.entries import Inter
from eventcoder.engine.classify import acled_type, cameo_code, typed_by_crowd
from eventcoder.engine.state import ArticleCoding, Draft, Dropped
from eventcoder.dictionaries.lexicon import Lexicon
from eventcoder.engine.mentions import PlaceMention
from eventcoder.model import Article, Event
from eventcoder.engine.quantities import Quantity



@attrs.frozen(slots=True)
class Where:
    iso3: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    lat: float
    lon: float
    precision: int


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


def _choose_place(
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


def cameo_triples(coding: ArticleCoding, lex: Lexicon) -> list[tuple[str, str, str]]:
    """(source code, target code, CAMEO code) for every event, with no place needed: the form TABARI and PETRARCH emit."""
    out = []
    for d in coding.drafts:
        if d.source is None:
            continue
        sub = acled_type(lex, d, d.source, d.target)
        out.append((d.source.code, d.target.code if d.target is not None else "", cameo_code(lex, d, sub, d.source, d.target)))
    return out


def _count(qs: list[Quantity]) -> tuple[int | None, str]:
    """Conflicting reports: the lowest specific figure; a vague word only when no figure is given."""
    specific = [q for q in qs if q.qualifier != "vague"]
    if specific:
        q = min(specific, key=lambda q: q.value)
        return q.value, q.qualifier
    if qs:
        return min(q.value for q in qs), "vague"
    return None, "none"


def _inter(actor: ResolvedActor, iso3: str) -> int:
    # ACLED codes a state's forces acting outside its own territory as external forces
    if actor.inter == Inter.STATE and actor.country is not None and actor.country != iso3:
        return Inter.EXTERNAL
    return actor.inter


def build_rows(article: Article, coding: ArticleCoding, lex: Lexicon, published: dt.date) -> list[Event]:
    """One Event per draft that has a place and an actor; ids are stable for a given article id."""
    rows: list[Event] = []
    previous: Where | None = None
    for n, d in enumerate(coding.drafts):
        where = _choose_place(lex, d, coding.main_place, previous, coding.dateline)
        if where is None or d.source is None:
            coding.dropped.append(Dropped(d.primary.sentence, d.primary.trigger.text, d.primary.pattern.id,
                                          "no place or country could be found"))
            continue
        previous = where
        iso3 = where.iso3
        country = lex.ds.countries[iso3]
        src = finish(d.source, lex, iso3)
        tgt = finish(d.target, lex, iso3) if d.target is not None else None
        p = d.primary.pattern
        crowd = typed_by_crowd(lex, p)  # who gathers decides the type
        if crowd and src.inter == Inter.CIVILIANS:
            src = finish(resolve_protesters(lex), lex, iso3)  # teachers who rally are protesters in ACLED's scheme
        if crowd and not d.intervention:
            tgt = None  # what a protest is against is not an actor in it; only a force that intervenes is
        sub = acled_type(lex, d, src, tgt)
        acled = lex.ds.acled_types.get(sub or "")
        if (acled is not None and acled.crowd_first and tgt is not None and tgt.inter in (Inter.PROTESTERS, Inter.CIVILIANS)
                and src.inter != Inter.PROTESTERS):
            # ACLED codes a protest with protesters as actor1 and the force that met it as actor2
            src, tgt = (tgt if tgt.inter == Inter.PROTESTERS else finish(resolve_protesters(lex), lex, iso3)), src
        cameo = cameo_code(lex, d, sub, src, tgt)
        code = CAMEO[cameo]
        inter1 = _inter(src, iso3)
        inter2 = _inter(tgt, iso3) if tgt is not None else 0
        interaction = 10 * min(inter1, inter2) + max(inter1, inter2) if inter2 else 10 * inter1
        killed, kq = _count(d.killed)
        injured, _ = _count(d.injured)
        civilian = "Civilian targeting" if acled is not None and acled.civilian_targeting and tgt is not None and tgt.inter == Inter.CIVILIANS else ""
        digest = hashlib.sha1(f"{article.id}\x1f{n}".encode("utf-8")).hexdigest()
        sentence = coding.analyses[d.primary.sentence].sentence.text
        others = sorted({m.sentence for m in d.mentions})
        label = sub or code.label
        target_text = f" against {tgt.name}" if tgt is not None else ""
        counts = f" {killed if killed is not None else 0} fatalities" + (f", {injured} injured" if injured else "")
        place_parts = [where.location] + [x for x in (where.admin1, country.name) if x and x != where.location]
        notes = (
            f"On {d.date.day} {d.date:%B %Y}, {src.name} ({label}){target_text} in {', '.join(dict.fromkeys(place_parts))}."
            f"{counts}. Sentence {d.primary.sentence}: {sentence}"
        )
        rows.append(
            Event(
                event_id_cnty=f"{iso3}{int(digest[:12], 16) % 10**9:09d}",
                event_date=d.date.isoformat(),
                year=d.date.year,
                time_precision=d.precision,
                disorder_type=acled.disorder_type if acled else "",
                event_type=acled.event_type if acled else "",
                sub_event_type=acled.sub_event_type if acled else "",
                actor1=src.name,
                assoc_actor_1="; ".join(finish(x, lex, iso3).name for x in d.source_assoc),
                inter1=inter1,
                actor2=tgt.name if tgt is not None else "",
                assoc_actor_2="; ".join(finish(x, lex, iso3).name for x in d.target_assoc),
                inter2=inter2,
                interaction=interaction,
                civilian_targeting=civilian,
                iso=country.iso,
                region=country.region,
                country=country.name,
                admin1=where.admin1,
                admin2=where.admin2,
                admin3=where.admin3,
                location=where.location,
                latitude=round(where.lat, 4),
                longitude=round(where.lon, 4),
                geo_precision=where.precision,
                source=article.source,
                source_scale="",
                notes=notes,
                fatalities=killed or 0,
                tags="sentences=" + ",".join(str(s) for s in others),
                timestamp=int(dt.datetime(published.year, published.month, published.day, tzinfo=dt.timezone.utc).timestamp()),
                article_id=article.id,
                iso3=iso3,
                cameo_code=cameo,
                cameo_root=cameo[:2],
                goldstein=code.goldstein,
                quad_class=code.quad_class,
                actor1_code=src.code,
                actor2_code=tgt.code if tgt is not None else "",
                fatalities_qualifier=kq,
                injuries=injured,
                sentence_index=d.primary.sentence,
                rule_id=f"{p.id}@{p.ref}",
            )
        )
    return rows

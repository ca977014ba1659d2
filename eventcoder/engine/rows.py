"""The last stage: assembling output rows (Event) from coded events. Every decision was made before; this only
writes it down (inter codes for the event's country, counts, ids, notes)."""

from __future__ import annotations

import datetime as dt
import hashlib

from eventcoder.dictionaries.cameo import CAMEO
from eventcoder.dictionaries.entries import Inter
from eventcoder.dictionaries.lexicon import Lexicon
from eventcoder.engine.actors import ResolvedActor, finish
from eventcoder.engine.classify import acled_type, cameo_code
from eventcoder.engine.quantities import Quantity, number_at
from eventcoder.engine.state import ArticleCoding
from eventcoder.model import Article, Event


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
    """Conflicting reports: the lowest specific figure; one victim named in the singular only when no figure is given
    (the figure counts that victim too); a vague word only when neither is."""
    specific = [q for q in qs if q.qualifier != "vague" and not q.person] or [q for q in qs if q.qualifier != "vague"]
    if specific:
        q = min(specific, key=lambda q: q.value)
        return q.value, q.qualifier
    if qs:
        return min(q.value for q in qs), "vague"
    return None, "none"


def _shares(coding: ArticleCoding, lex: Lexicon) -> int:
    """How many events the account says its toll is spread over ("fatalities spread over two events"), else 1."""
    words = lex.lang.words
    for a in coding.analyses:
        for _, e in a.cue_spans.get("split_toll", ()):
            j = e + (e < len(a.norms) and a.norms[e] in words["definite_article"])
            found = number_at(a.norms, j, lex.lang)
            if found is None:
                continue
            value, k = found
            if k < len(a.norms) and a.norms[k] not in words["split_units"]:
                k += 1  # "two known locations"
            if value >= 2 and k < len(a.norms) and a.norms[k] in words["split_units"]:
                return value
    return 1


def _inter(actor: ResolvedActor, iso3: str) -> int:
    # ACLED codes a state's forces acting outside its own territory as external forces
    if actor.inter == Inter.STATE and actor.country is not None and actor.country != iso3:
        return Inter.EXTERNAL
    return actor.inter


def build_rows(article: Article, coding: ArticleCoding, lex: Lexicon, published: dt.date) -> list[Event]:
    """One Event per coded event, assembled from what the stages decided; ids are stable for a given article id."""
    rows: list[Event] = []
    shares = _shares(coding, lex)
    for e in coding.events:
        d, where, src, tgt, sub, cameo = e.draft, e.where, e.source, e.target, e.sub_event_type, e.cameo
        p = d.primary.pattern
        iso3 = where.iso3
        country = lex.ds.countries[iso3]
        acled = lex.ds.acled_types.get(sub or "")
        code = CAMEO[cameo]
        inter1 = _inter(src, iso3)
        inter2 = _inter(tgt, iso3) if tgt is not None else 0
        interaction = 10 * min(inter1, inter2) + max(inter1, inter2) if inter2 else 10 * inter1
        killed, kq = _count(d.killed)
        if killed is not None and shares > 1 and killed >= shares:
            killed = killed // shares  # each event its share of the account's toll, as the account says it is shared
        injured, _ = _count(d.injured)
        civilian = "Civilian targeting" if acled is not None and acled.civilian_targeting and tgt is not None and tgt.inter == Inter.CIVILIANS else ""
        digest = hashlib.sha1(f"{article.id}\x1f{e.position}".encode("utf-8")).hexdigest()
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

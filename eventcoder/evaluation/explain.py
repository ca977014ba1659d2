"""A readable account of how one article was coded: sentences, matches, candidates, drops and rows."""

from __future__ import annotations

from eventcoder.coder import Coder
from eventcoder.model import Article


def explain(coder: Coder, article: Article) -> str:
    """Text explaining every decision behind an article's rows.

    >>> text = explain(Coder.default(), Article("x", "Rebels did not attack Goma on Monday.", published="2024-03-06"))
    >>> "negated" in text
    True
    """
    rows, coding = coder.code_with_analysis(article)
    lex = coder.lexicon
    lines = [f"article {article.id} (published {coder._published(article).isoformat()})"]
    if coding.main_place is not None:
        mp = coding.main_place
        name = lex.ds.place(mp.place).location if mp.place else lex.ds.countries[mp.country].name  # type: ignore[index]
        lines.append(f"main place: {name}")
    drops = {(d.sentence, d.trigger): d.reason for d in coding.dropped}
    for a, cands in zip(coding.analyses, coding.candidates):
        lines.append("")
        lines.append(f"[{a.sentence.index}] {a.sentence.text}")
        for m in a.matches:
            meanings = [f"{e.kind}:{e.key}" + (f"({e.form})" if e.form else "") for e in m.entries if e.kind != "cue"]
            cues = [e.key for e in m.entries if e.kind == "cue"]
            if meanings:
                ref = next((e.ref for e in m.entries if e.ref is not None), None)
                lines.append(f"    match  {a.span_text(m.start, m.end)!r}: {', '.join(meanings)}" + (f"  [{ref}]" if ref else ""))
            elif cues:
                lines.append(f"    cue    {a.span_text(m.start, m.end)!r}: {', '.join(cues)}")
        for am in a.actors:
            what = " ".join(x for x in (am.country, am.agent, am.actor, am.pronoun) if x)
            extra = " (a place here)" if am.locative else ""
            lines.append(f"    actor  {am.text!r} -> {what}{extra}")
        ctx = coding.places
        for p in a.places:
            q = ctx.get(p) if ctx is not None else p
            if q is not None and q.place is not None:
                pl = lex.ds.place(q.place)
                what = f"{pl.location} ({pl.kind}, {pl.admin1 or '-'}, {pl.country})"
            elif q is not None and q.unknown:
                what = "unknown: in no dictionary or store" + (" (an administrative area)" if q.area else "")
            else:
                what = f"country {q.country}" if q is not None else "-"
            why = ctx.why.get(id(p)) if ctx is not None else None
            near = " near" if p.near else ""
            lines.append(f"    place  {a.span_text(p.start, p.end)!r}{near} -> {what}" + (f"; {why}" if why else ""))
        for d in a.dates:
            lines.append(f"    date   {a.span_text(d.start, d.end)!r} -> {d.date.isoformat()} precision {d.precision} ({d.role})")
        for c in cands:
            t = c.trigger
            src = c.source.text if c.source else "-"
            tgt = c.target.text if c.target else ("<event referred to>" if c.target_event_ref else "-")
            status = drops.get((a.sentence.index, t.text)) or c.dropped
            if status is None:
                if c.reference:
                    status = "refers to an event already described"
                elif c.consequence_of is not None:
                    status = f"describes the result of {cands[c.consequence_of].trigger.text!r}"
                else:
                    status = "kept"
            voice = "passive " if t.passive else ""
            lines.append(f"    event  {t.text!r} {voice}{t.pos} -> {t.pattern} [{t.ref}]: source {src}, target {tgt}: {status}")
    if coding.place_notes:
        lines.append("")
        lines.append("places:")
        lines.extend(f"  {note}" for note in coding.place_notes)
    lines.append("")
    lines.append(f"rows: {len(rows)}")
    for r in rows:
        who = f"{r.actor1} -> {r.actor2}" if r.actor2 else r.actor1
        kind = r.sub_event_type or f"CAMEO {r.cameo_code}"
        lines.append(
            f"  {r.event_date} {kind}: {who} at {r.location}, {r.country}; fatalities {r.fatalities} ({r.fatalities_qualifier})"
            f"{', injured ' + str(r.injuries) if r.injuries is not None else ''}; sentence {r.sentence_index}; rule {r.rule_id}; {r.tags}"
        )
    return "\n".join(lines) + "\n"

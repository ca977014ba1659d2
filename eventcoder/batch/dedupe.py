"""Collapsing the same event reported by several articles into one row."""

from __future__ import annotations

from typing import Iterable

import attrs

from eventcoder.model import Event

_QUALIFIER_ORDER = {"exact": 0, "min": 1, "approx": 2, "vague": 3, "none": 4}


def event_key(e: Event) -> tuple:
    """Same day, same actors, same type (ACLED sub-event, or CAMEO code for CAMEO-only rows), same place."""
    kind = e.sub_event_type or e.cameo_code
    return (e.event_date, e.actor1, e.actor2, kind, e.iso3, e.location)


def dedupe(events: Iterable[Event]) -> list[Event]:
    """One row per event key, in first-seen order.

    The first report's row is kept; sources are listed together, the fatality
    count is the lowest specific figure any report gave (ACLED's rule for
    conflicting reports), and `tags` names the other articles.
    """
    groups: dict[tuple, list[Event]] = {}
    for e in events:
        groups.setdefault(event_key(e), []).append(e)
    out: list[Event] = []
    for rows in groups.values():
        first = rows[0]
        if len(rows) == 1:
            out.append(first)
            continue
        reported = [r for r in rows if r.fatalities_qualifier not in ("none", "vague")]
        pick = min(reported, key=lambda r: r.fatalities) if reported else min(rows, key=lambda r: (_QUALIFIER_ORDER[r.fatalities_qualifier], r.fatalities))
        sources = list(dict.fromkeys(s for r in rows for s in r.source.split("; ") if s))
        injuries = [r.injuries for r in rows if r.injuries is not None]
        others = ",".join(dict.fromkeys(r.article_id for r in rows[1:]))
        out.append(
            attrs.evolve(
                first,
                fatalities=pick.fatalities,
                fatalities_qualifier=pick.fatalities_qualifier,
                injuries=min(injuries) if injuries else None,
                source="; ".join(sources),
                tags=f"{first.tags};also_reported_by={others}" if first.tags else f"also_reported_by={others}",
            )
        )
    return out

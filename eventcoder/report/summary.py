"""`eventcoder summary`: counts and fatalities by country, month and event type, as Markdown or CSV.

>>> from eventcoder.report.summary import summary_tables
>>> summary_tables([])["country"]
[]
"""

from __future__ import annotations

import csv
import io
from typing import Sequence

from eventcoder.model import Event
from eventcoder.report.tables import Count, count_by, event_type, month

TABLES = (("country", "By country"), ("month", "By month"), ("event_type", "By event type"))


def summary_tables(events: Sequence[Event]) -> dict[str, list[Count]]:
    return {
        "country": count_by(events, lambda e: e.country),
        "month": count_by(events, month, order="key"),
        "event_type": count_by(events, event_type),
    }


def summary_markdown(events: Sequence[Event], name: str = "events") -> str:
    tables = summary_tables(events)
    total = sum(e.fatalities or 0 for e in events)
    dates = sorted(e.event_date for e in events)
    span = f", {dates[0]} to {dates[-1]}" if dates else ""
    out = [f"# {name}: {len(events)} events, {total} fatalities{span}", ""]
    for key, heading in TABLES:
        out += [f"## {heading}", "", f"| {key.replace('_', ' ')} | events | fatalities |", "|---|---:|---:|"]
        out += [f"| {_cell(c.key)} | {c.events} | {c.fatalities} |" for c in tables[key]]
        out += [f"| **total** | {len(events)} | {total} |", ""]
    return "\n".join(out)


def summary_csv(events: Sequence[Event]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["table", "key", "events", "fatalities"])
    for key, _ in TABLES:
        for c in summary_tables(events)[key]:
            w.writerow([key, c.key, c.events, c.fatalities])
    return buf.getvalue()


def _cell(text: str) -> str:
    return text.replace("|", "\\|")

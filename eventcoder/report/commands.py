"""The researcher's-desk subcommands: `report`, `summary` and `recipe`.

They are registered on the main parser by `add_commands`, so cli.py only wires them in.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcoder.io.atomic import atomic_write


def add_commands(sub) -> None:  # type: ignore[no-untyped-def]
    r = sub.add_parser("report", help="one self-contained HTML page: map, weekly charts, top actors and places, rows with source sentences")
    r.add_argument("table", metavar="EVENTS", help="an eventcoder table: .csv, .jsonl or .parquet")
    r.add_argument("-o", "--output", default="report.html", help="HTML file to write (atomically; default report.html)")
    r.add_argument("--title", help="page title (default: the table's file name)")
    r.add_argument("--max-rows", type=int, default=2000, help="rows listed in the table (default 2000; counts, charts and map use all)")

    s = sub.add_parser("summary", help="events and fatalities by country, month and event type")
    s.add_argument("table", metavar="EVENTS", help="an eventcoder table: .csv, .jsonl or .parquet")
    s.add_argument("--format", choices=["markdown", "csv"], default="markdown")

    rc = sub.add_parser("recipe", help="print code that loads an eventcoder CSV with the right column types")
    rc.add_argument("language", choices=["pandas", "r", "stata"])
    rc.add_argument("--csv", default="events.csv", help="the CSV file name to put in the snippet")


def _load(path: str):  # type: ignore[no-untyped-def]
    """The table's events, or None (with a message) when it cannot be read."""
    from eventcoder.report.tables import load_events

    try:
        return load_events(path)
    except (OSError, ValueError, KeyError) as exc:
        print(f"eventcoder: cannot read {path}: {exc}", file=sys.stderr)
        return None


def report(args: argparse.Namespace) -> int:
    from eventcoder.report.page import report_html

    events = _load(args.table)
    if events is None:
        return 2
    page = report_html(events, title=args.title or f"Events in {Path(args.table).name}", max_rows=args.max_rows)
    with atomic_write(args.output) as fh:
        fh.write(page)
    print(f"eventcoder: {len(events)} event(s) -> {args.output}", file=sys.stderr)
    return 0


def summary(args: argparse.Namespace) -> int:
    from eventcoder.report.summary import summary_csv, summary_markdown

    events = _load(args.table)
    if events is None:
        return 2
    sys.stdout.write(summary_csv(events) if args.format == "csv" else summary_markdown(events, Path(args.table).name))
    return 0


def recipe(args: argparse.Namespace) -> int:
    from eventcoder.io.recipes import recipe as make

    sys.stdout.write(make(args.language, args.csv))
    return 0


COMMANDS = {"report": report, "summary": summary, "recipe": recipe}

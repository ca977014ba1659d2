"""Command line: a thin layer over the Python API.

Exit status (README, "Exit status"):
  0    everything was read and coded
  1    some inputs or articles could not be read or coded (each reported on stderr; the rest is written)
  2    nothing was coded: a bad dictionary or gold file, or bad arguments
  3    the output could not be written (a folder, a read-only place, disk full, closed or broken stdout)
  4    internal error (a worker process died or hit a bug); reported, with no traceback
  130  interrupted (SIGINT, Ctrl-C); 143 terminated (SIGTERM). No output file and no temp file is left.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import datetime as dt
import json
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Sequence

import attrs

from eventcoder import __version__
from eventcoder.tabari.coder import CameoCoder
from eventcoder.coder import Coder
from eventcoder.batch.parallel import WorkerError
from eventcoder.errors import ArticleError, DictionaryError, OutputError
from eventcoder.io.datapackage import check_datapackage
from eventcoder.batch.dedupe import dedupe
from eventcoder.batch.progress import Progress, count_articles
from eventcoder.evaluation.gold import evaluate, format_report, load_gold
from eventcoder.evaluation.explain import explain
from eventcoder.dictionaries.loader import load_dictionaries
from eventcoder.tabari.importers import import_dictionaries
from eventcoder.io.atomic import atomic_write, check_writable
from eventcoder.io.sinks import SINKS, write_cameo, write_events
from eventcoder.dictionaries.lexicon import Lexicon
from eventcoder.model import Article, Event
from eventcoder.io.readers import InputProblem, read_inputs
from eventcoder.io.articles import add_column_options, columns_from_args
from eventcoder.report import commands as desk


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="eventcoder", description="Code news articles into ACLED-layout event rows with CAMEO codes.")
    p.add_argument("--version", action="version", version=f"eventcoder {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("code", help="code articles into a CSV or JSONL table")
    c.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt file (first line title), .jsonl, .csv of articles, saved .html page, folder, or - for stdin")
    c.add_argument("-o", "--output", default="-", help="output file (written atomically); - for stdout (default)")
    c.add_argument("--format", choices=sorted(SINKS), help="output format (default: from the output suffix, else csv)")
    c.add_argument("--published", type=_date, help="publication date for articles that do not give one (default: today)")
    c.add_argument("--source", default="", help="outlet name for articles that do not give one")
    c.add_argument("--country", default="", metavar="COUNTRY",
                   help="ISO3 code or name of the country articles that do not give one are about (a corpus of one "
                        "country's press): it settles homonyms and places events whose text names no place or country")
    c.add_argument("--acled-only", action="store_true", help="drop rows that have no ACLED event type (CAMEO-only events)")
    c.add_argument("--dedupe", action="store_true", help="one row per event reported by several articles (same day, actors, type, place)")
    c.add_argument("--no-datapackage", action="store_true", help="do not write datapackage.json beside a CSV output")
    c.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    c.add_argument("-d", "--dict", action="append", default=[], metavar="PATH", help="YAML dictionary file or folder layered over the defaults (repeatable)")
    c.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    add_column_options(c)

    e = sub.add_parser("explain", help="show how one article is coded: matches, candidates, drops, rows")
    e.add_argument("input", metavar="INPUT", help=".txt or .jsonl file (the first article), or - for stdin")
    e.add_argument("--published", type=_date, help="publication date when the article gives none")
    e.add_argument("--id", help="with a .jsonl input: the id of the article to explain")
    e.add_argument("--country", default="", metavar="COUNTRY", help="the country the article is about when it gives none")
    e.add_argument("-d", "--dict", action="append", default=[], metavar="PATH")

    ev = sub.add_parser("evaluate", help="precision, recall and F1 against hand-coded gold articles")
    ev.add_argument("gold", nargs="+", metavar="GOLD.yaml")
    ev.add_argument("--json", action="store_true", help="machine-readable report on stdout")
    ev.add_argument("--brief", action="store_true", help="only the tables, no lists of misses and extras")
    ev.add_argument("-d", "--dict", action="append", default=[], metavar="PATH")

    cm = sub.add_parser("cameo", help="CAMEO (source, target, event code) triples only, e.g. with imported TABARI/PETRARCH verb patterns")
    cm.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt file (first line title), .jsonl file, folder, or - for stdin")
    cm.add_argument("-o", "--output", default="-", help="CSV file to write (atomically); - for stdout (default)")
    cm.add_argument("--published", type=_date, help="publication date for articles that do not give one (default: today)")
    cm.add_argument("-d", "--dict", action="append", default=[], metavar="PATH", help="YAML dictionary file or folder (repeatable)")

    im = sub.add_parser("import-dicts", help="convert TABARI or PETRARCH actor, agent, verb and discard dictionaries into eventcoder YAML")
    im.add_argument("paths", nargs="+", metavar="FILE", help="dictionary files; actor/agent files are told apart by name")
    im.add_argument("--from", dest="fmt", choices=["petrarch", "tabari"], required=True)
    im.add_argument("-o", "--output", required=True, help="YAML file to write (atomically)")

    d = sub.add_parser("dicts", help="check or search dictionaries")
    dsub = d.add_subparsers(dest="dicts_command", required=True)
    chk = dsub.add_parser("check", help="validate dictionary files (layered over the defaults)")
    chk.add_argument("paths", nargs="*", metavar="PATH")
    chk.add_argument("--no-defaults", action="store_true", help="check the files alone, without the bundled dictionaries")
    show = dsub.add_parser("show", help="what a phrase means to the coder, with file:line")
    show.add_argument("term")
    show.add_argument("-d", "--dict", action="append", default=[], metavar="PATH")
    desk.add_commands(sub)  # report, summary, recipe
    return p


EXIT_OK, EXIT_INPUT, EXIT_DICTIONARY, EXIT_OUTPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 3, 4, 130, 143


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that temp files are removed as for Ctrl-C."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated()


def _quiet_stdout() -> None:
    # stdout is gone (a closed pipe): point it at /dev/null so the interpreter's last flush does not complain
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    commands = {"code": _code, "dicts": _dicts, "explain": _explain, "evaluate": _evaluate, "import-dicts": _import, "cameo": _cameo,
                **desk.COMMANDS}
    previous = None
    with contextlib.suppress(ValueError):  # only the main thread may set handlers
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        if sys.stdout is None and getattr(args, "output", "-") == "-":  # started with stdout closed (>&-)
            print("eventcoder: standard output is closed; give -o FILE", file=sys.stderr)
            return EXIT_OUTPUT
        return commands[args.command](args)
    except DictionaryError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"eventcoder: {len(exc.problems)} problem(s) in dictionary or gold files; nothing was coded", file=sys.stderr)
        return EXIT_DICTIONARY
    except OutputError as exc:
        print(f"eventcoder: cannot write output: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except BrokenPipeError:
        _quiet_stdout()
        print("eventcoder: output closed before everything was written (broken pipe)", file=sys.stderr)
        return EXIT_OUTPUT
    except OSError as exc:
        where = exc.filename or getattr(args, "output", None) or "output"
        print(f"eventcoder: I/O error on {where}: {exc.strerror or exc}; no output file was written", file=sys.stderr)
        return EXIT_OUTPUT
    except WorkerError as exc:
        print(f"eventcoder: internal error: {exc}", file=sys.stderr)
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        print("eventcoder: interrupted; no output file was written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("eventcoder: terminated; no output file was written", file=sys.stderr)
        return EXIT_TERMINATED
    finally:
        if previous is not None:
            with contextlib.suppress(ValueError):
                signal.signal(signal.SIGTERM, previous)


# -- code -----------------------------------------------------------------------------------

def _cameo(args: argparse.Namespace) -> int:
    coder = Coder.from_dictionaries(*args.dict)
    if args.output != "-":
        check_writable(args.output)
    skipped = 0

    def rows() -> Iterator[tuple]:
        nonlocal skipped
        for item in read_inputs(args.inputs, args.published):
            if isinstance(item, InputProblem):
                skipped += 1
                print(f"eventcoder: skipped {item}", file=sys.stderr)
                continue
            yield from coder.cameo_rows(item)

    write_cameo(rows(), sys.stdout if args.output == "-" else args.output, explained=coder.patterns is not None)
    return 1 if skipped else 0


def _code(args: argparse.Namespace) -> int:
    suffix = Path(str(args.output)).suffix.lstrip(".")
    fmt = args.format or (suffix if suffix in SINKS else "csv")
    if fmt == "parquet" and args.output == "-":
        print("eventcoder: Parquet output needs -o FILE", file=sys.stderr)
        return 2
    # dictionaries, then the output, are checked before reading or coding anything
    coder = Coder.from_dictionaries(*args.dict)
    if args.output != "-":
        check_writable(args.output)
        if fmt == "csv" and not args.no_datapackage:
            check_datapackage(args.output)
    problems: list[str] = []
    undated: list[str] = []
    published = args.published

    def articles() -> Iterator[Article]:
        for item in read_inputs(args.inputs, published, columns=columns_from_args(args)):
            if isinstance(item, InputProblem):
                problems.append(str(item))
                print(f"eventcoder: skipped {item}", file=sys.stderr)
                continue
            if item.published is None:
                undated.append(item.id)
            if args.source and not item.source:
                item = attrs.evolve(item, source=args.source)
            if args.country and not item.country:
                item = attrs.evolve(item, country=args.country)
            yield item

    stats = {"articles": 0, "events": 0, "failed": 0}
    progress = Progress(None if args.quiet else count_articles(args.inputs), quiet=args.quiet)

    def events() -> Iterator[Event]:
        for outcome in coder.code_many(articles(), jobs=args.jobs):
            stats["articles"] += 1
            if outcome.error is not None:
                stats["failed"] += 1
                problems.append(f"{outcome.article_id}: {outcome.error}")
                print(f"eventcoder: article {outcome.article_id}: {outcome.error}", file=sys.stderr)
                continue
            for event in outcome.events:
                if args.acled_only and not event.event_type:
                    continue
                stats["events"] += 1
                yield event
            progress.update(stats["articles"] + len(problems) - stats["failed"], stats["events"])
        progress.close()

    stream: Iterable[Event] = dedupe(events()) if args.dedupe else events()  # dedupe holds every row before the first
    target: str | IO = sys.stdout if args.output == "-" else args.output
    stats["events"] = write_events(stream, target, fmt, datapackage=not args.no_datapackage)
    if args.output == "-":
        sys.stdout.flush()
    if undated and not args.quiet:
        print(
            f"eventcoder: {len(undated)} article(s) had no publication date; relative dates were read against today "
            f"({dt.date.today().isoformat()}). Give --published or a 'Published:' line.",
            file=sys.stderr,
        )
    if not args.quiet:
        where = "" if args.output == "-" else f" -> {args.output}"
        print(
            f"eventcoder: coded {stats['articles'] - stats['failed']} article(s), {stats['events']} event(s){where}; "
            f"{len(problems)} problem(s)",
            file=sys.stderr,
        )
    return 1 if problems else 0


# -- evaluate -------------------------------------------------------------------------------

def _evaluate(args: argparse.Namespace) -> int:
    coder = Coder.from_dictionaries(*args.dict)
    gold = [g for path in args.gold for g in load_gold(path)]
    report = evaluate(coder, gold)
    if args.json:
        json.dump(report.as_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_report(report, details=not args.brief))
    return 0


# -- import-dicts ---------------------------------------------------------------------------

def _import(args: argparse.Namespace) -> int:
    countries = Coder.default().lexicon.ds.countries
    result = import_dictionaries(args.paths, countries, args.fmt)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    text = result.to_yaml()
    load_dictionaries(texts=[(str(args.output), text)], towns=False)  # what is written must load: checked first
    check_writable(args.output)
    with atomic_write(args.output) as fh:
        fh.write(text)
    print(f"eventcoder: converted {result.converted} entries -> {args.output}; {len(result.problems)} not converted (listed above)",
          file=sys.stderr)
    return 0 if result.converted else 1


# -- explain --------------------------------------------------------------------------------

def _explain(args: argparse.Namespace) -> int:
    coder = Coder.from_dictionaries(*args.dict)
    for item in read_inputs([args.input], args.published):
        if isinstance(item, InputProblem):
            print(f"eventcoder: {item}", file=sys.stderr)
            continue
        if args.id is None or item.id == args.id:
            if args.country and not item.country:
                item = attrs.evolve(item, country=args.country)
            try:
                sys.stdout.write(explain(coder, item))
            except ArticleError as exc:  # the article cannot be coded as given (its date, its country): say why
                print(f"eventcoder: {exc}", file=sys.stderr)
                return EXIT_INPUT
            return 0
    print("eventcoder: no article to explain" + (f" with id {args.id}" if args.id else ""), file=sys.stderr)
    return 1


# -- dicts ----------------------------------------------------------------------------------

def _dicts(args: argparse.Namespace) -> int:
    if args.dicts_command == "check":
        lex = Coder.from_dictionaries(*args.paths, bundled=not args.no_defaults).lexicon
        ds = lex.ds
        print(
            f"ok: {len(ds.files)} file(s); {len(ds.countries)} countries, {len(ds.agents)} agents, {len(ds.actors)} actors, "
            f"{len(ds.patterns)} event patterns, {len(ds.places)} places"
            + (f"; CAMEO: {len(ds.cameo_actors)} actors, {len(ds.cameo_agents)} agents, {len(ds.verb_patterns)} verbs with "
               f"{sum(len(v.patterns) for v in ds.verb_patterns.values())} patterns, {len(ds.synsets)} synsets, "
               f"{len(ds.discards)} discards" if ds.verb_patterns or ds.cameo_actors else "")
        )
        return 0
    lex = Coder.from_dictionaries(*args.dict).lexicon
    entries = lex.lookup(args.term)
    # the place store's towns, capitals and regions of that name (the coder places events there)
    entries += [e for e in lex.store_places(args.term) if e not in entries]
    cameo = CameoCoder(lex.ds).lookup(args.term) if lex.ds.cameo_actors or lex.ds.cameo_agents or lex.ds.verb_patterns else []
    if not entries and not cameo:
        print(f"{args.term!r}: not in any dictionary")
        return 1
    for e in entries:
        print(f"{args.term!r}: {_describe(lex, e.kind, e.key, e.form)}  [{e.ref or 'cues'}]")
    for line in cameo:
        print(f"{args.term!r}: {line}")
    return 0


def _describe(lex: Lexicon, kind: str, key: str, form: str) -> str:
    ds = lex.ds
    if kind == "country":
        c = ds.countries[key]
        return f"country {c.name} ({c.iso3}) as {form}"
    if kind == "capital":
        return f"capital of {ds.countries[key].name}: stands for its government"
    if kind == "agent":
        a = ds.agents[key]
        return f"agent {a.id}: role {a.role}, inter {a.inter}, named '{a.acled_name}'"
    if kind == "actor":
        a = ds.actors[key]
        return f"actor {a.name} ({a.kind}, code {a.code or '-'}, inter {a.inter or '-'}, country {a.country or '-'})"
    if kind in ("verb", "noun"):
        p = ds.patterns[key]
        return f"{kind} ({form}) of event pattern {p.id}: CAMEO {p.cameo}, ACLED {p.acled or '-'}"
    if kind == "place":
        p = ds.place(key)
        kind_of = "second-level area" if p.kind == "region" and p.admin2 else p.kind  # a zone, district, county
        what = "store " + ("capital" if form == "capital" else kind_of) if p.gazetteer else p.kind
        people = f", {p.population:,} people" if p.gazetteer else ""
        admin2 = f", {p.admin2}" if p.admin2 else ""
        return f"place {p.location} ({what}) in {p.admin1 or '-'}{admin2}, {p.country} at {p.lat}, {p.lon}{people}"
    if kind == "holiday":
        h = ds.holidays[key]
        return f"holiday {h.name} ({h.month:02d}-{h.day:02d})"
    return f"cue word ({key})"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""Measuring the coder against hand-coded gold articles: precision, recall and F1 per event type.

A predicted row matches a gold event of the same kind (ACLED sub-event type, or
CAMEO code for CAMEO-only events) in the same article; pairs are chosen greedily
by how many attributes agree. Attribute accuracy (actor1, actor2, fatalities,
date, country) is measured on matched pairs only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import attrs
import jsonschema

from eventcoder.coder import Coder
from eventcoder.errors import DictionaryError
from eventcoder.model import Article, Event
from eventcoder.resources import schema
from eventcoder.yamlsrc import line_of, load_yaml

ATTRIBUTES = ("actor1", "actor2", "fatalities", "date", "country", "location")


@attrs.frozen(slots=True)
class GoldEvent:
    kind: str
    event_type: str
    actor1: tuple[str, ...]
    actor2: tuple[str, ...] | None
    date: str | None
    country: str | None
    location: tuple[str, ...] | None
    fatalities: int | None
    cameo: str | None
    line: int


@attrs.frozen(slots=True)
class GoldArticle:
    article: Article
    events: tuple[GoldEvent, ...]
    traps: tuple[str, ...]
    line: int


def kind_of_row(e: Event) -> str:
    return e.sub_event_type or f"CAMEO {e.cameo_code}"


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Read and validate a gold YAML file; problems raise DictionaryError as `file:line: message`."""
    name = str(path)
    data, problems = load_yaml(Path(path).read_text(encoding="utf-8"), name)
    if not problems:
        for err in jsonschema.Draft202012Validator(schema("gold.schema.json")).iter_errors(data):
            where = "/".join(str(p) for p in err.absolute_path) or "(top)"
            problems.append(f"{name}:{line_of(data, list(err.absolute_path))}: {where}: {err.message}")
    if problems:
        raise DictionaryError(problems)
    out = []
    for i, item in enumerate(data):
        events = []
        for j, ev in enumerate(item["events"]):
            kind = ev.get("sub_event_type") or f"CAMEO {ev['cameo']}"
            events.append(GoldEvent(
                kind, ev.get("event_type", ""), tuple(ev["actor1"]),
                tuple(ev["actor2"]) if "actor2" in ev else None, ev.get("date"), ev.get("country"),
                tuple(ev["location"]) if "location" in ev else None, ev.get("fatalities"), ev.get("cameo"),
                line_of(data, [i, "events", j]),
            ))
        art = Article(str(item["id"]), item["text"], item.get("title", ""), item["published"], item.get("outlet", ""))
        out.append(GoldArticle(art, tuple(events), tuple(item.get("traps", [])), line_of(data, [i])))
    return out


def _agree(g: GoldEvent, e: Event) -> dict[str, bool | None]:
    """Which attributes of a predicted row agree with the gold event (None: gold does not say)."""
    return {
        "actor1": e.actor1 in g.actor1,
        "actor2": None if g.actor2 is None else ((e.actor2 or "") in g.actor2 if g.actor2 else e.actor2 == ""),
        "fatalities": None if g.fatalities is None else e.fatalities == g.fatalities,
        "date": None if g.date is None else e.event_date == g.date,
        "country": None if g.country is None else e.iso3 == g.country,
        "location": None if g.location is None else e.location.lower() in {x.lower() for x in g.location},
    }


@attrs.define
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@attrs.define
class Report:
    overall: Counts = attrs.field(factory=Counts)
    by_type: dict[str, Counts] = attrs.field(factory=dict)
    by_event_type: dict[str, Counts] = attrs.field(factory=dict)
    attributes: dict[str, list[int]] = attrs.field(factory=lambda: {a: [0, 0] for a in ATTRIBUTES})
    misses: list[dict[str, Any]] = attrs.field(factory=list)
    extras: list[dict[str, Any]] = attrs.field(factory=list)
    attribute_errors: list[dict[str, Any]] = attrs.field(factory=list)
    traps_sprung: list[dict[str, Any]] = attrs.field(factory=list)
    articles: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "overall": self.overall.as_dict(),
            "by_event_type": {k: v.as_dict() for k, v in sorted(self.by_event_type.items())},
            "by_type": {k: v.as_dict() for k, v in sorted(self.by_type.items())},
            "attribute_accuracy": {a: (round(c / n, 4) if n else None) for a, (c, n) in self.attributes.items()},
            "misses": self.misses,
            "extras": self.extras,
            "attribute_errors": self.attribute_errors,
            "traps_sprung": self.traps_sprung,
        }


def evaluate(coder: Coder, gold: Iterable[GoldArticle]) -> Report:
    """Code every gold article and compare."""
    report = Report()
    acled = coder.lexicon.ds.acled_types

    def etype(g: GoldEvent) -> str:
        return g.event_type or (acled[g.kind].event_type if g.kind in acled else "")

    for ga in gold:
        report.articles += 1
        rows, coding = coder.code_with_analysis(ga.article)
        sentences = {a.sentence.index: a.sentence.text for a in coding.analyses}
        pairs = []
        for gi, g in enumerate(ga.events):
            for ri, r in enumerate(rows):
                if kind_of_row(r) == g.kind:
                    agree = _agree(g, r)
                    pairs.append((sum(1 for v in agree.values() if v), gi, ri))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        used_g: set[int] = set()
        used_r: set[int] = set()
        for _, gi, ri in pairs:
            if gi in used_g or ri in used_r:
                continue
            used_g.add(gi)
            used_r.add(ri)
            g, r = ga.events[gi], rows[ri]
            report.overall.tp += 1
            report.by_type.setdefault(g.kind, Counts()).tp += 1
            report.by_event_type.setdefault(_family(etype(g), g.kind), Counts()).tp += 1
            for attr, ok in _agree(g, r).items():
                if ok is None:
                    continue
                report.attributes[attr][1] += 1
                report.attributes[attr][0] += int(ok)
                if not ok:
                    report.attribute_errors.append({
                        "article": ga.article.id, "kind": g.kind, "attribute": attr,
                        "gold": _gold_value(g, attr), "coded": _row_value(r, attr), "rule": r.rule_id,
                    })
        for gi, g in enumerate(ga.events):
            if gi not in used_g:
                report.overall.fn += 1
                report.by_type.setdefault(g.kind, Counts()).fn += 1
                report.by_event_type.setdefault(_family(etype(g), g.kind), Counts()).fn += 1
                report.misses.append({"article": ga.article.id, "kind": g.kind, "actor1": g.actor1[0],
                                      "actor2": (g.actor2 or ("",))[0] if g.actor2 else "", "gold_line": g.line})
        for ri, r in enumerate(rows):
            if ri not in used_r:
                report.overall.fp += 1
                report.by_type.setdefault(kind_of_row(r), Counts()).fp += 1
                report.by_event_type.setdefault(_family(r.event_type, kind_of_row(r)), Counts()).fp += 1
                text = sentences.get(r.sentence_index, "")
                report.extras.append({"article": ga.article.id, "kind": kind_of_row(r), "actor1": r.actor1, "actor2": r.actor2,
                                      "rule": r.rule_id, "sentence": r.sentence_index, "text": text})
                for trap in ga.traps:
                    if trap in text:
                        report.traps_sprung.append({"article": ga.article.id, "trap": trap, "rule": r.rule_id})
    return report


def _family(event_type: str, kind: str) -> str:
    return event_type or ("CAMEO-only" if kind.startswith("CAMEO ") else "?")


def _gold_value(g: GoldEvent, attr: str) -> Any:
    return {"actor1": list(g.actor1), "actor2": list(g.actor2 or []), "fatalities": g.fatalities, "date": g.date,
            "country": g.country, "location": list(g.location or [])}[attr]


def _row_value(r: Event, attr: str) -> Any:
    return {"actor1": r.actor1, "actor2": r.actor2, "fatalities": r.fatalities, "date": r.event_date, "country": r.iso3,
            "location": r.location}[attr]


def format_report(report: Report, details: bool = True) -> str:
    """The report as a table with misses and extras, for people."""
    out = [f"{report.articles} articles; {report.overall.tp + report.overall.fn} gold events", ""]
    out.append(f"{'event type':44} {'gold':>5} {'coded':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for kind, c in sorted(report.by_event_type.items()):
        out.append(f"{kind:44} {c.tp + c.fn:5d} {c.tp + c.fp:5d} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f}")
    out.append("")
    out.append(f"{'sub-event type or CAMEO code':44} {'gold':>5} {'coded':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for kind, c in sorted(report.by_type.items()):
        out.append(f"{kind:44} {c.tp + c.fn:5d} {c.tp + c.fp:5d} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f}")
    c = report.overall
    out.append(f"{'ALL':44} {c.tp + c.fn:5d} {c.tp + c.fp:5d} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f}")
    out.append("")
    out.append("accuracy on matched events: " + ", ".join(
        f"{a} {cnt / n:.2f} ({cnt}/{n})" if n else f"{a} -" for a, (cnt, n) in report.attributes.items()))
    if details:
        if report.misses:
            out.append("\nmissed (in gold, not coded):")
            out += [f"  {m['article']}: {m['kind']} by {m['actor1']} (gold line {m['gold_line']})" for m in report.misses]
        if report.extras:
            out.append("\nextra (coded, not in gold):")
            out += [f"  {e['article']} s{e['sentence']}: {e['kind']} {e['actor1']} -> {e['actor2'] or '-'} [{e['rule']}]" for e in report.extras]
        if report.attribute_errors:
            out.append("\nwrong attributes on matched events:")
            out += [f"  {e['article']}: {e['kind']} {e['attribute']}: gold {e['gold']} coded {e['coded']!r} [{e['rule']}]"
                    for e in report.attribute_errors]
        if report.traps_sprung:
            out.append("\ntraps coded as events:")
            out += [f"  {t['article']}: {t['trap']!r} [{t['rule']}]" for t in report.traps_sprung]
    return "\n".join(out) + "\n"

#!/usr/bin/env python3
"""Group eventcoder's misses on the real-text development sets by cause, largest group first.

    python3 tools/misses.py                    # every set
    python3 tools/misses.py case2021 --top 15  # one set, 15 entries per list
    python3 tools/misses.py acled --examples 3 --data ../shared/benchmarks/real

For each set, every text the coder got wrong falls into one group:
  no trigger matched          no event pattern fired in any sentence; grouped by the expected label, with the
                              commonest content words and bigrams of those texts (roughly lemmatised)
  trigger matched, dropped    a pattern fired but every candidate was dropped; grouped by the drop reason
                              ("no actor found", "historical", ...) with the patterns and trigger words involved
  only CAMEO-only rows        rows came out, but none with an ACLED sub-type (case2021, acled)
  wrong label                 a row with another label: grouped by the confusion pair (expected -> coded)
  false alarm                 a row where the expected answer is none

It runs the coder of the current directory in this process (eventcoder.Coder), so run it from the project root.
The data live outside the project (../shared/benchmarks/real by default); without them it says so and exits 0.
It prints Markdown; redirect it to a file outside the project to keep a report.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eventcoder import Article, Coder  # noqa: E402



def _default_data() -> Path:
    """../shared/benchmarks/real beside the project (or beside a parent folder, for git worktrees)."""
    root = Path(__file__).resolve().parent.parent
    for up in root.parents:
        cand = up / "shared" / "benchmarks" / "real"
        if cand.is_dir():
            return cand
    return root.parent / "shared" / "benchmarks" / "real"


DEFAULT_DATA = _default_data()
csv.field_size_limit(1 << 30)

# CASE 2021 Task 2 label -> ACLED sub-event type (the shared task's own label names)
CASE = {
    "ARMED_CLASH": "Armed clash", "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory", "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike", "SUIC_BOMB": "Suicide bomb", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED", "GRENADE": "Grenade", "SEX_VIOL": "Sexual violence", "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration", "MOB_VIOL": "Mob violence", "AGREEMENT": "Agreement", "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity", "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other"}
NONE = "(none)"

STOP = set("""a about above after again against all also am an and any are as at be been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers him his how
i if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same she
should so some such than that the their them then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your said says say told according also one two three
four five six seven eight nine ten first last new year years day days week weeks month months monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november december
mr ms per cent percent since around among another including include includes however would could many several"""
           .split())


# ----------------------------------------------------------------------------- loading the sets


def load(name: str, data: Path) -> list[dict]:
    """[{id, text, published, title, gold}]; gold is a label string, NONE, or (for ipe) a set of labels."""
    if name == "case2021":
        with open(data / "case2021_dev.tsv", encoding="utf-8") as f:
            return [{"id": "c" + r["id"], "text": r["EventSnippet"], "published": None,
                     "gold": CASE.get(r["SubType"], NONE), "raw_label": r["SubType"]}
                    for r in csv.DictReader(f, delimiter="\t")]
    if name == "acled":
        with open(data / "acled_notes_dev.csv", encoding="utf-8", newline="") as f:
            return [{"id": f"n{i}", "text": r["notes"], "published": r["event_date"], "gold": r["sub_event_type"] or NONE}
                    for i, r in enumerate(csv.DictReader(f))]
    if name == "quad":
        with open(data / "cameo_quad_dev.tsv", encoding="utf-8") as f:
            return [{"id": f"q{i}", "text": r["text"], "published": None, "gold": "quad " + r["quad"]}
                    for i, r in enumerate(csv.DictReader(f, delimiter="\t"))]
    if name == "ipe":
        out = []
        with open(data / "india_police_events_dev.jsonl", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    labels = {lab for s in d["sentences"] for lab in s["labels"]}
                    out.append({"id": f"d{d['doc_id']}", "text": " ".join(s["text"].strip() for s in d["sentences"]),
                                "published": d["date"] or None, "gold": labels})
        return out
    raise ValueError(name)


FILES = {"case2021": "case2021_dev.tsv", "acled": "acled_notes_dev.csv", "quad": "cameo_quad_dev.tsv",
         "ipe": "india_police_events_dev.jsonl"}


# ----------------------------------------------------------------------------- what the coder said

POLICE = re.compile(r"police|\bcop\b|constab", re.I)


def ipe_labels(row) -> set[str]:
    """The IndiaPoliceEvents labels a row stands for (the benchmark README's mapping, restated)."""
    by_police = bool(POLICE.search(row.actor1)) or "COP" in row.actor1_code
    on_police = bool(POLICE.search(row.actor2 or "")) or "COP" in (row.actor2_code or "")
    code, sub, et = row.cameo_code or "", row.sub_event_type or "", row.event_type or ""
    out = set()
    if by_police:
        out.add("ANY_ACTION")
        if int(row.fatalities or 0) > 0:
            out.add("KILL")
    if sub == "Arrests" or code.startswith("173"):
        out.add("ARREST")
    forceful = et in ("Battles", "Violence against civilians", "Explosions/Remote violence") or code[:2] in ("18", "19", "20") \
        or sub in ("Excessive force against protesters", "Protest with intervention") or code == "175"
    if (by_police and forceful) or (sub == "Armed clash" and (by_police or on_police)):
        out.add("FORCE")
    return out


def predicted(name: str, rows) -> str | set[str]:
    if name == "quad":
        return f"quad {rows[0].quad_class}" if rows else NONE
    if name == "ipe":
        return set().union(*(ipe_labels(r) for r in rows)) if rows else set()
    first = next((r for r in rows if r.sub_event_type), None)
    return first.sub_event_type if first else NONE


def reason_key(reason: str) -> str:
    """'historical (dated 2020-01-02)' -> 'historical'; 'negated (not)' -> 'negated'."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", reason).strip()


def triggered(coding) -> list:
    return [t for a in coding.analyses for t in a.triggers]


# ----------------------------------------------------------------------------- rough lemmas and n-grams

WORD = re.compile(r"[a-z][a-z'-]+")


def lemma(w: str) -> str:
    """A rough lemma: strips common inflections (killed -> kill, clashes -> clash, protesters -> protester)."""
    w = w.strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    for suf, rep in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("ied", "y")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            return w[: -len(suf)] + rep
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    for suf in ("ing", "ed"):
        if w.endswith(suf) and len(w) > len(suf) + 3:
            stem = w[: -len(suf)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # shelled -> shell stays (l), stopped -> stop
            return stem
    return w


def grams(text: str) -> tuple[set[str], set[str]]:
    """Content-word lemmas and bigrams (of adjacent non-stop words) in a text, each counted once."""
    toks = [lemma(w) for w in WORD.findall(text.lower())]
    words = {t for t in toks if t not in STOP and len(t) > 2}
    bigrams = {f"{a} {b}" for a, b in zip(toks, toks[1:]) if a not in STOP and b not in STOP and len(a) > 2 and len(b) > 2}
    return words, bigrams


def distinctive(texts: list[str], background: Counter, n_background: int, top: int) -> tuple[list, list]:
    """The commonest words and bigrams of `texts`, ranked by document frequency, preferring those rarer elsewhere."""
    w, b = Counter(), Counter()
    for t in texts:
        ws, bs = grams(t)
        w.update(ws)
        b.update(bs)

    def rank(c: Counter) -> list:
        n = max(len(texts), 1)
        # document frequency here, weighted by how much more often it occurs here than in the whole set
        scored = [(k, v, v / n / max(background[k] / max(n_background, 1), 1e-3)) for k, v in c.items() if v >= 2]
        scored.sort(key=lambda x: (-x[1] * min(x[2], 5.0), x[0]))
        return [(k, v) for k, v, _ in scored[:top]]

    return rank(w), rank(b)


# ----------------------------------------------------------------------------- grouping


def classify(name: str, item: dict, rows, coding, label: str | None = None) -> tuple[str, str] | None:
    """(cause, group key) for a miss, or None when the text was coded right. For ipe, `label` is the one judged."""
    gold, pred = item["gold"], predicted(name, rows)
    if name == "ipe":
        g, p = label in gold, label in pred
        if g == p:
            return None
        if p:
            return "false alarm", f"{label} (rules: {', '.join(sorted({r.rule_id.split('@')[0] for r in rows}))})"
        gold, pred = label, NONE if not rows else "(rows, not this label)"
    if gold == pred:
        return None
    if gold == NONE:
        tag = item.get("raw_label", "")
        return "false alarm", f"{pred}" + (f" on {tag}" if tag else "")
    if pred not in (NONE, "(rows, not this label)"):
        return "wrong label", f"{gold} -> {pred}"
    if rows and name != "ipe":
        return "only CAMEO-only rows", f"{gold}: " + ", ".join(sorted({r.rule_id.split('@')[0] for r in rows}))
    if rows:  # ipe: rows came out, none standing for this label
        return "rows, not this label", f"{label}: " + ", ".join(sorted({r.rule_id.split('@')[0] for r in rows}))
    if not triggered(coding):
        return "no trigger matched", str(gold)
    reasons = Counter(reason_key(d.reason) for d in coding.dropped)
    main = reasons.most_common(1)[0][0] if reasons else "(fired, never a candidate)"
    return "trigger matched, dropped", main


def run(name: str, data: Path, top: int, examples: int, coder: Coder) -> str:
    items = load(name, data)
    results = []
    for it in items:
        art = Article(it["id"], it["text"], published=it["published"])
        rows, coding = coder.code_with_analysis(art)
        results.append((it, rows, coding))
    labels = ["KILL", "ARREST", "FORCE", "ANY_ACTION"] if name == "ipe" else [None]
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for it, rows, coding in results:
        for lab in labels:
            c = classify(name, it, rows, coding, lab)
            if c is not None:
                groups[c].append((it, rows, coding))
    background = Counter()
    for it, _, _ in results:
        ws, bs = grams(it["text"])
        background.update(ws | bs)

    out = [f"## {name}: {len(items)} texts, {sum(len(v) for v in groups.values())} misses\n"]
    causes = Counter()
    for (cause, _), v in groups.items():
        causes[cause] += len(v)
    out.append("| cause | misses |\n|---|---|")
    out += [f"| {c} | {n} |" for c, n in causes.most_common()]
    out.append("")
    for cause, _ in causes.most_common():
        mine = sorted(((k, v) for k, v in groups.items() if k[0] == cause), key=lambda kv: (-len(kv[1]), kv[0][1]))
        out.append(f"### {cause} ({causes[cause]})\n")
        for (_, key), members in mine[: top if cause != "no trigger matched" else None]:
            out.append(f"- **{key}**: {len(members)}")
            if cause == "no trigger matched" and len(members) >= 2:
                w, b = distinctive([m[0]["text"] for m in members], background, len(results), top)
                out.append(f"  - words: {', '.join(f'{k} {v}' for k, v in w)}")
                out.append(f"  - bigrams: {', '.join(f'{k} {v}' for k, v in b)}")
            if cause == "trigger matched, dropped":
                pats = Counter(f"{d.pattern}:{d.trigger.lower()}" for m in members for d in m[2].dropped
                               if reason_key(d.reason) == key)
                golds = Counter(str(m[0]["gold"]) if name != "ipe" else "" for m in members)
                out.append(f"  - triggers: {', '.join(f'{k} {v}' for k, v in pats.most_common(top))}")
                if name != "ipe":
                    out.append(f"  - expected: {', '.join(f'{k} {v}' for k, v in golds.most_common(top))}")
            if cause in ("wrong label", "false alarm"):
                rules = Counter(r.rule_id.split("@")[0] + ":" + r.sub_event_type for m in members for r in m[1][:1])
                out.append(f"  - first-row rules: {', '.join(f'{k} {v}' for k, v in rules.most_common(top))}")
            for m in members[:examples]:
                out.append(f"  - e.g. `{m[0]['id']}`: {m[0]['text'][:220].strip()!s}")
        if len(mine) > top and cause != "no trigger matched":
            out.append(f"- ... {len(mine) - top} smaller groups")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sets", nargs="*", metavar="SET", help="case2021, acled, quad, ipe (default: all)")
    p.add_argument("--top", type=int, default=10, help="entries per list (default 10)")
    p.add_argument("--examples", type=int, default=2, help="example texts per group (default 2)")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the real-text sets")
    a = p.parse_args(argv)
    unknown = set(a.sets) - set(FILES)
    if unknown:
        p.error(f"unknown set(s): {', '.join(sorted(unknown))}; choose from {', '.join(FILES)}")
    sets = a.sets or list(FILES)
    missing = [s for s in sets if not (a.data / FILES[s]).exists()]
    if missing:
        print(f"misses: no real-text data for {', '.join(missing)} under {a.data}; nothing to do", file=sys.stderr)
        return 0
    coder = Coder.default()
    print("# eventcoder misses on the real-text development sets\n")
    for s in sets:
        print(run(s, a.data, a.top, a.examples, coder))
    return 0


if __name__ == "__main__":
    sys.exit(main())

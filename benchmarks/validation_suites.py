"""PETRARCH and TABARI validation suites: import their dictionaries, code the raw sentences, print exact-match rates.

    python3 benchmarks/validation_suites.py [--shared ../shared]

For each record, the coder's (source, target, CAMEO code) triples are compared
with the expected ones; a record passes when the sets are equal. Each suite's
own actor, agent, verb and discard dictionaries are imported as
`eventcoder import-dicts` does, and the sentences are coded from raw text by
`Coder.cameo()` with the imported verb patterns (no parser).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # measure this checkout

from eventcoder import Coder  # noqa: E402
from eventcoder.importers import import_dictionaries  # noqa: E402

SUITES = {
    "PETRARCH unit tests": ("petrarch/derived/PETR.UnitTest.records.jsonl",
                            ["petrarch/PETR.Validate.actors.txt", "petrarch/PETR.Validate.agents.txt",
                             "petrarch/PETR.Validate.verbs.txt", "petrarch/PETR.Validate.discards.txt"], "petrarch"),
    "TABARI Validate": ("petrarch/derived/TABARI.Validate.jsonl",
                        ["tabari/TABARI.Demo.actors", "tabari/Validate.agents", "tabari/TABARI.Demo.verbs"], "tabari"),
}


def run_suite(base: Path, records_path: str, dict_paths: list[str], fmt: str) -> dict:
    coder = Coder.default()
    result = import_dictionaries([base / p for p in dict_paths], coder.lexicon.ds.countries, fmt)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "imported.yaml"
        out.write_text(result.to_yaml(), encoding="utf-8")
        coder = Coder.from_dictionaries(out)
        scored = passed = expected_events = found_events = 0
        for line in (base / records_path).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if str(rec.get("evaluate", "true")).lower() != "true":
                continue
            date = rec.get("date", "")
            published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 else None
            expected = {(e["source"], e["target"], e["event"]) for e in rec.get("expected", [])}
            got = set(coder.cameo(rec["text"], published))
            scored += 1
            passed += got == expected
            expected_events += len(expected)
            found_events += len(expected & got)
    return {"records": scored, "passed": passed, "expected_events": expected_events, "events_found": found_events,
            "converted": result.converted, "not_converted": len(result.problems)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parent.parent.parent / "shared"))
    args = ap.parse_args()
    base = Path(args.shared) / "benchmarks"
    if not base.is_dir():
        print(f"no benchmark material at {base}; nothing to measure")
        return
    for name, (records, dicts, fmt) in SUITES.items():
        r = run_suite(base, records, dicts, fmt)
        print(f"{name}: {r['passed']}/{r['records']} records exact ({r['passed'] / max(r['records'], 1):.1%}); "
              f"{r['events_found']}/{r['expected_events']} expected events found; "
              f"dictionaries: {r['converted']} entries converted, {r['not_converted']} not")


if __name__ == "__main__":
    main()

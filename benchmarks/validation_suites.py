"""PETRARCH and TABARI validation suites: import their dictionaries, code the raw sentences, print exact-match rates.

    python3 benchmarks/validation_suites.py [--shared ../shared] [--no-production]

For each record, the coder's (source, target, CAMEO code) triples are compared
with the expected ones; a record passes when the sets are equal. Each suite's
own actor, agent, verb and discard dictionaries are imported as
`eventcoder import-dicts` does, and the sentences are coded from raw text by
`Coder.cameo()` with the imported verb patterns (no parser). Then production-size
dictionaries (Phoenix: 48,000 entries; TABARI's CAMEO master verbs: 17,000) are
imported, loaded and used to code the suites' texts, for import time, load time
and speed at that size.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # measure this checkout

from eventcoder import Coder  # noqa: E402
from eventcoder.tabari.importers import TABARI_BUILT_IN, import_dictionaries, tabari_option  # noqa: E402

SUITES = {
    "PETRARCH unit tests": ("petrarch/derived/PETR.UnitTest.records.jsonl",
                            ["petrarch/PETR.Validate.actors.txt", "petrarch/PETR.Validate.agents.txt",
                             "petrarch/PETR.Validate.verbs.txt", "petrarch/PETR.Validate.discards.txt"], "petrarch"),
    "TABARI Validate": ("petrarch/derived/TABARI.Validate.jsonl",
                        ["tabari/TABARI.Demo.actors", "tabari/Validate.agents", "tabari/TABARI.Demo.verbs"], "tabari"),
}


# TABARI run-time options (its .options file) as the validation suite starts; records may change them
_TABARI_DEFAULTS = {
    "SET: CONVERT AGENT": "FALSE", "DEFAULT": "OFF", "COMPLEX": "VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", "SET: YYYY": "FALSE",
    "SET: TIME SHIFT": "FALSE", "SET: CODE": "BY CLAUSE", "FORWARD": "OFF",
    "COMMA": "MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 255 BMAX = 0",
}


def _option(line: str) -> tuple[str, str] | None:
    """A TABARI option line as (setting, value); OUTPUT lines change nothing that is scored."""
    line = " ".join(line.split())
    if line.startswith("SET: CODE "):
        return "SET: CODE", line[len("SET: CODE "):]
    if line.startswith("SET:"):
        key, _, value = line.partition("=")
        return key.strip(), value.strip()
    command, _, value = line.partition(":")
    if command == "OUTPUT":
        return None
    value = value.strip()
    if command == "FORWARD":
        value = "OFF" if value.endswith("OFF") else value
    return command, value


def _record_date(text: str) -> str | None:
    """A record's date: YYYYMMDD, or TABARI's YYMMDD (years up to 30 are 20xx, as the importer reads actor dates)."""
    if len(text) == 7 and text.isdigit():
        text = text[:6]  # a typo in the suite ("9501201"); TABARI reads the first six digits
    if len(text) == 6 and text.isdigit():
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}" if len(text) == 8 and text.isdigit() else None


def run_suite(base: Path, records_path: str, dict_paths: list[str], fmt: str) -> dict:
    coder = Coder.default()
    result = import_dictionaries([base / p for p in dict_paths], coder.lexicon.ds.countries, fmt)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "imported.yaml"
        out.write_text(result.to_yaml(), encoding="utf-8")
        coders: dict[str, Coder] = {}
        # the records' TABARI option lines as cameo_options, as `import-dicts` reads a .options file, over TABARI's built-ins
        settings: dict = dict(TABARI_BUILT_IN) if fmt == "tabari" else {}
        scored = passed = expected_events = found_events = 0
        options = dict(_TABARI_DEFAULTS)
        changed = {"records": 0, "passed": 0}
        for line in (base / records_path).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            for opt in rec.get("options", []):
                kv = _option(opt)
                if kv is not None:
                    options[kv[0]] = kv[1]
                settings.update(tabari_option(opt)[0])
            if str(rec.get("evaluate", "true")).lower() != "true":
                continue
            overlay = yaml.safe_dump({"cameo_options": settings}, sort_keys=True)
            if overlay not in coders:
                layer = Path(tmp) / f"options-{len(coders)}.yaml"
                layer.write_text(overlay, encoding="utf-8")
                coders[overlay] = Coder.from_dictionaries(out, layer)
            coder = coders[overlay]
            published = _record_date(rec.get("date", ""))
            expected = {(e["source"], e["target"], e["event"]) for e in rec.get("expected", [])}
            got = set(coder.cameo(rec["text"], published))
            scored += 1
            passed += got == expected
            if options != _TABARI_DEFAULTS:
                changed["records"] += 1
                changed["passed"] += got == expected
            expected_events += len(expected)
            found_events += len(expected & got)
    return {"records": scored, "passed": passed, "expected_events": expected_events, "events_found": found_events,
            "converted": result.converted, "not_converted": len(result.problems), "under_changed_options": changed}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parent.parent.parent / "shared"))
    ap.add_argument("--no-production", action="store_true", help="skip the production-size dictionaries (~40 s)")
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
        ch = r["under_changed_options"]
        if ch["records"]:
            default = r["records"] - ch["records"]
            print(f"  under TABARI's default options: {r['passed'] - ch['passed']}/{default} "
                  f"({(r['passed'] - ch['passed']) / default:.1%}); after the suite changes its options "
                  f"(read as cameo_options; FORWARD and TIME SHIFT have none): {ch['passed']}/{ch['records']}")
    if not args.no_production:
        production(base)


PRODUCTION = {
    "Phoenix production dictionaries": ("petrarch", "PETRARCH unit tests", [
        "petrarch/Phoenix.Countries.actors.txt", "petrarch/Phoenix.International.actors.txt",
        "petrarch/Phoenix.MilNonState.actors.txt", "petrarch/Phoenix.agents.txt",
        "petrarch/CAMEO.verbpatterns.150430.txt", "petrarch/Phoenix.discards.txt"]),
    "TABARI CAMEO master verbs": ("tabari", "TABARI Validate", [
        "tabari/TABARI.Demo.actors", "tabari/Validate.agents", "tabari/CAMEO.091003.master.verbs"]),
}


def production(base: Path) -> None:
    """Production-size dictionaries: import time, load time (cold, then cached), and coding speed on a suite's texts."""
    from eventcoder.dictionaries.loader import load_dictionaries

    countries = Coder.default().lexicon.ds.countries
    for label, (fmt, suite, files) in PRODUCTION.items():
        t0 = time.perf_counter()
        result = import_dictionaries([base / p for p in files], countries, fmt)
        text = result.to_yaml()
        load_dictionaries(texts=[("imported.yaml", text)], towns=False)  # the check import-dicts makes before writing
        imported = time.perf_counter() - t0
        texts = [json.loads(line)["text"] for line in (base / SUITES[suite][0]).read_text(encoding="utf-8").splitlines()]
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "imported.yaml"
            out.write_text(text, encoding="utf-8")
            loads = []
            for _ in range(2):  # the second load comes from the dictionary cache
                t0 = time.perf_counter()
                coder = Coder.from_dictionaries(out)
                loads.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            events = sum(len(coder.cameo(t, "2008-08-01")) for t in texts * 3)
            seconds = time.perf_counter() - t0
        print(f"{label}: {result.converted} entries converted ({len(result.problems)} not) in {imported:.1f} s; "
              f"load {loads[0]:.1f} s, then {loads[1]:.1f} s cached; "
              f"{len(texts) * 3 / seconds:,.0f} sentences/s coding the {suite} texts ({events} events)")


if __name__ == "__main__":
    main()

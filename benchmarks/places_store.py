"""Open time, lookup time and peak memory of the place store (eventcoder/data/places.sqlite).

    python3 benchmarks/places_store.py [--lookups 10000]

Each phase runs in a fresh interpreter so its peak RSS is its own. Prints
figures; asserts nothing (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PHASE = r"""
import json, random, resource, sqlite3, sys, time
sys.path.insert(0, {root!r})
phase, n = sys.argv[1], int(sys.argv[2])
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from eventcoder.places.store import PlaceStore
# keys to ask (phases *_text ask the words of prose instead): three of every four name a place, the rest are ordinary words that name none
db = sqlite3.connect("file:" + {db!r} + "?mode=ro&immutable=1", uri=True)
keys = [k for (k,) in db.execute("SELECT key FROM keys ORDER BY random() LIMIT ?", (n * 3 // 4,))]
db.close()
keys += ["the", "police", "said", "killed", "on", "tuesday", "fighters", "village"] * (n // 32) + ["zzz"] * (n - len(keys) - 8 * (n // 32))
random.Random(1).shuffle(keys)
words = [k.split(" ")[0] for k in keys]
if phase.endswith("_text"):  # the tokens of running prose (the repository's docs), which repeat as news words do
    from pathlib import Path
    from eventcoder.text.tokens import phrase_key
    prose = [t for f in sorted(Path({root!r}, "docs").glob("*.md")) for t in phrase_key(f.read_text(encoding="utf-8"))]
    words = (prose * (n // max(len(prose), 1) + 1))[:n]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
s = PlaceStore({db!r})
if phase == "candidates":
    s.count()  # opens the file
    t1 = time.perf_counter()
    found = sum(1 for k in keys if s.candidates(k))
elif phase.startswith("max_len_sql"):
    s.count()
    t1 = time.perf_counter()
    found = sum(1 for w in words if s.max_len(w))
else:  # first_tokens: load the dict once, then ask it
    s.first_tokens()
    t1 = time.perf_counter()
    ft = s.first_tokens()
    found = sum(1 for w in words if w in ft)
t2 = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"phase": phase, "open_s": round(t1 - t0, 4), "queries": n, "query_s": round(t2 - t1, 4),
                  "us_per_query": round((t2 - t1) / n * 1e6, 2), "found": found,
                  "rss_before_mb": round(before / 1024, 1), "peak_rss_mb": round(peak / 1024, 1),
                  "rss_added_mb": round((peak - before) / 1024, 1)}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lookups", type=int, default=10_000)
    ap.add_argument("--db", default=str(ROOT / "eventcoder" / "data" / "places.sqlite"))
    args = ap.parse_args()
    code = _PHASE.format(root=str(ROOT), db=args.db)
    for phase in ("candidates", "max_len_sql", "first_tokens", "max_len_sql_text", "first_tokens_text"):
        out = subprocess.run([sys.executable, "-c", code, phase, str(args.lookups)], capture_output=True, text=True, check=True)
        print(json.dumps(json.loads(out.stdout)))


if __name__ == "__main__":
    main()

"""Is every stage linear in the input? Time per doubling for the input shapes that used to be super-linear (#16).

    python3 benchmarks/linearity.py            # every shape, four doublings each
    python3 benchmarks/linearity.py --shape dots --max-seconds 30

For each shape it codes one article of size n, 2n, 4n, ... and prints the seconds and the ratio to the previous
size: about 2.0 is linear, 4.0 quadratic. Target: <= 2.2 per doubling, and a 5 MB article in under 10 s.
A doubling that would take longer than --max-seconds (estimated from the last ratio) is skipped.
Seconds are CPU seconds of this process (the coder is single-threaded; on a shared machine wall time swings with the
neighbours' load), wall seconds beside them. "peak RSS" shows whether memory grows with the article: where Linux lets
a process reset its peak (/proc/self/clear_refs), it is the peak while coding that one article (its text included),
and each shape ends with the memory it adds per MB of text (the slope of those peaks from its first to its last
size; flat is near 0); elsewhere it is the process's peak so far. This prints figures; it is not a test (timings
depend on the machine).
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eventcoder import Article, Coder  # noqa: E402

PARAGRAPH = ("Boko Haram fighters killed five villagers in Gwoza on Monday, officials said. They also burned houses "
             "and the group said it would return. The army said its soldiers repelled them. Residents fled to Maiduguri, "
             "where they told reporters that the militants had killed at least 12 people. He said it was the third attack.\n\n")


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _news() -> str:
    """The bundled seed articles' bodies, one after another: ordinary reporting."""
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    return "\n\n".join(p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(seeds.glob("*.txt"))) + "\n\n"


SHAPES = {
    "news": (lambda n: _repeat(_news(), n), 625_000, 4),  # the seed articles repeated: 0.625, 1.25, 2.5, 5 MB
    # name: (how the text of `size` characters is made, first size, doublings)
    "article": (lambda n: _repeat(PARAGRAPH, n), 625_000, 4),  # news prose with pronouns: 0.625, 1.25, 2.5, 5 MB
    "dots": (lambda n: "." * n, 50_000, 4),  # punctuation only
    "one-sentence": (lambda n: _repeat("soldiers and villagers in Gwoza and Kano ", n), 100_000, 4),  # no full stop
    "killed": (lambda n: "Gunmen " + _repeat("killed ", n) + "villagers.", 50_000, 4),
    "numbers": (lambda n: _repeat("killed 5 and 7 people, 12 soldiers, ", n), 100_000, 4),
}


def _reset_peak() -> bool:
    """Start this process's peak RSS afresh (Linux); False where it cannot be."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    """Peak RSS in MB: since the last reset where that worked, else since the process started."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes (repeatable)")
    ap.add_argument("--doublings", type=int, help="sizes per shape (default: each shape's own)")
    ap.add_argument("--max-seconds", type=float, default=60.0, help="skip a doubling expected to take longer than this")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply each shape's first size (e.g. 0.125 for a slow version)")
    args = ap.parse_args()
    coder = Coder.default()
    coder.code(Article("warm", PARAGRAPH, published="2024-05-15"))
    worst = 0.0
    for name in args.shape or SHAPES:
        make, first, doublings = SHAPES[name]
        prev = None
        peaks: list[tuple[int, float]] = []
        per_article = False
        for k in range(args.doublings or doublings):
            size = int(first * args.scale) * 2**k
            if prev is not None and prev[1] * (prev[2] or 4.0) > args.max_seconds:
                print(f"{name:13s} {size / 1e6:7.3f} MB  skipped (expected > {args.max_seconds:.0f} s)")
                continue
            text = make(size)
            gc.collect()
            per_article = _reset_peak()
            t, cpu = time.perf_counter(), time.process_time()
            rows = coder.code(Article(f"{name}-{size}", text, published="2024-05-15"))
            secs, wall = time.process_time() - cpu, time.perf_counter() - t
            ratio = secs / prev[1] if prev else None
            if ratio is not None and prev[1] >= 0.05:  # below that, timer noise and caches dominate the ratio
                worst = max(worst, ratio)
            rss = _peak_mb()
            peaks.append((size, rss))
            print(f"{name:13s} {size / 1e6:7.3f} MB  {secs:8.2f} s CPU ({wall:6.2f} s wall)  {len(rows):6d} rows  "
                  f"peak RSS {rss:4.0f} MB" + (f"  x{ratio:.2f} per doubling" if ratio else ""), flush=True)
            prev = (size, secs, ratio)
            del text, rows
        if per_article and len(peaks) > 1:
            (s0, m0), (s1, m1) = peaks[0], peaks[-1]
            print(f"{name:13s} memory: +{(m1 - m0) / ((s1 - s0) / 1e6):.1f} MB of peak RSS per MB of text "
                  f"({m0:.0f} MB at {s0 / 1e6:.3f} MB, {m1:.0f} MB at {s1 / 1e6:.3f} MB)", flush=True)
    print(f"worst ratio per doubling: x{worst:.2f} (target <= 2.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Throughput, dictionary load time and peak memory of the coder on a generated corpus.

    python3 benchmarks/throughput.py [--articles 10000] [--actors 25000]

Prints figures; it asserts nothing (the machine is shared, so compare ratios
within one run rather than absolute numbers across runs).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # measure this checkout, not an installed copy

from eventcoder import Article, Coder  # noqa: E402
from eventcoder.sentences import split_sentences  # noqa: E402

PERPETRATORS = ["Boko Haram fighters", "Al-Shabaab militants", "Nigerian soldiers", "Sudanese army warplanes", "RSF fighters",
                "Gunmen", "Police", "Russian forces", "M23 rebels", "Protesters"]
VERBS = ["attacked", "killed", "abducted", "shelled", "arrested", "clashed with", "ambushed"]
TARGETS = ["villagers", "soldiers", "police officers", "protesters", "civilians", "students"]
PLACES = ["Maiduguri", "Gwoza", "Kano", "Mogadishu", "El Fasher", "Khartoum", "Kharkiv", "Goma", "Nairobi", "Lahore"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "Officials said the area was calm later in the day.",
    "The government did not comment on the report.",
    "Residents said they had fled to nearby towns.",
    "The group has been active in the region for years.",
    "Aid agencies said they were assessing the needs of displaced families.",
]


def corpus(n: int, seed: int = 7) -> list[Article]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        lead = (f"{rnd.choice(PERPETRATORS)} {rnd.choice(VERBS)} {rnd.randint(2, 60)} {rnd.choice(TARGETS)} "
                f"in {rnd.choice(PLACES)} on {rnd.choice(DAYS)}, officials said.")
        body = " ".join([lead] + rnd.sample(FILLER, 3))
        out.append(Article(f"b{i}", body, title="Report", published="2024-05-15"))
    return out


def grown_dictionary(n_actors: int, folder: Path) -> Path:
    """A user dictionary of n synthetic named groups, to see whether time grows with dictionary size."""
    rnd = random.Random(11)
    syll = ["ka", "ro", "mi", "ta", "lu", "ne", "zo", "bi", "sa", "do", "ve", "qu"]
    lines = ["actors:"]
    for i in range(n_actors):
        name = "".join(rnd.choice(syll) for _ in range(3)).title() + " " + "".join(rnd.choice(syll) for _ in range(3)).title()
        lines.append(f"  - {{id: synth_{i}, name: \"{name} Front {i}\", kind: group, aliases: [\"{name} Front {i}\"], "
                     f"country: NGA, code: NGAREBS{i % 1000:03d}, inter: 2, armed: true}}")
    path = folder / "grown.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(coder: Coder, articles: list[Article]) -> tuple[float, int, int]:
    sentences = sum(len(split_sentences(a.text)) for a in articles)
    start = time.perf_counter()
    events = sum(len(coder.code(a)) for a in articles)
    return time.perf_counter() - start, sentences, events


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--actors", type=int, default=25_000)
    args = ap.parse_args()
    articles = corpus(args.articles)

    t0 = time.perf_counter()
    coder = Coder.default()
    load = time.perf_counter() - t0
    elapsed, sentences, events = run(coder, articles)
    print(f"default dictionaries: load {load:.2f} s; {len(articles)} articles, {sentences} sentences, {events} events "
          f"in {elapsed:.1f} s = {sentences / elapsed:,.0f} sentences/s, {len(articles) / elapsed:,.0f} articles/s")

    with tempfile.TemporaryDirectory() as tmp:
        path = grown_dictionary(args.actors, Path(tmp))
        t0 = time.perf_counter()
        big = Coder.from_dictionaries(path)
        load_big = time.perf_counter() - t0
        elapsed_big, _, events_big = run(big, articles)
        print(f"+{args.actors} actors: load {load_big:.2f} s; {sentences / elapsed_big:,.0f} sentences/s "
              f"(time ratio to default {elapsed_big / elapsed:.2f}); {events_big} events")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()

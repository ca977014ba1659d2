"""Throughput, dictionary load time and peak memory of the coder on a generated corpus.

    python3 benchmarks/throughput.py [--articles 10000] [--actors 25000]

Prints figures; it asserts nothing (the machine is shared, so compare ratios
within one run rather than absolute numbers across runs).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # measure this checkout, not an installed copy

from eventcoder import Article, Coder  # noqa: E402
from eventcoder.text.sentences import split_sentences  # noqa: E402

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
    path = folder / f"grown-{n_actors}.yaml"
    text = "\n".join(lines) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def run(coder: Coder, articles: list[Article]) -> tuple[float, int, int]:
    sentences = sum(len(split_sentences(a.text)) for a in articles)
    start = time.perf_counter()
    events = sum(len(coder.code(a)) for a in articles)
    return time.perf_counter() - start, sentences, events


def scenario(name: str, n_articles: int, n_actors: int) -> dict:
    """One measurement, run in its own process so its peak memory is its own."""
    articles = corpus(n_articles)
    sentences = sum(len(split_sentences(a.text)) for a in articles)
    out: dict = {"scenario": name, "sentences": sentences, "articles": len(articles)}
    if name == "load":
        t0 = time.perf_counter()
        Coder.default()
        out["load"] = time.perf_counter() - t0
        return out
    if name == "jobs2":
        coder = Coder.default()  # loaded once, so both timings are coding alone
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(3):  # alternate and take medians: the machine is shared and noisy
            for jobs in (1, 2):
                start = time.perf_counter()
                events = sum(len(o.events) for o in coder.code_many(iter(articles), jobs=jobs))
                times[jobs].append(time.perf_counter() - start)
        for jobs, ts in times.items():
            out[f"seconds_jobs{jobs}"] = sorted(ts)[1]
        out["events"] = events
    else:
        paths = []
        if name == "grown":
            folder = Path(tempfile.gettempdir()) / "eventcoder-bench"
            folder.mkdir(exist_ok=True)
            paths = [grown_dictionary(n_actors, folder)]
        loads = []
        for _ in range(2):  # the second load is served from the compiled-dictionary cache
            t0 = time.perf_counter()
            coder = Coder.from_dictionaries(*paths)
            loads.append(time.perf_counter() - t0)
        out["load_first"], out["load_cached"] = loads
        out["seconds"], _, out["events"] = run(coder, articles)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--actors", type=int, default=25_000)
    ap.add_argument("--scenario", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.scenario:
        print(json.dumps(scenario(args.scenario, args.articles, args.actors)))
        return
    def sub(name: str, **env: str) -> dict:
        proc = subprocess.run(
            [sys.executable, __file__, "--scenario", name, "--articles", str(args.articles), "--actors", str(args.actors)],
            capture_output=True, text=True, check=True, env={**os.environ, **env},
        )
        return json.loads(proc.stdout.strip().splitlines()[-1])

    cold = sub("load", EVENTCODER_CACHE="off")["load"]
    sub("load")  # fills the compiled-dictionary cache if it is empty
    warm = sub("load")["load"]
    d, g, j = sub("default"), sub("grown"), sub("jobs2")
    print(f"corpus: {d['articles']} generated articles, {d['sentences']} sentences")
    print(f"default dictionaries: load {cold:.2f} s without the dictionary cache, {warm:.2f} s with it; "
          f"{d['sentences'] / d['seconds']:,.0f} sentences/s, {d['articles'] / d['seconds']:,.0f} articles/s, "
          f"{d['events']} events; peak RSS {d['peak_rss_mb']:.0f} MB")
    print(f"+{args.actors} actors: load {g['load_first']:.2f} s then {g['load_cached']:.2f} s "
          f"(the first is cold only the first time this dictionary is seen); "
          f"{g['sentences'] / g['seconds']:,.0f} sentences/s (time ratio to default {g['seconds'] / d['seconds']:.2f}); "
          f"peak RSS {g['peak_rss_mb']:.0f} MB")
    print(f"--jobs 2 against one job, coding (median of 3): {j['seconds_jobs1']:.2f} s vs {j['seconds_jobs2']:.2f} s "
          f"= {j['seconds_jobs1'] / j['seconds_jobs2']:.2f}x")
    # start-up (imports, dictionary load) is serial and fixed, so the whole command nears the coding ratio as input grows
    for n in (args.articles, 3 * args.articles):
        e1, e2 = end_to_end(corpus(n))
        print(f"--jobs 2 against one job, the whole command on {n} articles (start-up, reading JSONL, writing CSV; "
              f"median of 3): {e1:.2f} s vs {e2:.2f} s = {e1 / e2:.2f}x")


def end_to_end(articles: list[Article]) -> tuple[float, float]:
    """`eventcoder code corpus.jsonl -o out.csv --jobs 1|2` as a user runs it, timed from outside."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        src.write_text("".join(json.dumps({"id": a.id, "text": a.text, "title": a.title, "published": str(a.published)}) + "\n"
                               for a in articles), encoding="utf-8")
        root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(3):
            for jobs in (1, 2):
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "eventcoder", "code", str(src), "-o", str(Path(tmp) / f"out{jobs}.csv"),
                                "-q", "--jobs", str(jobs)], check=True, env=env)
                times[jobs].append(time.perf_counter() - start)
        return sorted(times[1])[1], sorted(times[2])[1]


if __name__ == "__main__":
    main()

"""Throughput, dictionary load time and peak memory of the coder on real reporting (issue #18).

    python3 benchmarks/throughput.py [--sentences 50000] [--actors 25000] [--repeats 3]

The corpus is the texts of ../shared/benchmarks/real (all four sets, built as score.py builds them) when that
folder is there, else the generated corpus; the first line says which. It is repeated under new ids until it
holds at least --sentences sentences. Measured, each in its own process so its peak memory is its own:

- the API: `Coder.code` over every article (raw text to validated rows), default dictionaries and +N actors;
- the CLI end to end: `eventcoder code corpus.jsonl -o out.csv --jobs 1|2` (start-up, reading JSONL, writing
  the CSV and datapackage.json), timed from outside, peak RSS of the process tree;
- the dictionary load, cold (no compiled-dictionary cache) and cached;
- two references over the same texts and eventcoder's own phrases (`pip install '.[bench]'`; skipped without):
  spaCy blank English + sentencizer + PhraseMatcher (matching only), and one Aho-Corasick automaton
  (pyahocorasick) scanning the lower-cased text (the scan limit);
- with dask installed, the Dask bag recipe of docs/scaling.md on a two-worker LocalCluster.

Prints figures; it asserts nothing (the machine is shared, so compare ratios within one run).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy

from eventcoder import Article, Coder  # noqa: E402
from eventcoder.io.readers import article_from_json  # noqa: E402
from eventcoder.text.sentences import split_sentences  # noqa: E402

REAL = ROOT.parent / "shared" / "benchmarks" / "real"

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


def generated(n: int, seed: int = 7) -> list[dict]:
    """Short generated reports: one event sentence and three of filler each."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        lead = (f"{rnd.choice(PERPETRATORS)} {rnd.choice(VERBS)} {rnd.randint(2, 60)} {rnd.choice(TARGETS)} "
                f"in {rnd.choice(PLACES)} on {rnd.choice(DAYS)}, officials said.")
        out.append({"id": f"b{i}", "text": " ".join([lead] + rnd.sample(FILLER, 3)), "title": "Report", "published": "2024-05-15"})
    return out


def real() -> list[dict]:
    """The development texts of the four real sets, as score.py hands them to `eventcoder code`."""
    csv.field_size_limit(1 << 30)
    out: list[dict] = []
    with open(REAL / "case2021_dev.tsv", encoding="utf-8") as f:
        out += [{"id": "c" + r["id"], "text": r["EventSnippet"]} for r in csv.DictReader(f, delimiter="\t")]
    with open(REAL / "acled_notes_dev.csv", encoding="utf-8") as f:
        out += [{"id": f"n{i}", "text": r["notes"], "published": r["event_date"]} for i, r in enumerate(csv.DictReader(f))]
    with open(REAL / "india_police_events_dev.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out.append({"id": f"d{d['doc_id']}", "title": "", "text": " ".join(s["text"].strip() for s in d["sentences"]),
                            "published": d["date"] or None, "source": "Times of India"})
    with open(REAL / "cameo_quad_dev.tsv", encoding="utf-8") as f:
        out += [{"id": f"q{i}", "text": r["text"]} for i, r in enumerate(csv.DictReader(f, delimiter="\t"))]
    return [d for d in out if d["text"].strip()]


def corpus(min_sentences: int) -> tuple[str, list[dict], int]:
    """(what it is, article dicts repeated under new ids to at least min_sentences sentences, sentences)."""
    if (REAL / "case2021_dev.tsv").exists():
        what, base = f"real text ({REAL})", real()
    else:
        what, base = "generated text (../shared/benchmarks/real is not here)", generated(2_000)
    per = [len(split_sentences(d["text"])) for d in base]
    out, sentences, k = [], 0, 0
    while sentences < min_sentences:
        out += [{**d, "id": f"{d['id']}~{k}"} for d in base]
        sentences += sum(per)
        k += 1
    return what, out, sentences


def articles(dicts: list[dict]) -> list[Article]:
    """The Articles the CLI makes of these JSONL objects."""
    out = [article_from_json(d, "bench") for d in dicts]
    return [a for a in out if isinstance(a, Article)]


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


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scenario(name: str, args: argparse.Namespace) -> dict:
    """One measurement in this (fresh) process."""
    out: dict = {"scenario": name}
    if name == "load":
        t0 = time.perf_counter()
        Coder.default()
        out["load"] = time.perf_counter() - t0
        return out
    _, dicts, out["sentences"] = corpus(args.sentences)
    arts = articles(dicts)
    out["articles"] = len(arts)
    if name in ("api", "grown"):
        paths = []
        if name == "grown":
            folder = Path(tempfile.gettempdir()) / "eventcoder-bench"
            folder.mkdir(exist_ok=True)
            paths = [grown_dictionary(args.actors, folder)]
        loads = []
        for _ in range(2):  # the second load is served from the compiled-dictionary cache
            t0 = time.perf_counter()
            coder = Coder.from_dictionaries(*paths)
            loads.append(time.perf_counter() - t0)
        out["load_first"], out["load_cached"] = loads
        start, cpu = time.perf_counter(), time.process_time()
        out["events"] = sum(len(coder.code(a)) for a in arts)
        out["seconds"], out["cpu"] = time.perf_counter() - start, time.process_time() - cpu
    elif name == "spacy":
        out.update(_spacy(arts))
    elif name == "aho":
        out.update(_aho(arts))
    elif name == "dask":
        out.update(_dask(dicts))
    out["peak_rss_mb"] = _rss_mb()
    return out


def _phrases() -> list[tuple[str, ...]]:
    from eventcoder.dictionaries.lexicon import default_lexicon
    return sorted(default_lexicon().phrases())


def _spacy(arts: list[Article]) -> dict:
    """spaCy's blank English pipeline with a sentencizer, and a PhraseMatcher over eventcoder's phrases: matching only."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("PHRASE", [nlp.make_doc(" ".join(p)) for p in _phrases()])
    texts = [a.text for a in arts]
    start, cpu = time.perf_counter(), time.process_time()
    found = sum(len(matcher(doc)) for doc in nlp.pipe(texts, batch_size=256))
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "matches": found}


def _aho(arts: list[Article]) -> dict:
    """One Aho-Corasick automaton over the same phrases, scanning the lower-cased text: the scan limit."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for p in _phrases():
        auto.add_word(" ".join(p), len(p))
    auto.make_automaton()
    texts = [a.text for a in arts]
    start, cpu = time.perf_counter(), time.process_time()
    found = sum(1 for t in texts for _ in auto.iter(t.lower()))
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "matches": found}


def _dask(dicts: list[dict]) -> dict:
    """The recipe of docs/scaling.md: a bag read from JSONL files, code_partition over each partition, one compute."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    from eventcoder.batch.scale import code_partition

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k in range(8):  # eight files, so eight partitions for two workers
            path = Path(tmp) / f"part{k}.jsonl"
            path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in dicts[k::8]), encoding="utf-8")
            paths.append(str(path))
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster, Client(cluster):
            start = time.perf_counter()
            outcomes = db.read_text(paths).map(json.loads).map_partitions(code_partition)
            rows = outcomes.map(lambda o: len(o["events"])).sum().compute()
            return {"seconds": time.perf_counter() - start, "events": rows}


def end_to_end(dicts: list[dict], repeats: int) -> dict[int, tuple[float, float, float]]:
    """`eventcoder code corpus.jsonl -o out.csv --jobs 1|2` as a user runs it: {jobs: (median seconds, peak RSS MB,
    median CPU seconds)}."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in dicts), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        times: dict[int, list[float]] = {1: [], 2: []}
        cpu: dict[int, list[float]] = {1: [], 2: []}
        rss: dict[int, float] = {1: 0.0, 2: 0.0}
        for _ in range(repeats):  # alternate and take medians: the machine is shared and noisy
            for jobs in (1, 2):
                start = time.perf_counter()
                proc = subprocess.Popen([sys.executable, "-m", "eventcoder", "code", str(src), "-o", str(Path(tmp) / f"out{jobs}.csv"),
                                         "-q", "--jobs", str(jobs)], env=env)
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                times[jobs].append(time.perf_counter() - start)
                if proc.returncode:
                    sys.exit(f"eventcoder code --jobs {jobs} failed ({proc.returncode})")
                rss[jobs] = max(rss[jobs], usage.ru_maxrss / 1024)  # the largest process of the tree
                cpu[jobs].append(usage.ru_utime + usage.ru_stime)  # the tree's CPU: less noisy than wall time on a busy machine
            if not (Path(tmp) / "datapackage.json").exists():
                sys.exit("eventcoder code wrote no datapackage.json")
        return {j: (sorted(ts)[len(ts) // 2], rss[j], sorted(cpu[j])[len(ts) // 2]) for j, ts in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=50_000, help="repeat the texts to at least this many sentences")
    ap.add_argument("--actors", type=int, default=25_000, help="actors of the grown dictionary")
    ap.add_argument("--repeats", type=int, default=3, help="runs of each CLI timing (the median is printed)")
    ap.add_argument("--scenario", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.scenario:
        print(json.dumps(scenario(args.scenario, args)))
        return

    def sub(name: str, **env: str) -> dict:
        proc = subprocess.run([sys.executable, __file__, "--scenario", name, "--sentences", str(args.sentences),
                               "--actors", str(args.actors)], capture_output=True, text=True, env={**os.environ, **env})
        if proc.returncode:
            sys.exit(f"scenario {name} failed:\n{proc.stderr[-2000:]}")
        return json.loads(proc.stdout.strip().splitlines()[-1])

    what, dicts, sentences = corpus(args.sentences)
    print(f"corpus: {what}: {len(dicts)} articles, {sentences} sentences; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs (ratios below are of CPU seconds, which a busy machine disturbs less than wall time)",
          flush=True)
    cold = sub("load", EVENTCODER_CACHE="off")["load"]
    sub("load")  # fills the compiled-dictionary cache if it is empty
    warm = sub("load")["load"]
    print(f"dictionary load: {cold:.2f} s cold (no cache), {warm:.2f} s cached", flush=True)
    d = sub("api")
    api = sentences / d["seconds"]
    print(f"API, one core: {api:,.0f} sentences/s ({sentences / d['cpu']:,.0f} per CPU second), "
          f"{d['articles'] / d['seconds']:,.0f} articles/s, {d['events']} events; "
          f"peak RSS {d['peak_rss_mb']:.0f} MB", flush=True)
    g = sub("grown")
    print(f"+{args.actors} actors: load {g['load_first']:.2f} s then {g['load_cached']:.2f} s (the first is cold only the "
          f"first time this dictionary is seen); {sentences / g['seconds']:,.0f} sentences/s, time ratio to default "
          f"{g['seconds'] / d['seconds']:.2f}; peak RSS {g['peak_rss_mb']:.0f} MB", flush=True)
    e = end_to_end(dicts, args.repeats)
    cli = sentences / e[1][0]
    print(f"CLI end to end (start-up, JSONL in, CSV and datapackage out; median of {args.repeats}): "
          f"--jobs 1 {e[1][0]:.2f} s = {cli:,.0f} sentences/s ({sentences / e[1][2]:,.0f} per CPU second), "
          f"peak RSS {e[1][1]:.0f} MB; "
          f"--jobs 2 {e[2][0]:.2f} s = {sentences / e[2][0]:,.0f} sentences/s, largest process {e[2][1]:.0f} MB; "
          f"jobs 2 / jobs 1 = {e[1][0] / e[2][0]:.2f}x", flush=True)
    for name, label, target in (("spacy", "spaCy blank English + sentencizer + PhraseMatcher (matching only)", 0.55),
                                ("aho", "one Aho-Corasick automaton over the same phrases (the scan limit)", 0.17)):
        try:
            r = sub(name)
        except SystemExit as exc:  # the bench extra is not installed
            print(f"reference {name}: not run ({str(exc).strip().splitlines()[-1]}; pip install '.[bench]')")
            continue
        ref = sentences / r["cpu"]
        print(f"reference, {label}: {sentences / r['seconds']:,.0f} sentences/s ({ref:,.0f} per CPU second), "
              f"{r['matches']} matches; per CPU second, eventcoder CLI end to end / it = {sentences / e[1][2] / ref:.2f}x, "
              f"API / it = {sentences / d['cpu'] / ref:.2f}x (target >= {target}x)", flush=True)
    try:
        k = sub("dask")
        print(f"Dask bag recipe, LocalCluster of 2 workers (cluster start-up not counted): {k['seconds']:.2f} s = "
              f"{sentences / k['seconds']:,.0f} sentences/s, {k['events']} events", flush=True)
    except SystemExit as exc:
        print(f"Dask recipe: not run ({str(exc).strip().splitlines()[-1]})")


if __name__ == "__main__":
    main()

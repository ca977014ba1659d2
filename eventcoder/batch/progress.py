"""Progress of a long batch on stderr: a bar on a terminal, plain lines in a log, nothing with -q.

On a terminal the bar is tqdm's (count, total when known, rate, ETA). tqdm is a small
pure-Python package with no dependencies of its own; if it is missing, plain lines are
printed instead. When stderr is not a terminal (a log file, CI, a pipe), a line every
few seconds says how far the batch is:

    eventcoder: 1012/5000 articles (20%), 2474 events, 202 articles/s, ETA 0:00:19

The total is counted before coding starts, from the inputs: one per .txt or .html
file, one per non-blank line of a .jsonl file, one per row of a .csv of articles;
standard input has no known total.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import IO, Iterable

EVERY = 5.0  # seconds between plain progress lines


def count_articles(inputs: Iterable[str]) -> int | None:
    """How many articles the inputs hold (as read_inputs would list them), or None when it cannot be known.

    >>> count_articles(["-"]) is None
    True
    """
    from eventcoder.io.articles import count_rows
    from eventcoder.io.readers import JSONL_SUFFIXES, _files

    total = 0
    for item in inputs:
        if item == "-":
            return None
        path = Path(item)
        files = _files(path, lambda message: None) if path.is_dir() else [path] if path.is_file() else []
        for f in files:
            suffix = f.suffix.lower()
            if suffix in JSONL_SUFFIXES:
                try:
                    with open(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    pass
            elif suffix == ".csv":
                total += count_rows(f)
            else:
                total += 1
    return total


def _duration(seconds: float) -> str:
    """H:MM:SS.

    >>> _duration(3725.2)
    '1:02:05'
    """
    s = int(round(seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def progress_line(done: int, total: int | None, events: int, elapsed: float) -> str:
    """One plain progress line.

    >>> progress_line(1012, 5000, 2474, 5.0)
    'eventcoder: 1012/5000 articles (20%), 2474 events, 202 articles/s, ETA 0:00:20'
    >>> progress_line(1012, None, 2474, 5.0)
    'eventcoder: 1012 articles, 2474 events, 202 articles/s'
    """
    rate = done / elapsed if elapsed > 0 else 0.0
    if total:
        eta = f", ETA {_duration((total - done) / rate)}" if rate > 0 and total >= done else ""
        return f"eventcoder: {done}/{total} articles ({100 * done // total}%), {events} events, {rate:.0f} articles/s{eta}"
    return f"eventcoder: {done} articles, {events} events, {rate:.0f} articles/s"


class Progress:
    """Call `update(done, events)` after each article and `close()` at the end.

    `mode` is "bar" (tqdm on a terminal), "lines" (plain lines every EVERY seconds) or "off" (quiet).
    """

    def __init__(self, total: int | None, *, quiet: bool = False, stream: IO[str] | None = None,
                 every: float | None = None, bar: bool | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.every = EVERY if every is None else every
        self._started = self._last = time.monotonic()
        self._bar = None
        self._done = 0
        if quiet:
            self.mode = "off"
            return
        on_terminal = bool(getattr(self.stream, "isatty", lambda: False)()) if bar is None else bar
        self.mode = "lines"
        if on_terminal:
            try:
                from tqdm import tqdm
            except ImportError:  # pragma: no cover - tqdm is a dependency, but a plain line will do
                return
            self._bar = tqdm(total=total, unit=" articles", file=self.stream, dynamic_ncols=True, mininterval=0.25,
                             leave=True, desc="eventcoder")
            self.mode = "bar"

    def update(self, done: int, events: int) -> None:
        if self.mode == "bar":
            self._bar.update(done - self._done)
            self._bar.set_postfix_str(f"{events} events", refresh=False)
        elif self.mode == "lines":
            now = time.monotonic()
            if now - self._last >= self.every:
                print(progress_line(done, self.total, events, now - self._started), file=self.stream)
                self._last = now
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

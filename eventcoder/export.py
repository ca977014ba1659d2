"""Writing and reading event tables (CSV, JSONL). Files are written atomically: temp file + rename."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import IO, Iterable, Iterator

from .model import COLUMNS, Event


@contextlib.contextmanager
def atomic_write(path: str | Path) -> Iterator[IO[str]]:
    """Open a text file that appears at `path` only when the block finishes without error.

    A reader never sees a half-written table, and a failed run leaves an older file untouched.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _cell(value: object) -> object:
    return "" if value is None else value


class CsvSink:
    """Writes events as CSV rows in COLUMNS order to an open text stream."""

    def __init__(self, fh: IO[str]):
        self._w = csv.writer(fh, lineterminator="\n")
        self._w.writerow(COLUMNS)

    def write(self, event: Event) -> None:
        self._w.writerow([_cell(getattr(event, c)) for c in COLUMNS])


class JsonlSink:
    """Writes one JSON object per event, keys in COLUMNS order."""

    def __init__(self, fh: IO[str]):
        self._fh = fh

    def write(self, event: Event) -> None:
        self._fh.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")


SINKS = {"csv": CsvSink, "jsonl": JsonlSink}


def write_events(events: Iterable[Event], path: str | Path, fmt: str = "csv") -> int:
    """Write events to `path` atomically in `fmt` (csv or jsonl); returns the number written.

    >>> import tempfile, os
    >>> write_events([], os.path.join(tempfile.mkdtemp(), "empty.csv"))
    0
    """
    n = 0
    with atomic_write(path) as fh:
        sink = SINKS[fmt](fh)
        for e in events:
            sink.write(e)
            n += 1
    return n


def events_to_csv(events: Iterable[Event]) -> str:
    """The CSV text for a list of events (header included)."""
    buf = io.StringIO()
    sink = CsvSink(buf)
    for e in events:
        sink.write(e)
    return buf.getvalue()


def read_csv(path_or_text: str | Path, *, text: bool = False) -> list[Event]:
    """Read events back from eventcoder CSV (a path, or the text itself with text=True)."""
    source = io.StringIO(str(path_or_text)) if text else open(path_or_text, encoding="utf-8", newline="")
    with source as fh:
        return [Event.from_dict(row) for row in csv.DictReader(fh)]


def read_jsonl(path: str | Path) -> list[Event]:
    """Read events back from eventcoder JSONL."""
    with open(path, encoding="utf-8") as fh:
        return [Event.from_dict(json.loads(line)) for line in fh if line.strip()]

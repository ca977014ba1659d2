"""Writing and reading event tables (CSV, JSONL, Parquet, GeoJSON). Files are written atomically: temp file + rename.

CSV cells are safe to open in a spreadsheet: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return (which Excel, LibreOffice and Google Sheets read as a formula) gets a leading `'`, as OWASP recommends for CSV
injection; so does a text cell that starts with `'` itself, so that `read_csv` can take exactly one `'` off every text
cell that has one and give back what was written. Number columns (latitude -3.5, fatalities) are never touched. A
row with a carriage return in a cell is written with its text cells quoted, so standard readers keep it one row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import operator
from pathlib import Path
from typing import IO, Iterable

import attrs

from eventcoder.io.atomic import atomic_write
from eventcoder.io.geojson import GeoJsonSink
from eventcoder.model import COLUMNS, Event

# a cell starting with one of these is a formula to a spreadsheet ("'" too, so the escape can be undone exactly)
FORMULA_STARTS = frozenset("=+-@\t\r'")
TEXT_COLUMNS: tuple[str, ...] = tuple(f.name for f in attrs.fields(Event) if f.type == "str")
_TEXT_INDEX = tuple(COLUMNS.index(name) for name in TEXT_COLUMNS)


def unescape_cell(cell: str) -> str:
    """A text cell as written, without the `'` SafeCsvWriter put before a would-be formula."""
    return cell[1:] if cell[:1] == "'" else cell


class SafeCsvWriter:
    """CSV rows a spreadsheet opens as data: text cells that would start a formula get a leading `'`, and a row with
    a bare carriage return is quoted so every reader keeps it one row. `text` names the cells that are text."""

    def __init__(self, fh: IO[str], header: tuple[str, ...], text: tuple[int, ...]):
        self._w = csv.writer(fh, lineterminator="\n")
        # csv.writer quotes "\n" (the line terminator) but not a bare "\r", which splits the row for most readers
        self._quoted = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
        self._text = text
        self._w.writerow(header)

    def writerow(self, cells: list) -> None:
        carriage = False
        for i in self._text:
            c = cells[i]
            if c:
                if c[0] in FORMULA_STARTS:
                    cells[i] = "'" + c
                if "\r" in c:
                    carriage = True
        (self._quoted if carriage else self._w).writerow(cells)


class CsvSink:
    """Writes events as CSV rows in COLUMNS order to an open text stream."""

    binary = False

    _cells = operator.attrgetter(*COLUMNS)  # one C-level call per row instead of 43 getattr calls

    def __init__(self, fh: IO[str]):
        self._w = SafeCsvWriter(fh, COLUMNS, _TEXT_INDEX)

    def write(self, event: Event) -> None:
        self._w.writerow(["" if v is None else v for v in self._cells(event)])

    def close(self) -> None:
        pass


CAMEO_COLUMNS = ("article_id", "source", "target", "event_code")
CAMEO_EXPLAINED = CAMEO_COLUMNS + ("sentence", "verb", "rule", "dictionary")


class CameoCsvSink:
    """Writes bare CAMEO (source, target, code) rows, as TABARI and PETRARCH give them, with the same CSV protection
    as events; `explained` adds each row's sentence, verb, deciding pattern and its file:line."""

    binary = False

    def __init__(self, fh: IO[str], explained: bool = False):
        header = CAMEO_EXPLAINED if explained else CAMEO_COLUMNS
        self._w = SafeCsvWriter(fh, header, tuple(i for i, name in enumerate(header) if name != "sentence"))

    def write(self, row: tuple) -> None:
        self._w.writerow(list(row))

    def close(self) -> None:
        pass


class JsonlSink:
    """Writes one JSON object per event, keys in COLUMNS order."""

    binary = False

    def __init__(self, fh: IO[str]):
        self._fh = fh

    def write(self, event: Event) -> None:
        self._fh.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


class ParquetSink:
    """Collects events and writes one Parquet table on close (needs the `parquet` extra: pyarrow)."""

    binary = True

    def __init__(self, fh: IO[bytes]):
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise RuntimeError("Parquet output needs pyarrow: pip install 'eventcoder[parquet]'") from exc
        self._fh = fh
        self._rows: list[dict] = []

    def write(self, event: Event) -> None:
        self._rows.append(event.to_dict())

    def close(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        for row in self._rows:  # a real date32 column, not text
            row["event_date"] = dt.date.fromisoformat(row["event_date"]) if row["event_date"] else None
        table = pa.Table.from_pylist(self._rows, schema=parquet_schema())
        pq.write_table(table, self._fh)


def parquet_schema():  # type: ignore[no-untyped-def]
    """Arrow schema of the event table, from the datapackage Table Schema: date32, int64, float64, string.

    Each field carries its Table Schema description as metadata.
    """
    import pyarrow as pa

    from eventcoder.io.datapackage import table_schema

    kinds = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "date": pa.date32()}
    return pa.schema([
        pa.field(f["name"], kinds[f["type"]], nullable=True, metadata={"description": f["description"]})
        for f in table_schema()["fields"]
    ])


SINKS = {"csv": CsvSink, "jsonl": JsonlSink, "parquet": ParquetSink, "geojson": GeoJsonSink}


def write_events(events: Iterable[Event], path: str | Path | IO, fmt: str = "csv", *, datapackage: bool = True) -> int:
    """Write events to `path` atomically as csv, jsonl, parquet or geojson; returns the number written.

    A CSV gets a datapackage.json (Frictionless Table Schema) beside it unless datapackage=False. `path` may also be
    an open stream (sys.stdout: text formats), written as the events come.

    >>> import tempfile, os
    >>> write_events([], os.path.join(tempfile.mkdtemp(), "empty.csv"))
    0
    """
    sink_class = SINKS[fmt]
    if not isinstance(path, (str, Path)):
        return _drain(events, sink_class(path))
    if fmt == "csv" and datapackage:
        from eventcoder.io.datapackage import check_datapackage

        check_datapackage(path)  # a descriptor that cannot be updated fails before the table is written
    with atomic_write(path, binary=sink_class.binary) as fh:
        n = _drain(events, sink_class(fh))
    if fmt == "csv" and datapackage:
        from eventcoder.io.datapackage import write_datapackage

        write_datapackage(path)
    return n


def write_cameo(rows: Iterable[tuple], path: str | Path | IO, *, explained: bool = False) -> int:
    """Write CAMEO rows (article id, source, target, code[, sentence, verb, rule, dictionary]) as CSV to a path
    (atomically) or an open stream; returns the number written."""
    if not isinstance(path, (str, Path)):
        return _drain(rows, CameoCsvSink(path, explained))
    with atomic_write(path) as fh:
        return _drain(rows, CameoCsvSink(fh, explained))


def _drain(items: Iterable, sink) -> int:  # type: ignore[no-untyped-def]
    n = 0
    for item in items:
        sink.write(item)
        n += 1
    sink.close()
    return n


def read_parquet(path: str | Path) -> list[Event]:
    """Read events back from eventcoder Parquet (needs pyarrow)."""
    import pyarrow.parquet as pq

    rows = pq.read_table(path).to_pylist()
    for row in rows:
        if isinstance(row.get("event_date"), dt.date):
            row["event_date"] = row["event_date"].isoformat()
    return [Event.from_dict(row) for row in rows]


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
        rows = []
        for row in csv.DictReader(fh):
            for name in TEXT_COLUMNS:
                cell = row[name]
                if cell[:1] == "'":
                    row[name] = cell[1:]
            rows.append(Event.from_dict(row))
        return rows


def read_jsonl(path: str | Path) -> list[Event]:
    """Read events back from eventcoder JSONL."""
    with open(path, encoding="utf-8") as fh:
        return [Event.from_dict(json.loads(line)) for line in fh if line.strip()]

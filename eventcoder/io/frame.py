"""Event tables as typed pandas DataFrames (needs the `pandas` extra).

The column types come from the datapackage Table Schema (`table_schema()`), the same
one written beside every CSV, so a DataFrame, the descriptor and the R and Stata
recipes cannot disagree:

- `string` columns are pandas strings; codes keep their leading zeros ("057") and an
  empty cell stays "" (as in the Event), it does not become NaN;
- `date` columns are datetime64 (midnight of the day);
- `integer` columns are nullable Int64 (an unreported `injuries` is <NA>, not a float);
- `number` columns are float64.

>>> dtypes = pandas_dtypes()
>>> (dtypes["cameo_code"], dtypes["injuries"], dtypes["latitude"], dtypes["event_date"])
('string', 'Int64', 'float64', 'datetime64[ns]')
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from eventcoder.io.sinks import TEXT_COLUMNS, unescape_cell
from eventcoder.io.datapackage import table_schema
from eventcoder.model import COLUMNS, Event

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# Table Schema field type -> pandas dtype
_PANDAS = {"string": "string", "integer": "Int64", "number": "float64", "date": "datetime64[ns]"}


def field_types() -> dict[str, str]:
    """Column name -> Table Schema type ("string", "integer", "number", "date"), in column order."""
    return {f["name"]: f["type"] for f in table_schema()["fields"]}


def pandas_dtypes() -> dict[str, str]:
    """Column name -> the pandas dtype a typed event DataFrame uses for it."""
    return {name: _PANDAS[kind] for name, kind in field_types().items()}


def _pandas():  # type: ignore[no-untyped-def]
    try:
        import pandas
    except ImportError as exc:
        raise RuntimeError("DataFrames need pandas: pip install 'eventcoder[pandas]'") from exc
    return pandas


def typed_frame(frame: "pd.DataFrame") -> "pd.DataFrame":
    """Give a frame of event columns (as read from any format, e.g. all strings) the Table Schema's types.

    Columns are put in the table's order; a column missing from `frame` is an error.
    """
    pd = _pandas()
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"not an eventcoder event table: missing column(s) {', '.join(missing)}")
    out = {}
    for name, kind in field_types().items():
        col = frame[name]
        if kind == "string":
            out[name] = col.where(col.notna(), "").astype("string")
        elif kind == "date":
            text = col.astype("string").str.slice(0, 10).replace("", pd.NA)
            out[name] = pd.to_datetime(text, format="%Y-%m-%d").astype("datetime64[ns]")
        else:
            if col.dtype == object or str(col.dtype).startswith("string"):
                col = col.replace("", pd.NA)
            numbers = pd.to_numeric(col)
            out[name] = numbers.astype(_PANDAS[kind])
    return pd.DataFrame(out, index=frame.index)


def events_to_frame(events: Iterable[Event]) -> "pd.DataFrame":
    """A typed DataFrame with one row per event, columns in table order.

    >>> events_to_frame([]).shape  # doctest: +SKIP
    (0, 43)
    """
    pd = _pandas()
    rows = [e.to_dict() for e in events]
    return typed_frame(pd.DataFrame.from_records(rows, columns=list(COLUMNS)))


def read_events(path: str | Path, fmt: str | None = None) -> "pd.DataFrame":
    """Read an eventcoder table (csv, jsonl or parquet; from the suffix unless `fmt` says) as a typed DataFrame."""
    pd = _pandas()
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".").lower()
    if fmt == "csv":
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        for name in TEXT_COLUMNS:  # the CSV's spreadsheet protection (a leading ') comes off, as read_csv does
            if name in raw:
                raw[name] = raw[name].map(unescape_cell)
    elif fmt == "jsonl":
        with open(path, encoding="utf-8") as fh:
            rows: list[dict[str, Any]] = [json.loads(line) for line in fh if line.strip()]
        raw = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    elif fmt == "parquet":
        raw = pd.read_parquet(path)
    else:
        raise ValueError(f"cannot read {path}: expected .csv, .jsonl or .parquet (or give fmt=)")
    return typed_frame(raw)


def frame_to_events(frame: "pd.DataFrame") -> list[Event]:
    """Events back from a typed frame (the inverse of events_to_frame)."""
    events = []
    for record in frame.to_dict("records"):
        row: dict[str, Any] = {}
        for name, kind in field_types().items():
            value = record[name]
            if value is None or (not isinstance(value, str) and _is_na(value)):
                row[name] = None if kind != "string" else ""
            elif kind == "date":
                row[name] = value.date().isoformat()
            elif kind == "integer":
                row[name] = int(value)
            elif kind == "number":
                row[name] = float(value)
            else:
                row[name] = str(value)
        events.append(Event.from_dict(row))
    return events


def _is_na(value: Any) -> bool:
    pd = _pandas()
    return bool(pd.isna(value))

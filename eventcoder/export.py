"""Writing and reading event tables: the public face of `eventcoder.io`.

`read_events` and `events_to_frame` give typed pandas DataFrames (the `pandas` extra).

>>> from eventcoder.export import write_events, read_csv  # doctest: +SKIP
"""

from eventcoder.io.atomic import atomic_write
from eventcoder.io.frame import events_to_frame, read_events
from eventcoder.io.sinks import SINKS, events_to_csv, read_csv, read_jsonl, read_parquet, write_cameo, write_events

__all__ = [
    "SINKS", "atomic_write", "events_to_csv", "events_to_frame", "read_csv", "read_events", "read_jsonl", "read_parquet",
    "write_cameo", "write_events",
]

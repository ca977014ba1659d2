"""GeoJSON output: one Feature per event, for QGIS, kepler.gl and web maps.

A FeatureCollection (RFC 7946) whose features have a Point geometry at
[longitude, latitude] (WGS84) and every event column as a property, in column
order. It is written as a stream, one feature per line, so a long batch does not
need to be held in memory.
"""

from __future__ import annotations

import json
from typing import IO, Any

from eventcoder.model import Event


def feature(event: Event) -> dict[str, Any]:
    """The GeoJSON Feature of one event (geometry null when the event has no coordinates)."""
    row = event.to_dict()
    lon, lat = row["longitude"], row["latitude"]
    geometry = None if lon is None or lat is None else {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": row["event_id_cnty"], "geometry": geometry, "properties": row}


class GeoJsonSink:
    """Writes a GeoJSON FeatureCollection of events to an open text stream."""

    binary = False

    def __init__(self, fh: IO[str]):
        self._fh = fh
        self._first = True
        fh.write('{"type": "FeatureCollection", "features": [')

    def write(self, event: Event) -> None:
        self._fh.write(("\n" if self._first else ",\n") + json.dumps(feature(event), ensure_ascii=False))
        self._first = False

    def close(self) -> None:
        self._fh.write("\n]}\n")

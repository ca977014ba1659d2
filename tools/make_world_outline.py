"""Build eventcoder/data/world110m.json, the country outlines drawn under the report's map.

Source: Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), as shipped
inside the geopandas 0.14 wheel (geopandas/datasets/naturalearth_lowres). Run once by hand:

    pip download geopandas==0.14.4 --no-deps -d /tmp/gpd
    python3 -m zipfile -e /tmp/gpd/geopandas-0.14.4-py3-none-any.whl /tmp/gpd/x
    pip install pyshp
    python3 tools/make_world_outline.py /tmp/gpd/x/geopandas/datasets/naturalearth_lowres/naturalearth_lowres

Each country becomes one SVG path in plate carree degrees (x = lon, y = -lat), rings thinned
with Douglas-Peucker at TOLERANCE degrees and rounded to 0.1 degree, so the file stays small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shapefile  # pyshp: only this tool needs it

TOLERANCE = 0.15


def _thin(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        worst, at = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > worst:
                worst, at = d, i
        if worst > tol:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep) if k]


def _path(shape) -> str:  # type: ignore[no-untyped-def]
    parts = list(shape.parts) + [len(shape.points)]
    out = []
    for start, end in zip(parts, parts[1:]):
        ring = _thin([tuple(p) for p in shape.points[start:end]], TOLERANCE)
        cells = []
        last = None
        for x, y in ring:
            cell = f"{round(x, 1):g} {round(-y, 1):g}"
            if cell != last:
                cells.append(cell)
            last = cell
        if len(cells) >= 3:
            out.append("M" + "L".join(cells) + "Z")
    return "".join(out)


def main(stem: str) -> None:
    reader = shapefile.Reader(stem)
    names = [f[0] for f in reader.fields[1:]]
    countries = []
    for shape, record in zip(reader.shapes(), reader.records()):
        row = dict(zip(names, record))
        d = _path(shape)
        if d:
            countries.append({"name": row["name"], "iso3": row["iso_a3"], "d": d})
    data = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), naturalearthdata.com; thinned by tools/make_world_outline.py",
        "countries": sorted(countries, key=lambda c: c["name"]),
    }
    target = Path(__file__).resolve().parents[1] / "eventcoder" / "data" / "world110m.json"
    target.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries -> {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])

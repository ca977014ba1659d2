"""`eventcoder report`: one self-contained HTML page about an event table.

Everything the page needs is inside it: CSS, a few lines of JavaScript (table filter
and sort), the data, and inline SVG for the map and the charts, drawn here in
Python. Nothing is fetched when the page is opened, so it works offline and can be
mailed or archived as one file.

The map draws Natural Earth 1:110m country outlines (public domain; bundled as
eventcoder/data/world110m.json) in a plate carree projection stretched by the cosine
of the middle latitude, zoomed to the events.

>>> page = report_html([])
>>> "<svg" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
True
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
from functools import lru_cache
from typing import Sequence

from eventcoder import __version__
from eventcoder.model import Event
from eventcoder.report.tables import NO_TYPE, Count, count_by, event_type, place, top_actors, week, weeks_between
from eventcoder.resources import data_text

# one colour per ACLED event type (colour-blind-safe-ish, after the Okabe-Ito palette)
TYPE_COLOURS = {
    "Battles": "#d55e00",
    "Explosions/Remote violence": "#e69f00",
    "Violence against civilians": "#cc79a7",
    "Protests": "#009e73",
    "Riots": "#f0e442",
    "Strategic developments": "#0072b2",
    NO_TYPE: "#8c8c8c",
}
MAP_WIDTH_PX = 860  # the map's drawn width, used to size the points in map units
MAP_LABELS = 12  # places named on the map: the ones with most fatalities, then most events
MIN_WEEKS = 8  # weeks shown at least on the weekly charts
_SENTENCE = re.compile(r"Sentence (\d+): (.*)\Z", re.S)


@lru_cache(maxsize=1)
def world() -> list[dict[str, str]]:
    """The bundled country outlines: name, iso3 and an SVG path in (lon, -lat) degrees."""
    return json.loads(data_text("world110m.json"))["countries"]


def source_sentence(notes: str) -> tuple[int | None, str]:
    """The sentence index and text at the end of a row's notes ("... Sentence 3: text").

    >>> source_sentence("On 1 May 2024, X (Attack). 5 fatalities. Sentence 3: Gunmen killed five.")
    (3, 'Gunmen killed five.')
    """
    m = _SENTENCE.search(notes or "")
    return (int(m.group(1)), m.group(2).strip()) if m else (None, notes or "")


def radius_px(fatalities: int, most: int = 0) -> float:
    """Point radius on the map: area grows with fatalities, 4 px with none, 28 px for the most
    at one point (or for 50, when no point has that many).

    >>> radius_px(0), radius_px(50), radius_px(200, most=200)
    (4.0, 28.0, 28.0)
    """
    return 4.0 + 24.0 * math.sqrt(max(fatalities, 0) / max(most, 50))


def _round_down(value: float) -> int:
    """1, 2 or 5 times a power of ten, at most `value` (and at least 1)."""
    if value < 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return int(max(m * power for m in (1, 2, 5) if m * power <= value))


def _count(n: int, one: str, many: str = "") -> str:
    return f"<b>{n}</b> {one if n == 1 else many or one + 's'}"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _colour(kind: str) -> str:
    return TYPE_COLOURS.get(kind, "#555555")


# -- map ------------------------------------------------------------------------------------

def _extent(events: Sequence[Event]) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the events, padded, at least 50 x 28 degrees, inside the world."""
    lons = [e.longitude for e in events if e.longitude is not None]
    lats = [e.latitude for e in events if e.latitude is not None]
    if not lons:
        return (-180.0, -60.0, 180.0, 84.0)
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad_x, pad_y = max((east - west) * 0.08, 4.0), max((north - south) * 0.12, 4.0)
    west, east, south, north = west - pad_x, east + pad_x, south - pad_y, north + pad_y
    for lo, hi, least, limits, i in ((west, east, 50.0, (-180.0, 180.0), 0), (south, north, 28.0, (-60.0, 84.0), 1)):
        if hi - lo < least:
            mid = (lo + hi) / 2
            lo, hi = mid - least / 2, mid + least / 2
        lo, hi = max(lo, limits[0]), min(hi, limits[1])
        if i == 0:
            west, east = lo, hi
        else:
            south, north = lo, hi
    # no wider than 1.7 times its height on screen, so a spread of events still gets a readable map
    kx = max(math.cos(math.radians((south + north) / 2)), 0.5)
    want = (east - west) * kx / 1.7
    if north - south < want:
        grow = (want - (north - south)) / 2
        south, north = max(south - grow, -60.0), min(north + grow, 84.0)
    return west, south, east, north


def map_svg(events: Sequence[Event], linked: int | None = None) -> str:
    """The map; a point links to the row of its first event when that row is among the first `linked` shown."""
    linked = len(events) if linked is None else linked
    west, south, east, north = _extent(events)
    kx = max(math.cos(math.radians((south + north) / 2)), 0.5)
    x0, width = west * kx, (east - west) * kx
    y0, height = -north, north - south
    unit = width / MAP_WIDTH_PX  # map units per pixel
    parts = [
        f'<svg class="map" viewBox="{x0:.3f} {y0:.3f} {width:.3f} {height:.3f}" preserveAspectRatio="xMidYMid meet" '
        f'role="img" aria-label="Map of {len(events)} events" xmlns="http://www.w3.org/2000/svg">',
        f'<rect x="{x0:.3f}" y="{y0:.3f}" width="{width:.3f}" height="{height:.3f}" class="sea"/>',
        f'<g class="land" transform="scale({kx:.5f},1)">',
    ]
    parts += [f'<path d="{c["d"]}"><title>{_e(c["name"])}</title></path>' for c in world()]
    parts.append("</g>")
    # one point per place and event type: a long batch has thousands of events at a few hundred places
    groups: dict[tuple[float, float, str], list[int]] = {}
    for i, e in enumerate(events):
        if e.longitude is not None and e.latitude is not None:
            groups.setdefault((round(e.longitude, 3), round(e.latitude, 3), event_type(e)), []).append(i)
    points = sorted(groups.items(), key=lambda g: -sum(events[i].fatalities or 0 for i in g[1]))  # big first, small on top
    most = sum(events[i].fatalities or 0 for i in points[0][1]) if points else 0
    for (lon, lat, kind), members in points:
        e = events[members[0]]
        fatalities = sum(events[i].fatalities or 0 for i in members)
        r = radius_px(fatalities, most) * unit
        if len(members) == 1:
            tip = f"{e.event_date} {e.sub_event_type or e.cameo_code}: {e.actor1}" + (f" vs {e.actor2}" if e.actor2 else "")
            tip += f" in {place(e)}; {fatalities} fatalities"
        else:
            tip = f"{len(members)} events ({kind}) in {place(e)}; {fatalities} fatalities"
        href = f"#ev-{members[0]}" if members[0] < linked else "#rows"
        parts.append(
            f'<a href="{href}"><circle cx="{lon * kx:.3f}" cy="{-lat:.3f}" r="{r:.3f}" fill="{_colour(kind)}" '
            f'stroke-width="{unit * 1.2:.4f}" data-type="{_e(kind)}" data-n="{len(members)}"><title>{_e(tip)}</title></circle></a>'
        )
    parts.append(_labels(events, groups, kx, unit, right=x0 + 0.82 * width))
    parts.append("</svg>")
    return "".join(parts)


def _labels(events: Sequence[Event], groups: dict[tuple[float, float, str], list[int]], kx: float, unit: float,
            right: float) -> str:
    """Names of the places with most fatalities (then events), beside their points, when there are few enough to read.

    A name goes right of its point, or left of it east of `right` (map units), so it stays on the map.
    """
    at: dict[tuple[float, float], list[int]] = {}
    for (lon, lat, _), members in groups.items():
        at.setdefault((lon, lat), []).extend(members)
    if len(at) > 3 * MAP_LABELS:
        return ""
    ranked = sorted(at.items(), key=lambda p: (-sum(events[i].fatalities or 0 for i in p[1]), -len(p[1])))[:MAP_LABELS]
    most = _most_at_one_point(events)
    out = ['<g class="labels">']
    for (lon, lat), members in ranked:
        r = max(radius_px(sum(events[i].fatalities or 0 for i in g), most) for k, g in groups.items() if k[:2] == (lon, lat))
        e = events[members[0]]
        x, anchor = lon * kx + (r + 3) * unit, "start"
        if lon * kx > right:
            x, anchor = lon * kx - (r + 3) * unit, "end"
        out.append(f'<text x="{x:.3f}" y="{-lat + 4 * unit:.3f}" font-size="{11.5 * unit:.4f}" text-anchor="{anchor}" '
                   f'stroke-width="{3 * unit:.4f}">{_e(e.location)}</text>')
    out.append("</g>")
    return "".join(out)


def _most_at_one_point(events: Sequence[Event]) -> int:
    totals: dict[tuple[float, float, str], int] = {}
    for e in events:
        if e.longitude is not None and e.latitude is not None:
            key = (round(e.longitude, 3), round(e.latitude, 3), event_type(e))
            totals[key] = totals.get(key, 0) + (e.fatalities or 0)
    return max(totals.values(), default=0)


def map_legend(events: Sequence[Event]) -> str:
    kinds = [c.key for c in count_by(events, event_type)]
    items = "".join(
        f'<li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill="{_colour(k)}"/></svg>{_e(k)}</li>'
        for k in kinds
    )
    most = _most_at_one_point(events)
    top = _round_down(max(most, 50))
    sizes = "".join(
        f'<li><svg width="{2 * radius_px(f, most) + 2:.0f}" height="{2 * radius_px(f, most) + 2:.0f}" aria-hidden="true">'
        f'<circle cx="{radius_px(f, most) + 1:.1f}" cy="{radius_px(f, most) + 1:.1f}" r="{radius_px(f, most):.1f}" class="size"/></svg>{f}</li>'
        for f in (0, _round_down(top / 5), top)
    )
    return f'<ul class="legend">{items}</ul><ul class="legend sizes"><li class="caption">fatalities</li>{sizes}</ul>'


# -- charts ---------------------------------------------------------------------------------

def _axis(value: float) -> tuple[float, float]:
    """(top, step) of a y axis for data up to `value`: steps of 1, 2 or 5 times a power of ten, whole numbers."""
    if value <= 0:
        return 1.0, 1.0
    rough = value / 4
    power = 10 ** max(math.floor(math.log10(rough)), 0)
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    return step * math.ceil(value / step), float(step)


def weekly_chart(events: Sequence[Event], *, measure: str, title: str) -> str:
    """Bars per week, stacked by event type; measure "events" or "fatalities"."""
    if not events:
        return f'<figure class="chart"><figcaption>{_e(title)}</figcaption><p class="empty">No events.</p></figure>'
    dates = sorted(e.event_date for e in events)
    weeks = weeks_between(dates[0], dates[-1])
    if len(weeks) < MIN_WEEKS:  # a short batch gets empty weeks around it, not one wall-wide bar
        start = dt.date.fromisoformat(weeks[0]) - dt.timedelta(weeks=(MIN_WEEKS - len(weeks)) // 2)
        weeks = weeks_between(start.isoformat(), (start + dt.timedelta(weeks=MIN_WEEKS - 1)).isoformat())
    index = {w: i for i, w in enumerate(weeks)}
    kinds = [c.key for c in count_by(events, event_type)]
    stacks = [[0] * len(kinds) for _ in weeks]
    for e in events:
        stacks[index[week(e)]][kinds.index(event_type(e))] += 1 if measure == "events" else (e.fatalities or 0)
    top, step = _axis(max(sum(s) for s in stacks))
    w, h, left, bottom, right, topm = 600.0, 220.0, 40.0, 34.0, 8.0, 10.0
    plot_w, plot_h = w - left - right, h - bottom - topm
    bar = plot_w / len(weeks)
    out = [f'<figure class="chart"><figcaption>{_e(title)}</figcaption>'
           f'<svg viewBox="0 0 {w:.0f} {h:.0f}" role="img" aria-label="{_e(title)}" xmlns="http://www.w3.org/2000/svg">']
    for k in range(int(round(top / step)) + 1):  # gridlines and y labels
        value = step * k
        y = topm + plot_h - plot_h * value / top
        out.append(f'<line x1="{left}" x2="{w - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                   f'<text x="{left - 5}" y="{y + 4:.1f}" class="ylab">{value:g}</text>')
    for i, (wk, stack) in enumerate(zip(weeks, stacks)):
        y = topm + plot_h
        x = left + i * bar
        for kind, value in zip(kinds, stack):
            if not value:
                continue
            bh = plot_h * value / top
            y -= bh
            out.append(f'<rect x="{x + bar * 0.12:.1f}" y="{y:.1f}" width="{max(bar * 0.76, 1):.1f}" height="{bh:.1f}" '
                       f'fill="{_colour(kind)}"><title>week of {wk}: {value} {measure} ({_e(kind)})</title></rect>')
    last_month = ""
    for i, wk in enumerate(weeks):  # a label at the first week of each month, thinned when crowded
        label = dt.date.fromisoformat(wk).strftime("%b %Y")
        if label != last_month:
            last_month = label
            if len(weeks) > 30 and dt.date.fromisoformat(wk).month % 2 == 0 and len(weeks) <= 80:
                continue
            if len(weeks) > 80 and dt.date.fromisoformat(wk).month not in (1, 7):
                continue
            x = left + i * bar
            out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{topm + plot_h:.1f}" y2="{topm + plot_h + 5:.1f}" class="tick"/>'
                       f'<text x="{x:.1f}" y="{h - 12:.1f}" class="xlab">{label}</text>')
    out.append(f'<line x1="{left}" x2="{w - right}" y1="{topm + plot_h:.1f}" y2="{topm + plot_h:.1f}" class="axis"/>')
    out.append("</svg></figure>")
    return "".join(out)


def bars_table(rows: Sequence[Count], heading: str, *, colours: bool = False) -> str:
    """A small table with inline bars for events and fatalities."""
    if not rows:
        return f'<table class="bars"><caption>{_e(heading)}</caption><tr><td class="empty">No events.</td></tr></table>'
    most_e = max(r.events for r in rows) or 1
    most_f = max(r.fatalities for r in rows) or 1
    body = []
    for r in rows:
        swatch = f'<span class="swatch" style="background:{_colour(r.key)}"></span>' if colours else ""
        body.append(
            f'<tr><th scope="row"><span class="label">{swatch}<span>{_e(r.key)}</span></span></th>'
            f'<td class="num">{r.events}</td><td class="bar"><span style="width:{100 * r.events / most_e:.1f}%"></span></td>'
            f'<td class="num">{r.fatalities}</td><td class="bar fat"><span style="width:{100 * r.fatalities / most_f:.1f}%"></span></td></tr>'
        )
    return (f'<table class="bars"><caption>{_e(heading)}</caption>'
            '<thead><tr><th></th><th colspan="2">events</th><th colspan="2">fatalities</th></tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


# -- events table ---------------------------------------------------------------------------

def events_table(events: Sequence[Event]) -> str:
    head = ("date", "type", "actor 1", "actor 2", "place", "fatalities", "source sentence", "article")
    rows = []
    for i, e in enumerate(events):  # the caller passes the rows to show
        n, sentence = source_sentence(e.notes)
        kind = event_type(e)
        label = f'<span class="sent">S{n}</span> ' if n is not None else ""
        rows.append(
            f'<tr id="ev-{i}"><td class="date">{_e(e.event_date)}</td>'
            f'<td><span class="swatch" style="background:{_colour(kind)}"></span>{_e(e.sub_event_type or kind)}'
            f'<div class="sub">CAMEO {_e(e.cameo_code)}</div></td>'
            f"<td>{_e(e.actor1)}</td><td>{_e(e.actor2)}</td><td>{_e(place(e))}</td>"
            f'<td class="num">{e.fatalities}</td>'
            f'<td class="sentence" title="{_e(e.notes)}">{label}{_e(sentence)}</td>'
            f'<td class="article">{_e(e.article_id)}<div class="sub">{_e(e.source)}</div></td></tr>'
        )
    header = "".join(f'<th scope="col" data-col="{i}">{h}</th>' for i, h in enumerate(head))
    return (f'<table id="events" class="events"><thead><tr>{header}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


# -- page -----------------------------------------------------------------------------------

_CSS = """
:root { --ink:#1d2733; --muted:#5f6b78; --line:#dde3ea; --panel:#ffffff; --bg:#f3f5f8; --fat:#b8433a; --bar:#4a6fa5; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
       color: var(--ink); background: var(--bg); }
header { padding: 18px 28px 10px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 0 0 8px; }
.facts { color: var(--muted); margin: 0; }
.facts b { color: var(--ink); }
main { padding: 0 28px 28px; display: grid; gap: 16px; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
.wide { grid-column: 1 / -1; }
.map { width: 100%; height: auto; display: block; border-radius: 4px; }
.map .sea { fill: #dfeaf3; }
.map .land path { fill: #f4f1ea; stroke: #a9b3bd; stroke-width: 0.6px; vector-effect: non-scaling-stroke; }
.map circle { fill-opacity: 0.82; stroke: #ffffff; }
.map a:hover circle { fill-opacity: 1; stroke: #1d2733; }
.map .labels text { fill: #27323d; stroke: #ffffff; paint-order: stroke; stroke-linejoin: round; pointer-events: none; }
.legend { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 4px 14px; color: var(--muted); align-items: center; }
.legend li { display: flex; align-items: center; gap: 5px; }
.legend .size { fill: none; stroke: #6b7682; }
.legend .caption { font-style: italic; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; margin-bottom: 4px; }
.chart svg { width: 100%; height: auto; display: block; }
.chart .grid { stroke: #e7ebf0; }
.chart .axis, .chart .tick { stroke: #8d98a3; }
.chart text { font-size: 11px; fill: var(--muted); }
.chart .ylab { text-anchor: end; }
.chart .xlab { text-anchor: start; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
.bars th, .bars td { padding: 3px 4px; border-bottom: 1px solid #eef1f4; vertical-align: middle; }
.bars thead th { color: var(--muted); font-weight: normal; font-size: 12px; text-align: left; }
.bars th[scope=row] { text-align: left; font-weight: normal; width: 44%; }
.bars .label { display: flex; align-items: center; }
.bars .label .swatch { flex: none; }
.bars .num { text-align: right; width: 3em; font-variant-numeric: tabular-nums; }
.bars .bar { width: 22%; }
.bars .bar span { display: block; height: 9px; background: var(--bar); border-radius: 2px; min-width: 1px; }
.bars .bar.fat span { background: var(--fat); }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; vertical-align: baseline; }
.tables { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.tools { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; }
.tools input { font: inherit; padding: 5px 8px; border: 1px solid var(--line); border-radius: 4px; width: 22em; }
.tools .count { color: var(--muted); }
.events th, .events td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eef1f4; vertical-align: top; }
.events thead th { position: sticky; top: 0; background: #f8fafc; cursor: pointer; user-select: none; font-size: 12px; color: var(--muted); }
.events thead th[aria-sort=ascending]::after { content: " \\25B2"; }
.events thead th[aria-sort=descending]::after { content: " \\25BC"; }
.events .num { text-align: right; font-variant-numeric: tabular-nums; }
.events .date { white-space: nowrap; }
.events .sentence { max-width: 34em; }
.events .sub { color: var(--muted); font-size: 12px; }
.events .sent { display: inline-block; font-size: 11px; color: #fff; background: #6b7682; border-radius: 3px; padding: 0 4px; }
.events tr:target { background: #fff6d6; }
.empty, .more { color: var(--muted); }
footer { color: var(--muted); padding: 0 28px 24px; font-size: 12px; }
@media (max-width: 900px) { main, .charts, .tables { grid-template-columns: 1fr; } }
"""

_JS = """
(function () {
  var table = document.getElementById("events");
  var box = document.getElementById("filter");
  var count = document.getElementById("shown");
  if (!table || !box) { document.body.setAttribute("data-ready", "1"); return; }
  var body = table.tBodies[0];
  function update() {
    var q = box.value.toLowerCase(), shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var hit = !q || row.textContent.toLowerCase().indexOf(q) !== -1;
      row.hidden = !hit;
      if (hit) { shown += 1; }
    });
    count.textContent = shown + " of " + body.rows.length + " events";
  }
  box.addEventListener("input", update);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    th.addEventListener("click", function () {
      var down = th.getAttribute("aria-sort") === "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", down ? "descending" : "ascending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].textContent, y = b.cells[col].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (col === 5 && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return down ? -c : c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  update();
  document.body.setAttribute("data-ready", "1");
})();
"""


MAX_ROWS = 2000  # rows listed in the table; counts, charts and map always use every event


def report_html(events: Sequence[Event], title: str = "Events", max_rows: int = MAX_ROWS) -> str:
    """The whole report page for `events` as one HTML string (rows in date order, the first `max_rows` listed)."""
    events = sorted(events, key=lambda e: e.event_date)
    shown = events[:max_rows]
    more = (f'<p class="more">The first {len(shown)} of {len(events)} rows by date are listed here; the table file has them all '
            "(<code>--max-rows</code> lists more).</p>") if len(shown) < len(events) else ""
    total = sum(e.fatalities or 0 for e in events)
    dates = sorted(e.event_date for e in events)
    countries = {e.country for e in events if e.country}
    articles = {e.article_id for e in events}
    span = f"{dates[0]} to {dates[-1]}" if dates else "no dates"
    facts = " · ".join([_count(len(events), "event"), _count(total, "fatality", "fatalities"),
                        _count(len(countries), "country", "countries"), _count(len(articles), "article"), span])
    places = count_by(events, place)[:10]
    body = f"""<header><h1>{_e(title)}</h1><p class="facts">{facts}</p></header>
<main>
<section id="map"><h2>Where</h2>{map_svg(events, linked=len(shown))}{map_legend(events)}</section>
<section id="types">{bars_table(count_by(events, event_type), "By event type", colours=True)}
{bars_table(count_by(events, lambda e: e.country)[:10], "By country")}</section>
<section class="wide charts" id="weeks">{weekly_chart(events, measure="events", title="Events per week")}
{weekly_chart(events, measure="fatalities", title="Fatalities per week")}</section>
<section class="wide tables" id="top">{bars_table(top_actors(events), "Top actors")}{bars_table(places, "Top places")}</section>
<section class="wide" id="rows"><h2>Events and their source sentences</h2>
<div class="tools"><input id="filter" type="search" placeholder="Filter rows (actor, place, type, words)" aria-label="Filter rows">
<span class="count" id="shown">{len(shown)} events</span></div>
{more}{events_table(shown)}</section>
</main>
<footer>Made by eventcoder {__version__}. Points are sized by fatalities and coloured by
ACLED event type (one point per place and type); click one to see its row. Country outlines: Natural Earth 1:110m (public domain).
Click a column heading to sort.</footer>"""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{_e(title)}</title><style>{_CSS}</style></head>
<body>
{body}
<script>{_JS}</script>
</body></html>
"""

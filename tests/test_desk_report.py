"""The HTML report, `summary` and `recipe` commands (issue #17); the browser test skips without chromium."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser

import pytest

from eventcoder.cli import main
from eventcoder.export import write_events
from eventcoder.report.page import report_html, source_sentence
from eventcoder.report.summary import summary_csv
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def events(coder):
    from eventcoder.io.readers import read_inputs

    return [e for a in read_inputs([str(SEEDS)]) for e in coder.code(a)]


@pytest.fixture(scope="module")
def page(events):
    return report_html(events, title="Seeds")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_report_loads_nothing_from_outside(page):
    tags = _tags(page)
    assert not [t for t, a in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert all("src" not in a for t, a in tags if t == "script")  # inline only
    hrefs = [a["href"] for t, a in tags if "href" in a]
    assert hrefs and all(h.startswith("#") for h in hrefs)
    assert not re.search(r"url\(|@import", page)
    assert "default-src 'none'" in page  # the page forbids any fetch, so a slip would show as an error


def test_report_shows_every_event_with_its_sentence(events, page):
    tags = _tags(page)
    circles = [a for t, a in tags if t == "circle" and "data-type" in a]
    assert sum(int(a["data-n"]) for a in circles) == len(events)  # one point per place and type
    assert len(circles) == len({(e.longitude, e.latitude, e.event_type) for e in events})
    rows = [a["id"] for t, a in tags if t == "tr" and a.get("id", "").startswith("ev-")]
    assert rows == [f"ev-{i}" for i in range(len(events))]
    for e in events:
        n, sentence = source_sentence(e.notes)
        assert n == e.sentence_index
        assert sentence.replace("'", "&#x27;").replace('"', "&quot;")[:40] in page
    assert len([t for t, a in tags if t == "path"]) > 150  # the world outline is drawn
    for caption in ("Events per week", "Fatalities per week", "Top actors", "Top places", "By event type", "By country"):
        assert caption in page


def test_long_tables_list_the_first_rows(events):
    page = report_html(events, max_rows=5)
    rows = [a["id"] for t, a in _tags(page) if t == "tr" and a.get("id", "").startswith("ev-")]
    assert rows == [f"ev-{i}" for i in range(5)] and f"first 5 of {len(events)} rows" in page
    assert f"<b>{len(events)}</b> events" in page


def test_report_of_no_events_is_a_page():
    page = report_html([])
    assert "0</b> events" in page and "No events." in page


def test_report_and_summary_commands(events, tmp_path, capsys):
    table = tmp_path / "out.csv"
    write_events(events, table)
    out = tmp_path / "report.html"
    assert main(["report", str(table), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    capsys.readouterr()
    assert main(["summary", str(table)]) == 0
    md = capsys.readouterr().out
    assert md.startswith(f"# out.csv: {len(events)} events") and "## By country" in md and "## By month" in md
    assert main(["summary", str(table), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    for table_name in ("country", "month", "event_type"):
        part = [r for r in rows if r["table"] == table_name]
        assert sum(int(r["events"]) for r in part) == len(events)
        assert sum(int(r["fatalities"]) for r in part) == sum(e.fatalities for e in events)
    assert summary_csv(events) == "\n".join(
        ["table,key,events,fatalities"] + [f"{r['table']},{r['key']},{r['events']},{r['fatalities']}" for r in rows]) + "\n"
    assert main(["report", str(tmp_path / "missing.csv"), "-o", str(out)]) == 2


def _chromium() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def _run_chromium(args: list[str]) -> subprocess.CompletedProcess:
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as profile:
        flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0"]
        return subprocess.run(flags + args, capture_output=True, text=True, timeout=120)


def test_report_in_a_headless_browser(events, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(report_html(events, title="Seeds"), encoding="utf-8")
    proc = _run_chromium(["--virtual-time-budget=3000", "--dump-dom", path.as_uri()])
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []  # no script error, no blocked fetch
    assert 'data-ready="1"' in proc.stdout  # the page's script ran to its end
    assert f"{len(events)} of {len(events)} events" in proc.stdout
    shot = tmp_path / "report.png"
    proc = _run_chromium(["--hide-scrollbars", "--window-size=1400,1000", f"--screenshot={shot}", path.as_uri()])
    assert proc.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000

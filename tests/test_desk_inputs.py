"""Articles from a CSV of articles and from saved HTML pages (issue #17)."""

from __future__ import annotations

import csv
import datetime as dt
import sys

import pytest

from eventcoder.cli import main
from eventcoder.io.articles import ArticleColumns, article_from_html, read_articles_csv
from eventcoder.io.readers import InputProblem, read_inputs
from eventcoder.model import Article

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Gunmen kill five in Gwoza | Example Wire</title>
<meta property="og:title" content="Gunmen kill five villagers in Gwoza">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2024-05-13T09:30:00Z">
<link rel="canonical" href="https://example.org/news/gwoza-attack">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> Subscribe to our newsletter</nav></header>
<main><article>
<h1>Gunmen kill five villagers in Gwoza</h1>
<p>Gunmen killed five villagers in Gwoza on Sunday, local officials said, in the latest attack in Borno state.</p>
<p>Residents said the attackers arrived on motorcycles late in the evening and set fire to several houses before fleeing.</p>
<p>No group has claimed responsibility for the attack, but the area has seen repeated raids by armed groups in recent months.</p>
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Football results from the weekend</a></li><li><a href="/b">Weather forecast</a></li></ul></aside>
<footer>Copyright 2024 Example Wire. All rights reserved. Privacy policy. Cookie settings.</footer>
</body></html>
"""


def _write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_csv_of_articles_with_the_usual_names(tmp_path):
    path = _write_csv(tmp_path / "a.csv", ["id", "Title", "text", "published", "source", "url"], [
        ["n1", "Protest", "Police fired tear gas at protesters in Nairobi on Tuesday.", "2024-06-26", "Daily", "https://x.test/1"],
        ["n2", "Strike", "A missile strike killed three people in Kharkiv on Monday.", "May 27, 2024", "", ""],
    ])
    items = list(read_articles_csv(path))
    assert items == [
        Article("n1", "Police fired tear gas at protesters in Nairobi on Tuesday.", "Protest", dt.date(2024, 6, 26), "Daily", "https://x.test/1"),
        Article("n2", "A missile strike killed three people in Kharkiv on Monday.", "Strike", dt.date(2024, 5, 27)),
    ]


def test_csv_columns_named_on_the_command_line(tmp_path):
    src = _write_csv(tmp_path / "in.csv", ["doc", "head", "story_text", "when", "paper", "link"], [
        ["k1", "Strike in Kharkiv", "A Russian missile strike killed three people in Kharkiv on Monday, officials said.",
         "2024-05-28", "Example Post", "https://x.test/k1"],
    ])
    out = tmp_path / "out.csv"
    assert main(["code", str(src), "-o", str(out), "-q", "--text-column", "story_text", "--id-column", "doc",
                 "--date-column", "when", "--title-column", "head", "--source-column", "paper", "--url-column", "link"]) == 0
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert [(r["article_id"], r["event_date"], r["fatalities"], r["source"]) for r in rows] == [("k1", "2024-05-27", "3", "Example Post")]


def test_csv_problems_are_reported_and_reading_goes_on(tmp_path):
    path = _write_csv(tmp_path / "a.csv", ["body", "date"], [
        ["Rebels attacked a convoy.", "yesterday-ish"], ["", "2024-01-01"], ["Police arrested 12 protesters.", ""],
    ])
    items = list(read_articles_csv(path, published=dt.date(2024, 2, 1)))
    assert [type(i) for i in items] == [InputProblem, InputProblem, Article]
    assert "cannot read the date" in items[0].message and "no text" in items[1].message
    assert items[2].id == "a:4" and items[2].published == dt.date(2024, 2, 1)
    missing = list(read_articles_csv(path, ArticleColumns(text="story")))
    assert len(missing) == 1 and "no text column (story) among body, date" in missing[0].message
    nothing = list(read_articles_csv(_write_csv(tmp_path / "b.csv", ["x"], [["1"]])))
    assert "--text-column" in nothing[0].message


def test_an_event_table_in_an_input_folder_is_not_read_as_articles(tmp_path):
    _write_csv(tmp_path / "events.csv", ["event_id_cnty", "event_date", "cameo_code"], [["NGA1", "2024-01-01", "190"]])
    (tmp_path / "a.txt").write_text("Title\n\nGunmen killed five villagers in Gwoza on Sunday.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], dt.date(2024, 5, 13)))
    assert [type(i) for i in items] == [Article, InputProblem] and "event table" in items[1].message


def test_saved_html_page(tmp_path):
    pytest.importorskip("trafilatura")
    item = article_from_html(PAGE, "gwoza")
    assert isinstance(item, Article)
    assert item.title == "Gunmen kill five villagers in Gwoza"
    assert item.published == dt.date(2024, 5, 13) and item.source == "Example Wire"
    assert item.url == "https://example.org/news/gwoza-attack"
    assert item.text.startswith("Gunmen killed five villagers in Gwoza on Sunday")
    for boilerplate in ("Football", "Copyright", "Subscribe", "Most read"):
        assert boilerplate not in item.text


def test_folder_of_html_and_csv_is_coded(tmp_path, coder):
    pytest.importorskip("trafilatura")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "gwoza.htm").write_text(PAGE, encoding="utf-8")
    _write_csv(tmp_path / "pages" / "more.csv", ["id", "text", "date"],
               [["k1", "A Russian missile strike killed three people in Kharkiv on Monday.", "2024-05-28"]])
    items = list(read_inputs([str(tmp_path / "pages")]))
    assert [i.id for i in items] == ["gwoza", "k1"]
    events = [e for a in items for e in coder.code(a)]
    assert {(e.article_id, e.location, e.fatalities) for e in events if e.fatalities} == {("gwoza", "Gwoza", 5), ("k1", "Kharkiv", 3)}


def test_html_without_trafilatura_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    item = article_from_html(PAGE, "p")
    assert isinstance(item, InputProblem) and "eventcoder[html]" in item.message


def test_html_date_comes_from_metadata_not_from_the_story():
    pytest.importorskip("trafilatura")
    page = ("<html><head><title>Clashes in Goma</title></head><body><article><h1>Clashes in Goma</h1>"
            "<p>Rebels attacked army positions near Goma on Monday, residents said, in fighting that recalled the "
            "battles of 12 March 2012 in the same hills.</p><p>The army said it had repelled the attack after several "
            "hours of fighting on the outskirts of the city, and that the situation was calm.</p></article></body></html>")
    item = article_from_html(page, "goma", published=dt.date(2024, 6, 3))
    assert item.published == dt.date(2024, 6, 3)  # the --published fallback, not 2012-03-12


def test_long_article_in_a_csv(tmp_path):
    body = "Rebels attacked a convoy near Goma on Monday. " * 6000  # about 280 KB in one cell
    path = _write_csv(tmp_path / "long.csv", ["id", "text"], [["big", body]])
    items = list(read_articles_csv(path))
    assert [type(i) for i in items] == [Article] and len(items[0].text) == len(body)

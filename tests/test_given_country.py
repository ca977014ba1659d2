"""The country given with an article (Article.country, `--country`, a `country` key or column): for a corpus of one
country's press, or notes that name a village and no country. It weighs as the text naming the country once."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pytest

from eventcoder import Article, Coder
from eventcoder.errors import ArticleError
from eventcoder.evaluation.explain import explain
from tests.conftest import ROOT

CODER = Coder.default()


def rows(text: str, country: str = ""):  # type: ignore[no-untyped-def]
    return [r for r in CODER.code(Article("g", text, published="2024-05-15", country=country)) if r.event_type]


def test_an_event_whose_text_names_no_place_is_written_in_the_given_country():
    text = "Gunmen shot dead three traders on the road to the market on Monday."
    assert rows(text) == []  # no place, no country: nothing says where
    (r,) = rows(text, "ETH")
    assert (r.iso3, r.geo_precision, r.actor1) == ("ETH", 3, "Unidentified Armed Group (Ethiopia)")
    assert "the country given with the article" in explain(CODER, Article("g", text, published="2024-05-15", country="Ethiopia"))


def test_the_given_country_settles_a_homonym_but_never_overrides_the_text():
    # "Bale" is a zone of Ethiopia and an alternate name of Basel
    (r,) = rows("Gunmen killed four herders in Bale on Monday.", "Ethiopia")
    assert (r.iso3, r.admin1) == ("ETH", "Oromia")
    # a place the text names in another country stays there
    (r,) = rows("Police arrested twelve protesters in Nairobi on Monday.", "ETH")
    assert (r.iso3, r.location) == ("KEN", "Nairobi")


def test_a_country_is_given_by_code_or_name_and_an_unknown_one_is_that_articles_error():
    assert CODER.country_code("eth") == CODER.country_code("Ethiopia") == "ETH"
    with pytest.raises(ArticleError, match="unknown country 'Narnia'"):
        CODER.code(Article("g", "Gunmen killed two traders.", published="2024-05-15", country="Narnia"))


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventcoder", *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_jsonl_key_csv_column_and_option_give_the_country(tmp_path):
    text = "Soldiers shot dead two farmers on Sunday, residents said."
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(o) for o in [
        {"id": "j1", "text": text, "published": "2024-05-15", "country": "Zambia"},  # its own country
        {"id": "j2", "text": text, "published": "2024-05-15"},                      # the option's
        {"id": "j3", "text": text, "published": "2024-05-15", "country": "Narnia"},  # reported, the rest coded
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    run = cli("code", str(src), "--country", "ETH", "-o", str(out), "-q")
    assert run.returncode == 1 and "unknown country 'Narnia'" in run.stderr
    got = {r["article_id"]: r["iso3"] for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert got == {"j1": "ZMB", "j2": "ETH"}
    table = tmp_path / "articles.csv"
    with table.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "published", "body", "iso3"])
        w.writerow(["c1", "2024-05-15", text, "UGA"])
    run = cli("code", str(table), "-o", str(out), "-q")
    assert run.returncode == 0, run.stderr
    assert [r["iso3"] for r in csv.DictReader(out.open(encoding="utf-8"))] == ["UGA"]
    run = cli("explain", str(src), "--id", "j3")
    assert run.returncode == 1 and "unknown country" in run.stderr and "Traceback" not in run.stderr

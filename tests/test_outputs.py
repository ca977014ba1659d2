"""datapackage.json, Parquet, de-duplication and dictionaries written back out."""

import csv
import json

import pytest
from hypothesis import HealthCheck, given, settings

from eventcoder import Article, Coder
from eventcoder.cli import main
from eventcoder.batch.dedupe import dedupe
from eventcoder.dictionaries.dump import dump_yaml
from eventcoder.export import read_csv, read_parquet, write_events
from tests.conftest import SEEDS
from tests.test_properties import report

REPORT_A = "Al-Shabaab fighters killed seven soldiers in Mogadishu on Monday, police said."
REPORT_B = "Al-Shabaab militants killed at least five Somali soldiers in Mogadishu on Monday, a military officer said."


def articles():
    return [
        Article("a", REPORT_A, published="2024-05-15", source="Wire A"),
        Article("b", REPORT_B, published="2024-05-15", source="Wire B"),
    ]


def test_datapackage_describes_the_csv(coder, tmp_path):
    rows = [e for a in articles() for e in coder.code(a)]
    path = tmp_path / "events.csv"
    write_events(rows, path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    res = package["resources"][0]
    with open(path, newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert [f["name"] for f in res["schema"]["fields"]] == header
    types = {f["name"]: f["type"] for f in res["schema"]["fields"]}
    assert types["fatalities"] == "integer" and types["latitude"] == "number" and types["event_date"] == "date"
    assert types["cameo_code"] == "string" and res["path"] == "events.csv"
    # a second table in the same folder adds a resource instead of replacing the descriptor
    write_events(rows, tmp_path / "more.csv")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(r["path"] for r in package["resources"]) == ["events.csv", "more.csv"]


def test_parquet_round_trip(coder, tmp_path):
    pytest.importorskip("pyarrow")
    rows = [e for a in articles() for e in coder.code(a)]
    path = tmp_path / "events.parquet"
    assert write_events(rows, path, "parquet") == len(rows)
    assert read_parquet(path) == rows


def test_dedupe_keeps_one_row_with_lowest_count_and_all_sources(coder):
    rows = [e for a in articles() for e in coder.code(a)]
    assert len(rows) == 2
    merged = dedupe(rows)
    assert len(merged) == 1
    m = merged[0]
    assert (m.article_id, m.fatalities, m.fatalities_qualifier, m.source) == ("a", 5, "min", "Wire A; Wire B")
    assert "also_reported_by=b" in m.tags


def test_cli_dedupe_and_parquet(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": a.id, "text": a.text, "published": "2024-05-15", "source": a.source})
                             for a in articles()) + "\n", encoding="utf-8")
    out = tmp_path / "events.csv"
    assert main(["code", str(src), "-o", str(out), "--dedupe", "-q"]) == 0
    assert len(read_csv(out)) == 1 and (tmp_path / "datapackage.json").exists()
    pytest.importorskip("pyarrow")
    pq = tmp_path / "events.parquet"
    assert main(["code", str(src), "-o", str(pq), "-q"]) == 0
    assert len(read_parquet(pq)) == 2


@pytest.fixture(scope="module")
def reloaded(tmp_path_factory, coder):
    path = tmp_path_factory.mktemp("dump") / "all.yaml"
    path.write_text(dump_yaml(coder.lexicon.ds), encoding="utf-8")
    return Coder.from_dictionaries(path, bundled=False)


def _without_rule(rows):
    return [{k: v for k, v in r.to_dict().items() if k != "rule_id"} for r in rows]


def test_dumped_dictionaries_code_the_seeds_the_same(coder, reloaded):
    from eventcoder.io.readers import read_inputs

    for art in read_inputs([str(SEEDS)]):
        assert _without_rule(reloaded.code(art)) == _without_rule(coder.code(art))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report())
def test_dumped_dictionaries_code_generated_reports_the_same(coder, reloaded, case):
    article, _ = case
    assert _without_rule(reloaded.code(article)) == _without_rule(coder.code(article))

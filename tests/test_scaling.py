"""The scale-out entry point and the Dask recipe in docs/scaling.md."""

import json
import pickle
import re

import pytest

from eventcoder import Article, Coder
from eventcoder.scale import code_partition
from tests.conftest import ROOT

ARTICLES = [
    {"id": f"s{i}", "text": f"Gunmen killed {i + 2} villagers in Kano on Monday, police said.", "published": "2024-05-15"}
    for i in range(12)
] + [{"id": "bad", "published": "2024-05-15"}]


def test_code_partition_is_plain_data_and_matches_the_coder(coder):
    out = code_partition(ARTICLES)
    assert [o["article_id"] for o in out] == [a["id"] for a in ARTICLES]
    assert out[-1]["error"] and out[-1]["events"] == []
    assert out[0]["events"] == [e.to_dict() for e in coder.code(Article("s0", ARTICLES[0]["text"], published="2024-05-15"))]
    assert pickle.loads(pickle.dumps(out)) == out
    assert pickle.loads(pickle.dumps(code_partition)) is code_partition


def test_dask_recipe_runs_on_a_small_batch(tmp_path):
    pytest.importorskip("dask.bag")
    pytest.importorskip("dask.distributed")
    pd = pytest.importorskip("pandas")
    doc = (ROOT / "docs" / "scaling.md").read_text(encoding="utf-8")
    block = re.search(r"## Dask bag.*?```python\n(.*?)```", doc, re.S).group(1)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    namespace: dict = {}
    exec(compile(block, "docs/scaling.md", "exec"), namespace)
    n, failed = namespace["run"]([str(src)], str(tmp_path / "events.csv"))
    assert n == 12 and [f[0] for f in failed] == ["bad"]
    table = pd.read_csv(tmp_path / "events.csv")
    assert sorted(table["fatalities"]) == list(range(2, 14))


def test_coder_pickles_as_its_dictionary_names(tmp_path, coder):
    small = pickle.dumps(coder)
    assert len(small) < 1000
    again = pickle.loads(small)
    art = Article("p1", ARTICLES[3]["text"], published="2024-05-15")
    assert again.code(art) == coder.code(art)
    extra = tmp_path / "extra.yaml"
    extra.write_text("holidays:\n  - {name: Test Day, date: '05-01', aliases: [Test Day]}\n", encoding="utf-8")
    custom = Coder.from_dictionaries(extra)
    assert pickle.loads(pickle.dumps(custom)).lexicon.ds.holidays.keys() == custom.lexicon.ds.holidays.keys()

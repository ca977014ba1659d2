"""The scale-out entry point and the Dask recipe in docs/scaling.md."""

import json
import pickle
import re

import pytest

from eventcoder import Article, Coder
from eventcoder.batch.scale import code_partition
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


def test_coder_pickles_with_its_dictionaries(tmp_path, coder):
    small = pickle.dumps(coder)
    assert len(small) < 1000  # the bundled coder travels as "the default one"
    again = pickle.loads(small)
    art = Article("p1", ARTICLES[3]["text"], published="2024-05-15")
    assert again.code(art) == coder.code(art)
    extra = tmp_path / "extra.yaml"
    extra.write_text("holidays:\n  - {name: Test Day, date: '05-01', aliases: [Test Day]}\n", encoding="utf-8")
    custom = Coder.from_dictionaries(extra)
    extra.unlink()  # what travels is the dictionaries themselves, not the name of a file that may be gone
    assert pickle.loads(pickle.dumps(custom)).lexicon.ds.holidays.keys() == custom.lexicon.ds.holidays.keys()


# -- code_many(jobs=N): worker processes on one machine ---------------------------------------

def _batch(n: int) -> list[Article]:
    out = [Article(f"j{i}", f"Gunmen killed {i % 40 + 2} villagers in Kano on Monday, police said.", published="2024-05-15")
           for i in range(n)]
    out[7] = Article("", "No id, so this one cannot be coded.", published="2024-05-15")  # its own error keeps its place
    return out


def test_jobs_give_the_same_outcomes_in_the_same_order(coder):
    batch = _batch(300)
    one = list(coder.code_many(batch))
    assert list(coder.code_many(iter(batch), jobs=2)) == one
    assert one[7].error and not one[7].events


def test_outcomes_keep_input_order_when_later_chunks_finish_first(coder):
    from eventcoder.batch.parallel import code_in_processes

    batch = _batch(200)
    # the first chunk is slow, so the other worker's chunks come back before it
    batch[:16] = [Article(a.id, " ".join([a.text] * 40), published="2024-05-15") for a in batch[:16]]
    assert list(code_in_processes(coder, batch, 2, chunk=16)) == list(coder.code_many(batch))


class _Dies(Coder):
    """A coder whose worker process exits on one article, as if it had been killed."""

    def code(self, article):
        if article.id == "j150":
            import os
            os._exit(3)
        return super().code(article)


class _Buggy(Coder):
    def code(self, article):
        if article.id == "j20":
            raise ZeroDivisionError("a bug, not an article problem")
        return super().code(article)


def test_a_dying_worker_is_an_error_not_a_short_result():
    from eventcoder.dictionaries.lexicon import default_lexicon
    from eventcoder.batch.parallel import WorkerError

    coder = _Dies(default_lexicon())
    with pytest.raises(WorkerError, match=re.escape("stopped unexpectedly (exit code 3)")):
        list(coder.code_many(_batch(300), jobs=2))


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_exception_in_one_article_is_that_articles_error(jobs):
    """Any exception while coding an article (here a bug) is kept in its Outcome; the rest of the batch goes on (#16)."""
    from eventcoder.dictionaries.lexicon import default_lexicon

    outcomes = list(_Buggy(default_lexicon()).code_many(_batch(300), jobs=jobs))
    assert len(outcomes) == 300
    failed = [o for o in outcomes if o.error]
    assert [o.article_id for o in failed] == ["", "j20"]  # the id-less article 7, then the bug
    assert "ZeroDivisionError: a bug" in failed[1].error


def test_an_input_error_reaches_the_caller_and_an_early_stop_ends_the_workers(coder):
    import multiprocessing as mp

    def articles():
        yield from _batch(200)
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        list(coder.code_many(articles(), jobs=2))
    stream = coder.code_many(_batch(1000), jobs=2)
    first = next(stream)
    stream.close()
    assert first.article_id == "j0"
    assert mp.active_children() == []


def test_a_coder_built_in_memory_travels_with_its_own_dictionaries_under_spawn(tmp_path):
    """Spawned workers (macOS, Windows) must code with the parent's dictionaries, not the bundled ones."""
    import pickle

    from eventcoder.batch.parallel import code_in_processes
    from eventcoder.dictionaries.lexicon import Lexicon
    from eventcoder.dictionaries.loader import load_dictionaries
    from eventcoder.model import Article

    extra = ("actors:\n  - {id: night_owls, name: Night Owls Brigade, kind: group, aliases: [Night Owls], code: NGAREBNOB,"
             " inter: 2, armed: true, country: NGA}\n")
    coder = Coder(Lexicon(load_dictionaries(texts=[("in-memory.yaml", extra)])))
    arts = [Article(f"n{i}", "Night Owls attacked a police post in Maiduguri on Sunday.", published="2024-05-13") for i in range(6)]
    alone = [o.events for o in coder.code_many(arts)]
    assert alone[0][0].actor1 == "Night Owls Brigade"
    assert pickle.loads(pickle.dumps(coder)).code(arts[0]) == list(alone[0])
    spawned = [o.events for o in code_in_processes(coder, arts, 2, chunk=2, start_method="spawn")]
    assert spawned == alone

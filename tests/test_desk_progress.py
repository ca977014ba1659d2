"""Progress of long batches: bar on a terminal, plain lines otherwise, silent with -q (issue #17)."""

from __future__ import annotations

import io
import json

import pytest

from eventcoder.batch import progress as progress_mod
from eventcoder.batch.progress import Progress, count_articles
from eventcoder.cli import main
from tests.conftest import SEEDS


def test_plain_lines_have_count_total_rate_and_eta():
    out = io.StringIO()
    p = Progress(10, stream=out, every=0)
    assert p.mode == "lines"
    for done in range(1, 11):
        p.update(done, done * 2)
    p.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[3].startswith("eventcoder: 4/10 articles (40%), 8 events, ") and "articles/s, ETA 0:00:0" in lines[3]


def test_bar_on_a_terminal():
    pytest.importorskip("tqdm")
    out = io.StringIO()
    p = Progress(20, stream=out, bar=True)
    assert p.mode == "bar"
    for done in range(1, 21):
        p.update(done, 3 * done)
    p.close()
    text = out.getvalue()
    assert "20/20" in text and "60 events" in text and "articles/s" in text


def test_quiet_is_silent():
    out = io.StringIO()
    p = Progress(5, stream=out, quiet=True, every=0)
    p.update(5, 5)
    p.close()
    assert p.mode == "off" and out.getvalue() == ""


def test_total_is_counted_from_the_inputs(tmp_path):
    (tmp_path / "a.txt").write_text("T\n\nbody", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n', encoding="utf-8")
    (tmp_path / "c.csv").write_text('id,text\n1,"two\nlines"\n2,z\n', encoding="utf-8")
    assert count_articles([str(tmp_path)]) == 5
    assert count_articles([str(SEEDS), str(tmp_path / "a.txt")]) == len(list(SEEDS.glob("*.txt"))) + 1
    assert count_articles(["-"]) is None


def test_cli_progress_lines_when_stderr_is_not_a_terminal(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(progress_mod, "EVERY", 0.0)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": "Gunmen killed five villagers in Gwoza on Sunday.",
                                       "published": "2024-05-13"}) + "\n" for i in range(3)), encoding="utf-8")
    assert main(["code", str(src), "-o", str(tmp_path / "o.csv")]) == 0
    err = capsys.readouterr().err
    assert "eventcoder: 3/3 articles (100%)" in err
    assert main(["code", str(src), "-o", str(tmp_path / "o.csv"), "-q"]) == 0
    assert capsys.readouterr().err == ""

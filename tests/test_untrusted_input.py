"""Untrusted files cannot explode, hide data or reach a spreadsheet as formulas (issue #16)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from eventcoder import Coder, DictionaryError
from eventcoder.evaluation.gold import load_gold

BOMB = "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi")
)
BOMB = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + BOMB
ACTOR = "  - {{id: {id}, name: {name}, kind: group, aliases: [{name}], country: MLI, code: MLIREBTST, inter: 2, armed: true}}\n"


def test_alias_bomb_is_a_line_error_at_once(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    assert len(BOMB) < 1024
    started = time.monotonic()
    with pytest.raises(DictionaryError) as info:
        Coder.from_dictionaries(path)
    assert time.monotonic() - started < 10
    assert any(p.startswith(f"{path}:") and "alias" in p for p in info.value.problems)


def test_any_alias_is_refused_in_gold_files_too(tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_gold(path)
    assert "alias" in info.value.problems[0] and info.value.problems[0].startswith(f"{path}:")


def test_second_section_is_a_duplicate_key_error(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("actors:\n" + ACTOR.format(id="one", name="One Front") + "actors:\n" + ACTOR.format(id="two", name="Two Front"),
                    encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        Coder.from_dictionaries(path)
    assert f"{path}:3: duplicate key 'actors' (first given on line 1)" in info.value.problems[0]


def test_duplicate_key_inside_an_entry(tmp_path):
    path = tmp_path / "dup2.yaml"
    path.write_text("actors:\n  - id: x\n    name: X Front\n    name: Y Front\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        Coder.from_dictionaries(path)
    assert any(f"{path}:4: duplicate key 'name'" in p for p in info.value.problems)


def test_cli_reports_bomb_with_status_2(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "eventcoder", "dicts", "check", str(path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert f"{path}:" in run.stderr and "alias" in run.stderr


def test_cli_csv_is_one_row_per_event_and_formula_free(tmp_path):
    import csv
    import json

    from eventcoder.export import read_csv

    src = tmp_path / "in.jsonl"
    rows = [{"id": "=HYPERLINK(\"http://x\")", "text": "Gunmen killed five villagers in Gwoza on Monday.", "published": "2024-05-13",
             "source": "@Wire\rSplit"},
            {"id": "a\rb", "text": "Police arrested 12 protesters in Nairobi on Monday.", "published": "2024-06-26", "source": "-Desk"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "e.csv"
    run = subprocess.run([sys.executable, "-m", "eventcoder", "code", str(src), "-o", str(out), "-q"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    with open(out, encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert [r["article_id"] for r in table] == ["'=HYPERLINK(\"http://x\")", "a\rb"]
    assert [r["source"] for r in table] == ["'@Wire\rSplit", "'-Desk"]
    assert float(table[0]["longitude"]) > 0 and float(table[0]["latitude"]) > 0  # numbers untouched
    back = read_csv(out)
    assert [e.article_id for e in back] == [r["id"] for r in rows]
    assert [e.source for e in back] == [r["source"] for r in rows]

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


# -- inputs: one bad line loses one line, and nothing is skipped in silence ------------------------------------------

from eventcoder.io.readers import InputProblem, read_inputs  # noqa: E402

GOOD = b'{"id": "a1", "text": "Gunmen killed five villagers in Gwoza on Monday.", "published": "2024-05-13"}\n'


def _read(*inputs, **kw):
    warned: list[str] = []
    items = list(read_inputs([str(i) for i in inputs], warn=warned.append, **kw))
    return [i for i in items if not isinstance(i, InputProblem)], [str(i) for i in items if isinstance(i, InputProblem)], warned


def test_bad_utf8_line_loses_only_that_line_and_bom_is_accepted(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD + b'{"id": "bad", "text": "caf\xe9"}\n' + GOOD.replace(b"a1", b"a2"))
    articles, problems, _ = _read(path)
    assert [a.id for a in articles] == ["a1", "a2"]
    assert len(problems) == 1 and problems[0].startswith(f"{path}:2: not UTF-8")


def test_empty_text_and_non_string_ids_are_problems(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "e", "text": ""}\n{"id": "w", "text": "  \\n "}\n{"id": 7, "text": "x y"}\n{"id": ["l"], "text": "x"}\n',
                    encoding="utf-8")
    articles, problems, _ = _read(path)
    assert articles == []
    assert [p.split(": ", 1)[0] for p in problems] == [f"{path}:1 (id e)", f"{path}:2 (id w)", f"{path}:3 (id 7)", f"{path}:4 (id ['l'])"]
    assert "empty" in problems[0] and "must be a string" in problems[2]


def test_upper_case_suffix_is_jsonl_and_unknown_kinds_are_not_prose(tmp_path):
    (tmp_path / "a.JSONL").write_bytes(GOOD)
    (tmp_path / "b.json").write_text('{"id": "x", "text": "Gunmen killed five villagers in Gwoza."}', encoding="utf-8")
    (tmp_path / "c.CSV").write_text("id,text\nc1,Gunmen killed five villagers in Gwoza.\n", encoding="utf-8")
    (tmp_path / "notes").write_text("nothing", encoding="utf-8")
    articles, problems, warned = _read(tmp_path)
    assert [a.id for a in articles] == ["a1", "c1"]  # a CSV of articles is read as one, whatever the suffix's case
    assert problems == []
    assert sorted(w.split(":")[0] for w in warned) == [str(tmp_path / "b.json"), str(tmp_path / "notes")]
    articles, problems, _ = _read(tmp_path / "b.json")
    assert articles == [] and "cannot read .json files" in problems[0]


def test_one_line_on_stdin_is_the_body(tmp_path):
    run = subprocess.run([sys.executable, "-m", "eventcoder", "code", "-", "--published", "2024-06-26", "-q"],
                         input="Police arrested 12 protesters in Nairobi on Monday.\n", capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Nairobi" in run.stdout and len(run.stdout.splitlines()) == 2


def test_cli_warns_about_left_out_files_and_reports_bad_lines(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(GOOD + b"\xff\xfe\n")
    (tmp_path / "table.json").write_text("x\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "eventcoder", "code", str(tmp_path), "-q"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert f"{tmp_path / 'table.json'}: left out" in run.stderr
    assert f"{tmp_path / 'a.jsonl'}:2: not UTF-8" in run.stderr
    assert "Gwoza" in run.stdout

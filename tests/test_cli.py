import csv
import io
import json
import os
import subprocess
import sys

import pytest

from eventcoder import COLUMNS
from eventcoder.cli import main
from eventcoder.export import read_csv, read_jsonl
from tests.conftest import ROOT, SEEDS


def run_cli(*args, stdin=None):
    proc = subprocess.run(
        [sys.executable, "-m", "eventcoder", *args], input=stdin, capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_code_folder_of_seeds_to_csv(tmp_path):
    out = tmp_path / "events.csv"
    assert main(["code", str(SEEDS), "-o", str(out), "-q"]) == 0
    with open(out, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = list(reader)
    assert tuple(header) == COLUMNS and header[:3] == ["event_id_cnty", "event_date", "year"]
    assert len(rows) >= 15
    assert read_csv(out)  # every row converts back into an Event


def test_jsonl_input_with_a_bad_line_codes_the_rest(tmp_path):
    src = tmp_path / "batch.jsonl"
    good = {"id": "g1", "text": "Police arrested 12 protesters in Nairobi on Monday.", "published": "2024-06-26", "source": "Wire"}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "g2"}), json.dumps({**good, "id": "g3", "published": "not-a-date"}),
             json.dumps({**good, "id": "g4"})]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("code", str(src), "-o", str(out))
    assert code == 1
    assert f"{src}:2: not valid JSON" in err
    assert f"{src}:3 (id g2): article has no text" in err
    assert "(id g3)" in err and "bad published date" in err
    events = read_jsonl(out)
    assert sorted({e.article_id for e in events}) == ["g1", "g4"]
    assert all(e.source == "Wire" for e in events)


def test_stdin_text_and_acled_only(tmp_path):
    text = "Clashes in Goma\n\nM23 rebels clashed with Congolese soldiers in Goma on Monday. Kenya condemned the M23 on Monday.\n"
    code, out, _ = run_cli("code", "-", "--published", "2024-03-06", "-q", stdin=text)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["cameo_code"] for r in rows} == {"190", "111"}
    code, out, _ = run_cli("code", "-", "--published", "2024-03-06", "--acled-only", "-q", stdin=text)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["sub_event_type"] for r in rows] == ["Armed clash"]
    assert rows[0]["article_id"] == "stdin" and rows[0]["event_date"] == "2024-03-04"


def test_bad_dictionary_stops_before_coding_and_leaves_output_alone(tmp_path):
    out = tmp_path / "events.csv"
    out.write_text("previous run\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("events:\n  - {id: x, cameo: 010, verbs: [y]}\n", encoding="utf-8")
    code, _, err = run_cli("code", str(SEEDS), "-o", str(out), "-d", str(bad))
    assert code == 2
    assert f"{bad}:2:" in err and "nothing was coded" in err
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".events")] == []


def test_jobs_give_the_same_output_as_one_process(tmp_path):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert main(["code", str(SEEDS), "-o", str(one), "-q"]) == 0
    assert main(["code", str(SEEDS), "-o", str(two), "-q", "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_missing_input_is_reported(tmp_path):
    code, _, err = run_cli("code", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.csv"))
    assert code == 1 and "no such file" in err


def test_undated_txt_warns_and_format_flag(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Title\n\nRebels attacked soldiers in Goma.\n", encoding="utf-8")
    code, out, err = run_cli("code", str(src), "--format", "jsonl")
    assert code == 0 and "no publication date" in err
    assert json.loads(out.splitlines()[0])["article_id"] == "a"


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday"])
def test_bad_published_flag_is_a_usage_error(bad):
    code, _, err = run_cli("code", str(SEEDS), "--published", bad)
    assert code == 2 and "YYYY-MM-DD" in err

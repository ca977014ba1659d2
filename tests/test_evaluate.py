"""Accuracy on the project's gold set must not fall below the recorded baseline (tests/gold/baseline.json).

A change that lowers a figure needs a reason: update baseline.json in the same commit and say why.
"""

import json

import pytest

from eventcoder import DictionaryError
from eventcoder.cli import main
from eventcoder.evaluation.gold import evaluate, load_gold
from tests.conftest import ROOT

GOLD = ROOT / "tests" / "gold"
BASELINE = json.loads((GOLD / "baseline.json").read_text(encoding="utf-8"))
SETS = {
    "development": sorted(GOLD.glob("*.yaml")),
    "heldout": [GOLD / "heldout" / "heldout.yaml"],
    "heldout2": [GOLD / "heldout" / "heldout2.yaml"],
    "heldout3": [GOLD / "heldout" / "heldout3.yaml"],
}


def test_gold_set_is_large_and_covers_every_acled_sub_event_type(coder):
    gold = [g for path in SETS["development"] for g in load_gold(path)]
    assert len(gold) >= 60
    kinds = {e.kind for g in gold for e in g.events}
    acled = set(coder.lexicon.ds.acled_types)
    assert acled <= kinds, sorted(acled - kinds)
    assert any(k.startswith("CAMEO ") for k in kinds)
    assert sum(1 for g in gold if g.traps) >= 8


@pytest.mark.parametrize("name", sorted(SETS))
def test_accuracy_does_not_fall_below_baseline(coder, name):
    gold = [g for path in SETS[name] for g in load_gold(path)]
    report = evaluate(coder, gold).as_dict()
    base = BASELINE[name]
    for key in ("precision", "recall", "f1"):
        assert report["overall"][key] >= base["overall"][key] - 1e-9, (key, report["overall"], report["misses"], report["extras"])
    for attr, value in base["attribute_accuracy"].items():
        if value is not None:
            assert report["attribute_accuracy"][attr] >= value - 1e-9, (attr, report["attribute_errors"])


def test_evaluate_cli_json_and_table(tmp_path, capsys):
    gold = tmp_path / "g.yaml"
    gold.write_text(
        "- id: x1\n  published: '2024-05-15'\n  text: Rebels attacked soldiers in Goma on Monday. The army did not attack Goma.\n"
        "  events:\n    - {date: '2024-05-13', sub_event_type: Armed clash, actor1: [Rebels (Democratic Republic of Congo)],"
        " actor2: [Military Forces of the Democratic Republic of Congo], country: COD, fatalities: 0}\n"
        "    - {sub_event_type: Arrests, actor1: [Police Forces of the Democratic Republic of Congo]}\n"
        "  traps: [did not attack]\n",
        encoding="utf-8",
    )
    assert main(["evaluate", str(gold), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["overall"]["tp"] == 1 and report["overall"]["fn"] == 1 and report["overall"]["fp"] == 0
    assert report["attribute_accuracy"]["date"] == 1.0
    assert report["misses"][0]["kind"] == "Arrests" and report["misses"][0]["gold_line"] == 6
    assert main(["evaluate", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "Armed clash" in out and "missed" in out


def test_bad_gold_file_reports_file_and_line(tmp_path):
    gold = tmp_path / "bad.yaml"
    gold.write_text("- id: x1\n  published: 2024-05-15x\n  text: hi\n  events: []\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_gold(gold)
    assert info.value.problems[0].startswith(f"{gold}:2:")


def test_explain_cli_shows_matches_drops_and_rules(capsys):
    seed = ROOT / "seeds" / "sudan-el-fasher-fighting.txt"
    assert main(["explain", str(seed)]) == 0
    out = capsys.readouterr().out
    assert "[3] The RSF denied shelling the market" in out
    assert "denied (denied)" in out
    assert "rows: 4" in out and "events.yaml:" in out and "agents.yaml:" in out

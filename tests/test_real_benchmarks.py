"""Real, independently labelled text (../shared/benchmarks/real, development half): no change may lose what was reached.

The sets and their scorer live outside the project (their licences forbid copying them in); this test runs the
scorer as a user would, through `python -m eventcoder`, and skips cleanly when ../shared is not there. Each floor
sits just under the figure reached when it was set: raise it when a change earns more, never lower it without
saying why in the commit.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

# figure -> floor (the reached figure, less a little for the scorer's rounding)
FLOORS = {
    ("case2021", "weighted_f1"): 0.708,
    ("acled", "micro_f1"): 0.721,
    ("acled", "coverage"): 0.794,
    ("acled", "fatalities"): 0.750,
    ("acled", "country"): 0.934,
    ("acled", "admin1"): 0.752,
    ("acled", "location"): 0.521,
    ("acled", "actor1"): 0.954,
    ("quad", "macro_f1"): 0.716,
    ("ipe", "macro_f1"): 0.636,
}
CEILINGS = {
    ("case2021", "false_alarms"): 5,   # non-ACLED snippets (disasters, diplomacy, crime, claims) given an ACLED row
}


@pytest.fixture(scope="module")
def figures(shared):
    scorer = shared / "benchmarks" / "real" / "score.py"
    if not scorer.is_file():
        pytest.skip("../shared/benchmarks/real is not available")
    run = subprocess.run([sys.executable, str(scorer), "--exe", f"{sys.executable} -m eventcoder", "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("key", sorted(FLOORS), ids=lambda k: f"{k[0]}-{k[1]}")
def test_real_text_figure_does_not_fall(figures, key):
    name, figure = key
    assert figures[name][figure] >= FLOORS[key], (key, figures[name])


@pytest.mark.parametrize("key", sorted(CEILINGS), ids=lambda k: f"{k[0]}-{k[1]}")
def test_real_text_false_alarms_do_not_rise(figures, key):
    name, figure = key
    assert figures[name][figure] <= CEILINGS[key], (key, figures[name])

"""Recipes for pandas, R and Stata: generated from the Table Schema, shown in docs/analysis.md, and run where possible."""

from __future__ import annotations

import re
import shutil
import subprocess

import attrs
import pytest

from eventcoder.cli import main
from eventcoder.export import write_events
from eventcoder.io.datapackage import table_schema
from eventcoder.io.recipes import LANGUAGES, recipe
from eventcoder.model import COLUMNS
from tests.conftest import ROOT, SEEDS

FENCE = {"pandas": "python", "r": "r", "stata": "stata"}


@pytest.fixture(scope="module")
def table(coder, tmp_path_factory):
    from eventcoder.io.readers import read_inputs

    events = [e for a in read_inputs([str(SEEDS)]) for e in coder.code(a)]
    events[0] = attrs.evolve(events[0], cameo_code="057", cameo_root="05", injuries=3)
    path = tmp_path_factory.mktemp("recipes") / "events.csv"
    write_events(events, path)
    return path, events


@pytest.mark.parametrize("language", LANGUAGES)
def test_docs_show_the_generated_recipe(language):
    doc = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    m = re.search(rf"<!-- recipe: {language} -->\n```{FENCE[language]}\n(.*?)```", doc, re.S)
    assert m, f"docs/analysis.md has no recipe block for {language}"
    assert m.group(1) == recipe(language), f"docs/analysis.md is stale: paste `eventcoder recipe {language}` into it"


def test_recipe_command_prints_it(capsys):
    assert main(["recipe", "r", "--csv", "out/my.csv"]) == 0
    assert capsys.readouterr().out == recipe("r", "out/my.csv")


def test_pandas_recipe_gives_the_types(table):
    pytest.importorskip("pandas")
    path, events = table
    ns: dict = {}
    exec(recipe("pandas", str(path)), ns)
    df = ns["events"]
    assert list(df.columns) == list(COLUMNS)
    assert df.loc[0, "cameo_code"] == "057" and df.loc[0, "injuries"] == 3 and df["injuries"].isna().any()
    assert str(df["injuries"].dtype) == "Int64" and str(df["cameo_code"].dtype).startswith("str")
    assert str(df["event_date"].dtype).startswith("datetime64")
    assert df.loc[0, "actor2"] == events[0].actor2


def test_r_recipe_gives_the_types(table):
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.skip("R is not installed (apt-get install -y r-base-core r-cran-readr)")
    if subprocess.run([rscript, "-e", "library(readr)"], capture_output=True).returncode != 0:
        pytest.skip("the R package readr is not installed (apt-get install -y r-cran-readr)")
    path, events = table
    script = recipe("r", str(path)) + (
        'for (n in names(events)) cat(n, class(events[[n]])[1], "\\n")\n'
        'cat("first", events$cameo_code[1], events$injuries[1], format(events$event_date[1]), nrow(events), "\\n")\n'
        'cat("problems", nrow(problems(events)), "\\n")\n'
    )
    proc = subprocess.run([rscript, "-e", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    classes = dict(line.split()[:2] for line in proc.stdout.splitlines() if line.split() and line.split()[0] in COLUMNS)
    want = {"string": "character", "integer": "integer", "number": "numeric", "date": "Date"}
    assert classes == {f["name"]: want[f["type"]] for f in table_schema()["fields"]}
    assert f"first 057 3 {events[0].event_date} {len(events)}" in proc.stdout
    assert "problems 0" in proc.stdout


def test_stata_recipe_forces_exactly_the_text_columns_to_strings():
    text = recipe("stata")
    positions = [int(n) for n in re.search(r"stringcols\(([0-9 ]+)\)", text).group(1).split()]
    kinds = [f["type"] for f in table_schema()["fields"]]
    assert [COLUMNS[i - 1] for i in positions] == [c for c, k in zip(COLUMNS, kinds) if k in ("string", "date")]
    assert 'date(event_date, "YMD")' in text and "format event_date_d %td" in text
    assert all(len(c) <= 32 and re.fullmatch(r"[a-z_][a-z0-9_]*", c) for c in COLUMNS)  # valid Stata names


def test_readme_r_line_is_the_generated_one():
    from eventcoder.io.recipes import r_one_liner

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert r_one_liner() in readme
    assert r_one_liner() in (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    assert 'eventcoder.read_events("events.csv")' in readme and "docs/report.png" in readme
    assert (ROOT / "docs" / "report.png").read_bytes()[:4] == b"\x89PNG"


def test_r_one_liner_reads_the_same_types(table):
    rscript = shutil.which("Rscript")
    if rscript is None or subprocess.run([rscript, "-e", "library(readr)"], capture_output=True).returncode != 0:
        pytest.skip("R with readr is not installed (apt-get install -y r-base-core r-cran-readr)")
    from eventcoder.io.recipes import r_one_liner

    path, events = table
    script = (recipe("r", str(path)).replace("events <-", "full <-") + r_one_liner(str(path)) + "\n"
              'stopifnot(identical(sapply(full, class), sapply(events, class)), events$cameo_code[1] == "057")\ncat("same\\n")\n')
    proc = subprocess.run([rscript, "-e", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "same" in proc.stdout, proc.stderr[-2000:]


def test_docs_and_readme_pandas_examples_run(table, tmp_path, monkeypatch):
    pytest.importorskip("pandas")
    path, events = table
    monkeypatch.chdir(path.parent)
    doc = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [re.search(r"```python\n(import eventcoder\n.*?)```", text, re.S).group(1) for text in (doc, readme)]
    for block in blocks:
        ns: dict = {}
        exec(compile(block, "example", "exec"), ns)
        assert ns["events"].loc[0, "cameo_code"] == "057"

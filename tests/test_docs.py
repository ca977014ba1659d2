"""The README's Python example and the docstring examples run as written."""

import contextlib
import doctest
import importlib
import io
import pkgutil
import re

import pytest

import eventcoder
from tests.conftest import ROOT


def test_readme_python_example_prints_what_it_says(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    expected = [line.lstrip("# ").rstrip() for line in block.splitlines() if line.startswith("# ")]
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, "README.md", "exec"), {})
    assert out.getvalue().splitlines() == expected
    assert (tmp_path / "events.csv").exists()


def test_readme_commands_are_the_ones_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_cmd = "python3 -m pip install '.[test]' && python3 -m pytest"
    assert test_cmd in readme and test_cmd in ci.splitlines()
    assert "python3 -m pip install . && eventcoder code seeds/ -o events.csv" in readme


MODULES = sorted(
    m.name for m in pkgutil.walk_packages(eventcoder.__path__, "eventcoder.")
    if m.name != "eventcoder.__main__" and not m.name.startswith(("eventcoder.data", "eventcoder.schemas"))
)


@pytest.mark.parametrize("name", ["eventcoder", *MODULES])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0

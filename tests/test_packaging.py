"""What `pip install .` ships: every bundled data file and schema, so the README's first command works anywhere."""

import shutil
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT


def test_wheel_contains_all_data_and_schemas(tmp_path):
    # build from a clean copy: a stale build/ folder in the checkout would hide a missing package-data pattern
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns("build", "dist", "*.egg-info", ".git", "__pycache__", ".hypothesis",
                                                                ".pytest_cache", "events.csv", "datapackage.json"))
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(src)],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        pytest.skip(f"could not build a wheel here: {proc.stderr[-300:]}")
    wheel = next(tmp_path.glob("eventcoder-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    data = {f"eventcoder/data/{p.name}" for p in (ROOT / "eventcoder" / "data").iterdir() if p.is_file()}
    schemas = {f"eventcoder/schemas/{p.name}" for p in (ROOT / "schemas").glob("*.json")}
    langs = {str(p.relative_to(ROOT)) for p in (ROOT / "eventcoder" / "lang").glob("*/*.yaml")}
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "eventcoder").rglob("*.py")}
    assert langs and langs - names == set()
    assert modules - names == set()  # every package of the layout ships
    assert data - names == set()
    assert schemas - names == set()

"""The command line loses nothing and leaves nothing behind: outputs, exit codes, signals, workers (issue #16).

Everything here runs the real CLI in a subprocess, with real files, signals and processes.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventcoder", *args], capture_output=True, text=True, timeout=300, env=ENV,
                          cwd=kw.pop("cwd", ROOT), **kw)


def test_dev_null_stays_a_device():
    before = os.stat("/dev/null")
    run = cli("code", str(SEEDS), "-q", "-o", "/dev/null")
    assert run.returncode == 0, run.stderr
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and stat.S_IMODE(after.st_mode) == stat.S_IMODE(before.st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_disk_full_is_a_message_and_status_3():
    run = cli("code", str(SEEDS), "-q", "-o", "/dev/full", "--format", "csv")
    assert run.returncode == 3
    assert "Traceback" not in run.stderr and "No space left" in run.stderr


def test_symlink_is_written_through_and_keeps_mode(tmp_path):
    real = tmp_path / "data" / "real.csv"
    real.parent.mkdir()
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    run = cli("code", str(SEEDS), "-q", "-o", str(link))
    assert run.returncode == 0, run.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().startswith("event_id_cnty,")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert (real.parent / "datapackage.json").exists()  # beside the real table, naming it
    assert json.loads((real.parent / "datapackage.json").read_text())["resources"][0]["path"] == "real.csv"
    assert not [p for p in tmp_path.rglob("*.tmp")]


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_new_output_follows_the_umask(tmp_path, umask):
    out = tmp_path / "new.csv"
    run = subprocess.run(f"umask {umask:03o} && exec {sys.executable} -m eventcoder code {SEEDS} -q -o {out}", shell=True,
                         capture_output=True, text=True, timeout=300, env=ENV, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    assert stat.S_IMODE((tmp_path / "datapackage.json").stat().st_mode) == 0o666 & ~umask


def test_folder_as_output_fails_before_coding(tmp_path):
    big = tmp_path / "in.jsonl"
    big.write_text("".join(json.dumps({"id": f"a{i}", "text": "Gunmen killed five villagers in Gwoza on Monday."}) + "\n"
                           for i in range(3000)), encoding="utf-8")
    started = time.monotonic()
    run = cli("code", str(big), "-o", str(tmp_path))
    assert run.returncode == 3
    assert "is a folder" in run.stderr and "Traceback" not in run.stderr
    assert "coded" not in run.stderr  # nothing was coded
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"resources": 5}'])
def test_malformed_datapackage_fails_before_writing(tmp_path, content):
    (tmp_path / "datapackage.json").write_text(content)
    out = tmp_path / "events.csv"
    run = cli("code", str(SEEDS), "-q", "-o", str(out))
    assert run.returncode == 3
    assert "datapackage.json" in run.stderr and "Traceback" not in run.stderr
    assert not out.exists()
    assert (tmp_path / "datapackage.json").read_text() == content  # left for the user to fix


def test_stale_resources_are_dropped(tmp_path):
    for name in ("a.csv", "b.csv"):
        assert cli("code", str(SEEDS), "-q", "-o", str(tmp_path / name)).returncode == 0
    (tmp_path / "a.csv").unlink()
    assert cli("code", str(SEEDS), "-q", "-o", str(tmp_path / "c.csv")).returncode == 0
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert sorted(r["path"] for r in package["resources"]) == ["b.csv", "c.csv"]


def test_broken_pipe_and_closed_stdout_are_status_3():
    proc = subprocess.Popen([sys.executable, "-m", "eventcoder", "code", str(SEEDS)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=ENV, cwd=ROOT)
    proc.stdout.read(10)
    proc.stdout.close()
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 3, err
    assert b"Traceback" not in err and b"broken pipe" in err
    run = subprocess.run(f"exec {sys.executable} -m eventcoder code {SEEDS} -q >&-", shell=True, capture_output=True, text=True,
                         timeout=300, env=ENV, cwd=ROOT)
    assert run.returncode == 3 and "closed" in run.stderr and "Traceback" not in run.stderr


def test_exit_status_for_bad_input_and_bad_dictionary(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    assert cli("code", str(bad), "-q").returncode == 1
    d = tmp_path / "d.yaml"
    d.write_text("actors: [\n", encoding="utf-8")
    assert cli("code", str(SEEDS), "-q", "-d", str(d)).returncode == 2


# -- --jobs: signals to the parent end the workers and leave no temp file ---------------------------------------------

def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat_line = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat_line.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _busy_run(tmp_path: Path) -> tuple[subprocess.Popen, list[int], Path]:
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": "Gunmen killed five villagers in Gwoza on Monday, police said. " * 20,
                                       "published": "2024-05-13"}) + "\n" for i in range(20000)), encoding="utf-8")
    out = tmp_path / "out" / "events.csv"
    proc = subprocess.Popen([sys.executable, "-m", "eventcoder", "code", str(src), "-o", str(out), "--jobs", "2", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, cwd=ROOT)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline:
        workers = _children(proc.pid)
        if len(workers) >= 2 and list(out.parent.glob("*.tmp")):
            break
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(0.5)  # let them get busy
    return proc, workers, out


def _gone(pids: list[int], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(_alive(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


pytestmark_linux = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


@pytestmark_linux
def test_sigterm_ends_workers_and_removes_the_temp_file(tmp_path):
    proc, workers, out = _busy_run(tmp_path)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert b"terminated" in err and b"Traceback" not in err
    assert _gone(workers, 10)
    assert list(out.parent.iterdir()) == []  # no table, no temp file


@pytestmark_linux
def test_sigint_ends_workers_and_removes_the_temp_file(tmp_path):
    proc, workers, out = _busy_run(tmp_path)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert _gone(workers, 10)
    assert list(out.parent.iterdir()) == []


@pytestmark_linux
def test_sigkill_to_the_parent_ends_the_workers(tmp_path):
    proc, workers, _ = _busy_run(tmp_path)
    proc.kill()
    proc.wait(timeout=30)
    assert _gone(workers, 15), "workers outlived a killed parent"


@pytestmark_linux
def test_workers_hold_only_their_own_pipe_ends(tmp_path):
    """Without the parent's ends of its pipes, a worker sees EOF when the parent goes (the portable way out)."""
    proc, workers, _ = _busy_run(tmp_path)
    try:
        held: dict[int, list[str]] = {}
        assert workers
        for w in workers:
            held[w] = [os.readlink(f"/proc/{w}/fd/{fd}") for fd in os.listdir(f"/proc/{w}/fd") if int(fd) > 2]
            pipes = [link for link in held[w] if link.startswith("pipe:")]
            assert len(pipes) == len(set(pipes)), f"worker {w} holds both ends of a pipe: {pipes}"
    finally:
        proc.kill()
        proc.wait(timeout=30)


# -- the reporter's articles: each is its own error or codes, and the rest is written ---------------------------------

HOSTILE = [
    {"id": "y1", "text": "Gunmen killed five villagers in Gwoza yesterday.", "published": "0001-01-01"},
    {"id": "w9", "text": "Gunmen killed five villagers in Gwoza last week.", "published": "9999-12-31"},
    {"id": "w0", "text": "Gunmen killed five villagers in Gwoza last week.", "published": "1900-01-03"},
    {"id": "big", "text": "Gunmen killed 99999999999999999999999 villagers in Gwoza on Monday.", "published": "2024-05-13"},
    {"id": "sur", "text": "Gunmen killed five villagers in Gwoza \ud800 on Monday.", "published": "2024-05-13", "source": "\udfff"},
    {"id": "ok", "text": "Police arrested 12 protesters in Nairobi on Monday.", "published": "2024-06-26"},
]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_reporters_articles_never_stop_the_run(tmp_path, fmt, jobs):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in HOSTILE), encoding="utf-8")  # json.dumps writes \ud800 escapes
    out = tmp_path / f"out.{fmt}"
    run = cli("code", str(src), "-o", str(out), "--jobs", jobs)
    assert run.returncode == 1, run.stderr  # two articles are errors, reported; the rest is written
    assert "Traceback" not in run.stderr
    assert "article y1: published date 0001-01-01 is outside the years 1900-2200" in run.stderr
    assert "article w9: published date 9999-12-31" in run.stderr
    from eventcoder.export import read_csv, read_jsonl, read_parquet

    rows = {"csv": read_csv, "jsonl": read_jsonl, "parquet": read_parquet}[fmt](out)
    ids = {r.article_id for r in rows}
    assert {"w0", "big", "sur", "ok"} <= ids
    assert all(0 <= r.fatalities <= 10_000_000 for r in rows)
    assert all(1900 <= r.year <= 2200 for r in rows)
    assert next(r for r in rows if r.article_id == "sur").source == "\ufffd"

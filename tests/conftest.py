from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventcoder import Coder

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def shared_dir() -> Path | None:
    """../shared beside the checkout (or $EVENTCODER_SHARED); None when it is not there."""
    env = os.environ.get("EVENTCODER_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder.default()


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is not available")
    return path

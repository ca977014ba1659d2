"""Access to files shipped inside the package (bundled dictionaries, schemas)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

BUNDLED_DICTIONARIES = (
    "countries.yaml",
    "agents.yaml",
    "actors.yaml",
    "leaders.yaml",
    "organisations.yaml",
    "events.yaml",
    "cameo_events.yaml",
    "acled.yaml",
    "places.yaml",
    "holidays.yaml",
)


def package_text(path: str) -> str:
    """Text of a file shipped in the package by its path inside it, e.g. package_text('lang/en/cues.yaml')."""
    return resources.files("eventcoder").joinpath(*path.split("/")).read_text(encoding="utf-8")


def data_text(name: str) -> str:
    """Text of a bundled data file, e.g. data_text('events.yaml')."""
    return resources.files("eventcoder.data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema from schemas/ (shipped as eventcoder.schemas)."""
    try:
        text = resources.files("eventcoder.schemas").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        # Running from a source checkout without installing: schemas/ sits beside the package.
        text = (Path(__file__).resolve().parent.parent / "schemas" / name).read_text(encoding="utf-8")
    return json.loads(text)

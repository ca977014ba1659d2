"""A Frictionless Data Package descriptor (datapackage.json) for CSV tables of events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventcoder import __version__
from eventcoder.columns import DESCRIPTIONS
from eventcoder.errors import OutputError
from eventcoder.io.atomic import atomic_write, is_special, real_target
from eventcoder.model import COLUMNS
from eventcoder.resources import schema

_TYPES = {"string": "string", "integer": "integer", "number": "number"}


def table_schema() -> dict[str, Any]:
    """Table Schema for the event CSV, derived from schemas/event.schema.json."""
    props = schema("event.schema.json")["properties"]
    fields = []
    for name in COLUMNS:
        spec = props[name]
        kind = spec.get("type")
        if isinstance(kind, list):
            kind = next(k for k in kind if k != "null")
        if "enum" in spec:
            kind = "integer" if all(isinstance(v, int) for v in spec["enum"]) else "string"
        field: dict[str, Any] = {"name": name, "type": _TYPES.get(kind or "string", "string"), "description": DESCRIPTIONS[name]}
        if name == "event_date":
            field["type"] = "date"
        constraints: dict[str, Any] = {}
        if "enum" in spec and all(v != "" for v in spec["enum"]):
            constraints["enum"] = spec["enum"]
        for key in ("minimum", "maximum"):
            if key in spec:
                constraints[key] = spec[key]
        if name in ("event_id_cnty", "event_date", "actor1", "article_id", "cameo_code"):
            constraints["required"] = True
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def _existing(target: Path) -> dict[str, Any] | None:
    """The descriptor already at `target` (None when there is none); OutputError when it is not one."""
    if not target.exists():
        return None
    try:
        package = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OutputError(f"{target}: cannot update this datapackage.json ({exc}); fix or remove it, or give --no-datapackage")
    if not isinstance(package, dict) or not isinstance(package.get("resources", []), list) or not all(
            isinstance(r, dict) for r in package.get("resources", [])):
        raise OutputError(f"{target}: not a Data Package descriptor (an object with a list of resources); "
                          "fix or remove it, or give --no-datapackage")
    return package


def check_datapackage(csv_path: str | Path) -> None:
    """Raise OutputError, before anything is coded, when the descriptor beside `csv_path` could not be updated."""
    target = real_target(csv_path)
    if not is_special(target):
        _existing(target.parent / "datapackage.json")


def write_datapackage(csv_path: str | Path) -> Path | None:
    """Write or update datapackage.json beside `csv_path` with a resource describing it; returns its path.

    Several tables written to one folder share one descriptor, one resource each; resources whose file is gone
    are dropped. Beside a symlink it goes with the real file; for `/dev/null` or a FIFO there is none (None).
    """
    csv_path = real_target(csv_path)
    if is_special(csv_path):
        return None
    target = csv_path.parent / "datapackage.json"
    package: dict[str, Any] = _existing(target) or {"profile": "tabular-data-package", "name": "eventcoder-events", "resources": []}
    resource = {
        "name": _resource_name(csv_path.stem),
        "path": csv_path.name,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
        "description": f"Events coded by eventcoder {__version__}",
        "schema": table_schema(),
    }
    resources = [r for r in package.get("resources", []) if r.get("path") != csv_path.name and _still_there(r, csv_path.parent)]
    package["resources"] = resources + [resource]
    with atomic_write(target) as fh:
        json.dump(package, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    return target


def _still_there(resource: dict[str, Any], folder: Path) -> bool:
    path = resource.get("path")
    if not isinstance(path, str) or "://" in path:
        return True  # inline data, several paths or a URL: not ours to judge
    return (folder / path).exists()


def _resource_name(stem: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in stem.lower()).strip("-")
    return cleaned or "events"

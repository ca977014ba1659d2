"""The CAMEO event code table: label, Goldstein value and quad class of every code."""

from __future__ import annotations

import csv
import io

import attrs

from eventcoder.resources import data_text


@attrs.frozen(slots=True)
class CameoCode:
    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int


def _load() -> dict[str, CameoCode]:
    reader = csv.DictReader(io.StringIO(data_text("cameo_codes.csv")))
    return {
        r["code"]: CameoCode(r["code"], r["root"], r["label"], float(r["goldstein"]), int(r["quad_class"]))
        for r in reader
    }


CAMEO: dict[str, CameoCode] = _load()

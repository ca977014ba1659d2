"""Snippets that load an eventcoder CSV with the right column types in pandas, R and Stata.

They are generated from the datapackage Table Schema, so they list the same types as
datapackage.json and `eventcoder.read_events`; `eventcoder recipe pandas|r|stata`
prints them and docs/analysis.md shows them (a test checks the two agree).

>>> "cameo_code = col_character()" in recipe("r")
True
"""

from __future__ import annotations

from eventcoder.io.datapackage import table_schema

LANGUAGES = ("pandas", "r", "stata")


def _fields() -> list[tuple[str, str]]:
    return [(f["name"], f["type"]) for f in table_schema()["fields"]]


def pandas_recipe(csv: str = "events.csv") -> str:
    """Plain pandas (no eventcoder installed): read_csv with dtypes, then the dates."""
    kinds = {"string": "string", "integer": "Int64", "number": "float64"}
    fields = _fields()
    dtype_lines = "".join(f'    "{name}": "{kinds[kind]}",\n' for name, kind in fields if kind != "date")
    dates = [name for name, kind in fields if kind == "date"]
    return (
        "import pandas as pd\n"
        "\n"
        "DTYPES = {\n"
        f"{dtype_lines}"
        "}\n"
        "# an empty cell is missing in number columns and stays \"\" in text columns\n"
        f'events = pd.read_csv("{csv}", dtype=DTYPES, keep_default_na=False,\n'
        '                     na_values={c: [""] for c, t in DTYPES.items() if t != "string"})\n'
        + "".join(f'events["{d}"] = pd.to_datetime(events["{d}"], format="%Y-%m-%d")\n' for d in dates)
    )


def r_recipe(csv: str = "events.csv") -> str:
    """R with readr: read_csv with a col_types spec for every column."""
    kinds = {"string": "col_character()", "integer": "col_integer()", "number": "col_double()",
             "date": 'col_date(format = "%Y-%m-%d")'}
    fields = _fields()
    specs = ",\n".join(f"  {name} = {kinds[kind]}" for name, kind in fields)
    return (
        "library(readr)\n"
        "\n"
        "event_types <- cols(\n"
        f"{specs}\n"
        ")\n"
        f'events <- read_csv("{csv}", col_types = event_types, na = "")\n'
    )


def r_compact_types() -> str:
    """readr's one-letter-per-column col_types string (c character, D date, i integer, d double).

    >>> r_compact_types()[:4]
    'cDii'
    """
    letters = {"string": "c", "integer": "i", "number": "d", "date": "D"}
    return "".join(letters[kind] for _, kind in _fields())


def r_one_liner(csv: str = "events.csv") -> str:
    """The same types as r_recipe in one line, for a README or a console."""
    return f'events <- readr::read_csv("{csv}", col_types = "{r_compact_types()}", na = "")'


def stata_recipe(csv: str = "events.csv") -> str:
    """Stata: import delimited with the text columns forced to strings, then a daily date."""
    fields = _fields()
    strings = [str(i) for i, (_, kind) in enumerate(fields, 1) if kind in ("string", "date")]
    dates = [name for name, kind in fields if kind == "date"]
    lines = [
        "* text columns (codes with leading zeros, ids, dates) are read as strings",
        f'import delimited using "{csv}", clear varnames(1) encoding("utf-8") ///',
        "    bindquote(strict) maxquotedrows(unlimited) ///",
        f"    stringcols({' '.join(strings)})",
    ]
    for d in dates:
        lines += [
            f'generate {d}_d = date({d}, "YMD")',
            f"format {d}_d %td",
            f"order {d}_d, after({d})",
        ]
    return "\n".join(lines) + "\n"


def recipe(language: str, csv: str = "events.csv") -> str:
    """The snippet for one of LANGUAGES."""
    makers = {"pandas": pandas_recipe, "r": r_recipe, "stata": stata_recipe}
    if language not in makers:
        raise ValueError(f"unknown language {language!r} (choose from {', '.join(LANGUAGES)})")
    return makers[language](csv)

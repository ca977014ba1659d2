"""Converting TABARI and PETRARCH dictionaries into eventcoder YAML.

Converted: actor dictionaries (names, `+` synonyms, codes with date limits
`[CODE >YYMMDD]`, `[CODE <YYMMDD]`, `[CODE YYMMDD-YYMMDD]`) and agent
dictionaries (`TERM {PLURAL} [~ROLE]`, `!MACRO! = A, B` substitutions).
Everything else is reported as `file:line: not converted: why`, never dropped
silently; verb dictionaries are not converted yet.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Iterable

import attrs
import yaml

# CAMEO role codes and what they mean in ACLED's scheme: (inter, armed, eventcoder agent)
ROLES: dict[str, tuple[int, bool, str | None]] = {
    "GOV": (1, False, "government"), "MIL": (1, True, "military"), "COP": (1, True, "police"), "SPY": (1, True, "intelligence"),
    "JUD": (1, False, "judiciary"), "LEG": (1, False, "government"), "REB": (2, True, "rebels"), "INS": (2, True, "rebels"),
    "SEP": (2, True, "rebels"), "UAF": (3, True, "armed_group"), "CRM": (3, True, "gang"), "OPP": (6, False, "opposition"),
    "CVL": (7, False, "civilians"), "REF": (7, False, "civilians"), "EDU": (7, False, "civilians"), "MED": (7, False, "civilians"),
    "BUS": (7, False, "civilians"), "LAB": (7, False, "civilians"), "AGR": (7, False, "civilians"), "ELI": (8, False, None),
}
_ACLED_NAMES = {
    "GOV": "Government of {country}", "MIL": "Military Forces of {country}", "COP": "Police Forces of {country}",
    "REB": "Rebels ({country})", "OPP": "Opposition ({country})", "CVL": "Civilians ({country})",
}
_CODE = re.compile(r"\[\s*([~A-Za-z0-9-#]+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?\s*\]")
_NULL_CODES = {"---", "###"}


@attrs.define
class ImportResult:
    """What an import produced: eventcoder dictionary data, and what could not be converted."""

    data: dict[str, Any] = attrs.field(factory=lambda: {"actors": [], "agents": []})
    problems: list[str] = attrs.field(factory=list)
    converted: int = 0

    def to_yaml(self) -> str:
        data = {k: v for k, v in self.data.items() if v}
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


def _date(text: str) -> str:
    """YYMMDD (years up to 30 are 20xx) or YYYYMMDD as an ISO date."""
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()


def _phrase(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def _strip_comments(lines: list[str]) -> list[str]:
    out, in_html = [], False
    for line in lines:
        if in_html:
            if "-->" in line:
                in_html = False
                line = line.split("-->", 1)[1]
            else:
                out.append("")
                continue
        while "<!--" in line:
            head, _, tail = line.partition("<!--")
            if "-->" in tail:
                line = head + tail.split("-->", 1)[1]
            else:
                line, in_html = head, True
        line = re.split(r"\s[#;]|^[#;]", line, maxsplit=1)[0]
        out.append(line.rstrip())
    return out


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "actor"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}_{n}", n + 1
    taken.add(ident)
    return ident


def import_actors(path: str | Path, countries: Iterable[str], result: ImportResult | None = None) -> ImportResult:
    """Convert a TABARI/PETRARCH actor dictionary."""
    result = result or ImportResult()
    known = set(countries)
    name = str(path)
    lines = _strip_comments(Path(path).read_text(encoding="utf-8", errors="replace").splitlines())
    taken = {a["id"] for a in result.data["actors"]}
    entry: dict[str, Any] | None = None

    def flush() -> None:
        nonlocal entry
        if entry is not None:
            _finish_actor(entry, known, result, name, taken)
        entry = None

    section = None
    for lineno, line in enumerate(lines, 1):
        text = line.strip()
        if not text:
            continue
        if re.fullmatch(r"</?[A-Z]+>", text):
            section = None if text.startswith("</") else text
            if section:
                result.problems.append(f"{name}:{lineno}: not converted: {text} section (TABARI word classes have no eventcoder equivalent)")
            continue
        if section:
            continue
        if text.startswith("+"):
            if entry is None:
                result.problems.append(f"{name}:{lineno}: not converted: synonym with no actor above it")
            else:
                entry["aliases"].append(_phrase(text[1:]))
            continue
        if text.startswith("["):
            if entry is None:
                result.problems.append(f"{name}:{lineno}: not converted: code with no actor above it")
            else:
                entry["codes"].extend(_codes(text, name, lineno, result))
            continue
        flush()
        head = _CODE.split(text, maxsplit=1)[0]
        entry = {"name": _phrase(head), "aliases": [_phrase(head)], "codes": _codes(text, name, lineno, result) if "[" in text else [],
                 "line": lineno}
    flush()
    return result


def _codes(text: str, name: str, lineno: int, result: ImportResult) -> list[tuple[str, str | None, str | None]]:
    out = []
    for m in _CODE.finditer(text):
        code, op, when, start, end = m.groups()
        try:
            if op == ">":
                out.append((code.upper(), _date(when), None))
            elif op == "<":
                out.append((code.upper(), None, _date(when)))
            elif start:
                out.append((code.upper(), _date(start), _date(end)))
            else:
                out.append((code.upper(), None, None))
        except ValueError as exc:
            result.problems.append(f"{name}:{lineno}: not converted: bad date in {m.group(0)} ({exc})")
    return out


def _role(code: str) -> str:
    """The CAMEO role in an actor code: right after the country (USAMIL) or at the end (PSEHMSMIL)."""
    for part in (code[3:6], code[-3:]):
        if part in ROLES:
            return part
    return code[3:6]


def _finish_actor(entry: dict[str, Any], known: set[str], result: ImportResult, name: str, taken: set[str]) -> None:
    where = f"{name}:{entry['line']}"
    codes = [c for c in entry["codes"] if c[0] not in _NULL_CODES]
    if not codes:
        result.problems.append(f"{where}: not converted: {entry['name']!r} has no usable code (discard or null code)")
        return
    aliases = list(dict.fromkeys(a for a in entry["aliases"] if a))
    dated = [c for c in codes if c[1] or c[2]]
    if dated:
        roles = []
        for code, start, end in dated:
            country, role = code[:3], _role(code)
            agent = ROLES.get(role, (8, False, None))[2]
            if country not in known or agent is None:
                continue
            r: dict[str, Any] = {"country": country, "agent": agent}
            if start:
                r["from"] = start
            if end:
                r["to"] = end
            roles.append(r)
        if roles:
            result.data["actors"].append({"id": _slug(entry["name"], taken), "name": entry["name"].title(), "kind": "person",
                                          "aliases": aliases, "roles": roles})
            result.converted += 1
            return
    code = next((c[0] for c in codes if not (c[1] or c[2])), codes[-1][0])
    if not re.fullmatch(r"[A-Z][A-Z0-9]{2,14}", code):
        result.problems.append(f"{where}: not converted: {entry['name']!r} code {code!r} is not a CAMEO actor code")
        return
    country, role = code[:3], _role(code)
    inter, armed, _ = ROLES.get(role, (1, False, None) if len(code) == 3 else (8, False, None))
    actor: dict[str, Any] = {"id": _slug(entry["name"], taken), "name": entry["name"].title(),
                             "kind": "institution" if inter == 1 else "group", "aliases": aliases, "code": code,
                             "inter": inter, "armed": armed}
    if country in known:
        actor["country"] = country
    result.data["actors"].append(actor)
    result.converted += 1


def import_agents(path: str | Path, result: ImportResult | None = None) -> ImportResult:
    """Convert a TABARI/PETRARCH agent dictionary: terms grouped by role code."""
    result = result or ImportResult()
    name = str(path)
    lines = _strip_comments(Path(path).read_text(encoding="utf-8", errors="replace").splitlines())
    macros: dict[str, list[str]] = {}
    by_role: dict[str, list[str]] = {}
    for lineno, line in enumerate(lines, 1):
        text = line.strip()
        if not text:
            continue
        m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", text)
        if m:
            macros[m.group(1)] = [_phrase(w) for w in m.group(2).split(",")]
            continue
        m = re.fullmatch(r"(.+?)\s*(?:\{([^}]*)\})?\s*\[\s*~?\s*([A-Z]+)\s*~?\s*\]", text)
        if not m:
            result.problems.append(f"{name}:{lineno}: not converted: not an agent entry ({text[:40]!r})")
            continue
        term, plural, role = m.group(1), m.group(2), m.group(3)
        forms = [term] + ([plural] if plural else [])
        expanded: list[str] = []
        for form in forms:
            macro = re.search(r"![A-Z]+!", form)
            if macro and macro.group(0) in macros:
                expanded += [form.replace(macro.group(0), "_" + w.replace(" ", "_")) for w in macros[macro.group(0)]]
            elif macro:
                result.problems.append(f"{name}:{lineno}: not converted: unknown substitution {macro.group(0)}")
            else:
                expanded.append(form)
        by_role.setdefault(role[:3], []).extend(_phrase(f) for f in expanded)
    for role, terms in by_role.items():
        inter, armed, _ = ROLES.get(role, (8, False, None))
        result.data["agents"].append({
            "id": f"imported_{role.lower()}", "role": role, "inter": inter, "armed": armed,
            "acled_name": _ACLED_NAMES.get(role, role.title() + " ({country})"), "terms": sorted(set(t for t in terms if t)),
        })
        result.converted += 1
    return result


def import_dictionaries(paths: Iterable[str | Path], countries: Iterable[str], fmt: str = "petrarch") -> ImportResult:
    """Convert several dictionary files; the kind of each is told by its name (actors, agents, verbs, discards)."""
    if fmt not in ("petrarch", "tabari"):
        raise ValueError(f"unknown dictionary format {fmt!r} (petrarch or tabari)")
    result = ImportResult()
    countries = list(countries)
    for path in paths:
        low = Path(path).name.lower()
        if "agent" in low:
            import_agents(path, result)
        elif "actor" in low:
            import_actors(path, countries, result)
        else:
            kind = "verb" if "verb" in low else ("discard" if "discard" in low else "unrecognised")
            result.problems.append(f"{path}:1: not converted: {kind} dictionaries are not converted yet")
    return result

"""Converting TABARI and PETRARCH dictionaries into eventcoder YAML.

Converted: actor dictionaries (names, `+` synonyms, codes with date limits
`[CODE >YYMMDD]`, `[CODE <YYMMDD]`, `[CODE YYMMDD-YYMMDD]`), agent dictionaries
(`TERM {PLURAL} [~ROLE]`, `!MACRO! = A, B` substitutions), verb dictionaries
(synsets `&NAME`, verb blocks with forms `{...}` and synonyms, patterns
`- words * words [CODE]` with `$ + % ^` slots and `{ A | B }` alternatives) and
discards. Actors and agents become both ACLED-style entries (`actors`, `agents`,
where the country is known) and exact CAMEO entries (`cameo_actors`,
`cameo_agents`) for verb-pattern coding. Everything else is reported as
`file:line: not converted: why`, never dropped silently.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Iterable

import attrs
import yaml

from eventcoder.text.morphology import plural

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
_CODE = re.compile(r"\[\s*([~A-Za-z0-9-#/]+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?\s*\]")
_NULL_CODES = {"---", "###"}


@attrs.define
class ImportResult:
    """What an import produced: eventcoder dictionary data, and what could not be converted."""

    data: dict[str, Any] = attrs.field(factory=lambda: {
        "actors": [], "agents": [], "cameo_actors": [], "cameo_agents": [], "synsets": [], "verb_patterns": [], "discards": [],
    })
    problems: list[str] = attrs.field(factory=list)
    converted: int = 0

    def to_yaml(self) -> str:
        data = {k: v for k, v in self.data.items() if v}
        # libyaml's emitter when present: the pure-Python one takes ~20 s for the Phoenix dictionaries
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=120)


def _date(text: str) -> str:
    """YYMMDD (years up to 30 are 20xx) or YYYYMMDD as an ISO date."""
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()


def _cameo_phrase(raw: str, stems: bool) -> str:
    """A TABARI/PETRARCH phrase for verb-pattern coding. With `stems` (TABARI), the last word is a stem (eventcoder's
    `~` mark) unless it ends in `_` or `=`: "AL_GORE" -> "AL GORE~", "ARNOR_" -> "ARNOR", "MOUSE=" -> "MOUSE"."""
    raw = raw.strip()
    if not stems:
        return _phrase(raw)
    # TABARI: words apart may have others between them ("PRINCE DOL_AMROTH" matches "Prince of Dol Amroth")
    return " ... ".join(" ".join(words) for words in (_tabari_words(c) for c in raw.split()) if words)


def _tabari_words(chunk: str) -> list[str]:
    """The words of one `_`-joined TABARI chunk; the last is a stem (`~`) unless the chunk ends in `_` or `=`."""
    words = [w for w in chunk.rstrip("=").split("_") if w]
    if words and not chunk.endswith(("_", "=")) and re.fullmatch(r"[A-Za-z0-9'.-]{2,}", words[-1]):
        words[-1] += "~"
    return words


def _actor_phrases(raw: str, stems: bool) -> list[str]:
    """An actor phrase for verb-pattern coding, and with TABARI's reading its regular plural."""
    return [_cameo_phrase(raw, stems), *(_regular_endings(raw, verb=False) if stems else [])]


def _regular_endings(raw: str, verb: bool) -> list[str]:
    """TABARI's regular endings for a phrase whose last word ends in `_`: nouns take S, verbs S, ES, ED, EN, ING
    (a verb ending in E takes D). `=` marks a word that takes none."""
    raw = raw.strip()
    if not raw.endswith("_") or raw.endswith("=_"):
        return []
    base = _cameo_phrase(raw, True)
    head, _, last = base.rpartition(" ")
    prefix = head + " " if head else ""
    if not verb:
        return [prefix + last + "S"]
    if last.upper().endswith("E"):
        endings = [last + "S", last + "D", last + "N", last[:-1] + "ING"]
    else:
        endings = [last + e for e in ("S", "ES", "ED", "EN", "ING")]
    return [prefix + e for e in endings]


def _phrase(raw: str) -> str:
    # TABARI's `=` (a word taking no endings) means nothing to a plain phrase
    return " ".join(w.rstrip("=") for w in raw.replace("_", " ").split() if w.rstrip("="))


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


def import_actors(path: str | Path, countries: Iterable[str], result: ImportResult | None = None, *,
                  stems: bool = False) -> ImportResult:
    """Convert a TABARI/PETRARCH actor dictionary (`stems`: TABARI's reading, where a word not ended by `_` is a stem)."""
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
                entry["cameo"].extend(_actor_phrases(text[1:], stems))
            continue
        if text.startswith("["):
            if entry is None:
                result.problems.append(f"{name}:{lineno}: not converted: code with no actor above it")
            else:
                entry["codes"].extend(_codes(text, name, lineno, result))
            continue
        flush()
        head = _CODE.split(text, maxsplit=1)[0]
        entry = {"name": _phrase(head), "aliases": [_phrase(head)],
                 "cameo": _actor_phrases(head, stems),
                 "codes": _codes(text, name, lineno, result) if "[" in text else [], "line": lineno}
    flush()
    return result


def _codes(text: str, name: str, lineno: int, result: ImportResult) -> list[tuple[str, str | None, str | None]]:
    out = []
    for m in _CODE.finditer(text):
        codes, op, when, start, end = m.groups()
        try:
            window = _window(op, when, start, end)
        except ValueError as exc:
            result.problems.append(f"{name}:{lineno}: not converted: bad date in {m.group(0)} ({exc})")
            continue
        out.extend((code.upper(), *window) for code in codes.split("/"))  # [ELR/GAL]: one phrase, several actors
    return out


def _window(op: str | None, when: str | None, start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """The (from, to) dates of a code: `>D` from D, `<D` until D, `A-B` from A through B (its last day included;
    eventcoder's `to` is the first day a code no longer holds)."""
    if op == ">":
        return _date(when or ""), None
    if op == "<":
        return None, _date(when or "")
    if start:
        last = dt.date.fromisoformat(_date(end or ""))
        return _date(start), (last + dt.timedelta(days=1)).isoformat()
    return None, None


def _role(code: str) -> str:
    """The CAMEO role in an actor code: right after the country (USAMIL) or at the end (PSEHMSMIL)."""
    for part in (code[3:6], code[-3:]):
        if part in ROLES:
            return part
    return code[3:6]


def _cameo_actor(entry: dict[str, Any], result: ImportResult) -> None:
    """The exact CAMEO entry: every phrase and every (dated) code, null codes included (they stop a phrase being coded)."""
    phrases = list(dict.fromkeys(a for a in entry["cameo"] if a))
    if not phrases or not entry["codes"]:
        return
    codes = []
    for code, start, end in entry["codes"]:
        c: dict[str, Any] = {"code": code}
        if start:
            c["from"] = start
        if end:
            c["to"] = end
        codes.append(c)
    result.data["cameo_actors"].append({"name": entry["name"], "phrases": phrases, "codes": codes})


def _finish_actor(entry: dict[str, Any], known: set[str], result: ImportResult, name: str, taken: set[str]) -> None:
    where = f"{name}:{entry['line']}"
    _cameo_actor(entry, result)
    codes = [c for c in entry["codes"] if c[0] not in _NULL_CODES]
    if not codes:
        result.problems.append(f"{where}: CAMEO entry only: {entry['name']!r} has no usable code for an ACLED actor (discard or null code)")
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
            if start and end and end <= start:
                result.problems.append(f"{where}: not converted: {entry['name']!r} role {code} ends ({end}) before it starts ({start})")
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
        result.problems.append(f"{where}: CAMEO entry only: {entry['name']!r} code {code!r} is not an ACLED-usable actor code")
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


def import_agents(path: str | Path, result: ImportResult | None = None, *, stems: bool = False) -> ImportResult:
    """Convert a TABARI/PETRARCH agent dictionary: terms grouped by role code, and each term as a CAMEO agent.

    `[~GOV]` adds GOV after the actor's code, `[NGO~]` before it; `{PLURAL}` lists plurals (`{}`: none), otherwise
    the regular plural is generated.
    """
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
        m = re.fullmatch(r"(.+?)\s*(?:\{([^}]*)\})?\s*\[\s*(~?)\s*([A-Z0-9]+)\s*(~?)\s*\]", text)
        if not m:
            result.problems.append(f"{name}:{lineno}: not converted: not an agent entry ({text[:40]!r})")
            continue
        term, plural_text, pre_tilde, code, post_tilde = m.groups()
        forms = [term] + (plural_text.split() if plural_text else [])
        expanded: list[str] = []
        for form in forms:
            macro = re.search(r"![A-Z]+!", form)
            if macro and macro.group(0) in macros:
                expanded += [form.replace(macro.group(0), "_" + w.replace(" ", "_")) for w in macros[macro.group(0)]]
            elif macro:
                result.problems.append(f"{name}:{lineno}: not converted: unknown substitution {macro.group(0)}")
            else:
                expanded.append(form)
        phrases = [p for p in (_phrase(f) for f in expanded) if p]
        if plural_text is None and not re.search(r"![A-Z]+!", term) and not stems:  # a substitution lists its plurals
            phrases += [q for q in (plural(p.lower()).upper() if p.isupper() else plural(p) for p in phrases) if q not in phrases]
        if not phrases:
            continue
        by_role.setdefault(code[:3], []).extend(phrases)
        cameo = [q for f in expanded for q in _actor_phrases(f, stems)] if stems else phrases  # `WORD_` takes its plural
        agent: dict[str, Any] = {"phrases": list(dict.fromkeys(p for p in cameo if p)), "code": code}
        if post_tilde and not pre_tilde:
            agent["position"] = "prefix"
        result.data["cameo_agents"].append(agent)
        result.converted += 1
    for role, terms in by_role.items():
        inter, armed, _ = ROLES.get(role, (8, False, None))
        result.data["agents"].append({
            "id": f"imported_{role.lower()}", "role": role, "inter": inter, "armed": armed,
            "acled_name": _ACLED_NAMES.get(role, role.title() + " ({country})"), "terms": sorted(set(t for t in terms if t)),
        })
    return result


_VERB_CODE = re.compile(r"\[\s*([^\]\s]+)\s*\]")
_ALTERNATIVES = re.compile(r"\{([^{}]*\|[^{}]*)\}")


def import_verbs(path: str | Path, result: ImportResult | None = None, *, stems: bool = False) -> ImportResult:
    """Convert a PETRARCH-1 or TABARI verb dictionary: synsets, verbs with forms and synonyms, and their patterns."""
    result = result or ImportResult()
    name = str(path)
    lines = _strip_comments(Path(path).read_text(encoding="utf-8", errors="replace").splitlines())
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, dict[str, Any]] = {}
    current_syn: str | None = None
    block_code: str | None = None  # PETRARCH-1 "--- VERB [CODE] ---" header: the code of verbs listed under it
    verb: dict[str, Any] | None = None
    block: list[dict[str, Any]] = []  # verbs of the current "--- VERB ---" block (PETRARCH-1), who share its patterns
    section: str | None = None
    alt = len(result.data["synsets"])  # `{ A | B }` become synsets ALTn, numbered apart from other files' ones
    for lineno, line in enumerate(lines, 1):
        text = line.strip()
        if not text:
            continue  # blank and comment lines do not end a synset: the next header does
        tag = re.fullmatch(r"<(/?)([A-Z]+)>", text)
        if tag:
            section = None if tag.group(1) else tag.group(2)
            if section not in (None, "SYNSETS"):
                result.problems.append(f"{name}:{lineno}: not converted: <{section}> section (no eventcoder equivalent)")
            current_syn = None
            continue
        if section not in (None, "SYNSETS"):
            continue
        if text.startswith("&"):
            current_syn = text[1:].split()[0].rstrip("_").upper()
            synsets.setdefault(current_syn, [])
            continue
        if current_syn is not None and text.startswith("+"):
            synsets[current_syn].append(_cameo_phrase(text[1:], stems))
            continue
        current_syn = None
        header = re.fullmatch(r"---\s*(.*?)\s*\[\s*([^\]]*?)\s*\]\s*---", text)
        if header:
            block_code = header.group(2)
            verb, block = None, []
            continue
        if text.startswith("~"):
            result.problems.append(f"{name}:{lineno}: not converted: PETRARCH-2 transformation (rewriting one event into "
                                   "another has no eventcoder equivalent)")
            continue
        if text.startswith("-"):
            if verb is None:
                result.problems.append(f"{name}:{lineno}: not converted: pattern with no verb above it")
                continue
            if "(" in text or re.search(r"\{[^}|]*\}", text):
                result.problems.append(f"{name}:{lineno}: not converted: PETRARCH-2 phrase-structure pattern "
                                       "(its (...) and {...} groups need a parse tree)")
                continue
            m = _VERB_CODE.search(text)
            if not m:
                result.problems.append(f"{name}:{lineno}: not converted: pattern without a [CODE]")
                continue
            body = text[1 : m.start()].strip()
            while (a := _ALTERNATIVES.search(body)) is not None:
                alt += 1
                syn = f"ALT{alt}"
                synsets[syn] = [_cameo_phrase(o, stems) for o in a.group(1).split("|") if o.strip()]
                before, after = body[: a.start()], body[a.end() :]
                # keep a `_` join to the neighbours ("{ A | B }_WORDED"), otherwise keep the words apart
                body = (before if before.endswith("_") or not before else before + " ") + f"&{syn}" + \
                    (after if after.startswith("_") or not after else " " + after)
            if body.count("*") != 1:
                result.problems.append(f"{name}:{lineno}: not converted: pattern needs exactly one * ({body!r})")
                continue
            pattern = {"pattern": _pattern_text(body, stems), "code": _event_code(m.group(1)), "line": lineno}
            for v in block if block_code is not None else [verb]:
                v["patterns"].append(pattern)
            continue
        forms_line = re.fullmatch(r"\{([^}|]*)\}", text)
        if forms_line:  # TABARI: the forms of the verb above on a line of their own ("{ ACTING_ ACTXD_ ACTUALITY }")
            if verb is None:
                result.problems.append(f"{name}:{lineno}: not converted: verb forms with no verb above them")
                continue
            for f in forms_line.group(1).split():
                verb["forms"].append(_verb_phrase(f, stems).replace("+", ""))
                if stems:
                    verb["forms"].extend(e.lower() for e in _regular_endings(f, verb=True))
            continue
        # a verb line: WORD {FORMS} [CODE]; `+` before a later word marks the word that inflects ("WIRE_+TAP")
        m = re.fullmatch(r"(\+?)([^\[{]+?)\s*(?:\{([^}]*)\})?\s*(?:\[\s*([^\]]*?)\s*\])?\s*", text)
        if not m:
            result.problems.append(f"{name}:{lineno}: not converted: not a verb entry ({text[:40]!r})")
            continue
        synonym, head, forms, code = bool(m.group(1)), _verb_phrase(m.group(2), stems), m.group(3), m.group(4)
        listed = [_verb_phrase(f).replace("+", "") for f in (forms or "").split()]
        if stems:
            listed += [e.lower() for e in _regular_endings(m.group(2), verb=True)]
        # PETRARCH-1: a verb line in a block without a code of its own is one more word for the block's verb
        same_block = block_code is not None and block and (code is None or code == block[0]["code"])
        if synonym or same_block:
            target = block[0] if same_block else verb
            if target is None:
                result.problems.append(f"{name}:{lineno}: not converted: verb synonym with no verb above it")
                continue
            if head != target["verb"]:
                target["synonyms"].append(head)
            target["forms"].extend(listed)
            verb = target
            continue
        code = code or block_code
        if code is None:
            result.problems.append(f"{name}:{lineno}: not converted: verb {head!r} has no code")
            verb = None
            continue
        if head in verbs:
            verb = verbs[head]  # the same verb listed again: its patterns join the first entry
        else:
            verb = {"verb": head, "code": _event_code(code), "forms": listed, "synonyms": [], "patterns": [], "line": lineno}
            verbs[head] = verb
        block.append(verb)
    earlier = {s["name"]: s for s in result.data["synsets"]}
    for syn, phrases in synsets.items():
        if syn in earlier:  # the same synset in an earlier file: one set with both files' phrases
            earlier[syn]["phrases"] = list(dict.fromkeys(earlier[syn]["phrases"] + phrases))
        elif phrases:
            result.data["synsets"].append({"name": syn, "phrases": list(dict.fromkeys(phrases))})
    # a pattern naming a synset that is missing or empty here cannot be coded (the lines say which)
    defined = {syn for syn, phrases in synsets.items() if phrases}
    for v in verbs.values():
        kept = []
        for p in v["patterns"]:
            missing = sorted({n.upper() for n in re.findall(r"&([A-Za-z0-9]+)", p["pattern"])} - defined)
            if missing:
                result.problems.append(f"{name}:{p['line']}: not converted: pattern uses undefined synset &{missing[0]}")
            elif p not in kept:
                kept.append(p)
        v["patterns"] = kept
    before = {e["verb"]: e for e in result.data["verb_patterns"]}
    for v in verbs.values():
        entry: dict[str, Any] = before.get(v["verb"]) or {"verb": v["verb"], "code": v["code"]}
        # a verb an earlier file gave keeps that file's code and gains this file's words and patterns
        for key, values in (("forms", v["forms"]), ("synonyms", v["synonyms"]),
                            ("patterns", [{"pattern": p["pattern"], "code": p["code"]} for p in v["patterns"]])):
            merged = entry.get(key, []) + [x for x in values if x not in entry.get(key, [])]
            if merged:
                entry[key] = list(dict.fromkeys(merged)) if key != "patterns" else merged
        if v["verb"] not in before:
            result.data["verb_patterns"].append(entry)
        result.converted += 1 + len(v["patterns"])
    return result


def _verb_phrase(text: str, stems: bool = False) -> str:
    """A verb as eventcoder writes it: lower case, words apart, `+` kept before a later word that inflects."""
    words = _cameo_phrase(text, stems).lower().split()
    return " ".join(w if i else w.lstrip("+") for i, w in enumerate(words))


def _pattern_text(body: str, stems: bool) -> str:
    """A pattern in eventcoder's notation: `_` joins stay, a trailing `_` (TABARI's "exact word") goes, and with
    `stems` (TABARI) each word not followed by `_` gets the stem mark `~`."""
    chunks = [_tabari_words(c) if stems else [w for w in c.split("_") if w] for c in body.split()]
    text = " ".join("_".join(words) for words in chunks if words)
    if not stems and "*" in text:
        # PETRARCH reads a compound after the verb as its target ("agrees with % ..."); eventcoder's `%` is
        # TABARI's compound acting on itself, so PETRARCH's becomes `+`
        before, _, after = text.partition("*")
        text = before + "*" + after.replace("%", "+")
    return text


def _event_code(code: str) -> str:
    return code.strip()


def import_discards(path: str | Path, result: ImportResult | None = None) -> ImportResult:
    """Convert a discards list: `+PHRASE` discards the whole story, `PHRASE` the sentence."""
    result = result or ImportResult()
    lines = _strip_comments(Path(path).read_text(encoding="utf-8", errors="replace").splitlines())
    for lineno, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("<"):
            continue
        story = text.startswith("+")
        phrase = _phrase(text.lstrip("+"))
        if phrase:
            result.data["discards"].append({"phrase": phrase, "scope": "story" if story else "sentence"})
            result.converted += 1
    return result


_DEFAULT_ACTOR = re.compile(r"(SOURCE|TARGET)\s*\[\s*([A-Z0-9~-]+)\s*\]\s*(PRIOR|AFTER)?")


def tabari_option(line: str) -> tuple[dict[str, Any], str | None]:
    """One TABARI options line as `cameo_options` settings, and why it was not converted (None if it was).

    >>> tabari_option("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER")[0]["default_source"]
    'DEFSRC'
    >>> tabari_option("SET: CODE BY SENTENCE")
    ({'code_by': 'sentence'}, None)
    """
    text = " ".join(line.split()).upper()
    command, _, value = text.partition(":")
    value = value.strip()
    if text.startswith("SET: CODE ") and "=" not in text:
        how = text[len("SET: CODE "):]
        code_by = {"BY CLAUSE": "clause", "BY SENTENCE": "sentence", "ALL": "all"}.get(how)
        return ({"code_by": code_by}, None) if code_by else ({}, f"unknown SET: CODE {how!r}")
    if command == "SET":
        key, _, setting = (x.strip() for x in value.partition("="))
        if key == "CONVERT AGENT":
            return {"convert_agents": setting == "TRUE"}, None
        return {}, f"SET: {key} changes nothing eventcoder codes differently" if key in _NEUTRAL_SETTINGS \
            else f"SET: {key} has no eventcoder setting"
    if command == "COMPLEX":
        # VERBS[n] and CONJ[n] limits are not emulated: eventcoder codes long sentences clause by clause
        return {"actor_before_verb": "NOACTPRIOR" in value.split()}, None
    if command == "DEFAULT":
        out: dict[str, Any] = {"default_source": None, "default_source_prior": False,
                               "default_target": None, "default_target_after": False}
        if value != "OFF":
            for role, code, when in _DEFAULT_ACTOR.findall(value):
                key = "default_" + role.lower()
                out[key] = code
                out[key + ("_prior" if role == "SOURCE" else "_after")] = bool(when)
        return out, None
    if command == "COMMA":
        if value == "OFF":
            return {"drop_inner_clause": None, "drop_end_clause": None, "drop_start_clause": None}, None
        nums = dict(re.findall(r"([A-Z]+)\s*=\s*(\d+)", value))
        if not {"MIN", "MAX", "EMIN", "EMAX", "BMIN", "BMAX"} <= nums.keys():
            return {}, f"COMMA: needs MIN, MAX, EMIN, EMAX, BMIN and BMAX ({value!r})"

        def bounds(lo: str, hi: str) -> list[int] | None:
            return [int(nums[lo]), int(nums[hi])] if int(nums[lo]) <= int(nums[hi]) else None  # TABARI: MIN > MAX is off

        return {"drop_inner_clause": bounds("MIN", "MAX"), "drop_end_clause": bounds("EMIN", "EMAX"),
                "drop_start_clause": bounds("BMIN", "BMAX")}, None
    if command in ("OUTPUT", "LABEL"):
        return {}, f"{command}: is about TABARI's output files"
    return {}, f"{command}: has no eventcoder setting"


# TABARI settings about its own input and output handling, not about which events are coded
_NEUTRAL_SETTINGS = frozenset({"SKIP RECORDS", "VERB USAGE", "ACTOR USAGE", "AGENT USAGE", "LABEL", "DUP WARNING", "FBIS"})


# what TABARI does unless its .options file says otherwise, where that differs from eventcoder's defaults:
# comma clauses of 2-10 tokens inside and at the end are dropped, and the actor code ### discards a sentence
TABARI_BUILT_IN: dict[str, Any] = {"drop_inner_clause": [2, 10], "drop_end_clause": [2, 10], "drop_start_clause": None,
                                   "discard_code": "###"}


def import_options(path: str | Path, result: ImportResult | None = None) -> ImportResult:
    """Convert a TABARI .options file into a `cameo_options` section; other options are reported, not guessed."""
    result = result or ImportResult()
    lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    for lineno, line in enumerate(lines, 1):
        text = line.split("//", 1)[0].strip()
        if not text:
            continue
        settings, problem = tabari_option(text)
        if problem is not None:
            result.problems.append(f"{path}:{lineno}: not converted: {problem}")
            continue
        result.data.setdefault("cameo_options", {}).update(settings)
        result.converted += 1
    return result


def import_dictionaries(paths: Iterable[str | Path], countries: Iterable[str], fmt: str = "petrarch") -> ImportResult:
    """Convert several dictionary files; the kind of each is told by its name (actors, agents, verbs, discards)."""
    if fmt not in ("petrarch", "tabari"):
        raise ValueError(f"unknown dictionary format {fmt!r} (petrarch or tabari)")
    result = ImportResult()
    if fmt == "tabari":
        result.data["cameo_options"] = dict(TABARI_BUILT_IN)  # a .options file among the paths overrides these
    countries = list(countries)
    for path in paths:
        low = Path(path).name.lower()
        stems = fmt == "tabari"  # TABARI reads a word not ended by `_` as a stem; PETRARCH matches whole words
        if "agent" in low:
            import_agents(path, result, stems=stems)
        elif "actor" in low:
            import_actors(path, countries, result, stems=stems)
        elif "verb" in low or low.startswith("cameo"):  # PETRARCH names its verb files CAMEO.*
            import_verbs(path, result, stems=stems)
        elif "discard" in low:
            import_discards(path, result)
        elif low.endswith(".options"):
            import_options(path, result)
        else:
            result.problems.append(f"{path}:1: not converted: cannot tell the kind of dictionary from its name "
                                   "(expected actors, agents, verbs or discards in it, or a TABARI .options file)")
    return result

"""Languages the engine reads: one folder per language under eventcoder/lang/.

A folder holds `grammar.yaml` (the closed word classes the engine's rules are
written over: determiners, auxiliaries, pronouns, number and month words) and
layered dictionary files (`cues.yaml`, `morphology.yaml`) that users extend
like any other dictionary. The engine modules hold no words of their own.

>>> english = language("en")
>>> "were" in english.words["be_forms"], english.numbers["months"]["sept"]
(True, 9)
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

import attrs

from eventcoder.yamlsrc import LinedDict, load_yaml
from eventcoder.errors import DictionaryError

DEFAULT = "en"

# the word classes, number tables and phrase lists every language must give (and no others)
WORD_CLASSES = frozenset("""
    be_forms have_forms verb_cues adverb_skip object_modifiers determiners articles possessive_determiners object_determiners
    definite_determiners object_starts singular_markers backing area_suffixes led_suffix join_blockers coordinators
    refiners relative_pronouns according agent_by noun_gap target_skip symmetric_preps between count_nouns speech_verbs
    seat_speech_verbs seat_preposition infinitive no negation_suffix between_place near person_pronouns
    object_person_pronouns group_pronouns armed_pronouns abbreviations openers ambiguous_months since future_markers
    year_preps last earlier_this this not_people range_words number_and big_scales participle_leads means_leads object_pronouns
    accusation_of claim_gap foe_gap refused_object_words measure_units currency_signs definite_article and of since_before future_before ordinal_suffixes aggregate_means
    tabari_connectors tabari_compound tabari_be tabari_prepositions tabari_breaks tabari_determiners
    tabari_coordinators tabari_subordinators tabari_pronouns tabari_chain
    split_particles age_ends not_lowercase_places place_area_words place_nouns place_institutions first_level_area_words place_origin_words after_object_place place_chain_words
    singular_be count_heads toll_nouns passive_reporting split_units nobody reflexive_person_pronouns intransitive_deaths plural_heads
    place_district_words place_subdistrict_words place_direction_words
""".split())
NUMBER_TABLES = frozenset("weekdays months units tens scales days_back".split())
CALENDAR_UNITS = frozenset("night week weekend month".split())
PHRASE_LISTS = frozenset("vague at_least about exact_leads names_with_the".split())


@attrs.frozen(slots=True, eq=False)  # one value per language and process: compared and hashed by identity
class Language:
    """One language's grammar words, read from eventcoder/lang/<code>/grammar.yaml."""

    code: str
    words: Mapping[str, frozenset[str]]
    numbers: Mapping[str, Mapping[str, int]]
    vague: Mapping[tuple[str, ...], int]
    at_least: tuple[tuple[str, ...], ...]
    about: tuple[tuple[str, ...], ...]
    names_with_the: tuple[str, ...]
    units: Mapping[str, str]  # a word for a calendar unit -> night, week, weekend or month
    exact_leads: tuple[tuple[str, ...], ...] = ()  # "a total of 10": words before a figure that leave it exact

    def __reduce__(self) -> tuple:
        return (language, (self.code,))  # a language travels to other processes by its code


def dictionary_files(code: str = DEFAULT) -> list[str]:
    """The language's layered dictionary files, as package paths ("lang/en/cues.yaml"), in reading order."""
    folder = resources.files("eventcoder").joinpath("lang", code)
    return sorted(f"lang/{code}/{p.name}" for p in folder.iterdir() if p.name.endswith(".yaml") and p.name != "grammar.yaml")


def _check(data: Any, name: str) -> list[str]:
    if not isinstance(data, LinedDict):
        return [f"{name}:1: a grammar file is a mapping with words:, numbers: and phrases:"]
    problems = []
    for section, known in (("words", WORD_CLASSES), ("numbers", NUMBER_TABLES), ("phrases", PHRASE_LISTS)):
        part = data.get(section)
        line = data.key_lines.get(section, 1)
        if not isinstance(part, LinedDict):
            problems.append(f"{name}:{line}: {section}: missing or not a mapping")
            continue
        for key in sorted(known - set(part)):
            problems.append(f"{name}:{line}: {section}: {key!r} is missing (the engine reads it)")
        for key in sorted(set(part) - known):
            problems.append(f"{name}:{part.key_lines.get(str(key), line)}: {section}: unknown entry {key!r} (known: {', '.join(sorted(known))})")
        for key, value in part.items():
            ok = isinstance(value, dict) if section == "numbers" or key == "vague" else isinstance(value, list)
            if not ok:
                problems.append(f"{name}:{part.key_lines.get(str(key), line)}: {section}: {key} has the wrong shape")
    words = data.get("words")
    for key in ("place_district_words", "place_subdistrict_words"):
        if isinstance(words, LinedDict) and isinstance(words.get(key), list) and isinstance(words.get("place_area_words"), list):
            # a district word is read on a name the mention reader already took as an area: it must be an area word
            for w in sorted(set(map(str, words[key])) - set(map(str, words["place_area_words"]))):
                problems.append(f"{name}:{words.key_lines.get(key, 1)}: words: {key}: {w!r} is not in place_area_words")
    if isinstance(words, LinedDict) and isinstance(words.get("place_direction_words"), list):
        for w in words["place_direction_words"]:
            if str(w).count("=") != 1 or not all(str(w).split("=")):
                problems.append(f"{name}:{words.key_lines.get('place_direction_words', 1)}: words: place_direction_words: "
                                f"{w!r} is not written foreign=english")
    units = data.get("units")
    if not isinstance(units, dict) or set(units.values()) - CALENDAR_UNITS or CALENDAR_UNITS - set(units.values()):
        problems.append(f"{name}:{data.key_lines.get('units', 1)}: units: map words to each of {', '.join(sorted(CALENDAR_UNITS))}")
    return problems


@lru_cache(maxsize=None)
def language(code: str = DEFAULT) -> Language:
    """The grammar of a bundled language; DictionaryError (`file:line: problem`) when its file is malformed."""
    name = f"eventcoder/lang/{code}/grammar.yaml"
    try:
        text = resources.files("eventcoder").joinpath("lang", code, "grammar.yaml").read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise DictionaryError([f"{name}:0: no such language ({exc})"]) from None
    data, problems = load_yaml(text, name)
    problems = problems + _check(data, name)
    if problems:
        raise DictionaryError(problems)
    words, numbers, phrases = data["words"], data["numbers"], data["phrases"]
    return Language(
        code,
        MappingProxyType({k: frozenset(str(w) for w in v) for k, v in words.items()}),
        MappingProxyType({k: MappingProxyType({str(w): int(n) for w, n in v.items()}) for k, v in numbers.items()}),
        MappingProxyType({tuple(str(k).split()): int(v) for k, v in phrases["vague"].items()}),
        tuple(tuple(str(p).split()) for p in phrases["at_least"]),
        tuple(tuple(str(p).split()) for p in phrases["about"]),
        tuple(str(p) for p in phrases["names_with_the"]),
        MappingProxyType({str(k): str(v) for k, v in data["units"].items()}),
        tuple(tuple(str(p).split()) for p in phrases["exact_leads"]),
    )

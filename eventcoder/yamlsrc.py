"""YAML reading that remembers line numbers and refuses YAML 1.1 surprises.

Plain scalars such as `010` (octal 8) or `NO` (false) are silently converted by
YAML 1.1 loaders; in a dictionary those are almost always codes, so they are
reported as errors instead. So are two things that lose or explode data: a key
given twice in one mapping (a second `actors:` would silently replace the first
section) and aliases (`*name`: a 1 KB "billion laughs" file expands to gigabytes).
Both are `file:line` errors; anchors and aliases are refused before anything is built.
"""

from __future__ import annotations

from typing import Any

import yaml


class LinedDict(dict):
    """A mapping from YAML that knows the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LinedList(list):
    """A sequence from YAML that knows its line and the line of each item."""

    line: int = 0
    item_lines: list[int]


_SURPRISE_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:float", "tag:yaml.org,2002:null"}


# libyaml's parser keeps node marks too, and is several times faster than the pure-Python one
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type, misc]
    pass


def _surprising(node: yaml.Node) -> bool:
    """A plain scalar whose YAML 1.1 reading changes what was written (010 -> 8, NO -> False)."""
    if not isinstance(node, yaml.ScalarNode) or node.style not in (None, ""):
        return False
    if node.tag == "tag:yaml.org,2002:bool":
        return node.value.lower() not in ("true", "false")
    if node.tag == "tag:yaml.org,2002:int":
        v = node.value.lstrip("+-")
        return (len(v) > 1 and v.startswith("0")) or "_" in v or ":" in v
    return False


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> LinedDict:
    loader.flatten_mapping(node)
    out = LinedDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (str, int, float, bool)) and key in out:
            first = out.key_lines.get(str(key), 0)
            loader.surprises.append((key_node.start_mark.line + 1, f"duplicate key {key!r} (first given on line {first}); "
                                                                   "the second would silently replace the first"))
            continue
        if _surprising(value_node):
            loader.surprises.append(
                (value_node.start_mark.line + 1, f"{key}: write {value_node.value!r} in quotes; unquoted YAML reads it as {loader.construct_object(value_node)!r}")
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[str(key)] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode, deep: bool = False) -> LinedList:
    out = LinedList()
    out.line = node.start_mark.line + 1
    out.item_lines = []
    for child in node.value:
        if _surprising(child):
            loader.surprises.append(
                (child.start_mark.line + 1, f"write {child.value!r} in quotes; unquoted YAML reads it as {loader.construct_object(child)!r}")
            )
        out.append(loader.construct_object(child, deep=True))
        out.item_lines.append(child.start_mark.line + 1)
    return out


def _construct_timestamp_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates stay ISO strings: the schema checks their shape and the engine parses them once.
    return loader.construct_scalar(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


def _shared_node(root: yaml.Node) -> tuple[int, str] | None:
    """(line, message) for the first node reached twice, i.e. through an alias; linear in the distinct nodes."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, yaml.Node]] = [(root, root)]
    while stack:
        node, parent = stack.pop()
        if id(node) in seen:
            return parent.start_mark.line + 1, "YAML aliases (*name) are not allowed; write the value out"
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.append((k, k))
                stack.append((v, k))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, node) for child in node.value)
    return None


def load_yaml(text: str, name: str) -> tuple[Any, list[str]]:
    """Parse YAML text; return (data, problems) where problems read `name:line: message`."""
    loader = _Loader(text)
    loader.surprises = []
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        shared = _shared_node(node) if "*" in text else None  # no "*", no alias: large files skip the walk
        if shared is not None:
            return None, [f"{name}:{shared[0]}: {shared[1]}"]
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        return None, [f"{name}:{line}: YAML syntax error: {exc.problem or exc}"]
    finally:
        loader.dispose()
    problems = [f"{name}:{line}: {msg}" for line, msg in loader.surprises]
    return data, problems


def line_of(data: Any, path: list[Any]) -> int:
    """The line of the deepest node on `path` that recorded one."""
    line = getattr(data, "line", 0)
    node = data
    for step in path:
        if isinstance(node, LinedDict) and step in node:
            line = node.key_lines.get(str(step), line)
            node = node[step]
        elif isinstance(node, LinedList) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
        line = getattr(node, "line", line) if isinstance(node, (LinedDict, LinedList)) and not isinstance(step, str) else line
    return line

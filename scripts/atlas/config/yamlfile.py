"""Reading the project's small YAML data files (themes, glossary, events, the catalog, the hand
outlines) with one kind of error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..model.errors import InputError


class LineLoader(yaml.SafeLoader):
    """A safe loader that remembers each mapping's line as ``__line__`` (for error messages)."""


def _mapping_with_line(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


# Where a value sits in a file: the keys and list positions leading to it, as pydantic reports them.
Location = tuple[str | int, ...]


class _TextDatesLoader(yaml.SafeLoader):
    """A safe loader that leaves dates as text: 和暦, ISO and month-only dates are parsed by one
    function with one error message (wareki.parse_partial_date), not some by YAML."""


_TextDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Located:
    """A YAML file's data with the line of each key and list item (for error messages)."""

    path: Path
    data: Any
    lines: dict[Location, int]

    def line_of(self, location: Location) -> int | None:
        """The line of the value at ``location``, or of the nearest thing around it that has one."""
        for end in range(len(location), -1, -1):
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return None


def load_located(path: Path) -> Located:
    """Parse ``path`` remembering where every key and list item is; an InputError names the line otherwise."""
    try:
        loader = _TextDatesLoader(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read: {error}") from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise InputError(path, f"invalid YAML: {error.problem}", line) from None
    except yaml.YAMLError as error:
        raise InputError(path, f"invalid YAML: {error}") from None
    finally:
        loader.dispose()
    lines: dict[Location, int] = {}
    if node is not None:
        _record(path, node, (), lines)
    return Located(path, data, lines)


def _record(path: Path, node: yaml.Node, location: Location, lines: dict[Location, int]) -> None:
    lines[location] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if (*location, key) in lines:
                # YAML keeps the last of two equal keys without a word: one of them is a mistake.
                raise InputError(path, f"key '{key}' given twice (first at line {lines[(*location, key)]})",
                                 key_node.start_mark.line + 1)
            _record(path, value_node, (*location, key), lines)
            lines[(*location, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(path, item, (*location, index), lines)

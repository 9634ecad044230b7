"""Reading the project's small YAML data files (themes, glossary, events, the catalog, the hand
outlines) with one kind of error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import InputError


class LineLoader(yaml.SafeLoader):
    """A safe loader that remembers each mapping's line as ``__line__`` (for error messages)."""


def _mapping_with_line(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_list(path: Path, key: str, loader: Any = yaml.SafeLoader) -> list[Any]:
    """The list under ``key`` in the mapping at ``path``; an InputError names the file otherwise."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(path, f"cannot read {key}: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise InputError(path, f"expected a mapping with a '{key}' list")
    return data[key]

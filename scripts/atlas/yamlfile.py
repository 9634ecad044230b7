"""Reading the project's small YAML data files (themes, glossary, events) with one kind of error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import InputError


def load_list(path: Path, key: str, loader: Any = yaml.SafeLoader) -> list[Any]:
    """The list under ``key`` in the mapping at ``path``; an InputError names the file otherwise."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(path, f"cannot read {key}: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise InputError(path, f"expected a mapping with a '{key}' list")
    return data[key]

"""The document model as JSON, and back: so anyone can look at a document between two stages.

The encoding follows the model's own type hints, so a field or block type added to
``model.py`` is written and read without being taught here:

- a block (any member of ``model.Block``, and a ``Heading`` in a draft) carries a ``"type"`` tag
  naming its class, since a list of blocks mixes paragraphs, lists and tables;
- dates are ISO strings (``"2024-05-21"``), tuples are lists;
- the whole carries ``"format"``, the version of this encoding: a reader of an older dump
  refuses it with one line instead of misreading it.

``from_json(to_json(doc)) == doc`` holds for every document the converter makes
(tests/test_serialize.py checks it on the real sources).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from functools import cache
from typing import Any

from . import document as model
from .document import Document, Draft

FORMAT_VERSION = 1

class ModelFormatError(ValueError):
    """A dump this version cannot read: another format version, or a value of the wrong shape."""


# What a dump may hold: a document, or a reader's draft before the sections are nested.
_TOP_LEVEL: dict[str, type] = {"Document": Document, "Draft": Draft}


def to_json(value: Document | Draft, indent: int | None = 1) -> str:
    """The document (or draft) as JSON text (Japanese stays as it is)."""
    return json.dumps({"format": FORMAT_VERSION, "model": type(value).__name__, "value": _encode(value)},
                      ensure_ascii=False, indent=indent)


def from_json(text: str) -> Document | Draft:
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        found = data.get("format") if isinstance(data, dict) else None
        raise ModelFormatError(f"model dump format {found!r}, this converter reads {FORMAT_VERSION}")
    kind = _TOP_LEVEL.get(data.get("model", ""))
    if kind is None:
        raise ModelFormatError(f"a dump of {data.get('model')!r}: this converter reads {sorted(_TOP_LEVEL)}")
    return _decode(data["value"], kind)


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        encoded: dict[str, Any] = {}
        if _is_tagged(type(value)):
            encoded["type"] = type(value).__name__
        for item in dataclasses.fields(value):
            encoded[item.name] = _encode(getattr(value, item.name))
        return encoded
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _encode(item) for key, item in value.items()}
    return value


def _decode(value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _decode_union(value, typing.get_args(hint))
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return [_decode(item, item_hint) for item in _expect(value, list, hint)]
    if origin is tuple:
        item_hints = typing.get_args(hint)
        items = _expect(value, list, hint)
        if len(item_hints) == 2 and item_hints[1] is Ellipsis:
            return tuple(_decode(item, item_hints[0]) for item in items)
        return tuple(_decode(item, item_hint) for item, item_hint in zip(items, item_hints, strict=True))
    if origin is dict:
        key_hint, item_hint = typing.get_args(hint)
        return {_decode(key, key_hint): _decode(item, item_hint)
                for key, item in _expect(value, dict, hint).items()}
    if hint is date:
        return date.fromisoformat(_expect(value, str, hint))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decode_dataclass(_expect(value, dict, hint), hint)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)  # JSON writes 12.0 as 12 only if asked to; accept it either way
    if hint in (str, int, float, bool):
        return _expect(value, hint, hint)
    raise ModelFormatError(f"no way to read a {hint!r}")


def _decode_union(value: Any, options: tuple[Any, ...]) -> Any:
    if value is None and type(None) in options:
        return None
    classes = [option for option in options if isinstance(option, type) and dataclasses.is_dataclass(option)]
    if classes and isinstance(value, dict) and "type" in value:
        for option in classes:
            if option.__name__ == value["type"]:
                return _decode_dataclass(value, option)
        raise ModelFormatError(f"a {value['type']!r} where {[c.__name__ for c in classes]} may stand")
    others = [option for option in options if option is not type(None)]
    if len(others) == 1:
        return _decode(value, others[0])
    raise ModelFormatError(f"cannot tell which of {options!r} {value!r} is")


def _decode_dataclass(data: dict[str, Any], cls: type) -> Any:
    hints = _field_hints(cls)
    known = {name: _decode(data[name], hints[name]) for name in hints if name in data}
    unknown = set(data) - set(hints) - {"type"}
    if unknown:
        raise ModelFormatError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
    return cls(**known)


@cache
def _field_hints(cls: type) -> dict[str, Any]:
    """The type of each init field, resolved in the model's namespace (the model's annotations
    are strings: ``from __future__ import annotations``)."""
    resolved = typing.get_type_hints(cls, vars(model))
    return {item.name: resolved[item.name] for item in dataclasses.fields(cls) if item.init}


@cache
def _is_tagged(cls: type) -> bool:
    """Blocks and headings are tagged: they stand side by side in lists of mixed types."""
    block_types = set(typing.get_args(model.Block)) | {model.Heading}
    return cls in block_types


def _expect(value: Any, kind: type, hint: Any) -> Any:
    if not isinstance(value, kind):
        raise ModelFormatError(f"expected {hint!r}, found {type(value).__name__} {value!r:.60}")
    return value

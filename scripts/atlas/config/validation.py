"""A data file checked against its model (schema.py): the first mistake becomes one InputError
line naming the file, the line, the key and the problem, with the nearest known word as a
suggestion where one was misspelt."""

from __future__ import annotations

import re
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..model.errors import InputError, suggestion
from .schema import PATTERN_PROBLEMS
from .yamlfile import Located, Location

M = TypeVar("M", bound=BaseModel)


def validate(located: Located, model: type[M], owner_key: str) -> M:
    """``located.data`` as ``model``; ``owner_key`` names an item in messages (a document's ``id``)."""
    try:
        return model.model_validate(located.data)
    except ValidationError as error:
        # The first mistake in the file, in reading order: one line, never a list of them.
        details = error.errors(include_url=False)
        # A required key missing beside an unknown one is most likely that key misspelt: tell the spelling.
        misspelt = {_location(d)[:-1] for d in details if d["type"] == "extra_forbidden"}
        details = [d for d in details if not (d["type"] == "missing" and _location(d)[:-1] in misspelt)]
        first = min(details, key=lambda d: located.line_of(_location(d)) or 0)
        raise InputError(located.path, describe(first, located, model, owner_key),
                         located.line_of(_location(first))) from None


def refuse_repeats(located: Located, section: str, values: list[str], key: str, problem: str) -> None:
    """Stop at the second item of ``section`` whose ``key`` repeats an earlier one's; ``problem`` is
    formatted with {value} and {first} (the line where the value was first given)."""
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if first.setdefault(value, index) != index:
            line = located.line_of((section, first[value], key))
            raise key_error(located, (section, index, key), problem.format(value=value, first=line), key)


def key_error(located: Located, location: Location, problem: str, owner_key: str) -> InputError:
    """An InputError for the key at ``location``, worded like the model's own errors."""
    return InputError(located.path, f"{_subject(located, location, owner_key)}: {problem}", located.line_of(location))


def describe(detail: ErrorDetails, located: Located, model: type[BaseModel], owner_key: str) -> str:
    location = _location(detail)
    return f"{_subject(located, location, owner_key)}: {_problem(detail, model)}"


def _location(detail: ErrorDetails) -> Location:
    return tuple(detail["loc"])


def _subject(located: Located, location: Location, owner_key: str) -> str:
    """"key 'kind' of 'sample-doc'": the key, and the item (document, theme…) it belongs to."""
    keys = [step for step in location if isinstance(step, str)]
    if not keys:
        return "file"
    owner = _owner(located.data, location[:-1] if isinstance(location[-1], str) else location, owner_key)
    of = f" of '{owner}'" if owner is not None and keys[-1] != owner_key else ""
    return f"key '{keys[-1]}'{of}"


def _owner(data: Any, location: Location, owner_key: str) -> str | None:
    """The ``owner_key`` value of the innermost mapping on the way to ``location`` that has one."""
    owner = None
    for step in (*location, None):
        if isinstance(data, dict) and isinstance(data.get(owner_key), (str, int)):
            owner = str(data[owner_key])
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            break
    return owner


# Problems whose wording needs only the value given: pydantic's error type → the sentence.
_PLAIN: dict[str, str] = {
    "missing": "missing (it is required)",
    "string_too_short": "must not be empty",
    "bool_type": "must be true or false, got {value!r}",
    "bool_parsing": "must be true or false, got {value!r}",
    "list_type": "must be a list ([…] or lines starting with '- '), got {value!r}",
    "tuple_type": "must be a list ([…] or lines starting with '- '), got {value!r}",
    "model_type": "must be a mapping of keys (key: value), got {value!r}",
    "model_attributes_type": "must be a mapping of keys (key: value), got {value!r}",
    "dict_type": "must be a mapping of keys (key: value), got {value!r}",
}


def _problem(detail: ErrorDetails, model: type[BaseModel]) -> str:
    kind, value, location = detail["type"], detail.get("input"), _location(detail)
    ctx = detail.get("ctx", {})
    if kind in _PLAIN:
        return _PLAIN[kind].format(value=value)
    if kind == "extra_forbidden":
        return "unknown key" + suggestion(str(location[-1]), _known_keys(model, location[:-1]))
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        key = next((step for step in reversed(location) if isinstance(step, str)), "value")
        return f"unknown {key} {value!r}{suggestion(str(value), allowed)}; use {_either(allowed)}"
    if kind == "string_type":
        quoted = " (write it in quotes)" if isinstance(value, (int, float, bool)) or value is None else ""
        return f"must be text, got {value!r}{quoted}"
    if kind == "too_short":
        return f"must list at least {ctx.get('min_length', 1)} item(s)"
    if kind == "string_pattern_mismatch":
        return f"{value!r} {PATTERN_PROBLEMS.get(str(ctx.get('pattern')), 'has the wrong form')}"
    message = detail["msg"]  # a check of our own (schema.py) words its problem itself
    return message[:1].lower() + message[1:]


def _either(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)


def _known_keys(model: type[BaseModel], location: Location) -> list[str]:
    """The keys the model allows in the mapping at ``location``."""
    current: type[BaseModel] | None = model
    for step in location:
        if isinstance(step, int) or current is None:
            continue
        fields = {field.alias or name: field for name, field in current.model_fields.items()}
        field = fields.get(step)
        current = _model_in(field.annotation) if field else None
    # A field's key in the file is its alias where it has one (`with`, a Python keyword, is `with_`).
    return [field.alias or name for name, field in current.model_fields.items()] if current else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (itself, or inside list[...] / ... | None)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        if found := _model_in(arg):
            return found
    return None

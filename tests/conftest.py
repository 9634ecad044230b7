"""Shared fixtures: the real sources, one fresh conversion per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from atlas.catalog import load_catalog  # noqa: E402
from atlas.convert import convert  # noqa: E402
from atlas.model import Document  # noqa: E402

SOURCES = ROOT / "sources"


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Document]]:
    """A fresh conversion of the real sources into a temporary folder."""
    out = tmp_path_factory.mktemp("docs")
    documents = convert(SOURCES, out)
    return out, documents


@pytest.fixture(scope="session")
def documents(converted: tuple[Path, list[Document]]) -> dict[str, Document]:
    return {doc.meta.id: doc for doc in converted[1]}


@pytest.fixture(scope="session")
def catalog_ids() -> list[str]:
    ids = []
    for entry in load_catalog(SOURCES):
        ids.append(entry.meta.id)
        ids.extend(part.meta.id for part in entry.parts)
    return ids

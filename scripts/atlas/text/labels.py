"""How a document's kind and date are shown to a Japanese reader: pages, lists and citations.

A kind is written in the catalog in English (``white paper``) or directly in Japanese; an
English kind must have a label here, or the catalog is refused (see catalog.py), so no page
ever shows a kind in English.  A date is shown only as precisely as the source gives it, and an
estimated one says so (「2021年6月頃（推定）」): a citation must not claim a day nobody printed.
"""

from __future__ import annotations

import re

from ..model.document import DocumentMeta

# English kinds, as catalogs write them (compared in lower case, "-" and "_" read as spaces).
KIND_LABELS = {
    "minutes": "議事概要",
    "proposal": "提言",
    "slides": "説明資料",
    "white paper": "ホワイトペーパー",
    "compilation": "提言集",
    "meeting material": "会議資料",
    "summary": "概要",
    "annex": "別紙",
    "guideline": "ガイドライン",
    "guidelines": "ガイドライン",
    "discussion paper": "論点整理",
    "faq": "よくある質問",
    "report": "報告書",
    "interim report": "中間報告",
    "final report": "最終報告",
    "notice": "通知",
    "standard": "基準",
    "strategy": "戦略",
    "plan": "計画",
    "policy": "方針",
    "roadmap": "ロードマップ",
    "outline": "骨子",
    "draft": "案",
    "bill": "法案",
    "act": "法律",
    "statement": "声明",
    "declaration": "宣言",
    "speech": "演説",
    "press release": "報道発表",
    "public comment": "意見募集",
    "handbook": "ハンドブック",
    "checklist": "チェックリスト",
    "comparison table": "比較表",
    "survey": "調査結果",
}

_LATIN = re.compile(r"[A-Za-z]")
PRECISIONS = ("day", "month", "year")


def _key(kind: str) -> str:
    return re.sub(r"[\s_-]+", " ", kind.strip().lower())


def kind_label(kind: str) -> str | None:
    """The kind in Japanese; None for an English kind with no label (the catalog refuses it).

    A kind already written in Japanese (no Latin letter: 「中間とりまとめ」) is shown as written.
    """
    label = KIND_LABELS.get(_key(kind))
    if label is not None:
        return label
    return None if _LATIN.search(kind) else kind.strip()


def date_label(meta: DocumentMeta) -> str:
    """「2024年5月21日」, 「2014年3月」 or 「2021年」 as the source gives it; 「…頃（推定）」 when estimated."""
    return date_text(meta) + ("頃（推定）" if meta.date_note else "")


def date_text(meta: DocumentMeta) -> str:
    """The date as precisely as it is known, without saying whether it is estimated.

    An estimated date (``date_note``) names no day, whatever day the catalog wrote: the day of
    an estimate is a placeholder, not a fact.
    """
    precision = meta.date_precision
    if precision not in PRECISIONS:
        raise ValueError(f"date_precision must be one of {PRECISIONS}, got {precision!r}")
    if meta.date_note and precision == "day":
        precision = "month"
    when = meta.date
    text = f"{when.year}年"
    if precision in ("month", "day"):
        text += f"{when.month}月"
    if precision == "day":
        text += f"{when.day}日"
    return text


def iso_label(meta: DocumentMeta) -> str:
    """The date in ISO 8601 cut to its precision: 2024-05-21, 2014-03 or 2021."""
    iso = meta.date.isoformat()
    return {"day": iso, "month": iso[:7], "year": iso[:4]}.get(meta.date_precision, iso)

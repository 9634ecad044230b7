"""The theme tagging rule (scripts/atlas/enrich/themes.py, TAGGING RULE) on what it must not take for a
theme and what it must not miss: words a 「・」 separates, ambiguous words that count only in their
theme's context, and the evidence of a document's title. Synthetic sections show each rule; real
sections (the seeds, and ../shared/corpus: skipped when absent) show it where it was met. The
expected tags of real sections were decided by reading them (bench/themes_topics.yml).
"""

from __future__ import annotations

import datetime
import importlib.util

import pytest

from atlas.enrich.themes import fold_for_themes, load_themes, tag_sections, tagging_text, theme_score
from atlas.model.document import Document, DocumentMeta, Paragraph, Section, SourceSpan
from conftest import ROOT

SPAN = SourceSpan(1, 1)
THEMES = load_themes(ROOT / "sources" / "themes.yml")
BY_ID = {theme.id: theme for theme in THEMES}


def document(title: str, *sections: Section) -> Document:
    meta = DocumentMeta("sample", title, "某市", datetime.date(2024, 1, 1), "report", "x.txt", "要旨。")
    return Document(meta, sections=list(sections))


def section(title: str, *paragraphs: str) -> Section:
    return Section(title, 2, SPAN, blocks=[Paragraph(text, SPAN) for text in paragraphs])


def tags(title: str, heading: str, *paragraphs: str) -> list[str]:
    doc = document(title, section(heading, *paragraphs))
    tag_sections([doc], THEMES)
    return doc.sections[0].themes


# ---------------------------------------------------------------------------
# Synthetic: each rule on its own
# ---------------------------------------------------------------------------

CITY_NOTICES = ("前橋市では、市からのお知らせや子育て・防災の情報などのコンテンツを、スマートフォンのアプリで"
                "配信している。利用者は受け取りたいコンテンツを選ぶことができ、よく読まれたコンテンツは"
                "翌月の配信に生かされる。")


def test_contents_of_a_city_app_are_no_intellectual_property():
    """コンテンツ is a web page's or an app's contents as often as a work of the content industry."""
    assert "intellectual-property" not in tags("自治体DXの取組事例", "市からのお知らせの配信", CITY_NOTICES)


def test_contents_beside_the_content_industry_are_intellectual_property():
    text = ("アニメや漫画などのコンテンツの海外展開を支援する。クリエイターに対価が還元されるよう、"
            "コンテンツの流通を促し、コンテンツの海賊版対策を強化する。")
    assert "intellectual-property" in tags("知的財産推進計画", "コンテンツの海外展開", text)


def test_a_middle_dot_between_kanji_words_joins_no_term():
    """「周知・財政」 holds no 知財 and 「確保・育成」 no 保育: there the dot separates two words."""
    text = "市民への周知・財政状況の公表、職員の確保・育成、広報の周知・財産管理の見直しを行った。"
    folded = fold_for_themes(text)[0]
    assert not BY_ID["intellectual-property"].mentions(folded, folded)
    assert not BY_ID["children-dx"].mentions(folded, folded)
    assert tags("市政の概要", "今年度の取組", text * 3) == []


def test_a_term_written_with_its_dot_still_matches_with_or_without_it():
    for text in ("国・地方のシステム", "国地方のシステム"):
        folded = fold_for_themes(text)[0]
        assert BY_ID["digital-government"].mentions(folded, folded), text
    # Inside a loan word the dot joins: ベース・レジストリ is one term however written.
    folded = fold_for_themes("ベース・レジストリとベースレジストリ")[0]
    assert len(BY_ID["data-infrastructure"].mentions(folded, folded)) == 2


DATA_MODEL = ("行政機関が共通に使うデータモデルを定める。データモデルは、日付やアドレスなどの項目の型を揃え、"
              "データモデルに沿って作ったデータは機関をまたいで使える。")


def test_a_government_data_model_is_data_infrastructure():
    assert "data-infrastructure" in tags("行政データの標準化", "データモデルの考え方", DATA_MODEL)
    assert "data-infrastructure" in tags("政府相互運用性フレームワーク", "コアデータモデル", "氏名と住所の型を定める。")


def test_a_data_model_or_a_gif_outside_government_is_no_data_infrastructure():
    text = ("商品のデータモデルを設計する。データモデルは表の列を定め、データモデルの変更は移行を伴う。"
            "画像は PNG、JPEG、GIF のいずれかとし、GIF は動画に使わない。GIF の容量は 1MB まで。")
    assert "data-infrastructure" not in tags("ウェブショップ構築の手引", "商品情報の管理", text)


def test_a_document_title_naming_the_theme_makes_one_mention_enough():
    text = "届出を受け付けた後、製品開発者と公表日を調整し、脆弱性の対策方法を確認する。"
    assert tags("ソフトウエア製品の取扱いの手引", "受付後の対応", text) == []
    assert tags("情報セキュリティ早期警戒ガイドライン", "受付後の対応", text) == ["cybersecurity"]
    # The title lowers the count, not the density: one mention scattered in a long section is passing.
    long_text = text + "製品開発者は調整の結果を記録し、関係者に連絡する。" * 40
    assert tags("情報セキュリティ早期警戒ガイドライン", "受付後の対応", long_text) == []


def test_an_ambiguous_word_counts_in_a_title_that_gives_its_context():
    """データモデル in a section of a document titled on a government data model."""
    text = "データモデルの項目は、実装の際に必要な範囲で選んで使う。"
    assert tags("政府のデータモデル解説", "項目の選び方", text) == ["data-infrastructure"]
    assert tags("データベース設計入門", "項目の選び方", text) == []


def test_school_pupils_are_no_childcare_theme():
    """児童 in 児童生徒 is a school pupil; 児童 counts for the childcare theme beside its other words."""
    school = "児童生徒が端末を使う場面では、児童生徒の発達の段階に応じて、児童生徒に使い方を指導する。"
    assert "children-dx" not in tags("学校における端末の利用", "学習での利用", school)
    childcare = "児童相談所の相談記録をデジタル化し、こども家庭庁と児童の情報を共有する。児童の安全を守る。"
    assert "children-dx" in tags("こども政策の推進", "相談業務", childcare)


def test_an_agency_name_holding_medical_devices_is_no_healthcare_dx():
    """医療機器 inside 医薬品医療機器総合機構 (and 医療機関 in fee rules) without the theme's own words."""
    text = "独立行政法人医薬品医療機器総合機構 審査マネジメント部。医療機器の承認審査と、医療機関からの照会。"
    assert "healthcare-dx" not in tags("原薬等登録原簿の手引", "独立行政法人医薬品医療機器総合機構", text)
    digital = "医療機関の電子カルテの情報を共有し、医療機器のデータを医療情報として活用する。"
    assert "healthcare-dx" in tags("医療DXの推進", "医療機関の連携", digital)


# ---------------------------------------------------------------------------
# Real sections
# ---------------------------------------------------------------------------


def test_securing_and_training_talent_holds_no_childcare_in_the_seeds(documents):
    """digital-talent-2024 writes 「デジタル人材の確保・育成」: no 保育 (childcare) in it."""
    for anchor in ("1-c1", "2-c1"):
        found = next(s for s in documents["digital-talent-2024"].all_sections() if s.anchor == anchor)
        assert "確保・育成" in tagging_text(found)
        assert theme_score(BY_ID["children-dx"], found)[2] == 0
        assert "children-dx" not in found.themes


def test_seed_sections_under_a_theme_named_title_are_tagged(documents):
    """bosai-dx-2024's 【対応策】 sections name disaster DX once or twice: the proposal's title says the rest."""
    bosai = {s.anchor: s for s in documents["bosai-dx-2024"].all_sections()}
    for anchor in ("s4", "s18", "s20"):
        assert "disaster-dx" in bosai[anchor].themes, anchor


CORPUS = ROOT.parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone without it)")


@pytest.fixture(scope="module")
def corpus():
    spec = importlib.util.spec_from_file_location("themes_report", ROOT / "bench" / "themes_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ids = {"pmda-mf-system-slides", "mhlw-shinryo-kaitei-teisei-2020", "mext-genai-guideline-v2-2024",
           "ipa-vuln-partnership-guideline-2019", "fsa-insurance-monitoring-report-2023"}
    documents = module.corpus_documents(CORPUS, ids)
    tag_sections(documents, THEMES)
    return {d.meta.id: {s.anchor: s for s in d.all_sections()} for d in documents}


@needs_corpus
def test_the_agency_name_and_fee_rules_are_not_healthcare_dx(corpus):
    """PMDA's slides name 医薬品医療機器総合機構 and the 医薬品医療機器法; the fee corrections say
    保険医療機関 throughout: neither is about the digitalisation of healthcare."""
    assert corpus["pmda-mf-system-slides"]["s1"].themes == []
    assert corpus["pmda-mf-system-slides"]["s3-s1"].themes == []
    tagged = [a for a, s in corpus["mhlw-shinryo-kaitei-teisei-2020"].items() if "healthcare-dx" in s.themes]
    assert tagged == []
    # Know-how protection in the approval review is intellectual property, as its heading says.
    assert corpus["pmda-mf-system-slides"]["s2"].themes == ["intellectual-property"]


@needs_corpus
def test_pupils_in_a_generative_ai_guideline_are_not_childcare(corpus):
    guideline = corpus["mext-genai-guideline-v2-2024"]
    assert [a for a, s in guideline.items() if "children-dx" in s.themes] == []
    for anchor in ("2-1", "3-2-1", "3-2-2"):
        assert "ai" in guideline[anchor].themes, anchor


@needs_corpus
def test_an_id_prefix_is_no_decentralised_identifier(corpus):
    """IPA's list of unreachable developers numbers them DID#AAAA: no web3 there."""
    annex = corpus["ipa-vuln-partnership-guideline-2019"]["annex5"]
    assert "DID#" in tagging_text(annex)
    assert "web3" not in annex.themes


@needs_corpus
def test_sections_of_a_security_guideline_that_name_a_vulnerability_once_are_security(corpus):
    guideline = corpus["ipa-vuln-partnership-guideline-2019"]
    for anchor in ("2-3", "4-5-1", "annex1-4"):
        assert "cybersecurity" in guideline[anchor].themes, anchor


@needs_corpus
def test_insurance_against_natural_disasters_is_not_disaster_dx(corpus):
    """The FSA's report: insurers' reserves against 自然災害, no disaster response and no digital matter."""
    assert [a for a, s in corpus["fsa-insurance-monitoring-report-2023"].items() if s.themes] == []

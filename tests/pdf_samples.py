"""Small PDFs for the PDF reader's tests, generated with reportlab and its built-in Japanese CID fonts.

Each ``make_*`` function writes one sample to the path it is given.  The samples are set the way
Japanese policy documents are: 10.5pt Mincho body text wrapped at the column edge with the first
line of a paragraph indented one character (by position, as word processors do, not by a U+3000),
Gothic headings larger than the body, running headers and 「- N -」 page numbers, 8pt footnotes under
a short rule, ruled tables with a 「表1」 caption above.  The texts are written for these tests (no
document is copied); the constants below are what the tests expect to read back.

Generation is deterministic (``invariant=1``: no dates or random ids in the file) and fast.  The
CID fonts are not embedded: readers map their CIDs back to Unicode through the Adobe-Japan1
CMaps (pdfminer.six ships them), which is how many real Japanese PDFs are made too.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib import colors
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase._cidfontdata import CIDFontInfo
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from atlas.config.catalog import Entry
from atlas.model.document import Document, DocumentMeta
from atlas.pipeline import build_document
from atlas.structure.structure import Hints

MINCHO = "HeiseiMin-W3"
GOTHIC = "HeiseiKakuGo-W5"  # pdfminer reports it as "HeiseKakuGo-W5": reportlab's FontDescriptor spells it so
for _name in (MINCHO, GOTHIC):
    if _name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_name))

PAGE_WIDTH, PAGE_HEIGHT = 595.2756, 841.8898  # A4 in points
BODY_SIZE = 10.5
# Japanese pages are set by characters per line: 42 of 10.5pt, centred on the page.
TEXT_WIDTH = 42 * BODY_SIZE
MARGIN_X = (PAGE_WIDTH - TEXT_WIDTH) / 2
MARGIN = 72.0  # top and bottom
LEADING = 1.7  # line pitch as a multiple of the font size, as Japanese word processors set it
NOTE_SIZE = 8.0
SUPERSCRIPT_SIZE = 6.0
# Kinsoku: no line may start with closing punctuation or a small kana; the character before is
# pushed down with it (追い出し), and the shorter line is then justified to the column edge.
NO_LINE_START = "、。，．）」』】・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ"


@dataclass(frozen=True)
class Heading:
    """A line set on its own: a heading, a title, a date."""

    text: str
    size: float
    font: str = GOTHIC
    space_before: float = 1.0  # in lines of its own size
    align: str = "left"  # "left", "center" or "right"
    keep: int = 1  # lines that must follow it in the same column (a heading never ends a column)


@dataclass(frozen=True)
class Para:
    """A paragraph; ``{1}`` in its text is a superscript footnote marker."""

    text: str
    size: float = BODY_SIZE
    font: str = MINCHO
    indent: bool = True


@dataclass(frozen=True)
class Picture:
    """Something drawn (a chart, a table) ``height`` points tall, by ``draw(canvas, frame, top)``."""

    height: float
    draw: Callable[[Canvas, Frame, float], None]


@dataclass(frozen=True)
class Frame:
    """A text column: left and right edges, and the top and bottom of its text, from the page top."""

    page: int  # 0-based
    x0: float
    x1: float
    top: float
    bottom: float


Atom = tuple[str, bool]  # a character (or a whole Latin word) and whether it is a superscript marker


def _atoms(text: str) -> list[Atom]:
    """Split text into unbreakable pieces: one CJK character, one Latin word or number, one marker."""
    atoms: list[Atom] = []
    i = 0
    while i < len(text):
        if text[i] == "{":
            end = text.index("}", i)
            atoms.append((text[i + 1 : end], True))
            i = end + 1
            continue
        j = i + 1
        if text[i].isascii() and text[i].isalnum():
            while j < len(text) and text[j].isascii() and (text[j].isalnum() or text[j] in ".,%"):
                j += 1
        atoms.append((text[i:j], False))
        i = j
    return atoms


def _width(atom: Atom, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(atom[0], font, SUPERSCRIPT_SIZE if atom[1] else size)


def wrap(text: str, font: str, size: float, width: float, indent: float = 0.0) -> list[list[Atom]]:
    """Break text into lines that fill ``width`` (the first ``indent`` narrower), with kinsoku."""
    lines: list[list[Atom]] = []
    current: list[Atom] = []
    used, available = 0.0, width - indent
    for atom in _atoms(text):
        w = _width(atom, font, size)
        if current and used + w > available + 0.01:
            carried: list[Atom] = []
            if atom[1] or atom[0][0] in NO_LINE_START:
                carried = [current.pop()]  # the marker or the punctuation takes its word along
            lines.append(current)
            current = carried
            used = sum(_width(a, font, size) for a in current)
            available = width
        current.append(atom)
        used += w
    if current:
        lines.append(current)
    return lines


def line_text(line: list[Atom]) -> str:
    return "".join(text for text, _ in line)


def justified(line: list[Atom], font: str, size: float, width: float) -> float:
    """The character spacing that makes a line fill ``width`` exactly (両端揃え, as Japanese text is
    set: a full line ends at the column edge even when kinsoku carried a character down)."""
    gaps = len(line_text(line)) - 1
    used = sum(_width(a, font, size) for a in line)
    return max(0.0, (width - used) / gaps) if gaps > 0 else 0.0


def draw_line(canvas: Canvas, line: list[Atom], x: float, top: float, font: str, size: float,
              char_space: float = 0.0) -> None:
    """Draw a line whose em box starts ``top`` points below the page top; markers raised and small."""
    text = canvas.beginText(x, PAGE_HEIGHT - top - size * 0.88)
    text.setCharSpace(char_space)
    for superscript, run in itertools.groupby(line, key=lambda atom: atom[1]):
        # One string per run, as word processors write them (pdfminer spaces glyphs by Tc only
        # within a string, so a string per character would lose the justification).
        text.setFont(font, SUPERSCRIPT_SIZE if superscript else size)
        text.setRise(size * 0.45 if superscript else 0)
        text.textOut("".join(piece for piece, _ in run))
    canvas.drawText(text)


class Flow:
    """Set headings and paragraphs down a sequence of frames, turning pages as needed.

    ``on_page`` draws a page's furniture (running header, page number) before its text.  The
    lines placed are recorded in ``placed`` as (frame index, text) so a generator can check where
    a sentence broke.
    """

    def __init__(self, canvas: Canvas, frames: list[Frame], on_page: Callable[[Canvas, int], None] | None = None):
        self.canvas = canvas
        self.frames = frames
        self.on_page = on_page
        self.frame = 0
        self.y = frames[0].top
        self.placed: list[tuple[int, str]] = []
        if on_page:
            on_page(canvas, 0)

    def _advance(self) -> None:
        old = self.frames[self.frame]
        self.frame += 1
        new = self.frames[self.frame]
        if new.page != old.page:
            self.canvas.showPage()
            if self.on_page:
                self.on_page(self.canvas, new.page)
        self.y = new.top

    def _room(self, height: float) -> None:
        if self.y + height > self.frames[self.frame].bottom + 0.01:
            self._advance()

    def new_page(self) -> None:
        """Continue in the first frame of the next page (a chapter starts on a new page)."""
        page = self.frames[self.frame].page
        while self.frames[self.frame].page == page:
            self._advance()

    def add(self, item: Heading | Para | Picture) -> None:
        if isinstance(item, Heading):
            self._heading(item)
        elif isinstance(item, Picture):
            self._room(item.height)
            item.draw(self.canvas, self.frames[self.frame], self.y)
            self.y += item.height
        else:
            self._paragraph(item)

    def _heading(self, item: Heading) -> None:
        if self.y > self.frames[self.frame].top:
            self.y += item.size * item.space_before
        self._room(item.size * LEADING * (1 + item.keep))
        frame = self.frames[self.frame]
        line = _atoms(item.text)
        width = sum(_width(a, item.font, item.size) for a in line)
        x = {"left": frame.x0, "center": (frame.x0 + frame.x1 - width) / 2, "right": frame.x1 - width}[item.align]
        draw_line(self.canvas, line, x, self.y, item.font, item.size)
        self.placed.append((self.frame, item.text))
        self.y += item.size * LEADING

    def _paragraph(self, item: Para) -> None:
        frame = self.frames[self.frame]
        indent = item.size if item.indent else 0.0
        lines = wrap(item.text, item.font, item.size, frame.x1 - frame.x0, indent)
        for n, line in enumerate(lines):
            self._room(item.size * LEADING)
            frame = self.frames[self.frame]
            start = indent if n == 0 else 0.0
            spacing = justified(line, item.font, item.size, frame.x1 - frame.x0 - start) if n < len(lines) - 1 else 0
            draw_line(self.canvas, line, frame.x0 + start, self.y, item.font, item.size, spacing)
            self.placed.append((self.frame, line_text(line)))
            self.y += item.size * LEADING

    def frame_of(self, text: str) -> list[int]:
        """The frames the placed lines holding ``text`` stand in (it may straddle a break)."""
        joined, owners = "", []
        for frame, line in self.placed:
            joined += line
            owners.extend([frame] * len(line))
        start = joined.index(text)
        return sorted(set(owners[start : start + len(text)]))


def one_column(pages: int, top: float = MARGIN, bottom: float = PAGE_HEIGHT - MARGIN) -> list[Frame]:
    return [Frame(page, MARGIN_X, PAGE_WIDTH - MARGIN_X, top, bottom) for page in range(pages)]


def new_canvas(path: Path, encrypt: StandardEncryption | None = None) -> Canvas:
    canvas = Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, encrypt=encrypt)
    canvas.setTitle("sample")
    canvas.setAuthor("Digital Policy Atlas tests")
    return canvas


# ---------------------------------------------------------------------------
# a) headings by size and weight
# ---------------------------------------------------------------------------

HEADINGS_TITLE = "デジタル社会の実現に向けた基本方針"
HEADINGS_DATE = "令和6年4月1日"
HEADING_1 = "1．はじめに"  # 14pt Gothic: level 1
HEADING_1_1 = "1．1 背景"  # 12pt Gothic: level 2, under 「1．はじめに」
HEADING_UNNUMBERED = "今後の課題"  # 14pt Gothic without a number: a heading by its face and size alone
# Its paragraph's first line starts like a numbered heading (「1．で述べた…」, no 。 and no trailing 、 on
# the printed line) but is 10.5pt Mincho wrapped at the column edge: a sentence, not a heading.
NUMBERED_SENTENCE = ("1．で述べた方針を具体化するため、政府は本年度中に新たな推進体制を整え関係機関との"
                     "協議を始める。その結果は次期の計画に反映し、国民に分かりやすく公表する。")
HEADINGS_PARAGRAPHS = {
    HEADING_1: [
        "人口減少と高齢化が進むなかで、行政サービスの質を保ちながら効率を高めることは、国と地方を通じた"
        "共通の課題である。本方針は、デジタル技術を前提とした制度と業務の見直しを進めるため、政府が今後"
        "取り組むべき事項を整理したものである。",
        "特に、手続のオンライン化、データの標準化、職員の能力向上の三点を柱とし、それぞれについて目標と"
        "工程を示す。各府省は本方針に沿って具体的な計画を定め、その進捗を毎年公表する。",
    ],
    HEADING_1_1: [
        "これまでの取組により、多くの手続がオンラインで申請できるようになった。一方で、添付書類の提出や"
        "対面での確認が残る手続も多く、利用者が途中で紙の手続に戻らざるを得ない場面が少なくない。",
        "また、地方公共団体ごとに異なる様式や業務の進め方が、システムの共同利用を妨げてきた。標準化の"
        "遅れは、住民にとっての使いにくさだけでなく、運用費用の増加にもつながっている。",
    ],
    HEADING_UNNUMBERED: [NUMBERED_SENTENCE],
}


def make_headings(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(HEADINGS_TITLE, 18, align="center", space_before=0))
    flow.add(Heading(HEADINGS_DATE, BODY_SIZE, font=MINCHO, align="right", space_before=0))
    for heading, size in ((HEADING_1, 14), (HEADING_1_1, 12), (HEADING_UNNUMBERED, 14)):
        flow.add(Heading(heading, size))
        for text in HEADINGS_PARAGRAPHS[heading]:
            flow.add(Para(text))
    trap = next(line for _, line in flow.placed if line.startswith("1．で述べた"))
    assert trap != NUMBERED_SENTENCE and not trap.endswith(("、", "。")), trap  # looks like a heading
    canvas.save()


# ---------------------------------------------------------------------------
# b) two columns: the left column's last sentence continues at the top of the right one
# ---------------------------------------------------------------------------

TWO_COLUMN_TITLE = "地域におけるデータ活用の調査報告"
TWO_COLUMN_SPLIT = ("回答した団体のうち、人口五万人未満の団体では専任の職員を置いていない例が多く、データの"
                    "収集や分析を他の業務と兼ねて担当する職員に大きな負担がかかっていることが明らかになった。")
TWO_COLUMN_ITEMS: list[Heading | Para] = [
    Heading("1．調査の概要", 12, space_before=0),
    Para("本調査は、地域の課題解決にデータを活用している地方公共団体の取組を把握するため、全国の市区町村"
         "を対象に実施した。回答は郵送と電子申請の両方で受け付けた。"),
    Para("調査票では、活用しているデータの種類、担当する部署、外部の事業者との連携の有無、活用に当たっての"
         "課題を尋ねた。"),
    Para(TWO_COLUMN_SPLIT),
    Heading("2．調査の結果", 12),
    Para("データを活用していると答えた団体は全体の六割を超えた。分野別では防災と子育て支援が多く、交通や観光"
         "がこれに続いた。"),
    Para("一方で、活用の効果を数値で示している団体は少なかった。効果の測り方を団体の間で共有する仕組みが求め"
         "られている。"),
]
COLUMN_WIDTH = 20 * BODY_SIZE  # two columns of 20 characters with a gutter of 2
COLUMN_TOP = 130.0
COLUMN_LINES = 13  # balanced columns, as on a report's last page: each holds this many body lines


def two_column_frames() -> list[Frame]:
    bottom = COLUMN_TOP + COLUMN_LINES * BODY_SIZE * LEADING
    return [Frame(0, MARGIN_X, MARGIN_X + COLUMN_WIDTH, COLUMN_TOP, bottom),
            Frame(0, PAGE_WIDTH - MARGIN_X - COLUMN_WIDTH, PAGE_WIDTH - MARGIN_X, COLUMN_TOP, bottom)]


def make_two_columns(path: Path) -> None:
    canvas = new_canvas(path)
    title = _atoms(TWO_COLUMN_TITLE)
    width = sum(_width(a, GOTHIC, 16) for a in title)
    draw_line(canvas, title, (PAGE_WIDTH - width) / 2, MARGIN, GOTHIC, 16)
    flow = Flow(canvas, two_column_frames())
    for item in TWO_COLUMN_ITEMS:
        flow.add(item)
    assert flow.frame_of(TWO_COLUMN_SPLIT) == [0, 1], "the sentence must straddle the columns"
    canvas.save()


# ---------------------------------------------------------------------------
# c) running header and page numbers on four pages; bare clause numbers mid-page
# ---------------------------------------------------------------------------

RUNNING_HEADER = "令和6年版 科学技術白書"
HEADER_SIZE = 9.0
BODY_TOP, BODY_BOTTOM = 80.0, 770.0
# A clause number on a line of its own above its title, as guidelines and white papers set them:
# the bare number is body text, not a page number.
CLAUSES = [("1", "研究開発費の動向"), ("2", "研究人材の状況"), ("3", "研究開発の推進")]
FIGURE_CAPTION = "図1-1 研究開発費の推移"
PAGE_BREAK_SENTENCE = ("こうした変化は、研究成果を社会に速やかに届けるうえで望ましいものであり、今後も各機関の"
                       "取組を後押ししていく必要がある。")
CHAPTERS = ["第1章 科学技術・イノベーションをめぐる動向", "第2章 大学改革の進展", "第3章 地域の科学技術振興"]


def _running_furniture(canvas: Canvas, page: int) -> None:
    """The running header (flush right, a rule under it) and 「- N -」 centred at the foot."""
    header = _atoms(RUNNING_HEADER)
    width = sum(_width(a, MINCHO, HEADER_SIZE) for a in header)
    draw_line(canvas, header, PAGE_WIDTH - MARGIN_X - width, 40, MINCHO, HEADER_SIZE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, PAGE_HEIGHT - 54, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 54)
    number = _atoms(f"- {page + 1} -")
    width = sum(_width(a, MINCHO, HEADER_SIZE) for a in number)
    draw_line(canvas, number, (PAGE_WIDTH - width) / 2, PAGE_HEIGHT - 48, MINCHO, HEADER_SIZE)


# Its height puts the page break inside PAGE_BREAK_SENTENCE (make_running_header checks it).
FIGURE_HEIGHT = 335.0


def _bar_chart(canvas: Canvas, frame: Frame, top: float) -> None:
    """A figure without text (bars and axes only), its caption set under it by the flow."""
    tall = FIGURE_HEIGHT - 20
    base = PAGE_HEIGHT - top - tall - 10
    canvas.setLineWidth(0.8)
    canvas.line(frame.x0 + 40, base, frame.x1 - 40, base)
    canvas.line(frame.x0 + 40, base, frame.x0 + 40, base + tall)
    canvas.setFillColor(colors.grey)
    for n, share in enumerate((0.50, 0.58, 0.62, 0.70, 0.78, 0.84, 0.90, 0.95)):
        canvas.rect(frame.x0 + 60 + n * 44, base, 26, tall * share, stroke=0, fill=1)
    canvas.setFillColor(colors.black)


RUNNING_ITEMS: list[Heading | Para | Picture | None] = [  # None: the next chapter starts a new page
    Heading(CHAPTERS[0], 14, space_before=0),
    Para("我が国の科学技術・イノベーションを取り巻く環境は、この数年で大きく変化した。デジタル技術の急速な"
         "進展に加え、気候変動や感染症への対応など、社会全体で取り組むべき課題が増えている。本章では、研究"
         "開発費、研究人材、研究開発の推進体制の三つの観点から、最近の動向を概観する。"),
    Heading(CLAUSES[0][0], 12, keep=2), Heading(CLAUSES[0][1], 12, space_before=0),
    Para("我が国の研究開発費の総額は、近年おおむね増加を続けている。企業による研究開発費が全体の約七割を"
         "占め、大学と公的研究機関がこれに続く。分野別では、情報通信と医薬品の伸びが大きい。"),
    Para("一方で、主要国と比べると、研究開発費の伸びは緩やかである。特に、基礎研究に充てられる割合は横ばい"
         "が続いており、長期的な視点での投資の確保が課題となっている。"),
    Picture(FIGURE_HEIGHT, _bar_chart),
    Heading(FIGURE_CAPTION, 9, space_before=0.5, align="center"),
    Para("研究開発費の使途を見ると、人件費の割合が最も高く、次いで設備費、材料費の順となっている。近年は、"
         "大型の研究設備を複数の機関で共同利用する取組が広がり、設備費の効率的な執行が進みつつある。また、"
         "外部の研究機関や企業に研究を委託する費用も増えており、研究開発の進め方そのものが、自前主義から"
         "連携を重視する形へと移り変わっていることがうかがえる。" + PAGE_BREAK_SENTENCE),
    Heading(CLAUSES[1][0], 12, keep=2), Heading(CLAUSES[1][1], 12, space_before=0),
    Para("研究者の数は長期的には増加しているものの、博士課程に進学する学生は減少傾向にある。若手研究者が"
         "安定した職に就くまでの期間が長いことが、進学をためらう一因と指摘されている。"),
    Para("女性研究者の割合は徐々に高まっているが、主要国と比べるとなお低い水準にとどまる。研究と育児や介護"
         "を両立できる環境の整備が求められる。"),
    Heading(CLAUSES[2][0], 12, keep=2), Heading(CLAUSES[2][1], 12, space_before=0),
    Para("政府は、科学技術・イノベーション基本計画に基づき、研究開発の推進に取り組んでいる。重点分野を定めて"
         "資源を集中するとともに、大学の研究環境の改善と、研究成果の社会実装を一体的に進めている。"),
    Para("今後は、分野や組織の壁を越えた共同研究をさらに広げ、多様な人材が活躍できる研究環境を整えること"
         "が重要である。"),
    None,
    Heading(CHAPTERS[1], 14, space_before=0),
    Para("大学は、知の創出と人材の育成を担う中核的な機関である。国は、大学が自らの強みを生かして経営の改革"
         "を進められるよう、運営費交付金の配分の見直しや、外部資金の獲得を促す仕組みの整備を進めてきた。"),
    Para("その結果、企業との共同研究の件数は着実に増えている。今後は、共同研究の規模を拡大し、大学の財務"
         "基盤の強化につなげていくことが期待される。"),
    None,
    Heading(CHAPTERS[2], 14, space_before=0),
    Para("地域の大学や企業が持つ技術を生かし、地域の産業を振興する取組が各地で進んでいる。国は、地方公共"
         "団体と協力して、こうした取組を支援する拠点の形成を後押ししている。"),
]
RUNNING_PAGES = 4


def make_running_header(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(RUNNING_PAGES, BODY_TOP, BODY_BOTTOM), on_page=_running_furniture)
    for item in RUNNING_ITEMS:
        if item is None:
            flow.new_page()
        else:
            flow.add(item)
    assert flow.frame_of(PAGE_BREAK_SENTENCE) == [0, 1], "the sentence must straddle the page break"
    clause_3 = flow.placed.index((1, CLAUSES[2][0]))
    assert 0 < clause_3 < len(flow.placed) - 1 and flow.placed[clause_3 + 2][0] == 1, "「3」 stands mid-page"
    assert flow.frames[flow.frame].page == RUNNING_PAGES - 1
    canvas.save()


# ---------------------------------------------------------------------------
# d) footnotes at the page foot, their markers raised in the text
# ---------------------------------------------------------------------------

FOOTNOTE_HEADING = "1．用語の整理"
# {n}: a raised 6pt marker.
FOOTNOTE_PARAGRAPHS = [
    "本方針でいうデータ連携基盤とは、分野や組織を越えてデータを安全にやり取りするための共通の仕組み"
    "である{1}。各府省は、新たにシステムを整備する際、この基盤を利用することを原則とする。",
    "データの信頼性を確保するため、トラスト{2}の仕組みを整え、発行元の確認と改ざんの検知ができる"
    "ようにする。",
]
FOOTNOTES = [
    ("1", "注の本文です。"),
    ("2", "データの作成者や送信元が本物であり、内容が改ざんされていないことを確認できる仕組みをいう。"
          "ここでは、電子署名やタイムスタンプなどの技術を含む。"),
]


def make_footnotes(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(FOOTNOTE_HEADING, 14, space_before=0))
    for text in FOOTNOTE_PARAGRAPHS:
        flow.add(Para(text))
    # The notes at the page foot under a short rule: "n 本文", later lines hung under the text.
    blocks = []
    for label, text in FOOTNOTES:
        hang = pdfmetrics.stringWidth(label + " ", MINCHO, NOTE_SIZE)
        blocks.append((label, hang, wrap(text, MINCHO, NOTE_SIZE, TEXT_WIDTH - hang)))
    pitch = NOTE_SIZE * 1.5
    top = PAGE_HEIGHT - MARGIN - pitch * sum(len(lines) for _, _, lines in blocks)
    assert top > flow.y + 2 * pitch, "the notes must not run into the text"
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, PAGE_HEIGHT - top + 6, MARGIN_X + 144, PAGE_HEIGHT - top + 6)  # the short rule
    for label, hang, lines in blocks:
        for n, line in enumerate(lines):
            x, width = MARGIN_X + hang, TEXT_WIDTH - hang
            if n == 0:  # the label and a space, then the text
                line, x, width = [(label, False), (" ", False), *line], MARGIN_X, TEXT_WIDTH
            spacing = justified(line, MINCHO, NOTE_SIZE, width) if n < len(lines) - 1 else 0
            draw_line(canvas, line, x, top, MINCHO, NOTE_SIZE, spacing)
            top += pitch
    canvas.save()


# ---------------------------------------------------------------------------
# e) a ruled table with its caption above
# ---------------------------------------------------------------------------

TABLE_HEADING = "1．主な施策の工程"
TABLE_CAPTION = "表1 主な施策と担当府省"
TABLE_ROWS = [
    ["施策", "担当府省", "完了の目標"],
    ["手続のオンライン化", "デジタル庁", "令和7年度"],
    ["データの標準化", "総務省", "令和8年度"],
    ["人材の育成", "経済産業省", "令和9年度"],
]
TABLE_BEFORE = "主な施策と担当府省、完了の目標時期を表1に示す。各府省は、目標時期までに必要な制度の見直しを終える。"
TABLE_AFTER = "なお、工程は毎年度の評価を踏まえて見直す。"


def _ruled_table() -> Table:
    table = Table(TABLE_ROWS, colWidths=[180, 120, 100], rowHeights=22)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), MINCHO),
        ("FONTNAME", (0, 0), (-1, 0), GOTHIC),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
    ]))
    return table


def _draw_table(canvas: Canvas, frame: Frame, top: float) -> None:
    table = _ruled_table()
    width, height = table.wrapOn(canvas, frame.x1 - frame.x0, PAGE_HEIGHT)
    table.drawOn(canvas, frame.x0 + (frame.x1 - frame.x0 - width) / 2, PAGE_HEIGHT - top - height)


def make_table(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(TABLE_HEADING, 14, space_before=0))
    flow.add(Para(TABLE_BEFORE))
    flow.add(Heading(TABLE_CAPTION, BODY_SIZE, space_before=0.5, align="center"))
    flow.add(Picture(22 * len(TABLE_ROWS) + BODY_SIZE, _draw_table))
    flow.add(Para(TABLE_AFTER))
    canvas.save()


# ---------------------------------------------------------------------------
# f, g) encrypted: with an owner password only (opens freely), and with a user password
# ---------------------------------------------------------------------------

ENCRYPTED_HEADING = "1．概要"
ENCRYPTED_TEXT = "この文書は、変更と複製を禁止する設定で保存されている。閲覧と印刷は制限されていない。"


@contextmanager
def _encryptable_cid_fonts() -> Iterator[None]:
    """reportlab writes the CID fonts' CIDSystemInfo strings ("Adobe", "Japan1") as raw PDF syntax,
    which its encryption skips: readers then decrypt plain text into garbage and cannot map the
    CIDs back to Unicode (pdfminer gives "(cid:18)", poppler "Unknown character collection").
    Given as PDFString objects they are encrypted like every other string."""
    saved = {}
    for name in (MINCHO, GOTHIC):
        info = CIDFontInfo[name]["DescendantFonts"][0]["CIDSystemInfo"]
        saved[name] = dict(info)
        info["Registry"], info["Ordering"] = PDFString("Adobe"), PDFString("Japan1")
    try:
        yield
    finally:
        for name, info in saved.items():
            CIDFontInfo[name]["DescendantFonts"][0]["CIDSystemInfo"] = info


def _encrypted(path: Path, user_password: str) -> None:
    # Government PDFs often forbid changes and copying while opening freely: the restriction
    # flags must not stop a reader that only extracts text.
    encrypt = StandardEncryption(user_password, ownerPassword="owner", canModify=0, canCopy=0)
    with _encryptable_cid_fonts():
        canvas = new_canvas(path, encrypt)
        flow = Flow(canvas, one_column(1))
        flow.add(Heading(ENCRYPTED_HEADING, 14, space_before=0))
        flow.add(Para(ENCRYPTED_TEXT))
        canvas.save()


def make_encrypted(path: Path) -> None:
    _encrypted(path, "")


def make_password(path: Path) -> None:
    _encrypted(path, "secret")


# ---------------------------------------------------------------------------
# h) a scan: pages that are only an image, no text layer
# ---------------------------------------------------------------------------

def _scanned_page(seed: int) -> Image.Image:
    """A grey page with dark strokes where the lines of text were: pixels only."""
    image = Image.new("L", (420, 594), 245)
    draw = ImageDraw.Draw(image)
    for row in range(40, 560, 18):
        length = 300 + (row * 7 + seed * 13) % 60
        draw.rectangle((50, row, 50 + length, row + 8), fill=60)
    return image


def make_scan(path: Path) -> None:
    canvas = new_canvas(path)
    for page in range(2):
        canvas.drawImage(ImageReader(_scanned_page(page)), 0, 0, PAGE_WIDTH, PAGE_HEIGHT)
        canvas.showPage()
    canvas.save()


# ---------------------------------------------------------------------------
# i) broken files: a PDF cut in half, and text bytes named .pdf
# ---------------------------------------------------------------------------

def make_truncated(path: Path) -> None:
    make_headings(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def make_not_pdf(path: Path) -> None:
    path.write_bytes("これはPDFではありません。拡張子だけが .pdf のテキストです。\n".encode())


# ---------------------------------------------------------------------------
# j) bookmarks (the PDF outline)
# ---------------------------------------------------------------------------

# (level as pdfminer counts it, from 1; title; page from 1)
BOOKMARKS = [(1, "1．はじめに", 1), (2, "1．1 目的", 1), (1, "2．今後の方針", 2)]
BOOKMARK_TEXTS = {
    "1．はじめに": "この資料は、データの利活用に関する政府の方針を説明するものである。",
    "1．1 目的": "方針の目的は、行政と民間の間でデータを安全に流通させることにある。",
    "2．今後の方針": "政府は、関係者の意見を聴きながら、来年度までに具体的な計画を定める。",
}


def make_bookmarks(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(2))
    page = 1
    for number, (level, title, on_page) in enumerate(BOOKMARKS):
        if on_page != page:
            flow.new_page()
            page = on_page
        key = f"h{number}"
        canvas.bookmarkHorizontal(key, 0, PAGE_HEIGHT - flow.y + 20)
        canvas.addOutlineEntry(title, key, level=level - 1)
        flow.add(Heading(title, 14 if level == 1 else 12, space_before=0 if number == 0 else 1))
        flow.add(Para(BOOKMARK_TEXTS[title]))
    canvas.save()


# name → (generator, file name)
SAMPLES: dict[str, Callable[[Path], None]] = {
    "headings": make_headings,
    "two-columns": make_two_columns,
    "running-header": make_running_header,
    "footnotes": make_footnotes,
    "table": make_table,
    "encrypted": make_encrypted,
    "password": make_password,
    "scan": make_scan,
    "truncated": make_truncated,
    "not-pdf": make_not_pdf,
    "bookmarks": make_bookmarks,
}


def write_samples(folder: Path, samples: dict[str, Callable[[Path], None]] | None = None) -> dict[str, Path]:
    """Every sample (of ``samples``, or of this module) into ``folder`` as <name>.pdf; returns name → path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, make in (SAMPLES if samples is None else samples).items():
        paths[name] = folder / f"{name}.pdf"
        make(paths[name])
    return paths


if __name__ == "__main__":
    import sys

    for name, path in write_samples(Path(sys.argv[1] if len(sys.argv) > 1 else "pdf-samples")).items():
        print(name, path, path.stat().st_size)


def sample_entry(path: Path, doc_id: str = "sample") -> Entry:
    """The catalog entry a user writes for the sample PDF at ``path`` (format pdf, no hints)."""
    meta = DocumentMeta(id=doc_id, title="見本", body="見本省", date=date(2024, 4, 1), kind="report",
                        source=path.name, summary="見本。", format="pdf")
    return Entry(meta, Hints(), 1)


def pdf_document(path: Path, doc_id: str = "sample") -> Document:
    """The sample PDF at ``path`` converted as one document (read → structure → notes → sections)."""
    return build_document(sample_entry(path, doc_id), path.parent)

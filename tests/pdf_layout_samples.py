"""PDFs for the layout features of the PDF reader (issue 23): a ○/◎/△ matrix whose header row is
ruled finer than its body, a document whose pages are labelled (front matter in roman numerals),
a page with a chart, a page set vertically.

Made with tests/pdf_samples.py's helpers (reportlab, Japanese CID fonts, deterministic output).
The texts are written for these tests; the constants are what the tests expect to read back.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

from pdf_samples import (
    BODY_SIZE,
    GOTHIC,
    LEADING,
    MARGIN,
    MARGIN_X,
    MINCHO,
    NOTE_SIZE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
    Flow,
    Frame,
    Heading,
    Para,
    Picture,
    _atoms,
    _width,
    draw_line,
    justified,
    line_text,
    new_canvas,
    one_column,
    wrap,
    write_samples,
)
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase._cidfontdata import CIDFontInfo
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Table, TableStyle

# ---------------------------------------------------------------------------
# A ○-matrix: 4 columns a reader sees, 12 the rules draw (the header's cells are split in three)
# ---------------------------------------------------------------------------

MATRIX_HEADING = "1．端末の特性の比較"
MATRIX_BEFORE = "端末の種類ごとの特性を次の表に示す。"
MATRIX_ROWS = [
    ["特性", "携帯電話", "スマートフォン", "パソコン"],
    ["携帯性", "◎", "◎", "△"],
    ["通信の速さ", "○", "◎", "△"],
    ["拡張性", "×", "○", "◎"],
    ["画面の大きさ", "△", "○", "◎"],
]
MATRIX_AFTER = "表の記号は、◎が優れる、○が普通、△が劣る、×が対応しないことを示す。"
SUB_COLUMNS = 3  # each column a reader sees is ruled as three in the header row
COLUMN_WIDTH = 96.0
ROW_HEIGHT = 22.0
MATRIX_SIZE = 9.0


def _draw_matrix(canvas, frame: Frame, top: float) -> None:
    """Rules as a word processor draws a header split finer than the body: in the header row a
    vertical rule every third of a column, in the body rows only between the columns."""
    columns = len(MATRIX_ROWS[0])
    left = frame.x0 + (frame.x1 - frame.x0 - columns * COLUMN_WIDTH) / 2
    right = left + columns * COLUMN_WIDTH
    y = PAGE_HEIGHT - top  # reportlab measures from the page foot
    canvas.setLineWidth(0.5)
    for r in range(len(MATRIX_ROWS) + 1):
        canvas.line(left, y - r * ROW_HEIGHT, right, y - r * ROW_HEIGHT)
    for r in range(len(MATRIX_ROWS)):
        step = COLUMN_WIDTH / SUB_COLUMNS if r == 0 else COLUMN_WIDTH
        for k in range(round((right - left) / step) + 1):
            canvas.line(left + k * step, y - r * ROW_HEIGHT, left + k * step, y - (r + 1) * ROW_HEIGHT)
    canvas.setFont(MINCHO, MATRIX_SIZE)
    for r, row in enumerate(MATRIX_ROWS):
        for c, cell in enumerate(row):
            centre = left + (c + 0.5) * COLUMN_WIDTH
            canvas.drawCentredString(centre, y - (r + 1) * ROW_HEIGHT + (ROW_HEIGHT - MATRIX_SIZE) / 2 + 1, cell)


def make_matrix(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(MATRIX_HEADING, 14, font=GOTHIC, space_before=0))
    flow.add(Para(MATRIX_BEFORE))
    flow.add(Picture(ROW_HEIGHT * len(MATRIX_ROWS) + BODY_SIZE, _draw_matrix))
    flow.add(Para(MATRIX_AFTER))
    canvas.save()


# ---------------------------------------------------------------------------
# Page labels: two sheets of front matter numbered i, ii, then the body from 1
# ---------------------------------------------------------------------------

LABELLED_PAGES = [
    ("はじめに", "この報告書は、行政手続のデジタル化の進み具合をまとめたものである。"),
    ("目次の代わりに", "本論は第1章と第2章からなり、それぞれ一枚に収めた。"),
    ("1．手続の現状", "令和6年度末までに、主な行政手続の八割がオンラインで申請できるようになった。"),
    ("2．今後の課題", "残る手続は、添付書類の電子化と本人確認の方法の見直しを要する。"),
]
LABELS = ["i", "ii", "1", "2"]  # what each sheet's /PageLabels entry reads


def make_page_labels(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(len(LABELLED_PAGES)))
    for index, (heading, text) in enumerate(LABELLED_PAGES):
        if index:
            flow.new_page()
        flow.add(Heading(heading, 14, font=GOTHIC, space_before=0))
        flow.add(Para(text))
    canvas.addPageLabel(0, style="ROMAN_LOWER")
    canvas.addPageLabel(2, style="ARABIC", start=1)
    canvas.save()


# ---------------------------------------------------------------------------
# A chart drawn with paths, its ticks and legend set as text inside it, its caption under it
# ---------------------------------------------------------------------------

CHART_HEADING = "1．利用者数の推移"
CHART_BEFORE = ("オンライン申請の利用者数は、制度の開始から毎年増えている。個人と法人に分けて、開始の年度を100と"
                "した指数で図1に示す。")
CHART_TICKS = ["110.0", "105.0", "100.0", "95.0"]
CHART_LEGEND = ["個人", "法人"]
CHART_CAPTION = "図1　オンライン申請の利用者数（指数）"
CHART_AFTER = ("特に法人の利用は、電子署名の手続が簡単になってから大きく伸びた。個人の利用も、マイナンバーカードで"
               "本人を確認できるようになった年度から伸びが大きくなっている。")
CHART_HEIGHT = 180.0


def _chart(canvas, frame: Frame, top: float) -> None:
    """As a spreadsheet exports a chart: its area framed, axes, bars and grid lines as paths, tick
    values down the left, a legend at the right, all inside the frame."""
    from reportlab.lib import colors

    left, base = frame.x0 + 60, PAGE_HEIGHT - top - CHART_HEIGHT + 20
    tall = CHART_HEIGHT - 40
    canvas.setLineWidth(0.5)
    canvas.rect(frame.x0 + 20, base - 12, frame.x1 - frame.x0 - 40, tall + 24, stroke=1, fill=0)
    canvas.line(left, base, frame.x1 - 100, base)
    canvas.line(left, base, left, base + tall)
    canvas.setFont(MINCHO, 8)
    for n, tick in enumerate(CHART_TICKS):  # from the top down
        y = base + tall - n * tall / (len(CHART_TICKS) - 1)
        canvas.line(left - 3, y, frame.x1 - 100, y)
        canvas.drawRightString(left - 6, y - 3, tick)
    for n, share in enumerate((0.2, 0.35, 0.5, 0.6, 0.75, 0.9)):
        canvas.setFillColor(colors.grey if n % 2 else colors.black)
        canvas.rect(left + 12 + n * 40, base, 22, tall * share, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    for n, name in enumerate(CHART_LEGEND):
        canvas.rect(frame.x1 - 80, base + tall - 14 * n - 8, 8, 8, stroke=1, fill=n == 0)
        canvas.drawString(frame.x1 - 68, base + tall - 14 * n - 8, name)


def _chart_captioned_inside(canvas, frame: Frame, top: float) -> None:
    """The chart with its caption set inside its frame, in the labels' size, under the top tick:
    one of its labels to the text layer, neither the first nor the largest."""
    _chart(canvas, frame, top)
    canvas.setFont(MINCHO, 8)
    canvas.drawCentredString((frame.x0 + frame.x1) / 2, PAGE_HEIGHT - top - 40, CHART_CAPTION)


def make_chart(path: Path, caption_inside: bool = False) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(CHART_HEADING, 14, font=GOTHIC, space_before=0))
    flow.add(Para(CHART_BEFORE))
    flow.add(Picture(CHART_HEIGHT, _chart_captioned_inside if caption_inside else _chart))
    if not caption_inside:
        flow.add(Heading(CHART_CAPTION, 9, font=GOTHIC, space_before=0.5, align="center"))
    flow.add(Para(CHART_AFTER))
    canvas.save()


# ---------------------------------------------------------------------------
# A page set vertically (縦書き): a title column, then the text in columns, right to left
# ---------------------------------------------------------------------------

VERTICAL_TITLE = "デジタル社会の実現に向けて"
VERTICAL_TEXT = ("﹁誰一人取り残されない﹂デジタル社会の実現には、国と地方が力を合わせることが欠かせない。"
                 "行政の手続︵申請や届出︶は、原則としてオンラインで完結できるようにする。")
VERTICAL_READ = ("「誰一人取り残されない」デジタル社会の実現には、国と地方が力を合わせることが欠かせない。"
                 "行政の手続（申請や届出）は、原則としてオンラインで完結できるようにする。")
VERTICAL_COLUMN = 24  # characters a column holds


def make_vertical(path: Path) -> None:
    """Each character placed by itself down its column, as vertical layouts are written out."""
    canvas = new_canvas(path)
    x = PAGE_WIDTH - 90.0
    columns = [(VERTICAL_TITLE, 16.0)] + [
        (VERTICAL_TEXT[i : i + VERTICAL_COLUMN], BODY_SIZE) for i in range(0, len(VERTICAL_TEXT), VERTICAL_COLUMN)]
    for n, (column, size) in enumerate(columns):
        canvas.setFont(GOTHIC if n == 0 else MINCHO, size)
        y = PAGE_HEIGHT - 90.0 - (0 if n == 0 else size)  # the text starts a character lower
        for char in column:
            canvas.drawString(x, y - size, char)
            y -= size
        x -= size * (2.5 if n == 0 else 1.8)
    canvas.save()


# ---------------------------------------------------------------------------
# A handout sheet: two slides to an A4 page, each framed; the second draws a diagram whose box
# labels are set larger than the slides' text
# ---------------------------------------------------------------------------

HANDOUT_HEADINGS = ["1．調査の概要", "2．申請の流れ"]
HANDOUT_TEXT = [
    ["全国の市区町村を対象に、行政手続のオンライン化の状況を調べた。回答は九割を超える団体から得られ、",
     "手続の種類ごとに、申請から交付までの流れと所要日数を集計した。結果は次の頁以降に示す。"],
    ["申請の流れは、本人確認、入力、審査、交付の四段階からなる。各段階の所要日数を短くすることが課題であり、",
     "とりわけ審査の段階で紙の書類を確認する作業が残っていることが大きい。"],
]
DIAGRAM_LABELS = ["本人確認", "入力", "審査", "交付"]  # 12pt Gothic, one in each box
SLIDE_TEXT_SIZE = 9.0  # each slide scaled down to fit half the sheet
FRAME_MARGIN = 8.0


def _slide(canvas, top: float, heading: str, text: list[str], diagram: bool) -> None:
    """One slide in the half of the sheet starting ``top`` points from the page top: its frame
    (a rectangle round the half, as a handout prints it), heading, text and, maybe, a diagram."""
    height = PAGE_HEIGHT / 2
    canvas.setLineWidth(0.75)
    canvas.rect(FRAME_MARGIN, PAGE_HEIGHT - top - height + FRAME_MARGIN, PAGE_WIDTH - 2 * FRAME_MARGIN,
                height - 2 * FRAME_MARGIN, stroke=1, fill=0)
    canvas.setFont(GOTHIC, 14)
    canvas.drawString(40, PAGE_HEIGHT - top - 50, heading)
    canvas.setFont(MINCHO, SLIDE_TEXT_SIZE)
    for n, line in enumerate(text):
        canvas.drawString(40, PAGE_HEIGHT - top - 80 - n * SLIDE_TEXT_SIZE * 1.7, line)
    if not diagram:
        return
    # Four boxes joined by arrows (short lines touching both boxes), a label in each.
    y = PAGE_HEIGHT - top - 200
    for n, label in enumerate(DIAGRAM_LABELS):
        x = 50 + n * 130
        canvas.rect(x, y, 90, 40, stroke=1, fill=0)
        if n:
            canvas.line(x - 40, y + 20, x, y + 20)
            canvas.line(x - 8, y + 25, x, y + 20)
            canvas.line(x - 8, y + 15, x, y + 20)
        canvas.setFont(GOTHIC, 12)
        canvas.drawCentredString(x + 45, y + 15, label)


def make_handout(path: Path) -> None:
    canvas = new_canvas(path)
    for n, (heading, text) in enumerate(zip(HANDOUT_HEADINGS, HANDOUT_TEXT, strict=True)):
        _slide(canvas, n * PAGE_HEIGHT / 2, heading, text, diagram=n == 1)
    canvas.save()


# ---------------------------------------------------------------------------
# Label boxes: numbered titles at the body's size, each alone in a drawn bar over its points; a
# passage highlighted line by line (a correction), each line in a box of its own, is no title
# ---------------------------------------------------------------------------

BAR_CHAPTER = "4．その他の留意点"
BAR_HEADING = "（1）著作権の考え方"
BAR_TITLES = ["1．基本的考え方", "2．学校における留意点"]
BAR_POINTS = [
    ["・著作権は、思想又は感情を創作的に表現した著作物を保護するものである。",
     "・他人の著作物を利用する場合には、原則として著作権者の許諾が必要となる。"],
    ["・生成物を利用する場合には、既存の著作物に係る権利を侵害しないよう留意する。",
     "・授業の目的の範囲内であれば、許諾なく利用できる場合がある。"],
]
HIGHLIGHTED = ["1．授業で生成物を配布する場合には、出典を明らかにし、利用の範囲を児童生徒に説明",
               "する。なお、校外に公開する場合は、改めて権利関係を確認する。"]


def make_bars(path: Path) -> None:
    canvas = new_canvas(path)
    y = PAGE_HEIGHT - 80
    canvas.setFont(GOTHIC, 16)
    canvas.drawString(MARGIN_X, y, BAR_CHAPTER)
    y -= 36
    canvas.setFont(GOTHIC, 14)
    canvas.drawString(MARGIN_X, y, BAR_HEADING)
    y -= 36
    for title, points in zip(BAR_TITLES, BAR_POINTS, strict=True):
        canvas.setLineWidth(0.75)
        canvas.rect(MARGIN_X, y - 5, 14 * BODY_SIZE, BODY_SIZE * 1.8, stroke=1, fill=0)  # the label box
        canvas.setFont(MINCHO, BODY_SIZE)
        canvas.drawString(MARGIN_X + BODY_SIZE, y, title)
        y -= BODY_SIZE * 2.6
        for point in points:
            canvas.drawString(MARGIN_X, y, point)
            y -= BODY_SIZE * 1.7
        y -= BODY_SIZE
    for line in HIGHLIGHTED:  # each printed line boxed, as a correction marks what it changed
        canvas.rect(MARGIN_X - 2, y - 4, TEXT_WIDTH + 4, BODY_SIZE * 1.5, stroke=1, fill=0)
        canvas.setFont(MINCHO, BODY_SIZE)
        canvas.drawString(MARGIN_X, y, line)
        y -= BODY_SIZE * 1.7
    canvas.save()


# ---------------------------------------------------------------------------
# Pictures with no words of their own (a survey's tables and charts exported as images): a
# bracketed 「図表」 caption over two pictures stacked, a 「図」 caption under a picture
# ---------------------------------------------------------------------------

PICTURES_HEADING = "1．利用者の年齢"
PICTURES_BEFORE = "利用者の年齢構成を図表1に、年齢ごとの利用の目的を図2に示す。"
PICTURES_CAPTION_ABOVE = "【図表1 年齢別の利用率】"
PICTURES_BETWEEN = "六十歳以上の利用者が最も多く、次いで五十歳代、四十歳代の順となっている。"
PICTURES_CAPTION_BELOW = "図2 年齢ごとの利用の目的"
PICTURES_AFTER = "いずれの年齢でも、行政手続の申請が最も多い目的となっている。"
PICTURE_HEIGHTS = (90.0, 110.0)  # the table picture, then the chart picture right under it
PICTURE_BELOW_HEIGHT = 120.0


def _picture(width: int, height: int, bars: bool):
    """Pixels only: a grid of cells (a table exported as an image) or grey bars (a chart)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    if bars:
        for n in range(6):
            draw.rectangle((20 + n * 60, height - 10 - (n + 2) * 12, 60 + n * 60, height - 10), fill=90)
    else:
        for x in range(0, width, width // 6):
            draw.line((x, 0, x, height - 1), fill=0)
        for y in range(0, height, height // 4):
            draw.line((0, y, width - 1, y), fill=0)
    return ImageReader(image)


def _stacked_pictures(canvas, frame: Frame, top: float) -> None:
    width = frame.x1 - frame.x0
    y = top
    for n, height in enumerate(PICTURE_HEIGHTS):
        picture = _picture(420, int(height * 1.5), bars=n == 1)
        canvas.drawImage(picture, frame.x0, PAGE_HEIGHT - y - height, width, height)
        y += height


def _picture_below(canvas, frame: Frame, top: float) -> None:
    width = (frame.x1 - frame.x0) * 0.7
    canvas.drawImage(_picture(360, 180, bars=True), frame.x0 + 40, PAGE_HEIGHT - top - PICTURE_BELOW_HEIGHT,
                     width, PICTURE_BELOW_HEIGHT)


def make_pictures(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(PICTURES_HEADING, 14, font=GOTHIC, space_before=0))
    flow.add(Para(PICTURES_BEFORE))
    flow.add(Heading(PICTURES_CAPTION_ABOVE, 10, font=GOTHIC, space_before=0.5, align="center"))
    flow.add(Picture(sum(PICTURE_HEIGHTS) + 6, _stacked_pictures))
    flow.add(Para(PICTURES_BETWEEN))
    flow.add(Picture(PICTURE_BELOW_HEIGHT + 4, _picture_below))
    flow.add(Heading(PICTURES_CAPTION_BELOW, 9, font=GOTHIC, space_before=0.2, align="center"))
    flow.add(Para(PICTURES_AFTER))
    canvas.save()


# ---------------------------------------------------------------------------
# Notes set apart by the QR codes printed beside them, at the foot of a two-column page's first
# column; the second column's text carries two of their markers
# ---------------------------------------------------------------------------

QR_HEADING = "1．研究拠点の整備"
QR_FIRST_COLUMN = [
    "政府は、人工知能の研究を進めるため、国の研究機関に新たな拠点を順に設けてきた。平成二十七年には産業技術"
    "総合研究所に人工知能研究センター{1}を設置し、基礎研究と応用研究を一体で進める体制を整えた。",
]
QR_SECOND_COLUMN = [
    "翌年には理化学研究所に革新知能統合研究センター{2}を設け、世界の研究者を集めて基盤技術の研究を進めている。",
    "さらに情報通信研究機構にも研究開発の推進センター{3}が置かれ、産学官が利用しやすいデータの整備が進んだ。",
]
QR_NOTES = [("1", "産業技術総合研究所人工知能研究センター"), ("2", "理化学研究所革新知能統合研究センター"),
            ("3", "情報通信研究機構研究開発推進センター")]
QR_ADDRESS = "https://www.example.go.jp/center/"
QR_SIZE = 30.0  # each note's QR code, under its address: the notes stand this far apart and more
QR_NOTE_SIZE = 7.0
QR_COLUMN_WIDTH = 20 * BODY_SIZE


def _qr_code(canvas, x: float, top: float) -> None:
    """A square of pixels like a QR code: no text."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (60, 60), 255)
    draw = ImageDraw.Draw(image)
    for n in range(36):
        if (n * 7) % 3:
            draw.rectangle(((n % 6) * 10, (n // 6) * 10, (n % 6) * 10 + 9, (n // 6) * 10 + 9), fill=0)
    canvas.drawImage(ImageReader(image), x, PAGE_HEIGHT - top - QR_SIZE, QR_SIZE, QR_SIZE)


def make_qr_notes(path: Path) -> None:
    canvas = new_canvas(path)
    left = Frame(0, MARGIN_X, MARGIN_X + QR_COLUMN_WIDTH, 90.0, 400.0)
    right = Frame(0, PAGE_WIDTH - MARGIN_X - QR_COLUMN_WIDTH, PAGE_WIDTH - MARGIN_X, 90.0, 400.0)
    flow = Flow(canvas, [left, right])
    flow.add(Heading(QR_HEADING, 12, font=GOTHIC, space_before=0))
    for text in QR_FIRST_COLUMN:
        flow.add(Para(text))
    flow.frame, flow.y = 1, right.top  # the second column, by hand: the first holds only one paragraph
    for text in QR_SECOND_COLUMN:
        flow.add(Para(text))
    top = 620.0
    for label, text in QR_NOTES:  # under the first column: label, text; the address hung; its QR code
        draw_line(canvas, _atoms(f"{label} {text}"), left.x0, top, MINCHO, QR_NOTE_SIZE)
        draw_line(canvas, _atoms(QR_ADDRESS), left.x0 + 20, top + 8, MINCHO, QR_NOTE_SIZE)
        _qr_code(canvas, left.x0, top + 17)
        top += 17 + QR_SIZE + 4
    canvas.save()


# ---------------------------------------------------------------------------
# A chapter tab set down the outer margin (「第」「４」「章」, one character under the other), its last
# character on the baseline of a body line, on each of three pages
# ---------------------------------------------------------------------------

TAB_TEXT = ("研究の現場では、実験の計画から結果の分析までを機械が受け持つ取組が広がっており、人が担うのは"
            "問いを立てることと結果を解釈することに移りつつある。こうした変化は、研究の速さだけでなく、"
            "再現のしやすさや記録の確かさにも及ぶと考えられている。")
TAB = "第４章"
TAB_READ = "第4章"  # digits read half-width, as everywhere
TAB_SIZE = 12.0


def make_chapter_tab(path: Path) -> None:
    canvas = new_canvas(path)
    per_line = int(TEXT_WIDTH // BODY_SIZE)
    lines = [TAB_TEXT[i : i + per_line] for i in range(0, len(TAB_TEXT), per_line)]
    for _ in range(3):
        top = PAGE_HEIGHT - 100.0
        canvas.setFont(MINCHO, BODY_SIZE)
        for n, line in enumerate(lines):
            canvas.drawString(MARGIN_X, top - n * BODY_SIZE * 1.7, line)
        # The tab: 12pt Gothic in the margin, touching characters; 「章」 shares body line 2's baseline.
        canvas.setFont(GOTHIC, TAB_SIZE)
        x = MARGIN_X + TEXT_WIDTH + 2.5 * TAB_SIZE
        for k, char in enumerate(TAB):
            canvas.drawString(x, top - 1 * BODY_SIZE * 1.7 + (len(TAB) - 1 - k) * TAB_SIZE, char)
        canvas.showPage()
    canvas.save()


# ---------------------------------------------------------------------------
# A ruled table whose cells wrap, with a shaded band of two lines and row-spanning cells, the last
# one running on past the table's foot (no rule under it, as where a table goes on overleaf)
# ---------------------------------------------------------------------------

WRAPPED_HEADING = "1．対象となる地域"
WRAPPED_BEFORE = "対象となる地域は、次の表のとおりとする。"
WRAPPED_CORNER = ("区分", "都道府県")  # the corner cell's labels, split by a diagonal: above it, below it
WRAPPED_HEADER = [" ".join(WRAPPED_CORNER), "圏域", "市町村"]
# The band's text, wrapped by the word processor inside a word: 「…区域の一」／「覧…」.
WRAPPED_BAND = ["医療を提供しているが医療資源の少ない地域として告示で定める区域の一", "覧である"]
WRAPPED_BODY = [  # (prefecture or "" under a spanning cell, area, the area's two printed lines)
    ("甲県", "北圏域", ["北市、東町、西町、南村、中央町、青葉町、", "山里村"]),
    ("", "南圏域", ["南市、港町、浜町、", "岬村"]),
    ("乙県", "東圏域", ["東市、川町、森町、", "谷村"]),
    ("", "西圏域", ["西市、", "野村"]),
]
WRAPPED_ROWS = [
    WRAPPED_HEADER,
    ["".join(WRAPPED_BAND), "", ""],
    *[[prefecture, area, "".join(lines)] for prefecture, area, lines in WRAPPED_BODY],
]
WRAPPED_AFTER = "表に掲げる区域は、毎年度見直すものとする。"
WRAPPED_COLUMNS = (80.0, 90.0, 250.0)
WRAPPED_SIZE = 9.0
WRAPPED_LINE = 14.0  # a cell's line pitch
BAND_GREY = 0.85


def _draw_wrapped_table(canvas, frame: Frame, top: float) -> None:
    """Rules drawn as lines; cell texts set line by line as a word processor wraps them; the band
    painted as one grey rectangle per printed line (two touching fills, no rule between them)."""
    left = frame.x0 + (frame.x1 - frame.x0 - sum(WRAPPED_COLUMNS)) / 2
    xs = [left]
    for width in WRAPPED_COLUMNS:
        xs.append(xs[-1] + width)
    header = 2 * WRAPPED_LINE + 8
    band = 2 * WRAPPED_LINE + 8
    body = 2 * WRAPPED_LINE + 8
    ys = [top, top + header, top + header + band]  # from the page's top
    for _ in WRAPPED_BODY:
        ys.append(ys[-1] + body)

    def at(y: float) -> float:  # reportlab measures from the page foot
        return PAGE_HEIGHT - y

    canvas.setFillGray(BAND_GREY)
    for k in range(2):
        line_top = ys[1] + 4 + k * WRAPPED_LINE - (4 if k == 0 else 0)
        line_bottom = ys[1] + 4 + (k + 1) * WRAPPED_LINE + (4 if k == 1 else 0)
        canvas.rect(xs[0], at(line_bottom), xs[-1] - xs[0], line_bottom - line_top, stroke=0, fill=1)
    canvas.setFillGray(0)
    canvas.setLineWidth(0.5)
    for index, y in enumerate(ys):
        spanned = 2 <= index < len(ys) - 1 and not WRAPPED_BODY[index - 2][0]
        # No rule across a cell a prefecture spans, nor under the last one: 「乙県」 goes on overleaf.
        canvas.line(xs[1] if spanned or index == len(ys) - 1 else xs[0], at(y), xs[-1], at(y))
    for x in xs:
        canvas.line(x, at(ys[0]), x, at(ys[1]))
        canvas.line(x, at(ys[2]), x, at(ys[-1]))
    canvas.line(xs[0], at(ys[1]), xs[0], at(ys[2]))
    canvas.line(xs[-1], at(ys[1]), xs[-1], at(ys[2]))
    canvas.line(xs[0], at(ys[0]), xs[1], at(ys[1]))  # the corner cell's diagonal
    canvas.setFont(MINCHO, WRAPPED_SIZE)
    above, below = WRAPPED_CORNER
    canvas.drawRightString(xs[1] - 4, at(ys[0] + 4 + WRAPPED_SIZE), above)
    canvas.drawString(xs[0] + 4, at(ys[0] + 4 + WRAPPED_LINE + WRAPPED_SIZE), below)
    for c, name in enumerate(WRAPPED_HEADER[1:], 1):
        canvas.drawString(xs[c] + 4, at(ys[0] + 4 + WRAPPED_SIZE), name)
    for k, line in enumerate(WRAPPED_BAND):
        canvas.drawString(xs[0] + 4, at(ys[1] + 4 + k * WRAPPED_LINE + WRAPPED_SIZE), line)
    for index, (prefecture, area, lines) in enumerate(WRAPPED_BODY):
        row_top = ys[2 + index]
        if prefecture:  # set in the middle of the two rows it spans
            canvas.drawString(xs[0] + 4, at(row_top + body - WRAPPED_SIZE / 2), prefecture)
        canvas.drawString(xs[1] + 4, at(row_top + 4 + WRAPPED_SIZE), area)
        for k, line in enumerate(lines):
            canvas.drawString(xs[2] + 4, at(row_top + 4 + k * WRAPPED_LINE + WRAPPED_SIZE), line)


def make_wrapped_table(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(WRAPPED_HEADING, 14, font=GOTHIC, space_before=0))
    flow.add(Para(WRAPPED_BEFORE))
    flow.add(Picture(36 * (2 + len(WRAPPED_BODY)) + BODY_SIZE, _draw_wrapped_table))
    flow.add(Para(WRAPPED_AFTER))
    canvas.save()


def make_inherited_media_box(path: Path) -> None:
    """The wrapped table again, its page size set once on the page tree instead of on the page
    (as some word processors write it)."""
    make_wrapped_table(path)
    path.write_bytes(media_box_on_page_tree(path.read_bytes()))


def media_box_on_page_tree(pdf: bytes) -> bytes:
    """The PDF with each page's /MediaBox moved to its /Pages node, cross-references rebuilt."""
    box = re.search(rb"/MediaBox \[[^\]]*\]", pdf)
    assert box is not None
    pdf = pdf.replace(box.group(0), b"")
    pdf = pdf.replace(b"/Type /Pages", b"/Type /Pages " + box.group(0), 1)
    body, _, _ = pdf.partition(b"xref\n")
    offsets = {int(m.group(1)): m.start() for m in re.finditer(rb"(?m)^(\d+) 0 obj", body)}
    table = [b"xref", f"0 {len(offsets) + 1}".encode(), b"0000000000 65535 f "]
    table += [f"{offsets[number]:010d} 00000 n ".encode() for number in sorted(offsets)]
    trailer = pdf[pdf.index(b"trailer"):]
    trailer = re.sub(rb"startxref\n\d+", b"startxref\n" + str(len(body)).encode(), trailer)
    return body + b"\n".join(table) + b"\n" + trailer


# ---------------------------------------------------------------------------
# A white paper's figure captions (two columns): a marked caption set across both columns, wider
# than a column, over its picture; a marked caption centred in one column and wrapped onto a
# second line, over its picture
# ---------------------------------------------------------------------------

CAPTIONS_HEADING = "1．研究の自動化"
CAPTION_ACROSS = "■第2-1-1図／研究機関における実験設備の自動化の状況と今後の導入計画"
CAPTION_WRAPPED = ("■第2-1-2図／自律的な試料作製シス", "テム")
CAPTIONS_LEFT = [
    "研究の現場では、試料の作製から測定、結果の分析までを機械が受け持つ取組が広がっている。人が担うのは"
    "問いを立てることと結果を解釈することに移りつつあり、研究の進め方そのものが変わり始めている。",
    "こうした変化は研究の速さだけでなく、再現のしやすさや記録の確かさにも及ぶと考えられており、各機関は"
    "設備の整備と人材の育成を併せて進めている。",
    "国は、こうした取組を支えるため、共用の設備を各地の拠点に置き、大学や企業が使えるようにしてきた。"
    "拠点では装置の使い方を学ぶ講習も開かれ、利用した研究者の数は年々増えている。",
]
CAPTIONS_RIGHT = ("ある大学では、試料の作製と評価を繰り返す装置を組み合わせ、人の手を介さずに実験を進める"
                  "仕組みを作った。装置は測定の結果から次に作る試料の条件を自ら選び、昼夜を問わず実験を"
                  "続けることができる。")
CAPTION_SOURCE = "提供：見本大学"
CAPTION_PICTURE_HEIGHT = 110.0


def make_captions(path: Path) -> None:
    canvas = new_canvas(path)
    draw_line(canvas, _atoms(CAPTIONS_HEADING), MARGIN_X, MARGIN, GOTHIC, 12)
    top = MARGIN + 30
    draw_line(canvas, _atoms(CAPTION_ACROSS), MARGIN_X + 4, top, GOTHIC, BODY_SIZE)
    canvas.drawImage(_picture(420, 150, bars=True), MARGIN_X, PAGE_HEIGHT - top - 16 - 120, TEXT_WIDTH, 120)
    column = 20 * BODY_SIZE
    left = Frame(0, MARGIN_X, MARGIN_X + column, top + 160, PAGE_HEIGHT - MARGIN)
    right = Frame(0, PAGE_WIDTH - MARGIN_X - column, PAGE_WIDTH - MARGIN_X, top + 160, PAGE_HEIGHT - MARGIN)
    flow = Flow(canvas, [left, right])
    for text in CAPTIONS_LEFT:
        flow.add(Para(text))
    flow.frame, flow.y = 1, right.top
    flow.add(Para(CAPTIONS_RIGHT))
    y = flow.y + BODY_SIZE
    for line in CAPTION_WRAPPED:  # each line centred in the column, set as tight as a caption is
        atoms = _atoms(line)
        width = sum(_width(atom, GOTHIC, BODY_SIZE) for atom in atoms)
        draw_line(canvas, atoms, right.x0 + (column - width) / 2, y, GOTHIC, BODY_SIZE)
        y += BODY_SIZE * 1.15
    canvas.drawImage(_picture(300, 160, bars=False), right.x0 + 10, PAGE_HEIGHT - y - 4 - CAPTION_PICTURE_HEIGHT,
                     column - 20, CAPTION_PICTURE_HEIGHT)
    draw_line(canvas, _atoms(CAPTION_SOURCE), right.x0 + 10, y + 10 + CAPTION_PICTURE_HEIGHT, MINCHO, 8.0)
    canvas.save()


# Under a figure as wide as the page, a paragraph set in two short columns (five lines each): the
# figure's caption, across both columns at the body's size, is one line of six that cross the gutter
SHORT_COLUMNS_TEXT = (
    "図書館の利用者は、ここ数年で大きく入れ替わってきた。平日の昼は高齢の利用者が多く、夕方からは学生が"
    "自習の場として使い、週末には親子連れが絵本の棚に集まる。こうした変化に合わせて、閲覧席の配置や開館"
    "時間を見直す館が増えており、利用者の声を集める仕組みも各地で整えられている。本節では、主な見直しの"
    "例を紹介する。"
)
SHORT_COLUMN_LINES = 5


SHORT_COLUMNS_HEAD = "第2章 図書館の利用の変化"


def _running_head(canvas) -> None:
    """The chapter's running head, set over the right column a little left of its text."""
    draw_line(canvas, _atoms(SHORT_COLUMNS_HEAD), PAGE_WIDTH - MARGIN_X - 20 * BODY_SIZE - 8, MARGIN - 40,
              GOTHIC, 8.0)


def make_short_columns(path: Path, running_head: bool = False) -> None:
    canvas = new_canvas(path)
    if running_head:
        _running_head(canvas)
    draw_line(canvas, _atoms(CAPTIONS_HEADING), MARGIN_X, MARGIN, GOTHIC, 12)
    top = MARGIN + 30
    draw_line(canvas, _atoms(CAPTION_ACROSS), MARGIN_X + 4, top, GOTHIC, BODY_SIZE)
    canvas.drawImage(_picture(420, 150, bars=True), MARGIN_X, PAGE_HEIGHT - top - 16 - 120, TEXT_WIDTH, 120)
    column = 20 * BODY_SIZE
    first = top + 160
    bottom = first + SHORT_COLUMN_LINES * BODY_SIZE * LEADING
    flow = Flow(canvas, [Frame(0, MARGIN_X, MARGIN_X + column, first, bottom),
                         Frame(0, PAGE_WIDTH - MARGIN_X - column, PAGE_WIDTH - MARGIN_X, first, bottom)])
    flow.add(Para(SHORT_COLUMNS_TEXT))
    assert flow.frame_of("本節では") == [1], "the paragraph must fill the first column and go on in the second"
    for _ in range(2 if running_head else 0):  # the head repeats page after page: a running head
        canvas.showPage()
        _running_head(canvas)
        Flow(canvas, one_column(1)).add(Para(CHART_AFTER))
    canvas.save()


# Titles marked ● over the prose of a white paper's section, in two columns: three set in a larger
# Gothic, one at the body's size, set in by a paragraph's indent and filling its column
MARKED_HEADING = "1．観光の取組"
MARKED_DISPLAY = [
    ("●駅前の案内所の改修", "駅前の案内所では、窓口を広げて外国語の案内板を増やした。改修の後、窓口で道を尋ねる"
     "人の数は前の年の倍になった。"),
    ("●観光船の予約の一本化", "港の観光船は、会社ごとに分かれていた予約の窓口を一つにまとめた。"
     "乗り換えの待ち時間が短くなったと好評である。"),
    ("●夜の催しの拡充", "夏の夜に港の広場で開く音楽会の回数を増やした。宿泊する客が増え、周辺の飲食店の"
     "売上げも伸びている。"),
]
MARKED_BODY_SIZE = ("●坂の町の散策路に道しるべを置く取組み", "坂の多い山の手の町では、散策する人が道に迷わないよう、"
                    "角ごとに小さな道しるべを置いた。地図を配るだけだった頃に比べて、町の奥の店まで足を延ばす"
                    "人が目に見えて増えたという。")


def make_marked_titles(path: Path) -> None:
    canvas = new_canvas(path)
    column = 20 * BODY_SIZE
    frames = [Frame(0, MARGIN_X, MARGIN_X + column, MARGIN, PAGE_HEIGHT - MARGIN),
              Frame(0, PAGE_WIDTH - MARGIN_X - column, PAGE_WIDTH - MARGIN_X, MARGIN, PAGE_HEIGHT - MARGIN)]
    flow = Flow(canvas, frames)
    flow.add(Heading(MARKED_HEADING, 12, font=GOTHIC, space_before=0))
    for n, (title, text) in enumerate(MARKED_DISPLAY):
        if n == len(MARKED_DISPLAY) - 1:
            flow.frame, flow.y = 1, frames[1].top  # the last two parts in the second column
        flow.add(Heading(title, 11, font=GOTHIC, space_before=1.0))
        flow.add(Para(text))
    flow.y += BODY_SIZE * 1.2  # the body-size title stands apart as the others do
    title, text = MARKED_BODY_SIZE
    flow.add(Para(title))  # in the body's face and size, set in by one character: it fills the column
    flow.add(Para(text))
    assert flow.frame_of(title) == [1], "the body-size title stands in the second column"
    canvas.save()


# A white paper's section with ● titles in its heading face, and a column set inside it: the
# column's label, then the interviewee's name after a ● in the same face, then the column's text
COLUMN_SECTION = "第2節 地域における連携の取組"
COLUMN_MARKED_BEFORE = [
    ("● 港町の観光協議会", "港町では、観光に関わる団体が協議会をつくり、年に四回の会合で催しの日程を調整している。"),
    ("● 山あいの町の移住相談", "山あいの町は、空き家の情報と仕事の相談を一つの窓口で受け付けるようにした。"),
]
COLUMN_LABEL = "コラム2-1"
COLUMN_PERSON = "●山田花子氏"
COLUMN_AFFILIATION = "港町観光協議会 事務局長"
COLUMN_TEXT = ("山田さんは、港町の観光協議会で事務局を務めています。会合では、団体ごとの事情を聞き取り、"
               "催しの日程が重ならないよう調整してきたそうです。")
COLUMN_MARKED_AFTER = ("● 県をまたぐ広域の連携", "隣り合う三つの県は、観光の案内を共通の窓口にまとめる取組を始めた。")
# A ● title after it so long that the column's edge cuts it after a comma inside the name it quotes
COLUMN_MARKED_CUT = ("●県をまたぐ広域の連携で話し合われている「観光案内の共通化、交通の相互乗り入れ、",
                     "宿泊の予約の一本化」", "三つの県は、来年度から予約の窓口を一つにまとめることで合意した。")


def make_boxed_column(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(COLUMN_SECTION, 13, font=GOTHIC, space_before=0))
    for title, text in COLUMN_MARKED_BEFORE:
        flow.add(Heading(title, 11, font=GOTHIC, space_before=1.0))
        flow.add(Para(text))
    flow.add(Heading(COLUMN_LABEL, 12, font=GOTHIC, space_before=1.5))
    flow.add(Heading(COLUMN_PERSON, 11, font=GOTHIC, space_before=0.5))
    flow.add(Para(COLUMN_AFFILIATION, size=9.0, font=GOTHIC, indent=False))
    flow.add(Para(COLUMN_TEXT, size=9.0))
    title, text = COLUMN_MARKED_AFTER
    flow.add(Heading(title, 11, font=GOTHIC, space_before=1.5))
    flow.add(Para(text))
    first, rest, text = COLUMN_MARKED_CUT
    flow.y += 11 * 1.0
    flow.add(Para(first + rest, size=11, font=GOTHIC, indent=False))  # wrapped by the column's edge
    flow.add(Para(text))
    canvas.save()


# A survey report in two unnumbered parts, each opening a page in the headings' size: a summary
# numbered Ⅰ, Ⅱ and a detail numbered （1）, （2）, whose title stands on a page of its own
SURVEY_TITLE = "令和6年度 港町の来訪者調査の結果"
SURVEY_INTRO = "本調査は、港町を訪れた人の特徴と町の中での動きを知るために、四つの季節に行った。"
SURVEY_PARTS = [
    ("調査結果の概要", [("Ⅰ．回答者の属性", "回答者は女性が男性より多く、年齢は六十歳以上が最も多い。"),
                 ("Ⅱ．利用した交通機関", "港町までの交通手段は、鉄道が最も多く、次いで自家用車が続く。")]),
    ("調査結果の詳細", [("（1）性別", "性別では、女性が五割を超え、男性を十ポイント上回った。"),
                 ("（2）年齢", "年齢では、六十歳以上が二割を超え、次いで五十歳代が続いた。")]),
]


def make_survey_parts(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(len(SURVEY_PARTS) + 2))
    flow.add(Heading(SURVEY_TITLE, 14, font=GOTHIC, space_before=0, align="center"))
    flow.add(Para(SURVEY_INTRO))
    for n, (part, headings) in enumerate(SURVEY_PARTS):
        flow.new_page()
        flow.add(Heading(part, 12, font=GOTHIC, space_before=0))
        if n == len(SURVEY_PARTS) - 1:
            flow.new_page()  # the last part's title on a page of its own
        for heading, text in headings:
            flow.add(Heading(heading, 12, font=GOTHIC, space_before=0.5))
            flow.add(Para(text))
    canvas.save()


# A chart that ends a page with no caption of its own; the next page opens with a table's caption
NEXT_PAGE_CAPTION = "表2 年度別の申請件数"


def make_caption_next_page(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(2))
    flow.add(Heading(CHART_HEADING, 14, font=GOTHIC, space_before=0))
    flow.add(Para(CHART_BEFORE))
    flow.y = PAGE_HEIGHT - MARGIN - CHART_HEIGHT  # the chart closes the page
    flow.add(Picture(CHART_HEIGHT, _chart))
    flow.new_page()
    flow.add(Heading(NEXT_PAGE_CAPTION, 10, font=GOTHIC, space_before=0, align="center"))
    flow.add(Picture(PICTURE_BELOW_HEIGHT + 4, _picture_below))
    flow.add(Para(CHART_AFTER))
    canvas.save()


# A white paper's page: art printed to bleed off the page top (its box reaching down over the
# page's first figure), then a captioned chart whose frame holds a small ruled table of the chart's
# numbers beside the bars, a source line under the frame, and the text
FRAMED_CAPTION = "■第3-1-1図／地域別の利用件数の推移"
FRAMED_TICKS = ["3,000", "2,000", "1,000", "0"]
FRAMED_YEARS = ["2019", "2020", "2021", "2022", "2023"]
FRAMED_TABLE_TITLE = "2023年の上位地域"
FRAMED_ROWS = [("北区", "2,940"), ("南区", "2,315"), ("東区", "1,872"), ("西区", "1,406"), ("中央区", "1,130"),
               ("港区", "987")]
FRAMED_SOURCE = "資料：見本研究所調べ"
FRAMED_TEXT = ("利用件数は、どの地域でも五年の間に大きく伸びた。特に北区と南区では、窓口の手続をオンラインに移した"
               "年から伸びが目立っている。")
FRAMED_TOP = MARGIN + 20  # the caption's top
FRAMED_HEIGHT = 200.0  # the chart's frame


def _framed_chart(canvas, top: float) -> None:
    """The chart's frame; bars, axes and grid lines as paths with the tick values and years at the
    left and foot; at the frame's right a ruled table of names and values under its small title."""
    from reportlab.lib import colors

    x0, x1 = MARGIN_X + 10, PAGE_WIDTH - MARGIN_X - 10
    frame_bottom = PAGE_HEIGHT - top - FRAMED_HEIGHT
    canvas.setLineWidth(0.5)
    canvas.rect(x0, frame_bottom, x1 - x0, FRAMED_HEIGHT, stroke=1, fill=0)
    left, base, tall, right = x0 + 45, frame_bottom + 30, FRAMED_HEIGHT - 60, x0 + 250
    canvas.setFont(MINCHO, 8)
    for n, tick in enumerate(FRAMED_TICKS):
        y = base + tall - n * tall / (len(FRAMED_TICKS) - 1)
        canvas.line(left - 3, y, right, y)
        canvas.drawRightString(left - 6, y - 3, tick)
    canvas.line(left, base, left, base + tall)
    for n, year in enumerate(FRAMED_YEARS):
        canvas.setFillColor(colors.grey)
        canvas.rect(left + 10 + n * 40, base, 22, tall * (0.3 + 0.15 * n), stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.drawString(left + 8 + n * 40, base - 12, year)
    table_x, row, widths = right + 30, 16.0, (70.0, 50.0)
    table_top = PAGE_HEIGHT - top - 30
    canvas.drawString(table_x, table_top + 6, FRAMED_TABLE_TITLE)
    for n in range(len(FRAMED_ROWS) + 1):
        canvas.line(table_x, table_top - n * row, table_x + sum(widths), table_top - n * row)
    for x in (table_x, table_x + widths[0], table_x + sum(widths)):
        canvas.line(x, table_top, x, table_top - len(FRAMED_ROWS) * row)
    for n, (name, value) in enumerate(FRAMED_ROWS):
        y = table_top - (n + 1) * row + 5
        canvas.drawString(table_x + 3, y, name)
        canvas.drawRightString(table_x + sum(widths) - 3, y, value)


def make_framed_chart(path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    canvas = new_canvas(path)
    # The banner: a picture bleeding off the top and both sides, its box reaching below the caption.
    art = Image.new("L", (300, 100), 255)
    art.paste(170, (0, 0, 300, 20))
    banner_bottom = FRAMED_TOP + 90
    canvas.drawImage(ImageReader(art), -30, PAGE_HEIGHT - banner_bottom, PAGE_WIDTH + 60, banner_bottom + 30)
    draw_line(canvas, _atoms(FRAMED_CAPTION), MARGIN_X + 4, FRAMED_TOP, GOTHIC, BODY_SIZE)
    chart_top = FRAMED_TOP + BODY_SIZE + 6
    _framed_chart(canvas, chart_top)
    draw_line(canvas, _atoms(FRAMED_SOURCE), MARGIN_X + 10, chart_top + FRAMED_HEIGHT + 4, MINCHO, 8.0)
    flow = Flow(canvas, [Frame(0, MARGIN_X, PAGE_WIDTH - MARGIN_X, chart_top + FRAMED_HEIGHT + 30,
                               PAGE_HEIGHT - MARGIN)])
    flow.add(Para(FRAMED_TEXT))
    canvas.save()


# A page that opens with a table printed as a picture, its source note set small under it, then the
# rest of a sentence the previous page began (it opens with a particle, 「に、…」)
NOTE_SOURCE = "資料：見本研究所ウェブサイトを基に作成"
NOTE_TEXT_AFTER = ("に、申請の窓口を一つにまとめる取組が各地で進められている。窓口の一本化によって、"
                   "利用者が手続のたびに別の窓口を探す手間が省けるようになった。")


def make_note_under_table(path: Path) -> None:
    canvas = new_canvas(path)
    canvas.drawImage(_picture(420, 150, bars=False), MARGIN_X, PAGE_HEIGHT - MARGIN - 120, TEXT_WIDTH, 120)
    draw_line(canvas, _atoms(NOTE_SOURCE), MARGIN_X + 4, MARGIN + 124, MINCHO, 8.0)
    flow = Flow(canvas, [Frame(0, MARGIN_X, PAGE_WIDTH - MARGIN_X, MARGIN + 150, PAGE_HEIGHT - MARGIN)])
    flow.add(Para(NOTE_TEXT_AFTER, indent=False))
    canvas.save()


# A ruled table in a drawn frame that also holds its caption (above) and source note (below)
FRAMED_TABLE_CAPTION = "■第3-1-2表／用語の説明"
FRAMED_TABLE_ROWS = [("窓口", "申請や相談を受け付ける場所"), ("手続", "申請から交付までの一連の流れ"),
                     ("交付", "証明書などを申請した人に渡すこと"), ("届出", "定められた事柄を役所に知らせること")]
FRAMED_TABLE_SOURCE = "資料：見本研究所の公表資料を基に作成"


def make_framed_table(path: Path) -> None:
    canvas = new_canvas(path)
    x0, x1, top = MARGIN_X, PAGE_WIDTH - MARGIN_X, MARGIN
    row, widths = 22.0, (100.0, TEXT_WIDTH - 120.0)
    table_top = top + 24
    bottom = table_top + row * len(FRAMED_TABLE_ROWS) + 22
    canvas.setLineWidth(0.5)
    canvas.rect(x0, PAGE_HEIGHT - bottom, x1 - x0, bottom - top, stroke=1, fill=0)
    draw_line(canvas, _atoms(FRAMED_TABLE_CAPTION), x0 + 6, top + 6, GOTHIC, BODY_SIZE)
    left = x0 + 10
    for n in range(len(FRAMED_TABLE_ROWS) + 1):
        y = PAGE_HEIGHT - table_top - n * row
        canvas.line(left, y, left + sum(widths), y)
    for x in (left, left + widths[0], left + sum(widths)):
        canvas.line(x, PAGE_HEIGHT - table_top, x, PAGE_HEIGHT - table_top - len(FRAMED_TABLE_ROWS) * row)
    for n, (term, gloss) in enumerate(FRAMED_TABLE_ROWS):
        y = table_top + n * row + 6
        draw_line(canvas, _atoms(term), left + 4, y, MINCHO, 9.0)
        draw_line(canvas, _atoms(gloss), left + widths[0] + 4, y, MINCHO, 9.0)
    draw_line(canvas, _atoms(FRAMED_TABLE_SOURCE), x0 + 10, bottom - 16, MINCHO, 8.0)
    flow = Flow(canvas, [Frame(0, MARGIN_X, PAGE_WIDTH - MARGIN_X, bottom + 20, PAGE_HEIGHT - MARGIN)])
    flow.add(Para(FRAMED_TEXT))
    canvas.save()


def make_short_columns_under_a_head(path: Path) -> None:
    make_short_columns(path, running_head=True)


# A survey report's part (（N） in a larger Gothic) with ① titles in the body's size but a Gothic face, each
# over ●-bulleted sentences: the bullets are the titles' text, not the next items of a list.
CIRCLED_PART = "（4）交通機関の利用状況"
CIRCLED_TITLES = [
    ("①目的地までの主な交通機関", ["●目的地までの主な交通手段は、全体では「車」が約4割で最も高くなっている。",
                                 "●地区別にみると、鉄道の利用者は北部で最も高く、次いで中心部となっている。"]),
    ("②市内での主な交通手段", ["●市内での主な交通手段としては、昨年と同じく「車」が最も高くなっている。",
                             "●地区別にみると、周遊バスの割合が他の地区と比べて高くなっている。"]),
]


def make_circled_titles(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(CIRCLED_PART, 12, font=GOTHIC, space_before=0))
    for title, bullets in CIRCLED_TITLES:
        flow.add(Heading(title, BODY_SIZE, font=GOTHIC, space_before=0.5))
        for bullet in bullets:
            flow.add(Para(bullet, indent=False))
    canvas.save()


# A guideline written in a word processor: under each part (「1) …」 in a larger Gothic) its titles
# 「① …」 are set in the body's face and size, marked only by an underline drawn under the title's words,
# each over its points bulleted one level deeper, which end in no 。.  A second part numbers the
# same kind of lines without an underline: a list whose items have sub-points.  A third has a single
# underlined ① title, left at a page's foot over a note, its points on the next page.
UNDERLINED_PARTS = [
    ("1) 見本の原則", True, [
        ("① 利用者の安全への配慮", ["製品の設計の段階から、利用者が危険にさらされる場面を想定して対策を講じる",
                                 "事故が起きた際の連絡の手順を定め、関係者に周知する"]),
        ("② 記録の保存", ["点検の結果を記録し、定められた期間にわたって保存する"]),
        ("③ 関係者への説明", ["製品の仕組みと限界を、利用者に分かる言葉で説明する",
                            "問合せの窓口を設け、寄せられた意見を改善に生かす"]),
    ]),
    ("2) 見本の手順", False, [
        ("① 届出の準備", ["必要な書類をそろえる"]),
        ("② 届出の提出", ["窓口又は電子申請で提出する"]),
    ]),
    ("3) 見本の保護", True, [
        ("① 個人の情報の保護", ["個人の情報を扱う範囲を定め、その外に出さない", "扱いを誤った際の届出の手順を定める"]),
    ]),
    ("4) 見本の見直し", True, []),
]
UNDERLINED_INTRO = "各事業者は、次の事項に取り組むことが求められる。"
# The third part's single title ends its page, a note at the page's foot between it and its points.
UNDERLINED_NOTED_INTRO = "各事業者は、個人の情報{1}を守るため、次の事項に取り組むことが求められる。"
UNDERLINED_NOTE = ("1", "ここでは、氏名や住所など、特定の個人を識別できる情報をいう。")


def make_underlined_titles(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    for n, (part, underlined, titles) in enumerate(UNDERLINED_PARTS):
        flow.add(Heading(part, 12, font=GOTHIC, space_before=1.0 if flow.y > MARGIN else 0))
        flow.add(Para(UNDERLINED_INTRO if n < 2 else UNDERLINED_NOTED_INTRO))
        for title, points in titles:
            flow.y += BODY_SIZE * 0.5
            if n == 2:  # the last title ends its page; the note, then the page turns before its points
                flow.y = PAGE_HEIGHT - MARGIN - 4 * BODY_SIZE * LEADING
                _page_foot_note(canvas, *UNDERLINED_NOTE)
            number, words = title.split(" ", 1)
            x = MARGIN_X + 2 * BODY_SIZE  # the number one level in; the words after a tab stop
            draw_line(canvas, _atoms(number), x, flow.y, MINCHO, BODY_SIZE)
            draw_line(canvas, _atoms(words), x + 2 * BODY_SIZE, flow.y, MINCHO, BODY_SIZE)
            if underlined:  # a word processor's underline: a thin stroke under the words' baseline
                canvas.setLineWidth(0.5)
                y = PAGE_HEIGHT - flow.y - BODY_SIZE * 1.05
                start = x + 2 * BODY_SIZE
                canvas.line(start, y, start + sum(_width(a, MINCHO, BODY_SIZE) for a in _atoms(words)), y)
            flow.y += BODY_SIZE * LEADING
            for point in points:  # bulleted one level deeper, the text hung after the bullet
                text_x = x + 4 * BODY_SIZE
                if flow.y >= PAGE_HEIGHT - MARGIN - 3 * BODY_SIZE * LEADING:  # the page's notes below
                    canvas.showPage()
                    flow.y = MARGIN
                draw_line(canvas, _atoms("・"), x + 2 * BODY_SIZE, flow.y, MINCHO, BODY_SIZE)
                for line in wrap(point, MINCHO, BODY_SIZE, MARGIN_X + TEXT_WIDTH - text_x):
                    draw_line(canvas, line, text_x, flow.y, MINCHO, BODY_SIZE)
                    flow.y += BODY_SIZE * LEADING
    canvas.save()


def _page_foot_note(canvas, label: str, text: str) -> None:
    """A note at the page's foot under a short rule (its mark is in the text above)."""
    top = PAGE_HEIGHT - MARGIN - 1.5 * NOTE_SIZE
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, PAGE_HEIGHT - top + 6, MARGIN_X + 144, PAGE_HEIGHT - top + 6)
    draw_line(canvas, [(label, False), (" ", False), *_atoms(text)], MARGIN_X, top, MINCHO, NOTE_SIZE)


# The same guideline's later part: its stages are bulleted lines set in the heading face at the list's
# first level, each over titles bulleted a level deeper and underlined, each over its points a level
# deeper still — the document's lower ranks are the word processor's list levels.
LEVELS_PART = "第1章 見本事業者に関する事項"
LEVELS_STAGES = [
    ("・ 準備の段階", [
        ("・ A-1）i. 必要な情報の収集", ["収集する情報の範囲を定め、目的の外に使わない",
                                    "集めた情報の出所を記録し、問合せに答えられるようにする"]),
        ("・ A-2）i. 関係者との調整", ["関係者の役割を文書にまとめ、事前に合意を得る"]),
    ]),
    ("・ 実施の段階", [
        ("・ A-1）ii. 記録の保存", ["作業の経過を記録し、定められた期間にわたって保存する"]),
        ("・ A-3）i. 結果の点検", ["結果を定期的に点検し、見つかった問題を関係者に伝える",
                                "点検の方法を見直す"]),
    ]),
]


LEVELS_REMARKS = "関係する事業者への留意事項"
LEVELS_AFTER = "第2章 見本の取組"
LEVELS_NOT_TITLES = [("・ 窓口を一つにまとめ", ["届出の受付を一か所で行う"]),
                     ("①受付 ②審査 ③通知", ["各段階の期限を定める"])]


def make_list_level_titles(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(LEVELS_PART, 14, font=GOTHIC, space_before=0))
    flow.add(Para(UNDERLINED_INTRO))
    for stage, titles in LEVELS_STAGES:
        flow.y += BODY_SIZE * 0.8
        _bulleted(canvas, stage, MARGIN_X, flow.y, GOTHIC)  # the heading face at the list's first level
        flow.y += BODY_SIZE * LEADING
        for title, points in titles:
            flow.y += BODY_SIZE * 0.5
            _bulleted(canvas, title, MARGIN_X + 2 * BODY_SIZE, flow.y, MINCHO, underlined=True)
            flow.y += BODY_SIZE * LEADING
            for point in points:
                flow.y = _bulleted(canvas, "・ " + point, MARGIN_X + 4 * BODY_SIZE, flow.y, MINCHO)
    # The chapter's remarks under a title set larger than the body, after the stages: their sibling.
    flow.add(Heading(LEVELS_REMARKS, 12, font=GOTHIC))
    flow.add(Para(UNDERLINED_INTRO))
    # A chapter whose bold lines title nothing: a point bolded alone at its level, and a row of ①②③.
    flow.y += BODY_SIZE
    flow.add(Heading(LEVELS_AFTER, 14, font=GOTHIC))
    flow.add(Para(UNDERLINED_INTRO))
    for line, points in LEVELS_NOT_TITLES:
        flow.y += BODY_SIZE * 0.5
        if line.startswith("・"):
            flow.y = _bulleted(canvas, line, MARGIN_X + BODY_SIZE, flow.y, GOTHIC)
        else:
            draw_line(canvas, _atoms(line), MARGIN_X + BODY_SIZE, flow.y, GOTHIC, BODY_SIZE)
            flow.y += BODY_SIZE * LEADING
        for point in points:
            flow.y = _bulleted(canvas, "・ " + point, MARGIN_X + 3 * BODY_SIZE, flow.y, MINCHO)
    canvas.save()


def _bulleted(canvas, text: str, x: float, top: float, font: str, underlined: bool = False) -> float:
    """A bulleted line at ``x`` (its text two characters right of the bullet, wrapped lines hung
    there, an underline under the text if asked); the top of the line below it."""
    bullet, words = text.split(" ", 1)
    draw_line(canvas, _atoms(bullet), x, top, font, BODY_SIZE)
    text_x = x + 2 * BODY_SIZE
    for line in wrap(words, font, BODY_SIZE, MARGIN_X + TEXT_WIDTH - text_x):
        draw_line(canvas, line, text_x, top, font, BODY_SIZE)
        if underlined:
            canvas.setLineWidth(0.5)
            y = PAGE_HEIGHT - top - BODY_SIZE * 1.05
            canvas.line(text_x, y, text_x + sum(_width(a, font, BODY_SIZE) for a in line), y)
        top += BODY_SIZE * LEADING
    return top


# ---------------------------------------------------------------------------
# A white paper's chapter of four two-column pages: the part's title over the first and third pages,
# the chapter's over the second and fourth (facing pages), each small at the head; the chapter's
# heading set large on its first page; notes at the page foot across the full width: a short note
# whose address line, hung under it, crosses the gutter (page 1), a short note whose address stands
# on its baseline beyond the gutter (page 2), and two notes set apart by a QR code taller than six
# lines of the notes (page 3)
# ---------------------------------------------------------------------------

CHAPTER_PART_HEAD = "第２部 地域における見本事業の展開"
CHAPTER_HEAD = "第３章 見本事業がもたらす暮らしの変化"
CHAPTER_HEAD_READ = "第3章 見本事業がもたらす暮らしの変化"  # digits read half-width, as everywhere
CHAPTER_HEAD_SIZE = 8.0
CHAPTER_HEADING_SIZE = 16.0
CHAPTER_COLUMNS = [  # per page: the first column's paragraph, the second's ({n}: a note's mark)
    ("各地の自治体では、窓口の手続を見直す取組が進められています。例えば、ある市では、転入の届出に必要な"
     "書類を一つにまとめ{1}、来庁者の待ち時間を大きく減らしました。職員の負担も軽くなり、相談に充てる時間が"
     "増えています。",
     "また、県の単位でも、市町村の取組を支える仕組みが整えられつつあります。手続の様式をそろえる作業や、"
     "職員向けの研修の共同開催{2}などが進み、小さな町村でも同じ水準の窓口を目指せるようになりました。"),
    ("民間の事業者と組んだ取組も広がっています。ある町では、地元の商店会と協力して、高齢の住民が買い物の"
     "帰りに行政の相談を受けられる場を設けました{1}。相談の件数は開設から半年で倍に増えています。",
     "こうした場は、住民の声を集める窓口としても役立っています。寄せられた意見は月ごとに整理され、"
     "翌年度の事業の見直しに生かされています。相談員の育成も、町と商店会が費用を分け合って進めています。"),
    ("教育の分野では、学校と図書館が連携して、調べ学習を支える取組{1}が始まっています。児童が図書館の"
     "資料を学校から予約でき、司書が授業に合わせて本を選んで届けます。届いた本は教室の棚に並べられ、"
     "休み時間にも手に取れるようになっています。",
     "さらに、地域の大学が教員向けの講座{2}を開き、資料の探し方や引用の作法を伝えています。受講した"
     "教員からは、授業の準備が楽になったという声が多く寄せられています。講座の記録は、受講できなかった"
     "教員にも配られています。"),
    ("最後に、これらの取組を続けていくための課題を整理します。多くの事業は国の補助で始められており、"
     "補助が終わった後の費用の手当てが大きな課題です。利用者から料金を集める方法や、企業の協賛を募る方法"
     "が検討されています。",
     "また、担当する職員の異動によって、取組の経験が引き継がれないおそれもあります。記録を残し、"
     "次の担当者に伝える仕組みづくりが、各地で求められています。近隣の自治体どうしで担当者が集まり、"
     "経験を語り合う場を設けている県もあります。"),
]
CHAPTER_NOTE_SIZE = 7.0
# Page 1: a short note (in the first column's width), its address hung under it across the gutter.
CHAPTER_NOTE_HUNG = ("1", "見本市「転入手続の手引き」", "https://www.example.lg.jp/shimin/madoguchi/tennyu/2024/04/01/tebiki.html")
CHAPTER_NOTE_LONG = ("2", "見本県「市町村職員を対象とした共同研修の実施状況と今後の進め方について」 "
                     "https://www.example.pref.jp/kenshu/")
# Page 2: a short note whose address is set on its baseline beyond the gutter.
CHAPTER_NOTE_BESIDE = ("1", "見本町「買い物帰りの行政相談」", "https://www.example-town.jp/soudan/")
# Page 3: two notes, the first's address and a QR code under it before the second.
CHAPTER_NOTE_QR = ("1", "見本市立図書館「学校向け資料提供」", "https://www.example-library.jp/gakko/")
CHAPTER_NOTE_AFTER_QR = ("2", "見本大学「教員向け講座の案内」 https://www.example-u.ac.jp/koza/")
CHAPTER_QR_SIZE = 48.0  # taller than six lines of the notes: the notes stand that far apart
CHAPTER_COLUMN = 20 * BODY_SIZE


def _chapter_note(canvas, label: str, text: str, top: float, width: float = TEXT_WIDTH) -> None:
    """A note at the page foot: label, text wrapped over the full width, later lines hung."""
    hang = 3 * CHAPTER_NOTE_SIZE
    for n, line in enumerate(wrap(text, MINCHO, CHAPTER_NOTE_SIZE, width - hang)):
        if n == 0:
            draw_line(canvas, [(label, False), (" ", False), *line], MARGIN_X, top, MINCHO, CHAPTER_NOTE_SIZE)
        else:
            draw_line(canvas, line, MARGIN_X + hang, top, MINCHO, CHAPTER_NOTE_SIZE)
        top += CHAPTER_NOTE_SIZE * 1.2


def _chapter_notes(canvas, page: int) -> None:
    top, pitch, hang = 700.0, CHAPTER_NOTE_SIZE * 1.2, 3 * CHAPTER_NOTE_SIZE
    if page == 0:
        label, text, address = CHAPTER_NOTE_HUNG
        assert _width((f"{label} {text}", False), MINCHO, CHAPTER_NOTE_SIZE) < CHAPTER_COLUMN - 20
        assert _width((address, False), MINCHO, CHAPTER_NOTE_SIZE) > CHAPTER_COLUMN, "the address must cross the gutter"
        draw_line(canvas, [(label, False), *_atoms(" " + text)], MARGIN_X, top, MINCHO, CHAPTER_NOTE_SIZE)
        draw_line(canvas, [(address, False)], MARGIN_X + hang, top + pitch, MINCHO, CHAPTER_NOTE_SIZE)
        _chapter_note(canvas, *CHAPTER_NOTE_LONG, top + 2 * pitch)
    elif page == 1:
        label, text, address = CHAPTER_NOTE_BESIDE
        draw_line(canvas, [(label, False), *_atoms(" " + text)], MARGIN_X, top, MINCHO, CHAPTER_NOTE_SIZE)
        draw_line(canvas, [(address, False)], PAGE_WIDTH - MARGIN_X - CHAPTER_COLUMN, top, MINCHO, CHAPTER_NOTE_SIZE)
    elif page == 2:
        label, text, address = CHAPTER_NOTE_QR
        draw_line(canvas, [(label, False), *_atoms(" " + text)], MARGIN_X, top - 40, MINCHO, CHAPTER_NOTE_SIZE)
        draw_line(canvas, [(address, False)], MARGIN_X + hang, top - 40 + pitch, MINCHO, CHAPTER_NOTE_SIZE)
        qr_top = top - 40 + 2 * pitch + 2
        canvas.drawImage(_qr_image(), MARGIN_X + hang, PAGE_HEIGHT - qr_top - CHAPTER_QR_SIZE,
                         CHAPTER_QR_SIZE, CHAPTER_QR_SIZE)
        _chapter_note(canvas, *CHAPTER_NOTE_AFTER_QR, qr_top + CHAPTER_QR_SIZE + 2)


def _qr_image():
    """A square of pixels like a QR code: no text."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (60, 60), 255)
    draw = ImageDraw.Draw(image)
    for n in range(36):
        if (n * 5) % 3:
            draw.rectangle(((n % 6) * 10, (n // 6) * 10, (n % 6) * 10 + 9, (n // 6) * 10 + 9), fill=0)
    return ImageReader(image)


def make_short_chapter(path: Path) -> None:
    canvas = new_canvas(path)
    left_x, right_x = MARGIN_X, PAGE_WIDTH - MARGIN_X - CHAPTER_COLUMN
    for page, (first, second) in enumerate(CHAPTER_COLUMNS):
        if page % 2 == 0:  # the part's title over the left-hand page, the chapter's over the right-hand
            draw_line(canvas, _atoms(CHAPTER_PART_HEAD), MARGIN_X, 40, GOTHIC, CHAPTER_HEAD_SIZE)
        else:
            width = _width((CHAPTER_HEAD, False), GOTHIC, CHAPTER_HEAD_SIZE)
            draw_line(canvas, _atoms(CHAPTER_HEAD), PAGE_WIDTH - MARGIN_X - width, 40, GOTHIC, CHAPTER_HEAD_SIZE)
        top = 90.0
        if page == 0:
            draw_line(canvas, _atoms(CHAPTER_HEAD), MARGIN_X + 10, top, GOTHIC, CHAPTER_HEADING_SIZE)
            top += 50
        flow = Flow(canvas, [Frame(0, left_x, left_x + CHAPTER_COLUMN, top, 640.0),
                             Frame(0, right_x, right_x + CHAPTER_COLUMN, top, 640.0)])
        flow.add(Para(first))
        flow.frame, flow.y = 1, top
        flow.add(Para(second))
        _chapter_notes(canvas, page)
        number = str(20 + page)
        draw_line(canvas, _atoms(number), PAGE_WIDTH / 2, 800, GOTHIC, 10.0)
        canvas.showPage()
    canvas.save()


# ---------------------------------------------------------------------------
# A notice's attachment: its label set flush right, its title centred over two lines, a Q&A under it
# ---------------------------------------------------------------------------

ANNEX_COVER = ["事務連絡", "関係団体各位",
               "登録制度に関する質疑応答集を別添のとおりまとめましたので、周知方よろしく御配慮をお願いします。"]
ANNEX_LABEL_TEXT = "（別添）"
# Broken by hand, longer together than one line's title (60 characters).
ANNEX_TITLE_LINES = ["地域の研究機関が保有する生体試料の提供に関連するものに係る登録原簿",
                     "登録申請書と添付すべき資料の作成要領に関する質疑応答集（その二）"]
ANNEX_QUESTIONS = [
    ("（問１）", "登録申請書の記載要領において、許可が不要の場合は仮の番号を記載することとされているが、"
                "仮の番号はどのように記載すべきか。", "以下のとおり記載することで差し支えない。"),
    ("（問２）", "添付資料の内容は、利用者に対して非開示の扱いと理解してよいか。", "その理解で差し支えない。"),
]


def make_annex_qa(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(2))
    flow.add(Heading(ANNEX_COVER[0], BODY_SIZE, font=MINCHO, align="right", space_before=0))
    flow.add(Heading(ANNEX_COVER[1], BODY_SIZE, font=MINCHO, space_before=1))
    flow.add(Para(ANNEX_COVER[2]))
    flow.new_page()
    flow.add(Heading(ANNEX_LABEL_TEXT, BODY_SIZE, font=MINCHO, align="right", space_before=0))
    flow.add(Heading(ANNEX_TITLE_LINES[0], BODY_SIZE, font=MINCHO, align="center", space_before=1))
    flow.add(Heading(ANNEX_TITLE_LINES[1], BODY_SIZE, font=MINCHO, align="center", space_before=0))
    for label, question, answer in ANNEX_QUESTIONS:
        flow.add(Heading(label, BODY_SIZE, font=MINCHO, space_before=1))
        flow.add(Para(question, indent=False))
        flow.add(Heading("（答）", BODY_SIZE, font=MINCHO, space_before=0))
        flow.add(Para(answer))
    canvas.save()


# ---------------------------------------------------------------------------
# A numbered title longer than 60 characters on its one line, in the headings' face
# ---------------------------------------------------------------------------

LONG_TITLED = [
    ("1. 臨床試験に関する資料及び審査の概略", "申請者は、以下の臨床試験の成績を提出した。"),
    # 61 characters after its number, on one line of the column.
    ("1.1 国内試験（ABC-01, CTD 5.3.5.1-1, n=120, 2021-03～2023-03, 52 weeks）",
     "本試験は、対象患者における有効性及び安全性を検討することを目的として実施された。"),
    ("1.2 海外第Ⅱ相試験", "本試験は、海外の患者を対象として実施された。"),
]


# The body the titles stand over: a few lines each, so that the body's type is the page's.
LONG_TITLED_BODY = ("試験の計画、対象となる患者の背景、主要な評価項目及び副次的な評価項目の設定根拠について、"
                    "申請者の説明を確認するとともに、得られた成績が申請効能に対する有効性及び安全性を示すものであるか"
                    "について検討を行った。")


def make_long_numbered_title(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    for title, text in LONG_TITLED:
        flow.add(Heading(title, BODY_SIZE, font=GOTHIC, space_before=0.5))
        flow.add(Para(text + LONG_TITLED_BODY))
    canvas.save()


# A standard's terms and definitions: each entry's number alone on its line, the term on the next
# with its English gloss in brackets (the whole title past 60 characters for the second entry), both
# in the headings' face, then the definition in the body's.
TERM_ENTRIES = [
    ("2.1", "記録管理方式 （record management scheme）", "記録を作成し、保存し、廃棄するための一連の手順。"),
    ("2.2", "記録管理，ERMS （electronic records management system and operation）",
     "電子的な記録の作成、保存及び廃棄を、利用者の権限に応じて管理する方式。"),
    ("2.3", "保存期間 （retention period）", "記録を廃棄せずに保存しておく期間。"),
]
# Each definition goes on in the body's face over lines of its own (the body's face is the usual one).
TERM_NOTE = ("この定義は、紙の記録と電子的な記録の双方に適用し、記録の媒体の違いによって手順を変える場合には、"
             "その旨を記録の管理規程に定めておくことが望ましい。")


def make_term_entries(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading("2 用語及び定義", BODY_SIZE, font=GOTHIC))
    flow.add(Para("この規格で用いる主な用語及び定義は、次による。" + TERM_NOTE))
    for number, term, definition in TERM_ENTRIES:
        flow.add(Heading(number, BODY_SIZE, font=GOTHIC, space_before=0.5, keep=2))
        flow.add(Heading(term, BODY_SIZE, font=GOTHIC, space_before=0))
        flow.add(Para(definition + TERM_NOTE, indent=False))
    canvas.save()


# A foreword whose title quotes the document's long name, in the headings' face at the body's size and
# wrapped over two lines at the top of its page, over its numbering's first heading 「0.1」; then the
# introduction 「序文」 numbering its parts from 「0.1」 again.
FOREWORD_TITLE_LINES = ["「電子的な記録の作成及び保存の管理に関する事業者のための実務手引2024年度版」の公表に",
                        "あたって"]
FOREWORD_PARTS = [("0.1 背景", "手引の初版の公表から約2年が経過し、記録を電子的に管理する事業者が増えている。"),
                  ("0.2 改訂の概要", "この版では、記録の保存期間及び廃棄の手順に関する記述を充実させた。")]
INTRODUCTION_PARTS = [("0.1 一般", "この手引は、事業者が記録を作成し、保存し、廃棄するための手順を示す。"),
                      ("0.2 手引の構成", "この手引は、管理の方針、管理の手順及び管理の体制の三つの部分からなる。")]
FOREWORD_BODY = ("記録の管理の手順は、事業の規模及び記録の種類に応じて定めることが望ましく、その内容は定期的に"
                 "見直すことが望ましい。")


def make_wrapped_foreword(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(3))
    flow.add(Heading("電子的な記録の管理の手引", 16, font=GOTHIC, space_before=0, align="center"))
    flow.add(Para("この手引は、事業者による記録の管理の実務について取りまとめたものである。"))
    flow.new_page()
    for line in FOREWORD_TITLE_LINES:
        flow.add(Heading(line, BODY_SIZE, font=GOTHIC, space_before=0))
    for title, text in FOREWORD_PARTS:
        flow.add(Heading(title, BODY_SIZE, font=GOTHIC, space_before=0.5))
        flow.add(Para(text + FOREWORD_BODY))
    flow.new_page()
    flow.add(Heading("序文", BODY_SIZE, font=GOTHIC, space_before=0))
    for title, text in INTRODUCTION_PARTS:
        flow.add(Heading(title, BODY_SIZE, font=GOTHIC, space_before=0.5))
        flow.add(Para(text + FOREWORD_BODY))
    canvas.save()


# A spreadsheet printed to PDF: every row of the sheet painted white across its width (the cells'
# "no fill" made explicit), the section lines and notes between its tables included; the tables'
# rules drawn as thin black rectangles, the header cells yellow, one header cell merged over two
# columns and one over two rows; numbers set flush right a point and a half from the rule with the
# next cell's words flush left after it; the second table ruled for more rows than it fills.
# Everything in one Gothic face at the tables' size: the numbered lines are the sections.
SHEET_TITLE = "窓口の利用状況について"
# The section lines as drawn (the second with an em space after its number, as spreadsheets
# write it) and the headings a reader sees.
SHEET_SECTIONS = ["１ 窓口別の受付件数（前月末まで）", "２\u2003地区別の受付件数（前月末まで）"]
SHEET_HEADINGS = ["1 窓口別の受付件数（前月末まで）", "2 地区別の受付件数（前月末まで）"]
SHEET_FIRST = [["区分", "件数", ""], ["", "今月", "累計"], ["本庁窓口", "1,205", "38,411"],
               ["支所窓口", "364", "9,872"]]
SHEET_FIRST_NOTE = "※累計は年度の初めからの件数で、月の途中で受付の方法を変えた窓口の件数も含めて数えている。"
SHEET_SECOND = [["地区", "件数", "地区", "件数"], ["北部地区", "1,234", "東部地区", "2,048"],
                ["南部地区", "987", "西部地区", "3,512"], ["中央地区", "4,106", "山間地区", "75"]]
SHEET_BLANK_ROWS = 5  # ruled and left empty under the second table's written rows
# A row ruled under the second table's right half only, and a note set under its left half there.
SHEET_TOTAL = ["合計", "5,635"]
SHEET_HOLE_NOTE = "※件数は速報値による。"
SHEET_SECOND_NOTE = "※地区は申請した人の住所によるもので、窓口の所在地によるものではない。"
SHEET_SIZE = 9.0
SHEET_ROW = 16.0
SHEET_RULE = 0.6  # the rules' thickness: filled rectangles this thin
SHEET_PAD = 1.5  # a number ends this far left of the rule after it; words start this far right of it


def _sheet_fill(canvas, colour: tuple[float, float, float], x0: float, top: float, x1: float, bottom: float) -> None:
    canvas.setFillColorRGB(*colour)
    canvas.rect(x0, PAGE_HEIGHT - bottom, x1 - x0, bottom - top, stroke=0, fill=1)


def _sheet_rule(canvas, x0: float, top: float, x1: float, bottom: float) -> None:
    """A rule as a spreadsheet prints it: a thin black rectangle, filled, not stroked."""
    _sheet_fill(canvas, (0, 0, 0), x0, top, x1, bottom)


def _sheet_text(canvas, text: str, x: float, row_top: float, right: bool = False) -> None:
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(GOTHIC, SHEET_SIZE)
    y = PAGE_HEIGHT - row_top - (SHEET_ROW + SHEET_SIZE) / 2 - 1
    if right:
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def _sheet_grid(canvas, xs: list[float], top: float, rows: int, spans: dict[tuple[int, int], tuple[int, int]]) -> None:
    """The rules of a grid of ``rows`` rows between the column rules ``xs``, with no rule inside a
    merged cell (``spans``: its first (row, column) → rows and columns it covers)."""
    owner = {(r + dr, c + dc): (r, c) for (r, c), (nr, nc) in spans.items() for dr in range(nr) for dc in range(nc)}

    def merged(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a in owner and owner.get(a) == owner.get(b)

    for r in range(rows + 1):
        y = top + r * SHEET_ROW
        for c in range(len(xs) - 1):
            if not merged((r, c), (r - 1, c)):
                _sheet_rule(canvas, xs[c], y, xs[c + 1] + SHEET_RULE, y + SHEET_RULE)
    for c, x in enumerate(xs):
        for r in range(rows):
            if not merged((r, c), (r, c - 1)):
                _sheet_rule(canvas, x, top + r * SHEET_ROW, x + SHEET_RULE, top + (r + 1) * SHEET_ROW)


def make_spreadsheet(path: Path, banded: bool = False) -> None:
    """The sheet's fills as a spreadsheet exports them: white blocks as wide as the sheet over the
    rows outside the tables (title, section lines, notes), white or yellow over the tables' own
    cells only, the paper bare right of the tables.  The blocks' sides where they meet the bare
    paper run along the sheet's edge and across it between the tables: drawn nowhere, they would
    make each block a cell and join the tables through it.  ``banded``: first every row of the
    sheet painted white across its width, one rectangle a row (what another exporter writes): the
    bands touch one another and the tables' rules, one drawing of a third of the page."""
    canvas = new_canvas(path)
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    white, yellow = (1.0, 1.0, 1.0), (1.0, 1.0, 0.0)
    top = MARGIN
    if banded:
        for r in range(3 + len(SHEET_FIRST) + 3 + len(SHEET_SECOND) + SHEET_BLANK_ROWS + 2):
            _sheet_fill(canvas, white, left, top + r * SHEET_ROW, right, top + (r + 1) * SHEET_ROW)
    first = top + 3 * SHEET_ROW
    xs = [left, left + 120, left + 200, left + 280]
    _sheet_fill(canvas, white, left, top, right, first)  # title, blank row, section line
    _sheet_fill(canvas, yellow, xs[0], first, xs[-1], first + 2 * SHEET_ROW)
    _sheet_fill(canvas, white, xs[0], first + 2 * SHEET_ROW, xs[-1], first + len(SHEET_FIRST) * SHEET_ROW)
    _sheet_text(canvas, SHEET_TITLE, left, top)
    # Section 1: 区分 merged over two rows, 件数 over two columns; both yellow.
    _sheet_text(canvas, SHEET_SECTIONS[0], left, top + 2 * SHEET_ROW)
    _sheet_grid(canvas, xs, first, len(SHEET_FIRST), {(0, 0): (2, 1), (0, 1): (1, 2)})
    _sheet_text(canvas, SHEET_FIRST[0][0], xs[0] + SHEET_PAD, first + SHEET_ROW / 2)
    _sheet_text(canvas, SHEET_FIRST[0][1], xs[1] + SHEET_PAD, first)
    for r, cells in enumerate(SHEET_FIRST[1:], 1):
        if cells[0]:
            _sheet_text(canvas, cells[0], xs[0] + SHEET_PAD, first + r * SHEET_ROW)
        for c in (1, 2):
            _sheet_text(canvas, cells[c], xs[c + 1] - SHEET_PAD, first + r * SHEET_ROW, right=True)
    # Section 2: numbers flush right against the names flush left; blank rows ruled below.
    row = first + len(SHEET_FIRST) * SHEET_ROW
    second = row + 3 * SHEET_ROW
    _sheet_fill(canvas, white, left, row, right, second)  # note, blank row, section line
    _sheet_text(canvas, SHEET_FIRST_NOTE, left, row)
    _sheet_text(canvas, SHEET_SECTIONS[1], left, row + 2 * SHEET_ROW)
    xs = [left, left + 80, left + 130, left + 210, left + 260]
    rows = len(SHEET_SECOND) + SHEET_BLANK_ROWS
    _sheet_fill(canvas, yellow, xs[0], second, xs[-1], second + SHEET_ROW)
    _sheet_fill(canvas, white, xs[0], second + SHEET_ROW, xs[-1], second + rows * SHEET_ROW)
    _sheet_fill(canvas, white, left, second + rows * SHEET_ROW, right, second + (rows + 2) * SHEET_ROW)
    _sheet_grid(canvas, xs, second, rows, {})
    _sheet_grid(canvas, xs[2:], second + rows * SHEET_ROW, 1, {})
    _sheet_text(canvas, SHEET_HOLE_NOTE, left, second + rows * SHEET_ROW)
    _sheet_text(canvas, SHEET_TOTAL[0], xs[2] + SHEET_RULE + SHEET_PAD, second + rows * SHEET_ROW)
    _sheet_text(canvas, SHEET_TOTAL[1], xs[4] - SHEET_PAD, second + rows * SHEET_ROW, right=True)
    rows += 1
    for r, cells in enumerate(SHEET_SECOND):
        for c, cell in enumerate(cells):
            number = r > 0 and c % 2 == 1
            x = xs[c + 1] - SHEET_PAD if number else xs[c] + SHEET_RULE + SHEET_PAD
            _sheet_text(canvas, cell, x, second + r * SHEET_ROW, right=number)
    _sheet_text(canvas, SHEET_SECOND_NOTE, left, second + rows * SHEET_ROW)
    canvas.save()


# A public enterprise's plan on a ministry's spreadsheet template (Excel printed to PDF): each
# cell its own text.  A field of the form whose date is typed cell by cell (era, year, 「年」, month,
# 「月」), far apart on one baseline after its label and colon; a ruled table whose value cells hold
# a number in small type with its unit in larger type at the cell's right edge; the template's plan
# table, most of its rows a label with no value entered; a field ruled as a box one row high, its
# label letter-spaced across its cell, its value a sentence.
FORM_FIELD = [("策定日：平成", 0.0), ("30", 110.0), ("年", 150.0), ("3", 210.0), ("月", 240.0)]
FORM_FIELD_TEXT = "策定日：平成 30 年 3 月"
FORM_UNITS = [("計画人口", "1,070", "人"), ("年間費用", "705", "千円")]
FORM_UNIT_ROWS = [["計画人口", "1,070人"], ["年間費用", "705千円"]]
FORM_CAPTIONS = ["①　給水の状況", "②　収支の計画", "③　投資の目標", "④　これまでの取組"]
FORM_WRITTEN = "なし"  # all that is written in a box ruled for text
FORM_WRITTEN_BOX_HEIGHT = 60.0
FORM_PLAN = [["区分", "元年度", "2年度", "3年度", "4年度", "5年度"],
             ["総収益", "2,400", "2,380", "2,350", "2,310", "2,290"],
             ["積立金", "", "", "", "", ""],
             ["繰越金", "120", "80", "60", "40", "20"],
             ["充用金", "", "", "", "", ""],
             ["総費用", "2,350", "2,330", "2,300", "2,290", "2,280"],
             ["借入金", "", "", "", "", ""],
             ["補助金", "", "", "", "", ""],
             ["負担金", "", "", "", "", ""],
             ["売却代", "", "", "", "", ""],
             ["その他", "", "", "", "", ""]]
FORM_BOX = ("目　　　　標", "施設の更新は、必要性と経営への影響を確かめ、計画的に行います。")
FORM_BOX_ROW = ["目標", FORM_BOX[1]]
FORM_SIZE = 10.5
FORM_VALUE_SIZE = 8.0


def _form_text(canvas, text: str, x: float, row_top: float, size: float = FORM_SIZE, right: bool = False) -> None:
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(GOTHIC, size)
    y = PAGE_HEIGHT - row_top - (SHEET_ROW + size) / 2 - 1
    if right:
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def make_excel_form(path: Path) -> None:
    canvas = new_canvas(path)
    left = MARGIN_X
    top = MARGIN
    _form_text(canvas, "簡易水道事業の経営の計画", left, top)
    top += 2 * SHEET_ROW
    for text, x in FORM_FIELD:
        _form_text(canvas, text, left + x, top)
    top += 2 * SHEET_ROW
    _form_text(canvas, FORM_CAPTIONS[0], left, top)
    top += SHEET_ROW
    # Label and value cells; the value cell holds the number and, at its right edge, the unit.
    xs = [left, left + 120, left + 260]
    _sheet_grid(canvas, xs, top, len(FORM_UNITS), {})
    for r, (label, value, unit) in enumerate(FORM_UNITS):
        _form_text(canvas, label, xs[0] + SHEET_RULE + SHEET_PAD, top + r * SHEET_ROW)
        _form_text(canvas, value, xs[1] + 70, top + r * SHEET_ROW, size=FORM_VALUE_SIZE, right=True)
        _form_text(canvas, unit, xs[2] - SHEET_PAD, top + r * SHEET_ROW, right=True)
    top += (len(FORM_UNITS) + 1) * SHEET_ROW
    _form_text(canvas, FORM_CAPTIONS[1], left, top)
    top += SHEET_ROW
    xs = [left + 70 * c for c in range(len(FORM_PLAN[0]) + 1)]
    _sheet_grid(canvas, xs, top, len(FORM_PLAN), {})
    for r, cells in enumerate(FORM_PLAN):
        for c, cell in enumerate(cells):
            number = r > 0 and c > 0
            x = xs[c + 1] - SHEET_PAD if number else xs[c] + SHEET_RULE + SHEET_PAD
            _form_text(canvas, cell, x, top + r * SHEET_ROW, size=SHEET_SIZE, right=number)
    top += (len(FORM_PLAN) + 1) * SHEET_ROW
    _form_text(canvas, FORM_CAPTIONS[2], left, top)
    top += SHEET_ROW
    xs = [left, left + 100, left + TEXT_WIDTH]
    _sheet_grid(canvas, xs, top, 1, {})
    label = FORM_BOX[0].replace("　", "")
    _form_text(canvas, label[0], xs[0] + 12, top)
    _form_text(canvas, label[1], xs[1] - 12 - FORM_SIZE, top)
    _form_text(canvas, FORM_BOX[1], xs[1] + SHEET_RULE + SHEET_PAD, top)
    # A box to write in, its four borders each drawn twice (a stroke and a thin fill), one word in it.
    top += 2 * SHEET_ROW
    _form_text(canvas, FORM_CAPTIONS[3], left, top)
    top += SHEET_ROW
    right, bottom = left + TEXT_WIDTH, top + FORM_WRITTEN_BOX_HEIGHT
    for x0, y0, x1, y1 in [(left, top, right, top), (left, bottom, right, bottom),
                           (left, top, left, bottom), (right, top, right, bottom)]:
        _sheet_rule(canvas, x0, y0, x1 + SHEET_RULE, y1 + SHEET_RULE)
        canvas.setLineWidth(0.4)
        canvas.line(x0, PAGE_HEIGHT - y0, x1, PAGE_HEIGHT - y1)
    _form_text(canvas, FORM_WRITTEN, left + SHEET_PAD, top, size=SHEET_SIZE)
    canvas.save()


# A design manual's ladder 「1．」 › 「1-1」 (a dash and a space, no stop), its short titles spread over
# the title's box (均等割付: 「床 版」), all in the headings' face at the body's size.
DASH_LADDER = [("1．構造の概要", "水門の構造は、堤防の機能を保つことができるものとする。"),
               ("1-1 構造形式", "構造形式は、地盤の条件と流水の状況に応じて定める。"),
               ("1-2 床 版", "床版は、上部の荷重を支え、ゲートの水密性を確保する構造とする。"),
               ("2．基 礎", "基礎は、地盤の調査の結果に基づいて定める。"),
               ("2-1 杭の配置", "杭の配置は、荷重の分布に応じて定める。")]
DASH_FIGURE_LINE = "3-1 図に示す手順による。"


def make_dash_ladder(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    for title, text in DASH_LADDER:
        flow.add(Heading(title, BODY_SIZE, font=GOTHIC, space_before=0.5))
        flow.add(Para(text))
    flow.add(Para(DASH_FIGURE_LINE, indent=False))
    canvas.save()


# A code list printed wider than the paper: its last column runs off the page, the rows' rules on to
# the paper's edge, the closing rule lost.
CUT_LEAD = "対象となる品目と、その請求に用いるコードは次の表のとおりとする。"
CUT_ROWS = [["区分", "請求コード", "品目の名称"], ["保存用の器具", "710010001", "保存容器（小型）一式"],
            ["", "710010002", "保存容器（大型）一式"], ["", "710010003", "保存用の袋（十枚入り）"],
            ["", "710020001", "温度記録用の札"]]
# The same list as a correction notice prints it: a deleted code and its name struck through in red,
# and a name's last words (row, column, the words struck).
CUT_STRUCK = [(2, 1, "710010002"), (2, 2, "保存容器（大型）一式"), (3, 2, "（十枚入り）")]


def make_cut_sheet(path: Path, struck: bool = False) -> None:
    """Rules as a spreadsheet prints them (thin filled rectangles); the first column's cell merged
    over the body rows; the row rules run from the first column to the page's right edge, where the
    third column's closing rule would stand beyond the paper.  ``struck``: the words of CUT_STRUCK
    struck through with a thin red line at their mid-height, beginning and ending with them."""
    canvas = new_canvas(path)
    canvas.setFont(MINCHO, BODY_SIZE)
    canvas.drawString(MARGIN_X, PAGE_HEIGHT - MARGIN - BODY_SIZE, CUT_LEAD)
    top = MARGIN + BODY_SIZE + 2 * SHEET_ROW  # a blank line under the lead
    xs = [MARGIN_X, MARGIN_X + 110, MARGIN_X + 200]
    rows = len(CUT_ROWS)
    for r in range(rows + 1):
        y = top + r * SHEET_ROW
        start = xs[0] if r in (0, 1, rows) else xs[1]  # no rule inside the merged first column
        _sheet_rule(canvas, start, y, PAGE_WIDTH, y + SHEET_RULE)
    for x in xs:
        _sheet_rule(canvas, x, top, x + SHEET_RULE, top + rows * SHEET_ROW)
    for r, cells in enumerate(CUT_ROWS):
        for c, cell in enumerate(cells):
            if cell:
                _sheet_text(canvas, cell, xs[c] + SHEET_RULE + SHEET_PAD, top + r * SHEET_ROW)
    from reportlab.pdfbase import pdfmetrics

    canvas.setStrokeColorRGB(0.9, 0.1, 0.1)
    canvas.setLineWidth(0.5)
    for r, c, words in CUT_STRUCK if struck else []:
        cell = CUT_ROWS[r][c]
        x = xs[c] + SHEET_RULE + SHEET_PAD + pdfmetrics.stringWidth(cell[: cell.index(words)], GOTHIC, SHEET_SIZE)
        # _sheet_text's baseline, raised by a third of the type's size: through the middle of the words
        y = PAGE_HEIGHT - top - r * SHEET_ROW - (SHEET_ROW + SHEET_SIZE) / 2 - 1 + SHEET_SIZE / 3
        canvas.line(x, y, x + pdfmetrics.stringWidth(words, GOTHIC, SHEET_SIZE), y)
    canvas.save()


# Legislation as a one-font word processor sets it (the body's face and size throughout): an ordinance
# whose articles print their caption on a line of its own over 「第N条　…」, each article and 項 hanging
# by one character under its first line, its 号 set in by one and hanging by two, 附則 closing it; and
# a treaty's excerpt whose articles are titled on their number's line, with a run of articles elided.
STATUTE_TITLE = "みどり市図書館資料の貸出しに関する条例"
STATUTE_NUMBER = "令和５年みどり市条例第１２号"
# (caption, [(indent in characters, text), …]): each text a 条 or 項 (indent 0) or a 号 (indent 1).
STATUTE_ARTICLES = [
    ("（趣旨）", [(0, "第１条　この条例は、みどり市立図書館（以下「図書館」という。）の資料の貸出しについて、"
                  "法第１０条第２項の規定に基づき、必要な事項を定めるものとする。")]),
    ("（貸出しの対象）", [(0, "第２条　資料の貸出しを受けることができる者は、市内に住所を有する者とする。")]),
    ("（貸出しの期間）", [
        (0, "第３条　資料の貸出しの期間は、貸出しの日から起算して十四日以内とする。ただし、館長が特に必要"
            "があると認めるときは、この限りでない。"),
        (0, "２　前項の期間は、次の利用者の予約がない場合に限り、一回に限り同じ期間延長することができるものと"
            "する。"),
        # (its second line opens with 「第１項の期間…」: an article cited inside the sentence)
        (0, "３　館長は、資料の保存のため必要があると認めるときは、あらかじめ掲示により周知して、"
            "第１項の期間を短縮することができる。")]),
    ("（貸出しの停止）", [
        (0, "第４条　館長は、利用者が次の各号のいずれかに該当するときは、その者に対する資料の貸出しを停止する"
            "ことができる。"),
        (1, "一　貸出しの期間を過ぎた資料を返却せず、返却を求める通知を受けた日から起算して三十日を経過した"
            "とき。"),
        (1, "二　資料を汚損し、又は紛失したにもかかわらず、その弁償をしないとき。")]),
    # (a caption longer than a label; the article's last line runs to the column's edge with its 。, its 項
    # back at the margin under it)
    ("（貸出しを受けた資料の返却及び汚損又は紛失の届出）", [
        (0, "第５条　資料の貸出しを受けた者は、借り受けた資料を貸出しの期間内に返却し、これを汚損し、又は紛失"
            "したときには、速やかに館長に届け出て、その指示に従わなければならない。"),
        (0, "２　何人も、図書館の資料を館外に持ち出すときは、貸出しの手続を経なければならない。")]),
]
STATUTE_SUPPLEMENT = "附　則"
STATUTE_SUPPLEMENT_TEXT = "この条例は、令和６年４月１日から施行する。"
# The statute's annexes after its 附則, each labelled on a line of its own over its page: a table, a form
# whose own name is set centred and letter-spaced inside it.
STATUTE_ANNEXES = [
    ("別表（第２条関係）", ["区分　貸出しの冊数", "図書　一人につき十冊まで", "雑誌　一人につき五冊まで"]),
    ("様式第１号（第３条関係）", ["年　　月　　日", "みどり市立図書館長　様", "資 料 貸 出 期 間 延 長 申 請 書",
                             "条例第３条第２項の規定により、資料の貸出しの期間の延長を申請します。"]),
]
# A grant's rules (a 交付規程) as a word processor sets them: each article's caption alone over 「第N条」, one
# article's number squeezed against its text by the justified line (no space between them, a gap of a
# third of a character); then 附則 and the annexes a 規程 labels with no 「（第N条関係）」 — 「（別表）」, 「別紙」
# over its title and a 記 of items, 「様式集」 over the list of its forms, and each form's label 「（様式第１）」 at
# its page's top over the form's name.
RULES_ARTICLES = [
    ("（通則）", "第１条", "みどり市子ども読書助成金の交付については、この規程の定めるところによる。"),
    ("（交付の対象）", "第２条", "本助成金の交付の対象は、別表のとおりとする。"),
    ("（申請の方法）", "第３条", "助成金の交付を受けようとする者は、様式第１により館長に申請するものとする。"),
]
RULES_SQUEEZED = 1  # the article whose number runs into its text
RULES_SUPPLEMENT = "附則"
RULES_SUPPLEMENT_TEXT = "この規程は、令和６年４月１日から施行する。"
RULES_TABLE = ("（別表）", ["助成の対象　市内の読書団体", "助成の額　　一団体につき五万円以内"])
RULES_SHEET = ("別紙", "読書活動に関する誓約事項", "申請者は、次のいずれにも該当しないことを誓約します。")
# The sheet's 記: its items, the last ending no sentence over items of its own (イ, ロ).
RULES_SHEET_ITEMS = ["(1) 資料汚損者（図書館の資料を汚損し、又は紛失したにもかかわらず、館長の求めに応じてその弁償を"
                     "しない者をいう。以下同じ。）",
                     "(2) 貸出停止者（第３条の規定により資料の貸出しの停止を受けている者であって、その停止の期間を"
                     "経過しないものをいう。以下同じ。）",
                     "(3) 前各号に掲げる者と次のいずれかに該当する関係にある者",
                     "イ 前各号に掲げる者に資料の貸出しを取り次ぐこと。", "ロ 前各号に掲げる者の名義を用いること。"]
RULES_FORMS_TITLE = "様式集"
RULES_FORMS = [("（様式第１）", "助成金交付申請書"), ("（様式第２）", "助成金実績報告書")]

# A 要綱 as a word processor sets it: its title, then chapters 「第N章　…」 centred in a larger Gothic face,
# each opening a page, over articles 「第N　（見出し）」 in Gothic at the margin, numbered straight on across
# the chapters as a rules document's articles are (第１, 第２ in 第１章; 第３ … in 第２章), their clauses
# 「１．…」 under them.
YOKO_TITLE = "みどり市公園施設安全管理要綱"
YOKO_CHAPTERS = [
    ("第１章　総則", [
        ("第１　（目的）", ["この要綱は、市が管理する公園施設の安全を確保するため、必要な事項を定めるものとする。"]),
        ("第２　（適用範囲）", ["この要綱は、市が管理する全ての公園施設に適用する。",
                             "１．指定管理者が管理する施設についても、この要綱を準用する。"]),
    ]),
    ("第２章　点検", [
        ("第３　（日常点検）", ["管理者は、遊具その他の施設を毎日目視により点検しなければならない。"]),
        ("第４　（定期点検）", ["管理者は、年に一回以上、専門の技術者による点検を受けなければならない。",
                             "１．点検の結果は、五年間保存するものとする。"]),
        ("第５　（臨時点検）", ["管理者は、台風その他の荒天の後、速やかに施設を点検しなければならない。"]),
    ]),
    ("第３章　補修", [
        ("第６　（使用の停止）", ["管理者は、施設に危険を認めたときは、直ちにその使用を停止しなければならない。"]),
        ("第７　（補修の記録）", ["管理者は、補修を行ったときは、その内容を記録しておかなければならない。"]),
    ]),
]

# A guideline's own contents list, no leaders and no page numbers, over its chapters 「第N章　…」 (Gothic)
# and their sections 「N－M　…」 in the body's face; a chapter's first section bears the chapter's name
# (「第３章　水質の監視」 over 「３－１　水質の監視」), as guidelines often name a chapter after its first section.
GUIDE_TITLE = "地盤改良工事の施工に関する指針"
GUIDE_CHAPTERS = [
    ("第１章　総則", [
        ("１－１　目的", "この指針は、地盤改良工事による周辺の環境への影響を防ぐために必要な事項を定める。"),
        ("１－２　適用範囲", "この指針は、市が発注する地盤改良工事に適用する。")]),
    ("第２章　施工", [("２－１　施工計画", "事業者は、工事の着手前に施工計画を定めなければならない。")]),
    ("第３章　水質の監視", [
        ("３－１　水質の監視", "事業者は、工事の区域の周辺の井戸の水質を監視しなければならない。"),
        ("３－２　採水地点", "採水地点は、工事の区域から十メートル以内に三箇所以上設ける。"),
        ("３－３　監視の結果の措置", "水質が基準に適合しないときは、直ちに工事を中止しなければならない。")]),
]

# A court's judgment in one face and size throughout, as a court sets it: its caption, then 「主　　　文」 and
# 「理　　　由」 letter-spaced alone on their lines (a space the word processor printed after the first character,
# the next far to the right), the ground of appeal the reasons answer, their parts 「第N　…」 set one character in,
# as its numbered paragraphs are, whose lines wrap back to the margin — one part's title fills its line to the
# column's edge, the next runs one character over onto the next line.  Then a justice's separate opinion opened by
# its set sentence over parts of its own, the second part's title left the last line of its page.
JUDGMENT_CAPTION = ["令和５年（オ）第９９９号 損害賠償請求事件", "令和６年３月１日 第一小法廷判決"]
JUDGMENT_DIVISIONS = ("主", "文"), ("理", "由")
JUDGMENT_DISPOSITION = "本件上告を棄却する。"
JUDGMENT_GROUND = "上告代理人甲野一郎の上告理由について"
JUDGMENT_PARTS = [
    ("第１　事案の概要", ["１　本件は，上告人が，市の定める条例の規定は憲法に違反すると主張し，市に対し，"
                         "損害賠償を求める事案である。"]),
    ("第２　上告理由のうち本件条例の各規定が憲法２１条１項に違反する旨をいう部分について",
     ["１　論旨は，本件条例の規定が，表現の自由を不当に制約し，憲法２１条１項に違反する旨をいう"
      "ものである。", "２　しかし，本件条例の規定は，公共の安全を確保するために必要かつ合理的な制約である。"]),
    ("第３　上告理由のうち本件条例が憲法１４条１項及び２２条に違反する旨をいう部分について",
     ["１　論旨は，本件条例の規定が，合理的な理由のない差別を設けるものである旨をいうものである。"]),
    ("第４　結論", ["以上によれば，原審の判断は，是認することができる。よって，裁判官全員一致の意見で，"
                   "主文のとおり判決する。なお，裁判官乙川次郎の補足意見がある。"]),
]
JUDGMENT_OPINION = ("裁判官乙川次郎の補足意見は，次のとおりである。", [
    ("１　条例の目的について", ["本件条例は，市民の安全を守ることを目的とするものであり，その目的は正当である。"]),
    ("２　今後の課題について", ["もっとも，条例の運用に当たっては，表現の自由に十分配慮することが求められる。"]),
])

# A notice with 記 and its items, then the tables it refers to, each labelled 「別表－N」 alone on its line in Gothic
# at the top of its page, its name centred under the label, its rows under that.
NOTICE_TITLE = "公園遊具の点検について（通知）"
NOTICE_TEXT = "公園遊具の点検については、下記のとおり取り扱うこととしたので、遺漏のないようにされたい。"
NOTICE_ITEMS = ["１　遊具の点検は、別表－１に掲げる項目について行うこと。",
                "２　点検の結果は、別表－２の様式により報告すること。"]
NOTICE_TABLES = [("別表－１", "点検項目", ["部材の腐食　目視により確認する", "ボルトの緩み　触診により確認する"]),
                 ("別表－２", "報告様式", ["施設名　点検日　点検者", "点検の結果　措置の内容"])]
# A last table labelled with its name on the label's line in the text's own face, the widest line of its page.
NOTICE_LAST_TABLE = ("別表－３　点検記録の保存期間", ["日常点検　一年", "定期点検　五年"])

# One part of a handbook, as its own PDF: a cover page with the part's title numbered as the handbook numbers
# its parts, in large type over two lines, and the part's number alone as a tab at the edge; then the part's
# text under its title printed again without the number, over two lines, over its chapters.
PART_COVER_TITLE = ("12. 公園施設の安全点検に関する", "実施要領について")
PART_TITLE_AGAIN = ("公園施設の安全点検に関する実施要領", "について")
PART_CHAPTERS = [("第１章　総則", "この要領は、公園施設の安全点検の実施に関し必要な事項を定める。"),
                 ("第２章　点検", "管理者は、毎月一回以上、施設の点検を行うものとする。")]

# A form-based plan: numbered headings in 12 pt over the body's 10.5 pt, and under one of them a diagram
# whose labels are set in 18 pt beside its drawings (「電力会社」 under a pylon, 「電力供給」 over an arrow).
PLAN_PARTS = [
    ("1 計画の概要", ["本計画は、市内の住宅に太陽光発電設備を導入し、電力の消費を減らすものである。"]),
    ("1.1 実施前後の状況", ["（実施前の概要図）："]),
]
PLAN_LABELS = ["電力供給", "電力会社"]
PLAN_NOTE = "※1 実施前の設備に関する情報の収集方法は別紙に記載すること。"
PLAN_NEXT = ("2 排出削減計画", "各年度の削減量は、導入した設備の発電量から算定する。")

# A handbook's numbered parts, then its own forms, each labelled 「第N号様式」 alone at the top of its page over
# the form's name set centred; the first form's note runs its list of kinds on over two lines.
HANDBOOK_PARTS = [
    ("１　貸出しの手続", "資料の貸出しを受けるときは、利用者カードを窓口に提示する。"),
    ("２　記録の整理", "貸出しの記録は、第１号様式及び第２号様式により整理する。"),
]
HANDBOOK_FORMS = [
    ("第１号様式", "貸 出 記 録 簿", ["利用者名", "※ 区分… 1.図書 2.雑誌 3.視聴覚資料 4.地域資料 5.行政資料",
                                "6. 郷土資料 7.児童資料 8.その他"]),
    ("第２号様式", "延 長 記 録 簿", ["利用者名", "延長の理由"]),
]
TREATY_TITLE = "図書資料の交換に関する協定 抜粋"
# (article line, [clause texts]); a clause line that is None stands for the elided run
TREATY_ARTICLES = [
    ("第1条 定義", ["本協定において、",
                  "1 「資料」とは、締約国の図書館が所蔵する図書、雑誌その他の記録であって、交換の対象と"
                  "して目録に登載されたものをいう。",
                  "2 「交換」とは、締約国の図書館の間で資料の所有を互いに移転することをいう。"]),
    ("第2条～第4条 ［略］", []),
    ("第5条 目録の作成と公表", ["1 締約国は、交換の対象とする資料の目録を作成し、毎年一回これを他の締約国に通知し"
                          "なければならない。",
                          "2 前項の目録には、資料の名称、数量及び保存の状態を記載するものとする。"]),
]
# A treaty's excerpt numbered in kanji past its hundredth article: 「第一条　定義」, the articles up to the
# ninety-ninth left out, then 「第百条　…」 and 「第百一条　…」, each titled on its number's line.
KANJI_TREATY_TITLE = "海洋資料の保存に関する条約　抜粋"
KANJI_TREATY_ARTICLES = [
    ("第一条　定義", ["この条約の適用上、",
                   "１　「海洋資料」とは、締約国の機関が海洋の調査により得た記録であって、保存の対象として"
                   "登録されたものをいう。"]),
    ("第二条～第九十九条　［略］", []),
    ("第百条　資料の保存", ["１　締約国は、海洋資料を適切な環境において保存し、その状態を定期に点検しなければ"
                        "ならない。"]),
    ("第百一条　資料の提供", ["締約国は、他の締約国の求めに応じ、海洋資料の写しを提供するものとする。"]),
]

# A national law's excerpt, numbered in kanji as statutes are, past its hundredth article: captions over
# 「第九十九条　…」「第百条　…」, a branch article inserted later 「第百条の二」, and 「第百二十三条」.
LAW_TITLE = "図書資料の保存に関する法律　抜粋"
LAW_ARTICLES = [
    ("（定義）", [(0, "第九十九条　この章において「保存資料」とは、図書館が所蔵する資料のうち、将来にわたり"
                  "利用に供するため特に保存の措置を講ずるものとして館長が指定したものをいう。")]),
    ("（保存の計画）", [
        (0, "第百条　館長は、保存資料について、その状態を定期に調査し、調査の結果に基づいて保存の計画を"
            "定めなければならない。"),
        (0, "２　前項の計画には、次に掲げる事項を定めるものとする。"),
        (1, "一　保存資料の修補その他の措置の内容及びその実施の時期に関する事項であって、館長が必要と"
            "認めるもの"),
        (1, "二　保存資料の複製の作成に関する事項")]),
    ("（計画の変更）", [(0, "第百条の二　館長は、保存資料の状態に著しい変化があったときは、速やかに前条第一項の"
                        "計画を変更しなければならない。")]),
    ("（報告）", [(0, "第百二十三条　館長は、毎年度、保存の計画の実施の状況及び保存資料の状態の変化を"
                    "取りまとめ、これを図書館の掲示場に掲示する方法その他の適切な方法により公表するものとする。")]),
]


def _hanging(canvas, text: str, x: float, top: float) -> float:
    """Set ``text`` from ``x`` with its later lines one character in (a hanging indent), every line but
    the last justified to the column's edge; the top of the line after it."""
    width = PAGE_WIDTH - MARGIN_X - x
    first = wrap(text, MINCHO, BODY_SIZE, width)[0]
    lines = [first, *wrap(text[len(line_text(first)):], MINCHO, BODY_SIZE, width - BODY_SIZE)]
    for n, line in enumerate(lines):
        measure = width - (BODY_SIZE if n else 0.0)
        space = justified(line, MINCHO, BODY_SIZE, measure) if n < len(lines) - 1 else 0.0
        draw_line(canvas, line, x + (BODY_SIZE if n else 0.0), top, MINCHO, BODY_SIZE, space)
        top += BODY_SIZE * LEADING
    return top


def make_handbook_forms(path: Path) -> None:
    canvas = new_canvas(path)
    step = BODY_SIZE * LEADING
    top = MARGIN
    for title, text in HANDBOOK_PARTS:
        draw_line(canvas, _atoms(title), MARGIN_X, top, GOTHIC, BODY_SIZE)
        draw_line(canvas, _atoms(text), MARGIN_X + BODY_SIZE, top + step, MINCHO, BODY_SIZE)
        top += 3 * step
    for label, name, fields in HANDBOOK_FORMS:
        canvas.showPage()
        draw_line(canvas, _atoms(label), MARGIN_X, MARGIN, MINCHO, BODY_SIZE)
        centred = MARGIN_X + (TEXT_WIDTH - _width((name, False), MINCHO, BODY_SIZE)) / 2
        draw_line(canvas, _atoms(name), centred, MARGIN + 2 * step, MINCHO, BODY_SIZE)
        top = MARGIN + 4 * step
        for field in fields:
            draw_line(canvas, _atoms(field), MARGIN_X + BODY_SIZE, top, MINCHO, BODY_SIZE)
            top += step
    canvas.save()


def make_rules(path: Path) -> None:
    canvas = new_canvas(path)
    step = BODY_SIZE * LEADING
    top = MARGIN
    for n, (caption, number, text) in enumerate(RULES_ARTICLES):
        draw_line(canvas, _atoms(caption), MARGIN_X + BODY_SIZE, top, MINCHO, BODY_SIZE)
        top += step
        # the number, then the text a full character on, or a third of one where the line squeezed it
        draw_line(canvas, _atoms(number), MARGIN_X, top, MINCHO, BODY_SIZE)
        gap = BODY_SIZE / 3 if n == RULES_SQUEEZED else BODY_SIZE
        x = MARGIN_X + sum(_width(atom, MINCHO, BODY_SIZE) for atom in _atoms(number)) + gap
        draw_line(canvas, _atoms(text), x, top, MINCHO, BODY_SIZE)
        top += step
    draw_line(canvas, _atoms(RULES_SUPPLEMENT), MARGIN_X, top, MINCHO, BODY_SIZE)
    draw_line(canvas, _atoms(RULES_SUPPLEMENT_TEXT), MARGIN_X + BODY_SIZE, top + step, MINCHO, BODY_SIZE)
    canvas.showPage()
    label, rows = RULES_TABLE
    draw_line(canvas, _atoms(label), MARGIN_X, MARGIN, MINCHO, BODY_SIZE)
    for n, row in enumerate(rows):
        draw_line(canvas, _atoms(row), MARGIN_X, MARGIN + (2 + n) * step, MINCHO, BODY_SIZE)
    canvas.showPage()
    label, name, text = RULES_SHEET
    draw_line(canvas, _atoms(label), MARGIN_X, MARGIN, MINCHO, BODY_SIZE)
    centred = MARGIN_X + (TEXT_WIDTH - sum(_width(atom, MINCHO, BODY_SIZE) for atom in _atoms(name))) / 2
    draw_line(canvas, _atoms(name), centred, MARGIN + 2 * step, MINCHO, BODY_SIZE)
    draw_line(canvas, _atoms(text), MARGIN_X, MARGIN + 4 * step, MINCHO, BODY_SIZE)
    draw_line(canvas, _atoms("記"), MARGIN_X + TEXT_WIDTH / 2, MARGIN + 6 * step, MINCHO, BODY_SIZE)
    top = MARGIN + 8 * step
    for item in RULES_SHEET_ITEMS:
        top = _hanging(canvas, item, MARGIN_X + (BODY_SIZE if item[0] in "イロ" else 0.0), top)
    canvas.showPage()
    centred = MARGIN_X + (TEXT_WIDTH - 3 * BODY_SIZE) / 2
    draw_line(canvas, _atoms(RULES_FORMS_TITLE), centred, MARGIN, MINCHO, BODY_SIZE)
    for n, (label, name) in enumerate(RULES_FORMS):
        draw_line(canvas, _atoms(f"{label}　{name}"), MARGIN_X, MARGIN + (2 + n) * step, MINCHO, BODY_SIZE)
    for n, (label, name) in enumerate(RULES_FORMS):
        canvas.showPage()
        draw_line(canvas, _atoms(label), MARGIN_X, MARGIN, MINCHO, BODY_SIZE)
        size = 16.0 if n else BODY_SIZE  # the second form's name set large, as a ledger's is
        centred = MARGIN_X + (TEXT_WIDTH - sum(_width(atom, MINCHO, size) for atom in _atoms(name))) / 2
        draw_line(canvas, _atoms(name), centred, MARGIN + 2 * step, MINCHO, size)
        draw_line(canvas, _atoms("上記のとおり提出します。"), MARGIN_X, MARGIN + 4 * step, MINCHO, BODY_SIZE)
    canvas.save()


def make_yoko(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(len(YOKO_CHAPTERS)))
    flow.add(Heading(YOKO_TITLE, 16, align="center", space_before=0))
    for n, (chapter, articles) in enumerate(YOKO_CHAPTERS):
        if n:
            flow.new_page()
        flow.add(Heading(chapter, 16, align="center"))
        for caption, texts in articles:
            flow.add(Heading(caption, 13))
            for text in texts:
                flow.add(Para(text))
    canvas.save()

def make_guide_contents(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(2))
    flow.add(Heading(GUIDE_TITLE, 16, align="center", space_before=0))
    flow.add(Heading("目次", 13))
    for chapter, sections in GUIDE_CHAPTERS:
        flow.add(Heading(chapter, 13, space_before=0.5))
        for section, _ in sections:
            flow.add(Heading(f"　{section}", BODY_SIZE, MINCHO, space_before=0))
    flow.new_page()
    for chapter, sections in GUIDE_CHAPTERS:
        flow.add(Heading(chapter, 13, align="center"))
        for section, text in sections:
            flow.add(Heading(section, BODY_SIZE, MINCHO, space_before=0.5))
            flow.add(Para(text))
    canvas.save()

def make_judgment(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(3))
    for line in JUDGMENT_CAPTION:
        flow.add(Heading(line, BODY_SIZE, MINCHO, space_before=0))
    for n, (first, second) in enumerate(JUDGMENT_DIVISIONS):
        flow.y += BODY_SIZE
        x = MARGIN_X + 12 * BODY_SIZE
        draw_line(canvas, _atoms(f"{first} "), x, flow.y, MINCHO, BODY_SIZE)  # the space printed as a glyph
        draw_line(canvas, _atoms(second), x + 6 * BODY_SIZE, flow.y, MINCHO, BODY_SIZE)
        flow.y += BODY_SIZE * LEADING
        if n == 0:
            flow.add(Para(JUDGMENT_DISPOSITION))
    flow.add(Para(JUDGMENT_GROUND))
    for title, paragraphs in JUDGMENT_PARTS:
        flow.add(Para(title))
        for text in paragraphs:
            flow.add(Para(text))
    flow.new_page()
    opinion, parts = JUDGMENT_OPINION
    flow.add(Para(opinion))
    for n, (title, paragraphs) in enumerate(parts):
        if n == len(parts) - 1:  # room for the title alone at the page's foot: its text on the next page
            flow.y = flow.frames[flow.frame].bottom - BODY_SIZE * LEADING
        flow.add(Para(title))
        for text in paragraphs:
            flow.add(Para(text))
    canvas.save()

def make_notice_tables(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(len(NOTICE_TABLES) + 2))
    flow.add(Heading(NOTICE_TITLE, 14, align="center", space_before=0))
    flow.add(Para(NOTICE_TEXT))
    flow.add(Heading("記", BODY_SIZE, MINCHO, align="center"))
    for item in NOTICE_ITEMS:
        flow.add(Para(item, indent=False))
    for label, name, rows in NOTICE_TABLES:
        flow.new_page()
        flow.add(Heading(label, BODY_SIZE, space_before=0))
        flow.add(Heading(name, BODY_SIZE, align="center", space_before=0))
        for row in rows:
            flow.add(Para(row, indent=False))
    flow.new_page()
    label, rows = NOTICE_LAST_TABLE
    flow.add(Heading(label, BODY_SIZE, MINCHO, space_before=0))
    for row in rows:
        flow.add(Para(row, indent=False))
    canvas.save()

def make_part_cover(path: Path) -> None:
    canvas = new_canvas(path)
    for n, line in enumerate(PART_COVER_TITLE):
        draw_line(canvas, _atoms(line), MARGIN_X + 2 * BODY_SIZE, 250 + n * 36, GOTHIC, 22.0)
    draw_line(canvas, _atoms("12"), PAGE_WIDTH - MARGIN_X + 10, 300, GOTHIC, 16.0)  # the part's tab
    canvas.showPage()
    flow = Flow(canvas, one_column(1))
    for line in PART_TITLE_AGAIN:
        flow.add(Heading(line, 16, space_before=0))
    for chapter, text in PART_CHAPTERS:
        flow.add(Heading(chapter, 13, align="center"))
        flow.add(Para(text))
    canvas.save()

def make_plan_diagram(path: Path) -> None:
    canvas = new_canvas(path)
    step = BODY_SIZE * LEADING
    top = MARGIN
    for title, texts in PLAN_PARTS:
        draw_line(canvas, _atoms(title), MARGIN_X, top, GOTHIC, 12.0)
        top += step * 1.3
        for text in texts:
            draw_line(canvas, _atoms(text), MARGIN_X + BODY_SIZE, top, MINCHO, BODY_SIZE)
            top += step
    top += step
    canvas.rect(MARGIN_X + 20, PAGE_HEIGHT - top - 150, 60, 60)  # the pylon's drawing, then its label under it
    draw_line(canvas, _atoms(PLAN_LABELS[0]), MARGIN_X + 120, top + 20, MINCHO, 18.0)
    canvas.line(MARGIN_X + 120, PAGE_HEIGHT - top - 50, MARGIN_X + 200, PAGE_HEIGHT - top - 50)
    draw_line(canvas, _atoms(PLAN_LABELS[1]), MARGIN_X + 10, top + 160, MINCHO, 18.0)
    top += 200
    draw_line(canvas, _atoms(PLAN_NOTE), MARGIN_X, top, MINCHO, BODY_SIZE)
    canvas.showPage()
    title, text = PLAN_NEXT
    draw_line(canvas, _atoms(title), MARGIN_X, MARGIN, GOTHIC, 12.0)
    draw_line(canvas, _atoms(text), MARGIN_X + BODY_SIZE, MARGIN + step * 1.3, MINCHO, BODY_SIZE)
    canvas.save()


def _captioned_articles(canvas, articles: list[tuple[str, list[tuple[int, str]]]], top: float) -> float:
    """Each article's caption one character in on a line of its own, its 条, 項 and 号 hanging under it;
    the top of the line after them."""
    for caption, texts in articles:
        draw_line(canvas, _atoms(caption), MARGIN_X + BODY_SIZE, top, MINCHO, BODY_SIZE)
        top += BODY_SIZE * LEADING
        for indent, text in texts:
            top = _hanging(canvas, text, MARGIN_X + indent * BODY_SIZE, top)
    return top


def make_statute(path: Path) -> None:
    canvas = new_canvas(path)
    step = BODY_SIZE * LEADING
    draw_line(canvas, _atoms(STATUTE_TITLE), MARGIN_X + 10 * BODY_SIZE, MARGIN, MINCHO, BODY_SIZE)
    draw_line(canvas, _atoms(STATUTE_NUMBER), MARGIN_X + 27 * BODY_SIZE, MARGIN + 2 * step, MINCHO, BODY_SIZE)
    top = _captioned_articles(canvas, STATUTE_ARTICLES, MARGIN + 4 * step)
    top += step
    draw_line(canvas, _atoms(STATUTE_SUPPLEMENT), MARGIN_X + 3 * BODY_SIZE, top, MINCHO, BODY_SIZE)
    draw_line(canvas, _atoms(STATUTE_SUPPLEMENT_TEXT), MARGIN_X + BODY_SIZE, top + step, MINCHO, BODY_SIZE)
    for label, texts in STATUTE_ANNEXES:
        canvas.showPage()
        draw_line(canvas, _atoms(label), MARGIN_X, MARGIN, MINCHO, BODY_SIZE)
        top = MARGIN + 3 * step
        for text in texts:
            # a form's name centred, its date set to the right: as a form is laid out
            x = MARGIN_X + (TEXT_WIDTH - _width((text, False), MINCHO, BODY_SIZE)) / 2 if " " in text else \
                MARGIN_X + BODY_SIZE * (30 if text.startswith("年") else 1)
            draw_line(canvas, _atoms(text), x, top, MINCHO, BODY_SIZE)
            top += 2 * step
    canvas.save()


# A report's note quoting the provisions a ministerial ordinance is to have, set in from the text: a 項
# 「１」 two characters in, its 号 three in, each hanging by a character.  A 号 ends without a stop
# (「…であること」): the second fills its line to the column's edge, the 項 after it stands out at the
# 項's margin; the next 号 「一」 is cut by the page, its 「二」 opens the next page.
# (the report's own parts over it: 「第４」 over 「１」 「２」 「３」, each title in the bold face over its text)
QUOTED_PARTS = [("第４　記録の要件", ""),
                ("１　記録", "記録とは、電子計算機による情報の処理に供されるものであって、省令で定めるものをいう。"),
                ("２　記録の支配", "記録の支配とは、その記録を自由に利用し、又はそれに関する権利を移転することができる"
                                 "状態をいう。")]
QUOTED_TITLE = "３　記録の発行"
# (the text above the note runs down the page, so that the cut 号 stands on the page's last line)
QUOTED_TEXT = ("記録の発行とは、法務省令で定める方法により記録を作成し、その支配を利用者に移す措置をいう。"
               "発行の方法は、記録の真正を確かめられるものでなければならず、その要件を省令に委ねる。") * 12
QUOTED_NOTE = "（注）法務省令として、以下のような内容を規定することを想定している。"
QUOTED_PROVISIONS = [
    (2, "１　前条第３項に規定する法務省令で定める方法は、次の各号の要件のいずれにも該当するものをいう。"),
    (3, "一　電子計算機を利用する方法その他の情報通信の技術を利用する方法であること"),
    (3, "二　記録を発行する者が電子署名をするものであって、改変をすることができないこと"),
    (2, "２　前項第２号に規定する「電子署名」とは、記録された情報について行われる措置であって、次の各号の"
        "要件のいずれにも該当するものをいう。"),
]
# (the first line at the page's foot, filling it to the column's edge, the rest on the next page's top; then
# the next 号)
QUOTED_CUT = ("一　当該情報が当該措置を行った者の作成に係るものであることを明確に示すためのも", "のであること")
QUOTED_AFTER_CUT = "二　当該情報について改変が行われていないかどうかを確認することができるものであること"


def make_quoted_provisions(path: Path) -> None:
    canvas = new_canvas(path)
    step = BODY_SIZE * LEADING
    top = MARGIN
    for title, text in [*QUOTED_PARTS, (QUOTED_TITLE, QUOTED_TEXT)]:
        draw_line(canvas, _atoms(title), MARGIN_X, top, GOTHIC, BODY_SIZE)
        top += step
        for n, line in enumerate(wrap(text, MINCHO, BODY_SIZE, TEXT_WIDTH, indent=BODY_SIZE) if text else []):
            draw_line(canvas, line, MARGIN_X + (BODY_SIZE if n == 0 else 0.0), top, MINCHO, BODY_SIZE)  # 1st one in
            top += step
    top = _hanging(canvas, QUOTED_NOTE, MARGIN_X + BODY_SIZE, top)
    for indent, text in QUOTED_PROVISIONS:
        top = _hanging(canvas, text, MARGIN_X + indent * BODY_SIZE, top)
    first, rest = QUOTED_CUT
    draw_line(canvas, _atoms(first), MARGIN_X + 3 * BODY_SIZE, top, MINCHO, BODY_SIZE)
    _page_number(canvas, "26")
    canvas.showPage()
    draw_line(canvas, _atoms(rest), MARGIN_X + 4 * BODY_SIZE, MARGIN, MINCHO, BODY_SIZE)
    _hanging(canvas, QUOTED_AFTER_CUT, MARGIN_X + 3 * BODY_SIZE, MARGIN + step)
    _page_number(canvas, "27")
    canvas.save()


def _page_number(canvas, number: str) -> None:
    """The page's number centred in its foot margin."""
    x = (PAGE_WIDTH - pdfmetrics.stringWidth(number, MINCHO, BODY_SIZE)) / 2
    draw_line(canvas, _atoms(number), x, PAGE_HEIGHT - MARGIN / 2, MINCHO, BODY_SIZE)


def make_law_excerpt(path: Path) -> None:
    canvas = new_canvas(path)
    draw_line(canvas, _atoms(LAW_TITLE), MARGIN_X + 10 * BODY_SIZE, MARGIN, MINCHO, BODY_SIZE)
    _captioned_articles(canvas, LAW_ARTICLES, MARGIN + 3 * BODY_SIZE * LEADING)
    canvas.save()


# A web service's terms of use (利用規約) as a word processor sets them: its title in 14 pt, a lead in 12 pt,
# then articles each titled on its number's line in 12 pt (「第１条　目的」) over clauses in the 10.5 pt body,
# the 附則 in the articles' type; then, on a page of its own in the gothic face at the body's size, a
# 【参考】 annex: blocks each headed by its topic alone on its line (「「…」について」, a gap above all but the
# first), over an indented paragraph and bullet points, the last one after a table's rows.
TERMS_TITLE = "みどり市図書館ウェブ予約サービス利用規約"
TERMS_LEAD = ("この規約は、みどり市立図書館が提供するウェブ予約サービスを利用するに当たり、利用者が守るべき事項を定める"
              "ものです。")
TERMS_ARTICLES = [
    ("第１条　目的", ["１　本サービスは、図書館の資料の予約をインターネットを通じて受け付けるものです。"]),
    ("第２条　利用の登録について", ["１　本サービスを利用するには、利用者カードの番号を登録するものとします。",
                              "２　登録の内容に変更があったときは、速やかに届け出るものとします。"]),
    ("第３条　その他", ["１　この規約に定めのない事項は、館長が別に定めます。"]),
]
TERMS_SUPPLEMENT = ("附則", "この規約は、令和６年４月１日から施行する。")
TERMS_ANNEX = "【参考】"
# (the topic, its paragraph, its points; a table's rows before it, if any)
TERMS_TOPICS = [
    ("「予約の取置期間」について",
     "予約した資料は、用意ができた日から七日間、貸出カウンターに取り置きます。期間を過ぎた資料は、次に予約した方に"
     "回します。", ["・取置期間は延長できません。", "・休館日は期間に数えません。"], []),
    ("「予約の上限」について", "一人が同時に予約できる資料は、図書と雑誌を合わせて十点までです。",
     ["・視聴覚資料は別に三点まで予約できます。"], []),
    ("貸出期間の延長（電子書籍を除く）について", "貸出期間は、次の予約がない資料に限り、一回延長できます。", [],
     ["区分\t延長の回数", "図書\t一回", "雑誌\t延長なし"]),
]


def make_terms_of_use(path: Path) -> None:
    canvas = new_canvas(path)
    step = BODY_SIZE * LEADING
    draw_line(canvas, _atoms(TERMS_TITLE), MARGIN_X + 6 * BODY_SIZE, MARGIN, MINCHO, 14.0)
    top = MARGIN + 2 * step
    for n, line in enumerate(wrap(TERMS_LEAD, MINCHO, 12.0, TEXT_WIDTH, indent=12.0)):
        draw_line(canvas, line, MARGIN_X + (12.0 if n == 0 else 0.0), top, MINCHO, 12.0)
        top += 12.0 * LEADING
    for article, clauses in [*TERMS_ARTICLES, (TERMS_SUPPLEMENT[0], [])]:
        top += step
        draw_line(canvas, _atoms(article), MARGIN_X, top, MINCHO, 12.0)
        top += 12.0 * LEADING
        for clause in clauses:
            top = _hanging(canvas, clause, MARGIN_X, top)
    draw_line(canvas, _atoms(TERMS_SUPPLEMENT[1]), MARGIN_X + BODY_SIZE, top, MINCHO, BODY_SIZE)
    canvas.showPage()
    draw_line(canvas, _atoms(TERMS_ANNEX), MARGIN_X, MARGIN, GOTHIC, BODY_SIZE)
    top = MARGIN + step
    for n, (topic, paragraph, points, rows) in enumerate(TERMS_TOPICS):
        canvas.setLineWidth(0.5)
        for row in rows:  # each cell ruled round
            for c, cell in enumerate(row.split("\t")):
                x = MARGIN_X + c * TEXT_WIDTH / 2
                canvas.rect(x, PAGE_HEIGHT - top - step + 2, TEXT_WIDTH / 2, step)
                draw_line(canvas, _atoms(cell), x + BODY_SIZE / 2, top, GOTHIC, BODY_SIZE)
            top += step
        top += step if n else 0.0  # a blank line between the blocks
        draw_line(canvas, _atoms(topic), MARGIN_X, top, GOTHIC, BODY_SIZE)
        top += step
        for k, line in enumerate(wrap(paragraph, GOTHIC, BODY_SIZE, TEXT_WIDTH, indent=BODY_SIZE)):
            draw_line(canvas, line, MARGIN_X + (BODY_SIZE if k == 0 else 0.0), top, GOTHIC, BODY_SIZE)
            top += step
        for point in points:
            draw_line(canvas, _atoms(point), MARGIN_X + BODY_SIZE, top, GOTHIC, BODY_SIZE)
            top += step
    canvas.save()


def make_treaty_extract(path: Path, title: str = TREATY_TITLE,
                        articles: list[tuple[str, list[str]]] = TREATY_ARTICLES) -> None:
    canvas = new_canvas(path)
    step = BODY_SIZE * LEADING
    draw_line(canvas, _atoms(title), MARGIN_X, MARGIN, MINCHO, BODY_SIZE)
    top = MARGIN + 3 * step
    for article, clauses in articles:
        draw_line(canvas, _atoms(article), MARGIN_X, top, MINCHO, BODY_SIZE)
        top += step
        for n, clause in enumerate(clauses):
            # the article's lead-in flush with its number, its numbered clauses one character in
            top = _hanging(canvas, clause, MARGIN_X + (BODY_SIZE if n or not clause.endswith("、") else 0.0), top)
        top += step
    canvas.save()


# ---------------------------------------------------------------------------
# A typeset white paper's section: its title on a filled bar, with the chapter's artwork (circles
# placed as one drawing) over the bar's right end; each numbered heading's number in a filled disc
# ringed by a drawn ornament, its title on a filled band placed as a drawing of its own; body text
# under each.  A slug line (the print file's name) and trim marks stand off the visible page.
# ---------------------------------------------------------------------------

ART_SECTION = "第1節　見本の取組と課題"
ART_TITLES = [("1", "見本の取組が抱える課題"), ("2", "見本の取組への対策")]
ART_PARAGRAPHS = [
    "見本の取組は各地に広がり、暮らしに便利さをもたらす一方で、使い方に当たっては気を付けるべき点も"
    "ある。本節では、その課題と、これまでに講じられてきた対策を順に見ていく。",
    "取組が広がるにつれ、担い手の不足や費用の手当てといった課題が目立つようになった。小さな町村ほど"
    "専任の職員を置きにくく、一人の職員が多くの仕事を受け持っている例が多い。",
    "こうした課題に対し、国と県は手引きを整え、研修を開き、費用の一部を補助してきた。近隣の町村が"
    "職員を出し合って共同で取り組む例も増えている。",
]
ART_SLUG = "見本_第1節.indd 12 2024/04/01 10:00:00"
ART_BAND = (0.2, 0.4, 0.7)  # the bars' colour
ART_TITLE_SIZE = 14.0
ART_NUMBER_SIZE = 17.0
ART_BAND_HEIGHT = 24.0  # a band the column's width: a figure's share of the page by its area alone


def _placed(canvas, name: str, draw: Callable[..., None]) -> None:
    """``draw`` as a drawing placed whole (a form), in the page's own coordinates, as layout
    programs place artwork."""
    canvas.beginForm(name)
    draw(canvas)
    canvas.endForm()
    canvas.doForm(name)


def _section_bar(canvas, frame: Frame, top: float) -> None:
    """The section's title in white on a bar drawn on the page, the chapter's artwork (a drawing
    of circles, taller than the bar) placed over its right end."""
    height = 30.0
    canvas.setFillColorRGB(*ART_BAND)
    canvas.rect(frame.x0, PAGE_HEIGHT - top - height, frame.x1 - frame.x0, height, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    draw_line(canvas, _atoms(ART_SECTION), frame.x0 + 10, top + (height - ART_TITLE_SIZE) / 2, GOTHIC, ART_TITLE_SIZE)
    canvas.setFillColorRGB(0, 0, 0)
    x, y = frame.x1 - 60, PAGE_HEIGHT - top + 40  # the globe's centre, over the bar's right end

    def globe(canvas) -> None:
        canvas.setStrokeColorRGB(*ART_BAND)
        for k in range(8):  # rings round one centre, a globe's wireframe
            canvas.ellipse(x - 45 + 4 * k, y - 45, x + 45 - 4 * k, y + 45, stroke=1, fill=0)
        canvas.ellipse(x - 45, y - 15, x + 45, y + 15, stroke=1, fill=0)

    _placed(canvas, "chapter-art", globe)


def _numbered_band(number: str, title: str) -> Picture:
    """A numbered heading: the number in white in a filled disc (placed as a drawing) ringed by four
    arcs and two circles drawn on the page, the title on a rounded band placed as a drawing."""
    def draw(canvas, frame: Frame, top: float) -> None:
        y = PAGE_HEIGHT - top - 8 - ART_BAND_HEIGHT  # the band's foot
        centre_x, centre_y = frame.x0 + 12, y + ART_BAND_HEIGHT / 2

        def band(canvas) -> None:
            canvas.setFillColorRGB(0.85, 0.9, 1.0)
            canvas.roundRect(frame.x0, y, frame.x1 - frame.x0, ART_BAND_HEIGHT, 6, stroke=0, fill=1)

        def disc(canvas) -> None:
            canvas.setFillColorRGB(*ART_BAND)
            canvas.circle(centre_x, centre_y, 14, stroke=0, fill=1)

        _placed(canvas, f"band-{number}", band)
        _placed(canvas, f"disc-{number}", disc)
        canvas.setStrokeColorRGB(*ART_BAND)
        for start in (0, 90, 180, 270):  # the ring's four arcs
            canvas.arc(centre_x - 12, centre_y - 12, centre_x + 12, centre_y + 12, start + 10, 70)
        canvas.circle(centre_x, centre_y, 12, stroke=1, fill=0)
        canvas.circle(centre_x, centre_y, 11, stroke=1, fill=0)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica-Bold", ART_NUMBER_SIZE)
        canvas.drawCentredString(centre_x, centre_y - ART_NUMBER_SIZE * 0.35, number)
        canvas.setFillColorRGB(0, 0, 0)
        draw_line(canvas, _atoms(title), frame.x0 + 32, top + 8 + (ART_BAND_HEIGHT - ART_NUMBER_SIZE) / 2, GOTHIC,
                  ART_NUMBER_SIZE)

    return Picture(ART_BAND_HEIGHT + 22, draw)


def _slug_and_marks(canvas) -> None:
    """The print file's slug under the trim, struck through by a trim mark, as an imposed sheet has
    them, outside the page's crop box (the page a reader sees)."""
    canvas.setCropBox((30, 30, PAGE_WIDTH - 30, PAGE_HEIGHT - 30))
    canvas.setFont(GOTHIC, 8)
    canvas.drawString(MARGIN_X, 12, ART_SLUG)
    canvas.setLineWidth(0.3)
    canvas.line(MARGIN_X - 10, 14.5, MARGIN_X + 200, 14.5)


def make_heading_art(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(2, top=MARGIN + 60), on_page=lambda canvas, _: _slug_and_marks(canvas))
    flow.add(Picture(52, _section_bar))
    flow.add(Para(ART_PARAGRAPHS[0]))
    flow.add(_numbered_band(*ART_TITLES[0]))
    flow.add(Para(ART_PARAGRAPHS[1]))
    flow.new_page()
    flow.add(_numbered_band(*ART_TITLES[1]))
    flow.add(Para(ART_PARAGRAPHS[2]))
    canvas.save()


# A council's paper as a word processor sets it: a cover; a 目次 that lists each numbered section and,
# under it, the section's unnumbered sub-titles, with no leaders and no page numbers; the paper's title
# again over the text's first page; each sub-title alone on its line in the bold of the text's face,
# a point larger than the body, over its paragraphs
# ---------------------------------------------------------------------------

PAPER_TITLE = "地域交通の再編に関する論点整理"
PAPER_SECTIONS = [
    ("1. はじめに", [
        ("検討の経緯", "本会議は、人口の減少と高齢化が進む中で、地域の移動手段をどう確保していくかについて、"
         "昨年の秋から議論を重ねてきた。各地の事業者や自治体から話を聞き、利用者の声も集めてきた。"),
        ("本整理の位置付け", "この論点整理は、これまでの議論で示された考え方を、今後の検討の土台として"
         "まとめたものである。結論を示すものではなく、引き続き議論を深めていくことを前提としている。"),
    ]),
    ("2. 現状と課題", [
        ("利用者の減少", "多くの地域で路線バスの利用者が減り続けており、運行の本数を減らす事業者が増えている。"
         "本数が減るとさらに利用者が離れ、収入が落ちるという循環が各地で見られる。"),
        ("担い手の不足", "運転者の高齢化が進み、新たに運転者を確保することが難しくなっている。"
         "待遇の改善や働き方の見直しを進めなければ、路線の維持そのものが危うくなるおそれがある。"),
    ]),
    ("3. 今後の方向性", [
        ("持続可能な運行体制", "地域の実情に合わせて、定時定路線の運行と予約に応じた運行を組み合わせる"
         "ことが考えられる。需要の少ない時間帯には、乗合の手段を柔軟に使い分けることも有効である。"),
        ("関係者の役割分担", "自治体、事業者、住民がそれぞれの役割を確かめ合い、費用の分担についても"
         "話し合う場を設けるべきである。国は、こうした取組を支える仕組みを整える必要がある。"),
    ]),
]
# Bold lines that head nothing: a lead-in to the paragraph under it, a sentence set in bold.
PAPER_LEAD_IN = "特に留意すべき点："
PAPER_BOLD_SENTENCE = "利用者の視点を欠かしてはならない。"
PAPER_SUBTITLE_SIZE = 11.0
# The page after the cover: a note on the paper, then its authors — the council's members under a
# centred title in the body's face and size, one member a line (name, affiliation, post).
PAPER_NOTE = "この論点整理は、見本会議の構成員がこれまでの議論を踏まえて論点を整理したものである。"
PAPER_MEMBERS_TITLE = "見本会議 構成員"
PAPER_MEMBERS = ["青木 一郎　見本大学大学院工学研究科 教授",
                 "井上 花子　株式会社見本交通 代表取締役",
                 "上田 次郎　見本総合研究所 主任研究員【座長】",
                 "江藤 三枝　見本市交通政策課 課長"]


def bold_face(face: str) -> str:
    """The bold a word processor writes for a face it has no bold of (「MS-Mincho,Bold」): the same
    glyphs under the face's name with 「,Bold」, registered once."""
    name = f"{face},Bold"
    if name not in pdfmetrics.getRegisteredFontNames():
        info = copy.deepcopy(CIDFontInfo[face])
        info["BaseFont"] = f"/{face}-Bold"
        descendant = info["DescendantFonts"][0]
        descendant["BaseFont"] = f"/{face}-Bold"
        descendant["FontDescriptor"]["FontName"] = f"/{face}-Bold"
        descendant["FontDescriptor"]["FontWeight"] = 700
        CIDFontInfo[name] = info
        font = UnicodeCIDFont(face)  # the face's encoding and widths; written out under the bold's entry
        font.name = font.fontName = name
        font.face.name = name
        pdfmetrics.registerFont(font)
    return name


def make_bold_subtitles(path: Path) -> None:
    bold = bold_face(MINCHO)
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(6))
    # The cover: the title, the date, the council.
    flow.add(Heading(PAPER_TITLE, 20, font=bold, space_before=0, align="center"))
    flow.add(Heading("2024年4月1日", 14, font=bold, space_before=4, align="center"))
    flow.add(Heading("見本会議", 16, font=bold, space_before=1, align="center"))
    # The members.
    flow.new_page()
    flow.add(Para(PAPER_NOTE))
    flow.add(Heading(PAPER_MEMBERS_TITLE, BODY_SIZE, font=MINCHO, space_before=3, align="center"))
    for member in PAPER_MEMBERS:
        flow.add(Heading(member, BODY_SIZE, font=MINCHO, space_before=0.3))
    # The contents: each section, then its sub-titles, in the bold of the text's face at 10 pt.
    flow.new_page()
    flow.add(Heading(PAPER_TITLE, 14, font=bold, space_before=0, align="center"))
    flow.add(Heading("目次", 14, font=bold, space_before=0.5, align="center"))
    for number, subs in PAPER_SECTIONS:
        flow.add(Heading(number, BODY_SIZE, font=bold, space_before=1))
        for title, _ in subs:
            flow.add(Heading(title, 10, font=bold, space_before=0))
    # The text: the title again, then the sections.
    flow.new_page()
    flow.add(Heading(PAPER_TITLE, 14, font=bold, space_before=0, align="center"))
    for n, (number, subs) in enumerate(PAPER_SECTIONS):
        flow.add(Heading(number, 12, font=bold, space_before=2))
        for m, (title, text) in enumerate(subs):
            flow.add(Heading(title, PAPER_SUBTITLE_SIZE, font=bold, space_before=0.5))
            flow.add(Para(text))
            if (n, m) == (1, 0):
                flow.add(Heading(PAPER_LEAD_IN, BODY_SIZE, font=bold, space_before=0))
                flow.add(Para(text, indent=False))
                flow.add(Heading(PAPER_BOLD_SENTENCE, BODY_SIZE, font=bold, space_before=0))
                flow.add(Para(text))
    canvas.save()


# A design manual's page: the body set to a measure narrower than the page, a rule, and past it a
# narrow margin column of source notes in smaller type, each note's lines set on the body's
# baselines beside the paragraph it cites.
SIDE_HEADING = "1．設計の基本"
SIDE_PARAGRAPHS = [
    "歩道橋の設計にあたっては、利用者の安全を第一に考え、通行の妨げとなる段差や急な勾配を設けない"
    "構造とするものとする。また、周辺の景観との調和に配慮し、色彩や形状を定めるものとする。",
    "橋の幅員は、歩行者の交通量と自転車の通行の有無を勘案して定める。車いすの利用者がすれ違える幅を"
    "確保することが望ましい。",
    "階段と斜路の配置は、利用者の動線を踏まえて決める。斜路の勾配は、できるだけ緩やかにする。",
]
SIDE_NOTES = [(0, ["出典：[1.]", "歩道橋設計指針", "解説 (R3.4)P12", "一部加筆"]),
              (2, ["出典：[2.]", "同指針 解説 P20", "一部加筆"])]
SIDE_BODY_X1 = MARGIN_X + 34 * BODY_SIZE
SIDE_X0 = SIDE_BODY_X1 + 1.5 * BODY_SIZE
SIDE_SIZE = 8.0


def make_side_notes(path: Path) -> None:
    canvas = new_canvas(path)
    frame = Frame(0, MARGIN_X, SIDE_BODY_X1, MARGIN, PAGE_HEIGHT - MARGIN)
    flow = Flow(canvas, [frame])
    flow.add(Heading(SIDE_HEADING, BODY_SIZE, font=GOTHIC, space_before=0))
    tops: list[float] = []
    for text in SIDE_PARAGRAPHS:
        tops.append(flow.y)
        flow.add(Para(text))
    pitch = BODY_SIZE * LEADING
    for paragraph, lines in SIDE_NOTES:
        for index, line in enumerate(lines):
            # On the body's baseline: the smaller type's em box starts lower by the difference.
            top = tops[paragraph] + index * pitch + (BODY_SIZE - SIDE_SIZE) * 0.88
            draw_line(canvas, _atoms(line), SIDE_X0, top, MINCHO, SIDE_SIZE)
    rule_x = (SIDE_BODY_X1 + SIDE_X0) / 2
    canvas.setLineWidth(0.5)
    canvas.line(rule_x, PAGE_HEIGHT - MARGIN, rule_x, PAGE_HEIGHT - flow.y)
    canvas.save()


# A correction pasted over the old words: a white box over them, the new words painted on the box at
# the same place.  The old words stay in the text layer under the box.
PASTED_HEADING = "1．施行期日"
PASTED_OLD = "この要領は、令和5年4月1日から施行する。"
PASTED_NEW = "この要領は、令和6年10月1日から施行する。"
PASTED_AFTER = "施行の日までに必要な準備を進めるものとする。"


def make_pasted_correction(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(PASTED_HEADING, BODY_SIZE, font=GOTHIC, space_before=0))
    top = flow.y
    flow.add(Para(PASTED_OLD, indent=False))
    canvas.setFillColorRGB(1, 1, 1)
    width = _width((PASTED_NEW, False), MINCHO, BODY_SIZE) + BODY_SIZE
    canvas.rect(MARGIN_X, PAGE_HEIGHT - top - BODY_SIZE * 1.2, width, BODY_SIZE * 1.4, fill=1, stroke=0)
    canvas.setFillColorRGB(0, 0, 0)
    draw_line(canvas, _atoms(PASTED_NEW), MARGIN_X, top, MINCHO, BODY_SIZE)
    flow.add(Para(PASTED_AFTER))
    canvas.save()


# A white paper's section whose two ranks of numbered headings read alike, 「1 …」 over 「1 …」: the page
# tells them apart by artwork (the outer number ringed, the inner one in a filled disc, left out here:
# the text keeps the digits only) and by type, the outer ones at 16 pt, the inner ones at 13 pt, both
# in the headings' face; the inner numbering starts again at 1 under each outer heading.
TWO_SIZES_SECTION = "第1節　見本の取組の課題と対策"
TWO_SIZES_OUTER = 16.0
TWO_SIZES_INNER = 13.0
TWO_SIZES_TITLES = [
    (TWO_SIZES_OUTER, "1　見本の取組が抱える課題"),
    (TWO_SIZES_INNER, "1　担い手の不足"),
    (TWO_SIZES_INNER, "2　費用の手当て"),
    (TWO_SIZES_OUTER, "2　見本の取組への対策"),
    (TWO_SIZES_INNER, "1　国と県の支援"),
    (TWO_SIZES_INNER, "2　町村の共同の取組"),
]


def make_two_size_numbers(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(2))
    flow.add(Heading(TWO_SIZES_SECTION, 18.0, font=GOTHIC))
    flow.add(Para(ART_PARAGRAPHS[0]))
    for k, (size, title) in enumerate(TWO_SIZES_TITLES):
        flow.add(Heading(title, size, font=GOTHIC, space_before=0.8))
        flow.add(Para(ART_PARAGRAPHS[k % len(ART_PARAGRAPHS)]))
    canvas.save()


# A white paper's section numbered down four ranks, 第1節 / 1 / ア / （ア）: 「ア …」 and 「（ア）…」 both set at the
# body's size in the headings' face (the body in mincho), 「（ア）…」 straight under its ア with no space between;
# the （ア） numbering starts again under each ア.
KANA_LADDER_SECTION = "第1節　見本の取組の現状"
KANA_LADDER_TITLES: list[tuple[str, str]] = [
    ("1", "1　見本の取組が抱える課題"),
    ("ア", "ア　担い手に関する課題"),
    ("（ア）", "（ア）人手の不足"),
    ("（イ）", "（イ）技能の継承"),
    ("ア", "イ　費用に関する課題"),
    ("（ア）", "（ア）国の支援"),
    ("（イ）", "（イ）町村の負担"),
]


def make_kana_ladder(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(2))
    flow.add(Heading(KANA_LADDER_SECTION, 18.0, font=GOTHIC))
    flow.add(Para(ART_PARAGRAPHS[0]))
    for k, (rank, title) in enumerate(KANA_LADDER_TITLES):
        size = 14.0 if rank == "1" else BODY_SIZE
        under_its_parent = rank == "（ア）" and KANA_LADDER_TITLES[k - 1][0] == "ア"
        flow.add(Heading(title, size, font=GOTHIC, space_before=0.0 if under_its_parent else 0.8))
        if rank != "ア":
            flow.add(Para(ART_PARAGRAPHS[k % len(ART_PARAGRAPHS)]))
    canvas.save()


# A white paper's heading that cites two notes: their marks 「＊1」「＊2」 raised one after the other at its
# title's end, the notes at the page's foot.
TITLE_NOTES_SECTION = "第1節　見本の取組の現状"
TITLE_NOTES_TITLE = "1　見本の計画「サンプル計画」"
TITLE_NOTES = [("＊1", "見本省「サンプル計画の概要」（2024年）"), ("＊2", "見本省「サンプル計画の工程表」（2024年）")]


def make_title_notes(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(TITLE_NOTES_SECTION, 18.0, font=GOTHIC))
    flow.add(Para(ART_PARAGRAPHS[0]))
    flow.y += 14.0 * 0.8
    marks = [(label, True) for label, _ in TITLE_NOTES]
    draw_line(canvas, [*_atoms(TITLE_NOTES_TITLE), *marks], MARGIN_X, flow.y, GOTHIC, 14.0)
    flow.y += 14.0 * LEADING
    flow.add(Para(ART_PARAGRAPHS[1]))
    flow.add(Para(ART_PARAGRAPHS[2]))
    top = PAGE_HEIGHT - MARGIN - 3 * NOTE_SIZE * LEADING
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, PAGE_HEIGHT - top + 6, MARGIN_X + 144, PAGE_HEIGHT - top + 6)
    for label, text in TITLE_NOTES:
        draw_line(canvas, [(label, False), (" ", False), *_atoms(text)], MARGIN_X, top, MINCHO, NOTE_SIZE)
        top += NOTE_SIZE * LEADING
    canvas.save()


# A council's draft printed with the word processor's line numbering (行番号): a column of small
# numbers in the left margin, right-aligned, each on the baseline of the line it counts, blank lines
# counted too, starting again at 1 on each page; the page number centred at the foot.
DRAFT_TITLE = "見本制度の在り方に関する考え方（案）"
DRAFT_PARTS: list[tuple[str, str]] = [
    ("heading", "１．基本的な考え方"),
    ("para", "見本制度は、地域の住民が身近な手続を迷わず行えるようにするため、市町村の窓口と国の"
             "情報システムをつなぐ仕組みとして設けられたものである。導入から十年が経ち、利用の広がりに"
             "応じて、窓口の負担や費用の分担についての課題が指摘されるようになった。"),
    ("para", "本稿では、これまでの議論で示された論点を整理し、今後の検討に向けた考え方を示す。"
             "結論を示すものではなく、関係者の意見を聞きながら、引き続き議論を深めていくことを前提とする。"),
    ("heading", "（１）対象とする範囲"),
    ("para", "対象とする手続は、住民が市町村の窓口で行う届出と申請のうち、国の情報システムと情報を"
             "やり取りするものとする。窓口以外で行う手続についても、同じ考え方で扱うことが望ましい。"),
    ("heading", "（２）関係者の役割"),
    ("para", "国は、仕組みの全体を設計し、市町村が共通に使う機能を用意する。市町村は、住民に最も近い"
             "立場から手続の案内を担い、窓口で受けた声を国に伝える。事業者は、国と市町村の求めに応じて"
             "機能の改修を行い、その記録を残すこととする。"),
    ("heading", "２．今後の進め方"),
    ("para", "今後は、市町村の意見を聞く場を年に二回設け、課題の解決に向けた工程を示す。工程は毎年度の"
             "評価を踏まえて見直すこととし、その結果を公表する。"),
]
DRAFT_HEADINGS = [text for kind, text in DRAFT_PARTS if kind == "heading"]
DRAFT_PARAGRAPHS = [text for kind, text in DRAFT_PARTS if kind == "para"]
LINE_NUMBER_SIZE = 9.0
LINE_NUMBER_RIGHT = MARGIN_X - 1.8 * BODY_SIZE  # the numbers' right edge: a quarter inch from the text
DRAFT_LINES_PER_PAGE = 16  # short pages: the draft runs over two


def make_line_numbers(path: Path) -> None:
    canvas = new_canvas(path)
    step = BODY_SIZE * LEADING
    page, count, top = 1, 0, MARGIN

    def line(text: str, x: float, font: str, space: float = 0.0) -> None:
        nonlocal page, count, top
        if count == DRAFT_LINES_PER_PAGE:
            canvas.setFont(MINCHO, LINE_NUMBER_SIZE)
            canvas.drawCentredString(PAGE_WIDTH / 2, MARGIN / 2, str(page))
            canvas.showPage()
            page, count, top = page + 1, 0, MARGIN
        count += 1
        if text:
            draw_line(canvas, _atoms(text), x, top, font, BODY_SIZE, space)
        # The number on the line's baseline, in its smaller size, right-aligned in the margin.
        canvas.setFont(MINCHO, LINE_NUMBER_SIZE)
        canvas.drawRightString(LINE_NUMBER_RIGHT, PAGE_HEIGHT - top - BODY_SIZE * 0.88, str(count))
        top += step

    title = _atoms(DRAFT_TITLE)
    line(DRAFT_TITLE, MARGIN_X + (TEXT_WIDTH - sum(_width(a, GOTHIC, BODY_SIZE) for a in title)) / 2, GOTHIC)
    line("", MARGIN_X, MINCHO)
    for kind, text in DRAFT_PARTS:
        if kind == "heading":
            line("", MARGIN_X, MINCHO)
            line(text, MARGIN_X, GOTHIC)
            continue
        lines = wrap(text, MINCHO, BODY_SIZE, TEXT_WIDTH, BODY_SIZE)
        for n, atoms in enumerate(lines):
            start = BODY_SIZE if n == 0 else 0.0
            space = justified(atoms, MINCHO, BODY_SIZE, TEXT_WIDTH - start) if n < len(lines) - 1 else 0.0
            line(line_text(atoms), MARGIN_X + start, MINCHO, space)
    canvas.setFont(MINCHO, LINE_NUMBER_SIZE)
    canvas.drawCentredString(PAGE_WIDTH / 2, MARGIN / 2, str(page))
    canvas.save()


# A list of members as a word processor sets it without rules: a column of row numbers flush with the
# text's left edge, each member's name three characters in; the list goes on alone over the next page.
ROW_LEAD = "本会議の構成員は、次のとおりとする。"
ROW_NAMES = ["みどり市地域交通協議会", "あおば町商工会議所連合会", "ひかり村住民自治協議会", "さくら市社会福祉協議会",
             "みなと市観光まちづくり協会", "わかば町農業協同組合連合", "つばさ市子育て支援センター",
             "やまびこ村森林組合事務局", "しらかわ市消防団連合本部", "あさひ町国際交流協会本部",
             "こだま市公共交通利用者会議", "はるかぜ町地域包括支援会議", "ゆうなぎ村漁業協同組合連合",
             "ときわ市図書館友の会本部", "いずみ町子ども食堂ネットワーク"]
ROWS_ON_FIRST_PAGE = 8


def make_row_numbers(path: Path) -> None:
    canvas = new_canvas(path)
    step = BODY_SIZE * LEADING
    draw_line(canvas, _atoms("１．構成員"), MARGIN_X, MARGIN, GOTHIC, BODY_SIZE)
    draw_line(canvas, _atoms(ROW_LEAD), MARGIN_X + BODY_SIZE, MARGIN + step, MINCHO, BODY_SIZE)
    top = MARGIN + 3 * step
    for n, name in enumerate(ROW_NAMES, 1):
        if n == ROWS_ON_FIRST_PAGE + 1:
            canvas.showPage()
            top = MARGIN
        canvas.setFont(MINCHO, BODY_SIZE)
        canvas.drawRightString(MARGIN_X + 1.2 * BODY_SIZE, PAGE_HEIGHT - top - BODY_SIZE * 0.88, str(n))
        draw_line(canvas, _atoms(name), MARGIN_X + 3 * BODY_SIZE, top, MINCHO, BODY_SIZE)
        top += step
    canvas.save()


# ---------------------------------------------------------------------------
# A document bound on the right (viewer preferences /Direction /R2L, as DTP software writes for a
# magazine bound on the right): PDFium reads its lines as right-to-left text and mirrors brackets
# ---------------------------------------------------------------------------

RIGHT_BOUND_SECTION = "町の財政のあらまし"
# Brackets at a line's end, round figures, around a whole line, inside a line: each as printed.
RIGHT_BOUND_LINES = [
    "(1) 歳出の内訳　(一般会計)",
    "前年度の割合は 41.2(39.8)",
    "【該当なし】",
    "「町民の声」を受けた見直し【第二次】",
    "(単位:千円)",
]


def make_right_bound(path: Path) -> None:
    canvas = new_canvas(path)
    canvas.setViewerPreference("Direction", "R2L")
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(RIGHT_BOUND_SECTION, 16.0, font=GOTHIC))
    for line in RIGHT_BOUND_LINES:
        flow.add(Para(line))
    flow.add(Para(ART_PARAGRAPHS[0]))
    canvas.save()


# ---------------------------------------------------------------------------
# A vertical side title in display type a space from a column of body text (a newsletter's page)
# ---------------------------------------------------------------------------

SIDE_TITLE = "暮らしと健康・福祉の話題をお届けします"
SIDE_TITLE_SIZE = 14.0
SIDE_BODY = ("毎日の食事と運動は、年齢を問わず体の調子を整える基本です。町では季節ごとに教室を開き、"
             "専門の職員が一人ひとりに合った方法をお伝えしています。気軽にご参加ください。") * 3


def make_side_title(path: Path) -> None:
    canvas = new_canvas(path)
    width = TEXT_WIDTH - 3 * SIDE_TITLE_SIZE
    per_line = int(width // BODY_SIZE)
    lines = [SIDE_BODY[i : i + per_line] for i in range(0, len(SIDE_BODY), per_line)]
    top = MARGIN + 40.0
    for n, line in enumerate(lines):
        draw_line(canvas, [(char, False) for char in line], MARGIN_X, top + n * LEADING * BODY_SIZE, MINCHO, BODY_SIZE)
    # The title: one character under the other (a pitch of its size), in the margin beside the
    # body's line ends, 0.8 of its size away.
    x = MARGIN_X + per_line * BODY_SIZE + 0.8 * SIDE_TITLE_SIZE
    canvas.setFont(MINCHO, SIDE_TITLE_SIZE)
    for k, char in enumerate(SIDE_TITLE):
        canvas.drawString(x, PAGE_HEIGHT - top - (k + 0.88) * SIDE_TITLE_SIZE, char)
    canvas.save()


# ---------------------------------------------------------------------------
# A procurement specification written in a word processor: a cover, a contents list with leaders
# whose sections are unnumbered (their numbers are pictures in the file), chapters numbered 「1.」 in
# 16 pt bold, sections in 12 pt bold, 「ア …」 items at the body's size, and under one of them its
# lowest rank: a bullet and a bold title alone on its line, its paragraph set in under the title's
# words in the body's type.  A section's title is left last on its page, its text on the next.
# ---------------------------------------------------------------------------

SPEC_COVER = ("見本業務の調達仕様書", "2025年4月 見本庁")
SPEC_CHAPTERS = [
    ("1. 見本業務の概要", ["業務の目的", "業務の進め方", "会議の開催"]),
    ("2. 見本業務の体制", ["体制と役割"]),
]
SPEC_ITEM = "ア 作業の管理"
SPEC_ITEM_LEAD = "次のとおり作業を管理すること。"
SPEC_BULLET_TITLES = [
    ("日程の管理", "作業は進み具合を把握できる単位まで細かく分け、一覧を用いて状況を数で示せる方法により"
                   "日程を管理すること。"),
    ("問題の管理", "解決すべき問題は、項目ごとに担当と期限を定めて管理し、適切に解決していくこと。"),
    ("成果の確認（検証の方法）", "各成果について、確認の水準と方法を事前に主管課と取り決めること。"),
]
# A title of the same level over points bulleted less than a character further in (Word's list levels
# may differ by that little): its points, not the title's paragraph, at a list indent of their own.
SPEC_LIST_TITLE = ("作業の一覧", ["事前の準備", "結果の整理"])
SPEC_LIST_STEP = 0.7  # characters
SPEC_PLAIN_BULLETS = ["作業の範囲", "作業の日程"]  # a plain list under the last title: items, no titles
SPEC_BULLET = "・"  # (a Wingdings arrow in the file this was seen in; the CID fonts here have none)
SPEC_FOOT_SECTION = "会議の開催"  # set last on page 2, its text on page 3
SPEC_PARAGRAPH = ("本業務の受託者は、主管課と協議の上、作業の内容及び日程を定め、これに従って作業を進めること。"
                  "作業の内容に変更が生じた場合は、速やかに主管課に報告し、その指示に従うこと。")


def _set_in(canvas, text: str, x: float, top: float, font: str = MINCHO) -> float:
    """A paragraph set in from ``x`` to the column's right edge; the top of the line below it."""
    for line in wrap(text, font, BODY_SIZE, MARGIN_X + TEXT_WIDTH - x):
        draw_line(canvas, line, x, top, font, BODY_SIZE)
        top += BODY_SIZE * LEADING
    return top


def make_spec_titles(path: Path) -> None:
    bold = bold_face(GOTHIC)
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(4))
    flow.add(Heading(SPEC_COVER[0], 24, font=bold, space_before=0, align="center"))
    flow.add(Heading(SPEC_COVER[1], 18, font=bold, space_before=2, align="center"))
    flow.new_page()
    flow.add(Heading("目次", 14, font=bold, space_before=0))
    pages = {SPEC_CHAPTERS[0][0]: 3, SPEC_FOOT_SECTION: 3, SPEC_CHAPTERS[1][0]: 4}
    for chapter, sections in SPEC_CHAPTERS:
        for entry in (chapter, *sections):
            page = str(pages.get(entry, pages.get(chapter, 3)))
            indent = 0.0 if entry == chapter else 2 * BODY_SIZE
            leader = "." * (60 - 2 * len(entry))
            draw_line(canvas, _atoms(f"{entry} {leader} {page}"), MARGIN_X + indent, flow.y, MINCHO, BODY_SIZE)
            flow.y += BODY_SIZE * LEADING
    flow.new_page()
    for chapter, sections in SPEC_CHAPTERS:
        flow.add(Heading(chapter, 16, font=bold, space_before=1.5))
        for section in sections:
            if section == SPEC_FOOT_SECTION:
                flow.y = flow.frames[flow.frame].bottom - 12 * LEADING  # room for the title alone
                flow.add(Heading(section, 12, font=bold, space_before=0, keep=0))
                flow.add(Para(SPEC_PARAGRAPH))
                continue
            flow.add(Heading(section, 12, font=bold, space_before=0.8))
            flow.add(Para(SPEC_PARAGRAPH))
            if section != "業務の進め方":
                continue
            flow.add(Heading(SPEC_ITEM, BODY_SIZE, font=MINCHO, space_before=0.5))
            flow.add(Para(SPEC_ITEM_LEAD))
            for title, text in SPEC_BULLET_TITLES:
                draw_line(canvas, _atoms(SPEC_BULLET), MARGIN_X + BODY_SIZE, flow.y, GOTHIC, BODY_SIZE)
                draw_line(canvas, _atoms(title), MARGIN_X + 3 * BODY_SIZE, flow.y, bold, BODY_SIZE)
                flow.y = _set_in(canvas, text, MARGIN_X + 3 * BODY_SIZE, flow.y + BODY_SIZE * LEADING)
            title, points = SPEC_LIST_TITLE
            draw_line(canvas, _atoms(SPEC_BULLET), MARGIN_X + BODY_SIZE, flow.y, GOTHIC, BODY_SIZE)
            draw_line(canvas, _atoms(title), MARGIN_X + 3 * BODY_SIZE, flow.y, bold, BODY_SIZE)
            flow.y += BODY_SIZE * LEADING
            for point in points:
                flow.y = _bulleted(canvas, f"{SPEC_BULLET} {point}", MARGIN_X + (1 + SPEC_LIST_STEP) * BODY_SIZE,
                                   flow.y, MINCHO)
            for item in SPEC_PLAIN_BULLETS:
                flow.y = _bulleted(canvas, f"{SPEC_BULLET} {item}", MARGIN_X + BODY_SIZE, flow.y, MINCHO)
    canvas.save()


# A discussion paper's first page: its title block, then 「要旨」 in the body's face and size over the
# abstract, the chapters after it.
ABSTRACT_TITLE = ("見本事業の進め方について", "2021年8月", "見本 太郎")
ABSTRACT_HEADING = "要旨"
ABSTRACT_CHAPTERS = ["1. 見本事業の背景", "2. 見本事業の現状"]


def make_paper_abstract(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(2))
    flow.add(Heading(ABSTRACT_TITLE[0], 20, font=GOTHIC, space_before=0, align="center"))
    for line in ABSTRACT_TITLE[1:]:
        flow.add(Heading(line, BODY_SIZE, font=GOTHIC, space_before=1, align="center"))
    flow.add(Heading(ABSTRACT_HEADING, BODY_SIZE, font=MINCHO, space_before=3))
    flow.add(Para(SPEC_PARAGRAPH))
    for chapter in ABSTRACT_CHAPTERS:
        flow.add(Heading(chapter, 12, font=GOTHIC, space_before=1.5))
        flow.add(Para(SPEC_PARAGRAPH))
    canvas.save()

# ---------------------------------------------------------------------------
# A town's newsletter: a cover in type larger than any title, a report whose title opens its page over a
# lead and its numbered titles 「1　…」 (notes in small print numbered 「1.」), an article set larger than
# the rest, a calendar and a figure set large
# ---------------------------------------------------------------------------

NEWS_BODY = 9.0
NEWS_MASTHEAD = "みどり町だより"
# The section's tab over the inside pages, alternating sides as the pages face each other.
NEWS_TAB = "まちのお知らせ"
NEWS_TAB_SIZE = 10.5
NEWS_ISSUE = "2024年6月号"
NEWS_COVER_LINE = "森とともに暮らす町"
NEWS_REPORT_TITLE = "町職員の給与の状況について"
NEWS_REPORT_LEAD = ("条例に基づき、町職員の給与と職員数の状況を公表します。町の職員の給与は、町議会の議決を経て条例で"
                    "定められています。詳しい内容は町の窓口でもご覧いただけます。")
# Numbered titles (a number, an ideographic space, a title) over their (1) parts.
NEWS_REPORT = [
    ("1　総括", [("(1) 人件費の状況", "令和5年度の人件費は前年度よりわずかに増えました。主な理由は、"
                                      "職員の給与改定と新たな職員の採用によるものです。"),
                 ("(2) 給与改定の状況", "国の人事院勧告に準じて給料表を改定しました。改定の率は国と同じです。")]),
    ("2　職員数の状況", [("(1) 部門別の職員数", "一般行政部門の職員数は前年度と同じでした。教育部門では一名減り"
                                             "ました。"),
                         ("(2) 年齢別の職員構成", "三十代の職員が最も多く、全体の三割を占めています。")]),
]
# Notes under the first part, in small print, numbered as the titles' own numbering is written in a
# stronger form (「1.」): a note's number, never a sign that 「1　総括」 was a list's step.
NEWS_NOTES = ["1. 人件費は給与と手当と共済費の合計", "2. 職員数は四月一日現在の数"]
NEWS_ARTICLE_TITLE = "緑の森ボランティア活動報告"
# An article set a size larger than the rest of the newsletter: its lines wrap at the frame's edge
# and hold no 。 of their own, each alone reads like a title.
NEWS_ARTICLE_SIZE = 11.5
NEWS_ARTICLE = [
    "今年は去年より少し早く五月から、森の学習館で町民のボランティアの皆さんが館内の清掃や展示の手入れ、"
    "庭の草取りや花壇の植え替えなど、さまざまな活動をしてくださっていて、たいへん心強く感じています。",
    "高校生の皆さんも十人が参加しており、去年から続けて参加している三年生は慣れた手つきで窓を磨き、"
    "今年初めて参加した一年生は説明をしっかり聞きながら、喫茶コーナーの案内板づくりに取り組んでいます。",
]
# The calendar's rows and a figure, set large as display type, none a title.
NEWS_CALENDAR = [("06/20（木）　町議会定例会", "（役場二階議場　十時から）"),
                 ("‐06/21（金）", "（同じ会場）"),
                 ("07/07（日）　町民運動会", "（小学校グラウンド　九時から）")]
NEWS_FIGURE = "世帯数 1,234 戸"
NEWS_FILLER = ("町内の各地区では、春の清掃活動が行われました。多くの町民の皆さんにご参加いただき、道路や公園の"
               "ごみを拾い集めました。ご協力ありがとうございました。")


def _news_tab(canvas, page: int) -> None:
    """The section's tab in the head band at each inside page's outer edge: right on a right-hand page
    (the cover is page 1), left on a left-hand one."""
    if page == 0:
        return
    canvas.setFont(GOTHIC, NEWS_TAB_SIZE)
    width = pdfmetrics.stringWidth(NEWS_TAB, GOTHIC, NEWS_TAB_SIZE)
    x = MARGIN_X if page % 2 else PAGE_WIDTH - MARGIN_X - width
    canvas.drawString(x, PAGE_HEIGHT - 36.0, NEWS_TAB)


# A notice's title set after the report's last part, on the same page: larger than the report's numbered
# titles (set in the body's size), smaller than the report's own title.
NEWS_NOTICE_TITLE = "図書室の開館時間が変わります"
NEWS_NOTICE_SIZE = 13.5
NEWS_NOTICE = "七月から、図書室は平日の夜七時まで開いています。土曜日と日曜日は、これまでどおり夕方五時までです。"


def make_newsletter_notice(path: Path) -> None:
    make_newsletter(path, notice=True)


def make_newsletter(path: Path, notice: bool = False) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(4), on_page=_news_tab)
    # The cover: the masthead and the issue in type larger than any title inside.
    flow.add(Heading(NEWS_MASTHEAD, 36, font=GOTHIC, space_before=0))
    flow.add(Heading(NEWS_ISSUE, 28, font=GOTHIC, space_before=0.5))
    flow.add(Heading(NEWS_COVER_LINE, 24, font=MINCHO, space_before=0.5))
    flow.new_page()
    # The report: its title opens the page over a lead, then its numbered titles.
    flow.add(Heading(NEWS_REPORT_TITLE, 20, font=MINCHO, space_before=0))
    flow.add(Para(NEWS_REPORT_LEAD, size=NEWS_BODY))
    for n, (title, parts) in enumerate(NEWS_REPORT):
        flow.add(Heading(title, NEWS_BODY, font=GOTHIC, space_before=1.5))
        for part, text in parts:
            flow.add(Heading(part, NEWS_BODY, font=MINCHO, space_before=0.5))
            flow.add(Para(text, size=NEWS_BODY))
        if n == 0:
            for note in NEWS_NOTES:
                flow.add(Heading(note, 7.0, font=MINCHO, space_before=0.2))
    for _ in range(4):
        flow.add(Para(NEWS_FILLER, size=NEWS_BODY))
    if notice:
        flow.add(Heading(NEWS_NOTICE_TITLE, NEWS_NOTICE_SIZE, font=GOTHIC, space_before=1.5))
        flow.add(Para(NEWS_NOTICE, size=NEWS_BODY))
    flow.new_page()
    flow.add(Heading(NEWS_ARTICLE_TITLE, 20, font=MINCHO, space_before=0))
    for text in NEWS_ARTICLE:
        flow.add(Para(text, size=NEWS_ARTICLE_SIZE))
    for _ in range(6):
        flow.add(Para(NEWS_FILLER, size=NEWS_BODY))
    flow.new_page()
    flow.add(Heading("行事予定", 20, font=MINCHO, space_before=0))
    for row, place in NEWS_CALENDAR:
        flow.add(Heading(row, 15, font=GOTHIC, space_before=0.5))
        flow.add(Heading(place, NEWS_BODY, font=MINCHO, space_before=0.2))
    flow.add(Heading(NEWS_FIGURE, 15, font=GOTHIC, space_before=1))
    flow.add(Heading("（五月末現在）", NEWS_BODY, font=MINCHO, space_before=0.2))
    for _ in range(3):
        flow.add(Para(NEWS_FILLER, size=NEWS_BODY))
    canvas.save()


# ---------------------------------------------------------------------------
# A deck exported from PowerPoint: landscape slides dense with text (more than a report's half page
# each), bookmarked 「スライド n」, each title in the band at the top (larger than the body) with the
# slide's number in the corner; the first numbers its parts under its title, the last two carry the
# same title (a topic continued over two slides)
# ---------------------------------------------------------------------------

DECK_TITLES = ["制度の概要", "手続の流れ", "計画の作り方", "計画の作り方"]
# On the first slide under its title: a title set off by a bullet, set larger than the text (a
# PowerPoint bullet comes through as 「・」), over a sentence and the slide's numbered parts (16 pt).
DECK_MARKED = "・支援の仕組み"
DECK_PARTS = ["1．対象となる団体", "2．支援の内容"]
DECK_SENTENCE = ("地域の団体が共同で取り組む事業について、その計画と実施の体制を確かめたうえで、"
                 "必要な費用の一部を支援します。")
DECK_SIZE = (842.0, 595.0)


def make_powerpoint_deck(path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=DECK_SIZE, invariant=1)
    width, height = DECK_SIZE
    for number, title in enumerate(DECK_TITLES, 1):
        canvas.bookmarkPage(f"s{number}")
        canvas.addOutlineEntry(f"スライド {number}", f"s{number}", level=0)
        canvas.setFont(GOTHIC, 20)
        canvas.drawCentredString(width / 2, height - 30, title)
        canvas.setFont(GOTHIC, 16)
        canvas.drawString(width - 30, height - 30, str(number))
        top = height - 80
        if number == 1:
            canvas.setFont(GOTHIC, 18)
            canvas.drawString(30, top, DECK_MARKED)
            canvas.setFont(MINCHO, 14)
            canvas.drawString(50, top - 30, DECK_SENTENCE)
            top -= 60
        parts = DECK_PARTS if number == 1 else [""]
        for part in parts:
            if part:
                canvas.setFont(GOTHIC, 16)
                canvas.drawString(40, top, part)
                top -= 30
            canvas.setFont(MINCHO, 14)
            for _ in range(11 // len(parts)):
                canvas.drawString(50, top, DECK_SENTENCE)
                top -= 20
        canvas.showPage()
    canvas.save()


# ---------------------------------------------------------------------------
# A deck of sparse slides, each title in the band at the top; one slide lays out a flow as numbered
# steps in large type with arrows between them, the first step's note in brackets under it (a
# sentence's 。 inside the brackets): no lead text.  Under unnumbered titles the steps are titles
# inside the slide; under titles numbered 「1-2.」 (the deck's outline) they are the slide's steps.
# ---------------------------------------------------------------------------

STEP_SLIDES = ["1-1. 制度のあらまし", "1-2. 手続の流れ", "1-3. 問い合わせ先"]
STEP_TITLES = ["1. 計画を作成する", "2. 窓口に提出する", "3. 確認を受ける"]
STEP_NOTE = "(様式は窓口で配布しています。)"
STEP_TEXT = "申請の前に、取組の計画を作成し、所管の窓口で確認を受けてください。"


def make_deck_steps(path: Path, numbered: bool = True) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=DECK_SIZE, invariant=1)
    height = DECK_SIZE[1]
    for title in STEP_SLIDES:
        canvas.setFont(GOTHIC, 28)
        canvas.drawString(30, height - 40, title if numbered else title.split(" ", 1)[1])
        top = height - 110
        if title == STEP_SLIDES[1]:
            for step in STEP_TITLES:
                canvas.setFont(GOTHIC, 26)
                canvas.drawString(30, top, step)
                top -= 36
                if step == STEP_TITLES[0]:
                    canvas.drawString(60, top, STEP_NOTE)
                    top -= 36
                if step != STEP_TITLES[-1]:
                    canvas.drawString(60, top, "↓")
                    top -= 36
            canvas.setFont(MINCHO, 12)
            canvas.drawString(420, top - 20, STEP_TEXT)
        else:
            canvas.setFont(MINCHO, 16)
            for n in range(3):
                canvas.drawString(40, top - n * 26, STEP_TEXT)
        canvas.showPage()
    canvas.save()


# ---------------------------------------------------------------------------
# A build manual's deck: chapter divider slides (「2.」 set large alone), slides titled in a bar at the
# top with the chapter and section number (「3-1.」 in a Latin face, the title after it in a Japanese
# one, once run on with no space, two-digit once), a small stamp in the top corner of every slide.
# Each slide numbers its steps 「1.」「2.」 under its title — set large between arrows on a flow slide,
# at the bullets' size over screenshots and on the next slide, which has no title of its own — and
# a chapter of one slide titles it with the divider's own number again.
# ---------------------------------------------------------------------------

MANUAL_COVER = "窓口手続 作業手引書"
# (kind, number, title, body): a divider at 66 pt mid-slide, a title at 30 pt in the bar, a slide that
# goes on from the one before (no title); body lines at 16 pt — 「step:」 a numbered step at 20 pt,
# 「big:」 a step set at the title's size.
MANUAL_SLIDES: list[tuple[str, str, str, list[str]]] = [
    ("divider", "1.", "手引の概要", []),
    ("title", "1-1.", "この手引について", ["・ 窓口での受付から交付までの作業を、順を追ってまとめた。",
                                          "・ 作業は担当者二名で行い、一日の終わりに台帳を照合する。",
                                          "・ 手引の内容は、作業の見直しに合わせて毎年改める。"]),
    ("divider", "2.", "用意するもの", []),
    ("title", "2.", "必要な機材・作業時間", ["必要な機材は二台のみ。作業時間は半日程度。",
                                            "step:1. 受付用の端末 × 1 台", "・ 画面の大きいものがよい。",
                                            "・ 台帳の係と同じ版の様式を入れておく。",
                                            "step:2. 交付用の印刷機 × 1 台", "・ 用紙は事前に補充しておく。",
                                            "・ 印刷の濃さは試し刷りで確かめる。"]),
    ("divider", "3.", "作業の手順", []),
    ("title", "3-1.", "作業の流れ", ["big:1. 書類の受付と確認", "big:↓",
                                  "big:2. 台帳への記録と受付票の保管・係長への回付", "big:↓", "big:3. 証書の交付"]),
    ("title", "3-2.", "書類の受付", ["step:1. 受付票に番号を記入する", "・ 番号は受付の順に振り、欠番を作らない。",
                                  "step:2. 書類の不足がないか確かめる", "・ 様式の版が古いときは、新しい版を渡す。"]),
    ("cont", "", "", ["step:3. 不足があれば申請者に伝える", "・ 不足の書類は、後日の郵送でも受け付ける。",
                      "step:4. 受付票を台帳の係に回す", "・ 回した時刻を受付票の余白に書いておく。"]),
    ("title", "3-9.", "台帳への記録", ["・ 受付票の番号順に記録し、記録の後、受付票を保管する。",
                                    "・ 記録に誤りがあれば、二重線で消して訂正印を押す。"]),
    ("title", "3-10.", "証書の交付", ["step:1. 証書を印刷する", "・ 印刷の前に、氏名と番号を読み合わせる。",
                                   "step:2. 申請者に手渡す", "・ 本人の確認書類を必ず見せてもらう。"]),
    ("title", "3-11.", "作業の後片付け", ["・ 端末の電源を切り、印刷機の用紙を抜いておく。",
                                       "・ 台帳を施錠した棚に戻し、鍵を係長に返す。"]),
]
MANUAL_STAMP = "企画部"
# Under each titled slide's own text, its note (the deck's running text: most of its characters).
MANUAL_NOTE = ["作業の途中で手順に迷ったときは、この手引の該当する項を開き、係長に確かめてから進める。",
               "手引にない事例に出会ったときは、その内容を記録簿に書き留め、月末の打合せで報告する。"]


def _manual_title(canvas, number: str, title: str, x: float, y: float, size: float, gap: bool) -> None:
    """A title bar's line: the number in a Latin face, the title in the Japanese face after it."""
    canvas.setFont("Helvetica", size)
    canvas.drawString(x, y, number)
    width = canvas.stringWidth(number, "Helvetica", size) + (size * 0.3 if gap else 0)
    canvas.setFont(GOTHIC, size)
    canvas.drawString(x + width, y, title)


def make_build_manual(path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=DECK_SIZE, invariant=1)
    width, height = DECK_SIZE
    canvas.setFont(GOTHIC, 36)
    canvas.drawCentredString(width / 2, height / 2, MANUAL_COVER)
    canvas.showPage()
    for page, (kind, number, title, body) in enumerate(MANUAL_SLIDES, 2):
        canvas.setFont(GOTHIC, 9)
        canvas.drawString(width - 60, height - 30, MANUAL_STAMP)
        if kind == "divider":
            _manual_title(canvas, number, title, 90, height / 2, 66, True)
        elif kind == "title":
            _manual_title(canvas, number, title, 30, height - 40, 30, number != "3-2.")
        top = height - 110
        for text in body:
            step, big = text.startswith("step:"), text.startswith("big:")
            text = text.split(":", 1)[1] if step or big else text
            size = 30 if big else 20 if step else 16
            canvas.setFont(GOTHIC, size)
            # (the flow's arrows set in under the steps' words, the steps close one under another)
            canvas.drawString(70 if text == "↓" else 30 if step or big else 50, top, text)
            top -= size * (1.2 if big else 1.8)
        if kind == "title":
            canvas.setFont(GOTHIC, 16)
            for row, text in enumerate(MANUAL_NOTE):
                canvas.drawString(50, 110 - row * 24, text)
        canvas.setFont(GOTHIC, 12)
        canvas.drawString(width - 40, 20, str(page))
        canvas.showPage()
    canvas.save()


# ---------------------------------------------------------------------------
# A pamphlet whose second page is set smaller than the first (a dense page of checks): each page's
# title at its top in large type, the second over 8.5 pt text that is the page's own, not its notes
# ---------------------------------------------------------------------------

PAMPHLET_TITLES = ["制度のあらまし", "申請に必要な書類"]
PAMPHLET_SENTENCES = [
    "この制度は、地域の団体が共同で行う取組について、その費用の一部を助成するものです。",
    "申請の前に、取組の計画を作成し、所管の窓口に提出して確認を受けてください。",
]
PAMPHLET_SMALL = "提出する書類に記入漏れがないか、記載事項が適切か、添付書類がそろっているかを確かめてください。"


def make_small_page(path: Path) -> None:
    canvas = new_canvas(path)
    for page, title in enumerate(PAMPHLET_TITLES):
        canvas.setFont(GOTHIC, 16)
        canvas.drawString(MARGIN_X, PAGE_HEIGHT - 60, title)
        size, lines = (10.5, 24) if page == 0 else (8.5, 8)
        canvas.setFont(MINCHO, size)
        for n in range(lines):
            text = PAMPHLET_SMALL if page else PAMPHLET_SENTENCES[n % 2]
            canvas.drawString(MARGIN_X, PAGE_HEIGHT - 100 - n * size * 1.8, text)
        canvas.showPage()
    canvas.save()


# ---------------------------------------------------------------------------
# A pamphlet made page by page: each page opens with its title in one place and style (16 pt Gothic);
# an inserted flyer's page opens with a headline set larger (22 pt), once; a page lists forms numbered
# in the heading face lower down
# ---------------------------------------------------------------------------

PAGE_TITLES = ["事業のご案内", "対象となる団体", "提出する書類", "お問い合わせ"]
FLYER_HEADLINE = "新しい支援を始めました！"
FLYER_SUBTITLE = "地域の取組を応援します"
PAGE_FORMS = ["1 交付申請書", "2 事業計画書"]
# Lead text set large: no title.  The last page's, broken by hand over two lines; the second page's
# marked lead, and its sentence going on from a line ending in 、 in the heading face.
PAGE_LEAD = ["窓口では、支援の内容や書類の書き方について", "ご相談を受け付けています。"]
PAGE_MARKED_LEAD = ["○ 団体の規約と名簿をそろえ、申請書に添えて", "提出してください。"]
PAGE_LEAD_ON = ["書類がそろったら、", "お近くの窓口にお持ちください"]
PAGE_SENTENCES = [
    "この事業は、地域の団体が共同で行う取組について、その費用の一部を支援するものです。",
    "申請の前に、取組の計画を作成し、所管の窓口に提出して確認を受けてください。",
    "支援の対象となる経費は、取組に直接必要な謝金、旅費、印刷費などに限ります。",
    "取組を終えたときは、その結果を報告書にまとめ、定められた期日までに提出します。",
    "提出された書類は、審査会で内容を確かめたうえで、支援の可否を決定します。",
]


def make_page_titles(path: Path) -> None:
    canvas = new_canvas(path)
    pages = [(PAGE_TITLES[0], []), (None, []), (PAGE_TITLES[1], []), (PAGE_TITLES[2], PAGE_FORMS),
             (PAGE_TITLES[3], [])]
    for page, (title, forms) in enumerate(pages):
        top = PAGE_HEIGHT - 60
        if title is None:
            canvas.setFont(GOTHIC, 22)
            canvas.drawString(MARGIN_X, top, FLYER_HEADLINE)
            canvas.setFont(GOTHIC, 14)
            canvas.drawString(MARGIN_X, top - 40, FLYER_SUBTITLE)
            top -= 40
        else:
            canvas.setFont(GOTHIC, 16)
            canvas.drawString(MARGIN_X, top, title)
        if title == PAGE_TITLES[-1]:
            canvas.setFont(MINCHO, 16)
            for n, lead in enumerate(PAGE_LEAD):
                canvas.drawString(MARGIN_X, top - 40 - n * 22, lead)
            top -= 2 * 22
        if title == PAGE_TITLES[1]:
            for n, lead in enumerate([*PAGE_MARKED_LEAD, *PAGE_LEAD_ON]):
                canvas.setFont(GOTHIC if lead == PAGE_LEAD_ON[1] else MINCHO, 16)
                canvas.drawString(MARGIN_X + (16 if lead == PAGE_MARKED_LEAD[1] else 0), top - 40 - n * 22, lead)
            top -= 4 * 22
        canvas.setFont(MINCHO, 10.5)
        for n in range(5):
            canvas.drawString(MARGIN_X, top - 40 - n * 19, PAGE_SENTENCES[(n + page) % 5])
        top -= 40 + 5 * 19
        for number, form in enumerate(forms):
            canvas.setFont(GOTHIC, 10.5)
            canvas.drawString(MARGIN_X, top - 20, form)
            canvas.setFont(MINCHO, 10.5)
            for n in range(2):
                canvas.drawString(MARGIN_X, top - 40 - n * 19, PAGE_SENTENCES[(n + number + 2) % 5])
            top -= 40 + 2 * 19
        canvas.showPage()
    canvas.save()



# A pamphlet's flow chart: questions in boxes (sentences: the drawing reads as a text frame), the two
# answers beside each other under them, arrows down to a row of outcome boxes whose labels are set
# larger than the body, one box's on one line, the others' on two; a page title over it, another after.
FLOW_NAME = "町の省エネ設備補助のご案内"
FLOW_TITLES = ["補助の対象を確かめましょう", "申請の方法"]
FLOW_INTRO = "次の問いに順に答えると、店の設備が補助の対象になるかどうかが分かります。"
FLOW_QUESTIONS = ["店舗で使う機械を新しく買い替える計画があり、その費用を自分で払う予定ですか。",
                  "その機械は、省エネルギーの基準を満たす型として登録されているものですか。"]
FLOW_ANSWERS = ["該当する", "該当しない"]
FLOW_OUTCOMES = [["補助の対象に", "なります"], ["別の支援制度の", "活用を考えましょう"], ["対象外です"]]
FLOW_AFTER = "申請書は、機械を買う前に町の窓口へ出してください。受け付けた順に審査します。"


def make_flow_chart(path: Path) -> None:
    canvas = new_canvas(path)
    step = BODY_SIZE * LEADING

    def box(x0: float, top: float, x1: float, bottom: float) -> None:
        canvas.rect(x0, PAGE_HEIGHT - bottom, x1 - x0, bottom - top)

    def arrow(x: float, top: float, bottom: float) -> None:
        canvas.line(x, PAGE_HEIGHT - top, x, PAGE_HEIGHT - bottom)

    left, right = MARGIN_X, MARGIN_X + TEXT_WIDTH
    draw_line(canvas, _atoms(FLOW_NAME), left, MARGIN, GOTHIC, 20.0)  # the cover, then the chart's page
    canvas.showPage()
    draw_line(canvas, _atoms(FLOW_TITLES[0]), left, MARGIN, GOTHIC, 16.0)
    draw_line(canvas, _atoms(FLOW_INTRO), left, MARGIN + 30, MINCHO, BODY_SIZE)
    top = MARGIN + 30 + 2 * step
    width = TEXT_WIDTH / 3 - 10
    columns = [left + n * (width + 15) for n in range(3)]
    for number, question in enumerate(FLOW_QUESTIONS):
        box(left, top, right, top + 36)
        draw_line(canvas, _atoms(question), left + 8, top + 12, MINCHO, BODY_SIZE if number else 9.5)
        # the first answer down the left column, the second down to the outcome on the right (then the middle)
        for answer, column in zip(FLOW_ANSWERS, (columns[0], columns[2 - number]), strict=True):
            arrow(column + width / 2, top + 36, top + 66)
            draw_line(canvas, _atoms(answer), column + width / 2 + 6, top + 44, GOTHIC, 9.0)
        top += 66
    for column, outcome in zip(columns, FLOW_OUTCOMES, strict=True):
        box(column, top, column + width, top + 40)
        for n, label in enumerate(outcome):
            height = 14.0 * len(outcome)
            draw_line(canvas, _atoms(label), column + 6, top + (40 - height) / 2 + n * 14.0, GOTHIC, 13.0)
    top += 40 + 2 * step
    draw_line(canvas, _atoms(FLOW_TITLES[1]), left, top, GOTHIC, 16.0)
    draw_line(canvas, _atoms(FLOW_AFTER), left, top + 30, MINCHO, BODY_SIZE)
    canvas.save()


# A pamphlet's pages showing a form's picture whole, a page's notes laid over it and the form's
# sheet named by a label tagged on the picture's corner in large type; the page's own title and
# instruction above the picture, the next page's title after.
SCREEN_NAME = "町の補助金申請の手引き"
SCREEN_TITLES = ["申請書の書き方", "提出先"]
SCREEN_INSTRUCTION = "申請書の各欄に、次の注意を読んで記入してください。"
SCREEN_LABEL = "第2票"
SCREEN_NOTES = ["店の名前は登記のとおり", "に書いてください"]
SCREEN_AFTER = "申請書は町役場の産業課へ郵送するか、窓口に持参してください。"


def make_form_screens(path: Path) -> None:
    canvas = new_canvas(path)
    draw_line(canvas, _atoms(SCREEN_NAME), MARGIN_X, MARGIN, GOTHIC, 20.0)
    canvas.showPage()
    draw_line(canvas, _atoms(SCREEN_TITLES[0]), MARGIN_X, 30, GOTHIC, 16.0)
    draw_line(canvas, _atoms(SCREEN_INSTRUCTION), MARGIN_X, 60, MINCHO, BODY_SIZE)
    top, left = 90.0, 30.0
    width, height = PAGE_WIDTH - 2 * left, PAGE_HEIGHT - top - 40
    canvas.drawImage(_picture(400, 520, bars=False), left, PAGE_HEIGHT - top - height, width, height)
    draw_line(canvas, _atoms(SCREEN_LABEL), left + 10, top + 10, GOTHIC, 16.0)
    for n, note in enumerate(SCREEN_NOTES):
        draw_line(canvas, _atoms(note), left + 300, top + 200 + n * 12, MINCHO, 10.0)
    canvas.showPage()
    draw_line(canvas, _atoms(SCREEN_TITLES[1]), MARGIN_X, 30, GOTHIC, 16.0)
    draw_line(canvas, _atoms(SCREEN_AFTER), MARGIN_X, 60, MINCHO, BODY_SIZE)
    canvas.save()


# A specification's XML sample and a manual's command, set in a typewriter face (Courier) among
# text whose Latin words are set in it too: the sample's lines are kept as printed (indents, a blank
# line, a comment's Japanese words in the text's face, a value in Japanese between two tags).
CODE_HEADING = "1．送信ファイルの見本"
CODE_FACE = "Courier"
CODE_SIZE = 9.0
CODE_PITCH = 12.0
# The prose above it: Latin words in the typewriter face, Japanese in the text's (a Word document's
# way), over two lines — a sentence, never code.
CODE_PROSE = [[("送信する", MINCHO), ("XML", CODE_FACE), ("ファイル（", MINCHO), ("sample_v1.xml", CODE_FACE),
               ("）の見本を次に示す。送信元の", MINCHO)],
              [("system_id", CODE_FACE), ("と", MINCHO), ("file_id", CODE_FACE),
               ("は各機関が定める値を記録する。", MINCHO)]]
# The sample: (indent in characters, runs); None is a blank line.
CODE_LINES: list[tuple[int, list[tuple[str, str]]] | None] = [
    (0, [('<?xml version="1.0" encoding="UTF-8"?>', CODE_FACE)]),
    (0, [('<Document xmlns="urn:example:sample">', CODE_FACE)]),
    (2, [("<!-- ", CODE_FACE), ("1.", MINCHO), ("送信元の情報", MINCHO), (" -->", CODE_FACE)]),
    (2, [('<sender id="12345"/>', CODE_FACE)]),
    (2, [("<!-- ", CODE_FACE), ("2.受診者の住所と連絡先の情報", MINCHO), (" -->", CODE_FACE)]),
    (2, [("<addr>", CODE_FACE)]),
    (4, [("東京都見本区見本町一丁目", MINCHO)]),
    (2, [("</addr>", CODE_FACE)]),
    None,
    (2, [('<telecom value="tel:0300000000"/>', CODE_FACE)]),
    (0, [("</Document>", CODE_FACE)]),
]
CODE_EXPECTED = "\n".join("" if line is None else " " * line[0] + "".join(text for text, _ in line[1])
                           for line in CODE_LINES)
CODE_AFTER = "以上の見本では、受診者の住所を一つだけ記録している。"
CODE_COMMAND_LEAD = "次のコマンドで送信する。"
CODE_COMMAND = "sudo send-sample --file sample_v1.xml"
CODE_FILES_LEAD = "設定は次のファイルに置く。"
CODE_FILES = ["conf/sample.xml", "conf/sender.xml"]


def _runs(canvas, runs: list[tuple[str, str]], x: float, top: float, size: float) -> None:
    """One printed line set in several faces, run after run."""
    for text, font in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, PAGE_HEIGHT - top - size * 0.88, text)
        x += pdfmetrics.stringWidth(text, font, size)


def make_code_sample(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(CODE_HEADING, 14, space_before=0))
    for runs in CODE_PROSE:
        _runs(canvas, runs, MARGIN_X, flow.y, BODY_SIZE)
        flow.y += BODY_SIZE * LEADING
    flow.y += BODY_SIZE
    box_top = flow.y
    flow.y += 6
    step = pdfmetrics.stringWidth(" ", CODE_FACE, CODE_SIZE)
    for line in CODE_LINES:
        if line is not None:
            _runs(canvas, line[1], MARGIN_X + 8 + line[0] * step, flow.y, CODE_SIZE)
        flow.y += CODE_PITCH
    canvas.rect(MARGIN_X, PAGE_HEIGHT - flow.y - 6, TEXT_WIDTH, flow.y + 6 - box_top)
    flow.y += BODY_SIZE * 2
    for text in (CODE_AFTER, CODE_COMMAND_LEAD):
        draw_line(canvas, _atoms(text), MARGIN_X, flow.y, MINCHO, BODY_SIZE)
        flow.y += BODY_SIZE * LEADING * 1.5
    _runs(canvas, [(CODE_COMMAND, CODE_FACE)], MARGIN_X + 8, flow.y, CODE_SIZE)
    flow.y += BODY_SIZE * LEADING * 1.5
    draw_line(canvas, _atoms(CODE_FILES_LEAD), MARGIN_X, flow.y, MINCHO, BODY_SIZE)
    for name in CODE_FILES:
        flow.y += BODY_SIZE * LEADING
        _runs(canvas, [("・", MINCHO), (name, CODE_FACE)], MARGIN_X + BODY_SIZE, flow.y, BODY_SIZE)
    canvas.save()


# A slide's box of small type (a settings file) beside its bullets in large type: the large lines'
# centres fall between two small lines, whose characters must not be read as one line.
BESIDE_SMALL = ["alpha.first_value=15", "beta.second_value=2", "gamma.third_value=90", "delta.fourth_value=1",
                "epsilon.fifth_value=7", "zeta.sixth_value=3"]
BESIDE_LARGE = ["設定ファイルを編集する。", "値は左の例による。", "変更後は再起動する。"]


def make_small_beside_large(path: Path) -> None:
    canvas = new_canvas(path)
    top = 120.0
    for n, text in enumerate(BESIDE_SMALL):
        _runs(canvas, [(text, CODE_FACE)], MARGIN_X, top + n * 9.6, 8.0)
    for n, text in enumerate(BESIDE_LARGE):
        draw_line(canvas, _atoms(text), MARGIN_X + 200, top + 5 + n * 19.2, GOTHIC, 18.0)
    canvas.save()


# ---------------------------------------------------------------------------
# A record layout: a page of tables, each under its one-line title at body size
# ---------------------------------------------------------------------------

RECORD_PARTS = [
    ("1．目的", "この仕様は、窓口で受け付けた申請の内容を記録する形式を定めるものである。記録する側と読み取る側が"
               "同じ理解を持てるよう、項目ごとの記録の仕方を示す。"),
    ("2．文字の扱い", "記録には定められた文字の範囲のみを用い、範囲の外の文字は決められた記号に置き換えて記録する。"),
]
RECORD_HEADING = "3．記録の形式及び項目ごとの記録要領"
RECORD_TITLES = ["申請者レコード", "届出先の名称レコード", "手数料及び納付方法レコード"]
RECORD_ROWS = [["項目", "型", "桁数", "記録内容"], ["区分", "数字", "1", "区分の番号を記録する。"],
               ["名称", "文字", "40", "名称を全角で記録する。"], ["予備", "文字", "8", "記録を省略する。"]]


def _record_table(canvas, frame: Frame, top: float) -> None:
    """A record's table ruled across the whole text column, as a word processor sets it."""
    widths = [90.0, 50.0, 50.0, frame.x1 - frame.x0 - 190.0]
    table = Table(RECORD_ROWS, colWidths=widths, rowHeights=20)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), GOTHIC), ("FONTSIZE", (0, 0), (-1, -1), 9),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    _, height = table.wrapOn(canvas, frame.x1 - frame.x0, PAGE_HEIGHT)
    table.drawOn(canvas, frame.x0, PAGE_HEIGHT - top - height)


def make_record_layout(path: Path) -> None:
    """Numbered headings over text on the first page; on the second a heading at body size over three
    record titles, each over its own table ruled to the column's right edge: the page's only lines of
    text are titles, none of them running to the column's edge."""
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(2))
    for heading, text in RECORD_PARTS:
        flow.add(Heading(heading, BODY_SIZE, space_before=1.0))
        flow.add(Para(text))
    flow.new_page()
    flow.add(Heading(RECORD_HEADING, BODY_SIZE, space_before=0))
    for title in RECORD_TITLES:
        flow.add(Heading(title, BODY_SIZE, space_before=1.0))
        flow.add(Picture(20 * len(RECORD_ROWS) + BODY_SIZE, _record_table))
    canvas.save()


# ---------------------------------------------------------------------------
# A Word report in a Mincho face with no bold of its own: Word paints its 「太字」 by stroking each
# glyph's outline as well as filling it (render mode 2), under the regular face's name and weight.
# Its parts are titled a point above the body (11 pt over 10.5), their points by bracket labels in
# the body's bold, and a point's items by ① titles in bold that run the measure (one wraps, its
# rest hung under its words).
# ---------------------------------------------------------------------------

STROKED_TITLE = "地域の移動手段に関する調査報告"
STROKED_INTRO = ("町内会の有志が、乗合の送迎について近隣の市に状況を伺い調査しましたので、その結果をお知らせします。"
                 "あわせて、見直しの方向についても提案いたします。")
STROKED_PART_SIZE = 11.0
# The rest of the ③ title, wrapped onto a second line and hung under its words.
STROKED_WRAPPED_REST = "確かめ、毎日手配する必要がある"
# The titles in the body's bold right under 「④ …」, its own.
STROKED_UNDER_A_POINT = ["運転手の確保", "車両の手配"]
# (part title, [(label or ① title, its text)]): the labels and ① titles in the body's size.
STROKED_PARTS = [
    ("乗合送迎のよい点", [
        ("［よい点 1］経費を今の半分ほどに抑えられる",
         "車両を持たずに済むため、固定の経費がかかりません。利用する人数に合わせて台数を変えることができます。"),
        ("［よい点 2］乗っている時間が短くなる",
         "近くの利用者だけをまとめて送るため、一人あたりの乗車の時間は十分から二十分ほどで済みます。"),
    ]),
    ("乗合送迎の課題と対応案", [
        ("［課題 1］係の負担が増える",
         "この課題については、次の①から③まで挙げられています。それぞれの対応案を示します。"),
        ("① 朝の到着の時刻がそろわないため、係の者が早めに出て利用者を迎え入れる必要がある",
         "到着の時刻を一定の幅の中で決めておけば、係の者が早く出る必要はなくなると考えます。"),
        ("② 帰りの行き先が日によって違うため、前の日までに一人ずつ確かめて配車を頼む必要がある",
         "一か月分の予定を書いた紙を事業者に渡しておけば、日々の確認は少なくて済むと思います。"),
        ("③ 帰りの便について、行き先が日ごとに違う（自宅、集会所、病院などのお迎えがある）状況を",
         ""),  # wraps: its rest below, hung under its words
        (STROKED_WRAPPED_REST,
         "この課題については、利用者と事業者を交えて話し合い、やり方を決めていくのがよいと思います。"),
        # A point's title with titles of its own right under it, in the body's bold, unnumbered.
        ("④ 残る課題", ""),
        ("運転手の確保", "早朝の便を受け持つ運転手が足りないため、事業者と相談して確保の方法を考えます。"),
        ("車両の手配", "車いすのまま乗れる車両は数が少ないため、前もって予約しておく必要があります。"),
    ]),
    ("試行運用のご提案", [
        ("", "まず一年の間、希望する地区に限って試行し、その結果をもとに本格的な運用を考えていただければと思います。"),
    ]),
]
# A title in the body's bold over a list of the attached papers, each item bulleted with Word's round
# bullet as many PDFs give it (「⚫」, U+26AB).
STROKED_ATTACHED = ("添付した資料", ["実施要領", "利用の申請書の様式", "年間の運行計画"])
STROKE_SHARE = 1 / 35  # Word's stroke: about a thirty-fifth of the type's size
# A paragraph whose first sentence is emphasised in bold and fills its line to the edge (42 characters
# of the measure), the regular text going on below it.
STROKED_EMPHASIS = ("利用の申込みに当たっては、事前に、窓口で利用者としての登録を済ませる必要があります。",
                    "また、登録の内容に変更があった場合は、速やかに届け出てください。")


def _stroked(canvas, text: str, x: float, top: float, size: float, font: str = MINCHO) -> None:
    """A line in the face's regular glyphs, each painted filled and stroked (render mode 2)."""
    canvas.saveState()  # (the render mode and the line width are the graphics state's: the text after is filled)
    canvas.setLineWidth(size * STROKE_SHARE)
    line = canvas.beginText(x, PAGE_HEIGHT - top - size * 0.88)
    line.setTextRenderMode(2)
    line.setFont(font, size)
    line.textOut(text)
    canvas.drawText(line)
    canvas.restoreState()


def _stroked_line(text: str, size: float, indent: float = 0.0, align: str = "left") -> Picture:
    def draw(canvas, frame: Frame, top: float) -> None:
        width = _width((text, False), MINCHO, size) if align == "center" else 0.0
        x = (frame.x0 + frame.x1 - width) / 2 if align == "center" else frame.x0 + indent
        _stroked(canvas, text, x, top + 0.2 * size, size)
    return Picture(size * LEADING, draw)


def make_stroked_bold(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(3))
    flow.add(_stroked_line(STROKED_TITLE, 12.0, align="center"))
    flow.add(Para(STROKED_INTRO))
    flow.add(Picture(BODY_SIZE * 0.6, lambda canvas, frame, top: None))
    flow.add(_stroked_line(STROKED_EMPHASIS[0], BODY_SIZE))
    flow.add(Para(STROKED_EMPHASIS[1], indent=False))
    for title, points in STROKED_PARTS:
        flow.add(Picture(BODY_SIZE * 0.6, lambda canvas, frame, top: None))  # a blank line over the part
        flow.add(_stroked_line(title, STROKED_PART_SIZE))
        for label, text in points:
            hung = label == STROKED_WRAPPED_REST
            if label:
                flow.add(_stroked_line(label, BODY_SIZE, indent=2 * BODY_SIZE if hung else 0.0))
            if text:
                flow.add(Para(text, indent=False))
    flow.add(_stroked_line(STROKED_ATTACHED[0], BODY_SIZE))
    for item in STROKED_ATTACHED[1]:
        flow.add(Para(f"⚫ {item}", indent=False))
    canvas.save()


# A statistical release's page: the part's title centred in large type, the first section's title
# at the margin under it, a paragraph across the page, and then a table set in two blocks side by
# side (a narrow left one, a wide right one) that makes the page read as two columns.  The centred
# title stands right of where the columns part.
RELEASE_PARTS = [("Ⅰ 人の動き", ["１ 概況", "２ 地区別の状況"]), ("Ⅱ 世帯の動き", ["１ 概況", "２ 地区別の状況"])]
RELEASE_TEXT = "本年中の世帯数は前年に比べて増加した。増加の幅は前年より縮小している。"
RELEASE_LEFT = [f"第{n}地区の世帯数の推移" for n in range(1, 13)]
RELEASE_RIGHT = [f"第{n}地区では前年より世帯数が{n * 7}世帯増加した" for n in range(1, 13)]


def make_release_columns(path: Path) -> None:
    canvas = new_canvas(path)
    for page, (part, sections) in enumerate(RELEASE_PARTS):
        if page:
            canvas.showPage()
        top = MARGIN
        width = _width((part, False), GOTHIC, 15.0)
        draw_line(canvas, _atoms(part), (PAGE_WIDTH - width) / 2, top, GOTHIC, 15.0)
        top += 15.0 * 1.4
        draw_line(canvas, _atoms(sections[0]), MARGIN_X, top, GOTHIC, 12.0)
        top += 12.0 * LEADING
        for line in wrap(RELEASE_TEXT, MINCHO, BODY_SIZE, TEXT_WIDTH):
            draw_line(canvas, line, MARGIN_X, top, MINCHO, BODY_SIZE)
            top += BODY_SIZE * LEADING
        top += BODY_SIZE
        for left, right in zip(RELEASE_LEFT, RELEASE_RIGHT, strict=True):
            draw_line(canvas, _atoms(left), MARGIN_X, top, MINCHO, BODY_SIZE)
            draw_line(canvas, _atoms(right), MARGIN_X + 15 * BODY_SIZE, top, MINCHO, BODY_SIZE)
            top += BODY_SIZE * LEADING
        top += BODY_SIZE
        draw_line(canvas, _atoms(sections[1]), MARGIN_X, top, GOTHIC, 12.0)
        top += 12.0 * LEADING
        for line in wrap(RELEASE_TEXT, MINCHO, BODY_SIZE, TEXT_WIDTH):
            draw_line(canvas, line, MARGIN_X, top, MINCHO, BODY_SIZE)
            top += BODY_SIZE * LEADING
    canvas.save()


# A slide's box of settings in small type at the left, its bullets in large type at the right, each
# bullet wrapped over two lines: two columns of two sizes, read column by column (the box whole,
# then each bullet whole), never line by line across both.
BOX_TITLE = "設定ファイルの推奨値について"
BOX_CODE = [*BESIDE_SMALL, "# second part", "eta.seventh_value=64", "theta.eighth_value=8",
            "iota.ninth_value=0", "kappa.tenth_value=12", "lambda.last_value=5"]
BOX_BULLETS = [("・設定ファイルを書き換えると、", "次の起動から新しい値が使われる。"),
               ("・値の意味は左の例のとおりで、", "行の先頭の＃は注記を示す。"),
               ("・元のファイルは変更の前に、", "別の名前で保存しておく。")]


def make_box_beside_bullets(path: Path) -> None:
    canvas = new_canvas(path)
    draw_line(canvas, _atoms(BOX_TITLE), MARGIN_X, MARGIN, GOTHIC, 20.0)
    top = MARGIN + 50
    for n, text in enumerate(BOX_CODE):
        _runs(canvas, [(text, CODE_FACE)], MARGIN_X, top + n * 9.6, 8.0)
    y = top + 4
    for first, second in BOX_BULLETS:
        draw_line(canvas, _atoms(first), MARGIN_X + 190, y, GOTHIC, 14.0)
        draw_line(canvas, _atoms(second), MARGIN_X + 190 + 14.0, y + 19.6, GOTHIC, 14.0)
        y += 2 * 19.6 + 12
    canvas.save()


SAMPLES = {"line-numbers": make_line_numbers, "record-layout": make_record_layout, "row-numbers": make_row_numbers,
           "side-notes": make_side_notes, "pasted-correction": make_pasted_correction,
           "matrix": make_matrix, "page-labels": make_page_labels, "chart": make_chart,
           "chart-caption-inside": lambda path: make_chart(path, caption_inside=True),
           "vertical": make_vertical, "handout": make_handout, "bars": make_bars, "pictures": make_pictures,
           "qr-notes": make_qr_notes, "chapter-tab": make_chapter_tab, "wrapped-table": make_wrapped_table,
           "inherited-media-box": make_inherited_media_box, "captions": make_captions,
           "caption-next-page": make_caption_next_page, "short-columns": make_short_columns,
           "marked-titles": make_marked_titles, "framed-chart": make_framed_chart,
           "note-under-table": make_note_under_table, "framed-table": make_framed_table,
           "short-columns-head": make_short_columns_under_a_head, "circled-titles": make_circled_titles,
           "underlined-titles": make_underlined_titles, "list-level-titles": make_list_level_titles,
           "short-chapter": make_short_chapter, "boxed-column": make_boxed_column,
           "survey-parts": make_survey_parts, "annex-qa": make_annex_qa,
           "long-numbered-title": make_long_numbered_title, "term-entries": make_term_entries,
           "wrapped-foreword": make_wrapped_foreword, "statute": make_statute,
           "rules": make_rules, "plan-diagram": make_plan_diagram,
           "yoko": make_yoko, "guide-contents": make_guide_contents, "judgment": make_judgment,
           "notice-tables": make_notice_tables, "part-cover": make_part_cover,
           "quoted-provisions": make_quoted_provisions,
           "handbook-forms": make_handbook_forms,
           "treaty-extract": make_treaty_extract, "law-excerpt": make_law_excerpt,
           "kanji-treaty-extract": lambda path: make_treaty_extract(path, KANJI_TREATY_TITLE, KANJI_TREATY_ARTICLES),
           "spreadsheet": make_spreadsheet, "dash-ladder": make_dash_ladder, "cut-sheet": make_cut_sheet,
           "struck-sheet": lambda path: make_cut_sheet(path, struck=True), "heading-art": make_heading_art,
           "bold-subtitles": make_bold_subtitles, "two-size-numbers": make_two_size_numbers,
           "kana-ladder": make_kana_ladder, "title-notes": make_title_notes,
           "right-bound": make_right_bound, "side-title": make_side_title,
           "spreadsheet-banded": lambda path: make_spreadsheet(path, banded=True), "spec-titles": make_spec_titles,
           "paper-abstract": make_paper_abstract, "excel-form": make_excel_form,
           "powerpoint-deck": make_powerpoint_deck,
           "small-page": make_small_page, "newsletter": make_newsletter,
           "newsletter-notice": make_newsletter_notice,
           "page-titles": make_page_titles, "deck-steps": make_deck_steps,
           "deck-steps-unnumbered": lambda path: make_deck_steps(path, numbered=False),
           "build-manual": make_build_manual, "flow-chart": make_flow_chart,
           "form-screens": make_form_screens, "code-sample": make_code_sample,
           "terms-of-use": make_terms_of_use, "small-beside-large": make_small_beside_large,
           "stroked-bold": make_stroked_bold, "release-columns": make_release_columns,
           "box-beside-bullets": make_box_beside_bullets}


def write_layout_samples(folder: Path) -> dict[str, Path]:
    """Every layout sample into ``folder`` as <name>.pdf; returns name → path."""
    return write_samples(folder, SAMPLES)

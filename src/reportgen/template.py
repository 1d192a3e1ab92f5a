"""`reportgen init`: a template workbook with an instructions sheet (Japanese and English)
and one example of every block type, ready to build. Writes an example image beside it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName

from reportgen.output import atomic_path

IMAGE = "example-image.png"
INSTRUCTIONS = [
    ("シート / Sheet", "説明", "Description"),
    ("meta", "A列にキー、B列に値。title・organisation・date は必須。theme.* で色や文字サイズを変更できます。",
     "Keys in column A, values in B. title, organisation and date are required; theme.* overrides the look."),
    ("content", "本文を上から順に1行1ブロックで記入。type 列でブロックの種類を指定します。",
     "The body, one block per row, in reading order; the type column names the block."),
    ("values", "文中やKPIで引用する数値。文中では {name} と書くと、セルの表示形式で表示されます。",
     "Named figures; write {name} in a sentence to print it in its cell's number format."),
    ("charts", "グラフ定義。1行1グラフ。type は bar / barh / stacked / line / pie / donut。",
     "One chart per row; type is bar, barh, stacked, line, pie or donut."),
    ("その他のシート", "データ表。1行目が見出し、2行目以降がデータ。表示形式もデータの一部です。",
     "Data tables: header in row 1, records below; number formats are part of the data."),
    ("mail", "reportgen mail で出力を送るときの差出人・宛先・件名・本文。to は1行1通。送信サーバーとパスワードはブックに書きません。",
     "Sender, recipients, subject and body for `reportgen mail`; each to row is one message. "
     "The server and password never go in the workbook."),
    ("書式 / Markup", "**太字**、[リンク](https://…)、[^*] 注記記号、{name:億万} で33億5,600万元のような表記。",
     "**bold**, [link](https://…), [^*] note marker, {name:億万} for 億/万 wording."),
    ("詳細 / More", "docs/workbook.md を参照してください。", "See docs/workbook.md."),
]
META = [
    ("key", "value"), ("title", "〇〇株式会社、新サービスの提供を開始"), ("subtitle", "サブタイトル"),
    ("organisation", "〇〇株式会社"), ("doc_type", "ファクトシート"), ("date", dt.date(2026, 1, 15)),
    ("short_title", "新サービス"), ("source_note", "出典：〇〇株式会社"), ("output_name", "factsheet"),
    ("rate.USD_JPY", 150), ("theme.primary", "#1F3A5F"), ("theme.accent", "#E8590C"),
]
CONTENT = [
    ("type", "text", "ref", "caption", "options"),
    ("lead", "リード文。売上高は {sales} に達しました（円換算 {sales_jpy}）。"),
    ("kpi", "売上高", "sales"), ("kpi", "利用者数", "users"), ("kpi", "成長率", "growth"),
    ("chapter", "はじめに", None, "章のサブタイトル"),
    ("section", "事業の概要"),
    ("unit", "事業部名"),
    ("headline", "事業部の主な成果を一文で"),
    ("paragraph", "本文の段落です。**太字**や[リンク](https://example.com)、注記記号[^*]が使えます。"),
    ("highlight", "ハイライト1"), ("highlight", "ハイライト2"),
    ("bullet", "箇条書き1"), ("bullet", "箇条書き2"),
    ("chart", None, "sales_by_region"),
    ("table", None, "regions", "地域別売上高"),
    ("image", None, IMAGE, "画像のキャプション", "width=half"),
    ("note", "2026年1月時点のデータ。", "*"),
    ("pagebreak",),
    ("part", "第2部のタイトル", None, "〇〇株式会社"),
    ("quote", "結びの言葉"),
    ("contact", "広報部 MAIL : pr@example.com", None, "＜お問い合わせ先＞"),
    ("contact", "https://example.com"),
]
VALUES = [("name", "value", "note"), ("sales", 12.5, "億ドル"), ("sales_jpy", "=B2*USD_JPY", "円換算（計算式）"),
          ("users", 1300000, "人"), ("growth", 0.18, "前年比")]
VALUE_FORMATS = ['#,##0.0"億ドル"', '#,##0"億円"', '#,##0"人"', '0%']
REGIONS = [("地域", "売上高（億ドル）"), ("日本", 4.2), ("中国", 5.1), ("東南アジア", 3.2)]
CHARTS = [("id", "type", "table", "category", "series", "title", "unit", "caption", "sort", "highlight", "width",
           "options"),
          ("sales_by_region", "barh", "regions", "地域", "売上高（億ドル）", "地域別売上高", "億ドル",
           "出典：〇〇株式会社（2026年1月時点）", "desc", "日本", "full", "labels=on")]
MAIL = [("key", "value"), ("from", "〇〇株式会社 広報部 <pr@example.com>"),
        ("to", "報道関係者 <press@example.jp>, partner@example.org"), ("bcc", "archive@example.com"),
        ("subject", "【{doc_type}】{title}"),
        ("body", "報道関係者各位\n\n{organisation}は{date}、新サービスの提供を開始しました。\n売上高は {sales} に達しています。\n"
                 "詳細は添付の資料をご覧ください。\n\n〇〇株式会社 広報部"),
        ("attach", "pdf,xlsx")]


def write_template(path: Path) -> None:
    """Write the template workbook at `path` and the example image beside it."""
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, "instructions", INSTRUCTIONS, widths=(18, 70, 70))
    meta = _sheet(wb, "meta", META, widths=(18, 50))
    rows = {key: r for r, (key, _) in enumerate(META, start=1)}
    wb.defined_names["USD_JPY"] = DefinedName("USD_JPY", attr_text=f"meta!$B${rows['rate.USD_JPY']}")
    meta.cell(rows["date"], 2).number_format = "yyyy/m/d"
    _sheet(wb, "content", CONTENT, widths=(12, 60, 20, 24, 14))
    values = _sheet(wb, "values", VALUES, widths=(14, 16, 20))
    for r, fmt in enumerate(VALUE_FORMATS, start=2):
        values.cell(r, 2).number_format = fmt
    regions = _sheet(wb, "regions", REGIONS, widths=(14, 18))
    for r in range(2, len(REGIONS) + 1):
        regions.cell(r, 2).number_format = '#,##0.0"億ドル"'
    _sheet(wb, "charts", CHARTS, widths=(16, 8, 10, 8, 18, 16, 8, 30, 6, 10, 6, 24))
    _sheet(wb, "mail", MAIL, widths=(12, 70))
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    _example_image(path.parent / IMAGE)


def _sheet(wb: Workbook, name: str, rows: list[tuple], widths: tuple[int, ...]):
    ws = wb.create_sheet(name)
    for row in rows:
        ws.append(list(row))
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + c)].width = w
        head = ws.cell(1, c)
        head.font = Font(bold=True, color="FFFFFF")
        head.fill = PatternFill("solid", fgColor="1F3A5F")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    return ws


def _example_image(path: Path) -> None:
    from PIL import Image, ImageDraw

    if path.exists():
        return
    im = Image.new("RGB", (1200, 600), "#F2F5F8")
    ImageDraw.Draw(im).rectangle((60, 60, 1140, 540), outline="#1F3A5F", width=12)
    with atomic_path(path) as tmp:
        im.save(tmp, format="PNG")

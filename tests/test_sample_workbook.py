"""The sample workbook data/factsheet.xlsx against the contract (docs/workbook.md) and
against its source, the reference document (data/reference/000_7b0533415791930b.txt, a copy of ../shared/seed/).

Two views: the raw cells through openpyxl (what a user sees in Excel: sheets, keys,
formulas, names, markup) and the document the reader builds from them (every sentence
of the source, in order, with its figures printed from cells).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook

from factories import SEED
from reportgen.model import ContactBox, Heading, KpiRow, ListBlock, Note, Paragraph
from reportgen.workbook.reader import read_workbook

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "factsheet.xlsx"
CORRECTIONS = ROOT / "docs" / "corrections.md"

META_KEYS = {"title", "organisation", "date", "doc_type", "subtitle", "author", "subject", "keywords",
             "short_title", "source_note", "output_name", "lang"}
BLOCK_TYPES = {"part", "chapter", "section", "unit", "headline", "lead", "paragraph", "quote", "highlight",
               "bullet", "kpi", "chart", "table", "image", "note", "contact", "pagebreak"}
CHART_TYPES = {"bar", "barh", "stacked", "line", "pie", "donut"}
FIGURE = re.compile(r"(?<!\{)\{([^{}:\s]+)(?::([^{}]+))?\}")


@pytest.fixture(scope="module")
def book():
    return load_workbook(SAMPLE, rich_text=False)


@pytest.fixture(scope="module")
def doc():
    return read_workbook(SAMPLE)


def rows(ws) -> list[dict[str, object]]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, (c.value for c in r))) for r in ws.iter_rows(min_row=2)
            if any(c.value is not None for c in r)]


def data_sheets(book) -> list[str]:
    return [n for n in book.sheetnames if n not in ("meta", "content", "values", "charts")]


# ------------------------------------------------------------------ the contract, in cells

def test_it_has_the_contract_sheets_with_their_headers(book):
    assert book.sheetnames[:4] == ["meta", "content", "values", "charts"]
    assert [c.value for c in book["content"][1]] == ["type", "text", "ref", "caption", "options"]
    assert [c.value for c in book["values"][1]] == ["name", "value", "note"]
    assert [c.value for c in book["charts"][1]][:5] == ["id", "type", "table", "category", "series"]
    assert set(data_sheets(book)) >= {"contributions", "programmes", "reach", "growth"}


def test_meta_keys_are_known_and_the_rate_cell_is_named(book):
    meta = {r["key"]: r["value"] for r in rows(book["meta"])}
    unknown = [k for k in meta if k not in META_KEYS and not re.fullmatch(r"rate\.[A-Z]{3}_[A-Z]{3}|theme\.\w+", k)]
    assert unknown == []
    assert meta["title"] == "アリババグループ、新型コロナウイルス対策支援に約{total_jpy_round}を拠出"
    assert meta["doc_type"] == "ニュースリリース" and meta["rate.CNY_JPY"] == 15
    sheet, coord = next(iter(book.defined_names["CNY_JPY"].destinations))
    assert book[sheet][coord.replace("$", "")].value == 15
    assert book[sheet]["A" + coord.split("$")[-1]].value == "rate.CNY_JPY"


def test_every_content_row_has_a_known_type_and_its_references_exist(book):
    charts = {r["id"] for r in rows(book["charts"])}
    values = {r["name"] for r in rows(book["values"])}
    content = rows(book["content"])
    assert {r["type"] for r in content} <= BLOCK_TYPES
    for r in content:
        if r["type"] == "chart":
            assert r["ref"] in charts
        elif r["type"] == "table":
            assert r["ref"] in data_sheets(book)
        elif r["type"] == "kpi":
            assert r["ref"] in values


def test_every_cited_figure_names_a_value_or_a_defined_name(book):
    known = {r["name"] for r in rows(book["values"])} | set(book.defined_names)
    cited = [m[1] for r in rows(book["content"]) for col in ("text", "caption")
             for m in FIGURE.finditer(str(r[col] or ""))]
    cited += [m[1] for row in book["meta"].iter_rows() for m in FIGURE.finditer(str(row[1].value or ""))]
    assert len(cited) > 100
    assert sorted(set(cited) - known) == []
    unused = {r["name"] for r in rows(book["values"])} - set(cited) - {r["ref"] for r in rows(book["content"])}
    assert unused == set(), "values nobody cites"


def test_every_chart_draws_existing_columns(book):
    specs = rows(book["charts"])
    assert len(specs) >= 3
    assert {"donut", "barh"} <= {s["type"] for s in specs}
    for s in specs:
        assert s["type"] in CHART_TYPES
        sheet = book[s["table"]]
        header = [c.value for c in sheet[1]]
        assert s["category"] in header
        assert all(col.strip() in header for col in s["series"].split(","))
        if s["highlight"]:
            assert s["highlight"] in [r[s["category"]] for r in rows(sheet)]


def test_yen_figures_are_formulas_over_the_rate_never_typed(book):
    yen_cells = [c for name in ["values", *data_sheets(book)] for row in book[name].iter_rows(min_row=2)
                 for c in row if "円" in c.number_format]
    assert len(yen_cells) >= 12
    for cell in yen_cells:
        assert isinstance(cell.value, str) and cell.value.startswith("="), cell.coordinate
    assert all(re.search(r"CNY_JPY|USD_JPY|!C\d|ROUND\(B\d+", c.value) for c in yen_cells)


def test_content_types_no_figure_that_is_a_data_point(book):
    """Digits left in the text after removing {…} are dates, periods, ranks and names only
    (docs/corrections.md, "Figures")."""
    allowed = re.compile(
        r"\d{4}年(\d+月(\d+日)?)?|\d+月\d+日|\d+日まで|\d+日平均|1元=|\d+月(末|上旬|中旬)?|\d+-\d+(月|代)|\d+年間|僅か\d+年"
        r"|\d+(ヶ|か)月(間|以内)|\d+週間|\d+時間続|\d+日間|\d+つの|年に\d+回|TOP\d|春雷計画\d+|\d+会計年度"
        r"|COVID-19|C2M|B2[BC]|3D|RMB3\.4|2020 China")
    leftovers = []
    for r in rows(book["content"]):
        text = FIGURE.sub("", " ".join(str(r[c] or "") for c in ("text", "caption")))
        text = re.sub(r"https?://\S+|[\w.]+@[\w.-]+", "", allowed.sub("", text))
        leftovers += re.findall(r".{0,6}\d[\d,.]*.{0,3}", text)
    assert leftovers == []


def test_the_script_rebuilds_the_committed_file_byte_for_byte(tmp_path):
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "data" / "make_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "factsheet.xlsx"
    assert module.main(["make_sample.py", str(out)]) == 0
    assert out.read_bytes() == SAMPLE.read_bytes()


# --------------------------------------------------------------- the document it becomes

def document_text(doc) -> str:
    parts = [doc.meta.title, doc.meta.subtitle]
    for b in doc.blocks:
        if isinstance(b, Heading):  # a part's caption is an over-title, read first
            pair = [b.text.plain, b.subtitle.plain]
            parts += pair[::-1] if b.level == 0 else pair
        elif isinstance(b, (Paragraph, Note)):
            parts.append(b.text.plain)
        elif isinstance(b, ListBlock):
            parts += [i.text.plain for i in b.items]
        elif isinstance(b, KpiRow):
            parts += [k.label.plain + k.value.text for k in b.items]
        elif isinstance(b, ContactBox):
            parts += [b.title.plain, *(line.plain for line in b.lines)]
    return "".join(parts)


def corrections() -> list[tuple[str, str]]:
    """The `source → workbook` pairs of the table in docs/corrections.md."""
    pairs = re.findall(r"^\| \d+ \| `([^`]+)` \| `([^`]+)` \|", CORRECTIONS.read_text(), flags=re.M)
    return [(squash(a), squash(b)) for a, b in pairs]


def squash(text: str) -> str:
    """Compare without white space, footnote markers and half/full-width differences."""
    text = re.sub(r"\s+", "", text).replace("*", "")
    return text.translate(str.maketrans({"(": "（", ")": "）", ":": "：", "~": "～"}))


def source_units() -> list[str]:
    """The seed as sentences (or heading lines), markup removed, corrections applied."""
    text = SEED.read_text()
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"^\s*(\d+\.|・|■|●)\s*", "", text, flags=re.M)
    text = re.sub(r"\s-{3,}\s", "", text)
    text = squash(text)
    for old, new in corrections():
        assert old in text, f"correction '{old}' is not in the source"
        text = text.replace(old, new)
    return [s + "。" for s in text.split("。") if s]


def test_the_corrections_table_is_read():
    assert len(corrections()) >= 10


def test_every_sentence_of_the_source_is_in_the_document_in_order(doc):
    assert missing_in_order(document_text(doc)) == []


@pytest.mark.parametrize(("name", "printed", "myriad"), [
    ("total_cny", "33.56億元", "33億5,600万元"),
    ("total_jpy", "503.40億円", None),
    ("alibaba_jpy", "414.45億円", None),
    ("ant_jpy", "88.95億円", None),
    ("mybank_cny", "4.39億元", None),
    ("tmall_fee_waiver", "6.1億元", None),
    ("alihealth_cny", "0.17億元", "1,700万元"),
    ("students", "13,000万人", "1億3,000万人"),
    ("medical_items", "20,000万件", "2億件"),
    ("cloud_invest_jpy", "3兆円", None),
])
def test_figures_print_as_the_source_writes_them(doc, name, printed, myriad):
    from reportgen.ja.numbers import myriad_format

    value = doc.values[name]
    assert value.text == printed
    if myriad:
        assert myriad_format(value.raw, value.number_format) == myriad


def test_the_yen_total_follows_the_rate(doc):
    rate = doc.meta.rates["CNY_JPY"].raw
    assert doc.values["total_jpy"].raw == pytest.approx(doc.values["total_cny"].raw * rate)
    assert doc.values["total_cny"].raw == pytest.approx(33.56)


def test_the_footnote_prints_the_rate_from_its_cell(doc):
    notes = [b for b in doc.blocks if isinstance(b, Note)]
    assert [n.marker for n in notes] == ["*"]
    assert "1元=15円のレート（5月時点）で換算" in notes[0].text.plain


def test_highlights_are_ten_with_bold_unit_names_and_markers(doc):
    (highlights,) = [b for b in doc.blocks if isinstance(b, ListBlock) and b.kind == "numbered"]
    assert len(highlights.items) == 10
    first = highlights.items[0].text.spans
    assert [s.text for s in first if s.bold] == ["アリババ・デジタル・エコノミー及び各公益基金会", "アリババグループ",
                                                 "アントグループ"]
    marked = [i for i, item in enumerate(highlights.items, 1) if any(s.superscript for s in item.text.spans)]
    assert marked == [1, 2, 3, 9]


# ------------------------------------------------------------- and what is printed

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from reportgen.pipeline import Build, run

    out = tmp_path_factory.mktemp("sample")
    doc = run(Build(SAMPLE, out, formats=("pdf", "docx"), log=lambda line: None))
    return doc, out / f"{doc.meta.output_name}.pdf", out / f"{doc.meta.output_name}.docx"


def missing_in_order(printed: str) -> list[str]:
    body, at, missing = squash(printed), 0, []
    for sentence in source_units():
        found = body.find(sentence.rstrip("。"), at)
        if found < 0:
            missing.append(sentence)
        else:
            at = found
    return missing


def pdf_body_text(path: Path, doc) -> str:
    """Page texts inside the body frame (running header and footer sit in the margins and
    are left out); list numbers and bullets dropped."""
    import pypdfium2 as pdfium

    mm = 72 / 25.4
    top, bottom = doc.theme.margin_top * mm, doc.theme.margin_bottom * mm
    lines = []
    for page in pdfium.PdfDocument(path):
        width, height = page.get_size()
        body = page.get_textpage().get_text_bounded(0, bottom, width, height - top)
        for line in body.splitlines():
            lines.append(re.sub(r"^\s*(\d+\.(?!\d)|・)\s*", "", line))
    return "\n".join(lines)


def test_the_pdf_prints_every_sentence_of_the_source_in_order(built):
    doc, pdf, _ = built
    assert missing_in_order(pdf_body_text(pdf, doc)) == []


def test_the_docx_prints_every_sentence_of_the_source_in_order(built):
    import docx

    _, _, path = built
    body = docx.Document(path).element.body
    paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    assert missing_in_order("".join(paragraphs)) == []


def test_the_sample_reads_the_same_after_libreoffice_saves_it(doc, tmp_path):
    """LibreOffice saves formulas with values and splits cell text into runs per script
    ("{total_cny:" | "億万" | "}"): what the reader builds must not change."""
    from libreoffice import convert

    saved = read_workbook(convert(SAMPLE, "xlsx", tmp_path))
    assert document_text(saved) == document_text(doc)
    assert {k: v.text for k, v in saved.values.items()} == {k: v.text for k, v in doc.values.items()}


def split_by_script(cell, bold: bool = False):
    """Cell text as LibreOffice saves it on a machine with separate Latin and Asian fonts:
    one rich-text run per script, so markup like {total_cny:億万} spans several runs."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    if isinstance(cell, CellRichText):
        return CellRichText(*(r for part in cell for r in split_by_script(
            part.text if isinstance(part, TextBlock) else part,
            isinstance(part, TextBlock) and bool(part.font.b))))
    pieces = re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", cell)
    runs = [TextBlock(InlineFont(rFont="DejaVu Sans" if p.isascii() else "Noto Sans CJK JP", b=bold or None), p)
            for p in pieces]
    return runs if bold else CellRichText(*runs)


def test_the_sample_reads_the_same_when_its_text_is_split_into_runs_per_script(doc, tmp_path):
    book = load_workbook(SAMPLE, rich_text=True)
    for row in book["content"].iter_rows(min_row=2, min_col=2, max_col=4):
        for cell in row:
            if cell.value is not None and str(cell.value).strip():
                cell.value = split_by_script(cell.value)
    book.save(tmp_path / "split.xlsx")
    assert document_text(read_workbook(tmp_path / "split.xlsx")) == document_text(doc)


def test_contact_addresses_are_links(doc):
    (box,) = [b for b in doc.blocks if isinstance(b, ContactBox)]
    links = [s.link for line in box.lines for s in line.spans if s.link]
    assert links == ["mailto:xiang.ji@alibaba-inc.com", "mailto:alibaba@prap.co.jp", "https://jp.alibabanews.com/"]


def test_the_fact_sheet_has_its_parts_and_every_unit(doc):
    headings = [(b.level, b.text.plain) for b in doc.blocks if isinstance(b, Heading)]
    assert (0, "新型コロナウイルス感染拡大下における中小企業への支援施策") in headings
    assert [t for lvl, t in headings if lvl == 2] == [
        "感染拡大を防止するために第一に対応すべきことは、医療物資および医療サービスの提供",
        "生活必需品は、全ての人における最も大きなニーズ",
        "社会的接触とコミュニケーションは、誰もが直面する主要な問題",
        "事業再開と職場復帰への支援は、経済回復への鍵",
        "ヒト", "モノ", "場",
    ]
    assert len([t for lvl, t in headings if lvl == 3]) == SEED.read_text().count("●")
    assert isinstance(doc.blocks[-1], Paragraph) and doc.blocks[-1].role == "quote"

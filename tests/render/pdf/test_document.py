"""The PDF fact sheet read back: fonts, text, outline, metadata, links, charts, bytes."""

from __future__ import annotations

import dataclasses

import pypdfium2.raw as pdfium_c
from pypdf import PdfReader

from pdfcheck import model_texts, read_pages, squash
from reportgen.model import Heading
from reportgen.render.pdf import write_pdf
from reportgen.render.pdf.geometry import page_geometry

OUR_FONTS = {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold", "BIZUDGothic-Regular", "BIZUDGothic-Bold", "DroidSansFallback"}


def _fonts(reader: PdfReader) -> dict[str, dict]:
    found = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def test_every_font_is_ours_embedded_and_subset(built):
    fonts = _fonts(PdfReader(built))
    assert fonts, "no fonts at all"
    for name, font in fonts.items():
        prefix, _, base = name.lstrip("/").partition("+")
        assert base in OUR_FONTS, name
        assert len(prefix) == 6 and prefix.isupper(), f"{name} is not a subset"
        assert "/FontFile2" in font["/FontDescriptor"], f"{name} is not embedded"
    assert {n.split("+")[1] for n in fonts} >= {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold"}


def test_fallback_font_draws_the_character_biz_ud_lacks(built):
    fonts = _fonts(PdfReader(built))
    assert any(n.endswith("DroidSansFallback") for n in fonts)
    assert "鸟" in "".join(p.text for p in read_pages(built))


def test_every_text_of_the_document_is_there_in_reading_order(built, factory_doc):
    g = page_geometry(factory_doc.theme)
    body = squash("".join(p.text_in(g.bottom, g.band_bottom) for p in read_pages(built)))
    at = 0
    for text in model_texts(factory_doc):
        found = body.find(squash(text), at)
        assert found >= 0, f"{text!r} missing after position {at}: …{body[at:at + 60]}"
        at = found + len(squash(text))


def test_header_band_running_header_and_footer(built, factory_doc):
    meta = factory_doc.meta
    pages = read_pages(built)
    first = squash(pages[0].text)
    assert meta.organisation in first and meta.doc_type in first and "2020年5月15日" in first
    for page in pages:
        text = squash(page.text)
        assert f"{page.index + 1}/{len(pages)}" in text
        assert squash(meta.source_note) in text
    g = page_geometry(factory_doc.theme)
    part = next(b.text.plain for b in factory_doc.blocks if isinstance(b, Heading) and b.level == 0)
    for page in pages[1:]:  # every later page of the factory document is inside its part
        header = squash(page.text_in(g.top, page.size[1]))
        assert header == squash(meta.organisation + part), header


def _header_texts(doc, charts, path) -> list[str]:
    write_pdf(doc, charts, path)
    g = page_geometry(doc.theme)
    return [squash(p.text_in(g.top, p.size[1])) for p in read_pages(path)[1:]]


def test_running_header_before_any_part_shows_the_short_title_and_doc_type(factory_doc, charts, tmp_path):
    blocks = tuple(b for b in factory_doc.blocks if not (isinstance(b, Heading) and b.level == 0))
    meta = factory_doc.meta
    headers = _header_texts(dataclasses.replace(factory_doc, blocks=blocks), charts, tmp_path / "no-part.pdf")
    assert headers and all(h == squash(f"{meta.organisation}・{meta.running_title}{meta.doc_type}") for h in headers)


def test_running_header_shortens_a_long_part_title_with_an_ellipsis(factory_doc, charts, tmp_path):
    long = "新型コロナウイルス感染拡大下における中小企業への支援施策と今後のデジタル変革の展望についての詳細な報告"
    blocks = tuple(dataclasses.replace(b, text=type(b.text).of(long)) if isinstance(b, Heading) and b.level == 0 else b
                   for b in factory_doc.blocks)
    headers = _header_texts(dataclasses.replace(factory_doc, blocks=blocks), charts, tmp_path / "long.pdf")
    org = squash(factory_doc.meta.organisation)
    for h in headers:
        assert h.startswith(org) and h.endswith("…")
        assert 10 < len(h) - len(org) - 1 < len(long) and long.startswith(h[len(org):-1])


def test_outline_lists_parts_chapters_sections_and_units_as_a_tree(built, factory_doc):
    reader = PdfReader(built)

    def walk(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield item.title, depth

    expected = [h.text.plain for h in factory_doc.blocks if isinstance(h, Heading)]
    outline = list(walk(reader.outline))
    assert [t for t, _ in outline] == expected
    assert [d for _, d in outline] == [0, 1, 2, 3]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_metadata_and_language(built, factory_doc):
    reader = PdfReader(built)
    info, meta = reader.metadata, factory_doc.meta
    assert info.title == meta.title
    assert info.author == meta.organisation
    assert info.subject == meta.subtitle
    assert info.creator == "reportgen"
    assert info["/CreationDate"] == info["/ModDate"] == "D:20200515090000"
    assert reader.trailer["/Root"]["/Lang"] == "ja-JP"


def test_keywords_and_author_come_from_meta(factory_doc, charts, tmp_path):
    meta = dataclasses.replace(factory_doc.meta, author="アリババ株式会社", keywords=("新型コロナ", "中小企業支援"))
    path = tmp_path / "k.pdf"
    write_pdf(dataclasses.replace(factory_doc, meta=meta), charts, path)
    info = PdfReader(path).metadata
    assert info.author == "アリババ株式会社"
    assert info["/Keywords"] == "新型コロナ, 中小企業支援"


def test_two_builds_give_identical_bytes(built, factory_doc, charts, tmp_path):
    again = tmp_path / "again.pdf"
    write_pdf(factory_doc, charts, again)
    assert again.read_bytes() == built.read_bytes()


def test_mail_address_is_a_clickable_link(built):
    uris = [a.get_object()["/A"]["/URI"] for page in PdfReader(built).pages
            for a in page.get("/Annots", []) if a.get_object().get("/A")]
    assert "mailto:alibaba@prap.co.jp" in uris


def test_chart_is_vector_and_file_is_small(built):
    pages = read_pages(built)
    kinds = [kind for p in pages for kind, _ in p.objects]
    assert pdfium_c.FPDF_PAGEOBJ_IMAGE not in kinds
    assert kinds.count(pdfium_c.FPDF_PAGEOBJ_PATH) > 30  # bars, axes, glyph outlines
    assert built.stat().st_size < 1_000_000

"""The same link extent in the PDF's link annotations and the DOCX's hyperlinks: a bare
URL in Japanese text links the URL only, never the Japanese after it (issue 16)."""

from __future__ import annotations

import re
import zipfile

from pypdf import PdfReader

from composekit import build

URL = "https://www.example.jp/reports/2024/typography-test.html"


def test_pdf_annotations_and_docx_hyperlinks_link_the_url_alone(tmp_path):
    rows = [("section", "リンク"), ("paragraph", f"詳細は{URL}です。資料は（{URL}）を参照。"),
            ("contact", f"ウェブ：{URL}、電話：03-0000-0000")]
    out, _ = build(tmp_path, rows, formats=("pdf", "docx"))
    uris = {a.get_object()["/A"]["/URI"] for page in PdfReader(out["pdf"]).pages
            for a in page.get("/Annots", []) if "/A" in a.get_object()}
    assert uris == {URL}
    with zipfile.ZipFile(out["docx"]) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        body = z.read("word/document.xml").decode()
    assert set(re.findall(r'Target="(http[^"]+)"', rels)) == {URL}
    linked = re.findall(r"<w:hyperlink [^>]*>(.*?)</w:hyperlink>", body)
    assert linked and all("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", h)) == URL for h in linked)

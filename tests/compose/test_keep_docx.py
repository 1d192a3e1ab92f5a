"""The keep rules in the DOCX, as far as Word can express them: a contact box's and a
short list's paragraphs each kept with the next (`keepNext`) and whole (`keepLines`); a
longer list keeps two items on each page; a note never splits (issue 16)."""

from __future__ import annotations

import zipfile

from lxml import etree

from composekit import W, build


def _paragraphs(path) -> list[tuple[str, bool, bool]]:
    """(text, keepNext, keepLines) of every body paragraph, as set on the paragraph."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    out = []
    for p in body.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr")
        has = lambda tag: ppr is not None and ppr.find(f"{W}{tag}") is not None  # noqa: E731
        out.append(("".join(t.text or "" for t in p.iter(f"{W}t")), has("keepNext"), has("keepLines")))
    return out


def test_docx_boxes_and_lists_keep_together(tmp_path):
    short = [("bullet", f"短い項目{k}") for k in range(1, 5)]
    long = [("highlight", f"長いリストの項目{k}") for k in range(1, 9)]
    contact = [("contact", "電話：03-0000-0000"), ("contact", "メール：info@example.jp"), ("contact", "https://example.jp/")]
    rows = [("section", "概要"), *short, ("paragraph", "区切り。"), *long, ("note", "注記の本文。"), *contact]
    out, _ = build(tmp_path, rows, formats=("docx",))
    paras = {text: (nxt, lines) for text, nxt, lines in _paragraphs(out["docx"])}
    assert [paras[f"短い項目{k}"][0] for k in range(1, 5)] == [True, True, True, False]
    assert [paras[f"長いリストの項目{k}"][0] for k in range(1, 9)] == [True, False, False, False, False, False, True, False]
    lines = [paras[t] for t in ("電話：03-0000-0000", "メール：info@example.jp", "https://example.jp/")]
    assert lines == [(True, True), (True, True), (False, True)]
    note = next(v for t, v in paras.items() if t.endswith("注記の本文。"))
    assert note[1]

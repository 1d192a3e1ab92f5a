"""A bare URL ends at the first character that cannot be in a URL written in Japanese
text: any non-ASCII character, and closing brackets or punctuation at its end (issue 16)."""

from __future__ import annotations

import pytest

from reportgen.workbook.inline import to_rich_text


def _links(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.link) for s in to_rich_text(text, lambda name: None).spans if s.link]


@pytest.mark.parametrize("text, url", [
    ("詳細はhttps://example.jp/typography-test.htmlです。", "https://example.jp/typography-test.html"),
    ("（https://example.jp/a）を参照", "https://example.jp/a"),
    ("（https://example.jp/wiki/A_(B)）", "https://example.jp/wiki/A_(B)"),
    ("See https://example.jp/x?a=1&b=2.", "https://example.jp/x?a=1&b=2"),
    ("https://example.jp/、次に", "https://example.jp/"),
    ("URL: https://example.jp/a). 次", "https://example.jp/a"),
    ("「https://example.jp/」", "https://example.jp/"),
])
def test_a_bare_url_stops_before_japanese_and_closing_punctuation(text, url):
    assert _links(text) == [(url, url)]
    assert "".join(s.text for s in to_rich_text(text, lambda name: None).spans) == text


def test_an_email_address_takes_no_japanese_before_it():
    assert _links("お問い合わせinfo@example.jpまで") == [("info@example.jp", "mailto:info@example.jp")]


def test_markup_right_after_a_url_is_still_markup():
    spans = to_rich_text("**https://example.jp/a**です", lambda name: None).spans
    assert [(s.text, s.bold, s.link) for s in spans] == [
        ("https://example.jp/a", True, "https://example.jp/a"), ("です", False, None)]

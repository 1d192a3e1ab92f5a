"""The `mail` sheet read and validated: located errors, no header injection, citations."""

from __future__ import annotations

import pytest

from mailbook import MAIL, mail_workbook
from reportgen.diagnostics import ReportError
from reportgen.workbook import read_workbook


def problems(tmp_path, rows) -> list[str]:
    with pytest.raises(ReportError) as exc:
        read_workbook(mail_workbook(tmp_path / "bad.xlsx", rows))
    return [str(d) for d in exc.value.diagnostics]


def replaced(key: str, value) -> list:
    return [(k, value if k == key else v) for k, v in MAIL]


def test_subject_and_body_cite_the_same_figures_as_the_document(tmp_path):
    doc = read_workbook(mail_workbook(tmp_path / "wb.xlsx"))
    mail = doc.mail
    assert mail.subject == "【ファクトシート】テスト用ファクトシート：総額33.56億元"
    assert mail.body.plain.startswith("各位\n\nテスト株式会社は2020年5月15日、合計33.56億元を拠出しました。")
    assert [r.to for r in mail.lists] == [("記者 太郎 <taro@example.jp>", "hanako@example.jp")]
    assert mail.cc == ("desk@example.jp",) and mail.bcc == ("archive@example.com",)
    assert str(mail.lists[0].ref) == "mail!B3"
    assert "mail" not in doc.tables  # a reserved sheet, not a data table


def test_each_to_row_is_one_message(tmp_path):
    rows = MAIL + [("to", "partners@example.org; other@example.org")]
    mail = read_workbook(mail_workbook(tmp_path / "wb.xlsx", rows)).mail
    assert [r.to for r in mail.lists][1] == ("partners@example.org", "other@example.org")


def test_a_workbook_without_the_sheet_has_no_mail(tmp_path):
    from wbfactory import make_workbook

    assert read_workbook(make_workbook(tmp_path / "wb.xlsx")).mail is None


@pytest.mark.parametrize("key, value, expected", [
    ("to", "taro@example", "mail!B3: not an email address: 'taro@example'"),
    ("to", "taro at example.jp", "mail!B3: not an email address"),
    ("cc", "a@example.jp, 山田", "mail!B4: not an email address"),
    ("from", "a@example.jp, b@example.jp", "mail!B2: expected one address for from, found 2"),
    ("subject", "件名\nBcc: victim@example.com", "mail!B6: a line break in a header field"),
    ("subject", "件名\r\nX-Injected: 1", "mail!B6: a line break in a header field"),
    ("from", "pr@example.com\nBcc: victim@example.com", "mail!B2: not an email address"),
    ("subject", "総額{nothing}", "mail!B6: "),
    ("attach", "xlsx,zip", "mail!B8: found 'xlsx,zip', expected a comma-separated subset of xlsx,pdf,docx"),
])
def test_bad_values_are_located(tmp_path, key, value, expected):
    found = problems(tmp_path, replaced(key, value))
    assert any(p.startswith(expected) for p in found), found


def test_missing_and_unknown_keys(tmp_path):
    rows = [(k, v) for k, v in MAIL if k != "subject"] + [("smtp_password", "hunter2"), ("cc", "x@example.jp")]
    found = problems(tmp_path, rows)
    assert "mail: missing required key 'subject' (a row with 'subject' in column A)" in found
    assert any(p.startswith("mail!A8: unknown key 'smtp_password'") for p in found)
    assert "mail!A9: duplicate key 'cc' (first at A4)" in found


def test_iso_2022_jp_refuses_characters_it_cannot_hold(tmp_path):
    rows = replaced("body", "丸数字①は JIS X 0208 にない") + [("charset", "iso-2022-jp")]
    assert problems(tmp_path, rows) == ["mail!B7: character '①' (U+2460) cannot be written in ISO-2022-JP: "
                                        "replace it or use charset utf-8"]

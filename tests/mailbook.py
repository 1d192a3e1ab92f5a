"""Workbooks with a `mail` sheet, for the mail tests (wbfactory's minimal workbook plus the sheet)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from wbfactory import META, make_workbook

MAIL: list[Sequence[Any]] = [
    ("key", "value"),
    ("from", "広報部 <pr@example.com>"),
    ("to", "記者 太郎 <taro@example.jp>, hanako@example.jp"),
    ("cc", "desk@example.jp"),
    ("bcc", "archive@example.com"),
    ("subject", "【ファクトシート】{title}：総額{total}"),
    ("body", "各位\n\n{organisation}は{date}、合計{total}を拠出しました。\n詳細は[当社サイト](https://example.com/news)をご覧ください。"),
    ("attach", "xlsx"),
]
JAPANESE_NAME = META + [("output_name", "ファクトシート付録")]


def mail_workbook(path: Path, mail=None, meta=None) -> Path:
    """The factory's minimal workbook plus a mail sheet (rows replaced by `mail`)."""
    rows = MAIL if mail is None else mail

    def add_mail(wb):
        ws = wb.create_sheet("mail")
        for row in rows:
            ws.append(list(row))

    return make_workbook(path, meta=meta, edit=add_mail)

"""The composed message: standards a Japanese mail client relies on, read back with `email`."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import os
from pathlib import Path

import pytest

from mailbook import MAIL, mail_workbook
from reportgen.cli import main
from reportgen.diagnostics import ReportError
from reportgen.mail.compose import compose
from reportgen.mail.config import load_server
from reportgen.mail.outgoing import SIZE_LIMIT, Outgoing, warnings
from reportgen.workbook import read_workbook

WHEN = dt.datetime(2020, 5, 15, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
ROOT = Path(__file__).resolve().parents[2]


def composed(tmp_path, rows=None, name="ファクトシート付録-appendix.xlsx", data=b"PK\x03\x04" + bytes(range(256)) * 40):
    mail = read_workbook(mail_workbook(tmp_path / "wb.xlsx", rows)).mail
    attachment = tmp_path / name
    attachment.write_bytes(data)
    return compose(mail, mail.lists[0], [("xlsx", attachment)], WHEN)


def test_headers_are_ascii_folded_and_decode_to_the_japanese_text(tmp_path):
    raw = composed(tmp_path).as_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    long = [line for line in raw.split(b"\r\n") if len(line) > 78]
    # the xlsx media type cannot be folded (one token); RFC 5322's limit is 998, 78 a SHOULD
    assert head.isascii() and long == [b"Content-Type: " + b"application/vnd.openxmlformats-officedocument."
                                       b"spreadsheetml.sheet;"]
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["Subject"] == "【ファクトシート】テスト用ファクトシート：総額33.56億元"
    assert msg["Date"] == "Fri, 15 May 2020 09:00:00 +0900" and msg["Message-ID"].endswith("@example.com>")
    assert msg["From"].addresses[0].display_name == "広報部"


def test_attachment_name_in_rfc2231_with_an_rfc2047_fallback(tmp_path):
    raw = composed(tmp_path).as_bytes().decode("ascii")
    assert "filename*0*=utf-8''%E3%83%95" in raw  # RFC 2231, for current clients
    assert 'name="=?utf-8?b?' in raw  # RFC 2047 in the Content-Type, what older clients read
    assert "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;" in raw
    [part] = email.message_from_string(raw, policy=email.policy.default).iter_attachments()
    assert part.get_filename() == "ファクトシート付録-appendix.xlsx"
    assert part.get_content() == (tmp_path / "ファクトシート付録-appendix.xlsx").read_bytes()


def test_same_content_same_bytes(tmp_path):
    first = composed(tmp_path).as_bytes()
    assert composed(tmp_path).as_bytes() == first
    other = composed(tmp_path, data=b"PK other bytes").as_bytes()
    assert other != first and email.message_from_bytes(other)["Message-ID"] != email.message_from_bytes(first)["Message-ID"]


def test_iso_2022_jp_body_and_subject_for_legacy_systems(tmp_path):
    raw = composed(tmp_path, MAIL + [("charset", "iso-2022-jp"), ("html", "yes")]).as_bytes()
    assert raw.isascii()
    assert b'Content-Type: text/plain; charset="iso-2022-jp"\r\nContent-Transfer-Encoding: 7bit' in raw
    assert b"Subject: =?iso-2022-jp?b?" in raw
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["Subject"] == "【ファクトシート】テスト用ファクトシート：総額33.56億元"
    assert "合計33.56億元を拠出しました。" in msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert '<a href="https://example.com/news">当社サイト</a>' in html


def test_html_part_escapes_the_workbook_text(tmp_path):
    rows = [(k, "<script>alert(1)</script> & **太字**" if k == "body" else v) for k, v in MAIL] + [("html", "yes")]
    html = email.message_from_bytes(composed(tmp_path, rows).as_bytes(), policy=email.policy.default)
    text = html.get_body(("html",)).get_content()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; <b>太字</b>" in text and "<script>" not in text


def test_a_message_over_10_mb_is_warned_about(tmp_path):
    msg = composed(tmp_path, data=os.urandom(SIZE_LIMIT))  # base64 makes it a third larger
    mail = read_workbook(tmp_path / "wb.xlsx").mail
    [line] = warnings(1, Outgoing(msg, mail, mail.lists[0], ()))
    assert line.startswith("warning: mail!B3: message 1 is 13.7 MB, over 10.0 MB")


def test_command_line_addresses_are_validated_too(tmp_path, capsys):
    wb = mail_workbook(tmp_path / "wb.xlsx")
    assert main(["mail", str(wb), "-o", str(tmp_path / "out"), "--to", "ok@example.jp\nBcc: x@evil.example"]) == 2
    assert "error: --to: not an email address" in capsys.readouterr().err


def test_command_line_recipients_replace_the_workbooks(tmp_path, capsys):
    wb = mail_workbook(tmp_path / "wb.xlsx")
    assert main(["mail", str(wb), "-o", str(tmp_path / "out"), "--to", "one@example.jp,two@example.jp",
                 "--bcc", "boss@example.jp"]) == 0
    msg = email.message_from_bytes((tmp_path / "out" / "mail" / "message-1.eml").read_bytes(), policy=email.policy.default)
    assert msg["To"] == "one@example.jp, two@example.jp" and msg["Cc"] == "desk@example.jp"
    assert "bcc      boss@example.jp" in capsys.readouterr().out


def test_no_mail_sheet_is_a_located_error(tmp_path, capsys):
    from wbfactory import make_workbook

    wb = make_workbook(tmp_path / "plain.xlsx")
    assert main(["mail", str(wb), "-o", str(tmp_path / "out")]) == 2
    assert "plain.xlsx: no 'mail' sheet" in capsys.readouterr().err


def test_the_sample_and_the_template_carry_a_mail_sheet(tmp_path):
    sample = read_workbook(ROOT / "data" / "factsheet.xlsx").mail
    assert sample.subject == "【ニュースリリース】アリババグループ、新型コロナウイルス対策支援に約500億円を拠出"
    assert "総額33.56億元（約500億円）" in sample.body.plain and len(sample.lists) == 2
    assert main(["init", str(tmp_path / "new.xlsx")]) == 0
    template = read_workbook(tmp_path / "new.xlsx").mail
    assert "売上高は 12.5億ドル に達しています" in template.body.plain


def test_the_samples_eml_reads_back_with_pythons_parser(tmp_path):
    assert main(["mail", str(ROOT / "data" / "factsheet.xlsx"), "-o", str(tmp_path), "--attach", "xlsx"]) == 0
    for eml in sorted((tmp_path / "mail").glob("*.eml")):
        msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        assert msg["Subject"].startswith("【ニュースリリース】アリババグループ") and not msg.defects
        assert [p.get_filename() for p in msg.iter_attachments()] == ["factsheet-appendix.xlsx"]


class TestConfig:
    def env(self, tmp_path, **values):
        return {"XDG_CONFIG_HOME": str(tmp_path), **{f"REPORTGEN_SMTP_{k}": v for k, v in values.items()}}

    def write(self, tmp_path, text, mode=0o600):
        path = tmp_path / "reportgen" / "mail.toml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        path.chmod(mode)
        return path

    def test_file_then_environment(self, tmp_path):
        self.write(tmp_path, '[smtp]\nhost = "smtp.example.com"\nuser = "pr"\npassword = "pw-from-file"\nsecurity = "tls"\n')
        server = load_server(self.env(tmp_path, PASSWORD="pw-from-env"))
        assert (server.host, server.port, server.security, server.password) == ("smtp.example.com", 465, "tls", "pw-from-env")
        assert "pw-from-env" not in repr(server) + str(server)

    def test_a_file_others_can_read_is_refused(self, tmp_path):
        self.write(tmp_path, '[smtp]\nhost = "smtp.example.com"\n', mode=0o644)
        with pytest.raises(ReportError, match="readable by other users"):
            load_server(self.env(tmp_path))

    @pytest.mark.parametrize("settings, message", [
        ({}, "no SMTP server"),
        ({"HOST": "h", "SECURITY": "ssl"}, "security 'ssl'"),
        ({"HOST": "h", "SECURITY": "none", "USER": "u", "PASSWORD": "p"}, "unencrypted"),
        ({"HOST": "h", "PORT": "smtp"}, "not a number"),
    ])
    def test_bad_settings_say_where_to_set_them(self, tmp_path, settings, message):
        with pytest.raises(ReportError, match=message) as exc:
            load_server(self.env(tmp_path, **settings))
        assert "REPORTGEN_SMTP_*" in str(exc.value)


def test_outputs_newer_than_the_workbook_are_reused(tmp_path, capsys):
    wb = mail_workbook(tmp_path / "wb.xlsx")
    assert main(["mail", str(wb), "-o", str(tmp_path / "out")]) == 0
    first = (tmp_path / "out" / "factsheet-appendix.xlsx").stat().st_mtime_ns
    assert "reusing" not in capsys.readouterr().out
    assert main(["mail", str(wb), "-o", str(tmp_path / "out")]) == 0
    assert "reusing" in capsys.readouterr().out
    assert (tmp_path / "out" / "factsheet-appendix.xlsx").stat().st_mtime_ns == first

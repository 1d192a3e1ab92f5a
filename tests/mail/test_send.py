"""Sending through a real SMTP server on 127.0.0.1 (aiosmtpd): STARTTLS and login, the
message parsed back, temporary failures retried, permanent ones naming the recipient."""

from __future__ import annotations

import email
import email.policy
import json
import shutil
import subprocess

import pytest

pytest.importorskip("aiosmtpd")

from mailbook import JAPANESE_NAME, mail_workbook  # noqa: E402
from reportgen.cli import main  # noqa: E402
from reportgen.mail.config import Server  # noqa: E402
from reportgen.mail.send import MailError, send  # noqa: E402
from smtpserver import PASSWORD, USER, dropping_server, self_signed, smtp_server  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::DeprecationWarning")


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A clean config: no user file, the server given by REPORTGEN_SMTP_* (set per test)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for key in ("USER", "PASSWORD", "SECURITY", "PORT", "HOST", "CAFILE"):
        monkeypatch.delenv(f"REPORTGEN_SMTP_{key}", raising=False)
    monkeypatch.setenv("REPORTGEN_SMTP_BACKOFF", "0")

    def point_at(port, cafile, security="starttls"):
        for key, value in dict(HOST="127.0.0.1", PORT=str(port), CAFILE=str(cafile), SECURITY=security,
                               USER=USER, PASSWORD=PASSWORD, RETRIES="2", TIMEOUT="5").items():
            monkeypatch.setenv(f"REPORTGEN_SMTP_{key}", value)

    return point_at


@pytest.fixture
def workbook(tmp_path):
    return mail_workbook(tmp_path / "wb.xlsx", meta=JAPANESE_NAME)


@pytest.mark.parametrize("implicit_tls", [False, True], ids=["starttls", "tls"])
def test_sent_message_reads_back_with_its_subject_body_figures_and_files(tmp_path, env, workbook, capsys,
                                                                        implicit_tls):
    out = tmp_path / "out"
    with smtp_server(tmp_path, implicit_tls) as (server, port, ca):
        env(port, ca, "tls" if implicit_tls else "starttls")
        assert main(["mail", str(workbook), "-o", str(out), "--attach", "xlsx,pdf", "--send"]) == 0
    printed = capsys.readouterr().out
    assert PASSWORD not in printed and "sent 1 of 1 message(s)" in printed
    [(envelope, raw)] = server.received
    assert sorted(envelope) == ["archive@example.com", "desk@example.jp", "hanako@example.jp", "taro@example.jp"]
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["Subject"] == "【ファクトシート】テスト用ファクトシート：総額33.56億元"
    assert msg["To"] == "記者 太郎 <taro@example.jp>, hanako@example.jp" and msg["Bcc"] is None
    body = msg.get_body(("plain",)).get_content()
    assert "合計33.56億元を拠出しました。" in body and "当社サイト <https://example.com/news>" in body
    files = {part.get_filename(): part.get_content() for part in msg.iter_attachments()}
    assert files == {name: (out / name).read_bytes() for name in ("ファクトシート付録-appendix.xlsx",
                                                                  "ファクトシート付録.pdf")}
    assert [p.get_content_type() for p in msg.iter_attachments()] == [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"]
    log = [json.loads(line) for line in (out / "mail-log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert log[0]["status"] == "sent" and log[0]["message_id"] == msg["Message-ID"]
    assert {a["name"] for a in log[0]["attachments"]} == set(files) and PASSWORD not in json.dumps(log)


def test_dry_run_writes_eml_files_and_sends_nothing(tmp_path, env, workbook, capsys):
    with smtp_server(tmp_path) as (server, port, ca):
        env(port, ca)
        assert main(["mail", str(workbook), "-o", str(tmp_path / "out"), "--dry-run", str(tmp_path / "eml")]) == 0
    assert server.received == []
    printed = capsys.readouterr().out
    assert "to       記者 太郎 <taro@example.jp>, hanako@example.jp" in printed
    assert "attach   ファクトシート付録-appendix.xlsx (" in printed and "nothing sent" in printed
    [eml] = sorted((tmp_path / "eml").glob("*.eml"))
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert [p.get_filename() for p in msg.iter_attachments()] == ["ファクトシート付録-appendix.xlsx"]
    assert not (tmp_path / "out" / "mail-log.jsonl").exists()


def _message(tmp_path):
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "pr@example.com", "a@example.jp", "test"
    msg.set_content("本文")
    return msg


def _server(port, ca, **kw) -> Server:
    return Server("127.0.0.1", port, "starttls", USER, PASSWORD, timeout=5, backoff=0.5, cafile=ca, **kw)


def test_temporary_failure_is_retried_with_backoff(tmp_path):
    waits = []
    with smtp_server(tmp_path) as (server, port, ca):
        server.data_replies = ["451 4.3.0 try again later"]
        send(_message(tmp_path), ["a@example.jp"], _server(port, ca), sleep=waits.append)
    assert [env for env, _ in server.received] == [["a@example.jp"]] and waits == [0.5]


def test_a_recipient_deferred_once_is_retried_alone(tmp_path):
    with smtp_server(tmp_path) as (server, port, ca):
        server.rcpt_once = {"b@example.jp": "450 4.2.1 mailbox busy"}
        send(_message(tmp_path), ["a@example.jp", "b@example.jp"], _server(port, ca), sleep=lambda s: None)
    assert [env for env, _ in server.received] == [["a@example.jp"], ["b@example.jp"]]  # nobody twice


def test_permanent_failure_names_the_recipient(tmp_path):
    with smtp_server(tmp_path) as (server, port, ca):
        server.refuse = {"gone@example.jp": "550 5.1.1 no such user"}
        with pytest.raises(MailError, match=r"refused gone@example\.jp: 550 5\.1\.1 no such user"):
            send(_message(tmp_path), ["a@example.jp", "gone@example.jp"], _server(port, ca), sleep=lambda s: None)
    assert [env for env, _ in server.received] == [["a@example.jp"]]


def test_temporary_failure_that_persists_ends_naming_the_recipient(tmp_path):
    waits = []
    with smtp_server(tmp_path) as (server, port, ca):
        server.refuse = {"busy@example.jp": "452 4.2.2 over quota"}
        with pytest.raises(MailError, match=r"refused busy@example\.jp: 452"):
            send(_message(tmp_path), ["busy@example.jp"], _server(port, ca, retries=2), sleep=waits.append)
    assert waits == [0.5, 1.0] and server.received == []


def test_wrong_password_is_a_clear_error_without_the_password(tmp_path):
    with smtp_server(tmp_path) as (server, port, ca):
        bad = Server("127.0.0.1", port, "starttls", USER, "wrong-pw", timeout=5, cafile=ca)
        with pytest.raises(MailError) as exc:
            send(_message(tmp_path), ["a@example.jp"], bad, sleep=lambda s: None)
    assert "refused the login (535" in str(exc.value) and "wrong-pw" not in str(exc.value) + repr(bad)


def test_dropped_connection_fails_cleanly_naming_the_recipients(tmp_path, env, workbook, capsys):
    with dropping_server() as port:
        env(port, self_signed(tmp_path)[0])
        code = main(["mail", str(workbook), "-o", str(tmp_path / "out"), "--send"])
    err = capsys.readouterr().err
    assert code == 2 and "mail!B3: message 1: could not deliver through 127.0.0.1:" in err
    assert "the server closed the connection" in err and "taro@example.jp" in err and "internal error" not in err
    log = json.loads((tmp_path / "out" / "mail-log.jsonl").read_text(encoding="utf-8"))
    assert log["status"] == "failed"


def test_untrusted_certificate_is_refused(tmp_path):
    with smtp_server(tmp_path) as (server, port, ca):
        with pytest.raises(MailError, match="TLS failed"):
            send(_message(tmp_path), ["a@example.jp"], _server(port, None, retries=0), sleep=lambda s: None)
    assert server.received == []


@pytest.mark.skipif(shutil.which("mu") is None, reason="mu (Debian maildir-utils) not installed")
def test_the_samples_eml_opens_in_another_mail_reader(tmp_path):
    """The sample's dry run read by mu (GMime), a real mail client's parser."""
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "data" / "factsheet.xlsx"
    assert main(["mail", str(sample), "-o", str(tmp_path / "out"), "--attach", "xlsx"]) == 0
    eml = (tmp_path / "out" / "mail" / "message-1.eml").resolve()
    shown = subprocess.run(["mu", "view", str(eml)], capture_output=True, text=True, check=True,
                           env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}).stdout
    assert "Subject: 【ニュースリリース】アリババグループ、新型コロナウイルス対策支援に約500億円を拠出" in shown
    assert "Attachments: factsheet-appendix.xlsx" in shown and "総額33.56億元（約500億円）" in shown


@pytest.mark.skipif(shutil.which("mu") is None, reason="mu (Debian maildir-utils) not installed")
def test_a_japanese_file_name_and_an_iso_2022_jp_body_in_another_mail_reader(tmp_path):
    from mailbook import MAIL

    wb = mail_workbook(tmp_path / "wb.xlsx", MAIL + [("charset", "iso-2022-jp")], meta=JAPANESE_NAME)
    assert main(["mail", str(wb), "-o", str(tmp_path / "out")]) == 0
    eml = (tmp_path / "out" / "mail" / "message-1.eml").resolve()
    shown = subprocess.run(["mu", "view", str(eml)], capture_output=True, text=True, check=True,
                           env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}).stdout
    assert "Subject: 【ファクトシート】テスト用ファクトシート：総額33.56億元" in shown
    assert "Attachments: ファクトシート付録-appendix.xlsx" in shown and "合計33.56億元を拠出しました。" in shown

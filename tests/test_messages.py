"""Messages in Japanese and English: one gettext catalog, complete, in step with the code,
and chosen by --lang or the locale."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen import i18n
from reportgen.cli import chosen_language, main

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "src" / "reportgen" / "locale" / "ja" / "LC_MESSAGES" / "reportgen.po"


def catalog():
    from babel.messages.pofile import read_po

    return read_po(PO.open("rb"), locale="ja")


def test_the_catalog_is_in_step_with_the_code():
    proc = subprocess.run([sys.executable, "scripts/messages.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{[^{}]*\}|%\([a-z_]+\)[sdr]|%[sdr]", text))


def test_every_message_has_a_japanese_translation_with_no_placeholder_of_its_own():
    untranslated, mismatched = [], []
    for message in catalog():
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if not all(strings):
            untranslated.append(ids[0])
        elif any(not placeholders(s) <= placeholders(ids[-1]) for s in strings):  # a grammar word may go
            mismatched.append(ids[0])
    assert not untranslated, f"{len(untranslated)} messages without Japanese: {untranslated[:10]}"
    assert not mismatched, mismatched


MESSAGE_CALLS = {"Diagnostic", "ReportError", "CellProblem", "ArgumentTypeError", "add", "bad", "InlineError",
                 "RowProblem", "NumberFormatError", "MailProblem", "FormulaError", "MailError", "warn"}


def untranslated_messages() -> list[str]:
    """Located messages built from a bare string literal rather than `tr(...)`."""
    found = []
    for path in sorted((ROOT / "src" / "reportgen").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in MESSAGE_CALLS and any(isinstance(a, (ast.JoinedStr, ast.Constant)) and
                                             isinstance(getattr(a, "value", ""), (str, list))
                                             for a in node.args[1:] or node.args[:1]):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_the_scan_finds_a_bare_message(tmp_path):
    tree = ast.parse('diag.add(where, f"no column {name}")')
    call = tree.body[0].value
    assert isinstance(call.args[1], ast.JoinedStr)


def test_every_located_message_goes_through_the_catalog():
    found = untranslated_messages()
    assert not found, f"{len(found)} messages outside the catalog, e.g. {found[:15]}"


@pytest.mark.parametrize("environ, lang", [
    ({"LANG": "ja_JP.UTF-8"}, "ja"), ({"LC_ALL": "ja_JP.eucJP", "LANG": "en_US.UTF-8"}, "ja"),
    ({"LANG": "en_US.UTF-8"}, "en"), ({}, "en"), ({"LANG": "C"}, "en"),
    ({"REPORTGEN_LANG": "en", "LANG": "ja_JP.UTF-8"}, "en"),
])
def test_the_language_follows_the_locale(environ, lang):
    assert i18n.detect(environ) == lang


def test_lang_on_the_command_line_wins_wherever_it_stands():
    assert chosen_language(["build", "--lang", "ja"]) == "ja"
    assert chosen_language(["--lang=en", "validate", "x.xlsx"]) == "en"


def test_a_wrong_command_line_in_japanese(capsys, monkeypatch):
    monkeypatch.setenv("REPORTGEN_LANG", "en")
    assert main(["--lang", "ja", "build", "--bleed=50"]) == 64
    err = capsys.readouterr().err
    assert "使い方: reportgen build" in err and "エラー: 引数 --bleed: --bleed には 0～10 のミリメートル値" in err


def test_help_and_problems_in_japanese_from_the_locale(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("REPORTGEN_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "ja_JP.UTF-8"
    helped = subprocess.run([sys.executable, "-m", "reportgen", "validate", "--help"], env=env,
                            capture_output=True, text=True)
    assert helped.returncode == 0
    assert "このヘルプを表示して終了する" in helped.stdout and "オプション:" in helped.stdout
    (tmp_path / "mine.xlsx").write_bytes(b"x")
    refused = subprocess.run([sys.executable, "-m", "reportgen", "init", str(tmp_path / "mine.xlsx")], env=env,
                             capture_output=True, text=True)
    assert refused.returncode == 2
    assert "エラー:" in refused.stderr and "--force を付けてください" in refused.stderr
    assert "1 件の問題が見つかりました" in refused.stderr


def test_english_stays_english(capsys, tmp_path):
    (tmp_path / "mine.xlsx").write_bytes(b"x")
    assert main(["--lang", "en", "init", str(tmp_path / "mine.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "error:" in err and "already exists" in err


def test_reader_and_formula_problems_read_in_japanese(tmp_path, monkeypatch):
    from wbfactory import CONTENT, VALUES, make_workbook

    from reportgen.diagnostics import ReportError
    from reportgen.workbook import read_workbook

    monkeypatch.setenv("REPORTGEN_LANG", "ja")
    path = make_workbook(tmp_path / "wb.xlsx", content=[CONTENT[0], ("figure", "x"), ("paragraph", "{total}")],
                         values=VALUES + [("bad", "=FOO(1)")])
    with pytest.raises(ReportError) as exc:
        read_workbook(path)
    found = " / ".join(str(d) for d in exc.value.diagnostics)
    assert "content!A2: ブロックの種類 'figure' はありません" in found
    assert "関数 FOO には対応していません" in found, found

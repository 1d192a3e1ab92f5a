"""Derived columns stated in words: a column's source formula in, a reader's note out.

The appendix stores computed values, never live formulas. A column the workbook computes
(`=B2*CNY_JPY`) is stated as such: "算出値: 拠出額（億元） × 15（1 CNY = 15 JPY）". Cell
references in the formula's row become column names, a rate's name its value and the rate
in words (the workbook's internal name is never shown to readers), and the arithmetic
operators become the signs a reader knows. Tokenising is openpyxl's.
"""

from __future__ import annotations

import re
from typing import Mapping

from openpyxl.formula.tokenizer import Token, Tokenizer

from reportgen.model import Column, Table, Value

_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?\d+$")
_OPERATORS = {"*": "×", "/": "÷", "-": "−", "+": "+", "^": "^"}


def derived_note(column: Column, table: Table, rates: Mapping[str, Value]) -> str:
    """The note for a derived column, e.g. "拠出額（億円）: 算出値 = 拠出額（億元） × 15（1 CNY = 15 JPY）"."""
    return f"{column.name}: 算出値 = {describe_formula(column.formula or '', table, rates)}"


def describe_formula(formula: str, table: Table, rates: Mapping[str, Value]) -> str:
    """`formula` in words, or the formula text itself (without "=") when it cannot be parsed."""
    try:
        tokens = Tokenizer(formula).items
    except Exception:  # openpyxl raises a bare TokenizerError/ValueError on odd input
        return formula.lstrip("=")
    names = _column_letters(table)
    return "".join(_describe(t, names, rates) for t in tokens if t.type != Token.WSPACE)


def _column_letters(table: Table) -> dict[str, str]:
    """Column letter in the source sheet ("B") → column name."""
    letters = {}
    for col in table.columns:
        match = _CELL.match(col.ref.cell)
        if match:
            letters[match.group(1).upper()] = col.name
    return letters


def _describe(token: Token, names: Mapping[str, str], rates: Mapping[str, Value]) -> str:
    if token.type == Token.OP_IN:
        return f" {_OPERATORS.get(token.value, token.value)} "
    if token.type == Token.OPERAND and token.subtype == Token.RANGE:
        return _operand(token.value, names, rates)
    return token.value


def _operand(text: str, names: Mapping[str, str], rates: Mapping[str, Value]) -> str:
    if text in rates:
        return f"{_number(rates[text])}（{rate_in_words(text, rates[text])}）"
    match = _CELL.match(text)
    if match and match.group(1).upper() in names:
        return names[match.group(1).upper()]
    return text


def rate_in_words(name: str, rate: Value) -> str:
    """"CNY_JPY", 15 → "1 CNY = 15 JPY"; a name that is not a currency pair → the number."""
    parts = name.split("_")
    if len(parts) == 2 and all(p.isalpha() for p in parts):
        return f"1 {parts[0]} = {_number(rate)} {parts[1]}"
    return _number(rate)


def _number(rate: Value) -> str:
    return f"{rate.raw:,g}" if rate.is_number else rate.text

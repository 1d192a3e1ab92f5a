"""A safe evaluator for the small formulas a script-written workbook carries without a
saved value (`=contributions!B2`, `=B3*CNY_JPY`, `=ROUND(SUM(B2:B5)/4, 2)`).

In: the formula text, the sheet it sits on, `resolve(sheet, cell)` giving any cell's
value (the reader handles caching and circular references) and `names(name)` giving a
defined name's `(sheet, cell)` or None. Out: a number, text or bool, or `FormulaError`
with a message a user can act on.

openpyxl's Tokenizer cuts the text; the precedence parser below is written by hand (no
library evaluates Excel formulas without pulling in numpy-sized dependencies, and
nothing here ever calls Python's eval). Supported: numbers, "text", TRUE/FALSE, cell
references (`B2`, `$B$2`, `Sheet!B2`, `'Sheet name'!B2`), ranges inside functions
(`B2:B5`, `Sheet!B2:B5`), defined names, `+ - * / ^ % &`, comparisons
(`= <> < > <= >=`), parentheses, and SUM, ROUND, MIN, MAX, ABS, AVERAGE.

Excel's rules kept: unary minus binds tighter than `^` (`-2^2` is 4), `^` is
left-associative (`2^3^2` is 64), an empty cell is 0 in arithmetic and "" in `&`, text
that reads as a number counts as that number, SUM/MIN/MAX/AVERAGE skip text and
booleans inside ranges, ROUND rounds half away from zero, a referenced cell holding an
Excel error value (`#N/A`, …) is an error. Arithmetic is done in floats (Excel's
numbers), so `9^9^9^9` gives `#NUM!` at once instead of a huge integer; a whole
number result below 1e15 is returned as int.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token, TokenizerError
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.datetime import time_to_days, to_excel

from reportgen.i18n import tr
from reportgen.numfmt import general

Value = float | int | str | bool
Resolve = Callable[[str, str], object]
Names = Callable[[str], tuple[str, str] | None]

ERRORS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
          "#GETTING_DATA", "#SPILL!", "#CALC!")
MAX_DEPTH = 64  # Excel's own limit on nested functions
MAX_RANGE_CELLS = 1_000_000
MAX_TEXT = 32_767  # Excel's longest cell text

_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


class FormulaError(ValueError):
    """The formula cannot be evaluated here; the message says why."""


class _Range(NamedTuple):
    """The values of a range, only usable as a function argument."""

    values: tuple[object, ...]


def evaluate(formula: str, sheet: str, resolve: Resolve, names: Names) -> Value:
    """The value of `formula` (with or without its leading '=') on `sheet`."""
    parser = _Parser(_tokens(formula), sheet, resolve, names)
    result = parser.expression()
    parser.expect_end()
    if isinstance(result, _Range):
        raise FormulaError(tr("a range can only be used inside SUM, MIN, MAX or AVERAGE"))
    return _normalise(result)


def references(formula: str, sheet: str, names: Names) -> list[tuple[str, int, int]]:
    """(sheet, row, column) of every cell `formula` refers to, ranges expanded and names
    resolved, read from its tokens without evaluating: the reader evaluates these first.
    What cannot be read is left out (evaluating the formula reports it)."""
    try:
        tokens = _tokens(formula)
    except FormulaError:
        return []
    out: list[tuple[str, int, int]] = []
    for token in tokens:
        if token.type != Token.OPERAND or token.subtype != Token.RANGE:
            continue
        where, _, address = token.value.rpartition("!")
        target = _unquote(where) if where else sheet
        if not where and not _CELL.match(address) and ":" not in address:
            named = names(address)
            if named is None:
                continue
            target, address = named
        out.extend(_cells(target, address.replace("$", "").upper()))
    return out


def _cells(sheet: str, address: str) -> list[tuple[str, int, int]]:
    try:
        min_col, min_row, max_col, max_row = range_boundaries(address)
    except ValueError:
        return []
    if None in (min_col, min_row, max_col, max_row):
        return []
    if (max_col - min_col + 1) * (max_row - min_row + 1) > MAX_RANGE_CELLS:
        return []
    return [(sheet, r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)]


def _tokens(formula: str) -> list[Token]:
    text = formula if formula.startswith("=") else "=" + formula
    try:
        items = Tokenizer(text).items
    except TokenizerError as exc:
        raise FormulaError(tr("cannot read the formula {text}: {exc}").format(text=text, exc=exc)) from None
    except (IndexError, KeyError, ValueError):  # the tokenizer's own slips on bad brackets
        raise FormulaError(tr("cannot read the formula {text}: unbalanced brackets").format(text=text)) from None
    return [t for t in items if t.type != Token.WSPACE]


def _normalise(value: object) -> Value:
    if isinstance(value, float):
        _check_number(value)
        if value.is_integer() and abs(value) < 1e15:
            return int(value)
    if value is None:
        return 0
    return value  # type: ignore[return-value]


def _check_number(value: float) -> float:
    if math.isinf(value) or math.isnan(value):
        raise FormulaError(tr("#NUM! (the result is too large for Excel)"))
    return value


class _Parser:
    """Precedence climbing over the token list, evaluating as it goes: comparison <
    & < + - < * / < ^ < % < unary minus < operand."""

    def __init__(self, tokens: list[Token], sheet: str, resolve: Resolve, names: Names):
        self.tokens = tokens
        self.at = 0
        self.sheet = sheet
        self.resolve = resolve
        self.names = names
        self.depth = 0

    # --- token stream ----------------------------------------------------------

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise FormulaError(tr("the formula ends too early"))
        self.at += 1
        return token

    def operator(self, *symbols: str) -> str | None:
        token = self.peek()
        if token is not None and token.type == Token.OP_IN and token.value in symbols:
            self.at += 1
            return token.value
        return None

    def expect_end(self) -> None:
        token = self.peek()
        if token is not None:
            raise FormulaError(tr("unexpected {value!r} in the formula").format(value=token.value))

    # --- grammar ---------------------------------------------------------------

    def expression(self) -> object:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(tr("the formula nests deeper than {MAX_DEPTH} levels").format(MAX_DEPTH=MAX_DEPTH))
        left = self.concatenation()
        while op := self.operator("=", "<>", "<", ">", "<=", ">="):
            left = _compare(op, left, self.concatenation())
        self.depth -= 1
        return left

    def concatenation(self) -> object:
        left = self.additive()
        while self.operator("&"):
            left = _text(left) + _text(self.additive())
            if len(left) > MAX_TEXT:
                raise FormulaError(tr("#VALUE! (text longer than {MAX_TEXT} characters)").format(MAX_TEXT=MAX_TEXT))
        return left

    def additive(self) -> object:
        left = self.multiplicative()
        while op := self.operator("+", "-"):
            right = _number(self.multiplicative())
            left = _number(left) + right if op == "+" else _number(left) - right
        return left

    def multiplicative(self) -> object:
        left = self.power()
        while op := self.operator("*", "/"):
            right = _number(self.power())
            left = _check_number(_number(left) * right) if op == "*" else _divide(_number(left), right)
        return left

    def power(self) -> object:
        left = self.unary()
        while self.operator("^"):
            left = _power(_number(left), _number(self.unary()))
        return left

    def unary(self) -> object:
        negate = None
        while (token := self.peek()) is not None and token.type == Token.OP_PRE:
            self.at += 1
            negate = (token.value == "-") != bool(negate)
        value = self.percent()
        if negate is None:
            return value
        return -_number(value) if negate else _number(value)

    def percent(self) -> object:
        value = self.primary()
        while (token := self.peek()) is not None and token.type == Token.OP_POST:
            self.at += 1
            value = _number(value) / 100
        return value

    def primary(self) -> object:
        token = self.take()
        if token.type == Token.OPERAND:
            return self.operand(token)
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            return self.function(token.value[:-1])
        if token.type == Token.PAREN and token.subtype == Token.OPEN:
            value = self.expression()
            self.closing(Token.PAREN)
            return value
        if token.type == Token.ARRAY:
            raise FormulaError(tr("array constants {…} are not supported"))
        raise FormulaError(tr("unexpected {value!r} in the formula").format(value=token.value))

    def closing(self, kind: str) -> None:
        token = self.take()
        if token.type != kind or token.subtype != Token.CLOSE:
            raise FormulaError(tr("unexpected {value!r} in the formula").format(value=token.value))

    # --- operands --------------------------------------------------------------

    def operand(self, token: Token) -> object:
        if token.subtype == Token.NUMBER:
            return _check_number(float(token.value))
        if token.subtype == Token.TEXT:
            return token.value[1:-1].replace('""', '"')
        if token.subtype == Token.LOGICAL:
            return token.value.upper() == "TRUE"
        if token.subtype == Token.ERROR:
            raise FormulaError(tr("{upper} (an Excel error value in the formula)").format(upper=token.value.upper()))
        return self.reference(token.value)

    def reference(self, text: str) -> object:
        sheet, _, address = text.rpartition("!")
        sheet = _unquote(sheet) if sheet else self.sheet
        if ":" in address:
            return self.range(sheet, address)
        if match := _CELL.match(address):
            return self.cell(sheet, (match.group(1) + match.group(2)).upper())
        if sheet != self.sheet or "!" in text:
            raise FormulaError(tr("bad reference {text}").format(text=text))
        return self.name(address)

    def name(self, name: str) -> object:
        target = self.names(name)
        if target is None:
            raise FormulaError(tr("#NAME? (unknown name {name})").format(name=name))
        sheet, address = target
        address = address.replace("$", "")
        return self.range(sheet, address) if ":" in address else self.cell(sheet, address.upper())

    def cell(self, sheet: str, address: str) -> object:
        _check_cell(address)
        value = self.resolve(sheet, address)
        if isinstance(value, str) and value.upper() in ERRORS:
            raise FormulaError(tr("{upper} in {where}").format(upper=value.upper(), where=_where(sheet, address)))
        return value

    def range(self, sheet: str, address: str) -> _Range:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(address.replace("$", "").upper())
        except ValueError:
            raise FormulaError(tr("bad reference {address}").format(address=address)) from None
        if None in (min_col, min_row, max_col, max_row):
            raise FormulaError(tr("whole-row or whole-column references such as {address} are not "
                                  "supported").format(address=address))
        if (max_col - min_col + 1) * (max_row - min_row + 1) > MAX_RANGE_CELLS:
            raise FormulaError(tr("the range {address} has more than {MAX_RANGE_CELLS:,} cells").format(address=address, MAX_RANGE_CELLS=MAX_RANGE_CELLS))
        return _Range(tuple(
            self.cell(sheet, f"{get_column_letter(col)}{row}")
            for row in range(min_row, max_row + 1)
            for col in range(min_col, max_col + 1)
        ))

    # --- functions -------------------------------------------------------------

    def function(self, name: str) -> object:
        shown = name.removeprefix("_xlfn.").removeprefix("_XLFN.")
        if shown.upper() not in _FUNCTIONS:
            raise FormulaError(tr("function {shown} is not supported").format(shown=shown))
        return _FUNCTIONS[shown.upper()](self.arguments())

    def arguments(self) -> list[object]:
        token = self.peek()
        if token is not None and token.type == Token.FUNC and token.subtype == Token.CLOSE:
            self.at += 1
            return []
        args = [self.expression()]
        while (token := self.take()).type == Token.SEP and token.subtype == Token.ARG:
            args.append(self.expression())
        if token.type != Token.FUNC or token.subtype != Token.CLOSE:
            raise FormulaError(tr("unexpected {value!r} in the formula").format(value=token.value))
        return args


def _unquote(sheet: str) -> str:
    if len(sheet) >= 2 and sheet[0] == sheet[-1] == "'":
        return sheet[1:-1].replace("''", "'")
    return sheet


def _where(sheet: str, address: str) -> str:
    return f"'{sheet}'!{address}" if re.search(r"[^\w.]", sheet) else f"{sheet}!{address}"


def _check_cell(address: str) -> None:
    match = _CELL.match(address)
    column = match.group(1) if match else ""
    if not match or len(column) == 3 and column > "XFD" or not 1 <= int(match.group(2)) <= 1_048_576:
        raise FormulaError(tr("bad reference {address}").format(address=address))


# --- values ----------------------------------------------------------------------


def _number(value: object) -> float:
    """Excel's coercion for arithmetic: empty is 0, TRUE is 1, numeric text its number."""
    if isinstance(value, _Range):
        raise FormulaError(tr("#VALUE! (a range can only be used inside SUM, MIN, MAX or AVERAGE)"))
    if value is None or value == "":
        return 0.0
    if isinstance(value, bool | int | float):
        return float(value)
    if isinstance(value, dt.date | dt.time):
        return _serial(value)
    if isinstance(value, str):
        try:
            return _check_number(float(value.strip().replace(",", "")))
        except ValueError:
            raise FormulaError(tr("#VALUE! (the text {value!r} is not a number)").format(value=value)) from None
    raise FormulaError(tr("#VALUE! ({kind} values cannot be used in arithmetic)").format(kind=type(value).__name__))


def _text(value: object) -> str:
    if isinstance(value, _Range):
        raise FormulaError(tr("#VALUE! (a range cannot be joined with &)"))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return general(value)
    if isinstance(value, dt.date | dt.time):
        return general(_serial(value))
    return str(value)


def _serial(value: dt.date | dt.time) -> float:
    """A date or time as Excel's serial number (days since 1899-12-30)."""
    return float(time_to_days(value) if isinstance(value, dt.time) else to_excel(value))


def _divide(left: float, right: float) -> float:
    if right == 0:
        raise FormulaError(tr("#DIV/0!"))
    return _check_number(left / right)


def _power(base: float, exponent: float) -> float:
    if base == 0 and exponent < 0:
        raise FormulaError(tr("#DIV/0!"))
    try:
        return _check_number(math.pow(base, exponent))
    except OverflowError:
        raise FormulaError(tr("#NUM! (the result is too large for Excel)")) from None
    except ValueError:
        raise FormulaError(tr("#NUM! (a negative number to a fractional power)")) from None


def _compare(op: str, left: object, right: object) -> bool:
    """Excel's order: numbers < text (case-insensitive) < booleans; empty is 0 or ""."""
    a, b = _comparable(left, right), _comparable(right, left)
    return {
        "=": a == b,
        "<>": a != b,
        "<": a < b,
        ">": a > b,
        "<=": a <= b,
        ">=": a >= b,
    }[op]


def _comparable(value: object, other: object) -> tuple[int, object]:
    if isinstance(value, _Range):
        raise FormulaError(tr("#VALUE! (a range cannot be compared)"))
    if value is None:
        value = "" if isinstance(other, str) else 0.0
    if isinstance(value, bool):
        return 2, value
    if isinstance(value, str):
        return 1, value.casefold()
    return 0, float(value)  # type: ignore[arg-type]


# --- functions -------------------------------------------------------------------


def _numbers(args: list[object]) -> list[float]:
    """Numbers of the arguments: ranges give their numeric cells only, direct
    arguments are coerced (`SUM("3", TRUE)` is 4)."""
    out: list[float] = []
    for arg in args:
        if isinstance(arg, _Range):
            out.extend(float(v) for v in arg.values if isinstance(v, int | float) and not isinstance(v, bool))
        else:
            out.append(_number(arg))
    return out


def _sum(args: list[object]) -> float:
    _arity("SUM", args, 1, 255)
    return _check_number(math.fsum(_numbers(args)))


def _min(args: list[object]) -> float:
    _arity("MIN", args, 1, 255)
    return min(_numbers(args), default=0.0)


def _max(args: list[object]) -> float:
    _arity("MAX", args, 1, 255)
    return max(_numbers(args), default=0.0)


def _average(args: list[object]) -> float:
    _arity("AVERAGE", args, 1, 255)
    numbers = _numbers(args)
    if not numbers:
        raise FormulaError(tr("#DIV/0! (AVERAGE of no numbers)"))
    return math.fsum(numbers) / len(numbers)


def _abs(args: list[object]) -> float:
    _arity("ABS", args, 1, 1)
    return abs(_number(args[0]))


def _round(args: list[object]) -> float:
    """Half away from zero on the value's 15 significant digits, like Excel."""
    _arity("ROUND", args, 2, 2)
    value, digits = _number(args[0]), int(_number(args[1]))
    exact = Decimal(f"{value:.15g}")
    if digits >= 15 - exact.adjusted():
        return value  # already exact to the digits Excel keeps
    if digits < -(exact.adjusted() + 1):
        return 0.0
    return float(exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def _arity(name: str, args: list[object], low: int, high: int) -> None:
    if not low <= len(args) <= high:
        wanted = str(low) if low == high else f"{low} to {high}"
        raise FormulaError(tr("{name} takes {wanted} arguments, not {count}").format(name=name, wanted=wanted, count=len(args)))


_FUNCTIONS: dict[str, Callable[[list[object]], object]] = {
    "SUM": _sum,
    "ROUND": _round,
    "MIN": _min,
    "MAX": _max,
    "ABS": _abs,
    "AVERAGE": _average,
}

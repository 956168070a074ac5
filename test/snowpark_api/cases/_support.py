"""Helpers for the ported snowpark-python integration cases (standard library only).

Each ``test_<area>.py`` module beside this file holds top-level ``def test_<name>(session):``
functions that use plain ``assert``. ``run_cases.py`` runs them in source order on one fresh
in-memory database per module, and ``test/unit/snowparkApi/portedCases.test.ts`` reports them.
"""

import datetime
import decimal
import math
import re

from snowflake.snowpark import Row  # re-exported for the cases

__all__ = [
    "Row", "check_answer", "raises", "known_difference", "skip", "SkipCase",
    "require_pandas", "unique_name",
]


class SkipCase(Exception):
    """Raised by a case that cannot run here (e.g. pandas is not installed)."""


def skip(reason):
    raise SkipCase(reason)


def require_pandas():
    try:
        import pandas  # noqa: F401
    except ImportError:
        skip("pandas is not installed for this interpreter")
    return pandas


def known_difference(reason):
    """Marks a case the local engine knowingly does not support; it still runs, but is reported as pending."""

    def mark(fn):
        fn.__known_difference__ = reason
        return fn

    return mark


_counter = [0]


def unique_name(prefix="T"):
    _counter[0] += 1
    return "{}_{}".format(prefix, _counter[0])


# ---- comparing results -------------------------------------------------------------

_FLOAT_REL = 1e-6
_FLOAT_ABS = 1e-9


def _values(row):
    if isinstance(row, (list, tuple)):
        return tuple(row)
    return (row,)


def _normalise_value(value):
    if isinstance(value, dict):
        return {k: _normalise_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and not isinstance(value, Row):
        return [_normalise_value(v) for v in value]
    return value


def _sort_key(row):
    """A total order over rows whose values may mix None, numbers, strings, dates, bytes ..."""
    key = []
    for value in _values(row):
        if value is None:
            key.append((0, 0, ""))
        elif isinstance(value, bool):
            key.append((1, int(value), ""))
        elif isinstance(value, (int, float, decimal.Decimal)):
            number = float(value)
            if math.isnan(number):
                key.append((3, 0, ""))
            else:
                key.append((2, number, ""))
        else:
            key.append((4, 0, "{}:{}".format(type(value).__name__, value)))
    return key


def _same(actual, expected):
    if expected is None or actual is None:
        return actual is None and expected is None
    if isinstance(expected, bool) or isinstance(actual, bool):
        return isinstance(expected, bool) and isinstance(actual, bool) and actual == expected
    numbers = (int, float, decimal.Decimal)
    if isinstance(expected, numbers) and isinstance(actual, numbers):
        if isinstance(expected, float) or isinstance(actual, float):
            a, e = float(actual), float(expected)
            if math.isnan(a) or math.isnan(e):
                return math.isnan(a) and math.isnan(e)
            if math.isinf(a) or math.isinf(e):
                return a == e
            return abs(a - e) <= max(_FLOAT_ABS, _FLOAT_REL * max(abs(a), abs(e)))
        return decimal.Decimal(str(actual)) == decimal.Decimal(str(expected))
    if isinstance(expected, (list, tuple)) and isinstance(actual, (list, tuple)):
        return len(actual) == len(expected) and all(_same(a, e) for a, e in zip(actual, expected))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return set(actual) == set(expected) and all(_same(actual[k], expected[k]) for k in expected)
    return actual == expected


def _rows_of(df_or_rows):
    if hasattr(df_or_rows, "collect") and not isinstance(df_or_rows, (list, tuple)):
        return list(df_or_rows.collect())
    if isinstance(df_or_rows, Row):
        return [df_or_rows]
    return list(df_or_rows)


def _show(rows):
    if not rows:
        return "  (no rows)"
    shown = ["  " + repr(r) for r in rows[:30]]
    if len(rows) > 30:
        shown.append("  ... {} more".format(len(rows) - 30))
    return "\n".join(shown)


def check_answer(df_or_rows, expected, sort=True):
    """Like snowpark-python's ``Utils.check_answer``: the rows of a DataFrame (or a list of Rows)
    equal ``expected`` (a list of Rows or tuples, or one Row). Floats compare with a tolerance."""
    actual = _rows_of(df_or_rows)
    if isinstance(expected, Row) or (isinstance(expected, tuple) and not any(isinstance(e, (tuple, list)) for e in expected)):
        expected = [expected]
    expected = list(expected)
    if sort:
        actual_sorted = sorted(actual, key=_sort_key)
        expected_sorted = sorted(expected, key=_sort_key)
    else:
        actual_sorted, expected_sorted = actual, expected
    ok = len(actual_sorted) == len(expected_sorted) and all(
        len(_values(a)) == len(_values(e)) and all(_same(x, y) for x, y in zip(_values(a), _values(e)))
        for a, e in zip(actual_sorted, expected_sorted)
    )
    if not ok:
        raise AssertionError(
            "check_answer: rows differ{}\nactual ({} rows):\n{}\nexpected ({} rows):\n{}".format(
                " (both sorted)" if sort else "",
                len(actual_sorted), _show(actual_sorted), len(expected_sorted), _show(expected_sorted)))


def raises(exc_type, fn, match=None):
    """Calls ``fn()``; asserts it raises ``exc_type`` (a type, a tuple of types, or a type name)
    whose message matches the regular expression ``match`` (searched, case-insensitive). Returns the exception."""
    try:
        fn()
    except Exception as error:  # noqa: BLE001
        if isinstance(exc_type, str):
            names = {c.__name__ for c in type(error).__mro__}
            if exc_type not in names:
                raise AssertionError("expected {} but got {}: {}".format(exc_type, type(error).__name__, error))
        elif not isinstance(error, exc_type):
            raise AssertionError("expected {} but got {}: {}".format(
                getattr(exc_type, "__name__", exc_type), type(error).__name__, error))
        if match is not None and not re.search(match, str(error), re.IGNORECASE | re.DOTALL):
            raise AssertionError("the {} message does not match {!r}: {}".format(type(error).__name__, match, error))
        return error
    raise AssertionError("expected {} but nothing was raised".format(getattr(exc_type, "__name__", exc_type)))

"""``df.na``: Snowpark's DataFrameNaFunctions (drop, fill, replace rows with nulls and NaNs).

Which columns a value may go into follows Snowpark: the DataFrame's schema (from the engine)
decides, an ``int`` fits integer and floating columns, a ``float`` only floating ones, and a
value whose type does not fit a column is skipped for that column (Snowpark logs a warning).
NaN counts as missing only in FLOAT columns, as in Snowpark.
"""

import datetime
import logging
import math
from decimal import Decimal

from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark.column import Column
from snowflake.snowpark.exceptions import SnowparkColumnException
from snowflake.snowpark import types as t

from snowpark_local.sql_literals import quote_identifier

_logger = logging.getLogger(__name__)

_SUBSET_ERROR = "subset should be a single column name, list or tuple of column names"
_LITERAL_TYPES = (type(None), bool, int, float, str, Decimal, datetime.date, datetime.datetime, datetime.time,
                  bytes, bytearray)


def _check_subset(subset):
    if subset is not None and not isinstance(subset, (str, list, tuple)):
        raise TypeError(_SUBSET_ERROR)


def _subset_names(frame, subset):
    if subset is None:
        return list(frame.columns)
    return [subset] if isinstance(subset, str) else list(subset)


def _value_fits(value, datatype, include_decimal=False):
    """Snowpark's ``_is_value_type_matching_for_na_function``."""
    integral = (t.ByteType, t.ShortType, t.IntegerType, t.LongType, t.FloatType, t.DoubleType)
    floating = (t.FloatType, t.DoubleType)
    if include_decimal:
        integral, floating = integral + (t.DecimalType,), floating + (t.DecimalType,)
    if value is None:
        return True
    if isinstance(value, bool):
        return isinstance(datatype, t.BooleanType)
    if isinstance(value, int):
        return isinstance(datatype, integral)
    if isinstance(value, float):
        return isinstance(datatype, floating)
    if isinstance(value, Decimal):
        return isinstance(datatype, t.DecimalType)
    if isinstance(value, str):
        return isinstance(datatype, t.StringType)
    if isinstance(value, datetime.datetime):
        return isinstance(datatype, t.TimestampType)
    if isinstance(value, datetime.date):
        return isinstance(datatype, t.DateType)
    if isinstance(value, datetime.time):
        return isinstance(datatype, t.TimeType)
    if isinstance(value, (bytes, bytearray)):
        return isinstance(datatype, t.BinaryType)
    return False


def _types_by_name(frame):
    """The DataFrame's columns as quoted identifiers, with their Snowpark types, in order."""
    return [(quote_identifier(field.name), field.datatype) for field in frame.schema.fields]


def _resolve_names(names, typed):
    known = [name for name, _ in typed]
    quoted = []
    for name in names:
        normalized = quote_identifier(name)
        if normalized not in known:
            raise SnowparkColumnException(
                "The DataFrame does not contain the column named {}. Available columns: {}".format(
                    normalized, ", ".join(known)), "1105")
        quoted.append(normalized)
    return quoted


def _ref(name):
    return Column(ex.ColumnRef(name))


def _is_missing(name, datatype):
    column = _ref(name)
    if isinstance(datatype, (t.FloatType, t.DoubleType)):
        return (column == math.nan) | column.is_null()
    return column.is_null()


class DataFrameNaFunctions:
    """Reached as ``df.na``."""

    def __init__(self, dataframe):
        self._dataframe = dataframe

    def drop(self, how="any", thresh=None, subset=None):
        if how is not None and how not in ("any", "all"):
            raise ValueError("how ('{}') should be 'any' or 'all'".format(how))
        _check_subset(subset)
        frame = self._dataframe
        names = _subset_names(frame, subset)
        if thresh is None:
            thresh = len(names) if how in ("any", None) else 1
        if thresh < 1 or not names:
            return frame
        if thresh > len(names):
            return frame.limit(0)
        typed = dict(_types_by_name(frame))
        present = None
        # Each column adds 1 when it holds a value (not NULL, not NaN); keep rows with >= thresh.
        for name in dict.fromkeys(_resolve_names(names, list(typed.items()))):
            from snowflake.snowpark.functions import iff
            term = iff(_is_missing(name, typed[name]), 0, 1)
            present = term if present is None else present + term
        return frame.where(present >= thresh)

    def fill(self, value, subset=None, *, include_decimal=False):
        _check_subset(subset)
        frame = self._dataframe
        if isinstance(value, dict):
            if not all(isinstance(key, str) for key in value):
                raise ValueError("All keys in value should be column names (str)")
            wanted = dict(value)
        else:
            wanted = {name: value for name in _subset_names(frame, subset)}
        if not wanted:
            return frame
        _check_literals(wanted.values(), "value")
        typed = _types_by_name(frame)
        by_name = dict(zip(_resolve_names(list(wanted), typed), wanted.values()))
        from snowflake.snowpark.functions import iff, lit
        outputs = []
        for name, datatype in typed:
            if name in by_name and _value_fits(by_name[name], datatype, include_decimal):
                outputs.append(iff(_is_missing(name, datatype), lit(by_name[name]), _ref(name)).alias(name))
            else:
                if name in by_name:
                    _skip_warning(name, datatype, by_name[name])
                outputs.append(_ref(name))
        return frame.select(outputs)

    def replace(self, to_replace, value=None, subset=None, *, include_decimal=False):
        _check_subset(subset)
        frame = self._dataframe
        names = _subset_names(frame, subset)
        if not names:
            return frame
        replacement = _replacement_map(to_replace, value)
        if not replacement:
            return frame
        _check_literals(list(replacement) + list(replacement.values()), "to_replace and value")
        typed = _types_by_name(frame)
        chosen = set(_resolve_names(names, typed))
        from snowflake.snowpark.functions import lit, when
        outputs = []
        for name, datatype in typed:
            case = None
            if name in chosen:
                for old, new in replacement.items():
                    if not (_value_fits(old, datatype, include_decimal) and _value_fits(new, datatype, include_decimal)):
                        _skip_warning(name, datatype, old)
                        continue
                    condition = _ref(name).is_null() if old is None else _ref(name) == lit(old)
                    case = when(condition, lit(new)) if case is None else case.when(condition, lit(new))
            outputs.append(case.otherwise(_ref(name)).alias(name) if case is not None else _ref(name))
        return frame.select(outputs)


def _replacement_map(to_replace, value):
    if isinstance(to_replace, dict):
        return dict(to_replace)
    if isinstance(to_replace, (list, tuple)):
        if isinstance(value, (list, tuple)):
            if len(to_replace) != len(value):
                raise ValueError("to_replace and value lists should be of the same length.Got {} and {}".format(
                    len(to_replace), len(value)))
            return dict(zip(to_replace, value))
        return {old: value for old in to_replace}
    return {to_replace: value}


def _check_literals(values, what):
    for item in values:
        if not isinstance(item, _LITERAL_TYPES):
            raise ValueError("All values in {} should be in one of {} types; got {!r} ({})".format(
                what, tuple(kind.__name__ for kind in _LITERAL_TYPES), item, type(item).__name__))


def _skip_warning(name, datatype, value):
    _logger.warning("Input value type doesn't match the target column data type, this replacement was skipped. "
                    "Column Name: %s, Type: %s, Input Value: %r, Type: %s", name, datatype, value, type(value))

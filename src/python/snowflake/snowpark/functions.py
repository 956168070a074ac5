"""Snowpark's ``functions`` module: every function here builds a Column over a SQL function call.

Most functions are one line of the catalogue below: the Python name, the SQL function and
the kind of each argument, as Snowpark's signatures take them:

    c   ColumnOrName: a Column, or a str naming a column
    l   ColumnOrLiteral: a Column, or a Python value written as a SQL literal
    n   a Python number is a literal, a str names a column (``log(10, "a")``)
    p   a date or time part written as a bare word (``DATEADD(day, …)``)
    *   (suffix) any number of such arguments;  ? (suffix) optional

A function Snowpark has that is not here raises an error naming it (see ``__getattr__``).
"""

import builtins as _builtins
import random as _random
import sys as _sys

from snowflake.snowpark._internal.arguments import flatten_arguments
from snowflake.snowpark._internal import expressions as _ex
from snowflake.snowpark._internal.type_names import _NamedType
from snowflake.snowpark.column import CaseExpr, Column, _condition, to_column, to_expression
from snowflake.snowpark.types import VariantType as _VariantType


def _argument(kind, value):
    if kind == "c":
        return to_column(value)._expression
    if kind == "n":
        return to_column(value)._expression if isinstance(value, (str, Column)) else to_expression(value)
    if kind == "p":
        if isinstance(value, Column):
            return value._expression
        return _ex.Keyword(str(value).strip("'\"").upper())
    return to_expression(value)


def _builder(python_name, sql_name, kinds, aggregate):
    required = [kind for kind in kinds if not kind.endswith("?") and not kind.endswith("*")]

    def build(*args):
        if _builtins.len(args) < _builtins.len(required):
            raise TypeError("{}() takes at least {} argument(s) ({} given)".format(python_name, _builtins.len(required), _builtins.len(args)))
        expressions = []
        for position, value in enumerate(args):
            if position < _builtins.len(kinds):
                kind = kinds[position]
            elif kinds and kinds[-1].endswith("*"):
                kind = kinds[-1]
            else:
                raise TypeError("{}() takes at most {} argument(s) ({} given)".format(python_name, _builtins.len(kinds), _builtins.len(args)))
            if value is None and kind.endswith("?"):
                continue
            expressions.append(_argument(kind[0], value))
        return Column(_ex.FunctionCall(sql_name, expressions, is_aggregate=aggregate))

    build.__name__ = python_name
    build.__qualname__ = python_name
    build.__doc__ = "Snowflake's {}; see Snowpark's functions.{}.".format(sql_name, python_name)
    return build


# truncate and bucket are Snowpark's Iceberg partition transforms, truncate(width, col);
# trunc(col, scale) is the numeric one.
# name            SQL function       argument kinds
_SCALARS = """
abs               ABS                c
acos              ACOS               c
acosh             ACOSH              c
asin              ASIN               c
asinh             ASINH              c
atan              ATAN               c
atan2             ATAN2              c c
atanh             ATANH              c
ceil              CEIL               c
cos               COS                c
cosh              COSH               c
cbrt              CBRT               c
degrees           DEGREES            c
exp               EXP                c
factorial         FACTORIAL          c
floor             FLOOR              c
ln                LN                 c
log               LOG                n n
pow               POWER              n n
power             POWER              n n
radians           RADIANS            c
sign              SIGN               c
sin               SIN                c
sinh              SINH               c
sqrt              SQRT               c
square            SQUARE             c
tan               TAN                c
tanh              TANH               c
trunc             TRUNC              c l?
mod               MOD                c c
div0              DIV0               n n
negate            NEGATE             c
bitnot            BITNOT             c
bitshiftleft      BITSHIFTLEFT       c l
bitshiftright     BITSHIFTRIGHT      c l
uniform           UNIFORM            l l l
greatest          GREATEST           c*
least             LEAST              c*
coalesce          COALESCE           c*
nvl               NVL                c c
ifnull            IFNULL             c c
nvl2              NVL2               c c c
nullifzero        NULLIFZERO         c
zeroifnull        ZEROIFNULL         c
nullif            NULLIF             c c
equal_null        EQUAL_NULL         c c
decode            DECODE             c l*
hash              HASH               c*
uuid_string       UUID_STRING        l? l?
concat            CONCAT             c*
concat_ws         CONCAT_WS          c*
upper             UPPER              c
lower             LOWER              c
length            LENGTH             c
len               LEN                c
octet_length      OCTET_LENGTH       c
bit_length        BIT_LENGTH         c
reverse           REVERSE            c
ltrim             LTRIM              c l?
rtrim             RTRIM              c l?
trim              TRIM               c l?
lpad              LPAD               c l c
rpad              RPAD               c l c
initcap           INITCAP            c l?
substring         SUBSTRING          c l l?
substr            SUBSTRING          c l l?
split             SPLIT              c c
split_part        SPLIT_PART         c l l
strtok_to_array   STRTOK_TO_ARRAY    c l?
replace           REPLACE            c l l?
translate         TRANSLATE          c c c
insert            INSERT             c l l c
repeat            REPEAT             c l
left              LEFT               c l
right             RIGHT              c l
ascii             ASCII              c
char              CHR                c
chr               CHR                c
soundex           SOUNDEX            c
editdistance      EDITDISTANCE       c c l?
contains          CONTAINS           c c
startswith        STARTSWITH         c c
endswith          ENDSWITH           c c
charindex         CHARINDEX          c c l?
position          POSITION           c c l?
regexp_count      REGEXP_COUNT       c l l? l*
regexp_replace    REGEXP_REPLACE     c l l? l? l? l*
regexp_substr     REGEXP_SUBSTR      c l l? l? l? l?
regexp_instr      REGEXP_INSTR       c l l? l? l? l? l?
rlike             RLIKE              c l l?
regexp_like       REGEXP_LIKE        c l l?
md5               MD5                c
sha1              SHA1               c
sha2              SHA2               c l?
base64_encode     BASE64_ENCODE      c
base64_decode_string BASE64_DECODE_STRING c
try_to_binary     TRY_TO_BINARY      c l?
collate           COLLATE            c l
collation         COLLATION          c
current_date      CURRENT_DATE
current_time      CURRENT_TIME
current_timestamp CURRENT_TIMESTAMP
localtimestamp    LOCALTIMESTAMP
sysdate           SYSDATE
current_database  CURRENT_DATABASE
current_schema    CURRENT_SCHEMA
current_role      CURRENT_ROLE
current_user      CURRENT_USER
current_warehouse CURRENT_WAREHOUSE
current_session   CURRENT_SESSION
current_version   CURRENT_VERSION
current_region    CURRENT_REGION
current_account   CURRENT_ACCOUNT
current_schemas   CURRENT_SCHEMAS
current_statement CURRENT_STATEMENT
current_available_roles CURRENT_AVAILABLE_ROLES
to_date           TO_DATE            c l?
to_time           TO_TIME            c l?
to_timestamp      TO_TIMESTAMP       c l?
to_timestamp_ntz  TO_TIMESTAMP_NTZ   c l?
to_timestamp_ltz  TO_TIMESTAMP_LTZ   c l?
to_timestamp_tz   TO_TIMESTAMP_TZ    c l?
date_trunc        DATE_TRUNC         l c
dateadd           DATEADD            p c c
datediff          DATEDIFF           p c c
timestampadd      TIMESTAMPADD       p c c
timestampdiff     TIMESTAMPDIFF      p c c
date_part         DATE_PART          p c
year              YEAR               c
quarter           QUARTER            c
month             MONTH              c
week              WEEK               c
weekofyear        WEEKOFYEAR         c
day               DAY                c
dayofmonth        DAYOFMONTH         c
dayofweek         DAYOFWEEK          c
dayofweekiso      DAYOFWEEKISO       c
dayofyear         DAYOFYEAR          c
hour              HOUR               c
minute            MINUTE             c
second            SECOND             c
last_day          LAST_DAY           c p?
dayname           DAYNAME            c
monthname         MONTHNAME          c
add_months        ADD_MONTHS         c l
months_between    MONTHS_BETWEEN     c c
next_day          NEXT_DAY           c l
previous_day      PREVIOUS_DAY       c l
date_from_parts   DATE_FROM_PARTS    l l l
time_from_parts   TIME_FROM_PARTS    l l l l?
timestamp_from_parts TIMESTAMP_FROM_PARTS l l l? l? l? l? l? l?
timestamp_ntz_from_parts TIMESTAMP_NTZ_FROM_PARTS l l l? l? l? l? l?
convert_timezone  CONVERT_TIMEZONE   l c l?
to_char           TO_CHAR            c l?
to_varchar        TO_VARCHAR         c l?
date_format       TO_CHAR            c l?
to_decimal        TO_DECIMAL         c l? l?
to_number         TO_NUMBER          c l? l?
to_double         TO_DOUBLE          c l?
to_boolean        TO_BOOLEAN         c
to_binary         TO_BINARY          c l?
to_variant        TO_VARIANT         c
to_json           TO_JSON            c
to_array          TO_ARRAY           c
to_object         TO_OBJECT          c
to_geography      TO_GEOGRAPHY       c
try_to_number     TRY_TO_NUMBER      c l? l?
try_to_decimal    TRY_TO_DECIMAL     c l? l?
try_to_double     TRY_TO_DOUBLE      c
try_to_date       TRY_TO_DATE        c l?
try_to_timestamp  TRY_TO_TIMESTAMP   c l?
try_to_boolean    TRY_TO_BOOLEAN     c
parse_json        PARSE_JSON         c
try_parse_json    TRY_PARSE_JSON     c
parse_xml         PARSE_XML          c
check_json        CHECK_JSON         c
check_xml         CHECK_XML          c
to_xml            TO_XML             c
json_extract_path_text JSON_EXTRACT_PATH_TEXT c c
object_construct  OBJECT_CONSTRUCT   c*
object_construct_keep_null OBJECT_CONSTRUCT_KEEP_NULL c*
array_construct   ARRAY_CONSTRUCT    c*
array_construct_compact ARRAY_CONSTRUCT_COMPACT c*
array_size        ARRAY_SIZE         c
array_append      ARRAY_APPEND       c c
array_prepend     ARRAY_PREPEND      c c
array_cat         ARRAY_CAT          c c
array_compact     ARRAY_COMPACT      c
array_contains    ARRAY_CONTAINS     c c
array_distinct    ARRAY_DISTINCT     c
array_insert      ARRAY_INSERT       c c c
array_intersection ARRAY_INTERSECTION c c
array_position    ARRAY_POSITION     c c
array_slice       ARRAY_SLICE        c c c
array_to_string   ARRAY_TO_STRING    c c
arrays_overlap    ARRAYS_OVERLAP     c c
array_flatten     ARRAY_FLATTEN      c
array_sort        ARRAY_SORT         c l? l?
array_min         ARRAY_MIN          c
array_max         ARRAY_MAX          c
array_generate_range ARRAY_GENERATE_RANGE c c c?
array_reverse     ARRAY_REVERSE      c
arrays_to_object  ARRAYS_TO_OBJECT   c c
arrays_zip        ARRAYS_ZIP         c*
map_keys          MAP_KEYS           c
map_contains_key  MAP_CONTAINS_KEY   l c
object_keys       OBJECT_KEYS        c
object_insert     OBJECT_INSERT      c c c l?
object_delete     OBJECT_DELETE      c c c*
object_pick       OBJECT_PICK        c c c*
get               GET                n n
get_ignore_case   GET_IGNORE_CASE    c c
get_path          GET_PATH           c c
strip_null_value  STRIP_NULL_VALUE   c
is_null_value     IS_NULL_VALUE      c
is_array          IS_ARRAY           c
is_object         IS_OBJECT          c
is_boolean        IS_BOOLEAN         c
is_integer        IS_INTEGER         c
is_decimal        IS_DECIMAL         c
is_double         IS_DOUBLE          c
is_real           IS_REAL            c
is_char           IS_CHAR            c
is_varchar        IS_VARCHAR         c
is_date           IS_DATE            c
is_date_value     IS_DATE_VALUE      c
is_time           IS_TIME            c
is_timestamp_ntz  IS_TIMESTAMP_NTZ   c
is_timestamp_ltz  IS_TIMESTAMP_LTZ   c
is_timestamp_tz   IS_TIMESTAMP_TZ    c
is_binary         IS_BINARY          c
as_array          AS_ARRAY           c
as_object         AS_OBJECT          c
as_char           AS_CHAR            c
as_varchar        AS_VARCHAR         c
as_integer        AS_INTEGER         c
as_double         AS_DOUBLE          c
as_real           AS_REAL            c
as_decimal        AS_DECIMAL         c l? l?
as_number         AS_NUMBER          c l? l?
as_boolean        AS_BOOLEAN         c
as_binary         AS_BINARY          c
as_date           AS_DATE            c
as_time           AS_TIME            c
as_timestamp_ntz  AS_TIMESTAMP_NTZ   c
as_timestamp_ltz  AS_TIMESTAMP_LTZ   c
as_timestamp_tz   AS_TIMESTAMP_TZ    c
typeof            TYPEOF             c
grouping          GROUPING           c*
grouping_id       GROUPING_ID        c*
bucket            BUCKET             n c
truncate          TRUNCATE           n c
"""

_AGGREGATES = """
sum               SUM                c
avg               AVG                c
mean              AVG                c
min               MIN                c
max               MAX                c
median            MEDIAN             c
mode              MODE               c
stddev            STDDEV             c
stddev_samp       STDDEV_SAMP        c
stddev_pop        STDDEV_POP         c
variance          VARIANCE           c
var_samp          VAR_SAMP           c
var_pop           VAR_POP            c
kurtosis          KURTOSIS           c
skew              SKEW               c
any_value         ANY_VALUE          c
approx_count_distinct APPROX_COUNT_DISTINCT c
approx_percentile APPROX_PERCENTILE  c l
corr              CORR               c c
covar_pop         COVAR_POP          c c
covar_samp        COVAR_SAMP         c c
count_if          COUNT_IF           c
booland_agg       BOOLAND_AGG        c
boolor_agg        BOOLOR_AGG         c
boolxor_agg       BOOLXOR_AGG        c
bitand_agg        BITAND_AGG         c
bitor_agg         BITOR_AGG          c
bitxor_agg        BITXOR_AGG         c
object_agg        OBJECT_AGG         c c
max_by            MAX_BY             c c l?
min_by            MIN_BY             c c l?
regr_avgx         REGR_AVGX          c c
regr_avgy         REGR_AVGY          c c
regr_count        REGR_COUNT         c c
regr_intercept    REGR_INTERCEPT     c c
regr_r2           REGR_R2            c c
regr_slope        REGR_SLOPE         c c
regr_sxx          REGR_SXX           c c
regr_sxy          REGR_SXY           c c
regr_syy          REGR_SYY           c c
array_unique_agg  ARRAY_UNIQUE_AGG   c
"""

# Window-only functions render without arguments' defaults Snowflake would reject.
_WINDOWS = """
row_number        ROW_NUMBER
rank              RANK
dense_rank        DENSE_RANK
percent_rank      PERCENT_RANK
cume_dist         CUME_DIST
ntile             NTILE              l
nth_value         NTH_VALUE          c l
"""

_CATALOGUE = {}


def _load(table, aggregate):
    for line in table.strip().splitlines():
        parts = line.split()
        python_name, sql_name, kinds = parts[0], parts[1], parts[2:]
        _CATALOGUE[python_name] = _builder(python_name, sql_name, kinds, aggregate)


_load(_SCALARS, False)
_load(_AGGREGATES, True)
_load(_WINDOWS, False)
globals().update(_CATALOGUE)

# Snowpark's other spellings.
_ALIASES = {
    "countDistinct": None, "sumDistinct": None, "to_str": "to_varchar", "instr": None, "ceiling": "ceil",
    "variance_samp": "var_samp", "variance_pop": "var_pop", "std": "stddev", "avg_": "avg",
    "lead_": None, "date_add": None, "date_sub": None,
    "signum": "sign", "base64": "base64_encode", "unbase64": "base64_decode_string", "array_union": "array_cat",
    "sort_array": "array_sort", "element_at": "get", "collect_set": "array_unique_agg",
    "percentile_approx": "approx_percentile", "from_unixtime": "to_timestamp",
}
for _alias, _target in _ALIASES.items():
    if _target is not None:
        globals()[_alias] = _CATALOGUE[_target]


# ------------------------------------------------------------------ columns and literals

def col(col_name, col_name2=None):
    """``col("a")``; ``col("df_alias", "a")`` names a column of an aliased DataFrame."""
    if col_name2 is not None:
        return Column(_ex.ColumnRef(col_name2, df_alias=col_name))
    return Column(col_name)


column = col


def lit(literal, datatype=None):
    if isinstance(literal, Column):
        return literal
    return Column(_ex.Literal(literal, datatype))


typed_lit = lit


def sql_expr(sql):
    return Column(_ex.SqlText(sql))


expr = sql_expr


def asc(c):
    return to_column(c).asc()


def desc(c):
    return to_column(c).desc()


def asc_nulls_first(c):
    return to_column(c).asc_nulls_first()


def asc_nulls_last(c):
    return to_column(c).asc_nulls_last()


def desc_nulls_first(c):
    return to_column(c).desc_nulls_first()


def desc_nulls_last(c):
    return to_column(c).desc_nulls_last()


def cast(column, to):
    return to_column(column).cast(to)


def try_cast(column, to):
    return to_column(column).try_cast(to)


def not_(e):
    return ~to_column(e)


def is_null(e):
    return to_column(e).is_null()


def equal_nan(e):
    return to_column(e).equal_nan()


def in_(cols, *vals):
    """``in_([col("a"), col("b")], [[1, "x"], [2, "y"]])``: a row of columns in a list of rows or a subquery."""
    columns = [to_column(value)._expression for value in (cols if isinstance(cols, (list, tuple)) else [cols])]
    if _builtins.len(columns) == 1:
        return Column(columns[0]).in_(*vals)
    left = _ex.SqlText("(" + ", ".join(c.sql() for c in columns) + ")")
    if _builtins.len(vals) == 1 and hasattr(vals[0], "_plan"):
        width = _builtins.len(vals[0]._output_names())
        if width != _builtins.len(columns):
            raise ValueError("The number of values {} does not match the number of columns {} in the subquery."
                             .format(_builtins.len(columns), width))
        return Column(_ex.InList(left, subquery=vals[0]._sql_text()))
    rows = vals[0] if _builtins.len(vals) == 1 and isinstance(vals[0], (list, tuple)) else vals
    tuples = []
    for row in rows:
        if not isinstance(row, (list, tuple)) or _builtins.len(row) != _builtins.len(columns):
            raise ValueError("in_() with {} columns needs rows of {} values, not {!r}".format(
                _builtins.len(columns), _builtins.len(columns), row))
        tuples.append(_ex.SqlText("(" + ", ".join(to_expression(value).sql() for value in row) + ")"))
    return Column(_ex.InList(left, tuples))


def like(col, pattern):
    return to_column(col).like(pattern)


def ilike(col, pattern):
    return to_column(col).ilike(pattern)


def between(col, lower, upper):
    return to_column(col).between(lower, upper)


# ------------------------------------------------------------------ conditionals

def when(condition, value):
    return CaseExpr([(_condition(condition), to_expression(value))])


def iff(condition, expr1, expr2):
    return Column(_ex.FunctionCall("IFF", [_condition(condition), to_expression(expr1), to_expression(expr2)]))


# ------------------------------------------------------------------ aggregates that take options

def count(e):
    expression = to_column(e)._expression
    if isinstance(expression, _ex.Star):
        expression = _ex.Literal(1)
    return Column(_ex.FunctionCall("COUNT", [expression], is_aggregate=True))


def count_distinct(*cols):
    columns = [to_column(value)._expression for value in flatten_arguments(cols)]
    return Column(_ex.FunctionCall("COUNT", columns, distinct=True, is_aggregate=True))


countDistinct = count_distinct


def sum_distinct(e):
    return Column(_ex.FunctionCall("SUM", [to_column(e)._expression], distinct=True, is_aggregate=True))


sumDistinct = sum_distinct


def avg_distinct(e):
    return Column(_ex.FunctionCall("AVG", [to_column(e)._expression], distinct=True, is_aggregate=True))


def listagg(e, delimiter="", is_distinct=False):
    return Column(_ex.FunctionCall("LISTAGG", [to_column(e)._expression, _ex.Literal(delimiter)],
                                   distinct=is_distinct, is_aggregate=True))


def array_agg(col, is_distinct=False):
    return Column(_ex.FunctionCall("ARRAY_AGG", [to_column(col)._expression], distinct=is_distinct, is_aggregate=True))


arrayagg = array_agg
collect_list = array_agg


def percentile_cont(percentile):
    """``percentile_cont(0.5).within_group(col("x"))``, as in Snowpark."""
    return Column(_ex.FunctionCall("PERCENTILE_CONT", [_ex.Literal(percentile)], is_aggregate=True))


def percentile_disc(percentile):
    return Column(_ex.FunctionCall("PERCENTILE_DISC", [_ex.Literal(percentile)], is_aggregate=True))


def approx_percentile_accumulate(col):
    return Column(_ex.FunctionCall("APPROX_PERCENTILE_ACCUMULATE", [to_column(col)._expression], is_aggregate=True))


# ------------------------------------------------------------------ window functions with options

def _offset_function(name, e, offset, default_value, ignore_nulls):
    args = [to_column(e)._expression, _ex.Literal(offset)]
    if default_value is not None:
        args.append(to_expression(default_value))
    call = _ex.FunctionCall(name, args)
    return Column(_ex.UnaryOp("IGNORE NULLS", call, postfix=True) if ignore_nulls else call)


def lag(e, offset=1, default_value=None, ignore_nulls=False):
    return _offset_function("LAG", e, offset, default_value, ignore_nulls)


def lead(e, offset=1, default_value=None, ignore_nulls=False):
    return _offset_function("LEAD", e, offset, default_value, ignore_nulls)


def first_value(e, ignore_nulls=False):
    call = _ex.FunctionCall("FIRST_VALUE", [to_column(e)._expression])
    return Column(_ex.UnaryOp("IGNORE NULLS", call, postfix=True) if ignore_nulls else call)


def last_value(e, ignore_nulls=False):
    call = _ex.FunctionCall("LAST_VALUE", [to_column(e)._expression])
    return Column(_ex.UnaryOp("IGNORE NULLS", call, postfix=True) if ignore_nulls else call)


# ------------------------------------------------------------------ functions whose SQL shape differs

def random(seed=None):
    if seed is None:
        seed = _random.randint(-_sys.maxsize, _sys.maxsize)
    return Column(_ex.FunctionCall("RANDOM", [_ex.Literal(int(seed))]))


def regexp_extract(value, regexp, idx):
    """Snowpark's Spark-style regexp_extract: group ``idx`` of the first match, '' when none."""
    call = _ex.FunctionCall("REGEXP_SUBSTR", [to_column(value)._expression, to_expression(regexp), _ex.Literal(1),
                                              _ex.Literal(1), _ex.Literal("e"), to_expression(idx)])
    return Column(_ex.FunctionCall("COALESCE", [call, _ex.Literal("")]))


def date_add(col, num_of_days):
    return Column(_ex.FunctionCall("DATEADD", [_ex.Keyword("DAY"), to_expression(num_of_days), to_column(col)._expression]))


def date_sub(col, num_of_days):
    return Column(_ex.FunctionCall("DATEADD", [_ex.Keyword("DAY"), _ex.UnaryOp("-", to_expression(num_of_days)),
                                               to_column(col)._expression]))


def round(e, scale=0):
    return Column(_ex.FunctionCall("ROUND", [to_column(e)._expression, _argument("n", scale)]))


def bround(col, scale):
    return Column(_ex.FunctionCall("ROUND", [to_column(col)._expression, to_expression(scale),
                                             _ex.Literal("HALF_TO_EVEN")]))


def ceil_(e):
    return _CATALOGUE["ceil"](e)


def instr(str, substring):
    return Column(_ex.FunctionCall("CHARINDEX", [to_expression(substring), to_column(str)._expression]))


def _seq(python_name, sql_name):
    def build(sign=0):
        return Column(_ex.FunctionCall(sql_name, [_ex.Literal(sign)]))

    build.__name__ = build.__qualname__ = python_name
    build.__doc__ = "Snowflake's {}(sign); Snowpark always writes the sign, 0 unless given.".format(sql_name)
    return build


seq1, seq2, seq4, seq8 = (_seq(name, name.upper()) for name in ("seq1", "seq2", "seq4", "seq8"))
monotonically_increasing_id = seq8


def log10(x):
    return Column(_ex.FunctionCall("LOG", [_ex.Literal(10), _argument("n", x)]))


def log2(x):
    return Column(_ex.FunctionCall("LOG", [_ex.Literal(2), _argument("n", x)]))


def log1p(x):
    """``LN(x + 1)``, as Snowpark writes it."""
    return Column(_ex.FunctionCall("LN", [_ex.BinaryOp("+", _argument("n", x), _ex.Literal(1))]))


def divnull(dividend, divisor):
    """``dividend / NULLIFZERO(divisor)``: NULL where the divisor is 0."""
    return Column(_ex.BinaryOp("/", _argument("n", dividend),
                               _ex.FunctionCall("NULLIFZERO", [_argument("n", divisor)])))


def hex_encode(e, case=1):
    return Column(_ex.FunctionCall("HEX_ENCODE", [to_column(e)._expression, _ex.Literal(case)]))


hex = hex_encode


def daydiff(col1, col2):
    """Days from ``col2`` to ``col1``: ``DATEDIFF('day', col2, col1)``."""
    return Column(_ex.FunctionCall("DATEDIFF", [_ex.Literal("day"), to_column(col2)._expression,
                                                to_column(col1)._expression]))


def locate(expr1, expr2, start_pos=1):
    """The 1-based position of the string ``expr1`` in the column ``expr2`` from ``start_pos``; 0 when absent."""
    return Column(_ex.FunctionCall("CHARINDEX", [to_expression(expr1), to_column(expr2)._expression,
                                                 to_expression(start_pos)]))


def substring_index(text, delim, count):
    """The text before the ``count``-th ``delim`` (after the ``-count``-th from the end when negative)."""
    delimiter = to_expression(delim)
    tokens = _ex.FunctionCall("STRTOK_TO_ARRAY", [to_column(text)._expression, delimiter])
    if count >= 0:
        start, end = _ex.Literal(0), _ex.Literal(count)
    else:
        size_ = _ex.FunctionCall("ARRAY_SIZE", [tokens])
        start, end = _ex.BinaryOp("+", size_, _ex.Literal(count)), size_
    return Column(_ex.FunctionCall("ARRAY_TO_STRING", [_ex.FunctionCall("ARRAY_SLICE", [tokens, start, end]), delimiter]))


def array_except(source_array, array_of_elements_to_exclude, allow_duplicates=True):
    first = to_column(source_array)._expression
    second = to_column(array_of_elements_to_exclude)._expression
    if not allow_duplicates:
        first = _ex.FunctionCall("ARRAY_DISTINCT", [first])
        second = _ex.FunctionCall("ARRAY_DISTINCT", [second])
    return Column(_ex.FunctionCall("ARRAY_EXCEPT", [first, second]))


def array_remove(array, element):
    """A str element is compared as a VARIANT string (Snowpark casts it), anything else as it is."""
    if isinstance(element, str):
        value = _ex.Cast(_ex.Literal(element), _VariantType())
    else:
        value = to_expression(element)
    return Column(_ex.FunctionCall("ARRAY_REMOVE", [to_column(array)._expression, value]))


def size(col):
    """The number of elements of an ARRAY or keys of an OBJECT; NULL for anything else."""
    column = to_column(col)
    value = _ex.FunctionCall("TO_VARIANT", [column._expression])
    case = _ex.CaseWhen([
        (_ex.FunctionCall("IS_ARRAY", [value]), _ex.FunctionCall("ARRAY_SIZE", [value])),
        (_ex.FunctionCall("IS_OBJECT", [value]),
         _ex.FunctionCall("ARRAY_SIZE", [_ex.FunctionCall("OBJECT_KEYS", [value])])),
    ], _ex.Literal(None))
    # Snowpark names the result after the column: SIZE("COL1").
    return Column(_ex.Alias(case, "SIZE({})".format(column.get_name())))


def unix_timestamp(e, fmt=None):
    """Seconds since the epoch: ``DATE_PART('epoch_second', TO_TIMESTAMP(e[, fmt]))``."""
    args = [to_column(e)._expression] + ([] if fmt is None else [to_expression(fmt)])
    return Column(_ex.FunctionCall("DATE_PART", [_ex.Literal("epoch_second"), _ex.FunctionCall("TO_TIMESTAMP", args)]))


def to_utc_timestamp(e, tz):
    """A timestamp in time zone ``tz`` as UTC: ``CONVERT_TIMEZONE(tz, 'UTC', e)``."""
    return Column(_ex.FunctionCall("CONVERT_TIMEZONE", [to_expression(tz), _ex.Literal("UTC"), to_column(e)._expression]))


def from_utc_timestamp(e, tz):
    """A UTC timestamp in time zone ``tz``: ``CONVERT_TIMEZONE('UTC', tz, e)``."""
    return Column(_ex.FunctionCall("CONVERT_TIMEZONE", [_ex.Literal("UTC"), to_expression(tz), to_column(e)._expression]))


def format_number(col, d):
    """The number rounded half to even to ``d`` places, as a string."""
    rounded = bround(col, d)._expression
    return Column(_ex.Cast(rounded, _NamedType("STRING")))


def _parts(*parts):
    # Snowpark's timestamp parts: a number is a literal, a str names a column.
    return [_argument("n", value) for value in parts]


def timestamp_ltz_from_parts(year, month, day, hour, minute, second, nanoseconds=None):
    args = _parts(year, month, day, hour, minute, second)
    if nanoseconds is not None:
        args.append(_argument("n", nanoseconds))
    return Column(_ex.FunctionCall("TIMESTAMP_LTZ_FROM_PARTS", args))


def timestamp_tz_from_parts(year, month, day, hour, minute, second, nanoseconds=None, timezone=None):
    """``timezone`` is SQL text, as in Snowpark: a column name, or ``lit("America/Los_Angeles")``."""
    args = _parts(year, month, day, hour, minute, second)
    if nanoseconds is not None or timezone is not None:
        args.append(_argument("n", nanoseconds) if nanoseconds is not None else _ex.Literal(0))
    if timezone is not None:
        if isinstance(timezone, Column):
            args.append(timezone._expression)
        elif isinstance(timezone, str):
            args.append(_ex.SqlText(timezone))
        else:
            raise TypeError("timestamp_tz_from_parts() takes the timezone as a Column or SQL text (str), not {}"
                            .format(type(timezone).__name__))
    return Column(_ex.FunctionCall("TIMESTAMP_TZ_FROM_PARTS", args))


def create_map(*cols):
    """``create_map("k", "v", ...)`` or ``create_map([k, v, ...])``: an OBJECT of key-value pairs (NULL values kept)."""
    if _builtins.len(cols) == 1:
        if not isinstance(cols[0], (list, tuple)):
            raise ValueError("The 'create_map' function requires an even number of parameters but the actual number is 1")
        cols = tuple(cols[0])
    if _builtins.len(cols) % 2:
        raise ValueError("The 'create_map' function requires an even number of parameters but the actual number is {}"
                         .format(_builtins.len(cols)))
    return _CATALOGUE["object_construct_keep_null"](*cols)


def map_cat(col1, col2, *cols):
    """``MAP_CAT`` of two maps; more maps nest: ``MAP_CAT(MAP_CAT(a, b), c)``."""
    result = _ex.FunctionCall("MAP_CAT", [to_column(col1)._expression, to_column(col2)._expression])
    for value in cols:
        result = _ex.FunctionCall("MAP_CAT", [result, to_column(value)._expression])
    return Column(result)


map_concat = map_cat


def struct(*cols):
    """An OBJECT whose keys are the columns' names (as written for a str, else the column's name)."""
    def columns(value):
        if isinstance(value, (str, Column)):
            return [value]
        return [item for inner in value for item in columns(inner)]

    args = []
    for value in columns(cols):
        if isinstance(value, str):
            args.extend([_ex.Literal(value), to_column(value)._expression])
            continue
        expression = value._expression
        name = getattr(expression, "name", None) or expression.output_name()
        if _builtins.len(name) > 1 and name.startswith('"') and name.endswith('"'):
            name = name[1:-1]
        args.extend([_ex.Literal(name), _ex.strip_alias(expression)])
    return Column(_ex.FunctionCall("OBJECT_CONSTRUCT_KEEP_NULL", args))


def explode_outer(col):
    """Like ``explode``, with a row of NULLs for an empty or NULL array or object."""
    return flatten(col, outer=True)


def xmlget(xml, tag, instance_num=0):
    return Column(_ex.FunctionCall("XMLGET", [to_column(xml)._expression, to_column(tag)._expression,
                                              _argument("n", instance_num)]))


def normal(mean, stddev, gen):
    """Snowflake's NORMAL: ``mean`` and ``stddev`` are values; ``gen`` a number, or a column by name."""
    return Column(_ex.FunctionCall("NORMAL", [to_expression(mean), to_expression(stddev), _argument("n", gen)]))


def randn(seed=None):
    """A standard normal value: ``NORMAL(0, 1, seed)``, seeded by ``random()`` when no seed is given."""
    return normal(0, 1, random() if seed is None else seed)


def system_reference(object_type, object_identifier, scope="CALL", privileges=None):
    raise NotImplementedError("functions.system_reference is not in Snowpark Local yet.")


# ------------------------------------------------------------------ calling any function

def call_function(function_name, *args):
    return Column(_ex.FunctionCall(function_name, [to_expression(value) for value in args]))


call_builtin = call_function


def function(function_name):
    return lambda *args: call_function(function_name, *args)


builtin = function


def call_udf(udf_name, *args):
    return call_function(udf_name, *args)


def call_table_function(function_name, *args, **kwargs):
    from snowflake.snowpark.table_function import TableFunctionCall
    return TableFunctionCall(function_name, *args, **kwargs)


def table_function(function_name):
    return lambda *args, **kwargs: call_table_function(function_name, *args, **kwargs)


def flatten(input, path=None, outer=False, recursive=False, mode="BOTH"):
    from snowflake.snowpark.table_function import _flatten_call
    return _flatten_call(to_column(input)._expression, path, outer, recursive, mode)


def explode(col):
    return flatten(col)


def when_matched(condition=None):
    """A WHEN MATCHED clause for ``Table.merge``; give it ``.update({...})`` or ``.delete()``."""
    from snowflake.snowpark.table import WhenMatchedClause  # table imports this module

    return WhenMatchedClause(condition)


def when_not_matched(condition=None):
    """A WHEN NOT MATCHED clause for ``Table.merge``; give it ``.insert([...])`` or ``.insert({...})``."""
    from snowflake.snowpark.table import WhenNotMatchedClause

    return WhenNotMatchedClause(condition)



def __getattr__(name):
    # A function Snowpark has and this shim does not: say so instead of an ImportError.
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        "snowflake.snowpark.functions.{} is not in Snowpark Local yet. call_function({!r}, ...) runs any "
        "Snowflake function by name.".format(name, name))

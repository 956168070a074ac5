// Snowflake SQL statements with the answers Snowflake's documentation gives for them (the
// function's reference page, its Examples section or usage notes). Each case names the rule or
// built-in it exercises, so the corpus also proves every function rule runs on real DuckDB.
// Cells: a string is compared as text, a number numerically (floats within 1e-9), { json } as
// parsed JSON, { error } as the Snowflake error code the statement must fail with.
// A case that does not pass yet carries `knownDifference` with the reason, and is expected to
// fail: the day it passes, the test says so and the marker must go.

export type Cell = string | number | boolean | null | { json: unknown };

export interface FunctionCase {
  /** The rule (or built-in) the case is about. */
  fn: string;
  /** Other rules the same statement exercises. */
  also?: string[];
  sql: string;
  rows?: Cell[][];
  error?: string;
  doc: string;
  knownDifference?: string;
}

const D = 'https://docs.snowflake.com/en/sql-reference/functions/';
const one = (fn: string, sql: string, cells: Cell[], page = fn.toLowerCase(), also?: string[]): FunctionCase => ({ fn, sql, rows: [cells], doc: D + page, also });

export const SNOWFLAKE_FUNCTION_CASES: FunctionCase[] = [
  // Aggregates
  one('SUM', 'select sum(x), avg(x), count(x), count(*), min(x), max(x) from (values (1), (2), (null)) t(x)', [3, 1.5, 2, 3, 1, 2], 'sum'),
  one('COUNT_IF', 'select count_if(x > 1) from (values (1), (2), (3)) t(x)', [2]),
  one('COUNT', 'select count(distinct x) from (values (1), (1), (2), (null)) t(x)', [2]),
  one('STDDEV', 'select stddev(x), stddev_samp(x), stddev_pop(x), variance(x), var_samp(x), var_pop(x), variance_pop(x), variance_samp(x) from (values (2), (4), (4), (4), (5), (5), (7), (9)) t(x)', [2.138089935299395, 2.138089935299395, 2, 4.571428571428571, 4.571428571428571, 4, 4, 4.571428571428571], 'stddev', ['VARIANCE_POP', 'VARIANCE_SAMP']),
  one('MEDIAN', 'select median(x), mode(x) from (values (1), (2), (2), (10)) t(x)', [2, 2]),
  one('LISTAGG', "select listagg(x, ', ') within group (order by x) from (values ('b'), ('a'), ('c')) t(x)", ['a, b, c']),
  one('LISTAGG', "select listagg(x) within group (order by x desc) from (values ('b'), ('a')) t(x)", ['ba']),
  one('LISTAGG', "select listagg(distinct x, '|') within group (order by x) from (values ('b'), ('a'), ('b')) t(x)", ['a|b']),
  one('ARRAY_AGG', 'select array_agg(x) within group (order by x desc) from (values (1), (3), (null), (2)) t(x)', [{ json: [3, 2, 1] }]),
  one('OBJECT_AGG', "select object_agg(k, v) from (values ('a', 1), ('b', 2), ('c', null)) t(k, v)", [{ json: { a: 1, b: 2 } }]),
  one('COUNT(a, b, …)', 'select count(distinct a, b), count(a, b) from (values (1, 2), (1, 2), (3, null), (2, 3), (3, null), (4, null)) t(a, b)', [2, 3], '../../developer-guide/snowpark/reference/python/latest/snowpark/api/snowflake.snowpark.functions.count_distinct'),
  one('APPROX_PERCENTILE', 'select approx_percentile(c1, 0.1), approx_percentile(c1, 0.5), approx_percentile(c1, 0.999) from (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)) t(c1)', [1.5, 5.5, 10.5]),
  {
    fn: 'APPROX_PERCENTILE',
    sql: 'select approx_percentile(a, 0), approx_percentile(a, 0.1), approx_percentile(a, 0.4), approx_percentile(a, 0.6), approx_percentile(a, 1) from (values (1), (2), (3), (4), (5), (6), (7), (8), (9), (0)) t(a)',
    rows: [[-0.5, 0.5, 3.5, 5.5, 9.5]],
    doc: 'https://docs.snowflake.com/developer-guide/snowpark/reference/python/1.2.0/api/snowflake.snowpark.DataFrame.approx_quantile',
  },
  {
    fn: 'APPROX_PERCENTILE',
    sql: 'select approx_percentile(a, 0), approx_percentile(a, 0.1), approx_percentile(a, 0.6), approx_percentile(b, 0), approx_percentile(b, 0.1), approx_percentile(b, 0.6) from (values (0.1, 0.5), (0.2, 0.6), (0.3, 0.7)) t(a, b)',
    rows: [[0.05, 0.15, 0.25, 0.45, 0.55, 0.65]],
    doc: 'https://docs.snowflake.com/developer-guide/snowpark/reference/python/1.2.0/api/snowflake.snowpark.DataFrame.approx_quantile',
  },
  one('ANY_VALUE', 'select any_value(x) from (values (5), (5)) t(x)', [5]),
  one('APPROX_COUNT_DISTINCT', 'select approx_count_distinct(x) from (values (1), (2), (2), (3)) t(x)', [3]),
  one('CORR', 'select corr(x, y), covar_samp(x, y), covar_pop(x, y) from (values (1, 2), (2, 4), (3, 6)) t(x, y)', [1, 2, 1.3333333333333333], 'corr'),
  one('PERCENTILE_CONT', 'select percentile_cont(0.5) within group (order by x), percentile_disc(0.5) within group (order by x) from (values (1), (2), (3), (4)) t(x)', [2.5, 2]),
  one('BOOLAND_AGG', 'select booland_agg(x), boolor_agg(x) from (values (1), (0), (5)) t(x)', [false, true]),
  one('BOOLAND_AGG', 'select booland_agg(x), boolor_agg(x) from (values (true), (true)) t(x)', [true, true]),
  one('SKEW', 'select skew(x) from (values (1), (2), (3)) t(x)', [0]),
  one('KURTOSIS', 'select kurtosis(x) from (values (1), (2), (3), (4)) t(x)', [-1.2]),

  // Bitwise (each page's INTEGER example: the `bits` table, ordered by bit1)
  {
    fn: 'BITAND',
    also: ['NEGATE'],
    sql: 'select bit1, bit2, bitand(bit1, bit2), bitor(bit1, bit2), bitxor(bit1, bit2), negate(bit1) from (values (1, 1), (2, 4), (4, 2), (16, 24), (0, 65504), (null, null)) bits(bit1, bit2) order by bit1 nulls last',
    rows: [[0, 65504, 0, 65504, 65504, 0], [1, 1, 1, 1, 0, -1], [2, 4, 0, 6, 6, -2], [4, 2, 0, 6, 6, -4], [16, 24, 16, 24, 8, -16], [null, null, null, null, null, null]],
    doc: D + 'bitand (BITOR, BITXOR pages: same table; NEGATE: Snowpark functions.negate, "equivalent to a unary minus")',
  },
  {
    fn: 'BITNOT',
    also: ['BITSHIFTLEFT'],
    sql: 'select bit1, bit2, bitnot(bit1), bitnot(bit2), bitshiftleft(bit1, 1), bitshiftright(bit2, 1) from (values (1, 1), (2, 4), (4, 2), (16, 24), (0, 65504), (null, null)) bits(bit1, bit2) order by bit1 nulls last',
    rows: [[0, 65504, -1, -65505, 0, 32752], [1, 1, -2, -2, 2, 0], [2, 4, -3, -5, 4, 2], [4, 2, -5, -3, 8, 1], [16, 24, -17, -25, 32, 12], [null, null, null, null, null, null]],
    doc: D + 'bitnot (BITSHIFTLEFT/BITSHIFTRIGHT: bitshiftleft page)',
  },

  // Window functions
  {
    fn: 'ROW_NUMBER',
    sql: "select x, row_number() over (order by x), rank() over (order by x), dense_rank() over (order by x), ntile(2) over (order by x) from (values (10), (20), (20), (30)) t(x) order by 1, 2",
    rows: [[10, 1, 1, 1, 1], [20, 2, 2, 2, 1], [20, 3, 2, 2, 2], [30, 4, 4, 3, 2]],
    doc: D + 'row_number',
  },
  {
    fn: 'PERCENT_RANK',
    sql: 'select x, percent_rank() over (order by x), cume_dist() over (order by x) from (values (1), (2), (3)) t(x) order by x',
    rows: [[1, 0, 1 / 3], [2, 0.5, 2 / 3], [3, 1, 1]],
    doc: D + 'percent_rank',
  },
  {
    fn: 'IGNORE NULLS',
    sql: 'select y, lag(x, 1, 0) ignore nulls over (order by y) from (values (1, 1), (null, 2), (3, 3)) t(x, y) order by y',
    rows: [[1, 0], [2, 1], [3, 1]],
    doc: D + 'lag',
  },
  {
    fn: 'LEAD',
    sql: 'select y, lead(x, 1) over (order by y), first_value(x) over (order by y), nth_value(x, 2) over (order by y rows between unbounded preceding and unbounded following) from (values (5, 1), (6, 2), (7, 3)) t(x, y) order by y',
    rows: [[1, 6, 5, 6], [2, 7, 5, 6], [3, null, 5, 6]],
    doc: D + 'lead',
  },
  {
    fn: 'FIRST_VALUE default frame',
    sql: 'select column1, column2, nth_value(column2, 2) over (partition by column1 order by column2) from (values (1, 10), (1, 11), (1, 12), (2, 20), (2, 21), (2, 22)) t(column1, column2) order by 1, 2',
    rows: [[1, 10, 11], [1, 11, 11], [1, 12, 11], [2, 20, 21], [2, 21, 21], [2, 22, 21]],
    doc: D + 'nth_value (usage notes: no window_frame means ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)',
  },
  {
    fn: 'FIRST_VALUE default frame',
    sql: 'select x, last_value(x) over (order by x), first_value(x) ignore nulls over (order by x desc) from (values (1), (2), (3)) t(x) order by x',
    rows: [[1, 3, 3], [2, 3, 3], [3, 3, 3]],
    doc: D + 'last_value (usage notes: the default frame is the entire window)',
  },
  {
    fn: 'LAST_VALUE',
    sql: "select p, last_value(x) over (partition by p order by x rows between unbounded preceding and unbounded following) from (values ('a', 1), ('a', 2), ('b', 3)) t(p, x) order by p, x",
    rows: [['a', 2], ['a', 2], ['b', 3]],
    doc: D + 'last_value',
  },

  // Conditional
  one('IFF', "select iff(true, 'true', 'false'), iff(null, 'a', 'b')", ['true', 'b']),
  one('NVL', "select nvl(null, 'b'), nvl2(null, 2, 1), nvl2(5, 2, 1), coalesce(null, null, 3)", ['b', 1, 2, 3]),
  one('GREATEST', 'select greatest(1, 3, 0, 4), least(1, 3, 0, 4)', [4, 0]),
  one('GREATEST', 'select greatest(1, null, 3), least(1, null, 3)', [null, null]),
  one('EQUAL_NULL', 'select equal_null(null, null), equal_null(1, 1), equal_null(1, null), equal_null(1, 2)', [true, true, false, false]),
  one('DECODE', "select decode(null, 1, 'one', 2, 'two', null, '-NULL-', 'other'), decode(3, 1, 'one', 2, 'two', 'other'), decode(4, 1, 'one')", ['-NULL-', 'other', null]),
  one('NULLIFZERO', 'select nullifzero(0), nullifzero(5), zeroifnull(null), nullif(1, 1)', [null, 5, 0, null]),
  one('IS DISTINCT FROM', 'select 1 is distinct from null, null is distinct from null', [true, false], 'is-distinct-from'),

  // Strings
  one('CONCAT', "select concat('Snow', 'flake'), 'Snow' || 'flake', concat('a', null), 'a' || null", ['Snowflake', 'Snowflake', null, null]),
  one('CONCAT_WS', "select concat_ws(',', 'one', 'two', 'three'), concat_ws(',', 'one', null)", ['one,two,three', null]),
  one('UPPER', "select upper('Abc'), lower('AbC')", ['ABC', 'abc']),
  one('TRIM', "select trim('❄-❄ABC-❄-', '❄-'), ltrim('#000000123', '0#'), rtrim('$125.00', '0.'), trim('  a  ')", ['ABC', '123', '$125', 'a']),
  one('LENGTH', "select length('Joyeux Noël'), len('')", [11, 0]),
  one('SUBSTR', "select substr('testing 1 2 3', 9, 3), substring('mystring', -1, 3), substr('mystring', 3)", ['1 2', 'g', 'string']),
  one('SUBSTR', "select substr('abc', 0, 2), substr('abc', 2, -1)", ['ab', '']),
  one('SPLIT', "select split('127.0.0.1', '.'), split('|a||', '|')", [{ json: ['127', '0', '0', '1'] }, { json: ['', 'a', '', ''] }]),
  one('SPLIT_PART', "select split_part('11.22.33', '.', 0), split_part('11.22.33', '.', 2), split_part('11.22.33', '.', 4), split_part('11.22.33', '.', -1), split_part('11.22.33', '.', -4)", ['11', '22', '', '33', '']),
  one('SPLIT_PART', "select split_part('|a|b|c|', '|', 1), split_part('|a|b|c|', '|', 2), split_part('aaa--bbb-BBB--ccc', '--', 2), split_part('user@snowflake.com', '', 1)", ['', 'a', 'bbb-BBB', 'user@snowflake.com']),
  one('STRTOK', "select strtok('a.b.c', '.', 1), strtok('user@snowflake.com', '@.', 1), strtok('user@snowflake.com', '@.', 2), strtok('user@snowflake.com', '@.', 3)", ['a', 'user', 'snowflake', 'com']),
  one('STRTOK', "select strtok('user@snowflake.com.', '@.', 4), strtok('', '', 1), strtok('a b')", [null, null, 'a']),
  one('REPLACE', "select replace('down', 'down', 'up'), replace('Vacation in Athens', 'Athens', 'Rome'), replace('abcd', 'bc')", ['up', 'Vacation in Rome', 'ad']),
  one('REGEXP_REPLACE', "select regexp_replace('It was the best of times, it was the worst of times', '( ){1,}', '')", ['Itwasthebestoftimes,itwastheworstoftimes']),
  one('REGEXP_REPLACE', "select regexp_replace('Customers - (NY)', '\\\\(|\\\\)', '')", ['Customers - NY']),
  one('REGEXP_REPLACE', "select regexp_replace('firstname middlename lastname', '(.*) (.*) (.*)', '\\\\3, \\\\1 \\\\2')", ['lastname, firstname middlename']),
  one('REGEXP_COUNT', "select regexp_count('It was the best of times, it was the worst of times', '\\\\bwas\\\\b', 1)", [2]),
  one('REGEXP_SUBSTR', "select regexp_substr('It was the best of times, it was the worst of times', 'the\\\\W+\\\\w+'), regexp_substr('It was the best of times, it was the worst of times', 'the\\\\W+\\\\w+', 1, 2)", ['the best', 'the worst']),
  one('REGEXP_SUBSTR', "select regexp_substr('It was the best of times, it was the worst of times', 'the\\\\W+(\\\\w+)', 1, 2, 'e', 1), regexp_substr('abc', 'x')", ['worst', null]),
  one('REGEXP_LIKE', "select regexp_like('San Francisco', 'San.*'), regexp_like('San Francisco', 'san.*'), regexp_like('San Francisco', 'san.*', 'i'), rlike('San Jose', 'San')", [true, false, true, false]),
  one('RLIKE operator', "select 'San Francisco' rlike 'San.*', 'San Jose' rlike 'San', 'Sacramento' not rlike 'San.*'", [true, false, true], 'rlike'),
  one('LIKE ANY', "select 'John Dddoe' like any ('%Jo%oe%', 'T%e'), 'Tim' like any ('%Jo%', 'x%'), 'abc' like all ('a%', '%c'), 'ABC' ilike any ('a%')", [true, false, true, true], 'like_any'),
  one('LPAD', "select lpad('123.50', 19, '*'), rpad('123.50', 19, '*'), lpad('abc', 5), rpad('abcdef', 3)", ['*************123.50', '123.50*************', '  abc', 'abc'], 'lpad', ['RPAD']),
  one('INITCAP', "select initcap('hello world'), initcap('HELLO WORLD'), initcap('hElLo wOrLd'), initcap('iqamqinterestedqinqthisqtopic', 'q')", ['Hello World', 'Hello World', 'Hello World', 'IqAmqInterestedqInqThisqTopic']),
  one('STARTSWITH', "select contains('ice tea', 'te'), startswith('ice tea', 'ice'), endswith('ice tea', 'tea'), contains('ice tea', 'x')", [true, true, true, false], 'startswith', ['ENDSWITH']),
  one('CHARINDEX', "select charindex('an', 'banana', 1), charindex('an', 'banana', 3), charindex('x', 'banana'), position('an', 'banana', 3), position('an' in 'banana')", [2, 4, 0, 4, 2]),
  one('MD5', "select md5('Snowflake'), sha1('Snowflake')", ['edf1439075a83a447fb8b630ddc9c8de', 'fda76b0bcc1e87cf259b1d1e3271d76f590fb5dd'], 'md5', ['SHA1']),
  one('SHA2', "select length(sha2('Snowflake')), sha2('Snowflake', 256) = sha2('Snowflake')", [64, true]),
  one('REVERSE', "select reverse('Hello, world!'), translate('bat', 'at', 'ob'), repeat('xy', 5)", ['!dlrow ,olleH', 'bob', 'xyxyxyxyxy']),
  one('LEFT', "select left('ABCDEFG', 3), right('ABCDEFG', 3), ascii('A'), chr(83)", ['ABC', 'EFG', 65, 'S']),
  one('EDITDISTANCE', "select editdistance('Ich weiß nicht', 'Ich weiss nicht'), editdistance('', ''), editdistance('Gute nacht', 'Ich weis nicht', 3)", [2, 0, 3]),
  one('backslash escapes in strings', "select length('a\\tb'), 'it\\'s', '\\\\', 'a\\nb'", [3, "it's", '\\', 'a\nb'], '../data-types-text#escape-sequences-in-single-quoted-string-constants'),

  // Dates and times
  one('DATEADD', "select dateadd(year, 2, to_date('2013-05-08')), dateadd(month, 1, '2000-01-31'::date), dateadd('day', 1, '2024-02-28'::date)", ['2015-05-08', '2000-02-29', '2024-02-29']),
  one('DATEADD', "select dateadd(hour, 2, to_timestamp_ntz('2013-05-08 11:22:33.444')), timestampadd(minute, 30, '2024-01-01 10:00:00'::timestamp), dateadd(hour, 1, '2024-01-01'::date)", ['2013-05-08 13:22:33.444', '2024-01-01 10:30:00', '2024-01-01 01:00:00']),
  one('DATEDIFF', "select datediff(year, '2010-04-09 14:39:20'::timestamp, '2013-05-08 23:39:20'::timestamp), datediff(month, '2010-04-09 14:39:20'::timestamp, '2013-05-08 23:39:20'::timestamp), datediff(day, '2010-04-09 14:39:20'::timestamp, '2013-05-08 23:39:20'::timestamp)", [3, 37, 1125]),
  one('DATEDIFF', "select datediff('year', '2024-12-31'::date, '2025-01-01'::date), timestampdiff(hour, '2024-01-01 10:59:00'::timestamp, '2024-01-01 11:00:00'::timestamp)", [1, 1]),
  one('DATE_TRUNC', "select date_trunc('YEAR', '2024-05-09 08:50:57.891'::timestamp_ntz), date_trunc('MONTH', '2024-05-09 08:50:57.891'::timestamp_ntz), date_trunc(hour, '2024-05-09 08:50:57.891'::timestamp_ntz), date_trunc(minute, '2024-05-09 08:50:57.891'::timestamp_ntz)", ['2024-01-01 00:00:00', '2024-05-01 00:00:00', '2024-05-09 08:00:00', '2024-05-09 08:50:00']),
  one('DATE_TRUNC', "select date_trunc('month', '2024-05-09'::date)", ['2024-05-01']),
  one('TO_DATE', "select to_date('2024-05-10'), to_date('2024.05.10', 'YYYY.MM.DD'), date('05/10/2024', 'MM/DD/YYYY'), to_date('2024-05-10 12:00:00'::timestamp)", ['2024-05-10', '2024-05-10', '2024-05-10', '2024-05-10']),
  one('TO_DATE', "select to_date('31536000')", ['1971-01-01']),
  one('TO_TIMESTAMP', "select to_timestamp_ntz(40 * 365.25 * 86400), to_timestamp_ntz(1000000000), to_timestamp('2013-04-05 01:02:03'), to_timestamp('04/05/2013 01:02:03', 'mm/dd/yyyy hh24:mi:ss')", ['2010-01-01 00:00:00', '2001-09-09 01:46:40', '2013-04-05 01:02:03', '2013-04-05 01:02:03']),
  one('TO_TIMESTAMP', "select to_timestamp(1000000000000, 3), to_timestamp_ntz('1000000000')", ['2001-09-09 01:46:40', '2001-09-09 01:46:40']),
  one('TO_TIME', "select to_time('13:30:00'), to_time('11.15.00', 'HH24.MI.SS'), time_from_parts(0, 100, 0), time_from_parts(12, 0, 12345)", ['13:30:00', '11:15:00', '01:40:00', '15:25:45'], 'to_time', ['TIME_FROM_PARTS']),
  one('YEAR', "select year(ts), quarter(ts), month(ts), day(ts), dayofmonth(ts), dayofweek(ts), dayofyear(ts), week(ts), weekofyear(ts), weekiso(ts), yearofweek(ts) from (select '2013-05-08 23:39:20.123'::timestamp as ts)", [2013, 2, 5, 8, 8, 3, 128, 19, 19, 19, 2013], 'year', ['WEEKISO', 'YEAROFWEEK']),
  one('HOUR', "select hour(ts), minute(ts), second(ts), dayofweekiso(ts) from (select '2013-05-08 23:39:20.123'::timestamp as ts)", [23, 39, 20, 3], 'hour-minute-second', ['DAYOFWEEKISO']),
  one('LAST_DAY', "select last_day('2015-05-08'::date), last_day('2015-05-08'::date, 'year'), last_day('2024-02-10'::date, month)", ['2015-05-31', '2015-12-31', '2024-02-29']),
  one('DAYNAME', "select dayname('2015-05-01'::date), monthname('2015-05-01'::date), dayname('2024-01-01 10:00'::timestamp)", ['Fri', 'May', 'Mon'], 'dayname', ['MONTHNAME']),
  one('ADD_MONTHS', "select add_months('2016-05-15'::date, 8), add_months('2016-02-29'::date, 1), add_months('2016-05-31'::date, -1), add_months('2016-01-31'::date, 1)", ['2017-01-15', '2016-03-31', '2016-04-30', '2016-02-29']),
  one('NEXT_DAY', "select next_day('2024-01-01'::date, 'Friday'), next_day('2024-01-01'::date, 'mo'), previous_day('2024-01-01'::date, 'Friday')", ['2024-01-05', '2024-01-08', '2023-12-29'], 'next_day', ['PREVIOUS_DAY']),
  one('DATE_FROM_PARTS', 'select date_from_parts(1977, 8, 7), date_from_parts(2010, 1, 100), date_from_parts(2004, 1, 0), date_from_parts(2004, 1, -1), date_from_parts(2010, 1 + 24, 1)', ['1977-08-07', '2010-04-10', '2003-12-31', '2003-12-30', '2012-01-01']),
  one('TIMESTAMP_FROM_PARTS', 'select timestamp_ntz_from_parts(2013, 4, 5, 12, 00, 00), timestamp_from_parts(2013, 4, 5, 12, 0, -3600)', ['2013-04-05 12:00:00', '2013-04-05 11:00:00']),
  one('DATE_PART', "select date_part(quarter, '2024-05-08'::date), date_part('dow', '2024-05-08'::date), extract(year from '2024-05-08'::date), date_part(epoch_second, '2024-04-10 14:39:20'::timestamp)", [2, 3, 2024, 1712759960]),
  one('CONVERT_TIMEZONE', "select convert_timezone('America/Los_Angeles', 'America/New_York', '2024-01-01 14:00:00'::timestamp_ntz)", ['2024-01-01 17:00:00']),
  one('TO_VARCHAR', "select to_char('2024-04-05 01:02:03'::timestamp, 'mm/dd/yyyy, hh24:mi'), to_varchar('2024-04-05'::date, 'YYYY.MM.DD')", ['04/05/2024, 01:02', '2024.04.05']),

  // Numbers
  one('ROUND', 'select round(135.135), round(-975.975), round(135.135, 1), round(-975.975, -1), round(2.5), round(-2.5)', [135, -976, 135.1, -980, 3, -3]),
  one('ROUND', 'select round(2.5::float), round(-2.5::float), round(1.5::float)', [3, -3, 2]),
  one('TRUNC(date, part)', "select truncate(135.135, 1), trunc(-975.975), trunc(-975.975, -1), trunc('2024-05-09'::date, 'MM')", [135.1, -975, -970, '2024-05-01'], 'trunc'),
  one('FLOOR/CEIL(x, scale)', 'select floor(135.135, 1), floor(-975.975, -1), ceil(135.135, 1), ceil(-975.975), floor(1.5)', [135.1, -980, 135.2, -975, 1], 'floor'),
  one('SQRT', 'select sqrt(4), cbrt(27), pow(2, 10), power(2, 3), exp(0), ln(1), log(10, 100), sign(-5), mod(10, 3), abs(-1), factorial(5), square(3)', [2, 3, 1024, 8, 1, 0, 2, 1 - 2, 1, 1, 120, 9], 'sqrt', ['SQUARE']),
  one('SIN', 'select sin(0), cos(0), tan(0), asin(0), acos(1), atan(0), atan2(0, 1), degrees(pi()), radians(180)', [0, 1, 0, 0, 0, 0, 0, 180, Math.PI], 'sin'),
  { fn: 'division by zero', sql: 'select 1/0', error: '100051', doc: D + '../operators-arithmetic' },
  { fn: 'division by zero', sql: 'select x / (x - 2) from (values (2)) t(x)', error: '100051', doc: D + '../operators-arithmetic' },
  one('division by zero', 'select 10 / 4, 7 / -2', [2.5, -3.5], '../operators-arithmetic'),
  one('UNIFORM', 'select count(*), min(u) >= 1, max(u) <= 10 from (select uniform(1, 10, random()) as u from table(generator(rowcount => 100)))', [100, true, true]),
  one('RANDOM', 'select typeof(to_variant(random())), random() = random()', ['INTEGER', false]),
  { fn: '1/3 scale', sql: 'select 1/3', rows: [['0.333333']], doc: D + '../../sql-reference/operators-arithmetic#scale-and-precision-in-arithmetic-operations', knownDifference: 'DuckDB divides to a DOUBLE; NUMBER scale (s+6) needs column types the text rewrite does not have.' },

  // Semi-structured
  one('PARSE_JSON', `select parse_json('{"a": 1}'), try_parse_json('not json'), to_json(parse_json('{"a":2}'))`, [{ json: { a: 1 } }, null, '{"a":2}'], 'parse_json', ['TRY_PARSE_JSON']),
  {
    fn: 'TO_JSON',
    sql: `select to_json(parse_json('{"b":1,"a":2}'))`,
    rows: [['{"a":2,"b":1}']],
    doc: D + 'to_json',
    knownDifference: 'Snowflake stores OBJECT keys sorted; DuckDB JSON keeps them as written (OBJECT_CONSTRUCT and OBJECT_AGG do sort).',
  },
  one('OBJECT_CONSTRUCT', "select object_construct('a', 1, 'b', 'BBBB', 'c', null), object_construct()", [{ json: { a: 1, b: 'BBBB' } }, { json: {} }]),
  one('OBJECT_CONSTRUCT_KEEP_NULL', "select object_construct_keep_null('key_1', 'one', 'key_2', null)", [{ json: { key_1: 'one', key_2: null } }]),
  one('ARRAY_CONSTRUCT', 'select array_construct(10, 20, 30), array_size(array_construct(1, 2, 3)), array_size(parse_json(\'{"a": 1}\'))', [{ json: [10, 20, 30] }, 3, null], 'array_construct', ['ARRAY_SIZE']),
  one('VARIANT paths and text casts', `select parse_json('{"salesperson": {"name": "Joe Lyons", "id": "55"}}'):salesperson.name::string, parse_json('{"a": [1, {"b": "x"}]}'):a[1].b::varchar, parse_json('{"a": 1}')['a']`, ['Joe Lyons', 'x', { json: 1 }], '../../user-guide/querying-semistructured'),
  one('VARIANT paths and text casts', `select v:customer.name::string, v['customer']['age'], v:items[0]::int from (select parse_json('{"customer": {"name": "Ann", "age": 30}, "items": [7, 8]}') as v)`, ['Ann', { json: 30 }, 7], '../../user-guide/querying-semistructured'),
  one('GET', `select get(array_construct(10, 20), 1), get(parse_json('{"a": "b"}'), 'a'), get_path(parse_json('{"a": {"b": [10, 20]}}'), 'a.b[1]')`, [{ json: 20 }, { json: 'b' }, { json: 20 }], 'get', ['GET_PATH']),
  one('ARRAY_CONTAINS', "select array_contains('hello'::variant, array_construct('hello', 'hi')), array_contains('hello'::variant, array_construct('hola', 'bonjour'))", [true, false]),
  one('ARRAY_APPEND', "select array_append(array_construct(1, 2, 3), 'HELLO'), array_cat(array_construct(1, 2), array_construct(3, 4)), array_prepend(array_construct(1), 0)", [{ json: [1, 2, 3, 'HELLO'] }, { json: [1, 2, 3, 4] }, { json: [0, 1] }], 'array_append', ['ARRAY_PREPEND', 'ARRAY_CAT']),
  one('ARRAY_SLICE', 'select array_slice(array_construct(0, 1, 2, 3, 4, 5, 6), 1, 3), array_slice(array_construct(0, 1, 2, 3, 4, 5, 6), -3, -1)', [{ json: [1, 2] }, { json: [4, 5] }]),
  one('ARRAY_TO_STRING', "select array_to_string(array_construct('Hello', 'World'), ' '), array_to_string(array_construct(1, 2), ',')", ['Hello World', '1,2']),
  one('ARRAY_DISTINCT', "select array_distinct(array_construct('A', 'A', 'B', 'C', 'B'))", [{ json: ['A', 'B', 'C'] }]),
  one('OBJECT_KEYS', `select object_keys(parse_json('{"b": 1, "a": 2}')), object_insert(object_construct('a', 1), 'b', 2), object_delete(object_construct('a', 1, 'b', 2, 'c', 3), 'a', 'b')`, [{ json: ['a', 'b'] }, { json: { a: 1, b: 2 } }, { json: { c: 3 } }], 'object_keys', ['OBJECT_INSERT', 'OBJECT_DELETE']),
  one('TYPEOF', `select typeof(parse_json('1')), typeof(parse_json('"a"')), typeof(parse_json('[1]')), typeof(parse_json('{}')), typeof(parse_json('true')), typeof(parse_json('1.5'))`, ['INTEGER', 'VARCHAR', 'ARRAY', 'OBJECT', 'BOOLEAN', 'DECIMAL']),
  one('IS_<type>', `select is_array(parse_json('[1]')), is_object(parse_json('{}')), is_integer(parse_json('1')), is_varchar(parse_json('"a"')), is_null_value(parse_json('null')), is_boolean(parse_json('1'))`, [true, true, true, true, true, false], 'is_array'),
  one('AS_<type>', `select as_varchar(parse_json('"abc"')), as_integer(parse_json('42')), as_varchar(parse_json('42')), as_double(parse_json('1.5'))`, ['abc', 42, null, 1.5], 'as_varchar'),
  one('STRIP_NULL_VALUE', `select strip_null_value(parse_json('null')), strip_null_value(parse_json('1'))`, [null, { json: 1 }]),
  one('TO_VARIANT', "select to_variant('a'), to_array(1), to_array(array_construct(1, 2)), to_object(parse_json('{\"a\": 1}'))", [{ json: 'a' }, { json: [1] }, { json: [1, 2] }, { json: { a: 1 } }], 'to_variant', ['TO_OBJECT', 'TO_ARRAY']),
  {
    fn: 'FLATTEN',
    sql: `select key, path, index, value from table(flatten(input => parse_json('{"a":1, "b":[77,88]}'))) order by key`,
    rows: [['a', 'a', null, { json: 1 }], ['b', 'b', null, { json: [77, 88] }]],
    doc: D + 'flatten',
  },
  {
    fn: 'FLATTEN',
    sql: `select path, index, value from table(flatten(input => parse_json('{"a":1, "b":[77,88]}'), path => 'b')) order by index`,
    rows: [['b[0]', 0, { json: 77 }], ['b[1]', 1, { json: 88 }]],
    doc: D + 'flatten',
  },
  {
    fn: 'FLATTEN',
    sql: `select t.id, f.value::int from (select 1 as id, parse_json('[1, 2]') as v union all select 2, parse_json('[]')) t, lateral flatten(input => t.v) f order by 1, 2`,
    rows: [[1, 1], [1, 2]],
    doc: D + 'flatten',
  },
  {
    fn: 'FLATTEN',
    sql: `select t.id, f.value from (select 1 as id, parse_json('[]') as v) t, lateral flatten(input => t.v, outer => true) f`,
    rows: [[1, null]],
    doc: D + 'flatten',
  },
  {
    fn: 'SPLIT_TO_TABLE',
    sql: "select index, value from table(split_to_table('a.b', '.')) order by index",
    rows: [[1, 'a'], [2, 'b']],
    doc: D + 'split_to_table',
  },
  { fn: 'GENERATOR', sql: 'select count(*), min(s), max(s) from (select seq4() as s from table(generator(rowcount => 10)))', rows: [[10, 0, 9]], doc: D + 'generator' },
  { fn: 'SEQ4', sql: 'select max(seq8()), count(distinct seq4()) from table(generator(rowcount => 10))', rows: [[9, 10]], doc: D + 'seq1' },
  {
    fn: 'SEQ4',
    also: ['GENERATOR'],
    sql: 'SELECT ( ROW_NUMBER() OVER ( ORDER BY SEQ8() ) - 1 ) * (2) + (5) AS "ID" FROM ( TABLE (GENERATOR(ROWCOUNT => 3))) ORDER BY 1',
    rows: [[5], [7], [9]],
    doc: D + 'seq1 (the query Snowpark sends for session.range(5, 11, 2))',
  },
  {
    fn: 'FLATTEN',
    sql: `select "L"."ID", "T"."VALUE"::int from (select 1 as id, parse_json('[7, 8]') as "V") as "L", lateral flatten(input => "V", outer => false, recursive => false, mode => 'BOTH') as "T" order by 1, 2`,
    rows: [[1, 7], [1, 8]],
    doc: D + 'flatten',
  },
  {
    fn: 'FLATTEN',
    sql: `select t.id, f.value::int, g.value::int from (select 1 as id, parse_json('[3]') as v) as t, table(flatten(input => t.v)) f, lateral table(flatten(input => t.v)) as g`,
    rows: [[1, 3, 3]],
    doc: D + 'flatten',
  },

  // SAMPLE / TABLESAMPLE (docs: "SAMPLE (100)" returns every row, "SAMPLE (0)" none, "n ROWS" exactly n)
  {
    fn: 'SAMPLE clause',
    sql: 'select (select count(*) from (select * from table(generator(rowcount => 50))) sample (10 rows)), (select count(*) from (select seq4() s from table(generator(rowcount => 50))) tablesample bernoulli (100)), (select count(*) from (select 1 from table(generator(rowcount => 50))) sample row (0) seed (3))',
    rows: [[10, 50, 0]],
    doc: D + '../constructs/sample',
  },
  {
    fn: 'SAMPLE clause',
    sql: 'select count(*) from (select * from table(generator(rowcount => 100)) sample (50.0) seed (7)) a full join (select * from table(generator(rowcount => 100)) sample (50.0) seed (7)) b using ("_GENERATOR_ROW") where a."_GENERATOR_ROW" is null or b."_GENERATOR_ROW" is null',
    rows: [[0]],
    doc: D + '../constructs/sample ("You can specify a seed to make the sampling deterministic")',
  },

  // Casts and misc
  one('TO_NUMBER', "select to_number('12.3456', 10, 1), to_decimal('12.3456', 10, 2), to_numeric('12')", ['12.3', '12.35', 12], 'to_decimal'),
  one('TRY_TO_NUMBER', "select try_to_number('abc'), try_to_number('12.34', 10, 2), try_to_double('x'), to_double('1.1')", [null, '12.34', null, 1.1], 'try_to_decimal', ['TRY_TO_DOUBLE', 'TO_DOUBLE']),
  one('TO_BOOLEAN', "select to_boolean('yes'), to_boolean('off'), to_boolean(0), to_boolean(5), try_to_boolean('maybe')", [true, false, false, true, null], 'to_boolean', ['TRY_TO_BOOLEAN']),
  { fn: 'TO_BOOLEAN', sql: "select to_boolean('maybe')", error: '100037', doc: D + 'to_boolean' },
  one('TO_DATE', "select try_to_date('invalid'), try_to_timestamp('not a time')", [null, null], 'try_to_date', ['TRY_TO_TIMESTAMP']),
  one('TO_BINARY', "select to_binary('534E4F57') = to_binary('SNOW', 'utf-8')", [true]),
  one('UUID_STRING', 'select length(uuid_string()), uuid_string() <> uuid_string()', [36, true]),
  one('HASH', 'select hash(1) = hash(1), hash(1) = hash(2), typeof(to_variant(hash(1)))', [true, false, 'INTEGER']),
  one('CAST', "select cast('12' as number), '1.5'::float, try_cast('x' as int), '2024-01-01'::date", [12, 1.5, null, '2024-01-01'], 'cast'),
];

import type { FunctionCase } from './snowflakeFunctionCases';
import { docEx, docSemantics, known, snowparkEx, sql } from './cases/docHelpers';

// Everyday Snowflake SQL the local engine answered wrongly or not at all: the 2-argument
// CONVERT_TIMEZONE, BINARY written as text and measured by LENGTH, the AUTO date and timestamp
// formats, PARSE_JSON numbers wider than a double, session functions cast to VARIANT, and
// APPROX_TOP_K's [value, count] pairs. Answers come from each function's reference page, and for
// the AUTO formats from the page listing them ("Supported formats for AUTO detection").

const AUTO = '../date-time-input-output';
const AUTO_NOTE = 'the page lists the formats AUTO recognizes (Supported formats for AUTO detection, with an example of each)';

/** A small table with one value three times, one twice and one once. */
const votes = ['CREATE OR REPLACE TABLE votes (pick INTEGER, who VARCHAR)', "INSERT INTO votes VALUES (3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (3, 'f')"];

export const SCALAR_GAP_CASES: FunctionCase[] = [
  // CONVERT_TIMEZONE, 2 arguments: a TIMESTAMP_TZ, the same instant with the target zone's offset
  known(
    docEx(
      'CONVERT_TIMEZONE',
      'convert_timezone',
      sql`SELECT CONVERT_TIMEZONE('America/Los_Angeles', '2024-04-05 12:00:00 +02:00') AS time_in_la`,
      [['2024-04-05 03:00:00.000 -0700']],
    ),
    "a TIMESTAMP_TZ keeps no offset of its own locally (DuckDB's TIMESTAMPTZ is an instant): the instant is right, but it is shown in the session's zone, not with the target zone's -0700",
  ),
  docSemantics(
    'CONVERT_TIMEZONE',
    'convert_timezone',
    sql`SELECT CONVERT_TIMEZONE('America/Los_Angeles', '2024-04-05 12:00:00 +02:00') = '2024-04-05 03:00:00 -0700'::TIMESTAMP_TZ, CONVERT_TIMEZONE('America/Los_Angeles', '2024-04-05 12:00:00 +02:00')::TIMESTAMP_NTZ, CONVERT_TIMEZONE('Asia/Tokyo', '2024-01-01 20:00:00 +00:00')::DATE, CONVERT_TIMEZONE('UTC', '2024-01-01 12:00:00 -08:00')::TIMESTAMP, CONVERT_TIMEZONE(NULL, '2024-01-01 12:00:00 +00:00')`,
    [[true, '2024-04-05 03:00:00', '2024-01-02', '2024-01-01 20:00:00', null]],
    "the 2-argument form returns a TIMESTAMP_TZ holding the source instant (the page's 12:00 +02:00 is 03:00 -07:00 in Los Angeles); dropping its offset keeps the target zone's wall clock (05:00 on January 2 in Tokyo, 20:00 in UTC); a NULL argument gives NULL",
  ),

  // BINARY written as text: BINARY_OUTPUT_FORMAT, HEX by default, upper-case digits
  docSemantics(
    'TO_VARCHAR',
    'to_char',
    sql`SELECT TO_VARCHAR(TO_BINARY('SNOW', 'utf-8')), TO_CHAR(TO_BINARY('0aff')), TO_BINARY('SNOW', 'utf-8')::VARCHAR, CAST(TO_BINARY('SNOW', 'utf-8') AS STRING), TO_BINARY('SNOW', 'utf-8')::VARCHAR(8), TO_VARCHAR(CAST(NULL AS BINARY))`,
    [['534E4F57', '0AFF', '534E4F57', '534E4F57', '534E4F57', null]],
    "TO_VARCHAR/TO_CHAR of a BINARY without a format, and a cast to a string type, write it in BINARY_OUTPUT_FORMAT, HEX by default, whose digits are upper-case (https://docs.snowflake.com/en/sql-reference/binary-input-output); 534E4F57 is the to_binary page's SNOW",
    { also: ['CAST type', 'VARIANT paths and text casts'] },
  ),
  docSemantics(
    'TO_VARCHAR',
    'to_char',
    sql`SELECT TO_VARCHAR(PARSE_JSON('"Om ara"')), TO_CHAR(PARSE_JSON('null')), TO_VARCHAR(PARSE_JSON('{"b": 1, "a": [1, 2]}'))`,
    [['Om ara', 'null', '{"a":[1,2],"b":1}']],
    "Usage notes: a string stored in a VARIANT is preserved as is (not converted to a JSON string); a JSON null becomes the word null; an OBJECT becomes its JSON document",
  ),

  // LENGTH / LEN: characters of text, bytes of a BINARY
  snowparkEx('LENGTH', 'length', sql`SELECT LENGTH(a) AS "LENGTH" FROM (VALUES ('the sky is blue'), ('WE CAN HANDLE THIS'), ('ÄäÖößÜü'), (NULL)) AS v(a)`, [[15], [18], [7], [null]]),
  docSemantics(
    'LENGTH',
    'length',
    sql`SELECT LENGTH(TO_BINARY('SNOW', 'utf-8')), LEN(TO_BINARY('ÄäÖ', 'utf-8')), LENGTH('ÄäÖ'), LEN(TO_BINARY('')), LENGTH(CAST(NULL AS BINARY))`,
    [[4, 6, 3, 0, null]],
    'for strings the length is the number of characters (a UTF-8 character counts once), for binary the number of bytes (ÄäÖ is 6 bytes of UTF-8)',
  ),

  // AUTO input formats
  docEx('TO_DATE', 'to_date', sql`SELECT TO_DATE('2024-05-10', 'AUTO'), DATE('2024-05-10', 'AUTO')`, [['2024-05-10', '2024-05-10']]),
  docSemantics(
    'TO_DATE',
    AUTO,
    sql`SELECT TO_DATE('2013-04-28'), TO_DATE('17-DEC-1980'), TO_DATE('12/17/1980'), TRY_TO_DATE('01/02/2024'), TRY_TO_DATE('02-Jan-2024'), DATE('5/2/2013'), TO_DATE('2-January-2024')`,
    [['2013-04-28', '1980-12-17', '1980-12-17', '2024-01-02', '2024-01-02', '2013-05-02', '2024-01-02']],
    `${AUTO_NOTE}: YYYY-MM-DD, DD-MON-YYYY and MM/DD/YYYY (05/02/2013 is May 2); MM and DD take one or two digits, MON an abbreviated or full month name`,
  ),
  docSemantics(
    'TO_DATE',
    AUTO,
    sql`SELECT TRY_TO_DATE('2019/01/02'), TRY_TO_DATE('01-02-2019'), TRY_TO_DATE('2024.05.10'), TRY_TO_DATE('May 10, 2024'), TRY_TO_DATE('2023-02-29'), TRY_TO_DATE('2024-13-01'), TRY_TO_DATE('not a date')`,
    [[null, null, null, null, null, null, null]],
    `${AUTO_NOTE}; slashes imply MM/DD/YYYY and dashes YYYY-MM-DD, so 2019/01/02 and 01-02-2019 match no format; neither do other layouts or days and months out of range, and the TRY_ form gives NULL for them`,
  ),
  docSemantics('TO_DATE', AUTO, sql`SELECT TO_DATE('01-02-2019')`, undefined, `${AUTO_NOTE}; with AUTO, a string no format matches is an error (100040, Date '…' is not recognized)`, { error: '100040' }),
  docSemantics(
    'TO_DATE',
    'to_date',
    sql`SELECT TO_DATE('2013-04-28 20:57:01'), DATE('2013-04-28T20:57:01.123456+07:00'), TO_DATE('Thu, 21 Dec 2000 16:01:07 +0200'), TO_DATE('2/18/2008 02:36:48')`,
    [['2013-04-28', '2013-04-28', '2000-12-21', '2008-02-18']],
    'TO_DATE accepts strings in TIMESTAMP format and discards the time; the strings are in timestamp formats of the AUTO list (https://docs.snowflake.com/en/sql-reference/date-time-input-output)',
  ),
  docSemantics(
    'TO_TIMESTAMP',
    AUTO,
    sql`SELECT TO_TIMESTAMP_NTZ('2013-04-28T20:57:01.123456+07:00'), TO_TIMESTAMP('2013-04-28 20:57:01.123456 +0700'), TO_TIMESTAMP('2013-04-28 20:57:01-07'), TO_TIMESTAMP('2013-04-28T20:57'), TO_TIMESTAMP('2013-04-28 20'), TO_TIMESTAMP('2013-04-28'), TO_TIMESTAMP('12/17/1980')`,
    [['2013-04-28 20:57:01.123456', '2013-04-28 20:57:01.123456', '2013-04-28 20:57:01', '2013-04-28 20:57:00', '2013-04-28 20:00:00', '2013-04-28 00:00:00', '1980-12-17 00:00:00']],
    `${AUTO_NOTE}: the ISO forms with and without fractions, offsets (ignored by TIMESTAMP_NTZ), minutes or seconds; a date-only format is midnight of that day`,
  ),
  docSemantics(
    'TO_TIMESTAMP',
    AUTO,
    sql`SELECT TO_TIMESTAMP('Thu, 21 Dec 2000 16:01:07 +0200'), TO_TIMESTAMP('Thu, 21 Dec 2000 04:01:07.123456 PM +0200'), TO_TIMESTAMP('Thu, 21 Dec 2000 12:01:07 AM'), TO_TIMESTAMP('2/18/2008 02:36:48'), TO_TIMESTAMP('Mon Jul 08 18:09:51 +0000 2013')`,
    [['2000-12-21 16:01:07', '2000-12-21 16:01:07.123456', '2000-12-21 00:01:07', '2008-02-18 02:36:48', '2013-07-08 18:09:51']],
    `${AUTO_NOTE}: the Internet (RFC) forms with HH24 or HH12 and AM/PM (12 AM is hour 0), MM/DD/YYYY HH24:MI:SS and DY MON DD HH24:MI:SS TZHTZM YYYY`,
  ),
  docSemantics(
    'TO_TIMESTAMP',
    AUTO,
    sql`SELECT TO_TIMESTAMP_TZ('Thu, 21 Dec 2000 16:01:07 +0200') = '2000-12-21 14:01:07 +0000'::TIMESTAMP_TZ, TO_TIMESTAMP_LTZ('Mon Jul 08 18:09:51 +0000 2013') = '2013-07-08 11:09:51 -0700'::TIMESTAMP_TZ, TO_TIMESTAMP_TZ('2013-04-28 20:57:01.5 -07:00') = '2013-04-29 03:57:01.5 +0000'::TIMESTAMP_TZ`,
    [[true, true, true]],
    `${AUTO_NOTE}; TO_TIMESTAMP_TZ/LTZ keep the instant the offset names`,
  ),
  docSemantics(
    'TRY_TO_TIMESTAMP',
    AUTO,
    sql`SELECT TRY_TO_TIMESTAMP('2013-04-28 20:57:01 PST'), TRY_TO_TIMESTAMP('28/04/2013 20:57:01'), TRY_TO_TIMESTAMP('2013-04-28 24:00:00'), TRY_TO_TIMESTAMP('2013-04-28 20:57:60'), TRY_TO_TIMESTAMP('Thu, 21 Dec 2000 13:01:07 PM'), TRY_TO_TIMESTAMP('2013-04-28 20:57:01+0700')`,
    [[null, null, null, null, null, null]],
    `${AUTO_NOTE}: a zone name, a day first, hour 24, second 60 (leap seconds are rejected: Valid ranges of values), an HH12 hour above 12 and an offset right after a digit without the colon of TZH:TZM match no format`,
  ),
  docSemantics('TO_TIMESTAMP', AUTO, sql`SELECT TO_TIMESTAMP('2013-04-28 20:57:01 PST')`, undefined, `${AUTO_NOTE}; a string no format matches is an error (100035, Timestamp '…' is not recognized)`, { error: '100035' }),

  // PARSE_JSON keeps an exact NUMBER of up to 38 digits
  docSemantics(
    'PARSE_JSON',
    'parse_json',
    sql`SELECT PARSE_JSON('12345678901234567890'), PARSE_JSON('{"a": 123456789012345678901234567890}'):a, PARSE_JSON('{"a": 123456789012345678901234567890}'):a::NUMBER(38, 0), PARSE_JSON('1234567890.1234567890'), TYPEOF(PARSE_JSON('123456789012345678901234567890')), TYPEOF(PARSE_JSON('1234567890.1234567890'))`,
    [['12345678901234567890', '123456789012345678901234567890', '123456789012345678901234567890', '1234567890.1234567890', 'INTEGER', 'DECIMAL']],
    'Usage notes: PARSE_JSON preserves the exactness of a decimal number, storing it as a fixed-point NUMBER (123.45 as NUMBER(5,2)) rather than a DOUBLE, so every digit of these 20- and 30-digit numbers is kept',
  ),

  // Session functions cast to VARIANT
  docSemantics(
    'deferred call ::VARIANT',
    'to_variant',
    sql`SELECT CURRENT_ROLE()::VARIANT = TO_VARIANT(CURRENT_ROLE()), TYPEOF(CURRENT_USER()::VARIANT), CURRENT_DATABASE()::VARIANT::STRING IS NOT NULL, TYPEOF(CAST(CURRENT_SCHEMA() AS VARIANT))`,
    [[true, 'VARCHAR', true, 'VARCHAR']],
    'a VARCHAR cast to VARIANT (TO_VARIANT or ::VARIANT) is a VARIANT holding that string; CURRENT_ROLE, CURRENT_USER, CURRENT_DATABASE and CURRENT_SCHEMA return VARCHAR',
    { also: ['deferred scalar calls'] },
  ),

  // APPROX_TOP_K: [value, frequency] pairs, most frequent first
  docSemantics(
    'APPROX_TOP_K',
    'approx_top_k',
    sql`SELECT APPROX_TOP_K(pick, 2), APPROX_TOP_K(pick), APPROX_TOP_K(pick, 3, 100) FROM votes`,
    [[{ json: [[3, 3], [1, 2]] }, { json: [[3, 3]] }, { json: [[3, 3], [1, 2], [2, 1]] }]],
    'a JSON array of [value, estimated frequency] arrays, k of them (1 when k is omitted), sorted by descending frequency; with fewer distinct values than counters the estimate is the exact count',
    { setup: votes },
  ),
  docSemantics(
    'APPROX_TOP_K',
    'approx_top_k',
    sql`WITH states AS (SELECT APPROX_TOP_K(pick, 3, 5) AS state FROM votes) SELECT value[0]::INT AS value, value[1]::INT AS frequency FROM states, LATERAL FLATTEN(state) ORDER BY frequency DESC`,
    [[3, 3], [1, 2], [2, 1]],
    "the page's second example (pairs read back with FLATTEN) on a small table of its own",
    { setup: votes, also: ['FLATTEN'] },
  ),
  docSemantics(
    'APPROX_TOP_K',
    'approx_top_k',
    sql`SELECT DISTINCT pick > 1 AS big, APPROX_TOP_K(pick, 1) OVER (PARTITION BY pick > 1) AS top FROM votes ORDER BY big`,
    [[false, { json: [[1, 2]] }], [true, { json: [[3, 3]] }]],
    'the window form with PARTITION BY answers per partition',
    { setup: votes },
  ),
];

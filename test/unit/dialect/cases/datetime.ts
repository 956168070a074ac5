import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, sql } from './docHelpers';

// Date and time functions: TO_DATE / DATE, DAYNAME, …

const dates = ['CREATE OR REPLACE TABLE dates (d DATE)', "INSERT INTO dates (d) VALUES ('2024-01-01'::DATE), ('2024-01-02'::DATE), ('2024-01-03'::DATE), ('2024-01-04'::DATE), ('2024-01-05'::DATE), ('2024-01-06'::DATE), ('2024-01-07'::DATE), ('2024-01-08'::DATE)"];
const fromTs = ['CREATE OR REPLACE TABLE date_from_timestamp(ts TIMESTAMP)', "INSERT INTO date_from_timestamp(ts) VALUES (TO_TIMESTAMP('2024.10.02 04:00:00', 'YYYY.MM.DD HH:MI:SS'))"];
const demo1 = [
  'CREATE OR REPLACE TABLE demo1 (description VARCHAR, value VARCHAR)',
  "INSERT INTO demo1 (description, value) VALUES ('Seconds', '31536000'), ('Milliseconds', '31536000000'), ('Microseconds', '31536000000000'), ('Nanoseconds', '31536000000000000')",
];

export const DATETIME_CASES: FunctionCase[] = [
  docEx('LAST_DAY', 'last_day', sql`SELECT TO_DATE('2025-05-08T23:39:20.123-07:00') AS "DATE", LAST_DAY("DATE") AS "LAST DAY OF MONTH"`, [['2025-05-08', '2025-05-31']]),
  docEx('LAST_DAY', 'last_day', sql`SELECT TO_DATE('2024-05-08T23:39:20.123-07:00') AS "DATE", LAST_DAY("DATE", 'year') AS "LAST DAY OF YEAR"`, [['2024-05-08', '2024-12-31']]),
  docEx('EXTRACT', 'extract', sql`SELECT EXTRACT(year FROM TO_TIMESTAMP('2024-04-10T23:39:20.123-07:00')) AS YEAR`, [[2024]]),
  docEx('TO_DATE', 'to_date', sql`SELECT TO_DATE('2024-05-10'), DATE('2024-05-10')`, [['2024-05-10', '2024-05-10']]),
  docEx('TO_DATE', 'to_date', sql`SELECT ts FROM date_from_timestamp`, [['2024-10-02 04:00:00']], undefined, { setup: fromTs }),
  docEx('TO_DATE', 'to_date', sql`SELECT TO_DATE(ts) FROM date_from_timestamp`, [['2024-10-02']], undefined, { setup: fromTs }),
  docEx('TO_DATE', 'to_date', sql`SELECT TO_DATE('2024.05.10', 'YYYY.MM.DD'), DATE('2024.05.10', 'YYYY.MM.DD')`, [['2024-05-10', '2024-05-10']]),
  docEx('TO_DATE', 'to_date', sql`SELECT TO_DATE('2024-05-10', 'AUTO'), DATE('2024-05-10', 'AUTO')`, [['2024-05-10', '2024-05-10']]),
  docEx('TO_DATE', 'to_date', sql`SELECT TO_DATE('05/10/2024', 'MM/DD/YYYY')`, [['2024-05-10']], "the doc's statement also selects DATE('05/10/2024', 'MM/DD/YYYY') but its output header and value say 05/20 (a doc typo), so only the first column is kept"),
  docEx(
    'TO_DATE',
    'to_date',
    sql`SELECT description, value, TO_TIMESTAMP(value), TO_DATE(value) FROM demo1 ORDER BY value`,
    [['Seconds', '31536000', '1971-01-01 00:00:00', '1971-01-01'], ['Milliseconds', '31536000000', '1971-01-01 00:00:00', '1971-01-01'], ['Microseconds', '31536000000000', '1971-01-01 00:00:00', '1971-01-01'], ['Nanoseconds', '31536000000000000', '1971-01-01 00:00:00', '1971-01-01']],
    undefined,
    { setup: demo1, also: ['TO_TIMESTAMP'] },
  ),
  docEx('DAYNAME', 'dayname', sql`SELECT DAYNAME(TO_DATE('2024-04-01')) AS DAY`, [['Mon']]),
  docEx('DAYNAME', 'dayname', sql`SELECT DAYNAME(TO_TIMESTAMP_NTZ('2024-04-02 10:00')) AS DAY`, [['Tue']]),
  docEx(
    'DAYNAME',
    'dayname',
    sql`SELECT d, DAYNAME(d) FROM dates ORDER BY d`,
    [['2024-01-01', 'Mon'], ['2024-01-02', 'Tue'], ['2024-01-03', 'Wed'], ['2024-01-04', 'Thu'], ['2024-01-05', 'Fri'], ['2024-01-06', 'Sat'], ['2024-01-07', 'Sun'], ['2024-01-08', 'Mon']],
    undefined,
    { setup: dates },
  ),
];

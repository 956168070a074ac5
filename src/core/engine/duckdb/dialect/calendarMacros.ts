import type { SnowflakeMacro } from './macros';

// DuckDB macros behind timeSliceRules.ts, spread into SNOWFLAKE_MACROS.

/** Seconds since midnight, fraction included. */
const timeOfDay = (t: string): string => `epoch(${t} - date_trunc('day', ${t}))`;

export function calendarMacros(): SnowflakeMacro[] {
  return [
    {
      name: 'months_between',
      why:
        'DuckDB has no MONTHS_BETWEEN. Snowflake counts whole months from the year and month parts; the same day of the month, or two month ends, ' +
        'add no fraction, otherwise the day and time difference counts in 31-day months. Its answers carry 6 decimals (-3.629452).',
      // The two values are bound once, as a struct, so each argument is evaluated once.
      body: `(x, y) AS list_transform([{'a': CAST(x AS TIMESTAMP), 'b': CAST(y AS TIMESTAMP)}], d -> CAST(round(
        (year(d.a) - year(d.b)) * 12 + month(d.a) - month(d.b)
        + CASE WHEN day(d.a) = day(d.b) OR (CAST(d.a AS DATE) = last_day(d.a) AND CAST(d.b AS DATE) = last_day(d.b)) THEN 0
          ELSE (day(d.a) - day(d.b)) / 31 + (${timeOfDay('d.a')} - ${timeOfDay('d.b')}) / (31 * 86400) END, 6) AS DECIMAL(38, 6)))[1]`,
    },
  ];
}

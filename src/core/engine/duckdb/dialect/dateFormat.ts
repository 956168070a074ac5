// Snowflake date/time format elements → DuckDB strftime directives. Longest elements
// first, so that `HH24` is not read as `HH` followed by `24`. Matching is case-insensitive,
// as in Snowflake.

export const DATE_FORMAT_ELEMENTS: ReadonlyArray<readonly [snowflake: string, strftime: string]> = [
  ['YYYY', '%Y'],
  ['YY', '%y'],
  ['MMMM', '%B'],
  ['MON', '%b'],
  ['MM', '%m'],
  ['DD', '%d'],
  ['DY', '%a'],
  ['HH24', '%H'],
  ['HH12', '%I'],
  ['HH', '%H'],
  ['AM', '%p'],
  ['PM', '%p'],
  ['MI', '%M'],
  ['SS', '%S'],
  ['FF9', '%n'],
  ['FF6', '%f'],
  ['FF3', '%g'],
  ['FF', '%n'], // Snowflake's default fraction precision is 9 digits
  ['TZH:TZM', '%z'],
];

/** Characters copied as they are (besides text in double quotes, which is literal). */
const LITERAL_CHARACTERS = /[\s\-:/.,_;T]/;

export function translateDateFormat(format: string): { strftime: string } | { unsupported: string } {
  let out = '';
  let i = 0;
  while (i < format.length) {
    const rest = format.slice(i).toUpperCase();
    const element = DATE_FORMAT_ELEMENTS.find(([snowflake]) => rest.startsWith(snowflake));
    if (element) {
      out += element[1];
      i += element[0].length;
    } else if (format[i] === '"') {
      const close = format.indexOf('"', i + 1);
      const literal = format.slice(i + 1, close < 0 ? undefined : close);
      out += literal.replace(/%/g, '%%');
      i = close < 0 ? format.length : close + 1;
    } else if (format[i] === '%') {
      out += '%%';
      i++;
    } else if (LITERAL_CHARACTERS.test(format[i])) {
      out += format[i];
      i++;
    } else {
      return { unsupported: `unknown format element at '${format.slice(i)}'` };
    }
  }
  return { strftime: out };
}

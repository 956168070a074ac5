import { quoteStringLiteral } from '../../../sql/literals';
import { translateDateFormat } from './dateFormat';
import { compileNumberOutputFormat } from './numberToText';
import { numberToTextSql } from './numberToTextSql';

// TO_CHAR / TO_VARCHAR with a format: the format text alone says whether it formats a number
// or a date/time (the value's type is not known when the SQL is translated). A numeric model
// has digit elements (0, 9, X) or TM and no date elements; a date format has YYYY, MM, HH24…
// and never a 0 or 9 of its own, so the two cannot be confused.

export type ToCharFormat = { sql: string } | { unsupported: string };

/** Outside "quoted text", a 0, 9, X, $ or TM: what was meant is a numeric format model. */
const NUMERIC_LOOKING = /[09X$]|TM/i;

/** TO_VARCHAR(binary, format): the binary formats, whose names no number or date model uses. */
const BINARY_FORMATS: Record<string, (value: string) => string> = {
  HEX: (value) => `hex(${value})`,
  BASE64: (value) => `to_base64(${value})`,
  'UTF-8': (value) => `decode(${value})`,
  UTF8: (value) => `decode(${value})`,
};

export function toCharWithFormat(value: string, format: string): ToCharFormat {
  const binary = BINARY_FORMATS[format.trim().toUpperCase()];
  if (binary) return { sql: binary(value) };
  const numeric = compileNumberOutputFormat(format);
  if ('model' in numeric) return { sql: numberToTextSql(value, numeric.model) };
  const date = translateDateFormat(format);
  if ('strftime' in date) return { sql: `strftime(${value}, ${quoteStringLiteral(date.strftime)})` };
  if (NUMERIC_LOOKING.test(format.replace(/"[^"]*"?/g, ''))) {
    return { unsupported: `${numeric.unsupported}. Numeric format models (9, 0, X, '.', D, ',', G, $, S, MI, B, EE…, FM, TM9, TME, TM, %) are` };
  }
  return { unsupported: `${date.unsupported}. Date/time formats (YYYY, MM, DD, HH24, MI, SS, FF…) are` };
}

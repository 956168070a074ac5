// A job's label is its SQL, shown in the tree, the hover and the CLI's --json. A generated
// INSERT … VALUES can be megabytes, and every finished job keeps its label for the run's
// life: long SQL is cut, saying how much was left out.
export const MAX_LABEL_CHARS = 4_000;

export function jobLabel(sql: string): string {
  if (sql.length <= MAX_LABEL_CHARS) return sql;
  let end = MAX_LABEL_CHARS;
  // Never split a surrogate pair: a lone half cannot be encoded for the UI or --json.
  const last = sql.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  // slice() shares the whole source string in V8; split/join copies the kept part, so
  // the megabytes can be collected.
  const kept = sql.slice(0, end).split('').join('');
  return `${kept}… (${sql.length - end} more characters)`;
}

import type { ExpectationCheck } from '../core/savedRuns/checkExpectation';
import type { SavedRunResult } from '../core/savedRuns/runSavedRun';

// How `snowpark-local test` prints a result: one line per test, then for a failure each
// difference by path and both sides in full, for an error what happened and where.

const MARKS = { passed: '✔', failed: '✖', errored: '!' } as const;

export function describeResult(result: SavedRunResult): string {
  const reference = result.run.handler ?? result.run.procedure;
  const lines = [`${MARKS[result.status]} ${reference} › ${result.run.name} (${result.status}, ${result.durationMs} ms)`];
  if (result.status === 'failed' && result.check) lines.push(indent(describeDifferences(result.check)));
  if (result.status === 'errored' && result.problem) {
    const { traceback, message, location } = result.problem;
    if (traceback) lines.push(indent(traceback.trimEnd()));
    // A traceback already holds the whole message; otherwise its later lines say what is wrong.
    const shown = traceback ? message.split('\n')[0] : message.trimEnd();
    const where = location && !shown.includes(`${location.file}:${location.line}`) ? ` at ${location.file}:${location.line}` : '';
    lines.push(indent(`error: ${shown}${where}`));
  }
  return `${lines.join('\n')}\n`;
}

export function describeDifferences(check: ExpectationCheck): string {
  const lines = check.differences.map(
    (difference) => `${difference.path}: expected ${show(difference.expected)}, got ${show(difference.actual)}${difference.note ? ` (${difference.note})` : ''}`,
  );
  lines.push('--- expected', check.expectedText, '+++ actual', check.actualText);
  return lines.join('\n');
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function indent(text: string): string {
  return text.replace(/^/gm, '    ');
}

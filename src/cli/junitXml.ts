import { relative } from 'node:path';
import type { SavedRunResult } from '../core/savedRuns/runSavedRun';
import { savedRunTarget } from '../core/savedRuns/savedRunsFormat';
import { describeDifferences } from './testReport';

// JUnit XML as CI systems read it (Jenkins, GitLab, GitHub test reporters): one <testsuite>
// per handler file, one <testcase> per saved run; a result that differs is a <failure>, a
// run that could not produce one (crash, setup, bad path) an <error>.

export function junitXml(folder: string, results: Array<SavedRunResult & { output: string }>, timestamp = new Date()): string {
  const suites = new Map<string, typeof results>();
  for (const result of results) {
    const file = relative(folder, savedRunTarget(folder, result.run).file).split('\\').join('/');
    suites.set(file, [...(suites.get(file) ?? []), result]);
  }
  const count = (list: typeof results, status: string): number => list.filter((result) => result.status === status).length;
  const seconds = (list: typeof results): string => (list.reduce((sum, result) => sum + result.durationMs, 0) / 1000).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="snowpark-local" tests="${results.length}" failures="${count(results, 'failed')}" errors="${count(results, 'errored')}" time="${seconds(results)}">`,
  ];
  for (const [file, list] of suites) {
    lines.push(
      `  <testsuite name="${escape(file)}" tests="${list.length}" failures="${count(list, 'failed')}" errors="${count(list, 'errored')}" skipped="0" time="${seconds(list)}" timestamp="${timestamp.toISOString().slice(0, 19)}">`,
    );
    for (const result of list) {
      const reference = result.run.handler ?? result.run.procedure ?? file;
      lines.push(`    <testcase classname="${escape(reference)}" name="${escape(result.run.name)}" file="${escape(file)}" time="${(result.durationMs / 1000).toFixed(3)}">`);
      if (result.status === 'failed' && result.check) {
        const first = result.check.differences[0];
        const message = `${result.check.differences.length} difference(s) from the expected result; first at ${first?.path ?? '?'}`;
        lines.push(`      <failure message="${escape(message)}" type="ExpectationMismatch">${escape(describeDifferences(result.check))}</failure>`);
      } else if (result.status === 'errored' && result.problem) {
        const where = result.problem.location ? ` (${result.problem.location.file}:${result.problem.location.line})` : '';
        const type = result.outcome?.error?.errorType ?? 'Error';
        lines.push(`      <error message="${escape(result.problem.message.split('\n')[0] + where)}" type="${escape(type)}">${escape(result.problem.traceback ?? result.problem.message)}</error>`);
      }
      if (result.output) lines.push(`      <system-out>${escape(result.output)}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

/** XML text and attribute escaping; characters XML 1.0 cannot hold at all are dropped. */
function escape(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

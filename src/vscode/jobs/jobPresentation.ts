import * as vscode from 'vscode';
import type { JobRecord } from '../../core/jobs/jobManager';
import { isTerminal } from '../../core/jobs/jobStatus';

// How one job looks in the Snowpark Jobs tree: icon by status, label, description,
// tooltip, and the contextValue tokens the menus in package.json select on.

const STATUS_ICONS: Record<string, vscode.ThemeIcon> = {
  QUEUED: new vscode.ThemeIcon('clock'),
  RUNNING: new vscode.ThemeIcon('loading~spin'),
  ABORTING: new vscode.ThemeIcon('loading~spin', new vscode.ThemeColor('charts.yellow')),
  SUCCESS: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  FAILED_WITH_ERROR: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  ABORTED: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
};

export function elapsedText(job: JobRecord, now = Date.now()): string {
  const ms = (job.endedMs ?? now) - job.startedMs;
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function jobLabel(job: JobRecord): string {
  switch (job.kind) {
    case 'run':
      return job.detail.worksheet ? `Worksheet ${oneLine(job.label, 60)}` : oneLine(job.label, 60);
    case 'query':
      return job.id;
    case 'batch':
      return `joblib ${job.label}()`;
    case 'task':
      return `task ${String(job.detail.index ?? '?')}`;
  }
}

/** Rows with children are not re-rendered every second (see JobsTreeProvider.tickRunning). */
function hasLiveElapsed(job: JobRecord): boolean {
  return job.kind === 'task' || (job.kind === 'query' && !/^\s*call\b/i.test(job.label));
}

export function jobDescription(job: JobRecord, now = Date.now()): string {
  const running = !isTerminal(job.status);
  const time = running && !hasLiveElapsed(job) ? `since ${new Date(job.startedMs).toLocaleTimeString()}` : elapsedText(job, now);
  const parts = [job.status === 'RUNNING' ? time : `${job.status} · ${time}`];
  if (job.kind === 'query') parts.push(oneLine(job.label));
  if (job.kind === 'task' && job.detail.worker !== undefined) parts.push(`worker ${String(job.detail.worker)}`);
  if (job.error) parts.push(oneLine(job.error.message, 60));
  return parts.join(' · ');
}

export function jobContextValue(job: JobRecord, hasResult: boolean): string {
  const tokens = ['job', job.kind];
  if (isTerminal(job.status)) {
    tokens.push('finished');
    if (hasResult) tokens.push('hasResult');
  } else {
    tokens.push('running');
    if (job.status !== 'ABORTING') tokens.push('cancellable');
    if (job.kind === 'query' || job.kind === 'run') tokens.push('awaitable');
  }
  tokens.push('hasQueryId');
  return tokens.join(' ');
}

export function jobTooltip(job: JobRecord, now = Date.now()): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  const kind = { run: 'Run', query: 'Query', batch: 'joblib batch', task: 'joblib task' }[job.kind];
  md.appendMarkdown(`**${kind}** \`${job.id}\` — ${job.status} (${elapsedText(job, now)})\n\n`);
  if (job.kind === 'query') md.appendCodeblock(job.label, 'sql');
  else md.appendText(`${job.label}\n`);
  const file = job.detail.file;
  if (typeof file === 'string') md.appendText(`\n${file}\n`);
  if (job.error) {
    const code = job.error.errorCode ? `${job.error.errorCode} (${job.error.sqlState ?? ''}): ` : '';
    md.appendMarkdown('\n**Error**\n\n');
    md.appendCodeblock(`${code}${job.error.message}${job.error.location ? `\nat ${job.error.location}` : ''}`, 'text');
  }
  return md;
}

export function jobIcon(job: JobRecord): vscode.ThemeIcon {
  return STATUS_ICONS[job.status] ?? new vscode.ThemeIcon('circle-outline');
}
